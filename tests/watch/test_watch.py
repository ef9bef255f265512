"""The feed watcher against a loopback site: every new page of the feeds is coded once, a second
poll (or a restart) adds nothing, failures are recorded with their reasons and tried again when
due, and a page that keeps failing is given up as a failed article."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from eventsift.cli import app
from eventsift.config import Settings
from eventsift.store import Store
from eventsift.watch import Watcher, parse_every

from .conftest import Route

REPORTS = {
    "/news/clash.html": ("Soldiers and militants clash in Baidoa",
                         "BAIDOA, Somalia - Soldiers and al-Shabaab fighters clashed on the edge of Baidoa on "
                         "Monday, leaving five fighters dead, a regional official said."),
    "/news/protest.html": ("Teachers march in Nairobi over pay",
                           "NAIROBI, Kenya - Hundreds of teachers marched through central Nairobi on Tuesday to "
                           "demand higher pay. The march was peaceful, organisers said."),
    "/news/strike.html": ("Air strike hits market in Idlib",
                          "IDLIB, Syria - An air strike hit a market in Idlib city on Sunday, killing seven "
                          "civilians, a local monitoring group said."),
    "/news/ambush.html": ("Gunmen ambush convoy near Gao",
                          "GAO, Mali - Gunmen ambushed a military convoy near Gao on Saturday, killing three "
                          "soldiers, the army said in a statement."),
}
FAILING = ("/news/slow.html", "/news/error.html", "/news/loop-a")


def page(title: str, text: str) -> bytes:
    return (f"<html lang='en'><head><title>{title}</title></head><body><nav>Home | World</nav><article>"
            f"<h1>{title}</h1><p>{text}</p><p>More details were not immediately available.</p></article>"
            f"<footer>Copyright</footer></body></html>").encode()


def rss(items: list[str]) -> bytes:
    body = "".join(f"<item><title>item {i}</title><link>{link}</link><guid>{link}</guid>"
                   f"<pubDate>Wed, 0{3 + i % 5} Mar 2021 08:00:00 GMT</pubDate></item>" for i, link in enumerate(items))
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Outlet</title><link>/</link>"
            f"<description>news</description>{body}</channel></rss>").encode()


def atom(links: list[str]) -> bytes:
    body = "".join(f"<entry><title>entry {i}</title><id>tag:outlet,2021:{i}</id><link href='{link}'/>"
                   f"<updated>2021-03-06T09:00:00Z</updated></entry>" for i, link in enumerate(links))
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
            f"<id>tag:outlet,2021:feed</id><updated>2021-03-06T09:00:00Z</updated>{body}</feed>").encode()


def site(server) -> list[str]:
    r = server.routes
    r["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for path, (title, text) in REPORTS.items():
        r[path] = Route(body=page(title, text))
    r["/news/moved"] = Route(status=301, headers={"Location": "/news/strike.html"})
    r["/news/slow.html"] = Route(body=page("late", "too late"), delay=2.0)
    r["/news/error.html"] = Route(status=500)
    r["/news/loop-a"] = Route(status=302, headers={"Location": "/news/loop-b"})
    r["/news/loop-b"] = Route(status=302, headers={"Location": "/news/loop-a"})
    r["/news/huge.html"] = Route(body=b"<html><body>" + b"<p>word word</p>" * 3000 + b"</body></html>")
    r["/news/report.pdf"] = Route(body=b"%PDF-1.4 ...", content_type="application/pdf")
    r["/private/leak.html"] = Route(body=page("leak", "Soldiers clashed with rebels in Goma on Monday."))
    r["/feed.xml"] = Route(body=rss(["/news/clash.html", "/news/protest.html", "/news/moved", *FAILING,
                                     "/news/huge.html", "/news/report.pdf", "/private/leak.html"]),
                           content_type="application/rss+xml", etag='"v1"')
    r["/atom.xml"] = Route(body=atom([server.url("/news/clash.html"), server.url("/news/ambush.html")]),
                           content_type="application/atom+xml")
    r["/broken.xml"] = Route(status=500)
    return [server.url("/feed.xml"), server.url("/atom.xml"), server.url("/broken.xml")]


ENV = {"EVENTSIFT_FETCH_TIMEOUT": "0.5", "EVENTSIFT_HOST_DELAY": "0", "EVENTSIFT_MAX_BYTES": "20000"}


def tables(db) -> tuple[list, list, list]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT id, url, status, reason, published FROM articles ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
                conn.execute("SELECT url, state, attempts, reason FROM watch_pages ORDER BY url").fetchall())
    finally:
        conn.close()


@pytest.mark.slow
def test_watch_once_codes_each_new_page_once(server, tmp_path, monkeypatch):
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    feeds = site(server)
    db = tmp_path / "w.db"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", *feeds, "--db", str(db), "--once"])
    assert first.exit_code == 0, first.output
    articles, events, pages = tables(db)
    by_url = {url.removeprefix(server.base): (status, reason) for _, url, status, reason, _ in articles}
    assert {u for u, (s, _) in by_url.items() if s == "ok"} == set(REPORTS) - {"/news/strike.html"} | {"/news/moved"}
    assert "content type application/pdf" in by_url["/news/report.pdf"][1]
    assert "too large" in by_url["/news/huge.html"][1]
    assert "robots.txt" in by_url["/private/leak.html"][1]
    assert server.gets("/private/leak.html") == 0
    state = {url.removeprefix(server.base): (s, reason) for url, s, _, reason in pages}
    assert {u: s for u, (s, _) in state.items() if s == "failed"} == dict.fromkeys(FAILING, "failed")
    assert "timed out" in state["/news/slow.html"][1] and "HTTP 500" in state["/news/error.html"][1]
    assert "redirect loop" in state["/news/loop-a"][1]
    assert len(events) >= 4
    assert server.gets("/news/clash.html") == 1  # listed by both feeds, fetched once
    # the feed's date stands in for pages that state none
    assert {p for _, url, s, _, p in articles if s == "ok"} <= {"2021-03-03", "2021-03-04", "2021-03-05", "2021-03-06"}

    fetched_before = len(server.log)
    second = runner.invoke(app, ["watch", *feeds, "--db", str(db), "--once"])
    assert second.exit_code == 0, second.output
    assert tables(db)[:2] == (articles, events)
    new_requests = [path for _, path, _ in server.log[fetched_before:]]
    # the feeds (and robots.txt, read once per run) but no page again
    assert sorted(new_requests) == ["/atom.xml", "/broken.xml", "/feed.xml", "/robots.txt"]
    conditional = [h for _, path, h in server.log[fetched_before:] if path == "/feed.xml"][0]
    assert conditional.get("If-None-Match") == '"v1"'
    assert "0 new pages" in second.output and "1 unchanged" in second.output and "1 failed" in second.output


@pytest.mark.slow
def test_failed_pages_are_retried_when_due_then_given_up(server, tmp_path, nlp):
    from eventsift.pipeline import Pipeline

    feeds = site(server)
    clock = [datetime(2021, 3, 7, 12, 0, tzinfo=timezone.utc)]
    settings = Settings.from_env(fetch_timeout=0.5, host_delay=0.0, max_bytes=20_000, retry_delay=60.0,
                                 max_attempts=3)
    pipe = Pipeline(settings, nlp=nlp)
    with Store.open(tmp_path / "r.db") as store, Watcher(store, pipe, now=lambda: clock[0]) as watcher:
        first = watcher.poll(feeds[:1])
        assert first.counts["failed"] == 3 and first.counts["coded"] == 3
        assert {url for url, _ in first.failures} >= {server.url(p) for p in FAILING}
        clock[0] += timedelta(seconds=30)  # not yet due
        assert watcher.poll(feeds[:1]).counts["new"] == 0
        server.routes["/news/error.html"] = Route(body=page(*REPORTS["/news/ambush.html"]))
        clock[0] += timedelta(seconds=31)
        second = watcher.poll(feeds[:1])
        assert (second.counts["new"], second.counts["coded"], second.counts["failed"]) == (3, 1, 2)
        assert store.page_state(server.url("/news/error.html")).state == "coded"
        assert store.get_article(store.page_state(server.url("/news/error.html")).article_id).status.value == "ok"
        clock[0] += timedelta(seconds=119)  # the second failure waits twice as long
        assert watcher.poll(feeds[:1]).counts["new"] == 0
        clock[0] += timedelta(seconds=2)
        third = watcher.poll(feeds[:1])
        assert third.counts["given_up"] == 2
        slow = store.page_state(server.url("/news/slow.html"))
        assert (slow.state, slow.attempts) == ("given_up", 3)
        article = store.get_article(slow.article_id)
        assert article.status.value == "failed" and "gave up after 3 attempts: timed out" in article.reason
        clock[0] += timedelta(days=30)
        assert watcher.poll(feeds[:1]).counts["new"] == 0


@pytest.mark.slow
def test_a_feed_file_is_read_like_a_feed_url(server, tmp_path, nlp):
    from eventsift.pipeline import Pipeline

    site(server)
    saved = tmp_path / "saved.xml"
    saved.write_bytes(rss([server.url("/news/protest.html")]))
    settings = Settings.from_env(fetch_timeout=0.5, host_delay=0.0)
    with Store.open(tmp_path / "f.db") as store, Watcher(store, Pipeline(settings, nlp=nlp)) as watcher:
        report = watcher.poll([str(saved), str(tmp_path / "missing.xml")])
    assert (report.counts["coded"], report.counts["feeds_failed"]) == (1, 1)
    assert "cannot read" in report.failures[0][1]


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("2d", 172800), ("45", 45)])
def test_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0"])
def test_parse_every_rejects(text):
    from eventsift.errors import EventsiftError

    with pytest.raises(EventsiftError):
        parse_every(text)
