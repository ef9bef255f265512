"""The SQLite store: exact round trips, idempotent re-saves, rollback, migrations, filters."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime

import pytest

from eventsift.errors import EventsiftError
from eventsift.models import Article, Decision, Dropped, Event, Evidence, Source, Span, Stance, Status
from eventsift.store import MIGRATIONS, SCHEMA_VERSION, Store, fingerprint
from eventsift.store import sqlite as store_sqlite

TEXT = "Rebels shelled the town on Monday. Two people died. Officials denied it."


def make_article(aid: str = "a1", text: str = TEXT, **kw) -> Article:
    base = dict(
        id=aid, text=text, url=f"https://example.org/{aid}", outlet="Example Wire",
        published=date(2020, 3, 2), title="Shelling", language="en", status=Status.OK,
        reason="", source=f"in/{aid}.txt",
    )
    base.update(kw)
    return Article(**base)


def make_event(eid: str = "e1", aid: str = "a1", **kw) -> Event:
    base = dict(
        event_id=eid,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        disorder_type="Political violence",
        actor1="Rebel group X",
        inter1=2,
        actor2="Civilians (Country)",
        inter2=7,
        interaction=27,
        assoc_actor_1="Allied militia",
        civilian_targeting=True,
        location="Townsville",
        admin1="North Province",
        admin2="West District",
        country="Country",
        iso3="CTY",
        latitude=36.2021,
        longitude=37.1343,
        geonameid=170063,
        geo_precision=1,
        event_date=date(2020, 3, 2),
        time_precision=1,
        fatalities=2,
        fatalities_low=2,
        fatalities_high=3,
        injured=5,
        arrested=None,
        displaced=120,
        claimed_by="a local monitor",
        stance=Stance.DISPUTED,
        plover_type="ASSAULT",
        plover_mode="artillery",
        confidence=0.75,
        evidence=(
            Evidence(aid, 0, 34, TEXT[0:34]),
            Evidence(aid, 35, 51, TEXT[35:51]),
        ),
        sources=(
            Source(aid, outlet="Example Wire", url="https://example.org/a1", published=date(2020, 3, 2),
                   claimed_by="a local monitor", stance=Stance.DISPUTED, fatalities=2),
        ),
        notes="On 2 March 2020, rebels shelled Townsville.",
        reasons=(
            Decision("fatalities", 2, "fatalities: 'Two people died'", Span(35, 51, TEXT[35:51])),
            Decision("event_date", date(2020, 3, 2), "date: 'on Monday' + published"),
            Decision("stance", Stance.DISPUTED, "stance: 'denied'"),
            Decision("range", (2, 3), "two tolls", None),
            Decision("when", datetime(2020, 3, 2, 10, 30), "time", None),
            Decision("extra", {"k": [1, "x"]}, "a mapping", None),
        ),
    )
    base.update(kw)
    return Event(**base)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "events.db"


@pytest.fixture
def store(db):
    with Store.open(db) as s:
        yield s


def table_counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "evidence", "event_sources", "dropped")}
    finally:
        conn.close()


def test_round_trip_exact(store):
    article = make_article()
    event = make_event()
    dropped = (Dropped("a1", Span(52, 72, TEXT[52:72]), "denial: 'denied'"),)
    store.save_article(article, [event], dropped)
    assert store.get_event("e1") == event
    assert list(store.events()) == [event]
    assert store.get_article("a1") == article
    assert list(store.articles()) == [article]
    assert store.dropped("a1") == list(dropped)


@pytest.mark.parametrize(
    "changes",
    [
        dict(actor2=None, inter2=None, interaction=None, latitude=None, longitude=None, event_date=None),
        dict(civilian_targeting=False, stance=Stance.DENIED, evidence=(), sources=(), reasons=()),
        dict(latitude=-33.0, longitude=151, fatalities=0, confidence=1.0, notes=""),
    ],
)
def test_round_trip_variants(store, changes):
    event = make_event(**changes)
    store.upsert_events([event])
    assert store.get_event("e1") == event


def test_article_variants_round_trip(store):
    articles = [
        make_article("a2", published=None, url=None, outlet=None, title=None),
        make_article("a3", text="", status=Status.FAILED, reason="line 7: invalid JSON: x"),
        make_article("a4", published=datetime(2020, 3, 2, 8, 0)),
        make_article("a5", language="fr", status=Status.SKIPPED, reason="language fr not supported"),
    ]
    for a in articles:
        store.save_article(a, [])
    for a in articles:
        assert store.get_article(a.id) == a
    assert [a.id for a in store.articles(status="failed")] == ["a3"]
    assert [a.id for a in store.articles(status=Status.SKIPPED)] == ["a5"]
    assert store.get_article("nope") is None


def test_resave_is_idempotent(store, db):
    article = make_article()
    events = [make_event("e1"), make_event("e2", sub_event_type="Air/drone strike")]
    dropped = [Dropped("a1", Span(52, 72, TEXT[52:72]), "denial")]
    store.save_article(article, events, dropped)
    before = table_counts(db)
    store.save_article(article, events, dropped)
    store.save_article(article, events, dropped)
    assert table_counts(db) == before == {"articles": 1, "events": 2, "evidence": 4, "event_sources": 2, "dropped": 1}
    assert [e.event_id for e in store.events()] == ["e1", "e2"]


def test_resave_replaces_the_articles_rows(store, db):
    store.save_article(make_article(), [make_event("e1"), make_event("e2")], [Dropped("a1", Span(0, 1, "R"), "x")])
    store.save_article(make_article(), [make_event("e2", fatalities=7)], [])
    assert [e.event_id for e in store.events()] == ["e2"]
    assert store.get_event("e2").fatalities == 7
    assert store.get_event("e1") is None
    assert store.dropped("a1") == []
    assert table_counts(db)["evidence"] == 2


def test_event_supported_by_two_articles_keeps_other_evidence(store):
    first = make_event("e1", aid="a1")
    store.save_article(make_article("a1"), [first])
    second = make_event(
        "e1",
        aid="a2",
        evidence=(Evidence("a2", 0, 10, TEXT[:10]),),
        sources=(Source("a2", outlet="Other"),),
    )
    store.save_article(make_article("a2"), [second])
    merged = store.get_event("e1")
    assert [e.article_id for e in merged.evidence] == ["a1", "a1", "a2"]
    assert merged.source_count == 2
    # re-saving a2 without the event leaves a1's support in place
    store.save_article(make_article("a2"), [])
    left = store.get_event("e1")
    assert {e.article_id for e in left.evidence} == {"a1"}
    assert left.source_count == 1
    # and once a1 drops it too, the event is gone
    store.save_article(make_article("a1"), [])
    assert store.get_event("e1") is None


def test_exception_inside_save_rolls_back(store, db, monkeypatch):
    store.save_article(make_article("a0"), [make_event("e0", aid="a0")])
    before = table_counts(db)
    calls = {"n": 0}
    real = store_sqlite.rows.source_rows

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(store_sqlite.rows, "source_rows", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save_article(make_article("a1"), [make_event("e1"), make_event("e2")])
    assert calls["n"] == 2  # the first event had been written before the failure
    assert table_counts(db) == before
    assert not store.has_article("a1")
    assert store.get_event("e1") is None
    # the store is usable afterwards
    monkeypatch.undo()
    store.save_article(make_article("a1"), [make_event("e1")])
    assert store.has_article("a1")


def test_migrations_recorded_and_reapplied_never(db):
    with Store.open(db) as s:
        names = [name for name, _ in s.migrations()]
        assert names == [m.name for m in MIGRATIONS]
        assert s.user_version == SCHEMA_VERSION == len(MIGRATIONS)
        first = s.migrations()
    with Store.open(db) as s:
        assert s.migrations() == first
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    columns = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(events)")}
    conn.close()
    assert columns["latitude"] == "REAL" and columns["longitude"] == "REAL"
    from dataclasses import fields

    scalar = {f.name for f in fields(Event)} - {"evidence", "sources"}
    assert scalar <= set(columns)


def test_newer_database_is_refused(db):
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(EventsiftError) as err:
        Store.open(db)
    assert err.value.code == "E302"


def test_readonly(db):
    with Store.open(db) as s:
        s.save_article(make_article(), [make_event()])
    with Store.open(db, readonly=True) as ro:
        assert ro.has_article("a1")
        assert ro.get_event("e1") == make_event()
        with pytest.raises(EventsiftError) as err:
            ro.save_article(make_article("a2"), [])
        assert err.value.code == "E304"
        with pytest.raises(sqlite3.OperationalError):
            ro._conn.execute("DELETE FROM articles")


def test_readonly_missing_file(tmp_path):
    with pytest.raises(EventsiftError) as err:
        Store.open(tmp_path / "absent.db", readonly=True)
    assert err.value.code == "E301"
    assert not (tmp_path / "absent.db").exists()


def test_fingerprint(store):
    article = make_article()
    assert store.article_fingerprint("a1") is None
    store.save_article(article, [])
    assert store.article_fingerprint("a1") == fingerprint(article) == Store.fingerprint(article)
    assert fingerprint(replace(article, text=TEXT + " More.")) != fingerprint(article)
    assert fingerprint(replace(article, published=date(2020, 3, 3))) != fingerprint(article)
    assert fingerprint(replace(article, title="Other")) == fingerprint(article)


@pytest.fixture
def filled(store):
    store.upsert_events(
        [
            make_event("e1", event_date=date(2020, 3, 1), country="Syria", iso3="SYR", admin1="Aleppo",
                       latitude=36.2, longitude=37.1, location="Aleppo", actor1="Rebels of the North", fatalities=3),
            make_event("e2", event_date=date(2020, 3, 5), country="Syria", iso3="SYR", admin1="Homs",
                       latitude=34.5, longitude=38.3, location="Palmyra", event_type="Battles",
                       sub_event_type="Armed clash", actor1="Army", actor2="Rebels", fatalities=None,
                       notes="Fighting near the ancient city."),
            make_event("e3", event_date=date(2020, 3, 9), country="Benin", iso3="BEN", admin1="Alibori",
                       latitude=11.1, longitude=2.9, location="Kandi", actor1="Police 100%_sure", fatalities=4,
                       evidence=(Evidence("a9", 0, 12, "Police fired"),)),
            make_event("e4", event_date=None, country="Benin", iso3="BEN", latitude=None, longitude=None,
                       location=None, fatalities=1),
        ]
    )
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["e1", "e2", "e3", "e4"]),
        ({"country": "syria"}, ["e1", "e2"]),
        ({"country": "BEN"}, ["e3", "e4"]),
        ({"admin1": "homs"}, ["e2"]),
        ({"event_type": "Battles"}, ["e2"]),
        ({"sub_event_type": "Shelling/artillery/missile attack"}, ["e1", "e3", "e4"]),
        ({"actor": "rebels"}, ["e1", "e2"]),
        ({"actor": "100%_"}, ["e3"]),
        ({"actor": "0%x"}, []),
        ({"date_from": date(2020, 3, 2)}, ["e2", "e3"]),
        ({"date_to": "2020-03-05"}, ["e1", "e2"]),
        ({"date_from": "2020-03-05", "date_to": date(2020, 3, 9)}, ["e2", "e3"]),
        ({"bbox": (36.0, 33.0, 39.0, 37.0)}, ["e1", "e2"]),
        ({"bbox": (0.0, 10.0, 5.0, 12.0)}, ["e3"]),
        ({"bbox": (170.0, -90.0, 5.0, 90.0)}, ["e3"]),  # crosses the antimeridian
        ({"q": "ancient city"}, ["e2"]),
        ({"q": "police fired"}, ["e3"]),
        ({"article_id": "a9"}, ["e3"]),
        ({"limit": 2}, ["e1", "e2"]),
        ({"limit": 2, "offset": 3}, ["e4"]),
        ({"country": "Syria", "event_type": "Battles", "date_from": "2020-03-01"}, ["e2"]),
    ],
)
def test_event_filters(filled, filters, expected):
    assert [e.event_id for e in filled.events(**filters)] == expected
    if "limit" not in filters and "offset" not in filters:
        assert filled.count_events(**filters) == len(expected)


def test_stats(filled):
    stats = filled.stats()
    assert (stats["events"], stats["fatalities"]) == (4, 8)
    assert (stats["date_min"], stats["date_max"]) == ("2020-03-01", "2020-03-09")
    # 2020-03-01 is a Sunday (week of Monday 24 Feb); 5 and 9 March fall in two later weeks
    assert stats["by_week"] == [
        {"week": "2020-02-24", "events": 1, "fatalities": 3},
        {"week": "2020-03-02", "events": 1, "fatalities": 0},
        {"week": "2020-03-09", "events": 1, "fatalities": 4},
    ]
    assert stats["by_country"] == [
        {"country": "Benin", "events": 2, "fatalities": 5},
        {"country": "Syria", "events": 2, "fatalities": 3},
    ]
    assert stats["by_event_type"][0] == {"event_type": "Explosions/Remote violence", "events": 3, "fatalities": 8}
    assert {r["admin1"] for r in stats["by_admin1"]} == {"Aleppo", "Homs", "Alibori", "North Province"}
    syria = filled.stats(country="SYR", limit=1)
    assert (syria["events"], syria["fatalities"]) == (2, 3)
    assert filled.stats(q="nothing like this")["by_week"] == []


def test_unknown_filter_is_an_error(filled):
    with pytest.raises(TypeError):
        list(filled.events(colour="red"))
    with pytest.raises(TypeError):
        filled.count_events(colour="red")
    with pytest.raises(TypeError):
        filled.stats(colour="red")


def test_summary(filled):
    filled.save_article(make_article("z1"), [])
    filled.save_article(make_article("z2", status=Status.FAILED, text="", reason="binary content"), [])
    summary = filled.summary()
    assert summary["articles_by_status"] == {"ok": 1, "skipped": 0, "failed": 1}
    assert summary["articles"] == 2
    assert summary["events"] == 4
    assert summary["events_by_type"] == [
        {"event_type": "Explosions/Remote violence", "events": 3, "fatalities": 8},
        {"event_type": "Battles", "events": 1, "fatalities": 0},
    ]
    assert summary["total_fatalities"] == 8
    assert {"location": "Aleppo", "country": "Syria", "n": 1, "events": 1} in summary["top_places"]
    assert all(p["location"] for p in summary["top_places"])


def test_many_articles_read_in_chunks(store, monkeypatch):
    monkeypatch.setattr(store_sqlite, "READ_CHUNK", 7)
    events = [make_event(f"e{i:03d}", evidence=(Evidence("a1", i, i + 1, "x"),)) for i in range(30)]
    store.upsert_events(events)
    got = list(store.events())
    assert got == events
