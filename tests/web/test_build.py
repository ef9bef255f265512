"""The page's libraries: pinned npm packages without install scripts, copied into the package's
static folder by eventsift.web.build, and the capitals table made from GeoNames."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventsift.errors import EventsiftError
from eventsift.web import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def manifest():
    return json.loads((ROOT / "package.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lock():
    return json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def capitals():
    return {r["iso3"]: r for r in build.capitals()}


def test_every_package_is_pinned_exactly_and_locked(manifest, lock):
    deps = manifest["dependencies"]
    assert set(deps) == {p for p, _, _ in build.FILES} | {build.ADMIN1_PACKAGE}
    for name, version in deps.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} {version} is not an exact version"
        locked = lock["packages"][f"node_modules/{name}"]
        assert locked["version"] == version and locked["integrity"].startswith("sha512-")


def test_no_locked_package_runs_install_scripts(lock):
    scripted = [k for k, v in lock["packages"].items() if v.get("hasInstallScript")]
    assert not scripted


def test_build_copies_the_page_files(tmp_path, manifest):
    if not (build.NODE_MODULES / "leaflet" / "package.json").is_file():
        pytest.skip("node_modules is not installed: run `make setup`")
    out = tmp_path / "vendor"
    found = build.build(build.NODE_MODULES, out)
    assert found == manifest["dependencies"]
    for _, _, target in build.FILES:
        assert (out / target).stat().st_size > 0, target
    assert (out / "images" / "marker-icon.png").is_file()
    topo = json.loads((out / "countries-50m.json").read_text(encoding="utf-8"))
    assert topo["type"] == "Topology" and len(topo["objects"]["countries"]["geometries"]) > 200
    assert json.loads((out / "versions.json").read_text(encoding="utf-8")) == found
    # first-level areas: one TopoJSON per country and an index of their boxes
    index = json.loads((out / "admin1" / "index.json").read_text(encoding="utf-8"))
    assert len(index) > 200
    west, south, east, north = index["SYR"]
    assert west < 36.3 < east and south < 33.5 < north  # Damascus
    syria = json.loads((out / "admin1" / "SYR.json").read_text(encoding="utf-8"))
    names = {g["properties"]["name"] for g in syria["objects"]["admin1"]["geometries"]}
    assert {"Aleppo", "Idlib", "Damascus"} <= names


def test_build_without_the_packages_is_a_coded_error(tmp_path):
    with pytest.raises(EventsiftError) as caught:
        build.build(tmp_path / "node_modules", tmp_path / "vendor")
    assert caught.value.code == "E090" and "npm ci" in caught.value.hint


@pytest.mark.parametrize("iso3,name,lat,lon", [("SYR", "Damascus", 33.5, 36.3), ("NGA", "Abuja", 9.06, 7.5),
                                               ("FRA", "Paris", 48.85, 2.35), ("BRA", "Brasilia", -15.8, -47.9),
                                               ("AUS", "Canberra", -35.3, 149.1)])
def test_capitals_are_placed_at_their_city(capitals, iso3, name, lat, lon):
    rows = capitals
    assert len(rows) > 230
    row = rows[iso3]
    assert row["name"] == name
    assert abs(row["lat"] - lat) < 0.3 and abs(row["lon"] - lon) < 0.3
