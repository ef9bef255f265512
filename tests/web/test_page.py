"""The map-and-timeline page in a real headless Chromium: it loads offline, filters, brushes the
timeline, opens an event and shows the report with the evidence highlighted.

Needs /usr/bin/chromium (scripts/install-browser.sh installs it) and the playwright package;
skips with a message when either is missing. Saves a screenshot: into the test's tmp folder, or
to the path in EVENTSIFT_SCREENSHOT (the README's picture is made with
``EVENTSIFT_SCREENSHOT=docs/screenshot.png``).
"""
from __future__ import annotations

import os
import socket
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

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


def wait_loaded(page) -> int:
    page.wait_for_function("document.body.dataset.loading === '' && document.body.dataset.events !== undefined",
                           timeout=TIMEOUT_MS)
    return int(page.evaluate("document.body.dataset.events"))


def test_page_runs_under_its_content_security_policy(server, browser):
    """The server's policy forbids scripts from elsewhere and eval: the page needs neither."""
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(str(e)))
    response = page.goto(server + "/", timeout=TIMEOUT_MS)
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=TIMEOUT_MS)
    page.wait_for_selector("#timeline rect.bar", state="attached", timeout=TIMEOUT_MS)
    assert not violations, violations
    page.close()


def test_page_filters_brushes_and_shows_highlighted_evidence(server, browser, tmp_path_factory):
    # the test drives the page with evaluated expressions, which the page's policy forbids
    page = browser.new_page(viewport={"width": 1400, "height": 880}, bypass_csp=True)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/", timeout=TIMEOUT_MS)
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    total = wait_loaded(page)
    assert total == 48

    # the base map and the timeline are drawn from local data
    assert page.evaluate("eventsift.state.world !== null && eventsift.state.world.length > 200")
    assert page.locator("#timeline rect.bar").count() >= 10
    assert page.locator("#f-country option").count() == 1 + 4

    # brushing the first weeks of the timeline narrows the map
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 32, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + 40, steps=5)
    page.mouse.up()
    brushed = wait_loaded(page)
    assert 0 < brushed < total
    assert page.locator("#timeline rect.brush").count() == 1
    page.click("#brush-clear")
    assert wait_loaded(page) == total

    # filter by country, then click the event on the canvas
    page.select_option("#f-country", "Syria")
    page.wait_for_function("document.body.dataset.events === '10'", timeout=TIMEOUT_MS)
    canvas = page.locator("#map").bounding_box()
    # clicking a cluster zooms into it; a few clicks bring the event out on its own
    for _ in range(6):
        pos = page.evaluate("eventsift.screenPosition('ev-ariha')")
        assert pos is not None, "the event should be on the map"
        page.mouse.click(canvas["x"] + pos["x"], canvas["y"] + pos["y"])
        if pos["size"] == 1:
            break
    assert pos["size"] == 1, "clusters should split when zoomed into"
    page.wait_for_selector("#panel[data-event='ev-ariha']", timeout=TIMEOUT_MS)

    marks = page.locator("#panel mark.evidence")
    assert marks.count() == 1
    assert marks.first.inner_text() == TARGET_SENTENCE
    report = page.locator("#panel .report").first.inner_text()
    assert "Rescue workers searched" in report and "Shops and a bakery" in report  # context around it
    assert "Levant Monitor" in page.locator("#panel ul").first.inner_text()

    for _ in range(4):  # step back out so the screenshot shows the region round the event
        page.click("#zoom-out")
    shot = Path(os.environ.get("EVENTSIFT_SCREENSHOT") or tmp_path_factory.mktemp("shot") / "screenshot.png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert not errors, errors
    outside = [u for u in requests if not u.startswith(server)]
    assert not outside, f"the page fetched from elsewhere: {outside}"
    page.close()


def test_docs_page_works_offline_under_the_policy(server, browser):
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server + "/docs", timeout=TIMEOUT_MS)
    page.wait_for_selector(".opblock-summary-path", timeout=TIMEOUT_MS)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/events" in p for p in paths) and any("/stats" in p for p in paths)
    assert not problems, problems
    outside = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
    assert not outside, f"the docs fetched from elsewhere: {outside}"
    page.close()


WEEKS = [{"week": "2020-01-06", "events": 3000}, {"week": "2020-01-13", "events": 2500},
         {"week": "2020-01-20", "events": 2000}]


@pytest.mark.parametrize(("weeks", "date_from", "date_to", "expected"), [
    (WEEKS, None, None, {"from": "2020-01-13", "older": 3000}),           # the newest weeks that fit
    (WEEKS[1:], None, None, {"from": None, "older": 0}),                  # everything fits
    (WEEKS, "2020-01-13", None, {"from": None, "older": 0}),              # the dates asked for fit
    (WEEKS, None, "2020-01-19", {"from": "2020-01-13", "older": 3000}),   # the window ends at date_to
    ([{"week": "2020-01-06", "events": 10}, {"week": "2020-01-13", "events": 6000}], None, None,
     {"from": "2020-01-13", "older": 10}),                                # the newest week alone is too big
])
def test_the_map_draws_the_most_recent_events(server, browser, weeks, date_from, date_to, expected):
    page = browser.new_page(bypass_csp=True)
    page.goto(server + "/", timeout=TIMEOUT_MS)
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=TIMEOUT_MS)
    got = page.evaluate("([w, a, b]) => eventsift.recentWindow(w, a, b, 5000)", [weeks, date_from, date_to])
    assert got == expected
    assert page.evaluate("document.body.dataset.older") == "0"  # the test store is small: all drawn
    page.close()
