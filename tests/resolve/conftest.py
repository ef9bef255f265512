"""A geocoder over the small hand-written gazetteer of the test module that asks for it."""
from __future__ import annotations

import pytest

from eventsift.resolve.geo import Geocoder
from eventsift.resolve.geo.gazetteer import Entry, Gazetteer


@pytest.fixture(scope="module")
def geo(request) -> Geocoder:
    """Built from the module's ``ROWS``, ``ALTERNATES`` and ``COUNTRIES`` (no package data)."""
    module = request.module
    rows = [Entry(*row) for row in module.ROWS]
    return Geocoder(Gazetteer.from_entries(rows, module.ALTERNATES, module.COUNTRIES))
