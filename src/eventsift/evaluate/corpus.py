"""The labelled corpus in ``corpus/`` at the repository root (see corpus/README.md).

Three kinds of record, all JSONL, each with a stable ``id`` and a ``split``:

- ``corpus/sentences/<topic>.jsonl``: example texts with what extraction must make of them;
- ``corpus/reports.jsonl``: the split of each annotated sample report (the reports themselves stay in
  ``samples/*.gold.jsonl``, where ``make demo`` reads them);
- ``corpus/fusion.jsonl``: the split of each labelled fusion group (``samples/fusion/reports.jsonl``).

A record's split is fixed by a hash of its id (:func:`split_of`), so it never moves when records are
added: 70% ``train``, 15% ``dev``, 15% ``test`` (locked: measured by the golden gate, never tuned on).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"


def split_of(record_id: str) -> str:
    """The split a record with this id belongs to: 70 / 15 / 15 by a hash of the id."""
    bucket = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else "dev" if bucket < 85 else "test"


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL file, blank lines skipped."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def topics(root: Path = CORPUS) -> list[str]:
    """The sentence topics: one file each under ``sentences/``."""
    return sorted(p.stem for p in (root / "sentences").glob("*.jsonl"))


def sentences(topic: str | None = None, *, stage: str | None = None, split: str | None = None,
              root: Path = CORPUS) -> list[dict]:
    """Sentence records of one topic (or all), optionally of one stage and one split, in file order."""
    names = [topic] if topic else topics(root)
    out = [r for name in names for r in read_jsonl(root / "sentences" / f"{name}.jsonl")]
    return [r for r in out if (stage is None or r["stage"] == stage) and (split is None or r["split"] == split)]


def _indexed(index: str, rows: list[dict], split: str | None, root: Path) -> list[dict]:
    if split is None:
        return rows
    wanted = {r["id"] for r in read_jsonl(root / index) if r["split"] == split}
    return [r for r in rows if (r.get("id") or r.get("group")) in wanted]


def reports(name: str, *, split: str | None = None, root: Path = CORPUS) -> list[dict]:
    """The gold reports of ``samples/<name>.gold.jsonl`` (``reports``, ``heldout``, ``files``), of one split
    or all, in file order."""
    return _indexed("reports.jsonl", read_jsonl(ROOT / "samples" / f"{name}.gold.jsonl"), split, root)


def fusion_groups(*, split: str | None = None, root: Path = CORPUS) -> list[dict]:
    """The labelled fusion groups of ``samples/fusion/reports.jsonl``, of one split or all."""
    return _indexed("fusion.jsonl", read_jsonl(ROOT / "samples" / "fusion" / "reports.jsonl"), split, root)
