"""WARC input: which records become articles, with what status, URL and date; and a WARC of the
sample pages codes to the same events as the pages read as HTML files."""
from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventsift.config import Settings
from eventsift.ingest import count_inputs, iter_articles
from eventsift.models import Status

SAMPLE_HTML = Path(__file__).resolve().parents[2] / "samples" / "html"
SETTINGS = Settings(html_timeout=0)  # extraction in this process: no worker needed for small pages
PAGE = (
    "<html lang='{lang}'><head><title>Clashes near the border</title>{meta}</head><body><article>"
    "<h1>Clashes near the border</h1><p>Army units fought rebels near the town of Kidal on Monday, "
    "killing three fighters, a military spokesman said.</p><p>Residents said the fighting lasted several "
    "hours and that shops in the market stayed closed.</p></article></body></html>"
)
DATED = "<meta property='article:published_time' content='2021-05-03T08:00:00Z'>"


def response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8", when: str = "2021-05-04T10:00:00Z",
             language: str | None = None) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": when}
    if language:
        headers["WARC-Identified-Content-Language"] = language
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict=headers)
    writer.write_record(record)


def build(path: Path, gz: bool, fill) -> Path:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventsift tests"}))
        fill(writer)
    return path


def mixed(writer: WARCWriter) -> None:
    writer.write_record(writer.create_warc_record("http://news.test/a", "request", payload=io.BytesIO(b"GET /a")))
    response(writer, "http://news.test/a", PAGE.format(lang="en", meta=DATED).encode())
    response(writer, "http://news.test/undated", PAGE.format(lang="en", meta="").encode())
    response(writer, "http://news.test/gone", b"<html>gone</html>", status="404 Not Found")
    response(writer, "http://news.test/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, content_type="image/png")
    response(writer, "http://news.test/fr", PAGE.format(lang="fr", meta=DATED).encode(), language="fra,eng")
    response(writer, "http://news.test/de", PAGE.format(lang="de", meta=DATED).encode())
    response(writer, "http://news.test/huge", b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>")


EXPECTED = [  # (url, status, reason contains, published)
    ("http://news.test/a", Status.OK, "", date(2021, 5, 3)),
    ("http://news.test/undated", Status.OK, "WARC-Date", date(2021, 5, 4)),
    ("http://news.test/gone", Status.SKIPPED, "HTTP status 404", date(2021, 5, 4)),
    ("http://news.test/logo.png", Status.SKIPPED, "content type image/png", date(2021, 5, 4)),
    ("http://news.test/fr", Status.SKIPPED, "language fra", date(2021, 5, 4)),
    ("http://news.test/de", Status.SKIPPED, "language de", date(2021, 5, 3)),
    ("http://news.test/huge", Status.SKIPPED, "too large", date(2021, 5, 4)),
]


@pytest.mark.parametrize("gz", [False, True])
def test_records_become_articles(tmp_path, gz):
    path = build(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), gz, mixed)
    articles = list(iter_articles([path], settings=Settings(html_timeout=0, max_bytes=10_000)))
    assert count_inputs([path]) == len(articles) == len(EXPECTED)
    for a, (url, status, reason, published) in zip(articles, EXPECTED):
        assert (a.url, a.status, a.published) == (url, status, published), a
        assert reason in a.reason
    ok = articles[0]
    assert ok.source == f"{path}:1" and ok.id.startswith("u-") and ok.title == "Clashes near the border"
    assert "Kidal" in ok.text and "<p>" not in ok.text


def test_a_truncated_archive_fails_one_article(tmp_path):
    good = build(tmp_path / "good.warc.gz", True, mixed).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good[: len(good) - 60])  # inside the last record's page
    articles = list(iter_articles([cut], settings=Settings(html_timeout=0, max_bytes=100_000)))
    assert [a.url for a in articles] == [e[0] for e in EXPECTED]
    assert articles[-1].status is Status.FAILED and "truncated record" in articles[-1].reason
    assert [a.status for a in articles[:-1]] == [e[1] for e in EXPECTED[:-1]]


def test_not_a_warc(tmp_path):
    path = tmp_path / "x.warc.gz"
    path.write_bytes(gzip.compress(b"this is not an archive\n" * 10))
    articles = list(iter_articles([path], settings=SETTINGS))
    assert all(a.status is not Status.OK for a in articles)
    assert articles[-1].status is Status.FAILED and "cannot read WARC record" in articles[-1].reason
    assert "\n" not in articles[-1].reason


def comparable(event) -> dict:
    """An event without what names its input (ids, article ids, urls, offsets are the same text)."""
    d = event.to_dict()
    for key in ("event_id", "article_id", "sources", "evidence", "reasons", "notes"):
        d.pop(key, None)
    d["evidence"] = [e.text for e in event.evidence]
    return d


@pytest.mark.slow
def test_warc_codes_like_the_html_files(tmp_path, nlp):
    from eventsift.pipeline import Pipeline

    pages = sorted(SAMPLE_HTML.glob("*.html"))
    assert len(pages) >= 2

    def fill(writer):
        for page in pages:
            response(writer, f"http://outlet.test/{page.stem}", page.read_bytes(), when="2030-01-01T00:00:00Z")

    warc = build(tmp_path / "samples.warc.gz", True, fill)
    pipe = Pipeline(Settings.from_env(), nlp=nlp)
    from_html = list(pipe.pipe(iter_articles(pages)))
    from_warc = list(pipe.pipe(iter_articles([warc])))
    assert [r.article.status for r in from_warc] == [Status.OK] * len(pages)
    assert [r.article.text for r in from_warc] == [r.article.text for r in from_html]
    assert [r.article.published for r in from_warc] == [r.article.published for r in from_html]
    assert [r.article.url for r in from_warc] == [f"http://outlet.test/{p.stem}" for p in pages]
    html_events = [comparable(e) for r in from_html for e in r.events]
    assert html_events, "the sample pages report events"
    assert [comparable(e) for r in from_warc for e in r.events] == html_events
