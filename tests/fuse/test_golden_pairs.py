"""Golden test of fusion across articles on the labelled reports in samples/fusion/.

Each line of samples/fusion/reports.jsonl is a group: ``same`` (every report states one
event) or ``near_miss`` (the reports state different events that look alike). Each report is
one article with one hand-coded event, so the test needs no model. Every report of the file is
fused in one stream; pairwise precision counts the pairs put together that belong together,
recall the same-event pairs found. corpus/fusion.jsonl gives each group its split; the groups of
the locked ``test`` split are also fused and measured on their own (corpus/README.md).
"""
from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from eventsift.evaluate import corpus
from eventsift.fuse import interaction, stable_id
from eventsift.fuse.across import MATCH_THRESHOLD, fuse_reports, score
from eventsift.models import Decision, Event, Evidence, Source, Span, Stance
from eventsift.taxonomy import disorder_type, plover

#: pinned minimums (measured: see the report printed by test_pairwise_figures with -s)
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


def load_groups(split: str | None = None) -> list[dict]:
    return corpus.fusion_groups(split=split)


def to_event(r: dict) -> Event:
    """A hand-coded report as the event its article's own fusion would give."""
    day = date.fromisoformat(r["event_date"])
    words = r.get("date_words")
    when = (Decision("event_date", day, f"date: '{words}' + published", Span(0, len(words), words)) if words
            else Decision("event_date", day, "no date in sentence: publication date"))
    stance = Stance(r["stance"])
    ptype, pmode = plover(r["event_type"], r["sub_event_type"])
    text = r["text"]
    return Event(
        event_id=stable_id(r["id"], r["event_type"], r["geonameid"], r["location"], day, r["actor1"]),
        event_type=r["event_type"], sub_event_type=r["sub_event_type"],
        disorder_type=disorder_type(r["event_type"], r["sub_event_type"]),
        actor1=r["actor1"], inter1=r["inter1"], actor2=r["actor2"], inter2=r["inter2"],
        interaction=interaction(r["inter1"], r["inter2"]),
        location=r["location"], admin1=r["admin1"], admin2=r["admin2"], country=r["country"], iso3=r["iso3"],
        latitude=r["latitude"], longitude=r["longitude"], geonameid=r["geonameid"], geo_precision=r["geo_precision"],
        event_date=day, time_precision=r["time_precision"],
        fatalities=r["fatalities"] or 0, fatalities_low=r["fatalities"], fatalities_high=r["fatalities"],
        claimed_by=r["claimed_by"], stance=stance, plover_type=ptype, plover_mode=pmode, confidence=0.7,
        evidence=(Evidence(r["id"], 0, len(text), text),),
        sources=(Source(r["id"], r["outlet"], r["url"], date.fromisoformat(r["published"]), r["claimed_by"], stance,
                        r["fatalities"]),),
        reasons=(when,),
    )


def clusters(reports: list[dict]) -> dict[str, str]:
    """report id → the id of the fused event it ended in."""
    events = {r["id"]: to_event(r) for r in reports}
    index = fuse_reports([events[r["id"]]] for r in reports)
    return {rid: index.fused_event(e.event_id).event_id for rid, e in events.items()}


def pairwise(groups: list[dict], order: list[dict]) -> dict[str, float]:
    where = clusters(order)
    group_of = {r["id"]: g["group"] for g in groups for r in g["reports"]}
    kind = {g["group"]: g["kind"] for g in groups}
    true_pairs = {frozenset(p) for g in groups if g["kind"] == "same"
                  for p in itertools.combinations([r["id"] for r in g["reports"]], 2)}
    near_pairs = [frozenset(p) for g in groups if g["kind"] == "near_miss"
                  for p in itertools.combinations([r["id"] for r in g["reports"]], 2)]
    predicted = {frozenset(p) for p in itertools.combinations(sorted(where), 2) if where[p[0]] == where[p[1]]}
    tp = len(predicted & true_pairs)
    wrong = sorted(tuple(sorted(p)) for p in predicted - true_pairs)
    return {
        "precision": tp / len(predicted) if predicted else 1.0,
        "recall": tp / len(true_pairs),
        "same_pairs": len(true_pairs),
        "near_miss_pairs": len(near_pairs),
        "near_misses_kept_apart": sum(p not in predicted for p in near_pairs) / len(near_pairs),
        "wrong": wrong,
        "missed": sorted(tuple(sorted(p)) for p in true_pairs - predicted),
        "groups": len(kind),
    }


