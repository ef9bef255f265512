"""The named features of one sentence's event, computed once per mention: the conventions table
(lexicon/conventions.tsv, applied by ``subtype.classify``) decides the sub-type on these.

``read`` finds who acts and who is acted on (the agent and patient of the event words), the trigger
families, the weapon named, whether sides fought each other, who the victims are and which cues of
arms, deaths or mob justice the sentence holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import lexicon as lex
from .actors import CIVILIANS, ActorRef
from .rules import BATTLE_WORDS, INITIATING, LIGHT_VERBS, VIOLENT, WEAPON_ORDER, Trigger, prep_obj, ref_at, roles, subject_of
from .sides import rename

FIRED_AT_PREPS = lex.entries("fired_at_preps")
SPEAKER_POSSESSIVES = lex.entries("speaker_possessives")
CIVILIAN_VICTIM_LEMMAS = lex.entries("civilian_victim_lemmas")


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """What a sentence says about its event, named for the conventions that test it."""

    triggers: tuple[Trigger, ...]
    families: frozenset[str]  # trigger families (violence, protest, arrest, ...)
    by_token: dict[int, ActorRef]  # token index -> the actor phrase it belongs to
    main_subject: object  # the subject token of the sentence's root, or None
    agent: ActorRef | None  # who acts (actor 1 before any convention renames it)
    patient: ActorRef | None  # who is acted on (the victims or the other side)
    how: str  # how the agent was found
    lead: Trigger  # the event word the agent acts through
    target_names: frozenset[str]  # names of whoever some event word acts on
    speaker: ActorRef | None  # a speaker who says "it"/"its forces" did it
    weapon: str | None  # the first weapon kind named (rules.WEAPON_ORDER)
    battle: bool  # a word of fighting between sides: clash, battle, exchange of fire
    two_sided: bool  # a word of fighting or of agreement: the sides joined by "and" are the two parties
    protesters: bool  # a crowd of protesters is named
    state_agent: bool  # the agent is a state or foreign force
    state_present: bool  # a state force is named
    civilian_victims: bool  # plain people are the objects of an event word
    firearms: bool  # guns, shots, militias or intercommunal fighting are named
    small_arms: bool  # gunfire, rifles, an exchange of fire or an ambush
    air_support: bool  # ground forces backed by aircraft
    blades: bool  # machetes, knives, bows
    mob_justice: bool  # thieves, witchcraft, lynching: a mob's justice
    deaths: bool  # anyone killed or dead
    shot_after: bool  # the next sentence tells that the victims were shot


def read(triggers: list[Trigger], actors: list[ActorRef], doc, weapons: dict[str, str], lower_text: str, *,
         speakers: list[ActorRef] | tuple = (), shot_after: bool = False) -> Features:
    """The features of the event the sentence's ``triggers`` state (see ``subtype.classify``)."""
    by_token = {t: a for a in actors for t in range(a.start, a.end)}
    families = {t.family for t in triggers}
    sent_root = doc[triggers[0].i].sent.root
    main_subject, _ = subject_of(sent_root)
    # agent/patient: first from initiating words, then from the others
    ranked = sorted(triggers, key=lambda t: (doc[t.i].lemma_.lower() not in INITIATING, t.family not in VIOLENT, t.i))
    agent = patient = None
    how = patient_how = ""
    lead = ranked[0]
    targets: list[ActorRef] = []  # whoever some event word acts on: never the perpetrator by default
    for t in ranked:
        a, p, h = roles(t, doc, by_token, main_subject)
        if p is not None and weapons and _owns_weapon(doc[p.head], weapons):
            a, p, h = a or p, None, h if a is not None else "set the weapon"  # "hit a Taliban-planted bomb"
        if agent is None and a is not None:
            agent, how, lead = a, h, t
        if p is not None and p is not a and not _fights(t, doc):
            targets.append(p)
        if patient is None and p is not None and p is not agent:
            patient = p
            patient_how = h
    target_names = {p.name for p in targets}
    speaker = None
    if agent is None and speakers:
        for t in ranked:
            tok = doc[t.i]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
                tok = tok.head  # "X said it carried out the attack"
            subj, passive = subject_of(tok)
            if subj is not None and not passive and _speaker_pronoun(subj):
                agent, how, lead = speakers[0], f"'{subj.text}' refers to the speaker", t
                speaker = agent
                break
    # fall back on word order: an armed actor first, a target after
    if agent is None:
        armed = [a for a in actors if a.armed and a is not patient and a.kind != "site" and a.name not in target_names
                 and not (a.end - a.start == 1 and doc[a.head].dep_ == "compound")]  # "a police vehicle": a thing
        if armed:
            agent, how = armed[0], "first armed actor in the sentence"
        else:  # "a group of youths tied up and beat a man": the phrase before the event word
            first_at = min(t.i for t in triggers)
            before = [a for a in actors if a.end <= first_at and a is not patient and a.kind not in ("site", "criminal")
                      and not (patient is not None and doc[a.head].dep_ == "compound"
                               and doc[a.head].head.i == patient.head)]   # "police" of "police officers were killed"
            if before and patient is not None:
                agent, how = before[0], "the actor before the event word"
    # sides joined by "and" that fight or agree are the two parties
    fought = any(doc[t.i].lemma_.lower() in BATTLE_WORDS or "fire" in t.text or "exchang" in t.text
                 or t.family == "agree" for t in triggers)
    if patient is None:
        rest = [a for a in actors if a is not agent and a.name != (agent.name if agent else None)
                and not (agent is not None and agent.start >= 0 and not fought
                         and _conjoined(doc[a.head], doc[agent.head]))
                and not _subject_elsewhere(doc[a.head], triggers)]
        if rest:
            patient = rest[0]
    if patient is not None and patient.armed and _only_suspected(doc[patient.head]):
        # "police killed a man suspected of being a member of an armed group": the victim is a civilian
        patient = replace(rename(patient, CIVILIANS, 7), kind="civilian", name=CIVILIANS)
    if patient is not None and patient.kind == "protester" and patient_how == "passive" and "protest" not in families:
        patient = replace(rename(patient, CIVILIANS, 7), kind="civilian")  # "a supporter ... was attacked": a victim
    if agent is None and patient is not None and len(actors) == 1 and patient.kind in ("protester", "rioter"):
        agent, patient = patient, None
    if agent is not None and patient is not None and _one_phrase(agent, patient, doc):
        patient = None  # "IS Sahel militants", "unknown individual or individuals": one actor, not two sides
    if patient is not None and patient.kind == "criminal":  # suspects killed by police or a mob
        patient = rename(patient, CIVILIANS, 7)

    battle = any((doc[t.i].lemma_.lower() in BATTLE_WORDS and not _betrothed(doc[t.i])) or "fire" in t.text
                 and not t.text.lower().startswith("set")  # "set fire to granaries": arson, not gunfire
                 and not _fired_at_unarmed(doc[t.i], by_token)
                 for t in triggers)
    return Features(
        triggers=tuple(triggers), families=frozenset(families), by_token=by_token, main_subject=main_subject,
        agent=agent, patient=patient, how=how, lead=lead, target_names=frozenset(target_names), speaker=speaker,
        weapon=next((k for k in WEAPON_ORDER if k in weapons), None), battle=battle, two_sided=fought,
        protesters=any(a.kind == "protester" for a in actors),
        state_agent=agent is not None and agent.inter in (1, 8),
        state_present=any(a.inter == 1 for a in actors),
        civilian_victims=_civilian_victims(doc, triggers),
        firearms=bool(_FIREARM_WORDS.search(lower_text)), small_arms=bool(_SMALL_ARMS.search(lower_text)),
        air_support=bool(_AIR_SUPPORT.search(lower_text)), blades=bool(_BLADES.search(lower_text)),
        mob_justice=bool(_MOB_JUSTICE.search(lower_text)), deaths=bool(_DEATHS.search(lower_text)),
        shot_after=shot_after,
    )


