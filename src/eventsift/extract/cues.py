"""Cues the sub-type conventions read off the parse: what a protest is about rather than what it
did, a bomb's target, an attempt that failed, violence that only harmed property, a brawl or a
beating with no weapon, a communal group's arms."""
from __future__ import annotations

import re

from .. import lexicon as lex
from .actors import ActorRef
from .rules import PROPERTY, RIOT_WORDS, Trigger, object_lemmas

GATHERING_CLIMB_DEPS = lex.entries("gathering_climb_deps")
VIOLENCE_ARGUMENT_DEPS = lex.entries("violence_argument_deps")

PLACE_ASSAULT_VERBS = lex.entries("place_assault_verbs")
BOMBER_STOPPED_FAMILIES = lex.entries("bomber_stopped_families")
BLADE_WORDS = r"\b(?:" + lex.alternation("beating_blade_words") + r")\b"
CAUSE_CLAUSE_MARKS = lex.entries("cause_clause_marks")
AIMED_AT_PREPS = lex.entries("aimed_at_preps")


_ABOUT = lex.words("protest_topic_preps")


def gathering_hit(doc, gathering, triggers, weapons: dict[str, str]) -> bool:
    """The gathering is where violence struck, not what happened: its word hangs, through a preposition or
    as the object, under a word of violence, or under a verb whose subject or object is one ("an explosion tore
    through a rally", "the bombing at an election rally", "threw a grenade into the march")."""
    violent = {t.i for t in triggers if t.family == "violence"}
    heads = {w.split()[-1] for w in weapons.values()}  # "bombing" of "suicide bombing"

    def hits(t) -> bool:
        return t.i in violent or t.lower_ in heads

    tok, steps = gathering, 0
    while tok.dep_ in GATHERING_CLIMB_DEPS and tok.head is not tok and steps < 4:
        tok, steps = tok.head, steps + 1
        if hits(tok) or any(c.dep_ in VIOLENCE_ARGUMENT_DEPS and hits(c) for c in tok.children):
            return True
    return False


def grievance(tok) -> bool:
    """An event noun that is the object of "against", "over", "of", "following" ...: a protest's
    subject matter or its cause ("protested following the death of a civilian"), not its doing."""
    while tok.dep_ == "conj" and tok.head is not tok:  # "against the seizure of motorbikes and arrests"
        tok = tok.head
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _ABOUT:
        return True
    return tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in _CAUSE_WORDS


def cause_clause(tok, protest_tok) -> bool:
    """The event word sits in a clause that gives the protest's cause ("after a child died", "the
    demonstrators denounced the murder")."""
    if protest_tok in _subjects(tok):
        return False  # "demonstrators against the elections burned a factory": the protesters did it
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ in _REACTION_NOUNS:
        return True  # "the demonstration came in reaction to the arrest of four colleagues"
    if protest_tok.i < tok.i and any(t.lower_ in _CAUSE_MARKS for t in tok.doc[protest_tok.i + 1:tok.i]):
        return True  # "demonstrated after one of their colleagues was killed"
    return _caused_above(tok, protest_tok, objects=True)


def _caused_above(tok, protest_tok, *, objects: bool) -> bool:
    """``tok`` or one of its three nearest heads (below the protest word) opens a clause of cause ("after", "because",
    "since", "following"), or, with ``objects``, is the object of a word of cause ("denounced the murder")."""
    for t in [tok, *list(tok.ancestors)[:3]]:
        if t is protest_tok:
            return False
        if any(c.dep_ == "mark" and c.lower_ in CAUSE_CLAUSE_MARKS for c in t.children):
            return True
        if objects and t.dep_ in ("dobj", "pobj") and t.head.lemma_.lower() in _CAUSE_LEMMAS:
            return True
    return False


_ATTEMPT_LEMMAS = lex.words("failed_attempt_lemmas")


