"""Reading an analyst's own files: ACLED CSV exports and gold JSONL; clear errors otherwise."""
from __future__ import annotations

import json

import pytest

from eventsift.classify import read_examples
from eventsift.classify.features import NUMBER, features, tokens
from eventsift.errors import EventsiftError

from .conftest import write_csv


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 7 people", ["gunmen", "killed", NUMBER, "people"]),
    ("Police arrested 1,200 protesters.", ["police", "arrested", NUMBER, "protesters"]),
    ("The army’s drone struck", ["the", "army's", "drone", "struck"]),
    ("", []),
])
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_features_are_words_and_word_pairs():
    assert features("air strike hit") == {"air", "strike", "hit", "air strike", "strike hit"}


@pytest.mark.parametrize("header, delimiter", [
    (["event_id_cnty", "event_date", "sub_event_type", "notes"], ","),
    (["notes", "sub_event_type"], ";"),
    (["NOTES", "Sub_Event_Type", "fatalities"], "\t"),
])
def test_an_acled_csv_is_read_by_its_header(tmp_path, header, delimiter):
    rows = []
    for note, sub in (("Warplanes bombed the town.", "Air/drone strike"), ("Police arrested five people.", "Arrests")):
        row = {h.lower(): "x" for h in header}
        row["notes"], row["sub_event_type"] = note, sub
        rows.append([row[h.lower()] for h in header])
    read = read_examples([write_csv(tmp_path / "export.csv", header, rows, delimiter)])
    assert [(e.text, e.label) for e in read.examples] == [("Warplanes bombed the town.", "Air/drone strike"),
                                                           ("Police arrested five people.", "Arrests")]
    assert read.files[0]["examples"] == 2 and len(read.sha256) == 64


@pytest.mark.parametrize("header, missing", [
    (["event_date", "sub_event_type"], "notes"),
    (["notes", "event_type"], "sub_event_type"),
    (["a", "b", "c"], "notes or sub_event_type"),
])
def test_a_csv_without_the_columns_says_which(tmp_path, header, missing):
    path = write_csv(tmp_path / "bad.csv", header, [["x"] * len(header)])
    with pytest.raises(EventsiftError) as exc:
        read_examples([path])
    assert exc.value.code == "E072" and f"no {missing} column" in exc.value.message
    assert "notes" in exc.value.hint and "sub_event_type" in exc.value.hint


@pytest.mark.parametrize("make, code, words", [
    (lambda p: p / "missing.csv", "E070", "does not exist"),
    (lambda p: p, "E070", "is a directory"),
    (lambda p: (p / "empty.csv", (p / "empty.csv").write_text(""))[0], "E071", "is empty"),
    (lambda p: (p / "latin.csv", (p / "latin.csv").write_bytes(b"notes,sub_event_type\n\xe9t\xe9,Arrests\n"))[0],
     "E071", "not UTF-8"),
    (lambda p: (p / "data.xlsx", (p / "data.xlsx").write_bytes(b"PK"))[0], "E071", "unknown kind of file"),
    (lambda p: (p / "bad.jsonl", (p / "bad.jsonl").write_text('{"text": "x"\n'))[0], "E071", "invalid JSON"),
    (lambda p: (p / "odd.jsonl", (p / "odd.jsonl").write_text('{"text": "x"}\n'))[0], "E072", "neither"),
])
def test_unreadable_inputs_are_clear_errors(tmp_path, make, code, words):
    with pytest.raises(EventsiftError) as exc:
        read_examples([make(tmp_path)])
    assert exc.value.code == code and words in exc.value.message and exc.value.hint


def test_rows_outside_the_taxonomy_or_empty_are_counted_and_left_out(tmp_path):
    path = write_csv(tmp_path / "e.csv", ["notes", "sub_event_type"], [
        ["Police arrested five people.", "Arrests"], ["Something happened.", "Riot"], ["", "Arrests"],
        ["Police arrested five people.", "Arrests"], ["Gunmen shot a man.", "Attack"]])
    read = read_examples([path])
    assert [e.label for e in read.examples] == ["Arrests", "Attack"]
    assert (read.unknown_labels, read.empty_rows, read.duplicates) == ({"Riot": 1}, 1, 1)


def test_only_unknown_sub_types_is_an_error(tmp_path):
    path = write_csv(tmp_path / "e.csv", ["notes", "sub_event_type"], [["Something happened.", "Riot"]])
    with pytest.raises(EventsiftError) as exc:
        read_examples([path])
    assert exc.value.code == "E073" and "outside ACLED's taxonomy" in exc.value.message


def test_gold_jsonl_gives_one_example_per_event(tmp_path):
    rows = [
        {"id": "a", "text": "Headline\n\nJets bombed the town. Police later arrested two men.", "events": [
            {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
             "evidence": "Jets bombed the town."},
            {"event_type": "Strategic developments", "sub_event_type": "Arrests",
             "evidence": ["Police later arrested two men."]}]},
        {"id": "b", "text": "Students rallied for new elections.", "events": [
            {"event_type": "Protests", "sub_event_type": "Peaceful protest"}]},
        {"id": "c", "text": "A quiet report.", "events": []},
        {"notes": "Gunmen shot a man.", "sub_event_type": "Attack"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = [(e.text, e.label) for e in read_examples([path]).examples]
    assert got == [("Jets bombed the town.", "Air/drone strike"), ("Police later arrested two men.", "Arrests"),
                   ("Students rallied for new elections.", "Peaceful protest"), ("Gunmen shot a man.", "Attack")]


def test_progress_is_reported_by_bytes(tmp_path):
    a = write_csv(tmp_path / "a.csv", ["notes", "sub_event_type"], [["Police arrested five people.", "Arrests"]])
    b = write_csv(tmp_path / "b.csv", ["notes", "sub_event_type"], [["Gunmen shot a man.", "Attack"]])
    seen = []
    read_examples([a, b], progress=lambda done, total: seen.append((done, total)))
    total = a.stat().st_size + b.stat().st_size
    assert seen == [(a.stat().st_size, total), (total, total)]


def test_progress_runs_through_a_long_file(tmp_path, monkeypatch):
    from eventsift.classify import data

    monkeypatch.setattr(data, "PROGRESS_EVERY", 10)
    path = write_csv(tmp_path / "long.csv", ["notes", "sub_event_type"],
                     [[f"Police arrested {i} people in the town.", "Arrests"] for i in range(100)])
    seen = []
    read_examples([path], progress=lambda done, total: seen.append(done))
    assert len(seen) >= 10 and seen == sorted(seen) and seen[-1] == path.stat().st_size
