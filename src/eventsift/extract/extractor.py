"""Sentences in, typed event mentions out.

For each sentence: find event words and actor phrases, drop what is not a real event (threats,
plans, hypotheticals, negations, cumulative tolls, background, bare statements), type the rest
with ACLED's conventions (conventions.py, subtype.py), read who claims it, count victims, and score confidence.
A later sentence that only restates or elaborates an event already coded in the article (same
sub-type and no new actor, or casualties with no actor of their own) is folded into it.
"""
from __future__ import annotations

import functools
import logging
from bisect import bisect_left, bisect_right
from dataclasses import fields, replace
from typing import Callable

from .. import lexicon as lex
from ..models import Actor, Article, Counts, Decision, Dropped, Mention, Span, Stance
from ..taxonomy import EVENT_TYPE_OF, RANK
from . import context
from .actors import RIOTERS, UAG, ActorRef, find_actors
from .conventions import Typed, retype, rule, typed as ruled
from .counts import parse_counts
from ..lexicon.tables import Lexicon, load
from .rules import Trigger, find_triggers, weapon_kinds
from .sentence import (
    BATTLE_TEXT, CLAIMED, CODED_APART, HURT_BY_GUNFIRE, LABEL_ACTORS, LABEL_STRENGTH, NON_VIOLENT_MAIN, OWNING_UP,
    RECIPROCAL, allied, blamed, claimant, clause_of, describes_people, first_line, identifies, in_a_name, is_headline,
    militants_as_group, note_label, other_side, participant, place_words, state_actor, team_words,
    tells_victims_only, threat_reason, unfounded,
)
from .story import (
    DAMAGE_FAMILIES, DATELINE, QUOTED, UPGRADE_MIN_STRENGTH, Story, attach, contest, continues, damage_at, fold,
    intervenes_at, relabel, summarised, tells_the_event,
)
from .subtype import decide

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
MAX_CONFIDENCE = 0.95

_STRATEGIC_NEEDS_ACTOR = lex.words("strategic_sub_types_needing_actor")
_VERB_POS = lex.words("verb_pos")


