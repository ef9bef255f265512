"""Admin chains in field notes ("X area of Y district, Z", "X (Y, Z)", "X and Y districts, Z") on a small
hand-written gazetteer: a name named with its areas lies inside them or falls back to the nearest
enclosing known area, never to a homonym abroad; a misspelt region closing a chain is still that region."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up places, rough coordinates)
ROWS = [
    (1, "Afghanistan", 33.0, 66.0, "AF", 37_000_000, "A", "PCLI", "", ""),
    (2, "Poland", 52.0, 19.0, "PL", 38_000_000, "A", "PCLI", "", ""),
    (3, "Pakistan", 30.0, 70.0, "PK", 220_000_000, "A", "PCLI", "", ""),
    (4, "Greece", 39.0, 22.0, "GR", 10_000_000, "A", "PCLI", "", ""),
    (5, "Benin", 9.5, 2.25, "BJ", 12_000_000, "A", "PCLI", "", ""),
    (6, "Cameroon", 6.0, 12.0, "CM", 26_000_000, "A", "PCLI", "", ""),
    (10, "Nangarhar", 34.3, 70.4, "AF", 1_500_000, "A", "ADM1", "Nangarhar", ""),
    (11, "Herat", 34.1, 62.2, "AF", 1_800_000, "A", "ADM1", "Herat", ""),
    (12, "Helmand", 31.4, 64.0, "AF", 900_000, "A", "ADM1", "Helmand", ""),
    (13, "Oruzgan", 32.8, 66.3, "AF", 300_000, "A", "ADM1", "Oruzgan", ""),
    (14, "Littoral", 6.37, 2.42, "BJ", 680_000, "A", "ADM1", "Littoral", ""),
    (15, "Littoral", 4.1, 9.7, "CM", 3_000_000, "A", "ADM1", "Littoral", ""),
    (16, "Alibori", 11.2, 2.9, "BJ", 860_000, "A", "ADM1", "Alibori", ""),
    (20, "Marki", 52.3, 21.1, "PL", 23_000, "P", "PPL", "Masovian Voivodeship", ""),
    (21, "Hel", 54.6, 18.8, "PL", 4_000, "P", "PPL", "Pomeranian Voivodeship", ""),
    (22, "Hyderabad", 25.4, 68.4, "PK", 1_900_000, "P", "PPL", "Sindh", ""),
    (23, "Chora", 37.05, 21.7, "GR", 2_600, "P", "PPL", "Peloponnese", ""),
    (24, "Tarinkot", 32.63, 65.88, "AF", 10_000, "P", "PPL", "Oruzgan", ""),
    (25, "Herat", 34.35, 62.2, "AF", 570_000, "P", "PPLA", "Herat", ""),
    (26, "Cotonou", 6.37, 2.42, "BJ", 680_000, "P", "PPLC", "Littoral", ""),
    (27, "Hart", 48.2, 14.2, "AT", 5_600, "P", "PPL", "Upper Austria", ""),
    (28, "Kandi", 11.13, 2.94, "BJ", 110_000, "P", "PPL", "Alibori", ""),
    (30, "Franklin", 42.89, -88.04, "US", 36_000, "P", "PPL", "Wisconsin", ""),
    (31, "Franklin", 29.8, -91.5, "US", 7_000, "P", "PPL", "Louisiana", ""),
    (32, "Bourbon", 38.15, -91.24, "US", 1_800, "P", "PPL", "Missouri", ""),
    (33, "Bourbon", 29.97, -90.04, "US", 1_000, "P", "PPL", "Louisiana", ""),
    (34, "Gretna", 29.91, -90.05, "US", 17_000, "P", "PPL", "Louisiana", ""),
    (35, "Gretna", 55.0, -3.07, "GB", 3_000, "P", "PPL", "Scotland", ""),
]
ALTERNATES: dict = {}
COUNTRIES = {"US": ("United States", "USA"), "GB": ("United Kingdom", "GBR"), "AF": ("Afghanistan", "AFG"), "PL": ("Poland", "POL"), "PK": ("Pakistan", "PAK"),
             "GR": ("Greece", "GRC"), "BJ": ("Benin", "BEN"), "CM": ("Cameroon", "CMR"), "AT": ("Austria", "AUT")}


def places(geo, text):
    return {p.span.text: p for p in geo.geocode(text)}


@pytest.mark.parametrize("text, phrase, name, cc, precision", [
    # a local name of several words is one unknown name: none of its words is a homonym abroad
    ("A bomb went off in the Marki Khel area of Sherzad district, Nangarhar.", "Marki Khel", "Nangarhar", "AF", 3),
    ("Fighting in Band Hel of Sherzad district, Nangarhar.", "Band Hel", "Nangarhar", "AF", 3),
    # a local name's other name in brackets is the same area, inside the same district and province
    ("Shots in the Marki Khel (Hyderabad Kala) area of Sherzad district, Nangarhar.", "Hyderabad Kala", "Nangarhar",
     "AF", 3),
    ("Shots in the Marki Khel (Hyderabad Kala) area of Sherzad district, Nangarhar.", "Marki Khel", "Nangarhar",
     "AF", 3),
    # a known name abroad, named with the area it lies in: the area, not the homonym
    ("A sniper fired in the Hyderabad area of Nahri Saraj district, Helmand.", "Hyderabad", "Helmand", "AF", 3),
    # a region closing the chain, misspelt
    ("Clashes in Gulran district, Heart.", "Heart", "Herat", "AF", 3),
    ("Clashes in Gulran district, Heart.", "Gulran", "Herat", "AF", 3),
    ("A guard was wounded in Surkh Rod district, Nangrhar.", "Nangrhar", "Nangarhar", "AF", 3),
    # the region that contains the place named before it, among regions of one name
    ("Pirates attacked a ship off Cotonou (Cotonou, Littoral).", "Littoral", "Littoral", "BJ", 3),
    ("Pirates attacked a ship off Cotonou (Cotonou, Littoral).", "Cotonou", "Cotonou", "BJ", 1),
    # an unknown village falls back to the nearest enclosing known place, the admin2 town before the region
    ("Gunmen were seen in Kompa (Kandi, Alibori).", "Kompa", "Kandi", "BJ", 2),
])
def test_admin_chains(geo, text, phrase, name, cc, precision):
    p = places(geo, text)[phrase]
    assert (p.name, p.country, p.geo_precision) == (name, geo.gazetteer.country(cc).name, precision), p.reason


def test_peers_before_a_plural_area_word_share_its_container(geo):
    """'X (X') and Y districts, Z': Z contains X too, so a small homonym of X abroad is not taken."""
    got = places(geo, "Forces killed 8 militants in Chora (Charcheno) and Tarinkot districts, Urozgan.")
    assert got["Tarinkot"].country == "Afghanistan"
    assert got["Chora"].country == "Afghanistan" and got["Chora"].geo_precision == 3
    assert "Greece" not in {p.country for p in got.values()}


def test_the_misspelt_region_must_be_close_in_spelling(geo):
    """A name unlike any region closing a chain is not forced onto one."""
    got = places(geo, "Clashes in Gulran district, Zebulon.")
    assert all(p.name not in ("Herat", "Helmand", "Nangarhar") for p in got.values())


def test_a_list_of_towns_is_not_a_chain(geo):
    got = places(geo, "Protests in Herat, Hyderabad and Marki.")
    assert got["Hyderabad"].country == "Pakistan"
    assert got["Herat"].feature_code == "PPLA"


def test_the_article_places_agree_on_a_second_look(geo):
    """Each name alone prefers its biggest homonym; together they are the towns near each other."""
    alone = places(geo, "The parade went through Franklin on Sunday.")
    assert alone["Franklin"].admin1 == "Wisconsin"
    got = places(geo, "The parade went from Gretna through Franklin to Bourbon on Sunday.")
    assert {p.admin1 for p in got.values()} == {"Louisiana"}, [p.reason for p in got.values()]
    assert "other towns" in got["Franklin"].reason
