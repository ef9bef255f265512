"""Data flows one way (DESIGN.md): extract imports nothing from the stages after it (resolve, fuse,
store), and no module imports another module's private names (``from x import _name``)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventsift"
#: stages that come after extract in the flow
LATER_STAGES = ("eventsift.resolve", "eventsift.fuse", "eventsift.store")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str, str | None]]:
    """(line, imported module, imported name or None) for every import in ``source``, in functions
    too, relative imports resolved against ``module`` (a package's own name for an __init__)."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                # "from . import x" may import the module eventsift.pkg.x
                found.append((node.lineno, target, alias.name))
    return found


def private_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """``module:line imports target._name`` for each private name imported from another module."""
    out = []
    for line, target, name in imports(source, module, is_package):
        if target == "__future__":
            continue
        names = [name] if name is not None else target.split(".")
        if any(n.startswith("_") and not n.startswith("__") for n in names):
            out.append(f"{module}:{line} imports {target}{'.' + name if name else ''}")
    return out


def later_stage_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    out = []
    for line, target, name in imports(source, module, is_package):
        full = f"{target}.{name}" if name else target
        if any(full == stage or full.startswith(stage + ".") for stage in LATER_STAGES):
            out.append(f"{module}:{line} imports {full}")
    return out


def _sources(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        yield path, _module_name(path), path.name == "__init__.py"


@pytest.mark.parametrize(("source", "module", "is_package", "found"), [
    ("from eventsift.store.sqlite import _now\n", "eventsift.store.fusion", False, ["eventsift.store.sqlite._now"]),
    ("def f():\n    from .pipeline import _place_to_original\n", "eventsift.cli", False,
     ["eventsift.pipeline._place_to_original"]),
    ("from ..ingest.reader import Reader as _Reader, _walk\n", "eventsift.spark.job", False,
     ["eventsift.ingest.reader._walk"]),
    ("from . import _gaz\n", "eventsift.resolve.geo", True, ["eventsift.resolve.geo._gaz"]),
    ("from .sqlite import _now\n", "eventsift.store", True, ["eventsift.store.sqlite._now"]),
    ("import eventsift.ingest._private\n", "eventsift.cli", False, ["eventsift.ingest._private"]),
    ("from __future__ import annotations\nfrom . import gazetteer as _gaz\nfrom .x import __version__\n",
     "eventsift.resolve.geo", True, []),
])
def test_the_private_import_check_finds_them(source, module, is_package, found):
    assert [s.split(" imports ")[1] for s in private_imports(source, module, is_package)] == found


@pytest.mark.parametrize(("source", "module", "found"), [
    ("from ..fuse.family import family\n", "eventsift.extract.rules", ["eventsift.fuse.family.family"]),
    ("from .. import store\n", "eventsift.extract.rules", ["eventsift.store"]),
    ("def f():\n    import eventsift.resolve.time\n", "eventsift.extract.extractor", ["eventsift.resolve.time"]),
    ("from ..taxonomy import family\nfrom .rules import classify\nfrom eventsift.lexicon import words\n",
     "eventsift.extract.rules", []),
    ("from ..resolver import x\n", "eventsift.extract.rules", []),  # a name that only begins alike
])
def test_the_later_stage_check_finds_them(source, module, found):
    assert [s.split(" imports ")[1] for s in later_stage_imports(source, module)] == found


def test_no_module_imports_a_private_name_of_another():
    found = [hit for path, module, pkg in _sources(PACKAGE)
             for hit in private_imports(path.read_text(encoding="utf-8"), module, pkg)]
    assert found == [], "private names imported across modules (make them public or keep them home):\n" + \
        "\n".join(found)


@pytest.mark.parametrize("path", sorted((PACKAGE / "extract").rglob("*.py")), ids=lambda p: p.name)
def test_extract_imports_nothing_from_later_stages(path):
    module = _module_name(path)
    assert later_stage_imports(path.read_text(encoding="utf-8"), module, path.name == "__init__.py") == []
