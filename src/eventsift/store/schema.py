"""The store's schema as named migrations, applied in order and recorded.

Each migration runs in its own transaction together with its row in ``migrations`` and the
matching ``PRAGMA user_version`` (the number of migrations applied), so a database is always at
a known step. Never edit a released migration: add a new one at the end.

Column names follow ACLED where ACLED has one; ``latitude``/``longitude`` are REAL columns so
that Datasette's map plugin finds them without configuration.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """``requires``: SQLite compile options the statements need; ``min_sqlite``: the oldest
    SQLite library that runs them. A migration whose needs are unmet is left pending (and the
    store works without it) until the store is opened by a SQLite that has them."""

    name: str
    statements: tuple[str, ...]
    requires: tuple[str, ...] = ()
    min_sqlite: tuple[int, int, int] = (3, 0, 0)


def unmet_needs(conn: sqlite3.Connection, migration: Migration) -> str | None:
    """Why this SQLite cannot apply ``migration`` (None when it can)."""
    options = {r[0].split("=")[0] for r in conn.execute("PRAGMA compile_options")}
    missing = [o for o in migration.requires if o not in options]
    if missing:
        return f"this SQLite build lacks {', '.join(missing)}"
    version = tuple(int(p) for p in sqlite3.sqlite_version.split(".")[:3])
    if version < migration.min_sqlite:
        return f"SQLite {sqlite3.sqlite_version} is older than {'.'.join(map(str, migration.min_sqlite))}"
    return None


BOOTSTRAP = (
    "CREATE TABLE IF NOT EXISTS migrations ("
    " name TEXT PRIMARY KEY,"
    " applied_at TEXT NOT NULL)"
)

_INITIAL = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        outlet TEXT,
        published TEXT,
        title TEXT,
        text TEXT NOT NULL DEFAULT '',
        language TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')),
        reason TEXT NOT NULL DEFAULT '',
        source TEXT,
        fingerprint TEXT,
        ingested_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        article_id TEXT,
        event_date TEXT,
        time_precision INTEGER,
        disorder_type TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT,
        assoc_actor_1 TEXT,
        inter1 INTEGER,
        actor2 TEXT,
        assoc_actor_2 TEXT,
        inter2 INTEGER,
        interaction INTEGER,
        civilian_targeting INTEGER NOT NULL DEFAULT 0,
        iso3 TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        location TEXT,
        latitude REAL,
        longitude REAL,
        geonameid INTEGER,
        geo_precision INTEGER,
        fatalities INTEGER,
        fatalities_low INTEGER,
        fatalities_high INTEGER,
        injured INTEGER,
        arrested INTEGER,
        displaced INTEGER,
        claimed_by TEXT,
        stance TEXT NOT NULL DEFAULT 'asserted' CHECK (stance IN ('asserted', 'disputed', 'denied')),
        plover_type TEXT,
        plover_mode TEXT,
        confidence REAL,
        source_count INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        reasons TEXT NOT NULL DEFAULT '[]'
    )
    """,
    """
    CREATE TABLE evidence (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_id, seq)
    )
    """,
    """
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        published TEXT,
        claimed_by TEXT,
        stance TEXT NOT NULL DEFAULT 'asserted',
        fatalities INTEGER,
        PRIMARY KEY (event_id, seq)
    )
    """,
    """
    CREATE TABLE dropped (
        article_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    )
    """,
)

_INDEXES = (
    "CREATE INDEX articles_status ON articles(status)",
    "CREATE INDEX events_date ON events(event_date)",
    "CREATE INDEX events_country ON events(country COLLATE NOCASE)",
    "CREATE INDEX events_iso3 ON events(iso3 COLLATE NOCASE)",
    "CREATE INDEX events_admin1 ON events(admin1 COLLATE NOCASE)",
    "CREATE INDEX events_type ON events(event_type, sub_event_type)",
    "CREATE INDEX events_sub_type ON events(sub_event_type)",
    "CREATE INDEX events_actor1 ON events(actor1)",
    "CREATE INDEX events_actor2 ON events(actor2)",
    "CREATE INDEX events_lon_lat ON events(longitude, latitude)",
    "CREATE INDEX events_article ON events(article_id)",
    "CREATE INDEX evidence_article ON evidence(article_id)",
    "CREATE INDEX event_sources_article ON event_sources(article_id)",
)

#: fusion across articles: what each later report changed (field, old, new as tagged JSON),
#: which article-level event ids were merged into which stored event, when an event last
#: changed, and an index on the blocking keys (country, type, date)
_FUSION = (
    """
    CREATE TABLE event_history (
        event_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        field TEXT NOT NULL,
        old TEXT,
        new TEXT,
        article_id TEXT NOT NULL,
        published TEXT,
        changed_at TEXT NOT NULL,
        PRIMARY KEY (event_id, seq)
    )
    """,
    """
    CREATE TABLE event_aliases (
        report_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL
    )
    """,
    "CREATE INDEX event_aliases_event ON event_aliases(event_id)",
    "ALTER TABLE events ADD COLUMN last_updated TEXT",
    "CREATE INDEX events_block ON events(iso3, event_type, event_date)",
    "CREATE INDEX events_block_country ON events(country, event_type, event_date)",
)

