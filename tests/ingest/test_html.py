"""HTML pages: metadata, main text, the plain-text fallback and the extraction time limit."""
from __future__ import annotations

import time
from datetime import date

import pytest

from eventsift.config import Settings
from eventsift.ingest import iter_articles
from eventsift.ingest import html as html_mod
from eventsift.ingest.html import TimedExtractor, read_html
from eventsift.models import Status

BODY = (
    "<p>Government forces shelled the northern district on Monday, killing four people, "
    "a local monitoring group said in a statement.</p>"
    "<p>Residents said the shelling continued into the night and that several houses were destroyed "
    "near the main market of the town.</p>"
)

FAKES = '''
import os, time

def slow(html, url):
    time.sleep(60)
    return "never"

def empty(html, url):
    return ""

def echo(html, url):
    return "extracted: " + str(len(html))

def boom(html, url):
    raise ValueError("bad page")

def crash(html, url):
    os._exit(3)
'''


@pytest.fixture
def fakes(tmp_path):
    path = tmp_path / "fake_extractors.py"
    path.write_text(FAKES)
    return lambda name: f"{path}:{name}"


def page(head: str = "", body: str = BODY, lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body><nav>Home | World</nav><article>{body}</article><footer>About us</footer></body></html>'


@pytest.mark.parametrize(
    ("head", "title", "published"),
    [
        ('<title>Site | Story</title><meta property="article:published_time" content="2020-03-02T08:00:00+03:00">', "Site | Story", date(2020, 3, 2)),
        ('<meta property="og:title" content="OG title"><title>Other</title><meta itemprop="datePublished" content="2019-01-31">', "OG title", date(2019, 1, 31)),
        ('<meta name="pubdate" content="bogus"><meta name="date" content="2018-05-04">', None, date(2018, 5, 4)),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2017-07-07T10:00:00Z"}</script>', None, date(2017, 7, 7)),
        ("", None, None),
    ],
)
def test_metadata(head, title, published):
    with TimedExtractor(timeout=0) as extractor:
        result = read_html(page(head), url=None, extractor=extractor)
    assert result.published == published
    if title is not None:
        assert result.title == title
    assert result.language == "en"
    assert "Government forces shelled the northern district" in result.text
    assert "About us" not in result.text


def test_time_element_and_xml_declaration():
    html = '<?xml version="1.0" encoding="utf-8"?>' + page(body='<time pubdate datetime="2015-02-03">3 Feb</time>' + BODY)
    with TimedExtractor(timeout=0) as extractor:
        result = read_html(html, url=None, extractor=extractor)
    assert result.published == date(2015, 2, 3)


def test_fallback_when_extractor_finds_nothing(fakes):
    with TimedExtractor(timeout=0, target=fakes("empty")) as extractor:
        result = read_html(page(body="<h1>Headline</h1><script>var x=1;</script>" + BODY), url=None, extractor=extractor)
    assert result.text.splitlines()[0] == "Headline"
    assert "var x" not in result.text and "Home | World" not in result.text and "About us" not in result.text
    assert "Government forces shelled" in result.text
    assert result.notes == ("html extractor found no main text", "used plain text of the page")


def test_fallback_when_extractor_raises(fakes):
    with TimedExtractor(timeout=0, target=fakes("boom")) as extractor:
        result = read_html(page(), url=None, extractor=extractor)
    assert "ValueError: bad page" in result.notes[0]
    assert "Government forces shelled" in result.text


def test_worker_process_times_out_and_recovers(fakes):
    extractor = TimedExtractor(timeout=0.5, target=fakes("slow"))
    assert extractor.mode == "process"
    try:
        t0 = time.perf_counter()
        text, note = extractor.extract("<p>x</p>")
        assert time.perf_counter() - t0 < 15  # start-up (not counted) plus the 0.5 s limit
        assert text is None and note == "html extraction timed out after 0.5s"
        first_worker = extractor._proc
        assert first_worker is None  # killed
        # the next page gets a fresh worker; a well-behaved extractor works again
        extractor.target = fakes("echo")
        assert extractor.extract("<p>abc</p>") == ("extracted: 10", "")
    finally:
        extractor.close()
    assert extractor._proc is None


def test_worker_crash_is_a_note_not_an_exception(fakes):
    with TimedExtractor(timeout=5, target=fakes("crash")) as extractor:
        text, note = extractor.extract("<p>x</p>")
        assert text is None and "crashed" in note
        extractor.target = fakes("echo")
        assert extractor.extract("<p>x</p>")[0] == "extracted: 8"


def test_alarm_mode_times_out(fakes):
    with TimedExtractor(timeout=0.3, target=fakes("slow"), mode="alarm") as extractor:
        t0 = time.perf_counter()
        text, note = extractor.extract("<p>x</p>")
        assert time.perf_counter() - t0 < 5
    assert text is None and "timed out" in note


def test_unloadable_extractor(tmp_path):
    with TimedExtractor(timeout=0, target="no_such_module_here:extract") as extractor:
        text, note = extractor.extract("<p>x</p>")
    assert text is None and "unavailable" in note


def test_slow_page_through_iter_articles(tmp_path, fakes, monkeypatch):
    monkeypatch.setattr(html_mod, "DEFAULT_TARGET", fakes("slow"))
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.html").write_text(page('<meta property="article:published_time" content="2020-03-02">'))
    (inputs / "b.txt").write_text("Plain report.\n")
    t0 = time.perf_counter()
    got = list(iter_articles([inputs], settings=Settings(html_timeout=0.5)))
    assert time.perf_counter() - t0 < 20
    assert [a.status for a in got] == [Status.OK, Status.OK]
    html_article = got[0]
    assert "timed out after 0.5s" in html_article.reason and "plain text" in html_article.reason
    assert "Government forces shelled" in html_article.text
    assert html_article.published == date(2020, 3, 2)


@pytest.mark.parametrize(
    ("html", "status", "reason"),
    [
        (page(lang="fr"), Status.SKIPPED, "language fr not supported"),
        (page(lang="en-US"), Status.OK, ""),
        ("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>", Status.SKIPPED, "no text found in html"),
    ],
)
def test_html_files(tmp_path, html, status, reason):
    path = tmp_path / "p.htm"
    path.write_text(html)
    [a] = iter_articles([path], settings=Settings(html_timeout=0))
    assert a.status is status
    assert a.reason.startswith(reason)


def test_html_declared_charset(tmp_path):
    path = tmp_path / "latin.html"
    html = '<html><head><meta charset="iso-8859-1"></head><body><article>' + BODY.replace("market", "caf\u00e9") + "</article></body></html>"
    path.write_bytes(html.encode("latin-1"))
    [a] = iter_articles([path], settings=Settings(html_timeout=0))
    assert a.status is Status.OK
    assert "caf\u00e9" in a.text
    assert "iso8859-1" in a.reason


def test_real_trafilatura_in_worker(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(page('<title>A title</title>'))
    [a] = iter_articles([path], settings=Settings(html_timeout=30))
    assert a.status is Status.OK and a.reason == ""
    assert "Government forces shelled the northern district" in a.text
    assert "Home | World" not in a.text
