"""Fusion across articles: blocking, scoring vetoes, merge rules, order independence; and the
within-article rules for mentions without a place and sub-types of one family."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventsift.fuse import fuse_article, group_mentions
from eventsift.fuse.across import (
    MATCH_THRESHOLD, MemoryIndex, attach, block, changes, fuse_reports, match, merge, score,
)
from eventsift.taxonomy import event_types_of, family
from eventsift.models import Actor, Article, Counts, Decision, Event, Evidence, Mention, Place, Source, Span, Stance, TimeRef

DAY = date(2021, 3, 21)


def ev(aid: str, **kw) -> Event:
    base = dict(
        event_id=f"ev-{aid}", event_type="Battles", sub_event_type="Armed clash", disorder_type="Political violence",
        actor1="Islamic State West Africa Province", inter1=2, actor2="Military Forces of Niger", inter2=1,
        interaction=12, location="Diffa", admin1="Diffa", country="Niger", iso3="NER", latitude=13.315,
        longitude=12.611, geonameid=2445704, geo_precision=1, event_date=DAY, time_precision=1, fatalities=7,
        fatalities_low=7, fatalities_high=7, confidence=0.6,
        evidence=(Evidence(aid, 0, 10, "0123456789"),),
        sources=(Source(aid, f"Outlet {aid}", f"https://x/{aid}", DAY, "the army", Stance.ASSERTED, 7),),
        reasons=(Decision("event_date", DAY, "date: 'on Sunday' + published", Span(0, 9, "on Sunday")),),
    )
    base.update(kw)
    toll = base.pop("toll", "same")
    if toll != "same":
        base["sources"] = (replace(base["sources"][0], fatalities=toll),)
        base["fatalities"] = toll or 0
        base["fatalities_low"] = base["fatalities_high"] = toll
    return Event(**base)


def fallback_date(e: Event, day: date) -> Event:
    return replace(e, event_date=day, reasons=(Decision("event_date", day, "no date in sentence: publication date"),))


@pytest.mark.parametrize("change, same", [
    (dict(), True),
    (dict(location="Diffa town", geonameid=None, latitude=13.33, longitude=12.60), True),        # 2 km: one place
    (dict(location="Difa", geonameid=None, latitude=13.36, longitude=12.66), True),             # a second spelling, 7 km
    (dict(location="Mainé-Soroa", geonameid=2440371, latitude=13.211, longitude=12.024), False),  # a neighbouring town
    (dict(location="Diffa", geonameid=None, geo_precision=3, latitude=13.5, longitude=12.4), True),  # the province
    (dict(event_date=date(2021, 3, 22)), False),                                                  # next day, both dated
    (dict(iso3="NGA", country="Nigeria"), False),
    (dict(event_type="Violence against civilians", sub_event_type="Attack"), False),
    (dict(actor1="Military Forces of Niger", inter1=1, actor2="Islamic State West Africa Province", inter2=2), True),
])
def test_match_table(change, same):
    a, b = ev("a"), ev("b", **change)
    assert (match(b, [a]) is a) is same
    assert (match(a, [b]) is b) is same  # symmetric


def test_a_report_dated_only_by_its_publication_day_finds_the_event_a_day_earlier():
    late = fallback_date(ev("b"), date(2021, 3, 22))
    assert score(late, ev("a")).value >= MATCH_THRESHOLD


def test_different_weapons_and_targets_in_one_city_stay_apart():
    rockets = ev("a", sub_event_type="Shelling/artillery/missile attack", event_type="Explosions/Remote violence",
                 actor1="Unidentified Armed Group", inter1=3, actor2="Civilians (Niger)", inter2=7, toll=1)
    bomb = ev("b", sub_event_type="Remote explosive/landmine/IED", event_type="Explosions/Remote violence",
              actor1="Unidentified Armed Group", inter1=3, actor2="Police Forces of Niger", inter2=1, toll=9)
    assert match(bomb, [rockets]) is None


def test_block_keys():
    b = block(ev("a"))
    assert (b.iso3, b.family, b.date_from, b.date_to) == ("NER", "fighting", date(2021, 3, 19), date(2021, 3, 23))
    assert block(ev("a", iso3=None, country=None)) is None
    assert block(ev("a", event_date=None)) is None
    assert "Strategic developments" in event_types_of(family("Strategic developments", "Non-violent transfer of territory"))


def test_merge_keeps_id_sources_range_and_disputes():
    army = ev("a", toll=20)
    claim = ev("b", toll=7, sources=(Source("b", "Other", None, DAY, "the militants", Stance.DISPUTED, 7),))
    m = merge(army, claim)
    assert m.event_id == "ev-a" and m.source_count == 2
    assert (m.fatalities, m.fatalities_low, m.fatalities_high) == (7, 7, 20)
    assert m.stance is Stance.DISPUTED
    assert {s.claimed_by for s in m.sources} == {"the army", "the militants"}
    assert [e.article_id for e in m.evidence] == ["a", "b"]


def test_a_later_report_revises_the_toll():
    first = ev("a", toll=12)
    later = ev("b", sources=(Source("b", "O", None, date(2021, 3, 23), "governor", Stance.ASSERTED, 31),), toll=31)
    m = merge(first, later)
    assert (m.fatalities, m.fatalities_low, m.fatalities_high) == (31, 12, 31)
    assert {(c.field, c.old, c.new) for c in changes(first, m)} >= {("fatalities", 12, 31), ("source_count", 1, 2)}


def test_the_more_precise_place_wins_and_a_denial_alone_is_denied():
    coarse = ev("a", location="Diffa", geonameid=None, geo_precision=3, latitude=13.5, longitude=12.4)
    precise = ev("b")
    m = merge(coarse, precise)
    assert (m.location, m.geo_precision, m.geonameid) == ("Diffa", 1, 2445704)
    assert any(c.field == "geo_precision" for c in changes(coarse, m))
    denied = ev("c", stance=Stance.DENIED, sources=(replace(ev("c").sources[0], stance=Stance.DENIED),))
    assert merge(ev("a"), denied).stance is Stance.DISPUTED


def test_merge_is_order_independent_and_idempotent():
    a = ev("a", toll=20, sub_event_type="Armed clash")
    b = ev("b", toll=7, sub_event_type="Non-state actor overtakes territory", location="Difa", geonameid=None,
           latitude=13.36, longitude=12.66)
    c = fallback_date(ev("c", toll=9, geo_precision=2), date(2021, 3, 22))
    one = merge(merge(a, b), c)
    other = merge(merge(a, c), b)
    assert replace(one, event_id="x") == replace(other, event_id="x")
    assert merge(one, b) == one  # the same report again changes nothing
    assert one.sub_event_type == "Non-state actor overtakes territory" and one.event_date == DAY


def test_attach_claims_each_stored_event_once_and_remembers_reports():
    index = MemoryIndex()
    fuse_reports([[ev("a")]], index)
    twin = [ev("b"), replace(ev("b"), event_id="ev-b2", evidence=(Evidence("b", 20, 30, "x" * 10),))]
    fused = attach(twin, known=index.fused_event, candidates=index.fusion_candidates)
    assert [f.merged for f in fused] == [True, False]
    for f in fused:
        index.put(f)
    assert index.fused_event("ev-b").event_id == "ev-a"
    again = attach([ev("b")], known=index.fused_event, candidates=index.fusion_candidates)
    assert again[0].event.event_id == "ev-a" and again[0].changes == ()


def unsourced(e: Event) -> Event:
    """The event as a record that names no source (no outlet, no url): a row of a list of notes."""
    return replace(e, sources=tuple(replace(s, outlet=None, url=None) for s in e.sources))


@pytest.mark.parametrize(("first", "second", "merged"), [
    (ev("a"), ev("b"), True),
    (ev("a"), replace(ev("b"), sources=(replace(ev("b").sources[0], outlet=None),)), True),  # a url is a source
    (ev("a"), replace(ev("b"), sources=(replace(ev("b").sources[0], url=None),)), True),     # so is an outlet
    (unsourced(ev("a")), unsourced(ev("b")), False),  # two entries of a list: two events
    (ev("a"), unsourced(ev("b")), True),               # a saved copy of a report joins it
    (unsourced(ev("a")), ev("b"), True),               # and a report joins a record of it
])
def test_two_records_that_name_no_source_are_never_fused(first, second, merged):
    index = fuse_reports([[first], [second]])
    assert (len(index.events) == 1) is merged


# -- within one article ------------------------------------------------------------------------
TEXT = "Airstrikes hit Saraqib. Shelling hit Ariha. The strikes killed ten people."
ART = Article(id="w1", text=TEXT, published=DAY)
SARAQIB = Place(None, "Saraqib", 35.86, 36.81, 164816, "Syria", "SYR", "Idlib")
ARIHA = Place(None, "Ariha", 35.81, 36.61, 172994, "Syria", "SYR", "Idlib")


def wm(start, end, *, place, sub="Air/drone strike", etype="Explosions/Remote violence", toll=None):
    return Mention("w1", Span(start, end, TEXT[start:end]), etype, sub, actor1=Actor("Military Forces of Syria", 1),
                   place=place, time=TimeRef(DAY, 1), counts=Counts(fatalities=toll))


def test_a_mention_without_a_place_joins_the_nearest_preceding_event_of_its_family():
    groups = group_mentions([wm(0, 23, place=SARAQIB), wm(24, 43, place=ARIHA, sub="Shelling/artillery/missile attack"),
                             wm(44, len(TEXT), place=None, toll=10)])
    assert [[m.sentence.start for m in g] for g in groups] == [[0], [24, 44]]


def test_sub_types_of_one_family_merge_within_an_article_and_the_most_severe_carries_it():
    riot = wm(0, 23, place=SARAQIB, etype="Riots", sub="Violent demonstration")
    protest = wm(24, 43, place=SARAQIB, etype="Protests", sub="Protest with intervention")
    (event,) = fuse_article(ART, [protest, riot])
    assert event.sub_event_type == "Violent demonstration" and len(event.evidence) == 2


def test_a_report_without_a_toll_keeps_none_in_its_source():
    (event,) = fuse_article(ART, [wm(0, 23, place=SARAQIB)])
    assert event.fatalities == 0 and event.sources[0].fatalities is None
