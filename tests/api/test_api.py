"""The JSON API over a read-only store: filters, formats, errors, and no way to write."""
from __future__ import annotations

import sqlite3

import pytest

from eventsift.store import Store


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


@pytest.mark.parametrize("params,expected", [
    ({}, ["ev-clash", "ev-protest", "ev-strike", "ev-undated"]),
    ({"country": "Syria"}, ["ev-clash", "ev-strike", "ev-undated"]),
    ({"country": "TUN"}, ["ev-protest"]),
    ({"admin1": "idlib"}, ["ev-strike"]),
    ({"event_type": "Battles"}, ["ev-clash"]),
    ({"sub_event_type": "Air/drone strike"}, ["ev-strike", "ev-undated"]),
    ({"actor": "police"}, ["ev-protest"]),
    ({"actor": "Military Forces of Syria", "date_from": "2017-01-01"}, ["ev-strike"]),
    ({"date_from": "2016-12-11", "date_to": "2018-01-08"}, ["ev-clash", "ev-protest"]),
    ({"date_to": "2016-12-11"}, ["ev-clash"]),
    ({"bbox": "36,35,38,37"}, ["ev-clash", "ev-strike"]),
    ({"bbox": "10,36,11,37"}, ["ev-protest"]),
    ({"bbox": "170,-10,-170,10"}, []),
    ({"q": "tear gas"}, ["ev-protest"]),
    ({"q": "killing"}, ["ev-clash", "ev-strike"]),
    ({"q": "no such words"}, []),
    ({"limit": 2}, ["ev-clash", "ev-protest"]),
    ({"limit": 2, "offset": 2}, ["ev-strike", "ev-undated"]),
])
def test_events_filters(client, params, expected):
    assert ids(client.get("/events", params=params)) == expected


def test_events_page_carries_total_and_paging(client):
    body = client.get("/events", params={"limit": 1, "country": "Syria", "with_total": "true"}).json()
    assert body["total"] == 3 and body["count"] == 1 and body["limit"] == 1 and body["offset"] == 0
    event = body["events"][0]
    assert event["evidence"][0]["article_id"] == "a" and event["source_count"] == 1
    assert client.get("/events", params={"limit": 1}).json()["total"] is None  # counted only when asked


def test_stats_are_recounted_when_the_store_changes(tmp_path):
    from fastapi.testclient import TestClient

    from eventsift.api import create_app

    from .conftest import ARTICLES, build_store, events_by_article

    path = tmp_path / "events.db"
    build_store(path)
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        assert c.get("/stats").json()["events"] == 4
        assert c.get("/stats").json()["events"] == 4  # from the cache
        with Store.open(path) as store:
            store.save_article(ARTICLES["c"], events_by_article()["c"][:1])
        assert c.get("/stats").json()["events"] == 3


