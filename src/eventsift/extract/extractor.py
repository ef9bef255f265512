"""Sentences in, typed event mentions out.

For each sentence: find event words and actor phrases, drop what is not a real event (threats,
plans, hypotheticals, negations, cumulative tolls, background, bare statements), type the rest
with ACLED's conventions (rules.py), read who claims it, count victims, and score confidence.
A later sentence that only restates or elaborates an event already coded in the article (same
sub-type and no new actor, or casualties with no actor of their own) is folded into it.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field, replace
from typing import Callable

from ..models import Actor, Article, Counts, Decision, Dropped, Mention, Span, Stance
from ..taxonomy import EVENT_TYPE_OF, RANK, family
from . import context
from .actors import RIOTERS, UAG, ActorRef, find_actors
from .lexicon import Lexicon, load
from .conventions import Typed, retype, sub_of, typed as ruled
from .rules import Trigger, find_triggers, weapon_kinds
from .subtype import classify

from .counts import parse_counts

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
HEADLINE_MAIN_BONUS = 0.08  # the body event a headline summarises: the report's main event
# a later sentence changes the story's type only with an event word at least this strong
# ("killed", "exchanged fire"; not "death", "injured"), set on the Benin and sample notes
UPGRADE_MIN_STRENGTH = 0.7
MAX_CONFIDENCE = 0.95
# a device made safe after violence is an event of its own only with a full-strength event word
# ("defused", "shot down"; not "seized"), set on the team's multi-event samples and checked
# against the one-event dev notes
OTHER_KIND_MIN_STRENGTH = 1.0

_STRATEGIC_NEEDS_ACTOR = frozenset({"Agreement", "Change to group/activity", "Other", "Headquarters or base established",
                                    "Non-violent transfer of territory", "Disrupted weapons use"})


@dataclass(slots=True)
class _Story:
    """One event as the article tells it so far: its mention and the sentences folded into it."""

    mention: Mention
    regions: list[tuple[int, int]]  # sentences (cleaned-text offsets) that state or elaborate it
    places: set[str]  # place words its sentences name (lower case)
    text: str  # its sentences, lower case (to tell whether a later place is new)
    headline_bonus: bool = False
    days: set = field(default_factory=set)  # the days its sentences name ("on Friday", "on 3 May")


class Extractor:
    """Loads the lexicons once; ``extract`` is cheap afterwards."""

    def __init__(self, *, lexicon: Lexicon | None = None, dater: Callable | None = None) -> None:
        self.lex = lexicon or load()
        # ``dater(text, sentence, published)`` -> TimeRef | None: the day a sentence names for its own event
        # (the pipeline passes the time resolver's ``own_day``). With it, a sentence that names another day than the story
        # told before it is an event of its own (ACLED: one event per place and day); without it, days
        # are not compared.
        self.dater = dater

    def _day(self, article: Article, cleaned, doc, sent, trigger: int):
        """The day the sentence names for the act of its event word, or None: it names none, or names it for
        another clause ("... after the attack of 3 May"), or no dater is set."""
        if self.dater is None:
            return None
        ref = self.dater(cleaned.text, Span(sent.start_char, sent.end_char, sent.text), article.published)
        if ref is None:
            return None
        words = doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
        if words is None or _clause_of(words.root).i != _clause_of(doc[trigger]).i:
            return None
        return ref.date

    def extract(self, article: Article, doc, cleaned) -> tuple[list[Mention], list[Dropped]]:
        """One mention per event the article states (the body's, with headlines folded in).

        A sentence that names no new place, does not mark itself as another event ("In another
        attack", "a second device") and is not a restatement of an earlier event elaborates the
        event told just before it: it is folded in (its type may make the reading more severe)
        and its words count towards that event's tolls ("Fatalities coded as 0" in a later
        sentence overrides the count of the first). Sentences with no event word of their own
        fold the same way. A headline folds into the body event it summarises, which then ranks
        first.
        """
        dropped: list[Dropped] = []
        text = cleaned.text
        stories: list[_Story] = []
        heads: list[_Story] = []
        current: _Story | None = None
        group: ActorRef | None = None  # the named armed group the article is about so far
        label = _note_label(text)
        story_frame = context.article_frame(article.title or _first_line(text), text[:ARTICLE_OPENING_CHARS])
        political_report = context.political(text) is not None  # a conflict or politics word anywhere in it
        sents = list(doc.sents)
        for n_sent, sent in enumerate(sents):
            s_text = sent.text
            if len(s_text.strip()) < 4:
                continue
            headline = _is_headline(sent, text)
            region = (sent.start_char, sent.end_char)
            lower = s_text.lower()
            if current is not None and not headline and _CLAIMED.search(lower):
                current.mention = self._claimed(current.mention, doc, sent, cleaned, article)
            triggers = find_triggers(doc, sent.start, sent.end, self.lex, lower, sent.start_char) if len(s_text) >= 12 else []
            if not triggers:
                if current is not None and not headline:
                    _attach(current, region, lower)
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
            if drop_reason and drop_reason.startswith("background"):
                live = []  # "attacks in the area have forced thousands to flee": all of it is background
            if not live:
                if drop_reason or any(t.family == "threat" for t in triggers):
                    dropped.append(Dropped(article.id, span, drop_reason or _threat_reason(doc, triggers)))
                continue
            if all(_participant(doc[t.i], self.lex) for t in live):
                # "The injured were airlifted", "the abductors made contact": who took part, no act of its own
                dropped.append(Dropped(article.id, span, f"tells who took part, not an act: '{live[0].text}'"))
                if current is not None and not headline:
                    _attach(current, region, lower)
                continue
            main = [doc[t.i].idx - sent.start_char for t in live if t.family in _NON_VIOLENT_MAIN
                    and doc[t.i].dep_ in ("ROOT", "dobj") and doc[t.i].sent.root.i in (t.i, doc[t.i].head.i)]
            why = context.cumulative(s_text, min(main) if main else None) or context.background(s_text, article.published, sent)
            toll_at = context.cumulative_start(s_text) if main and why is None else None
            if toll_at is not None:  # the fighting the agreement ended is its background, not an event
                live = [t for t in live if doc[t.i].idx - sent.start_char < toll_at]
            if why is None and _CODED_APART.search(s_text):
                why = f"told as another record: '{_CODED_APART.search(s_text).group(0)}'"
            if why:
                dropped.append(Dropped(article.id, span, why))
                continue
            actors = find_actors(doc, sent.start, sent.end, self.lex)
            actors, group = _militants_as_group(actors, group)
            spoken = context.speakers(sent)
            speaking = [a for a in actors if a.head in spoken]
            all_actors, actors = actors, [a for a in actors if a.head not in spoken]
            weapons = {k: w for k, w in weapon_kinds(lower, self.lex).items() if not _in_a_name(s_text, w)}
            after = sents[n_sent + 1].text.lower() if n_sent + 1 < len(sents) else ""
            typed = classify(live, actors, doc, weapons, lower, speakers=speaking,
                             shot_after=bool(_HURT_BY_GUNFIRE.search(after)))
            no_event = None
            if typed is not None and typed.sub_event_type is None:  # a convention row that finds no event
                no_event, typed = typed.reason, None
            why = _not_political(typed, actors, weapons, s_text, story_frame,
                                 political_report=political_report) if typed is not None else None
            if why:
                dropped.append(Dropped(article.id, span, why))
                continue
            if typed is not None and not headline and _identifies(doc[typed.trigger.i]):
                dropped.append(Dropped(article.id, span, f"says who the perpetrators were: '{typed.trigger.text}' "
                                                         "is the subject of 'be'"))
                if current is not None:
                    _attach(current, region, lower)
                continue
            if typed is not None and _unfounded(typed, weapons):
                dropped.append(Dropped(article.id, span, f"no event of its own: '{typed.trigger.text}' with no actor or weapon"))
                if current is not None and not headline:
                    _attach(current, region, lower)
                continue
            if typed is not None and typed.actor1 is None and typed.sub_event_type == "Disrupted weapons use" \
                    and current is not None and _team(doc[typed.trigger.i]) and _state_actor(current.mention):
                a = current.mention.actor1  # "the team found and defused a device": the forces just told
                typed = replace(typed, actor1=ActorRef(-1, -1, -1, a.name, a.inter, "implied", None,
                                                       f"'{_team(doc[typed.trigger.i])}' refers to {a.name}"))
            if typed is not None and typed.sub_event_type in _STRATEGIC_NEEDS_ACTOR and typed.actor1 is None:
                dropped.append(Dropped(article.id, span, f"statement: '{typed.trigger.text}' with no actor"))
                typed = None
            elif typed is None and not headline and _intervenes_at(current, live, actors):
                # "Traders demonstrated ... Police dispersed them": the protest met an intervention
                state = next(a for a in actors if a.inter == 1)
                m = current.mention
                word = next(t for t in live if t.family == "intervene").text
                current.mention = retype(m, "story-later-intervention", f"a later sentence says {state.name} '{word}'",
                                         actor2=m.actor2 or self._actor(state, doc, cleaned, article))
            elif typed is None and _damage_at(current, live):
                # "Prisoners demonstrated ... Chairs were burnt and property destroyed": the protest turned violent
                m = current.mention
                damage = next(t for t in live if t.family in _DAMAGE_FAMILIES)
                current.mention = retype(m, "story-later-damage", f"a later sentence says '{damage.text}' of the protest",
                                         actor1=m.actor1 and replace(m.actor1, name=RIOTERS, inter=5))
            elif typed is None:
                dropped.append(Dropped(article.id, span, f"no event: {no_event}" if no_event
                                       else f"no event: '{live[0].text}' with no actor"))
            if typed is None:
                if current is not None and not headline:
                    _attach(current, region, lower)
                continue
            places = _place_words(doc, sent, all_actors, self.lex, typed.trigger.i)
            lead = current is None and not headline
            mention = self._mention(article, cleaned, doc, sent, span, typed, headline, lead)
            mention = self._allies(mention, typed, actors, doc, cleaned, article)
            if headline:
                names_in = places | {t.lower_ for t in sent if t.pos_ == "PROPN" and len(t) > 2}
                heads.append(_Story(mention, [region], set(names_in), lower))
                continue
            victims = _victims_only(doc, typed)
            agent_at = doc[typed.actor1.start].idx - sent.start_char if typed.actor1 is not None and typed.actor1.start >= 0 else None
            # the day the sentence's first event verb names in its own clause ("On 4 October, gunmen stormed a school",
            # "an air strike hit a school on 4 October") is the day of the story it tells; when that verb is strong,
            # another story's other day makes it an event of its own (nouns such as "the abductors" or "a curfew",
            # and days of other clauses, split nothing)
            verbs = [t for t in live if doc[t.i].pos_ in ("VERB", "AUX") and not _participant(doc[t.i], self.lex)]
            own_day = self._day(article, cleaned, doc, sent, verbs[0].i) if verbs else None  # the story's day
            day = own_day if verbs and verbs[0].strength >= UPGRADE_MIN_STRENGTH else None
            # a sentence that names another day than a story tells of another event (one per place and day)
            same_day = [st for st in stories if day is None or not st.days or day in st.days]
            target = _continues(mention, same_day, current if current in same_day else None, s_text, places,
                                strength=typed.trigger.strength, victims_only=victims, agent_at=agent_at)
            if target is None:
                current = _Story(mention, [region], set(places), _DATELINE.sub("", lower, count=1))
                if own_day is not None:
                    current.days.add(own_day)
                stories.append(current)
                continue
            if own_day is not None:
                target.days.add(own_day)
            # a sentence that only tells who was hurt, or quotes someone, does not change what the
            # event was, unless it names fighting ("13 soldiers were killed in two days of fighting")
            quiet = (victims and not any(w in lower for w in _BATTLE_TEXT)) or _QUOTED.match(s_text)
            target.mention = _fold(target.mention, mention, strength=0.0 if quiet else typed.trigger.strength)
            target.mention = replace(target.mention, support=target.mention.support + (span,))
            target.places |= places
            _attach(target, region, lower)
            current = target
            dropped.append(Dropped(article.id, span, f"restates or elaborates the {target.mention.sub_event_type} event already coded"))
        for head in heads:
            body = _summarised(head, stories)
            if body is None:  # a line after the body with no closing stop goes on with the story before it
                body = next((st for st in reversed(stories) if st.regions[0][0] < head.regions[0][0]), None)
            if body is None:
                stories.append(head)
                continue
            body.mention = _fold(body.mention, head.mention, strength=0.0)
            if head.regions[0][0] > body.regions[0][0]:
                # a line after the body with no closing stop ("One rioter killed") is the note's own words: its toll counts
                _attach(body, head.regions[0], head.text)
            if not body.headline_bonus:
                body.headline_bonus = True
                m = body.mention
                conf = round(min(MAX_CONFIDENCE, m.confidence + HEADLINE_MAIN_BONUS), 3)
                body.mention = replace(m, confidence=conf, decisions=m.decisions + (
                    Decision("confidence", conf, "the headline states it: the report's main event"),))
            dropped.append(Dropped(article.id, head.mention.sentence,
                                   f"headline of the {body.mention.sub_event_type} event told in the body"))
        if label is not None and not stories:
            labelled = self._labelled(article, cleaned, doc, label)
            if labelled is not None:
                stories.append(labelled)
        for story in stories:
            _contest(story, doc)
        mentions = [self._counted(s, cleaned, article) for s in stories]
        if label is not None:
            mentions = [_relabel(m, label) for m in mentions]
        mentions.sort(key=lambda m: m.sentence.start)
        return mentions, dropped

    def _labelled(self, article: Article, cleaned, doc, sub: str) -> _Story | None:
        """The event a note's label names when no sentence states it in event words
        ("Security measures: ... a curfew", "Movement of forces: ... were observed"): coded from the
        first sentence, whose first actor (an armed one first) acts."""
        sent = next((s for s in doc.sents if len(s.text.strip()) >= 12), None)
        if sent is None:
            return None
        actors = find_actors(doc, sent.start, sent.end, self.lex)
        actors = [a for a in actors if a.head not in context.speakers(sent)]
        actor1 = next((a for a in actors if a.armed and a.kind != "site"), None) or next(iter(actors), None)
        if actor1 is None:
            name, inter = _LABEL_ACTORS.get(sub, ("Unidentified Armed Group", 3))
            actor1 = ActorRef(-1, -1, -1, name, inter, "implied", None, f"implied: the actor of a '{sub}' note")
        first = doc[sent.start]
        trig = Trigger(first.i, "other", sub, LABEL_STRENGTH)
        typed = ruled("note-label", actor1, None, trig, f"'{sub}' note", actor1.reason, "", sub=sub)
        span = self._span(cleaned, article, sent.start_char, sent.end_char)
        mention = self._mention(article, cleaned, doc, sent, span, typed, False, True)
        return _Story(mention, [(sent.start_char, sent.end_char)], set(), sent.text.lower())

    def _claimed(self, m: Mention, doc, sent, cleaned, article: Article) -> Mention:
        """A named armed group that claims the event just told ("The Taliban claimed responsibility")
        is its actor1 when the report named no perpetrator (an unidentified armed group)."""
        if m.actor1 is not None and m.actor1.name != UAG:
            return m
        refs = find_actors(doc, sent.start, sent.end, self.lex)
        # a group that is the subject itself before one named inside the subject ("the al Qaeda-linked Al Shabaab
        # group said": Al Shabaab)
        refs.sort(key=lambda a: doc[a.head].dep_ != "nsubj")
        for a in refs:
            tok = _claimant(doc[a.head])
            if a.kind == "named" and a.inter in (2, 3, 4) and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _OWNING_UP:
                actor = self._actor(replace(a, reason=a.reason + "; claimed the event"), doc, cleaned, article)
                return replace(m, actor1=actor, actor2=_other_side(m.actor2, actor), claimed_by=m.claimed_by or actor.name,
                               decisions=m.decisions + (
                    Decision("actor1", actor.name, f"{actor.name} claimed it; no perpetrator was named", actor.span),))
            if a.kind == "named" and a.inter in (2, 3, 4) and _blamed(tok):
                # "Police blamed the OLA, which denied any involvement": the accused group is coded, as ACLED does;
                # its denial of responsibility leaves the event asserted
                actor = self._actor(replace(a, reason=a.reason + "; blamed for the event"), doc, cleaned, article)
                return replace(m, actor1=actor, actor2=_other_side(m.actor2, actor), decisions=m.decisions + (
                    Decision("actor1", actor.name, f"{actor.name} was blamed; no perpetrator was named", actor.span),))
        return m

    def _allies(self, m: Mention, typed, actors: list[ActorRef], doc, cleaned, article: Article) -> Mention:
        """assoc_actor_1/2: actors conjoined with actor1 or actor2 ("the Syrian army and allied
        militias", "soldiers backed by Russian jets")."""
        if doc[typed.trigger.i].lemma_.lower() in _RECIPROCAL:
            return m  # "farmers and herders clashed": the conjoined party is the other side
        out = []
        for main in (typed.actor1, typed.actor2):
            allies = []
            if main is not None and main.start >= 0:
                for a in actors:
                    if a is main or a.start < 0 or a.name == main.name or a in (typed.actor1, typed.actor2):
                        continue
                    if (a.inter == main.inter or a.armed and main.armed) and _allied(doc[a.head], doc[main.head]):
                        allies.append(self._actor(replace(a, reason=a.reason + f"; allied with {main.name}"),
                                                  doc, cleaned, article))
            out.append(tuple(allies))
        if not out[0] and not out[1]:
            return m
        decisions = m.decisions + tuple(Decision(f, "; ".join(x.name for x in allies), f"conjoined with or backing {role}")
                                        for f, allies, role in (("assoc_actor_1", out[0], "actor1"),
                                                                ("assoc_actor_2", out[1], "actor2")) if allies)
        return replace(m, assoc_actor_1=out[0], assoc_actor_2=out[1], decisions=decisions)

    def _counted(self, story: _Story, cleaned, article: Article) -> Mention:
        """The story's counts read over all its sentences, so that a later coding statement or
        revision overrides the first sentence's figure (see extract.counts)."""
        m = story.mention
        counts = _counts_over(cleaned.text, story.regions)
        counts = _counts_to_original(counts, cleaned, article)
        if m.sub_event_type == "Other" and m.trigger is not None and "grave" in m.trigger.text.lower():
            counts = replace(counts, fatalities=0, fatalities_low=0, fatalities_high=0,
                             reason="fatalities: 0, the dead of a mass grave were killed before it was found")
        if m.sub_event_type == "Peaceful protest" and counts.fatalities:
            # a protest no one was hurt at: the deaths it tells are what it is about ("marched after a colleague was killed")
            counts = replace(counts, fatalities=0, fatalities_low=0, fatalities_high=0,
                             reason=counts.reason + "; fatalities: 0, deaths told at a peaceful protest are its cause")
        if m.sub_event_type == "Protest with intervention" and counts.fatalities and m.actor2 is not None \
                and m.actor2.inter == 1:
            # ACLED's order for excessive force: the force first, the protesters second
            m = retype(m, "protest-deaths", f"{counts.fatalities} killed where {m.actor2.name} intervened",
                       actor1=m.actor2, actor2=m.actor1)
        decisions = tuple(d for d in m.decisions if d.field != "counts")
        if counts.reason:
            decisions += (Decision("counts", counts.fatalities, counts.reason),)
        return replace(m, counts=counts, decisions=decisions)

    # ------------------------------------------------------------------ building a mention

    def _span(self, cleaned, article: Article, start: int, end: int) -> Span:
        o_start, o_end = cleaned.span_to_original(start, end)
        return _stripped(article.text, o_start, o_end)

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
        counts = _counts_in(cleaned.text, sent.start_char, sent.end_char)
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


# the opening of a report read for its kind of story (about the headline and first sentence)
ARTICLE_OPENING_CHARS = 400
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_ARMED_KINDS = frozenset({"named", "military", "police", "uag", "rebel", "militant", "communal", "ethnic", "site"})
# weapon words that also name accidents ("a gas explosion"): not enough to make a report political
_BATTLE_TEXT = frozenset({"clashed", "clash", "clashes", "fought", "fighting", "battled", "skirmish", "skirmishes",
                          "exchanged fire", "exchange of fire", "gunfight", "firefight"})
_LOOSE_WEAPONS = frozenset({"explosion", "blast", "exploded", "explosive", "explosives"})


_PARTICIPANT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def _participant(tok, lex: Lexicon) -> bool:
    """An event word used as a noun for the people who took part ("the attackers", "the injured"): it fills a
    noun's role in the sentence, whatever tag the tagger gave it."""
    return tok.dep_ in _PARTICIPANT_ROLES and tok.lemma_.lower() in lex.participants


_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "pcomp"})