class Extractor:
    """Loads the lexicons once; ``extract`` is cheap afterwards."""

    def __init__(self, *, lexicon: Lexicon | None = None, dater: Callable | None = None,
                 second_opinion: Callable[[Mention], Mention] | None = None) -> None:
        self.lex = lexicon or load()
        # the matching components' span groups (eventsift.nlp.factories) were found with the default lexicon:
        # they stand for the matchers only when this extractor uses it too
        self.annotated = lexicon is None
        # ``second_opinion(mention)`` -> mention: a trained sub-type model (classify.Reranker.rerank), asked once the
        # rules have decided a mention's reading; it may choose another sub-type of the same event type where the
        # rules are unsure, and records why. Without it the rules' reading stands.
        self.second_opinion = second_opinion
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
        if words is None or clause_of(words.root).i != clause_of(doc[trigger]).i:
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
        stories: list[Story] = []
        heads: list[Story] = []
        current: Story | None = None
        group: ActorRef | None = None  # the named armed group the article is about so far
        label = note_label(text)
        story_frame = context.article_frame(article.title or first_line(text), text[:ARTICLE_OPENING_CHARS])
        political_report = context.political(text) is not None  # a conflict or politics word anywhere in it
        sents = list(doc.sents)
        for n_sent, sent in enumerate(sents):
            s_text = sent.text
            if len(s_text.strip()) < 4:
                continue
            headline = is_headline(sent, text)
            region = (sent.start_char, sent.end_char)
            lower = s_text.lower()
            if current is not None and not headline and CLAIMED.search(lower):
                current.mention = self._claimed(current.mention, doc, sent, cleaned, article)
            triggers = self._triggers(doc, sent, lower) if len(s_text) >= 12 else []
            if not triggers:
                if current is not None and not headline:
                    attach(current, region, lower)
                continue
            span = self._span(cleaned, article, sent.start_char, sent.end_char)
            # candidates that are not events
            live = []
            drop_reason = None
            moods = read_modality(doc, sent) if self.annotated else None
            for t in triggers:
                if t.family == "threat":
                    continue
                why = context.modality(doc[t.i]) if moods is None else moods.get(t.i)
                if why is None:
                    live.append(t)
                else:
                    drop_reason = drop_reason or why
            if drop_reason and drop_reason.startswith("background"):
                live = []  # "attacks in the area have forced thousands to flee": all of it is background
            if not live:
                if drop_reason or any(t.family == "threat" for t in triggers):
                    dropped.append(Dropped(article.id, span, drop_reason or threat_reason(doc, triggers)))
                continue
            acts = [t for t in live if not participant(doc[t.i], self.lex) and not describes_people(doc[t.i])]
            if acts and len(acts) < len(live):
                # "villagers beat two suspected kidnappers to death", "troops rescued 15 kidnapped victims": the act,
                # not what its victims once did or suffered
                live = acts
            if all(participant(doc[t.i], self.lex) for t in live):
                # "The injured were airlifted", "the abductors made contact": who took part, no act of its own
                dropped.append(Dropped(article.id, span, f"tells who took part, not an act: '{live[0].text}'"))
                if current is not None and not headline:
                    attach(current, region, lower)
                continue
            main = [doc[t.i].idx - sent.start_char for t in live if t.family in NON_VIOLENT_MAIN
                    and doc[t.i].dep_ in ("ROOT", "dobj") and doc[t.i].sent.root.i in (t.i, doc[t.i].head.i)]
            why = context.cumulative(s_text, min(main) if main else None) or context.background(s_text, article.published, sent)
            toll_at = context.cumulative_start(s_text) if main and why is None else None
            if toll_at is not None:  # the fighting the agreement ended is its background, not an event
                live = [t for t in live if doc[t.i].idx - sent.start_char < toll_at]
            if why is None and CODED_APART.search(s_text):
                why = f"told as another record: '{CODED_APART.search(s_text).group(0)}'"
            if why:
                dropped.append(Dropped(article.id, span, why))
                continue
            actors = self._actors(doc, sent)
            actors, group = militants_as_group(actors, group)
            spoken = context.speakers(sent)
            speaking = [a for a in actors if a.head in spoken]
            all_actors, actors = actors, [a for a in actors if a.head not in spoken]
            weapons = {k: w for k, w in self._weapons(doc, sent, lower).items() if not in_a_name(s_text, w)}
            after = sents[n_sent + 1].text.lower() if n_sent + 1 < len(sents) else ""
            typed = decide(live, actors, doc, weapons, lower, s_text, speakers=speaking,
                           shot_after=bool(HURT_BY_GUNFIRE.search(after)), story_frame=story_frame,
                           political_report=political_report, continuing=tells_the_event(current, s_text))
            no_event = None
            if typed is not None and typed.sub_event_type is None:  # a convention row that finds no event
                if typed.rule == "none-not-political":
                    dropped.append(Dropped(article.id, span, typed.reason))
                    continue
                no_event, typed = typed.reason, None
            if typed is not None and not headline and identifies(doc[typed.trigger.i]):
                dropped.append(Dropped(article.id, span, f"says who the perpetrators were: '{typed.trigger.text}' "
                                                         "is the subject of 'be'"))
                if current is not None:
                    attach(current, region, lower)
                continue
            if typed is not None and unfounded(typed, weapons):
                dropped.append(Dropped(article.id, span, rule("none-unfounded").reason(
                    f"no event of its own: '{typed.trigger.text}' with no actor or weapon")))
                if current is not None and not headline:
                    attach(current, region, lower)
                continue
            if typed is not None and typed.actor1 is None and typed.sub_event_type == "Disrupted weapons use" \
                    and current is not None and team_words(doc[typed.trigger.i]) and state_actor(current.mention):
                a = current.mention.actor1  # "the team found and defused a device": the forces just told
                typed = replace(typed, actor1=ActorRef(-1, -1, -1, a.name, a.inter, "implied", None,
                                                       f"'{team_words(doc[typed.trigger.i])}' refers to {a.name}"))
            if typed is not None and typed.sub_event_type in _STRATEGIC_NEEDS_ACTOR and typed.actor1 is None:
                dropped.append(Dropped(article.id, span, rule("none-statement-no-actor").reason(
                    f"statement: '{typed.trigger.text}' with no actor")))
                typed = None
            elif typed is None and not headline and intervenes_at(current, live, actors):
                # "Traders demonstrated ... Police dispersed them": the protest met an intervention
                state = next(a for a in actors if a.inter == 1)
                m = current.mention
                word = next(t for t in live if t.family == "intervene").text
                current.mention = retype(m, "story-later-intervention", f"a later sentence says {state.name} '{word}'",
                                         actor2=m.actor2 or self._actor(state, doc, cleaned, article))
            elif typed is None and damage_at(current, live):
                # "Prisoners demonstrated ... Chairs were burnt and property destroyed": the protest turned violent
                m = current.mention
                damage = next(t for t in live if t.family in DAMAGE_FAMILIES)
                current.mention = retype(m, "story-later-damage", f"a later sentence says '{damage.text}' of the protest",
                                         actor1=m.actor1 and replace(m.actor1, name=RIOTERS, inter=5))
            elif typed is None:
                dropped.append(Dropped(article.id, span, f"no event: {no_event}" if no_event
                                       else f"no event: '{live[0].text}' with no actor"))
            if typed is None:
                if current is not None and not headline:
                    attach(current, region, lower)
                continue
            places = place_words(doc, sent, all_actors, self.lex, typed.trigger.i)
            lead = current is None and not headline
            mention = self._mention(article, cleaned, doc, sent, span, typed, headline, lead)
            mention = self._allies(mention, typed, actors, doc, cleaned, article)
            if headline:
                names_in = places | {t.lower_ for t in sent if t.pos_ == "PROPN" and len(t) > 2}
                heads.append(Story(mention, [region], set(names_in), lower))
                continue
            victims = tells_victims_only(doc, typed)
            agent_at = doc[typed.actor1.start].idx - sent.start_char if typed.actor1 is not None and typed.actor1.start >= 0 else None
            # the day the sentence's first event verb names in its own clause ("On 4 October, gunmen stormed a school",
            # "an air strike hit a school on 4 October") is the day of the story it tells; when that verb is strong,
            # another story's other day makes it an event of its own (nouns such as "the abductors" or "a curfew",
            # and days of other clauses, split nothing)
            verbs = [t for t in live if doc[t.i].pos_ in _VERB_POS and not participant(doc[t.i], self.lex)]
            own_day = self._day(article, cleaned, doc, sent, verbs[0].i) if verbs else None  # the story's day
            day = own_day if verbs and verbs[0].strength >= UPGRADE_MIN_STRENGTH else None
            # a sentence that names another day than a story tells of another event (one per place and day)
            same_day = [st for st in stories if day is None or not st.days or day in st.days]
            target = continues(mention, same_day, current if current in same_day else None, s_text, places,
                                strength=typed.trigger.strength, victims_only=victims, agent_at=agent_at)
            if target is None:
                current = Story(mention, [region], set(places), DATELINE.sub("", lower, count=1))
                if own_day is not None:
                    current.days.add(own_day)
                stories.append(current)
                continue
            if own_day is not None:
                target.days.add(own_day)
            # a sentence that only tells who was hurt, or quotes someone, does not change what the
            # event was, unless it names fighting ("13 soldiers were killed in two days of fighting")
            quiet = (victims and not any(w in lower for w in BATTLE_TEXT)) or QUOTED.match(s_text)
            target.mention = fold(target.mention, mention, strength=0.0 if quiet else typed.trigger.strength)
            target.mention = replace(target.mention, support=target.mention.support + (span,))
            target.places |= places
            attach(target, region, lower)
            current = target
            dropped.append(Dropped(article.id, span, f"restates or elaborates the {target.mention.sub_event_type} event already coded"))
        for head in heads:
            body = summarised(head, stories)
            if body is None:  # a line after the body with no closing stop goes on with the story before it
                body = next((st for st in reversed(stories) if st.regions[0][0] < head.regions[0][0]), None)
            if body is None:
                stories.append(head)
                continue
            body.mention = fold(body.mention, head.mention, strength=0.0)
            if head.regions[0][0] > body.regions[0][0]:
                # a line after the body with no closing stop ("One rioter killed") is the note's own words: its toll counts
                attach(body, head.regions[0], head.text)
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
            contest(story, doc)
        mentions = [self._counted(s, cleaned, article, doc) for s in stories]
        if label is not None:
            mentions = [relabel(m, label) for m in mentions]
        if self.second_opinion is not None:
            mentions = [self.second_opinion(m) for m in mentions]
        mentions.sort(key=lambda m: m.sentence.start)
        return mentions, dropped

    # ------------------------------------------------------------------ what the matchers found

    def _triggers(self, doc, sent, lower: str) -> list[Trigger]:
        """The sentence's event words: read from the Doc's span group, else found here."""
        found = read_triggers(doc, sent) if self.annotated else None
        return find_triggers(doc, sent.start, sent.end, self.lex, lower, sent.start_char) if found is None else found

    def _weapons(self, doc, sent, lower: str) -> dict[str, str]:
        """The sentence's weapons (kind -> words): read from the Doc's span group, else found here."""
        found = read_weapons(doc, sent) if self.annotated else None
        return weapon_kinds(lower, self.lex) if found is None else found

    def _actors(self, doc, sent) -> list[ActorRef]:
        """The sentence's actor phrases: read from the Doc's span group, else found here."""
        found = read_actors(doc, sent, self.lex) if self.annotated else None
        return find_actors(doc, sent.start, sent.end, self.lex) if found is None else found

    def _read_counts(self, doc, text: str, sent) -> Counts | None:
        """The counts the toll component read in ``sent`` (a whole sentence of ``doc``, a Doc of ``text``), else
        None."""
        if not self.annotated or sent is None or matched(doc, TOLLS) is None or sent.start != sent.sent.start \
                or sent.end != sent.sent.end or doc.text != text:
            return None
        return read_counts(doc, sent)

    def _labelled(self, article: Article, cleaned, doc, sub: str) -> Story | None:
        """The event a note's label names when no sentence states it in event words
        ("Security measures: ... a curfew", "Movement of forces: ... were observed"): coded from the
        first sentence, whose first actor (an armed one first) acts."""
        sent = next((s for s in doc.sents if len(s.text.strip()) >= 12), None)
        if sent is None:
            return None
        actors = self._actors(doc, sent)
        actors = [a for a in actors if a.head not in context.speakers(sent)]
        actor1 = next((a for a in actors if a.armed and a.kind != "site"), None) or next(iter(actors), None)
        if actor1 is None:
            name, inter = LABEL_ACTORS.get(sub, ("Unidentified Armed Group", 3))
            actor1 = ActorRef(-1, -1, -1, name, inter, "implied", None, f"implied: the actor of a '{sub}' note")
        first = doc[sent.start]
        trig = Trigger(first.i, "other", sub, LABEL_STRENGTH)
        typed = ruled("note-label", actor1, None, trig, f"'{sub}' note", actor1.reason, "", sub=sub)
        span = self._span(cleaned, article, sent.start_char, sent.end_char)
        mention = self._mention(article, cleaned, doc, sent, span, typed, False, True)
        return Story(mention, [(sent.start_char, sent.end_char)], set(), sent.text.lower())

    def _claimed(self, m: Mention, doc, sent, cleaned, article: Article) -> Mention:
        """A named armed group that claims the event just told ("The Taliban claimed responsibility")
        is its actor1 when the report named no perpetrator (an unidentified armed group)."""
        if m.actor1 is not None and m.actor1.name != UAG:
            return m
        refs = self._actors(doc, sent)
        # a group that is the subject itself before one named inside the subject ("the al Qaeda-linked Al Shabaab
        # group said": Al Shabaab)
        refs.sort(key=lambda a: doc[a.head].dep_ != "nsubj")
        for a in refs:
            tok = claimant(doc[a.head])
            if a.kind == "named" and a.inter in (2, 3, 4) and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in OWNING_UP:
                actor = self._actor(replace(a, reason=a.reason + "; claimed the event"), doc, cleaned, article)
                return replace(m, actor1=actor, actor2=other_side(m.actor2, actor), claimed_by=m.claimed_by or actor.name,
                               decisions=m.decisions + (
                    Decision("actor1", actor.name, f"{actor.name} claimed it; no perpetrator was named", actor.span),))
            if a.kind == "named" and a.inter in (2, 3, 4) and blamed(tok):
                # "Police blamed the OLA, which denied any involvement": the accused group is coded, as ACLED does;
                # its denial of responsibility leaves the event asserted
                actor = self._actor(replace(a, reason=a.reason + "; blamed for the event"), doc, cleaned, article)
                return replace(m, actor1=actor, actor2=other_side(m.actor2, actor), decisions=m.decisions + (
                    Decision("actor1", actor.name, f"{actor.name} was blamed; no perpetrator was named", actor.span),))
        return m

    def _allies(self, m: Mention, typed, actors: list[ActorRef], doc, cleaned, article: Article) -> Mention:
        """assoc_actor_1/2: actors conjoined with actor1 or actor2 ("the Syrian army and allied
        militias", "soldiers backed by Russian jets")."""
        if doc[typed.trigger.i].lemma_.lower() in RECIPROCAL:
            return m  # "farmers and herders clashed": the conjoined party is the other side
        out = []
        for main in (typed.actor1, typed.actor2):
            allies = []
            if main is not None and main.start >= 0:
                for a in actors:
                    if a is main or a.start < 0 or a.name == main.name or a in (typed.actor1, typed.actor2):
                        continue
                    if (a.inter == main.inter or a.armed and main.armed) and allied(doc[a.head], doc[main.head]):
                        allies.append(self._actor(replace(a, reason=a.reason + f"; allied with {main.name}"),
                                                  doc, cleaned, article))
            out.append(tuple(allies))
        if not out[0] and not out[1]:
            return m
        decisions = m.decisions + tuple(Decision(f, "; ".join(x.name for x in allies), f"conjoined with or backing {role}")
                                        for f, allies, role in (("assoc_actor_1", out[0], "actor1"),
                                                                ("assoc_actor_2", out[1], "actor2")) if allies)
        return replace(m, assoc_actor_1=out[0], assoc_actor_2=out[1], decisions=decisions)

    def _counted(self, story: Story, cleaned, article: Article, doc) -> Mention:
        """The story's counts read over all its sentences, so that a later coding statement or
        revision overrides the first sentence's figure (see extract.counts)."""
        m = story.mention
        counts = None
        if len(story.regions) == 1:  # one sentence: what the toll component read in it, if it did
            counts = self._read_counts(doc, cleaned.text, doc.char_span(*story.regions[0]))
        if counts is None:
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
        counts = self._read_counts(doc, cleaned.text, sent)
        if counts is None:
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


