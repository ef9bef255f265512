"""Typing one sentence the way ACLED's coders do: who did what to whom, and with what.

``find_triggers`` lists event words (lemma lexicon plus phrases); ``roles`` reads agent and patient
off the dependency parse; ``subtype.classify`` picks the sub-event type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as vocab
from .actors import ActorRef
from ..lexicon.tables import Lexicon

# families that state violence between people
VIOLENT = vocab.words("violent_families")
# triggers that start an exchange; "repulse"/"repel" answer one (their agent is the defender)
INITIATING = vocab.words("initiating_triggers")
REACTIVE = vocab.words("reactive_triggers")
# verbs that take an event noun as object and give it their subject ("launched an attack")
LIGHT_VERBS = vocab.words("light_verbs")
BATTLE_WORDS = vocab.words("battle_words")
WEAPON_ORDER = vocab.entries("weapon_kind_subtypes")
WEAPON_SUB = vocab.mapping("weapon_kind_subtypes")
RIOT_WORDS = vocab.words("riot_words")
_PLACE_ENTS = vocab.words("event_place_entity_labels")
PROPERTY = vocab.words("property_objects")
WEAPON_OBJECTS = vocab.words("seized_weapon_objects")
_CONTROL_NOUNS = vocab.words("territory_control_objects")


@dataclass(frozen=True, slots=True)
class Trigger:
    i: int  # token index of the event word
    family: str
    text: str  # the words (lemma or phrase)
    strength: float  # 1 strong, lower for weak cues


_WEAK = vocab.numbers("weak_trigger_strength")
# words of security measures whose actor, when unnamed, is the authorities
SECURITY_MEASURES = vocab.entries("security_measure_words")
_KILL_IF_PEOPLE = vocab.words("kill_if_people_verbs")
_PEOPLE_OBJECTS = vocab.words("people_objects")
#: passive verbs that lend their subject to the verb they govern ("X is believed to have attacked")
_RAISING = vocab.words("raising_verbs")
OPERATIONS = vocab.words("operation_triggers")
_EXCHANGED = vocab.words("exchanged_fire_objects")
_CAPTIVES = vocab.words("exchanged_captive_objects")
_ESTABLISHING = vocab.words("base_establishing_verbs")
_DELIVERING = vocab.words("weapon_delivery_verbs")
_REMAINS = vocab.words("remains_nouns")
_REMAINS_FOUND = vocab.words("remains_finding_lemmas")
_VIOLENT_DEATH = re.compile(r"\b(?:" + vocab.alternation("violent_death_marks") + r")", re.I)
#: the text of the trigger of remains found with marks of a violent death
BODIES_FOUND = "bodies found"
_MONITOR_COUNTING = vocab.words("monitor_counting_lemmas")
#: what monitors count -> the text of the trigger that stands for the count
MONITORED = vocab.mapping("monitored_counts")
_VERBAL_ONLY = vocab.words("verb_only_triggers")
#: words just before the noun "strike" that make it a strike of workers ("on strike", "a general strike")
_LABOUR_STRIKE = vocab.words("labour_strike_cues")
_TAKING = vocab.words("taking_verbs")
#: the stopping of a projectile by air defence ("intercepted", "shot down")
_INTERCEPTING = vocab.words("interception_lemmas")
_NON_TRIGGER_POS = vocab.words("non_trigger_pos")
_HEADLINE_ACTOR_DEPS = vocab.words("headline_actor_deps")
_STREET_PHRASE_DEPS = vocab.words("street_phrase_deps")
_PATIENT_DEPS = vocab.words("patient_deps")
#: verbs after which "under attack" or "under fire" makes the subject the one attacked
_COME_UNDER = vocab.words("come_under_verbs")
#: how found remains stand to the finding verb: its passive subject or its object
_FOUND_DEPS = ("nsubjpass", "dobj")
_SUBJECT_DEPS = vocab.words("subject_deps")
_PASSIVE_MARKER_DEPS = vocab.words("passive_marker_deps")
_ATTRIBUTIVE_DEPS = vocab.words("attributive_deps")
_VERB_POS = vocab.words("verb_pos")


def find_triggers(doc, start: int, end: int, lex: Lexicon, lower_text: str, char0: int) -> list[Trigger]:
    out: list[Trigger] = []
    seen: set[int] = set()
    for m in lex.trigger_phrases.finditer(lower_text):
        phrase = m.group(1)
        tok = doc.char_span(char0 + m.start(1), char0 + m.end(1), alignment_mode="expand")
        if tok is None:
            continue
        head = tok.root
        seen.update(t.i for t in tok)
        if _other_sense(head, head.lemma_.lower(), lex.phrase_family[phrase]) or _describes(head, lex):
            continue  # "busy fighting two apartment fires", "the most effective fighting forces"
        out.append(Trigger(head.i, lex.phrase_family[phrase], phrase, 1.0))
    for tok in doc[start:end]:
        if tok.i in seen:
            continue
        lemma = tok.lemma_.lower()
        if lemma == "exchange" and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _EXCHANGED for c in tok.children):
            out.append(Trigger(tok.i, "violence", f"{tok.text} fire", 1.0))  # "exchanged heavy fire", "... sporadic shots"
            continue
        objects = {c.lemma_.lower() for c in tok.children if c.dep_ in _PATIENT_DEPS} if tok.pos_ == "VERB" else set()
        if lemma in ("exchange", "swap") and objects & _CAPTIVES:
            out.append(Trigger(tok.i, "agree", f"{tok.text} prisoners", 1.0))  # "the two sides exchanged 200 prisoners"
            continue
        if lemma in _DELIVERING and any(w.lemma_.lower() in lex.weapon_kind or w.lower_ in lex.weapon_kind
                                        for c in tok.children if c.dep_ in _PATIENT_DEPS for w in c.subtree):
            out.append(Trigger(tok.i, "violence", tok.text, 1.0))  # "helicopters dropped barrels of chlorine gas"
            continue
        if lemma in _MONITOR_COUNTING and tok.pos_ == "VERB":
            counted = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in MONITORED), None)
            if counted is not None:   # "the mission recorded 85 explosions", "... 120 ceasefire violations"
                out.append(Trigger(counted.i, "violence", MONITORED[counted.lemma_.lower()], 1.0))
                seen.add(counted.i)
                continue
        if lemma in _REMAINS_FOUND and tok.pos_ == "VERB" and any(
                c.dep_ in _FOUND_DEPS and c.lemma_.lower() in _REMAINS for c in tok.children) \
                and _VIOLENT_DEATH.search(doc[start:end].text):
            out.append(Trigger(tok.i, "violence", BODIES_FOUND, 1.0))  # "bodies with gunshot wounds were found"
            continue
        if tok.pos_ == "NOUN" and tok.dep_ in _PATIENT_DEPS and lex.trigger_lemmas.get(lemma) == "base" \
                and tok.head.lemma_.lower() in _ESTABLISHING:
            out.append(Trigger(tok.i, "base", tok.text, 1.0))  # "set up a new base", "established its headquarters"
            continue
        fam = lex.trigger_lemmas.get(lemma) or lex.trigger_lemmas.get(tok.lower_)
        if fam is None or tok.pos_ in _NON_TRIGGER_POS:
            continue
        fire_on = lemma == "fire" and tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ in ("on", "at") for c in tok.children) \
            and any(c.dep_ in _HEADLINE_ACTOR_DEPS for c in tok.children)  # headlines: "police fire on protesters"
        if lemma in _VERBAL_ONLY and tok.pos_ not in ("VERB",) and not fire_on and not (lemma == "strike" and tok.pos_ == "NOUN") and not (
                lemma == "march" and tok.pos_ == "NOUN" and tok.text.islower()):  # "a peaceful march", not "March"
            continue
        if lemma == "see" and not any(c.dep_ == "auxpass" for c in tok.children):
            continue
        if _other_sense(tok, lemma, fam) or _describes(tok, lex):
            continue
        if lemma in ("hit", "take") and any(c.dep_ in _STREET_PHRASE_DEPS and c.lemma_.lower() in ("street", "to")
                                            and (c.lemma_.lower() == "street" or any(
                                                g.lemma_.lower() == "street" for g in c.children)) for c in tok.children):
            continue  # "protesters hit the streets", "took to the streets": they came out, nobody was hit
        if fam == "base" and tok.pos_ == "VERB":
            continue  # "peacekeepers based nearby", "a Goma-based group": where someone is, not a base set up
        if fam == "withdraw" and tok.dep_ == "amod" and tok.tag_ == "VBN":
            continue  # "a base at an abandoned school", "an evacuated village": what a place is, not a withdrawal
        if fam == "disrupt" and lemma in _KILL_IF_PEOPLE and any(
                c.dep_ in _PATIENT_DEPS and c.lemma_.lower() in _PEOPLE_OBJECTS for c in tok.children):
            fam = "violence"  # "neutralised two terrorists": killed, not a device made safe
        if lemma == "strike" and tok.pos_ != "NOUN":
            fam = "violence"  # "warplanes struck a market", "the vehicle struck an IED"; workers strike as a noun
        elif lemma == "strike" and tok.pos_ == "NOUN":
            fam = "protest" if not any(t.lemma_.lower() in ("air", "drone") for t in tok.lefts) else "violence"
            if fam == "protest" and not any(t.lower_ in _LABOUR_STRIKE for t in doc[max(start, tok.i - 2):tok.i]):
                continue
        if lemma in _TAKING and any(
                c.dep_ in _PATIENT_DEPS and c.lemma_.lower() in _PERSONS for c in tok.children):
            fam = "abduct"  # "gunmen seized three villagers": people taken, not ground or goods
        if lemma == "disperse" and _dispersed_by_itself(tok):
            continue  # "the marchers dispersed without incident": the protest ended, no one intervened
        out.append(Trigger(tok.i, fam, tok.text, _WEAK.get(lemma, 1.0)))
    disrupted = {t.i for t in out if t.family == "disrupt"}
    if disrupted:  # "troops found and defused a bomb": the bomb that was made safe went off nowhere
        out = [t for t in out if not (t.family == "violence" and doc[t.i].pos_ == "NOUN" and doc[t.i].dep_ in _PATIENT_DEPS
            and ({doc[t.i].head.i} | {c.i for c in doc[t.i].head.conjuncts}) & disrupted)]
    if any(t.family == "disrupt" and doc[t.i].lemma_.lower() in _INTERCEPTING for t in out) and any(
            tok.lemma_.lower() in PROJECTILES for tok in doc[start:end]):
        # "rockets fired at the town were intercepted": air defence stopped the strike, the firing is not a
        # separate shelling
        out = [t for t in out if not (t.family == "violence" and doc[t.i].lemma_.lower() in ("fire", "launch"))]
    out.sort(key=lambda t: t.i)
    return out


#: what is signed when a signing is an agreement
_PACTS = vocab.words("signed_pact_objects")
#: people one fires from a job
_STAFF = vocab.words("fired_staff_objects")
#: contests that are no fight with arms ("a legal fight", "a relegation fight")
_CONTESTS = vocab.words("contest_modifiers")
#: what one beats or hits without violence
_BEATEN = vocab.words("beaten_nonviolent_objects")
#: what one strikes without violence ("a balance must be struck")
_STRUCK = vocab.words("struck_nonviolent_objects")
#: verbs of which an event noun is only the topic ("the clash reflects the tension")
_TOPIC_VERBS = vocab.words("topic_verbs")
#: "police arrived after the killing": an event already told, pointed back to
_AFTER_EVENT = vocab.words("after_event_prepositions")
_POINTING_BACK = vocab.words("pointing_back_determiners")
#: fires and illnesses that one fights or battles
_FOUGHT_NONVIOLENT = vocab.words("fought_nonviolent_objects")
#: verbs that tell no event when they act on a thing done ("hacked emails", "executed the projects")
_THING_OBJECT_VERBS = vocab.words("thing_object_verbs")


#: people of office whose clashes are quarrels
_OFFICE = vocab.words("office_holders")
_QUARREL_WORDS = vocab.words("quarrel_words")
_FIGHT_SIDE_DEPS = vocab.words("fight_side_deps")


def quarrel(doc, triggers, actors, weapons) -> bool:
    """Only clash or fight words, no weapon and no one hurt, between people of office or named
    persons: a quarrel of words."""
    lemmas = {doc[t.i].lemma_.lower() for t in triggers if t.family in ("violence", "casualty")}
    if not lemmas or not lemmas <= _QUARREL_WORDS or weapons:
        return False
    if any(a.armed for a in actors if a.start >= 0):
        return False
    tok = doc[next(t.i for t in triggers if t.family == "violence")]
    sides = [a for a in tok.subtree if a.dep_ in _FIGHT_SIDE_DEPS] + [
        c for c in tok.children if c.dep_ == "nsubj"]
    people = [doc[a.head] for a in actors if a.start >= 0] + [
        t for t in sides if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
    return bool(people) and all(p.lemma_.lower() in _OFFICE or p.ent_type_ == "PERSON" for p in people)


#: what governments "fight against" without a battle
_SCOURGES = vocab.words("fought_scourges")
#: what one engages in combat, and the combat
_ENEMIES = vocab.words("engaged_enemies")
_COMBAT = vocab.words("engaged_combat_nouns")
#: things, not people or places, that violence words take in other senses
_THINGS_DONE = vocab.words("things_done_objects")
#: hardships that "hit" a country or a firm
_HARDSHIPS = vocab.words("hitting_hardships")
#: the people whose flight is a displacement
_DISPLACED = vocab.words("displaced_people")


#: what a pact between conflict parties is about
_PACT_MATTERS = vocab.words("conflict_pact_matters")


def conflict_pact(doc, agree: Trigger, actors: list[ActorRef]) -> bool:
    """An agreement ACLED codes is one between the parties of a conflict or about its fighting: an
    armed party, or a ceasefire, truce, peace, surrender, evacuation or exchange; not airlines agreeing
    on fees or a government agreeing to pay a claim."""
    if any(a.armed and a.kind not in ("police", "government") for a in actors if a.start >= 0):
        return True
    return any(t.lemma_.lower() in _PACT_MATTERS or t.lower_ in _PACT_MATTERS for t in doc[agree.i].sent)


_ACCUSING = vocab.words("accusation_words")
_EARLIER_ACT = vocab.words("earlier_act_prepositions")
_ACCUSATION_WALK_DEPS = vocab.words("accusation_walk_deps")


def earlier_act(tok) -> bool:
    """An event verb told as what came before the sentence's event ("after protesting", "before fleeing")."""
    return tok.dep_ == "pcomp" and tok.head.lower_ in _EARLIER_ACT