def _clause_of(tok):
    """The verb that heads the clause a word belongs to (the word itself when it heads one); a participle
    that tells the act's result ("hit Dnipro on Friday, killing three") belongs to the act's clause."""
    steps = 0
    while tok.head.i != tok.i and steps < 12 and not (
            tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS and not (tok.dep_ == "advcl" and tok.tag_ == "VBG")):
        tok, steps = tok.head, steps + 1
    return tok


def _first_line(text: str) -> str | None:
    """The report's first line when it reads as a headline (no closing punctuation)."""
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if line and len(line) < 200 and line[-1] not in ".!?\"'”’)" else None


def _not_political(typed: Typed, actors: list[ActorRef], weapons: dict[str, str], sent_text: str,
                   story_frame: tuple[str, str] | None, *, political_report: bool = True) -> str | None:
    """Why a violent reading is not political violence (None when it may be): a sentence or a
    report about sport, an accident, illness, a natural disaster or fire, a labour dispute, an
    animal or a staged scene, with no armed or political actor taking part (and, unless both the
    sentence and the report read so, no conflict weapon either: "aircraft dropping water" on a
    wildfire). Staged scenes ("a film crew", "blank rounds") stay quiet
    even with "soldiers" in them, unless a named armed group takes part."""
    if story_frame is not None and story_frame[0] == "staged" and not any(
            a.kind == "named" and a.armed for a in actors if a.start >= 0):
        # a film, a drill, a show: nothing in it happened, whatever kind of event it shows
        return f"not political: the report is about a staged scene ('{story_frame[1]}')"
    if typed.sub_event_type in ("Arrests", "Looting/property destruction"):
        # "arrested on drink-driving charges", "a cardiac arrest", "puppies stolen from a farm": ordinary
        # crime and medicine, unless who was held or what for is political or an armed group acts
        found = context.sentence_frame(sent_text)
        armed_group = any(a.kind in ("named", "uag", "militant", "rebel", "military") for a in actors if a.start >= 0)
        if found is not None and found[0] in ("court", "illness", "accident") and not context.political(sent_text) \
                and not armed_group:
            return f"not political: '{found[1]}' ({found[0]})"
        if typed.sub_event_type == "Arrests" and not political_report and not armed_group:
            # "police arrested two people on 14th Street": no political reason, no armed group, in a
            # report that tells of no conflict or politics at all
            return "not political: an arrest in a report with no political or conflict context"
        return None
    if typed.sub_event_type == "Mob violence":
        found = context.sentence_frame(sent_text)
        if found is not None and found[0] in ("court", "nightlife") and not context.political(sent_text):
            # "charged with assault": a case before the courts; "a pub brawl": a night out gone wrong
            return f"not political: '{found[1]}' ({found[0]})"
        if any(a is not None and a.start >= 0 for a in (typed.actor1, typed.actor2)):
            return None  # a crowd that beats a driver after a road accident is still a mob
    elif EVENT_TYPE_OF[typed.sub_event_type] not in _VIOLENT_TYPES:
        return None
    armed = [a for a in actors if a.start >= 0 and a.armed and a.kind in _ARMED_KINDS]
    named = any(a.kind == "named" for a in armed)
    strong_weapon = any(w not in _LOOSE_WEAPONS for w in weapons.values())
    found = context.sentence_frame(sent_text)
    if found is not None:
        kind, words = found
        if (kind == "staged" and not named) or not armed and (not strong_weapon or story_frame is not None):
            return f"not political violence: '{words}' ({kind})"
    if story_frame is not None:
        kind, words = story_frame
        if (kind == "staged" and not named) or not armed and not weapons:
            return f"not political violence: the report is about {kind} ('{words}')"
    return None


