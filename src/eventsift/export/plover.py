"""PLOVER export: one JSON object per line, in PLOVER's published vocabulary.

Field names follow the PLOVER specification and its POLECAT data release (``event_type``,
``mode``, ``context``, ``actor_name``/``actor_country``, ``recipient_name``/``recipient_country``,
``event_date``, ``story_date``, a ``location`` object with ``place_name``, ``latitude``,
``longitude``, ``geonames_id``) in snake case. When the extractor has already coded the event in
PLOVER (``Event.plover_type``/``plover_mode``) those codes are used; otherwise the taxonomy's
crosswalk from the ACLED sub-event type gives them.
"""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from ..models import Event
from ..lexicon import data_table
from ..taxonomy import PLOVER_CONTEXTS
from ..taxonomy import plover as _taxonomy_plover

#: ACLED event type → PLOVER contexts it always carries
_CONTEXTS_BY_TYPE: dict[str, tuple[str, ...]] = PLOVER_CONTEXTS


def plover_codes(event: Event) -> tuple[str | None, str | None]:
    """The event's PLOVER (type, mode): its own coding if it has one, else the crosswalk."""
    if event.plover_type:
        return event.plover_type, event.plover_mode
    try:
        return _taxonomy_plover(event.event_type, event.sub_event_type)
    except (KeyError, ValueError):
        return None, None


def plover_contexts(event: Event) -> list[str]:
    contexts = list(_CONTEXTS_BY_TYPE.get(event.event_type, ()))
    if event.civilian_targeting and "human_rights" not in contexts:
        contexts.append("human_rights")
    if event.displaced:
        contexts.append("migration")
    if event.sub_event_type in ("Suicide bomb", "Remote explosive/landmine/IED") and event.inter1 in (2, 3):
        contexts.append("terrorism")
    return contexts


def plover_record(event: Event) -> dict:
    event_type, mode = plover_codes(event)
    published = sorted(s.published for s in event.sources if s.published is not None)
    return {
        "id": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "story_date": published[0].isoformat() if published else None,
        "event_type": event_type,
        "mode": mode,
        "context": plover_contexts(event),
        "actor_name": event.actor1,
        "actor_country": _actor_country(event.actor1, event.inter1, event.iso3),
        "recipient_name": event.actor2,
        "recipient_country": _actor_country(event.actor2, event.inter2, event.iso3),
        "location": {
            "place_name": event.location,
            "admin1": event.admin1,
            "country": event.iso3,
            "latitude": event.latitude,
            "longitude": event.longitude,
            "geonames_id": event.geonameid,
        },
        "fatalities": event.fatalities,
        "injured": event.injured,
        "source": [s.outlet or s.url or s.article_id for s in event.sources],
        "event_text": " ".join(e.text for e in event.evidence),
        "acled_event_type": event.event_type,
        "acled_sub_event_type": event.sub_event_type,
        "confidence": event.confidence,
    }


#: names ACLED still uses that ISO 3166 (and so pycountry) has replaced
_FORMER_NAMES: dict[str, str] = dict(data_table("former_country_names.tsv"))


def _actor_country(name: str | None, inter: int | None, iso3: str | None) -> str | None:
    """ISO3 of an actor's country: the event's country for domestic actors, unknown otherwise.

    ACLED names foreign forces "Military Forces of <Country>" and codes them 8; only those names
    say which country they belong to, so the others stay unknown rather than guessed.
    """
    if not name:
        return None
    prefix = "Military Forces of "
    if name.startswith(prefix):
        import pycountry

        country_name = name[len(prefix):].split(" (")[0]
        if country_name in _FORMER_NAMES:
            return _FORMER_NAMES[country_name]
        try:
            return pycountry.countries.lookup(country_name).alpha_3
        except LookupError:
            return None
    if inter in (1, 2, 3, 4, 5, 6, 7):
        return iso3
    return None


def write_plover(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for n, event in enumerate(events, 1):
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
    return n