def _accused_of(tok) -> bool:
    """The event word names what someone is suspected or accused of ("two men suspected of burglary and
    rape", "accused of killing a farmer", "charged with kidnapping"): an accusation, not an event told."""
    for t in [tok, *list(tok.ancestors)[:4]]:
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in ("of", "with") and (
                t.head.head.lower_ in _ACCUSING or t.head.head.lemma_.lower() in _ACCUSING):
            return True
        if t is not tok and t.pos_ in _VERB_POS and t.dep_ not in _ACCUSATION_WALK_DEPS:
            return False   # (the clause of another verb: "killed a man who was accused ..." stops here)
    return False


#: throwing is violence only when what is thrown hurts ("threw a grenade", "hurled stones"), not support or insults
_THROWING = vocab.words("throwing_verbs")
_THROWN = vocab.words("thrown_weapons")
_SENSE_OBJECT_DEPS = vocab.words("sense_object_deps")
_SHOW_COLLECT_DEPS = vocab.words("show_collect_sense_deps")


def _describes(tok, lex: Lexicon) -> bool:
    """The event word only describes a noun it modifies ("fighting forces", "a fighting season"): no event."""
    return tok.dep_ in _ATTRIBUTIVE_DEPS and tok.head.lemma_.lower() in lex.modifier_heads