def _unfounded(typed: Typed, weapons: dict[str, str]) -> bool:
    """A violent reading with no actor on either side, no weapon and no word of fighting ("The
    injured were taken to hospital"): it states no event of its own. Unnamed sides that
    "clashed" still fought."""
    return EVENT_TYPE_OF[typed.sub_event_type] in _VIOLENT_TYPES and typed.actor1 is None \
        and typed.actor2 is None and not weapons and typed.trigger.text.lower() not in _BATTLE_TEXT \
        and not any(w in typed.trigger.text.lower() for w in ("fire", "clash", "fight"))


def _upgrade(keep: Mention, other: Mention) -> Mention:
    """One event told over several sentences takes the most severe reading that a sentence with
    its own actor states ("residents demonstrated. The demonstrators burned tyres" is a riot)."""
    defender = _defender_of(keep, other)
    if defender is not None:  # "gunmen attacked the prison. Prison guards repelled this attack": a battle
        return retype(keep, "story-defenders", f"a later sentence says '{_word(other)}'", span=other.trigger,
                      actor2=defender, civilian_targeting=False)
    if other.actor1 is None or other.actor1.span is None and not (
            keep.sub_event_type in _DEMO_LADDER[:2] and other.sub_event_type == "Violent demonstration"):
        return keep  # but "residents demonstrated. They barricaded the road": riot words need no named crowd
    if keep.sub_event_type == "Violent demonstration" and other.event_type in ("Protests", "Violence against civilians", "Battles") \
            and other.actor1.inter == 1 or keep.sub_event_type == "Violent demonstration" and other.event_type == "Protests":
        return keep  # force used against rioters: the event stays a riot
    rule_id = "story-more-severe"
    if keep.sub_event_type in _DEMO_LADDER and other.sub_event_type in _DEMO_LADDER:
        if _DEMO_LADDER.index(other.sub_event_type) <= _DEMO_LADDER.index(keep.sub_event_type):
            return keep
    elif keep.sub_event_type in _DEMO_LADDER and other.actor1.inter == 1 and other.event_type in _HARM_TYPES:
        rule_id = "story-lethal-force-at-protest" if other.counts.fatalities else "story-force-at-protest"
        sub = sub_of(rule_id)
        if _DEMO_LADDER.index(sub) <= _DEMO_LADDER.index(keep.sub_event_type):
            return keep
        other = _as(other, rule_id, actor1=keep.actor1, actor2=other.actor1)
    elif keep.sub_event_type in _DEMO_LADDER and other.sub_event_type == "Arrests":
        rule_id = "story-arrests-at-protest"
        other = _as(other, rule_id, actor1=keep.actor1, actor2=other.actor1)
    elif keep.sub_event_type in _DEMO_LADDER[:2] and other.sub_event_type == "Mob violence":
        # "residents demonstrated ... they wounded two policemen": the demonstration turned violent
        rule_id = "story-protest-turned-violent"
        other = _as(other, rule_id, actor1=keep.actor1, actor2=other.actor2)
    elif RANK[other.sub_event_type] >= RANK[keep.sub_event_type] or other.event_type == "Strategic developments":
        return keep
    elif keep.event_type in _HARM_TYPES and other.event_type in _HARM_TYPES and other.event_type != keep.event_type \
            and not _attackers_fell(keep, other):
        # "gunmen attacked a church ... The attackers set off explosives", "... exchanged fire with the police":
        # a later sentence tells more of how it was done; the event stays what its first telling says
        # (armed defenders who fought back are the one exception, above)
        return keep
    elif keep.sub_event_type == "Armed clash" and other.sub_event_type in _IN_BATTLE:
        return keep  # "the clash began when ... mortar rounds landed in a market": explosions inside a battle
    elif keep.event_type == "Violence against civilians" and other.event_type == "Battles" \
            and not _fought(other):
        return keep  # "troops were pursuing the attackers": a pursuit after an attack is no battle
    if other.event_type == keep.event_type and other.sub_event_type not in _DEMO_LADDER:
        a1, a2 = keep.actor1 or other.actor1, keep.actor2 or other.actor2
    else:
        a1, a2 = other.actor1, other.actor2 or keep.actor2
    if other.sub_event_type == "Excessive force against protesters":
        # ACLED's order: the force that fired first, the protesters second
        sides = [a for a in (a1, a2, keep.actor1) if a is not None]
        state = next((a for a in sides if a.inter == 1), None)
        crowd = next((a for a in sides if a.inter == 6), None)
        if state is not None and crowd is not None:
            a1, a2 = state, crowd
    return retype(keep, rule_id, f"a later sentence about the same event says '{_word(other)}'",
                  sub=other.sub_event_type if rule_id == "story-more-severe" else None, span=other.trigger,
                  actor1=a1, actor2=a2, civilian_targeting=other.civilian_targeting)


