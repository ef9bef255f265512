"""Pipeline.pipe: input order, pass-through of articles that are not ok, and the same events
whether spaCy runs in this process or in workers."""
from __future__ import annotations

from itertools import islice

import pytest

from eventsift.ingest import iter_articles
from eventsift.models import Article, Status
from eventsift.pipeline import Pipeline

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def articles():
    ok = list(islice(iter_articles([SAMPLES / "reports.gold.jsonl"]), 6))
    bad = Article(id="bad-1", text="", status=Status.FAILED, reason="invalid UTF-8", source="x.txt")
    return ok[:2] + [bad] + ok[2:]


def _summary(results):
    return [(r.article.id, r.article.status.value, [e.to_dict() for e in r.events]) for r in results]


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_order_and_pass_through(nlp, articles, batch_size):
    results = list(Pipeline(nlp=nlp).pipe(articles, batch_size=batch_size))
    assert [r.article.id for r in results] == [a.id for a in articles]
    failed = results[2]
    assert failed.article.status is Status.FAILED and failed.article.reason == "invalid UTF-8"
    assert failed.events == ()
    assert sum(len(r.events) for r in results) > 0


def test_workers_give_the_same_events(nlp, articles):
    one = _summary(Pipeline(nlp=nlp).pipe(articles, n_process=1))
    two = _summary(Pipeline(nlp=nlp).pipe(articles, batch_size=2, n_process=2))
    assert one == two
