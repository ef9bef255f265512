"""Abbreviated words of place names meet their written-out forms on one key."""
from __future__ import annotations

import pytest

from eventsift.resolve.geo.gazetteer import Entry, Gazetteer
from eventsift.resolve.geo.names import key


@pytest.mark.parametrize("a, b", [
    ("St. Louis", "Saint Louis"),
    ("St Kitts", "Saint Kitts"),
    ("Ste-Foy", "Sainte Foy"),
    ("Mt. Kenya", "Mount Kenya"),
    ("Ft. Worth", "Fort Worth"),
    ("Port St. Lucie", "Port Saint Lucie"),
])
def test_short_words_are_written_out(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize("a, b", [
    ("Stanley", "Saintanley"),   # only whole words
    ("Mtwara", "Mount wara"),
])
def test_only_whole_words(a, b):
    assert key(a) != key(b)


def test_a_leading_lower_case_the_is_tried_away_when_nothing_matches():
    rows = [Entry(1, "Philippines", 13.0, 122.0, "PH", 100_000_000, "A", "PCLI", "", ""),
            Entry(2, "The Hague", 52.08, 4.3, "NL", 500_000, "P", "PPLA", "South Holland", "")]
    gaz = Gazetteer.from_entries(rows, {}, {"PH": ("Philippines", "PHL"), "NL": ("Netherlands", "NLD")})
    assert [e.name for e in gaz.lookup("the Philippines")] == ["Philippines"]
    assert [e.name for e in gaz.lookup("The Hague")] == ["The Hague"]
    assert gaz.lookup("The Philippines", allow_loose=False) == []    # a capital 'The' heads another name
    assert gaz.lookup("Hague", allow_loose=False) == []
