"""The command line under bad arguments and broken stores: coded errors, never a traceback
(unless --debug), and `run`'s exit status and summary agree with the store."""
from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from eventsift import cli
from eventsift.errors import printable
from eventsift.store import Store, rows

GOOD = "Police fired tear gas at protesters in Lagos, Nigeria on Monday, killing two people."


def call(monkeypatch, capsys, *args):
    """Run `eventsift ARGS` in this process: (exit status, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["eventsift", *map(str, args)])
    monkeypatch.setattr(cli, "_DEBUG", False)
    monkeypatch.setattr(cli.err, "width", 300)  # one line per message: easier to assert on
    with pytest.raises(SystemExit) as info:
        cli.main()
    out = capsys.readouterr()
    return info.value.code, out.out, out.err


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path):
        pass
    return path


def _broken(tmp_path, kind):
    path = tmp_path / f"{kind}.db"
    if kind == "junk":
        path.write_bytes(b"not a database at all" * 100)
    else:  # a real store cut short
        with Store.open(tmp_path / "whole.db"):
            pass
        path.write_bytes((tmp_path / "whole.db").read_bytes()[:5000])
    return path


@pytest.mark.parametrize(("args", "code", "says"), [
    (["export", "--db", "{store}", "--date-from", "yesterday"], 2, "not an ISO date"),
    (["export", "--db", "{store}", "--date-to", "2020-13-40"], 2, "not an ISO date"),
    (["export", "--db", "{store}", "--output", "/no/such/dir/x.csv"], 2, "E011"),
    (["export", "--db", "{store}", "--output", "{tmp}"], 2, "E011"),
    (["export", "--db", "{junk}"], 2, "E306"),
    (["export", "--db", "{truncated}"], 2, "E306"),
    (["serve", "--db", "{junk}"], 2, "E306"),
    (["serve", "--db", "{truncated}"], 2, "E306"),
    (["run", "{tmp}/none.txt", "--db", "{junk}"], 2, "E306"),
    (["extract", "{tmp}/none.txt", "--output", "/no/such/dir/x.jsonl"], 2, "E011"),
])
def test_coded_errors_not_tracebacks(monkeypatch, capsys, tmp_path, store, args, code, says):
    names = {"store": store, "tmp": tmp_path, "junk": _broken(tmp_path, "junk"),
             "truncated": _broken(tmp_path, "truncated")}
    status, out, err = call(monkeypatch, capsys, *(a.format(**names) for a in args))
    assert status == code
    assert says in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(("raised", "code"), [
    (sqlite3.OperationalError("database or disk is full"), "E308"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "E307"),
    (OSError(28, "No space left on device"), "E308"),
])
def test_store_write_failures_are_coded(monkeypatch, capsys, tmp_path, nlp, raised, code):
    (tmp_path / "r.txt").write_text(GOOD)

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(rows, "article_row", fail)  # inside the store's write of an article
    status, out, err = call(monkeypatch, capsys, "run", tmp_path / "r.txt", "--db", tmp_path / "s.db")
    assert status == 2 and code in err and "Traceback" not in err


def test_unexpected_errors_are_coded_and_debug_shows_them(monkeypatch, capsys, tmp_path, store):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("surprise")

    monkeypatch.setattr(Store, "events", boom)
    status, out, err = call(monkeypatch, capsys, "export", "--db", store)
    assert status == 2 and "E099" in err and "--debug" in err and "Traceback" not in err
    monkeypatch.setattr(sys, "argv", ["eventsift", "--debug", "export", "--db", str(store)])
    with pytest.raises(ZeroDivisionError):
        cli.main()


def test_run_exit_status_and_summary_match_the_store(monkeypatch, capsys, tmp_path, nlp):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": GOOD}), "[" * 5000, json.dumps({"id": "a", "text": GOOD + " Again."}),
             json.dumps({"id": "b", "text": GOOD}), '{"text": "cut \\ud83d emoji. ' + GOOD + '"}',
             json.dumps({"text": "=" * 3000})]
    feed.write_text("\n".join(lines) + "\n")
    db = tmp_path / "s.db"
    status, out, _ = call(monkeypatch, capsys, "run", feed, "--db", db)
    assert status == 1  # some inputs failed
    with Store.open(db, readonly=True) as s:
        arts = list(s.articles())
        summary = s.summary()
    assert len(arts) == len(lines)  # every input has its own row
    assert sorted(a.id for a in arts if a.id in ("a", "a~2", "b")) == ["a", "a~2", "b"]
    assert summary["articles_by_status"]["failed"] == 2
    assert f"holds {len(lines)} articles (+{len(lines)})" in " ".join(out.split())
    assert f"and {summary['events']} events (+{summary['events']};" in " ".join(out.split())
    # again: nothing new, and the inputs that failed still say so
    status, out, _ = call(monkeypatch, capsys, "run", feed, "--db", db)
    assert status == 1 and f"{len(lines)} unchanged of which 2 failed before" in " ".join(out.split())


def test_run_exits_0_when_nothing_failed(monkeypatch, capsys, tmp_path, nlp):
    (tmp_path / "r.txt").write_text(GOOD)
    status, out, _ = call(monkeypatch, capsys, "run", tmp_path / "r.txt", "--db", tmp_path / "s.db")
    assert status == 0


@pytest.mark.parametrize(("raw", "shown"), [
    ("plain.txt", "plain.txt"),
    ("a\x1b[31mred\x07.txt", "a\\x1b[31mred\\x07.txt"),
    ("name\udcff.txt", "name\\udcff.txt"),
    ("x" * 500, "x" * 299 + "\u2026"),
])
def test_printable(raw, shown):
    assert printable(raw) == shown
