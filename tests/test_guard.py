"""Guards before spaCy and the per-article time budget: a pathological article fails alone, in
its input position, and the articles around it are coded."""
from __future__ import annotations

import time

import pytest

from eventsift.config import Settings
from eventsift.guard import MAX_CHUNK, MAX_SYMBOL_RUN, Budget, BudgetExceeded, guard_text, prose_problem
from eventsift.models import Article, Status
from eventsift.pipeline import Pipeline

GOOD = "Police fired tear gas at protesters in Lagos, Nigeria on Monday, killing two people."


@pytest.mark.parametrize("text", [
    "=" * 10_000, "\U0001F600" * 5000, "'s" * 5000, "a" * 1000, GOOD, "x\ud83dy\x00z", "http://e.org/" + "a/" * 200,
])
def test_guard_keeps_offsets_and_bounds_chunks(text):
    guarded = guard_text(text)
    assert len(guarded) == len(text)
    assert all(len(chunk) <= MAX_CHUNK for chunk in guarded.split())
    assert "=" * (MAX_SYMBOL_RUN + 1) not in guarded and "\x00" not in guarded
    guarded.encode("utf-8")  # no lone surrogate left
    if text == GOOD:
        assert guarded == text  # prose is untouched


@pytest.mark.parametrize(("text", "n_tokens", "why"), [
    ("=" * 200_000, None, "letters or digits"),
    ("\U0001F600" * 200_000, None, "letters or digits"),
    ("'s" * 100_000, 101_538, "tokens in"),
    (GOOD * 2000, 36_000, None),
    ("12, " * 300, None, None),  # a list of numbers is not symbols
    (GOOD + "\n" + "=" * 5000 + "\n" + GOOD, None, None),  # a long rule in a report is cut, not fatal
])
def test_prose_problem(text, n_tokens, why):
    problem = prose_problem(text, guard_text(text), n_tokens)
    assert (problem is None) if why is None else (why in problem)


def test_budget_interrupts_python_code():
    started = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with Budget(0.2):
            while True:
                pass
    assert time.monotonic() - started < 2


class _Slow:
    """An extractor that takes far too long on one article."""

    def __init__(self, real, slow_id):
        self.real, self.slow_id = real, slow_id

    def extract(self, article, doc, cleaned):
        if article.id == self.slow_id:
            time.sleep(60)
        return self.real.extract(article, doc, cleaned)


class _Flaky:
    """spaCy that raises on any batch holding a poisoned text (and on that text alone)."""

    def __init__(self, real):
        self.real = real

    def make_doc(self, text):
        return self.real.make_doc(text)

    def pipe(self, items, **kw):
        items = list(items)
        if any("POISON" in d.text for d, _ in items if not isinstance(d, str)):
            raise ValueError("spaCy broke on a batch")
        return self.real.pipe(items, **kw)

    def __call__(self, doc):
        if "POISON" in doc.text:
            raise ValueError("spaCy broke on this text")
        return self.real(doc)


def _articles(middle: str):
    return [Article(id="a", text=GOOD, status=Status.OK), Article(id="bad", text=middle, status=Status.OK),
            Article(id="b", text=GOOD.replace("Lagos", "Abuja"), status=Status.OK)]


@pytest.mark.parametrize(("middle", "reason"), [
    ("=" * 200_000, "not prose"),
    ("\U0001F600" * 200_000, "not prose"),
    ("'s" * 100_000, "not prose"),
    ("&" * 20_000 + " " + GOOD, None),  # the flood is cut and the sentence after it coded
])
def test_symbol_floods_fail_alone_and_fast(nlp, middle, reason):
    pipe = Pipeline(Settings(article_timeout=30), nlp=nlp)
    list(pipe.pipe(_articles(GOOD)))  # warm up the geocoder and extractor
    started = time.monotonic()
    a, bad, b = pipe.pipe(_articles(middle))
    assert time.monotonic() - started < 30
    if reason is None:
        assert bad.article.status is Status.OK and bad.events
    else:
        assert bad.article.status is Status.FAILED and reason in bad.article.reason
    assert a.events and b.events


def test_symbol_runs_inside_a_report_are_cut_not_fatal(nlp):
    text = GOOD + "\n" + "=" * 5000 + "\n" + GOOD.replace("Lagos", "Kano")
    [result] = Pipeline(nlp=nlp).pipe([Article(id="r", text=text, status=Status.OK)])
    assert result.article.status is Status.OK and len(result.events) >= 1


def test_time_budget_fails_one_article(nlp):
    pipe = Pipeline(Settings(article_timeout=1.0), nlp=nlp)
    pipe._extractor = _Slow(pipe.extractor, "bad")
    started = time.monotonic()
    a, bad, b = pipe.pipe(_articles(GOOD + " Again."))
    assert time.monotonic() - started < 30
    assert bad.article.status is Status.FAILED and "time budget of 1s exceeded" in bad.article.reason
    assert a.events and b.events and a.article.status is b.article.status is Status.OK


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_a_batch_spacy_fails_on_is_parsed_one_by_one(nlp, batch_size):
    pipe = Pipeline(nlp=_Flaky(nlp))
    arts = _articles("POISON " + GOOD) * 2
    results = list(pipe.pipe(arts, batch_size=batch_size))
    assert [r.article.id for r in results] == [x.id for x in arts]
    assert [r.article.status.value for r in results] == ["ok", "failed", "ok"] * 2
    assert "spaCy error" in results[1].article.reason
    assert all(r.events for r in results if r.article.status is Status.OK)


def test_loading_the_parts_is_not_an_articles_time(nlp, monkeypatch):
    """The first article does not pay for loading the gazetteer or the rules against its budget."""
    from eventsift.resolve.geo import Geocoder

    real = Geocoder.default

    def slow_default(settings):
        time.sleep(1.5)
        return real(settings)

    monkeypatch.setattr(Geocoder, "default", staticmethod(slow_default))
    pipe = Pipeline(Settings(article_timeout=1.0), nlp=nlp)
    [result] = pipe.pipe([Article(id="a", text=GOOD, status=Status.OK)])
    assert result.article.status is Status.OK and result.events
