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
]
ALTERNATES: dict = {}
COUNTRIES = {"SO": ("Somalia", "SOM"), "SD": ("Sudan", "SDN")}


@pytest.mark.parametrize("text, expected", [
    ("MOGADISHU, Somalia (AP) — A suicide bomber killed five soldiers near Baidoa on Monday.", "Baidoa"),
    ("PORT SUDAN — Fighters shelled El Fasher overnight, killing 12 civilians, witnesses said.", "El Fasher"),
    ("MOGADISHU (Reuters) - Gunmen shot dead a judge at Baidoa market.", "Baidoa"),
    # the dateline town is the event's place when the sentence names no other
    ("MOGADISHU, Somalia (AP) — A suicide bomber killed five soldiers at a checkpoint on Monday.", "Mogadishu"),
])
def test_dateline_is_not_the_event_place(geo, text, expected):
    places = geo.geocode(text)
    place = geo.event_place(text, places, Span(0, len(text), text))
    assert place is not None and place.name == expected, place and place.reason


@pytest.mark.parametrize("text, dateline", [
    ("PORT SUDAN — Fighters shelled El Fasher.", True),
    ("MOGADISHU, Somalia (AP) — A bomb went off.", True),
    ("Port Sudan was calm on Monday.", False),
    ("Fighters left Port Sudan — then the shelling began.", False),
])
def test_dateline_detection(geo, text, dateline):
    from eventsift.resolve.geo.resolver import _dateline

    start = text.lower().index("port sudan") if "port sudan" in text.lower() else text.index("MOGADISHU")
    span = Span(start, start + (10 if "port sudan" in text.lower() else 9), "")
    assert _dateline(text, span) is dateline
