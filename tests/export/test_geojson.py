"""GeoJSON shapes shared by the export file and the API."""
from __future__ import annotations

import json

import pytest

from eventsift.export import geojson_feature
from eventsift.export.geojson import COLLECTION_HEAD, COLLECTION_TAIL, Feature, FeatureCollection, Point, plain

from .test_export import event


@pytest.mark.parametrize("lon, lat, expected", [
    (37.515712, 36.370519, {"type": "Point", "coordinates": [37.51571, 36.37052]}),
    (0.0, 0.0, {"type": "Point", "coordinates": [0.0, 0.0]}),
    (None, 36.37, None),
    (37.5, None, None),
])
def test_point_is_rounded_and_needs_both_coordinates(lon, lat, expected):
    assert plain(Point.of(lon, lat)) == expected


def test_feature_keys_in_rfc_order_with_the_event_as_properties():
    found = plain(geojson_feature(event()))
    assert list(found) == ["type", "id", "geometry", "properties"]
    assert found["type"] == "Feature" and found["id"] == "ev-1"
    assert found["properties"] == event().to_dict()
    assert plain(geojson_feature(event(latitude=None)))["geometry"] is None


def test_streamed_collection_parses_as_the_collection_shape():
    feature = Feature("x", None, {"a": 1})
    text = COLLECTION_HEAD + json.dumps(plain(feature)) + COLLECTION_TAIL
    assert json.loads(text) == plain(FeatureCollection([feature]))


def test_plain_keeps_property_dicts_and_lists_as_they_are():
    props = {"evidence": [{"text": "t"}]}
    assert plain(Feature("x", None, props))["properties"] is props
