"""Bytes to text, with a reason for everything that is not plain UTF-8 text."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from eventsift.models import Status

#: share of decoded characters that may be U+FFFD replacements before the input counts as
#: "not UTF-8 text": a Latin-1 or cp1252 news page has a few percent accented letters, random
#: binary has about half; 10% keeps the first and rejects the second with a wide margin
MAX_REPLACED_SHARE = 0.10
#: share of control bytes (other than tab, newlines, form feed, escape) in the first
#: BINARY_SNIFF bytes above which an input is binary even without NUL bytes
MAX_CONTROL_SHARE = 0.10
BINARY_SNIFF = 8192
#: share of NUL bytes in the first BINARY_SNIFF bytes above which an input is binary (a stray
#: NUL in a report is dropped with a note; a file of records or images has many)
MAX_NUL_SHARE = 0.01
#: bytes looked at to recognise UTF-16 or UTF-32 text without a byte order mark
_WIDE_SNIFF = 512

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    status: Status
    reason: str


def _looks_binary(data: bytes) -> bool:
    head = data[:BINARY_SNIFF]
    if not head:
        return False
    if head.count(0) > MAX_NUL_SHARE * len(head):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > MAX_CONTROL_SHARE


def wide_codec(data: bytes) -> str | None:
    """"utf-32" / "utf-16" for a byte order mark (UTF-32's first: it begins like UTF-16's), or
    the byte order of UTF-16/UTF-32 text without one: mostly-ASCII text in them has NUL bytes at
    fixed places (nine in ten of those places, and almost none elsewhere, are required)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:_WIDE_SNIFF]
    if len(head) < 4 or head.count(0) < len(head) // 3:
        return None

    def nul_share(offset: int, step: int) -> float:
        part = head[offset::step]
        return part.count(0) / max(len(part), 1)

    for codec, width, text_at in (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1)):
        others = [nul_share(i, width) for i in range(width) if i != text_at]
        if min(others) >= 0.9 and nul_share(text_at, width) < 0.1:
            return codec
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode an input's bytes.

    * empty (or whitespace only) → skipped "empty input";
    * UTF-32 or UTF-16 (a byte order mark, or the NUL bytes of ASCII text in them) → decoded so;
    * more than MAX_NUL_SHARE NUL bytes or many control bytes → skipped "binary content"; fewer
      NUL bytes are dropped with a note;
    * valid UTF-8 (a BOM is dropped) → ok;
    * HTML that declares another charset in a <meta> tag → decoded with that charset;
    * otherwise decoded with replacement characters: ok with a note when at most
      MAX_REPLACED_SHARE of the characters were replaced, else failed "not UTF-8 text".
    """
    if not data.strip():
        return Decoded("", Status.SKIPPED, "empty input")
    codec = wide_codec(data)
    if codec:
        text = data.decode(codec, errors="replace").lstrip("\ufeff")
        if not text.strip():
            return Decoded("", Status.SKIPPED, "empty input")
        how = "byte order mark" if codec in ("utf-16", "utf-32") else "no byte order mark"
        return Decoded(text, Status.OK, f"decoded as {codec[:6].upper()} ({how})")
    if _looks_binary(data):
        return Decoded("", Status.SKIPPED, "binary content")
    if b"\x00" in data:
        found = _utf8_or_guess(data.replace(b"\x00", b""), html=html)
        note = f"removed {data.count(0)} NUL byte(s)"
        return Decoded(found.text, found.status, "; ".join(filter(None, [found.reason, note])))
    return _utf8_or_guess(data, html=html)


def _utf8_or_guess(data: bytes, *, html: bool) -> Decoded:
    try:
        return Decoded(data.decode("utf-8-sig"), Status.OK, "")
    except UnicodeDecodeError:
        pass
    if html:
        charset = _declared_charset(data)
        if charset and charset not in ("utf-8", "utf-8-sig"):
            try:
                return Decoded(data.decode(charset), Status.OK, f"decoded as {charset} (declared in html)")
            except (UnicodeDecodeError, LookupError):
                pass
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    share = replaced / max(len(text), 1)
    if share > MAX_REPLACED_SHARE:
        return Decoded("", Status.FAILED, f"not UTF-8 text ({share:.0%} of characters undecodable)")
    return Decoded(text, Status.OK, f"replaced {replaced} invalid UTF-8 byte sequence(s)")