def _as(m: Mention, rule_id: str, **changes) -> Mention:
    """A later sentence's mention read as the sub-type ``rule_id`` gives (to weigh it against the story)."""
    sub = sub_of(rule_id)
    return replace(m, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, **changes)


def _word(m: Mention) -> str:
    return m.trigger.text if m.trigger else m.sub_event_type


# the next sentence tells that the fight's victims were shot ("Several farmers were wounded by machetes and gunshots")
_HURT_BY_GUNFIRE = re.compile(r"\b(?:wounded|injured|killed|hurt|hit)\s+(?:\w+\s+){0,2}?(?:by|with)\s+(?:[\w-]+\s+){0,4}?"
                              r"(?:gunshots?|bullets?|gunfire|firearms?|shotguns?|rifles?)\b")
_FOUGHT_BACK = re.compile(r"\b(?:repel\w*|repuls\w*|exchang\w+\s+(?:\w+\s+)?(?:fire|gunfire|shots)|fought\s+back|"
                          r"returned\s+fire|fought\s+off)\b", re.I)


_DEATH_WORDS = re.compile(r"\b(?:killed|shot dead|died|dead|neutrali[sz]ed|eliminated)\b", re.I)


def _attackers_fell(keep: Mention, other: Mention) -> bool:
    """A later sentence tells the attackers killed in a fight with armed forces ("the gunmen retreated to a
    building, where they were killed during a standoff with security forces"): the attack became a battle."""
    if other.event_type != "Battles" or keep.actor1 is None or not _DEATH_WORDS.search(other.sentence.text):
        return False
    return any(a is not None and a.name == keep.actor1.name for a in (other.actor1, other.actor2)) and any(
        a is not None and a.inter in (1, 8) for a in (other.actor1, other.actor2))


