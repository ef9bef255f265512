"""How many: number words read the ACLED-conservative way. The counts stated in example texts are
corpus/sentences/counts.jsonl; what is left here asserts more than a record can say."""
from __future__ import annotations

import pytest

from eventsift.extract.counts import parse_counts, parse_number


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("12", 12), ("1,200", 1200), ("twelve", 12), ("twenty-five", 25), ("a dozen", 12),
        ("two dozen", 24), ("dozens", 12), ("tens", 10), ("hundreds", 100), ("scores", 20),
        ("several", 3), ("a", 1), ("an", 1), ("one", 1), ("one hundred and five", 105),
        ("many", None), ("a number of", None), ("soldiers", None), ("", None),
    ],
)
def test_parse_number(words, expected):
    assert parse_number(words) == expected


def test_offsets_point_into_the_text_and_limit_the_range():
    text = "Intro: 9 people were killed last year. Today 4 soldiers were killed in an ambush."
    start = text.index("Today")
    c = parse_counts(text, start, len(text))
    assert c.fatalities == 4
    assert c.spans
    for sp in c.spans:
        assert start <= sp.start < sp.end <= len(text)
        assert text[sp.start:sp.end] == sp.text
    assert "4 soldiers were killed" in c.spans[0].text


def test_doc_keyword_is_accepted():
    text = "Gunmen killed 2 farmers."
    assert parse_counts(text, 0, len(text), doc=None).fatalities == 2
