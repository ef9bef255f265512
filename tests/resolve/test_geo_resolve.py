"""Finding and resolving toponyms against a small hand-written gazetteer (no model, no package data)."""
from __future__ import annotations

import pytest

from eventsift.models import Span

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Syria", 35.0, 38.0, "SY", 17_000_000, "A", "PCLI", "", ""),
    (2, "Afghanistan", 33.0, 66.0, "AF", 37_000_000, "A", "PCLI", "", ""),
    (3, "United States", 39.76, -98.5, "US", 327_000_000, "A", "PCLI", "", ""),
    (4, "Russia", 60.0, 100.0, "RU", 144_000_000, "A", "PCLI", "", ""),
    (5, "Benin", 9.5, 2.25, "BJ", 11_000_000, "A", "PCLI", "", ""),
    (10, "Aleppo", 36.20, 37.16, "SY", 2_000_000, "P", "PPLA", "Aleppo", ""),
    (None, "Aleppo", 36.37, 37.36, "SY", 2_800_000, "A", "ADM1", "Aleppo", ""),
    (11, "Tadmur", 34.56, 38.28, "SY", 51_000, "P", "PPL", "Homs", ""),
    (12, "Palmyra", 40.0, -76.6, "US", 7_000, "P", "PPL", "Pennsylvania", ""),
    (13, "Al Bāb", 36.37, 37.52, "SY", 130_000, "P", "PPL", "Aleppo", ""),
    (14, "Moscow", 55.75, 37.62, "RU", 10_000_000, "P", "PPLC", "Moscow", ""),
    (15, "Moscow", 46.73, -117.0, "US", 25_000, "P", "PPL", "Idaho", ""),
    (None, "Homs", 34.68, 36.85, "SY", 1_000_000, "A", "ADM1", "Homs", ""),
    (16, "Homs", 34.72, 36.72, "SY", 775_000, "P", "PPLA", "Homs", ""),
    (None, "Balkh", 36.74, 66.99, "AF", 700_000, "A", "ADM1", "Balkh", ""),
    (17, "Dowlatābād", 36.99, 66.82, "AF", 0, "P", "PPL", "Balkh", ""),
    (18, "Dowlatābād", 36.43, 64.92, "AF", 0, "P", "PPL", "Faryab", ""),
    (19, "Dowlatābād", 34.30, 48.82, "IR", 170_000, "P", "PPL", "Hamadan", ""),
    (None, "Helmand", 31.63, 64.24, "AF", 150_000, "A", "ADM1", "Helmand", ""),
    (20, "Lashkar Gah", 31.59, 64.37, "AF", 200_000, "P", "PPLA", "Helmand", ""),
    (21, "Malanville", 11.87, 3.38, "BJ", 64_000, "P", "PPL", "Alibori", ""),
    (None, "Alibori", 11.20, 2.92, "BJ", 210_000, "A", "ADM1", "Alibori", ""),
    (22, "Argo", 19.5, 30.4, "SD", 7_700, "P", "PPL", "Northern", ""),
    (None, "Badakhshan", 36.7, 71.1, "AF", 900_000, "A", "ADM1", "Badakhshan", ""),
    (23, "Geneva", 46.2, 6.14, "CH", 183_000, "P", "PPL", "Geneva", ""),
    (None, "Idaho", 44.0, -114.7, "US", 1_700_000, "A", "ADM1", "Idaho", ""),
    (24, "Switzerland", 47.0, 8.0, "CH", 8_500_000, "A", "PCLI", "", ""),
    (25, "Marki", 52.32, 21.10, "PL", 23_000, "P", "PPL", "Masovia", ""),
]
ALTERNATES = {2 - 1: [], 7: ["Palmyra", "Tadmor"], 9: ["Bab"], 16: ["Dawlat Abad", "Dowlat Abad"], 17: ["Dawlat Abad"],
              18: ["Dawlat Abad"], 2: ["US", "U.S.", "America"]}
COUNTRIES = {"SY": ("Syria", "SYR"), "AF": ("Afghanistan", "AFG"), "US": ("United States", "USA"),
             "RU": ("Russia", "RUS"), "BJ": ("Benin", "BEN"), "CH": ("Switzerland", "CHE")}


