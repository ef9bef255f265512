"""Victim phrases (eventsift.extract.victims): how many people a phrase counts, and who they are."""
from __future__ import annotations

import pytest

from eventsift.extract.victims import norm_head, np_list, parse_subject, subject_chunk


@pytest.mark.parametrize(
    "phrase, low, high, head, upper_only",
    [
        ("5 soldiers and 3 militants in the north", 8, 8, "soldiers", False),
        ("1 member in addition to 3 guards", 4, 4, "member", False),
        ("a farmer", 1, 1, "farmer", False),
        ("up to 30 people", 30, 30, "people", True),
        ("10 to 15 civilians", 10, 15, "civilians", False),
    ],
)
def test_object_phrases_are_counted(phrase, low, high, head, upper_only):
    assert np_list(phrase, 0, len(phrase))[:4] == (low, high, head, upper_only)


@pytest.mark.parametrize("phrase", ["six oxen", "two tanks", "the attackers", "5 km"])
def test_animals_things_measures_and_groups_of_unknown_size_are_not_counted(phrase):
    assert np_list(phrase, 0, len(phrase)) is None


@pytest.mark.parametrize(
    "sentence, verb, expected",
    [
        ("Five soldiers, including two officers, were killed", " were", (5, 5, "soldiers", False)),
        ("In Kabul, 3 people were killed", " were", (3, 3, "people", False)),
        ("He was killed", " was", (1, 1, "", False)),
        ("A number of soldiers were killed", " were", (None, None, "", False)),
    ],
)
def test_subjects_are_counted(sentence, verb, expected):
    chunk, _ = subject_chunk(sentence, 0, sentence.index(verb))
    assert parse_subject(chunk) == expected


@pytest.mark.parametrize("head, expected", [("policemen", "policeman"), ("the villagers", "villager"), ("in", "")])
def test_heads_are_singular_words_without_function_words(head, expected):
    assert norm_head(head) == expected