def _fired_at_unarmed(tok, by_token) -> bool:
    """"opened fire on a truck", "fired at a Fulani man": shooting at people or things that are not
    an armed side is no exchange of fire."""
    if tok.lemma_.lower() == "exchange" or any(c.lemma_.lower() == "exchange" for c in (tok, tok.head)):
        return False
    # "opened fire against the buses": the target hangs under the verb, its head, or the "fire" it opened
    for head in (tok, tok.head, *(c for c in tok.children if c.dep_ == "dobj")):
        for obj in prep_obj(head, FIRED_AT_PREPS):
            ref = ref_at(obj, by_token)
            return ref is None or not ref.armed
    return False


def _betrothed(tok) -> bool:
    """"got engaged to": a marriage promise, not a fight."""
    return tok.lemma_.lower() == "engage" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _fights(trig: Trigger, doc) -> bool:
    """A word of fighting between sides ("clashes with", "exchanged fire"): no side is a mere target."""
    return doc[trig.i].lemma_.lower() in BATTLE_WORDS or "fire" in trig.text


def _owns_weapon(tok, weapons: dict[str, str]) -> bool:
    """The actor word hangs on a weapon word ("a Taliban-planted bomb"): it set the weapon."""
    words = {w for text in weapons.values() for w in text.split()}
    return any(a.lower_ in words for a in list(tok.ancestors)[:3])


