"""docs/architecture.md's table of what each stage may import holds for the code (imports inside
functions included)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "eventsift"
DOC = ROOT / "docs" / "architecture.md"
#: modules every stage may use: records, vocabulary, settings, errors, budgets, the package's version
SHARED = {"models", "taxonomy", "lexicon", "config", "errors", "guard", "__init__", "__version__"}


def allowed() -> dict[str, set[str] | None]:
    """stage -> the stages it may import (None: any), from the doc's table."""
    section = DOC.read_text(encoding="utf-8").split("## What each stage may import", 1)[1]
    table = {}
    for stage, may in re.findall(r"^\| (\w+) \| ([\w, -]+?) \|", section, re.M):
        if stage != "stage":
            table[stage] = None if may == "any" else {m.strip() for m in may.split(",") if m.strip() != "-"}
    return table


def _stage(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported_stages(stage: str) -> dict[str, set[str]]:
    """The other top-level modules of eventsift that ``stage``'s modules import -> where."""
    paths = [SRC / f"{stage}.py"] if (SRC / f"{stage}.py").exists() else sorted((SRC / stage).rglob("*.py"))
    found: dict[str, set[str]] = {}
    for path in paths:
        parts = ("eventsift",) + path.relative_to(SRC).with_suffix("").parts
        package = parts if parts[-1] == "__init__" else parts[:-1]
        package = package[:-1] if package[-1] == "__init__" else package
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = list(package[: len(package) - node.level + 1])
                names = [".".join(base + [node.module])] if node.module else [".".join(base + [a.name]) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                bits = name.split(".")
                if bits[0] == "eventsift" and len(bits) > 1 and bits[1] != stage:
                    found.setdefault(bits[1], set()).add(str(path.relative_to(SRC)))
    return found


def test_the_table_names_the_stages():
    table = allowed()
    assert {"ingest", "extract", "resolve", "fuse", "store", "pipeline", "cli"} <= set(table)
    assert all((SRC / s).is_dir() or (SRC / f"{s}.py").exists() for s in table)


@pytest.mark.parametrize("stage", sorted(allowed()))
def test_stage_imports_only_what_the_table_allows(stage):
    may = allowed()[stage]
    if may is None:
        return
    wrong = {other: where for other, where in imported_stages(stage).items() if other not in SHARED | may}
    assert not wrong, f"{stage} imports {sorted(wrong)} ({wrong}); docs/architecture.md allows {sorted(may) or 'none'}"


def test_the_reader_sees_relative_and_lazy_imports():
    assert "extract" in imported_stages("pipeline") and "clean" in imported_stages("ingest")
