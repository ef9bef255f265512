"""Aggregates for the timeline and the filter lists: counts and fatalities by week, by event
type, by country and by admin1, under the same filters as ``Store.events``.

The store has no grouped query yet, and building 200k Event records to count them would take
seconds, so this module runs four GROUP BY statements itself, on the store's own read-only
connection and through the store's own filter builder (so that a filter means exactly what it
means for ``Store.events``). It belongs in the store as ``Store.stats(**filters)``; when that
exists, ``stats()`` below should simply call it.
"""
from __future__ import annotations

from typing import Any

from ..store import Store

#: rows returned per grouping (admin1 and country lists are long-tailed)
TOP_GROUPS = 200

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
