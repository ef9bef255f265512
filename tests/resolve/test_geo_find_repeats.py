"""Finding toponyms on a small hand-written gazetteer: a place named again later in the article (at the head of
an organisation's name, without context), short national and provincial forms, demonyms inside names, and
capitalised common words that the article also writes in lower case."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventsift.resolve.geo.finder import Finder
from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Canada", 60.0, -96.0, "CA", 37_000_000, "A", "PCLI", "", ""),
    (2, "Trinidad and Tobago", 11.0, -61.0, "TT", 1_400_000, "A", "PCLI", "", ""),
    (3, "United States", 39.8, -98.5, "US", 327_000_000, "A", "PCLI", "", ""),
    (None, "British Columbia", 54.0, -125.0, "CA", 5_000_000, "A", "ADM1", "British Columbia", ""),
    (10, "Millbrook", 41.0, -74.0, "US", 20_000, "P", "PPL", "New York", ""),
    (11, "Ferndale", 42.5, -83.1, "US", 19_000, "P", "PPL", "Michigan", ""),
    (12, "Redding", 40.6, -122.4, "US", 90_000, "P", "PPL", "California", ""),
    (13, "Reading", 51.45, -0.97, "GB", 230_000, "P", "PPL", "England", ""),
    (14, "Canadian", 35.5, -97.9, "US", 3_000, "P", "PPL", "Oklahoma", ""),
    (15, "Shanghai", 31.2, 121.5, "CN", 24_000_000, "P", "PPLA", "Shanghai", ""),
    (16, "Kesta", 30.0, 110.0, "CN", 2_000, "P", "PPL", "Hubei", ""),
]
ALTERNATES = {1: ["T&T"]}
COUNTRIES = {"CA": ("Canada", "CAN"), "TT": ("Trinidad and Tobago", "TTO"), "US": ("United States", "USA"),
             "GB": ("United Kingdom", "GBR"), "CN": ("China", "CHN")}


@dataclass(frozen=True, slots=True)
class _Ent:
    label_: str
    start_char: int
    end_char: int
    ntok: int

    def __len__(self) -> int:
        return self.ntok


@dataclass(frozen=True, slots=True)
class _Doc:
    ents: tuple


def _doc(text: str, ents: list[tuple[str, str]]) -> _Doc:
    out, at = [], 0
    for phrase, label in ents:
        s = text.index(phrase, at)
        out.append(_Ent(label, s, s + len(phrase), len(phrase.split())))
        at = s + 1
    return _Doc(tuple(out))


@pytest.fixture(scope="module")
def finder() -> Finder:
    return Finder(Gazetteer.from_entries([Entry(*r) for r in ROWS], ALTERNATES, COUNTRIES))


@pytest.mark.parametrize("text, ents, places", [
    # named as a place once, the name is the place again at the head of an organisation's name
    ("A boy drowned in Millbrook on Monday. Millbrook Police Department said he was four.",
     [("Millbrook", "GPE"), ("Millbrook Police Department", "ORG")], ["Millbrook", "Millbrook"]),
    ("The fair opened in Ferndale. Photo: Ferndale PD", [("Ferndale", "GPE")], ["Ferndale", "Ferndale"]),
    ("Workers at the Millbrook town hall met. The Millbrook Rotary Club gave money.",
     [("Millbrook", "FAC"), ("The Millbrook Rotary Club", "ORG")], ["Millbrook", "Millbrook"]),
    # not from a mention that the tagger gives to an organisation, nor after another capitalised word,
    # nor inside a person's name
    ("Talks in Ferndale Inc ended. Ferndale Inc said so.", [("Ferndale Inc", "ORG"), ("Ferndale Inc", "ORG")], []),
    ("A fire in Millbrook was set. Fire Marshal Doug Millbrook said so.",
     [("Millbrook", "GPE"), ("Doug Millbrook", "PERSON")], ["Millbrook"]),
    ("Fans came to Redding. Real Redding won the cup.", [("Redding", "GPE"), ("Real Redding", "ORG")], ["Redding"]),
    # "according to X" does not make X a place, so neither is its next mention
    ("Floods hit Shanghai, according to Kesta. Kesta said 40 died.", [], ["Shanghai"]),
])
def test_a_place_named_again(finder, text, ents, places):
    found, _ = finder.find(text, _doc(text, ents))
    assert [f.text for f in found] == places


@pytest.mark.parametrize("text, places", [
    ("He asked why T&T was not represented at the meeting.", ["T&T"]),
    ("AT&T and P&G shares fell.", []),
    ("The new FrontCounter BC office opened in Nelson.", ["BC"]),
    ("Wildfires burn across BC again.", ["BC"]),
    ("The city was founded in 500 BC by traders.", []),
])
def test_short_forms_of_countries_and_provinces(finder, text, places):
    found, _ = finder.find(text)
    assert [f.text for f in found] == places


@pytest.mark.parametrize("text, demonyms", [
    # a demonym at the head of an organisation's or a treaty's name
    ("He spoke for a while. Canadian Blood Services runs the exchange.", [("Canadian", "CA")]),
    ("They renegotiated the North American Free Trade Agreement.", [("North American", "@North America")]),
    # demonyms that are never places themselves
    ("Kurdish fighters held the town.", [("Kurdish", "@Kurdistan")]),
    ("Arab leaders met on Monday.", [("Arab", "@Middle East")]),
])
def test_demonyms_inside_names(finder, text, demonyms):
    _, dem = finder.find(text)
    assert [(d.text, d.cc) for d in dem] == demonyms


@pytest.mark.parametrize("text, places", [
    # a capitalised word that the article also writes in lower case is that word, not a homonymous town
    ("Reading the report took an hour. Her reading was slow.", []),
    ("Canada is big. Reading the report, she said canada geese were reading maps.", ["Canada"]),
    # but a place context keeps it
    ("She was reading a book in Reading on Monday.", ["Reading"]),
    ("Reading is a large town on the Thames.", ["Reading"]),
])
def test_capitalised_common_words(finder, text, places):
    found, _ = finder.find(text)
    assert [f.text for f in found] == places