def _other_sense(tok, lemma: str, fam: str) -> bool:
    """The event word is used in a sense that tells no event: reported speech ("according to"),
    showing or collecting ("demonstrated skill", "it was gathered that"), agreeing with an
    opinion, signing what is no pact, dismissing staff ("fired critics"), engines ("coal-fired"),
    contests ("a legal fight", "beat the visitors", "hit a record"), a noun that is only the topic
    of the sentence ("the clash reflects ...")."""
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    objs = {c.lemma_.lower() for c in kids if c.dep_ in _SENSE_OBJECT_DEPS}
    if tok.lower_ == "according":
        return True
    if lemma in _THROWING and not objs & _THROWN:
        return True  # "threw its support behind", "hurled insults": only a weapon thrown is violence
    if _accused_of(tok):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in _AFTER_EVENT and any(
            c.dep_ == "det" and c.lower_ in _POINTING_BACK for c in kids) and not any(
            c.dep_ == "prep" for c in kids):
        return True   # "police arrived after the killing": the event already told, pointed back to
    if lemma in ("demonstrate", "gather") and (deps & _SHOW_COLLECT_DEPS):
        return True
    if lemma == "agree" and "ccomp" in deps:
        return True
    if lemma == "sign" and (tok.dep_ == "amod" or "prt" in deps or not objs & _PACTS):
        return True
    if lemma == "deal" and tok.pos_ == "VERB":
        return True
    if lemma == "fire" and tok.pos_ == "VERB" and (objs & _STAFF or tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "‐")):
        return True
    if lemma in ("fight", "battle") and (objs & _FOUGHT_NONVIOLENT
                                         or objs & _SCOURGES or any(c.dep_ == "prep" and c.lower_ == "against" and any(
                                             g.lemma_.lower() in _SCOURGES for g in c.children) for c in kids)
                                         or any(c.lower_ in _CONTESTS for c in kids if c.dep_ in _ATTRIBUTIVE_DEPS)
                                         or any(c.dep_ == "prep" and c.lower_ == "for" for c in kids)
                                         or any(c.dep_ == "prep" and c.lower_ == "in" and any(
                                             g.lemma_.lower() == "court" for g in c.children) for c in kids)):
        return True
    if lemma in ("beat", "hit") and (objs & _BEATEN or any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in kids)
                                     or lemma == "beat" and tok.pos_ == "NOUN" and (
                                         tok.dep_ == "pobj" or any(c.dep_ == "det" for c in kids))):  # "on the beat"
        return True
    if lemma == "beat" and "dobj" not in deps and "conj" not in deps and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        return True  # "the driver to beat"
    if lemma == "strike" and objs & _STRUCK:
        return True
    if lemma == "shell" and tok.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in kids):
        return True  # "a shell of the man he was"
    if lemma == "engage" and not (objs & _ENEMIES or any(
            c.dep_ == "prep" and c.lower_ in ("in", "with") and any(g.lemma_.lower() in _COMBAT | _ENEMIES
                                                                   for g in c.children) for c in kids)):
        return True  # "happy to engage", "engage in gardening": only engaging an enemy or in combat is a fight
    if lemma in _THING_OBJECT_VERBS and objs & _THINGS_DONE:
        return True  # "hacked emails", "executed the projects", "hurt learning", "up for grabs"
    if lemma in ("grab", "seizure") and tok.pos_ == "NOUN" and (tok.dep_ == "pobj" and tok.head.lower_ == "for" or any(
            c.dep_ in _ATTRIBUTIVE_DEPS for c in kids) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids)):
        return True  # "up for grabs", "land seizures" (a practice, not a seizure of a place)
    if lemma == "hit" and any(c.dep_ == "agent" and any(g.lemma_.lower() in _HARDSHIPS for g in c.children)
                              for c in kids):
        return True  # "hit by several protests", "hit by the largest theft"
    if lemma == "flee" and not any(c.dep_ in _SUBJECT_DEPS and c.lemma_.lower() in _DISPLACED for c in kids):
        return True  # a displacement is a people's: "thousands fled", not "the suspects fled the scene"
    if fam in ("violence", "casualty") and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" \
            and tok.head.lemma_.lower() in _TOPIC_VERBS:
        return True
    return False


