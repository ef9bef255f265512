"""A loopback HTTP server (127.0.0.1, a free port) that serves what a test puts in its routes:
feeds, pages, robots.txt, and misbehaviour (slow answers, 500s, redirect loops, huge bodies).
Every request is logged (method, path, headers) for the test to read."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    etag: str | None = None  # answer 304 to a request that names it
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, str, dict]] = []
        routes, log = self.routes, self.log

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the http.server name)
                log.append(("GET", self.path, dict(self.headers)))
                route = routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    if route.length:
                        self.send_header("Content-Length", str(len(route.body)))
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def gets(self, path: str) -> int:
        return sum(1 for method, p, _ in self.log if p == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()