def _defender_of(keep: Mention, other: Mention):
    """The armed side a later sentence names fighting back against the attackers of an attack just told
    that killed no one ("Prison guards repelled this attack", "They exchanged fire with the Beninese army"),
    else None."""
    if keep.sub_event_type != "Attack" or other.sub_event_type != "Armed clash" or keep.actor1 is None \
            or keep.actor1.inter not in (2, 3, 4) or keep.counts.fatalities or not _FOUGHT_BACK.search(other.sentence.text):
        return None   # (people killed in the attack: the attack is an event of its own, whoever fought later)
    return next((a for a in (other.actor1, other.actor2) if a is not None and a.span is not None
                 and a.inter in (1, 2, 3, 4, 8) and a.name != keep.actor1.name), None)


def _in_a_name(text: str, word: str) -> bool:
    """Every mention of a weapon word is part of a proper name ("the Houston Rockets", "Operation Desert
    Storm"): capitalised after another capitalised word. Of a phrase, its last word decides ("Tuesday's
    Iranian strike" is no name)."""
    hits = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I))
    return bool(hits) and all(m.group(0).split()[-1][:1].isupper() and not m.group(0).isupper()
                              and re.search(r"(?<![\w-])(?!(?:A|An|The|On|In|At|By)\s)[A-Z][a-z.'’]+\s+$", text[:m.start()])
                              for m in hits)


def _damage_at(story: "_Story | None", live: list[Trigger]) -> bool:
    """A sentence with no actor that tells of damage or rioting ("property was destroyed"), after a
    demonstration that was not yet violent."""
    return story is not None and story.mention.sub_event_type in _DEMO_LADDER[:2] \
        and any(t.family in _DAMAGE_FAMILIES for t in live)


def _intervenes_at(story: "_Story | None", live: list[Trigger], actors: list[ActorRef]) -> bool:
    """A sentence with an intervention word and a state force, after a peaceful protest was told."""
    return story is not None and story.mention.sub_event_type == "Peaceful protest" \
        and any(t.family == "intervene" for t in live) and any(a.inter == 1 for a in actors)


def _fought(m: Mention) -> bool:
    """The mention's event word tells a fight or harm done ("clashed", "exchanged fire", "were
    killed in a standoff"), not a pursuit or search after the event ("troops were pursuing")."""
    return not (_PURSUIT.search(m.sentence.text) and not _HARM_WORDS.search(m.sentence.text))


_PURSUIT = re.compile(r"\b(?:pursu|chas|hunt|search|track|comb)\w*", re.I)
_HARM_WORDS = re.compile(r"\b(?:kill|dead|died|clash|fought|fight|fire|exchang|battl|wound|injur|shot|standoff)\w*", re.I)


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
        spans.append(_stripped(article.text, a, b))
    return replace(counts, spans=tuple(spans))


