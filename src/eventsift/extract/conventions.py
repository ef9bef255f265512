"""The one place a sub-event type is decided: ACLED's conventions as an ordered table in data.

Every reading of a sentence (``subtype.classify``) and every later change of a story's reading
(a later sentence, a note's label, the event's country) names a row of
``lexicon/conventions.tsv``: its id, the sub-type it gives, a one-line rationale and the
condition on the mention's features. The sub-type comes from the row, never from the code that
picks it, and ``reasons["sub_event_type"]`` names the row that decided.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .. import lexicon as lex
from ..models import Decision, Mention, Span
from ..taxonomy import EVENT_TYPE_OF
from .actors import ActorRef
from .rules import Trigger

#: the sub-type column of a row that decides there is no event
NO_EVENT = "-"
#: the sub-type column of a row whose sub-type is another reading's (a later sentence's, a label's)
ANOTHER = "*"


class ConventionError(lex.LexiconError):
    """A decision names a convention row that the table lacks, or asks it for another sub-type."""


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    sub_event_type: str  # NO_EVENT, ANOTHER or one of ACLED's 25
    rationale: str
    condition: str

    def reason(self, detail: str) -> str:
        """The reason text of a decision by this row: its id, its rationale and what was read."""
        return f"[{self.id}] {self.rationale}; {detail}" if detail else f"[{self.id}] {self.rationale}"


@lru_cache(maxsize=1)
def table() -> dict[str, Convention]:
    """The conventions in decision order, by id."""
    out: dict[str, Convention] = {}
    for row in lex.rows("subtype_conventions"):
        rid, sub, rationale, condition = (*row, "")[:4]
        if sub not in (NO_EVENT, ANOTHER) and sub not in EVENT_TYPE_OF:
            raise ConventionError(f"convention {rid!r}: {sub!r} is no ACLED sub-event type")
        out[rid] = Convention(rid, sub, rationale, condition)
    return out


def rule(rule_id: str) -> Convention:
    try:
        return table()[rule_id]
    except KeyError:
        raise ConventionError(f"no convention row {rule_id!r}; add it to lexicon/conventions.tsv") from None


def sub_of(rule_id: str, other: str | None = None) -> str | None:
    """The sub-type a row decides (None for a row of no event); ``other`` for a row that takes another reading's."""
    row = rule(rule_id)
    if row.sub_event_type == NO_EVENT:
        return None
    if row.sub_event_type == ANOTHER:
        if other is None:
            raise ConventionError(f"convention {rule_id!r} takes another reading's sub-type; none was given")
        return other
    if other is not None and other != row.sub_event_type:
        raise ConventionError(f"convention {rule_id!r} gives {row.sub_event_type!r}, not {other!r}")
    return row.sub_event_type


@dataclass(frozen=True, slots=True)
class Typed:
    """A sentence's reading: the row that decided it (``sub_event_type`` None: no event), its actors
    and event word."""

    rule: str
    sub_event_type: str | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    trigger: Trigger
    reason: str
    actor1_reason: str
    actor2_reason: str


def typed(rule_id: str, actor1: ActorRef | None, actor2: ActorRef | None, trigger: Trigger, detail: str,
          actor1_reason: str = "", actor2_reason: str = "", *, sub: str | None = None) -> Typed:
    """A reading decided by the row ``rule_id`` (``sub`` only for a row that takes another reading's)."""
    return Typed(rule_id, sub_of(rule_id, sub), actor1, actor2, trigger, rule(rule_id).reason(detail),
                 actor1_reason, actor2_reason)


def retype(m: Mention, rule_id: str, detail: str, *, sub: str | None = None, span: Span | None = None,
           **changes) -> Mention:
    """The mention with the sub-type the row ``rule_id`` gives (and any actor changes it brings),
    recorded as a decision that names the row. The only way a story's reading changes after its
    first sentence."""
    new = sub_of(rule_id, sub)
    if new is None:
        raise ConventionError(f"convention {rule_id!r} decides no event; a mention cannot take it")
    decision = Decision("sub_event_type", new, f"{m.sub_event_type} → {new}: {rule(rule_id).reason(detail)}", span)
    return replace(m, event_type=EVENT_TYPE_OF[new], sub_event_type=new, **changes,
                   decisions=m.decisions + (decision,))
