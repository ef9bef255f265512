"""One generated sentence per event in ACLED's style: "On 11 December 2016, ..."."""
from __future__ import annotations

from ..models import Event, Stance

_VERB = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained control of territory from",
    "Non-state actor overtakes territory": "took control of territory from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out air or drone strikes on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "held a peaceful protest",
    "Protest with intervention": "protested and were dispersed by",
    "Excessive force against protesters": "used lethal force against",
    "Violent demonstration": "held a violent demonstration",
    "Mob violence": "attacked",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed activity",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "were involved in a strategic development with",
}


def _day(event: Event) -> str:
    d = event.event_date
    if d is None:
        return "On an unresolved date"
    prefix = {1: "On", 2: "In the week of", 3: "In"}.get(event.time_precision or 1, "On")
    return f"{prefix} {d.strftime('%B %Y') if event.time_precision == 3 else f'{d.day} {d:%B %Y}'}"


def notes_sentence(event: Event) -> str:
    actor = event.actor1 or "an unidentified actor"
    verb = _VERB.get(event.sub_event_type, "were involved in")
    target = f" {event.actor2}" if event.actor2 and verb.endswith((" with", " from", " on", " against", " of", " by", " at", "attacked", "shelled", "abducted", "arrested")) else ""
    if not target and verb.endswith((" with", " from", " on", " against", " of", " by", " at")):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if event.location:
        area = ", ".join(x for x in (event.admin1, event.country) if x and x != event.location)
        near = "near " if (event.geo_precision or 1) > 1 else "in "
        where = f" {near}{event.location}" + (f" ({area})" if area else "")
    sentence = f"{_day(event)}, {actor} {verb}{target}{where}."
    if event.fatalities is not None:
        sentence += f" {event.fatalities} fatalit{'y' if event.fatalities == 1 else 'ies'}"
        if event.fatalities_low is not None and event.fatalities_high not in (None, event.fatalities_low):
            sentence += f" (reports range from {event.fatalities_low} to {event.fatalities_high})"
        sentence += "."
    if event.claimed_by:
        sentence += f" Reported by {event.claimed_by}"
        sentence += {Stance.DISPUTED: "; disputed.", Stance.DENIED: "; denied."}.get(event.stance, ".")
    return sentence
