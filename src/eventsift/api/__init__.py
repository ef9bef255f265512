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


#: the environment variable that hands serve()'s arguments to worker processes
_SERVE_ENV = "EVENTSIFT_SERVE_ARGS"


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, tiles_url: str | None = None,
          allow_hosts: tuple[str, ...] = (), workers: int = 1) -> None:
    """Serve ``db`` read-only on http://host:port/ until interrupted. Requests must name this
    machine (127.0.0.1, localhost, ::1, ``host``) or one of ``allow_hosts`` in their Host header.
    ``workers`` > 1 serves from that many processes (each request is CPU work under one GIL:
    two processes answer about twice as many clients at once on two cores)."""
    import json
    import os

    import uvicorn

    args = {"db": str(db), "tiles_url": tiles_url, "host": host, "allow_hosts": list(allow_hosts)}
    if workers <= 1:
        uvicorn.run(_app(args), host=host, port=port, log_level="warning")
        return
    create_app(Path(db), tiles_url=tiles_url, host=host, allow_hosts=tuple(allow_hosts))  # fail here, not in workers
    os.environ[_SERVE_ENV] = json.dumps(args)
    uvicorn.run("eventsift.api:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def _app(args: dict):
    return create_app(Path(args["db"]), tiles_url=args["tiles_url"], host=args["host"],
                      allow_hosts=tuple(args["allow_hosts"]))


def app_from_environment():
    """The app of a worker process started by serve(workers=N)."""
    import json
    import os

    return _app(json.loads(os.environ[_SERVE_ENV]))
