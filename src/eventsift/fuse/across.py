"""Fusion across articles: one record per real-world event, whoever reports it.

Three steps, all pure (the store finds candidates; nothing here speaks SQL):

1. **Blocking** (:func:`block`): a stored event can only be the same as a new one when it is in
   the same country, within ``MATCH_DAYS`` days and of the same event family (taxonomy.family).
   Two records that both name no source (:func:`sourced`: no outlet, no url) are never the same
   event: they cannot be told from two entries of one list (a coder's notes, a dataset's rows),
   which are distinct events by construction. A record without a source may still join, or be
   joined by, a report whose source is named (a saved page of a report the feed also carried).
2. **Scoring** (:func:`score`): place (same point, same gazetteer entry, a similar spelling, or
   a coarse place whose admin area holds the precise one), day, actors, sub-types and tolls,
   each a number in 0..1 with a weight; some differences veto a match outright (two villages
   both named precisely and kilometres apart; two explicitly different days).
   :func:`match` returns the best candidate scoring at least ``MATCH_THRESHOLD``.
3. **Merging** (:func:`merge`): the stored event keeps its id; sources and evidence are the
   union (a report re-coded replaces its own rows); see :func:`merge` for each field.

What depends on input order (documented, and kept small): the id of a fused event is the id of
the first report stored; the values of a fused event do not depend on the order its reports
came in (each is chosen by a rule over the reports, see :func:`merge`), but whether a third
report matches can depend on the values the first two agreed on; two events stored apart are
never merged later, even when a report arrives that fits both (it joins the better one).
"""
from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Protocol

from ..models import Article, Decision, Dropped, Event, Evidence, Source, Stance
from ..taxonomy import REMOTE, disorder_type
from ..taxonomy import event_types_of, family, severity
from .notes import notes_sentence

#: days either side of an event's date searched for candidates (a report a day or two late
#: whose date fell back to its publication day must still find the event)
MATCH_DAYS = 2
#: day scores below this are wide (more than a day of slack): the sub-types must then agree
WIDE_DAY_SCORE = 0.5
#: two precise places this close (km) are one place (gazetteer duplicates, town centre vs district)
SAME_PLACE_KM = 3.0
#: two precisely named places with similar spellings this close (km) are one place
#: (two gazetteer entries for "Kafr Nabl" / "Kafranbel"); farther apart they are two towns
SPELLING_PLACE_KM = 15.0
#: a coarse place (geo_precision 2: "near X") holds a precise one this close (km)
NEAR_PLACE_KM = 30.0
#: spelling similarity (difflib ratio of normalised names) above which two names are one name
NAME_SIMILARITY = 0.75
#: two tolls whose smaller is at least this share of the larger agree
TOLL_AGREEMENT = 0.5
#: weight of each part of the score (they sum to 1)
WEIGHTS: Mapping[str, float] = {"place": 0.3, "day": 0.2, "actors": 0.2, "type": 0.2, "tolls": 0.1}
#: the score at or above which a candidate is the same event. Set on samples/fusion/
#: (tests/fuse/test_golden_pairs.py prints the scores): same-event pairs score 0.72 and above;
#: near misses that pass the vetoes score 0.62 (two attacks in one city on one day), except a
#: day-late report of fresh fighting that carries only its publication date (0.88), which
#: nothing in these fields can tell apart. The threshold sits midway between 0.62 and 0.72.
MATCH_THRESHOLD = 0.67
#: fields whose change by a later report is recorded in the event's history
TRACKED_FIELDS = (
    "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "latitude", "longitude",
    "geo_precision", "event_date", "time_precision", "fatalities", "fatalities_low", "fatalities_high",
    "injured", "arrested", "displaced", "stance", "claimed_by", "source_count",
)
#: the decision that names the report a fused event's location comes from
LOCATION_FROM = "fuse:location_from"
#: the decision that explains a fused event's toll
TOLL_FROM = "fuse:fatalities"

