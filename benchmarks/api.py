"""API and page latency on a large store: ``python -m benchmarks.api``.

Builds a store of ``EVENTS`` synthetic events (made up here: random places round a dozen
country centres, types, actors, dates over five years, one evidence sentence and one source
each) through the store's bulk ``upsert_events``, serves it with uvicorn on a free loopback
port and times, over HTTP with httpx:

- typical ``/events`` queries (a filtered page of 100 events): target p95 <= 100 ms;
- the page's first load over HTTP: ``/`` and its static files, ``/config``, the borders, the
  first ``/stats`` and the map's ``/points``, requested one after another (an upper bound: a
  browser fetches them in parallel);
- the page itself in headless Chromium (when /usr/bin/chromium, playwright and the page's
  libraries are there): the first useful render (borders, clusters, shading, timeline and
  overview drawn, from navigation start, each load in a fresh browser context so nothing is
  cached in the browser) and a filter change (from the change to the new markers drawn, and to
  every view redrawn), with filters not asked before so the server's stats cache does not help.
  Targets: first render p95 <= 1.5 s, filter change p95 <= 300 ms.
"""
from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventsift.models import Event, Evidence, Source
from eventsift.taxonomy import EVENT_TYPE_OF, disorder_type

#: events in the benchmark store
EVENTS = 200_000
#: events written per store transaction while generating
WRITE_BATCH = 20_000
#: timed repetitions of each query (after one warm-up)
REPEATS = 30
#: repetitions of the whole first page load
PAGE_LOADS = 10
#: the target for a filtered page of 100 events
TARGET_P95_MS = 100.0
#: targets for the page in a browser: first useful render, and a filter change
TARGET_FIRST_RENDER_MS = 1500.0
TARGET_FILTER_CHANGE_MS = 300.0
#: page loads and filter changes timed in the browser
BROWSER_LOADS = 10
BROWSER_CHANGES = 20
#: clients asking at once, requests each, and the p95 target under that load
CONCURRENT_CLIENTS = 20
CONCURRENT_REQUESTS = 30
TARGET_CONCURRENT_P95_MS = 300.0

# (country, iso3, centre lat, centre lon, spread in degrees, admin1 names)
_COUNTRIES = (
    ("Syria", "SYR", 35.0, 38.0, 1.5, ("Aleppo", "Idlib", "Hama", "Homs", "Deir ez Zor")),
    ("Iraq", "IRQ", 33.5, 43.5, 2.0, ("Nineveh", "Anbar", "Baghdad", "Kirkuk")),
    ("Afghanistan", "AFG", 34.0, 66.0, 2.5, ("Kandahar", "Helmand", "Nangarhar", "Kunduz", "Ghazni")),
    ("Yemen", "YEM", 15.0, 45.0, 1.5, ("Taizz", "Marib", "Al Hudaydah", "Sadah")),
    ("Nigeria", "NGA", 10.0, 8.0, 3.0, ("Borno", "Kaduna", "Zamfara", "Plateau", "Lagos")),
    ("Mali", "MLI", 15.0, -2.0, 2.5, ("Mopti", "Gao", "Timbuktu", "Segou")),
    ("Burkina Faso", "BFA", 12.5, -1.5, 1.5, ("Sahel", "Est", "Nord", "Centre-Nord")),
    ("Somalia", "SOM", 4.0, 45.5, 2.0, ("Banadir", "Lower Shabelle", "Bay", "Hiraan")),
    ("Democratic Republic of Congo", "COD", -1.5, 28.5, 2.0, ("North Kivu", "Ituri", "South Kivu")),
    ("Myanmar", "MMR", 21.0, 96.0, 2.5, ("Sagaing", "Rakhine", "Shan", "Kachin")),
    ("Ukraine", "UKR", 48.5, 35.5, 2.0, ("Donetsk", "Kharkiv", "Zaporizhia", "Kherson")),
    ("Colombia", "COL", 4.5, -74.5, 2.5, ("Cauca", "Antioquia", "Narino", "Norte de Santander")),
)
_ACTORS = ("Military Forces", "Police Forces", "Rebel Group", "Islamic State", "Unidentified Armed Group",
           "Protesters", "Rioters", "Civilians", "Communal Militia")
_VERBS = ("attacked", "clashed with", "shelled", "struck", "ambushed", "marched against", "detained")


