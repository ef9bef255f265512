"""Read inputs (files, directories, stdin) into Articles: exactly one Article per input.

An input is a .txt/.html/.htm/.json file, one line of a .jsonl file (also gzipped as
.jsonl.gz, or on stdin as "-"), or one response record of a .warc/.warc.gz file (ingest.warc).
Whatever happens, the input yields one Article whose ``status`` (ok | skipped | failed) and
``reason`` say what became of it; nothing is dropped silently. Blank lines of a JSONL stream
are not inputs and yield nothing.

``published`` given to :func:`iter_articles` is the date for inputs that carry none (plain
text files, JSON records without a usable ``published``, pages without a date in their meta).
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from eventsift.clean import is_boilerplate
from eventsift.config import Settings
from eventsift.ingest.decode import decode_bytes
from eventsift.ingest.html import TimedExtractor, read_html
from eventsift.ingest.ids import article_id, parse_published
from eventsift.ingest.warc import count_records, is_warc, warc_articles
from eventsift.models import Article, Status

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
ENGLISH = frozenset({"en", "eng", "english"})
#: a .txt title longer than this is a paragraph, not a headline: it is cut here
MAX_TITLE_CHARS = 300
#: bytes read at a time when skipping over the rest of an over-long JSONL line
_SKIP_CHUNK = 1 << 20
#: count_inputs scans at most this many bytes of JSONL to count its lines; past it the total is unknown
COUNT_SCAN_BYTES = 2 << 30


def iter_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Article]:
    """Articles from files, directories (recursively, sorted, hidden files skipped) and "-"
    (JSONL on stdin), one per input, in input order."""
    settings = settings or Settings.from_env()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    reader = _Reader(settings=settings, published=published)
    with reader.extractor:
        for given in paths:
            if str(given) == "-":
                yield from reader.jsonl_stream(sys.stdin.buffer, "<stdin>")
                continue
            path = Path(given)
            if path.is_dir():
                for file in _walk(path):
                    yield from reader.file(file)
            else:
                yield from reader.file(path)


def count_inputs(paths: Iterable[str | Path] | str | Path, *, max_scan_bytes: int = COUNT_SCAN_BYTES) -> int | None:
    """How many Articles :func:`iter_articles` will yield for ``paths``, for a progress bar.

    A file counts one, a JSONL file its non-blank lines (gzipped ones too). None when the total
    cannot be known cheaply: stdin, or more than ``max_scan_bytes`` of JSONL to scan.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total, budget = 0, max_scan_bytes
    for given in paths:
        if str(given) == "-":
            return None
        path = Path(given)
        files = _walk(path) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if is_warc(file):
                try:
                    budget -= file.stat().st_size
                    if budget < 0:
                        return None
                    total += count_records(file)
                except Exception:  # unreadable: iter_articles yields one failed Article for it
                    total += 1
                continue
            gz = suffix == ".gz" and Path(file.stem).suffix.lower() in JSONL_SUFFIXES
            if suffix not in JSONL_SUFFIXES and not gz:
                total += 1
                continue
            try:
                budget -= file.stat().st_size * (4 if gz else 1)
                if budget < 0:
                    return None
                with (gzip.open(file, "rb") if gz else open(file, "rb")) as stream:
                    total += sum(1 for line in stream if line.strip())
            except (OSError, EOFError, gzip.BadGzipFile):
                total += 1  # unreadable: iter_articles yields one failed Article for it
    return total


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` in sorted order, skipping hidden files and directories."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath)
        rel = base.relative_to(root).parts
        for name in filenames:
            if not name.startswith("."):
                found.append((rel + (name,), base / name))
    found.sort(key=lambda item: item[0])
    return [path for _, path in found]


def _language(value: Any) -> tuple[str | None, str | None]:
    """(normalised code, reason to skip or None)."""
    if value is None or not str(value).strip():
        return "en", None
    code = str(value).strip().lower().replace("_", "-")
    if code.split("-")[0] in ENGLISH:
        return "en", None
    return code, f"language {code} not supported"


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _first_title_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip() and not is_boilerplate(line):
            return " ".join(line.split())[:MAX_TITLE_CHARS]
    return None


def _failed(source: str, reason: str, status: Status = Status.FAILED, **known: Any) -> Article:
    ident = article_id(given=known.pop("given", None), url=known.get("url"), source=source)
    return Article(id=ident, text="", status=status, reason=reason, source=source, **known)


class _Reader:
    def __init__(self, *, settings: Settings, published: date | None) -> None:
        self.settings = settings
        self.published = published
        self.max_bytes = settings.max_bytes
        self.extractor = TimedExtractor(timeout=settings.html_timeout)

    # -- files -----------------------------------------------------------------------------
    def file(self, path: Path) -> Iterator[Article]:
        source = str(path)
        suffix = path.suffix.lower()
        try:
            if not path.exists():
                yield _failed(source, "no such file or directory")
                return
            if not path.is_file():
                yield _failed(source, "not a regular file", Status.SKIPPED)
                return
            if suffix in JSONL_SUFFIXES:
                with path.open("rb") as stream:
                    yield from self.jsonl_stream(stream, source)
                return
            if is_warc(path):
                with path.open("rb") as stream:
                    yield from warc_articles(self, stream, source)
                return
            if suffix == ".gz" and Path(path.stem).suffix.lower() in JSONL_SUFFIXES:
                with gzip.open(path, "rb") as stream:
                    try:
                        yield from self.jsonl_stream(stream, source)
                    except (OSError, EOFError) as exc:  # a corrupt or truncated archive
                        yield _failed(f"{source}:?", f"cannot read gzip stream: {exc}")
                return
            if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES:
                yield _failed(source, f"unsupported file type {suffix or '(none)'!r}", Status.SKIPPED)
                return
            data = self._read_limited(path)
        except OSError as exc:
            yield _failed(source, f"cannot read: {exc.strerror or exc}")
            return
        if isinstance(data, str):  # too large
            yield _failed(source, data, Status.SKIPPED)
            return
        if suffix in JSON_SUFFIXES:
            yield from self._json_document(data, source)
            return
        decoded = decode_bytes(data, html=suffix in HTML_SUFFIXES)
        if decoded.status is not Status.OK:
            yield _failed(source, decoded.reason, decoded.status)
            return
        if suffix in HTML_SUFFIXES:
            yield self._html(decoded.text, source=source, notes=[decoded.reason] if decoded.reason else [])
        else:
            yield self._text_file(decoded.text, source=source, note=decoded.reason)

    def _read_limited(self, path: Path) -> bytes | str:
        """The file's bytes, or the reason it is too large (read no more than max_bytes + 1)."""
        size = path.stat().st_size
        if size > self.max_bytes:
            return f"too large: {size} bytes > max_bytes {self.max_bytes}"
        with path.open("rb") as handle:
            data = handle.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            return f"too large: more than {self.max_bytes} bytes > max_bytes {self.max_bytes}"
        return data

    def _text_file(self, text: str, *, source: str, note: str) -> Article:
        ident = article_id(text=text, source=source)
        if not text.strip():
            return Article(id=ident, text="", status=Status.SKIPPED, reason="empty input", source=source)
        return Article(
            id=ident,
            text=text,
            published=self.published,
            title=_first_title_line(text),
            language="en",
            status=Status.OK,
            reason=note,
            source=source,
        )

    def _html(
        self,
        html: str,
        *,
        source: str,
        notes: list[str],
        given: Any = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        published: date | None = None,
        language: Any = None,
        fallback: tuple[date | None, str] = (None, ""),
    ) -> Article:
        """``fallback``: a date (and the note that says where it came from) for a page that states
        none, before the run's ``published``."""
        page = read_html(html, url=url, extractor=self.extractor)
        notes = notes + list(page.notes)
        if not (published or page.published) and fallback[0]:
            published = fallback[0]
            notes.append(fallback[1])
        text = page.text
        lang, lang_problem = _language(language if language is not None else page.language)
        ident = article_id(given=given, url=url, text=text, source=source)
        fields = dict(
            id=ident,
            url=url,
            outlet=outlet,
            published=published or page.published or self.published,
            title=title or page.title,
            language=lang,
            source=source,
        )
        if not text.strip():
            return Article(text="", status=Status.SKIPPED, reason="; ".join(["no text found in html"] + notes), **fields)
        if lang_problem:
            return Article(text=text, status=Status.SKIPPED, reason=lang_problem, **fields)
        return Article(text=text, status=Status.OK, reason="; ".join(notes), **fields)

    # -- JSON records ----------------------------------------------------------------------
    def record(self, obj: Any, *, source: str) -> Article:
        """One JSON object with keys id, text | html, published, title, url, outlet, language, country
        (other keys are ignored)."""
        if not isinstance(obj, dict):
            return _failed(source, f"expected a JSON object, got {type(obj).__name__}")
        given = obj.get("id")
        url = _opt_str(obj.get("url"))
        known = dict(given=given, url=url, outlet=_opt_str(obj.get("outlet")), title=_opt_str(obj.get("title")))
        notes: list[str] = []
        published, problem = parse_published(obj.get("published"))
        if problem:
            notes.append(problem)
        text, html = obj.get("text"), obj.get("html")
        if text is None and html is None:
            return _failed(source, "no text or html", **known)
        if text is not None and not isinstance(text, str):
            return _failed(source, f"text is a {type(text).__name__}, not a string", **known)
        if text is None and not isinstance(html, str):
            return _failed(source, f"html is a {type(html).__name__}, not a string", **known)
        if (text is None or not text.strip()) and isinstance(html, str) and html.strip():
            return self._html(html, source=source, notes=notes, published=published, language=obj.get("language"), **known)
        lang, lang_problem = _language(obj.get("language"))
        known["id"] = article_id(given=known.pop("given"), url=url, text=text, source=source)
        base = dict(published=published or self.published, language=lang, source=source,
                    country=_opt_str(obj.get("country")), **known)
        if not text.strip():
            return Article(text="", status=Status.SKIPPED, reason="empty input", **base)
        if lang_problem:
            return Article(text=text, status=Status.SKIPPED, reason=lang_problem, **base)
        return Article(text=text, status=Status.OK, reason="; ".join(notes), **base)

    def _json_document(self, data: bytes, source: str) -> Iterator[Article]:
        decoded = decode_bytes(data)
        if decoded.status is not Status.OK:
            yield _failed(source, decoded.reason, decoded.status)
            return
        try:
            obj = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            hint = " (one object per line? name the file .jsonl)" if exc.msg == "Extra data" else ""
            yield _failed(source, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}{hint}")
            return
        if isinstance(obj, list):
            if not obj:
                yield _failed(source, "empty input (empty JSON list)", Status.SKIPPED)
            for i, item in enumerate(obj, 1):
                yield self.record(item, source=f"{source}:{i}")
        else:
            yield self.record(obj, source=source)

    def jsonl_stream(self, stream: IO[bytes], name: str) -> Iterator[Article]:
        lineno = 0
        limit = self.max_bytes
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                return
            lineno += 1
            source = f"{name}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = len(raw) + _skip_line(stream)
                yield _failed(source, f"too large: {size} bytes > max_bytes {limit}", Status.SKIPPED)
                continue
            if not raw.strip():
                continue  # a blank line is not an input
            note = ""
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("utf-8", errors="replace")
                note = "replaced invalid UTF-8 bytes"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _failed(source, f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            article = self.record(obj, source=source)
            if note and article.status is Status.OK:
                article = article.with_status(Status.OK, "; ".join(filter(None, [article.reason, note])))
            yield article


def _skip_line(stream: IO[bytes]) -> int:
    """Consume the rest of the current line without holding it; return the bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
