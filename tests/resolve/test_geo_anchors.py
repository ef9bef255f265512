"""The places an article names unambiguously make their neighbours likelier: a town near them, a town inside a
region they name. A country's point is no such neighbour: a village that happens to lie near the middle of the
country the article names is not thereby likelier than the country's well-known town of that name."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (10, "West Virginia", 38.6, -80.6, "US", 1_800_000, "A", "ADM1", "West Virginia", ""),
    (11, "South Carolina", 33.9, -80.9, "US", 5_100_000, "A", "ADM1", "South Carolina", ""),
    (20, "Cambridge", 40.28, -100.17, "US", 1_000, "P", "PPL", "Nebraska", ""),
    (21, "Cambridge", 42.37, -71.11, "US", 118_000, "P", "PPL", "Massachusetts", ""),
    (30, "Charleston", 32.78, -79.93, "US", 150_000, "P", "PPL", "South Carolina", ""),
    (31, "Charleston", 38.35, -81.63, "US", 46_000, "P", "PPL", "West Virginia", ""),
]
ALTERNATES = {0: ["U.S.", "US"]}
COUNTRIES = {"US": ("United States", "USA")}


@pytest.mark.parametrize("text, name, expected", [
    # the country's middle lies in Nebraska: that does not make Nebraska's village the one meant
    ("Researchers in Cambridge said the data of U.S. users was taken.", "Cambridge", "Massachusetts"),
    # a state the article names holds the town of that name
    ("Flooding hit Charleston on Monday. The governor of West Virginia declared an emergency.", "Charleston",
     "West Virginia"),
    ("Flooding hit Charleston on Monday. The governor of South Carolina declared an emergency.", "Charleston",
     "South Carolina"),
])
def test_neighbours_of_the_article(geo, text, name, expected):
    place = next(p for p in geo.geocode(text) if p.span.text == name)
    assert place.admin1 == expected, place.reason


COUNTY_ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (40, "Suffolk County", 40.9, -72.7, "US", 1_500_000, "A", "ADM2", "New York", "Suffolk County"),
    (41, "Suffolk", 36.73, -76.58, "US", 88_000, "P", "PPL", "Virginia", "City of Suffolk"),
    (42, "Washington County", 40.19, -80.25, "US", 210_000, "A", "ADM2", "Pennsylvania", "Washington County"),
    (43, "Washington", 38.9, -77.04, "US", 690_000, "P", "PPLC", "District of Columbia", ""),
]


@pytest.fixture(scope="module")
def county_geo():
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    return Geocoder(Gazetteer.from_entries([Entry(*r) for r in COUNTY_ROWS], {}, {"US": ("United States", "USA")}))


@pytest.mark.parametrize("text, name, expected", [
    ("Remains were found in a house in Suffolk County. Detectives in Suffolk said the case was old.", "Suffolk",
     "Suffolk County"),
    # the bare name's own place is the larger: it stays
    ("Officials in Washington County met on Monday. Lawmakers in Washington passed a bill.", "Washington",
     "Washington"),
])
def test_a_county_named_in_full_is_its_bare_name(county_geo, text, name, expected):
    place = next(p for p in county_geo.geocode(text) if p.span.text == name)
    assert place.name == expected, place.reason


STATE_ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (50, "Iowa", 42.0, -93.5, "US", 3_000_000, "A", "ADM1", "Iowa", ""),
    (51, "Iowa", 30.24, -93.01, "US", 3_000, "P", "PPL", "Louisiana", ""),
    (52, "Montgomery County", 39.14, -77.2, "US", 1_100_000, "A", "ADM2", "Maryland", "Montgomery County"),
    (53, "Montgomery County", 41.03, -95.16, "US", 10_000, "A", "ADM2", "Iowa", "Montgomery County"),
    (54, "Montgomery County", 40.2, -75.37, "US", 830_000, "A", "ADM2", "Pennsylvania", "Montgomery County"),
    # many more of that name, all larger than Iowa's (rough points)
    *[(55 + n, "Montgomery County", 30.0 + n, -85.0 - n, "US", 50_000 + n * 10_000, "A", "ADM2", state,
       "Montgomery County") for n, state in enumerate(("Alabama", "Texas", "Ohio", "Tennessee", "Virginia",
                                                       "Kansas", "Indiana", "Kentucky"))],
]


@pytest.fixture(scope="module")
def state_geo():
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    return Geocoder(Gazetteer.from_entries([Entry(*r) for r in STATE_ROWS], {}, {"US": ("United States", "USA")}))


def test_a_state_the_article_names_holds_its_county(state_geo):
    """Iowa's namesakes are a small town: the name stands for the state, and the state holds the county of a
    name that larger counties elsewhere share."""
    text = "Farmers across Iowa gathered on Monday. Officials in Montgomery County said the harvest was late."
    place = next(p for p in state_geo.geocode(text) if p.span.text == "Montgomery County")
    assert place.admin1 == "Iowa", place.reason
