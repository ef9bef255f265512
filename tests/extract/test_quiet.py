"""Quiet reports, frames and attribution: their examples are corpus/sentences/quiet.jsonl and
everyday.jsonl; what is left here asserts more than a record can say."""
from datetime import date

import pytest


@pytest.fixture(scope="module")
def run(extract_text):
    def _run(text, title=None):
        return extract_text(text, published=date(2021, 6, 9), title=title)

    return _run


def test_spans_carry_no_surrounding_whitespace(run):
    text = "Gunmen killed two farmers in the village on Monday, police said.\n\n  Soldiers arrested five men.\n"
    mentions, _ = run(text)
    assert mentions
    for m in mentions:
        for span in (m.sentence, m.trigger, *(a.span for a in (m.actor1, m.actor2) if a and a.span)):
            assert span.text == span.text.strip() and text[span.start:span.end] == span.text
