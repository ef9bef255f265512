"""The sub-event type of one sentence: ``classify`` picks ACLED's most severe reading from trigger
families, weapons and the actors' types, following ACLED's conventions (see DESIGN.md)."""
from __future__ import annotations

import re
from dataclasses import replace

from .actors import CIVILIANS, COMMUNAL, RIOTERS, UAG, ActorRef
from .conventions import Typed, typed
from .lexicon import load
from .rules import (
    BATTLE_WORDS,
    INITIATING,
    LIGHT_VERBS,
    OPERATIONS,
    PROJECTILES,
    PROPERTY,
    REACTIVE,
    RIOT_WORDS,
    SECURITY_MEASURES,
    Trigger,
    VIOLENT,
    WEAPON_OBJECTS,
    WEAPON_ORDER,
    conflict_pact,
    earlier_act,
    is_place_object,
    object_lemmas,
    prep_obj,
    quarrel,
    ref_at,
    roles,
    subject_of,
)

def classify(triggers: list[Trigger], actors: list[ActorRef], doc, weapons: dict[str, str],
             lower_text: str, *, speakers: list[ActorRef] | tuple = (), shot_after: bool = False) -> Typed | None:
    """The one event this sentence states (ACLED's most severe reading), or None.

    ``actors`` are the ones that may take part; ``speakers`` are those that only attribute the
    sentence ("X said"): they act only when the event's subject is a pronoun for them ("X said
    it carried out the attack", "X said its fighters killed ..."). ``shot_after``: the next sentence tells
    that the victims were shot ("farmers and herders clashed. Several were wounded by gunshots").
    """
    if not triggers:
        return None
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
        patient = replace(_rename(patient, CIVILIANS, 7), kind="civilian", name=CIVILIANS)
    if patient is not None and patient.kind == "protester" and patient_how == "passive" and "protest" not in families:
        patient = replace(_rename(patient, CIVILIANS, 7), kind="civilian")  # "a supporter ... was attacked": a victim
    if agent is None and patient is not None and len(actors) == 1 and patient.kind in ("protester", "rioter"):
        agent, patient = patient, None
    if agent is not None and patient is not None and _one_phrase(agent, patient, doc):
        patient = None  # "IS Sahel militants", "unknown individual or individuals": one actor, not two sides
    if patient is not None and patient.kind == "criminal":  # suspects killed by police or a mob
        patient = _rename(patient, CIVILIANS, 7)
    a1 = a2 = None

    def out(rule_id: str, detail: str, trig: Trigger | None = None) -> Typed:
        """The reading the convention row ``rule_id`` gives, with the sides as they stand."""
        return typed(rule_id, a1, a2, trig or lead, detail,
                     a1.reason + (f" ({how})" if how else "") if a1 else "", a2.reason if a2 else "")

    def no_event(rule_id: str, detail: str) -> Typed:
        return typed(rule_id, None, None, lead, detail)

    def first(fams) -> Trigger | None:
        return next((t for t in triggers if t.family in fams), None)

    a1, a2 = agent, patient
    grave = next((t for t in triggers if t.family == "other" and "grave" in t.text.lower()), None)
    if grave is not None:  # the remains tell of past killings: the finding is the event
        finders = [a for a in (*actors, *speakers) if a.inter == 1 and a.start >= 0] or [
            a for a in (ref_at(s, by_token) for v in doc[grave.i].sent if v.lemma_.lower() in _FIND
                        for s in v.children if s.dep_ == "nsubj") if a is not None and a.inter == 7]
        a1 = finders[0] if finders else _bare("Government", 1, "the authorities who found the grave")
        a2, how = None, "finder of the grave"
        return out("grave-found", f"mass grave found: '{grave.text}'", grave)
    protest = first({"protest"})
    if protest is not None and earlier_act(doc[protest.i]) and any(
            t.family in ("violence", "casualty") and not earlier_act(doc[t.i]) for t in triggers):
        protest = None  # "a farmer was killed by herders after protesting against ...": the victim's act before
    if protest is not None and weapons and _gathering_hit(doc, doc[protest.i], triggers, weapons):
        # "a blast tore through a campaign rally", "a suicide bombing at an election rally": a bomb's target
        protest = None
    riot = first({"riot"})
    mob = first({"mob"})
    violence = first({"violence", "casualty"})
    state_agent = agent is not None and agent.inter in (1, 8)
    if violence is not None and state_agent and first({"arrest"}) is not None and all(
            doc[t.i].lemma_.lower() in OPERATIONS for t in triggers if t.family in ("violence", "casualty")):
        violence = None  # "forces arrested twelve people during raids on homes": the raids were the arrests
    protesters_present = any(a.kind == "protester" for a in actors)

    # --- demonstrations
    if protest is not None or (protesters_present and (riot or "intervene" in families)):
        trig = protest or riot or first({"intervene"})
        demo = next((a for a in actors if a.kind in ("protester", "rioter")), None)
        # "chanted against the killings", "demonstrated after a colleague was killed": what the protest
        # is about, not what it did
        harm = next((t for t in triggers if t.family in ("violence", "casualty", "loot", "sexual")
                     and not _grievance(doc[t.i]) and not _cause_clause(doc[t.i], doc[trig.i])), None)
        # "12 demonstrators injured": they were hurt, which does not make them violent
        hurt = harm is not None and harm.family == "casualty" and _hurt_ones(doc[harm.i], demo)
        if any(c.lower_ == "peacefully" for c in doc[trig.i].children):
            harm = None
        violent = any(c.lower_ in ("violent", "riotous") for c in doc[trig.i].children if c.dep_ == "amod")
        # "police clashed with the demonstrators", "marched and scuffled with gendarmes": both sides fought,
        # whoever the sentence names first
        violent = violent or any(t.family == "violence" and doc[t.i].lemma_.lower() in _CLASH_LEMMAS
                                 and not _grievance(doc[t.i]) and not _cause_clause(doc[t.i], doc[trig.i])
                                 for t in triggers)
        state_present = any(a.inter == 1 for a in actors)  # "two killed as police fire on protesters": the police harmed
        if violent or riot is not None or (harm is not None and not hurt and (agent is None and not state_present or agent is not None and agent.kind in (
                "protester", "rioter", "civilian", "group", "group_civilian"))):
            a1 = _rename(demo or agent, RIOTERS, 5)
            a2 = next((a for a in actors if a.inter == 1), None)
            return out("demo-violent", f"demonstrators turned violent: '{(riot or harm or trig).text}'", trig)
        if demo is not None:
            a1 = _rename(demo, "Protesters", 6)
        elif doc[trig.i].pos_ == "NOUN" and trig.family == "protest":  # "police dispersed the demonstration"
            a1 = ActorRef(trig.i, trig.i + 1, trig.i, "Protesters", 6, "protester", None,
                          f"the people of the '{doc[trig.i].text}'")
        else:
            a1 = _bare("Protesters", 6, "protest without a named crowd")
        a2 = next((a for a in actors if a.inter == 1), None)
        killed = any(doc[t.i].lemma_.lower() in ("kill", "shoot") for t in triggers if t.family == "violence")
        if killed and a2 is not None:
            a1, a2 = a2, a1  # ACLED names the force that fired first, the protesters second
            return out("demo-lethal-force", "security forces used lethal force on protesters", trig)
        acts = [t for t in triggers if t.family in ("intervene", "arrest", "violence") and not _grievance(doc[t.i])
                and not _protest_cause(doc[t.i], doc[trig.i])]
        if any(t.family in ("intervene", "arrest") for t in acts) or (harm is not None and violence is not None and a2 is not None):
            cue = acts[0] if acts else harm  # "police wounded 12 demonstrators": the harm is the cue
            if state_agent and a2 is agent and doc[trig.i].pos_ == "NOUN" and doc[trig.i].i not in range(agent.start, agent.end) \
                    and demo is None and doc[cue.i].i < doc[trig.i].i and not any(
                        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "their", "its") for c in doc[trig.i].children):
                # "security forces used tear gas to disperse a protest": the forces act; "the demonstration"
                # points back to a protest already told, whose protesters stay first
                a1, a2 = agent, a1
            return out("demo-intervention", f"protest met with intervention: '{cue.text}'", trig)
        a2 = None
        return out("demo-peaceful", f"protest: '{trig.text}'", trig)
    if riot is not None and violence is None and mob is None:
        a1 = _rename(agent or (actors[0] if actors else None), RIOTERS, 5)
        a2 = next((a for a in actors if a.inter == 1), None)
        if doc[riot.i].lemma_.lower() in RIOT_WORDS or riot.text in RIOT_WORDS:
            return out("riot-word", f"riot: '{riot.text}'", riot)
        return out("riot-mob", f"people attacked without a demonstration: '{riot.text}'", riot)

    # --- violence
    if violence is not None and violence.family == "casualty" and not weapons and not any(
            t.family in VIOLENT for t in triggers) and agent is None:
        return no_event("none-deaths-only", f"'{violence.text}'")  # "a man died at the scene", "road fatalities have fallen": deaths with no act of violence
    if violence is not None and quarrel(doc, triggers, actors, weapons):
        return no_event("none-quarrel", f"'{violence.text}'")  # "the chief of staff has clashed with the president's advisers": words, not arms
    if violence is not None or mob is not None or first({"abduct", "sexual"}) is not None:
        trig = first({"sexual"}) or first({"abduct"}) if violence is None else violence
        trig = trig or mob
        territory = first({"territory"})
        battle = any((doc[t.i].lemma_.lower() in BATTLE_WORDS and not _betrothed(doc[t.i])) or "fire" in t.text
                     and not t.text.lower().startswith("set")  # "set fire to granaries": arson, not gunfire
                     and not _fired_at_unarmed(doc[t.i], by_token)
                     for t in triggers)
        if territory is not None and is_place_object(doc[territory.i], by_token):
            a1, a2 = _taker(territory, doc, by_token, actors, main_subject, speaker)
            return out("battle-" + _territory(a1), f"control changed: '{territory.text}'", territory)
        kind = next((k for k in WEAPON_ORDER if k in weapons), None)
        if kind == "suicide" and _bomber_stopped(doc, triggers):
            kind = None  # "forces shot a suicide bomber before he blew himself up": a fight, no bombing
        if kind is None and any(doc[t.i].lemma_.lower() in ("pound", "bombard") and doc[t.i].pos_ == "VERB" for t in triggers):
            kind = "shelling"  # "militants pounded a military base"
            weapons = {**weapons, "shelling": next(t.text for t in triggers if doc[t.i].lemma_.lower() in ("pound", "bombard"))}
        if kind in ("ied", "grenade") and battle and patient is not None and patient.armed:
            kind = None
        # explosions inside a battle belong to the battle: "an ambush by IED detonation, rockets and gunfire
        # against soldiers", "exchanged gunfire ... soldiers supported by helicopters"
        if kind == "shelling" and battle and _SMALL_ARMS.search(lower_text) and (patient is None or patient.armed):
            kind = None
        if kind == "air" and battle and _AIR_SUPPORT.search(lower_text):
            kind = None
        if kind is not None:
            if a1 is not None and (a1.kind in ("civilian", "group_civilian") or a1.name in target_names and a1 is not agent):
                a1, a2 = None, a2 or a1
            planter = _planter(doc, triggers, by_token)
            if planter is not None and planter is not a1:  # "the army vehicle hit an IED planted by JNIM"
                a1, a2 = planter, (a1 if a1 is not None and a1.armed else a2)
            if a1 is None:  # a bomb no one is named for: ACLED's unidentified armed group planted it
                a1 = _bare(UAG, 3, f"no perpetrator named for the {weapons[kind]}")
            return out("remote-" + kind, f"weapon: '{weapons[kind]}'", trig)
        if first({"sexual"}) is not None and (a1 is None or a1.inter != 7):
            a2 = a2 or _bare(CIVILIANS, 7, "victims of sexual violence")
            return out("sexual-violence", f"sexual violence: '{first({'sexual'}).text}'", first({"sexual"}))
        abduct = first({"abduct"})
        tried = abduct is not None and _attempted(doc[abduct.i]) and violence is not None
        if tried:
            abduct = None  # "attempted to kidnap the mayor ... fired a few shots": no one was taken, the attack stands
        # someone killed or wounded besides those taken ("attacked and injured a herder and kidnapped his wife"):
        # ACLED codes the attack
        if abduct is not None and not any(t.family in ("violence", "casualty") and doc[t.i].lemma_.lower() in _HARMED_LEMMAS
                                          for t in triggers):
            if state_agent:
                return out("abduction-by-state", f"taken by state forces: '{abduct.text}'", abduct)
            a2 = a2 if a2 is not None and a2.inter == 7 else (a2 or _bare(CIVILIANS, 7, "abducted people"))
            a1 = a1 or _bare("Unidentified Armed Group", 3, "abductors not named")
            return out("abduction", f"abduction: '{abduct.text}'", abduct)
        if (a2 is None or a2.inter == 7) and not battle and not tried and _harms_property_only(doc, triggers):
            a1 = _looter(a1, doc) or _bare("Unidentified Armed Group", 3, "attackers not named")
            a2 = None if a2 is not None and a2.inter == 7 else a2
            return out("property-only", f"only animals or property harmed: '{trig.text}'", trig)
        civilian_side = {"civilian", "group_civilian", "rioter", "group"}
        if a1 is None and battle and mob is None and a2 is not None and a2.kind in civilian_side and _communal_side(a2, doc):
            a1, a2 = _communal(a2), None  # "six herders died in intercommunal clashes": a side of the fight
            return out("communal-victims-fought", "communal groups fought each other", trig)
        street = next((t for t in triggers if t.family == "riot" and _street_riot(t, doc)), None)
        if street is not None and mob is None and (a1 is None or a1.kind in civilian_side | {"protester"}) and (
                a2 is None or a2.inter == 1) and not _MOB_JUSTICE.search(lower_text):
            # stones thrown at the police, barricades, a riot: a violent demonstration, not a mob's attack
            a1 = _rename(a1, RIOTERS, 5)
            a2 = a2 or next((a for a in actors if a.inter == 1), None)
            return out("street-riot", f"a crowd rioted against the authorities: '{street.text}'", street)
        if mob is not None or (a1 is not None and a1.kind in civilian_side):
            victims = a2
            community = a1 is not None and mob is None and _communal_side(a1, doc)
            armed_by = _organised_violence(doc, triggers, lower_text) if a1 is not None and mob is None else ""
            if not armed_by and shot_after and battle and mob is None:
                armed_by = "the next sentence tells of gunshot wounds"
            if not armed_by and community and mob is None and not battle and victims is not None and victims.kind != "criminal" and (
                    _lethal(doc, triggers) or _BLADES.search(lower_text)) and not _MOB_JUSTICE.search(lower_text) \
                    and not _kin(victims, doc):
                armed_by = "killed or armed with blades"  # "farmers with machetes hacked a herder to death"
            if not armed_by and community and victims is not None and victims.head >= 0 \
                    and doc[victims.head].lemma_.lower() == "civilian":
                armed_by = "attacked civilians"  # "herders wounded three civilians": targeted as civilians
            if not armed_by and a1 is not None and mob is None and _place_community(a1, doc) and not battle and (
                    victims is None or victims.inter == 7 and victims.kind != "criminal") and not _MOB_JUSTICE.search(lower_text):
                armed_by = "a village's people attacked"  # "people from Garou attacked Fulani": a communal militia
                community = True
            if not armed_by and community and battle and _DEATHS.search(lower_text):
                armed_by = "a deadly fight"  # "farmers and herders clashed, leaving four dead": communal militias
            if community and not armed_by:
                # farmers, herders or villagers who beat, wound or fight without firearms and without
                # raiding a settlement: an unorganised crowd (ACLED's rioters), however many they are
                a1 = _rename(a1, RIOTERS, 5)
                if victims is not None and victims.kind in civilian_side and (battle or victims.kind == "group"):
                    a2 = _rename(victims, RIOTERS, 5)
                elif victims is None and battle:
                    a2 = _bare(RIOTERS, 5, "the other side of the fight")
                return out("community-unorganised", f"a community fought or beat people, unorganised: '{trig.text}'", trig)
            if community or armed_by and a1 is not None and a1.kind in ("civilian", "group_civilian") and (
                    not _MOB_JUSTICE.search(lower_text)) and (
                    a1.kind == "group_civilian" or _plural(a1, doc)):
                # farmers, herders, villagers, identity groups with guns, raiding a camp or killing: communal militias
                a1 = _communal(a1)
                if victims is not None and (victims.armed or battle and (victims.kind in civilian_side or victims.kind == "criminal")):
                    if victims.kind in civilian_side and _communal_side(victims, doc):
                        a2 = _communal(victims)
                    return out("communal-armed-clash", "armed communal groups fought", trig)
                if victims is None and battle:
                    return out("communal-fought-each-other", "communal groups fought each other", trig)
                a2 = victims or _bare(CIVILIANS, 7, "victims")
                return out("communal-attack", "communal militia attacked civilians", trig)
            a1 = _rename(a1, RIOTERS, 5) if a1 is not None else _bare(RIOTERS, 5, "mob")
            if victims is not None and victims.kind in civilian_side and "clash" in lower_text:
                a2 = _rename(victims, RIOTERS, 5)
            return out("mob-attack", f"people or a mob attacked: '{trig.text}'", trig)
        brawl = _brawl(doc, triggers, actors, weapons, lower_text) if a1 is None or a1.kind in civilian_side else None
        if brawl is not None:  # "fighting broke out between two families": no organised side
            a1 = _rename(a1, RIOTERS, 5) if a1 is not None else _bare(RIOTERS, 5, "one side of the brawl")
            a2 = _rename(a2 if a2 is not None and a2.kind in civilian_side else None, RIOTERS, 5)
            return out("brawl", f"unarmed people fought each other: '{brawl.text}'", brawl)
        beating = _beating(doc, triggers, weapons, lower_text) if (a1 is None or _unarmed_uag(a1, doc)) and (
            a2 is None or a2.inter == 7) and not any(a.armed and a is not a1 for a in actors) else None
        if beating is not None:  # "two individuals beat a woman to death": a mob, not an armed group
            a1 = _rename(a1, RIOTERS, 5) if a1 is not None else _bare(RIOTERS, 5, "people who beat someone")
            a2 = a2 or _bare(CIVILIANS, 7, "the people beaten")
            return out("beating", f"people beat someone, no weapon named: '{beating.text}'", beating)
        crowd = _unarmed_people(doc, trig) if a1 is None and (a2 is None or a2.inter == 7) else None
        if crowd is not None:  # "members of a sect beat a man", "a number of people beat three persons"
            a1 = crowd
            return out("unarmed-crowd", f"unarmed people attacked: '{trig.text}'", trig)
        if battle and a1 is not None and a1.armed and _among_themselves(doc, triggers, a1, by_token):
            a2 = a1  # "a gunbattle between two rival gangs": the same kind of actor on both sides
            return out("rivals-fought", f"rival armed groups fought: '{trig.text}'", trig)
        side = _conjoined_side(a1, actors, doc) if battle and a1 is not None and a1.armed and (
            a2 is None or a2.inter == 7) else None
        if side is not None:  # "troops and border forces exchanged fire, killing a civilian": the fight is the event
            a2 = side
            return out("conjoined-sides", f"armed actors fought each other: '{trig.text}'", trig)
        fought_back = _defender(doc, triggers, by_token, a1) if battle and a1 is not None and a1.armed and (
            a2 is None or a2.inter == 7) else None
        if fought_back is not None:  # "attacked the mayor's home and was repelled by the security forces"
            defender, word = fought_back
            a2 = defender
            return out("defenders", f"armed defenders fought the attackers: '{word.text}'", word)
        fought_with = _community_fought(doc, triggers, by_token, a1) if battle and a1 is not None and a1.armed else None
        if fought_with is not None:  # "gunmen attacked the village and clashed with farmers": the farmers fought
            community, word = fought_with
            a2 = _communal(community)
            return out("community-fought-back", f"a community fought the armed attackers: '{word.text}'", word)
        if a2 is not None and a2.inter == 7 and (a1 is None or a1.armed):
            a1 = a1 or _bare("Unidentified Armed Group", 3, "attackers not named")
            return out("attack-on-civilians", f"armed actor against civilians: '{trig.text}'", trig)
        if a1 is None and a2 is None and _civilian_victims(doc, triggers):
            a1, a2 = _bare("Unidentified Armed Group", 3, "attackers not named"), _bare(CIVILIANS, 7, "victims")
            return out("attack-civilian-victims", f"civilians killed or hurt: '{trig.text}'", trig)
        if a1 is not None and a2 is None and a1.armed and not battle:
            a2 = _bare(CIVILIANS, 7, "no armed target named")
            return out("attack-no-armed-target", f"unidentified attackers, no armed target: '{trig.text}'", trig)
        if a1 is None and a2 is not None and a2.armed:
            a1 = _bare("Unidentified Armed Group", 3, "attackers not named")   # "a militia commander was shot dead"
        return out("armed-clash", f"armed actors fought: '{trig.text}'", trig)

    # --- territory without stated fighting
    territory = first({"territory"})
    if territory is not None and is_place_object(doc[territory.i], by_token) or (
        territory is not None and "control" in territory.text or territory is not None and "close" in territory.text):
        a1, a2 = _taker(territory, doc, by_token, actors, main_subject, speaker)
        if a1 is not None and a1.armed:
            return out(_territory(a1), f"control changed: '{territory.text}'", territory)
        a1, a2 = agent, patient
    withdraw = first({"withdraw"})
    if withdraw is not None and agent is not None and agent.armed:
        receiver = _receiver(doc[withdraw.i], by_token) if "hand" in withdraw.text.lower() else None
        if receiver is not None and receiver is not agent and receiver.armed:
            a1, a2 = receiver, agent  # ACLED names the side that takes control first
        return out("withdrawal", f"withdrawal without fighting: '{withdraw.text}'", withdraw)
    arrest = first({"arrest"})
    disrupt = first({"disrupt"})
    if arrest is not None and disrupt is not None and disrupt.i < arrest.i:
        arrest = None  # "defused a car bomb and detained two men": the device first
    if arrest is not None:
        if agent is not None and not state_agent and agent.inter in (2, 3, 4) and agent.name in load().authorities:
            return out("arrest-by-governing-group", f"detained by a group that governs where it acts: '{arrest.text}'", arrest)
        if agent is not None and not state_agent and agent.inter in (2, 3, 4):
            a2 = a2 or _bare(CIVILIANS, 7, "abducted people")
            return out("abduction-by-non-state", f"taken by a non-state group: '{arrest.text}'", arrest)
        a1 = a1 if state_agent else (next((a for a in actors if a.inter == 1), None) or _bare("Police Forces", 1, "arrests by the authorities"))
        if a2 is a1:
            a2 = None
        return out("arrest", f"arrest: '{arrest.text}'", arrest)
    seize = next((t for t in triggers if doc[t.i].lemma_.lower() in ("seize", "capture") ), None)
    if seize is not None and object_lemmas(doc[seize.i]) & WEAPON_OBJECTS:
        return out("weapons-seized", f"weapons seized: '{seize.text}'", seize)
    loot = first({"loot"}) or (seize if seize is not None and object_lemmas(doc[seize.i]) & PROPERTY else None)
    if loot is not None and disrupt is not None and (doc[loot.i] in doc[disrupt.i].conjuncts
                                                     or object_lemmas(doc[loot.i]) & (PROJECTILES | WEAPON_OBJECTS)):
        loot = None  # "the missiles were intercepted and destroyed": the weapon destroyed is the one stopped
    if loot is not None and (agent is not None or object_lemmas(doc[loot.i]) & PROPERTY):
        a1 = _looter(a1, doc) or _bare("Unidentified Armed Group", 3, "looters not named")
        return out("looting", f"property taken or destroyed: '{loot.text}'", loot)
    if disrupt is not None:
        return out("disrupted", f"weapon or attack stopped: '{disrupt.text}'", disrupt)
    base = first({"base"})
    if base is not None and agent is not None and any(doc[t.i].lemma_.lower() in ("establish", "set") for t in doc[base.i].sent):
        return out("base", f"base set up: '{base.text}'", base)
    agree = first({"agree"})
    if agree is not None and (agent is not None or patient is not None) and conflict_pact(doc, agree, actors):
        a1 = a1 or patient
        a2 = a2 if a2 is not a1 else None
        if doc[agree.i].lemma_.lower() == "proposal":
            return out("proposal", f"proposal: '{agree.text}'", agree)
        if a1 is not None and a1.inter == 7 and a1.start >= 0 and _of_communities(doc[a1.head]):
            a1 = _communal(a1)  # "elders of two rival clans signed a truce": the clans' militias agreed
        return out("agreement", f"agreement: '{agree.text}'", agree)
    change = first({"change"})
    if change is not None and agent is None and patient is None and any(w in change.text.lower() for w in SECURITY_MEASURES):
        a1 = _bare("Government", 1, "security measures are taken by the authorities")
        return out("security-measure", f"security measure: '{change.text}'", change)
    if change is not None and any(a is not None and (a.armed or a.inter in (1, 2, 3, 4, 8)) for a in (agent, patient)):
        # "militants were seen", "the army deployed": an armed or political group's activity, not
        # that of pupils who created a salad or boys last seen at a bus stop
        a1 = a1 or patient
        a2 = a2 if a2 is not a1 else None
        return out("group-activity", f"group activity: '{change.text}'", change)
    other = first({"other"})
    if other is not None:
        return out("other-development", f"significant development: '{other.text}'", other)
    return no_event("none-no-reading", f"'{lead.text}'")