#: listing order (undated events last, then by date and id) held by indexes, alone and behind
#: each equality filter, so that a page is read in order and the read stops when it is full.
#: They replace the single-column indexes on country, iso3, admin1 and sub_event_type (same
#: leading column and collation).
_ORDER = "event_date IS NULL, event_date, event_id"
_ORDERED_INDEXES = (
    f"CREATE INDEX events_order ON events({_ORDER})",
    f"CREATE INDEX events_country_order ON events(country COLLATE NOCASE, {_ORDER})",
    f"CREATE INDEX events_iso3_order ON events(iso3 COLLATE NOCASE, {_ORDER})",
    f"CREATE INDEX events_admin1_order ON events(admin1 COLLATE NOCASE, {_ORDER})",
    f"CREATE INDEX events_type_order ON events(event_type, {_ORDER})",
    f"CREATE INDEX events_sub_type_order ON events(sub_event_type, {_ORDER})",
    "DROP INDEX events_country",
    "DROP INDEX events_iso3",
    "DROP INDEX events_admin1",
    "DROP INDEX events_sub_type",
)

#: text search: one row per event in event_text_src (its location, notes and evidence
#: sentences, joined by newlines) and an FTS5 index over it with the trigram tokenizer, so that a
#: substring of three characters or more is found through the index. Triggers on events and
#: evidence only note the event as stale (every write: inserts, upserts, replacements, deletes,
#: the cascade from a deleted event); the store rebuilds the stale events' rows once, set-wise,
#: before each of its transactions commits (one FTS write per event however many evidence rows
#: changed). Readers treat stale events as candidates too, so a write made outside the store is
#: still found until the store's next write refreshes it. Source rows are rebuilt whole, so their
#: docid is not stable and nothing refers to it.
TEXT_BODY_SQL = (
    "SELECT e.event_id, COALESCE(e.location, '') || char(10) || COALESCE(e.notes, '') || char(10) || "
    "COALESCE((SELECT group_concat(v.text, char(10)) FROM evidence v WHERE v.event_id = e.event_id), '') "
    "FROM events e"
)


def _stale(event_id: str) -> str:
    # not INSERT OR IGNORE: an outer statement's conflict policy (an upsert's) overrides a trigger's
    return (f"INSERT INTO event_text_stale (event_id) SELECT {event_id} "
            f"WHERE NOT EXISTS (SELECT 1 FROM event_text_stale WHERE event_id = {event_id});")


_TEXT_SEARCH = (
    """
    CREATE TABLE event_text_src (
        docid INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
    )
    """,
    "CREATE TABLE event_text_stale (event_id TEXT PRIMARY KEY)",
    "CREATE VIRTUAL TABLE event_text USING fts5(body, content='event_text_src', content_rowid='docid', "
    "tokenize='trigram')",
    "CREATE TRIGGER event_text_src_ai AFTER INSERT ON event_text_src BEGIN "
    "INSERT INTO event_text (rowid, body) VALUES (new.docid, new.body); END",
    "CREATE TRIGGER event_text_src_ad AFTER DELETE ON event_text_src BEGIN "
    "INSERT INTO event_text (event_text, rowid, body) VALUES ('delete', old.docid, old.body); END",
    "CREATE TRIGGER event_text_src_au AFTER UPDATE ON event_text_src BEGIN "
    "INSERT INTO event_text (event_text, rowid, body) VALUES ('delete', old.docid, old.body); "
    "INSERT INTO event_text (rowid, body) VALUES (new.docid, new.body); END",
    f"INSERT INTO event_text_src (event_id, body) {TEXT_BODY_SQL}",
    f"CREATE TRIGGER events_text_ai AFTER INSERT ON events BEGIN {_stale('new.event_id')} END",
    "CREATE TRIGGER events_text_au AFTER UPDATE OF event_id, location, notes ON events "
    "WHEN old.event_id IS NOT new.event_id OR old.location IS NOT new.location OR old.notes IS NOT new.notes "
    f"BEGIN {_stale('old.event_id')} {_stale('new.event_id')} END",
    f"CREATE TRIGGER events_text_ad AFTER DELETE ON events BEGIN {_stale('old.event_id')} END",
    f"CREATE TRIGGER evidence_text_ai AFTER INSERT ON evidence BEGIN {_stale('new.event_id')} END",
    f"CREATE TRIGGER evidence_text_ad AFTER DELETE ON evidence BEGIN {_stale('old.event_id')} END",
    "CREATE TRIGGER evidence_text_au AFTER UPDATE OF event_id, text ON evidence BEGIN "
    f"{_stale('old.event_id')} {_stale('new.event_id')} END",
)

#: what the store runs before committing a write (when the text index exists)
REFRESH_TEXT = (
    "DELETE FROM event_text_src WHERE event_id IN (SELECT event_id FROM event_text_stale)",
    f"INSERT INTO event_text_src (event_id, body) {TEXT_BODY_SQL} "
    "WHERE e.event_id IN (SELECT event_id FROM event_text_stale)",
    "DELETE FROM event_text_stale",
)

#: the feed watcher's memory: each feed's validators (ETag, Last-Modified) and last outcome, and
#: each page it found in a feed: coded, skipped for good, or failed and due to be tried again
_FEED_WATCH = (
    """
    CREATE TABLE watch_feeds (
        feed TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        status TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        failures INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE watch_pages (
        url TEXT PRIMARY KEY,
        feed TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('coded', 'skipped', 'failed', 'given_up')),
        article_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        next_try TEXT,
        seen_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX watch_pages_due ON watch_pages(state, next_try)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_filter_indexes", _INDEXES),
    Migration("0003_event_fusion", _FUSION),
    Migration("0004_ordered_indexes", _ORDERED_INDEXES),
    Migration("0005_event_text_search", _TEXT_SEARCH, requires=("ENABLE_FTS5",), min_sqlite=(3, 34, 0)),
    Migration("0006_feed_watch", _FEED_WATCH),
)

#: PRAGMA user_version of a fully migrated database
SCHEMA_VERSION = len(MIGRATIONS)
