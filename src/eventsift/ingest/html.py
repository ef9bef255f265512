"""HTML pages: main text (trafilatura, under a time limit), title, publication date, language.

trafilatura can hang on pathological pages, and a hung thread cannot be stopped. So the
extractor runs in one long-lived worker process that is killed and replaced when a page takes
longer than ``Settings.html_timeout``. The worker is started lazily (plain-text runs never pay
for it) with the ``forkserver`` start method where available (safe in a parent that runs
threads), else ``spawn``. Where a child process cannot be started (inside a daemonic worker
process), the main thread uses ``SIGALRM`` instead, and as a last resort extraction runs
without a limit (logged once).

When trafilatura finds nothing, times out or fails, a plain lxml walk over ``<article>``,
``<main>`` or ``<body>`` gives the text, and the article's reason says so.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import multiprocessing
import re
import signal
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from eventsift import lexicon as lex
from eventsift.ingest.ids import parse_published

log = logging.getLogger(__name__)

#: the default main-text extractor, as "module:function" (called with (html, url))
DEFAULT_TARGET = "eventsift.ingest.html:trafilatura_text"
#: seconds a freshly started worker may take to import its extractor (trafilatura: ~0.3 s here)
STARTUP_TIMEOUT = 60.0

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')

#: <meta> keys (property, name or itemprop, lower case) that carry the publication time, best first
PUBLISHED_KEYS = lex.entries("html_published_meta_keys")
TITLE_KEYS = lex.entries("html_title_meta_keys")

#: elements whose text is never article text in the fallback walk
_DROP_TAGS = lex.entries("html_dropped_elements")
#: elements that start a new line in the fallback walk
_BLOCK_TAGS = lex.words("html_block_elements")


def trafilatura_text(html: str, url: str | None) -> str:
    """Main text with trafilatura: recall over precision (a missed sentence costs an event, a
    kept sidebar line is mostly removed by the clean stage), no comments, no tables (tables in
    news pages are layout, scores and data boxes; events are coded from prose), no images or links."""
    import trafilatura

    text = trafilatura.extract(
        html,
        url=url,
        favor_recall=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        output_format="txt",
    )
    return text or ""


def load_target(spec: str) -> Callable[[str, str | None], str]:
    """``"package.module:function"`` or ``"/path/to/file.py:function"``."""
    module_name, _, func_name = spec.rpartition(":")
    if not module_name or not func_name:
        raise ValueError(f"extractor {spec!r} is not 'module:function'")
    if module_name.endswith(".py"):
        mod_spec = importlib.util.spec_from_file_location("_eventsift_html_extractor", module_name)
        if mod_spec is None or mod_spec.loader is None:
            raise ImportError(f"cannot load {module_name}")
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(module_name)
    return getattr(module, func_name)


def _serve(conn: Any, spec: str) -> None:  # runs in the worker process
    try:
        func = load_target(spec)
    except Exception as exc:  # reported to the parent, which falls back to lxml
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        html, url = message
        try:
            conn.send(("ok", func(html, url)))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Timeout(BaseException):
    """Raised by the SIGALRM handler (a BaseException, so that broad ``except Exception`` blocks
    inside the extractor do not swallow it)."""


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class TimedExtractor:
    """Runs the main-text extractor with a time limit. ``extract`` returns ``(text, note)``;
    ``text`` is None when the extractor timed out or failed, and ``note`` says why.

    ``mode`` is chosen automatically ("process", "alarm" or "direct"); tests may force one.
    Use as a context manager, or call ``close()``, to stop the worker process.
    """

    def __init__(self, *, timeout: float | None, target: str | None = None, mode: str | None = None) -> None:
        self.timeout = timeout
        self.target = target or DEFAULT_TARGET
        self._mode = mode
        self._proc: Any = None
        self._conn: Any = None
        self._func: Callable[[str, str | None], str] | None = None
        self._broken: str | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "TimedExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is None:
            return
        try:
            conn.send(None)
        except (OSError, ValueError):
            pass
        proc.join(1.0)
        if proc.is_alive():
            proc.kill()
            proc.join(1.0)
        conn.close()

    def _kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is not None:
            proc.kill()
            proc.join(5.0)
            conn.close()

    @property
    def mode(self) -> str:
        if self._mode is None:
            if not self.timeout or self.timeout <= 0:
                self._mode = "direct"
            elif not multiprocessing.current_process().daemon:
                self._mode = "process"
            elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
                self._mode = "alarm"
            else:
                log.warning("html extraction runs without a time limit (no child process or SIGALRM here)")
                self._mode = "direct"
        return self._mode

    def _start(self) -> None:
        ctx = _context()
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.target), daemon=True, name="eventsift-html")
        proc.start()
        child.close()
        if not parent.poll(STARTUP_TIMEOUT):
            proc.kill()
            raise RuntimeError(f"extractor worker did not start within {STARTUP_TIMEOUT:.0f}s")
        kind, payload = parent.recv()
        if kind != "ready":
            proc.join(5.0)
            raise RuntimeError(payload)
        self._proc, self._conn = proc, parent

    # -- work ------------------------------------------------------------------------------
    def extract(self, html: str, url: str | None = None) -> tuple[str | None, str]:
        if self._broken:
            return None, f"html extractor unavailable ({self._broken})"
        mode = self.mode
        if mode == "process":
            return self._extract_in_worker(html, url)
        try:
            if self._func is None:
                self._func = load_target(self.target)
        except Exception as exc:
            self._broken = f"{type(exc).__name__}: {exc}"
            log.error("html extractor %s cannot be loaded: %s", self.target, self._broken)
            return None, f"html extractor unavailable ({self._broken})"
        func = self._func
        if mode == "alarm":
            return self._extract_with_alarm(func, html, url)
        try:
            return func(html, url), ""
        except Exception as exc:
            return None, f"html extractor failed ({type(exc).__name__}: {exc})"

    def _extract_in_worker(self, html: str, url: str | None) -> tuple[str | None, str]:
        if self._proc is None:
            try:
                self._start()
            except (RuntimeError, OSError, EOFError) as exc:
                self._broken = str(exc)
                log.error("html extractor worker failed to start: %s", exc)
                return None, f"html extractor unavailable ({exc})"
        conn = self._conn
        try:
            conn.send((html, url))
            if not conn.poll(self.timeout):
                log.warning("html extraction timed out after %ss; worker restarted", self.timeout)
                self._kill()
                return None, f"html extraction timed out after {self.timeout:g}s"
            kind, payload = conn.recv()
        except (EOFError, OSError) as exc:  # the worker died (a crash inside a C library)
            self._kill()
            return None, f"html extractor crashed ({type(exc).__name__})"
        if kind == "ok":
            return payload, ""
        return None, f"html extractor failed ({payload})"

    def _extract_with_alarm(self, func: Callable[[str, str | None], str], html: str, url: str | None) -> tuple[str | None, str]:
        def on_alarm(signum: int, frame: Any) -> None:
            raise _Timeout

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, float(self.timeout or 0))
        try:
            return func(html, url), ""
        except _Timeout:
            return None, f"html extraction timed out after {self.timeout:g}s"
        except Exception as exc:
            return None, f"html extractor failed ({type(exc).__name__}: {exc})"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


# -- metadata and fallback text (lxml, in this process) ------------------------------------
@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None
    published: date | None
    language: str | None
    notes: tuple[str, ...]


def _parse(html: str) -> Any:
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        return lxml_html.document_fromstring(_XML_DECL.sub("", html, count=1))
    except (ParserError, ValueError):
        return None


def _meta(doc: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    return found


def _published(doc: Any, meta: dict[str, str]) -> tuple[date | None, str | None]:
    candidates: list[str] = [meta[k] for k in PUBLISHED_KEYS if k in meta]
    for t in doc.iter("time"):
        if t.get("datetime") and (t.get("itemprop", "").lower() == "datepublished" or t.get("pubdate") is not None):
            candidates.append(t.get("datetime"))
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            m = _LD_PUBLISHED.search(script.text)
            if m:
                candidates.append(m.group(1))
    note = None
    for raw in candidates:
        day, problem = parse_published(raw)
        if day is not None:
            return day, None
        note = note or problem
    return None, note


def _title(doc: Any, meta: dict[str, str]) -> str | None:
    for key in TITLE_KEYS:
        if meta.get(key):
            return " ".join(meta[key].split())
    for tag in ("title", "h1"):
        for el in doc.iter(tag):
            text = " ".join(el.text_content().split())
            if text:
                return text
    return None


def fallback_text(doc: Any) -> str:
    """Text of the first <article>, else <main>, else <body>: one line per block element."""
    from lxml import etree

    container = None
    for tag in lex.entries("html_text_containers"):
        container = next(doc.iter(tag), None)
        if container is not None:
            break
    if container is None:
        container = doc
    for el in list(container.iter(*_DROP_TAGS)):
        if el is not container:
            el.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag is not None and el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el is not container and el.tail:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_SKIPPED_OPEN = re.compile(r"<(" + lex.alternation("html_unread_elements") + r")\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS)), re.IGNORECASE)


def stripped_text(html: str) -> str:
    """The page's text between tags, for pages no parser can read (one line per block element;
    script, style and the like left out). Linear: regular expressions without nesting."""
    import html as html_lib

    kept, at, lower = [], 0, html.lower()
    while True:  # leave out script/style blocks: each closing tag is looked for once, from its opening
        m = _SKIPPED_OPEN.search(html, at)
        if m is None:
            kept.append(html[at:])
            break
        kept.append(html[at:m.start()])
        end = lower.find("</" + m.group(1).lower(), m.end())
        if end < 0:
            break
        close = lower.find(">", end)
        at = len(html) if close < 0 else close + 1
    text = " ".join(kept)
    out, at = [], 0
    while True:  # tags out, block tags to line breaks; a '<' that never closes ends the scan
        lt = text.find("<", at)
        if lt < 0:
            out.append(text[at:])
            break
        out.append(text[at:lt])
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            end = end + 3 if end >= 0 else -1
        else:
            end = text.find(">", lt + 1)
            end = end + 1 if end >= 0 else -1
        if end < 0:
            out.append(text[lt:])
            break
        out.append("\n" if _BLOCK_TAG.match(text, lt, end) else " ")
        at = end
    text = html_lib.unescape("".join(out))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def read_html(html: str, *, url: str | None, extractor: TimedExtractor) -> HtmlPage:
    """Main text and metadata of one page; ``notes`` says what was unusual."""
    notes: list[str] = []
    doc = _parse(html)
    title = published = language = None
    if doc is not None:
        meta = _meta(doc)
        title = _title(doc, meta)
        published, note = _published(doc, meta)
        if note:
            notes.append(note)
        language = (doc.get("lang") or doc.get("xml:lang") or "").strip() or None
    text, problem = extractor.extract(html, url)
    if problem:
        notes.append(problem)
    if not (text and text.strip()):
        fallback = fallback_text(doc) if doc is not None else ""
        if fallback:
            if not problem:
                notes.append("html extractor found no main text")
            notes.append("used plain text of the page")
        else:  # the parsers gave up (lxml stops at 255 nested elements): strip the tags
            fallback = stripped_text(html)
            if fallback:
                notes.append("html too deeply nested to parse; used the page's text between tags")
        text = fallback
    return HtmlPage(text=text or "", title=title, published=published, language=language, notes=tuple(notes))