def _stripped(text: str, start: int, end: int) -> Span:
    """A Span of ``text[start:end]`` without leading or trailing whitespace (offsets moved in)."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Span(start + lead, start + lead + len(piece), piece)


def _threat_reason(doc, triggers) -> str:
    t = next(t for t in triggers if t.family == "threat")
    return f"threat or plan: '{doc[t.i].text}'"


def _is_headline(sent, text: str) -> bool:
    """A line with no closing punctuation standing alone (a title or caption)."""
    stripped = sent.text.rstrip()
    if not stripped or stripped[-1] in ".!?\"'”’)":
        return False
    end = sent.start_char + len(stripped)
    if text.startswith("\n", end):
        return True
    # the text's end closes a headline only when the line is its own ("Two killed as police fire on a protest"),
    # not the unpunctuated last sentence of a paragraph ("... Police made arrests and dispersed the crowd")
    before = text[:sent.start_char].rstrip(" \t")
    return end >= len(text.rstrip()) and (not before or before.endswith("\n"))


_DISTINCT = re.compile(r"^\W*(?:in (?:another|a separate|a second|a similar)|separately|elsewhere|meanwhile|also on|"
                       r"on the same day|the same day|a day (?:earlier|later)|earlier|later|in addition)\b", re.I)
# a sentence whose subject points back to the parties just told
_POINTS_BACK = re.compile(r"^\W*(?:they|he|she|the\s+(?:\w+\s+)?(?:attackers|assailants|militants|gunmen|group|"
                          r"fighters|insurgents|soldiers|troops|forces|police|protesters|demonstrators|crowd|mob))\b", re.I)
_QUOTED = re.compile(r"^\s*[\"“‘]")
# a sentence that says outright that it tells another event
_SEPARATE = re.compile(r"^\W*(?:in (?:another|a separate|a second|a similar)|separately|elsewhere|meanwhile)\b", re.I)
# a sentence that counts itself as a further event ("a second device", "another attack")
_EVENT_NOUNS = (r"(?:attacks?|bomb(?:s|ing)?|blasts?|explosions?|devices?|strikes?|air\s?strikes?|raids?|ambush(?:es)?|"
                r"incidents?|clash(?:es)?|protests?|demonstrations?|march(?:es)?|rall(?:y|ies)|shelling|assaults?|"
                r"killings?|shootings?|kidnappings?|abductions?|operations?|offensives?|mines?|ieds?|rockets?|"
                r"missiles?|grenades?|events?|villages?|towns?|locations?|districts?|camps?|checkpoints?|posts?)")
_ANOTHER = re.compile(r"\b(?:another|a (?:second|third|fourth|separate|further))\s+(?:\w+\s+){0,2}?" + _EVENT_NOUNS + r"\b", re.I)
# an ACLED coder's word that a sentence's event is a record of its own ("..., coded separately")
_CODED_APART = re.compile(r"\bcoded\s+(?:separately|as\s+a\s+separate\s+event|in\s+a\s+separate\s+event)\b", re.I)
_HARM_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})
# words by which a sentence points back to the event or actors just told
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|attackers?|assailants?|incident|clash(?:es)?|fighting|"
    r"protests?|protesters|demonstrat\w+|crowd|mob|militants|gunmen|group|perpetrators|suspects?|victims?|operation|"
    r"raid|ambush|explosion|blast|violence|dispute|village|camp|area|city|town|district)\b"
    r"|\b(?:intervened|responded|retaliated|repelled|repulsed|in response|in reaction|dispersed|afterwards|subsequently|"
    r"then|they|he|she|them|him|it)\b", re.I)
# a party's account of what it had done ("the ministry said its forces had neutralised two
# fighters"): the event already told, in its words
_REPORTED_ACCOUNT = re.compile(r"\b(?:said|says|claimed|stated|announced|confirmed)\b[^.;]{0,80}?\bhad\s+[\"“']?(?:\w+ly\s+)?"
                               r"(?:been\s+)?\w+(?:ed|en|t)\b", re.I)
# a group owning up to an event ("claimed responsibility", "claimed the attack")
_CLAIMED = re.compile(r"\bclaim(?:ed|s)?\s+(?:responsibility|the\s+(?:attack|bombing|blast|killing|assault|ambush))"
                      r"|\b(?:took|takes|accepted|accepts|admitted)\s+responsibility|\b(?:blamed|blames|blaming|accused|accuses)\b"
                      r"|\b(?:said|says)\s+(?:[^.;]{0,60}?\bthat\s+)?(?:it|its\s+fighters|its\s+men)\s+(?:had\s+)?(?:carried\s+out|"
                      r"was\s+behind|were\s+behind|staged|conducted|launched|destroyed|attacked|targeted|killed)\b")
def _same_group(a, b) -> bool:
    """The same rebel group or foreign force on both sides (mobs, gangs and communities may fight their like)."""
    return a is not None and b is not None and a.name == b.name and a.inter in (2, 8)


def _other_side(actor2, actor1):
    """actor2 once a claim or blame names actor1: never the same group on both sides."""
    return None if _same_group(actor2, actor1) else actor2


def _claimant(tok):
    """The subject a named group stands in: itself, or the phrase it names the owner or parent of ("the Islamic
    State group's regional affiliate claimed", "a group believed to be linked to the Pakistani Taliban claimed").
    The walk up stops at a clause of its own."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "nsubj" or cur.head is cur:
            return cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("acl", "xcomp", "amod"):
            return tok
        cur = cur.head
    return tok


def _blamed(tok) -> bool:
    """The object of "blamed"/"accused" ("officials blamed the OLA", "blamed the attack on Al Shabaab")."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in ("blame", "accuse"):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ("blame",)


_OWNING_UP = frozenset({"claim", "say", "take", "accept", "admit"})  # "X said it had carried out the attack"
_DAMAGE_FAMILIES = frozenset({"loot", "riot"})
#: remote violence that a battle told before it takes in (ACLED: explosions inside a battle belong to it)
_IN_BATTLE = frozenset({"Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED"})
_DEMO_LADDER = ("Peaceful protest", "Protest with intervention", "Violent demonstration", "Excessive force against protesters")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_STATEMENT_VERBS = frozenset({"say", "tell", "quote", "report", "announce", "state", "condemn", "claim", "add",
                              "statement", "deny", "confirm", "accuse", "blame", "post", "brief", "speak", "warn"})
# "KYIV — ", "MARIB, Yemen — ": where the report was filed, not where its events happened
_DATELINE = re.compile(r"^\s*[^\n—–]{2,40}?\s+[—–-]+\s+")
_PLACE_NOUNS = frozenset({"city", "town", "village", "district", "province", "region", "area", "outskirts", "outskirt", "edge",
                          "suburb", "neighbourhood", "neighborhood", "county", "state", "capital", "port"})
# "northern Iraq" names no other place than Iraq
_COMPASS = re.compile(r"^(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
                      r"|upper|lower|greater)\s+")
_PLACE_PREPS = frozenset({"in", "at", "near", "around", "outside", "inside", "to", "from", "into"})

# ACLED notes of some strategic developments open with a label naming the kind of event
# ("Looting: On 12 February ...", "Movement of forces: ..."); the labels are ACLED's own
# categories, so a label of this list decides the sub-type of the note's main event.
NOTE_LABELS = {
    "looting": "Looting/property destruction",
    "property destruction": "Looting/property destruction",
    "land seizure": "Looting/property destruction",
    "movement of forces": "Change to group/activity",
    "security measures": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "change to group": "Change to group/activity",
    "displacement": "Other",
    "non-violent activity": "Other",
    "other": "Other",
    "strikes": "Other",
    "defusal": "Disrupted weapons use",
    "detonation": "Disrupted weapons use",
    "disrupted weapons use": "Disrupted weapons use",
    "arrests": "Arrests",
    "headquarters established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "agreement": "Agreement",
}
# the actor of a labelled note that names none, by the label's sub-type
_LABEL_ACTORS = {"Other": ("Civilians", 7), "Change to group/activity": ("Unidentified Armed Group", 3),
                 "Looting/property destruction": ("Unidentified Armed Group", 3), "Arrests": ("Police Forces", 1)}
# a label is a coder's own cue, but weaker than an event word (it ranks below any stated event)
LABEL_STRENGTH = 0.5
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{1,40}?)\s*:\s+(?=\S)")


def _note_label(text: str) -> str | None:
    m = _LABEL.match(text)
    return NOTE_LABELS.get(m.group(1).strip().lower()) if m else None


def _relabel(m: Mention, sub: str) -> Mention:
    if m.sub_event_type == sub:
        return m
    a1, a2 = m.actor1, m.actor2
    event_type = EVENT_TYPE_OF[sub]
    if event_type == "Strategic developments" and sub not in ("Arrests",) and a2 is not None and a2.inter == 7 and a1 is None:
        a1, a2 = a2, None
    return retype(m, "note-label", f"'{sub}' note", sub=sub, actor1=a1, actor2=a2,
                  civilian_targeting=False if event_type == "Strategic developments" else m.civilian_targeting)


_RECIPROCAL = frozenset({"clash", "fight", "battle", "exchange", "skirmish", "gunfight", "firefight", "engage"})
_BACKING = frozenset({"back", "support", "assist", "aid", "ally", "accompany", "join", "help"})


def _allied(ally, main) -> bool:
    """``ally`` is conjoined with ``main`` ("X and Y") or backs it ("X, backed by Y")."""
    if ally.dep_ == "conj" and ally.head.i == main.i or main.dep_ == "conj" and main.head.i == ally.i:
        first = main if ally.dep_ == "conj" else ally
        if any(c.dep_ == "cc" and c.lower_ in ("or", "nor", "against") for c in first.children):
            return False  # "JNIM or ISGS militants": either, not both
        return not (first.dep_ == "pobj" and first.head.lower_ in ("between", "among"))  # opponents
    head = ally.head  # "backed by Y": Y <- by <- backed <- X
    if ally.dep_ == "pobj" and head.lower_ in ("by", "with") and head.head.lemma_.lower() in _BACKING:
        return head.head.head.i == main.i
    return False


def _contest(story: _Story, doc) -> None:
    """An event asserted in its first sentence and denied in a later one is disputed."""
    m = story.mention
    if m.stance is not Stance.ASSERTED:
        return
    for start, end in story.regions[1:]:
        span = doc.char_span(start, end, alignment_mode="expand")
        why = context.later_denial(span) if span is not None else None
        if why:
            story.mention = replace(m, stance=Stance.DISPUTED,
                                    decisions=m.decisions + (Decision("stance", Stance.DISPUTED.value, why),))
            return


def _attach(story: _Story, region: tuple[int, int], lower: str) -> None:
    if region not in story.regions:
        story.regions.append(region)
        story.text += " " + lower


def _statement_place(tok, trigger: int | None) -> bool:
    """The place belongs to a statement ("said in Ankara", "the authorities in Kabul said"), not
    to the event: going up the parse it meets a say-verb before the event word or any other verb."""
    if trigger is None:
        return False
    cur = tok
    for _ in range(8):
        if cur.i == trigger:
            return False
        if cur.lemma_.lower() in _STATEMENT_VERBS and cur.pos_ in ("VERB", "AUX", "NOUN"):
            return True
        if cur.pos_ == "VERB" and cur is not tok:
            return False  # "In Nasiriyah, police fired ..., sources said": the place of the verb it hangs on
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _place_words(doc, sent, actors: list[ActorRef], lex: Lexicon, trigger: int | None = None) -> frozenset[str]:
    """Places a sentence names for its event: place entities, and proper nouns after "in", "at",
    "near"...; not the places where a statement about it was made."""
    in_actor = {t for a in actors if a.start >= 0 for t in range(a.start, a.end)}
    out = set()
    for ent in sent.ents:
        if ent.label_ in _PLACE_ENTS and ent.start not in in_actor and not _statement_place(ent.root, trigger):
            out.add(ent.text.lower())
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.i not in in_actor and not _statement_place(tok, trigger) and (
                tok.head.lower_ in _PLACE_PREPS or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _PLACE_NOUNS):
            out.add(tok.text.lower())
    out = {_COMPASS.sub("", w) for w in out}
    return frozenset(w for w in out if w not in lex.countries_by_word and len(w) > 2
                     and w not in lex.weapon_kind and w not in lex.trigger_lemmas)  # "Shells struck ...": no place


def _names(m: Mention) -> set[str]:
    return {a.name.split(" (")[0].split(" of ")[0] for a in (m.actor1, m.actor2) if a is not None and a.span is not None}


def _team(trigger) -> str | None:
    """The words of an event word's subject when they point back to people already told ("the
    team", "they", "the troops"), else None."""
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is None and trigger.dep_ == "conj":
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.pos_ == "PRON" and subj.lower_ in ("they", "it"):
        return subj.text
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in subj.children):
        return " ".join(t.text for t in subj.subtree)
    return None


