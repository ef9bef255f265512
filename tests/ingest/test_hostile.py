"""Hostile inputs: every one yields exactly one Article with a reason, none stops the reading,
and count_inputs opens and reads no more than the reader does."""
from __future__ import annotations

import codecs
import gzip
import json
import os
import threading

import pytest

from eventsift.config import Settings
from eventsift.ingest import count_inputs, iter_articles
from eventsift.ingest.ids import parse_published
from eventsift.models import Status

SETTINGS = Settings(html_timeout=0)
TEXT = "Soldiers clashed with rebels near the town on Monday."


def read(paths, **kw):
    kw.setdefault("settings", SETTINGS)
    return list(iter_articles(paths, **kw))


def _jsonl(path, *lines):
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else ln.encode("utf-8")) + b"\n" for ln in lines))
    return path


GOOD = json.dumps({"id": "good", "text": TEXT})


@pytest.mark.parametrize(("bad", "status", "reason"), [
    ("[" * 5000 + "]" * 5000, Status.FAILED, "nested too deeply"),
    ('{"id": "deep", "text": "x", "extra": ' + "[" * 3000 + "]" * 3000 + "}", Status.FAILED, "nested too deeply"),
    ('{"text": "' + TEXT + '", "ignored": ' + "9" * 5000 + "}", Status.OK, ""),
    ('{"id": ' + "7" * 5000 + ', "text": "' + TEXT + '"}', Status.OK, "replaced by its hash"),
    ('{"text": "cut emoji \\ud83d here"}', Status.OK, ""),
    ('{"text": "' + TEXT + '", "published": "9999-12-31"}', Status.OK, "out of range"),
    ('{"text": "' + TEXT + '", "published": "0001-01-01T00:00:00"}', Status.OK, "out of range"),
    ('{"text": "' + TEXT + '", "published": ' + "1" * 80 + "}", Status.OK, "out of range"),
    ('{"text": "' + TEXT + '", "published": 12.5}', Status.OK, "not a date string"),
    ('{"id": [], "text": "' + TEXT + '"}', Status.OK, "id of type list ignored"),
    ('{"id": {"a": 1}, "text": "' + TEXT + '"}', Status.OK, "id of type dict ignored"),
    ('{"id": true, "text": "' + TEXT + '"}', Status.OK, "id of type bool ignored"),
    ('{"text": 12, "title": {"a": 1}}', Status.FAILED, "text is a int"),
    ("NaN", Status.FAILED, "expected a JSON object"),
])
def test_a_bad_line_fails_alone(tmp_path, bad, status, reason):
    path = _jsonl(tmp_path / "feed.jsonl", GOOD.replace("good", "a"), bad, GOOD.replace("good", "b"))
    first, middle, last = read([path])
    assert (first.id, last.id) == ("a", "b") and first.status is last.status is Status.OK
    assert middle.status is status and reason in middle.reason
    assert "\ud83d" not in middle.text  # a lone surrogate never reaches the tokenizer or the store
    middle.text.encode("utf-8")
    assert count_inputs([path]) == 3


@pytest.mark.parametrize(("given", "expected"), [
    ("  r-1\n", "r-1"), (12, "12"), ("a\x1b[31mred", "a[31mred"), ("x" * 300, None),
])
def test_ids_are_normalised(tmp_path, given, expected):
    [a] = read([_jsonl(tmp_path / "f.jsonl", json.dumps({"id": given, "text": TEXT}))])
    if expected is None:
        assert a.id.startswith("h-") and len(a.id) < 40
    else:
        assert a.id == expected


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_jsonl_encodings(tmp_path, codec):
    lines = [json.dumps({"id": f"r{i}", "text": f"{TEXT} Caf\u00e9 {i}."}, ensure_ascii=False) for i in range(3)]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode(codec))
    found = read([path])
    assert [a.id for a in found] == ["r0", "r1", "r2"]
    assert all(a.status is Status.OK and a.text.endswith(f"Caf\u00e9 {i}.") for i, a in enumerate(found))
    assert count_inputs([path]) == 3


@pytest.mark.parametrize(("data", "text", "reason"), [
    (("\ufeff" + TEXT).encode("utf-32"), TEXT, "UTF-32"),
    (TEXT.encode("utf-32-le"), TEXT, "UTF-32"),
    (TEXT.encode("utf-16-be"), TEXT, "UTF-16"),
    ((TEXT * 20).encode() + b"\x00", TEXT * 20, "removed 1 NUL"),
])
def test_text_encodings_and_stray_nul(tmp_path, data, text, reason):
    (tmp_path / "r.txt").write_bytes(data)
    [a] = read([tmp_path / "r.txt"])
    assert a.status is Status.OK and a.text == text and reason in a.reason


@pytest.mark.parametrize("name, body", [
    ("r.txt.gz", TEXT.encode()),
    ("r.json.gz", json.dumps({"id": "j", "text": TEXT}).encode()),
])
def test_gzipped_files(tmp_path, name, body):
    with gzip.open(tmp_path / name, "wb") as out:
        out.write(body)
    [a] = read([tmp_path / name])
    assert a.status is Status.OK and a.text == TEXT
    assert count_inputs([tmp_path / name]) == 1


