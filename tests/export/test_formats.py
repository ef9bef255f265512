"""HXL, Parquet and PLOVER exports; ACLED region and deterministic timestamp."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from eventsift.export import (ACLED_COLUMNS, BINARY_FORMATS, EXTRA_COLUMNS, FORMATS, HXL_TAGS, acled_row,
                              row_timestamp, write_acled_csv, write_hxl)
from eventsift.export.plover import plover_codes, plover_record
from eventsift.export.regions import REGIONS, region_of
from eventsift.models import Event, Evidence, Source, Stance


def event(**kw) -> Event:
    base = dict(event_id="ev-1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                disorder_type="Political violence", actor1="Military Forces of Turkey", inter1=8,
                actor2="Islamic State", inter2=2, interaction=28, location="Al Bab", admin1="Aleppo",
                country="Syria", iso3="SYR", latitude=36.37051, longitude=37.5157, geo_precision=2,
                event_date=date(2016, 12, 11), time_precision=1, fatalities=12, fatalities_low=12,
                fatalities_high=15, claimed_by="Turkish army", stance=Stance.ASSERTED,
                evidence=(Evidence("a1", 5, 40, "Turkish warplanes ... killed 12 militants"),),
                sources=(Source("a1", outlet="Wire", published=date(2016, 12, 11)),
                         Source("a2", outlet="Daily", url="http://x", published=date(2016, 12, 13))),
                notes="On 11 December 2016, ...")
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize("iso3,region", [
    ("SYR", "Middle East"), ("TUR", "Middle East"), ("BEN", "Western Africa"), ("AFG", "South Asia"),
    ("COD", "Middle Africa"), ("KEN", "Eastern Africa"), ("ZAF", "Southern Africa"), ("EGY", "Northern Africa"),
    ("MMR", "Southeast Asia"), ("CHN", "East Asia"), ("GEO", "Caucasus and Central Asia"), ("UKR", "Europe"),
    ("USA", "North America"), ("MEX", "Central America"), ("COL", "South America"), ("HTI", "Caribbean"),
    ("PNG", "Oceania"), (None, ""), ("ZZZ", ""),
])
def test_region_from_iso3(iso3, region):
    assert region_of(iso3) == region


def test_there_are_sixteen_regions():
    assert len(REGIONS) == 16


def test_acled_row_fills_region_and_a_deterministic_timestamp():
    row = acled_row(event())
    assert row["region"] == "Middle East"
    # latest source publication, midnight UTC: 2016-12-13
    assert row["timestamp"] == 1481587200
    assert acled_row(event()) == row


@pytest.mark.parametrize("sources,event_date,expected", [
    ((), date(2020, 3, 1), 1583020800),
    ((Source("a", published=None),), None, ""),
    ((Source("a", published=date(2020, 3, 2)), Source("b", published=date(2020, 3, 1))), None, 1583107200),
])
def test_timestamp_rules(sources, event_date, expected):
    assert row_timestamp(event(sources=sources, event_date=event_date)) == expected


def test_acled_csv_is_byte_identical_between_runs():
    a, b = io.StringIO(), io.StringIO()
    write_acled_csv([event()], a)
    write_acled_csv([event()], b)
    assert a.getvalue() == b.getvalue()


def test_hxl_has_a_tag_row_aligned_with_the_header():
    out = io.StringIO()
    assert write_hxl([event(), event(event_id="ev-2")], out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header, tags, first = rows[0], rows[1], rows[2]
    assert tuple(header) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert len(tags) == len(header) == len(first)
    by_column = dict(zip(header, tags))
    for column, tag in {"event_id_cnty": "#event+code", "event_date": "#date+occurred", "event_type": "#event+type",
                        "actor1": "#group+name+first", "admin1": "#adm1+name", "location": "#loc+name",
                        "latitude": "#geo+lat", "longitude": "#geo+lon", "fatalities": "#affected+killed",
                        "source": "#meta+source"}.items():
        assert by_column[column] == tag
    assert all(t == "" or t.startswith("#") for t in tags)
    assert len([t for t in tags if t]) == len(set(t for t in tags if t))  # no tag used twice
    data = dict(zip(header, first))
    assert data["latitude"] == "36.3705" and data["fatalities"] == "12" and data["region"] == "Middle East"


def test_hxl_tags_cover_every_column():
    assert set(HXL_TAGS) == set(ACLED_COLUMNS + EXTRA_COLUMNS)


def test_plover_record_uses_plover_fields():
    rec = plover_record(event())
    assert rec["event_type"] == "ASSAULT" and rec["mode"] == "aerial-weapons"
    assert rec["actor_name"] == "Military Forces of Turkey" and rec["actor_country"] == "TUR"
    assert rec["recipient_name"] == "Islamic State" and rec["recipient_country"] == "SYR"
    assert rec["event_date"] == "2016-12-11" and rec["story_date"] == "2016-12-11"
    assert rec["location"]["place_name"] == "Al Bab" and rec["location"]["latitude"] == 36.37051
    assert rec["fatalities"] == 12 and "military" in rec["context"]


def test_plover_prefers_the_events_own_coding():
    rec = plover_record(event(plover_type="ASSAULT", plover_mode="beat"))
    assert (rec["event_type"], rec["mode"]) == ("ASSAULT", "beat")


@pytest.mark.parametrize("event_type,sub_event_type,expected", [
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Strategic developments", "Arrests", "COERCE"),
    ("Strategic developments", "Agreement", "AGREE"),
    ("Battles", "Not a sub-type", None),
])
def test_plover_falls_back_to_the_taxonomy(event_type, sub_event_type, expected):
    assert plover_codes(event(event_type=event_type, sub_event_type=sub_event_type))[0] == expected


def test_plover_writer_writes_json_lines():
    out = io.StringIO()
    assert FORMATS["plover"]([event(), event(event_id="ev-2")], out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in lines] == ["ev-1", "ev-2"]


def test_parquet_reads_back_the_same_rows(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from eventsift.models import Decision

    events = [event(confidence=0.7, reasons=(Decision("fatalities", 12, "killed 12"),
                                                               Decision("actor1", {"n": 1}, "named"))),
              event(event_id="ev-2", latitude=None, longitude=None, fatalities=None, event_date=None,
                    sources=(), evidence=())]
    path = tmp_path / "events.parquet"
    assert BINARY_FORMATS["parquet"](events, path) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int32"
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("confidence").type) == "double"  # as stored: float32 changed 0.7 to 0.699999988
    rows = table.to_pylist()
    for row, ev in zip(rows, events):
        plain = ev.to_dict()
        assert row["article_id"] == plain["article_id"] and row["confidence"] == plain["confidence"]
        assert [(r["field"], json.loads(r["value"]), r["reason"]) for r in row["reasons"]] == \
            [(r["field"], r["value"], r["reason"]) for r in plain["reasons"]]
    assert rows[0]["article_id"] == "a1" and rows[0]["confidence"] == 0.7 and len(rows[0]["reasons"]) == 2
    assert rows[0]["event_id"] == "ev-1" and rows[0]["event_date"] == date(2016, 12, 11)
    assert rows[0]["fatalities"] == 12 and rows[0]["latitude"] == pytest.approx(36.37051)
    assert rows[0]["region"] == "Middle East"
    assert rows[0]["evidence"] == [{"article_id": "a1", "start": 5, "end": 40,
                                    "text": "Turkish warplanes ... killed 12 militants"}]
    assert rows[0]["sources"][1]["published"] == date(2016, 12, 13)
    assert rows[1]["latitude"] is None and rows[1]["fatalities"] is None and rows[1]["event_date"] is None


def test_parquet_of_nothing_is_a_valid_empty_file(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    assert BINARY_FORMATS["parquet"]([], path) == 0
    assert pq.read_table(path).num_rows == 0


def test_text_and_binary_registries_do_not_overlap():
    assert set(FORMATS) >= {"jsonl", "acled-csv", "hxl", "geojson", "plover"}
    assert not set(FORMATS) & set(BINARY_FORMATS)
