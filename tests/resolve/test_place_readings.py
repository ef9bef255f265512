"""Place checks: a country word inside a currency, a town inside an outlet's or a broadcaster's name, a
state's two-letter code where the finder read none, and a country's name before "State" are not where an
event happened, nor votes for the article's country; an unknown village falls back to the area the text
names. Made-up rows, rough coordinates."""
from __future__ import annotations

import pytest

from eventsift.models import Span
from eventsift.resolve.geo.readings import reading

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2
ROWS = [
    (1, "United States", 39.8, -98.5, "US", 327_000_000, "A", "PCLI", "", ""),
    (2, "Afghanistan", 33.0, 66.0, "AF", 37_000_000, "A", "PCLI", "", ""),
    (3, "Niger", 17.0, 9.0, "NE", 22_000_000, "A", "PCLI", "", ""),
    (4, "Nigeria", 10.0, 8.0, "NG", 195_000_000, "A", "PCLI", "", ""),
    (5, "Australia", -25.0, 135.0, "AU", 25_000_000, "A", "PCLI", "", ""),
    (10, "Kandahar", 31.0, 65.5, "AF", 1_300_000, "A", "ADM1", "Kandahar", ""),
    (11, "Kabul", 34.53, 69.17, "AF", 4_400_000, "P", "PPLC", "Kabul", ""),
    (12, "Niger", 9.9, 5.6, "NG", 1_300_000, "A", "ADM1", "Niger", ""),
    (20, "Abuja", 9.07, 7.49, "NG", 3_000_000, "P", "PPLC", "Federal Capital Territory", ""),
    (13, "Minna", 9.61, 6.55, "NG", 300_000, "P", "PPLA", "Niger", ""),
    (14, "South Australia", -30.0, 135.0, "AU", 1_700_000, "A", "ADM1", "South Australia", ""),
    (15, "Punch", 33.77, 74.09, "IN", 28_000, "P", "PPL", "Kashmir", ""),
    (16, "Fars", 29.0, 53.0, "IR", 4_800_000, "A", "ADM1", "Fars", ""),
    (17, "Spin Boldak", 31.0, 66.4, "AF", 50_000, "P", "PPL", "Kandahar", ""),
    (18, "Sokoto", 13.06, 5.24, "NG", 500_000, "P", "PPLA", "Sokoto", ""),
    (19, "Iran", 32.0, 53.0, "IR", 82_000_000, "A", "PCLI", "", ""),
    (21, "Soum", 14.1, -16.4, "SN", 5_000, "P", "PPL", "Fatick", ""),
    (22, "Herat", 34.5, 62.5, "AF", 1_900_000, "A", "ADM1", "Herat", ""),
    (23, "Ghoryan", 34.34, 61.49, "AF", 0, "P", "PPL", "Herat", ""),
    (24, "Senegal", 14.5, -14.5, "SN", 16_000_000, "A", "PCLI", "", ""),
]
ALTERNATES = {0: ["US", "U.S.", "America"]}  # by position in ROWS
COUNTRIES = {"US": ("United States", "USA"), "AF": ("Afghanistan", "AFG"), "NE": ("Niger", "NER"),
             "NG": ("Nigeria", "NGA"), "AU": ("Australia", "AUS"), "IN": ("India", "IND"), "IR": ("Iran", "IRN"),
             "SN": ("Senegal", "SEN")}


@pytest.mark.parametrize("text, name, expected", [
    ("a ransom of 50,000 US dollars", "US", "currency"),
    ("a ransom of US$ 50,000", "US", "currency"),
    ("the Nigerian naira fell", "Nigerian", "currency"),
    ("the Kabul Times said", "Kabul", "outlet"),
    ("Fars news agency reported", "Fars", "outlet"),
    ("speaking to Voice of America, he", "America", "outlet"),
    ("the Punch reported that", "Punch", "the-outlet"),
    ("fighting in Kabul on Monday", "Kabul", None),
    ("the Kabul governor said", "Kabul", None),
    ("troops in Kandahar said", "Kandahar", None),
])
def test_reading(text, name, expected):
    start = text.index(name)
    assert reading(text, start, start + len(name)) == expected


def _event(geo, text):
    places = geo.geocode(text)
    return geo.event_place(text, places, Span(0, len(text), text)), places


