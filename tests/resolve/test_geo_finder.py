"""Finding toponyms in running text on a small hand-written gazetteer: big places inside organisations'
names and titles, exact big-place names mislabelled as persons, state abbreviations after a town."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventsift.resolve.geo.finder import Finder
from eventsift.resolve.geo.gazetteer import Entry, Gazetteer

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Pakistan", 30.0, 70.0, "PK", 200_000_000, "A", "PCLI", "", ""),
    (2, "Jamaica", 18.1, -77.3, "JM", 2_800_000, "A", "PCLI", "", ""),
    (3, "United States", 39.76, -98.5, "US", 327_000_000, "A", "PCLI", "", ""),
    (4, "Russia", 60.0, 100.0, "RU", 144_000_000, "A", "PCLI", "", ""),
    (None, "Tamil Nadu", 11.0, 78.0, "IN", 72_000_000, "A", "ADM1", "Tamil Nadu", ""),
    (None, "California", 37.2, -119.8, "US", 39_000_000, "A", "ADM1", "California", ""),
    (None, "New York", 42.9, -75.5, "US", 30_000_000, "A", "ADM1", "New York", ""),
    (20, "Washington", 38.9, -77.04, "US", 600_000, "P", "PPLC", "District of Columbia", ""),
    (21, "Noma", 12.0, 2.0, "BJ", 2_000, "P", "PPL", "Alibori", ""),
    (22, "Aleppo", 36.2, 37.16, "SY", 1_600_000, "P", "PPLA", "Aleppo", ""),
    (23, "Pleasanton", 37.66, -121.87, "US", 80_000, "P", "PPL", "California", ""),
    (24, "Jordan", 31.0, 36.0, "JO", 10_000_000, "A", "PCLI", "", ""),
    (25, "Nato", 13.6, 123.5, "PH", 5_600, "P", "PPL", "Bicol", ""),
    (26, "Green", 43.2, -123.4, "US", 7_400, "P", "PPL", "Oregon", ""),
    (27, "Dole", 47.1, 5.5, "FR", 24_000, "P", "PPL", "Bourgogne", ""),
    (28, "Hope", 49.4, -121.4, "CA", 6_000, "P", "PPL", "British Columbia", ""),
    (29, "Nelson", 49.5, -117.3, "CA", 10_600, "P", "PPL", "British Columbia", ""),
    (None, "Nelson", -41.3, 173.2, "NZ", 50_000, "A", "ADM1", "Nelson", ""),
    (31, "Most", 50.5, 13.6, "CZ", 66_000, "P", "PPL", "Ustecky", ""),
    (None, "Most", 50.5, 13.6, "CZ", 110_000, "A", "ADM2", "Ustecky", "Most"),
    (30, "Owerri", 5.5, 7.0, "NG", 400_000, "P", "PPLA", "Imo", ""),
]
ALTERNATES = {3: ["US", "U.S."]}
COUNTRIES = {"PK": ("Pakistan", "PAK"), "JM": ("Jamaica", "JAM"), "US": ("United States", "USA"),
             "RU": ("Russia", "RUS"), "IN": ("India", "IND"), "BJ": ("Benin", "BEN"), "SY": ("Syria", "SYR"),
             "JO": ("Jordan", "JOR"), "NG": ("Nigeria", "NGA"), "PH": ("Philippines", "PHL"),
             "FR": ("France", "FRA"), "CA": ("Canada", "CAN"),
             "NZ": ("New Zealand", "NZL"), "CZ": ("Czechia", "CZE")}


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
    out = []
    for phrase, label in ents:
        s = text.index(phrase)
        out.append(_Ent(label, s, s + len(phrase), len(phrase.split())))
    return _Doc(tuple(out))


@pytest.fixture(scope="module")
def finder() -> Finder:
    return Finder(Gazetteer.from_entries([Entry(*r) for r in ROWS], ALTERNATES, COUNTRIES))


@pytest.mark.parametrize("text, ents, places, demonyms", [
    # a country or a big city at the head of an organisation's name or a title is still a place
    ("The story ran in The Washington Post on Monday.", [("The Washington Post", "ORG")], ["Washington"], []),
    ("Engineers of the Pakistan Army built the road.", [("the Pakistan Army", "ORG")], ["Pakistan"], []),
    ("The Jamaica Cancer Society will screen people.", [("The Jamaica Cancer Society", "ORG")], ["Jamaica"], []),
    ("He told US Ambassador Smith to leave.", [("US", "GPE"), ("Smith", "PERSON")], ["US"], []),
    ("Talks with Russian Foreign Minister Ivanov ended.", [("Russian", "NORP")], [], ["Russian"]),
    ("The New York Times reported it.", [("The New York Times", "ORG")], ["New York"], []),
    # an exact two-word big region that the tagger calls a person
    ("Tamil Nadu said it had written to the court.", [("Tamil Nadu", "PERSON")], ["Tamil Nadu"], []),
    # still not places: a small town beginning another name, a big place inside a person's name
    ("Noma Tounga was hit.", [("Noma Tounga", "PERSON")], [], []),
    ("Analyst Jordan Peterson spoke.", [("Jordan Peterson", "PERSON")], [], []),
    ("The Aleppo Media Center said so.", [("The Aleppo Media Center", "ORG")], ["Aleppo"], []),
])
def test_big_places_inside_other_names(finder, text, ents, places, demonyms):
    found, dem = finder.find(text, _doc(text, ents))
    assert [f.text for f in found] == places
    assert [d.text for d in dem] == demonyms


@pytest.mark.parametrize("text, expected", [
    ("ALLENDALE, N.J. -- Mothers and children met.", ["N.J."]),
    ("A turkey bought in Pleasanton, Calif. on Monday.", ["Pleasanton", "Calif."]),
    ("HORRY COUNTY, SC - A man was found.", ["SC"]),
    ("Snow is expected in B.C. tonight.", ["B.C."]),
    # not a state: an era after a number, a lone upper-case code, a short form without a town before it
    ("The wall was built in 300 B.C. by the king.", []),
    ("The SC ruled on it.", []),
    ("Miss. Smith spoke.", []),
])
def test_state_abbreviations_in_running_text(finder, text, expected):
    found, _ = finder.find(text)
    assert [f.text for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    # a word in capitals that only a small place spells is an organisation's acronym or a shouted word
    ("Relations between NATO and Jordan seemed solid.", ["Jordan"]),
    ("The NATO summit met in Washington.", ["Washington"]),
    ("GREEN fingered youngsters planted seeds.", []),
    # ... unless only a place fits there (a dateline, "in X"), or the place is a big one
    ("NOMA — Gunmen attacked the market.", ["NOMA"]),
    ("Gunmen attacked the market in GREEN on Monday.", ["GREEN"]),
    ("ALEPPO residents fled the shelling.", ["ALEPPO"]),
])
def test_a_word_in_capitals_is_a_place_only_where_one_fits(finder, text, expected):
    found, _ = finder.find(text)
    assert [f.text for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the words of an operation's name are not places, whatever towns they spell
    ("Troops of Operation Lafiya Dole attacked Aleppo.", ["Aleppo"]),
    ("The coalition's Operation Restoring Hope went on in Jordan.", ["Jordan"]),
    ("Officers from Operation Green, the response to fraud, met in Washington.", ["Washington"]),
    # the same words outside such a name still are
    ("Gunmen attacked the market in Dole on Monday.", ["Dole"]),
])
def test_an_operations_name_names_no_place(finder, text, expected):
    found, _ = finder.find(text)
    assert [f.text for f in found] == expected


def _tagged(text: str, word: str, label: str, times: int) -> _Doc:
    """The first ``times`` mentions of ``word`` tagged ``label``."""
    starts, at = [], text.find(word)
    while at >= 0 and len(starts) < times:
        starts.append(at)
        at = text.find(word, at + 1)
    return _Doc(tuple(_Ent(label, s, s + len(word), 1) for s in starts))


@pytest.mark.parametrize("text, word, tagged, expected", [
    # a word the NER keeps tagging as a person, never in a place's context: a person's name throughout, untagged
    # mentions too
    ("On Monday Nelson met the council. Both Nelson and Banks agree, and Banks thanked Nelson.", "Nelson", 2, []),
    ("On Monday Nelson met the council. Both Nelson and Banks agree on heating.", "Nelson", 2, []),
    # tagged once only: the NER's slip, the name stays a place
    ("On Monday Nelson met the council. Both Nelson and Banks agree on heating.", "Nelson", 1, ["Nelson", "Nelson"]),
    # named in a place's context somewhere: a place
    ("On Monday Nelson met the council. Both Nelson and Banks agree. Gunmen struck in Nelson.", "Nelson", 2,
     ["Nelson", "Nelson", "Nelson"]),
    # a big town's very name stays a place, whatever the NER says
    ("On Monday Owerri met the council. Both Owerri and Banks agree, and Banks thanked Owerri.", "Owerri", 2,
     ["Owerri", "Owerri", "Owerri"]),
])
def test_a_name_tagged_as_a_person_throughout_is_no_place(finder, text, word, tagged, expected):
    found, _ = finder.find(text, _tagged(text, word, "PERSON", tagged))
    assert [f.text for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    # a common English word opening a sentence is that word, whatever district it spells
    ("The mines employ thousands. Most are poor.", []),
    ("Most of the crew members struck on Monday.", []),
    # ... not where only a place fits, nor inside a sentence
    ("Fighting was reported in Most on Monday.", ["Most"]),
    ("Aleppo was shelled. Jordan protested.", ["Aleppo", "Jordan"]),
])
def test_a_common_word_opening_a_sentence_is_no_place(finder, text, expected):
    found, _ = finder.find(text)
    assert [f.text for f in found] == expected


def test_an_abbreviation_resolves_to_its_state(finder):
    from eventsift.resolve.geo.resolver import Resolver
    text = "A turkey bought in Pleasanton, Calif. on Monday."
    found, dem = finder.find(text)
    places = Resolver(finder.gaz).resolve(text, found, dem)
    assert [(p.name, p.feature_class) for p in places if p] == [("Pleasanton", "P"), ("California", "A")]


@pytest.mark.parametrize("text, places, demonyms", [
    ("A Washington-based group and a Pakistan-Jamaica match.", ["Washington", "Pakistan", "Jamaica"], []),
    ("The Russian-backed offensive and an anti-Russian policy.", [], ["Russian", "Russian"]),
    ("Talks in Guinea-Bissau ended.", ["Guinea-Bissau"], []),
])
def test_hyphenated_compounds(text, places, demonyms):
    rows = ROWS + [(30, "Guinea-Bissau", 12.0, -15.0, "GW", 1_900_000, "A", "PCLI", "", "")]
    finder = Finder(Gazetteer.from_entries([Entry(*r) for r in rows], ALTERNATES,
                                           {**COUNTRIES, "GW": ("Guinea-Bissau", "GNB")}))
    found, dem = finder.find(text)
    assert [f.text for f in found] == places
    assert [d.text for d in dem] == demonyms


def test_a_small_places_name_before_said_is_a_person():
    rows = ROWS + [(43, "Walsh", 37.4, -102.3, "US", 600, "P", "PPL", "Colorado", "Baca County"),
                   (45, "Walsh County", 48.4, -97.7, "US", 11_000, "A", "ADM2", "North Dakota", "Walsh County"),
                   (44, "Moscow", 55.75, 37.62, "RU", 12_000_000, "P", "PPLC", "Moscow", "")]
    finder = Finder(Gazetteer.from_entries([Entry(*r) for r in rows], ALTERNATES, COUNTRIES))
    assert [f.text for f in finder.find("On Monday, Walsh said the list was long.")[0]] == []
    assert [f.text for f in finder.find("He was from Walsh, he said.")[0]] == ["Walsh"]
    assert [f.text for f in finder.find("Moscow said it would respond.")[0]] == ["Moscow"]   # a government


def test_an_armed_groups_name_is_no_place():
    # "Haram" is a place somewhere; in "Boko Haram" it is the group's name
    rows = ROWS + [(40, "Haram", 62.6, 6.2, "NO", 9_000, "A", "ADM2", "More og Romsdal", "Haram")]
    finder = Finder(Gazetteer.from_entries([Entry(*r) for r in rows], ALTERNATES, COUNTRIES))
    found, _ = finder.find("Boko Haram fighters raided the town. Haram lies on the coast.")
    assert [f.text for f in found] == ["Haram"] and found[0].start > 30


def test_a_demonym_before_a_noun_is_its_country_not_a_region_abroad():
    # Ethiopia's Somali region is not where "Somali government troops" come from; "the Somali region" still is
    rows = ROWS + [(41, "Somali", 6.5, 44.0, "ET", 5_000_000, "A", "ADM1", "Somali", ""),
                   (42, "Somalia", 6.0, 48.0, "SO", 15_000_000, "A", "PCLI", "", "")]
    finder = Finder(Gazetteer.from_entries([Entry(*r) for r in rows], ALTERNATES,
                                           {**COUNTRIES, "SO": ("Somalia", "SOM"), "ET": ("Ethiopia", "ETH")}))
    found, dem = finder.find("Somali government troops recaptured two villages.")
    assert not found and [(d.text, d.cc) for d in dem] == [("Somali", "SO")]
    found, _ = finder.find("Floods hit the Somali region on Monday.")
    assert [f.text for f in found] == ["Somali"]


@pytest.mark.parametrize("text, demonyms", [
    ("Central American migrants arrived.", [("Central American", "@Central America")]),
    ("A Middle Eastern summit began.", [("Middle Eastern", "@Middle East")]),
    ("The Russian envoy left.", [("Russian", "RU")]),
])
def test_demonyms_of_one_and_two_words(finder, text, demonyms):
    _, dem = finder.find(text)
    assert [(d.text, d.cc) for d in dem] == demonyms


@pytest.mark.parametrize("text, ents, places", [
    # a surname said alone after the person's full name is the person, unless a place context says otherwise
    ("Noma Smith arrived on Monday. Later Noma said the talks failed.", [("Noma Smith", "PERSON")], []),
    ("Pat Noma arrived on Monday. Noma said the talks failed.", [("Pat Noma", "PERSON")], []),
    ("Pat Noma arrived on Monday. Fighters later entered Noma village.", [("Pat Noma", "PERSON")], ["Noma"]),
    # a big place is a place even when a person bears its name
    ("George Washington was born long ago. Washington said no.", [("George Washington", "PERSON")], ["Washington"]),
    # an upper-case short word that only an alternate key makes a place is an acronym; a country's code is not
    ("NOMAH said the talks failed in Aleppo.", [], ["Aleppo"]),
    ("US troops left Aleppo.", [], ["US", "Aleppo"]),
    # an acronym spelt out in brackets after the name it shortens is the organisation, whatever town it spells
    ("The Special Task Force (NOMA) raided a house in Aleppo.", [], ["Aleppo"]),
    ("The Northern Alliance (NA) entered Aleppo.", [], ["Aleppo"]),
    ("A force from the coalition (US) left Aleppo.", [], ["US", "Aleppo"]),
    # common words that open a sentence
    ("No one was hurt in Aleppo.", [], ["Aleppo"]),
    # a town's people: "workers of X", "the inhabitants of X"
    ("On Monday, town hall workers of Noma held a sit-in.", [], ["Noma"]),
    ("The inhabitants of Noma fled on Friday.", [("Noma", "PERSON")], ["Noma"]),
    # a word before a weekday's name after "the" is the name of a day or a movement
    ("Supporters of the Pleasanton Wednesday movement marched in Aleppo.", [], ["Aleppo"]),
])
def test_surnames_acronyms_and_common_words(finder, text, ents, places):
    found, _ = finder.find(text, _doc(text, ents))
    assert [f.text for f in found] == places