# ------------------------------------------------------------------ reading the matching components' span group
# The spaCy components of eventsift.nlp.factories run the matchers over each sentence and store what they find in
# ONE span group, ``doc.spans[MATCHES]`` (each group costs the Doc's serialisation two msgpack calls, which is what
# bringing Docs back from nlp.pipe's worker processes is made of). A span is labelled with the name of the component
# that found it; the group's ``attrs`` hold a table per component: FIRST (the group index of its first span; its
# spans are consecutive) and one list per field, one entry per span, field SENT giving the first token of each
# span's sentence (spans are in sentence order). The readers give None when the Doc has no table of the component.

MATCHES = "eventsift_matches"  # the span group of all the matching components
TRIGGERS = "eventsift_triggers"  # event words (the head word), family in field "family"
WEAPONS = "eventsift_weapons"  # weapon words, kind in field "kind"
ACTORS = "eventsift_actors"  # actor phrases, actor name in field "name"
MODALITY = "eventsift_modality"  # event words that state no happened event, the reason in field "why"
TOLLS = "eventsift_tolls"  # a sentence's counts (extract.counts.parse_counts): its count words, one span per sentence
#: what a sentence with no span in the TOLLS table states (parse_counts over no text)
NO_COUNTS = parse_counts("")
SENT = "sent"
FIRST = "first"


