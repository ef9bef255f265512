"""Name keys: the spellings of one place meet on one key (no model, no gazetteer needed)."""
import pytest

from eventsift.resolve.geo.names import is_latin, key, loose


@pytest.mark.parametrize("a, b", [
    ("Aleppo", "ALEPPO"),
    ("al-Bab", "Al Bab"),
    ("al-Bab", "Bab"),
    ("Ar Raqqah", "Raqqah"),
    ("Bza'a", "Bzaa"),
    ("Bza’a", "Bza'a"),
    ("Ḑāmir", "Damir"),
    ("Mazār-e Sharīf", "Mazar-e Sharif"),
    ("ash-Shaddadi", "Shaddadi"),
    ("Deir ez-Zor", "deir ez zor"),
])
def test_same_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize("a, b", [
    ("Raqqa", "Ar Raqqah"),
    ("Qamishli", "Kamishli"),
    ("Deir ez-Zor", "Dayr az Zawr"),
    ("Dourma", "Durma"),
])
def test_same_loose_key(a, b):
    assert key(a) != key(b)
    assert loose(a) == loose(b)


@pytest.mark.parametrize("a, b", [("Homs", "Hama"), ("Idlib", "Daraa"), ("Al Bab", "Al Hol")])
def test_different_places_stay_apart(a, b):
    assert key(a) != key(b)
    assert loose(a) != loose(b)


def test_article_alone_is_kept():
    assert key("Al") == "al"


@pytest.mark.parametrize("name, latin", [("Tadmur", True), ("Ḩimş", True), ("تدمر", False), ("Пальмира", False)])
def test_is_latin(name, latin):
    assert is_latin(name) is latin