def _state_actor(m: Mention) -> bool:
    return m.actor1 is not None and m.actor1.inter in (1, 8)


def _other_kind(new: Mention, current: Mention, *, strength: float, own_agent: bool) -> bool:
    """A clearly different kind of event from the one told: a device made safe after violence (by a
    strong event word), or a strike with a named weapon by a party of its own against a target the
    current fight or attack does not have (a missile strike on a city during a battle there)."""
    if new.event_type == current.event_type:
        return False
    if new.sub_event_type == "Disrupted weapons use":
        return strength >= OTHER_KIND_MIN_STRENGTH and current.event_type in _HARM_TYPES
    if not own_agent or new.event_type != "Explosions/Remote violence" or current.event_type not in _HARM_TYPES:
        return False
    told = {a.name for a in (current.actor1, current.actor2) if a is not None}
    return new.actor2 is not None and new.actor2.name not in told


def _identifies(trigger) -> bool:
    """The event word is a noun naming the perpetrators or the event as the subject of "be" ("their
    attackers were members of the militia", "the attack was the third this month"): the sentence
    says who or what, it tells no event of its own."""
    if trigger.pos_ not in ("NOUN", "ADJ") or trigger.dep_ != "nsubj":  # "the dead were a commander and his driver"
        return False
    head = trigger.head
    return head.lemma_.lower() == "be" and not any(c.dep_ in ("acomp",) and c.lower_ in ("underway", "ongoing")
                                                   for c in head.children)


def _victims_only(doc, typed: Typed) -> bool:
    """The sentence's only party is who was hurt: the subject of a passive event word with no
    "by" agent ("Two demonstrators were killed", "One worker was shot and wounded") or of a
    word of dying ("2 persons reportedly died"). Such a sentence tells the toll of an event."""
    a = typed.actor1
    if a is None or a.start < 0:
        return False
    head = doc[a.head]
    b = typed.actor2
    if b is not None and b.start >= 0 and b.name != a.name and not _same_phrase(doc[b.head], head):
        return False  # "they were killed during a standoff with security forces": a party of its own
    if head.dep_ == "nsubjpass" or head.dep_ == "nsubj" and head.head.lemma_.lower() in _DYING:
        return True  # "Two demonstrators were killed", "2 persons reportedly died"
    trig = doc[typed.trigger.i]
    words = [trig] + [c for c in trig.children if c.dep_ == "conj"]
    if trig.dep_ == "conj":
        words.append(trig.head)
    for w in words:  # "Four people including a local teacher were shot"
        for c in w.children:
            if c.dep_ == "nsubjpass" and head in c.subtree:
                return True
    if any(w.lemma_.lower() in _DYING for w in words):
        return True
    if not any(c.dep_ in ("auxpass", "nsubjpass") for w in words for c in w.children):
        return False
    tok = head  # "wounded by the attackers": an agent of the event word itself
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return not ((tok.dep_ == "pobj" and tok.head.lower_ == "by" or tok.dep_ == "agent") and
                (tok.head if tok.dep_ == "pobj" else tok).head in words)


_DYING = frozenset({"die", "perish", "succumb"})


def _same_phrase(a, b) -> bool:
    """Two actor words of one noun phrase ("One civilian APN worker")."""
    return a in b.subtree or b in a.subtree or abs(a.i - b.i) <= 2


def _told_before(new: Mention, story: _Story) -> bool:
    """The sentence's party is one the story has already told of ("farmers attacked a camp ...
    The farmers burned houses"; "... against two policemen. Residents wounded the two policemen")."""
    for a in (new.actor1, new.actor2):
        if a is None or a.span is None:
            continue
        word = a.span.text.split()[-1].lower().strip(".,;:'\"")
        stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if len(stem) > 3 and stem not in _VAGUE_PARTIES and re.search(r"\b" + re.escape(stem), story.text):
            return True
    return False


_VAGUE_PARTIES = frozenset({"people", "person", "group", "member", "force", "unit", "official"})
_DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
# what happens at a violent event as part of it, or right after it: the perpetrators arrested or
# hunted, houses burned or looted, reinforcements deployed, people fleeing
_AFTERMATH = frozenset({"Arrests", "Looting/property destruction", "Change to group/activity", "Other"})


def _part_of(new: Mention, current: Mention) -> bool:
    """The sentence tells part or the aftermath of the event just told, at its place: a response
    to a demonstration (police intervening, firing, arresting; the crowd turning violent), or the
    arrests, destruction or deployments that follow violence."""
    if current.event_type in _DEMONSTRATION_TYPES:
        return new.event_type in _HARM_TYPES or new.event_type in _DEMONSTRATION_TYPES or new.sub_event_type == "Arrests"
    if current.event_type in _HARM_TYPES or current.event_type == "Riots":
        return new.sub_event_type in _AFTERMATH
    return False


def _apart(new: Mention, current: Mention) -> bool:
    """An event ACLED always codes on its own, even when told as part of another: rape or sexual
    assault during a raid."""
    return new.sub_event_type == "Sexual violence" and current.sub_event_type != "Sexual violence"