def attempted(tok) -> bool:
    """The word is what someone tried and failed to do: "attempted to kidnap", "an attempted abduction",
    "a foiled kidnapping"."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ATTEMPT_LEMMAS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _ATTEMPT_LEMMAS for c in tok.children)


def protest_cause(tok, protest_tok) -> bool:
    """An arrest or intervention word that tells why people protested ("against 'arbitrary arrests'", "in
    reaction to the arrest of", "after 20 were arrested"), not what was done to the protest. A verb with its
    own subject counts only in a clause of cause ("... against the tax and police arrested five": done to it)."""
    if tok.pos_ == "NOUN":
        return cause_clause(tok, protest_tok)
    return _caused_above(tok, protest_tok, objects=False)


def _subjects(tok) -> set:
    """The tokens of the subject phrases of ``tok`` (or of the verb it is conjoined to)."""
    while tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        tok = tok.head
    return {w for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}


_CAUSE_MARKS = lex.words("protest_cause_marks")


_CAUSE_LEMMAS = lex.words("protest_cause_lemmas")


_REACTION_NOUNS = lex.words("protest_reaction_nouns")


_CAUSE_WORDS = lex.words("protest_cause_heads")


_STREET_LEMMAS = lex.words("street_riot_lemmas")


def street_riot(t: Trigger, doc) -> bool:
    """Rioting in the street (stones, barricades, burning tyres), not vandalism of one place."""
    return doc[t.i].lemma_.lower() in _STREET_LEMMAS or t.text.lower() in RIOT_WORDS or "stone" in t.text.lower()


def bomber_stopped(doc, triggers) -> bool:
    """The suicide bomber is the one shot, killed or arrested ("shot and killed a suicide bomber")."""
    for t in triggers:
        tok = doc[t.i]
        if t.family not in BOMBER_STOPPED_FAMILIES:
            continue
        for c in (c for v in (tok, *tok.conjuncts) for c in v.children):  # "shot and killed a suicide bomber"
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "bomber" and any(
                    g.lower_ == "suicide" for g in c.lefts):
                return True
    return False


def harms_property_only(doc, triggers) -> bool:
    """Animals or things are the only objects of the violence ("soldiers killed 58 oxen")."""
    objects = set()
    for t in triggers:
        if t.family in ("violence", "loot"):
            tok = doc[t.i]
            found = object_lemmas(tok)
            if t.family == "violence":  # "fired at the site director": whom the shots were aimed at
                found |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in AIMED_AT_PREPS
                          for g in c.children if g.dep_ == "pobj"}
            if tok.lemma_.lower() in _ASSAULT_VERBS:
                # "attacked and burned down a Fulani camp": the object the conjoined verbs share
                found |= {o for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for o in object_lemmas(c)}
                if found & _SETTLEMENTS:
                    return False  # "attacked a Fulani camp": the people living there
            objects |= found
    return bool(objects) and objects <= PROPERTY | _THING_WORDS


_ASSAULT_VERBS = lex.words("settlement_assault_verbs")


_SETTLEMENTS = lex.words("inhabited_settlements")


_THING_WORDS = lex.words("property_and_animal_objects")


_HUMAN_WORDS = lex.words("human_object_nouns")


def hurt_ones(tok, demo: ActorRef | None) -> bool:
    """The demonstrators are the ones a casualty word tells of ("12 demonstrators injured"): they were
    hurt, which does not make them violent."""
    if demo is None or demo.head < 0:
        return False
    head = tok.doc[demo.head]
    if tok.head.i == head.i and tok.dep_ in ("amod", "acl"):
        return True  # "12 injured demonstrators", "demonstrators injured by police"
    if head.head.i != tok.i:
        return False
    if head.dep_ in ("dobj", "nsubjpass"):
        return True  # "police wounded 12 demonstrators", "demonstrators were wounded"
    return head.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "obj") for c in tok.children)  # "12 demonstrators injured"


_RAIDED = lex.words("raided_settlements")


_LETHAL = lex.words("lethal_violence_lemmas")


def organised_violence(doc, triggers, firearms: bool) -> str:
    """Violence by a community that ACLED codes as a communal militia's: with firearms, or a raid on a
    camp, hamlet or village ('' when neither). Without these, beatings and brawls by farmers, herders
    or villagers are mob violence."""
    if firearms:
        return "firearms"
    for t in triggers:
        if t.family == "violence" and (object_lemmas(doc[t.i]) | _in_objects(doc[t.i])) & _RAIDED:
            return "a raid on a settlement"
    return ""


def _in_objects(tok) -> set[str]:
    """"attacked civilians in a Fulani camp": the place of an assault word."""
    if tok.lemma_.lower() not in PLACE_ASSAULT_VERBS:
        return set()
    return {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for g in c.children if g.dep_ == "pobj"} - {"village", "compound"}  # "in the village of X" is a place


def lethal(doc, triggers) -> bool:
    return any(t.family == "violence" and doc[t.i].lemma_.lower() in _LETHAL and doc[t.i].pos_ == "VERB" for t in triggers)


_BRAWL_WORDS = lex.words("mob_brawl_words")


_PRIVATE_CAUSE = re.compile(r"\b(?:" + lex.alternation("private_fight_causes") + r")\b")


def brawl_word(doc, triggers, actors, weapons, lower_text: str, firearms: bool) -> Trigger | None:
    """A fight word with no armed actor, no weapon and a private cause or plain people on both
    sides ("fighting broke out between two families over land"): ACLED's mob violence."""
    if weapons or any(a.armed for a in actors) or firearms:
        return None
    fight = next((t for t in triggers if doc[t.i].lemma_.lower() in _BRAWL_WORDS or doc[t.i].lower_ in _BRAWL_WORDS), None)
    if fight is None or not (_PRIVATE_CAUSE.search(lower_text) or any(a.identity for a in actors) or any(
            doc[t.i].lemma_.lower() == "group" for t in triggers) or re.search(r"\bgroups? of\b", lower_text)):
        return None
    return fight


_BEAT_VERBS = lex.words("beating_verbs")


def beating_word(doc, triggers, weapons, lower_text: str, firearms: bool) -> Trigger | None:
    """A beating with no weapon named: what crowds and mobs do, not armed groups."""
    if weapons or firearms or re.search(BLADE_WORDS, lower_text):
        return None
    return next((t for t in triggers if doc[t.i].lemma_.lower() in _BEAT_VERBS and (
        doc[t.i].pos_ == "VERB" or doc[t.i].dep_ == "conj")), None)  # "undressed, beat, and filmed": a verb