def synthetic_events(n: int, *, seed: int = 7) -> list[Event]:
    """``n`` made-up events, the same for the same seed (drawn from small precomputed pools so
    that generating 200k stays a few seconds)."""
    rng = random.Random(seed)
    rand = rng.random
    subs = sorted(EVENT_TYPE_OF)
    kinds = [(sub, EVENT_TYPE_OF[sub], disorder_type(EVENT_TYPE_OF[sub], sub)) for sub in subs]
    start = date(2019, 1, 1)
    days = [start + timedelta(days=d) for d in range(5 * 365)]
    published = [d + timedelta(days=1) for d in days]
    pairs = [(a, b) for a in _ACTORS for b in _ACTORS if a != b]
    out = []
    append = out.append
    for i in range(n):
        country, iso3, lat, lon, spread, admins = _COUNTRIES[int(rand() * len(_COUNTRIES))]
        sub, etype, disorder = kinds[int(rand() * len(kinds))]
        a1, a2 = pairs[int(rand() * len(pairs))]
        d = int(rand() * len(days))
        killed = min(int(rng.expovariate(0.4)), 200)
        place = f"Place {i % 5000}"
        sentence = f"{a1} of {country} {_VERBS[i % len(_VERBS)]} {a2} near {place}, killing {killed} people."
        aid = f"bench-{i // 3}"
        append(Event(
            event_id=f"bench-{i}", event_type=etype, sub_event_type=sub, disorder_type=disorder,
            actor1=f"{a1} of {country}", inter1=1 + i % 8, actor2=f"{a2} of {country}", inter2=1 + (i // 8) % 8,
            interaction=None, location=place, admin1=admins[i % len(admins)], country=country, iso3=iso3,
            latitude=round(lat + (2 * rand() - 1) * spread, 4), longitude=round(lon + (2 * rand() - 1) * spread, 4),
            geo_precision=1, event_date=days[d], time_precision=1, fatalities=killed, confidence=0.7,
            evidence=(Evidence(aid, 0, len(sentence), sentence),),
            sources=(Source(aid, outlet="Synthetic Wire", published=published[d]),),
        ))
    return out


def build_store(path: Path, n: int = EVENTS) -> float:
    """Write ``n`` synthetic events to a new store at ``path``; returns the seconds it took."""
    from eventsift.store import Store

    started = time.perf_counter()
    events = synthetic_events(n)
    with Store.open(path) as store:
        for i in range(0, n, WRITE_BATCH):
            store.upsert_events(events[i:i + WRITE_BATCH])
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API server exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the API server did not start")


def _percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=20, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 19
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(q[18], 1), "n": len(ordered)}


#: typical filtered pages of 100 events, as the page and an analyst's script ask for them
QUERIES: dict[str, dict[str, Any]] = {
    "country": {"country": "Syria"},
    "country+dates": {"country": "Nigeria", "date_from": "2021-01-01", "date_to": "2021-06-30"},
    "type+dates": {"event_type": "Battles", "date_from": "2022-03-01", "date_to": "2022-03-31"},
    "admin1": {"admin1": "Borno"},
    "actor": {"actor": "Islamic State", "country": "Iraq"},
    "bbox": {"bbox": "36,34,39,37"},
    "text": {"q": "ambushed", "country": "Mali"},
    "unfiltered+offset": {"offset": 5000},
    "geojson": {"country": "Yemen", "format": "geojson"},
}


def run(n: int = EVENTS, *, db: Path | None = None, show: bool = True) -> dict[str, Any]:
    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(db) if db else Path(tmp) / "bench.db"
        build_seconds = build_store(path, n) if not path.exists() else 0.0
        port = _free_port()
        # the server runs in its own process, as `eventsift serve` would, so that the timing
        # client does not share its interpreter
        server = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; "
                                   "from eventsift.api import serve; serve(Path(sys.argv[1]), port=int(sys.argv[2]))",
                                   str(path), str(port)])
        _wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        results: dict[str, Any] = {"events": n, "build_seconds": round(build_seconds, 1), "queries": {}}
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                every: list[float] = []
                for name, params in QUERIES.items():
                    params = {"limit": 100, **params}
                    client.get("/events", params=params).raise_for_status()  # warm-up
                    samples = []
                    for _ in range(REPEATS):
                        t = time.perf_counter()
                        client.get("/events", params=params).raise_for_status()
                        samples.append((time.perf_counter() - t) * 1000)
                    results["queries"][name] = _percentiles(samples)
                    every += samples
                results["events_page_100"] = _percentiles(every)
                results["target_p95_ms"] = TARGET_P95_MS
                results["page_first_load"] = _page_load(client)
            results["page_in_browser"] = _browser(base)
            results["concurrent"] = _concurrent(base)
        finally:
            server.terminate()
            server.wait(timeout=30)
        results["concurrent_2_workers"] = _concurrent_with_workers(path, 2)
    if show:
        _show(results)
    return results


