"""Event filters as SQL, and how a listing is read fast.

Every listing is in the order ``event_date IS NULL, event_date, event_id`` (undated events last).
Indexes of migration 0004 hold that order (alone, and behind country, ISO3, admin1, event type
and sub-event type), so a page is read in one of two ways:

- **walk**: read an index in listing order and stop once the page is full. Cheap when many rows
  match (a page of 100 out of one country's 17k events reads ~100 index entries), or when an
  equality filter ("anchor") bounds the walk to its own rows;
- **collect**: when a filter with an index of its own (bbox, article, a rare text) narrows the
  events to a few, read the matching ``(rowid, event_date, event_id)`` through that index, sort
  them here, and read only the page's rows.

Which one is decided by reading at most ``collect_cap`` matches: if fewer come back, they are
all the matches and are sorted here; if the cap is reached, matches are common enough that a walk
fills the page after about ``(offset + limit) * events / cap`` rows at most.

Text search ``q`` is a substring match (case-insensitive) over the evidence sentences, notes and
location. With the text index of migration 0005 (SQLite FTS5, trigram tokenizer) the index
finds the candidate events and the exact substring test confirms them; the user's text is one
quoted FTS phrase, so quotes, ``-``, ``AND`` or ``*`` in it are plain characters.
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

#: the listing order, and the same order when every matching event has a date
ORDER_ALL = "event_date IS NULL, event_date, event_id"
ORDER_DATED = "event_date, event_id"
#: the index holding ORDER_ALL on its own (migration 0004)
ORDER_INDEX = "events_order"
#: bounds of the number of matches read before choosing between walk and collect. The cap is
#: sqrt((offset + limit) * events), where collecting ``cap`` rows and walking
#: ``(offset + limit) * events / cap`` index entries cost about the same; on the 200k-event
#: benchmark store that is ~4.5k for a first page of 100. The floor keeps small stores and first
#: pages from walking for a handful of matches; the ceiling bounds the rows held here.
COLLECT_MIN = 1_000
COLLECT_MAX = 50_000
#: trigrams need at least this many characters; shorter text is matched by scanning
TEXT_INDEX_MIN_CHARS = 3
#: names accepted by events(), count_events() and stats()
EVENT_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "actor", "date_from", "date_to", "bbox", "q",
                 "article_id")
#: the text index: an FTS5 table over event_text_src (one row per event: location, notes and
#: evidence sentences joined by newlines)
TEXT_INDEX = "event_text"

_ESCAPE = " ESCAPE '\\'"
#: how ``q`` is matched. ``index``: candidates from the text index, confirmed row by row;
#: ``walk``: the substring test row by row (for text so common that a walk soon fills the page);
#: ``scan``: every evidence sentence scanned once (no text index, or text too short for it)
TEXT_MODES = ("index", "walk", "scan")


@dataclass(frozen=True, slots=True)
class Where:
    """Filter clauses (ANDed) with their parameters, and what they allow."""

    clauses: tuple[str, ...]
    params: tuple[Any, ...]
    #: an equality filter with an index in listing order bounds a walk
    anchored: bool
    #: every matching event has a date (so ORDER_DATED is the listing order)
    dated: bool
    #: a filter that an index of its own can collect (bbox, article, text through the index)
    narrowing: bool

    @property
    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    @property
    def order(self) -> str:
        return ORDER_DATED if self.dated else ORDER_ALL


def filters_of(given: dict[str, Any]) -> dict[str, Any]:
    """Every filter name with its value (None when not given); limit and offset dropped."""
    given = {k: v for k, v in given.items() if k not in ("limit", "offset")}
    unknown = set(given) - set(EVENT_FILTERS)
    if unknown:
        raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    return {name: given.get(name) for name in EVENT_FILTERS}


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def day(value: date | str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def fts_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase: inside double quotes everything is literal except the quote
    itself, which is doubled."""
    return '"' + text.replace('"', '""') + '"'


def text_indexable(q: str | None) -> bool:
    return bool(q) and len(q) >= TEXT_INDEX_MIN_CHARS


def collect_cap(limit: int | None, offset: int, estimated_events: int) -> int:
    if limit is None:
        return COLLECT_MAX
    wanted = max(1, offset + limit)
    return max(COLLECT_MIN, min(COLLECT_MAX, int(math.sqrt(wanted * max(1, estimated_events)))))


def text_matches_up_to(conn: sqlite3.Connection, q: str, cap: int) -> int:
    """How many events the text index finds for ``q``, counting no further than ``cap``."""
    sql = f"SELECT COUNT(*) FROM (SELECT rowid FROM {TEXT_INDEX} WHERE {TEXT_INDEX} MATCH ? LIMIT ?)"
    return int(conn.execute(sql, (fts_phrase(q), cap)).fetchone()[0])


def _country(conn: sqlite3.Connection, value: str) -> tuple[str, list[Any], bool]:
    """``country`` matches the name or the ISO3 code. One of the two is enough when the other
    matches no event at all, and a single equality can use an index in listing order."""
    name = conn.execute("SELECT 1 FROM events WHERE country = ? COLLATE NOCASE LIMIT 1", (value,)).fetchone()
    code = conn.execute("SELECT 1 FROM events WHERE iso3 = ? COLLATE NOCASE LIMIT 1", (value,)).fetchone()
    if code and not name:
        return "iso3 = ? COLLATE NOCASE", [value], True
    if name and not code:
        return "country = ? COLLATE NOCASE", [value], True
    if not name and not code:
        return "0", [], True  # no event has it either way
    return "(country = ? COLLATE NOCASE OR iso3 = ? COLLATE NOCASE)", [value, value], False


