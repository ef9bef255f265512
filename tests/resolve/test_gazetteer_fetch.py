"""`eventsift gazetteer fetch`: GeoNames extracts served by a loopback HTTP server that the test starts.

The extract is the made-up villages of tests/fixtures/geonames zipped as GeoNames ships a country
(``BJ.zip`` holding ``BJ.txt``). The server answers HEAD, GET and byte ranges, and can be told to break
off a download half-way, so resuming, size checks and checksum checks are exercised for real.
"""
from __future__ import annotations

import copy
import io
import socket
import sqlite3
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventsift.cli import app
from eventsift.config import Settings
from eventsift.errors import EventsiftError
from eventsift.resolve.geo.fetch import extract_names, fetch_geonames
from eventsift.resolve.geo.gazetteer import IMPORT_DB

DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"


def _zip(member: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, data)
    return buf.getvalue()


def _files() -> dict[str, bytes]:
    rows = (DUMP / "allCountries.txt").read_bytes()
    bj = b"".join(line + b"\n" for line in rows.splitlines() if line.split(b"\t")[8] == b"BJ")
    return {"/admin1CodesASCII.txt": (DUMP / "admin1CodesASCII.txt").read_bytes(), "/admin2Codes.txt": b"",
            "/BJ.zip": _zip("BJ.txt", bj), "/SY.zip": _zip("SY.txt", rows), "/XX.zip": b"PK\x03\x04 not a zip"}


class _Server:
    def __init__(self) -> None:
        self.files = _files()
        self.gets: list[tuple[str, str | None]] = []
        self.cut: dict[str, int] = {}   # path -> bytes to send before breaking off (once)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _body(self) -> bytes | None:
                body = outer.files.get(self.path)
                if body is None:
                    self.send_error(404)
                return body

            def do_HEAD(self) -> None:
                body = self._body()
                if body is not None:
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Last-Modified", "Mon, 07 Dec 2026 00:00:00 GMT")
                    self.end_headers()

            def do_GET(self) -> None:
                body = self._body()
                if body is None:
                    return
                rng = self.headers.get("Range")
                outer.gets.append((self.path, rng))
                start = int(rng.split("=")[1].rstrip("-")) if rng else 0
                self.send_response(206 if rng else 200)
                if rng:
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                if self.path in outer.cut:
                    self.wfile.write(body[start:start + outer.cut.pop(self.path)])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body[start:])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    s = _Server()
    yield s
    s.close()


def _settings(tmp_path: Path, server: _Server) -> Settings:
    return Settings(cache_dir=tmp_path, geonames_url=server.url, fetch_timeout=5.0)


def _places(tmp_path: Path) -> dict[str, str]:
    con = sqlite3.connect(str(tmp_path / IMPORT_DB))
    return dict(con.execute("SELECT name, admin1 FROM places").fetchall())


def test_fetch_adds_the_villages_and_a_second_run_adds_nothing(tmp_path, server):
    seen = []
    report = fetch_geonames(["bj"], _settings(tmp_path, server), progress=lambda n, d, t: seen.append((n, d, t)))
    assert report.added == 1
    assert _places(tmp_path) == {"Gbassa Kpara": "Alibori"}
    size = len(server.files["/BJ.zip"])
    assert ("BJ.zip", size, size) in seen   # the progress callback saw the whole file
    gets = len(server.gets)
    again = fetch_geonames(["BJ"], _settings(tmp_path, server))
    assert again.added == 0 and not again.downloaded
    assert sorted(again.kept) == ["BJ.zip", "admin1CodesASCII.txt", "admin2Codes.txt"]
    assert len(server.gets) == gets   # nothing downloaded again


def test_a_broken_download_resumes_where_it_stopped(tmp_path, server):
    server.cut["/SY.zip"] = 100
    with pytest.raises(EventsiftError) as err:
        fetch_geonames(["SY"], _settings(tmp_path, server))
    assert err.value.code == "E407"   # fewer bytes than announced
    assert (tmp_path / "geonames" / "SY.zip.part").stat().st_size == 100
    report = fetch_geonames(["SY"], _settings(tmp_path, server))
    assert ("/SY.zip", "bytes=100-") in server.gets
    assert report.added == 3
    assert _places(tmp_path)["Kaffrin Zor"] == "Homs"


def test_a_damaged_download_fails_its_checksum(tmp_path, server):
    with pytest.raises(EventsiftError) as err:
        fetch_geonames(["XX"], _settings(tmp_path, server))
    assert err.value.code == "E408"
    assert not (tmp_path / "geonames" / "XX.zip").exists()


def test_a_file_changed_on_disk_is_fetched_again(tmp_path, server):
    fetch_geonames(["BJ"], _settings(tmp_path, server))
    path = tmp_path / "geonames" / "BJ.zip"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    report = fetch_geonames(["BJ"], _settings(tmp_path, server))
    assert report.downloaded == ["BJ.zip"] and report.added == 0


@pytest.mark.parametrize("codes, expected", [
    ([], ["allCountries"]), (["sy", "BJ", "SY"], ["SY", "BJ"]), (["allcountries"], ["allCountries"]),
])
def test_extract_names(codes, expected):
    assert extract_names(codes) == expected


@pytest.mark.parametrize("code, error", [("Syria", "E403"), ("ZZ", "E404")])
def test_bad_codes_are_coded_errors(tmp_path, server, code, error):
    with pytest.raises(EventsiftError) as err:
        fetch_geonames([code], _settings(tmp_path, server))
    assert err.value.code == error


def test_offline_is_a_clear_message(tmp_path, monkeypatch):
    with socket.socket() as s:   # a loopback port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("EVENTSIFT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("EVENTSIFT_GEONAMES_URL", f"http://127.0.0.1:{port}/")
    result = CliRunner().invoke(app, ["gazetteer", "fetch", "BJ"])
    assert result.exit_code != 0
    assert isinstance(result.exception, EventsiftError) and result.exception.code == "E406"
    assert "needs internet" in result.exception.hint


def test_cli_fetch_reports_what_it_added(tmp_path, server, monkeypatch):
    monkeypatch.setenv("EVENTSIFT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("EVENTSIFT_GEONAMES_URL", server.url)
    result = CliRunner().invoke(app, ["gazetteer", "fetch", "BJ"])
    assert result.exit_code == 0, result.output
    assert "added 1 places" in result.output


def test_an_event_in_a_fetched_village_is_placed_there(tmp_path, server, nlp):
    from datetime import date

    from eventsift.models import Article
    from eventsift.pipeline import Pipeline
    from eventsift.resolve.geo import Geocoder
    from eventsift.resolve.geo import gazetteer as gaz_module

    fetch_geonames(["BJ"], _settings(tmp_path, server))
    gaz = copy.copy(gaz_module.default(Settings.from_env()))
    gaz.import_db = tmp_path / IMPORT_DB
    text = ("Gunmen attacked the village of Gbassa Kpara in Alibori department on 3 May 2021, "
            "killing two farmers, local officials said.")
    pipeline = Pipeline(nlp=nlp, geocoder=Geocoder(gaz))
    [result] = pipeline.pipe([Article(id="t1", text=text, published=date(2021, 5, 4))])
    assert result.events
    event = result.events[0]
    assert (event.location, event.admin1, event.geo_precision) == ("Gbassa Kpara", "Alibori", 1)
