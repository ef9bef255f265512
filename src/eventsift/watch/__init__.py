"""The feed watcher: RSS and Atom feeds in, new article pages fetched and coded into the store.

    with Store.open("events.db") as store, Watcher(store, Pipeline()) as watcher:
        report = watcher.poll(["https://outlet.example/rss.xml", "saved-feed.xml"])

One poll reads every feed (a URL, with a conditional GET, or a local file), fetches each page
listed that the store has not seen (and each failed page whose retry is due), codes the pages
with the pipeline, fuses their events into the store as `eventsift run` does, and records what
became of each page, so that a restarted watcher adds nothing twice. A feed or a page that fails
is logged with its reason and tried again later; the others go on. The pages' text is taken as
for an .html file (ingest), dated by the page, else by the feed entry, else by the day fetched.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from eventsift.config import Settings
from eventsift.errors import EventsiftError
from eventsift.ingest.decode import decode_bytes
from eventsift.ingest.ids import article_id
from eventsift.ingest.reader import Reader as _Reader
from eventsift.models import Article, Status
from eventsift.watch.fetch import FetchError, Fetcher, is_http, without_fragment

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """``15m``, ``90s``, ``1h``, ``2d`` or plain seconds to seconds."""
    m = _DURATION.match(text or "")
    if not m or float(m[1]) <= 0:
        raise EventsiftError("E080", f"{text!r} is not a polling interval", "write it like 30s, 15m, 1h or 1d")
    return float(m[1]) * _UNIT_SECONDS[(m[2] or "s").lower()]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    feed: str
    title: str | None
    published: date | None


@dataclass
class PollReport:
    """What one poll did: counts by outcome, and the reasons of what failed."""

    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        c = self.counts
        return (f"{c['feeds']} feeds ({c['feeds_unchanged']} unchanged, {c['feeds_failed']} failed), "
                f"{c['new']} new pages: {c['coded']} coded, {c['skipped']} skipped, {c['failed']} failed "
                f"(retried later), {c['given_up']} given up; {c['events']} events")


class Watcher:
    def __init__(self, store, pipeline, *, settings: Settings | None = None, fetcher: Fetcher | None = None,
                 now=_now) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = settings or pipeline.settings
        self.fetcher = fetcher or Fetcher(self.settings)
        self.now = now
        self.reader = _Reader(settings=self.settings, published=None)

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.reader.extractor.close()
        self.fetcher.__exit__()

    # -- one poll ------------------------------------------------------------------------------
    def poll(self, feeds: Iterable[str]) -> PollReport:
        report = PollReport()
        due = self._due(feeds, report)
        # the pipeline fuses each article's events into the store and keeps the article there, as `run` does
        for result in self.pipeline.pipe(self._articles(due, report), index=self.store):
            article = result.article
            state = {Status.OK: "coded", Status.SKIPPED: "skipped", Status.FAILED: "given_up"}[article.status]
            if article.status is Status.FAILED and not article.reason.startswith("gave up"):
                state = "skipped"  # failed while being read or coded: not worth fetching again
            self.store.save_page_state(article.url, feed=self._feed_of[article.url], state=state,
                                       now=_stamp(self.now()), article_id=article.id, reason=article.reason)
            report.counts[state] += 1
            report.counts["events"] += len(result.events)
            if state != "coded":
                log.warning("%s %s: %s", state, article.url, article.reason)
        return report

    def _due(self, feeds: Iterable[str], report: PollReport) -> list[Entry]:
        """New pages of the feeds and failed pages due again, each once, in feed order."""
        now = self.now()
        wanted: dict[str, Entry] = {}
        for feed in feeds:
            report.counts["feeds"] += 1
            for entry in self._read_feed(feed, report):
                if entry.url in wanted:
                    continue
                state = self.store.page_state(entry.url)
                if state is None or (state.state == "failed" and _is_due(state.next_try, now)):
                    wanted[entry.url] = entry
        for state in self.store.page_states():
            if state.state == "failed" and state.url not in wanted and _is_due(state.next_try, now):
                wanted[state.url] = Entry(state.url, state.feed, None, None)
        self._feed_of = {url: e.feed for url, e in wanted.items()}
        return list(wanted.values())

    def _read_feed(self, feed: str, report: PollReport) -> list[Entry]:
        import feedparser

        stamp = _stamp(self.now())
        etag = modified = None
        try:
            if is_http(feed):
                known = self.store.feed_state(feed)
                headers = {}
                if known and known.etag:
                    headers["If-None-Match"] = known.etag
                if known and known.last_modified:
                    headers["If-Modified-Since"] = known.last_modified
                fetched = self.fetcher.get(feed, headers=headers)
                if fetched.status == 304:
                    self.store.save_feed_state(feed, status="304", reason="unchanged", checked_at=stamp)
                    report.counts["feeds_unchanged"] += 1
                    return []
                body, base = fetched.body, fetched.url
                etag, modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
            else:
                body, base = _read_file(Path(feed), self.settings.max_bytes), None
            parsed = feedparser.parse(body, response_headers={"content-location": base} if base else None)
            if parsed.get("bozo") and not parsed.entries:
                raise FetchError(feed, f"not a feed: {parsed.get('bozo_exception')}", transient=True)
        except FetchError as exc:
            self.store.save_feed_state(feed, status="failed", reason=exc.reason, checked_at=stamp, failed=True)
            report.counts["feeds_failed"] += 1
            report.failures.append((feed, exc.reason))
            log.warning("feed %s failed: %s (tried again at the next poll)", feed, exc.reason)
            return []
        self.store.save_feed_state(feed, status="200", checked_at=stamp, etag=etag, last_modified=modified)
        entries = []
        for item in parsed.entries:
            link = item.get("link") or ""
            if base and link:
                from urllib.parse import urljoin

                link = urljoin(base, link)
            if not is_http(link):
                log.info("feed %s: entry %r has no http(s) link", feed, item.get("title"))
                continue
            when = item.get("published_parsed") or item.get("updated_parsed")
            entries.append(Entry(without_fragment(link), feed, item.get("title") or None,
                                 date(when.tm_year, when.tm_mon, when.tm_mday) if when else None))
        return entries

    def _articles(self, entries: list[Entry], report: PollReport) -> Iterator[Article]:
        """An Article for each page: ok or skipped for good, or failed after the last attempt.
        A page that failed and is worth trying again yields nothing: its state says when."""
        for entry in entries:
            report.counts["new"] += 1
            try:
                fetched = self.fetcher.get(entry.url)
            except FetchError as exc:
                article = self._failed(entry, exc, report)
                if article is not None:
                    yield article
                continue
            ident = article_id(url=entry.url)
            base = dict(id=ident, url=entry.url, title=entry.title, published=entry.published, source=entry.feed)
            if fetched.content_type not in HTML_TYPES:
                yield Article(text="", status=Status.SKIPPED, reason=f"content type {fetched.content_type or '(none)'} "
                              "is not an HTML page", **base)
                continue
            decoded = decode_bytes(fetched.body, html=True)
            if decoded.status is not Status.OK:
                yield Article(text="", status=decoded.status, reason=decoded.reason, **base)
                continue
            fallback = (entry.published or self.now().date(),
                        "published: the feed entry's date" if entry.published else "published: the day it was fetched")
            article = self.reader._html(decoded.text, source=entry.feed, notes=[decoded.reason] if decoded.reason else [],
                                        url=entry.url, title=entry.title, fallback=fallback)
            yield article

    def _failed(self, entry: Entry, exc: FetchError, report: PollReport) -> Article | None:
        report.failures.append((entry.url, exc.reason))
        base = dict(id=article_id(url=entry.url), url=entry.url, title=entry.title, published=entry.published,
                    source=entry.feed, text="")
        if not exc.transient:
            return Article(status=Status.SKIPPED, reason=exc.reason, **base)
        known = self.store.page_state(entry.url)
        attempts = (known.attempts if known else 0) + 1
        if attempts >= self.settings.max_attempts:
            return Article(status=Status.FAILED, reason=f"gave up after {attempts} attempts: {exc.reason}", **base)
        retry = self.now() + timedelta(seconds=self.settings.retry_delay * 2 ** (attempts - 1))
        self.store.save_page_state(entry.url, feed=entry.feed, state="failed", now=_stamp(self.now()),
                                   reason=exc.reason, next_try=_stamp(retry))
        report.counts["failed"] += 1
        log.warning("page %s failed: %s (attempt %d, tried again after %s)", entry.url, exc.reason, attempts,
                    _stamp(retry))
        return None


def _is_due(next_try: str | None, now: datetime) -> bool:
    return next_try is None or datetime.fromisoformat(next_try) <= now


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise FetchError(str(path), f"cannot read: {exc.strerror or exc}", transient=True) from exc
    if len(data) > limit:
        raise FetchError(str(path), f"too large: more than {limit} bytes > max_bytes {limit}", transient=True)
    return data
