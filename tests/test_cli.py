"""The command line: every command and setting is documented, errors say what to do."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from eventsift.cli import app
from eventsift.config import Settings, describe
from eventsift.models import Span
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _commands(typer_app: typer.Typer, prefix: str = "") -> list[str]:
    names = [prefix + (c.name or c.callback.__name__).replace("_", "-") for c in typer_app.registered_commands]
    for group in typer_app.registered_groups:
        names += _commands(group.typer_instance, prefix + group.name + " ")
    return names


COMMANDS = _commands(app)


def test_the_command_list_is_complete():
    assert {"extract", "run", "export", "eval", "geocode", "serve", "settings", "gazetteer build",
            "gazetteer import"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_help(command):
    assert f"eventsift {command}" in README, f"README does not mention `eventsift {command}`"
    result = runner.invoke(app, command.split() + ["--help"])
    assert result.exit_code == 0 and "Usage" in result.output


@pytest.mark.parametrize("name, default, env", describe())
def test_every_setting_is_documented(name, default, env):
    assert f"`{name}`" in README and f"`{env}`" in README


def test_settings_read_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTSIFT_BATCH_SIZE", "7")
    monkeypatch.setenv("EVENTSIFT_CACHE_DIR", str(tmp_path))
    settings = Settings.from_env(n_process=2)
    assert (settings.batch_size, settings.cache_dir, settings.n_process) == (7, tmp_path, 2)


def test_unknown_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xlsx"])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_missing_store_says_what_to_do(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "eventsift", "export", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "E010" in proc.stderr and re.search(r"eventsift run", proc.stderr)


def test_a_binary_format_needs_an_output_file(tmp_path):
    db = tmp_path / "e.db"
    from eventsift.store import Store

    with Store.open(db):
        pass
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--output", str(tmp_path / "e.parquet")])
    assert result.exit_code == 0 and (tmp_path / "e.parquet").exists()


@pytest.mark.parametrize("span, expected", [
    (None, {"start": None, "end": None, "text": None}),
    (Span(4, 10, "Ghazni"), {"start": 4, "end": 10, "text": "Ghazni"}),
])
def test_a_span_is_written_as_its_fields(span, expected):
    from eventsift.cli import _span_json

    assert _span_json(span) == expected


def test_geocode_writes_fields_a_place_has():
    from dataclasses import fields

    from eventsift.cli import GEOCODE_PLACE_FIELDS
    from eventsift.models import Place

    assert set(GEOCODE_PLACE_FIELDS) <= {f.name for f in fields(Place)}
