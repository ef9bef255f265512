"""JSON and JSONL records (and stdin): one Article per line, clear reasons for bad lines."""
from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest

from eventsift.config import Settings
from eventsift.ingest import iter_articles
from eventsift.ingest.ids import short_hash
from eventsift.models import Status

SETTINGS = Settings(html_timeout=0)


def read(paths, **kw):
    kw.setdefault("settings", SETTINGS)
    return list(iter_articles(paths, **kw))


def write_lines(path, lines):
    path.write_bytes(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))
    return path


def test_jsonl_lines(tmp_path):
    path = write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": 17, "text": "Rebels attacked.", "published": "2020-03-02T23:10:00+04:30",
                        "title": "T", "url": "https://x.org/1", "outlet": "X", "language": "en-GB",
                        "events": [{"event_type": "Battles"}]}),
            '{"text": "broken", ',
            json.dumps({"title": "no body"}),
            json.dumps({"url": " https://x.org/2 ", "text": "Police arrested ten protesters."}),
            "",
            json.dumps({"text": "Sans id ni url.", "language": "fr"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"text": "Bad date.", "published": "last Tuesday"}),
            json.dumps({"text": 12}),
            json.dumps({"text": "   "}),
        ],
    )
    got = read([path], published=date(2021, 1, 1))
    rows = [(a.source.rsplit(":", 1)[1], a.status.value, a.reason) for a in got]
    assert rows[0] == ("1", "ok", "")
    assert rows[1][:2] == ("2", "failed") and rows[1][2].startswith("line 2: invalid JSON: ")
    assert rows[2] == ("3", "failed", "no text or html")
    assert rows[3] == ("4", "ok", "")
    assert rows[4] == ("6", "skipped", "language fr not supported")  # the blank line 5 is no input
    assert rows[5] == ("7", "failed", "expected a JSON object, got list")
    assert rows[6][:2] == ("8", "ok") and "not an ISO date" in rows[6][2]
    assert rows[7] == ("9", "failed", "text is a int, not a string")
    assert rows[8] == ("10", "skipped", "empty input")
    assert len(got) == 9

    first = got[0]
    assert first.id == "17"
    assert first.published == date(2020, 3, 2)
    assert (first.title, first.url, first.outlet, first.language) == ("T", "https://x.org/1", "X", "en")
    assert got[3].id == "u-" + short_hash("https://x.org/2")
    assert got[1].id == "s-" + short_hash(f"{path}:2")
    assert got[4].text == "Sans id ni url." and got[4].id.startswith("t-")
    assert got[6].published == date(2021, 1, 1)  # the fallback date when the record's is unusable
    assert got[2].title == "no body"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-11", date(2016, 12, 11)),
        ("2016-12-11T10:00:00Z", date(2016, 12, 11)),
        ("2016-12-11 10:00", date(2016, 12, 11)),
        ("2016-12-11T10:00:00.123+0000", date(2016, 12, 11)),
        ("Sun, 11 Dec 2016 10:00:00 GMT", date(2016, 12, 11)),
        ("2016-13-45", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_published_values(tmp_path, value, expected):
    path = write_lines(tmp_path / "p.jsonl", [json.dumps({"text": "x", "published": value})])
    [a] = read([path])
    assert a.published == expected
    assert a.status is Status.OK
    if expected is None and value is not None:
        assert "published" in a.reason


def test_invalid_utf8_in_a_line(tmp_path):
    path = write_lines(tmp_path / "b.jsonl", [b'{"text": "caf\xe9 attacked"}'])
    [a] = read([path])
    assert a.status is Status.OK
    assert a.text == "caf\ufffd attacked"
    assert "invalid UTF-8" in a.reason


def test_oversize_line_skipped_and_next_read(tmp_path):
    big = json.dumps({"text": "x" * 5000})
    path = write_lines(tmp_path / "big.jsonl", [big, json.dumps({"id": "after", "text": "Short."})])
    got = read([path], settings=Settings(html_timeout=0, max_bytes=1000))
    assert [a.status for a in got] == [Status.SKIPPED, Status.OK]
    assert got[0].reason == f"too large: {len(big) + 1} bytes > max_bytes 1000"
    assert got[1].id == "after"


def test_json_documents(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "j1", "text": "One."}))
    (tmp_path / "list.json").write_text(json.dumps([{"id": "j2", "text": "Two."}, {"nope": 1}]))
    (tmp_path / "bad.json").write_text('{"id": "j3", "text": "x"}\n{"id": "j4", "text": "y"}\n')
    (tmp_path / "empty.json").write_text("[]")
    got = {a.source.replace(str(tmp_path) + "/", ""): a for a in read([tmp_path])}
    assert got["one.json"].id == "j1" and got["one.json"].status is Status.OK
    assert got["list.json:1"].id == "j2"
    assert got["list.json:2"].status is Status.FAILED and got["list.json:2"].reason == "no text or html"
    assert got["bad.json"].status is Status.FAILED and "invalid JSON" in got["bad.json"].reason
    assert ".jsonl" in got["bad.json"].reason
    assert got["empty.json"].status is Status.SKIPPED
    assert len(got) == 5


def test_stdin(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "From stdin."}) + "\nnot json\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    got = read(["-"])
    assert [(a.id, a.status, a.source) for a in got[:1]] == [("s1", Status.OK, "<stdin>:1")]
    assert got[1].status is Status.FAILED and got[1].source == "<stdin>:2"


def test_html_record(tmp_path):
    html = "<html><body><article><p>Troops shelled the village on Monday, a monitor said.</p></article></body></html>"
    path = write_lines(
        tmp_path / "h.jsonl",
        [json.dumps({"id": "h1", "html": html, "published": "2020-03-02"}), json.dumps({"id": "h2", "text": " ", "html": html})],
    )
    a, b = read([path])
    assert b.status is Status.OK and b.text == a.text  # an empty text gives way to the html
    assert a.status is Status.OK
    assert "Troops shelled the village on Monday" in a.text
    assert "<" not in a.text
    assert a.published == date(2020, 3, 2)


def test_gzipped_jsonl(tmp_path):
    import gzip

    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": "Zipped."}) + "\n" + "oops\n")
    got = read([path])
    assert [(a.id, a.status) for a in got][:1] == [("g1", Status.OK)]
    assert got[1].status is Status.FAILED and got[1].source == f"{path}:2"
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"\x1f\x8b\x08not really gzip")
    [bad] = read([broken])
    assert bad.status is Status.FAILED and "gzip" in bad.reason
