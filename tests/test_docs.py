"""The worked examples of docs/adding-knowledge.md are coded as the page says."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eventsift.models import Article
from eventsift.pipeline import Pipeline

DOC = Path(__file__).resolve().parent.parent / "docs" / "adding-knowledge.md"
EXAMPLES = re.findall(r"```example\n(.+?)\n=> (.+?)\n```", DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples():
    assert EXAMPLES


@pytest.mark.parametrize("sentence,sub", EXAMPLES)
def test_worked_example(nlp, sentence, sub):
    events = Pipeline(nlp=nlp)(Article(id="doc", text=sentence, published=date(2021, 3, 1))).events
    assert [e.sub_event_type for e in events] == [sub]