_PERSONS = vocab.words("seized_persons")
PROJECTILES = vocab.words("projectiles")
_FORCED_DISPERSAL_DEPS = vocab.words("forced_dispersal_deps")


def _dispersed_by_itself(tok) -> bool:
    """A crowd that dispersed on its own (peacefully, without incident), not one dispersed by a force."""
    kids = list(tok.children)
    if any(c.dep_ in _FORCED_DISPERSAL_DEPS for c in kids):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "conj":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lemma_.lower() in _FORCES:
        return False  # "the police dispersed ... without force": an intervention, however mild
    calm = any(c.dep_ == "advmod" and c.lower_ in _CALM_ADVERBS for c in kids) or any(
        c.dep_ == "prep" and c.lower_ == "without" and any(g.lemma_.lower() in _NO_TROUBLE for g in c.children)
        for c in kids)
    return calm


_FORCES = vocab.words("dispersing_forces")
_NO_TROUBLE = vocab.words("no_trouble_nouns")
_CALM_ADVERBS = vocab.words("calm_adverbs")


# aircraft that carry people ("soldiers arrived in helicopters", "airlifted by helicopter") strike no one
_TRANSPORTED = re.compile(r"\b(?:" + vocab.alternation("transport_verbs") + r")\s+(?:\w+\s+){0,2}?(?:"
                          + vocab.alternation("transport_prepositions") + r")\s+(?:"
                          + vocab.alternation("transport_determiners") + r")?\s*$")
