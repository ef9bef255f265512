"""Homonyms: an article clearly about one country keeps that country's sizeable place of a name over a
bigger namesake (even a capital) abroad; with no such focus, the bigger place wins."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Canada", 60.0, -96.0, "CA", 38_000_000, "A", "PCLI", "", ""),
    (2, "United Kingdom", 54.0, -2.0, "GB", 67_000_000, "A", "PCLI", "", ""),
    (3, "Ontario", 50.0, -85.0, "CA", 14_000_000, "A", "ADM1", "08", ""),
    (4, "Alberta", 55.0, -115.0, "CA", 4_400_000, "A", "ADM1", "01", ""),
    (10, "London", 51.51, -0.13, "GB", 8_900_000, "P", "PPLC", "ENG", ""),
    (11, "London", 42.98, -81.25, "CA", 380_000, "P", "PPL", "08", ""),
    (12, "Toronto", 43.70, -79.42, "CA", 2_700_000, "P", "PPLA", "08", ""),
    (13, "Ottawa", 45.41, -75.70, "CA", 1_000_000, "P", "PPLC", "08", ""),
    (14, "Calgary", 51.05, -114.07, "CA", 1_200_000, "P", "PPL", "01", ""),
    (15, "Manchester", 53.48, -2.24, "GB", 550_000, "P", "PPL", "ENG", ""),
]
ALTERNATES: dict = {}
COUNTRIES = {"CA": ("Canada", "CAN"), "GB": ("United Kingdom", "GBR")}


@pytest.mark.parametrize("text, country", [
    ("Police in Toronto and Ottawa said the suspect was arrested in London on Friday, Canada's police said.", "Canada"),
    ("Canada's premier visited Calgary, then Toronto, and spoke in London about Ontario's budget.", "Canada"),
    ("The minister flew from Manchester to London for talks with the United Kingdom's cabinet.", "United Kingdom"),
    ("Markets rallied in London on Friday.", "United Kingdom"),
])
def test_article_focus_outweighs_a_capitals_size(geo, text, country):
    places = [p for p in geo.geocode(text) if p.name == "London"]
    assert places and places[0].country == country, places and places[0].reason
