"""Remove page clutter from an article's text, keeping an exact map back to the original offsets.

What goes:

* whole lines that are page furniture (menu links, "Share this", "Advertisement", cookie
  notices, "Follow us on ...", photo credits ...), see :mod:`eventsift.clean.boilerplate`;
* a line that repeats the line just before it (a photo caption scraped twice): the first
  copy stays.

A removed line goes with its newline, so the lines around it keep their own line breaks and
sentence segmentation sees the same paragraph structure as before.

What changes without moving anything: non-breaking and narrow spaces become plain spaces,
``\\r\\n`` becomes ``\\n`` (the ``\\r`` is dropped), a lone ``\\r`` or a Unicode line/paragraph
separator becomes ``\\n``, zero-width characters and byte order marks are dropped.

The map is a short list of segments ``(clean_start, orig_start)``: inside a segment the cleaned
text and the original advance together, so ``to_original`` is one bisect. Everything is one
pass over the text with precompiled patterns (linear time).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from eventsift.clean.boilerplate import boilerplate_reason
from eventsift.models import Span

#: characters replaced one for one (offsets do not move)
_SAME_LENGTH = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\r": "\n",  # a lone carriage return (old Mac line ends); \r\n is handled by _DROP
    "\u2028": "\n",  # line separator
    "\u2029": "\n",  # paragraph separator
}
_REPLACE = re.compile("[" + "".join(_SAME_LENGTH) + "]")
#: characters dropped (the cleaned text is shorter; the map skips them)
_DROP = re.compile("\r(?=\n)|[\u200b\u200c\u200d\u2060\ufeff]")

REPEATED_LINE = "repeated line"


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch of the original text that the cleaned text leaves out, and why."""

    span: Span
    reason: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The text the NLP sees and the map back to the text as it was given.

    ``clean_starts[k]``/``orig_starts[k]`` open segment ``k``: cleaned offsets from
    ``clean_starts[k]`` up to the next segment map one for one onto original offsets from
    ``orig_starts[k]``.
    """

    text: str
    removed: tuple[Removal, ...]
    clean_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    original_length: int

    def to_original(self, i: int) -> int:
        """The original offset of cleaned offset ``i`` (``0 <= i <= len(text)``).

        ``i == len(text)`` (an end offset) maps to just after the last kept character.
        """
        if i < 0 or i > len(self.text):
            raise IndexError(f"offset {i} outside the cleaned text (length {len(self.text)})")
        if not self.clean_starts:
            return 0 if i == 0 else self.original_length
        k = bisect_right(self.clean_starts, i) - 1
        if k < 0:
            k = 0
        return self.orig_starts[k] + (i - self.clean_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned ``[start, end)`` to the original: the end follows its last character,
        so a span never swallows a removed stretch that lies just after it."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def from_original(self, o: int) -> int:
        """The cleaned offset of original offset ``o``: the number of kept characters before it,
        which is the kept character at ``o`` itself, or the next kept one when ``o`` was removed
        (``0 <= o <= original length``)."""
        if o < 0 or o > self.original_length:
            raise IndexError(f"offset {o} outside the original text (length {self.original_length})")
        k = bisect_right(self.orig_starts, o) - 1
        if k < 0:
            return 0
        seg_len = (self.clean_starts[k + 1] if k + 1 < len(self.clean_starts) else len(self.text)) - self.clean_starts[k]
        return self.clean_starts[k] + min(o - self.orig_starts[k], seg_len)

    def span_from_original(self, start: int, end: int) -> tuple[int, int]:
        """Map an original ``[start, end)`` into the cleaned text (removed parts shrink away)."""
        return self.from_original(start), self.from_original(max(start, end))

    @property
    def offsets_unchanged(self) -> bool:
        """True when every cleaned offset equals its original offset (nothing removed or dropped)."""
        if not self.clean_starts:
            return self.original_length == 0
        return self.orig_starts == (0,) and len(self.text) == self.original_length


class _Builder:
    """Collects pieces of kept text and merges contiguous ones into map segments."""

    __slots__ = ("parts", "clean_starts", "orig_starts", "pos", "next_orig")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.pos = 0
        self.next_orig = -1

    def add(self, piece: str, orig_start: int) -> None:
        if not piece:
            return
        if orig_start != self.next_orig:
            self.clean_starts.append(self.pos)
            self.orig_starts.append(orig_start)
        self.parts.append(piece)
        self.pos += len(piece)
        self.next_orig = orig_start + len(piece)

    def add_line(self, line: str, orig_start: int) -> None:
        """Add one kept line (with its newline), dropping and translating characters."""
        last = 0
        for m in _DROP.finditer(line):
            self.add(_same_length(line[last : m.start()]), orig_start + last)
            last = m.end()
        self.add(_same_length(line[last:]), orig_start + last)


def _same_length(piece: str) -> str:
    return _REPLACE.sub(_replacement, piece)


def _replacement(m: re.Match[str]) -> str:
    return _SAME_LENGTH[m.group()]


def _line_key(line: str) -> str:
    """What a line is compared on: whitespace (any kind) collapsed, ends stripped."""
    return " ".join(line.split())


def clean_text(text: str) -> Cleaned:
    """Clean ``text``; see the module docstring for what is removed and changed."""
    out = _Builder()
    removed: list[Removal] = []
    previous_key = ""  # the last line kept (blank lines reset it: a repeat must be adjacent)
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        line = text[pos:end]
        key = _line_key(line)
        reason = None
        if key:
            if key == previous_key:
                reason = REPEATED_LINE
            else:
                reason = boilerplate_reason(key)
        if reason is None:
            out.add_line(line, pos)
            previous_key = key
        else:
            removed.append(Removal(Span(pos, end, line), reason))
        pos = end
    return Cleaned(
        text="".join(out.parts),
        removed=tuple(removed),
        clean_starts=tuple(out.clean_starts),
        orig_starts=tuple(out.orig_starts),
        original_length=n,
    )
