"""Re-ranking the rules' sub-type with a trained model, where the rules are unsure.

What the model may do, and no more:

* it sees only mentions the rules coded; sentences the rules dropped (background, threats,
  denials, non-political violence) never reach it, so it cannot make an event of a non-event,
  and it never removes an event either;
* it chooses among the sub-types of the event type the rules chose, so the event type (and
  with it the actors' roles and civilian targeting) stays the rules' decision;
* it acts only where the rules' confidence is below ``low_confidence``, never on a sub-type an
  ACLED note's own label states, and only for a sub-type whose actors the mention has
  (an intervention needs someone who intervened, a government regains territory only with
  state forces as actor1);
* it must be sure: the new sub-type's probability at least ``min_probability`` and
  ``margin`` above the rules' sub-type. The decision records both probabilities.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from ..models import Decision, Mention
from ..taxonomy import EVENT_TYPE_OF, RERANK_ACTORS, SUB_EVENT_TYPES
from .model import SubtypeModel

LOW_CONFIDENCE = 0.65  # the rules' own score below which the model is asked
MIN_PROBABILITY = 0.5
MARGIN = 0.2
_NOTE_LABEL = "the note's label names the event"


@dataclass
class Reranker:
    model: SubtypeModel
    low_confidence: float = LOW_CONFIDENCE
    min_probability: float = MIN_PROBABILITY
    margin: float = MARGIN

    def apply(self, mentions: Iterable[Mention]) -> list[Mention]:
        """The same mentions, one for one; some with the model's sub-type."""
        return [self.rerank(m) for m in mentions]

    def candidates(self, m: Mention) -> list[str]:
        """The sub-types the model may choose for this mention (the rules' own among them)."""
        return [sub for sub in SUB_EVENT_TYPES.get(m.event_type, ())
                if sub in self.model.labels and (sub == m.sub_event_type or _fits(sub, m))]

    def rerank(self, m: Mention) -> Mention:
        if m.confidence >= self.low_confidence or m.sub_event_type not in self.model.labels:
            return m
        if any(d.field == "sub_event_type" and _NOTE_LABEL in d.reason for d in m.decisions):
            return m
        candidates = self.candidates(m)
        if len(candidates) < 2:
            return m
        probs = self.model.predict_proba(m.sentence.text)
        best = max(candidates, key=lambda sub: probs[sub])
        p_best, p_rule = probs[best], probs[m.sub_event_type]
        if best == m.sub_event_type or p_best < self.min_probability or p_best - p_rule < self.margin:
            return m
        assert EVENT_TYPE_OF[best] == m.event_type
        decision = Decision("sub_event_type", best,
                            f"{m.sub_event_type} → {best}: the sub-type model gives p={p_best:.2f} against "
                            f"p={p_rule:.2f} for {m.sub_event_type} (rule confidence {m.confidence:.2f} "
                            f"below {self.low_confidence:.2f})", m.trigger)
        return replace(m, sub_event_type=best, event_type=EVENT_TYPE_OF[best], decisions=m.decisions + (decision,))


def _fits(sub: str, m: Mention) -> bool:
    """Whether the mention has the actors the sub-type needs."""
    needs = RERANK_ACTORS.get(sub)  # the taxonomy table's re-rank actors
    if needs == "actor1" and m.actor1 is None:
        return False
    if needs == "actor2" and m.actor2 is None:
        return False
    if needs == "no actor2" and m.actor2 is not None:
        return False
    if sub == "Government regains territory" and m.actor1.inter not in (1, 8):
        return False
    if sub == "Non-state actor overtakes territory" and m.actor1.inter in (1, 8):
        return False
    return True
