"""The endpoints the map page's views use: /stats' extra views, /points and /download."""
from __future__ import annotations

import csv
import io
import json

import pytest


def test_stats_views_by_week_and_type_countries_actors_places(client):
    body = client.get("/stats").json()
    by_week_type = {(r["week"], r["event_type"]): r["events"] for r in body["by_week_type"]}
    assert by_week_type == {("2016-12-05", "Battles"): 1, ("2018-01-08", "Protests"): 1,
                            ("2020-03-02", "Explosions/Remote violence"): 1}  # the undated event is left out
    by_iso = {r["iso3"]: (r["isonumeric"], r["events"], r["fatalities"]) for r in body["by_iso"]}
    assert by_iso == {"SYR": (760, 3, 22), "TUN": (788, 1, 0)}
    actors = {r["actor"]: r["events"] for r in body["top_actors"]}
    assert body["top_actors"][0]["actor"] == "Military Forces of Syria" and actors["Military Forces of Syria"] == 2
    assert actors["Police Forces of Tunisia"] == 1  # the second side counts too
    places = {r["location"]: r for r in body["top_places"]}
    assert set(places) == {"Kafr Hamra", "Tunis", "Maarat al-Numan"}
    assert places["Tunis"]["country"] == "Tunisia" and places["Tunis"]["latitude"] == pytest.approx(36.82)


@pytest.mark.parametrize("params,actors,places", [
    ({"country": "Tunisia"}, {"Protesters (Tunisia)", "Police Forces of Tunisia"}, {"Tunis"}),
    ({"event_type": "Battles"}, {"Military Forces of Syria", "Rebel fighters"}, {"Kafr Hamra"}),
    ({"date_from": "2020-01-01"}, {"Military Forces of Syria", "Civilians (Syria)"}, {"Maarat al-Numan"}),
])
def test_stats_views_follow_the_filters(client, params, actors, places):
    body = client.get("/stats", params=params).json()
    assert {r["actor"] for r in body["top_actors"]} == actors
    assert {r["location"] for r in body["top_places"]} == places


@pytest.mark.parametrize("params,ids,complete", [
    ({}, ["ev-clash", "ev-protest", "ev-strike", "ev-undated"], True),
    ({"country": "Syria"}, ["ev-clash", "ev-strike", "ev-undated"], True),
    ({"limit": 2}, ["ev-strike", "ev-undated"], False),          # the latest, when there are more
    ({"limit": 4}, ["ev-clash", "ev-protest", "ev-strike", "ev-undated"], True),
    ({"event_type": "Riots"}, [], True),
])
def test_points_are_the_latest_matching_events_as_rows(client, params, ids, complete):
    body = client.get("/points", params=params).json()
    assert body["complete"] is complete and body["count"] == len(ids)
    assert [r[0] for r in body["rows"]] == ids
    assert body["columns"][:3] == ["event_id", "longitude", "latitude"]
    if ids:
        row = dict(zip(body["columns"], body["rows"][0]))
        assert isinstance(row["longitude"], float | None)


def test_points_are_the_tail_of_the_listing_on_a_larger_store(tmp_path):
    from fastapi.testclient import TestClient

    from eventsift.api import create_app
    from benchmarks.api import build_store
    from eventsift.store import Store

    db = tmp_path / "many.db"
    build_store(db, 700)
    with Store.open(db, readonly=True) as store:
        listing = [r["event_id"] for r in store.event_rows(("event_id",), country="Syria")]
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        body = c.get("/points", params={"country": "Syria", "limit": 20}).json()
    assert [r[0] for r in body["rows"]] == listing[-20:] and body["complete"] is False


def test_points_refuse_too_large_a_limit(client):
    assert client.get("/points", params={"limit": 10**6}).status_code == 422


@pytest.mark.parametrize("params,ids", [
    ({}, {"ev-clash", "ev-protest", "ev-strike", "ev-undated"}),
    ({"country": "Syria", "date_from": "2017-01-01"}, {"ev-strike"}),
    ({"actor": "Protesters"}, {"ev-protest"}),
    ({"event_type": "Riots"}, set()),
])
def test_download_as_acled_csv_holds_the_filtered_rows(client, params, ids):
    r = client.get("/download", params={**params, "format": "acled-csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id_cnty"] for row in rows} == ids
    if "ev-strike" in ids:
        strike = next(row for row in rows if row["event_id_cnty"] == "ev-strike")
        assert strike["fatalities"] == "15" and strike["country"] == "Syria"


def test_download_as_geojson(client):
    r = client.get("/download", params={"format": "geojson", "country": "Tunisia"})
    assert r.status_code == 200 and 'filename="events.geojson"' in r.headers["content-disposition"]
    doc = json.loads(r.text)
    assert doc["type"] == "FeatureCollection" and [f["id"] for f in doc["features"]] == ["ev-protest"]
    assert doc["features"][0]["geometry"]["coordinates"] == [10.17, 36.82]


@pytest.mark.parametrize("params", [{"format": "xls"}, {"date_from": "yesterday"}])
def test_download_rejects_bad_parameters(client, params):
    assert client.get("/download", params=params).status_code == 422


def test_download_streams_large_files_in_pieces(tmp_path):
    from eventsift.api import app as app_module
    from benchmarks.api import build_store

    db = tmp_path / "many.db"
    build_store(db, 1200)
    pieces = list(app_module._download_chunks(db, {}, app_module.write_acled_csv))
    assert len(pieces) > 1  # handed over as written, not held whole
    assert sum(p.count("\n") for p in pieces) == 1201


@pytest.mark.parametrize("filters", [{}, {"country": "Syria"}, {"event_type": "Protests"},
                                     {"date_from": "2017-01-01", "date_to": "2019-12-31"}, {"q": "strike"},
                                     {"event_type": "Riots"}])
def test_stats_counted_in_one_pass_equal_the_stores(sample_db, filters):
    from eventsift.api.stats import stats
    from eventsift.store import Store

    with Store.open(sample_db, readonly=True) as store:
        mine = stats(store, **filters)
        assert {k: mine[k] for k in store.stats(**filters)} == store.stats(**filters)
