"""Aggregates for the timeline and the filter lists (counts and fatalities by week, by event
type, by country and by admin1, from ``Store.stats``), cached per filter set while the database
is unchanged.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..store import Store

#: filter sets whose stats are kept (unfiltered stats of 200k events take about a second to count)
CACHE_SIZE = 64


def stats(store: Store, **filters: Any) -> dict[str, Any]:
    return store.stats(**filters)


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
