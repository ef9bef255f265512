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

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    status: Status
    reason: str


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    head = data[:BINARY_SNIFF]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > MAX_CONTROL_SHARE


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
    * a UTF-16 byte order mark → decoded as UTF-16;
    * NUL bytes or many control bytes → skipped "binary content";
    * valid UTF-8 (a BOM is dropped) → ok;
    * HTML that declares another charset in a <meta> tag → decoded with that charset;
    * otherwise decoded with replacement characters: ok with a note when at most
      MAX_REPLACED_SHARE of the characters were replaced, else failed "not UTF-8 text".
    """
    if not data.strip():
        return Decoded("", Status.SKIPPED, "empty input")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        if not text.strip():
            return Decoded("", Status.SKIPPED, "empty input")
        return Decoded(text, Status.OK, "decoded as UTF-16 (byte order mark)")
    if _looks_binary(data):
        return Decoded("", Status.SKIPPED, "binary content")
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