def _concurrent_with_workers(path: Path, workers: int) -> dict[str, Any]:
    """_concurrent against `eventsift serve --workers N` (after one warm-up round)."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; "
                               "from eventsift.api import serve; "
                               "serve(Path(sys.argv[1]), port=int(sys.argv[2]), workers=int(sys.argv[3]))",
                               str(path), str(port), str(workers)])
    try:
        _wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        _concurrent(base)  # every worker process opens its store and warms its caches
        return {"workers": workers, **_concurrent(base)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _concurrent(base: str) -> dict[str, Any]:
    """CONCURRENT_CLIENTS clients, each on its own connection, asking the QUERIES (pages of 100)
    in turn without pause: the latency of every request under that load."""
    import threading

    import httpx

    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    queries = list(QUERIES.values())

    def client_loop(k: int) -> None:
        mine = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for i in range(CONCURRENT_REQUESTS):
                params = {"limit": 100, **queries[(k + i) % len(queries)]}
                t = time.perf_counter()
                r = client.get("/events", params=params)
                mine.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    errors.append(str(r.status_code))
        with lock:
            samples.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(k,)) for k in range(CONCURRENT_CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    return {"clients": CONCURRENT_CLIENTS, **_percentiles(samples), "target_p95_ms": TARGET_CONCURRENT_P95_MS,
            "requests_per_second": round(len(samples) / seconds, 1), "errors": len(errors)}


def _page_load(client) -> dict[str, Any]:
    """The requests the page makes, one after another, up to its map's points ("first_paint";
    "complete" is the same now that the points come in one request)."""
    first = [("/", {}), ("/static/style.css", {}), ("/static/vendor/leaflet.js", {}),
             ("/static/vendor/supercluster.min.js", {}), ("/static/app.js", {}), ("/config", {}),
             ("/static/vendor/countries-50m.json", {}), ("/stats", {}), ("/points", {"limit": 5_000})]
    rest: list = []
    parts: dict[str, list[float]] = {}
    paints, completes = [], []
    for round_ in range(PAGE_LOADS + 1):
        elapsed = 0.0
        timings: dict[str, float] = {}
        for i, (url, params) in enumerate(first + rest):
            t = time.perf_counter()
            client.get(url, params=params).raise_for_status()
            ms = (time.perf_counter() - t) * 1000
            timings[url] = timings.get(url, 0.0) + ms
            elapsed += ms
            if i == len(first) - 1:
                paint = elapsed
        if round_ == 0:  # the first round fills the stats cache; reported apart as "cold"
            cold = {"first_paint_ms": round(paint, 1), "stats_ms": round(timings["/stats"], 1)}
            continue
        paints.append(paint)
        completes.append(elapsed)
        for key, ms in timings.items():
            parts.setdefault(key, []).append(ms)
    return {"first_paint": _percentiles(paints), "complete": _percentiles(completes), "cold": cold,
            "parts": {k: _percentiles(v) for k, v in parts.items()}}


#: filters a user might try one after another (each asked once, so never from the stats cache)
def _filter_changes(n: int) -> list[dict[str, str]]:
    types = sorted(set(EVENT_TYPE_OF.values()))
    out: list[dict[str, str]] = []
    for i in range(n):
        country = _COUNTRIES[i % len(_COUNTRIES)][0]
        if i < len(_COUNTRIES):
            out.append({"country": country})
        else:
            out.append({"country": country, "event_type": types[i % len(types)]})
    return out


def _browser(base: str) -> dict[str, Any]:
    """The page in headless Chromium: first useful render and filter changes (see the module's
    docstring); {"status": ...} when no browser can be driven here."""
    from pathlib import Path as _Path

    from eventsift.web.build import VENDOR

    chromium = _Path("/usr/bin/chromium")
    if not chromium.exists() or not (VENDOR / "leaflet.js").is_file():
        return {"status": "skipped: needs /usr/bin/chromium (scripts/install-browser.sh) and `make setup`"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"status": "skipped: the playwright package is not installed"}
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    ready = "document.body.dataset.ready === '1' && document.body.dataset.loading === ''"
    first, first_map, changes_map, changes_all = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=args, headless=True)
        try:
            for round_ in range(BROWSER_LOADS + 1):
                context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)  # timing uses eval
                page = context.new_page()
                page.goto(base + "/", timeout=60_000)
                page.wait_for_function(ready, timeout=60_000)
                timing = page.evaluate("eventsift.timing")
                if round_:  # the first load fills the server's cache of unfiltered stats
                    first.append(timing["ready_ms"])
                    first_map.append(timing["loads"][0]["started"] + timing["loads"][0]["map_ms"])
                if round_ < BROWSER_LOADS:
                    context.close()
            shown = page.evaluate("document.body.dataset.shown")
            for filters in _filter_changes(BROWSER_CHANGES):
                before = page.evaluate("eventsift.timing.loads.length")
                page.evaluate("f => { const s = eventsift.state(); s.filters = f; history.pushState(null, '', "
                              "eventsift.writeURL(s)); dispatchEvent(new PopStateEvent('popstate')); }", filters)
                page.wait_for_function(f"eventsift.timing.loads.length > {before} && document.body.dataset.loading === ''",
                                       timeout=60_000)
                record = page.evaluate("eventsift.timing.loads[eventsift.timing.loads.length - 1]")
                changes_map.append(record["map_ms"])
                changes_all.append(record["all_ms"])
            context.close()
        finally:
            browser.close()
    return {"load_average_1min": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
            "first_render": _percentiles(first), "first_markers": _percentiles(first_map),
            "filter_change_markers": _percentiles(changes_map), "filter_change_all_views": _percentiles(changes_all),
            "markers_on_first_load": int(shown or 0),
            "target_first_render_p95_ms": TARGET_FIRST_RENDER_MS, "target_filter_change_p95_ms": TARGET_FILTER_CHANGE_MS}


def _show(results: dict[str, Any]) -> None:
    print(f"store: {results['events']} synthetic events, built in {results['build_seconds']} s")
    print(f"{'/events query (limit 100)':34} {'p50 ms':>8} {'p95 ms':>8}")
    for name, r in results["queries"].items():
        print(f"  {name:32} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}")
    r = results["events_page_100"]
    print(f"  {'all of the above':32} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}   (target p95 <= {TARGET_P95_MS:.0f})")
    page = results["page_first_load"]
    print(f"{'page load, to first map page':34} {page['first_paint']['p50_ms']:8.1f} {page['first_paint']['p95_ms']:8.1f}"
          f"   (cold, before stats are cached: {page['cold']['first_paint_ms']:.0f} ms)")
    for name, r in page["parts"].items():
        print(f"  {name:32} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}")
    for key, label in (("concurrent", "one process"), ("concurrent_2_workers", "serve --workers 2")):
        c = results[key]
        print(f"{str(c['clients']) + ' clients at once, ' + label:34} {c['p50_ms']:8.1f} {c['p95_ms']:8.1f}"
              f"   (target p95 <= {c['target_p95_ms']:.0f}; {c['requests_per_second']} requests/s, "
              f"{c['errors']} errors)")
    browser = results.get("page_in_browser") or {}
    if "status" in browser:
        print(f"page in a browser: {browser['status']}")
        return
    print(f"{'page in Chromium (1280x800)':34} {'p50 ms':>8} {'p95 ms':>8}   (machine load "
          f"{browser['load_average_1min']} on {browser['cpus']} CPUs)")
    rows = [("first useful render", browser["first_render"], f"target p95 <= {TARGET_FIRST_RENDER_MS:.0f}"),
            ("  of which: markers drawn at", browser["first_markers"], ""),
            ("filter change: markers drawn", browser["filter_change_markers"], f"target p95 <= {TARGET_FILTER_CHANGE_MS:.0f}"),
            ("filter change: every view", browser["filter_change_all_views"], "timeline, shading, top lists")]
    for name, r, note in rows:
        print(f"  {name:32} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f}   {note}")
    print(f"  (markers on the first load: {browser['markers_on_first_load']}, the latest of {results['events']})")


if __name__ == "__main__":
    run()
