"""Tests on one sentence of a report: is its violent reading political at all, is it a headline,
does it only say who the perpetrators or victims were, which places does it name, which group
claims or is blamed, whose allies are named, and what a note's label says it is."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import lexicon as lex
from ..models import Mention
from ..taxonomy import EVENT_TYPE_OF
from . import context
from .actors import ActorRef
from .conventions import Typed
from ..lexicon.tables import Lexicon

CLAIMANT_WALK_DEPS = lex.entries("claimant_walk_deps")
STATEMENT_WORD_TAGS = lex.entries("statement_word_tags")
_VERB_POS = lex.words("verb_pos")
_PASSIVE_MARKER_DEPS = lex.words("passive_marker_deps")

ORDINARY_CRIME_FRAMES = lex.entries("ordinary_crime_frames")
ARMED_GROUP_KINDS = lex.entries("armed_group_kinds")
TOLD_BEFORE_DETERMINERS = lex.entries("told_before_determiners")
FIGHT_WORD_STEMS = lex.entries("fight_word_stems")
NOT_ALLIED_CONJUNCTIONS = lex.entries("not_allied_conjunctions")


VIOLENT_TYPES = lex.words("violent_event_types")


ARMED_KINDS = lex.words("armed_actor_kinds")


# weapon words that also name accidents ("a gas explosion"): not enough to make a report political
BATTLE_TEXT = lex.words("sentence_fighting_words")


LOOSE_WEAPONS = lex.words("accident_weapon_words")


PARTICIPANT_ROLES = lex.words("participant_noun_deps")


#: people an event participle may describe ("kidnapped victims", "abducted schoolgirls")
DESCRIBED_PEOPLE = lex.words("seized_persons")


def describes_people(tok) -> bool:
    """An event participle that only describes the people it modifies ("15 kidnapped victims", "abducted
    schoolgirls"), not an act of the sentence ("barricaded roads" tells the barricading)."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in DESCRIBED_PEOPLE


def participant(tok, lex: Lexicon) -> bool:
    """An event word used as a noun for the people who took part ("the attackers", "the injured"): it fills a
    noun's role in the sentence, whatever tag the tagger gave it."""
    return tok.dep_ in PARTICIPANT_ROLES and tok.lemma_.lower() in lex.participants


CLAUSE_DEPS = lex.words("clause_head_deps")


def clause_of(tok):
    """The verb that heads the clause a word belongs to (the word itself when it heads one); a participle
    that tells the act's result ("hit Dnipro on Friday, killing three") belongs to the act's clause."""
    steps = 0
    while tok.head.i != tok.i and steps < 12 and not (
            tok.pos_ in _VERB_POS and tok.dep_ in CLAUSE_DEPS and not (tok.dep_ == "advcl" and tok.tag_ == "VBG")):
        tok, steps = tok.head, steps + 1
    return tok


def first_line(text: str) -> str | None:
    """The report's first line when it reads as a headline (no closing punctuation)."""
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if line and len(line) < 200 and line[-1] not in ".!?\"'”’)" else None


def not_political(typed: Typed, actors: list[ActorRef], weapons: dict[str, str], sent_text: str,
                   story_frame: tuple[str, str] | None, *, political_report: bool = True,
                   continuing: bool = False) -> str | None:
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
        armed_group = any(a.kind in ARMED_GROUP_KINDS for a in actors if a.start >= 0)
        if found is not None and found[0] in ORDINARY_CRIME_FRAMES and not context.political(sent_text) \
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
    elif EVENT_TYPE_OF[typed.sub_event_type] not in VIOLENT_TYPES:
        return None
    armed = [a for a in actors if a.start >= 0 and a.armed and a.kind in ARMED_KINDS]
    named = any(a.kind == "named" for a in armed)
    strong_weapon = any(w not in LOOSE_WEAPONS for w in weapons.values())
    found = None if continuing else context.sentence_frame(sent_text)   # (the told event's setting: no frame)
    if found is not None:
        kind, words = found
        if (kind == "staged" and not named) or not armed and (not strong_weapon or story_frame is not None):
            return f"not political violence: '{words}' ({kind})"
    if story_frame is not None:
        kind, words = story_frame
        if (kind == "staged" and not named) or not armed and not weapons:
            return f"not political violence: the report is about {kind} ('{words}')"
    return None


def unfounded(typed: Typed, weapons: dict[str, str]) -> bool:
    """A violent reading with no actor on either side, no weapon and no word of fighting ("The
    injured were taken to hospital"): it states no event of its own. Unnamed sides that
    "clashed" still fought."""
    return EVENT_TYPE_OF[typed.sub_event_type] in VIOLENT_TYPES and typed.actor1 is None \
        and typed.actor2 is None and not weapons and typed.trigger.text.lower() not in BATTLE_TEXT \
        and not any(w in typed.trigger.text.lower() for w in FIGHT_WORD_STEMS)


# the next sentence tells that the fight's victims were shot ("Several farmers were wounded by machetes and gunshots")
HURT_BY_GUNFIRE = re.compile(r"\b(?:" + lex.alternation("gunshot_wound_verbs") + r")\s+(?:\w+\s+){0,2}?(?:by|with)\s+(?:[\w-]+\s+){0,4}?(?:" + lex.alternation("gunshot_wound_words") + r")\b")


def in_a_name(text: str, word: str) -> bool:
    """Every mention of a weapon word is part of a proper name ("the Houston Rockets", "Operation Desert
    Storm"): capitalised after another capitalised word. Of a phrase, its last word decides ("Tuesday's
    Iranian strike" is no name)."""
    hits = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I))
    return bool(hits) and all(m.group(0).split()[-1][:1].isupper() and not m.group(0).isupper()
                              and re.search(r"(?<![\w-])(?!(?:A|An|The|On|In|At|By)\s)[A-Z][a-z.'’]+\s+$", text[:m.start()])
                              for m in hits)