_ABOUT = frozenset({"of", "against", "over", "about", "for", "into"})
_FIND = frozenset({"find", "discover", "uncover", "unearth", "locate", "exhume"})


def _gathering_hit(doc, gathering, triggers, weapons: dict[str, str]) -> bool:
    """The gathering is where violence struck, not what happened: its word hangs, through a preposition or
    as the object, under a word of violence, or under a verb whose subject or object is one ("an explosion tore
    through a rally", "the bombing at an election rally", "threw a grenade into the march")."""
    violent = {t.i for t in triggers if t.family == "violence"}
    heads = {w.split()[-1] for w in weapons.values()}  # "bombing" of "suicide bombing"

    def hits(t) -> bool:
        return t.i in violent or t.lower_ in heads

    tok, steps = gathering, 0
    while tok.dep_ in ("pobj", "prep", "dobj", "nsubjpass") and tok.head is not tok and steps < 4:
        tok, steps = tok.head, steps + 1
        if hits(tok) or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and hits(c) for c in tok.children):
            return True
    return False


def _grievance(tok) -> bool:
    """An event noun that is the object of "against", "over", "of", "following" ...: a protest's
    subject matter or its cause ("protested following the death of a civilian"), not its doing."""
    while tok.dep_ == "conj" and tok.head is not tok:  # "against the seizure of motorbikes and arrests"
        tok = tok.head
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _ABOUT:
        return True
    return tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in _CAUSE_WORDS