def test_events_as_geojson(client):
    r = client.get("/events", params={"format": "geojson", "country": "Syria"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 3
    strike = next(f for f in doc["features"] if f["id"] == "ev-strike")
    assert strike["geometry"] == {"type": "Point", "coordinates": [36.67, 35.64]}
    assert strike["properties"]["fatalities"] == 15
    undated = next(f for f in doc["features"] if f["id"] == "ev-undated")
    assert undated["geometry"] is None


def test_map_fields_are_a_small_subset(client):
    doc = client.get("/events", params={"format": "geojson", "fields": "map"}).json()
    props = doc["features"][0]["properties"]
    assert "evidence" not in props and props["event_type"] == "Battles" and props["event_id"] == "ev-clash"


@pytest.mark.parametrize("params,parameter", [
    ({"date_from": "yesterday"}, "date_from"),
    ({"date_to": "2020-13-01"}, "date_to"),
    ({"date_from": "2020-02-01", "date_to": "2020-01-01"}, "date_from"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "a,b,c,d"}, "bbox"),
    ({"bbox": "0,50,10,40"}, "bbox"),
    ({"bbox": "0,-95,10,40"}, "bbox"),
    ({"bbox": "200,0,210,10"}, "bbox"),
    ({"bbox": "nan,0,1,1"}, "bbox"),
    ({"limit": 0}, "limit"),
    ({"limit": 1001}, "limit"),
    ({"limit": "many"}, "limit"),
    ({"offset": -1}, "offset"),
    ({"format": "xml"}, "format"),
])
def test_bad_parameters_are_422_with_a_message(client, params, parameter):
    r = client.get("/events", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert parameter in detail["message"]


def test_stats_rejects_bad_dates_too(client):
    assert client.get("/stats", params={"date_from": "03/04/2020"}).status_code == 422


def test_event_by_id_with_evidence_sources_and_history(client):
    r = client.get("/events/ev-clash")
    assert r.status_code == 200
    body = r.json()
    assert body["event_id"] == "ev-clash" and body["fatalities"] == 7
    assert body["evidence"][0]["text"].startswith("Government troops clashed")
    assert body["sources"] == [{"article_id": "a", "outlet": "Wire One", "url": "https://example.org/a",
                                "published": "2016-12-11", "claimed_by": None, "stance": "asserted",
                                "fatalities": None}]
    assert body["history"] == []


def test_article_text_lines_up_with_evidence_offsets(client):
    event = client.get("/events/ev-strike").json()
    article = client.get(f"/articles/{event['evidence'][0]['article_id']}").json()
    ev = event["evidence"][0]
    assert article["text"][ev["start"]:ev["end"]] == ev["text"]
    assert article["outlet"] == "Wire One" and article["published"] == "2020-03-04"
    assert set(article["event_ids"]) == {"ev-strike", "ev-undated"}


@pytest.mark.parametrize("path", ["/events/nope", "/articles/nope"])
def test_unknown_ids_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "nope" in r.json()["detail"]["message"]


def test_stats_by_week_type_admin1_and_country(client):
    body = client.get("/stats").json()
    assert body["events"] == 4 and body["fatalities"] == 22
    assert body["date_min"] == "2016-12-11" and body["date_max"] == "2020-03-03"
    weeks = {w["week"]: w for w in body["by_week"]}
    # 2016-12-11 is a Sunday: its ISO week starts on Monday 5 December
    assert weeks["2016-12-05"] == {"week": "2016-12-05", "events": 1, "fatalities": 7}
    assert weeks["2020-03-02"]["events"] == 1 and sum(w["events"] for w in body["by_week"]) == 3
    by_type = {r["event_type"]: r["events"] for r in body["by_event_type"]}
    assert by_type == {"Explosions/Remote violence": 2, "Battles": 1, "Protests": 1}
    assert {r["admin1"] for r in body["by_admin1"]} == {"Aleppo", "Tunis", "Idlib"}
    assert body["by_country"][0] == {"country": "Syria", "events": 3, "fatalities": 22}


def test_stats_follow_the_filters(client):
    body = client.get("/stats", params={"country": "Syria", "date_from": "2020-01-01"}).json()
    assert body["events"] == 1 and body["fatalities"] == 15
    assert [r["admin1"] for r in body["by_admin1"]] == ["Idlib"]


def test_openapi_describes_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert names >= {"country", "admin1", "event_type", "sub_event_type", "actor", "date_from", "date_to", "bbox",
                     "q", "limit", "offset", "format"}


@pytest.mark.parametrize("path, bodies", [
    ("/events", {"EventPage", "EventFeatures"}),
    ("/points", {"PointRows"}),
    ("/articles/{article_id}", {"ArticleBody"}),
    ("/stats", {"Stats"}),
])
def test_openapi_documents_each_body(client, path, bodies):
    spec = client.get("/openapi.json").json()
    schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    named = {ref["$ref"].rsplit("/", 1)[1] for ref in schema.get("anyOf", [schema])}
    assert named == bodies
    for name in bodies:  # every field of a body is required: clients may rely on each key
        body = spec["components"]["schemas"][name]
        assert set(body["required"]) | {"type"} >= set(body["properties"]), name


@pytest.mark.parametrize("path, keys", [
    ("/events?limit=2", ["total", "limit", "offset", "count", "events"]),
    ("/events?limit=2&format=geojson", ["type", "features", "properties"]),
    ("/points?limit=2", ["columns", "count", "complete", "rows"]),
])
def test_bodies_keep_their_keys_in_order(client, path, keys):
    assert list(client.get(path).json()) == keys


@pytest.mark.parametrize("path, status, keys", [
    ("/events/no-such-event", 404, ["message", "parameter", "errors"]),
    ("/events?date_from=2020-02-01&date_to=2020-01-01", 422, ["message", "parameter", "errors"]),
    ("/events?limit=0", 422, ["message", "parameter", "errors"]),
])
def test_problems_share_one_shape(client, path, status, keys):
    answer = client.get(path)
    assert answer.status_code == status
    assert list(answer.json()["detail"]) == keys


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_there_is_no_way_to_write(client, method):
    assert getattr(client, method)("/events").status_code == 405


def test_the_api_connection_is_read_only(client, sample_db):
    from eventsift.api.app import _Stores

    stores = _Stores(sample_db)
    store = stores.get()
    try:
        assert store.readonly
        with pytest.raises(sqlite3.OperationalError):
            store._conn.execute("DELETE FROM events")
        with pytest.raises(sqlite3.OperationalError):
            store._conn.execute("INSERT INTO articles (id, status, ingested_at) VALUES ('x', 'ok', 'now')")
    finally:
        stores.close()
    with Store.open(sample_db, readonly=True) as check:
        assert check.count_events() == 4


def test_page_and_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for asset in ("/static/app.js", "/static/style.css", "/static/vendor/leaflet.js",
                  "/static/vendor/countries-50m.json", "/static/vendor/capitals.json"):
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text  # nothing fetched from elsewhere


def test_config_is_offline_by_default(client):
    body = client.get("/config").json()
    assert body["tiles_url"] is None and "Natural Earth" in body["attribution"]


def test_config_passes_tiles_url(sample_db):
    from fastapi.testclient import TestClient

    from eventsift.api import create_app

    with TestClient(create_app(sample_db, tiles_url="https://tiles.example/{z}/{x}/{y}.png"), base_url="http://127.0.0.1") as c:
        assert c.get("/config").json()["tiles_url"] == "https://tiles.example/{z}/{x}/{y}.png"


def test_missing_database_is_a_coded_error(tmp_path):
    from eventsift.api import create_app
    from eventsift.errors import EventsiftError

    with pytest.raises(EventsiftError):
        create_app(tmp_path / "none.db")


@pytest.mark.parametrize("params", [{}, {"country": "Syria"}, {"q": "killing"}, {"limit": 2, "offset": 1},
                                    {"bbox": "30,30,40,40"}, {"date_from": "2017-01-01"}])
def test_map_pages_are_the_full_pages_cut_down(client, params):
    """fields=map is read without evidence and sources, and gives exactly the map fields of the
    full records, in the same order, with the same geometry."""
    from eventsift.api.app import MAP_FIELDS

    full = client.get("/events", params={**params, "format": "geojson"}).json()
    light = client.get("/events", params={**params, "format": "geojson", "fields": "map"}).json()
    assert light["properties"] == full["properties"]
    assert [f["id"] for f in light["features"]] == [f["id"] for f in full["features"]]
    for small, big in zip(light["features"], full["features"]):
        assert small["geometry"] == big["geometry"]
        assert small["properties"] == {k: big["properties"][k] for k in MAP_FIELDS}
    full_json = client.get("/events", params=params).json()
    light_json = client.get("/events", params={**params, "fields": "map"}).json()
    assert light_json["events"] == [{k: e[k] for k in MAP_FIELDS} for e in full_json["events"]]


def test_event_rows_refuses_unknown_columns(tmp_path):
    with Store.open(tmp_path / "x.db") as store:
        with pytest.raises(ValueError):
            list(store.event_rows(["event_id; DROP TABLE events"]))
        with pytest.raises(TypeError):
            list(store.event_rows(["event_id"], colour="red"))
