"""The named features of one sentence's event, computed once per mention: the conventions table
(lexicon/conventions.tsv) decides the sub-type on these, the first row whose condition holds
(``conventions.first``, called by ``subtype.classify``).

``read`` finds who acts and who is acted on (the agent and patient of the event words), the trigger
families, the weapon named, whether sides fought each other, who the victims are and which cues of
arms, deaths or mob justice the sentence holds; then the event word of each family a convention
reads and what it says: a demonstration and what was done to it (``_demonstration``), a reading of
violence with its weapon, victims and sides (``_violence``, ``_crowd``), or a strategic development
(``_strategic``). A condition names these fields; a row that needs another fact adds a field here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import lexicon as lex
from .actors import CIVILIANS, ActorRef
from .cues import (
    attempted, beating_word, bomber_stopped, brawl_word, cause_clause, gathering_hit, grievance, harms_property_only,
    hurt_ones, lethal, organised_violence, protest_cause, street_riot,
)
from ..lexicon.tables import load
from .rules import (
    BATTLE_WORDS, BODIES_FOUND, INITIATING, LIGHT_VERBS, MONITORED, OPERATIONS, PROJECTILES, PROPERTY, RIOT_WORDS, SECURITY_MEASURES, VIOLENT,
    WEAPON_OBJECTS, WEAPON_ORDER, Trigger, conflict_pact, earlier_act, is_place_object, object_lemmas, prep_obj, quarrel,
    ref_at, roles, subject_of,
)
from .sides import (
    among_themselves, armed_defender, communal_side, community_fought, conjoined_side, kin, place_community, plural,
    rename, taker, unarmed_people, unarmed_uag,
)

FIRED_AT_PREPS = lex.entries("fired_at_preps")
SPEAKER_POSSESSIVES = lex.entries("speaker_possessives")
CIVILIAN_VICTIM_LEMMAS = lex.entries("civilian_victim_lemmas")
CIVILIAN_SIDE_KINDS = lex.words("civilian_side_kinds")
#: verbs by which weapons are taken or put out of use ("seized 40 rifles", "destroyed an arms cache")
WEAPON_TAKING = lex.words("weapon_taking_verbs")
PROTEST_RESPONSE_FAMILIES = lex.entries("protest_response_families")
PROTEST_HARM_FAMILIES = lex.entries("protest_harm_families")
CROWD_ACTOR_KINDS = lex.entries("crowd_actor_kinds")
_HARMED_LEMMAS = lex.words("harm_besides_abduction_lemmas")
_CLASH_LEMMAS = lex.words("demonstration_clash_lemmas")


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
    clash_word: bool  # of these, a word of fighting itself (clashed, fought, battle), not a firing
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
    weapon_named: bool = False  # any weapon word at all
    # the sides as read (None when there is no agent or patient)
    agent_inter: int | None = None
    agent_kind: str | None = None
    agent_armed: bool = False
    agent_civilian_side: bool = False  # the agent is plain people, a crowd or a community
    patient_inter: int | None = None
    patient_kind: str | None = None
    patient_armed: bool = False
    patient_civilian_side: bool = False
    # the event word of each family a convention reads (None: the sentence has none)
    grave: Trigger | None = None  # a mass grave found
    bodies_found: Trigger | None = None  # remains found with marks of a violent death
    monitored: str | None = None  # what ceasefire monitors counted ("explosions recorded"), by its trigger's text
    protest: Trigger | None = None  # not one told as the victim's earlier act, nor a gathering a bomb struck
    riot: Trigger | None = None
    mob: Trigger | None = None
    violence: Trigger | None = None  # violence or casualty; not the raids of state forces' arrests
    sexual: Trigger | None = None
    abduct: Trigger | None = None
    territory: Trigger | None = None
    withdraw: Trigger | None = None
    arrest: Trigger | None = None  # not when a device was stopped first
    disrupt: Trigger | None = None
    seize: Trigger | None = None  # a seize or capture word
    loot: Trigger | None = None  # looting, or a seizure of property; not the destroying of a stopped weapon
    base: Trigger | None = None
    agree: Trigger | None = None
    change: Trigger | None = None
    other: Trigger | None = None
    # demonstrations (read when ``demonstration``)
    demonstration: bool = False  # a protest word, or protesters with a riot or intervention word
    demo_trigger: Trigger | None = None  # the word of the demonstration
    crowd: ActorRef | None = None  # the protesters or rioters named
    crowd_fought: bool = False  # "violent protest", "clashed with police": the crowd fought
    protest_harm: Trigger | None = None  # harm done at the protest, not what it was about
    crowd_hurt: bool = False  # the harm is the crowd's own injuries
    agent_crowd: bool = False  # the agent is a crowd of people
    killing: bool = False  # a kill or shoot word of violence
    protest_acts: tuple[Trigger, ...] = ()  # what was done to the protest
    intervention: bool = False  # an intervene or arrest word among them
    riot_named: bool = False  # a riot word proper
    # violence (read when ``violent``)
    violent: bool = False  # a word of violence, casualties, a mob, abduction or sexual violence
    violent_trigger: Trigger | None = None
    casualty_only: bool = False  # deaths or injuries with no act of violence
    quarrel: bool = False  # a clash of words between officials
    territory_taken: bool = False  # a territory word on a place
    territory_claimed: bool = False  # a territory word on a place, or of control or closing
    taker: tuple = (None, None)  # who took the place, from whom
    taker_state: bool = False
    taker_armed: bool = False
    weapon_used: str | None = None  # the weapon kind, unless the suicide bomber was stopped; pounding is shelling
    weapon_words: dict | None = None  # weapon kind -> its words
    abduction_tried: bool = False  # an abduction attempted in an attack
    harmed: bool = False  # someone killed or wounded besides those taken
    property_only: bool = False  # animals or things are the only objects of the violence
    patient_communal: bool = False  # the patient is a communal side (sides.communal_side)
    street_riot: Trigger | None = None  # stones, barricades, rioting in the street
    community: bool = False  # the agent is a community acting as one (or a place's people attacking)
    organised: bool = False  # with firearms, a raid, killing or blades: organised violence
    communal_militia: bool = False  # a community, or armed plain people in numbers: a communal militia
    brawl: Trigger | None = None  # a fight word with no armed side, no weapon and a private cause
    agent_plain_uag: bool = False  # the agent is an unidentified actor named by a plain word
    others_armed: bool = False  # an armed actor besides the agent
    beating: Trigger | None = None  # a beating with no weapon named
    unarmed_subject: ActorRef | None = None  # the event word's subject names plain people
    rivals: bool = False  # one plural armed actor fought among itself
    conjoined: ActorRef | None = None  # an armed actor of another side conjoined with the agent
    defender: tuple | None = None  # (armed defender, its word): repelled the agent or exchanged fire
    community_fought_back: tuple | None = None  # (community, its word): fought the armed agent
    # strategic developments (read when not ``violent``)
    agent_governs: bool = False  # a non-state group that governs where it acts
    seized_weapons: bool = False  # a seize word with a weapon object
    loot_property: bool = False  # the looting word's object is property
    base_established: bool = False  # an establish or set word in the sentence of the base word
    pact: bool = False  # an agreement between parties to the conflict
    proposal: bool = False  # the agreement word is a proposal
    security_measure: bool = False  # a curfew or other security measure


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
    if patient is not None and patient.kind == "protester" and "protest" not in families:
        # "a supporter ... was attacked", "gunmen shot dead a human rights activist": with no protest told, a victim
        patient = replace(rename(patient, CIVILIANS, 7), kind="civilian")
    if agent is None and patient is not None and len(actors) == 1 and patient.kind in ("protester", "rioter"):
        agent, patient = patient, None
    if agent is not None and patient is not None and _one_phrase(agent, patient, doc):
        patient = None  # "IS Sahel militants", "unknown individual or individuals": one actor, not two sides
    if patient is not None and patient.kind == "criminal":  # suspects killed by police or a mob
        patient = rename(patient, CIVILIANS, 7)

    clash_word = any(doc[t.i].lemma_.lower() in BATTLE_WORDS and not _betrothed(doc[t.i]) for t in triggers)
    battle = any((doc[t.i].lemma_.lower() in BATTLE_WORDS and not _betrothed(doc[t.i])) or "fire" in t.text
                 and not t.text.lower().startswith("set")  # "set fire to granaries": arson, not gunfire
                 and not _fired_at_unarmed(doc[t.i], by_token)
                 for t in triggers)
    base = Features(
        triggers=tuple(triggers), families=frozenset(families), by_token=by_token, main_subject=main_subject,
        agent=agent, patient=patient, how=how, lead=lead, target_names=frozenset(target_names), speaker=speaker,
        weapon=next((k for k in WEAPON_ORDER if k in weapons), None), battle=battle, clash_word=clash_word,
        two_sided=fought,
        protesters=any(a.kind == "protester" for a in actors),
        state_agent=agent is not None and agent.inter in (1, 8),
        state_present=any(a.inter == 1 for a in actors),
        civilian_victims=_civilian_victims(doc, triggers),
        firearms=bool(_FIREARM_WORDS.search(lower_text)), small_arms=bool(_SMALL_ARMS.search(lower_text)),
        air_support=bool(_AIR_SUPPORT.search(lower_text)), blades=bool(_BLADES.search(lower_text)),
        mob_justice=bool(_MOB_JUSTICE.search(lower_text)), deaths=bool(_DEATHS.search(lower_text)),
        shot_after=shot_after,
    )
    return replace(base, **_sides(base), **_events(base, doc, actors, speakers, weapons, lower_text))


def _sides(f: Features) -> dict:
    a, p = f.agent, f.patient
    return dict(
        agent_inter=a.inter if a else None, agent_kind=a.kind if a else None, agent_armed=bool(a and a.armed),
        agent_civilian_side=bool(a and a.kind in CIVILIAN_SIDE_KINDS),
        patient_inter=p.inter if p else None, patient_kind=p.kind if p else None, patient_armed=bool(p and p.armed),
        patient_civilian_side=bool(p and p.kind in CIVILIAN_SIDE_KINDS),
    )


def _events(f: Features, doc, actors, speakers, weapons: dict[str, str], lower_text: str) -> dict:
    """The event words of the families the conventions read, and what each says (see the rows of
    lexicon/conventions.tsv)."""
    triggers = f.triggers

    def first(*fams: str) -> Trigger | None:
        return next((t for t in triggers if t.family in fams), None)

    out: dict = {"weapon_named": bool(weapons)}
    out["grave"] = next((t for t in triggers if t.family == "other" and "grave" in t.text.lower()), None)
    out["bodies_found"] = next((t for t in triggers if t.text == BODIES_FOUND), None)
    out["monitored"] = next((t.text for t in triggers if t.text in MONITORED.values()), None)
    protest = first("protest")
    if protest is not None and earlier_act(doc[protest.i]) and any(
            t.family in ("violence", "casualty") and not earlier_act(doc[t.i]) for t in triggers):
        protest = None  # "a farmer was killed by herders after protesting against ...": the victim's act before
    if protest is not None and weapons and gathering_hit(doc, doc[protest.i], triggers, weapons):
        # "a blast tore through a campaign rally", "a suicide bombing at an election rally": a bomb's target
        protest = None
    violence = first("violence", "casualty")
    if violence is not None and f.state_agent and first("arrest") is not None and all(
            doc[t.i].lemma_.lower() in OPERATIONS for t in triggers if t.family in ("violence", "casualty")):
        violence = None  # "forces arrested twelve people during raids on homes": the raids were the arrests
    riot, mob = first("riot"), first("mob")
    out.update(protest=protest, riot=riot, mob=mob, violence=violence, sexual=first("sexual"), abduct=first("abduct"),
               territory=first("territory"), withdraw=first("withdraw"), disrupt=first("disrupt"), base=first("base"),
               agree=first("agree"), change=first("change"), other=first("other"),
               riot_named=riot is not None and (doc[riot.i].lemma_.lower() in RIOT_WORDS or riot.text in RIOT_WORDS))
    if protest is not None or (f.protesters and (riot or "intervene" in f.families)):
        out.update(_demonstration(f, doc, actors, protest or riot or first("intervene"), violence))
    violent = violence is not None or mob is not None or out["sexual"] is not None or out["abduct"] is not None
    territory = out["territory"]
    if territory is not None:
        by_token = f.by_token
        on_place = is_place_object(doc[territory.i], by_token)
        claimed = on_place or "control" in territory.text or "close" in territory.text
        if claimed:
            a, p = taker(territory, doc, by_token, actors, f.main_subject, f.speaker)
            out.update(taker=(a, p), taker_state=a is not None and a.inter == 1, taker_armed=a is not None and a.armed)
        out.update(territory_taken=on_place, territory_claimed=claimed)
    if violent:
        trig = (out["sexual"] or out["abduct"] if violence is None else violence) or mob
        out.update(violent=True, violent_trigger=trig, **_violence(f, doc, actors, weapons, lower_text, trig, out))
    else:
        out.update(_strategic(f, doc, actors, out))
    return out


def _demonstration(f: Features, doc, actors, trig: Trigger, violence: Trigger | None) -> dict:
    triggers = f.triggers
    demo = next((a for a in actors if a.kind in ("protester", "rioter")), None)
    # "chanted against the killings", "demonstrated after a colleague was killed": what the protest
    # is about, not what it did
    harm = next((t for t in triggers if t.family in PROTEST_HARM_FAMILIES
                 and not grievance(doc[t.i]) and not cause_clause(doc[t.i], doc[trig.i])), None)
    # "12 demonstrators injured": they were hurt, which does not make them violent
    hurt = harm is not None and harm.family == "casualty" and hurt_ones(doc[harm.i], demo)
    if any(c.lower_ == "peacefully" for c in doc[trig.i].children):
        harm = None
    fought = any(c.lower_ in ("violent", "riotous") for c in doc[trig.i].children if c.dep_ == "amod")
    # "police clashed with the demonstrators", "marched and scuffled with gendarmes": both sides fought,
    # whoever the sentence names first
    fought = fought or any(t.family == "violence" and doc[t.i].lemma_.lower() in _CLASH_LEMMAS
                           and not grievance(doc[t.i]) and not cause_clause(doc[t.i], doc[trig.i])
                           for t in triggers)
    acts = tuple(t for t in triggers if t.family in PROTEST_RESPONSE_FAMILIES and not grievance(doc[t.i])
                 and not protest_cause(doc[t.i], doc[trig.i]))
    return dict(
        demonstration=True, demo_trigger=trig, crowd=demo, crowd_fought=fought, protest_harm=harm, crowd_hurt=hurt,
        agent_crowd=f.agent is not None and f.agent.kind in CROWD_ACTOR_KINDS,
        killing=any(doc[t.i].lemma_.lower() in ("kill", "shoot") for t in triggers if t.family == "violence"),
        protest_acts=acts, intervention=any(t.family in ("intervene", "arrest") for t in acts),
    )


def _violence(f: Features, doc, actors, weapons: dict[str, str], lower_text: str, trig: Trigger, ev: dict) -> dict:
    """What a reading of violence says: its weapon, who was taken or harmed, and who the sides are."""
    triggers, agent, patient, battle, mob = f.triggers, f.agent, f.patient, f.battle, ev["mob"]
    violence = ev["violence"]
    out: dict = {"casualty_only": violence is not None and violence.family == "casualty"
                 and not any(t.family in VIOLENT for t in triggers)}
    out["quarrel"] = violence is not None and quarrel(doc, triggers, actors, weapons)
    kind = f.weapon
    if kind == "suicide" and bomber_stopped(doc, triggers):
        kind = None  # "forces shot a suicide bomber before he blew himself up": a fight, no bombing
    pounded = next((t for t in triggers if doc[t.i].lemma_.lower() in ("pound", "bombard") and doc[t.i].pos_ == "VERB"),
                   None)
    if kind is None and pounded is not None:
        kind = "shelling"  # "militants pounded a military base"
        weapons = {**weapons, "shelling": next(t.text for t in triggers if doc[t.i].lemma_.lower() in ("pound", "bombard"))}
    out.update(weapon_used=kind, weapon_words=weapons)
    abduct = ev["abduct"]
    out["abduction_tried"] = abduct is not None and attempted(doc[abduct.i]) and violence is not None
    out["harmed"] = any(t.family in ("violence", "casualty") and doc[t.i].lemma_.lower() in _HARMED_LEMMAS
                        for t in triggers)
    out["property_only"] = harms_property_only(doc, triggers)
    out["patient_communal"] = patient is not None and communal_side(patient, doc)
    out["street_riot"] = next((t for t in triggers if t.family == "riot" and street_riot(t, doc)), None)
    if mob is not None or (agent is not None and agent.kind in CIVILIAN_SIDE_KINDS):
        out.update(_crowd(f, doc, mob))
    out["brawl"] = brawl_word(doc, triggers, actors, weapons, lower_text, f.firearms)
    out["agent_plain_uag"] = agent is not None and unarmed_uag(agent, doc)
    out["others_armed"] = any(a.armed and a is not agent for a in actors)
    out["beating"] = beating_word(doc, triggers, weapons, lower_text, f.firearms)
    out["unarmed_subject"] = unarmed_people(doc, trig)
    if agent is not None and agent.armed:
        out["rivals"] = battle and among_themselves(doc, triggers, agent, f.by_token)
        out["conjoined"] = conjoined_side(agent, actors, doc) if battle else None
        out["defender"] = armed_defender(doc, triggers, f.by_token, agent) if battle else None
        out["community_fought_back"] = community_fought(doc, triggers, f.by_token, agent) if battle else None
    return out


def _crowd(f: Features, doc, mob: Trigger | None) -> dict:
    """Plain people or a mob who attack: whether they are a community, and organised as a militia."""
    a1, victims, battle, triggers = f.agent, f.patient, f.battle, f.triggers
    community = a1 is not None and mob is None and communal_side(a1, doc)
    armed_by = organised_violence(doc, triggers, f.firearms) if a1 is not None and mob is None else ""
    if not armed_by and f.shot_after and battle and mob is None:
        armed_by = "the next sentence tells of gunshot wounds"
    if not armed_by and community and mob is None and not battle and victims is not None and victims.kind != "criminal" and (
            lethal(doc, triggers) or f.blades) and not f.mob_justice and not kin(victims, doc):
        armed_by = "killed or armed with blades"  # "farmers with machetes hacked a herder to death"
    if not armed_by and community and victims is not None and victims.head >= 0 \
            and doc[victims.head].lemma_.lower() == "civilian":
        armed_by = "attacked civilians"  # "herders wounded three civilians": targeted as civilians
    if not armed_by and a1 is not None and mob is None and place_community(a1, doc) and not battle and (
            victims is None or victims.inter == 7 and victims.kind != "criminal") and not f.mob_justice:
        armed_by = "a village's people attacked"  # "people from Garou attacked Fulani": a communal militia
        community = True
    if not armed_by and community and battle and f.deaths:
        armed_by = "a deadly fight"  # "farmers and herders clashed, leaving four dead": communal militias
    # farmers, herders, villagers, identity groups with guns, raiding a camp or killing: communal militias
    militia = community or bool(armed_by) and a1 is not None and a1.kind in ("civilian", "group_civilian") and (
        not f.mob_justice) and (a1.kind == "group_civilian" or plural(a1, doc))
    return dict(community=community, organised=bool(armed_by), communal_militia=militia)


def _strategic(f: Features, doc, actors, ev: dict) -> dict:
    """What a reading of no violence says: arrests, seizures, looting, bases, pacts, measures."""
    triggers, agent = f.triggers, f.agent
    arrest = next((t for t in triggers if t.family == "arrest"), None)
    disrupt = ev["disrupt"]
    if arrest is not None and disrupt is not None and disrupt.i < arrest.i:
        arrest = None  # "defused a car bomb and detained two men": the device first
    seize = next((t for t in triggers if doc[t.i].lemma_.lower() in WEAPON_TAKING), None)
    seized_weapons = seize is not None and bool(object_lemmas(doc[seize.i]) & WEAPON_OBJECTS)
    loot = next((t for t in triggers if t.family == "loot"), None) or (seize if seize is not None and object_lemmas(doc[seize.i]) & PROPERTY else None)
    if loot is not None and disrupt is not None and (doc[loot.i] in doc[disrupt.i].conjuncts
                                                     or object_lemmas(doc[loot.i]) & (PROJECTILES | WEAPON_OBJECTS)):
        loot = None  # "the missiles were intercepted and destroyed": the weapon destroyed is the one stopped
    base, agree, change = ev["base"], ev["agree"], ev["change"]
    return dict(
        arrest=arrest, seize=seize, seized_weapons=seized_weapons, loot=loot,
        loot_property=loot is not None and bool(object_lemmas(doc[loot.i]) & PROPERTY),
        agent_governs=agent is not None and agent.name in load().authorities,
        base_established=base is not None and any(doc[t.i].lemma_.lower() in ("establish", "set")
                                                  for t in doc[base.i].sent),
        pact=agree is not None and conflict_pact(doc, agree, actors),
        proposal=agree is not None and doc[agree.i].lemma_.lower() == "proposal",
        security_measure=change is not None and any(w in change.text.lower() for w in SECURITY_MEASURES),
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