def _cause_clause(tok, protest_tok) -> bool:
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
        if any(c.dep_ == "mark" and c.lower_ in ("after", "because", "since", "following") for c in t.children):
            return True
        if objects and t.dep_ in ("dobj", "pobj") and t.head.lemma_.lower() in _CAUSE_LEMMAS:
            return True
    return False


_HARMED_LEMMAS = frozenset({"kill", "behead", "execute", "injure", "wound"})
_ATTEMPT_LEMMAS = frozenset({"attempt", "try", "fail", "foil", "thwart"})


def _attempted(tok) -> bool:
    """The word is what someone tried and failed to do: "attempted to kidnap", "an attempted abduction",
    "a foiled kidnapping"."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ATTEMPT_LEMMAS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _ATTEMPT_LEMMAS for c in tok.children)


def _protest_cause(tok, protest_tok) -> bool:
    """An arrest or intervention word that tells why people protested ("against 'arbitrary arrests'", "in
    reaction to the arrest of", "after 20 were arrested"), not what was done to the protest. A verb with its
    own subject counts only in a clause of cause ("... against the tax and police arrested five": done to it)."""
    if tok.pos_ == "NOUN":
        return _cause_clause(tok, protest_tok)
    return _caused_above(tok, protest_tok, objects=False)


def _subjects(tok) -> set:
    """The tokens of the subject phrases of ``tok`` (or of the verb it is conjoined to)."""
    while tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        tok = tok.head
    return {w for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}


_CLASH_LEMMAS = frozenset({"clash", "scuffle", "skirmish", "brawl"})
_CAUSE_MARKS = frozenset({"after", "following", "because", "since", "over", "against", "denouncing", "condemning"})
_CAUSE_LEMMAS = frozenset({"denounce", "condemn", "decry", "protest", "demand", "following", "after", "against"})
_REACTION_NOUNS = frozenset({"reaction", "response", "opposition", "protest", "retaliation"})
_CAUSE_WORDS = frozenset({"following", "after", "over", "against", "denouncing", "condemning", "protesting"})


_STREET_LEMMAS = frozenset({"riot", "rioter", "barricade", "stone", "pelt", "rampage"})


def _street_riot(t: Trigger, doc) -> bool:
    """Rioting in the street (stones, barricades, burning tyres), not vandalism of one place."""
    return doc[t.i].lemma_.lower() in _STREET_LEMMAS or t.text.lower() in RIOT_WORDS or "stone" in t.text.lower()


def _among_themselves(doc, triggers, actor: ActorRef, by_token: dict[int, ActorRef]) -> bool:
    """A fight word "between"/"among" one plural actor phrase ("between rival factions of X")."""
    if actor.head < 0:
        return False
    for t in triggers:
        tok = doc[t.i]
        if tok.lemma_.lower() not in BATTLE_WORDS and "fire" not in t.text:
            continue
        if tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in ("flee", "escape", "avoid", "from"):
            continue  # "they had fled fighting between rival factions": why they left, not this event
        for obj in prep_obj(tok, ("between", "among")):
            if any(c.dep_ == "conj" for c in obj.children) or any(t.dep_ == "cc" for t in obj.subtree):
                continue  # "between government forces and rebels" (however parsed): two sides named
            if actor.start <= obj.i < actor.end or actor.head in {g.i for g in obj.subtree}:
                return obj.tag_ in ("NNS", "NNPS") or obj.lemma_.lower() in ("faction", "gang", "group")
        # "two armed groups fought (with heavy machine guns)", "rival gangs clashed": a plural subject counted
        # or called rivals, and no other side named
        subj = doc[actor.head]
        if tok.lemma_.lower() in _RECIPROCAL_FIGHT and subj.dep_ == "nsubj" and subj.head.i == tok.i \
                and subj.tag_ in ("NNS", "NNPS") and any(
                    c.lower_ in _TWO_SIDES for c in subj.children if c.dep_ in ("nummod", "amod", "det")) \
                and not any(c.dep_ == "dobj" for c in tok.children) \
                and not any(ref_at(o, by_token) is not None for o in prep_obj(tok, ("with", "against"))):
            return True
    return False


_RECIPROCAL_FIGHT = frozenset({"fight", "clash", "battle", "skirmish"})
_TWO_SIDES = frozenset({"two", "rival", "both", "opposing", "competing", "several", "three"})


def _fired_at_unarmed(tok, by_token) -> bool:
    """"opened fire on a truck", "fired at a Fulani man": shooting at people or things that are not
    an armed side is no exchange of fire."""
    if tok.lemma_.lower() == "exchange" or any(c.lemma_.lower() == "exchange" for c in (tok, tok.head)):
        return False
    # "opened fire against the buses": the target hangs under the verb, its head, or the "fire" it opened
    for head in (tok, tok.head, *(c for c in tok.children if c.dep_ == "dobj")):
        for obj in prep_obj(head, ("on", "at", "against", "into")):
            ref = ref_at(obj, by_token)
            return ref is None or not ref.armed
    return False


def _bomber_stopped(doc, triggers) -> bool:
    """The suicide bomber is the one shot, killed or arrested ("shot and killed a suicide bomber")."""
    for t in triggers:
        tok = doc[t.i]
        if t.family not in ("violence", "arrest", "casualty"):
            continue
        for c in (c for v in (tok, *tok.conjuncts) for c in v.children):  # "shot and killed a suicide bomber"
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "bomber" and any(
                    g.lower_ == "suicide" for g in c.lefts):
                return True
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


_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})


def _speaker_pronoun(subj) -> bool:
    """"it", "they", "we", or a noun owned by one ("its fighters", "our forces")."""
    if subj.pos_ == "PRON":
        return subj.lower_ in _SPEAKER_PRONOUNS
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children)


# heads of unarmed groups of people who act as a mob when they attack (ACLED's rioters)
_PEOPLE_HEADS = frozenset({"member", "people", "brother", "villager", "resident", "youth", "inhabitant", "relative",
                           "family", "neighbour", "neighbor", "worshipper", "follower", "student", "person", "local",
                           "adherent", "devotee", "trader", "son", "kin"})
_QUANTITY_HEADS = frozenset({"number", "group", "crowd", "dozen", "hundred", "band", "handful", "couple"})
_ARMED_WORDS = frozenset({"armed", "gunman", "gunmen", "militant", "jihadist", "bandit", "fighter", "soldier"})


def _unarmed_people(doc, trig: Trigger) -> ActorRef | None:
    """The event word's subject when it names plain people, not an armed actor ("members of the
    sect", "a number of people", "four brothers"): a mob of rioters."""
    tok = doc[trig.i]
    if trig.family == "casualty":
        return None  # "two people died": victims
    for _ in range(3):  # "undressed, beat and filmed": the first of the conjoined verbs
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ != "VERB":
        return None
    subj, passive = subject_of(tok)
    if subj is None and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children) and (
            tok.tag_ != "VBN" or any(c.dep_ in ("dobj", "prt", "conj") for c in tok.children)):
        # "members of the sect tied up and beat ...": the parser hangs the verbs on the subject
        subj, passive = tok.head, False
    if subj is None or passive:
        return None
    head = subj
    if head.lemma_.lower() in _QUANTITY_HEADS:
        inner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), None)
        head = inner or head
    if head.lemma_.lower() not in _PEOPLE_HEADS:
        return None
    if any(t.lower_ in _ARMED_WORDS or t.lower_ in ("community", "communities", "ethnic", "clan", "tribe")
           for t in subj.subtree):
        return None  # armed men, or a community acting as one (a communal militia)
    return ActorRef(subj.left_edge.i, subj.right_edge.i + 1, subj.i, RIOTERS, 5, "group", None,
                    f"unarmed people '{subj.text}' acting as a mob")


