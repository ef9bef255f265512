"""The FastAPI app: read-only endpoints over the store, and the map page's files."""
from __future__ import annotations

import logging
import math
import os
import queue
import threading
import time
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import EventsiftError
from ..export import geojson_feature, write_acled_csv, write_geojson
from ..export.geojson import Feature, Point, plain
from ..store import Store
from .guard import Guard, allowed_hosts, content_security_policy
from .shapes import (ArticleBody, EventFeatures, EventPage, Page, PointRows, Problem, ProblemDetail, coded_problem,
                     problem)
from .stats import Stats, StatsCache, latest_rows

log = logging.getLogger(__name__)

API_TITLE = "eventsift"
#: events per page unless asked; the largest page the API gives
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
#: the largest offset asked for (SQLite's integers end at 2**63; no store holds a billion events)
MAX_OFFSET = 1_000_000_000
#: the longest text a filter parameter may carry (names and search words are far shorter)
MAX_TEXT = 200
#: the longest id in a path
MAX_ID = 300
#: seconds between checks that the store file is still the one opened
STORE_CHECK_SECONDS = 1.0
#: the fields of an event the map needs (``fields=map`` keeps map pages small)
MAP_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
              "country", "fatalities", "source_count")
#: what a map page reads from the store: the map fields and the point
MAP_COLUMNS = MAP_FIELDS + ("latitude", "longitude")
#: the page's note on where its base map comes from (shown under the map)
OFFLINE_ATTRIBUTION = "Borders: Natural Earth · capitals: GeoNames · Leaflet"
#: columns of a /points row, the compact form the map draws its markers from
POINT_COLUMNS = ("event_id", "longitude", "latitude", "event_type", "fatalities", "event_date", "location",
                 "country")
#: the most points one /points request gives
MAX_POINTS = 50_000
#: download formats of /download: (media type, file suffix, writer)
DOWNLOADS = {"acled-csv": ("text/csv; charset=utf-8", "csv", write_acled_csv),
             "geojson": ("application/geo+json", "geojson", write_geojson)}
#: events written per chunk of a download
DOWNLOAD_CHUNK = 500

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


#: the error answers every endpoint may give, and when
PROBLEM_CAUSES = {400: "Host not served", 404: "Not found", 422: "A parameter is not valid",
                  503: "The store cannot be read"}
PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": cause} for status, cause in PROBLEM_CAUSES.items()}