_EARTH_KM = 6371.0
_NON_LETTERS = re.compile(r"[^a-z]+")
_ARTICLES = re.compile(r"\b(?:al|el|ad|ar|as|at|ash|an|az)[- ]", re.I)


# -- blocking ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Block:
    """The keys a candidate must share: country, one of the family's event types, a date window."""

    iso3: str
    family: str
    event_types: tuple[str, ...]
    date_from: date
    date_to: date


def sourced(event: Event) -> bool:
    """Whether a report of the event names where it comes from (its outlet or its url)."""
    return any(s.outlet or s.url for s in event.sources)


def block(event: Event, *, days: int = MATCH_DAYS) -> Block | None:
    """Blocking keys of an event; None when it cannot be fused across articles (no country or
    no date: such events stay as their article coded them)."""
    country = event.iso3 or event.country
    if not country or event.event_date is None:
        return None
    day = _as_day(event.event_date)
    fam = family(event.event_type, event.sub_event_type)
    return Block(country, fam, event_types_of(fam), day - timedelta(days=days), day + timedelta(days=days))


def in_block(event: Event, b: Block) -> bool:
    """Whether an event falls in a block (what the store's look-up selects)."""
    return (
        (event.iso3 or event.country) == b.iso3
        and event.event_date is not None
        and b.date_from <= _as_day(event.event_date) <= b.date_to
        and family(event.event_type, event.sub_event_type) == b.family
    )


# -- scoring -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Score:
    value: float
    parts: tuple[tuple[str, float], ...]
    reason: str
    veto: bool = False


def _as_day(d: date) -> date:
    return d.date() if hasattr(d, "date") and callable(d.date) else d


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@functools.lru_cache(maxsize=1 << 16)
def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NON_LETTERS.sub("", _ARTICLES.sub("", text))


def similar_names(a: str | None, b: str | None) -> bool:
    na, nb = _norm_name(a), _norm_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    return difflib.SequenceMatcher(None, na, nb).ratio() >= NAME_SIMILARITY


def _same_area(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and _norm_name(a) == _norm_name(b)


def _place(a: Event, b: Event) -> tuple[float | None, str]:
    """Place agreement in 0..1, or None (veto) with the reason."""
    pa, pb = a.geo_precision or 1, b.geo_precision or 1
    coords = None not in (a.latitude, a.longitude, b.latitude, b.longitude)
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) if coords else None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, f"same place {a.location}"
    if km is not None and km <= SAME_PLACE_KM:
        return 1.0, f"{a.location} / {b.location}: {km:.1f} km"
    if pa == 1 and pb == 1:
        if similar_names(a.location, b.location) and (km is None or km <= SPELLING_PLACE_KM):
            return 0.85, f"{a.location} / {b.location}: one name spelt two ways"
        return None, f"two places: {a.location} / {b.location}" + (f" {km:.0f} km apart" if km is not None else "")
    if min(pa, pb) == 1 or pa == pb == 2:
        # a coarse place ("near X", a district, a province) and a precise one inside it
        coarse, fine = (a, b) if pa > pb else (b, a)
        if (coarse.geo_precision or 1) == 2 and km is not None:
            if km <= NEAR_PLACE_KM:
                return 0.7, f"{coarse.location} is near the other place ({km:.0f} km)"
            return None, f"near {coarse.location} is {km:.0f} km from {fine.location}"
        if _same_area(coarse.location, fine.admin2) or _same_area(coarse.location, fine.admin1):
            return 0.6, f"{fine.location} lies in {coarse.location}"
        if _same_area(a.admin2, b.admin2):
            return 0.7, f"same district {a.admin2}"
        if _same_area(a.admin1, b.admin1):
            return 0.55, f"same province {a.admin1}"
        return None, f"{a.location} / {b.location}: no shared area"
    if _same_area(a.admin1, b.admin1):
        return 0.5, f"both coarse, same province {a.admin1}"
    return None, f"{a.location} / {b.location}: coarse places in different areas"


