"""Pipeline.pipe: input order, pass-through of articles that are not ok, and the same events
whether spaCy runs in this process or in workers."""
from __future__ import annotations

from itertools import islice

import pytest

from eventsift.errors import EventsiftError
from eventsift.ingest import iter_articles
from eventsift.models import Article, Status
from eventsift.pipeline import Pipeline

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def articles():
    ok = list(islice(iter_articles([SAMPLES / "reports.gold.jsonl"]), 6))
    bad = Article(id="bad-1", text="", status=Status.FAILED, reason="invalid UTF-8", source="x.txt")
    return ok[:2] + [bad] + ok[2:]


def _summary(results):
    return [(r.article.id, r.article.status.value, [e.to_dict() for e in r.events]) for r in results]


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_order_and_pass_through(nlp, articles, batch_size):
    results = list(Pipeline(nlp=nlp).pipe(articles, batch_size=batch_size))
    assert [r.article.id for r in results] == [a.id for a in articles]
    failed = results[2]
    assert failed.article.status is Status.FAILED and failed.article.reason == "invalid UTF-8"
    assert failed.events == ()
    assert sum(len(r.events) for r in results) > 0


def test_workers_give_the_same_events(nlp, articles):
    one = _summary(Pipeline(nlp=nlp).pipe(articles, n_process=1))
    two = _summary(Pipeline(nlp=nlp).pipe(articles, batch_size=2, n_process=2))
    assert one == two


def test_a_stream_closed_early_lets_its_workers_exit(nlp, articles):
    """A reader that stops (a store error mid-run, a caller that wanted one result): the workers
    finish what they hold and exit, instead of waiting for ever to hand results over."""
    import multiprocessing
    import threading

    before = set(multiprocessing.active_children())
    many = [a for _ in range(8) for a in articles]  # 56 articles, far more than the workers hold at once
    stream = Pipeline(nlp=nlp).pipe(many, batch_size=1, n_process=2)
    first = next(stream)
    assert first.article.id == many[0].id
    closing = threading.Thread(target=stream.close, daemon=True)
    closing.start()
    closing.join(timeout=120)
    assert not closing.is_alive(), "closing the stream should not wait on its workers for ever"
    assert not set(multiprocessing.active_children()) - before


def test_a_report_that_names_no_place_takes_the_given_country(nlp):
    """A report that names no place is coded the same whatever other reports share its run: without a
    country hint its event has no coordinates; with the input's own "country", or the ``country`` setting
    (``--country``), it is put there (a national march at the seat of government), with the reason."""
    from dataclasses import replace
    from datetime import date

    from eventsift.config import Settings

    towns = ["Parakou", "Kandi", "Natitingou", "Djougou", "Abomey", "Bohicon"]
    placed = [Article(id=f"note-{i}", text=f"Gunmen killed two farmers in {town} on Monday.",
                      published=date(2021, 3, 1)) for i, town in enumerate(towns)]
    bare = Article(id="note-bare", text="Hundreds of teachers marched on Monday to demand the payment of their bonuses.",
                   published=date(2021, 3, 1))
    alone = list(Pipeline(nlp=nlp).pipe([bare]))
    results = list(Pipeline(nlp=nlp).pipe(placed + [bare]))
    assert {e.iso3 for r in results[:-1] for e in r.events} == {"BEN"}
    assert [e.to_dict() for e in results[-1].events] == [e.to_dict() for e in alone[0].events]
    assert all(e.latitude is None for e in alone[0].events)

    for pipe, article, where in [(Pipeline(Settings(country="Benin"), nlp=nlp), bare, "--country Benin"),
                                 (Pipeline(Settings(country="AFG"), nlp=nlp), replace(bare, country="BJ"),
                                  "the input's country BJ")]:
        (event,) = pipe(article).events
        assert (event.location, event.iso3, event.geo_precision) == ("Cotonou", "BEN", 3)
        assert any(where in d.reason for d in event.reasons if d.field == "location")


