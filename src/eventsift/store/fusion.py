"""The store's side of fusion across articles: candidate look-up by blocking keys, the ids a
report's events were merged into, saving fused events with their history.

The matching itself is fuse.across; this module only reads and writes rows.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from eventsift.models import Article, Dropped, Event
from eventsift.store import rows

#: most candidates read for one block (a country's busiest few days of one family stay well
#: below this; the cap keeps a pathological block from reading the whole table)
CANDIDATE_LIMIT = 500


class BlockLike(Protocol):
    iso3: str
    event_types: tuple[str, ...]
    date_from: date
    date_to: date


class ChangeLike(Protocol):
    field: str
    old: Any
    new: Any


class FusedLike(Protocol):
    event: Event
    report_id: str
    changes: Sequence[ChangeLike]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One field of a stored event changed by a later report."""

    event_id: str
    seq: int
    field: str
    old: Any
    new: Any
    article_id: str
    published: date | None
    changed_at: str


class FusionMixin:
    """Methods of Store for fusion across articles (Store supplies _conn, _tx, _hydrate,
    _unlink_article, _write_event)."""

    _conn: sqlite3.Connection

    def fusion_candidates(self, block: BlockLike, *, limit: int = CANDIDATE_LIMIT) -> list[Event]:
        """Stored events under a block's keys: same country (ISO3, or the name when an event
        has no ISO3), one of the block's event types, dated inside its window."""
        if not block.event_types:
            return []
        marks = ", ".join("?" for _ in block.event_types)
        sql = (
            "SELECT * FROM events WHERE (iso3 = ? OR (iso3 IS NULL AND country = ?)) "
            f"AND event_type IN ({marks}) AND event_date >= ? AND event_date <= ? "
            "ORDER BY event_date, event_id LIMIT ?"
        )
        params = (block.iso3, block.iso3, *block.event_types, block.date_from.isoformat(),
                  block.date_to.isoformat() + "\uffff", limit)
        found = self._conn.execute(sql, params).fetchall()
        return list(self._hydrate(found)) if found else []

    def fused_event(self, report_id: str) -> Event | None:
        """The stored event an article-level event id became (itself, or what it merged into)."""
        row = self._conn.execute("SELECT event_id FROM event_aliases WHERE report_id = ?", (report_id,)).fetchone()
        return self.get_event(row[0] if row else report_id)

    def save_fused(self, article: Article, fused: Sequence[FusedLike], dropped: Sequence[Dropped] = (),
                   *, now: str | None = None) -> None:
        """Like save_article, for events fused across articles (fuse.across.attach): each event
        is written whole (it carries every report's evidence and sources), the article-level id
        is recorded as an alias of the event it merged into, and what a merge changed goes to
        the event's history with this article and the time; last_updated is set when an event
        is created or changed."""
        from eventsift.store.sqlite import _DROPPED_INSERT, _ARTICLE_INSERT, _now

        stamp = now or _now()
        with self._tx() as conn:
            conn.execute(_ARTICLE_INSERT, rows.article_row(article, stamp))
            self._unlink_article(article.id, keep={f.event.event_id for f in fused})
            for f in fused:
                eid = f.event.event_id
                existed = conn.execute("SELECT 1 FROM events WHERE event_id = ?", (eid,)).fetchone() is not None
                self._write_event(f.event, replace_articles=None)
                if f.report_id != eid:
                    conn.execute("INSERT INTO event_aliases (report_id, event_id) VALUES (?, ?) "
                                 "ON CONFLICT(report_id) DO UPDATE SET event_id = excluded.event_id", (f.report_id, eid))
                if f.changes:
                    first = conn.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM event_history WHERE event_id = ?",
                                         (eid,)).fetchone()[0]
                    conn.executemany(
                        "INSERT INTO event_history (event_id, seq, field, old, new, article_id, published, changed_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(eid, first + i, c.field, rows.value_to_json(c.old), rows.value_to_json(c.new), article.id,
                          rows.to_iso(article.published), stamp) for i, c in enumerate(f.changes)],
                    )
                if f.changes or not existed:
                    conn.execute("UPDATE events SET last_updated = ? WHERE event_id = ?", (stamp, eid))
            conn.execute("DELETE FROM dropped WHERE article_id = ?", (article.id,))
            conn.executemany(_DROPPED_INSERT, rows.dropped_rows(article.id, list(dropped)))

    def history(self, event_id: str) -> list[HistoryEntry]:
        """What later reports changed in an event, oldest first."""
        cursor = self._conn.execute("SELECT * FROM event_history WHERE event_id = ? ORDER BY seq", (event_id,))
        return [
            HistoryEntry(r["event_id"], r["seq"], r["field"], rows.value_from_json(r["old"]),
                         rows.value_from_json(r["new"]), r["article_id"], rows.from_iso(r["published"]), r["changed_at"])
            for r in cursor
        ]

    def last_updated(self, event_id: str) -> str | None:
        row = self._conn.execute("SELECT last_updated FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return row[0] if row else None
