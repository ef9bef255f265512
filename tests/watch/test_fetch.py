"""The watcher's HTTP fetching against a loopback server: what succeeds, what fails with which
reason, which failures are worth trying again, robots.txt, the User-Agent and the host pause."""
from __future__ import annotations

import contextlib

import pytest

from eventsift.config import Settings
from eventsift.watch.fetch import FetchError, Fetcher

from .conftest import Route


@contextlib.contextmanager
def _nothing():
    yield

PAGE = b"<html><body><p>Hello</p></body></html>"
SETTINGS = Settings(fetch_timeout=0.5, max_redirects=3, host_delay=0.0, max_bytes=5_000)


def site(server) -> None:
    r = server.routes
    r["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    r["/ok"] = Route(body=PAGE)
    r["/slow"] = Route(body=PAGE, delay=2.0)
    r["/boom"] = Route(status=500, body=b"oops")
    r["/busy"] = Route(status=429, body=b"later")
    r["/gone"] = Route(status=410, body=b"")
    r["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    r["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
    for i in range(6):
        r[f"/hop{i}"] = Route(status=301, headers={"Location": f"/hop{i + 1}"})
    r["/hop6"] = Route(body=PAGE)
    r["/moved"] = Route(status=301, headers={"Location": "/ok"})
    r["/huge"] = Route(body=b"x" * 50_000)
    r["/huge-stream"] = Route(body=b"y" * 50_000, length=False)
    r["/private/page"] = Route(body=PAGE)
    r["/bare-redirect"] = Route(status=302)


@pytest.mark.parametrize(("path", "reason", "transient"), [
    ("/slow", "timed out", True),
    ("/boom", "HTTP 500", True),
    ("/busy", "HTTP 429", True),
    ("/gone", "HTTP 410", False),
    ("/missing", "HTTP 404", False),
    ("/loop-a", "redirect loop", True),
    ("/hop0", "more than 3 redirects", True),
    ("/huge", "too large: 50000 bytes", False),
    ("/huge-stream", "too large: more than 5000 bytes", False),
    ("/private/page", "disallowed by", False),
    ("/bare-redirect", "without a Location", True),
])
def test_failures_have_reasons(server, path, reason, transient):
    site(server)
    with Fetcher(SETTINGS) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(server.url(path))
    assert reason in caught.value.reason
    assert caught.value.transient is transient


@pytest.mark.parametrize(("path", "final"), [("/ok", "/ok"), ("/moved", "/ok"), ("/hop3", "/hop6")])
def test_pages_and_bounded_redirects(server, path, final):
    site(server)
    with Fetcher(SETTINGS) as fetcher:
        got = fetcher.get(server.url(path))
    assert (got.status, got.url, got.body, got.content_type) == (200, server.url(final), PAGE, "text/html")
    assert all(h.get("User-Agent", "").startswith("eventsift/") for _, _, h in server.log)
    assert server.gets("/robots.txt") == 1


@pytest.mark.parametrize(("robots", "allowed"), [
    (Route(status=404), True),  # no robots.txt: everything allowed
    (Route(status=500), False),  # unreachable: nothing for now, tried again later
    (Route(body=b"User-agent: eventsift\nDisallow: /\n", content_type="text/plain"), False),
    (Route(body=b"User-agent: otherbot\nDisallow: /\n", content_type="text/plain"), True),
])
def test_robots_txt(server, robots, allowed):
    server.routes["/robots.txt"] = robots
    server.routes["/ok"] = Route(body=PAGE)
    with Fetcher(SETTINGS) as fetcher:
        if allowed:
            assert fetcher.get(server.url("/ok")).body == PAGE
        else:
            with pytest.raises(FetchError) as caught:
                fetcher.get(server.url("/ok"))
            assert caught.value.transient is (robots.status == 500)
            assert server.gets("/ok") == 0
        with pytest.raises(FetchError) if not allowed else _nothing():
            fetcher.get(server.url("/ok"))
    assert server.gets("/robots.txt") == 1  # read once per host per run


def test_conditional_get(server):
    server.routes["/feed"] = Route(body=b"<rss/>", content_type="application/rss+xml", etag='"v1"')
    with Fetcher(SETTINGS) as fetcher:
        first = fetcher.get(server.url("/feed"))
        again = fetcher.get(server.url("/feed"), headers={"If-None-Match": first.headers["etag"]})
    assert (first.status, again.status, again.body) == (200, 304, b"")


def test_one_host_is_paused_between_requests(server):
    site(server)
    clock = [100.0]
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(round(seconds, 6))
        clock[0] += seconds

    settings = Settings(fetch_timeout=5, host_delay=10.0, max_bytes=5_000)
    with Fetcher(settings, clock=lambda: clock[0], sleep=sleep) as fetcher:
        fetcher.get(server.url("/ok"))  # robots.txt, then the page: one pause
        fetcher.get(server.url("/moved"))  # the redirect and its target: two more
    assert pauses == [10.0, 10.0, 10.0]
