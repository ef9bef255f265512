"""The sub-event type of one sentence, decided in one place (``decide``).

``classify`` reads the sentence's features once (``features.read``) and walks ACLED's conventions
in the order of the table in ``lexicon/conventions.tsv``: each reading it returns names the row
that decided it, and the row gives the sub-type and the rationale that ``reasons`` records.
``decide`` then drops a reading the sentence or the report shows is not political at all.
"""
from __future__ import annotations

from .. import lexicon as lex
from .actors import CIVILIANS, RIOTERS, UAG, ActorRef
from .conventions import Typed, typed
from .cues import (
    attempted, beating_word, bomber_stopped, brawl_word, cause_clause, gathering_hit, grievance, harms_property_only,
    hurt_ones, lethal, organised_violence, protest_cause, street_riot,
)
from .features import read
from .lexicon import load
from .rules import (
    OPERATIONS, PROJECTILES, PROPERTY, RIOT_WORDS, SECURITY_MEASURES, VIOLENT, WEAPON_OBJECTS, Trigger,
    conflict_pact, earlier_act, is_place_object, object_lemmas, quarrel, ref_at,
)
from .sentence import not_political
from .sides import (
    among_themselves, armed_defender, bare, communal, communal_side, community_fought, conjoined_side, kin,
    looter, of_communities, place_community, planter_of, plural, receiver_of, rename, taker, territory_rule,
    unarmed_people, unarmed_uag,
)

CIVILIAN_SIDE_KINDS = lex.words("civilian_side_kinds")
PROTEST_RESPONSE_FAMILIES = lex.entries("protest_response_families")
PROTEST_HARM_FAMILIES = lex.entries("protest_harm_families")
CROWD_ACTOR_KINDS = lex.entries("crowd_actor_kinds")
PROTEST_TOLD_BEFORE_DETERMINERS = lex.entries("protest_told_before_determiners")

def decide(triggers: list[Trigger], actors: list[ActorRef], doc, weapons: dict[str, str], lower_text: str,
           sent_text: str, *, speakers: list[ActorRef] | tuple = (), shot_after: bool = False,
           story_frame: tuple[str, str] | None = None, political_report: bool = True) -> Typed | None:
    """The one decision on a sentence's event: the reading the conventions give (``classify``), unless
    the sentence or the report shows it is no political event at all (a row of no event). None: no
    event word."""
    found = classify(triggers, actors, doc, weapons, lower_text, speakers=speakers, shot_after=shot_after)
    if found is None or found.sub_event_type is None:
        return found
    why = not_political(found, actors, weapons, sent_text, story_frame, political_report=political_report)
    if why:
        return typed("none-not-political", None, None, found.trigger, why)
    return found


