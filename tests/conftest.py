"""Shared fixtures: the real spaCy model (loaded once), the packaged gazetteer and the shared evaluation data.

Two tiers. A test that asks for the ``nlp`` fixture is marked ``model``, one that asks for
``gazetteer`` is marked ``gazetteer`` (``slow`` marks the few that load either inside a child
process). ``make test-fast`` deselects all three; should a test it keeps still reach for the model
or the gazetteer without asking for its fixture, that test is skipped with the reason, so the fast
tier never pays for them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

#: fixture -> the marker of the tests that use it (directly or through another fixture)
FIXTURE_MARKS = {"nlp": "model", "gazetteer": "gazetteer"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, mark in FIXTURE_MARKS.items():
            if fixture in item.fixturenames:
                item.add_marker(mark)


def _fast_tier(config) -> bool:
    """True when the model's tests are deselected (``-m "not model ..."``): the fast tier."""
    return "not model" in (config.option.markexpr or "")


@pytest.fixture(scope="session", autouse=True)
def _no_model_in_the_fast_tier(request):
    if not _fast_tier(request.config):
        yield
        return
    from eventsift import nlp as nlp_stage
    from eventsift.resolve.geo import gazetteer as gaz

    def model(*args, **kwargs):
        pytest.skip("loads the spaCy model (ask for the nlp fixture); runs in make test")

    def gazetteer(*args, **kwargs):
        pytest.skip("loads the packaged gazetteer (ask for the gazetteer fixture); runs in make test")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nlp_stage, "_load", model)
        patch.setattr(gaz, "default", gazetteer)
        yield


@pytest.fixture(scope="session")
def nlp():
    from eventsift import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="session")
def gazetteer():
    """The packaged gazetteer (built into the cache on first use, then loaded from it)."""
    from eventsift.resolve.geo import gazetteer as gaz

    return gaz.default()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip where this checkout has none beside it."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return data
