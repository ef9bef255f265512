"""The second look: a homonym is decided by the article's other names, each counting by how likely its own
senses are: a town close by or a state around it speaks for the candidate; a region never displaces its
own seat this way; a county of the same name in another state contains nothing here."""
from __future__ import annotations

import pytest

from eventsift.resolve.geo import Geocoder
from eventsift.resolve.geo.gazetteer import Entry, Gazetteer
from eventsift.resolve.geo.resolver import Resolver

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (2, "Canada", 60.0, -96.0, "CA", 38_000_000, "A", "PCLI", "", ""),
    (3, "United Kingdom", 54.0, -2.0, "GB", 67_000_000, "A", "PCLI", "", ""),
    (10, "Louisiana", 31.0, -92.0, "US", 4_600_000, "A", "ADM1", "Louisiana", ""),
    (11, "Wisconsin", 44.5, -89.5, "US", 5_800_000, "A", "ADM1", "Wisconsin", ""),
    (12, "Vermont", 44.0, -72.7, "US", 640_000, "A", "ADM1", "Vermont", ""),
    (13, "Texas", 31.0, -99.0, "US", 29_000_000, "A", "ADM1", "Texas", ""),
    (20, "Franklin", 42.89, -88.04, "US", 36_000, "P", "PPL", "Wisconsin", "Milwaukee County"),
    (21, "Franklin", 29.80, -91.50, "US", 7_000, "P", "PPL", "Louisiana", "St. Mary Parish"),
    (22, "Morgan City", 29.70, -91.21, "US", 11_000, "P", "PPL", "Louisiana", "St. Mary Parish"),
    (30, "Edmonton", 53.55, -113.47, "CA", 1_010_000, "P", "PPL", "Alberta", ""),
    (31, "Edmonton", 51.63, -0.06, "GB", 82_000, "P", "PPL", "England", "Enfield"),
    (32, "Enfield Town", 51.65, -0.08, "GB", 156_000, "P", "PPL", "England", "Enfield"),
    (33, "Enfield", 41.98, -72.59, "US", 45_000, "P", "PPL", "Connecticut", "Hartford County"),
    (34, "London", 51.51, -0.13, "GB", 8_900_000, "P", "PPLC", "England", ""),
    (35, "London", 42.98, -81.25, "CA", 380_000, "P", "PPL", "Ontario", ""),
    (40, "New York", 43.0, -75.5, "US", 19_500_000, "A", "ADM1", "New York", ""),
    (41, "New York City", 40.71, -74.01, "US", 8_800_000, "P", "PPL", "New York", ""),
    (42, "Albany", 42.65, -73.75, "US", 98_000, "P", "PPLA", "New York", "Albany County"),
    (50, "Paris", 48.85, 2.35, "FR", 2_100_000, "P", "PPLC", "Ile-de-France", ""),
    (51, "Paris", 33.66, -95.56, "US", 25_000, "P", "PPL", "Texas", "Lamar County"),
    (52, "France", 46.0, 2.0, "FR", 67_000_000, "A", "PCLI", "", ""),
    (60, "Adair County", 37.10, -85.28, "US", 19_000, "A", "ADM2", "Kentucky", "Adair County"),
    (61, "Adair County", 40.19, -92.60, "US", 25_000, "A", "ADM2", "Missouri", "Adair County"),
    (62, "Columbia", 37.10, -85.31, "US", 4_500, "P", "PPL", "Kentucky", "Adair County"),
    (63, "Edmonton", 36.98, -85.61, "US", 1_600, "P", "PPL", "Kentucky", "Metcalfe County"),
    (64, "Marshall", 35.95, -97.59, "US", 1_500, "P", "PPL", "Oklahoma", "Logan County"),
]
ALTERNATES = {12: ["Enfield"], 17: ["New York"]}   # by position: Enfield Town, New York City
COUNTRIES = {"US": ("United States", "USA"), "CA": ("Canada", "CAN"), "GB": ("United Kingdom", "GBR"),
             "FR": ("France", "FRA")}


def _pick(geo, text: str, name: str):
    got = [p for p in geo.geocode(text) if p.span.text == name]
    assert got, [p.span.text for p in geo.geocode(text)]
    return got[0]


@pytest.mark.parametrize("text, name, admin1", [
    # alone, the bigger homonym
    ("The parade went through Franklin on Sunday.", "Franklin", "Wisconsin"),
    # a state named in the article holds the smaller one
    ("The parade went through Franklin on Sunday, the first in Louisiana since the storm.", "Franklin", "Louisiana"),
    # a town close by does too
    ("The parade went from Morgan City through Franklin on Sunday.", "Franklin", "Louisiana"),
    ("Pupils from a school in Edmonton planted a garden near the library in Enfield, north London.", "Edmonton",
     "England"),
    ("Flights to Edmonton were cancelled by the snow.", "Edmonton", "Alberta"),
    # the state does not take its seat's name away
    ("Traffic in New York was slow; in Albany the snow was worse.", "New York", "New York"),
    ("A fair opened in Paris, Texas on Friday.", "Paris", "Texas"),
    ("A fair opened in Paris on Friday, the largest in France.", "Paris", "Ile-de-France"),
])
def test_the_article_decides_a_homonym(geo, text, name, admin1):
    p = _pick(geo, text, name)
    assert p.admin1 == admin1, p.reason


def test_one_small_towns_vote_is_not_the_articles_focus():
    # given spans (the finder would not take a bare name): "Marshall" is a US town only here, and Edmonton casts
    # no vote of its own (its census division outnumbers the city); Marshall's half vote alone does not make the
    # US the focus that puts Edmonton in a Kentucky village
    division = (65, "Edmonton", 53.55, -113.5, "CA", 1_800_000, "A", "ADM2", "Alberta", "Edmonton")
    geo = Geocoder(Gazetteer.from_entries([Entry(*row) for row in (*ROWS, division)], ALTERNATES, COUNTRIES))
    text = "The choir of Marshall school sang in Edmonton on Sunday."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Marshall", "Edmonton")]
    p = next(p for p in geo.geocode(text, spans=spans) if p is not None and p.span.text == "Edmonton")
    assert (p.admin1, p.feature_class) == ("Alberta", "P"), p.reason


def test_the_state_keeps_its_seat_on_the_second_look(geo):
    p = _pick(geo, "Traffic in New York was slow; in Albany the snow was worse.", "New York")
    assert p.feature_code == "PPL", p.reason


def test_the_second_look_says_what_it_overturned(geo):
    p = _pick(geo, "Pupils from a school in Edmonton planted a garden near the library in Enfield, north London.",
              "Edmonton")
    assert "second look" in p.reason and "first look Edmonton, Alberta" in p.reason
    assert p.runner_up and "Alberta" in p.runner_up


@pytest.mark.parametrize("outer, inner, expected", [
    (60, 62, True),    # Columbia lies in Kentucky's Adair County
    (61, 62, False),   # not in Missouri's county of the same name
    (10, 21, True),
    (11, 21, False),
])
def test_a_county_contains_only_its_own_states_places(outer, inner, expected):
    by_id = {row[0]: Entry(*row) for row in ROWS}
    assert Resolver._contains(by_id[outer], by_id[inner]) is expected
