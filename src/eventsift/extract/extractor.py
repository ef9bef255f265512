"""Sentences in, typed event mentions out.

For each sentence: find event words and actor phrases, drop what is not a real event (threats,
plans, hypotheticals, negations, cumulative tolls, background, bare statements), type the rest
with ACLED's conventions (rules.py), read who claims it, count victims, and score confidence.
A later sentence that only restates or elaborates an event already coded in the article (same
sub-type and no new actor, or casualties with no actor of their own) is folded into it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from ..models import Actor, Article, Counts, Decision, Dropped, Mention, Span, Stance
from ..taxonomy import EVENT_TYPE_OF, RANK
from . import context
from .actors import ActorRef, find_actors
from .lexicon import Lexicon, load
from .rules import Typed, classify, find_triggers, weapon_kinds

try:
    from .counts import parse_counts
except ImportError:  # pragma: no cover - counts is a sibling module of this package
    def parse_counts(text: str, start: int, end: int) -> Counts:  # type: ignore[misc]
        return Counts()

log = logging.getLogger(__name__)

# Confidence, set by hand against the team's own examples and the dev notes: a strong event
# word with both actors named scores ~0.85; a weak cue with no actors ~0.45. The article's lead
# event gets a small bonus so that the most important event ranks first.
BASE_CONFIDENCE = 0.45
TRIGGER_WEIGHT = 0.2  # times the trigger's strength (0.3-1.0)
ACTOR1_BONUS = 0.12
ACTOR2_BONUS = 0.06
LEAD_BONUS = 0.05  # first coded sentence of the body
SEVERITY_BONUS = 0.04  # violent events over strategic developments
HEDGE_PENALTY = 0.12
DENIED_PENALTY = 0.3
HEADLINE_PENALTY = 0.1
MAX_CONFIDENCE = 0.95

_STRATEGIC_NEEDS_ACTOR = frozenset({"Agreement", "Change to group/activity", "Other", "Headquarters or base established",
                                    "Non-violent transfer of territory", "Disrupted weapons use"})


class Extractor:
    """Loads the lexicons once; ``extract`` is cheap afterwards."""

    def __init__(self, *, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load()

    def extract(self, article: Article, doc, cleaned) -> tuple[list[Mention], list[Dropped]]:
        mentions: list[Mention] = []
        dropped: list[Dropped] = []
        text = cleaned.text
        first_body = True
        group: ActorRef | None = None  # the named armed group the article is about so far
        for sent in doc.sents:
            s_text = sent.text
            if len(s_text) < 12:
                continue
            lower = s_text.lower()
            triggers = find_triggers(doc, sent.start, sent.end, self.lex, lower, sent.start_char)
            if not triggers:
                continue
            span = self._span(cleaned, article, sent.start_char, sent.end_char)
            # candidates that are not events
            live = []
            drop_reason = None
            for t in triggers:
                if t.family == "threat":
                    continue
                why = context.modality(doc[t.i])
                if why is None:
                    live.append(t)
                else:
                    drop_reason = drop_reason or why
            if not live:
                if drop_reason or any(t.family == "threat" for t in triggers):
                    dropped.append(Dropped(article.id, span, drop_reason or _threat_reason(doc, triggers)))
                continue
            why = context.cumulative(s_text) or context.background(s_text, article.published)
            if why:
                dropped.append(Dropped(article.id, span, why))
                continue
            actors = find_actors(doc, sent.start, sent.end, self.lex)
            actors, group = _militants_as_group(actors, group)
            typed = classify(live, actors, doc, weapon_kinds(lower, self.lex), lower)
            if typed is None:
                dropped.append(Dropped(article.id, span, f"no event: '{live[0].text}' with no actor"))
                continue
            if typed.sub_event_type in _STRATEGIC_NEEDS_ACTOR and typed.actor1 is None:
                dropped.append(Dropped(article.id, span, f"statement: '{typed.trigger.text}' with no actor"))
                continue
            headline = _is_headline(sent, text)
            mention = self._mention(article, cleaned, doc, sent, span, typed, headline, first_body and not headline)
            prior = _restates(mention, typed, mentions, s_text)
            if prior is not None:
                i, keep_new = prior
                old = mentions[i]
                mentions[i] = _fold(old, mention, prefer_new=keep_new)
                dropped.append(Dropped(article.id, span if not keep_new else old.sentence,
                                       f"restates the {old.sub_event_type} event already coded"))
                continue
            mentions.append(mention)
            if not headline:
                first_body = False
        return mentions, dropped

    # ------------------------------------------------------------------ building a mention

    def _span(self, cleaned, article: Article, start: int, end: int) -> Span:
        o_start, o_end = cleaned.span_to_original(start, end)
        return Span(o_start, o_end, article.text[o_start:o_end])

    def _actor(self, ref: ActorRef | None, doc, cleaned, article: Article) -> Actor | None:
        if ref is None:
            return None
        span = None
        if ref.start >= 0:
            tokens = doc[ref.start:ref.end]
            span = self._span(cleaned, article, tokens.start_char, tokens.end_char)
        country = ref.country.iso3 if ref.country else None
        return Actor(ref.name, ref.inter, span, country, ref.reason)

    def _mention(self, article, cleaned, doc, sent, span, typed: Typed, headline: bool, lead: bool) -> Mention:
        trig_tok = doc[typed.trigger.i]
        trigger = self._span(cleaned, article, trig_tok.idx, trig_tok.idx + len(trig_tok.text))
        a1 = self._actor(typed.actor1, doc, cleaned, article)
        a2 = self._actor(typed.actor2, doc, cleaned, article)
        counts = parse_counts(cleaned.text, sent.start_char, sent.end_char)
        counts = _counts_to_original(counts, cleaned, article)
        claimed_by, claim_words = context.claim(sent, trig_tok)
        stance, stance_why = context.stance(sent, trig_tok, claimed_by)
        hedge = context.hedged(sent.text)
        sub = typed.sub_event_type
        event_type = EVENT_TYPE_OF[sub]
        conf = BASE_CONFIDENCE + TRIGGER_WEIGHT * typed.trigger.strength
        conf += ACTOR1_BONUS if a1 is not None and a1.span is not None else ACTOR1_BONUS / 3 if a1 else 0
        conf += ACTOR2_BONUS if a2 is not None and a2.span is not None else 0
        conf += LEAD_BONUS if lead else 0
        conf += SEVERITY_BONUS if RANK[sub] < RANK["Arrests"] else 0
        conf -= HEDGE_PENALTY if hedge else 0
        conf -= DENIED_PENALTY if stance is Stance.DENIED else 0
        conf -= HEADLINE_PENALTY if headline else 0
        conf = round(max(0.05, min(MAX_CONFIDENCE, conf)), 3)
        decisions = [
            Decision("sub_event_type", sub, f"{typed.reason} → {sub}", trigger),
            Decision("event_type", event_type, f"{sub} belongs to {event_type}"),
        ]
        if a1 is not None:
            decisions.append(Decision("actor1", a1.name, typed.actor1_reason, a1.span))
        if a2 is not None:
            decisions.append(Decision("actor2", a2.name, typed.actor2_reason, a2.span))
        if counts.reason:
            decisions.append(Decision("counts", counts.fatalities, counts.reason))
        if claimed_by:
            decisions.append(Decision("claimed_by", claimed_by, f"source: '{claim_words}'"))
        decisions.append(Decision("stance", stance.value, stance_why or "stated as fact"))
        decisions.append(Decision("confidence", conf, "rule score" + (f"; hedged by '{hedge}'" if hedge else "")
                                  + ("; headline" if headline else "")))
        civ = a2 is not None and a2.inter == 7 and event_type in ("Violence against civilians", "Explosions/Remote violence", "Riots")
        return Mention(
            article_id=article.id, sentence=span, event_type=event_type, sub_event_type=sub,
            actor1=a1, actor2=a2, civilian_targeting=civ, counts=counts, claimed_by=claimed_by,
            stance=stance, confidence=conf, trigger=trigger, decisions=tuple(decisions),
        )


def _upgrade(keep: Mention, other: Mention) -> Mention:
    """One event told over several sentences takes the most severe reading that a sentence with
    its own actor states ("residents demonstrated. The demonstrators burned tyres" is a riot)."""
    if other.actor1 is None or other.actor1.span is None:
        return keep
    if keep.sub_event_type in _DEMO_LADDER and other.sub_event_type in _DEMO_LADDER:
        if _DEMO_LADDER.index(other.sub_event_type) <= _DEMO_LADDER.index(keep.sub_event_type):
            return keep
    elif keep.sub_event_type in _DEMO_LADDER and other.sub_event_type == "Arrests":
        other = replace(other, event_type="Protests", sub_event_type="Protest with intervention",
                        actor1=keep.actor1, actor2=other.actor1)
    elif RANK[other.sub_event_type] >= RANK[keep.sub_event_type] or other.event_type == "Strategic developments":
        return keep
    if other.event_type == keep.event_type and other.sub_event_type not in _DEMO_LADDER:
        a1, a2 = keep.actor1 or other.actor1, keep.actor2 or other.actor2
    else:
        a1, a2 = other.actor1, other.actor2 or keep.actor2
    decision = Decision("sub_event_type", other.sub_event_type,
                        f"{keep.sub_event_type} → {other.sub_event_type}: a later sentence about the same event says "
                        f"'{other.trigger.text if other.trigger else other.sub_event_type}'", other.trigger)
    return replace(keep, event_type=other.event_type, sub_event_type=other.sub_event_type, actor1=a1, actor2=a2,
                   civilian_targeting=other.civilian_targeting, decisions=keep.decisions + (decision,))


def _militants_as_group(actors: list[ActorRef], group: ActorRef | None) -> tuple[list[ActorRef], ActorRef | None]:
    """Generic "militants"/"jihadists" are the named non-state group of the sentence or article."""
    named = next((a for a in actors if a.kind == "named" and a.inter in (2, 3)), None)
    group = named or group
    if group is None:
        return actors, None
    out = [replace(a, name=group.name, inter=group.inter, kind="named", country=group.country,
                   reason=a.reason + f"; the group named in the report: {group.name}")
           if a.kind == "militant" else a for a in actors]
    return out, group


def _counts_to_original(counts: Counts, cleaned, article: Article) -> Counts:
    if not counts.spans:
        return counts
    spans = []
    for s in counts.spans:
        a, b = cleaned.span_to_original(s.start, s.end)
        spans.append(Span(a, b, article.text[a:b]))
    return replace(counts, spans=tuple(spans))


def _threat_reason(doc, triggers) -> str:
    t = next(t for t in triggers if t.family == "threat")
    return f"threat or plan: '{doc[t.i].text}'"


def _is_headline(sent, text: str) -> bool:
    """A line with no closing punctuation standing alone (a title or caption)."""
    stripped = sent.text.rstrip()
    if not stripped or stripped[-1] in ".!?\"'”’)":
        return False
    end = sent.start_char + len(stripped)
    return text.startswith("\n", end) or end >= len(text.rstrip())


_DISTINCT = re.compile(r"^\W*(?:in (?:another|a separate|a second|a similar)|separately|elsewhere|meanwhile|also on|"
                       r"on the same day|the same day|a day (?:earlier|later)|earlier|later|in addition)\b", re.I)
_DEMO_LADDER = ("Peaceful protest", "Protest with intervention", "Violent demonstration", "Excessive force against protesters")


def _names(m: Mention) -> set[str]:
    return {a.name.split(" (")[0].split(" of ")[0] for a in (m.actor1, m.actor2) if a is not None and a.span is not None}


def _restates(new: Mention, typed: Typed, prior: list[Mention], sent_text: str) -> tuple[int, bool] | None:
    """(index of the mention this one continues, whether the new one is the better evidence).

    A later sentence continues the event coded just before it unless it marks itself as another
    event ("In another attack", "Elsewhere") or brings in actors that event did not have. A
    restatement of an earlier (not the last) event with the same sub-type and actors folds too.
    """
    if not prior:
        return None
    new_headline = _has_flag(new, "headline")
    for i in range(len(prior) - 1, -1, -1):
        old = prior[i]
        if old.sub_event_type == new.sub_event_type and _names(new) and _names(new) <= _names(old):
            return i, _has_flag(old, "headline") and not new_headline
    if _DISTINCT.match(sent_text):
        return None
    old = prior[-1]
    if old.sub_event_type in _DEMO_LADDER and new.sub_event_type in _DEMO_LADDER:
        return len(prior) - 1, False
    if old.sub_event_type == new.sub_event_type and not new_headline:
        return len(prior) - 1, _has_flag(old, "headline")
    if _has_flag(old, "headline") != new_headline and _names(new) - _names(old):
        return None
    if not (_names(new) - _names(old)):
        return len(prior) - 1, _has_flag(old, "headline") and not new_headline
    if new.event_type == "Strategic developments" and old.event_type != "Strategic developments":
        return len(prior) - 1, False
    return None


def _has_flag(m: Mention, flag: str) -> bool:
    return any(d.field == "confidence" and flag in d.reason for d in m.decisions)


def _fold(old: Mention, new: Mention, *, prefer_new: bool) -> Mention:
    keep, other = (new, old) if prefer_new else (old, new)
    keep = _upgrade(keep, other)
    counts = keep.counts
    if counts.fatalities is None and other.counts.fatalities is not None:
        counts = replace(counts, fatalities=other.counts.fatalities, fatalities_low=other.counts.fatalities_low,
                         fatalities_high=other.counts.fatalities_high, spans=counts.spans + other.counts.spans)
    for f in ("injured", "arrested", "displaced"):
        if getattr(counts, f) is None and getattr(other.counts, f) is not None:
            counts = replace(counts, **{f: getattr(other.counts, f)})
    return replace(
        keep,
        counts=counts,
        actor1=keep.actor1 or other.actor1,
        actor2=keep.actor2 or other.actor2,
        claimed_by=keep.claimed_by or other.claimed_by,
        confidence=max(keep.confidence, other.confidence),
    )
