"""The project's scorer: hand-checked cases, and agreement with the reference scorer."""
from __future__ import annotations

import importlib.util
import random

import pytest

from eventsift.evaluate import haversine_km, inter_code, same_actor, score_events, score_geo, weighted_f1

GOLD = [
    {"id": "a", "text": "Gunmen killed 3 villagers in Kidal on Monday. The war has killed 5,000 people.",
     "events": [{"event_type": "Violence against civilians", "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)",
                 "actor1_type": "Political militia", "lat": 18.44, "lon": 1.41, "date": "2021-05-03", "fatalities": 3,
                 "stance": "asserted", "civilian_targeting": True}],
     "non_events": [{"text": "The war has killed 5,000 people.", "reason": "cumulative"}],
     "forbid": [{"fatalities_at_least": 1000, "reason": "cumulative"}]},
    {"id": "b", "text": "A football match ended 2-1.", "events": []},
]


def pred(**kw):
    base = {"article_id": "a", "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "latitude": 18.45, "longitude": 1.40, "event_date": "2021-05-03", "fatalities": 3, "inter1": 3,
            "actor1": "Unidentified Armed Group (Mali)", "stance": "asserted", "confidence": 0.9,
            "civilian_targeting": True, "evidence": [{"start": 0, "end": 45, "text": "Gunmen killed 3 villagers in Kidal on Monday."}]}
    base.update(kw)
    return base


@pytest.mark.parametrize("preds, figure, expected", [
    ([pred()], "event_f1", 1.0),
    ([pred(event_type="Battles")], "event_recall", 0.0),
    ([pred(latitude=25.0)], "event_recall", 0.0),                     # > 100 km away
    ([pred(event_date="2021-05-06")], "event_recall", 0.0),           # 3 days off
    ([pred(event_date="2021-05-05")], "event_recall", 1.0),           # 2 days off still matches
    ([pred(), pred(confidence=0.1)], "event_precision", 0.5),
    ([pred(article_id="b")], "quiet_articles_kept_quiet", 0.0),
    ([pred(fatalities=5000, evidence=[{"text": "The war has killed 5,000 people."}])], "forbid_violations", 1),
    ([pred(fatalities=5000, evidence=[{"text": "The war has killed 5,000 people."}])], "nonevent_violations", 1),
    ([pred(sub_event_type="Abduction/forced disappearance")], "primary_subtype_accuracy", 0.0),
])
def test_headline_figures(preds, figure, expected):
    assert score_events(GOLD, preds)[figure] == expected


def test_fields_are_compared_on_matched_pairs():
    out = score_events(GOLD, [pred(fatalities=4, inter1="State forces", event_date="2021-05-04")])
    assert out["fields"]["fatalities_exact"]["share"] == 0.0
    assert out["fields"]["actor1_type"]["share"] == 0.0
    assert out["fields"]["date_exact"]["share"] == 0.0
    assert out["fields"]["location_25km"]["share"] == 1.0


@pytest.mark.parametrize("gold, predicted, same", [
    ("Military Forces of Syria", "Military Forces of Syria (2000-)", True),
    ("Islamic State", "Islamic State (Syria)", True),
    ("Taliban", "Military Forces of Afghanistan", False),
    ("Civilians (Benin)", None, False),
])
def test_same_actor(gold, predicted, same):
    assert same_actor(gold, predicted) is same


def test_small_helpers():
    assert round(haversine_km(36.2, 37.16, 34.56, 38.28)) == 209
    assert inter_code("External/Other forces") == 8 and inter_code("3") == 3 and inter_code(None) is None
    assert weighted_f1([("A", "A"), ("A", "B"), ("B", "B")]) == pytest.approx((2 * (2 / 3) + 1 * (2 / 3)) / 3)


def test_geo_scoring():
    gold = [{"id": "g", "text": "In Kabul and Herat.", "toponyms": [
        {"start": 3, "end": 8, "lat": 34.53, "lon": 69.17}, {"start": 13, "end": 18, "lat": 34.35, "lon": 62.2}]}]
    preds = [{"article_id": "g", "places": [{"start": 3, "end": 8, "latitude": 34.5, "longitude": 69.2}]}]
    out = score_geo(gold, preds)
    assert out["toponym_recall"] == 0.5 and out["acc_at_161km"] == 0.5 and out["toponym_precision"] == 1.0


def _reference(shared_data):
    path = shared_data.parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_agrees_with_reference_scorer_on_random_predictions(shared_data):
    """Same figures as ../shared/tools/score.py on perturbed copies of real gold events."""
    import json

    ref = _reference(shared_data)
    gold = [json.loads(line) for line in open(shared_data / "dev/acled/acled-benin-2009-2022.gold.jsonl")][:150]
    rng = random.Random(7)
    types = ["Battles", "Violence against civilians", "Protests", "Riots"]
    preds = []
    for g in gold:
        for e in g["events"]:
            for _ in range(rng.choice([0, 1, 1, 2])):
                preds.append({"article_id": g["id"], "event_type": rng.choice([e["event_type"]] * 3 + types),
                              "sub_event_type": e["sub_event_type"] if rng.random() < 0.7 else "Attack",
                              "latitude": (e["lat"] or 0) + rng.uniform(-1, 1), "longitude": (e["lon"] or 0) + rng.uniform(-1, 1),
                              "event_date": e["date"], "fatalities": rng.choice([e["fatalities"], 0, 1]),
                              "inter1": rng.randint(1, 8), "actor1": e["actor1"], "confidence": rng.random(),
                              "evidence": [{"text": g["text"][:40]}]})
    ours, theirs = score_events(gold, preds), ref.score_events(gold, preds)
    assert ours == theirs
    geo_gold = [json.loads(line) for line in open(shared_data / "dev/geo/tr-news.gold.jsonl")][:20]
    geo_preds = [{"article_id": g["id"], "places": [{"start": t["start"], "end": t["end"], "latitude": None if t["lat"] is None else t["lat"] + rng.uniform(-2, 2),
                                                    "longitude": t["lon"]} for t in g["toponyms"] if rng.random() < 0.8]}
                 for g in geo_gold]
    assert score_geo(geo_gold, geo_preds) == ref.score_geo(geo_gold, geo_preds)
