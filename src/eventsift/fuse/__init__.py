"""Fuse: mentions → one Event per real event.

Within one article (:func:`fuse_article`), mentions that state the same event (the headline,
the lead, a later paragraph) merge into one event whose evidence lists every sentence: same
event family (taxonomy.family), same place (or no place of its own), same day. ACLED's rule of one
event per location per day decides what "same" means.

Across articles (fuse.across), a new report's events are matched against stored events found
by blocking keys and merged into them; the store does the look-ups, this package decides.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from ..models import Actor, Article, Decision, Event, Evidence, Mention, Source, Stance
from ..taxonomy import SPECIFICITY, disorder_type, family, plover, severity
from .notes import notes_sentence

def _place_key(m: Mention) -> str | None:
    if m.place is None or m.place.latitude is None:
        return None
    return str(m.place.geonameid or f"{m.place.latitude:.2f},{m.place.longitude:.2f}")


def _day(m: Mention) -> date | None:
    return m.time.date if m.time else None


def _days_agree(a: date | None, b: date | None) -> bool:
    """An unresolved date (publication date unknown) does not set a mention apart."""
    return a is None or b is None or a == b


def _actors_agree(a: Mention, b: Mention) -> bool:
    """Two named, different first actors with different sub-types are two events."""
    return not (a.actor1 and b.actor1 and a.actor1.name != b.actor1.name and a.sub_event_type != b.sub_event_type)


@dataclass(slots=True)
class _Group:
    family: str
    place: str | None
    day: date | None
    members: list[tuple[int, Mention]]

    def accepts(self, m: Mention, place: str | None) -> bool:
        if family(m.event_type, m.sub_event_type) != self.family or not _days_agree(self.day, _day(m)):
            return False
        if place is not None and self.place is not None and place != self.place:
            return False
        return all(_actors_agree(other, m) for _, other in self.members)

    def add(self, index: int, m: Mention) -> None:
        self.members.append((index, m))
        if self.day is None:
            self.day = _day(m)


def _same_event(a: Mention, b: Mention) -> bool:
    g = _Group(family(a.event_type, a.sub_event_type), _place_key(a), _day(a), [(0, a)])
    return g.accepts(b, _place_key(b))


def group_mentions(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Groups of mentions of the same event, in order of first mention.

    Mentions with a place of their own group by (family, place, day). A mention without a
    place ("the strike killed ten") then joins the group of its family and day whose last
    sentence comes closest before it (else the first such group); only when the article has
    no such group does it start one of its own.
    """
    groups: list[_Group] = []
    placeless: list[tuple[int, Mention]] = []
    for i, m in enumerate(mentions):
        key = _place_key(m)
        if key is None:
            placeless.append((i, m))
            continue
        for g in groups:
            if g.place is not None and g.accepts(m, key):
                g.add(i, m)
                break
        else:
            groups.append(_Group(family(m.event_type, m.sub_event_type), key, _day(m), [(i, m)]))
    for i, m in placeless:
        fitting = [g for g in groups if g.accepts(m, None)]
        if not fitting:
            groups.append(_Group(family(m.event_type, m.sub_event_type), None, _day(m), [(i, m)]))
            continue
        before = [g for g in fitting if any(o.sentence.start <= m.sentence.start for _, o in g.members)]
        if before:
            g = max(before, key=lambda g: max(o.sentence.start for _, o in g.members if o.sentence.start <= m.sentence.start))
        else:
            g = fitting[0]
        g.add(i, m)
    groups.sort(key=lambda g: min(i for i, _ in g.members))
    return [[m for _, m in sorted(g.members, key=lambda im: im[0])] for g in groups]


def stable_id(*parts: object) -> str:
    digest = hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
    return f"ev-{digest[:16]}"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code, smaller type first (a sole actor: 10 × its type)."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2)
    lo, hi = sorted((inter1, inter2))
    return 10 * lo + hi


def _best(group: list[Mention]) -> Mention:
    """The mention that carries the event: most specific sub-type, then most confident."""
    mixed = len({m.event_type for m in group}) > 1

    def rank(m: Mention):
        spec = SPECIFICITY.get(m.sub_event_type, len(SPECIFICITY) + 1)
        # sub-types of different event types in one family: the most severe carries the event
        return (severity(m.sub_event_type) if mixed else 0, spec, -m.confidence, m.sentence.start)
    return min(group, key=rank)


def _first(group: list[Mention], attr: str):
    for m in sorted(group, key=lambda m: -m.confidence):
        value = getattr(m, attr)
        if value:
            return value
    return None


def _assoc(actors: tuple[Actor, ...]) -> str | None:
    return "; ".join(a.name for a in actors) or None