def test_evidence_lists_every_sentence_that_states_the_event(nlp):
    """A later sentence that tells the same event again is part of its evidence; a sentence that only
    sets the scene is not."""
    from datetime import date

    text = ("Gunmen attacked the village of Kauru on Friday, killing five people. The weather was hot. "
            "The gunmen shot dead five villagers and burned the clinic, residents said.")
    (event,) = Pipeline(nlp=nlp)(Article(id="ev", text=text, published=date(2021, 3, 1))).events
    assert [e.text for e in event.evidence] == [
        "Gunmen attacked the village of Kauru on Friday, killing five people.",
        "The gunmen shot dead five villagers and burned the clinic, residents said."]
    assert all(text[e.start:e.end] == e.text for e in event.evidence)


def test_a_first_telling_with_no_date_takes_the_date_of_a_later_one(nlp):
    from datetime import date

    text = ("Al Shabaab fighters attacked an army base in the town of Bulo Burte, killing five soldiers. The militants "
            "stormed the base on Thursday at dawn, witnesses said.")
    (event,) = Pipeline(nlp=nlp)(Article(id="dated", text=text, published=date(2016, 7, 30))).events
    assert str(event.event_date) == "2016-07-28"
    assert any("a later sentence of the same event" in d.reason for d in event.reasons if d.field == "event_date")


@pytest.mark.parametrize("lead", [
    # dated by its dateline only
    "KHARTOUM, May 3 (Wire) - Mortar rounds crashed into a market in the town of Geneina, killing six traders.",
    # dated by the statement it is told in
    "Sudan demanded on Tuesday that Chad close its border, a day after mortar rounds crashed into a market in "
    "the town of Geneina, killing six traders.",
])
def test_a_first_telling_dated_by_another_act_takes_the_own_day_of_a_later_one(nlp, lead):
    from datetime import date

    text = lead + " The shelling struck the main market of Geneina on Monday morning, officials said."
    (event,) = Pipeline(nlp=nlp)(Article(id="dated", text=text, published=date(2022, 5, 3))).events
    assert str(event.event_date) == "2022-05-02"
    assert event.fatalities == 6


def test_a_first_telling_that_names_no_town_takes_the_town_of_a_later_one(nlp):
    from datetime import date

    text = ("KABUL (Wire) - The death toll from a suicide bombing in northern Afghanistan rose to 30 on Saturday, "
            "officials said.\n\nThe president condemned the attack as cowardly and said those responsible would face "
            "justice. The interior ministry promised a full inquiry into the security failures that allowed it.\n\n"
            "The bomber blew himself up on Friday at a rally in Kunduz, witnesses said.")
    (event,) = Pipeline(nlp=nlp)(Article(id="placed", text=text, published=date(2023, 5, 13))).events
    assert (event.location, str(event.event_date)) == ("Kunduz", "2023-05-12")
    assert any("a later sentence of the same event" in d.reason for d in event.reasons if d.field == "location")


def test_a_sentence_naming_the_told_event_is_part_of_it_whatever_its_setting(nlp):
    from datetime import date

    text = ("The governor escaped unhurt after an explosion tore through a campaign rally he was addressing in the city "
            "of Kaduna. The blast went off at the Murtala Square stadium on Saturday moments after he had finished "
            "speaking.")
    (event,) = Pipeline(nlp=nlp)(Article(id="told", text=text, published=date(2023, 11, 5))).events
    assert str(event.event_date) == "2023-11-04"   # the stadium is where it went off, not a sport report's cue
    assert len(event.evidence) == 2


def test_an_undated_event_takes_the_day_the_report_named_just_before_it(nlp):
    from datetime import date

    text = ("Radar crews on the coast tracked four drones heading inland late on Thursday, 9 May 2024. Air defence "
            "forces intercepted and destroyed all four drones over the port of Mocha.")
    events = Pipeline(nlp=nlp)(Article(id="undated", text=text, published=date(2024, 5, 10))).events
    assert [str(e.event_date) for e in events] == ["2024-05-09"]


