"""The bundled base map: a valid GeoJSON of coarse country outlines, regenerated identically."""
from __future__ import annotations

import json

import pytest

from eventsift.web import make_world


@pytest.fixture(scope="module")
def world():
    return json.loads(make_world.OUT.read_text(encoding="utf-8"))


def test_world_is_a_feature_collection_of_multipolygons(world):
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 200
    for feature in world["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            ring = polygon[0]
            assert len(ring) >= 4 and ring[0] == ring[-1]
            assert all(-200 <= x <= 200 and -90 <= y <= 90 for x, y in ring)


@pytest.mark.parametrize("iso3,lon,lat", [("SYR", 37.2, 36.2), ("NGA", 7.5, 9.1), ("FRA", 2.35, 48.85),
                                          ("BRA", -47.9, -15.8), ("AUS", 149.1, -35.3)])
def test_capitals_and_towns_fall_inside_their_country(world, iso3, lon, lat):
    feature = next(f for f in world["features"] if f["properties"]["iso3"] == iso3)
    assert any(_inside(polygon[0], lon, lat) for polygon in feature["geometry"]["coordinates"])


def test_the_file_is_what_the_script_makes(world):
    assert make_world.build() == world


def _inside(ring, x, y) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
