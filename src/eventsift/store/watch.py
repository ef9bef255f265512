"""The store's side of the feed watcher: what each feed answered last (its ETag and
Last-Modified for a conditional GET) and what became of each page a feed listed, so that a
restarted watcher fetches nothing it has coded and retries what failed when it is due.

The fetching and its policy are eventsift.watch; this module only reads and writes rows.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

#: what a page can have become: coded (its article is stored), skipped for good (not a page to
#: code: not HTML, disallowed by robots.txt, gone), failed (tried again when next_try is due),
#: given_up (failed too often: stored as a failed article and not tried again)
PAGE_STATES = ("coded", "skipped", "failed", "given_up")


@dataclass(frozen=True, slots=True)
class FeedState:
    feed: str
    etag: str | None
    last_modified: str | None
    checked_at: str | None
    status: str
    reason: str
    failures: int


@dataclass(frozen=True, slots=True)
class PageState:
    url: str
    feed: str
    state: str
    article_id: str | None
    attempts: int
    reason: str
    next_try: str | None
    seen_at: str


class WatchMixin:
    """Methods of Store for the feed watcher (Store supplies _conn and _tx)."""

    _conn: sqlite3.Connection

    def feed_state(self, feed: str) -> FeedState | None:
        row = self._conn.execute("SELECT * FROM watch_feeds WHERE feed = ?", (feed,)).fetchone()
        return FeedState(**dict(row)) if row else None

    def save_feed_state(self, feed: str, *, status: str, reason: str = "", checked_at: str,
                        etag: str | None = None, last_modified: str | None = None, failed: bool = False) -> None:
        """Record a feed's answer. Validators are replaced only when the feed sent a body (a 304 or a
        failure keeps the ones it had); ``failures`` counts failures in a row."""
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO watch_feeds (feed, etag, last_modified, checked_at, status, reason, failures) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed) DO UPDATE SET "
                "etag = CASE WHEN ? THEN excluded.etag ELSE watch_feeds.etag END, "
                "last_modified = CASE WHEN ? THEN excluded.last_modified ELSE watch_feeds.last_modified END, "
                "checked_at = excluded.checked_at, status = excluded.status, reason = excluded.reason, "
                "failures = CASE WHEN ? THEN watch_feeds.failures + 1 ELSE 0 END",
                (feed, etag, last_modified, checked_at, status, reason, int(failed),
                 int(status == "200"), int(status == "200"), int(failed)),
            )

    def page_state(self, url: str) -> PageState | None:
        row = self._conn.execute("SELECT * FROM watch_pages WHERE url = ?", (url,)).fetchone()
        return PageState(**dict(row)) if row else None

    def page_states(self, feed: str | None = None) -> list[PageState]:
        sql, params = "SELECT * FROM watch_pages", ()
        if feed is not None:
            sql, params = sql + " WHERE feed = ?", (feed,)
        return [PageState(**dict(r)) for r in self._conn.execute(sql + " ORDER BY seen_at, url", params)]

    def save_page_state(self, url: str, *, feed: str, state: str, now: str, article_id: str | None = None,
                        reason: str = "", next_try: str | None = None) -> None:
        """Record what became of a page; ``attempts`` counts the fetches made for it."""
        if state not in PAGE_STATES:
            raise ValueError(f"unknown page state {state!r}")
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO watch_pages (url, feed, state, article_id, attempts, reason, next_try, seen_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET state = excluded.state, "
                "article_id = COALESCE(excluded.article_id, watch_pages.article_id), "
                "attempts = watch_pages.attempts + 1, reason = excluded.reason, next_try = excluded.next_try",
                (url, feed, state, article_id, reason, next_try, now),
            )