def test_gzip_bomb_stops_with_a_reason(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(50):
            out.write(b"{}\n" * 100_000)  # 15 MB of '{}' lines in a few kB
    assert path.stat().st_size < 100_000
    found = read([path])
    assert len(found) < 600_000  # stops after about one MB of lines
    assert "inflates more than 100 times" in found[-1].reason and found[-1].status is Status.FAILED
    assert count_inputs([path]) is not None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.txt", "pipe.jsonl.gz"])
def test_named_pipes_are_never_opened(tmp_path, name):
    os.mkfifo(tmp_path / name)
    done: list = []
    worker = threading.Thread(target=lambda: done.append((count_inputs([tmp_path]), read([tmp_path]))), daemon=True)
    worker.start()
    worker.join(20)
    assert done, "reading a named pipe hung"
    total, [a] = done[0]
    assert total == 1 and a.status is Status.SKIPPED and "named pipe" in a.reason


@pytest.mark.parametrize(("make", "status", "reason"), [
    (lambda p: os.symlink(p, p), Status.FAILED, "symbolic link loop"),
    (lambda p: os.symlink(p.parent / "gone.jsonl", p), Status.FAILED, "broken symbolic link"),
    (lambda p: os.symlink("/dev/zero", p), Status.SKIPPED, "a device"),
])
def test_links(tmp_path, make, status, reason):
    path = tmp_path / "x.jsonl"
    make(path)
    [a] = read([path])
    assert a.status is status and reason in a.reason
    assert count_inputs([path]) == 1


@pytest.mark.parametrize("blank", [b"\n" * 3_000_000, b" \t\r\n" * 500_000])
def test_counting_many_blank_lines_is_bounded(tmp_path, blank):
    path = tmp_path / "f.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + blank + GOOD.encode() + b"\n" + blank + b"{}")
    assert count_inputs([path]) == 3 == len(read([path]))


def test_one_long_line_is_counted_in_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "f.jsonl"
    with open(path, "wb") as out:
        out.write(b'{"text": "' + b"a" * 30_000_000 + b'"}\n' + GOOD.encode() + b"\n")
    tracemalloc.start()
    total = count_inputs([path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert total == 2 and peak < 8 << 20


@pytest.mark.parametrize(("inputs", "ids", "statuses"), [
    # the same id, different texts: both coded, the later under its own id
    ([{"id": "x", "text": TEXT}, {"id": "x", "text": TEXT + " Two died."}], ["x", "x~2"], ["ok", "ok"]),
    # the same id and text: the copy is kept as a skipped row
    ([{"id": "x", "text": TEXT}, {"id": "x", "text": TEXT}], ["x", "x~2"], ["ok", "skipped"]),
    # an input that carries the id a duplicate would get
    ([{"id": "x", "text": TEXT}, {"id": "x~2", "text": "B " + TEXT}, {"id": "x", "text": "C " + TEXT}],
     ["x", "x~2", "x~3"], ["ok", "ok", "ok"]),
    # no ids, the same text twice: text hashes collide
    ([{"text": TEXT}, {"text": TEXT}], None, ["ok", "skipped"]),
])
def test_duplicate_ids_keep_a_row_each(tmp_path, inputs, ids, statuses):
    found = read([_jsonl(tmp_path / "f.jsonl", *(json.dumps(r) for r in inputs))])
    assert len({a.id for a in found}) == len(inputs)
    if ids:
        assert [a.id for a in found] == ids
    assert [a.status.value for a in found] == statuses
    assert "f.jsonl:1" in found[-1].reason  # the later input names the earlier one


def test_two_files_with_the_same_text(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    a, b = read([tmp_path])
    assert a.id != b.id and b.id == a.id + "~2" and b.status is Status.SKIPPED and "a.txt" in b.reason


@pytest.mark.parametrize(("value", "ok"), [("2020-02-29", True), ("9999-12-31", False), ("1066-10-14", False),
                                           ("2019-01-01T10:00:00+05:00", True)])
def test_published_range(value, ok):
    found, note = parse_published(value)
    assert (found is not None) is ok and (note is None) is ok


def test_utf32_is_not_read_as_utf16():
    from eventsift.ingest import decode_bytes

    decoded = decode_bytes(TEXT.encode("utf-32"))
    assert decoded.text == TEXT and "UTF-32" in decoded.reason
    assert codecs.BOM_UTF32_LE.startswith(codecs.BOM_UTF16_LE)  # why the order of the checks matters


def test_deeply_nested_page_keeps_its_text(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{TEXT}</p>" + "</div>" * 100_000 + "</body></html>")
    [a] = iter_articles([path], settings=Settings(html_timeout=30))
    assert a.status is Status.OK and a.text == TEXT and "too deeply nested" in a.reason


@pytest.mark.parametrize(("html", "text"), [
    ("<p>a &amp; b</p><div>c</div>", "a & b\nc"),
    ("<p>x<script>var s = '<p>no</p>';</script>y</p>", "x y"),
    ("<style>p {}</style><!-- <p>hidden</p> -->z", "z"),
    ("<p>open <b", "open <b"),
    ("<script>" * 1000, ""),
    ("<" * 1000, "<" * 1000),
])
def test_stripped_text(html, text):
    from eventsift.ingest.html import stripped_text

    assert stripped_text(html) == text