def _identity(db: Path) -> tuple[int, int] | None:
    """Which file ``db`` names now (a store replaced by renaming another file over it is a new one)."""
    try:
        info = os.stat(db)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class _Stores:
    """One read-only Store per worker thread (sqlite cursors are not shared between threads).

    At most every STORE_CHECK_SECONDS the file is checked: a store deleted under the server
    gives 503 with a coded error; a store replaced by another file (a new inode) is reopened."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._identity = _identity(db)
        self._checked = time.monotonic()
        self.generation = 0

    def _check(self) -> None:
        now = time.monotonic()
        if now - self._checked < STORE_CHECK_SECONDS:
            return
        self._checked = now
        found = _identity(self.db)
        if found is None:
            raise EventsiftError("E311", f"the store {self.db} is gone", "restart the server with an existing --db")
        if found != self._identity:
            log.warning("store %s was replaced; reopening it", self.db)
            with self._lock:
                self._identity = found
                self.generation += 1

    def get(self) -> Store:
        self._check()
        store = getattr(self._local, "store", None)
        if store is not None and getattr(self._local, "generation", 0) != self.generation:
            with self._lock:
                if store in self._all:
                    self._all.remove(store)
            store.close()
            store = None
        if store is None:
            store = Store.open(self.db, readonly=True)
            self._local.store = store
            self._local.generation = self.generation
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
            self.generation += 1  # a thread still holding a closed store opens a new one


_NO_CONTROLS = r"^[^\x00-\x1f\x7f]*$"
_NUMBER = r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*"
#: (description, pattern) of the filter parameters, shared by /events, /points, /download and /stats
FILTERS = {
    "country": ("Country name or ISO3 code", _NO_CONTROLS),
    "admin1": ("First-level administrative area", _NO_CONTROLS),
    "event_type": ("ACLED event type, e.g. Battles", _NO_CONTROLS),
    "sub_event_type": ("ACLED sub-event type, e.g. Armed clash", _NO_CONTROLS),
    "actor": ("Part of an actor's name (either side, or associated)", _NO_CONTROLS),
    "date_from": ("First day, YYYY-MM-DD (inclusive)", r"^(\d{4}-\d{2}-\d{2})?$"),
    "date_to": ("Last day, YYYY-MM-DD (inclusive)", r"^(\d{4}-\d{2}-\d{2})?$"),
    "bbox": ("min_lon,min_lat,max_lon,max_lat in degrees", rf"^({_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER})?$"),
    "q": ("Words in the evidence sentences, notes or location", _NO_CONTROLS),
}


def _query(name: str) -> Any:
    description, pattern = FILTERS[name]
    return Query(None, description=description, max_length=MAX_TEXT, pattern=pattern)


def _bad(parameter: str, message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=ProblemDetail(parameter=parameter, message=f"{parameter}: {message}"))


def _text(parameter: str, value: str | None) -> str | None:
    """A text parameter: at most MAX_TEXT characters, no control characters (a NUL ends a C string)."""
    if value is None:
        return None
    if len(value) > MAX_TEXT:
        raise _bad(parameter, f"at most {MAX_TEXT} characters")
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise _bad(parameter, "must not contain control characters")
    return value


def _iso_date(parameter: str, value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(parameter, f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise _bad("bbox", f"{value!r} is not four numbers min_lon,min_lat,max_lon,max_lat") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise _bad("bbox", "coordinates must be finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise _bad("bbox", "longitudes must lie between -180 and 180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise _bad("bbox", "latitudes must lie between -90 and 90")
    if south > north:
        raise _bad("bbox", "min_lat is greater than max_lat")
    return west, south, east, north  # west > east is a box across the antimeridian


def _filters(country, admin1, event_type, sub_event_type, actor, date_from, date_to, bbox, q) -> dict[str, Any]:
    country, admin1, event_type = _text("country", country), _text("admin1", admin1), _text("event_type", event_type)
    sub_event_type, actor, q = _text("sub_event_type", sub_event_type), _text("actor", actor), _text("q", q)
    date_from, date_to, bbox = _text("date_from", date_from), _text("date_to", date_to), _text("bbox", bbox)
    start, end = _iso_date("date_from", date_from), _iso_date("date_to", date_to)
    if start and end and start > end:
        raise _bad("date_from", f"{start} is after date_to {end}")
    found = dict(country=country, admin1=admin1, event_type=event_type, sub_event_type=sub_event_type,
                 actor=actor, date_from=start, date_to=end, bbox=_bbox(bbox), q=q)
    return {k: v for k, v in found.items() if v not in (None, "")}


def _map_feature(row: dict[str, Any]) -> Feature:
    """What geojson_feature gives for an event, with the map's properties only, from stored
    values (the map fields are stored as their JSON values: dates as ISO text)."""
    return Feature(row["event_id"], Point.of(row["longitude"], row["latitude"]), {k: row[k] for k in MAP_FIELDS})


def create_app(db: Path, *, tiles_url: str | None = None, attribution: str | None = None,
               host: str | None = None, allow_hosts: tuple[str, ...] = ()) -> FastAPI:
    """The app serving ``db`` read-only. ``tiles_url`` ({z}/{x}/{y}) switches the page's base map
    to online tiles; without it the page uses its bundled country outlines and needs no network.
    Requests must name 127.0.0.1, localhost, ::1, ``host`` or one of ``allow_hosts`` in their
    Host header (see :mod:`eventsift.api.guard`)."""
    db = Path(db)
    if not db.is_file():
        raise EventsiftError("E010", f"no store at {db}", f"create one with `eventsift run INPUTS --db {db}`")
    Store.open(db, readonly=True).close()  # fail now, not on the first request, if it cannot be read
    stores = _Stores(db)
    stats_cache = StatsCache(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(
        title=API_TITLE, version=__version__, lifespan=lifespan, responses=PROBLEMS, docs_url=None, redoc_url=None,
        description="Conflict events coded from news reports, in ACLED's fields, each backed by the "
                    "sentences that state it. Read-only.",
    )
    app.add_middleware(Guard, hosts=allowed_hosts(host, allow_hosts), csp=content_security_policy(tiles_url))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        parts = []
        for e in errors:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg')}")
        return problem(422, "; ".join(parts), errors=[
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg"))} for e in errors])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, ProblemDetail) else ProblemDetail(message=str(exc.detail))
        return problem(exc.status_code, detail.message, detail.parameter, detail.errors, headers=exc.headers)

    @app.exception_handler(EventsiftError)
    async def _coded(request: Request, exc: EventsiftError) -> JSONResponse:
        log.warning("%s: %s", exc.code, exc.message)
        return coded_problem(503, exc)

    @app.get("/events", summary="Events matching the filters, by date then id",
             response_model=EventPage | EventFeatures)
    def events(
        country: str | None = _query("country"),
        admin1: str | None = _query("admin1"),
        event_type: str | None = _query("event_type"),
        sub_event_type: str | None = _query("sub_event_type"),
        actor: str | None = _query("actor"),
        date_from: str | None = _query("date_from"),
        date_to: str | None = _query("date_to"),
        bbox: str | None = _query("bbox"),
        q: str | None = _query("q"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET, description=f"At most {MAX_OFFSET}"),
        format: Literal["json", "geojson"] = Query("json", description="json, or geojson (a FeatureCollection)"),
        fields: Literal["all", "map"] = Query("all", description="map: only the fields the map needs"),
        with_total: bool = Query(False, description="Also count every matching event (slower on big stores)"),
    ) -> Any:
        filters = _filters(country, admin1, event_type, sub_event_type, actor, date_from, date_to, bbox, q)
        store = stores.get()
        total = store.count_events(**filters) if with_total else None
        if fields == "map":  # a light read: no evidence, sources or reasons
            if format == "geojson":
                rows = store.event_rows(MAP_COLUMNS, **filters, limit=limit, offset=offset)
                return _features([_map_feature(r) for r in rows], total, limit, offset)
            rows = list(store.event_rows(MAP_FIELDS, **filters, limit=limit, offset=offset))
            return JSONResponse(plain(EventPage(total, limit, offset, len(rows), rows)))
        found = list(store.events(**filters, limit=limit, offset=offset))
        # JSONResponse directly: the records are plain JSON already, FastAPI's encoder would walk them again
        if format == "geojson":
            return _features([geojson_feature(e) for e in found], total, limit, offset)
        rows = [e.to_dict() for e in found]
        return JSONResponse(plain(EventPage(total, limit, offset, len(rows), rows)))

    @app.get("/points", summary="The latest matching events as compact rows, for the map's markers",
             response_model=PointRows)
    def points(
        country: str | None = _query("country"), admin1: str | None = _query("admin1"),
        event_type: str | None = _query("event_type"), sub_event_type: str | None = _query("sub_event_type"),
        actor: str | None = _query("actor"), date_from: str | None = _query("date_from"),
        date_to: str | None = _query("date_to"), bbox: str | None = _query("bbox"), q: str | None = _query("q"),
        limit: int = Query(5_000, ge=1, le=MAX_POINTS, description=f"At most {MAX_POINTS}"),
    ) -> Any:
        """The last ``limit`` events in listing order (the most recent when there are more),
        in listing order, each a row of ``columns``; ``complete`` says whether they are all the
        matches (/stats counts them all)."""
        filters = _filters(country, admin1, event_type, sub_event_type, actor, date_from, date_to, bbox, q)
        rows = latest_rows(stores.get(), POINT_COLUMNS, limit + 1, **filters)
        complete = len(rows) <= limit
        rows = rows[-limit:]
        return JSONResponse(plain(PointRows(list(POINT_COLUMNS), len(rows), complete, rows)))

    @app.get("/download", summary="Every matching event as a file: ACLED CSV or GeoJSON",
             response_class=StreamingResponse,
             responses={200: {"description": "The file, streamed", "content": {
                 "text/csv": {"schema": {"type": "string"}},
                 "application/geo+json": {"schema": {"type": "object"}}}}})
    def download(
        country: str | None = _query("country"), admin1: str | None = _query("admin1"),
        event_type: str | None = _query("event_type"), sub_event_type: str | None = _query("sub_event_type"),
        actor: str | None = _query("actor"), date_from: str | None = _query("date_from"),
        date_to: str | None = _query("date_to"), bbox: str | None = _query("bbox"), q: str | None = _query("q"),
        format: Literal["acled-csv", "geojson"] = Query("acled-csv", description="acled-csv or geojson"),
    ) -> Any:
        """The same rows as ``eventsift export`` with the same filters, streamed."""
        filters = _filters(country, admin1, event_type, sub_event_type, actor, date_from, date_to, bbox, q)
        media, suffix, writer = DOWNLOADS[format]
        stores.get()  # a store gone or replaced is told now (503, or the new file), before the file begins
        return StreamingResponse(_download_chunks(stores.db, filters, writer), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="events.{suffix}"'})

    @app.get("/events/{event_id}", summary="One event with its evidence, sources and history")
    def event(event_id: str) -> Any:
        _id("event_id", event_id)
        found = stores.get().get_event(event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        out = found.to_dict()
        out["history"] = [_plain_history(h) for h in getattr(found, "history", ())]
        return JSONResponse(out)

    @app.get("/articles/{article_id}", summary="An article's text and metadata (evidence offsets point into text)",
             response_model=ArticleBody)
    def article(article_id: str) -> Any:
        _id("article_id", article_id)
        store = stores.get()
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        event_ids = [r["event_id"] for r in store.event_rows(("event_id",), article_id=article_id, limit=MAX_LIMIT)]
        return JSONResponse(plain(ArticleBody.of(found, event_ids)))

    @app.get("/stats", summary="Counts and fatalities by week, event type, country and admin1",
             response_model=Stats)
    def stats(
        country: str | None = _query("country"), admin1: str | None = _query("admin1"),
        event_type: str | None = _query("event_type"), sub_event_type: str | None = _query("sub_event_type"),
        actor: str | None = _query("actor"), date_from: str | None = _query("date_from"),
        date_to: str | None = _query("date_to"), bbox: str | None = _query("bbox"), q: str | None = _query("q"),
    ) -> Any:
        filters = _filters(country, admin1, event_type, sub_event_type, actor, date_from, date_to, bbox, q)
        return JSONResponse(stats_cache.get(stores.get(), **filters))

    @app.get("/config", summary="What the page needs to draw its base map")
    def config() -> Any:
        return {"tiles_url": tiles_url,
                "attribution": attribution if attribution is not None else
                ("Map tiles: " + tiles_url.split("/")[2] if tiles_url and "//" in tiles_url else OFFLINE_ATTRIBUTION)}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _mount_docs(app)
    return app


def _features(features: list[Feature], total: int | None, limit: int, offset: int) -> JSONResponse:
    """A page of events as a FeatureCollection."""
    return JSONResponse(plain(EventFeatures(features, Page(total, limit, offset, len(features)))))


class _Stopped(Exception):
    """The download's reader went away."""


