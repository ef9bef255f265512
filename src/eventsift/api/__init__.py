"""The JSON API and the map page, served by one FastAPI app over a read-only store.

    from eventsift.api import create_app, serve
    app = create_app(Path("events.db"))          # for TestClient or any ASGI server
    serve(Path("events.db"), port=8000)         # blocking, 127.0.0.1 unless told otherwise

Endpoints: ``/events`` (filters, paging, ``format=json|geojson``), ``/events/{id}`` (evidence,
sources, history), ``/articles/{id}`` (text and metadata, for highlighting evidence offsets),
``/stats`` (counts and fatalities by week, type, country, admin1), ``/config`` (what the page
needs), ``/`` and ``/static/*`` (the page), and FastAPI's ``/openapi.json`` and ``/docs``.
"""
from __future__ import annotations

from pathlib import Path

from .app import API_TITLE, create_app

__all__ = ["API_TITLE", "create_app", "serve"]


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, tiles_url: str | None = None,
          allow_hosts: tuple[str, ...] = ()) -> None:
    """Serve ``db`` read-only on http://host:port/ until interrupted. Requests must name this
    machine (127.0.0.1, localhost, ::1, ``host``) or one of ``allow_hosts`` in their Host header."""
    import uvicorn

    app = create_app(Path(db), tiles_url=tiles_url, host=host, allow_hosts=tuple(allow_hosts))
    uvicorn.run(app, host=host, port=port, log_level="warning")
