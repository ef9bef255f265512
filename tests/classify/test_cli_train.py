"""`eventsift train` end to end, and `--model` on extract."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from eventsift.classify import SubtypeModel
from eventsift.cli import app
from eventsift.errors import EventsiftError

from .conftest import examples, write_csv

runner = CliRunner()
HEADER = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "notes", "fatalities"]


@pytest.fixture()
def export(tmp_path):
    rows = [[f"XYZ{i}", "2021-05-04", "", ex.label, ex.text, "0"] for i, ex in enumerate(examples())]
    return write_csv(tmp_path / "my_export.csv", HEADER, rows)


def test_train_writes_a_model_and_prints_the_figures(tmp_path, export):
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["train", str(export), "--output", str(out), "--folds", "3"])
    assert result.exit_code == 0, result.output
    for words in ("3-fold cross-validation on 72 examples", "Air/drone strike", "Arrests", "macro-F1", "accuracy 1.000"):
        assert words in result.output
    model = SubtypeModel.load(out)
    assert sorted(model.labels) == ["Air/drone strike", "Armed clash", "Arrests", "Peaceful protest"]
    assert model.created_from["files"][0]["name"] == "my_export.csv" and len(model.created_from["sha256"]) == 64
    assert model.summary["cross_validation"]["folds"] == 3


@pytest.mark.parametrize("rows, args, code", [
    ([["x", "Warplanes bombed the town."]], [], "E072"),  # header without sub_event_type
    (None, ["--min-per-class", "30"], "E073"),
])
def test_train_errors(tmp_path, export, rows, args, code):
    path = write_csv(tmp_path / "bad.csv", ["event_id_cnty", "notes"], rows) if rows else export
    result = runner.invoke(app, ["train", str(path), "--output", str(tmp_path / "m.json"), *args])
    assert result.exit_code != 0 and isinstance(result.exception, EventsiftError)
    assert result.exception.code == code and not (tmp_path / "m.json").exists()


def test_a_header_error_tells_the_user_what_to_do(tmp_path):
    path = write_csv(tmp_path / "bad.csv", ["event_id_cnty", "event_date", "text"], [["1", "2021-01-01", "x"]])
    proc = subprocess.run([sys.executable, "-m", "eventsift", "train", str(path), "--output", str(tmp_path / "m.json")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "E072" in proc.stderr and "notes" in proc.stderr and "what to do" in proc.stderr


def test_extract_with_a_missing_model_is_a_clear_error(tmp_path):
    text = tmp_path / "r.txt"
    text.write_text("Report\n\nWarplanes bombed a market on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(text), "--model", str(tmp_path / "none.json")])
    assert isinstance(result.exception, EventsiftError) and result.exception.code == "E074"


def test_extract_with_a_model(tmp_path, export):
    model = tmp_path / "model.json"
    assert runner.invoke(app, ["train", str(export), "--output", str(model), "--folds", "3"]).exit_code == 0
    text = tmp_path / "r.txt"
    text.write_text("Report\n\nWarplanes bombed a market in the town on Tuesday, killing nine civilians.\n\n"
                    "The rebels threatened to attack the city if the talks fail.\n", encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(text), "--published", "2021-05-06"])
    with_model = runner.invoke(app, ["extract", str(text), "--published", "2021-05-06", "--model", str(model)])
    assert plain.exit_code == with_model.exit_code == 0
    events = [json.loads(line) for line in with_model.stdout.splitlines() if line.startswith("{")]
    assert [e["sub_event_type"] for e in events] == ["Air/drone strike"]
    assert len([line for line in plain.stdout.splitlines() if line.startswith("{")]) == len(events)