def militants_as_group(actors: list[ActorRef], group: ActorRef | None) -> tuple[list[ActorRef], ActorRef | None]:
    """Generic "militants"/"jihadists" are the named non-state group of the sentence or article."""
    named = next((a for a in actors if a.kind == "named" and a.inter in (2, 3)), None)
    group = named or group
    if group is None:
        return actors, None
    out = [replace(a, name=group.name, inter=group.inter, kind="named", country=group.country,
                   reason=a.reason + f"; the group named in the report: {group.name}")
           if a.kind == "militant" else a for a in actors]
    return out, group


def threat_reason(doc, triggers) -> str:
    t = next(t for t in triggers if t.family == "threat")
    return f"threat or plan: '{doc[t.i].text}'"


def is_headline(sent, text: str) -> bool:
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


# an ACLED coder's word that a sentence's event is a record of its own ("..., coded separately")
CODED_APART = re.compile(r"\bcoded\s+(?:" + lex.alternation("coded_apart_phrases") + r")\b", re.I)


# a group owning up to an event ("claimed responsibility", "claimed the attack")
CLAIMED = re.compile(lex.alternation("owning_up_patterns"))


def same_group(a, b) -> bool:
    """The same rebel group or foreign force on both sides (mobs, gangs and communities may fight their like)."""
    return a is not None and b is not None and a.name == b.name and a.inter in (2, 8)


def other_side(actor2, actor1):
    """actor2 once a claim or blame names actor1: never the same group on both sides."""
    return None if same_group(actor2, actor1) else actor2


def claimant(tok):
    """The subject a named group stands in: itself, or the phrase it names the owner or parent of ("the Islamic
    State group's regional affiliate claimed", "a group believed to be linked to the Pakistani Taliban claimed").
    The walk up stops at a clause of its own."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "nsubj" or cur.head is cur:
            return cur
        if cur.pos_ in _VERB_POS and cur.dep_ not in CLAIMANT_WALK_DEPS:
            return tok
        cur = cur.head
    return tok


def blamed(tok) -> bool:
    """The object of "blamed"/"accused" ("officials blamed the OLA", "blamed the attack on Al Shabaab")."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in ("blame", "accuse"):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ("blame",)


OWNING_UP = lex.words("owning_up_lemmas")  # "X said it had carried out the attack"


