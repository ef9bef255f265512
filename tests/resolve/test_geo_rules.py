"""Resolution rules on a small hand-written gazetteer: demonyms, abbreviations, macro-regions, lists
versus containment, seats versus their region, the fallback for unknown given spans."""
from __future__ import annotations

import pytest


# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Niger", 16.0, 8.0, "NE", 24_000_000, "A", "PCLI", "", ""),
    (2, "Nigeria", 10.0, 8.0, "NG", 200_000_000, "A", "PCLI", "", ""),
    (3, "Canada", 60.0, -113.6, "CA", 37_000_000, "A", "PCLI", "", ""),
    (4, "Mexico", 23.0, -102.0, "MX", 126_000_000, "A", "PCLI", "", ""),
    (5, "Somalia", 6.0, 48.0, "SO", 15_000_000, "A", "PCLI", "", ""),
    (6, "United States", 39.76, -98.5, "US", 327_000_000, "A", "PCLI", "", ""),
    (7, "France", 46.0, 2.0, "FR", 67_000_000, "A", "PCLI", "", ""),
    (8, "United Kingdom", 54.8, -2.7, "GB", 66_000_000, "A", "PCLI", "", ""),
    (9, "Afghanistan", 33.0, 66.0, "AF", 37_000_000, "A", "PCLI", "", ""),
    (None, "California", 37.2, -119.8, "US", 39_000_000, "A", "ADM1", "California", ""),
    (None, "New Jersey", 40.2, -74.5, "US", 9_000_000, "A", "ADM1", "New Jersey", ""),
    (None, "New York", 42.9, -75.5, "US", 30_000_000, "A", "ADM1", "New York", ""),
    (None, "England", 52.4, -1.5, "GB", 55_000_000, "A", "ADM1", "England", ""),
    (20, "New York City", 40.71, -74.0, "US", 8_800_000, "P", "PPL", "New York", ""),
    (21, "Paris", 48.85, 2.35, "FR", 2_100_000, "P", "PPLC", "Ile-de-France", ""),
    (22, "London", 51.5, -0.12, "GB", 8_900_000, "P", "PPLC", "England", ""),
    (23, "Maywood", 40.9, -74.06, "US", 9_600, "P", "PPL", "New Jersey", ""),
    (24, "Maywood", 33.98, -118.18, "US", 27_000, "P", "PPL", "California", ""),
    (25, "England", 34.54, -91.97, "US", 2_700, "P", "PPL", "Arkansas", ""),
    (26, "Middle East", 39.3, -76.6, "US", 1_800, "P", "PPL", "Maryland", ""),
    (27, "Kabul", 34.53, 69.17, "AF", 3_000_000, "P", "PPLC", "Kabul", ""),
    (None, "Kabul", 34.5, 69.2, "AF", 5_000_000, "A", "ADM1", "Kabul", ""),
    (28, "Gotha", 50.95, 10.7, "DE", 46_000, "P", "PPL", "Thuringia", ""),
    (None, "Middle East", 29.0, 41.0, "", 50_000_000, "L", "RGN", "", ""),
    (None, "Central America", 13.5, -86.0, "", 50_000_000, "L", "RGN", "", ""),
]
ALTERNATES = {5: ["US", "U.S.", "America"], 13: ["New York"], 7: ["UK", "Britain"]}
COUNTRIES = {"NE": ("Niger", "NER"), "NG": ("Nigeria", "NGA"), "CA": ("Canada", "CAN"), "MX": ("Mexico", "MEX"),
             "SO": ("Somalia", "SOM"), "US": ("United States", "USA"), "FR": ("France", "FRA"),
             "GB": ("United Kingdom", "GBR"), "AF": ("Afghanistan", "AFG")}


def _one(geo, text, phrase):
    start = text.index(phrase)
    [place] = geo.geocode(text, spans=[(start, start + len(phrase))])
    return place