def all_reports(groups):
    return [r for g in groups for r in g["reports"]]


def test_the_labelled_set_is_big_enough():
    groups = load_groups()
    same = [g for g in groups if g["kind"] == "same"]
    near = [g for g in groups if g["kind"] == "near_miss"]
    assert len(same) >= 20 and len(near) >= 20
    assert all(len(g["reports"]) >= 2 for g in groups)
    assert len({r["id"] for r in all_reports(groups)}) == len(all_reports(groups))


def test_pairwise_figures(capsys):
    groups = load_groups()
    figures = pairwise(groups, all_reports(groups))
    with capsys.disabled():
        print(f"\nfusion pairs: precision {figures['precision']:.3f}, recall {figures['recall']:.3f} "
              f"({figures['same_pairs']} same-event pairs, {figures['near_miss_pairs']} near-miss pairs, "
              f"{figures['near_misses_kept_apart']:.3f} kept apart); wrong {figures['wrong']}; missed {figures['missed']}")
    assert figures["precision"] >= MIN_PRECISION, figures["wrong"]
    assert figures["recall"] >= MIN_RECALL, figures["missed"]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_figures_hold_in_any_input_order(seed):
    groups = load_groups()
    order = all_reports(groups)
    random.Random(seed).shuffle(order)
    figures = pairwise(groups, order)
    assert figures["precision"] >= MIN_PRECISION, figures["wrong"]
    assert figures["recall"] >= MIN_RECALL, figures["missed"]


def test_threshold_separates_the_labelled_scores(capsys):
    """Same-event pairs score at or above the threshold; near misses either are vetoed or score
    below it. Printed so that the threshold's note can be checked against the data."""
    groups = load_groups()
    same, near = [], []
    for g in groups:
        events = [to_event(r) for r in g["reports"]]
        for a, b in itertools.combinations(events, 2):
            s = score(a, b)
            (same if g["kind"] == "same" else near).append((s.value if not s.veto else None, g["group"], s.reason))
    lowest_same = min((v for v, _, _ in same if v is not None), default=None)
    highest_near = max((v for v, _, _ in near if v is not None), default=None)
    with capsys.disabled():
        print(f"\nlowest same-event score {lowest_same}; highest unvetoed near-miss score {highest_near}; "
              f"threshold {MATCH_THRESHOLD}; same pairs vetoed: {[g for v, g, _ in same if v is None]}")
    assert lowest_same is not None and highest_near is not None
    assert sum(v is not None and v >= MATCH_THRESHOLD for v, _, _ in same) / len(same) >= MIN_RECALL


def test_every_group_has_one_split():
    index = corpus.read_jsonl(corpus.CORPUS / "fusion.jsonl")
    assert [row["id"] for row in index] == [g["group"] for g in load_groups()]
    assert [row["kind"] for row in index] == [g["kind"] for g in load_groups()]
    assert all(row["split"] == corpus.split_of(row["id"]) for row in index)


def test_locked_test_groups(capsys):
    """The groups of the locked test split, fused in one stream on their own."""
    groups = load_groups("test")
    assert {g["kind"] for g in groups} == {"same", "near_miss"}
    figures = pairwise(groups, all_reports(groups))
    with capsys.disabled():
        print(f"\nlocked test groups {[g['group'] for g in groups]}: precision {figures['precision']:.3f}, "
              f"recall {figures['recall']:.3f}; wrong {figures['wrong']}; missed {figures['missed']}")
    assert figures["precision"] >= MIN_PRECISION, figures["wrong"]
    assert figures["recall"] >= MIN_RECALL, figures["missed"]
