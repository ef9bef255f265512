"""The SQLite store: articles, events with their evidence and sources, dropped candidates.

Crash safety: WAL journal, and one transaction per saved article (its row, its events, their
evidence and sources, its dropped candidates), so an interrupted run never leaves half an
article behind. Saving the same article again replaces what it wrote before, so re-running the
same inputs adds nothing.

The connection is made with ``check_same_thread=False`` so that a read-only store can serve a
threaded web server; the store itself does no locking, so share a writable store between
threads only with care.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from eventsift.errors import EventsiftError
from eventsift.models import Article, Dropped, Event, Status
from eventsift.store import query, rows
from eventsift.store.fusion import CANDIDATE_LIMIT, BlockLike, FusedLike, HistoryEntry
from eventsift.store.watch import WatchMixin
from eventsift.store.query import EVENT_FILTERS, Where
from eventsift.store.schema import BOOTSTRAP, MIGRATIONS, REFRESH_TEXT, SCHEMA_VERSION, Migration, unmet_needs

log = logging.getLogger(__name__)

#: milliseconds a writer waits for another process's lock before giving up
BUSY_TIMEOUT_MS = 10_000
#: events read per round trip (their evidence and sources are fetched per chunk)
READ_CHUNK = 500
#: places listed by summary()
TOP_PLACES = 10
#: rows per grouping in stats() (country and admin1 lists are long-tailed; a filter list
#: longer than this is not read by anyone)
STATS_GROUPS = 200
#: the Monday of an event's week: 'weekday 0' moves forward to a Sunday (or stays on one)
_WEEK_START = "date(event_date, 'weekday 0', '-6 days')"

_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(rows.EVENT_COLUMNS)}) VALUES ({', '.join('?' for _ in rows.EVENT_COLUMNS)}) "
    f"ON CONFLICT(event_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in rows.EVENT_COLUMNS if c != "event_id")
)
_ARTICLE_INSERT = (
    f"INSERT INTO articles ({', '.join(rows.ARTICLE_COLUMNS)}) VALUES ({', '.join('?' for _ in rows.ARTICLE_COLUMNS)}) "
    f"ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in rows.ARTICLE_COLUMNS if c != "id")
)
_EVIDENCE_INSERT = rows.insert_sql("evidence", rows.EVIDENCE_COLUMNS)
_SOURCE_INSERT = rows.insert_sql("event_sources", rows.SOURCE_COLUMNS)
_DROPPED_INSERT = rows.insert_sql("dropped", rows.DROPPED_COLUMNS)


def store_error(exc: BaseException, path: Path | str) -> EventsiftError:
    """The coded error for an SQLite or OS error on the store at ``path``."""
    text = str(exc)
    low = text.lower()
    if "disk is full" in low or getattr(exc, "errno", None) in (27, 28):
        return EventsiftError("E308", f"the disk holding {path} is full ({text})",
                              "free some space, then run the same command again: what was saved is kept")
    if "disk i/o error" in low:  # what SQLite says when a write fails: a full disk, a file size limit, a failing disk
        return EventsiftError("E308", f"writing the store {path} failed ({text}): the disk may be full, or the file "
                              "too large for it", "free some space, then run the same command again: what was saved "
                              "is kept")
    if "readonly" in low or "read-only" in low or "permission" in low or "unable to open" in low:
        return EventsiftError("E307", f"cannot write the store {path} ({text})",
                              "check that the file and its folder are writable, or give another --db")
    if "not a database" in low or "malformed" in low or "corrupt" in low or "no such table" in low:
        return EventsiftError("E306", f"{path} is not a readable eventsift store ({text})",
                              "give the path of a store made by `eventsift run`, or restore it from a copy")
    return EventsiftError("E309", f"store {path} failed: {type(exc).__name__}: {text}",
                          "run the command again; if it keeps failing, check the disk and the file")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(WatchMixin):
    """Open with :meth:`Store.open`; use as a context manager."""

    fingerprint = staticmethod(rows.fingerprint)

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._has_text_index = False
        self._columns: frozenset[str] | None = None

    # -- opening and migrating -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> "Store":
        path = Path(path)
        try:
            if readonly:
                if not path.is_file():
                    raise EventsiftError("E301", f"no database at {path}", "run `eventsift run INPUTS --db PATH` first")
                uri = path.resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                if path.parent and not path.parent.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            if "not a database" in str(exc) or "readonly" in str(exc):
                raise store_error(exc, path) from exc
            raise EventsiftError("E305", f"cannot open database {path}: {exc}", "check the path and its permissions") from exc
        except OSError as exc:  # the folder cannot be made
            raise EventsiftError("E305", f"cannot open database {path}: {exc.strerror or exc}",
                                 "check the path and its permissions") from exc
        store = cls(conn, path, readonly=readonly)
        try:
            store._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise store_error(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def _applied(self) -> list[str]:
        exists = self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
        if not exists:
            return []
        return [r[0] for r in self._conn.execute("SELECT name FROM migrations ORDER BY name")]

    def _check_known(self, applied: list[str]) -> None:
        known = {m.name for m in MIGRATIONS}
        unknown = [name for name in applied if name not in known]
        if unknown:
            raise EventsiftError(
                "E302",
                f"database {self.path} has migrations this version does not know: {', '.join(unknown)}",
                "upgrade eventsift to open it",
            )

    def _migrate(self) -> None:
        applied = self._applied()
        self._check_known(applied)
        pending = []
        for migration in MIGRATIONS:
            if migration.name in applied:
                continue
            why = unmet_needs(self._conn, migration)
            if why:
                log.warning("migration %s left pending on %s: %s; the store works without it (%s)",
                            migration.name, self.path, why, "text search scans instead of using an index")
                continue
            pending.append(migration)
        if pending and self.readonly:
            raise EventsiftError(
                "E303",
                f"database {self.path} needs migrations {', '.join(m.name for m in pending)}",
                "open it once without read-only mode to upgrade it",
            )
        if pending:
            self._apply(pending)
        self._has_text_index = self._text_index_ready()

    def _apply(self, pending: list[Migration]) -> None:
        conn = self._conn
        conn.execute(BOOTSTRAP)
        for migration in MIGRATIONS:
            if migration not in pending:
                continue
            with self._tx():
                # another process may have applied it while this one waited for the lock
                if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                    continue
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, _now()))
                # the number applied (a migration left pending earlier does not count)
                done = conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0]
                conn.execute(f"PRAGMA user_version = {done}")
                log.info("applied migration %s to %s", migration.name, self.path)

    def _text_index_ready(self) -> bool:
        """Whether q can use the text index: it exists and this SQLite can read it."""
        if not self._conn.execute(f"SELECT 1 FROM sqlite_master WHERE name = '{query.TEXT_INDEX}'").fetchone():
            return False
        try:
            self._conn.execute(f"SELECT rowid FROM {query.TEXT_INDEX} LIMIT 0").fetchall()
        except sqlite3.Error as exc:
            log.warning("text index of %s cannot be read here (%s); text search scans instead", self.path, exc)
            return False
        return True

    def migrations(self) -> list[tuple[str, str]]:
        """(name, applied_at) of every applied migration, in order."""
        return [(r["name"], r["applied_at"]) for r in self._conn.execute("SELECT name, applied_at FROM migrations ORDER BY name")]

    @property
    def user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise EventsiftError("E304", f"database {self.path} is open read-only", "open it without read-only mode to write")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            if self._has_text_index:
                for statement in REFRESH_TEXT:
                    conn.execute(statement)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- articles --------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_fingerprint(self, article_id: str) -> str | None:
        row = self._conn.execute("SELECT fingerprint FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def article_state(self, article_id: str) -> tuple[str, str] | None:
        """(fingerprint, status) of a stored article, or None."""
        row = self._conn.execute("SELECT fingerprint, status FROM articles WHERE id = ?", (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return rows.article_from_row(row) if row else None

    def articles(self, status: Status | str | None = None) -> Iterator[Article]:
        if status is None:
            cursor = self._conn.execute("SELECT * FROM articles ORDER BY ingested_at, id")
        else:
            cursor = self._conn.execute("SELECT * FROM articles WHERE status = ? ORDER BY ingested_at, id", (Status(status).value,))
        for row in cursor:
            yield rows.article_from_row(row)

    def dropped(self, article_id: str) -> list[Dropped]:
        cursor = self._conn.execute("SELECT * FROM dropped WHERE article_id = ? ORDER BY seq", (article_id,))
        return [rows.dropped_from_row(r) for r in cursor]

    def save_article(self, article: Article, events: Sequence[Event], dropped: Sequence[Dropped] = ()) -> None:
        """Write the article, its events (with evidence and sources) and its dropped candidates
        in one transaction, replacing whatever this article wrote before.

        An event that other articles also support keeps their evidence and sources: the rows of
        the articles named in the new event (and of this article) are replaced, the rest stay.
        """
        events = list(events)
        with self._tx() as conn:
            conn.execute(_ARTICLE_INSERT, rows.article_row(article, _now()))
            self._unlink_article(article.id, keep={e.event_id for e in events})
            for event in events:
                touched = {e.article_id for e in event.evidence} | {s.article_id for s in event.sources} | {article.id}
                self._write_event(event, replace_articles=touched)
            conn.execute("DELETE FROM dropped WHERE article_id = ?", (article.id,))
            conn.executemany(_DROPPED_INSERT, rows.dropped_rows(article.id, list(dropped)))

    def _unlink_article(self, article_id: str, *, keep: set[str]) -> None:
        """Remove this article's links from events it no longer reports; delete events that no
        article supports any more."""
        conn = self._conn
        linked = {
            r[0]
            for r in conn.execute(
                "SELECT event_id FROM evidence WHERE article_id = ?1 "
                "UNION SELECT event_id FROM event_sources WHERE article_id = ?1 "
                "UNION SELECT event_id FROM events WHERE article_id = ?1",
                (article_id,),
            )
        }
        for event_id in sorted(linked - keep):
            conn.execute("DELETE FROM evidence WHERE event_id = ? AND article_id = ?", (event_id, article_id))
            conn.execute("DELETE FROM event_sources WHERE event_id = ? AND article_id = ?", (event_id, article_id))
            remaining = conn.execute(
                "SELECT (SELECT COUNT(*) FROM evidence WHERE event_id = ?1) + (SELECT COUNT(*) FROM event_sources WHERE event_id = ?1)",
                (event_id,),
            ).fetchone()[0]
            if remaining:
                self._refresh_derived(event_id)
            else:
                conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))

    def _refresh_derived(self, event_id: str) -> None:
        self._conn.execute(
            "UPDATE events SET "
            "article_id = (SELECT article_id FROM evidence WHERE event_id = ?1 ORDER BY seq LIMIT 1), "
            "source_count = (SELECT COUNT(DISTINCT article_id) FROM event_sources WHERE event_id = ?1) "
            "WHERE event_id = ?1",
            (event_id,),
        )

    def _write_event(self, event: Event, *, replace_articles: set[str] | None) -> None:
        """Upsert one event. ``replace_articles=None`` replaces all its evidence and sources;
        otherwise only the rows of those articles are replaced and the others kept."""
        conn = self._conn
        conn.execute(_EVENT_INSERT, rows.event_row(event))
        eid = event.event_id
        if replace_articles is None:
            conn.execute("DELETE FROM evidence WHERE event_id = ?", (eid,))
            conn.execute("DELETE FROM event_sources WHERE event_id = ?", (eid,))
            first_evidence = first_source = 0
            merged = False
        else:
            marks = ", ".join("?" for _ in replace_articles)
            params = (eid, *sorted(replace_articles))
            conn.execute(f"DELETE FROM evidence WHERE event_id = ? AND article_id IN ({marks})", params)
            conn.execute(f"DELETE FROM event_sources WHERE event_id = ? AND article_id IN ({marks})", params)
            first_evidence = conn.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM evidence WHERE event_id = ?", (eid,)).fetchone()[0]
            first_source = conn.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM event_sources WHERE event_id = ?", (eid,)).fetchone()[0]
            merged = bool(first_evidence or first_source)
        conn.executemany(_EVIDENCE_INSERT, rows.evidence_rows(eid, event.evidence, first_evidence))
        conn.executemany(_SOURCE_INSERT, rows.source_rows(eid, event.sources, first_source))
        if merged:
            self._refresh_derived(eid)

    # -- fusion across articles (the pipeline's event index; fuse.across decides) ----------
    @contextmanager
    def _coded_errors(self) -> Iterator[None]:
        """A store that cannot be read or written at all (disk full, read-only, locked) raises its
        coded error, which stops a run; other errors concern one article's rows."""
        try:
            yield
        except (sqlite3.OperationalError, OSError) as exc:
            raise store_error(exc, self.path) from exc

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
        with self._coded_errors():
            found = self._conn.execute(sql, params).fetchall()
            return list(self._hydrate(found)) if found else []

    def fused_event(self, report_id: str) -> Event | None:
        """The stored event an article-level event id became (itself, or what it merged into)."""
        with self._coded_errors():
            row = self._conn.execute("SELECT event_id FROM event_aliases WHERE report_id = ?", (report_id,)).fetchone()
            return self.get_event(row[0] if row else report_id)

    def save_fused(self, article: Article, fused: Sequence[FusedLike], dropped: Sequence[Dropped] = (),
                   *, now: str | None = None) -> None:
        """Like save_article, for events fused across articles (fuse.across.attach): each event
        is written whole (it carries every report's evidence and sources), the article-level id
        is recorded as an alias of the event it merged into, and what a merge changed goes to
        the event's history with this article and the time; last_updated is set when an event
        is created or changed. A store that cannot be written raises its coded error."""
        stamp = now or _now()
        with self._coded_errors(), self._tx() as conn:
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

    # -- events ----------------------------------------------------------------------------
    def upsert_events(self, events: Iterable[Event]) -> int:
        """Insert or replace events (each with all its evidence and sources) in one transaction."""
        n = 0
        with self._tx():
            for event in events:
                self._write_event(event, replace_articles=None)
                n += 1
        return n

    def get_event(self, event_id: str) -> Event | None:
        row = self._conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        return next(self._hydrate([row]))

    def _where(self, *, text: str | None = None, **filters: Any) -> Where:
        """The clauses for ``filters`` (all names of EVENT_FILTERS); ``text`` as in
        query.TEXT_MODES, by default through the text index whenever it can be used."""
        if text is None:
            text = "index" if self._has_text_index and query.text_indexable(filters.get("q")) else "scan"
        return query.build_where(self._conn, **filters, text=text)

    def events(
        self,
        *,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        bbox: Sequence[float] | None = None,
        q: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Event]:
        """Events matching every filter given, by date then id (undated events last).

        ``country`` matches the country name or ISO3 code; ``actor`` and ``q`` are substring
        matches (``q`` over evidence sentences, notes and location); ``bbox`` is
        (west, south, east, north) in degrees; dates are inclusive.
        """
        filters = dict(country=country, admin1=admin1, event_type=event_type, sub_event_type=sub_event_type,
                       actor=actor, date_from=date_from, date_to=date_to, bbox=bbox, q=q, article_id=article_id)
        for chunk in self._pages(filters, "*", limit, offset):
            yield from self._hydrate(chunk)

    def _pages(self, filters: dict[str, Any], columns: str, limit: int | None,
               offset: int) -> Iterator[list[sqlite3.Row]]:
        """The matching rows (``columns`` of events, an SQL list) in listing order, READ_CHUNK at
        a time; see store.query for the two ways of reading them."""
        limit = None if limit is None or int(limit) < 0 else int(limit)
        offset = max(0, int(offset))
        if limit == 0:
            return
        conn = self._conn
        estimated = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
        cap = query.collect_cap(limit, offset, estimated)
        q = filters.get("q")
        text = "scan"
        if self._has_text_index and query.text_indexable(q):
            text = "index" if query.text_matches_up_to(conn, q, cap) < cap else "walk"
        where = self._where(**filters, text=text)
        order = query.collect(conn, where, cap) if where.narrowing else None
        if order is not None:
            wanted = order[offset:] if limit is None else order[offset:offset + limit]
            for i in range(0, len(wanted), READ_CHUNK):
                ids = wanted[i:i + READ_CHUNK]
                marks = ", ".join("?" for _ in ids)
                found = {r[0]: r for r in conn.execute(
                    f"SELECT rowid, {columns} FROM events WHERE rowid IN ({marks})", ids)}
                yield [found[r] for r in ids if r in found]
            return
        cursor = conn.execute(query.walk_sql(where, columns), (*where.params, -1 if limit is None else limit, offset))
        while True:
            chunk = cursor.fetchmany(READ_CHUNK)
            if not chunk:
                return
            yield chunk

    def event_rows(self, columns: Sequence[str], *, limit: int | None = None, offset: int = 0,
                   **filters: Any) -> Iterator[dict[str, Any]]:
        """The stored values of ``columns`` (names of the events table: dates as ISO text,
        stance as its value) for the events ``events(**filters)`` gives, in the same order, as
        plain dicts; no evidence, sources or reasons are read (a light read for map pages)."""
        columns = list(dict.fromkeys(columns))
        unknown = [c for c in columns if c not in self._event_columns()]
        if unknown or not columns:
            raise ValueError(f"not columns of events: {', '.join(unknown) or '(none given)'}")
        selected = ", ".join(f'"{c}"' for c in columns)
        for chunk in self._pages(query.filters_of(filters), selected, limit, offset):
            for r in chunk:
                yield {c: r[c] for c in columns}

    def _event_columns(self) -> frozenset[str]:
        if self._columns is None:
            self._columns = frozenset(r[1] for r in self._conn.execute("PRAGMA table_info(events)"))
        return self._columns

    def count_events(self, **filters: Any) -> int:
        """How many events ``events(**filters)`` would give without limit and offset."""
        where = self._where(**query.filters_of(filters))
        return int(self._conn.execute(f"SELECT COUNT(*) FROM events{where.sql}", where.params).fetchone()[0])

    def stats(self, **filters: Any) -> dict[str, Any]:
        """Aggregates under the same filters as :meth:`events` (limit and offset ignored):
        totals, the date range, and events with fatalities by week (Monday), by event type, by
        country and by admin1 (each list at most STATS_GROUPS long, weeks all)."""
        found = self._where(**query.filters_of(filters))
        where, params = found.sql, found.params
        conn = self._conn

        def grouped(key_sql: str, key: str, order: str, limit: int = STATS_GROUPS) -> list[dict[str, Any]]:
            clause = f"{where} AND {key_sql} IS NOT NULL" if where else f" WHERE {key_sql} IS NOT NULL"
            sql = (
                f"SELECT {key_sql} AS k, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) FROM events{clause} "
                f"GROUP BY k ORDER BY {order} LIMIT ?"
            )
            return [{key: r[0], "events": r[1], "fatalities": r[2]} for r in conn.execute(sql, (*params, limit))]

        total = conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM(fatalities), 0), MIN(event_date), MAX(event_date) FROM events{where}", params
        ).fetchone()
        return {
            "events": total[0],
            "fatalities": total[1],
            "date_min": total[2][:10] if total[2] else None,
            "date_max": total[3][:10] if total[3] else None,
            "by_week": grouped(_WEEK_START, "week", "k", limit=-1),
            "by_event_type": grouped("event_type", "event_type", "n DESC, k"),
            "by_country": grouped("country", "country", "n DESC, k"),
            "by_admin1": grouped("admin1", "admin1", "n DESC, k"),
        }

    def _hydrate(self, event_rows: list[sqlite3.Row]) -> Iterator[Event]:
        ids = [r["event_id"] for r in event_rows]
        marks = ", ".join("?" for _ in ids)
        evidence: dict[str, list] = {i: [] for i in ids}
        sources: dict[str, list] = {i: [] for i in ids}
        for r in self._conn.execute(f"SELECT * FROM evidence WHERE event_id IN ({marks}) ORDER BY event_id, seq", ids):
            evidence[r["event_id"]].append(rows.evidence_from_row(r))
        for r in self._conn.execute(f"SELECT * FROM event_sources WHERE event_id IN ({marks}) ORDER BY event_id, seq", ids):
            sources[r["event_id"]].append(rows.source_from_row(r))
        for r in event_rows:
            eid = r["event_id"]
            yield rows.event_from_row(r, tuple(evidence[eid]), tuple(sources[eid]))

    # -- overview --------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """Counts for a run report: articles by status; events by type (with their fatalities);
        the top places (``n`` and ``events`` both give the number of events there); total
        fatalities."""
        conn = self._conn
        by_status = {s.value: 0 for s in Status}
        for r in conn.execute("SELECT status, COUNT(*) FROM articles GROUP BY status"):
            by_status[r[0]] = r[1]
        by_type = [
            {"event_type": r[0], "events": r[1], "fatalities": int(r[2])}
            for r in conn.execute(
                "SELECT event_type, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) FROM events "
                "GROUP BY event_type ORDER BY n DESC, event_type"
            )
        ]
        places = [
            {"location": r[0], "country": r[1], "n": r[2], "events": r[2]}
            for r in conn.execute(
                "SELECT location, country, COUNT(*) AS n FROM events WHERE location IS NOT NULL "
                "GROUP BY location, country ORDER BY n DESC, location LIMIT ?",
                (TOP_PLACES,),
            )
        ]
        return {
            "articles": sum(by_status.values()),
            "articles_by_status": by_status,
            "events": sum(row["events"] for row in by_type),
            "events_by_type": by_type,
            "top_places": places,
            "total_fatalities": sum(row["fatalities"] for row in by_type),
        }
