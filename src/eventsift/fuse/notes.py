"""One generated sentence per event in ACLED's style: "On 11 December 2016, ..."."""
from __future__ import annotations

import re

from ..models import Event, Stance
from ..taxonomy import NOTES_VERB

#: the verb phrase for a sub-type the taxonomy does not know
_UNKNOWN_VERB = "were involved in"
#: the part of a verb phrase said only with a second actor, who stands at "@"
_WITH_ACTOR2 = re.compile(r"\[(.*?)\]")


def _verb(event: Event) -> str:
    """The taxonomy's notes verb for the sub-type, with the second actor where it has a place for one."""
    phrase = NOTES_VERB.get(event.sub_event_type, _UNKNOWN_VERB)
    if event.actor2:
        return _WITH_ACTOR2.sub(lambda m: m[1].replace("@", event.actor2), phrase)
    return _WITH_ACTOR2.sub("", phrase)


def _day(event: Event) -> str:
    d = event.event_date
    if d is None:
        return "On an unresolved date"
    prefix = {1: "On", 2: "In the week of", 3: "In"}.get(event.time_precision or 1, "On")
    return f"{prefix} {d.strftime('%B %Y') if event.time_precision == 3 else f'{d.day} {d:%B %Y}'}"


def notes_sentence(event: Event) -> str:
    actor = event.actor1 or "an unidentified actor"
    verb = _verb(event)
    where = ""
    if event.location:
        area = ", ".join(x for x in (event.admin1, event.country) if x and x != event.location)
        near = "near " if (event.geo_precision or 1) > 1 else "in "
        where = f" {near}{event.location}" + (f" ({area})" if area else "")
    sentence = f"{_day(event)}, {actor} {verb}{where}."
    if event.fatalities is not None:
        sentence += f" {event.fatalities} fatalit{'y' if event.fatalities == 1 else 'ies'}"
        if event.fatalities_low is not None and event.fatalities_high not in (None, event.fatalities_low):
            sentence += f" (reports range from {event.fatalities_low} to {event.fatalities_high})"
        sentence += "."
    if event.claimed_by:
        sentence += f" Reported by {event.claimed_by}"
        sentence += {Stance.DISPUTED: "; disputed.", Stance.DENIED: "; denied."}.get(event.stance, ".")
    return sentence
