"""A name a town bears as its own comes before the same name as another town's other name (a former name, a
name in another language), unless the article is about the other town's country more."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "United Kingdom", 54.0, -2.0, "GB", 67_000_000, "A", "PCLI", "", ""),
    (2, "Zimbabwe", -19.0, 29.8, "ZW", 15_000_000, "A", "PCLI", "", ""),
    (3, "Syria", 35.0, 38.0, "SY", 17_000_000, "A", "PCLI", "", ""),
    (4, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (10, "Salisbury", 51.07, -1.79, "GB", 40_000, "P", "PPL", "England", ""),
    (11, "Harare", -17.83, 31.05, "ZW", 1_500_000, "P", "PPLC", "Harare", ""),
    (12, "Tadmur", 34.56, 38.28, "SY", 51_000, "P", "PPL", "Homs", ""),
    (13, "Palmyra", 43.06, -77.23, "US", 3_500, "P", "PPL", "New York", ""),
    (14, "Homs", 34.73, 36.71, "SY", 775_000, "P", "PPLA", "Homs", ""),
    (15, "Bulawayo", -20.15, 28.58, "ZW", 700_000, "P", "PPLA", "Bulawayo", ""),
]
ALTERNATES = {0: ["Britain"], 5: ["Salisbury"], 6: ["Palmyra"]}  # by position in ROWS
COUNTRIES = {"GB": ("United Kingdom", "GBR"), "ZW": ("Zimbabwe", "ZWE"), "SY": ("Syria", "SYR"),
             "US": ("United States", "USA")}


@pytest.mark.parametrize("text, name, expected", [
    ("The poisoning in Salisbury shocked Britain, and police in Salisbury sealed off the park.", "Salisbury",
     "Salisbury"),
    # the article is about the other town's country: its other name is meant
    ("Zimbabwe's rulers moved from Salisbury to Bulawayo, residents of Bulawayo recalled.", "Salisbury", "Harare"),
    ("Government forces retook Palmyra from Homs province fighters, Syria's army said.", "Palmyra", "Tadmur"),
])
def test_own_name_before_another_name(geo, text, name, expected):
    place = next(p for p in geo.geocode(text) if p.span.text == name)
    assert place.name == expected, place.reason
