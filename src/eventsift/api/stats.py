"""Aggregates for the page (counts and fatalities by week, by event type, by country and by
admin1, from ``Store.stats``; and the page's own views: events per week by event type, events by
country with ISO codes for the map's shading, top actors and top places), cached per filter set
while the database is unchanged.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..store import Store
from ..store import query as store_query
from ..store.sqlite import _WEEK_START

#: filter sets whose stats are kept (unfiltered stats of 200k events take about a second to count)
CACHE_SIZE = 64
#: rows in the top-actors and top-places lists
TOP = 10


@lru_cache(maxsize=512)
def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166 numeric code of an ISO3 code (what the Natural Earth borders are keyed by)."""
    if not iso3:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return int(found.numeric) if found else None


def views(store: Store, **filters: Any) -> dict[str, Any]:
    """The page's views under ``filters``: ``by_week_type`` (week, event_type, events,
    fatalities), ``by_iso`` (iso3, ISO numeric, country, events, fatalities), ``top_actors``
    (either side of an event) and ``top_places`` (location with admin1 and country)."""
    found = store._where(**store_query.filters_of(filters))
    where, params = found.sql, found.params
    conn = store._conn

    def and_(clause: str) -> str:
        return f"{where} AND {clause}" if where else f" WHERE {clause}"

    by_week_type = [
        {"week": r[0], "event_type": r[1], "events": r[2], "fatalities": r[3]}
        for r in conn.execute(
            f"SELECT {_WEEK_START} AS w, event_type, COUNT(*), COALESCE(SUM(fatalities), 0) FROM events"
            f"{and_('event_date IS NOT NULL')} GROUP BY w, event_type ORDER BY w, event_type", params)
    ]
    by_iso = [
        {"iso3": r[0], "isonumeric": iso_numeric(r[0]), "country": r[1], "events": r[2], "fatalities": r[3]}
        for r in conn.execute(
            f"SELECT iso3, MIN(country), COUNT(*) AS n, COALESCE(SUM(fatalities), 0) FROM events"
            f"{and_('iso3 IS NOT NULL')} GROUP BY iso3 ORDER BY n DESC, iso3", params)
    ]
    top_actors = [
        {"actor": r[0], "events": r[1], "fatalities": r[2]}
        for r in conn.execute(
            f"SELECT a, COUNT(*) AS n, COALESCE(SUM(f), 0) FROM ("
            f"SELECT actor1 AS a, fatalities AS f FROM events{and_('actor1 IS NOT NULL')} UNION ALL "
            f"SELECT actor2, fatalities FROM events{and_('actor2 IS NOT NULL')}) "
            f"GROUP BY a ORDER BY n DESC, a LIMIT ?", (*params, *params, TOP))
    ]
    top_places = [
        {"location": r[0], "admin1": r[1], "country": r[2], "events": r[3], "fatalities": r[4],
         "latitude": r[5], "longitude": r[6]}
        for r in conn.execute(
            f"SELECT location, admin1, country, COUNT(*) AS n, COALESCE(SUM(fatalities), 0), "
            f"AVG(latitude), AVG(longitude) FROM events{and_('location IS NOT NULL')} "
            f"GROUP BY location, admin1, country ORDER BY n DESC, location LIMIT ?", (*params, TOP))
    ]
    return {"by_week_type": by_week_type, "by_iso": by_iso, "top_actors": top_actors, "top_places": top_places}


def stats(store: Store, **filters: Any) -> dict[str, Any]:
    return {**store.stats(**filters), **views(store, **filters)}


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
