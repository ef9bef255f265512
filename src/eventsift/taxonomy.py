"""ACLED's event taxonomy (6 types, 25 sub-types), its disorder types and the PLOVER coding.

The disorder mapping follows ACLED's published codebook: battles, explosions/remote violence,
violence against civilians and riots are political violence (violent demonstrations are both
political violence and demonstrations), protests are demonstrations, strategic developments are
their own category. The PLOVER mapping uses PLOVER's event types and modes.
"""
from __future__ import annotations


from . import lexicon
from .lexicon import data_table

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


def _given(value: str) -> str | None:
    return None if value == "-" else value


_TYPES = data_table("event_types.tsv")
_SUBS = data_table("sub_event_types.tsv")

#: event type -> its sub-types, in the codebook's order
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    et: tuple(row[0] for row in _SUBS if row[1] == et) for et, *_ in _TYPES
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

_DISORDER: dict[str, str] = {et: disorder for et, disorder, *_ in _TYPES}
#: sub-types whose disorder type is not their event type's
_DISORDER_OF_SUB: dict[str, str] = {row[0]: row[6] for row in _SUBS if _given(row[6])}

#: PLOVER contexts that every event of an ACLED event type carries
PLOVER_CONTEXTS: dict[str, tuple[str, ...]] = {
    et: tuple(c for c in contexts.split(",") if _given(c)) for et, _, _, contexts in _TYPES
}

#: ACLED's actor types: inter code -> name
INTER_NAMES: dict[int, str] = {int(code): name for code, name in data_table("inter_codes.tsv")}

#: the verb phrase of the generated notes sentence for each sub-type (see fuse.notes)
NOTES_VERB: dict[str, str] = {row[0]: row[7] for row in _SUBS}
#: the actors a sub-type chosen by a trained model needs (see classify.rerank): sub-type -> condition
RERANK_ACTORS: dict[str, str] = {row[0]: row[8] for row in _SUBS if _given(row[8])}
#: among reports of one event of one event type, the more specific sub-type names it (lower first); generic
#: sub-types are absent (the more confident report decides between them)
SPECIFICITY: dict[str, int] = {row[0]: int(row[9]) for row in _SUBS if _given(row[9])}


def disorder_type(event_type: str, sub_event_type: str | None = None) -> str:
    """ACLED's disorder type; a violent demonstration is "Political violence; Demonstrations"."""
    if sub_event_type in _DISORDER_OF_SUB:
        return _DISORDER_OF_SUB[sub_event_type]
    try:
        return _DISORDER[event_type]
    except KeyError:
        raise ValueError(f"unknown ACLED event type {event_type!r}") from None


# PLOVER (event, mode) for each ACLED sub-type.
_PLOVER: dict[str, tuple[str, str | None]] = {row[0]: (row[3], _given(row[4])) for row in _SUBS}

#: PLOVER's event types, in its order
PLOVER_TYPES: tuple[str, ...] = tuple(row[0] for row in data_table("plover_types.txt"))


def plover(event_type: str, sub_event_type: str) -> tuple[str, str | None]:
    """The PLOVER event type and mode for an ACLED (event_type, sub_event_type)."""
    if EVENT_TYPE_OF.get(sub_event_type) != event_type:
        raise ValueError(f"{sub_event_type!r} is not a sub-type of {event_type!r}")
    return _PLOVER[sub_event_type]


# Precedence when one statement could be several sub-types: the most severe first (ACLED codes
# the most serious event type occurring at a location and time); the order is the table's precedence column.
PRECEDENCE: tuple[str, ...] = tuple(row[0] for row in sorted(_SUBS, key=lambda row: int(row[2])))
RANK: dict[str, int] = {sub: i for i, sub in enumerate(PRECEDENCE)}


# Event families: sub-types that different reports (or sentences) may use for one event. A town taken
# after the army withdrew may be a take-over to one writer and a non-violent transfer to another; a
# protest one outlet calls peaceful another describes as dispersed, or as a riot. Fusion only ever merges
# within a family, and the most severe sub-type (RANK) carries the merged event.

#: family of each event type; strategic developments split by sub-type below
_BY_TYPE = {et: fam for et, _, fam, _ in _TYPES if _given(fam)}
#: strategic sub-types that belong with another family
_BY_SUB = {row[0]: row[5] for row in _SUBS if _given(row[5])}


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


#: ACLED's names for actors known only by kind ("soldiers", "gunmen"): kind -> (bare name, inter code); the
#: name is completed with the event's country once it is known ("Military Forces of Nigeria", "Civilians (Mali)")
GENERIC_NAMES = {kind: (name, int(inter)) for kind, name, inter in lexicon.rows("generic_actor_names")}
# Bare names of generic actors.
MILITARY = GENERIC_NAMES["military"][0]
POLICE = GENERIC_NAMES["police"][0]
GOVERNMENT = GENERIC_NAMES["government"][0]
UAG = GENERIC_NAMES["uag"][0]
REBELS = GENERIC_NAMES["rebel"][0]
CIVILIANS = GENERIC_NAMES["civilian"][0]
PROTESTERS = GENERIC_NAMES["protester"][0]
RIOTERS = GENERIC_NAMES["rioter"][0]
COMMUNAL = GENERIC_NAMES["communal"][0]
ETHNIC_SUFFIX = "Ethnic Militia"
