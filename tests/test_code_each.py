"""Pipeline.code_each: coding an article with the counts of the articles before it gives what
pipe() gives for it in a run, so archives coded in pieces (Spark) place reports that name no
place in the run's country as `run` does. And the driver's counting (spark.job._run_counts)."""
from __future__ import annotations

from collections import Counter

import pytest

from eventsift.models import Article

PLACED = [
    "Police fired tear gas at protesters in Kano, Nigeria on Monday, witnesses said.",
    "Gunmen killed three farmers in Zamfara state, Nigeria, on Tuesday, police said.",
    "Soldiers clashed with militants near Maiduguri, Nigeria on Wednesday, killing five.",
    "Students marched in Lagos, Nigeria on Thursday to demand lower fees.",
    "Bandits abducted ten villagers in Katsina state, Nigeria on Friday, residents said.",
    "Traders protested in Abuja, Nigeria on Saturday over new market taxes.",
]
UNPLACED = "Hundreds of nurses marched on Sunday to demand unpaid wages, their union said."


@pytest.mark.slow
def test_code_each_with_the_run_so_far_matches_pipe(nlp):
    from eventsift.pipeline import Pipeline, run_country

    articles = [Article(id=f"a{i}", text=t, published=None) for i, t in enumerate(PLACED + [UNPLACED])]
    pipe = Pipeline(nlp=nlp)
    in_run = list(pipe.pipe(articles))
    alone = list(pipe.code_each((a, None) for a in articles))
    owns = [own for _, own, _ in alone]
    assert owns[:-1] == ["NGA"] * len(PLACED) and owns[-1] is None
    last, _, asked = alone[-1]
    assert asked and in_run[-1].events, "the unplaced report asks for the run's country"
    assert all(e.iso3 is None for e in last.events)
    counts = Counter(o for o in owns[:-1] if o)
    assert run_country(counts) == "NGA"
    [(again, _, _)] = list(pipe.code_each([(articles[-1], counts)]))
    assert [e.to_dict() for e in again.events] == [e.to_dict() for e in in_run[-1].events]
    assert {e.iso3 for e in again.events} == {"NGA"}


@pytest.mark.parametrize(("owns", "asked", "expected"), [
    ([], [(0, 0, 5)], {}),
    ([((0, 0, i), "NGA") for i in range(5)], [(0, 0, 5)], {(0, 0, 5): {"NGA": 5}}),
    ([((0, 0, i), "NGA") for i in range(5)], [(0, 0, 4)], {}),  # only four before it
    ([((0, 0, i), "NGA") for i in range(3)] + [((0, 1, i), "KEN") for i in range(3)], [(0, 2, 0)], {}),  # no majority
    ([((0, 1, 0), "KEN")] + [((0, 0, i), "NGA") for i in range(6)], [(0, 1, 1)], {(0, 1, 1): {"NGA": 6, "KEN": 1}}),
])
def test_run_counts(owns, asked, expected):
    from eventsift.spark.job import _run_counts

    got = _run_counts(owns, asked)
    assert got == expected
    assert all(list(got[k]) == list(expected[k]) for k in expected)  # first met first (ties)
