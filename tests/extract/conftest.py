"""Running the extractor on a sentence with the real model, with no cleaning in between."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.extract import Extractor
from eventsift.models import Article


class Identity:
    """A cleaned text that is the text itself: offsets map to themselves."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end


@pytest.fixture(scope="session")
def extract_text(nlp):
    """``extract_text(text, published=..., title=None) -> (mentions, dropped)``."""
    ex = Extractor()

    def _run(text: str, published: date | None = date(2020, 3, 21), title: str | None = None):
        return ex.extract(Article("t", text, published=published, title=title), nlp(text), Identity(text))

    return _run
