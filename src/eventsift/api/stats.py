"""Aggregates for the page (counts and fatalities by week, by event type, by country and by
admin1, as ``Store.stats`` counts them; and the page's own views: events per week by event type, events by
country with ISO codes for the map's shading, top actors and top places), cached per filter set
while the database is unchanged.
"""
from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..export.geojson import plain
from ..store import Store
from ..store import query as store_query
from ..store.sqlite import STATS_GROUPS

#: filter sets whose stats are kept (unfiltered stats of 200k events take about a second to count)
CACHE_SIZE = 64
#: rows in the top-actors and top-places lists
TOP = 10


# -- the body of /stats: each list's rows name what they count, then events and fatalities --
@dataclass(frozen=True, slots=True)
class WeekCount:
    week: str  # its Monday
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class EventTypeCount:
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class CountryCount:
    country: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class Admin1Count:
    admin1: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class WeekTypeCount:
    week: str
    event_type: str
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class IsoCount:
    iso3: str
    isonumeric: int | None  # what the page's country borders are keyed by
    country: str | None  # the first name in alphabetical order that the events give the code
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class ActorCount:
    actor: str  # on either side of an event
    events: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class PlaceCount:
    location: str
    admin1: str | None
    country: str | None
    events: int
    fatalities: int
    latitude: float | None  # the mean of its events' points
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Stats:
    """Totals, the date range, and the counts the page draws (see :func:`stats`)."""

    events: int
    fatalities: int
    date_min: str | None
    date_max: str | None
    by_week: list[WeekCount]
    by_event_type: list[EventTypeCount]
    by_country: list[CountryCount]
    by_admin1: list[Admin1Count]
    by_week_type: list[WeekTypeCount]
    by_iso: list[IsoCount]
    top_actors: list[ActorCount]
    top_places: list[PlaceCount]