@pytest.mark.parametrize("text, expected", [
    # a country word inside a currency is not where the ransom was demanded
    ("Militants demanded 50,000 US dollars for the release of a farmer abducted in Spin Boldak.", "Spin Boldak"),
    # an outlet named after a town: the event is where the sentence says
    ("According to the Kabul Times, police arrested five men in Spin Boldak.", "Spin Boldak"),
    ("Speaking to Voice of America, the governor said troops retook Spin Boldak.", "Spin Boldak"),
    # "X State" is the state, not the country of that name
    ("Gunmen killed three farmers near Minna, Niger State, on Monday.", "Minna"),
])
def test_event_place_skips_other_readings(geo, text, expected):
    place, _ = _event(geo, text)
    assert place is not None and place.name == expected, place and place.reason


@pytest.mark.parametrize("text", [
    "Militants demanded a ransom in US dollars, police in Kandahar said.",
    "Speaking to Voice of America, the governor of Kandahar said the road was closed.",
])
def test_readings_cast_no_vote_for_a_country(geo, text):
    places = geo.geocode(text)
    kandahar = next(p for p in places if p.span.text == "Kandahar")
    assert "article focus US" not in kandahar.reason
    place, _ = _event(geo, text)
    assert place is None or place.iso3 == "AFG"




@pytest.mark.parametrize("text, expected", [
    ("Gunmen kidnapped three people in Kafin Daji village, Niger State.", ("Niger", "NGA")),
    ("Bandits attacked Tsauni Tudu village in Niger state overnight.", ("Niger", "NGA")),
    ("ABUJA - Bandits attacked Tsauni Tudu village in Niger state overnight.", ("Niger", "NGA")),
])
def test_unknown_village_falls_back_to_the_area_named(geo, text, expected):
    """In the state the text names (at its seat, as an event known only to a province is coded), not in the
    country of that name, the dateline's city or the capital."""
    place, _ = _event(geo, text)
    assert place is not None and (place.admin1, place.iso3) == expected, place and place.reason


@pytest.mark.parametrize("text, expected", [
    ("Flooding hit the outskirts of Sydney, SA officials said.", None),     # a given code, no Australian focus
    ("Flooding hit farms in South Australia; SA officials said.", "South Australia"),
])
def test_a_bare_two_letter_code_needs_its_country(geo, text, expected):
    start = text.index("SA ")
    [place] = geo.geocode(text, spans=[(start, start + 2)])
    assert (place.name if place.latitude is not None else None) == expected, place.reason


@pytest.mark.parametrize("text, name, expected", [
    # an area the gazetteer lacks, named like a village abroad: not that village
    ("Gunmen killed a teacher in Gorom Dakai village, Soum province, on Tuesday.", "Soum", None),
    # named like a village of the area that holds it: that village
    ("Taliban attacked a checkpoint in Ghoryan district (Herat), killing two.", "Ghoryan", "Ghoryan"),
    # named like a village of the country the article is about: that village
    ("Floods hit Soum district in Senegal.", "Soum", "Soum"),
])
def test_an_area_named_only_like_a_village(geo, text, name, expected):
    place = next((p for p in geo.geocode(text) if p.span.text == name), None)
    assert (place.name if place is not None else None) == expected, place and place.reason


@pytest.mark.parametrize("text, expected", [
    # the village is unknown: not the dateline's town, but the area the text names for it
    ("ABUJA - Bandits attacked Tsauni Tudu village on Monday. The village lies in Niger state, police said.",
     ("Niger", "NGA")),
    ("ABUJA (Reuters) - Bandits killed five people in the village of Tsauni Tudu on Monday. It lies in Niger state.",
     ("Niger", "NGA")),
    # a known town in the sentence is still the place; the dateline still stands when nothing else is named
    ("ABUJA - Bandits attacked a market in Minna on Monday, police said.", ("Niger", "NGA")),
    ("ABUJA - Bandits attacked a market on Monday, police said.", ("Federal Capital Territory", "NGA")),
])
def test_unknown_village_is_not_at_the_dateline(geo, text, expected):
    first = text.index(".", text.index(" on Monday")) + 1
    places = geo.geocode(text)
    place = geo.event_place(text, places, Span(0, first, text[:first]))
    assert place is not None and (place.admin1, place.iso3) == expected, place and place.reason