class _QueueSink:
    """A text sink for an export writer: what it writes goes to ``out`` in pieces of about
    ``size`` characters; it gives up once ``stopped`` is set (the client left)."""

    def __init__(self, out: "queue.Queue", stopped: threading.Event, size: int = 64_000) -> None:
        self.out, self.stopped, self.size = out, stopped, size
        self.parts: list[str] = []
        self.n = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.n += len(text)
        if self.n >= self.size:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.put("".join(self.parts))
            self.parts, self.n = [], 0

    def put(self, item: Any) -> None:
        while not self.stopped.is_set():
            try:
                self.out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Stopped()


def _download_chunks(db: Path, filters: dict[str, Any], writer: Any):
    """The download's text as it is written: a thread runs the export writer over a store of
    its own and hands the text over through a small queue."""
    out: queue.Queue = queue.Queue(maxsize=8)
    stopped = threading.Event()
    sink = _QueueSink(out, stopped)

    def produce() -> None:
        try:
            with Store.open(db, readonly=True) as store:
                n = writer(store.events(**filters), sink)
            sink.flush()
            log.info("download: %d events", n)
            sink.put(None)
        except _Stopped:
            log.info("download: the client left")
        except Exception as exc:  # the response has begun: log it and end the file
            log.warning("download failed: %s", exc)
            try:
                sink.put(None)
            except _Stopped:
                pass

    threading.Thread(target=produce, name="download", daemon=True).start()
    try:
        while True:
            item = out.get()
            if item is None:
                return
            yield item
    finally:
        stopped.set()
def _mount_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI (5.x, which reads OpenAPI 3.1) from the files of the installed
    swagger-ui-py package: nothing from a CDN, so it works offline and under the server's
    Content-Security-Policy."""
    from fastapi.openapi.docs import get_swagger_ui_html

    try:
        import swagger_ui
    except ImportError:  # the package is pinned in requirements.txt; without it there are no docs
        log.warning("swagger-ui-py is not installed: /docs is off (the API is described at /openapi.json)")
        return
    assets = Path(swagger_ui.__file__).resolve().parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{API_TITLE} API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")


def _id(parameter: str, value: str) -> None:
    if len(value) > MAX_ID:
        raise HTTPException(status_code=404, detail=f"no {parameter[:-3]} with an id of {len(value)} characters")
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise _bad(parameter, "must not contain control characters")


def _plain_history(item: Any) -> Any:
    to_dict = getattr(item, "to_dict", None)
    return to_dict() if callable(to_dict) else item
