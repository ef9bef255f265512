"""Every lexicon set is read by some module of the package (no set is orphaned), and every set a module
names in a lexicon call exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventsift import lexicon as lex

SRC = Path(__file__).resolve().parents[2] / "src" / "eventsift"
MODULES = sorted(p for p in SRC.rglob("*.py") if "lexicon" not in p.relative_to(SRC).parts[:1])
_CALL = re.compile(r"\b(?:lex|vocab)\.(?:words|entries|mapping|numbers|rows|alternation|source)\(([^)]*)\)")
_QUOTED = re.compile(r"[\"']([a-z0-9_]+)[\"']")


def _named_in_calls(text: str) -> set[str]:
    return {name for args in _CALL.findall(text) for name in _QUOTED.findall(args)}


SOURCES = {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in MODULES}
SOURCES.update({f"lexicon/{p.name}": p.read_text(encoding="utf-8") for p in (SRC / "lexicon").glob("*.py")})
QUOTED_ANYWHERE = {name for text in SOURCES.values() for name in _QUOTED.findall(text)}


@pytest.mark.parametrize("name", lex.names())
def test_set_is_read_by_a_module(name):
    assert name in QUOTED_ANYWHERE, f"set {name!r} of {lex.source(name)} is named by no module of the package"


@pytest.mark.parametrize("module", sorted(m for m, text in SOURCES.items()
                                          if _named_in_calls(text) and m != "lexicon/__init__.py"))
def test_module_names_only_sets_that_exist(module):
    missing = _named_in_calls(SOURCES[module]) - set(lex.names())
    assert not missing, f"{module} names sets no lexicon file defines: {sorted(missing)}"


def test_the_scan_sees_the_files():
    assert len(lex.names()) > 300 and "extract/rules.py" in SOURCES and "lexicon/numerals.py" in SOURCES