_CARRIERS = vocab.words("carrier_aircraft")
_AIRCRAFT = vocab.words("carrier_aircraft", "other_aircraft")
_DOWNED = re.compile(vocab.alternation("downed_aircraft_forms"))


def weapon_kinds(lower_text: str, lex: Lexicon) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for m in lex.weapons.finditer(lower_text):
        if m.group(1) in _CARRIERS and _TRANSPORTED.search(lower_text[:m.start(1)]):
            continue
        kinds.setdefault(lex.weapon_kind[m.group(1)], m.group(1))
    if "air" not in kinds and "strike" in lower_text:
        for m in _OWNED_STRIKE.finditer(lower_text):
            if (m.group(1) in lex.countries_by_word or m.group(1) in _STRIKE_OWNERS) and (
                    _STRIKE_DID.match(lower_text, m.end()) or _DIED_IN_STRIKE.search(lower_text[max(0, m.start() - 30):m.start()])):
                kinds["air"] = m.group(0)   # "an Israeli strike killed two", "coalition strikes": from the air
                break
    if "rocket-propelled" in kinds.get("shelling", "") or "rocket-propelled grenade" in lower_text:
        kinds.pop("grenade", None)
    if kinds.get("air") in _AIRCRAFT and "shelling" in kinds and _DOWNED.search(lower_text):
        kinds.pop("air")  # "the jet was shot down by a missile": the aircraft is what was hit
    return kinds