def _one(geo, text, phrase):
    start = text.index(phrase)
    [place] = geo.geocode(text, spans=[(start, start + len(phrase))])
    return place


@pytest.mark.parametrize("text, phrase, name, admin1", [
    ("Islamic State fighters retook Palmyra, east of Homs, on Sunday.", "Palmyra", "Tadmur", "Homs"),
    ("Palmyra is a borough in Lebanon County of the United States.", "Palmyra", "Palmyra", "Pennsylvania"),
    ("Jets struck targets near al-Bab in Syria.", "al-Bab", "Al Bāb", "Aleppo"),
    ("Two policemen were killed in Dawlat Abad district, Balkh.", "Dawlat Abad", "Dowlatābād", "Balkh"),
    ("Fighting went on in Aleppo, Syria.", "Aleppo", "Aleppo", "Aleppo"),
    ("The governor of Moscow, Idaho, spoke at the United States fair.", "Moscow", "Moscow", "Idaho"),
])
def test_resolution_uses_focus_and_containment(geo, text, phrase, name, admin1):
    place = _one(geo, text, phrase)
    assert (place.name, place.admin1) == (name, admin1)
    assert place.reason and place.span.text == phrase


def test_city_is_preferred_to_the_region_of_the_same_name(geo):
    place = _one(geo, "Shells fell on Aleppo.", "Aleppo")
    assert place.feature_class == "P" and place.geo_precision == 1
    assert place.runner_up and "Aleppo" in place.runner_up


def test_region_named_as_such_resolves_to_the_admin_area(geo):
    place = _one(geo, "Troops advanced in Helmand province.", "Helmand")
    assert (place.feature_code, place.geo_precision, place.iso3) == ("ADM1", 3, "AFG")


def test_unknown_place_falls_back_to_its_area_not_a_homonym_elsewhere(geo):
    text = "A Taliban commander was killed in Argo district, Badakhshan."
    places = geo.geocode(text)
    argo = next(p for p in places if p.span.text == "Argo")
    assert argo.admin1 == "Badakhshan" and argo.country != "SD" and argo.geo_precision >= 2


def test_unknown_village_falls_back_to_the_enclosing_town(geo):
    text = "On 27 December 2022, an armed group killed a civilian in Noma Tounga (Malanville, Alibori)."
    places = geo.geocode(text)
    village = next(p for p in places if p.span.text == "Noma Tounga")
    assert village.name == "Malanville" and village.geo_precision == 2


@pytest.mark.parametrize("text, expected", [
    ("Clashes broke out in Aleppo on Monday.", ["Aleppo"]),
    ("Government forces shelled the outskirts of Palmyra.", ["Palmyra"]),
    ("In March the army entered Homs.", ["Homs"]),                  # a month is not a place
    ("Mr Moscow met Syrian officials.", []),                         # a title before a name; a demonym
    ("Syrian and Turkish troops met.", []),                          # demonyms are hints, not places
    ("The strike hit 20 km north of Aleppo.", ["Aleppo"]),
])
def test_finder_contexts(geo, text, expected):
    assert [p.span.text for p in geo.geocode(text)] == expected


def test_relative_place_is_near_not_at(geo):
    [place] = geo.geocode("The strike hit 20 km north of Aleppo.")
    assert place.geo_precision == 2


def test_northern_country_is_precision_two(geo):
    [place] = geo.geocode("Warplanes killed 12 militants in northern Syria.")
    assert (place.name, place.geo_precision) == ("Syria", 2)


def test_demonym_option_returns_the_country(geo):
    places = geo.geocode("Syrian troops advanced.", demonyms=True)
    assert [(p.span.text, p.iso3) for p in places] == [("Syrian", "SYR")]


