"""Opening inputs safely: regular files only, bounded gzip, JSON with limits, encodings of JSONL.

Everything here is shared by the reader and by :func:`~eventsift.ingest.count_inputs`, so that
counting never opens or reads more than reading would.
"""
from __future__ import annotations

import codecs
import errno
import gzip
import io
import json
import os
import re
import stat
from pathlib import Path
from typing import IO, Any

from eventsift.errors import printable  # noqa: F401  (re-exported for the reader)

#: decompressed bytes a gzip input may produce before its ratio is checked (small files inflate a lot)
RATIO_GRACE = 1 << 16
#: digits of a JSON integer kept as a number; a longer one is kept as its text (Python refuses
#: to convert more than 4,300 digits, and no field of an input needs more than a few)
MAX_INT_DIGITS = 64
#: characters kept of an input's own id; a longer one is replaced by a hash of it
MAX_ID_CHARS = 200
#: bytes read at a time when counting lines
_COUNT_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_LINE_WITH_TEXT = re.compile(rb"[^\n]\n")
_BLANKS = b" \t\r\x0b\x0c"
COMPRESSED_SUFFIXES = frozenset({".gz"})


class Unreadable(OSError):
    """An input that is not opened, with the reason (``skipped`` when ``skip`` is true)."""

    def __init__(self, reason: str, *, skip: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.skip = skip


class GzipBomb(OSError):
    """A gzip input that inflates past the allowed ratio."""


def check_regular(path: Path) -> None:
    """Raise :class:`Unreadable` unless ``path`` (after symlinks) is a regular file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("symbolic link loop") from None
        if exc.errno == errno.ENOENT:
            broken = os.path.islink(path)
            raise Unreadable("broken symbolic link" if broken else "no such file or directory") from None
        if exc.errno == errno.ENAMETOOLONG:
            raise Unreadable("file name too long") from None
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = ("a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode)
                or stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a file")
        raise Unreadable(f"not a regular file ({kind})", skip=True)


def open_regular(path: Path) -> IO[bytes]:
    """Open ``path`` for reading only if it is a regular file: it is opened without blocking (a
    named pipe swapped in after the check does not hang) and checked again once open."""
    check_regular(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Unreadable("not a regular file", skip=True)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class _Counted(io.RawIOBase):
    """A raw reader that counts the bytes read through it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.n = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.n += len(data)
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


class BoundedGzip:
    """A gzip stream that raises :class:`GzipBomb` once it has inflated more than ``max_ratio``
    times the compressed bytes read (checked past RATIO_GRACE decompressed bytes)."""

    def __init__(self, raw: IO[bytes], max_ratio: float) -> None:
        self._counted = _Counted(raw)
        self._gz = gzip.GzipFile(fileobj=io.BufferedReader(self._counted), mode="rb")
        self.max_ratio = max_ratio
        self.inflated = 0

    def _check(self, data: bytes) -> bytes:
        self.inflated += len(data)
        if self.max_ratio and self.inflated > RATIO_GRACE and self.inflated > self.max_ratio * max(self._counted.n, 1):
            raise GzipBomb(f"gzip stream inflates more than {self.max_ratio:g} times its size "
                           f"({self._counted.n} bytes gave {self.inflated}); the rest is not read")
        return data

    def readline(self, size: int = -1) -> bytes:
        return self._check(self._gz.readline(size))

    def read(self, size: int = -1) -> bytes:
        return self._check(self._gz.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._check(self._gz.read1(size))

    def peek(self, size: int = 1) -> bytes:
        return self._gz.peek(size)

    def close(self) -> None:
        self._gz.close()
        self._counted.close()

    def __enter__(self) -> "BoundedGzip":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_input(path: Path, *, gz: bool, max_ratio: float) -> Any:
    raw = open_regular(path)
    return BoundedGzip(raw, max_ratio) if gz else raw


# -- JSON ----------------------------------------------------------------------------------
def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


def loads(text: str) -> Any:
    """``json.loads`` that never raises anything but ValueError: integers over MAX_INT_DIGITS
    digits stay text, and nesting deeper than Python's recursion allows is an error."""
    try:
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None


def scrub(value: str) -> str:
    """Lone UTF-16 surrogates (a cut emoji escaped as ``\\ud83d``) become U+FFFD: nothing
    downstream (the tokenizer, SQLite, UTF-8 output) can encode them."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def given_id(value: Any) -> tuple[str | None, str | None]:
    """An input's own ``id`` field as text, or (None, note) when it cannot serve as one.

    Strings and numbers are kept (control characters and surrounding spaces removed); lists,
    objects and booleans are not ids; an id over MAX_ID_CHARS characters is replaced by a hash."""
    from eventsift.ingest.ids import short_hash

    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, f"id of type {type(value).__name__} ignored"
    if isinstance(value, float) and value != value:
        return None, "id NaN ignored"
    text = _CONTROL.sub("", scrub(str(value))).strip()
    if not text:
        return None, None
    if len(text) > MAX_ID_CHARS:
        return "h-" + short_hash(text), f"id of {len(text)} characters replaced by its hash"
    return text, None


# -- encodings of JSONL streams --------------------------------------------------------------
def sniff_utf16_32(head: bytes) -> str | None:
    """The codec of a stream whose first bytes are ``head`` when it is UTF-16 or UTF-32 (by byte
    order mark, or by the NUL pattern of ASCII text in it), else None."""
    from eventsift.ingest.decode import wide_codec

    return wide_codec(head)


def recode_to_utf8(stream: Any, codec: str) -> Any:
    """A bytes stream of ``stream`` (in ``codec``) re-encoded as UTF-8, line by line."""
    utf8 = codecs.lookup("utf-8")
    source = codecs.lookup(codec)
    return codecs.StreamRecoder(stream, utf8.encode, utf8.decode, source.streamreader, source.streamwriter,
                                errors="replace")


# -- counting --------------------------------------------------------------------------------
def count_lines(stream: Any) -> int:
    """Non-blank lines of a bytes stream, read in bounded chunks (a line of any length, or a
    billion empty lines, costs no more memory than one chunk). A stream that breaks off (a
    truncated or over-inflating gzip) counts its complete lines and one more: the failed row the
    reader writes for the rest."""
    total, open_line = 0, False
    # read1 gives what is decoded so far, so a stream that breaks off still counts its lines (a
    # StreamRecoder would hand read1 on to the stream under it: the bytes before recoding)
    recoded = isinstance(stream, codecs.StreamRecoder)
    read = stream.read if recoded or not hasattr(stream, "read1") else stream.read1
    while True:
        try:
            chunk = read(_COUNT_CHUNK)
        except (OSError, EOFError):
            return total + 1
        if not chunk:
            return total + (1 if open_line else 0)
        chunk = chunk.translate(None, _BLANKS)
        if open_line and chunk.startswith(b"\n"):
            total += 1
        total += len(_LINE_WITH_TEXT.findall(chunk))
        last = chunk.rfind(b"\n")
        tail = chunk[last + 1:]
        open_line = bool(tail) or (open_line and last < 0)


def count_json_document(path: Path, *, max_bytes: int) -> int:
    """Inputs in a .json file: the items of a top-level list (one row for an empty one), else one."""
    try:
        with open_regular(path) as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        return 1
    if len(data) > max_bytes or not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        return 1
    try:
        obj = loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return 1
    return max(len(obj), 1) if isinstance(obj, list) else 1
