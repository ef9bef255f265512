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


def test_listed_seat_wins_over_the_biggest_town(monkeypatch):
    """Where the capital is not the region's biggest town, the seats table names it; a seat that the
    gazetteer lacks leaves the rule's choice, and a capital forming its own region is found in the country."""
    from eventsift.resolve.geo import seats
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    rows = [
        Entry(1, "Benin", 9.5, 2.25, "BJ", 12_000_000, "A", "PCLI", "", ""),
        Entry(None, "Alibori", 11.3, 2.9, "BJ", 900_000, "A", "ADM1", "Alibori", ""),
        Entry(None, "Atakora", 10.6, 1.5, "BJ", 800_000, "A", "ADM1", "Atakora", ""),
        Entry(None, "Kyiv Oblast", 50.3, 30.5, "UA", 1_800_000, "A", "ADM1", "Kyiv Oblast", ""),
        Entry(None, "Kyiv City", 50.45, 30.52, "UA", 2_900_000, "A", "ADM1", "Kyiv City", ""),
        Entry(10, "Malanville", 11.87, 3.38, "BJ", 100_000, "P", "PPL", "Alibori", ""),
        Entry(11, "Kandi", 11.13, 2.94, "BJ", 60_000, "P", "PPL", "Alibori", ""),
        Entry(12, "Kerou", 10.83, 2.11, "BJ", 40_000, "P", "PPL", "Atakora", ""),
        Entry(13, "Bila Tserkva", 49.8, 30.1, "UA", 200_000, "P", "PPL", "Kyiv Oblast", ""),
        Entry(14, "Kyiv", 50.45, 30.52, "UA", 2_900_000, "P", "PPLC", "Kyiv City", ""),
    ]
    monkeypatch.setattr(seats, "ADMIN1_SEATS", {"BJ": {"Alibori": "Kandi", "Atakora": "Natitingou"},
                                                 "UA": {"Kyiv Oblast": "Kyiv"}})
    gaz = Gazetteer.from_entries(rows, {}, {"BJ": ("Benin", "BEN"), "UA": ("Ukraine", "UKR")})
    assert gaz.seat(gaz.region("BJ", "Alibori", "ADM1")).name == "Kandi"
    assert gaz.seat(gaz.region("BJ", "Atakora", "ADM1")).name == "Kerou"      # Natitingou unknown: the rule
    assert gaz.seat(gaz.region("UA", "Kyiv Oblast", "ADM1")).name == "Kyiv"


def test_a_national_event_is_at_the_seat_of_government(monkeypatch):
    """A march known only to its country is coded where its government sits: the capital, or the town
    seats.GOVERNMENT_SEATS names for a country governed from another town (Cotonou, not Porto-Novo)."""
    from eventsift.resolve.geo import Geocoder, seats
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    rows = [
        Entry(1, "Benin", 9.5, 2.25, "BJ", 12_000_000, "A", "PCLI", "", ""),
        Entry(2, "Afghanistan", 33.0, 66.0, "AF", 38_000_000, "A", "PCLI", "", ""),
        Entry(10, "Porto-Novo", 6.50, 2.60, "BJ", 260_000, "P", "PPLC", "Oueme", ""),
        Entry(11, "Cotonou", 6.37, 2.42, "BJ", 680_000, "P", "PPL", "Littoral", ""),
        Entry(12, "Kabul", 34.53, 69.17, "AF", 3_000_000, "P", "PPLC", "Kabul", ""),
    ]
    monkeypatch.setattr(seats, "GOVERNMENT_SEATS", {"BJ": "Cotonou"})
    geo = Geocoder(Gazetteer.from_entries(rows, {}, {"BJ": ("Benin", "BEN"), "AF": ("Afghanistan", "AFG")}))
    text = "Thousands of teachers marched across Benin on Monday to demand their unpaid bonuses."
    place = geo.event_place(text, geo.geocode(text), Span(0, len(text), text), national=True)
    assert (place.name, place.geo_precision, place.admin1) == ("Cotonou", 3, "Littoral"), place.reason
    # not a demonstration or a development: the country keeps its own point
    assert geo.event_place(text, geo.geocode(text), Span(0, len(text), text)).name == "Benin"
    assert geo.country_place("AFG", "the run's country", national=True).name == "Kabul"
    assert geo.country_place("AFG", "the run's country").name == "Afghanistan"
    assert geo.country_place("XYZ", "unknown") is None
