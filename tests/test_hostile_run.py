"""`eventsift run` over a generated hostile corpus: no crash, every input has its own article
row, the summary agrees with the store, the exit status says that inputs failed; and a run
killed with SIGKILL leaves a store that the next run completes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from eventsift import cli
from benchmarks.hostile_inputs import write_corpus
from eventsift.ingest import count_inputs
from eventsift.store import Store

# every test here runs `eventsift run` over the corpus, in this process or in a child: the model loads
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    return folder, write_corpus(folder, 260)


def test_hostile_corpus_runs_to_the_end(corpus, tmp_path, monkeypatch, capsys, nlp):
    folder, expected = corpus
    assert count_inputs([folder]) == expected
    db = tmp_path / "events.db"
    monkeypatch.setattr(sys, "argv", ["eventsift", "run", str(folder), "--db", str(db)])
    started = time.monotonic()
    with pytest.raises(SystemExit) as info:
        cli.main()
    took = time.monotonic() - started
    out = " ".join(capsys.readouterr().out.split())
    assert info.value.code == 1  # some inputs failed, none stopped the run
    with Store.open(db, readonly=True) as store:
        summary = store.summary()
        ids = [a.id for a in store.articles()]
    assert summary["articles"] == expected == len(set(ids))
    assert f"holds {expected} articles (+{expected}) and {summary['events']} events" in out
    by_status = summary["articles_by_status"]
    assert by_status["ok"] and by_status["skipped"] and by_status["failed"]
    assert took < 600, "a hostile input stalled the run"


def test_kill_9_leaves_a_store_the_next_run_completes(corpus, tmp_path):
    folder, expected = corpus
    db = tmp_path / "events.db"
    command = [sys.executable, "-m", "eventsift", "run", str(folder), "--db", str(db)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    rows = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
        if db.exists():
            try:
                with Store.open(db, readonly=True) as store:
                    rows = store.summary()["articles"]
            except Exception:
                rows = 0
            if rows >= 20:
                break
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    assert rows >= 20 or proc.returncode is not None
    # the store opens; the next run codes what is missing and nothing twice
    finish = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert finish.returncode == 1 and "Traceback" not in finish.stderr
    with Store.open(db, readonly=True) as store:
        assert store.summary()["articles"] == expected
        integrity = store._conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok"


def test_disk_full_is_a_coded_error_and_the_store_survives(corpus, tmp_path):
    """A real write failure without privileges: the file size limit (RLIMIT_FSIZE, with SIGXFSZ
    ignored) makes SQLite's writes fail as a full disk does."""
    import resource

    folder, expected = corpus
    db = tmp_path / "events.db"
    command = [sys.executable, "-m", "eventsift", "run", str(folder), "--db", str(db)]
    with Store.open(db):
        pass
    LIMIT = db.stat().st_size + 300_000  # room for some articles, not for all

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))

    full = subprocess.run(command, capture_output=True, text=True, timeout=900, preexec_fn=small_disk)
    assert full.returncode == 2, full.stderr[-2000:]
    assert "E308" in full.stderr and "Traceback" not in full.stderr
    with Store.open(db, readonly=True) as store:
        assert 0 < store.summary()["articles"] < expected
    finish = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert finish.returncode == 1
    with Store.open(db, readonly=True) as store:
        assert store.summary()["articles"] == expected
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