def classify(triggers: list[Trigger], actors: list[ActorRef], doc, weapons: dict[str, str],
             lower_text: str, *, speakers: list[ActorRef] | tuple = (), shot_after: bool = False) -> Typed | None:
    """The one event this sentence states (ACLED's most severe reading), named by its convention row;
    a row of no event gives a reading whose ``sub_event_type`` is None. None: no event word.

    ``actors`` are the ones that may take part; ``speakers`` are those that only attribute the
    sentence ("X said"): they act only when the event's subject is a pronoun for them ("X said
    it carried out the attack", "X said its fighters killed ..."). ``shot_after``: the next sentence tells
    that the victims were shot ("farmers and herders clashed. Several were wounded by gunshots").
    """
    if not triggers:
        return None
    f = read(triggers, actors, doc, weapons, lower_text, speakers=speakers, shot_after=shot_after)
    by_token, families, main_subject = f.by_token, f.families, f.main_subject
    agent, patient, how, lead, target_names, speaker = f.agent, f.patient, f.how, f.lead, f.target_names, f.speaker
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
        a1 = finders[0] if finders else bare("Government", 1, "the authorities who found the grave")
        a2, how = None, "finder of the grave"
        return out("grave-found", f"mass grave found: '{grave.text}'", grave)
    protest = first({"protest"})
    if protest is not None and earlier_act(doc[protest.i]) and any(
            t.family in ("violence", "casualty") and not earlier_act(doc[t.i]) for t in triggers):
        protest = None  # "a farmer was killed by herders after protesting against ...": the victim's act before
    if protest is not None and weapons and gathering_hit(doc, doc[protest.i], triggers, weapons):
        # "a blast tore through a campaign rally", "a suicide bombing at an election rally": a bomb's target
        protest = None
    riot = first({"riot"})
    mob = first({"mob"})
    violence = first({"violence", "casualty"})
    state_agent = f.state_agent
    if violence is not None and state_agent and first({"arrest"}) is not None and all(
            doc[t.i].lemma_.lower() in OPERATIONS for t in triggers if t.family in ("violence", "casualty")):
        violence = None  # "forces arrested twelve people during raids on homes": the raids were the arrests
    protesters_present = f.protesters

    # --- demonstrations
    if protest is not None or (protesters_present and (riot or "intervene" in families)):
        trig = protest or riot or first({"intervene"})
        demo = next((a for a in actors if a.kind in ("protester", "rioter")), None)
        # "chanted against the killings", "demonstrated after a colleague was killed": what the protest
        # is about, not what it did
        harm = next((t for t in triggers if t.family in PROTEST_HARM_FAMILIES
                     and not grievance(doc[t.i]) and not cause_clause(doc[t.i], doc[trig.i])), None)
        # "12 demonstrators injured": they were hurt, which does not make them violent
        hurt = harm is not None and harm.family == "casualty" and hurt_ones(doc[harm.i], demo)
        if any(c.lower_ == "peacefully" for c in doc[trig.i].children):
            harm = None
        violent = any(c.lower_ in ("violent", "riotous") for c in doc[trig.i].children if c.dep_ == "amod")
        # "police clashed with the demonstrators", "marched and scuffled with gendarmes": both sides fought,
        # whoever the sentence names first
        violent = violent or any(t.family == "violence" and doc[t.i].lemma_.lower() in _CLASH_LEMMAS
                                 and not grievance(doc[t.i]) and not cause_clause(doc[t.i], doc[trig.i])
                                 for t in triggers)
        state_present = f.state_present  # "two killed as police fire on protesters": the police harmed
        if violent or riot is not None or (harm is not None and not hurt and (agent is None and not state_present or agent is not None and agent.kind in CROWD_ACTOR_KINDS)):
            a1 = rename(demo or agent, RIOTERS, 5)
            a2 = next((a for a in actors if a.inter == 1), None)
            return out("demo-violent", f"demonstrators turned violent: '{(riot or harm or trig).text}'", trig)
        if demo is not None:
            a1 = rename(demo, "Protesters", 6)
        elif doc[trig.i].pos_ == "NOUN" and trig.family == "protest":  # "police dispersed the demonstration"
            a1 = ActorRef(trig.i, trig.i + 1, trig.i, "Protesters", 6, "protester", None,
                          f"the people of the '{doc[trig.i].text}'")
        else:
            a1 = bare("Protesters", 6, "protest without a named crowd")
        a2 = next((a for a in actors if a.inter == 1), None)
        killed = any(doc[t.i].lemma_.lower() in ("kill", "shoot") for t in triggers if t.family == "violence")
        if killed and a2 is not None:
            a1, a2 = a2, a1  # ACLED names the force that fired first, the protesters second
            return out("demo-lethal-force", "security forces used lethal force on protesters", trig)
        acts = [t for t in triggers if t.family in PROTEST_RESPONSE_FAMILIES and not grievance(doc[t.i])
                and not protest_cause(doc[t.i], doc[trig.i])]
        if any(t.family in ("intervene", "arrest") for t in acts) or (harm is not None and violence is not None and a2 is not None):
            cue = acts[0] if acts else harm  # "police wounded 12 demonstrators": the harm is the cue
            if state_agent and a2 is agent and doc[trig.i].pos_ == "NOUN" and doc[trig.i].i not in range(agent.start, agent.end) \
                    and demo is None and doc[cue.i].i < doc[trig.i].i and not any(
                        c.dep_ in ("det", "poss") and c.lower_ in PROTEST_TOLD_BEFORE_DETERMINERS for c in doc[trig.i].children):
                # "security forces used tear gas to disperse a protest": the forces act; "the demonstration"
                # points back to a protest already told, whose protesters stay first
                a1, a2 = agent, a1
            return out("demo-intervention", f"protest met with intervention: '{cue.text}'", trig)
        a2 = None
        return out("demo-peaceful", f"protest: '{trig.text}'", trig)
    if riot is not None and violence is None and mob is None:
        a1 = rename(agent or (actors[0] if actors else None), RIOTERS, 5)
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
        battle = f.battle
        if territory is not None and is_place_object(doc[territory.i], by_token):
            a1, a2 = taker(territory, doc, by_token, actors, main_subject, speaker)
            return out("battle-" + territory_rule(a1), f"control changed: '{territory.text}'", territory)
        kind = f.weapon
        if kind == "suicide" and bomber_stopped(doc, triggers):
            kind = None  # "forces shot a suicide bomber before he blew himself up": a fight, no bombing
        if kind is None and any(doc[t.i].lemma_.lower() in ("pound", "bombard") and doc[t.i].pos_ == "VERB" for t in triggers):
            kind = "shelling"  # "militants pounded a military base"
            weapons = {**weapons, "shelling": next(t.text for t in triggers if doc[t.i].lemma_.lower() in ("pound", "bombard"))}
        if kind in ("ied", "grenade") and battle and patient is not None and patient.armed:
            kind = None
        # explosions inside a battle belong to the battle: "an ambush by IED detonation, rockets and gunfire
        # against soldiers", "exchanged gunfire ... soldiers supported by helicopters"
        if kind == "shelling" and battle and f.small_arms and (patient is None or patient.armed):
            kind = None
        if kind == "air" and battle and f.air_support:
            kind = None
        if kind is not None:
            if a1 is not None and (a1.kind in ("civilian", "group_civilian") or a1.name in target_names and a1 is not agent):
                a1, a2 = None, a2 or a1
            planter = planter_of(doc, triggers, by_token)
            if planter is not None and planter is not a1:  # "the army vehicle hit an IED planted by JNIM"
                a1, a2 = planter, (a1 if a1 is not None and a1.armed else a2)
            if a1 is None:  # a bomb no one is named for: ACLED's unidentified armed group planted it
                a1 = bare(UAG, 3, f"no perpetrator named for the {weapons[kind]}")
            return out("remote-" + kind, f"weapon: '{weapons[kind]}'", trig)
        if first({"sexual"}) is not None and (a1 is None or a1.inter != 7):
            a2 = a2 or bare(CIVILIANS, 7, "victims of sexual violence")
            return out("sexual-violence", f"sexual violence: '{first({'sexual'}).text}'", first({"sexual"}))
        abduct = first({"abduct"})
        tried = abduct is not None and attempted(doc[abduct.i]) and violence is not None
        if tried:
            abduct = None  # "attempted to kidnap the mayor ... fired a few shots": no one was taken, the attack stands
        # someone killed or wounded besides those taken ("attacked and injured a herder and kidnapped his wife"):
        # ACLED codes the attack
        if abduct is not None and not any(t.family in ("violence", "casualty") and doc[t.i].lemma_.lower() in _HARMED_LEMMAS
                                          for t in triggers):
            if state_agent:
                return out("abduction-by-state", f"taken by state forces: '{abduct.text}'", abduct)
            a2 = a2 if a2 is not None and a2.inter == 7 else (a2 or bare(CIVILIANS, 7, "abducted people"))
            a1 = a1 or bare("Unidentified Armed Group", 3, "abductors not named")
            return out("abduction", f"abduction: '{abduct.text}'", abduct)
        if (a2 is None or a2.inter == 7) and not battle and not tried and harms_property_only(doc, triggers):
            a1 = looter(a1, doc) or bare("Unidentified Armed Group", 3, "attackers not named")
            a2 = None if a2 is not None and a2.inter == 7 else a2
            return out("property-only", f"only animals or property harmed: '{trig.text}'", trig)
        civilian_side = CIVILIAN_SIDE_KINDS
        if a1 is None and battle and mob is None and a2 is not None and a2.kind in civilian_side and communal_side(a2, doc):
            a1, a2 = communal(a2), None  # "six herders died in intercommunal clashes": a side of the fight
            return out("communal-victims-fought", "communal groups fought each other", trig)
        street = next((t for t in triggers if t.family == "riot" and street_riot(t, doc)), None)
        if street is not None and mob is None and (a1 is None or a1.kind in civilian_side | {"protester"}) and (
                a2 is None or a2.inter == 1) and not f.mob_justice:
            # stones thrown at the police, barricades, a riot: a violent demonstration, not a mob's attack
            a1 = rename(a1, RIOTERS, 5)
            a2 = a2 or next((a for a in actors if a.inter == 1), None)
            return out("street-riot", f"a crowd rioted against the authorities: '{street.text}'", street)
        if mob is not None or (a1 is not None and a1.kind in civilian_side):
            victims = a2
            community = a1 is not None and mob is None and communal_side(a1, doc)
            armed_by = organised_violence(doc, triggers, f.firearms) if a1 is not None and mob is None else ""
            if not armed_by and f.shot_after and battle and mob is None:
                armed_by = "the next sentence tells of gunshot wounds"
            if not armed_by and community and mob is None and not battle and victims is not None and victims.kind != "criminal" and (
                    lethal(doc, triggers) or f.blades) and not f.mob_justice \
                    and not kin(victims, doc):
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
            if community and not armed_by:
                # farmers, herders or villagers who beat, wound or fight without firearms and without
                # raiding a settlement: an unorganised crowd (ACLED's rioters), however many they are
                a1 = rename(a1, RIOTERS, 5)
                if victims is not None and victims.kind in civilian_side and (battle or victims.kind == "group"):
                    a2 = rename(victims, RIOTERS, 5)
                elif victims is None and battle:
                    a2 = bare(RIOTERS, 5, "the other side of the fight")
                return out("community-unorganised", f"a community fought or beat people, unorganised: '{trig.text}'", trig)
            if community or armed_by and a1 is not None and a1.kind in ("civilian", "group_civilian") and (
                    not f.mob_justice) and (
                    a1.kind == "group_civilian" or plural(a1, doc)):
                # farmers, herders, villagers, identity groups with guns, raiding a camp or killing: communal militias
                a1 = communal(a1)
                if victims is not None and (victims.armed or battle and (victims.kind in civilian_side or victims.kind == "criminal")):
                    if victims.kind in civilian_side and communal_side(victims, doc):
                        a2 = communal(victims)
                    return out("communal-armed-clash", "armed communal groups fought", trig)
                if victims is None and battle:
                    return out("communal-fought-each-other", "communal groups fought each other", trig)
                a2 = victims or bare(CIVILIANS, 7, "victims")
                return out("communal-attack", "communal militia attacked civilians", trig)
            a1 = rename(a1, RIOTERS, 5) if a1 is not None else bare(RIOTERS, 5, "mob")
            if victims is not None and victims.kind in civilian_side and "clash" in lower_text:
                a2 = rename(victims, RIOTERS, 5)
            return out("mob-attack", f"people or a mob attacked: '{trig.text}'", trig)
        brawl = brawl_word(doc, triggers, actors, weapons, lower_text, f.firearms) if a1 is None or a1.kind in civilian_side else None
        if brawl is not None:  # "fighting broke out between two families": no organised side
            a1 = rename(a1, RIOTERS, 5) if a1 is not None else bare(RIOTERS, 5, "one side of the brawl")
            a2 = rename(a2 if a2 is not None and a2.kind in civilian_side else None, RIOTERS, 5)
            return out("brawl", f"unarmed people fought each other: '{brawl.text}'", brawl)
        beating = beating_word(doc, triggers, weapons, lower_text, f.firearms) if (a1 is None or unarmed_uag(a1, doc)) and (
            a2 is None or a2.inter == 7) and not any(a.armed and a is not a1 for a in actors) else None
        if beating is not None:  # "two individuals beat a woman to death": a mob, not an armed group
            a1 = rename(a1, RIOTERS, 5) if a1 is not None else bare(RIOTERS, 5, "people who beat someone")
            a2 = a2 or bare(CIVILIANS, 7, "the people beaten")
            return out("beating", f"people beat someone, no weapon named: '{beating.text}'", beating)
        crowd = unarmed_people(doc, trig) if a1 is None and (a2 is None or a2.inter == 7) else None
        if crowd is not None:  # "members of a sect beat a man", "a number of people beat three persons"
            a1 = crowd
            return out("unarmed-crowd", f"unarmed people attacked: '{trig.text}'", trig)
        if battle and a1 is not None and a1.armed and among_themselves(doc, triggers, a1, by_token):
            a2 = a1  # "a gunbattle between two rival gangs": the same kind of actor on both sides
            return out("rivals-fought", f"rival armed groups fought: '{trig.text}'", trig)
        side = conjoined_side(a1, actors, doc) if battle and a1 is not None and a1.armed and (
            a2 is None or a2.inter == 7) else None
        if side is not None:  # "troops and border forces exchanged fire, killing a civilian": the fight is the event
            a2 = side
            return out("conjoined-sides", f"armed actors fought each other: '{trig.text}'", trig)
        fought_back = armed_defender(doc, triggers, by_token, a1) if battle and a1 is not None and a1.armed and (
            a2 is None or a2.inter == 7) else None
        if fought_back is not None:  # "attacked the mayor's home and was repelled by the security forces"
            defender, word = fought_back
            a2 = defender
            return out("defenders", f"armed defenders fought the attackers: '{word.text}'", word)
        fought_with = community_fought(doc, triggers, by_token, a1) if battle and a1 is not None and a1.armed else None
        if fought_with is not None:  # "gunmen attacked the village and clashed with farmers": the farmers fought
            community, word = fought_with
            a2 = communal(community)
            return out("community-fought-back", f"a community fought the armed attackers: '{word.text}'", word)
        if a2 is not None and a2.inter == 7 and (a1 is None or a1.armed):
            a1 = a1 or bare("Unidentified Armed Group", 3, "attackers not named")
            return out("attack-on-civilians", f"armed actor against civilians: '{trig.text}'", trig)
        if a1 is None and a2 is None and f.civilian_victims:
            a1, a2 = bare("Unidentified Armed Group", 3, "attackers not named"), bare(CIVILIANS, 7, "victims")
            return out("attack-civilian-victims", f"civilians killed or hurt: '{trig.text}'", trig)
        if a1 is not None and a2 is None and a1.armed and not battle:
            a2 = bare(CIVILIANS, 7, "no armed target named")
            return out("attack-no-armed-target", f"unidentified attackers, no armed target: '{trig.text}'", trig)
        if a1 is None and a2 is not None and a2.armed:
            a1 = bare("Unidentified Armed Group", 3, "attackers not named")   # "a militia commander was shot dead"
        return out("armed-clash", f"armed actors fought: '{trig.text}'", trig)

    # --- territory without stated fighting
    territory = first({"territory"})
    if territory is not None and is_place_object(doc[territory.i], by_token) or (
        territory is not None and "control" in territory.text or territory is not None and "close" in territory.text):
        a1, a2 = taker(territory, doc, by_token, actors, main_subject, speaker)
        if a1 is not None and a1.armed:
            return out(territory_rule(a1), f"control changed: '{territory.text}'", territory)
        a1, a2 = agent, patient
    withdraw = first({"withdraw"})
    if withdraw is not None and agent is not None and agent.armed:
        receiver = receiver_of(doc[withdraw.i], by_token) if "hand" in withdraw.text.lower() else None
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
            a2 = a2 or bare(CIVILIANS, 7, "abducted people")
            return out("abduction-by-non-state", f"taken by a non-state group: '{arrest.text}'", arrest)
        a1 = a1 if state_agent else (next((a for a in actors if a.inter == 1), None) or bare("Police Forces", 1, "arrests by the authorities"))
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
        a1 = looter(a1, doc) or bare("Unidentified Armed Group", 3, "looters not named")
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
        if a1 is not None and a1.inter == 7 and a1.start >= 0 and of_communities(doc[a1.head]):
            a1 = communal(a1)  # "elders of two rival clans signed a truce": the clans' militias agreed
        return out("agreement", f"agreement: '{agree.text}'", agree)
    change = first({"change"})
    if change is not None and agent is None and patient is None and any(w in change.text.lower() for w in SECURITY_MEASURES):
        a1 = bare("Government", 1, "security measures are taken by the authorities")
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


_FIND = lex.words("grave_finding_lemmas")


_HARMED_LEMMAS = lex.words("harm_besides_abduction_lemmas")


_CLASH_LEMMAS = lex.words("demonstration_clash_lemmas")


