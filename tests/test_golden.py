"""Golden tests: the real model on the project's own annotated reports, with pinned minimums.

The reports are the sample gold files (samples/*.gold.jsonl); corpus/reports.jsonl gives each its
split, and the locked ``test`` split is also measured on its own (corpus/README.md).
The minimums are the figures measured when they were last raised, less a small margin for
noise. A change that lowers a figure below its minimum fails here: raise them when extraction
improves, and never lower them without saying why in the commit.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventsift.evaluate import corpus, score_events
from eventsift.ingest import iter_articles
from eventsift.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

#: figure -> pinned minimum; "max:" figures are ceilings
MINIMUMS = {
    # measured 2026-12-06 on 88 reports: F1 0.908, recall 0.890, sub-type wF1 0.872, loc25 0.967, date 0.978,
    # fatalities 0.966, actor1 type 0.822, quiet 1.0, 0 non-event and 2 forbid violations (2026-11-25: F1 0.739)
    "reports": {
        "event_f1": 0.89,
        "event_recall": 0.87,
        "primary_subtype_weighted_f1": 0.84,
        "fields.location_25km": 0.94,
        "fields.date_exact": 0.95,
        "fields.fatalities_exact": 0.94,
        "fields.actor1_type": 0.79,
        "quiet_articles_kept_quiet": 1.0,
        "max:nonevent_violations": 0,
        "max:forbid_violations": 2,
    },
    # measured 2026-12-05 on the 52 reports written to check that the rules generalise (es-0089 to
    # es-0100, es-0106 to es-0145), 2026-12-06: F1 0.950, recall 0.966, sub-type wF1 0.982, loc25 1.0, date 0.948,
    # fatalities 0.983, actor1 type 0.983, stance 0.983, 0 violations
    "heldout": {
        "event_f1": 0.92,
        "event_recall": 0.93,
        "primary_subtype_weighted_f1": 0.95,
        "fields.location_25km": 0.97,
        "fields.date_exact": 0.92,
        "fields.fatalities_exact": 0.95,
        "fields.actor1_type": 0.95,
        "fields.stance": 0.95,
        "max:nonevent_violations": 0,
        "max:forbid_violations": 0,
    },
    # measured 2026-12-05 on the 5 file reports: F1 1.0, recall 1.0, loc25 1.0
    "files": {
        "event_f1": 0.95,
        "event_recall": 0.95,
        "fields.location_25km": 0.95,
    },
    # measured 2026-12-07 on the locked test split of reports and heldout (22 reports, corpus/reports.jsonl):
    # F1 0.980, recall 0.960, sub-type wF1 0.855, loc25 0.958, date 1.0, fatalities 1.0, actor1 type 0.958,
    # stance 1.0, 0 violations; one event more or less moves a figure by about 0.04
    "locked_test": {
        "event_f1": 0.95,
        "event_recall": 0.92,
        "primary_subtype_weighted_f1": 0.82,
        "fields.location_25km": 0.92,
        "fields.date_exact": 0.95,
        "fields.fatalities_exact": 0.95,
        "fields.actor1_type": 0.92,
        "fields.stance": 0.95,
        "max:nonevent_violations": 0,
        "max:forbid_violations": 0,
    },
    "seed": {
        "event_recall": 1.0,
        "max:nonevent_violations": 0,
        "max:forbid_violations": 0,
    },
}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _figure(figures: dict, name: str):
    if name.startswith("fields."):
        return figures["fields"].get(name[7:], {}).get("share")
    return figures[name]


def _check(figures: dict, minimums: dict) -> list[str]:
    failures = []
    for name, bound in minimums.items():
        if name.startswith("max:"):
            value = _figure(figures, name[4:])
            if value > bound:
                failures.append(f"{name[4:]} = {value} > {bound}")
        else:
            value = _figure(figures, name)
            if value is None or value < bound:
                failures.append(f"{name} = {value} < {bound}")
    return failures


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(nlp=nlp)


@pytest.fixture(scope="module")
def coded(pipeline):
    """name -> the predicted events of samples/<name>.gold.jsonl, coded once for the module."""
    done: dict[str, list[dict]] = {}

    def _coded(name: str) -> list[dict]:
        if name not in done:
            gold_path = SAMPLES / f"{name}.gold.jsonl"
            done[name] = [e.to_dict() for r in pipeline.pipe(iter_articles([gold_path])) for e in r.events]
        return done[name]

    return _coded


@pytest.mark.parametrize("name", ["reports", "heldout"])
def test_sample_reports(coded, name):
    figures = score_events(corpus.reports(name), coded(name))
    assert not _check(figures, MINIMUMS[name]), json.dumps(figures, indent=1)


def test_locked_test_split(coded):
    """The reports of the locked test split, scored together on their own."""
    gold, predictions = [], []
    for name in ("reports", "heldout"):
        rows = corpus.reports(name, split="test")
        ids = {row["id"] for row in rows}
        gold += rows
        predictions += [p for p in coded(name) if p["article_id"] in ids]
    assert len(gold) >= 20
    figures = score_events(gold, predictions)
    assert not _check(figures, MINIMUMS["locked_test"]), json.dumps(figures, indent=1)


def test_every_sample_report_has_one_split():
    index = corpus.read_jsonl(corpus.CORPUS / "reports.jsonl")
    assert len({row["id"] for row in index}) == len(index)
    assert all(row["split"] == corpus.split_of(row["id"]) for row in index)
    listed = {(row["source"], row["id"]) for row in index}
    held = {(f"samples/{name}.gold.jsonl", row["id"]) for name in ("reports", "heldout", "files")
            for row in corpus.reports(name)}
    assert listed == held


def test_sample_files(pipeline):
    """Plain-text and HTML inputs: ids come from the text, so predictions are joined by file name."""
    gold = corpus.reports("files")
    predictions = []
    for row in gold:
        path = next((SAMPLES / sub / f"{row['id']}.{ext}" for sub, ext in (("txt", "txt"), ("html", "html"))
                     if (SAMPLES / sub / f"{row['id']}.{ext}").exists()))
        (article,) = iter_articles([path], published=date.fromisoformat(row["published"]))
        assert article.status.value == "ok", article.reason
        for event in pipeline(article).events:
            predictions.append({**event.to_dict(), "article_id": row["id"]})
    figures = score_events(gold, predictions)
    assert not _check(figures, MINIMUMS["files"]), json.dumps(figures, indent=1)


@pytest.mark.shared
def test_seed_report(pipeline, shared_data):
    gold_path = shared_data / "seed" / "aleppo-palmyra-2016-12-11.gold.jsonl"
    predictions = [e.to_dict() for r in pipeline.pipe(iter_articles([gold_path])) for e in r.events]
    figures = score_events(_read(gold_path), predictions)
    assert not _check(figures, MINIMUMS["seed"]), json.dumps(figures, indent=1)