PLACE_ENTS = lex.words("story_place_entity_labels")
#: entity labels of sites inside a place (FAC): a square, a ministry, a checkpoint
SITE_ENTS = lex.words("event_place_entity_labels") - PLACE_ENTS


STATEMENT_VERBS = lex.words("statement_place_verbs")


PLACE_NOUNS = lex.words("event_place_nouns")


# "northern Iraq" names no other place than Iraq
COMPASS = re.compile(r"^(?:" + lex.alternation("event_place_compass_words") + r")\s+")


PLACE_PREPS = lex.words("event_place_preps")


# ACLED notes of some strategic developments open with a label naming the kind of event
# ("Looting: On 12 February ...", "Movement of forces: ..."); the labels are ACLED's own
# categories, so a label of this list decides the sub-type of the note's main event.
NOTE_LABELS = lex.mapping("acled_note_labels")


# the actor of a labelled note that names none, by the label's sub-type
LABEL_ACTORS = {"Other": ("Civilians", 7), "Change to group/activity": ("Unidentified Armed Group", 3),
                 "Looting/property destruction": ("Unidentified Armed Group", 3), "Arrests": ("Police Forces", 1)}


# a label is a coder's own cue, but weaker than an event word (it ranks below any stated event)
LABEL_STRENGTH = 0.5


LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{1,40}?)\s*:\s+(?=\S)")


def note_label(text: str) -> str | None:
    m = LABEL.match(text)
    return NOTE_LABELS.get(m.group(1).strip().lower()) if m else None


RECIPROCAL = lex.words("reciprocal_event_lemmas")


BACKING = lex.words("backing_lemmas")


def allied(ally, main) -> bool:
    """``ally`` is conjoined with ``main`` ("X and Y") or backs it ("X, backed by Y")."""
    if ally.dep_ == "conj" and ally.head.i == main.i or main.dep_ == "conj" and main.head.i == ally.i:
        first = main if ally.dep_ == "conj" else ally
        if any(c.dep_ == "cc" and c.lower_ in NOT_ALLIED_CONJUNCTIONS for c in first.children):
            return False  # "JNIM or ISGS militants": either, not both
        return not (first.dep_ == "pobj" and first.head.lower_ in ("between", "among"))  # opponents
    head = ally.head  # "backed by Y": Y <- by <- backed <- X
    if ally.dep_ == "pobj" and head.lower_ in ("by", "with") and head.head.lemma_.lower() in BACKING:
        return head.head.head.i == main.i
    return False


def statement_place(tok, trigger: int | None) -> bool:
    """The place belongs to a statement ("said in Ankara", "the authorities in Kabul said"), not
    to the event: going up the parse it meets a say-verb before the event word or any other verb."""
    if trigger is None:
        return False
    cur = tok
    for _ in range(8):
        if cur.i == trigger:
            return False
        if cur.lemma_.lower() in STATEMENT_VERBS and cur.pos_ in STATEMENT_WORD_TAGS:
            return True
        if cur.pos_ == "VERB" and cur is not tok:
            return False  # "In Nasiriyah, police fired ..., sources said": the place of the verb it hangs on
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def place_words(doc, sent, actors: list[ActorRef], lex: Lexicon, trigger: int | None = None) -> frozenset[str]:
    """Places a sentence names for its event: place entities, and proper nouns after "in", "at",
    "near"...; not the places where a statement about it was made."""
    in_actor = {t for a in actors if a.start >= 0 for t in range(a.start, a.end)}
    in_actor |= _naming_another_event(sent, lex)
    out = set()
    for ent in sent.ents:
        if ent.label_ in PLACE_ENTS and ent.start not in in_actor and not statement_place(ent.root, trigger):
            out.add(ent.text.lower())
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.i not in in_actor and tok.ent_type_ not in SITE_ENTS \
                and not statement_place(tok, trigger) and (
                tok.head.lower_ in PLACE_PREPS or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS):
            out.add(tok.text.lower())
    out = {COMPASS.sub("", w) for w in out}
    return frozenset(w for w in out if w not in lex.countries_by_word and len(w) > 2
                     and w not in lex.weapon_kind and w not in lex.trigger_lemmas)  # "Shells struck ...": no place


