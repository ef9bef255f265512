"""Typed records that flow through eventsift, one direction only.

Every stage takes records and returns new ones; nothing here is mutated after it is made.
Offsets (``start``/``end``) are always character offsets into ``Article.text``: the text as the
input gave it (for HTML input, the extracted text that the store keeps).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any


class Status(str, Enum):
    OK = "ok"
    SKIPPED = "skipped"
    FAILED = "failed"


class Stance(str, Enum):
    ASSERTED = "asserted"
    DISPUTED = "disputed"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a field got its value (or why a candidate was dropped)."""

    field: str
    value: Any
    reason: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    language: str | None = "en"
    status: Status = Status.OK
    reason: str = ""
    source: str | None = None  # where it was read from (path, path:line)
    country: str | None = None  # the country the input says it is about (a name or ISO code), if any

    def with_status(self, status: Status, reason: str) -> "Article":
        return replace(self, status=status, reason=reason)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as coded: canonical name, ACLED type code (1-8) and the words it came from."""

    name: str
    inter: int | None
    span: Span | None = None
    country: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place (or an unresolved toponym when ``latitude`` is None)."""

    span: Span | None
    name: str
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int | None = None
    geo_precision: int = 1  # 1 the place, 2 near it / part of a region, 3 only the region
    reason: str = ""
    runner_up: str | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When: a day (or the first day of the week/month) with ACLED's time_precision."""

    date: date | None
    precision: int | None  # 1 day, 2 week, 3 month; None when unresolved
    span: Span | None = None
    reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.date is not None


@dataclass(frozen=True, slots=True)
class Counts:
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    spans: tuple[Span, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """One statement of one event in one sentence of one article (before places/dates/fusion)."""

    article_id: str
    sentence: Span
    event_type: str
    sub_event_type: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    civilian_targeting: bool = False
    counts: Counts = field(default_factory=Counts)
    place: Place | None = None
    time: TimeRef | None = None
    claimed_by: str | None = None
    stance: Stance = Stance.ASSERTED
    confidence: float = 0.5
    trigger: Span | None = None
    decisions: tuple[Decision, ...] = ()
    #: later sentences of the same article that state the same event again or tell more of it
    support: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate event that was not coded, and why."""

    article_id: str
    sentence: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    claimed_by: str | None = None
    stance: Stance = Stance.ASSERTED
    fatalities: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event: a row of the ACLED export."""

    event_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: str | None
    inter1: int | None
    actor2: str | None
    inter2: int | None
    interaction: int | None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    civilian_targeting: bool = False
    location: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    geo_precision: int | None = None
    event_date: date | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    arrested: int | None = None
    displaced: int | None = None
    claimed_by: str | None = None
    stance: Stance = Stance.ASSERTED
    plover_type: str | None = None
    plover_mode: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: str = ""
    reasons: tuple[Decision, ...] = ()

    @property
    def article_id(self) -> str | None:
        return self.evidence[0].article_id if self.evidence else None

    @property
    def source_count(self) -> int:
        return len({s.article_id for s in self.sources})

    @property
    def reporting_articles(self) -> tuple[str, ...]:
        """Every article that reports the event: the one that first told it, then the others in order."""
        ids = [e.article_id for e in self.evidence] + [s.article_id for s in self.sources]
        return tuple(dict.fromkeys(i for i in ids if i))

    def to_dict(self, article_id: str | None = None) -> dict[str, Any]:
        """The JSON shape of DESIGN.md (what `extract --format jsonl` prints), as ``article_id`` reports it
        (by default the article that first told it)."""
        out: dict[str, Any] = {"article_id": article_id or self.article_id}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "evidence":
                value = [e.to_dict() for e in value]
            elif f.name == "sources":
                value = [{g.name: _plain(getattr(s, g.name)) for g in fields(s)} for s in value]
            elif f.name == "reasons":  # a reason's span stays out of the JSON shape
                value = [{g.name: _plain(getattr(d, g.name)) for g in fields(d) if g.name != "span"} for d in value]
            else:
                value = _plain(value)
            out[f.name] = value
        out["source_count"] = self.source_count
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value