def _date_fallback(e: Event) -> bool:
    """True when the event's date is only its report's publication day (no date words)."""
    for d in e.reasons:
        if d.field == "event_date":
            return d.span is None and d.reason.startswith("no date in sentence")
    return False


def _day(a: Event, b: Event) -> tuple[float | None, str]:
    gap = abs((_as_day(a.event_date) - _as_day(b.event_date)).days)
    if gap == 0:
        return 1.0, "same day"
    loose = _date_fallback(a) or _date_fallback(b)
    coarse = max(a.time_precision or 1, b.time_precision or 1) > 1
    if gap == 1 and (loose or coarse):
        return 0.7, "a day apart, one date is only a publication day or a week"
    if gap <= MATCH_DAYS and (loose or coarse):
        return WIDE_DAY_SCORE - 0.1, f"{gap} days apart, one date is only a publication day or a week"
    return None, f"{gap} day(s) apart, both dated"


def _actor_key(name: str | None) -> str:
    return (name or "").strip().lower()


def _vague(name: str | None) -> bool:
    return not name or "unidentified" in name.lower()


def _target_conflict(a: Event, b: Event) -> bool:
    """Both name the other side, as different kinds of actor (civilians in one, police in the
    other): two attacks rather than one."""
    return (not _vague(a.actor2) and not _vague(b.actor2) and a.inter2 is not None and b.inter2 is not None
            and a.inter2 != b.inter2)


def _actors(a: Event, b: Event) -> tuple[float, str]:
    a1, b1, a2, b2 = (_actor_key(x) for x in (a.actor1, b.actor1, a.actor2, b.actor2))
    named_a = {x for x, raw in ((a1, a.actor1), (a2, a.actor2)) if not _vague(raw)}
    named_b = {x for x, raw in ((b1, b.actor1), (b2, b.actor2)) if not _vague(raw)}
    if a1 and a1 == b1 and not _vague(a.actor1):
        if _target_conflict(a, b):
            return 0.6, f"same actor {a.actor1}, different targets"
        return 1.0, f"same actor {a.actor1}"
    if a1 and a2 and a1 == b2 and a2 == b1:
        return 0.8, "the same two sides, named the other way round"
    if named_a & named_b:
        return 0.7, f"a shared side: {', '.join(sorted(named_a & named_b))}"
    if _vague(a.actor1) or _vague(b.actor1):
        if _target_conflict(a, b):
            return 0.3, "an unnamed actor, different targets"
        return 0.6, "an unnamed actor"
    if a.inter1 is not None and a.inter1 == b.inter1 and not _target_conflict(a, b):
        return 0.5, f"{a.actor1} / {b.actor1}: same kind of actor"
    return 0.1, f"{a.actor1} / {b.actor1}: different actors"


#: sub-types one event may be given by different reports (within one family); other pairs of
#: different sub-types are different kinds of attack (a rocket and a planted bomb)
_COMPATIBLE: tuple[frozenset[str], ...] = (
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}),
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"}),
)


def _type(a: Event, b: Event) -> tuple[float, str]:
    if a.sub_event_type == b.sub_event_type:
        return 1.0, a.sub_event_type
    both = {a.sub_event_type, b.sub_event_type}
    if a.event_type == b.event_type == REMOTE and not any(both <= group for group in _COMPATIBLE):
        return 0.1, f"{a.sub_event_type} / {b.sub_event_type}: different weapons"
    if a.event_type == b.event_type:
        return 0.6, f"{a.sub_event_type} / {b.sub_event_type}"
    return 0.4, f"{a.sub_event_type} / {b.sub_event_type}: one family"


def _toll_range(e: Event) -> tuple[int, int] | None:
    """The lowest and highest toll its reports give (None when none gives one)."""
    tolls = [s.fatalities for s in e.sources if s.fatalities is not None]
    return (min(tolls), max(tolls)) if tolls else None