_SPEAKER_PRONOUNS = lex.words("claiming_speaker_pronouns")


def _speaker_pronoun(subj) -> bool:
    """"it", "they", "we", or a noun owned by one ("its fighters", "our forces")."""
    if subj.pos_ == "PRON":
        return subj.lower_ in _SPEAKER_PRONOUNS
    return any(c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES for c in subj.children)


def _subject_elsewhere(tok, triggers) -> bool:
    """The subject of a time clause whose verb is no event word ("... before UN peacekeepers based
    nearby arrived"): a party of another moment, not the target."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i not in {t.i for t in triggers} \
        and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)


_TIME_MARKS = lex.words("time_clause_marks")


def _only_suspected(tok) -> bool:
    """The actor phrase at ``tok`` only says what someone is suspected or accused of being
    ("a man suspected of being a member of an armed group", "accused of being jihadists")."""
    for a in list(tok.ancestors)[:5]:
        if a.lemma_.lower() == "be" and a.head.lower_ == "of" and a.head.head.lemma_.lower() in ("suspect", "accuse"):
            return True
    return False


def _conjoined(a, b) -> bool:
    """Two actor words joined by "and" ("Malian troops and Russian fighters executed ..."): one side."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _civilian_victims(doc, triggers) -> bool:
    for t in triggers:
        tok = doc[t.i]
        for c in tok.children:
            if c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in CIVILIAN_VICTIM_LEMMAS:
                return True
    return False


_FIREARM_WORDS = re.compile(r"\b(?:" + lex.alternation("firearm_cues") + r")\b")


_SMALL_ARMS = re.compile(r"\b(?:" + lex.alternation("small_arms_cues") + r")\b")


_AIR_SUPPORT = re.compile(r"\b(?:" + lex.alternation("air_support_verbs") + r")\s+by\s+(?:\w+\s+){0,3}?(?:"
                          + lex.alternation("air_support_craft") + r")\b")


_BLADES = re.compile(r"\b(?:" + lex.alternation("blade_weapon_cues") + r")\b")


_MOB_JUSTICE = re.compile(r"\b(?:" + lex.alternation("mob_justice_cues") + r")\b")


_DEATHS = re.compile(r"\b(?:" + lex.alternation("communal_death_cues") + r")\b")


def _one_phrase(a: ActorRef, b: ActorRef, doc) -> bool:
    """Two actor phrases side by side ("IS Sahel militants") or joined by "or" are one actor."""
    if a.start < 0 or b.start < 0:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    gap = [t.lower_ for t in doc[first.end:second.start]]
    if not gap:
        return first.armed and second.armed and (second.kind in ("uag", "militant") or second.name == first.name)
    return gap == ["or"] and first.inter == second.inter
