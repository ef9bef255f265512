"""The event's own place against a wire report's dateline: the town the report was filed from is not where
the event happened when the sentence names another place, and is when it names none."""
from __future__ import annotations

import pytest

from eventsift.models import Span

# geonameid, name, lat, lon, cc, population, class, code, admin1, admin2 (made-up ids, rough coordinates)
ROWS = [
    (1, "Somalia", 6.0, 48.0, "SO", 15_000_000, "A", "PCLI", "", ""),
    (2, "Sudan", 15.0, 30.0, "SD", 43_000_000, "A", "PCLI", "", ""),
    (20, "Mogadishu", 2.04, 45.34, "SO", 2_500_000, "P", "PPLC", "Banaadir", ""),
    (21, "Baidoa", 3.11, 43.65, "SO", 130_000, "P", "PPLA", "Bay", ""),
    (22, "Port Sudan", 19.62, 37.22, "SD", 490_000, "P", "PPLA", "Red Sea", ""),
    (23, "El Fasher", 13.63, 25.35, "SD", 250_000, "P", "PPLA", "Northern Darfur", ""),
    (24, "Northern Darfur", 15.5, 25.0, "SD", 2_000_000, "A", "ADM1", "Northern Darfur", ""),
    (25, "Hiiraan", 4.3, 45.3, "SO", 500_000, "A", "ADM1", "Hiiraan", ""),
    (26, "Khartoum", 15.55, 32.53, "SD", 5_000_000, "P", "PPLC", "", ""),   # a capital whose region is unknown
]
ALTERNATES: dict = {}
COUNTRIES = {"SO": ("Somalia", "SOM"), "SD": ("Sudan", "SDN")}


@pytest.mark.parametrize("text, expected", [
    ("MOGADISHU, Somalia (AP) — A suicide bomber killed five soldiers near Baidoa on Monday.", "Baidoa"),
    ("PORT SUDAN — Fighters shelled El Fasher overnight, killing 12 civilians, witnesses said.", "El Fasher"),
    ("MOGADISHU (Reuters) - Gunmen shot dead a judge at Baidoa market.", "Baidoa"),
    # nor when it names a region that does not hold the dateline's town (whose own region may be unknown)
    ("MOGADISHU, Somalia (AP) — A suicide bomber killed five soldiers in Hiiraan region on Monday.", "Hiiraan"),
    ("KHARTOUM — Fighters shelled a market in Northern Darfur state overnight, witnesses said.", "El Fasher"),
    # a dateline with the filing date and any agency's name in brackets is a dateline too
    ("PORT SUDAN, Jan 16 (Daily Wire) - Fighters shelled El Fasher overnight.", "El Fasher"),
    # the country the sentence names beats the town the report was filed from
    ("MOGADISHU, Jan 16 (Daily Wire) - Militants overran a base in southern Sudan on Friday.", "Sudan"),
    # the agency in a dateline's brackets is an outlet, never the place
    ("MOGADISHU (Baidoa) — A suicide bomber killed five soldiers at a checkpoint on Monday.", "Mogadishu"),
    # the dateline town is the event's place when the sentence names no other
    ("MOGADISHU, Somalia (AP) — A suicide bomber killed five soldiers at a checkpoint on Monday.", "Mogadishu"),
    # a capital as the government that acts or is dealt with is not where the event happened
    ("Police arrested two activists in Baidoa under a security law imposed by Mogadishu.", "Baidoa"),
    ("Fighters loyal to a deal with Khartoum shelled El Fasher overnight.", "El Fasher"),
])
def test_dateline_is_not_the_event_place(geo, text, expected):
    places = geo.geocode(text)
    place = geo.event_place(text, places, Span(0, len(text), text))
    assert place is not None and place.name == expected, place and place.reason


@pytest.mark.parametrize("text, dateline", [
    ("PORT SUDAN — Fighters shelled El Fasher.", True),
    ("MOGADISHU, Somalia (AP) — A bomb went off.", True),
    ("MOGADISHU, Jan 16 (Any Outlet) - A bomb went off.", True),
    # every place of a dateline of several parts is where the report was filed
    ("CAMP ONE, Baidoa, Port Sudan - Troops took the town.", True),
    ("Port Sudan was calm on Monday.", False),
    ("Fighters left Port Sudan — then the shelling began.", False),
])
def test_dateline_detection(geo, text, dateline):
    from eventsift.resolve.geo.eventplace import _dateline

    start = text.lower().index("port sudan") if "port sudan" in text.lower() else text.index("MOGADISHU")
    span = Span(start, start + (10 if "port sudan" in text.lower() else 9), "")
    assert _dateline(text, span) is dateline


def _place(name, code, admin1, admin2=None, precision=1):
    from eventsift.models import Place
    return Place(span=Span(0, len(name), name), name=name, latitude=1.0, longitude=1.0, iso3="BEN",
                 admin1=admin1, admin2=admin2, feature_code=code, geo_precision=precision)


@pytest.mark.parametrize("town, region, inside", [
    (_place("Kandi", "PPL", "Alibori", "Kandi"), _place("Alibori", "ADM1", "Alibori", precision=3), True),
    (_place("Cotonou", "PPL", "Littoral"), _place("Alibori", "ADM1", "Alibori", precision=3), False),
    # a district: the town must lie in its first-level region and, when the town's district is known, in it
    (_place("Cotonou", "PPL", "Littoral"), _place("Materi", "ADM2", "Atakora", "Materi", 2), False),
    (_place("Tanguieta", "PPL", "Atakora", "Tanguieta"), _place("Materi", "ADM2", "Atakora", "Materi", 2), False),
    (_place("Dassari", "PPL", "Atakora", "Materi"), _place("Materi", "ADM2", "Atakora", "Materi", 2), True),
    (_place("Dassari", "PPL", "Atakora"), _place("Materi", "ADM2", "Atakora", "Materi", 2), True),
    # a country contains all its towns (the country check is made apart)
    (_place("Cotonou", "PPL", "Littoral"), _place("Benin", "PCLI", None, precision=3), True),
])
def test_a_town_named_next_refines_only_the_region_it_lies_in(town, region, inside):
    from eventsift.resolve.geo.eventplace import _within

    assert _within(town, region) is inside


def test_the_next_sentence_does_not_move_an_event_out_of_its_region(geo):
    first = "Fighters burned villages in Northern Darfur state on Monday."
    text = first + " Survivors were later flown to Port Sudan."
    place = geo.event_place(text, geo.geocode(text), Span(0, len(first), first))
    assert place is not None and place.admin1 == "Northern Darfur", place and place.reason
    # a town of the region named next still refines it
    text = first + " Most of the dead were in El Fasher."
    place = geo.event_place(text, geo.geocode(text), Span(0, len(first), first))
    assert place is not None and place.name == "El Fasher", place and place.reason
