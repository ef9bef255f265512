"""Given spans (a corpus's own toponyms): a lower-case span is a common noun, a known name inside a longer one is
looked for whole ("New Orleans" in a company's name), an area found inside a name must be of a country the
article names, the article's main place is one of its given names that has others around it, and a bare
capitalised word outside the spans (a person's name) does not speak for the article."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (2, "Canada", 60.0, -96.0, "CA", 38_000_000, "A", "PCLI", "", ""),
    (3, "Barbados", 13.2, -59.5, "BB", 290_000, "A", "PCLI", "", ""),
    (10, "New Orleans", 29.95, -90.07, "US", 390_000, "P", "PPL", "Louisiana", "Orleans Parish"),
    (11, "Orleans", 38.66, -86.45, "US", 2_100, "P", "PPL", "Indiana", "Orange County"),
    (12, "Aley", 33.8, 35.6, "LB", 130_000, "P", "PPL", "Mont-Liban", ""),
    (13, "Chicago", 41.85, -87.65, "US", 2_700_000, "P", "PPL", "Illinois", "Cook County"),
    (14, "Park Ridge", 42.01, -87.84, "US", 37_000, "P", "PPL", "Illinois", "Cook County"),
    (15, "Toronto", 43.7, -79.4, "CA", 2_800_000, "P", "PPL", "Ontario", ""),
    (None, "Saint Michael", 13.1, -59.6, "BB", 90_000, "A", "ADM1", "Saint Michael", ""),
    (16, "Kelly", 35.6, -78.6, "US", 400_000, "P", "PPL", "North Carolina", "Wake County"),
    (17, "Mexico City", 19.4, -99.1, "MX", 9_000_000, "P", "PPLC", "Mexico City", ""),
    (18, "Loyola", 39.2, -94.9, "US", 150_000, "P", "PPL", "Kansas", ""),
    (19, "Los Angeles", 34.05, -118.24, "US", 3_900_000, "P", "PPL", "California", "Los Angeles County"),
    (20, "Hampton", 37.03, -76.35, "US", 135_000, "P", "PPL", "Virginia", ""),
    (21, "Springfield", 39.8, -89.64, "US", 115_000, "P", "PPL", "Illinois", ""),
    (None, "California", 37.0, -120.0, "US", 39_000_000, "A", "ADM1", "California", ""),
    (22, "Weir", 37.3, -94.8, "US", 6_000, "P", "PPL", "Kansas", ""),
]
ALTERNATES = {5: ["alley"]}
COUNTRIES = {"US": ("United States", "USA"), "CA": ("Canada", "CAN"), "BB": ("Barbados", "BRB"),
             "LB": ("Lebanon", "LBN"), "MX": ("Mexico", "MEX")}


def _spans(text, *phrases):
    return [(text.index(p), text.index(p) + len(p)) for p in phrases]


@pytest.mark.parametrize("text, phrases, phrase, expected", [
    # 'alley' is a common noun (not Aley): it takes the article's main place
    ("A man was stabbed in an alley in Chicago near Park Ridge.", ("alley", "Chicago", "Park Ridge"), "alley", "Chicago"),
    # the whole known name inside a longer one, though it opens with a generic word ("New")
    ("The New Orleans Railways Company built it.", ("New Orleans Railways Company",), "New Orleans Railways Company",
     "New Orleans"),
    # a parish named like a saint inside a hospital's name, with nothing of Barbados in the article: the main place
    ("He was taken to St. Michael Hospital in Toronto.", ("St. Michael Hospital", "Toronto"), "St. Michael Hospital",
     "Toronto"),
    # the main place has the article's other places around it; a big place on its own does not outweigh them
    ("Mexico City sent aid. A stabbing on the Chicago lakefront, by Park Ridge, and a Memorial Hospital.",
     ("Mexico City", "Chicago", "Park Ridge", "Memorial Hospital"), "Memorial Hospital", "Chicago"),
    # 'Kelly' (a person) outside the spans is not the article's place
    ("Kelly and Kelly spoke at the Oval Office. Chicago police said so.", ("Oval Office", "Chicago"),
     "Oval Office", "Chicago"),
])
def test_given_spans(geo, text, phrases, phrase, expected):
    places = geo.geocode(text, spans=_spans(text, *phrases))
    place = places[phrases.index(phrase)]
    assert place.name == expected and place.latitude is not None
    assert place.span.text == phrase


@pytest.mark.parametrize("text, phrases, phrase, expected", [
    # a building named with a town's word, in the place named right after it: that place, not the far namesake
    ("A researcher at Loyola University in Los Angeles reviewed the ballots.", ("Loyola University", "Los Angeles"),
     "Loyola University", "Los Angeles"),
    ("The suspects were caught on Hampton Avenue in Springfield on Monday.", ("Hampton Avenue", "Springfield"),
     "Hampton Avenue", "Springfield"),
    # a street joined to its town by a comma
    ("The shop on Hampton Avenue, Springfield, was robbed.", ("Hampton Avenue", "Springfield"), "Hampton Avenue",
     "Springfield"),
    # a name the gazetteer lacks altogether, in the place named after it rather than the article's main place
    ("Chicago police said so. A benefit at Seasons restaurant in Springfield. Park Ridge and Chicago gave.",
     ("Chicago", "Seasons restaurant", "Springfield", "Park Ridge"), "Seasons restaurant", "Springfield"),
    # a province says too little of where a building stands: its own word decides, as before
    ("Voters met at Hampton Hall in California.", ("Hampton Hall", "California"), "Hampton Hall", "Hampton"),
    # the building's noun left out of the span ("Hampton Rd.") still joins it to its place
    ("A shooting on Hampton Flat Rd. in Springfield left one hurt.", ("Hampton Flat", "Springfield"), "Hampton Flat",
     "Springfield"),
    # a street after a building places nothing: "in Hampton Road" is not in Hampton
    ("Pupils from Loyola School in Hampton Road, Springfield, planted trees.",
     ("Loyola School", "Hampton Road", "Springfield"), "Loyola School", "Loyola"),
    # a demonym stays its country ("the Canadian Embassy in Springfield")
    ("Guards at the Canadian Embassy in Springfield were doubled.", ("Canadian", "Springfield"), "Canadian", "Canada"),
    # a whole known name keeps its own place, whatever follows it
    ("He lives in Park Ridge in Chicago.", ("Park Ridge", "Chicago"), "Park Ridge", "Park Ridge"),
])
def test_building_in_place(geo, text, phrases, phrase, expected):
    place = geo.geocode(text, spans=_spans(text, *phrases))[phrases.index(phrase)]
    assert place.name == expected and place.latitude is not None
    assert place.span.text == phrase



@pytest.mark.parametrize("text, word, expected", [
    # found end to end: a town's name at the head of a building's name placed in another of the article's places
    ("A researcher at Loyola University in Los Angeles reviewed the ballots.", "Loyola", "Los Angeles"),
    ("She is now studying at the Hampton School of Music in Springfield.", "Hampton", "Springfield"),
    ("The dogs were taken from Hampton's Farm, Springfield, on Monday.", "Hampton", "Springfield"),
    # a province after the building says too little: the town keeps its own place
    ("He taught at Hampton University in California for years.", "Hampton", "Hampton"),
    # no building's noun: a place in another ("Park Ridge in Chicago") is itself
    ("Protesters marched from Loyola to Los Angeles on Monday.", "Loyola", "Loyola"),
    # a street named after a small town far from the article's places, and no place after it: the article's place
    ("Springfield police said the crash happened at the Weir Road exit. Springfield firefighters came.", "Weir",
     "Springfield"),
    # ... but a town near the article's places, or a big one, is where the street is
    ("Chicago police said the crash happened on Park Ridge Road on Monday.", "Park Ridge", "Park Ridge"),
    ("Springfield police said the crash happened on Loyola Road on Monday.", "Loyola", "Loyola"),
])
def test_building_in_place_end_to_end(geo, text, word, expected):
    place = next(p for p in geo.geocode(text) if p.span.text == word)
    assert place.name == expected and place.latitude is not None
