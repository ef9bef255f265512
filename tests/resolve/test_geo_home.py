"""The outlet's home, when the input says it (its name, its URL), weighs the article's homonyms: a local paper's
London is its own London; a famous namesake wins only when nothing says otherwise."""
from __future__ import annotations

import pytest

from eventsift.resolve.geo import country_of_url

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "United Kingdom", 54.0, -2.0, "GB", 67_000_000, "A", "PCLI", "", ""),
    (2, "Canada", 60.0, -96.0, "CA", 38_000_000, "A", "PCLI", "", ""),
    (3, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (4, "Libya", 27.0, 17.0, "LY", 7_000_000, "A", "PCLI", "", ""),
    (10, "Ontario", 50.0, -86.0, "CA", 14_000_000, "A", "ADM1", "Ontario", ""),
    (20, "London", 51.51, -0.13, "GB", 8_900_000, "P", "PPLC", "England", ""),
    (21, "London", 42.98, -81.25, "CA", 380_000, "P", "PPL", "Ontario", ""),
    (22, "Victoria Park", 42.98, -81.25, "CA", 0, "P", "PPL", "Ontario", ""),
    (30, "Springfield", 37.2, -93.3, "US", 160_000, "P", "PPL", "Missouri", ""),
    (31, "Springfield", 39.8, -89.6, "US", 115_000, "P", "PPL", "Illinois", ""),
    (32, "Windsor", 42.3, -83.0, "CA", 220_000, "P", "PPL", "Ontario", ""),
    (33, "Windsor", 51.48, -0.61, "GB", 32_000, "P", "PPL", "England", ""),
]
ALTERNATES: dict = {}
COUNTRIES = {"GB": ("United Kingdom", "GBR"), "CA": ("Canada", "CAN"), "US": ("United States", "USA"),
             "LY": ("Libya", "LBY")}

TEXT = "Police in London said a man was arrested after the fire. The blaze started late on Friday."


@pytest.mark.parametrize("url, expected", [
    ("https://www.lfpress.ca/news/local", "CA"), ("https://www.bbc.co.uk/news/x", "GB"), ("bbc.co.uk/x", "GB"),
    ("https://libyaobserver.ly/news", "LY"), ("https://example.org/world", None), ("https://news.example.tv/", None),
    ("", None), (None, None),
])
def test_country_of_url(geo, url, expected):
    assert country_of_url(url, geo.gazetteer) == expected


@pytest.mark.parametrize("outlet, url, expected", [
    (None, None, "GB"),                                        # nothing said: the famous London
    ("The London Free Press", "https://www.lfpress.ca/x", "CA"),   # the URL's country
    ("Windsor Star", None, "CA"),                              # the outlet's own town, a large one
    ("Springfield News-Leader", None, "GB"),                   # a home that is not in Canada says nothing here
])
def test_home_decides_the_homonym(geo, outlet, url, expected):
    home = geo.home(outlet, url)
    place = next(p for p in geo.geocode(TEXT, home=home) if p.span.text == "London")
    assert place.iso3 == {"GB": "GBR", "CA": "CAN"}[expected], place.reason


def test_home_without_anything_is_none(geo):
    assert geo.home(None, None) is None
    assert geo.home("Meridian News Agency", "https://example.org/x") is None
