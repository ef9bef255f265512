"""count_inputs: the total for run's progress bar agrees with what iter_articles yields."""
from __future__ import annotations

import gzip
import json

import pytest

from eventsift.ingest import count_inputs, iter_articles


def _write_tree(root):
    (root / "reports").mkdir()
    (root / "reports" / "a.txt").write_text("Gunmen shot dead a trader in the market on Monday.")
    (root / "reports" / "b.html").write_text("<html><body><p>Police arrested nine protesters.</p></body></html>")
    (root / "reports" / ".hidden.txt").write_text("not an input")
    lines = [json.dumps({"id": f"r{i}", "text": f"Report {i}.", "published": "2020-01-0{i}"}) for i in range(1, 4)]
    (root / "feed.jsonl").write_text("\n".join(lines[:2]) + "\n\n   \n" + lines[2] + "\n")
    with gzip.open(root / "feed.jsonl.gz", "wt") as out:
        out.write("\n".join(lines) + "\n")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")


@pytest.mark.parametrize("names, expected", [
    (["reports"], 2),
    (["feed.jsonl"], 3),
    (["feed.jsonl.gz"], 3),
    (["notes.pdf"], 1),
    (["missing.jsonl"], 1),
    (["reports", "feed.jsonl", "feed.jsonl.gz", "notes.pdf"], 9),
])
def test_count_matches_iter_articles(tmp_path, names, expected):
    _write_tree(tmp_path)
    paths = [tmp_path / n for n in names]
    assert count_inputs(paths) == expected
    assert len(list(iter_articles(paths))) == expected


@pytest.mark.parametrize("paths, budget", [(["-"], 1 << 30), (["feed.jsonl"], 10)])
def test_unknown_total(tmp_path, paths, budget):
    _write_tree(tmp_path)
    given = [p if p == "-" else tmp_path / p for p in paths]
    assert count_inputs(given, max_scan_bytes=budget) is None
