"""Property-based: whatever bytes or JSON an input holds, reading never raises, yields exactly
what count_inputs promised, one Article per input with its own id, and text any encoder takes."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from eventsift.config import Settings
from eventsift.ingest import count_inputs, decode_bytes, iter_articles
from eventsift.models import Status

SETTINGS = Settings(html_timeout=0)
FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# JSON values: any text (lone surrogates and control characters included), any integer size
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(st.characters(codec=None)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.text(st.characters(codec=None), max_size=300) | json_values,
    "html": st.text(max_size=200) | json_values, "published": st.text(max_size=30) | json_values,
    "title": json_values, "url": json_values, "language": json_values,
})


def _check(articles, expected_count=None):
    assert len({a.id for a in articles}) == len(articles)
    for a in articles:
        assert isinstance(a.status, Status)
        if a.status is not Status.OK:
            assert a.reason
        for value in (a.id, a.text, a.reason, a.source or "", a.title or "", a.url or ""):
            value.encode("utf-8")  # nothing downstream chokes on it
    if expected_count is not None:
        assert len(articles) == expected_count


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html", ".ndjson"]))
def test_any_bytes_in_any_file(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("p") / f"input{suffix}"
    path.write_bytes(data)
    articles = list(iter_articles([path], settings=SETTINGS))
    _check(articles, count_inputs([path]))
    assert articles or suffix in (".jsonl", ".ndjson")  # only a JSONL file of blank lines yields nothing


@FAST
@given(lines=st.lists(records | json_values, min_size=1, max_size=8),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_json_records(tmp_path_factory, lines, codec):
    body = "\n".join(json.dumps(r) for r in lines) + "\n"
    path = tmp_path_factory.mktemp("p") / "feed.jsonl"
    path.write_bytes(body.encode(codec))
    articles = list(iter_articles([path], settings=SETTINGS))
    _check(articles, len(lines))
    assert count_inputs([path]) == len(lines)


@FAST
@given(data=st.binary(max_size=2000))
def test_decode_bytes_is_total(data):
    decoded = decode_bytes(data)
    assert decoded.status in (Status.OK, Status.SKIPPED, Status.FAILED)
    decoded.text.encode("utf-8", "surrogatepass")
    assert decoded.status is Status.OK or decoded.text == ""
