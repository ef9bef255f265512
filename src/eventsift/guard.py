"""Guards before spaCy, and a per-article time budget.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, so a
long chunk of punctuation, symbols or emoji (``=====...``, ``'s's's...``) costs time quadratic in
its length: 10,000 ``=`` take half a minute. :func:`guard_text` makes every such chunk short
without moving any offset (each change replaces one character by one character), so evidence
offsets into the cleaned text stay valid:

* lone UTF-16 surrogates (a cut emoji escaped in JSON) become U+FFFD, NUL bytes a space;
* a run of more than ``MAX_SYMBOL_RUN`` characters that are neither word characters nor spaces
  keeps its first ``MAX_SYMBOL_RUN`` and the rest become spaces;
* a whitespace-free run longer than ``MAX_CHUNK`` gets a space every ``MAX_CHUNK`` characters.

:func:`prose_problem` says when a text is not prose at all (mostly symbols, or far more tokens
than prose of its length has): such an article fails alone with that reason, before the parser
spends minutes on it.

:class:`Budget` raises :class:`BudgetExceeded` in the main thread when a block runs longer than
its seconds (``SIGALRM``); elsewhere (another thread, no ``setitimer``) it does nothing.
"""
from __future__ import annotations

import re
import signal
import threading
from typing import Any

#: the longest run of symbols or punctuation spaCy sees (the tokenizer is quadratic in it)
MAX_SYMBOL_RUN = 32
#: the longest whitespace-free chunk spaCy sees (URLs are split; words are never this long)
MAX_CHUNK = 64
#: below this share of letters and digits among its non-space characters a text is not prose
MIN_WORD_SHARE = 0.4
#: the word-share test applies to texts with at least this many non-space characters
MIN_CHARS_FOR_SHARE = 500
#: tokens per character above which a long text is not prose (prose has about 0.2)
MAX_TOKEN_DENSITY = 0.4
#: the density test applies to texts with more tokens than this (a few seconds of parsing)
MIN_TOKENS_FOR_DENSITY = 20_000

_SURROGATE_OR_NUL = re.compile("[\ud800-\udfff\x00]")
_SYMBOL_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_SYMBOL_RUN + 1))
_LONG_CHUNK = re.compile(r"\S{%d,}" % (MAX_CHUNK + 1))
_WORD = re.compile(r"[^\W_]")
_SPACE = re.compile(r"\s")


def _fix_char(m: re.Match) -> str:
    return " " if m.group() == "\x00" else "\ufffd"


def _cut_symbols(m: re.Match) -> str:
    run = m.group()
    return run[:MAX_SYMBOL_RUN] + " " * (len(run) - MAX_SYMBOL_RUN)


def _break_chunk(m: re.Match) -> str:
    chunk = m.group()
    step = MAX_CHUNK + 1
    return "".join(chunk[i:i + MAX_CHUNK] + (" " if i + MAX_CHUNK < len(chunk) else "")
                   for i in range(0, len(chunk), step))


def scrub(text: str) -> str:
    """Lone surrogates to U+FFFD and NUL to a space (same length): text any encoder accepts."""
    return _SURROGATE_OR_NUL.sub(_fix_char, text)


def guard_text(text: str) -> str:
    """The text spaCy should see: same length as ``text``, no pathological chunks."""
    text = scrub(text)
    text = _SYMBOL_RUN.sub(_cut_symbols, text)
    return _LONG_CHUNK.sub(_break_chunk, text)


def _word_share(text: str) -> tuple[int, int]:
    visible = len(text) - len(_SPACE.findall(text))
    return len(_WORD.findall(text)), visible


def prose_problem(text: str, guarded: str | None = None, n_tokens: int | None = None) -> str | None:
    """Why ``text`` is not prose spaCy should parse, or None.

    Not prose: fewer than MIN_WORD_SHARE of its visible characters are letters or digits, both
    as given and once :func:`guard_text` has cut its symbol runs (``guarded``: a report with one
    long rule of ``=`` in it is prose once the rule is cut); or, given ``n_tokens``, far more
    tokens than prose of its length has."""
    words, visible = _word_share(text)
    if visible >= MIN_CHARS_FOR_SHARE and words < MIN_WORD_SHARE * visible:
        kept_words, kept_visible = _word_share(guarded) if guarded is not None else (words, visible)
        if kept_words < MIN_WORD_SHARE * kept_visible:
            return (f"not prose: only {words / visible:.0%} of its {visible} visible characters are letters or "
                    f"digits (at least {MIN_WORD_SHARE:.0%} needed)")
    if n_tokens is not None and n_tokens > MIN_TOKENS_FOR_DENSITY and n_tokens > MAX_TOKEN_DENSITY * len(text):
        return (f"not prose: {n_tokens} tokens in {len(text)} characters (prose has about one token in five "
                f"characters; more than {MAX_TOKEN_DENSITY:g} per character is not parsed)")
    return None


class BudgetExceeded(BaseException):
    """Raised inside a :class:`Budget` block that ran out of time (a BaseException, so that broad
    ``except Exception`` blocks in the code under the budget do not swallow it)."""


class Budget:
    """``with Budget(30): ...`` raises BudgetExceeded after 30 s of wall time (main thread only)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._previous: Any = None
        self._armed = False

    @staticmethod
    def available() -> bool:
        return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self) -> "Budget":
        if self.seconds and self.seconds > 0 and self.available():
            def on_alarm(signum: int, frame: Any) -> None:
                raise BudgetExceeded

            self._previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, float(self.seconds))
            self._armed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self._armed = False