def test_spans_give_one_place_per_span_in_order(geo):
    text = "From Geneva to Aleppo and Xyzzyville."
    spans = [(text.index("Aleppo"), text.index("Aleppo") + 6), (text.index("Geneva"), text.index("Geneva") + 6),
             (text.index("Xyzzyville"), text.index("Xyzzyville") + 10)]
    places = geo.geocode(text, spans=spans)
    assert [p.span.text for p in places] == ["Aleppo", "Geneva", "Xyzzyville"]
    # an unknown given span takes the article's main place, coarsely
    assert places[2].name in ("Geneva", "Aleppo") and places[2].geo_precision == 3
    assert "main place" in places[2].reason


def test_unknown_span_without_any_place_in_the_article_has_no_coordinates(geo):
    text = "Nobody went to Xyzzyville."
    [place] = geo.geocode(text, spans=[(text.index("Xyzzyville"), text.index("Xyzzyville") + 10)])
    assert place.latitude is None and place.span.text == "Xyzzyville"


@pytest.mark.parametrize("text, start, end, name", [
    ("Shells fell on Aleppo on Monday.", 16, 21, "Aleppo"),                # cut inside the word
    ("Shells fell on Aleppo's old city.", 15, 24, "Aleppo"),               # possessive
    ("Shells fell on Aleppo, then on Homs.", 13, 23, "Aleppo"),            # lower-case words and punctuation
    ("Students of the Geneva Institute marched.", 16, 32, "Geneva"),       # a place inside a longer name
    ("Aleppo Media Centre said so.", 0, 19, "Aleppo"),
])
def test_given_spans_are_normalised_before_lookup(geo, text, start, end, name):
    [place] = geo.geocode(text, spans=[(start, end)])
    assert place.name == name and place.latitude is not None
    assert place.span == Span(start, end, text[start:end])


def _sentence(text, needle):
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def test_event_place_skips_the_speaker_and_the_talks(geo):
    text = ("Moscow denied a deal had been reached at talks in Geneva. "
            "Government jets bombed rebel positions in Aleppo, killing 12.")
    places = geo.geocode(text)
    first = _sentence(text, "Moscow denied a deal had been reached at talks in Geneva.")
    assert geo.event_place(text, places, first) is None or geo.event_place(text, places, first).name not in ("Moscow", "Geneva")
    second = _sentence(text, "Government jets bombed rebel positions in Aleppo, killing 12.")
    place = geo.event_place(text, places, second)
    assert (place.name, place.geo_precision) == ("Aleppo", 1)


def test_event_place_looks_at_the_next_sentence_when_only_a_region_is_named(geo):
    text = ("Warplanes killed 12 militants in the latest operations in northern Syria. "
            "The jets hit shelters and depots in the al-Bab region of northern Syria, the army said.")
    places = geo.geocode(text)
    sentence = _sentence(text, "Warplanes killed 12 militants in the latest operations in northern Syria.")
    place = geo.event_place(text, places, sentence)
    assert (place.name, place.admin1, place.geo_precision) == ("Al Bāb", "Aleppo", 2)


def test_event_place_falls_back_to_the_dominant_place(geo):
    text = "Shelling resumed in Aleppo.\n\nDozens were wounded overnight.\n\nAleppo hospitals were full."
    places = geo.geocode(text)
    place = geo.event_place(text, places, _sentence(text, "Dozens were wounded overnight."))
    assert (place.name, place.geo_precision) == ("Aleppo", 2)


def test_demonyms_never_become_event_places(geo):
    text = "Syrian troops advanced."
    places = geo.geocode(text, demonyms=True)
    assert places and geo.event_place(text, places, Span(0, len(text), text)) is None


@pytest.mark.parametrize("text, resolved", [
    # a report about Afghanistan: a small Polish homonym of an Afghan village is not the place meant
    ("Afghan forces said the Taliban attacked a checkpoint in Afghanistan's Helmand on Monday. "
     "The fighting spread to Marki later in the day, Afghan officials said.", False),
    # nothing ties the report to another country: the village abroad stands
    ("Firefighters were called to Marki on Monday.", True),
])
def test_small_homonym_abroad_in_a_one_country_report(geo, text, resolved):
    places = {p.span.text: p for p in geo.geocode(text)}
    assert ("Marki" in places and places["Marki"].latitude is not None) is resolved
