"""Stable article ids and publication dates read from input fields."""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

#: hex digits kept of a blake2b digest: 64 bits, collision-free in practice for millions of
#: articles while staying short enough to read in a URL or a CSV cell
HASH_HEX = 16

#: publication years outside [MIN_YEAR, this year + MAX_YEARS_AHEAD] are typing slips or
#: placeholders ("9999-12-31"); the date is ignored with a note (date arithmetic on them overflows)
MIN_YEAR = 1800
MAX_YEARS_AHEAD = 1

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def short_hash(value: str) -> str:
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=HASH_HEX // 2).hexdigest()


def normalise_text(text: str) -> str:
    """Whitespace collapsed (any Unicode whitespace, incl. no-break spaces), ends stripped."""
    return " ".join(text.split())


def article_id(*, given: object = None, url: str | None = None, text: str | None = None, source: str = "") -> str:
    """The input's own id; else ``u-`` + hash of the url; else ``t-`` + hash of the normalised
    text; else (an input with no text at all) ``s-`` + hash of where it was read from."""
    if given is not None and str(given).strip():
        return str(given).strip()
    if url and url.strip():
        return "u-" + short_hash(url.strip())
    if text is not None:
        norm = normalise_text(text)
        if norm:
            return "t-" + short_hash(norm)
    return "s-" + short_hash(source)


def parse_published(value: object) -> tuple[date | None, str | None]:
    """See :func:`_parse_published`; a date outside the plausible years is not used (a note says so)."""
    found, problem = _parse_published(value)
    if found is not None and not MIN_YEAR <= found.year <= date.today().year + MAX_YEARS_AHEAD:
        return None, f"published {found.isoformat()} is out of range ({MIN_YEAR} to next year)"
    return found, problem


def _parse_published(value: object) -> tuple[date | None, str | None]:
    """An ISO date/datetime (or an RFC 2822 date, as in feeds) to a date.

    Returns ``(date, None)`` or ``(None, note)`` explaining why the value was not usable. A
    datetime keeps the calendar day as written (its own time zone), which is the publisher's day.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if not isinstance(value, str):
        return None, f"published {str(value)[:40]!r} is not a date string"
    raw = value.strip()
    try:
        return datetime.fromisoformat(raw).date(), None
    except ValueError:
        pass
    m = _ISO_DAY.match(raw)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])), None
        except ValueError:
            return None, f"published {raw[:40]!r} is not a valid date"
    try:
        return parsedate_to_datetime(raw).date(), None
    except (TypeError, ValueError, IndexError):
        pass
    return None, f"published {raw[:40]!r} is not an ISO date"
