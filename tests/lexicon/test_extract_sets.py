"""The lexicon sets that extraction's rules, context and actor modules (and place finding, for parser labels)
read: every set in their files is named by a module that uses it (no set is orphaned), and every set those
modules name exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventsift import lexicon as lex

SRC = Path(__file__).resolve().parents[2] / "src" / "eventsift"

# lexicon file -> the modules that read its sets
USERS = {
    "triggers.tsv": ("extract/rules.py",),
    "senses.tsv": ("extract/rules.py", "extract/context.py"),
    "weapons.tsv": ("extract/rules.py",),
    "roles.tsv": ("extract/rules.py",),
    "modality.tsv": ("extract/context.py", "extract/actors.py"),
    "actors.tsv": ("extract/actors.py",),
    "syntax.tsv": ("extract/rules.py", "extract/context.py", "extract/actors.py", "extract/sentence.py",
                   "extract/extractor.py", "resolve/geo/cues.py", "resolve/geo/finder.py"),
}
_CALL = re.compile(r"\.(?:words|entries|mapping|numbers|rows|alternation)\(([^)]*)\)")


def _source(module: str) -> str:
    return (SRC / module).read_text(encoding="utf-8")


def _named_in(module: str) -> set[str]:
    return {name for args in _CALL.findall(_source(module)) for name in re.findall(r'"([a-z0-9_]+)"', args)}


SETS = [(name, lex.source(name)) for name in lex.names() if lex.source(name) in USERS]


def test_the_files_hold_sets():
    assert {file for _, file in SETS} == set(USERS)


@pytest.mark.parametrize(("name", "file"), SETS, ids=[name for name, _ in SETS])
def test_set_is_used_by_its_module(name, file):
    users = USERS[file]
    assert any(name in _named_in(module) for module in users), f"set {name!r} of {file} is named in none of {users}"


@pytest.mark.parametrize("module", sorted({m for ms in USERS.values() for m in ms}))
def test_module_names_only_sets_that_exist(module):
    missing = _named_in(module) - set(lex.names())
    assert not missing, f"{module} names sets no lexicon file defines: {sorted(missing)}"
    assert _named_in(module), f"{module} reads no lexicon set"