def build_where(
    conn: sqlite3.Connection,
    *,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    actor: str | None,
    date_from: date | str | None,
    date_to: date | str | None,
    bbox: Sequence[float] | None,
    q: str | None,
    article_id: str | None,
    text: str = "scan",
) -> Where:
    """The clauses for these filters. ``text`` is how ``q`` is matched (see TEXT_MODES)."""
    if text not in TEXT_MODES:
        raise ValueError(f"text mode {text!r} is not one of {', '.join(TEXT_MODES)}")
    clauses: list[str] = []
    params: list[Any] = []
    anchored = narrowing = False
    if country:
        clause, values, single = _country(conn, country)
        clauses.append(clause)
        params += values
        anchored = anchored or single
    if admin1:
        clauses.append("admin1 = ? COLLATE NOCASE")
        params.append(admin1)
        anchored = True
    if event_type:
        clauses.append("event_type = ?")
        params.append(event_type)
        anchored = True
    if sub_event_type:
        clauses.append("sub_event_type = ?")
        params.append(sub_event_type)
        anchored = True
    if actor:
        pattern = like(actor)
        clauses.append("(" + " OR ".join(f"{c} LIKE ?{_ESCAPE}" for c in ("actor1", "actor2", "assoc_actor_1",
                                                                           "assoc_actor_2")) + ")")
        params += [pattern] * 4
    dated = bool(date_from or date_to)
    if dated:
        # implied by the range; lets the range continue an index that starts with the NULL flag
        clauses.append("(event_date IS NULL) = 0")
    if date_from:
        clauses.append("event_date >= ?")
        params.append(day(date_from))
    if date_to:
        clauses.append("event_date <= ?")
        params.append(day(date_to) + "\uffff")  # include datetimes on the last day
    if bbox is not None:
        west, south, east, north = (float(v) for v in bbox)
        clauses.append("latitude BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            clauses.append("longitude BETWEEN ? AND ?")
        else:  # the box crosses the antimeridian
            clauses.append("(longitude >= ? OR longitude <= ?)")
        params += [west, east]
        narrowing = True
    if q:
        pattern = like(q)
        if text == "index" and not text_indexable(q):
            text = "scan"  # too short for trigrams
        if text == "index":
            # events written outside the store since its last write are candidates too
            clauses.append(
                f"event_id IN (SELECT s.event_id FROM event_text_src s WHERE s.docid IN "
                f"(SELECT rowid FROM {TEXT_INDEX} WHERE {TEXT_INDEX} MATCH ?) "
                f"UNION ALL SELECT event_id FROM event_text_stale)"
            )
            params.append(fts_phrase(q))
            narrowing = True
        if text == "scan":
            clauses.append(
                f"(event_id IN (SELECT event_id FROM evidence WHERE text LIKE ?{_ESCAPE}) "
                f"OR notes LIKE ?{_ESCAPE} OR location LIKE ?{_ESCAPE})"
            )
        else:
            clauses.append(
                f"(EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = events.event_id AND v.text LIKE ?{_ESCAPE}) "
                f"OR notes LIKE ?{_ESCAPE} OR location LIKE ?{_ESCAPE})"
            )
        params += [pattern] * 3
    if article_id:
        clauses.append(
            "event_id IN (SELECT event_id FROM evidence WHERE article_id = ? "
            "UNION SELECT event_id FROM event_sources WHERE article_id = ?)"
        )
        params += [article_id, article_id]
        narrowing = True
    return Where(tuple(clauses), tuple(params), anchored, dated, narrowing)


def sort_key(row: sqlite3.Row | tuple) -> tuple:
    """ORDER_ALL in Python: SQLite compares TEXT by UTF-8 bytes, which orders like code points."""
    event_date, event_id = row[1], row[2]
    return (event_date is None, event_date or "", event_id)


def collect(conn: sqlite3.Connection, where: Where, cap: int) -> list[int] | None:
    """The rowids of every match in listing order, or None when there are ``cap`` or more.
    Counting first reads only the filter's index where it covers the filter (bbox)."""
    counted = conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events{where.sql} LIMIT ?)",
                           (*where.params, cap)).fetchone()[0]
    if counted >= cap:
        return None
    found = conn.execute(f"SELECT rowid, event_date, event_id FROM events{where.sql} LIMIT ?",
                         (*where.params, cap)).fetchall()
    if len(found) >= cap:
        return None
    found.sort(key=sort_key)
    return [r[0] for r in found]


def walk_sql(where: Where, columns: str = "*") -> str:
    """A page read in listing order; without an anchor the order index is named, because
    SQLite cannot know that the LIMIT stops the walk early and would rather sort."""
    indexed = "" if where.anchored else f" INDEXED BY {ORDER_INDEX}"
    return f"SELECT {columns} FROM events{indexed}{where.sql} ORDER BY {where.order} LIMIT ? OFFSET ?"
