"""Exports: ACLED's header exactly, GeoJSON that parses, JSONL with the contract's fields."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from eventsift.export import ACLED_COLUMNS, FORMATS, write_acled_csv, write_geojson, write_jsonl
from eventsift.models import Event, Evidence, Source, Stance

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")


def event(**kw) -> Event:
    base = dict(event_id="ev-1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                disorder_type="Political violence", actor1="Military Forces of Turkey", inter1=8,
                actor2="Islamic State", inter2=2, interaction=28, location="Al Bab", admin1="Aleppo",
                country="Syria", iso3="SYR", latitude=36.37051, longitude=37.5157, geo_precision=2,
                event_date=date(2016, 12, 11), time_precision=1, fatalities=12, claimed_by="Turkish army",
                stance=Stance.ASSERTED, evidence=(Evidence("a1", 5, 40, "Turkish warplanes ... killed 12 militants"),),
                sources=(Source("a1", outlet="Wire", published=date(2016, 12, 11)),), notes="On 11 December 2016, ...")
    base.update(kw)
    return Event(**base)


def test_acled_csv_header_and_row():
    out = io.StringIO()
    assert write_acled_csv([event(), event(event_id="ev-2", latitude=None, longitude=None)], out) == 2
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(ACLED_HEADER + ",")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert rows[0]["iso"] == "760" and rows[0]["inter1"] == "External/Other forces" and rows[0]["fatalities"] == "12"
    assert rows[0]["source"] == "Wire" and rows[1]["latitude"] == ""


def test_geojson_parses_and_places_points_lon_lat():
    out = io.StringIO()
    write_geojson([event(), event(event_id="ev-2", latitude=None, longitude=None)], out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    assert doc["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.5157, 36.37051]}
    assert doc["features"][1]["geometry"] is None
    assert doc["features"][0]["properties"]["event_date"] == "2016-12-11"


def test_geojson_of_nothing_is_an_empty_collection():
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("name", ["article_id", "event_type", "sub_event_type", "latitude", "longitude", "event_date",
                                  "fatalities", "inter1", "actor1", "stance", "confidence", "evidence", "source_count"])
def test_jsonl_carries_the_contract_fields(name):
    out = io.StringIO()
    write_jsonl([event()], out)
    row = json.loads(out.getvalue())
    assert name in row
    assert row["article_id"] == "a1" and row["evidence"][0]["start"] == 5 and row["stance"] == "asserted"


def test_jsonl_gives_a_fused_event_under_each_article_that_reports_it():
    fused = event(evidence=(Evidence("a1", 5, 40, "Turkish warplanes ... killed 12 militants"),
                            Evidence("b7", 0, 30, "Air strikes killed 12 near al-Bab")),
                  sources=(Source("a1", outlet="Wire"), Source("b7", outlet="Daily"), Source("c2", outlet="Radio")))
    out = io.StringIO()
    assert write_jsonl([fused, event(event_id="ev-2")], out) == 2  # events, not lines
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["article_id"], r["event_id"]) for r in rows] == [
        ("a1", fused.event_id), ("b7", fused.event_id), ("c2", fused.event_id), ("a1", "ev-2")]
    assert rows[0] | {"article_id": "b7"} == rows[1]


def test_every_format_is_registered():
    assert set(FORMATS) >= {"jsonl", "acled-csv", "geojson"}
