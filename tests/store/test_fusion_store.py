"""The store's side of fusion across articles: re-runs leave the events as they were, a new
report of a known event updates it (sources, range, history, last_updated) without adding one,
blocking look-ups, aliases. Uses the hand-coded reports of samples/fusion/ (no model)."""
from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventsift.fuse.across import attach, block
from eventsift.models import Article, Source, Stance
from eventsift.store import Store

_GOLDEN = Path(__file__).resolve().parents[1] / "fuse" / "test_golden_pairs.py"
_spec = importlib.util.spec_from_file_location("golden_pairs", _GOLDEN)
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def article_of(r: dict) -> Article:
    return Article(id=r["id"], text=r["text"], url=r["url"], outlet=r["outlet"], published=date.fromisoformat(r["published"]))


def ingest(store: Store, reports: list[dict]) -> None:
    """What `eventsift run` does per article (the pipeline's output replaced by the hand coding)."""
    for r in reports:
        fused = attach([golden.to_event(r)], known=store.fused_event, candidates=store.fusion_candidates)
        store.save_fused(article_of(r), fused)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("events", "evidence", "event_sources", "event_aliases", "event_history")}
    finally:
        conn.close()


@pytest.fixture()
def reports():
    return golden.all_reports(golden.load_groups())


def test_rerunning_the_corpus_leaves_the_events_byte_for_byte(tmp_path, reports):
    db = tmp_path / "e.db"
    with Store.open(db) as store:
        ingest(store, reports)
    first = snapshot(db)
    with Store.open(db) as store:
        ingest(store, reports)  # as `run --force` does: every article re-coded
    assert snapshot(db) == first
    same = sum(len(g["reports"]) - 1 for g in golden.load_groups() if g["kind"] == "same")
    assert len(first["events"]) == len(reports) - same - 1  # n22: the one known false merge


def test_a_fresh_database_gives_the_same_ids(tmp_path, reports):
    ids = []
    for name in ("a.db", "b.db"):
        with Store.open(tmp_path / name) as store:
            ingest(store, reports)
            ids.append(sorted(e.event_id for e in store.events()))
    assert ids[0] == ids[1]


def test_a_new_report_updates_its_event_and_records_what_changed(tmp_path, reports):
    db = tmp_path / "e.db"
    djibo = [r for r in reports if r["id"] in ("g06a", "g06b")]
    late = next(r for r in reports if r["id"] == "g06c")
    with Store.open(db) as store:
        ingest(store, djibo)
        (event,) = list(store.events())
        assert (event.fatalities, event.fatalities_low, event.fatalities_high, event.source_count) == (12, 12, 25, 2)
        stamp = store.last_updated(event.event_id)
        ingest(store, [late])
        (updated,) = list(store.events())
        assert updated.event_id == event.event_id
        assert (updated.fatalities, updated.fatalities_low, updated.fatalities_high) == (31, 12, 31)
        assert [s.article_id for s in updated.sources] == ["g06a", "g06b", "g06c"]
        history = store.history(event.event_id)
        assert {(h.field, h.old, h.new) for h in history} >= {("fatalities", 12, 31), ("fatalities_high", 25, 31),
                                                               ("source_count", 2, 3)}
        assert {h.article_id for h in history if h.field == "fatalities" and h.new == 31} == {"g06c"}
        assert all(h.published == date(2022, 6, 13) for h in history if h.article_id == "g06c")
        assert store.last_updated(event.event_id) >= stamp
        assert store.fused_event(golden.to_event(late).event_id).event_id == event.event_id


def test_a_denial_from_another_outlet_makes_the_stored_event_disputed(tmp_path, reports):
    kramatorsk = [r for r in reports if r["id"] in ("g18a", "g18b")]
    with Store.open(tmp_path / "e.db") as store:
        ingest(store, kramatorsk)
        (event,) = list(store.events())
        assert event.stance is Stance.DISPUTED
        assert {s.article_id: s.stance for s in event.sources} == {"g18a": Stance.ASSERTED, "g18b": Stance.DENIED}
        assert [h.field for h in store.history(event.event_id) if h.field == "stance"] == ["stance"]


def test_candidates_follow_the_blocking_keys(tmp_path, reports):
    with Store.open(tmp_path / "e.db") as store:
        ingest(store, reports)
        probe = golden.to_event(next(r for r in reports if r["id"] == "g06a"))
        found = store.fusion_candidates(block(probe))
        assert found and all(e.iso3 == "BFA" and e.event_type == "Violence against civilians" for e in found)
        assert all(abs((e.event_date - probe.event_date).days) <= 2 for e in found)
        far = replace(probe, event_date=date(2010, 1, 1))
        assert store.fusion_candidates(block(far)) == []


def test_history_values_round_trip(tmp_path, reports):
    from eventsift.fuse.across import FieldChange, Fused

    r = reports[0]
    event = golden.to_event(r)
    fused = Fused(event, event.event_id, True, (FieldChange("event_date", date(2016, 12, 12), date(2016, 12, 11)),
                                                FieldChange("stance", Stance.ASSERTED, Stance.DISPUTED)), "test")
    with Store.open(tmp_path / "e.db") as store:
        store.save_fused(article_of(r), [fused], now="2024-01-01T00:00:00+00:00")
        assert [(h.field, h.old, h.new, h.changed_at) for h in store.history(event.event_id)] == [
            ("event_date", date(2016, 12, 12), date(2016, 12, 11), "2024-01-01T00:00:00+00:00"),
            ("stance", Stance.ASSERTED, Stance.DISPUTED, "2024-01-01T00:00:00+00:00"),
        ]
        assert store.last_updated(event.event_id) == "2024-01-01T00:00:00+00:00"


def test_an_event_whose_sources_moved_keeps_other_reports(tmp_path, reports):
    """save_article's rule still holds for fused events: a report that drops an event removes
    only its own rows."""
    pair = [r for r in reports if r["id"] in ("g10a", "g10b")]
    with Store.open(tmp_path / "e.db") as store:
        ingest(store, pair)
        store.save_fused(article_of(pair[1]), [])
        (event,) = list(store.events())
        assert [s.article_id for s in event.sources] == ["g10a"]
        assert isinstance(event.sources[0], Source)