def test_a_report_without_publication_date_is_dated_by_its_dateline(nlp):
    text = "KHARTOUM, May 3, 2022 (Wire) - Mortar rounds crashed into a market in Geneina on Monday, killing six traders."
    result = Pipeline(nlp=nlp)(Article(id="undated", text=text))
    assert str(result.article.published) == "2022-05-03"
    assert [str(e.event_date) for e in result.events] == ["2022-05-02"]


def test_towns_listed_as_where_it_happened_are_an_event_each(nlp):
    """One event per place: a protest "in Kano and Kaduna" is two events; a toll goes to the first town only;
    a town and the area around it ("near Goma, in North Kivu") are one place."""
    from datetime import date

    pipe = Pipeline(nlp=nlp)
    listed = pipe(Article(id="two", text="Hundreds of students marched on Monday in Kano and Kaduna to demand lower "
                                         "school fees.", published=date(2021, 3, 2))).events
    assert sorted(e.location for e in listed) == ["Kaduna", "Kano"]
    assert {e.sub_event_type for e in listed} == {"Peaceful protest"}
    shelled = pipe(Article(id="one", text="A shell hit a market near Goma, in North Kivu province, on Monday, killing "
                                          "three people.", published=date(2021, 3, 2))).events
    assert len(shelled) == 1 and shelled[0].fatalities == 3


def test_an_event_with_no_place_is_put_in_its_actors_country(nlp):
    from datetime import date

    text = "On 13 March 2020, Taliban militants attacked and killed a soldier in a district the gazetteer lacks."
    (event,) = Pipeline(nlp=nlp)(Article(id="c", text=text, published=date(2020, 3, 13))).events
    assert (event.iso3, event.geo_precision) == ("AFG", 3)
    assert any("the country of its actor Taliban" in d.reason for d in event.reasons if d.field == "location")


# -- fusion across articles through an index (no model) ------------------------------------------
def _event(article_id: str, **kw):
    from datetime import date

    from eventsift.models import Event, Evidence, Source, Stance

    day = date(2021, 3, 21)
    base = dict(
        event_id=f"ev-{article_id}", event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", actor1="Islamic State West Africa Province", inter1=2,
        actor2="Military Forces of Niger", inter2=1, interaction=12, location="Diffa", admin1="Diffa",
        country="Niger", iso3="NER", latitude=13.315, longitude=12.611, geonameid=2445704, geo_precision=1,
        event_date=day, time_precision=1, fatalities=7, confidence=0.6,
        evidence=(Evidence(article_id, 0, 10, "0123456789"),),
        sources=(Source(article_id, f"Outlet {article_id}", f"https://x/{article_id}", day, None, Stance.ASSERTED, 7),),
    )
    base.update(kw)
    return Event(**base)


def _result(article_id: str, *events):
    from eventsift.pipeline import Result

    return Result(Article(id=article_id, text="..."), tuple(events))


def test_fuse_across_keeps_one_event_per_real_event():
    from eventsift.fuse.across import MemoryIndex
    from eventsift.pipeline import fuse_across

    index = MemoryIndex()
    for aid, kw in (("a", {}), ("b", {}), ("c", dict(location="Mainé-Soroa", geonameid=2440371, latitude=13.211,
                                                      longitude=12.024))):
        result = fuse_across(_result(aid, _event(aid, **kw)), index)
        assert result.article.status is Status.OK and [e.event_id for e in result.events] == [f"ev-{aid}"]
    assert list(index.events) == ["ev-a", "ev-c"]  # b told a's event; c is another town's
    assert [s.article_id for s in index.events["ev-a"].sources] == ["a", "b"]
    assert index.fused_event("ev-b").event_id == "ev-a"


class _Refusing:
    """An index whose writes fail: for one article's rows (``error``), or as a whole (a coded error)."""

    def __init__(self, error: Exception) -> None:
        from eventsift.fuse.across import MemoryIndex

        self.kept = MemoryIndex()
        self.error = error
        self.saved: list[tuple[str, str, int]] = []

    def fused_event(self, report_id):
        return self.kept.fused_event(report_id)

    def fusion_candidates(self, block):
        return self.kept.fusion_candidates(block)

    def save_fused(self, article, fused, dropped=()):
        if fused:
            raise self.error
        self.saved.append((article.id, article.status.value, len(fused)))


