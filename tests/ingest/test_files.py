"""iter_articles over plain files, odd bytes, sizes, directories and missing paths."""
from __future__ import annotations

import tracemalloc
from datetime import date

import pytest

from eventsift.config import Settings
from eventsift.ingest import article_id, iter_articles
from eventsift.models import Status

SETTINGS = Settings(html_timeout=0)  # no worker process for tests that read no html
REPORT = "Menu\n\nClashes in the north\n\nArmy units fought rebels near the town on Monday.\n"


def read(paths, **kw):
    kw.setdefault("settings", SETTINGS)
    return list(iter_articles(paths, **kw))


def test_text_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    [a] = read([path], published=date(2020, 3, 2))
    assert a.status is Status.OK and a.reason == ""
    assert a.text == REPORT
    assert a.title == "Clashes in the north"  # the menu line is not the title
    assert a.published == date(2020, 3, 2)
    assert a.source == str(path)
    assert a.language == "en"
    assert a.id.startswith("t-")
    # the id depends on the words, not on how they are spaced
    assert a.id == article_id(text=REPORT.replace(" ", "\u00a0  ").replace("\n", "\r\n"))
    [again] = read([str(path)])
    assert again.id == a.id and again.published is None


@pytest.mark.parametrize(
    ("name", "data", "status", "reason"),
    [
        ("empty.txt", b"", Status.SKIPPED, "empty input"),
        ("blank.txt", b"  \n\n\t ", Status.SKIPPED, "empty input"),
        ("nul.txt", b"text\x00with nul", Status.SKIPPED, "binary content"),  # 1 NUL in 13 bytes
        ("controls.txt", bytes(range(1, 9)) * 50, Status.SKIPPED, "binary content"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Status.SKIPPED, "binary content"),
        ("garbage.txt", bytes(range(128, 256)) * 40, Status.FAILED, "not UTF-8 text"),
        ("notes.csv", b"a,b\n1,2\n", Status.SKIPPED, "unsupported file type"),
        ("README", b"hello", Status.SKIPPED, "unsupported file type"),
    ],
)
def test_unusable_inputs(tmp_path, name, data, status, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [a] = read([path])
    assert a.status is status
    assert a.reason.startswith(reason)
    assert a.text == ""
    assert a.id.startswith("s-")
    assert a.source == str(path)


def test_invalid_utf8_mostly_text_is_kept(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Troops entered the caf\u00e9 district of the town on Monday.\n".encode("latin-1"))
    [a] = read([path])
    assert a.status is Status.OK
    assert "replaced 1 invalid UTF-8" in a.reason
    assert "caf\ufffd district" in a.text


def test_utf8_bom_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffHeadline\nBody.".encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes("Headline\nBody.".encode("utf-16"))
    [bom], [u16] = read([tmp_path / "bom.txt"]), read([tmp_path / "u16.txt"])
    assert bom.text == "Headline\nBody." and bom.status is Status.OK
    assert u16.text == "Headline\nBody." and u16.status is Status.OK and "UTF-16" in u16.reason


def test_large_file_skipped_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    line = b"Government forces shelled the town again this morning, residents said.\n"
    with path.open("wb") as handle:
        for _ in range(20_000_000 // len(line) + 1):
            handle.write(line)
    size = path.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        [a] = read([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert a.status is Status.SKIPPED
    assert a.reason == f"too large: {size} bytes > max_bytes {SETTINGS.max_bytes}"
    assert peak < 2_000_000


def test_max_bytes_setting(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    [a] = read([path], settings=Settings(html_timeout=0, max_bytes=10))
    assert a.status is Status.SKIPPED and a.reason.startswith("too large:")
    [b] = read([path], settings=Settings(html_timeout=0, max_bytes=len(REPORT)))
    assert b.status is Status.OK


def test_missing_path(tmp_path):
    [a] = read([tmp_path / "nope.txt"])
    assert a.status is Status.FAILED and a.reason == "no such file or directory"


def test_directory_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second report.\n")
    (tmp_path / "a" / "1.txt").write_text("First report.\n")
    (tmp_path / "a" / "z.txt").write_text("")
    (tmp_path / "0.jsonl").write_text('{"id": 5, "text": "Fifth."}\n\n{"id": "six", "text": "Sixth."}\n')
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n")
    (tmp_path / ".git" / "HEAD.txt").write_text("ref\n")
    got = read([tmp_path])
    assert [(a.source.replace(str(tmp_path), ""), a.status.value) for a in got] == [
        ("/0.jsonl:1", "ok"),
        ("/0.jsonl:3", "ok"),
        ("/a/1.txt", "ok"),
        ("/a/z.txt", "skipped"),
        ("/b/2.txt", "ok"),
        ("/image.png", "skipped"),
    ]
    assert [a.id for a in got[:2]] == ["5", "six"]


def test_single_path_string_accepted(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT)
    assert [a.text for a in read(str(path))] == [REPORT]


def test_seed_inputs_read(shared_data):
    seed = shared_data / "seed"
    got = read([seed])
    assert got, "the seed directory holds inputs"
    assert all(a.status is Status.OK for a in got)
    gold = [a for a in got if a.source.endswith(".jsonl:1")]
    assert gold and gold[0].id == "seed-aleppo-palmyra"
    assert gold[0].published == date(2016, 12, 11)
