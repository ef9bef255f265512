"""The shapes the store's side of fusion across articles reads and writes: the blocking keys a
candidate look-up takes, the fused events it saves with what their merge changed, and the history
entries it gives back. Store (store.sqlite) holds the SQL; the matching itself is fuse.across.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from eventsift.models import Event

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