def _tolls(a: Event, b: Event) -> tuple[float, str]:
    ra, rb = _toll_range(a), _toll_range(b)
    if ra is None or rb is None:
        return 0.6, "a toll missing"
    if ra[0] <= rb[1] and rb[0] <= ra[1]:
        return 1.0, "tolls agree"
    lo, hi = sorted((ra, rb))
    small, large = lo[1], hi[0]
    if large == 0 or small / large >= TOLL_AGREEMENT:
        return 1.0, "tolls close"
    return 0.4, f"tolls differ ({small} / {large})"


def score(new: Event, candidate: Event) -> Score:
    """How likely two events are one (0..1), with the reason; ``veto`` when they cannot be."""
    if new.event_date is None or candidate.event_date is None:
        return Score(0.0, (), "undated", veto=True)
    if family(new.event_type, new.sub_event_type) != family(candidate.event_type, candidate.sub_event_type):
        return Score(0.0, (), "different families", veto=True)
    if (new.iso3 or new.country) != (candidate.iso3 or candidate.country):
        return Score(0.0, (), "different countries", veto=True)
    place, why_place = _place(new, candidate)
    if place is None:
        return Score(0.0, (), why_place, veto=True)
    day, why_day = _day(new, candidate)
    if day is None:
        return Score(0.0, (("place", place),), why_day, veto=True)
    if day < WIDE_DAY_SCORE and new.sub_event_type != candidate.sub_event_type:
        # two days of slack leave room for a second event: the kind of event must agree
        return Score(0.0, (("place", place), ("day", day)), f"{why_day}; {new.sub_event_type} / "
                     f"{candidate.sub_event_type}", veto=True)
    actors, why_actors = _actors(new, candidate)
    kind, why_kind = _type(new, candidate)
    tolls, why_tolls = _tolls(new, candidate)
    parts = (("place", place), ("day", day), ("actors", actors), ("type", kind), ("tolls", tolls))
    value = round(sum(WEIGHTS[k] * v for k, v in parts), 4)
    return Score(value, parts, "; ".join((why_place, why_day, why_actors, why_kind, why_tolls)))


def match(new: Event, candidates: Sequence[Event], *, threshold: float = MATCH_THRESHOLD) -> Event | None:
    """The candidate that is the same event as ``new`` (best score ≥ threshold), else None.
    Ties go to the smaller event id, so the answer does not depend on the candidates' order."""
    best: tuple[float, str] | None = None
    found = None
    for c in candidates:
        s = score(new, c)
        if s.veto or s.value < threshold:
            continue
        key = (-s.value, c.event_id)
        if best is None or key < best:
            best, found = key, c
    return found


# -- merging -------------------------------------------------------------------------------
def _published_key(p: date | None) -> date:
    return _as_day(p) if p is not None else date.min


def _source_order(s: Source) -> tuple[date, str]:
    return (_published_key(s.published), s.article_id)


def _type_key(e: Event) -> tuple[Any, ...]:
    """Which report's type and actors a fused event takes: the most severe sub-type, then one
    that names its actors, then by name (a total order, so the choice ignores arrival order)."""
    return (severity(e.sub_event_type), _vague(e.actor1), e.actor2 is None, e.actor1 or "", e.actor2 or "",
            e.event_type, e.inter1 or 0, e.inter2 or 0, e.assoc_actor_1 or "", e.assoc_actor_2 or "",
            e.civilian_targeting)


def _location_from(e: Event) -> str | None:
    for d in e.reasons:
        if d.field == LOCATION_FROM:
            return d.value
    return e.article_id


def _location_key(e: Event, published: Mapping[str, date]) -> tuple[Any, ...]:
    """The most precise place, then the latest report (a correction), then the name."""
    latest = published.get(_location_from(e) or "", date.min)
    return (e.geo_precision or 9, e.latitude is None, -latest.toordinal(), e.location or "", e.geonameid or 0,
            e.latitude or 0.0, e.longitude or 0.0, e.admin1 or "", e.admin2 or "")


