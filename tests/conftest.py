"""Shared fixtures: the real spaCy model (loaded once) and the shared evaluation data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def nlp():
    from eventsift import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a clean skip where this checkout has none beside it."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return data
