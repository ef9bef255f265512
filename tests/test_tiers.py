"""The two test tiers: marks follow the fixtures a test asks for, and the fast tier never loads the
spaCy model or the gazetteer (a test that reaches for either without its fixture is skipped there)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).resolve().parent / "conftest.py"
FAST = "not model and not gazetteer and not slow and not browser"

TESTS = '''
import pytest

def test_plain():
    assert 1 + 1 == 2

def test_asks_for_the_model(nlp):
    assert nlp is not None

def test_asks_for_the_gazetteer(gazetteer):
    assert gazetteer is not None

def test_loads_the_model_unasked():
    from eventsift import nlp as nlp_stage
    nlp_stage.load()

def test_loads_the_gazetteer_unasked():
    from eventsift.resolve.geo import gazetteer
    gazetteer.default()

@pytest.mark.slow
def test_marked_slow():
    pass
'''


@pytest.fixture
def suite(pytester):
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    slow\n    model\n    gazetteer\n")
    pytester.makepyfile(test_sample=TESTS)
    return pytester


def test_fast_tier_deselects_by_fixture_and_skips_unasked_loads(suite):
    result = suite.runpytest("-m", FAST, "-rs")
    result.assert_outcomes(passed=1, skipped=2, deselected=3)
    result.stdout.fnmatch_lines(["*loads the spaCy model*", "*loads the packaged gazetteer*"])


@pytest.mark.parametrize("expression,selected", [
    ("model", ["test_asks_for_the_model"]),
    ("gazetteer", ["test_asks_for_the_gazetteer"]),
])
def test_marks_come_from_the_fixtures(suite, expression, selected):
    result = suite.runpytest("-m", expression, "--collect-only", "-q")
    names = [line.split("::")[-1] for line in result.stdout.lines if "::" in line]
    assert names == selected
