"""The full GeoNames import, on a tiny dump in GeoNames' own column format (made-up villages)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventsift.config import Settings
from eventsift.errors import EventsiftError
from eventsift.resolve.geo.gazetteer import IMPORT_DB, Entry, Gazetteer, import_geonames

DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"


@pytest.fixture()
def imported(tmp_path) -> Path:
    settings = Settings(cache_dir=tmp_path)
    added = import_geonames(DUMP / "allCountries.txt", DUMP / "alternateNames.txt", settings=settings)
    assert added == 3
    return tmp_path / IMPORT_DB


def _gazetteer(db: Path) -> Gazetteer:
    rows = [Entry(1, "Syria", 35.0, 38.0, "SY", 17_000_000, "A", "PCLI", "", "")]
    gaz = Gazetteer.from_entries(rows, {}, {"SY": ("Syria", "SYR")})
    gaz.import_db = db
    return gaz


def test_import_adds_places_with_admin_names(imported):
    con = sqlite3.connect(str(imported))
    rows = dict(con.execute("SELECT name, admin1 FROM places").fetchall())
    assert rows == {"Kaffrin Zor": "Homs", "Tell Hamra": "Aleppo", "Gbassa Kpara": "Alibori"}


@pytest.mark.parametrize("name, expected", [
    ("Kaffrin Zor", "Kaffrin Zor"),
    ("Kafrin Zor", "Kaffrin Zor"),        # alternate names column of allCountries
    ("Tall al-Hamra", "Tell Hamra"),      # alternateNames.txt
    ("Gbassa-Kpara", "Gbassa Kpara"),
])
def test_imported_names_are_looked_up(imported, name, expected):
    found = _gazetteer(imported).lookup(name)
    assert [e.name for e in found] == [expected]
    assert found[0].geonameid >= 9_900_000


def test_links_are_not_names(imported):
    con = sqlite3.connect(str(imported))
    assert not con.execute("SELECT 1 FROM names WHERE key LIKE '%http%' OR key LIKE '%example%'").fetchall()


def test_import_twice_does_not_duplicate(imported, tmp_path):
    import_geonames(DUMP / "allCountries.txt", settings=Settings(cache_dir=tmp_path))
    con = sqlite3.connect(str(imported))
    assert con.execute("SELECT count(*) FROM places").fetchone()[0] == 3


def test_missing_dump_is_a_coded_error(tmp_path):
    with pytest.raises(EventsiftError) as err:
        import_geonames(tmp_path / "nope.txt", settings=Settings(cache_dir=tmp_path))
    assert err.value.code == "E402"
