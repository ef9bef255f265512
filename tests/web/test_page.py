"""The map-and-timeline page in a real headless Chromium, offline: Natural Earth borders, event
clusters that split as you zoom, the stacked weekly timeline and its brush, filters that change
the counts, an event's evidence highlighted, the state kept in the URL (reload and back/forward),
the download link, keyboard use, a phone-width layout, and no request leaving 127.0.0.1; the
page and /docs under the server's Content-Security-Policy.

Needs /usr/bin/chromium (scripts/install-browser.sh installs it), the playwright package and the
page's libraries (``make setup``); skips with a message when one is missing. Writes two
screenshots, first load and one country zoomed in, to ``docs/`` (the README shows them), or to
the folder in EVENTSIFT_SCREENSHOTS.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventsift.web.build import VENDOR

from eventsift.models import Article, Event, Evidence, Source
from eventsift.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000

TARGET_SENTENCE = ("Two air strikes hit the market in Ariha on Tuesday morning, killing 9 civilians, "
                   "the civil defence said.")
TARGET_TEXT = ("Rescue workers searched the rubble through the afternoon. " + TARGET_SENTENCE +
               " Shops and a bakery were destroyed.\nThe town had been calm for weeks before the raid.")

# (place, admin1, country, iso3, lat, lon, event_type, sub_event_type, actor1, inter1, actor2, inter2, verb)
PLACES = [
    ("Maiduguri", "Borno", "Nigeria", "NGA", 11.85, 13.16, "Battles", "Armed clash",
     "Military Forces of Nigeria", 1, "Islamic State West Africa Province", 2, "clashed with"),
    ("Konduga", "Borno", "Nigeria", "NGA", 11.65, 13.42, "Violence against civilians", "Attack",
     "Boko Haram", 2, "Civilians (Nigeria)", 7, "attacked"),
    ("Tunis", "Tunis", "Tunisia", "TUN", 36.82, 10.17, "Protests", "Peaceful protest",
     "Protesters (Tunisia)", 6, None, None, "marched past"),
    ("Gao", "Gao", "Mali", "MLI", 16.27, -0.04, "Explosions/Remote violence", "Remote explosive/landmine/IED",
     "Unidentified Armed Group (Mali)", 3, "Military Forces of Mali", 1, "bombed a convoy of"),
    ("Idlib", "Idlib", "Syria", "SYR", 35.93, 36.63, "Explosions/Remote violence", "Shelling/artillery/missile attack",
     "Military Forces of Syria", 1, "Hayat Tahrir al-Sham", 2, "shelled positions of"),
]


def build_db(path: Path) -> None:
    start = date(2021, 1, 4)
    with Store.open(path) as store:
        n = 0
        for week in range(14):
            for i, (place, admin1, country, iso3, lat, lon, etype, sub, a1, i1, a2, i2, verb) in enumerate(PLACES):
                if (week + i) % 3 == 2:
                    continue
                n += 1
                day = start + timedelta(days=7 * week + i)
                killed = (week * 3 + i) % 6 if etype != "Protests" else 0
                sentence = (f"{a1} {verb} {a2 or 'the city centre'} near {place} on {day:%d %B}, "
                            f"leaving {killed} dead, officials said.")
                text = f"{place} report. {sentence}\nMore details were not available."
                aid = f"w{n}"
                article = Article(id=aid, text=text, outlet="Regional Wire", url=f"https://example.org/{aid}",
                                  published=day, title=f"Incident near {place}")
                s = text.index(sentence)
                event = Event(event_id=f"e{n}", event_type=etype, sub_event_type=sub,
                              disorder_type="Demonstrations" if etype == "Protests" else "Political violence",
                              actor1=a1, inter1=i1, actor2=a2, inter2=i2, interaction=None, location=place,
                              admin1=admin1, country=country, iso3=iso3, latitude=lat + 0.02 * (week % 4),
                              longitude=lon + 0.02 * (week % 3), event_date=day, time_precision=1, fatalities=killed,
                              evidence=(Evidence(aid, s, s + len(sentence), sentence),),
                              sources=(Source(aid, outlet="Regional Wire", url=article.url, published=day),),
                              confidence=0.7)
                store.save_article(article, [event])
        target = Article(id="ariha-report", text=TARGET_TEXT, outlet="Levant Monitor",
                         url="https://example.org/ariha", published=date(2021, 3, 10), title="Strikes on Ariha market")
        s = TARGET_TEXT.index(TARGET_SENTENCE)
        store.save_article(target, [Event(
            event_id="ev-ariha", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            disorder_type="Political violence", actor1="Military Forces of Russia", inter1=8,
            actor2="Civilians (Syria)", inter2=7, interaction=78, civilian_targeting=True, location="Ariha",
            admin1="Idlib", country="Syria", iso3="SYR", latitude=35.81, longitude=36.61,
            event_date=date(2021, 3, 9), time_precision=1, fatalities=9, claimed_by="the civil defence",
            evidence=(Evidence("ariha-report", s, s + len(TARGET_SENTENCE), TARGET_SENTENCE),),
            sources=(Source("ariha-report", outlet="Levant Monitor", url="https://example.org/ariha",
                            published=date(2021, 3, 10), claimed_by="the civil defence"),),
            notes="On 9 March 2021, air strikes hit the market in Ariha (Idlib), killing 9 civilians.",
            confidence=0.9)])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


pytestmark = pytest.mark.browser  # drives Chromium: in make test, not in make test-fast


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from eventsift.api import create_app

    db = tmp_path_factory.mktemp("web") / "events.db"
    build_db(db)
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: run scripts/install-browser.sh to run the browser test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


SHOTS = Path(os.environ.get("EVENTSIFT_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "docs")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture()
def page(server, browser, request):
    """A fresh page at 1280x800 that records every request it makes and every script error."""
    if not (VENDOR / "leaflet.js").is_file():
        pytest.skip("the page's libraries are not built: run `make setup`")
    viewport = getattr(request, "param", DESKTOP)
    # the tests drive the page with evaluated expressions, which the page's policy forbids
    # (test_page_runs_under_its_content_security_policy loads it under the policy)
    pg = browser.new_page(viewport=viewport, bypass_csp=True)
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    outside = [u for u in pg.requests if not u.startswith(server + "/")]
    assert not outside, f"the page fetched from elsewhere: {outside}"
    assert not pg.errors, pg.errors
    pg.close()


def open_page(page, url: str) -> int:
    page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    return wait_loaded(page)


def wait_loaded(page) -> int:
    page.wait_for_function("document.body.dataset.loading === '' && document.body.dataset.events !== undefined",
                           timeout=TIMEOUT_MS)
    return int(page.evaluate("document.body.dataset.events"))


def test_page_runs_under_its_content_security_policy(server, browser):
    """The server's policy allows scripts, styles and data from this server only (and inline
    styles, which Leaflet sets on its panes and markers), never eval: the page draws everything
    under it. Only selectors drive this page (evaluated expressions are what the policy forbids)."""
    if not (VENDOR / "leaflet.js").is_file():
        pytest.skip("the page's libraries are not built: run `make setup`")
    page = browser.new_page(viewport=DESKTOP)
    violations: list[str] = []
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)))
    try:
        response = page.goto(server + "/", timeout=TIMEOUT_MS)
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "unsafe-eval" not in policy
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=TIMEOUT_MS)
        page.wait_for_selector("body[data-events='48']", state="attached", timeout=TIMEOUT_MS)
        page.wait_for_selector(".ev-cluster, .ev-marker", timeout=TIMEOUT_MS)  # the markers
        page.wait_for_selector("#timeline g.week rect.bar", state="attached", timeout=TIMEOUT_MS)
        page.wait_for_selector(".country-label", timeout=TIMEOUT_MS)  # the borders' labels
        page.wait_for_selector("#overview button.event", timeout=TIMEOUT_MS)
        assert any(u.endswith("/static/vendor/leaflet.js") for u in requests)
        assert not violations, violations
        outside = [u for u in requests if not u.startswith(server + "/")]
        assert not outside, f"the page fetched from elsewhere: {outside}"
    finally:
        page.close()


def test_docs_page_works_offline_under_the_policy(server, browser):
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(server + "/docs", timeout=TIMEOUT_MS)
        page.wait_for_selector(".opblock-summary-path", timeout=TIMEOUT_MS)
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        for path in ("/events", "/points", "/download", "/stats"):
            assert any(p.replace("\u200b", "").strip() == path for p in paths), (path, paths)
        assert not problems, problems
        outside = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
        assert not outside, f"the docs fetched from elsewhere: {outside}"
    finally:
        page.close()


def url_params(page) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(page.url).query))


def open_event_on_map(page, event_id: str) -> None:
    """Click the cluster holding the event until it stands alone, then click it."""
    for _ in range(8):
        where = page.evaluate("id => eventsift.map.whereIs(id)", event_id)
        assert where is not None, "the event should be on the map"
        if where["size"] == 1:
            break
        page.mouse.click(where["x"], where["y"])
        page.wait_for_timeout(450)  # the zoom animation
    assert where["size"] == 1, "clusters should split when zoomed into"
    page.click(f".ev-marker[data-event='{event_id}']")
    page.wait_for_selector(f"#panel[data-event='{event_id}']", timeout=TIMEOUT_MS)


def test_first_load_shows_borders_clusters_labels_and_timeline(server, page):
    assert open_page(page, server + "/") == 48
    assert page.evaluate("eventsift.map.map.getZoom()") >= 3.5  # fitted to the events
    # Natural Earth countries, at 1:50m from this zoom on
    page.wait_for_function("eventsift.map.counts().borders > 200", timeout=TIMEOUT_MS)
    counts = page.evaluate("eventsift.map.counts()")
    assert counts["clusters"] >= 1 and counts["events"] == 48
    assert counts["labels"] > 20  # country names (capitals too at this zoom)
    assert page.locator(".country-label", has_text="Nigeria").count() == 1
    assert page.locator("#timeline g.week").count() >= 10
    # the weeks are stacked by event type: one bar per type present that week
    assert page.locator("#timeline g.week").first.locator("rect.bar").count() >= 2
    assert page.locator("#f-country option").count() == 1 + 4
    # the overview: top actors and places, the latest events
    assert page.locator("#overview ol.top").count() == 2
    assert page.locator("#overview button.event").count() == 25
    # countries with events are shaded, the others are not
    assert page.evaluate("eventsift.map.shade.byCode[566].events") == 19  # Nigeria
    # the request log sees the page's own files (so the check for outside requests can bite)
    assert any(u.endswith("/static/vendor/countries-50m.json") for u in page.requests)
    # zoomed out to the world: the lighter 1:110m borders
    page.evaluate("() => { eventsift.map.map.setZoom(2); }")
    page.wait_for_function("eventsift.map.bordersScale === '110m' && eventsift.map.counts().borders > 150",
                           timeout=TIMEOUT_MS)
    assert any(u.endswith("/static/vendor/countries-110m.json") for u in page.requests)
    page.evaluate("() => { eventsift.map.map.setZoom(4.5); }")
    page.wait_for_function("eventsift.map.bordersScale === '50m'", timeout=TIMEOUT_MS)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "screenshot-first-load.png"))
    assert (SHOTS / "screenshot-first-load.png").stat().st_size > 20_000


def test_filter_event_evidence_url_reload_and_history(server, page):
    total = open_page(page, server + "/")
    page.select_option("#f-country", "Syria")
    page.wait_for_function("document.body.dataset.events === '10'", timeout=TIMEOUT_MS)
    assert wait_loaded(page) == 10 < total
    assert page.evaluate("eventsift.map.counts().events") == 10
    assert "10 events" in page.locator("#overview .meta").first.inner_text()
    assert url_params(page)["country"] == "Syria"

    open_event_on_map(page, "ev-ariha")
    marks = page.locator("#panel mark.evidence")
    assert marks.count() == 1 and marks.first.inner_text() == TARGET_SENTENCE
    report = page.locator("#panel .report").first.inner_text()
    assert "Rescue workers searched" in report and "Shops and a bakery" in report  # context around it
    assert "Levant Monitor" in page.locator("#panel ul.sources").inner_text()
    assert page.locator(".ev-marker.selected[data-event='ev-ariha']").count() == 1
    params = url_params(page)
    assert params["event"] == "ev-ariha" and params["country"] == "Syria" and "map" in params
    while page.evaluate("eventsift.map.map.getZoom()") > 7:  # out to the country round the event
        page.click(".leaflet-control-zoom-out")
        page.wait_for_timeout(350)
    page.wait_for_function("eventsift.state().view.zoom <= 7", timeout=TIMEOUT_MS)
    # zoomed in on a country: its first-level borders and their names are drawn
    page.wait_for_function("eventsift.map.counts().admin1 > 0", timeout=TIMEOUT_MS)
    assert page.locator(".admin1-label", has_text="Idlib").count() == 1
    view = url_params(page)["map"]
    shot = SHOTS / "screenshot-country.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000

    # the link reopens the same view: filters, selection and map
    page.reload()
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    assert wait_loaded(page) == 10
    assert page.input_value("#f-country") == "Syria"
    page.wait_for_selector("#panel[data-event='ev-ariha'] mark.evidence", timeout=TIMEOUT_MS)
    assert url_params(page)["map"] == view

    # back: the event closes; back again: all countries; forward: Syria again
    page.go_back()
    page.wait_for_function("document.getElementById('panel').dataset.event === ''", timeout=TIMEOUT_MS)
    assert page.locator("#overview").is_visible()
    page.go_back()
    page.wait_for_function(f"document.body.dataset.events === '{total}'", timeout=TIMEOUT_MS)
    assert page.input_value("#f-country") == ""
    page.go_forward()
    page.wait_for_function("document.body.dataset.events === '10'", timeout=TIMEOUT_MS)
    assert page.input_value("#f-country") == "Syria"


def test_brushing_weeks_narrows_the_map_and_is_kept_in_the_url(server, page):
    total = open_page(page, server + "/")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + 40, steps=5)
    page.mouse.up()
    brushed = wait_loaded(page)
    assert 0 < brushed < total
    weeks = url_params(page)["weeks"]
    assert weeks.startswith("2021-01-04..")
    assert page.locator("#timeline rect.brush").count() == 1
    page.reload()
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    assert wait_loaded(page) == brushed
    page.click("#brush-clear")
    page.wait_for_function(f"document.body.dataset.events === '{total}'", timeout=TIMEOUT_MS)
    assert "weeks" not in url_params(page)


@pytest.mark.parametrize("fmt", ["dl-csv", "dl-geojson"])
def test_download_link_returns_the_filtered_rows(server, page, fmt):
    open_page(page, server + "/?event_type=Protests")
    href = page.get_attribute(f"#{fmt}", "href")
    assert "event_type=Protests" in href
    body = page.evaluate("url => fetch(url).then(r => r.text())", href)
    if fmt == "dl-csv":
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(body)))
        assert {r["event_type"] for r in rows} == {"Protests"} and {r["country"] for r in rows} == {"Tunisia"}
    else:
        import json

        rows = json.loads(body)["features"]
        assert {f["properties"]["event_type"] for f in rows} == {"Protests"}
    assert len(rows) == int(page.evaluate("document.body.dataset.events")) > 0


def test_keyboard_reaches_the_filters_and_the_events(server, page):
    open_page(page, server + "/")
    page.keyboard.press("Tab")  # the skip link first
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-country"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "focus should be visible"
    first = page.locator("#overview button.event").first
    event_id = first.get_attribute("data-event")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#panel[data-event='{event_id}']", timeout=TIMEOUT_MS)
    assert page.evaluate("document.activeElement.tagName") == "H2"  # focus follows into the panel
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # "All events"
    page.wait_for_function("document.getElementById('panel').dataset.event === ''", timeout=TIMEOUT_MS)
    labelled = page.evaluate("[...document.querySelectorAll('.ev-cluster, .ev-marker')]"
                             ".every(n => n.getAttribute('aria-label') && n.tabIndex === 0)")
    assert labelled, "every marker and cluster is focusable and labelled"
    # Enter on a focused cluster zooms into it
    zoom = page.evaluate("eventsift.map.map.getZoom()")
    page.focus(".ev-cluster")
    assert "events" in page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    page.wait_for_function(f"eventsift.map.map.getZoom() > {zoom}", timeout=TIMEOUT_MS)


@pytest.mark.parametrize("page", [PHONE], indirect=True)
def test_phone_width_layout(server, page):
    open_page(page, server + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1  # no sideways scrolling
    map_box = page.locator("#map").bounding_box()
    assert map_box["width"] >= PHONE["width"] - 2 and map_box["height"] > 300
    assert page.locator("#overview button.event").first.is_visible() or page.locator("#panel").count() == 1


def test_online_tiles_only_when_the_server_is_given_a_tiles_url(browser, tmp_path):
    """Opt-in tiles, from a tile server on 127.0.0.1 that the test starts itself."""
    import base64
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import uvicorn

    from eventsift.api import create_app

    if not (VENDOR / "leaflet.js").is_file():
        pytest.skip("the page's libraries are not built: run `make setup`")
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
    asked: list[str] = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    tiles = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=tiles.serve_forever, daemon=True).start()
    db = tmp_path / "events.db"
    build_db(db)
    port = free_port()
    tile_url = f"http://127.0.0.1:{tiles.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    srv = uvicorn.Server(uvicorn.Config(create_app(db, tiles_url=tile_url), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    page = browser.new_page(viewport=DESKTOP, bypass_csp=True)
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    try:
        open_page(page, f"http://127.0.0.1:{port}/")
        page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0", timeout=TIMEOUT_MS)
        assert asked and all(p.endswith(".png") for p in asked)
        assert all(u.startswith("http://127.0.0.1:") for u in seen)
        page.wait_for_function("eventsift.map.counts().borders > 200", timeout=TIMEOUT_MS)  # the borders stay on top
        assert page.evaluate("eventsift.map.borders.getLayers()[0].options.fillOpacity") < 0.5  # the tiles show
    finally:
        page.close()
        srv.should_exit = True
        thread.join(timeout=10)
        tiles.shutdown()