@pytest.mark.parametrize(("error", "stops"), [
    (ValueError("a value the rows cannot hold"), False),
    (KeyError("event_id"), False),
    (EventsiftError("E308", "the disk is full", "free some space"), True),
])
def test_an_article_the_index_refuses_fails_alone_unless_the_index_is_unusable(error, stops):
    from eventsift.pipeline import fuse_across

    index = _Refusing(error)
    if stops:
        with pytest.raises(EventsiftError):
            fuse_across(_result("a", _event("a")), index)
        assert index.saved == []
        return
    result = fuse_across(_result("a", _event("a")), index)
    assert result.article.status is Status.FAILED and result.events == ()
    assert type(error).__name__ in result.article.reason
    assert index.saved == [("a", "failed", 0)]  # the article is kept, alone, with its reason


# -- offsets: found in the cleaned text, given in the original's at the exit --------------------------
def test_places_line_up_with_the_text_as_given(nlp):
    """Cleaning removes clutter lines, so cleaned offsets are not the original's: every place span the
    pipeline gives (the article's places, each event's place and its location decision) is in the
    original text, and so is the place `eventsift geocode` prints."""
    from datetime import date

    text = ("Advertisement\nShare this\nHundreds of students marched on Monday in Kano and Kaduna to demand lower "
            "school fees.\nPhoto: AFP\nA shell hit a market in Goma on Monday, killing three people.\n")
    article = Article(id="clutter", text=text, published=date(2021, 3, 2))
    pipe = Pipeline(nlp=nlp)
    result = pipe(article)
    spans = [p.span for p in result.places] + [d.span for e in result.events for d in e.reasons
                                                if d.field == "location" and d.span is not None]
    assert {s.text for s in spans} >= {"Kano", "Kaduna", "Goma"}
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert {e.location for e in result.events} >= {"Kano", "Kaduna", "Goma"}
    geocoded = pipe.places(article)
    assert {p.span.text for p in geocoded if p.span} >= {"Kano", "Kaduna", "Goma"}
    assert all(text[p.span.start:p.span.end] == p.span.text for p in geocoded if p.span)


class _Counting:
    """A cleaned text whose offsets are those of the original shifted by ``shift``, counting its mappings."""

    def __init__(self, shift: int) -> None:
        self.shift = shift
        self.calls = 0

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        self.calls += 1
        return start + self.shift, end + self.shift


def test_each_place_span_is_mapped_once_at_the_exit():
    from eventsift.models import Mention, Place, Span
    from eventsift.pipeline import ToOriginal

    original = "xxxxxIn Kano and Kaduna."
    kano = Place(Span(3, 7, "Kano"), "Kano", 12.0, 8.5, country="Nigeria", iso3="NGA")
    kaduna = Place(Span(12, 18, "Kaduna"), "Kaduna", 10.5, 7.4, country="Nigeria", iso3="NGA")
    country = Place(None, "Nigeria", 9.0, 8.0, country="Nigeria", iso3="NGA", geo_precision=3)
    cleaned = _Counting(shift=5)
    exit_ = ToOriginal(cleaned, original)
    mentions = [Mention("a", Span(5, 24, original[5:]), "Protests", "Peaceful protest", place=p)
                for p in (kano, kano, kaduna, country, None)]
    out = [exit_.mention(m) for m in mentions] + [exit_.place(p) for p in (kano, kaduna, country)]
    assert [m.place.span.text for m in out[:3]] == ["Kano", "Kano", "Kaduna"]
    assert [(p.span.start, p.span.end) for p in out[5:7]] == [(8, 12), (17, 23)]
    assert out[3].place.span is None and out[4].place is None and out[7].span is None
    assert cleaned.calls == 2  # two distinct spans, each mapped once
