"""Hostile requests: every probe gets a 2xx or a 4xx whose body matches the declared schema,
never a 500; the Host header is checked; every response has the security headers; HEAD works;
a store deleted or replaced under the server is noticed."""
from __future__ import annotations

import os
import random
import shutil
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from fastapi.testclient import TestClient

from eventsift.api import create_app
from eventsift.api import app as app_module
from eventsift.api.app import Problem
from eventsift.store import Store

from .conftest import build_store

TEXT_PARAMS = ("country", "admin1", "event_type", "sub_event_type", "actor", "q", "date_from", "date_to", "bbox")
NASTY = [
    "", " ", "\x00", "a\x00b", "\x1b[31m", "a" * 50_000, "%", "'", '"', "*", "AND", "NEAR(", '"unclosed', "a OR",
    "-1", "1e400", "9" * 40, "NaN", "inf", "-inf", "2020-02-30", "9999-99-99", ",,,", "1,2,3", "-181,0,0,0",
    "0,91,1,92", "nan,nan,nan,nan", "\u202e", "\ufeff", "日本", "💥" * 100, "../../etc/passwd", "<script>",
    "%00", "\\", "Syria", "Battles",
]
NUMBERS = ["-1", "0", "1", "1000", "1001", str(2**63), str(2**64), "1e3", "abc", "", "٣", "0x10", " 5", "99999999999"]


def _check(r):
    assert r.status_code < 500, (r.status_code, r.text[:300])
    assert r.headers["x-content-type-options"] == "nosniff"
    if r.status_code < 400 and not r.headers["content-type"].startswith("application/json"):
        return r.text  # a /download file
    body = r.json()
    if r.status_code >= 400:
        Problem.model_validate(body)  # the declared error schema
        assert body["detail"]["message"]
    return body


@pytest.mark.parametrize("path", ["/events", "/stats", "/points", "/download"])
@pytest.mark.parametrize("param", TEXT_PARAMS)
def test_text_parameters(client, path, param):
    for value in NASTY:
        r = client.get(path, params={param: value})
        _check(r)
        if "\x00" in value or len(value) > 200 or "\x1b" in value:
            assert r.status_code == 422 and param in r.json()["detail"]["message"]


@pytest.mark.parametrize("param", ["limit", "offset", "with_total", "format", "fields"])
def test_paging_and_choice_parameters(client, param):
    for value in NUMBERS + ["json", "geojson", "map", "all", "true", "2"]:
        _check(client.get("/events", params={param: value}))
    if param == "offset":
        for big in (str(2**63), str(2**64), "1000000001"):
            assert client.get("/events", params={"offset": big}).status_code == 422


@pytest.mark.parametrize(("path", "param", "values", "largest"), [
    ("/points", "limit", NUMBERS + ["50000", "50001"], 50_000),
    ("/download", "format", ["acled-csv", "geojson", "json", "parquet", "", "CSV", "\x00"], None),
])
def test_map_page_parameters(client, path, param, values, largest):
    for value in values:
        _check(client.get(path, params={param: value}))
    if largest is not None:
        assert client.get(path, params={param: str(largest)}).status_code == 200
        for too_big in (str(largest + 1), str(2**63)):
            assert client.get(path, params={param: too_big}).status_code == 422


def test_random_combinations(client):
    rng = random.Random(16)
    names = TEXT_PARAMS + ("limit", "offset")
    for _ in range(300):
        params = {n: rng.choice(NASTY + NUMBERS) for n in rng.sample(names, rng.randint(1, 4))}
        _check(client.get(rng.choice(["/events", "/stats", "/points", "/download"]), params=params))


@pytest.mark.parametrize("path", ["/events/%00", "/events/" + "x" * 5000, "/articles/%00", "/articles/" + "y" * 5000,
                                  "/events/%E2%80%AE", "/articles/..%2F..%2Fetc", "/events/ev-clash"])
def test_ids_in_paths(client, path):
    r = client.get(path)
    _check(r)
    assert r.status_code in (200, 404, 422)


@pytest.mark.parametrize(("host", "allowed"), [
    ("127.0.0.1", True), ("127.0.0.1:8000", True), ("localhost:8000", True), ("LOCALHOST", True), ("[::1]:8000", True),
    ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.evil.example", False), ("", False),
    ("localhost.", False),
])
def test_host_allow_list(client, host, allowed):
    r = client.get("/stats", headers={"host": host})
    assert (r.status_code == 200) is allowed
    if not allowed:
        assert r.status_code == 400 and "--allow-host" in r.json()["detail"]["message"]
        Problem.model_validate(r.json())


def test_extra_hosts(sample_db):
    app = create_app(sample_db, host="10.0.0.5", allow_hosts=("events.lan",))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for host, code in (("events.lan", 200), ("events.lan:8000", 200), ("10.0.0.5:8000", 200), ("other", 400)):
            assert c.get("/stats", headers={"host": host}).status_code == code


@pytest.mark.parametrize("path", ["/", "/events", "/stats", "/points", "/download", "/static/app.js", "/openapi.json",
                                  "/events/nope"])
def test_security_headers_and_head(client, path):
    got = client.get(path)
    assert got.headers["x-content-type-options"] == "nosniff" and got.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in got.headers["content-security-policy"]
    head = client.head(path)
    assert head.status_code == got.status_code and head.content == b""
    assert head.headers.get("content-type") == got.headers.get("content-type")


def test_openapi_declares_the_error_bodies(client):
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/events"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Problem")
    assert spec["paths"]["/events"]["get"]["parameters"]  # the parameters are described


def test_store_deleted_or_replaced_under_the_server(tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "STORE_CHECK_SECONDS", 0.0)
    db = tmp_path / "events.db"
    build_store(db)
    other = tmp_path / "other.db"
    with Store.open(other):
        pass  # an empty store
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        assert c.get("/stats").json()["events"] == 4
        shutil.copy(other, tmp_path / "swap.db")
        os.replace(tmp_path / "swap.db", db)  # replaced by renaming another store over it
        time.sleep(0.01)
        assert c.get("/stats").json()["events"] == 0
        db.unlink()
        r = c.get("/events")
        assert r.status_code == 503 and r.json()["detail"]["code"] == "E311"
        Problem.model_validate(r.json())


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/events", "/stats", "/points", "/download"]),
       params=st.dictionaries(st.sampled_from(TEXT_PARAMS + ("limit", "offset", "format", "fields", "with_total")),
                              st.text(st.characters(codec="utf-8"), max_size=300) | st.integers().map(str),
                              max_size=5))
def test_any_parameters(client, path, params):
    _check(client.get(path, params=params))


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["events", "articles"]), ident=st.text(st.characters(codec="utf-8"), min_size=1, max_size=400))
def test_any_ids(client, kind, ident):
    from urllib.parse import quote

    r = client.get(f"/{kind}/" + quote(ident, safe=""))
    _check(r)


def test_docs_are_served_from_the_package(client):
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert client.get(asset).status_code == 200
    assert client.get("/redoc").status_code == 404


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_with_workers(sample_db, workers):
    import socket
    import subprocess
    import sys

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "eventsift", "serve", "--db", str(sample_db), "--port", str(port),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["events"] == 4
        assert httpx.get(f"http://127.0.0.1:{port}/stats", headers={"host": "evil.example"}).status_code == 400
    finally:
        proc.terminate()
        proc.wait(30)
