"""Fast reads: listing order from indexes (walk and collect give the same pages), the text index
kept in step with every write path, safe text queries, the fallback without FTS5, and the
query plans the common filters get."""
from __future__ import annotations

import logging
import random
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from eventsift.models import Article, Event, Evidence, Source
from eventsift.store import Store, query
from eventsift.store import sqlite as store_sqlite
from eventsift.store.schema import MIGRATIONS

COUNTRIES = (("Syria", "SYR", "Aleppo"), ("Mali", "MLI", "Gao"), ("Peru", "PER", "Lima"))
WORDS = ("shelled", "ambushed", "raided", "marched in", "clashed near", "Ça-va \"quoted\" 100%_x AND *")


def synthetic(n: int, seed: int = 3) -> list[Event]:
    """Events with repeated and missing dates (some with a time), several countries, types and
    sentences, and a few with notes; enough to exercise ties and undated events."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        country, iso3, admin1 = COUNTRIES[i % len(COUNTRIES)]
        when: date | None = date(2021, 1, 1) + timedelta(days=rng.randrange(40))
        if i % 11 == 0:
            when = None
        elif i % 13 == 0:
            when = datetime(when.year, when.month, when.day, rng.randrange(24), 0)
        word = WORDS[rng.randrange(len(WORDS))]
        sentence = f"Fighters {word} Village {i % 17} at dawn."
        aid = f"a{i // 2}"
        out.append(Event(
            event_id=f"ev{rng.randrange(10_000):04d}-{i}", event_type=("Battles", "Riots")[i % 2],
            sub_event_type=("Armed clash", "Mob violence")[i % 2], disorder_type="Political violence",
            actor1=f"Group {i % 5}", inter1=2, actor2=None, inter2=None, interaction=20, country=country, iso3=iso3, admin1=admin1,
            location=f"Village {i % 17}", latitude=10 + (i % 7), longitude=20 + (i % 9), event_date=when,
            notes="Reported by a monitor." if i % 5 == 0 else "",
            evidence=(Evidence(aid, 0, len(sentence), sentence),), sources=(Source(aid, outlet="Wire"),),
        ))
    return out


def listing_key(e: Event) -> tuple:
    day = e.event_date.isoformat() if e.event_date else ""
    return (e.event_date is None, day, e.event_id)


def matches(e: Event, filters: dict) -> bool:
    if "country" in filters and filters["country"].lower() not in (e.country.lower(), e.iso3.lower()):
        return False
    if "event_type" in filters and e.event_type != filters["event_type"]:
        return False
    if "date_from" in filters and (e.event_date is None or e.event_date.isoformat()[:10] < filters["date_from"]):
        return False
    if "bbox" in filters:
        w, s, east, n = filters["bbox"]
        if e.latitude is None or not (s <= e.latitude <= n and w <= e.longitude <= east):
            return False
    if "q" in filters:
        q = filters["q"].lower()
        texts = [v.text for v in e.evidence] + [e.notes, e.location or ""]
        if not any(q in t.lower() for t in texts):
            return False
    return True


@pytest.fixture
def events() -> list[Event]:
    return synthetic(240)


@pytest.fixture
def store(tmp_path, events):
    with Store.open(tmp_path / "q.db") as s:
        s.upsert_events(events)
        yield s


FILTERS = [
    {},
    {"country": "syria"},
    {"country": "MLI"},
    {"event_type": "Riots"},
    {"country": "Peru", "event_type": "Battles", "date_from": "2021-01-20"},
    {"date_from": "2021-01-10"},
    {"bbox": (20.0, 10.0, 23.0, 12.0)},
    {"bbox": (20.0, 10.0, 23.0, 12.0), "country": "Mali"},
    {"q": "ambushed"},
    {"q": "village 1"},
    {"q": "AMBUSHED", "country": "Syria"},
    {"q": "monitor"},
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("collect_min", [1, query.COLLECT_MIN], ids=["walk", "collect"])
def test_pages_follow_the_listing_order(store, events, filters, collect_min, monkeypatch):
    monkeypatch.setattr(query, "COLLECT_MIN", collect_min)
    monkeypatch.setattr(query, "COLLECT_MAX", max(collect_min, 1))
    expected = [e.event_id for e in sorted(events, key=listing_key) if matches(e, filters)]
    assert [e.event_id for e in store.events(**filters)] == expected
    for offset, limit in ((0, 7), (5, 10), (len(expected) - 3, 10), (len(expected) + 5, 10)):
        page = [e.event_id for e in store.events(**filters, limit=limit, offset=offset)]
        assert page == expected[max(0, offset):offset + limit]
    assert store.count_events(**filters) == len(expected)
    assert store.stats(**filters)["events"] == len(expected)


def test_pages_hold_whole_events(store, events):
    by_id = {e.event_id: e for e in events}
    for e in store.events(q="ambushed", limit=20):
        assert e == by_id[e.event_id]
    for e in store.events(country="Mali", limit=20, offset=3):
        assert e == by_id[e.event_id]


# -- the text index ----------------------------------------------------------------------------
def index_state(s: Store) -> dict[str, str]:
    """What the text index holds, after checking the FTS index against its source rows."""
    conn = s._conn
    conn.execute(f"INSERT INTO {query.TEXT_INDEX} ({query.TEXT_INDEX}, rank) VALUES ('integrity-check', 1)")
    return {r[0]: r[1] for r in conn.execute("SELECT event_id, body FROM event_text_src")}


def expected_state(s: Store) -> dict[str, str]:
    out = {}
    for e in s.events():
        body = "\n".join(v.text for v in s.get_event(e.event_id).evidence)
        out[e.event_id] = f"{e.location or ''}\n{e.notes}\n{body}"
    return out


def assert_in_step(s: Store) -> None:
    held = index_state(s)
    want = expected_state(s)
    assert held.keys() == want.keys()
    for eid, body in want.items():
        assert sorted(held[eid].split("\n")) == sorted(body.split("\n")), eid


def test_the_text_index_follows_every_write(tmp_path):
    events = synthetic(12)
    with Store.open(tmp_path / "w.db") as s:
        s.upsert_events(events)
        assert_in_step(s)
        # replacing an event's evidence, notes and location
        first = replace(events[0], notes="Changed notes with zebra.", location="Elsewhere",
                        evidence=(Evidence("x1", 0, 9, "New giraffe"), Evidence("x2", 0, 5, "Other")))
        s.upsert_events([first])
        assert_in_step(s)
        assert [e.event_id for e in s.events(q="giraffe")] == [first.event_id]
        assert [e.event_id for e in s.events(q="zebra")] == [first.event_id]
        assert list(s.events(q="Village 0 at dawn")) == []
        # an article's save, re-save with fewer events, and an event shared with another article
        art = Article(id="art", text="Okapi seen. Lemur seen.")
        one = replace(events[1], event_id="shared", evidence=(Evidence("art", 0, 11, "Okapi seen."),),
                      sources=(Source("art"),))
        two = replace(events[2], event_id="own", evidence=(Evidence("art", 12, 23, "Lemur seen."),),
                      sources=(Source("art"),))
        s.save_article(art, [one, two])
        other = Article(id="other", text="A tapir too.")
        s.save_article(other, [replace(one, evidence=(Evidence("other", 0, 12, "A tapir too."),),
                                       sources=(Source("other"),))])
        assert_in_step(s)
        assert [e.event_id for e in s.events(q="okapi")] == ["shared"]
        assert [e.event_id for e in s.events(q="tapir")] == ["shared"]
        s.save_article(art, [])  # the article no longer reports them: "own" goes, "shared" keeps the tapir
        assert_in_step(s)
        assert list(s.events(q="lemur")) == [] and list(s.events(q="okapi")) == []
        assert [e.event_id for e in s.events(q="tapir")] == ["shared"]
        # a delete cascading to the evidence
        with s._tx() as conn:
            conn.execute("DELETE FROM events WHERE event_id = ?", (events[3].event_id,))
        assert_in_step(s)


def test_writes_made_outside_the_store_are_found_until_it_refreshes_them(tmp_path):
    events = synthetic(6)
    db = tmp_path / "outside.db"
    with Store.open(db) as s:
        s.upsert_events(events)
        assert s._conn.execute("SELECT COUNT(*) FROM event_text_stale").fetchone()[0] == 0
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE events SET notes = 'a wombat was seen' WHERE event_id = ?", (events[2].event_id,))
        raw.execute("UPDATE evidence SET text = 'Quokka sighted' WHERE event_id = ?", (events[4].event_id,))
    raw.close()
    with Store.open(db) as s:
        assert [e.event_id for e in s.events(q="wombat")] == [events[2].event_id]
        assert [e.event_id for e in s.events(q="quokka")] == [events[4].event_id]
        assert s.count_events(q="wombat") == 1
        s.upsert_events([events[0]])  # any write refreshes what is stale
        assert s._conn.execute("SELECT COUNT(*) FROM event_text_stale").fetchone()[0] == 0
        assert_in_step(s)


def test_fused_saves_keep_the_text_index(tmp_path):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("fusion_store", Path(__file__).with_name("test_fusion_store.py"))
    fusion_store = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fusion_store)
    golden, ingest = fusion_store.golden, fusion_store.ingest
    with Store.open(tmp_path / "f.db") as s:
        ingest(s, golden.all_reports(golden.load_groups()))
        assert_in_step(s)
        word = next(iter(s.events())).evidence[0].text.split()[1]
        assert s.count_events(q=word) == s.count_events(q=word) > 0
        assert s.count_events(q=word) == s._conn.execute(
            "SELECT COUNT(*) FROM events" + s._where(**query.filters_of({"q": word}), text="scan").sql,
            s._where(**query.filters_of({"q": word}), text="scan").params).fetchone()[0]


TRICKY = ['"', '""', 'say "hi"', "Ça-va", "-va", "AND", "OR *", "*", "NEAR(a b)", "x^y", "a:b", "(", "100%_x",
          "quoted\" 100", "village 1", "'", "Fighters ambushed"]


@pytest.mark.parametrize("q", TRICKY)
def test_text_queries_are_plain_substrings(store, events, q):
    expected = sorted(e.event_id for e in events if matches(e, {"q": q}))
    via_index = store._where(**query.filters_of({"q": q}), text="index")
    scanned = store._where(**query.filters_of({"q": q}), text="scan")
    for where in (via_index, scanned):
        found = store._conn.execute(f"SELECT event_id FROM events{where.sql}", where.params).fetchall()
        assert sorted(r[0] for r in found) == expected
    assert sorted(e.event_id for e in store.events(q=q)) == expected
    assert store.count_events(q=q) == len(expected)


def test_fts_phrase_quotes_everything():
    assert query.fts_phrase('a "b" AND c*') == '"a ""b"" AND c*"'


# -- without FTS5 ----------------------------------------------------------------------------
def test_without_fts5_the_store_scans_and_says_so(tmp_path, events, monkeypatch, caplog):
    db = tmp_path / "nofts.db"
    real = store_sqlite.unmet_needs
    monkeypatch.setattr(store_sqlite, "unmet_needs",
                        lambda conn, m: "this SQLite build lacks ENABLE_FTS5" if "ENABLE_FTS5" in m.requires else real(conn, m))
    with caplog.at_level(logging.WARNING, logger="eventsift.store.sqlite"):
        with Store.open(db) as s:
            s.upsert_events(events)
            assert not s._has_text_index
            assert "0005_event_text_search" not in [name for name, _ in s.migrations()]
            assert s.user_version == len(MIGRATIONS) - 1
            assert [e.event_id for e in s.events(q="ambushed", limit=5)] == \
                [e.event_id for e in sorted(events, key=listing_key) if matches(e, {"q": "ambushed"})][:5]
    assert "lacks ENABLE_FTS5" in caplog.text
    with Store.open(db, readonly=True) as ro:  # nothing pending that this SQLite could apply
        assert ro.count_events(q="ambushed") > 0
    monkeypatch.setattr(store_sqlite, "unmet_needs", real)
    with Store.open(db) as s:  # a SQLite with FTS5 applies it and fills the index from the rows
        assert s._has_text_index
        assert_in_step(s)
        assert s.count_events(q="ambushed") == sum(matches(e, {"q": "ambushed"}) for e in events)


def test_an_older_store_gets_its_text_index_filled(tmp_path, events, monkeypatch):
    db = tmp_path / "old.db"
    monkeypatch.setattr(store_sqlite, "MIGRATIONS", MIGRATIONS[:3])
    with Store.open(db) as s:
        s.upsert_events(events)
    monkeypatch.undo()
    with Store.open(db) as s:
        assert [name for name, _ in s.migrations()][3:5] == ["0004_ordered_indexes", "0005_event_text_search"]
        assert_in_step(s)
        assert s.count_events(q="village 1") == sum(matches(e, {"q": "village 1"}) for e in events)


# -- plans -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "filters",
    [{}, {"country": "Syria"}, {"country": "SYR"}, {"admin1": "Gao"}, {"event_type": "Riots"},
     {"sub_event_type": "Armed clash"}, {"date_from": "2021-01-05", "date_to": "2021-01-09"},
     {"country": "Mali", "date_from": "2021-01-05"}, {"event_type": "Riots", "date_to": "2021-01-05"},
     {"actor": "Group 1"}],
)
def test_walks_read_an_index_in_listing_order(store, filters):
    where = store._where(**query.filters_of(filters), text="walk")
    plan = " / ".join(r[3] for r in store._conn.execute("EXPLAIN QUERY PLAN " + query.walk_sql(where),
                                                           (*where.params, 100, 0)))
    assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_collect_cap_grows_with_the_page_wanted():
    small = query.collect_cap(100, 0, 200_000)
    deep = query.collect_cap(100, 5_000, 200_000)
    assert query.COLLECT_MIN <= small < deep <= query.COLLECT_MAX
    assert query.collect_cap(None, 0, 200_000) == query.COLLECT_MAX
    assert query.collect_cap(10, 0, 50) == query.COLLECT_MIN


def test_sort_key_matches_sqlite_order():
    values = [None, "2021-01-02", "2021-01-02T10:00:00", "2021-01-01", "é", "z"]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (d TEXT, i TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(v, str(n)) for n, v in enumerate(values)])
    by_sqlite = [r[0] for r in conn.execute("SELECT rowid FROM t ORDER BY d IS NULL, d, i")]
    rows = conn.execute("SELECT rowid, d, i FROM t").fetchall()
    assert [r[0] for r in sorted(rows, key=query.sort_key)] == by_sqlite
