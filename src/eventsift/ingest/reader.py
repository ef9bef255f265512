"""Read inputs (files, directories, stdin) into Articles: exactly one Article per input.

An input is a .txt/.html/.htm/.json file, one line of a .jsonl file (on stdin as "-"), or one
response record of a .warc/.warc.gz file (ingest.warc); the files other than WARC may be gzipped
(``.txt.gz``, ``.jsonl.gz`` ...). Only regular files are opened (named pipes, devices and sockets
are skipped with a reason), and a gzip input that inflates more than ``Settings.max_gzip_ratio``
times its size stops there.
Whatever happens, the input yields one Article whose ``status`` (ok | skipped | failed) and
``reason`` say what became of it; nothing is dropped silently. Blank lines of a JSONL stream
are not inputs and yield nothing. Two inputs of one call that share an id (two records with
the same ``id``, two files with the same text) keep an Article each: the later one gets the id
``<id>~2`` (``~3`` ...) and its reason names the earlier input; when its text is the same too,
it is ``skipped`` (coding a copy again would count its events twice).

``published`` given to :func:`iter_articles` is the date for inputs that carry none (plain
text files, JSON records without a usable ``published``, pages without a date in their meta).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import struct
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from dataclasses import replace as dataclass_replace
from typing import IO, Any

from eventsift.clean import is_boilerplate
from eventsift.config import Settings
from eventsift.ingest.decode import decode_bytes
from eventsift.ingest.html import TimedExtractor, read_html
from eventsift.ingest.ids import article_id, parse_published
from eventsift.ingest.streams import (
    COMPRESSED_SUFFIXES, GzipBomb, Unreadable, check_regular, count_json_document, count_lines, given_id, loads, open_input,
    recode_to_utf8, scrub, sniff_utf16_32,
)
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
    reader = Reader(settings=settings, published=published)
    ids = _Ids()
    with reader.extractor:
        for given in paths:
            if str(given) == "-":
                yield from ids.each(_guarded(reader.jsonl_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"), "<stdin>")
                continue
            path = Path(given)
            if path.is_dir():
                for file in walk(path):
                    yield from ids.each(_guarded(reader.file(file), str(file)), str(file))
            else:
                yield from ids.each(_guarded(reader.file(path), str(path)), str(path))


def _guarded(articles: Iterator[Article], source: str) -> Iterator[Article]:
    """The articles of one file; should reading it raise (a bug, an I/O error mid-file), one
    failed Article says so and the next file is read."""
    try:
        yield from articles
    except Exception as exc:  # one bad input must not stop a run
        log.error("reading %s failed: %s", source, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        yield _failed(f"{source}:?", f"read error: {type(exc).__name__}: {exc}")


class _Ids:
    """Gives the second and later inputs that share an id in one call ids of their own.

    Memory stays small for runs of millions: per id, an 8-byte digest of it as the key and a
    20-byte record (digest of the text, times seen, which file, which line) as the value,
    about 150 bytes an input; file names are kept once."""

    _RECORD = struct.Struct("<8sIII")

    def __init__(self) -> None:
        self.seen: dict[bytes, bytes] = {}
        self.files: list[str] = []

    @staticmethod
    def _key(ident: str) -> bytes:
        return hashlib.blake2b(ident.encode("utf-8", "replace"), digest_size=8).digest()

    def each(self, articles: Iterator[Article], name: str) -> Iterator[Article]:
        self.files.append(name)
        for article in articles:
            yield self.own(article, len(self.files) - 1)

    def _where(self, file_index: int, line: int) -> str:
        name = self.files[file_index]
        return f"{name}:{line}" if line else name

    def own(self, article: Article, file_index: int) -> Article:
        if article.source and scrub(article.source) != article.source:  # a file name that is not UTF-8
            article = dataclass_replace(article, source=scrub(article.source))
        name, source = self.files[file_index], article.source or ""
        tail = source[len(name) + 1:] if source.startswith(name + ":") else ""
        line = int(tail) if tail.isdigit() and len(tail) < 10 else 0
        digest = hashlib.blake2b(article.text.encode("utf-8", "replace"), digest_size=8).digest()
        key = self._key(article.id)
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = self._RECORD.pack(digest, 1, file_index, line)
            return article
        first_digest, n, first_file, first_line = self._RECORD.unpack(first)
        self.seen[key] = self._RECORD.pack(first_digest, n + 1, first_file, first_line)
        new_id = f"{article.id}~{n + 1}"
        while self._key(new_id) in self.seen:  # an input may carry that id itself
            n += 1
            new_id = f"{article.id}~{n + 1}"
        self.seen[self._key(new_id)] = self._RECORD.pack(digest, 1, file_index, line)
        where = self._where(first_file, first_line)
        if digest == first_digest and article.status is Status.OK:  # a copy: coding it again would count its events twice
            return dataclass_replace(article, id=new_id, status=Status.SKIPPED,
                                     reason=f"duplicate of {article.id} (same text) read from {where}")
        note = f"id {article.id} already used by {where}"
        return dataclass_replace(article, id=new_id, reason="; ".join(filter(None, [note, article.reason])))


def count_inputs(paths: Iterable[str | Path] | str | Path, *, max_scan_bytes: int = COUNT_SCAN_BYTES,
                 settings: Settings | None = None) -> int | None:
    """How many Articles :func:`iter_articles` will yield for ``paths``, for a progress bar.

    A file counts one, a JSONL file its non-blank lines (gzipped ones too). None when the total
    cannot be known cheaply: stdin, or more than ``max_scan_bytes`` of JSONL to scan. It opens
    only what the reader opens (regular files) and stops a gzip stream where the reader does.
    """
    settings = settings or Settings.from_env()
    max_ratio, max_bytes = settings.max_gzip_ratio, settings.max_bytes
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total, budget = 0, max_scan_bytes
    for given in paths:
        if str(given) == "-":
            return None
        path = Path(given)
        files = walk(path) if path.is_dir() else [path]
        for file in files:
            if is_warc(file):
                try:
                    check_regular(file)
                    budget -= file.stat().st_size
                    if budget < 0:
                        return None
                    total += count_records(file)
                except Exception:  # unreadable: iter_articles yields one failed Article for it
                    total += 1
                continue
            suffix, gz = _kind(file)
            if suffix in JSON_SUFFIXES and not gz:
                total += count_json_document(file, max_bytes=max_bytes)
                continue
            if suffix not in JSONL_SUFFIXES:
                total += 1
                continue
            try:
                check_regular(file)
                budget -= file.stat().st_size * (4 if gz else 1)
                if budget < 0:
                    return None
                with open_input(file, gz=gz, max_ratio=max_ratio) as stream:
                    codec = sniff_utf16_32(stream.peek(512)[:512])
                    total += count_lines(recode_to_utf8(stream, codec) if codec else stream)
            except GzipBomb:
                total += 1  # iter_articles yields one failed Article for the rest of the stream
            except (OSError, EOFError, gzip.BadGzipFile, ValueError):
                total += 1  # unreadable: iter_articles yields one failed Article for it
    return total


def _kind(path: Path) -> tuple[str, bool]:
    """(the suffix that says what the input is, whether it is gzipped): ("".jsonl", True) for x.jsonl.gz."""
    suffix = path.suffix.lower()
    if suffix in COMPRESSED_SUFFIXES:
        return Path(path.stem).suffix.lower(), True
    return suffix, False


def walk(root: Path) -> list[Path]:
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
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = scrub(str(value)).strip()
    return text or None


def _first_title_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip() and not is_boilerplate(line):
            return " ".join(line.split())[:MAX_TITLE_CHARS]
    return None


def _failed(source: str, reason: str, status: Status = Status.FAILED, **known: Any) -> Article:
    ident = article_id(given=given_id(known.pop("given", None))[0], url=known.get("url"), source=source)
    return Article(id=ident, text="", status=status, reason=reason, source=source, **known)


class Reader:
    """Reads files, JSONL records and streams into Articles (one per input), with one HTML extractor
    whose time limit holds for every page; used by iter_articles, the feed watcher and Spark."""

    def __init__(self, *, settings: Settings, published: date | None) -> None:
        self.settings = settings
        self.published = published
        self.max_bytes = settings.max_bytes
        self.extractor = TimedExtractor(timeout=settings.html_timeout)

    # -- files -----------------------------------------------------------------------------
    def file(self, path: Path) -> Iterator[Article]:
        source = str(path)
        suffix, gz = _kind(path)
        try:
            check_regular(path)
            if is_warc(path):  # gzipped per record: warcio inflates each record itself
                with path.open("rb") as stream:
                    yield from warc_articles(self, stream, source)
                return
            if suffix in JSONL_SUFFIXES:
                with open_input(path, gz=gz, max_ratio=self.settings.max_gzip_ratio) as stream:
                    try:
                        yield from self.jsonl_stream(stream, source)
                    except GzipBomb as exc:
                        yield _failed(f"{source}:?", str(exc))
                    except (OSError, EOFError) as exc:  # a corrupt or truncated archive
                        yield _failed(f"{source}:?", f"cannot read {'gzip ' if gz else ''}stream: {exc}")
                return
            if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES:
                shown = path.suffix.lower() if not gz else suffix + ".gz"
                yield _failed(source, f"unsupported file type {shown or '(none)'!r}", Status.SKIPPED)
                return
            data = self._read_limited(path, gz=gz)
        except Unreadable as exc:
            yield _failed(source, exc.reason, Status.SKIPPED if exc.skip else Status.FAILED)
            return
        except GzipBomb as exc:
            yield _failed(source, str(exc))
            return
        except (OSError, EOFError) as exc:
            yield _failed(source, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
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

    def _read_limited(self, path: Path, *, gz: bool = False) -> bytes | str:
        """The file's bytes (inflated when gzipped), or the reason it is too large (read no more
        than max_bytes + 1)."""
        size = path.stat().st_size
        if size > self.max_bytes:
            return f"too large: {size} bytes > max_bytes {self.max_bytes}"
        with open_input(path, gz=gz, max_ratio=self.settings.max_gzip_ratio) as handle:
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
        given, id_note = given_id(obj.get("id"))
        url = _opt_str(obj.get("url"))
        known = dict(given=given, url=url, outlet=_opt_str(obj.get("outlet")), title=_opt_str(obj.get("title")))
        notes: list[str] = [id_note] if id_note else []
        published, problem = parse_published(obj.get("published"))
        if problem:
            notes.append(problem)
        text, html = obj.get("text"), obj.get("html")
        text = scrub(text) if isinstance(text, str) else text
        html = scrub(html) if isinstance(html, str) else html
        if text is None and html is None:
            return _failed(source, "; ".join(["no text or html"] + notes), **known)
        if text is not None and not isinstance(text, str):
            return _failed(source, "; ".join([f"text is a {type(text).__name__}, not a string"] + notes), **known)
        if text is None and not isinstance(html, str):
            return _failed(source, "; ".join([f"html is a {type(html).__name__}, not a string"] + notes), **known)
        if (text is None or not text.strip()) and isinstance(html, str) and html.strip():
            return self._html(html, source=source, notes=notes, published=published, language=obj.get("language"), **known)
        lang, lang_problem = _language(obj.get("language"))
        known["id"] = article_id(given=known.pop("given"), url=url, text=text, source=source)
        base = dict(published=published or self.published, language=lang, source=source,
                    country=_opt_str(obj.get("country")), **known)
        if not text.strip():
            return Article(text="", status=Status.SKIPPED, reason="; ".join(["empty input"] + notes), **base)
        if lang_problem:
            return Article(text=text, status=Status.SKIPPED, reason=lang_problem, **base)
        return Article(text=text, status=Status.OK, reason="; ".join(notes), **base)

    def _json_document(self, data: bytes, source: str) -> Iterator[Article]:
        decoded = decode_bytes(data)
        if decoded.status is not Status.OK:
            yield _failed(source, decoded.reason, decoded.status)
            return
        try:
            obj = loads(decoded.text)
        except json.JSONDecodeError as exc:
            hint = " (one object per line? name the file .jsonl)" if exc.msg == "Extra data" else ""
            yield _failed(source, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}{hint}")
            return
        except ValueError as exc:
            yield _failed(source, str(exc))
            return
        if isinstance(obj, list):
            if not obj:
                yield _failed(source, "empty input (empty JSON list)", Status.SKIPPED)
            for i, item in enumerate(obj, 1):
                yield self._safe_record(item, source=f"{source}:{i}")
        else:
            yield self._safe_record(obj, source=source)

    def _safe_record(self, obj: Any, *, source: str) -> Article:
        try:
            return self.record(obj, source=source)
        except Exception as exc:  # one bad record must not stop its file
            log.error("record %s failed: %s", source, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            return _failed(source, f"read error: {type(exc).__name__}: {exc}")

    def jsonl_stream(self, stream: IO[bytes], name: str) -> Iterator[Article]:
        lineno = 0
        limit = self.max_bytes
        codec = sniff_utf16_32(stream.peek(512)[:512]) if hasattr(stream, "peek") else None
        if codec:
            stream = recode_to_utf8(stream, codec)
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
            note = f"decoded as {codec}" if codec else ""
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("utf-8", errors="replace")
                note = "replaced invalid UTF-8 bytes"
            line = line.lstrip("\ufeff")  # a byte order mark (first line, or files joined with cat)
            try:
                obj = loads(line)
            except json.JSONDecodeError as exc:
                yield _failed(source, f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except ValueError as exc:
                yield _failed(source, f"line {lineno}: {exc}")
                continue
            article = self._safe_record(obj, source=source)
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
