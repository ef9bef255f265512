"""An event known only to a province is coded at the province's seat (as ACLED's coders do), while
geocoding itself keeps the province's own point."""
from __future__ import annotations

import pytest

from eventsift.models import Span

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Afghanistan", 33.0, 66.0, "AF", 38_000_000, "A", "PCLI", "", ""),
    (2, "Herat", 34.5, 62.8, "AF", 1_900_000, "A", "ADM1", "Herat", ""),
    (3, "Nangarhar", 34.2, 70.6, "AF", 1_500_000, "A", "ADM1", "Nangarhar", ""),
    (4, "Nuristan", 35.3, 70.9, "AF", 150_000, "A", "ADM1", "Nuristan", ""),
    (20, "Herat", 34.35, 62.20, "AF", 430_000, "P", "PPLA", "Herat", ""),
    (21, "Jalalabad", 34.43, 70.45, "AF", 200_000, "P", "PPLA", "Nangarhar", ""),
    (22, "Shindand", 33.30, 62.14, "AF", 20_000, "P", "PPL", "Herat", ""),
]
ALTERNATES: dict = {}
COUNTRIES = {"AF": ("Afghanistan", "AFG")}


@pytest.mark.parametrize("text, name, lat", [
    ("Taliban militants attacked a checkpoint in Gulran district, Herat province.", "Herat", 34.35),
    ("A roadside bomb killed two soldiers in Nangarhar province on Monday.", "Jalalabad", 34.43),
    # the named town stays the event's place
    ("Taliban militants attacked a checkpoint in Shindand, Herat province.", "Shindand", 33.30),
    # a province with no settlement in the gazetteer keeps its own point
    ("Fighting was reported in Nuristan province on Monday.", "Nuristan", 35.3),
])
def test_event_known_only_to_a_province_is_at_its_seat(geo, text, name, lat):
    places = geo.geocode(text)
    place = geo.event_place(text, places, Span(0, len(text), text))
    assert place is not None and (place.name, place.latitude) == (name, lat), place and place.reason
    if name != "Shindand":
        assert place.geo_precision == 3 and place.admin1 in ("Herat", "Nangarhar", "Nuristan")


def test_geocoding_keeps_the_province_point(geo):
    text = "A roadside bomb killed two soldiers in Nangarhar province on Monday."
    (place,) = [p for p in geo.geocode(text) if p.name == "Nangarhar"]
    assert (place.latitude, place.feature_code) == (34.2, "ADM1")
