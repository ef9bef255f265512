"""Within-article fusion: one event per place per day, evidence from every sentence."""
from __future__ import annotations

from datetime import date

import pytest

from dataclasses import replace

from eventsift.fuse import date_from_neighbours, event_from_mentions, fuse_article, group_mentions, interaction, stable_id
from eventsift.models import Actor, Article, Counts, Mention, Place, Span, Stance, TimeRef
from eventsift.taxonomy import EVENT_TYPE_OF

TEXT = ("IS retakes Palmyra\n\nIS recaptured Palmyra on Sunday, monitors said. "
        "Moscow denied it. IS retook all of Palmyra after the army withdrew.")
ARTICLE = Article(id="a1", text=TEXT, published=date(2016, 12, 11), outlet="Wire")
PALMYRA = Place(span=None, name="Tadmur", latitude=34.56, longitude=38.28, geonameid=163808, country="Syria",
                iso3="SYR", admin1="Homs")
IS = Actor("Islamic State", 2)
SAA = Actor("Military Forces of Syria", 1)


def mention(start, end, *, sub="Non-state actor overtakes territory", etype="Battles", place=PALMYRA,
            day=date(2016, 12, 11), fatalities=None, stance=Stance.ASSERTED, confidence=0.8, actor1=IS):
    return Mention(article_id="a1", sentence=Span(start, end, TEXT[start:end]), event_type=etype,
                   sub_event_type=sub, actor1=actor1, actor2=SAA, place=place,
                   time=TimeRef(day, 1), counts=Counts(fatalities=fatalities), stance=stance, confidence=confidence)


def test_mentions_of_one_event_merge_with_all_evidence():
    a, b = mention(0, 18, confidence=0.5), mention(TEXT.index("IS retook"), len(TEXT), fatalities=3)
    events = fuse_article(ARTICLE, [a, b])
    assert len(events) == 1
    (event,) = events
    assert [e.text for e in event.evidence] == [a.sentence.text, b.sentence.text]
    assert event.location == "Tadmur" and event.fatalities == 3 and event.confidence == 0.8
    assert event.interaction == 12 and event.disorder_type == "Political violence"
    assert event.notes.startswith("On 11 December 2016, Islamic State")


@pytest.mark.parametrize("other, apart", [
    (dict(day=date(2016, 12, 12)), True),                                   # same town, another day
    (dict(place=Place(span=None, name="Homs", latitude=34.73, longitude=36.72, geonameid=169577)), True),
    (dict(etype="Violence against civilians", sub="Attack"), True),          # another family of event
    (dict(place=None), False),                                              # no place of its own: same event
    (dict(fatalities=4), False),
])
def test_near_misses_stay_apart(other, apart):
    groups = group_mentions([mention(0, 18), mention(20, 60, **other)])
    assert (len(groups) == 2) is apart


def test_conflicting_tolls_keep_the_range_and_the_lower_best():
    event = event_from_mentions(ARTICLE, [mention(0, 18, fatalities=30), mention(20, 60, fatalities=12)])
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (12, 12, 30)


def test_a_denial_makes_the_event_disputed():
    event = event_from_mentions(ARTICLE, [mention(0, 18), mention(20, 60, stance=Stance.DENIED)])
    assert event.stance is Stance.DISPUTED


def test_ids_are_stable_and_distinct():
    one = fuse_article(ARTICLE, [mention(0, 18)])[0].event_id
    assert one == fuse_article(ARTICLE, [mention(0, 18)])[0].event_id
    assert one != fuse_article(ARTICLE, [mention(0, 18, day=date(2016, 12, 10))])[0].event_id
    assert stable_id("a1", 1) == stable_id("a1", 1) != stable_id("a1", 2)


@pytest.mark.parametrize("i1, i2, code", [(2, 1, 12), (1, 2, 12), (8, 2, 28), (7, None, 70), (None, None, None), (6, 6, 66)])
def test_interaction_code(i1, i2, code):
    assert interaction(i1, i2) == code


def _timed(start, end, day, span_text=None, **kw):
    m = mention(start, end, day=day, **kw)
    span = Span(start, start + len(span_text), span_text) if span_text else None
    return replace(m, time=TimeRef(day, 1, span, "test"))


@pytest.mark.parametrize("first, second, want", [
    # a later sentence with no day of its own: the day told before it, not the publication day
    ((date(2016, 12, 10), "on Saturday"), (date(2016, 12, 11), None), date(2016, 12, 10)),
    # the lead has no day, a later sentence gives one
    ((date(2016, 12, 11), None), (date(2016, 12, 10), "on Saturday"), date(2016, 12, 10)),
    # both name their day: each keeps its own
    ((date(2016, 12, 10), "on Saturday"), (date(2016, 12, 9), "on Friday"), date(2016, 12, 9)),
    # no sentence names a day: the publication day stays
    ((date(2016, 12, 11), None), (date(2016, 12, 11), None), date(2016, 12, 11)),
])
def test_an_undated_sentence_takes_the_day_of_its_neighbour(first, second, want):
    homs = Place(span=None, name="Homs", latitude=34.73, longitude=36.72, geonameid=169577)
    a = _timed(0, 18, first[0], first[1])
    b = _timed(20, 60, second[0], second[1], place=homs)
    out = date_from_neighbours([a, b])
    assert out[1].time.date == want
    assert out[0].time.date == (want if first[1] is None and second[1] else first[0])


@pytest.mark.parametrize("first, second, want", [
    # one event type: the more specific sub-type names the event, whatever the confidence
    (("Attack", 0.9), ("Abduction/forced disappearance", 0.5), "Abduction/forced disappearance"),
    (("Shelling/artillery/missile attack", 0.9), ("Suicide bomb", 0.4), "Suicide bomb"),
    (("Armed clash", 0.9), ("Government regains territory", 0.3), "Government regains territory"),
    # two generic sub-types of one type: the more confident report decides
    (("Peaceful protest", 0.9), ("Protest with intervention", 0.5), "Peaceful protest"),
    (("Peaceful protest", 0.5), ("Protest with intervention", 0.9), "Protest with intervention"),
])
def test_the_most_specific_sub_type_names_a_fused_event(first, second, want):
    ms = [mention(0, 18, sub=sub, etype=EVENT_TYPE_OF[sub], confidence=conf)
          for sub, conf in (first, second)]
    ms[1] = replace(ms[1], sentence=Span(20, 60, TEXT[20:60]))
    (event,) = fuse_article(ARTICLE, ms)
    assert event.sub_event_type == want
