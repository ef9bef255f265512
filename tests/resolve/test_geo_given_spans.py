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