#: "<owner> strike(s)" with a state or coalition as owner, that hits or kills or that people died in; a strike of
#: workers ("during the Nigerian strike") does neither
_OWNED_STRIKE = re.compile(r"\b([a-z.]+)\s+strikes?\b")
_STRIKE_DID = re.compile(r"\s+(?:\w+\s+)?(?:" + vocab.alternation("strike_did_words") + ")")
_DIED_IN_STRIKE = re.compile(r"\b(?:" + vocab.alternation("died_in_strike_verbs") + r")\s+(?:in|by)\s+(?:"
                             + vocab.alternation("died_in_strike_determiners") + r")\s+$")
_STRIKE_OWNERS = vocab.words("air_strike_owners")


# ---------------------------------------------------------------- roles from the dependency parse

#: prepositions that lead from an event word to its patient: a verb ("fired on the crowd"), a light verb
#: ("launched an attack against"), a noun ("an attack on the base")
_VERB_PATIENT_PREPS = vocab.words("verb_patient_prepositions")
_LIGHT_VERB_PATIENT_PREPS = vocab.words("light_verb_patient_prepositions")
_NOUN_PATIENT_PREPS = vocab.words("noun_patient_prepositions")
#: "took all of the town": the object that stands for a part of a place
_PARTITIVES = vocab.words("partitive_objects")
_SUBJECT_CLIMB_DEPS = vocab.words("subject_climb_deps")
_VERB_FORM_TAGS = vocab.words("verb_form_tags")
_ACTIVE_OBJECT_DEPS = vocab.words("active_object_deps")
_NOUN_MODIFIER_DEPS = vocab.words("noun_modifier_deps")
_ADVERBIAL_PLACE_DEPS = vocab.words("adverbial_place_deps")
_PLACE_OBJECT_DEPS = vocab.words("patient_deps", "adverbial_place_deps")
_ACTED_ON_DEPS = vocab.words("acted_on_deps")