@pytest.mark.parametrize("word, code", [
    ("Nigerian", "NG"),          # the longest country name the word extends, not Niger
    ("Nigerien", "NE"),          # the irregular table
    ("Chin", ""),                # too short a stem to stand for China
    ("Canadians", "CA"),         # plural; Canad-ian
    ("Mexican", "MX"),           # Mexic-an
    ("Somali", "SO"),            # the name less its last letter
    ("Mexico", ""),              # the country itself is no demonym
    ("Afrin", ""),               # a town, not a demonym of Africa
    ("Central American", "@Central America"),
    ("Middle Eastern", "@Middle East"),
])
def test_demonyms(geo, word, code):
    assert geo.finder.demonym(word) == code


@pytest.mark.parametrize("text, phrase, name, code", [
    ("A fire broke out in Maywood, N.J., on Friday.", "N.J.", "New Jersey", "ADM1"),
    ("A fire broke out in Maywood, NJ, on Friday.", "NJ", "New Jersey", "ADM1"),
    ("Growers in Fresno, Calif. said so.", "Calif.", "California", "ADM1"),
    ("A fire broke out in Maywood, N.J., on Friday.", "Maywood", "Maywood", "PPL"),   # the state contains it
    ("Oil prices rose across the Middle East.", "Middle East", "Middle East", "RGN"),  # not the Maryland hamlet
    ("Migrants from Central American countries.", "Central American", "Central America", "RGN"),
    ("Nigerian troops crossed.", "Nigerian", "Nigeria", "PCLI"),
])
def test_abbreviations_regions_and_demonyms_in_given_spans(geo, text, phrase, name, code):
    place = _one(geo, text, phrase)
    assert (place.name, place.feature_code) == (name, code)
    if code in ("ADM1", "RGN", "PCLI"):
        assert place.geo_precision == 3


@pytest.mark.parametrize("text, phrase, name, cc", [
    ("Flights from Paris, London and Rome were cancelled.", "Paris", "Paris", "FR"),   # a list, not containment
    ("Talks in London, Paris and New York.", "London", "London", "GB"),
    ("Rain in England, Canada and Mexico.", "England", "England", "GB"),              # the region beats a hamlet
    ("The mayor of New York said so.", "New York", "New York City", "US"),            # the seat before its region
    ("Police in Kabul said so.", "Kabul", "Kabul", "AF"),
])
def test_lists_regions_and_seats(geo, text, phrase, name, cc):
    place = _one(geo, text, phrase)
    assert (place.name, place.latitude is not None) == (name, True)
    assert place.country and COUNTRIES[cc][0] == place.country


def test_region_word_keeps_the_region(geo):
    place = _one(geo, "Floods hit New York state.", "New York")
    assert place.feature_code == "ADM1"


def test_a_loose_spelling_must_look_like_the_name(geo):
    # 'Ghouta' and 'Gotha' meet on the loose key but are spelt too differently
    place = _one(geo, "Shelling in Ghouta.", "Ghouta")
    assert place.name != "Gotha"


@pytest.mark.parametrize("text, phrase, expected", [
    ("Fans walked down Frenchmen Street before flying to Paris.", "Frenchmen Street", "Paris"),     # main place
    ("Students at Paris Institute of Politics protested.", "Paris Institute of Politics", "Paris"),  # part
    ("Crowds met on the lot near London.", "lot", "London"),                                        # common noun
])
def test_unknown_given_spans_get_a_reasonable_place(geo, text, phrase, expected):
    place = _one(geo, text, phrase)
    assert place.name == expected and place.latitude is not None
    assert place.span.text == phrase


def test_one_sense_per_article(geo):
    # the area named once ("Maywood, N.J.") places the other mentions of the same name
    text = "Fire crews in Maywood, N.J. said later that Maywood schools were closed."
    spans = [(text.index("Maywood"), text.index("Maywood") + 7), (text.index("N.J."), text.index("N.J.") + 4),
             (text.rindex("Maywood"), text.rindex("Maywood") + 7)]
    first, state, again = geo.geocode(text, spans=spans)
    assert (first.admin1, state.name, again.admin1) == ("New Jersey", "New Jersey", "New Jersey")


def test_a_list_of_peers_is_not_containment(geo):
    text = "Trade between Mexico, United States and Canada."
    [place] = geo.geocode(text, spans=[(text.index("Mexico"), text.index("Mexico") + 6)])
    assert place.feature_code == "PCLI" and place.country == "Mexico"