#: prepositions by which a sentence dates its event by another ("hours before the Mastung bombing")
TIME_ANCHOR_PREPOSITIONS = lex.words("time_anchor_prepositions")
_EVENT_NOUN = re.compile(lex.alternation("countable_event_nouns"))


def _naming_another_event(sent, lex: Lexicon) -> set[int]:
    """Tokens of the place words that name another event by which the sentence dates its own ("Hours before
    the Mastung bombing, a bomb exploded in Bannu"): that event's place, not this one's."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in TIME_ANCHOR_PREPOSITIONS and (
                tok.lemma_.lower() in lex.trigger_lemmas or _EVENT_NOUN.fullmatch(tok.lower_)):
            out.update(c.i for c in tok.lefts if c.pos_ == "PROPN" for c in c.subtree)
    return out


def team_words(trigger) -> str | None:
    """The words of an event word's subject when they point back to people already told ("the
    team", "they", "the troops"), else None."""
    subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subj is None and trigger.dep_ == "conj":
        subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.pos_ == "PRON" and subj.lower_ in ("they", "it"):
        return subj.text
    if any(c.dep_ == "det" and c.lower_ in TOLD_BEFORE_DETERMINERS for c in subj.children):
        return " ".join(t.text for t in subj.subtree)
    return None


def state_actor(m: Mention) -> bool:
    return m.actor1 is not None and m.actor1.inter in (1, 8)


def identifies(trigger) -> bool:
    """The event word is a noun naming the perpetrators or the event as the subject of "be" ("their
    attackers were members of the militia", "the attack was the third this month"): the sentence
    says who or what, it tells no event of its own."""
    if trigger.pos_ not in ("NOUN", "ADJ") or trigger.dep_ != "nsubj":  # "the dead were a commander and his driver"
        return False
    head = trigger.head
    return head.lemma_.lower() == "be" and not any(c.dep_ in ("acomp",) and c.lower_ in ("underway", "ongoing")
                                                   for c in head.children)


def tells_victims_only(doc, typed: Typed) -> bool:
    """The sentence's only party is who was hurt: the subject of a passive event word with no
    "by" agent ("Two demonstrators were killed", "One worker was shot and wounded") or of a
    word of dying ("2 persons reportedly died"). Such a sentence tells the toll of an event."""
    a = typed.actor1
    if a is None or a.start < 0:
        return False
    head = doc[a.head]
    b = typed.actor2
    if b is not None and b.start >= 0 and b.name != a.name and not same_phrase(doc[b.head], head):
        return False  # "they were killed during a standoff with security forces": a party of its own
    if head.dep_ == "nsubjpass" or head.dep_ == "nsubj" and head.head.lemma_.lower() in DYING:
        return True  # "Two demonstrators were killed", "2 persons reportedly died"
    trig = doc[typed.trigger.i]
    words = [trig] + [c for c in trig.children if c.dep_ == "conj"]
    if trig.dep_ == "conj":
        words.append(trig.head)
    for w in words:  # "Four people including a local teacher were shot"
        for c in w.children:
            if c.dep_ == "nsubjpass" and head in c.subtree:
                return True
    if any(w.lemma_.lower() in DYING for w in words):
        return True
    if not any(c.dep_ in _PASSIVE_MARKER_DEPS for w in words for c in w.children):
        return False
    tok = head  # "wounded by the attackers": an agent of the event word itself
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return not ((tok.dep_ == "pobj" and tok.head.lower_ == "by" or tok.dep_ == "agent") and
                (tok.head if tok.dep_ == "pobj" else tok).head in words)


DYING = lex.words("victim_dying_lemmas")


def same_phrase(a, b) -> bool:
    """Two actor words of one noun phrase ("One civilian APN worker")."""
    return a in b.subtree or b in a.subtree or abs(a.i - b.i) <= 2


# families of events that are no violence: a toll told after them in the sentence is their background
NON_VIOLENT_MAIN = lex.words("non_violent_main_families")
