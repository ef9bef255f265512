"""ACLED's event taxonomy (6 types, 25 sub-types), its disorder types and the PLOVER coding.

The disorder mapping follows ACLED's published codebook: battles, explosions/remote violence,
violence against civilians and riots are political violence (violent demonstrations are both
political violence and demonstrations), protests are demonstrations, strategic developments are
their own category. The PLOVER mapping uses PLOVER's event types and modes.
"""
from __future__ import annotations

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

_DISORDER: dict[str, str] = {
    BATTLES: POLITICAL_VIOLENCE,
    REMOTE: POLITICAL_VIOLENCE,
    VAC: POLITICAL_VIOLENCE,
    RIOTS: POLITICAL_VIOLENCE,
    PROTESTS: DEMONSTRATIONS,
    STRATEGIC: STRATEGIC_DEVELOPMENTS,
}


def disorder_type(event_type: str, sub_event_type: str | None = None) -> str:
    """ACLED's disorder type; a violent demonstration is "Political violence; Demonstrations"."""
    if sub_event_type == "Violent demonstration":
        return f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
    if sub_event_type == "Excessive force against protesters":
        return f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
    try:
        return _DISORDER[event_type]
    except KeyError:
        raise ValueError(f"unknown ACLED event type {event_type!r}") from None


# PLOVER (event, mode) for each ACLED sub-type.
_PLOVER: dict[str, tuple[str, str | None]] = {
    "Armed clash": ("ASSAULT", "firearms"),
    "Government regains territory": ("COERCE", "seize"),
    "Non-state actor overtakes territory": ("COERCE", "seize"),
    "Chemical weapon": ("ASSAULT", "CBRN"),
    "Air/drone strike": ("ASSAULT", "aerial-weapons"),
    "Suicide bomb": ("ASSAULT", "suicide-bomb"),
    "Shelling/artillery/missile attack": ("ASSAULT", "explosives"),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives"),
    "Grenade": ("ASSAULT", "explosives"),
    "Sexual violence": ("ASSAULT", "sexual"),
    "Attack": ("ASSAULT", "beat"),
    "Abduction/forced disappearance": ("ASSAULT", "abduct"),
    "Peaceful protest": ("PROTEST", "demo"),
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("COERCE", "repression"),
    "Violent demonstration": ("PROTEST", "riot"),
    "Mob violence": ("ASSAULT", "beat"),
    "Agreement": ("AGREE", None),
    "Arrests": ("COERCE", "arrest"),
    "Change to group/activity": ("MOBILIZE", None),
    "Disrupted weapons use": ("COERCE", "seize"),
    "Headquarters or base established": ("MOBILIZE", None),
    "Looting/property destruction": ("COERCE", "seize"),
    "Non-violent transfer of territory": ("RETREAT", None),
    "Other": ("CONSULT", None),
}

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def plover(event_type: str, sub_event_type: str) -> tuple[str, str | None]:
    """The PLOVER event type and mode for an ACLED (event_type, sub_event_type)."""
    if EVENT_TYPE_OF.get(sub_event_type) != event_type:
        raise ValueError(f"{sub_event_type!r} is not a sub-type of {event_type!r}")
    return _PLOVER[sub_event_type]


# Precedence when one statement could be several sub-types: the most severe first (ACLED codes
# the most serious event type occurring at a location and time).
PRECEDENCE: tuple[str, ...] = (
    # a change of territory is the outcome that defines the whole event: the car bomb that opened an
    # assault on a base is part of the base's capture (ACLED: explosions inside a battle belong to it)
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Chemical weapon",
    "Suicide bomb",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Armed clash",
    "Excessive force against protesters",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Mob violence",
    "Violent demonstration",
    "Protest with intervention",
    "Peaceful protest",
    "Arrests",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Change to group/activity",
    "Agreement",
    "Other",
)
RANK: dict[str, int] = {sub: i for i, sub in enumerate(PRECEDENCE)}


# Event families: sub-types that different reports (or sentences) may use for one event. A town taken
# after the army withdrew may be a take-over to one writer and a non-violent transfer to another; a
# protest one outlet calls peaceful another describes as dispersed, or as a riot. Fusion only ever merges
# within a family, and the most severe sub-type (RANK) carries the merged event.

#: family of each event type; strategic developments split by sub-type below
_BY_TYPE = {
    BATTLES: "fighting",
    REMOTE: "remote",
    VAC: "civilians",
    PROTESTS: "demonstration",
    RIOTS: "demonstration",
}
#: strategic sub-types that belong with another family
_BY_SUB = {
    "Non-violent transfer of territory": "fighting",
}


def family(event_type: str, sub_event_type: str | None = None) -> str:
    """The fusion family of an ACLED (type, sub-type)."""
    if sub_event_type in _BY_SUB:
        return _BY_SUB[sub_event_type]
    if event_type == STRATEGIC:
        return f"strategic:{sub_event_type}"
    return _BY_TYPE.get(event_type, event_type)


def event_types_of(fam: str) -> tuple[str, ...]:
    """The event types whose events can belong to a family (for candidate look-ups)."""
    types = sorted({t for t, f in _BY_TYPE.items() if f == fam})
    if fam.startswith("strategic:") or any(f == fam for f in _BY_SUB.values()):
        types.append(STRATEGIC)
    return tuple(types)


def severity(sub_event_type: str) -> int:
    """Lower is more severe (ACLED codes the most serious event at a place and time)."""
    return RANK.get(sub_event_type, len(RANK))
