"""The article's own geography decides a homonym: the counties and towns it names in one state agree with each
other however far apart they lie, while big towns of one state say nothing about a third town's state."""
from __future__ import annotations

import pytest

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up places and ids, rough
# coordinates); counties carry no geonameid, as in the packaged gazetteer
ROWS = [
    (1, "United States", 39.8, -98.6, "US", 330_000_000, "A", "PCLI", "", ""),
    (2, "Iowa", 42.0, -93.5, "US", 3_100_000, "A", "ADM1", "Iowa", ""),
    (3, "Texas", 31.0, -99.0, "US", 29_000_000, "A", "ADM1", "Texas", ""),
    (None, "Brackett County", 42.2, -91.2, "US", 9_000, "A", "ADM2", "Iowa", "Brackett County"),
    (None, "Ormsby County", 42.9, -96.0, "US", 16_000, "A", "ADM2", "Iowa", "Ormsby County"),
    (None, "Ormsby County", 42.0, -70.8, "US", 380_000, "A", "ADM2", "Massachusetts", "Ormsby County"),
    (10, "Tallow", 42.85, -95.9, "US", 900, "P", "PPL", "Iowa", "Ormsby County"),
    (11, "Tallow", 35.5, -97.9, "US", 3_200, "P", "PPL", "Oklahoma", "Caddo County"),
    (20, "Greyport", 45.5, -122.7, "US", 650_000, "P", "PPL", "Oregon", "Multnomah County"),
    (21, "Greyport", 35.2, -101.8, "US", 16_000, "P", "PPL", "Texas", "Potter County"),
    (22, "Hollis", 29.76, -95.37, "US", 2_300_000, "P", "PPL", "Texas", "Harris County"),
    (23, "Danforth", 32.78, -96.8, "US", 1_300_000, "P", "PPL", "Texas", "Dallas County"),
    (24, "Marlow", 29.42, -98.49, "US", 1_500_000, "P", "PPL", "Texas", "Bexar County"),
    (30, "Kentucky", 37.5, -85.0, "US", 4_500_000, "A", "ADM1", "Kentucky", ""),
    (31, "Virginia", 37.5, -78.8, "US", 8_600_000, "A", "ADM1", "Virginia", ""),
    (32, "Florida", 28.6, -82.4, "US", 21_000_000, "A", "ADM1", "Florida", ""),
    (33, "Ashby", 37.55, -77.45, "US", 9_000, "P", "PPL", "Virginia", "Henrico County"),
    (34, "Ashby", 37.75, -84.3, "US", 33_000, "P", "PPL", "Kentucky", "Madison County"),
    (35, "Corliss", 38.05, -84.5, "US", 320_000, "P", "PPL", "Kentucky", "Fayette County"),
    (36, "Pelham", 28.54, -81.38, "US", 300_000, "P", "PPL", "Florida", "Orange County"),
    (None, "Cravel County", 35.1, -77.1, "US", 72_000, "A", "ADM2", "North Carolina", "Cravel County"),
    (50, "Norbridge", 52.63, 1.30, "GB", 143_000, "P", "PPL", "England", "Norfolk"),
    (51, "Norbridge", 41.52, -72.08, "US", 40_000, "P", "PPL", "Connecticut", "New London County"),
]
ALTERNATES: dict = {}
COUNTRIES = {"US": ("United States", "USA")}


def _given(geo, text: str, names: list[str]):
    spans, start = [], 0
    for n in names:
        i = text.index(n, start)
        spans.append((i, i + len(n)))
        start = i + len(n)
    return dict(zip(names, geo.geocode(text, spans=spans)))


@pytest.mark.parametrize("text, names, name, admin1", [
    # alone, the bigger county of the name
    ("Deputies of Ormsby County recovered the trailer.", ["Ormsby County"], "Ormsby County", "Massachusetts"),
    # another county of a state the article names, and a town of that state: the county of that state
    ("Thefts were reported in Brackett County and Ormsby County, both in Iowa.",
     ["Brackett County", "Ormsby County", "Iowa"], "Ormsby County", "Iowa"),
    ("Thefts were reported in Brackett County and Ormsby County. The trailer was found near Tallow.",
     ["Brackett County", "Ormsby County", "Tallow"], "Ormsby County", "Iowa"),
    # a town agrees with a county of its state that lies far from it
    ("Thefts were reported in Brackett County. The trailer was found near Tallow.",
     ["Brackett County", "Tallow"], "Tallow", "Iowa"),
    # big towns of one state do not pull a famous town's homonym into that state
    ("Rents rose in Hollis, Danforth and Marlow, and fell in Greyport.",
     ["Hollis", "Danforth", "Marlow", "Greyport"], "Greyport", "Oregon"),
    # a state written after a town in a list of towns and states holds that town, though a town follows it
    ("The chain has stores in Corliss, Kentucky, Ashby, Virginia, Pelham, Florida and elsewhere.",
     ["Corliss", "Kentucky", "Ashby", "Virginia", "Pelham", "Florida"], "Ashby", "Virginia"),
    ("The chain has stores in Corliss and Ashby.", ["Corliss", "Ashby"], "Ashby", "Kentucky"),
    # a word of a longer name (a ground, a club) casts no vote for the article's country
    ("Norbridge lost at Cravel Cottage on Saturday.", ["Norbridge", "Cravel Cottage"], "Norbridge", "England"),
    ("Norbridge lost in Cravel County on Saturday.", ["Norbridge", "Cravel County"], "Norbridge", "Connecticut"),
])
def test_places_of_one_state_agree(geo, text, names, name, admin1):
    p = _given(geo, text, names)[name]
    assert p.admin1 == admin1, p.reason