def ref_at(tok, by_token: dict[int, ActorRef]) -> ActorRef | None:
    ref = by_token.get(tok.i)
    if ref is not None:
        return ref
    for t in tok.subtree:
        ref = by_token.get(t.i)
        if ref is not None:
            return ref
    return None


def prep_obj(tok, preps) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def subject_of(tok):
    cur = tok
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:  # "GAO, Mali — Police opened fire": the subject nearest the verb, not the dateline
            before = [c for c in subjects if c.i < cur.i]
            c = before[-1] if before else subjects[0]
            if cur is not tok and c.dep_ == "nsubjpass" and cur.lemma_.lower() in _RAISING:
                return c, False  # "a group is suspected to have killed a woman": the group did it
            return c, c.dep_ == "nsubjpass"
        if cur.dep_ in _SUBJECT_CLIMB_DEPS and cur.head is not cur:
            if cur.dep_ == "advcl" and cur.pos_ != "VERB":
                break
            cur = cur.head
            if cur.dep_ == "advcl":
                continue
        else:
            break
    return None, False


def _between_sides(obj, by_token: dict[int, ActorRef]) -> tuple[ActorRef | None, ActorRef | None]:
    """The two sides of "between X and Y": the object and its conjunct, or, when the parser made one phrase of
    them ("between the army and M23 rebels"), the phrase's actors in text order."""
    first, second = ref_at(obj, by_token), None
    for c in obj.children:
        if c.dep_ == "conj":
            second = ref_at(c, by_token)
    if second is None and any(t.dep_ == "cc" for t in obj.subtree):
        sides: list[ActorRef] = []
        for t in obj.subtree:
            ref = by_token.get(t.i)
            if ref is not None and ref not in sides:
                sides.append(ref)
        if len(sides) >= 2:
            first, second = sides[0], sides[1]
    return first, second