def _continues(new: Mention, stories: list[_Story], current: _Story | None, sent_text: str,
               places: frozenset[str], *, strength: float = 1.0, victims_only: bool = False,
               agent_at: int | None = None) -> _Story | None:
    """The story this sentence continues, or None when it states an event of its own.

    A restatement of an earlier event (same sub-type and actors, no other place) folds into it.
    At the place of the current story, a sentence is part of it unless it tells other actors
    doing another kind of thing, with no word pointing back to the story, not as part or
    aftermath of it (``_part_of``); a sentence that only tells the victims is always part of it.
    Otherwise a sentence is a new event only when it marks itself as one ("Elsewhere",
    "another attack") or names a place the current story has not named; a new event with no
    actor of its own at a place an earlier story named is more about that story. Some events
    are coded apart whatever the telling (``_apart``).
    """
    if current is None:
        return None
    names = _names(new)
    for story in reversed(stories):
        if story.mention.sub_event_type == new.sub_event_type and names and names <= _names(story.mention) \
                and not places - story.places:
            return story
    new_places = {p for p in places if p not in current.text}
    if _apart(new, current.mention) and (new_places or not _DURING.search(sent_text.lower())):
        return None  # (told as part of the raid, at no place of its own, it stays with the raid: its place and day)
    if _QUOTED.match(sent_text) and not _SEPARATE.match(sent_text.lstrip("\"“‘' ")):
        return current  # a witness's or an official's own words about the story being told
    if new.sub_event_type == "Agreement" and current.mention.event_type in _HARM_TYPES \
            and new.actor1 is not None and new.actor1.span is not None:
        return None  # a truce or deal that ends a fight is an event of its own
    own_agent = new.actor1 is not None and new.actor1.span is not None and not victims_only
    part = not new_places and not _SEPARATE.match(sent_text) and not _ANOTHER.search(sent_text) \
        and (_part_of(new, current.mention) or _told_before(new, current))
    if own_agent and new.event_type != current.mention.event_type and not names & _names(current.mention) \
            and not part and not _points_back(sent_text, agent_at) and not _REPORTED_ACCOUNT.search(sent_text):
        return None  # other actors doing another kind of thing, with no word pointing back
    if _other_kind(new, current.mention, strength=strength, own_agent=own_agent) \
            and not _REPORTED_ACCOUNT.search(sent_text):
        return None
    if part:
        return current
    if new_places and not _DISTINCT.match(sent_text) and not _ANOTHER.search(sent_text) and _POINTS_BACK.match(sent_text) \
            and (not current.places or current.mention.event_type in _DEMONSTRATION_TYPES and _part_of(new, current.mention)):
        # "The demonstrators barricaded a road near Tanguieta": the crowd just told, where it went
        return current  # "JNIM attacked the town hall. They exchanged fire with the army in Karimama"
    if _DISTINCT.match(sent_text) or _ANOTHER.search(sent_text) or new_places:
        if not own_agent and places:
            for story in reversed(stories):
                if any(p in story.text for p in places):
                    return story
        return None
    return current


def _points_back(sent_text: str, agent_at: int | None) -> bool:
    """Words by which the sentence points back to what was told before it. An object pronoun after
    the sentence's own actor points to that actor ("protesters burned tyres ...; police fired tear
    gas to clear them"), not back."""
    for m in _BACK_REFERENCE.finditer(sent_text):
        if agent_at is not None and m.start() > agent_at and m.group(0).lower() in _PRONOUNS:
            continue
        return True
    return False


_DURING = re.compile(r"\b(?:during|in the course of|in)\s+the\s+(?:\w+\s+)?(?:raid|attack|assault|incursion|fighting|clashes|violence)\b")
# families of events that are no violence: a toll told after them in the sentence is their background
_NON_VIOLENT_MAIN = frozenset({"agree", "arrest", "change", "base", "withdraw"})
_PRONOUNS = frozenset({"them", "him"})  # objects: a subject pronoun ("The Maoists, who say they ...") may point back


def _summarised(head: _Story, stories: list[_Story]) -> _Story | None:
    """The body story a headline summarises: same sub-type at a place it names, else a shared
    place, else the same sub-type, else the same event type, else the same family of events (a
    protest dispersed and a riot)."""
    def shares(story: _Story) -> bool:
        return any(p in story.text for p in head.places)

    sub, etype = head.mention.sub_event_type, head.mention.event_type
    fam = family(etype, sub)
    for test in (lambda s: s.mention.sub_event_type == sub and shares(s), shares,
                 lambda s: s.mention.sub_event_type == sub, lambda s: s.mention.event_type == etype,
                 lambda s: family(s.mention.event_type, s.mention.sub_event_type) == fam):
        found = next((s for s in stories if test(s)), None)
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=256)
def _counts_in(text: str, start: int, end: int) -> Counts:
    """parse_counts, remembered: a one-sentence story's counts are read again over the same sentence."""
    return parse_counts(text, start, end)


def _counts_over(text: str, regions: list[tuple[int, int]]) -> Counts:
    """parse_counts over several sentences of ``text``: contiguous runs are read in place; others
    are joined and the offsets mapped back."""
    regions = sorted(regions)
    if all(not text[a[1]:b[0]].strip() for a, b in zip(regions, regions[1:])):
        return _counts_in(text, regions[0][0], regions[-1][1])
    pieces, starts, at = [], [], 0
    for a, b in regions:
        starts.append((at, a))
        pieces.append(text[a:b])
        at += b - a + 1
    joined = " ".join(pieces)
    counts = parse_counts(joined, 0, len(joined))

    def back(pos: int) -> int:
        base = max((s for s in starts if s[0] <= pos), key=lambda s: s[0])
        return base[1] + pos - base[0]

    spans = tuple(Span(back(s.start), back(s.start) + (s.end - s.start), s.text) for s in counts.spans)
    return replace(counts, spans=spans)


def _fold(old: Mention, new: Mention, *, strength: float) -> Mention:
    """The story's mention after a later sentence about it: a strong event word with its own
    actor may make the reading more severe (``_upgrade``); actors and claims fill gaps."""
    # a device made safe stays so: later words of violence are about something else
    # state forces acting at a demonstration ("Police fired tear gas") move it up the protest ladder
    # whatever the strength of their event word
    responds = old.sub_event_type in _DEMO_LADDER and new.actor1 is not None and new.actor1.span is not None \
        and new.actor1.inter == 1 and strength > 0
    upgrade = (strength >= UPGRADE_MIN_STRENGTH or responds) and old.sub_event_type != "Disrupted weapons use" \
        and not _apart(new, old)  # rape told as part of a raid does not make the raid a rape
    keep = _upgrade(old, new) if upgrade else old
    actor1 = keep.actor1 or new.actor1
    if keep.actor1 is not None and keep.actor1.span is None and new.actor1 is not None and new.actor1.span is not None \
            and new.actor1.inter in (1, 2, 3, 4, 8) and keep.event_type == new.event_type:
        actor1 = new.actor1  # "Al Shabaab said its fighters carried out the attack": the attackers named later
    return replace(
        keep,
        actor1=actor1,
        actor2=keep.actor2 or (None if new.actor2 is None or new.actor2 == keep.actor1
                               or _same_group(new.actor2, actor1) else new.actor2),
        claimed_by=keep.claimed_by or new.claimed_by,
        confidence=max(keep.confidence, new.confidence),
    )
