"""Polite HTTP fetching for the feed watcher (httpx).

Every request: a clear User-Agent (``Settings.user_agent``), a time limit for connecting, for
each read and for the whole body (``fetch_timeout``), a size cap (``max_bytes``, checked on the
declared length and again while the body streams in), redirects followed by hand up to
``max_redirects`` with loops caught, a per-host pause between requests (``host_delay``), and
robots.txt read once per host per run and obeyed (RFC 9309: a robots.txt that is missing or
answers 4xx allows everything; one that cannot be reached or answers 5xx disallows everything
for now, so the page is tried again later).

A failure raises :class:`FetchError` with a reason and whether it is ``transient`` (worth trying
again later: timeouts, 5xx, 429, network errors, redirect loops) or not (robots.txt says no, the
page is too large, 404 and other 4xx).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from eventsift.config import Settings

log = logging.getLogger(__name__)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: bytes read at a time from a response body
CHUNK = 64 * 1024


class FetchError(Exception):
    def __init__(self, url: str, reason: str, *, transient: bool) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where the body came from, after redirects
    status: int  # 200, or 304 for a conditional GET whose resource is unchanged
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return (self.headers.get("content-type") or "").split(";")[0].strip().lower()


def is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def without_fragment(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


class Fetcher:
    """Use as a context manager (it holds an HTTP connection pool). ``clock`` and ``sleep`` are
    for tests of the host pause."""

    def __init__(self, settings: Settings | None = None, *, transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings or Settings.from_env()
        self.clock, self.sleep = clock, sleep
        timeout = self.settings.fetch_timeout
        self.client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, transport=transport,
                                   headers={"User-Agent": self.settings.user_agent})
        self.agent = self.settings.user_agent.split("/")[0].split()[0]
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self.requests = 0

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    # -- one URL, following redirects ------------------------------------------------------------
    def get(self, url: str, *, headers: Mapping[str, str] | None = None, robots: bool = True) -> Fetched:
        seen: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if not is_http(current):
                raise FetchError(url, f"not an http(s) URL: {current[:200]}", transient=False)
            if current in seen:
                raise FetchError(url, f"redirect loop: {' -> '.join(seen + [current])}", transient=True)
            seen.append(current)
            if robots:
                self.check_robots(current)
            response = self._request(current, headers)
            if response.status in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {response.status} without a Location", transient=True)
                current = urljoin(current, location)
                continue
            return response
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects", transient=True)

    def _request(self, url: str, headers: Mapping[str, str] | None) -> Fetched:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        limit, timeout = self.settings.max_bytes, self.settings.fetch_timeout
        started = self.clock()
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=dict(headers or {})) as response:
                status = response.status_code
                if status in REDIRECTS or status == 304:
                    return Fetched(url, status, dict(response.headers), b"")
                if status == 429 or status >= 500:
                    raise FetchError(url, f"HTTP {status}", transient=True)
                if status != 200:
                    raise FetchError(url, f"HTTP {status}", transient=False)
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"too large: {declared} bytes > max_bytes {limit}", transient=False)
                body = bytearray()
                for chunk in response.iter_bytes(CHUNK):
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(url, f"too large: more than {limit} bytes > max_bytes {limit}",
                                         transient=False)
                    if self.clock() - started > timeout:
                        raise FetchError(url, f"timed out: body not read within {timeout:g}s", transient=True)
                return Fetched(str(response.url), status, dict(response.headers), bytes(body))
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {timeout:g}s ({type(exc).__name__})", transient=True) from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"network error: {type(exc).__name__}: {exc}", transient=True) from exc
        finally:
            self._last[host] = self.clock()

    # -- robots.txt ----------------------------------------------------------------------------
    def check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(root)
        if rules is None:
            rules = self._robots[root] = self._read_robots(root)
        if isinstance(rules, str):
            raise FetchError(url, rules, transient=True)
        if not rules.can_fetch(self.agent, url):
            raise FetchError(url, f"disallowed by {root}/robots.txt", transient=False)

    def _read_robots(self, root: str) -> RobotFileParser | str:
        parser = RobotFileParser(root + "/robots.txt")
        try:
            fetched = self.get(root + "/robots.txt", robots=False)
        except FetchError as exc:
            if not exc.transient and exc.reason.startswith("HTTP 4"):
                parser.parse([])  # no robots.txt: everything is allowed
                return parser
            log.warning("robots.txt of %s cannot be read (%s): its pages wait", root, exc.reason)
            return f"robots.txt unreachable ({exc.reason})"
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser
