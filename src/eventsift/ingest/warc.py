"""WARC and WARC.gz files (web archives, a news crawl's dumps): one Article per response record.

Only ``response`` (and ``resource``) records are inputs; ``request``, ``metadata``, ``warcinfo``
and the rest describe them and yield nothing. A response becomes an ``ok`` Article when it is an
HTTP 200 HTML page (``text/html`` or ``application/xhtml+xml``) in English, not larger than
``Settings.max_bytes``; any other response becomes a ``skipped`` Article whose reason says why
(status, content type, language, size), so a crawl's images and redirects are counted, not lost.

The page's text comes from the same HTML path as an .html file (trafilatura under a time limit,
the plain-text fallback). Its URL is the record's ``WARC-Target-URI`` (which makes its id); its
publication date is the page's own (meta tags, JSON-LD) and, where the page states none, the
day of the record's ``WARC-Date`` (the day it was fetched), and the reason says so. The
language is the record's ``WARC-Identified-Content-Language`` where the crawler identified one,
else the page's ``lang`` attribute.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from eventsift.ingest.decode import decode_bytes
from eventsift.ingest.ids import article_id, parse_published
from eventsift.models import Article, Status

if TYPE_CHECKING:  # the reader passes itself in; importing it here would be circular
    from eventsift.ingest.reader import Reader as _Reader

log = logging.getLogger(__name__)

#: record types that carry a page
PAGE_RECORDS = frozenset({"response", "resource"})
#: HTTP content types read as HTML pages
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_warc(path: Path) -> bool:
    """``.warc``, ``.warc.gz`` (gzipped per record, as crawls ship them) or ``.arc(.gz)``."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def _iterator(stream: IO[bytes]):
    from warcio.archiveiterator import ArchiveIterator

    return ArchiveIterator(stream, arc2warc=True)


def count_records(path: Path) -> int:
    """How many Articles :func:`warc_articles` yields for a file (headers only are parsed)."""
    with path.open("rb") as stream:
        return sum(1 for record in _iterator(stream) if record.rec_type in PAGE_RECORDS)


def warc_articles(reader: "_Reader", stream: IO[bytes], name: str) -> Iterator[Article]:
    """Articles of the page records in ``stream`` (a WARC, gzipped or not), in file order."""
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in _iterator(stream):
            if record.rec_type not in PAGE_RECORDS:
                continue
            n += 1
            yield _record(reader, record, f"{name}:{n}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:  # corrupt or truncated archive
        first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        yield Article(id=article_id(source=f"{name}:{n + 1}"), text="", status=Status.FAILED,
                      reason=f"cannot read WARC record {n + 1}: {first}", source=f"{name}:{n + 1}")


def _record(reader: "_Reader", record, source: str) -> Article:
    headers = record.rec_headers
    url = (headers.get_header("WARC-Target-URI") or "").strip() or None
    crawled, _ = parse_published(headers.get_header("WARC-Date"))
    known = dict(id=article_id(url=url, source=source), url=url, source=source, published=crawled)

    def skipped(reason: str) -> Article:
        return Article(text="", status=Status.SKIPPED, reason=reason, **known)

    http = record.http_headers
    if record.rec_type == "response":
        if http is None:
            return skipped("response record without HTTP headers")
        status = (http.get_statuscode() or "").strip()
        if status != "200":
            return skipped(f"HTTP status {status or '(none)'}, not 200")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return skipped(f"content type {mime or '(none)'} is not an HTML page")
    language = _record_language(headers.get_header("WARC-Identified-Content-Language"))
    if language is not None and language != "en":
        return skipped(f"language {language} not supported")
    limit = reader.max_bytes
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return skipped(f"too large: more than {limit} bytes > max_bytes {limit}")
    if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
        return Article(text="", status=Status.FAILED, reason="truncated record: the archive ends inside it", **known)
    decoded = decode_bytes(data, html=True)
    if decoded.status is not Status.OK:
        return Article(text="", status=decoded.status, reason=decoded.reason, **known)
    # a page that states no date of its own is dated by the day it was fetched
    return reader._html(decoded.text, source=source, notes=[decoded.reason] if decoded.reason else [],
                        url=url, language=language,
                        fallback=(crawled, "published: the record's WARC-Date (the page states none)"))


def _record_language(value: str | None) -> str | None:
    """The first language a crawler identified (``eng,fra`` → ``en``), or None when none is given."""
    if not value or not value.strip():
        return None
    first = value.split(",")[0].strip().lower()
    if first in ("en", "eng", "english"):
        return "en"
    return first
