"""Complete a mention's actors once the event's country is known.

Generic actors get the country ("Civilians" → "Civilians (Afghanistan)", "Police Forces" →
"Police Forces of Nigeria"); a state's forces acting outside their own country become
External/Other forces (inter 8); civilian_targeting is recomputed from the final actors.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..taxonomy import (
    CIVILIANS, COMMUNAL, ETHNIC_SUFFIX, GOVERNMENT, MILITARY, POLICE, PROTESTERS, REBELS, RIOTERS, UAG,
)
from ..lexicon.tables import load
from ..models import Actor, Decision, Mention

_STATE = (MILITARY, POLICE, GOVERNMENT)  # "<name> of <Country>"
_GROUPS = (CIVILIANS, PROTESTERS, RIOTERS, UAG, REBELS, COMMUNAL)  # "<name> (<Country>)"
_TARGETED_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"})


def _country_name(iso3: str) -> str | None:
    country = load().countries_by_iso.get(iso3)
    if country is not None:
        return country.name
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError):
        return None
    return getattr(found, "common_name", None) or getattr(found, "name", None) if found else None


def _governing(actor: Actor | None, day, decisions: list, field: str) -> Actor | None:
    """A named group that governs its country on the event's day is that country's state forces (the Taliban from
    15 August 2021: Military Forces of Afghanistan (2021-)), as ACLED codes a de-facto government."""
    governs = load().governing.get(actor.name) if actor is not None and day is not None else None
    if governs is None or day < governs[0]:
        return actor
    why = f"{actor.name} governs from {governs[0]}: coded as {governs[1]}"
    decisions.append(Decision(field, governs[1], why, actor.span))
    return replace(actor, name=governs[1], inter=1, reason=(actor.reason + "; " if actor.reason else "") + why)


def _resolve(actor: Actor | None, iso3: str | None, name: str | None) -> tuple[Actor | None, str | None]:
    if actor is None:
        return None, None
    new = actor
    why = None
    if name and (actor.name in _STATE):
        new = replace(actor, name=f"{actor.name} of {name}", country=actor.country or iso3)
        why = f"'{actor.name}' given the event's country {name}"
    elif name and (actor.name in _GROUPS or actor.name.endswith(ETHNIC_SUFFIX)):
        new = replace(actor, name=f"{actor.name} ({name})", country=actor.country or iso3)
        why = f"'{actor.name}' given the event's country {name}"
    if iso3 and new.inter == 1 and new.country and new.country != iso3:
        new = replace(new, inter=8, reason=(new.reason + "; " if new.reason else "") + f"state forces of {new.country} acting in {iso3}")
        why = (why + "; " if why else "") + f"{new.name} outside {new.country} → External/Other forces"
    return new, why


def resolve_actors(mention: Mention, country_iso3: str | None, *,
                   retype: Callable[..., Mention] | None = None) -> Mention:
    """A new Mention whose actors carry the event's country and the right inter codes.

    ``retype(mention, rule_id, detail)`` is the sub-type's decision site (``extract.conventions.retype``,
    passed by the pipeline): where the event's country changes what the reading is (a foreign force
    taking ground), the convention row is applied through it; without it the reading stands."""
    name = _country_name(country_iso3) if country_iso3 else None
    decisions = list(mention.decisions)
    a1, why1 = _resolve(mention.actor1, country_iso3, name)
    a2, why2 = _resolve(mention.actor2, country_iso3, name)
    for field, actor, why in (("actor1", a1, why1), ("actor2", a2, why2)):
        if why:
            decisions.append(Decision(field, actor.name, why, actor.span))
    day = mention.time.date if mention.time is not None else None
    a1, a2 = _governing(a1, day, decisions, "actor1"), _governing(a2, day, decisions, "actor2")
    assoc1 = tuple(_resolve(a, country_iso3, name)[0] for a in mention.assoc_actor_1)
    assoc2 = tuple(_resolve(a, country_iso3, name)[0] for a in mention.assoc_actor_2)
    civ = a2 is not None and a2.inter == 7 and mention.event_type in _TARGETED_TYPES
    if civ != mention.civilian_targeting:
        decisions.append(Decision("civilian_targeting", civ, "civilians are the target" if civ else "the target is not civilians"))
    resolved = replace(mention, actor1=a1, actor2=a2, assoc_actor_1=assoc1, assoc_actor_2=assoc2,
                       civilian_targeting=civ, decisions=tuple(decisions))
    if retype is not None and mention.sub_event_type == "Abduction/forced disappearance" and a1 is not None \
            and a1.inter == 1 and mention.actor1 is not None and mention.actor1.name in load().governing:
        # a de-facto government's detentions are arrests: known only once the event's day is
        resolved = retype(resolved, "abduction-by-authority", f"{mention.actor1.name} governs as {a1.name}")
    if retype is not None and mention.sub_event_type == "Government regains territory" and a1 is not None \
            and a1.inter == 8 \
            and (a2 is None or a2.inter == 1):
        # a foreign force taking ground from the state (or from no one named): known only once the event's
        # country is, so this convention row is applied here, through the one decision function
        resolved = retype(resolved, "territory-foreign-force", f"{a1.name} is a foreign force")
    return resolved