def _date_key(e: Event) -> tuple[Any, ...]:
    """A date stated in the text before a publication-day fallback, then the finer precision,
    then the earlier day."""
    return (_date_fallback(e), e.time_precision or 9, _as_day(e.event_date) if e.event_date else date.max)


def _min(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _max(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _stance(sources: Sequence[Source], *events: Event) -> Stance:
    stances = [s.stance for s in sources] + [e.stance for e in events]
    if all(s is Stance.DENIED for s in stances):
        return Stance.DENIED
    if any(s is not Stance.ASSERTED for s in stances):
        return Stance.DISPUTED
    return Stance.ASSERTED


def _fatalities(sources: Sequence[Source], fallback: int | None) -> tuple[int | None, str]:
    """ACLED's conservative best: the lowest toll among the latest reports that give one (a
    later report revises an earlier toll; reports of one day that disagree give the lowest)."""
    tolls = [(s, s.fatalities) for s in sources if s.fatalities is not None]
    if not tolls:
        return fallback, "fatalities: no report gives a toll"
    latest = max(_published_key(s.published) for s, _ in tolls)
    current = [(s, n) for s, n in tolls if _published_key(s.published) == latest]
    best = min(n for _, n in current)
    said = ", ".join(f"{s.outlet or s.article_id} {n}" for s, n in tolls)
    return best, f"fatalities: {best}, the lowest toll of the latest reports ({said})"


def _merge_reasons(lead: Iterable[Decision], rest: Iterable[Decision]) -> tuple[Decision, ...]:
    """The lead decisions first, then every other one once, in a fixed order (so that merging
    a report again, or in another order, gives the same tuple)."""
    lead = tuple(lead)
    seen = {(d.field, repr(d.value), d.reason) for d in lead}
    unique: dict[tuple[str, str, str], Decision] = {}
    for d in rest:
        key = (d.field, repr(d.value), d.reason)
        if key not in seen:
            unique.setdefault(key, d)
    return lead + tuple(unique[k] for k in sorted(unique))


def merge(existing: Event, new: Event) -> Event:
    """One event from a stored event and a new report of it. The stored id stays.

    - sources and evidence: the union; a report already among the sources is replaced by its
      new coding; ordered by publication date then article id.
    - type, sub-type and actors: from whichever side has the most severe sub-type (then named
      actors, then by name).
    - place: the most precise, then the latest report (a corrected location), then by name.
    - date: one stated in a report's words before a publication-day fallback, then the finer
      precision, then the earlier day.
    - fatalities: the lowest toll of the latest reports that give one; fatalities_low/high the
      range over every report; injured/arrested/displaced the lowest reported.
    - stance: disputed as soon as one report denies or disputes what another asserts; denied
      only when every report denies it. claimed_by lists each report's claimant once.
    """
    new_articles = {s.article_id for s in new.sources} | {e.article_id for e in new.evidence}
    sources = sorted(
        [s for s in existing.sources if s.article_id not in new_articles] + list(new.sources), key=_source_order
    )
    rank = {s.article_id: i for i, s in enumerate(sources)}
    evidence = sorted(
        {e for e in existing.evidence if e.article_id not in new_articles} | set(new.evidence),
        key=lambda e: (rank.get(e.article_id, len(rank)), e.article_id, e.start, e.end),
    )
    published = {s.article_id: _published_key(s.published) for s in sources}
    kind = min((existing, new), key=_type_key)
    where = min((existing, new), key=lambda e: _location_key(e, published))
    when = min((existing, new), key=_date_key)
    fallback = _min(existing.fatalities, new.fatalities)
    fatalities, why_toll = _fatalities(sources, fallback)
    tolls = [s.fatalities for s in sources]
    low = _min(existing.fatalities_low, new.fatalities_low, fatalities, *tolls)
    high = _max(existing.fatalities_high, new.fatalities_high, fatalities, *tolls)
    claims = list(dict.fromkeys(s.claimed_by for s in sources if s.claimed_by))
    location_from = _location_from(where)
    lead = [d for d in when.reasons if d.field == "event_date"][:1] + [
        Decision(LOCATION_FROM, location_from, f"location {where.location} from report {location_from}: "
                 "the most precise place, then the latest report"),
        Decision(TOLL_FROM, fatalities, why_toll),
    ]
    own = (LOCATION_FROM, TOLL_FROM)
    reasons = _merge_reasons(lead, (d for e in (existing, new) for d in e.reasons if d.field not in own))
    merged = replace(
        existing,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        disorder_type=disorder_type(kind.event_type, kind.sub_event_type),
        actor1=kind.actor1, inter1=kind.inter1, actor2=kind.actor2, inter2=kind.inter2,
        interaction=kind.interaction, assoc_actor_1=kind.assoc_actor_1, assoc_actor_2=kind.assoc_actor_2,
        civilian_targeting=kind.civilian_targeting, plover_type=kind.plover_type, plover_mode=kind.plover_mode,
        location=where.location, admin1=where.admin1, admin2=where.admin2, country=where.country,
        iso3=where.iso3, latitude=where.latitude, longitude=where.longitude, geonameid=where.geonameid,
        geo_precision=where.geo_precision,
        event_date=when.event_date, time_precision=when.time_precision,
        fatalities=fatalities, fatalities_low=low, fatalities_high=high,
        injured=_min(existing.injured, new.injured), arrested=_min(existing.arrested, new.arrested),
        displaced=_min(existing.displaced, new.displaced),
        claimed_by="; ".join(claims) or None,
        stance=_stance(sources, existing, new) if len(sources) > 1 else new.stance,
        confidence=max(existing.confidence, new.confidence),
        evidence=tuple(evidence),
        sources=tuple(sources),
        reasons=reasons,
    )
    return replace(merged, notes=notes_sentence(merged))


# -- what changed --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


def changes(old: Event, new: Event) -> tuple[FieldChange, ...]:
    """The tracked fields a merge changed (for the event's history)."""
    out = []
    for name in TRACKED_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(FieldChange(name, a, b))
    return tuple(out)


# -- attaching one article's events ----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Fused:
    """What to store for one event of a new article: ``event`` (new, or a stored event it was
    merged into), the article's own id for it (``report_id``), and what the merge changed."""

    event: Event
    report_id: str
    merged: bool
    changes: tuple[FieldChange, ...]
    reason: str


def attach(
    events: Sequence[Event],
    *,
    known: Callable[[str], Event | None],
    candidates: Callable[[Block], Sequence[Event]],
) -> list[Fused]:
    """Match one article's events against stored ones and merge them.

    ``known(report_id)`` gives the stored event this report's event already became (a re-run),
    ``candidates(block)`` the stored events under a block's keys. Each stored event takes at
    most one event of the article (the article's own fusion decided its events are distinct),
    and a stored event the article already supports is only reached through ``known``.
    """
    article_ids = {e.article_id for e in events if e.article_id}
    proposals: list[tuple[float, int, Event, str]] = []
    for i, ev in enumerate(events):
        previous = known(ev.event_id)
        if previous is not None:
            proposals.append((2.0, i, previous, f"this report's event is stored as {previous.event_id}"))
            continue
        b = block(ev)
        if b is None:
            continue
        listed = not sourced(ev)  # an entry of a list, as far as anyone can tell
        for c in candidates(b):
            if c.event_id == ev.event_id or article_ids & {s.article_id for s in c.sources}:
                continue
            if listed and not sourced(c):
                continue
            s = score(ev, c)
            if not s.veto and s.value >= MATCH_THRESHOLD:
                proposals.append((s.value, i, c, f"same event as {c.event_id} (score {s.value:.2f}: {s.reason})"))
    proposals.sort(key=lambda p: (-p[0], p[1], p[2].event_id))
    chosen: dict[int, tuple[Event, str]] = {}
    taken: set[str] = set()
    for _, i, c, why in proposals:
        if i in chosen or c.event_id in taken:
            continue
        chosen[i] = (c, why)
        taken.add(c.event_id)
    out = []
    for i, ev in enumerate(events):
        if i not in chosen:
            out.append(Fused(ev, ev.event_id, False, (), "no stored event matches"))
            continue
        stored, why = chosen[i]
        others = [s for s in stored.sources if s.article_id not in article_ids]
        # a re-coded report that alone supports its stored event replaces it outright
        fused = merge(stored, ev) if others else replace(ev, event_id=stored.event_id)
        out.append(Fused(fused, ev.event_id, True, changes(stored, fused), why))
    return out


# -- where fused events wait for later reports -----------------------------------------------
class EventIndex(Protocol):
    """What fusion across articles needs from where the fused events are kept: the store for
    ``run`` (store.Store), memory for ``extract`` and Spark (:class:`MemoryIndex`). The pipeline
    matches each article's events through it (Pipeline.pipe's ``index``), so that every command
    fuses alike."""

    def fused_event(self, report_id: str) -> Event | None:
        """The kept event an article-level event id became (itself, or what it merged into)."""

    def fusion_candidates(self, block: Block) -> Sequence[Event]:
        """The kept events under a block's keys (country, event family, days): those near an
        event in place, day and kind, that it may be the same as."""

    def save_fused(self, article: Article, fused: Sequence[Fused], dropped: Sequence[Dropped] = ()) -> None:
        """Keep an article's fused events (new ones, and kept ones its events merged into)."""


class MemoryIndex:
    """Fused events in memory, indexed by blocking keys (country, family, day); ``events`` holds
    them in the order they were first kept."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}
        self.aliases: dict[str, str] = {}
        self._buckets: dict[tuple[str, str, date], set[str]] = {}

    @staticmethod
    def _key(e: Event) -> tuple[str, str, date] | None:
        country = e.iso3 or e.country
        if not country or e.event_date is None:
            return None
        return (country, family(e.event_type, e.sub_event_type), _as_day(e.event_date))

    def fused_event(self, report_id: str) -> Event | None:
        return self.events.get(self.aliases.get(report_id, report_id))

    def fusion_candidates(self, b: Block) -> list[Event]:
        out = []
        day = b.date_from
        while day <= b.date_to:
            for eid in sorted(self._buckets.get((b.iso3, b.family, day), ())):
                out.append(self.events[eid])
            day += timedelta(days=1)
        return out

    def save_fused(self, article: Article, fused: Sequence[Fused], dropped: Sequence[Dropped] = ()) -> None:
        """Keep an article's fused events (the article and its dropped candidates are not kept)."""
        for f in fused:
            self.put(f)

    def put(self, fused: Fused) -> None:
        e = fused.event
        old = self.events.get(e.event_id)
        if old is not None:
            k = self._key(old)
            if k is not None:
                self._buckets[k].discard(e.event_id)
        self.events[e.event_id] = e
        if fused.report_id != e.event_id:
            self.aliases[fused.report_id] = e.event_id
        k = self._key(e)
        if k is not None:
            self._buckets.setdefault(k, set()).add(e.event_id)

    def evict_before(self, day: date) -> Iterator[Event]:
        """Remove and yield events dated before ``day`` (for date-ordered streams)."""
        for k in [k for k in self._buckets if k[2] < day]:
            for eid in sorted(self._buckets.pop(k)):
                yield self.events.pop(eid)


def fuse_reports(reports: Iterable[Sequence[Event]], index: MemoryIndex | None = None) -> MemoryIndex:
    """Fuse articles' events (one sequence per article) in memory; returns the index."""
    index = index or MemoryIndex()
    for events in reports:
        for fused in attach(events, known=index.fused_event, candidates=index.fusion_candidates):
            index.put(fused)
    return index