def roles(trig: Trigger, doc, by_token: dict[int, ActorRef], main_subject=None) -> tuple[ActorRef | None, ActorRef | None, str]:
    """(agent, patient, how) for one event word."""
    tok = doc[trig.i]
    agent = patient = None
    how = ""
    lemma = tok.lemma_.lower()
    if tok.pos_ in _VERB_POS or tok.tag_ in _VERB_FORM_TAGS:
        passive = any(c.dep_ in _PASSIVE_MARKER_DEPS for c in tok.children)
        subj, subj_passive = subject_of(tok)
        participle_active = tok.dep_ == "acl" and not passive and (any(c.dep_ == "dobj" for c in tok.children) or any(
            c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children))
        if participle_active:  # "presumed JNIM militants killed ten people": the parser hung the verb on its subject
            subj, subj_passive = tok.head, False
            for _ in range(4):  # "pastoralists equipped with blade weapons attacked ...": up to the actor
                if subj.i in by_token or subj.head is subj:
                    break
                subj = subj.head
            if subj.i not in by_token:
                subj = tok.head
        under = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"), None) \
            if lemma in _COME_UNDER else None
        if under is not None:
            # "an army patrol came under attack (fire) from militants": the subject was attacked, the one after
            # "from" or "by" attacked
            patient = ref_at(subj, by_token) if subj is not None else None
            for noun in (c for c in under.children if c.dep_ == "pobj"):
                for obj in prep_obj(noun, ("from", "by")):
                    agent = agent or ref_at(obj, by_token)
            how = "came under"
        elif passive or subj_passive or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not participle_active:
            if subj is not None:
                patient = ref_at(subj, by_token)
            if tok.dep_ == "acl":
                patient = patient or ref_at(tok.head, by_token)
            for obj in prep_obj(tok, ("by",)):
                agent = ref_at(obj, by_token)
            how = "passive"
        else:
            if subj is not None:
                agent = ref_at(subj, by_token)
            objs = [c for c in tok.children if c.dep_ in _ACTIVE_OBJECT_DEPS]
            if not objs and tok.dep_ == "conj":
                objs = [c for c in tok.head.children if c.dep_ == "dobj"]
            if not objs:  # "attacked and killed 2 soldiers": the object sits on a conjoined verb
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB":
                        objs = [g for g in c.children if g.dep_ == "dobj"]
                        if objs:
                            break
            for obj in objs:
                patient = ref_at(obj, by_token)
                if patient is not None:
                    break
            if patient is None:
                for obj in prep_obj(tok, _VERB_PATIENT_PREPS):
                    patient = ref_at(obj, by_token)
                    if patient is not None:
                        break
            how = "active"
            if agent is None and patient is None and lemma in BATTLE_WORDS:
                between = prep_obj(tok, ("between",))   # "fighting between the army and M23 rebels displaced ..."
                if between:
                    agent, patient = _between_sides(between[0], by_token)
                    how = "between"
    else:  # a noun: "an attack by X on Y", "X's attack", "clashes between X and Y", "Afghan airstrikes"
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:  # "X carried out air strikes on Y"
            subj, subj_passive = subject_of(tok.head)
            if subj is not None and not subj_passive:
                agent = ref_at(subj, by_token)
                how = f"subject of '{tok.head.text} {tok.text}'" if agent is not None else ""
        for c in tok.children:
            if c.dep_ == "poss":
                if c.pos_ == "PRON" and main_subject is not None:
                    agent = ref_at(main_subject, by_token)
                    how = f"'{c.text} {tok.text}' refers to the subject"
                else:
                    agent = ref_at(c, by_token)
            elif c.dep_ in _NOUN_MODIFIER_DEPS and agent is None:
                agent = by_token.get(c.i)
        for obj in prep_obj(tok, ("by", "from")):
            agent = agent or ref_at(obj, by_token)
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
            for obj in prep_obj(tok.head, _LIGHT_VERB_PATIENT_PREPS):
                patient = patient or ref_at(obj, by_token)
        between = prep_obj(tok, ("between", "among"))
        if between and trig.family == "casualty":  # "deaths among women": the victims
            patient, between = ref_at(between[0], by_token), []
        if between:
            first, second = _between_sides(between[0], by_token)
            agent, patient = agent or first, second
            how = "between"
        for obj in prep_obj(tok, _NOUN_PATIENT_PREPS):
            patient = patient or ref_at(obj, by_token)
        how = how or "noun"
    if agent is not None and patient is not None and agent is patient:
        patient = None
    if trig.family == "casualty" and agent is not None and how == "active" and patient is None and not any(
            c.dep_ in ("dobj", "obj") for c in tok.children):  # "two people died": the victims
        agent, patient, how = None, agent, "casualty subject"
    if lemma in REACTIVE:  # the defender repels: the other side started it
        agent, patient = patient, agent
        how += ", reactive"
    return agent, patient, how


# ---------------------------------------------------------------- typing

def is_place_object(tok, by_token) -> bool:
    kids = list(tok.children)
    for c in list(kids):
        if c.dep_ == "dobj" and c.lower_ in _PARTITIVES:
            kids.extend(c.children)
    for c in kids:
        if c.dep_ in _PLACE_OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ == "of"):
            if c.dep_ in _ADVERBIAL_PLACE_DEPS and c.pos_ != "PROPN":
                continue
            target = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if target is None:
                continue
            if target.ent_type_ in _PLACE_ENTS or target.lemma_.lower() in _CONTROL_NOUNS or (
                target.pos_ == "PROPN" and target.i not in by_token
            ):
                return True
    return False


def object_lemmas(tok) -> set[str]:
    """Lemmas of what the word acts on: its objects (and their conjuncts), "of"/"to" objects of
    a noun; not the places ("in a school") nor compound modifiers ("a cattle trader")."""
    out = set()
    for c in tok.children:
        if c.dep_ in _ACTED_ON_DEPS:
            out.add(c.lemma_.lower())
            out.update(g.lemma_.lower() for g in c.conjuncts)
        if c.dep_ == "prep" and c.lower_ in ("of", "to"):
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    return out
