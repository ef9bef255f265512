"""What every response of the API goes through: a Host allow-list, security headers, HEAD.

* **Host allow-list.** A web page on another site can make a browser resolve its own name to
  127.0.0.1 (DNS rebinding) and read the local API as if it were its own. Such a request still
  carries the page's host name in its ``Host`` header, so requests whose Host is not in the
  list (127.0.0.1, localhost, ::1, plus what ``--host`` and ``--allow-host`` add) get 400.
* **Security headers** on every response: ``X-Content-Type-Options: nosniff``, no framing, no
  referrer, and a Content-Security-Policy that allows only this server (and the map tiles'
  host when online tiles are asked for).
* **HEAD** is answered as GET without the body.
"""
from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Iterable

from .shapes import ProblemDetail, problem_body

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def host_name(header: str) -> str:
    """The name part of a Host header: ``[::1]:8000`` → ``::1``, ``Example.org:80`` → ``example.org``."""
    header = header.strip().lower()
    if header.startswith("["):
        end = header.find("]")
        return header[1:end] if end > 0 else header
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


def allowed_hosts(bind: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names a request's Host may carry: loopback, the address bound (unless it is the
    wildcard 0.0.0.0 / ::, which names no host) and the extra names given."""
    names = set(LOOPBACK_HOSTS)
    if bind and bind not in ("0.0.0.0", "::"):
        names.add(host_name(bind) if not bind.count(":") > 1 else bind.lower())
    names.update(host_name(h) if h.count(":") <= 1 else h.strip("[]").lower() for h in extra if h.strip())
    return frozenset(names)


def content_security_policy(tiles_url: str | None) -> str:
    images = "'self' data: blob:"
    if tiles_url and "//" in tiles_url:
        scheme, rest = tiles_url.split("//", 1)
        images += f" {scheme}//{rest.split('/', 1)[0]}"
    return ("default-src 'self'; img-src " + images + "; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'self'")


class Guard:
    """ASGI middleware: see the module's description."""

    def __init__(self, app: Any, *, hosts: frozenset[str], csp: str) -> None:
        self.app = app
        self.hosts = hosts
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]
        self.csp = (b"content-security-policy", csp.encode("latin-1"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = ""
        for name, value in scope.get("headers", ()):
            if name == b"host":
                host = value.decode("latin-1")
                break
        if host_name(host) not in self.hosts:
            await self._refuse(send, host)
            return
        head = scope.get("method") == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        own = self.headers + [self.csp]

        async def guarded_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in own if k not in names]
                message = dict(message, headers=list(message.get("headers", ())) + extra)
            elif head and message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(scope, receive, guarded_send)

    async def _refuse(self, send: Send, host: str) -> None:
        shown = host[:100].encode("ascii", "backslashreplace").decode("ascii")
        body = json.dumps(problem_body(ProblemDetail(
            message=f"host {shown!r} is not served here (requests must name this machine: "
                    f"{', '.join(sorted(self.hosts))}); start the server with --allow-host NAME to add one",
            parameter=None, errors=[]))).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())] + self.headers + [self.csp]})
        await send({"type": "http.response.body", "body": body})
