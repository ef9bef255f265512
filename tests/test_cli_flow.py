"""`eventsift extract` and `eventsift run` + `export --format jsonl` give the same events: fusion
across articles is the pipeline's, whether the fused events are kept in memory or in the store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventsift.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: report groups of samples/fusion: two groups of one event told by several outlets, a near miss
FUSION_IDS = {"g03a", "g03b", "g03c", "g10a", "g10b", "n04a", "n04b"}
runner = CliRunner()


def _fusion_reports(path: Path) -> Path:
    with open(SAMPLES / "fusion" / "reports.jsonl", encoding="utf-8") as fh, \
            open(path, "w", encoding="utf-8") as out:
        for line in fh:
            for r in json.loads(line)["reports"]:
                if r["id"] in FUSION_IDS:
                    out.write(json.dumps({k: r[k] for k in ("id", "text", "published", "outlet", "url")}) + "\n")
    return path


def _events(output: str) -> dict[str, dict]:
    """Events by id; an event reported by several articles comes once per article, alike but for article_id."""
    rows = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert len({(r["event_id"], r["article_id"]) for r in rows}) == len(rows), "an event is given twice for one article"
    by_id: dict[str, dict] = {}
    lines: dict[str, list[str]] = {}
    for r in rows:
        lines.setdefault(r["event_id"], []).append(r.pop("article_id"))
        assert by_id.setdefault(r["event_id"], r) == r, "lines of one event differ beyond article_id"
    for event_id, article_ids in lines.items():  # one line for each article that reports the event
        assert set(article_ids) == {s["article_id"] for s in by_id[event_id]["sources"]} | \
            {e["article_id"] for e in by_id[event_id]["evidence"]}
    return by_id


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.slow
def test_extract_and_run_give_the_same_events(tmp_path, nlp):
    inputs = [str(_fusion_reports(tmp_path / "reports.jsonl")), str(SAMPLES / "txt"), str(SAMPLES / "html")]
    extracted = _events(_invoke("extract", *inputs, "--format", "jsonl"))
    db = str(tmp_path / "e.db")
    _invoke("run", *inputs, "--db", db)
    stored = _events(_invoke("export", "--db", db, "--format", "jsonl"))
    assert sorted(extracted) == sorted(stored)
    for event_id, event in extracted.items():
        assert event == stored[event_id], event_id
    # the inputs hold reports of one event by several outlets: extract fused them as run did
    told_by = {eid: {s["article_id"] for s in e["sources"]} for eid, e in extracted.items()}
    assert any({"g03a", "g03b", "g03c"} <= ids for ids in told_by.values())
    assert any({"g10a", "g10b"} <= ids for ids in told_by.values())
    assert not any({"n04a", "n04b"} <= ids for ids in told_by.values())  # two events that look alike
