"""`eventsift run` with the real model: fusion across articles into the store, incremental
re-runs that leave the events as they were, and a late report that updates a known event."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventsift.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "fusion" / "reports.jsonl"
runner = CliRunner()


def write_corpus(path: Path, ids: set[str] | None = None) -> None:
    with open(SAMPLES, encoding="utf-8") as fh, open(path, "w", encoding="utf-8") as out:
        for line in fh:
            for r in json.loads(line)["reports"]:
                if ids is None or r["id"] in ids:
                    out.write(json.dumps({k: r[k] for k in ("id", "text", "published", "outlet", "url")}) + "\n")


def events_table(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM events ORDER BY event_id").fetchall() + \
            conn.execute("SELECT * FROM event_sources ORDER BY event_id, seq").fetchall()
    finally:
        conn.close()


def run(*args: str) -> None:
    result = runner.invoke(app, ["run", *args])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_run_is_incremental_and_fuses_a_late_report(tmp_path, nlp):
    db = tmp_path / "e.db"
    first = tmp_path / "first.jsonl"
    write_corpus(first, {"g03a", "g03b", "g10a", "g10b", "n04a", "n04b"})
    run(str(first), "--db", str(db))
    before = events_table(db)
    run(str(first), "--db", str(db))
    assert events_table(db) == before
    run(str(first), "--db", str(db), "--force")
    assert events_table(db) == before
    late = tmp_path / "late.jsonl"
    write_corpus(late, {"g03c"})
    conn = sqlite3.connect(db)
    n_events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    conn.close()
    run(str(late), "--db", str(db))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events
        (eid, high, count) = conn.execute(
            "SELECT e.event_id, e.fatalities_high, e.source_count FROM events e JOIN event_sources s USING (event_id) "
            "WHERE s.article_id = 'g03c'").fetchone()
        assert count == 3 and high >= 12
        assert conn.execute("SELECT COUNT(*) FROM event_history WHERE event_id = ? AND article_id = 'g03c'",
                            (eid,)).fetchone()[0] >= 1
    finally:
        conn.close()
