"""The example sentences of corpus/sentences/*.jsonl, each checked against what it expects.

One test per stage a record exercises; the test id is the record id. Each key of a record's
``expect`` is one assertion (corpus/README.md lists them):

- extract / dated (the extractor, without or with the dating of sentences):
  ``events`` (how many), ``types`` (the sub-types in order), ``some_event``, ``first`` / ``top``
  (fields of the first / the most confident mention), ``actor2_is_not``, ``dropped`` (a dropped
  mention's reason contains it), ``dropped_any``;
- counts: ``counts`` (fields of ``parse_counts``), ``reason`` (a reason is given), ``reason_has``;
- actors: ``first_actor`` ([name, inter]), ``no_named_group``, ``no_actor_named`` (a name prefix);
- frame / article_frame: ``frame_kind`` (or null), ``frame`` ([kind, cue words]).
"""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.evaluate import corpus

EXTRACT_KEYS = {"events", "types", "some_event", "first", "top", "actor2_is_not", "dropped", "dropped_any"}
STAGE_KEYS = {
    "extract": EXTRACT_KEYS, "dated": EXTRACT_KEYS,
    "counts": {"counts", "reason", "reason_has"},
    "actors": {"first_actor", "no_named_group", "no_actor_named"},
    "frame": {"frame_kind", "frame"}, "article_frame": {"frame_kind"},
}


def records(*stages: str) -> list:
    return [pytest.param(r, id=r["id"]) for r in corpus.sentences() if r["stage"] in stages]


def field(m, name: str):
    """One field of a mention, as the expectations name it."""
    if name == "sub_event_type":
        return m.sub_event_type
    if name in ("actor1", "actor2"):
        actor = getattr(m, name)
        return actor.name if actor else None
    if name in ("inter1", "inter2"):
        actor = getattr(m, "actor" + name[-1])
        return actor.inter if actor else None
    if name == "fatalities":
        return m.counts.fatalities
    if name == "stance":
        return m.stance.value
    raise KeyError(f"no mention field {name!r} in the corpus vocabulary")


def check_mentions(record: dict, mentions: list, dropped: list) -> None:
    want = record["expect"]
    got_types = [m.sub_event_type for m in mentions]
    reasons = [d.reason for d in dropped]
    if "events" in want:
        assert len(mentions) == want["events"], (got_types, reasons)
    if "types" in want:
        assert got_types == want["types"], reasons
    if want.get("some_event"):
        assert mentions
    if "first" in want:
        assert mentions, f"no event in {record['text']!r}"
        first = mentions[0]
        assert {k: field(first, k) for k in want["first"]} == want["first"], got_types
    if "top" in want:
        assert mentions, f"no event in {record['text']!r}"
        top = max(mentions, key=lambda m: m.confidence)
        assert {k: field(top, k) for k in want["top"]} == want["top"], got_types
        assert top.sentence.text in record["text"] and top.trigger is not None
    if "actor2_is_not" in want:
        assert field(mentions[0], "actor2") != want["actor2_is_not"]   # never on both sides
    if "dropped" in want:
        assert any(want["dropped"] in r for r in reasons), reasons
    if want.get("dropped_any"):
        assert dropped


@pytest.fixture(scope="module")
def run_dated(nlp):
    """The extractor as the pipeline builds it: sentences are dated, so days can be compared."""
    from eventsift.extract import Extractor
    from eventsift.models import Article
    from eventsift.resolve.time import own_day

    from .conftest import Identity

    ex = Extractor(dater=own_day)

    def _run(text: str, published: date):
        return ex.extract(Article("t", text, published=published), nlp(text), Identity(text))

    return _run


def test_every_record_is_well_formed():
    seen = set()
    for r in corpus.sentences():
        assert r["id"] not in seen, r["id"]
        seen.add(r["id"])
        assert r["split"] == corpus.split_of(r["id"]), r["id"]
        assert r["stage"] in STAGE_KEYS and r["expect"], r["id"]
        assert set(r["expect"]) <= STAGE_KEYS[r["stage"]], r["id"]
        assert isinstance(r["text"], str) and r.get("note"), r["id"]
        assert ("date" in r) == (r["stage"] in ("extract", "dated")), r["id"]
    assert len(seen) >= 500


@pytest.mark.parametrize("record_id,split", [
    ("conventions-demonstrations-05", "train"), ("abroad-first-actor-is-named-12", "dev"),
    ("abroad-first-actor-is-named-05", "test"), ("es-0001", "train"), ("g08", "test"),
])
def test_a_split_is_fixed_by_the_id_alone(record_id, split):
    assert corpus.split_of(record_id) == split


def test_the_splits_share_the_sentences_about_70_15_15():
    shares = {s: sum(r["split"] == s for r in corpus.sentences()) / len(corpus.sentences())
              for s in ("train", "dev", "test")}
    assert 0.62 <= shares["train"] <= 0.78 and 0.10 <= shares["dev"] <= 0.20 and 0.10 <= shares["test"] <= 0.20, shares


@pytest.mark.parametrize("record", records("extract"))
def test_extract(extract_text, record):
    mentions, dropped = extract_text(record["text"], published=date.fromisoformat(record["date"]))
    check_mentions(record, mentions, dropped)


@pytest.mark.parametrize("record", records("dated"))
def test_extract_dated(run_dated, record):
    mentions, dropped = run_dated(record["text"], date.fromisoformat(record["date"]))
    check_mentions(record, mentions, dropped)


@pytest.mark.parametrize("record", records("counts"))
def test_counts(record):
    from eventsift.extract.counts import parse_counts

    want, text = record["expect"], record["text"]
    c = parse_counts(text, 0, len(text))
    assert {k: getattr(c, k) for k in want["counts"]} == want["counts"], c.reason
    if want.get("reason"):
        assert c.reason
    if "reason_has" in want:
        assert want["reason_has"] in c.reason


@pytest.fixture(scope="module")
def actors_in(nlp):
    from eventsift.extract.actors import find_actors
    from eventsift.lexicon.tables import load

    def _run(text):
        doc = nlp(text)
        return [(r.name, r.inter, doc[r.head].text) for r in find_actors(doc, 0, len(doc), load())]

    return _run


@pytest.mark.parametrize("record", records("actors"))
def test_actors(actors_in, record):
    want = record["expect"]
    got = actors_in(record["text"])
    if "first_actor" in want:
        assert got and list(got[0][:2]) == want["first_actor"], got
    if want.get("no_named_group"):
        assert not [a for a in got if a[1] in (2, 3, 4, 8)]
    if "no_actor_named" in want:
        assert not any(name.startswith(want["no_actor_named"]) for name, _, _ in got), got


@pytest.mark.parametrize("record", records("frame", "article_frame"))
def test_frames(record):
    from eventsift.extract import context

    want = record["expect"]
    if record["stage"] == "article_frame":
        found = context.article_frame(record["title"], record["text"])
    else:
        found = context.sentence_frame(record["text"])
    if "frame_kind" in want:
        assert (found[0] if found else None) == want["frame_kind"]
    if "frame" in want:
        assert found is not None and list(found) == want["frame"], found
        assert context.frame_cues(record["text"])[0][1] == want["frame"][1]
