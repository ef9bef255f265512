"""Training examples from an analyst's own files: ACLED CSV exports or the project's gold JSONL.

A CSV must carry ACLED's ``notes`` and ``sub_event_type`` columns (the header is read, so the
column order and any other columns do not matter; comma, semicolon and tab separated files are
all read). A JSONL file holds either gold articles (``{"id", "text", "events": [{"sub_event_type",
"evidence", ...}]}``: each event's evidence sentence is its example, or the article's text when it
codes a single event without evidence) or plain rows (``{"notes" | "text", "sub_event_type"}``).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import EventsiftError
from ..taxonomy import EVENT_TYPE_OF

TEXT_COLUMN = "notes"
LABEL_COLUMN = "sub_event_type"
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")

Progress = Callable[[int, int], None]  # (bytes read so far, total bytes)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str
    source: str = ""  # file:line, for messages


@dataclass
class ReadReport:
    """What reading the inputs found: examples kept and rows left out, with why."""

    examples: list[Example]
    files: list[dict]
    unknown_labels: dict[str, int]
    empty_rows: int
    duplicates: int
    conflicting: int

    @property
    def sha256(self) -> str:
        """One hash over every input's content: what the model was made from."""
        h = hashlib.sha256()
        for f in self.files:
            h.update(f["sha256"].encode())
        return h.hexdigest()


def read_examples(paths: Iterable[Path], progress: Optional[Progress] = None) -> ReadReport:
    """Every (text, sub-type) example in the files; exact duplicate texts are kept once."""
    paths = list(paths)
    for path in paths:
        if not path.exists():
            raise EventsiftError("E070", f"{path} does not exist",
                                 "give an ACLED export (.csv) or a gold file (.jsonl) you coded yourself")
        if path.is_dir():
            raise EventsiftError("E070", f"{path} is a directory", "give the training files themselves")
    total = sum(p.stat().st_size for p in paths)
    done = 0
    rows: list[Example] = []
    files: list[dict] = []
    unknown: dict[str, int] = {}
    empty = 0
    for path in paths:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise EventsiftError("E071", f"{path} is not UTF-8 text (byte {exc.start})",
                                 "save the export as UTF-8 CSV (ACLED's own downloads are)") from None
        suffix = path.suffix.lower()
        scale = len(raw) / max(len(text), 1)

        def tick(chars: int, before: int = done, scale: float = scale) -> None:
            if progress:
                progress(before + int(chars * scale), total)

        if suffix in JSON_SUFFIXES:
            found = _read_jsonl(path, text)
        elif suffix in CSV_SUFFIXES or suffix == "":
            found = _read_csv(path, text, tick)
        else:
            raise EventsiftError("E071", f"{path}: unknown kind of file ({path.suffix})",
                                 "give a .csv ACLED export or a .jsonl gold file")
        kept = 0
        for ex in found:
            label = ex.label.strip()
            if not ex.text.strip() or not label:
                empty += 1
                continue
            if label not in EVENT_TYPE_OF:
                unknown[label] = unknown.get(label, 0) + 1
                continue
            rows.append(Example(" ".join(ex.text.split()), label, ex.source))
            kept += 1
        files.append({"name": path.name, "sha256": hashlib.sha256(raw).hexdigest(), "examples": kept})
        done += len(raw)
        if progress:
            progress(done, total)
    examples, duplicates, conflicting = _dedupe(rows)
    if not examples:
        detail = f" ({sum(unknown.values())} rows have sub-types outside ACLED's taxonomy)" if unknown else ""
        raise EventsiftError("E073", f"no usable examples in {', '.join(str(p) for p in paths)}{detail}",
                             "each row needs a note text and one of ACLED's 25 sub-event types")
    return ReadReport(examples, files, unknown, empty, duplicates, conflicting)


def _dedupe(rows: list[Example]) -> tuple[list[Example], int, int]:
    """Keep each text once (its most frequent label); counts of duplicates and of conflicting labels."""
    labels: dict[str, dict[str, int]] = {}
    first: dict[str, Example] = {}
    for ex in rows:
        key = ex.text.lower()
        labels.setdefault(key, {}).setdefault(ex.label, 0)
        labels[key][ex.label] += 1
        first.setdefault(key, ex)
    out = []
    conflicting = 0
    for key, ex in first.items():
        counts = labels[key]
        if len(counts) > 1:
            conflicting += 1
        best = max(counts, key=lambda lab: (counts[lab], lab == ex.label))
        out.append(Example(ex.text, best, ex.source))
    return out, len(rows) - len(out), conflicting


PROGRESS_EVERY = 5000  # rows


def _read_csv(path: Path, text: str, tick: Callable[[int], None] = lambda chars: None) -> list[Example]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    read = [0]

    def lines():
        for line in io.StringIO(text, newline=""):
            read[0] += len(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise EventsiftError("E071", f"{path} is empty", "give an ACLED export with a header row") from None
    except csv.Error as exc:
        raise EventsiftError("E071", f"{path}: not a readable CSV ({exc})", "export the data again as CSV") from None
    names = [h.strip().strip('"').lower() for h in header]
    missing = [c for c in (TEXT_COLUMN, LABEL_COLUMN) if c not in names]
    if missing:
        shown = ", ".join(header[:8]) + (" ..." if len(header) > 8 else "")
        raise EventsiftError("E072", f"{path} has no {' or '.join(missing)} column (header: {shown})",
                             "export with ACLED's column names: the 'notes' text and its 'sub_event_type'")
    ti, li = names.index(TEXT_COLUMN), names.index(LABEL_COLUMN)
    out = []
    try:
        for number, row in enumerate(reader, 2):
            if number % PROGRESS_EVERY == 0:
                tick(read[0])
            if not row:
                continue
            if len(row) <= max(ti, li):
                out.append(Example("", "", f"{path.name}:{number}"))
                continue
            out.append(Example(row[ti], row[li], f"{path.name}:{number}"))
    except csv.Error as exc:
        raise EventsiftError("E071", f"{path}:{reader.line_num}: not a readable CSV ({exc})",
                             "fix that line or export the data again") from None
    return out


def _evidence_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("text") or "")
    if isinstance(value, list):
        return " ".join(_evidence_text(v) for v in value)
    return ""


def _read_jsonl(path: Path, text: str) -> list[Example]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EventsiftError("E071", f"{path}:{number}: invalid JSON ({exc.msg})", "fix or remove that line") from None
        if not isinstance(row, dict):
            raise EventsiftError("E071", f"{path}:{number}: expected a JSON object", "one article or row per line")
        where = f"{path.name}:{number}"
        if isinstance(row.get("events"), list):
            events = [e for e in row["events"] if isinstance(e, dict)]
            for event in events:
                sentence = _evidence_text(event.get("evidence"))
                if not sentence and len(events) == 1:
                    sentence = str(row.get("text") or "")
                if sentence:
                    out.append(Example(sentence, str(event.get("sub_event_type") or ""), where))
        elif LABEL_COLUMN in row:
            out.append(Example(str(row.get(TEXT_COLUMN) or row.get("text") or ""), str(row[LABEL_COLUMN] or ""), where))
        else:
            raise EventsiftError("E072", f"{path}:{number}: a row with neither 'events' nor 'sub_event_type'",
                                 'give gold articles {"text", "events": [...]} or rows {"notes", "sub_event_type"}')
    return out