def matched(doc, name: str):
    """(the MATCHES span group, component ``name``'s table in its attrs) or None."""
    if MATCHES not in doc.spans:
        return None
    group = doc.spans[MATCHES]
    table = group.attrs.get(name)
    return None if table is None else (group, table)


def annotations(doc, name: str, sent):
    """(span group, the component's table, index of its first row in ``sent``, index after its last) or None;
    row k is span ``group[table[FIRST] + k]``."""
    found = matched(doc, name)
    if found is None:
        return None
    group, table = found
    starts = table[SENT]
    return group, table, bisect_left(starts, sent.start), bisect_right(starts, sent.start)


def read_triggers(doc, sent) -> list[Trigger] | None:
    found = annotations(doc, TRIGGERS, sent)
    if found is None:
        return None
    _, at, a, b = found
    return [Trigger(at["head"][k], at["family"][k], at["text"][k], at["strength"][k]) for k in range(a, b)]


def read_weapons(doc, sent) -> dict[str, str] | None:
    found = annotations(doc, WEAPONS, sent)
    if found is None:
        return None
    _, at, a, b = found
    return {at["kind"][k]: at["word"][k] for k in range(a, b)}


def read_actors(doc, sent, lexicon: Lexicon) -> list[ActorRef] | None:
    found = annotations(doc, ACTORS, sent)
    if found is None:
        return None
    group, at, a, b = found
    out = []
    for k in range(a, b):
        span = group[at[FIRST] + k]
        country = lexicon.countries_by_iso[at["country"][k]] if at["country"][k] is not None else None
        out.append(ActorRef(span.start, span.end, at["head"][k], at["name"][k], at["inter"][k], at["kind"][k],
                            country, at["reason"][k], at["identity"][k]))
    return out


def read_modality(doc, sent) -> dict[int, str] | None:
    """Why each event word of ``sent`` that states no happened event does not (token index -> reason)."""
    found = annotations(doc, MODALITY, sent)
    if found is None:
        return None
    group, at, a, b = found
    return {group[at[FIRST] + k].start: at["why"][k] for k in range(a, b)}


def read_counts(doc, sent) -> Counts | None:
    """The counts stated in ``sent`` (no span: none stated)."""
    found = annotations(doc, TOLLS, sent)
    if found is None:
        return None
    _, at, a, b = found
    if a == b:
        return NO_COUNTS
    values = {f.name: at[f.name][a] for f in fields(Counts) if f.name != "spans"}
    return Counts(**values, spans=tuple(Span(*words) for words in at["spans"][a]))


# the opening of a report read for its kind of story (about the headline and first sentence)
ARTICLE_OPENING_CHARS = 400


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


