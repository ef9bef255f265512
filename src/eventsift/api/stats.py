"""Aggregates for the timeline and the filter lists: counts and fatalities by week, by event
type, by country and by admin1, under the same filters as ``Store.events``.

The store has no grouped query yet, and building 200k Event records to count them would take
seconds, so this module runs four GROUP BY statements itself, on the store's own read-only
connection and through the store's own filter builder (so that a filter means exactly what it
means for ``Store.events``). It belongs in the store as ``Store.stats(**filters)``; when that
exists, ``stats()`` below should simply call it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..store import Store

#: rows returned per grouping (admin1 and country lists are long-tailed)
TOP_GROUPS = 200
#: filter sets whose stats are kept (unfiltered stats of 200k events take about a second to count)
CACHE_SIZE = 64

_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "actor", "date_from", "date_to", "bbox", "q",
            "article_id")

# Monday of the event's ISO week: 'weekday 0' moves to the coming Sunday (or stays on one).
_WEEK = "date(event_date, 'weekday 0', '-6 days')"


def stats(store: Store, **filters: Any) -> dict[str, Any]:
    where, params = store._where(**{name: filters.get(name) for name in _FILTERS})
    conn = store._conn

    def grouped(key_sql: str, key: str, order: str, not_null: str, limit: int = TOP_GROUPS) -> list[dict[str, Any]]:
        clause = f"{where} AND {not_null} IS NOT NULL" if where else f" WHERE {not_null} IS NOT NULL"
        sql = (f"SELECT {key_sql} AS k, COUNT(*) AS n, COALESCE(SUM(fatalities), 0) AS f FROM events{clause} "
               f"GROUP BY k ORDER BY {order} LIMIT ?")
        return [{key: r[0], "events": r[1], "fatalities": r[2]} for r in conn.execute(sql, (*params, limit))]

    total = conn.execute(f"SELECT COUNT(*), COALESCE(SUM(fatalities), 0), MIN(event_date), MAX(event_date) "
                         f"FROM events{where}", params).fetchone()
    return {
        "events": total[0],
        "fatalities": total[1],
        "date_min": total[2][:10] if total[2] else None,
        "date_max": total[3][:10] if total[3] else None,
        "by_week": grouped(_WEEK, "week", "k", "event_date", limit=-1),
        "by_event_type": grouped("event_type", "event_type", "n DESC, k", "event_type"),
        "by_country": grouped("country", "country", "n DESC, k", "country"),
        "by_admin1": grouped("admin1", "admin1", "n DESC, k", "admin1"),
    }


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