def _undated(m: Mention) -> bool:
    """The mention's sentence names no day: it was dated to the publication day by default."""
    return m.time is not None and m.time.date is not None and m.time.span is None


def date_from_neighbours(mentions: Sequence[Mention]) -> list[Mention]:
    """A sentence that names no day tells of the day the report has been telling of: an event
    stated without a date of its own takes the date of the nearest earlier mention that has one
    (else the nearest later one), not the publication day ("Police fired tear gas at marchers in
    Nairobi on Wednesday ... In Kisumu, hundreds marched peacefully")."""
    dated = sorted((m for m in mentions if m.time is not None and m.time.span is not None and m.time.date is not None),
                   key=lambda m: m.sentence.start)
    if not dated:
        return list(mentions)
    out = []
    for m in mentions:
        if not _undated(m):
            out.append(m)
            continue
        before = [d for d in dated if d.sentence.start < m.sentence.start]
        src = before[-1] if before else dated[0]
        t = src.time
        why = f"no date in sentence: the day of the event told before it ('{t.span.text}')" if before else \
            f"no date in sentence: the day the report goes on to give ('{t.span.text}')"
        out.append(replace(m, time=replace(t, reason=why)))
    return out


def fuse_article(article: Article, mentions: Sequence[Mention]) -> list[Event]:
    events = []
    for group in group_mentions(date_from_neighbours(mentions)):
        events.append(event_from_mentions(article, group))
    return events


def event_from_mentions(article: Article, group: list[Mention]) -> Event:
    best = _best(group)
    actor1 = best.actor1 or _first(group, "actor1")
    actor2 = best.actor2 or _first(group, "actor2")
    place = best.place or _first(group, "place")
    time = best.time or _first(group, "time")
    counts = max((m.counts for m in group), key=lambda c: (c.fatalities is not None, c.fatalities or 0))
    # several statements of one toll: the most conservative best, the range over all of them
    tolls = [m.counts.fatalities for m in group if m.counts.fatalities is not None]
    fatalities = min(tolls) if tolls else 0  # ACLED codes "no deaths reported" as 0
    lows = [x for m in group for x in (m.counts.fatalities_low, m.counts.fatalities) if x is not None]
    highs = [x for m in group for x in (m.counts.fatalities_high, m.counts.fatalities) if x is not None]
    stance = best.stance
    if any(m.stance is Stance.DENIED for m in group):
        stance = Stance.DENIED if all(m.stance is Stance.DENIED for m in group) else Stance.DISPUTED
    elif any(m.stance is Stance.DISPUTED for m in group):
        stance = Stance.DISPUTED
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    ptype, pmode = plover(best.event_type, best.sub_event_type)
    # the sentences that state it: each mention's own, and the later ones that told it again or more of it
    evidence = tuple(sorted({Evidence(article.id, s.start, s.end, s.text) for m in group for s in (m.sentence, *m.support)},
                            key=lambda e: e.start))
    reasons = tuple(d for m in group for d in m.decisions)
    if place is not None:
        reasons += (Decision("location", place.name, place.reason, place.span),)
    if time is not None:
        reasons += (Decision("event_date", time.date, time.reason, time.span),)
    event_date = time.date if time else None
    event = Event(
        event_id=stable_id(article.id, best.event_type, place.geonameid if place else None,
                           place.name if place else None, event_date, actor1.name if actor1 else None),
        event_type=best.event_type,
        sub_event_type=best.sub_event_type,
        disorder_type=disorder_type(best.event_type, best.sub_event_type),
        actor1=actor1.name if actor1 else None,
        inter1=inter1,
        actor2=actor2.name if actor2 else None,
        inter2=inter2,
        interaction=interaction(inter1, inter2),
        assoc_actor_1=_assoc(best.assoc_actor_1),
        assoc_actor_2=_assoc(best.assoc_actor_2),
        civilian_targeting=any(m.civilian_targeting for m in group),
        location=place.name if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        country=place.country if place else None,
        iso3=place.iso3 if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonameid=place.geonameid if place else None,
        geo_precision=place.geo_precision if place else None,
        event_date=event_date,
        time_precision=time.precision if time else None,
        fatalities=fatalities,
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        injured=counts.injured,
        arrested=counts.arrested,
        displaced=counts.displaced,
        claimed_by=best.claimed_by or _first(group, "claimed_by"),
        stance=stance,
        plover_type=ptype,
        plover_mode=pmode,
        confidence=round(max(m.confidence for m in group), 3),
        evidence=evidence,
        # the report's own claim: None when it states no toll (the event still codes 0)
        sources=(Source(article.id, article.outlet, article.url, article.published,
                        best.claimed_by or _first(group, "claimed_by"), stance, min(tolls) if tolls else None),),
        reasons=reasons,
    )
    return replace(event, notes=notes_sentence(event))