@lru_cache(maxsize=512)
def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166 numeric code of an ISO3 code (what the Natural Earth borders are keyed by)."""
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return int(found.numeric) if found else None


def latest_rows(store: Store, columns: tuple[str, ...], limit: int, **filters: Any) -> list[tuple]:
    """``columns`` of the last ``limit`` events in the store's listing order (undated events
    last, so they come first among the latest), in that order. Read by walking the listing
    order's index backwards from its end: about half the time of counting the matches and
    walking forwards past all but the last ``limit`` of them."""
    found = store._where(**store_query.filters_of(filters))
    selected = ", ".join(f'"{c}"' for c in columns)
    cursor = store._conn.cursor()
    cursor.row_factory = None  # plain tuples: no Row objects to build and convert
    rows = cursor.execute(
        f"SELECT {selected} FROM events{found.sql} ORDER BY event_date IS NULL DESC, event_date DESC, event_id DESC "
        f"LIMIT ?", (*found.params, limit)).fetchall()
    rows.reverse()
    return rows


def _monday(day: str, memo: dict[str, str]) -> str:
    """The Monday of the week of an ISO date (the store's weeks start on Monday)."""
    week = memo.get(day)
    if week is None:
        d = date.fromisoformat(day[:10])
        week = memo[day] = (d - timedelta(days=d.weekday())).isoformat()
    return week


def stats(store: Store, **filters: Any) -> dict[str, Any]:
    """What ``Store.stats`` gives (totals, date range, by week, event type, country and admin1;
    a test holds the two equal) and the page's views under ``filters``: ``by_week_type`` (week, event_type, events,
    fatalities), ``by_iso`` (iso3, ISO numeric, country, events, fatalities), ``top_actors``
    (either side of an event) and ``top_places`` (location with admin1 and country).

    One read of the matching rows, counted here: a GROUP BY query per list over the same rows
    took about four times as long on the benchmark store."""
    found = store._where(**store_query.filters_of(filters))
    total = [0, 0]
    dates: list[str] = []
    weeks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, dict[str, list[int]]] = {k: defaultdict(lambda: [0, 0]) for k in ("event_type", "country", "admin1")}
    week_type: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    iso: dict[str, list] = {}
    actors: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    places: dict[tuple, list] = {}
    memo: dict[str, str] = {}
    sql = ("SELECT event_date, event_type, iso3, country, actor1, actor2, location, admin1, fatalities, latitude, "
           f"longitude FROM events{found.sql}")
    for day, etype, iso3, country, a1, a2, location, admin1, killed, lat, lon in store._conn.execute(sql, found.params):
        killed = killed or 0
        total[0] += 1
        total[1] += killed
        for key, value in (("event_type", etype), ("country", country), ("admin1", admin1)):
            if value is not None:
                cell = groups[key][value]
                cell[0] += 1
                cell[1] += killed
        if day:
            if not dates:
                dates[:] = [day, day]
            elif day < dates[0]:
                dates[0] = day
            elif day > dates[1]:
                dates[1] = day
            monday = _monday(day, memo)
            cell = weeks[monday]
            cell[0] += 1
            cell[1] += killed
            cell = week_type[(monday, etype)]
            cell[0] += 1
            cell[1] += killed
        if iso3:
            row = iso.get(iso3)
            if row is None:
                row = iso[iso3] = [country, 0, 0]
            row[1] += 1
            row[2] += killed
            if country and (row[0] is None or country < row[0]):
                row[0] = country
        for actor in (a1, a2):
            if actor:
                cell = actors[actor]
                cell[0] += 1
                cell[1] += killed
        if location:
            row = places.get((location, admin1, country))
            if row is None:
                row = places[(location, admin1, country)] = [0, 0, 0.0, 0.0, 0]
            row[0] += 1
            row[1] += killed
            if lat is not None and lon is not None:
                row[2] += lat
                row[3] += lon
                row[4] += 1
    by_iso = sorted(iso.items(), key=lambda kv: (-kv[1][1], kv[0]))
    top_actors = sorted(actors.items(), key=lambda kv: (-kv[1][0], kv[0]))[:TOP]
    top_places = sorted(places.items(), key=lambda kv: (-kv[1][0], kv[0][0], kv[0][1] or "", kv[0][2] or ""))[:TOP]
    def grouped(key: str, row: type) -> list:
        ranked = sorted(groups[key].items(), key=lambda kv: (-kv[1][0], kv[0]))[:STATS_GROUPS]
        return [row(k, n, f) for k, (n, f) in ranked]

    return plain(Stats(
        total[0], total[1], dates[0][:10] if dates else None, dates[1][:10] if dates else None,
        by_week=[WeekCount(w, n, f) for w, (n, f) in sorted(weeks.items())],
        by_event_type=grouped("event_type", EventTypeCount),
        by_country=grouped("country", CountryCount),
        by_admin1=grouped("admin1", Admin1Count),
        by_week_type=[WeekTypeCount(w, t, n, f)
                      for (w, t), (n, f) in sorted(week_type.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))],
        by_iso=[IsoCount(k, iso_numeric(k), c, n, f) for k, (c, n, f) in by_iso],
        top_actors=[ActorCount(k, n, f) for k, (n, f) in top_actors],
        top_places=[PlaceCount(loc, a1, c, r[0], r[1], r[2] / r[4] if r[4] else None, r[3] / r[4] if r[4] else None)
                    for (loc, a1, c), r in top_places],
    ))


class StatsCache:
    """Remembers stats per filter set while the database files are unchanged.

    The key includes the size and modification time of the database and its write-ahead log,
    so a run writing to the store while it is served makes the next request count afresh.
    """

    def __init__(self, db: Path, size: int = CACHE_SIZE) -> None:
        self.db = Path(db)
        self.size = size
        self._items: OrderedDict[tuple, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def _version(self) -> tuple:
        out = []
        for path in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                st = path.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    def get(self, store: Store, **filters: Any) -> dict[str, Any]:
        key = (self._version(), tuple(sorted((k, str(v)) for k, v in filters.items())))
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = stats(store, **filters)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