def _harms_property_only(doc, triggers) -> bool:
    """Animals or things are the only objects of the violence ("soldiers killed 58 oxen")."""
    objects = set()
    for t in triggers:
        if t.family in ("violence", "loot"):
            tok = doc[t.i]
            found = object_lemmas(tok)
            if t.family == "violence":  # "fired at the site director": whom the shots were aimed at
                found |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
                          for g in c.children if g.dep_ == "pobj"}
            if tok.lemma_.lower() in _ASSAULT_VERBS:
                # "attacked and burned down a Fulani camp": the object the conjoined verbs share
                found |= {o for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" for o in object_lemmas(c)}
                if found & _SETTLEMENTS:
                    return False  # "attacked a Fulani camp": the people living there
            objects |= found
    return bool(objects) and objects <= PROPERTY | _THING_WORDS


_ASSAULT_VERBS = frozenset({"attack", "raid", "assault", "storm", "ambush"})
_SETTLEMENTS = frozenset({"camp", "hamlet", "village", "home", "house", "household", "settlement", "compound"})
_THING_WORDS = frozenset({"wall", "door", "window", "roof", "hamlet", "village", "site", "facility", "hall",
                          "supply", "tyre", "tire", "crop", "hut", "granary", "bike", "motorbike", "truck", "bus",
                          "sheep", "goat", "chicken", "pig", "camel", "donkey", "horse", "bull", "calf", "poultry"})
_HUMAN_WORDS = frozenset({"people", "person", "man", "woman", "child", "civilian", "soldier", "policeman", "villager",
                          "resident", "farmer", "pastoralist", "herder", "member", "individual", "officer", "guard"})


def _taker(trig: Trigger, doc, by_token, actors, main_subject, speaker: ActorRef | None = None
           ) -> tuple[ActorRef | None, ActorRef | None]:
    """Who took the place (the territory word's own subject, the speaker who says "it" or "its
    forces" took it, else the nearest actor before it)."""
    a, p, _ = roles(trig, doc, by_token, main_subject)
    if a is None and speaker is not None:
        a = speaker  # "the army said its forces had recaptured the city"
    if a is None:
        before = [x for x in actors if x.end <= trig.i and x.armed]
        a = before[-1] if before else None
    if p is None or p is a:
        p = next((x for x in actors if x is not a and x.armed and x.name != (a.name if a else None)), None)
    return a, p


def _subject_elsewhere(tok, triggers) -> bool:
    """The subject of a time clause whose verb is no event word ("... before UN peacekeepers based
    nearby arrived"): a party of another moment, not the target."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i not in {t.i for t in triggers} \
        and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)


_TIME_MARKS = frozenset({"before", "after", "until", "when", "as", "while", "once"})


def _of_communities(tok) -> bool:
    """People who speak for clans or communities ("elders of two rival clans", "leaders of the Tiv and
    Jukun communities")."""
    return any(g.lemma_.lower() in ("clan", "tribe", "community", "militia") for c in tok.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def _hurt_ones(tok, demo: ActorRef | None) -> bool:
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


def _only_suspected(tok) -> bool:
    """The actor phrase at ``tok`` only says what someone is suspected or accused of being
    ("a man suspected of being a member of an armed group", "accused of being jihadists")."""
    for a in list(tok.ancestors)[:5]:
        if a.lemma_.lower() == "be" and a.head.lower_ == "of" and a.head.head.lemma_.lower() in ("suspect", "accuse"):
            return True
    return False


def _conjoined_side(a1: ActorRef, actors: list[ActorRef], doc) -> ActorRef | None:
    """Another armed actor conjoined with ``a1`` as a subject ("Pakistani troops and Afghan border forces
    exchanged fire"): the other side of a fight, when the two are not of one state."""
    head = doc[a1.head]
    for a in actors:
        if a is a1 or not a.armed or a.head < 0:
            continue
        other = doc[a.head]
        if (other.dep_ == "conj" and other.head.i == head.i or head.dep_ == "conj" and head.head.i == other.i) \
                and not (a.inter == a1.inter == 1 and (a.country is None or a1.country is None or a.country == a1.country)):
            return a
    return None


def _defender(doc, triggers: list[Trigger], by_token, a1: ActorRef) -> tuple[ActorRef, Trigger] | None:
    """An armed actor that repelled ``a1``'s attack or exchanged fire with it ("was repelled by the security
    forces", "soldiers who repelled the attack", "exchanged fire with Beninese soldiers"): the other side of
    a fight, so that the attack on a home or a town hall it defended is a battle. Not ``a1``'s own side."""
    for t in triggers:
        tok = doc[t.i]
        lemma = tok.lemma_.lower()
        exchange = lemma == "exchange" or "exchang" in t.text.lower()
        if lemma not in REACTIVE and not exchange:
            continue
        refs = []
        if exchange:
            refs += [ref_at(o, by_token) for o in prep_obj(tok, ("with",))]
        else:
            refs += [ref_at(o, by_token) for o in prep_obj(tok, ("by",))]
            subj, passive = subject_of(tok)
            if subj is not None and not passive:
                if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    subj = tok.head   # "soldiers who repelled the attack"
                refs.append(ref_at(subj, by_token))
        for ref in refs:
            if ref is None or ref is a1 or not ref.armed or ref.name == a1.name:
                continue
            if ref.inter == a1.inter == 1 and (ref.country is None or ref.country == a1.country):
                continue
            return ref, t
    return None


_FIGHT_WITH = _RECIPROCAL_FIGHT | {"exchange"}


def _community_fought(doc, triggers: list[Trigger], by_token, a1: ActorRef) -> tuple[ActorRef, Trigger] | None:
    """Villagers, farmers, herders or hunters named as the other side of a fight with ``a1`` ("clashed with
    farmers", "exchanged fire with hunters"): they fought back, so they were a side, not only its targets."""
    for t in triggers:
        tok = doc[t.i]
        if tok.lemma_.lower() not in _FIGHT_WITH or tok.pos_ != "VERB":
            continue
        for obj in prep_obj(tok, ("with", "against")):
            ref = ref_at(obj, by_token)
            if ref is not None and ref is not a1 and ref.kind == "group_civilian":
                return ref, t
    return None


def _conjoined(a, b) -> bool:
    """Two actor words joined by "and" ("Malian troops and Russian fighters executed ..."): one side."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _receiver(tok, by_token) -> ActorRef | None:
    """Whom a place is handed over to ("handed over the camp to Malian forces")."""
    for word in (tok, *[c for c in tok.children if c.dep_ in ("prt", "dobj")]):
        for obj in prep_obj(word, ("to",)):
            ref = ref_at(obj, by_token)
            if ref is not None:
                return ref
    return None


def _territory(agent: ActorRef | None) -> str:
    """The convention row of a change of control: who took the place decides."""
    return "territory-government" if agent is not None and agent.inter == 1 else "territory-nonstate"


def _civilian_victims(doc, triggers) -> bool:
    for t in triggers:
        tok = doc[t.i]
        for c in tok.children:
            if c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in ("civilian", "child", "woman", "villager", "resident", "people", "man", "farmer", "student"):
                return True
    return False


def _rename(ref: ActorRef | None, base: str, inter: int) -> ActorRef:
    if ref is None:
        return _bare(base, inter, f"{base.lower()} (no words)")
    country = ref.country
    name = f"{base} ({country.name})" if country else base
    return ActorRef(ref.start, ref.end, ref.head, name, inter, ref.kind, country, ref.reason + f"; acting as {base.lower()}", ref.identity)


def _communal_side(ref: ActorRef, doc) -> bool:
    """An actor ACLED codes as a communal or ethnic militia when it fights or attacks: an
    occupational community (farmers, herders, pastoralists) or an identity group. Crowds of
    residents, villagers or youths are mobs (Mob violence), as in ACLED's notes."""
    occupational = ref.kind == "civilian" and ref.head >= 0 and any(
        c.lemma_.lower() in _OCCUPATIONS for c in doc[ref.head].lefts if c.dep_ in ("compound", "amod"))  # "pastoralist men"
    if not (ref.kind == "group_civilian" or occupational or (ref.kind == "civilian" and ref.identity is not None)):
        return False
    if ref.head < 0:
        return True
    head = doc[ref.head]  # one farmer who kills another man is a mob of one, not a militia
    if head.dep_ in ("compound", "amod") and (head.head.lemma_.lower() in ("community", "group", "clan", "tribe")
                                              or head.head.tag_ in ("NNS", "NNPS")):
        return True  # "members of the Yoruba community", "pastoralist men"
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in ("fulani", "peulh", "herdsmen", "fishermen") or any(
        c.dep_ == "nummod" and c.lower_ not in ("one", "1", "a") for c in head.children)


_FIREARM_WORDS = re.compile(r"\b(?:guns?|gunshots?|gunfire|gunmen|rifles?|shotguns?|firearms?|fire ?arms|opened fire|"
                            r"shot|shooting|armed|artisanal weapons?|hunting weapons?|militias?|intercommunal|"
                            r"inter-communal)\b")
_RAIDED = frozenset({"camp", "hamlet", "settlement", "village", "compound", "encampment"})
_SMALL_ARMS = re.compile(r"\b(?:gunfire|gunshots?|machine[- ]?guns?|small arms|rifles?|gunfights?|firefights?|gunbattles?|"
                         r"exchanged?\s+(?:of\s+)?(?:fire|gunfire|shots)|ambush(?:ed|es)?)\b")
_AIR_SUPPORT = re.compile(r"\b(?:supported|backed|assisted|covered|reinforced)\s+by\s+(?:\w+\s+){0,3}?"
                          r"(?:helicopters?|gunships?|aircraft|air\s+(?:support|power|force)|drones?|jets?|warplanes?)\b")
_BLADES = re.compile(r"\b(?:machetes?|knives|knife|cutlass(?:es)?|blade weapons?|bows?|arrows?)\b")
_MOB_JUSTICE = re.compile(r"\b(?:thie(?:f|ves)|robbers?|burglars?|witch(?:es|craft)?|sorcer(?:y|er|ers)|lynch\w*|mob)\b")
_DEATHS = re.compile(r"\b(?:killed|killing|dead|died|deaths?|fatalit(?:y|ies)|lives)\b")
_LETHAL = frozenset({"kill", "murder", "behead", "execute", "massacre", "slaughter", "hack", "decapitate"})


def _organised_violence(doc, triggers, lower_text: str) -> str:
    """Violence by a community that ACLED codes as a communal militia's: with firearms, or a raid on a
    camp, hamlet or village ('' when neither). Without these, beatings and brawls by farmers, herders
    or villagers are mob violence."""
    if _FIREARM_WORDS.search(lower_text):
        return "firearms"
    for t in triggers:
        if t.family == "violence" and (object_lemmas(doc[t.i]) | _in_objects(doc[t.i])) & _RAIDED:
            return "a raid on a settlement"
    return ""


def _in_objects(tok) -> set[str]:
    """"attacked civilians in a Fulani camp": the place of an assault word."""
    if tok.lemma_.lower() not in ("attack", "raid", "storm"):
        return set()
    return {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for g in c.children if g.dep_ == "pobj"} - {"village", "compound"}  # "in the village of X" is a place


_KIN = frozenset({"brother", "sister", "father", "mother", "son", "daughter", "wife", "husband", "uncle", "aunt",
                  "cousin", "nephew", "niece", "relative", "stepfather", "stepmother", "grandfather", "grandmother"})


_OCCUPATIONS = frozenset({"farmer", "pastoralist", "herder", "herdsman", "fisherman", "hunter", "farming", "herding"})
_TOWNSFOLK = frozenset({"people", "resident", "villager", "inhabitant", "youth", "native"})


def _place_community(ref: ActorRef, doc) -> bool:
    """The people of a named place ("people from Garou", "Sahe-Abigo people", "youths of Ganro"): ACLED's
    communal militia of that place when they attack."""
    if ref.head < 0 or ref.kind not in ("civilian", "group_civilian"):
        return False
    head = doc[ref.head]
    if head.lemma_.lower() not in _TOWNSFOLK or head.tag_ not in ("NNS", "NNPS") and head.lower_ != "people":
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of") and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
               for g in c.children) for c in head.children)


def _kin(ref: ActorRef, doc) -> bool:
    """The victim is the attacker's relative ("killed his brother"): a family feud, not communal violence."""
    return ref.head >= 0 and doc[ref.head].lemma_.lower() in _KIN


def _lethal(doc, triggers) -> bool:
    return any(t.family == "violence" and doc[t.i].lemma_.lower() in _LETHAL and doc[t.i].pos_ == "VERB" for t in triggers)


def _plural(ref: ActorRef, doc) -> bool:
    if ref.head < 0:
        return False
    head = doc[ref.head]
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() == "people"


_BRAWL_WORDS = frozenset({"clash", "fight", "fighting", "brawl", "scuffle", "fistfight", "altercation"})
_PRIVATE_CAUSE = re.compile(r"\b(?:dispute|feud|quarrel|argument|famil(?:y|ies)|fist|brawl|scuffle|rival|partisans|"
                            r"neighbou?rs|villagers|residents|youths|farmers|herders|pastoralists|communit(?:y|ies))\b")


def _brawl(doc, triggers, actors, weapons, lower_text: str) -> Trigger | None:
    """A fight word with no armed actor, no weapon and a private cause or plain people on both
    sides ("fighting broke out between two families over land"): ACLED's mob violence."""
    if weapons or any(a.armed for a in actors) or _FIREARM_WORDS.search(lower_text):
        return None
    fight = next((t for t in triggers if doc[t.i].lemma_.lower() in _BRAWL_WORDS or doc[t.i].lower_ in _BRAWL_WORDS), None)
    if fight is None or not (_PRIVATE_CAUSE.search(lower_text) or any(a.identity for a in actors) or any(
            doc[t.i].lemma_.lower() == "group" for t in triggers) or re.search(r"\bgroups? of\b", lower_text)):
        return None
    return fight


_BEAT_VERBS = frozenset({"beat", "assault", "lynch", "flog", "whip", "stone", "undress", "club", "punch", "kick"})


def _beating(doc, triggers, weapons, lower_text: str) -> Trigger | None:
    """A beating with no weapon named: what crowds and mobs do, not armed groups."""
    if weapons or _FIREARM_WORDS.search(lower_text) or re.search(r"\b(?:machetes?|knife|knives|cutlass)\b", lower_text):
        return None
    return next((t for t in triggers if doc[t.i].lemma_.lower() in _BEAT_VERBS and (
        doc[t.i].pos_ == "VERB" or doc[t.i].dep_ == "conj")), None)  # "undressed, beat, and filmed": a verb


def _unarmed_uag(ref: ActorRef, doc) -> bool:
    """"two individuals", "a group of people": an unidentified actor named by a plain word, not "gunmen"."""
    return ref.kind == "uag" and ref.head >= 0 and doc[ref.head].lemma_.lower() in ("individual", "person", "people") and not any(
        t.lower_ in ("armed", "masked", "hooded", "unknown", "unidentified") for t in doc[ref.start:ref.end])


def _one_phrase(a: ActorRef, b: ActorRef, doc) -> bool:
    """Two actor phrases side by side ("IS Sahel militants") or joined by "or" are one actor."""
    if a.start < 0 or b.start < 0:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    gap = [t.lower_ for t in doc[first.end:second.start]]
    if not gap:
        return first.armed and second.armed and (second.kind in ("uag", "militant") or second.name == first.name)
    return gap == ["or"] and first.inter == second.inter


def _looter(ref: ActorRef | None, doc) -> ActorRef | None:
    """Farmers, residents or an identity group who destroy or take property: a communal militia."""
    if ref is None or ref.kind not in ("civilian", "group_civilian"):
        return ref
    if ref.kind == "group_civilian" or ref.identity or _plural(ref, doc):
        return _communal(ref)
    return ref


def _planter(doc, triggers, by_token) -> ActorRef | None:
    """Who laid the device: "an IED planted by JNIM militants", "a Taliban-planted mine"."""
    for t in triggers:
        sent = doc[t.i].sent
        for tok in sent:
            if tok.lemma_.lower() in ("plant", "lay", "place", "emplace") and tok.tag_ == "VBN":
                for obj in prep_obj(tok, ("by",)):
                    ref = ref_at(obj, by_token)
                    if ref is not None and ref.armed:
                        return ref
        break
    return None


def _communal(ref: ActorRef) -> ActorRef:
    country = ref.country
    base = f"{ref.identity} Ethnic Militia" if ref.identity else COMMUNAL
    name = f"{base} ({country.name})" if country else base
    return ActorRef(ref.start, ref.end, ref.head, name, 4, "communal", country, ref.reason + "; armed communal group", ref.identity)


def _bare(name: str, inter: int, reason: str) -> ActorRef:
    return ActorRef(-1, -1, -1, name, inter, "implied", None, f"implied: {reason}")
