"""Event families: sub-types that different reports (or sentences) may use for one event.

A report of a town taken after the army withdrew may be coded as a territory take-over by one
writer and as a non-violent transfer by another; a protest one outlet calls peaceful another
describes as dispersed, or as a riot. Families group those sub-types; fusion only ever merges
within a family, and the most severe sub-type (taxonomy.PRECEDENCE) carries the merged event.
"""
from __future__ import annotations

from ..taxonomy import BATTLES, PROTESTS, RANK, REMOTE, RIOTS, STRATEGIC, VAC

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
