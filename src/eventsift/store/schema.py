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

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_filter_indexes", _INDEXES),
    Migration("0003_event_fusion", _FUSION),
    Migration("0004_ordered_indexes", _ORDERED_INDEXES),
)

#: PRAGMA user_version of a fully migrated database
SCHEMA_VERSION = len(MIGRATIONS)