EDMONTON = [
    (40, "Edmonton", 53.55, -113.47, "CA", 1_010_000, "P", "PPL", "Alberta", ""),
    (None, "Edmonton", 53.55, -113.5, "CA", 1_800_000, "A", "ADM2", "Alberta", "Edmonton"),
    (41, "Edmonton", 51.63, -0.06, "GB", 82_000, "P", "PPL", "England", "Enfield"),
    (42, "Enfield Town", 51.65, -0.08, "GB", 156_000, "P", "PPL", "England", "Enfield"),
    (43, "Enfield", 41.98, -72.59, "US", 45_000, "P", "PPL", "Connecticut", "Hartford County"),
    (44, "Tring", 51.79, -0.66, "GB", 12_000, "P", "PPL", "England", "Dacorum"),
    (45, "France", 46.0, 2.0, "FR", 67_000_000, "A", "PCLI", "", ""),
    (46, "China", 35.0, 105.0, "CN", 1_400_000_000, "A", "PCLI", "", ""),
]


@pytest.mark.parametrize("text, names, expected", [
    # the street before the second mention makes it look like an area (the Canadian division); the first mention,
    # placed by the town near it, says which Edmonton the article is about
    ("Pupils of a school in Edmonton visited a farm near Tring. The school in Silver Street, Edmonton, which teaches "
     "French and Chinese, sends pupils to France and China.",
     ["Edmonton", "Tring", "Silver Street", "Edmonton", "France", "China"], ["England", "England"]),
    ("Flights to Edmonton were cancelled. The depot in Silver Street, Edmonton was closed.",
     ["Edmonton", "Silver Street", "Edmonton"], ["Alberta", "Alberta"]),
])
def test_a_name_said_twice_is_one_place(text, names, expected):
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    geo = Geocoder(Gazetteer.from_entries([Entry(*r) for r in ROWS + EDMONTON], {len(ROWS) + 3: ["Enfield"]},
                                          {**COUNTRIES, "CA": ("Canada", "CAN"), "GB": ("United Kingdom", "GBR"),
                                           "FR": ("France", "FRA"), "CN": ("China", "CHN")}))
    spans, start = [], 0
    for n in names:
        i = text.index(n, start)
        spans.append((i, i + len(n)))
        start = i + len(n)
    got = [p.admin1 for p, n in zip(geo.geocode(text, spans=spans), names) if n == "Edmonton"]
    assert got == expected, [p.reason for p in geo.geocode(text, spans=spans)]


@pytest.mark.parametrize("text, expected", [
    # a demonym's half vote is no country the article is about: the small town is kept
    ("A Japanese visitor was treated at the hospital in Carrowmore.", "Leinster"),
    ("The hospital in Carrowmore treated a visitor.", "Leinster"),
])
def test_a_demonym_alone_does_not_drop_a_small_town(text, expected):
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

    rows = [(60, "Carrowmore", 53.29, -6.25, "IE", 12_000, "P", "PPL", "Leinster", "Dublin"),
            (61, "Carrowmore", 54.26, -5.85, "GB", 1_100, "P", "PPL", "Northern Ireland", "Down"),
            (62, "Japan", 36.0, 138.0, "JP", 126_000_000, "A", "PCLI", "", "")]
    geo = Geocoder(Gazetteer.from_entries([Entry(*r) for r in rows], {}, {
        "IE": ("Ireland", "IRL"), "GB": ("United Kingdom", "GBR"), "JP": ("Japan", "JPN")}))
    i = text.index("Carrowmore")
    p = geo.geocode(text, spans=[(i, i + len("Carrowmore"))])[0]
    assert p.admin1 == expected, p.reason
