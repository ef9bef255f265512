"""The sub-event type of one sentence, decided in one place (``decide``).

``classify`` reads the sentence's features once (``features.read``); the first row of the
conventions table (``lexicon/conventions.tsv``) whose condition holds on them decides
(``conventions.first``). The row gives the sub-type and the rationale that ``reasons`` records; the
row's code here (``SIDES``) only says who the sides are (actor 1 and 2 start as the agent and the
patient) and which words the reason quotes. ``decide`` then drops a reading the sentence or the
report shows is not political at all.
"""
from __future__ import annotations

from collections.abc import Callable

from .. import lexicon as lex
from .actors import CIVILIANS, RIOTERS, UAG, ActorRef
from .conventions import NO_EVENT, Typed, first, typed
from .features import CIVILIAN_SIDE_KINDS, Features, read
from .rules import Trigger, ref_at
from .sentence import not_political
from .sides import bare, communal, communal_side, looter, of_communities, planter_of, receiver_of, rename

PROTEST_TOLD_BEFORE_DETERMINERS = lex.entries("protest_told_before_determiners")


def decide(triggers: list[Trigger], actors: list[ActorRef], doc, weapons: dict[str, str], lower_text: str,
           sent_text: str, *, speakers: list[ActorRef] | tuple = (), shot_after: bool = False,
           story_frame: tuple[str, str] | None = None, political_report: bool = True,
           continuing: bool = False) -> Typed | None:
    """The one decision on a sentence's event: the reading the conventions give (``classify``), unless
    the sentence or the report shows it is no political event at all (a row of no event). None: no
    event word."""
    found = classify(triggers, actors, doc, weapons, lower_text, speakers=speakers, shot_after=shot_after)
    if found is None or found.sub_event_type is None:
        return found
    why = not_political(found, actors, weapons, sent_text, story_frame, political_report=political_report,
                        continuing=continuing)
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

    The table decides: the first row of ``lexicon/conventions.tsv`` whose condition holds on the
    features (``conventions.first``). The code of the row (``SIDES``) only says who the sides are
    and what the reason quotes.
    """
    if not triggers:
        return None
    f = read(triggers, actors, doc, weapons, lower_text, speakers=speakers, shot_after=shot_after)
    row = first(f)
    r = _Reading(f, doc, actors, speakers, lower_text)
    if row.sub_event_type == NO_EVENT:
        word = f.violence if row.id in _ON_VIOLENCE else f.lead
        return typed(row.id, None, None, f.lead, f"'{word.text}'")
    return SIDES[row.id](r, row.id)


class _Reading:
    """The sides of a reading as a row's code sets them: actor 1 and 2 start as the agent and the patient."""

    def __init__(self, f: Features, doc, actors: list[ActorRef], speakers, lower_text: str) -> None:
        self.f, self.doc, self.actors, self.speakers, self.lower_text = f, doc, actors, speakers, lower_text
        self.a1, self.a2, self.how = f.agent, f.patient, f.how

    def out(self, rule_id: str, detail: str, trig: Trigger | None = None) -> Typed:
        """The reading the convention row ``rule_id`` gives, with the sides as they stand."""
        a1, a2 = self.a1, self.a2
        return typed(rule_id, a1, a2, trig or self.f.lead, detail,
                     a1.reason + (f" ({self.how})" if self.how else "") if a1 else "", a2.reason if a2 else "")

    def state_actor(self) -> ActorRef | None:
        return next((a for a in self.actors if a.inter == 1), None)


#: row id -> the code that sets the sides of a reading the row decides (every row of an event the table decides)
SIDES: dict[str, Callable[[_Reading, str], Typed]] = {}
_ON_VIOLENCE = {"none-deaths-only", "none-quarrel"}  # rows of no event that quote the violence word


def _sides(*rule_ids: str):
    """Register the code that sets the sides for the rows ``rule_ids``."""
    def register(fn):
        for rid in rule_ids:
            SIDES[rid] = fn
        return fn
    return register


@_sides("grave-found")
def _grave(r: _Reading, rid: str) -> Typed:
    """The remains tell of past killings: the finding is the event; the authorities found them."""
    grave, doc = r.f.grave, r.doc
    finders = [a for a in (*r.actors, *r.speakers) if a.inter == 1 and a.start >= 0] or [
        a for a in (ref_at(s, r.f.by_token) for v in doc[grave.i].sent if v.lemma_.lower() in _FIND
                    for s in v.children if s.dep_ == "nsubj") if a is not None and a.inter == 7]
    r.a1 = finders[0] if finders else bare("Government", 1, "the authorities who found the grave")
    r.a2, r.how = None, "finder of the grave"
    return r.out(rid, f"mass grave found: '{grave.text}'", grave)


@_sides("bodies-found")
def _bodies(r: _Reading, rid: str) -> Typed:
    """Remains that show a violent death: killed by people no one names, as ACLED codes them; the dead were civilians
    unless the sentence says whose they were."""
    r.a1 = bare(UAG, 3, "no killer named for the bodies found")
    r.a2 = r.a2 or bare(CIVILIANS, 7, "the dead found")
    return r.out(rid, "bodies found with marks of a violent death", r.f.bodies_found)


@_sides("monitor-explosions", "monitor-violations")
def _monitored(r: _Reading, rid: str) -> Typed:
    """What monitors heard or saw from afar: fired by sides they do not name (both sides of an exchange)."""
    r.a1 = r.a1 if r.a1 is not None and r.a1.armed else bare(UAG, 3, "the monitors name no side")
    if rid == "monitor-violations":
        r.a2 = r.a2 if r.a2 is not None and r.a2.armed else bare(UAG, 3, "the other side of the exchange")
    trigger = next(t for t in r.f.triggers if t.text == r.f.monitored)
    return r.out(rid, f"counted by monitors: '{r.doc[trigger.i].text}'", trigger)


@_sides("demo-violent")
def _demo_violent(r: _Reading, rid: str) -> Typed:
    f = r.f
    r.a1 = rename(f.crowd or f.agent, RIOTERS, 5)
    r.a2 = r.state_actor()
    return r.out(rid, f"demonstrators turned violent: '{(f.riot or f.protest_harm or f.demo_trigger).text}'", f.demo_trigger)


def _protesters(r: _Reading) -> None:
    """Actor 1 the protesters (named, the people of the protest noun, or implied), actor 2 the state force."""
    f, doc, trig = r.f, r.doc, r.f.demo_trigger
    if f.crowd is not None:
        r.a1 = rename(f.crowd, "Protesters", 6)
    elif doc[trig.i].pos_ == "NOUN" and trig.family == "protest":  # "police dispersed the demonstration"
        r.a1 = ActorRef(trig.i, trig.i + 1, trig.i, "Protesters", 6, "protester", None,
                        f"the people of the '{doc[trig.i].text}'")
    else:
        r.a1 = bare("Protesters", 6, "protest without a named crowd")
    r.a2 = r.state_actor()


@_sides("demo-lethal-force")
def _demo_lethal(r: _Reading, rid: str) -> Typed:
    _protesters(r)
    r.a1, r.a2 = r.a2, r.a1  # ACLED names the force that fired first, the protesters second
    return r.out(rid, "security forces used lethal force on protesters", r.f.demo_trigger)


@_sides("demo-intervention")
def _demo_intervention(r: _Reading, rid: str) -> Typed:
    _protesters(r)
    f, doc, trig, agent = r.f, r.doc, r.f.demo_trigger, r.f.agent
    cue = f.protest_acts[0] if f.protest_acts else f.protest_harm  # "police wounded 12 demonstrators": the harm is the cue
    if f.state_agent and r.a2 is agent and doc[trig.i].pos_ == "NOUN" and doc[trig.i].i not in range(agent.start, agent.end) \
            and f.crowd is None and doc[cue.i].i < doc[trig.i].i and not any(
                c.dep_ in ("det", "poss") and c.lower_ in PROTEST_TOLD_BEFORE_DETERMINERS for c in doc[trig.i].children):
        # "security forces used tear gas to disperse a protest": the forces act; "the demonstration"
        # points back to a protest already told, whose protesters stay first
        r.a1, r.a2 = agent, r.a1
    return r.out(rid, f"protest met with intervention: '{cue.text}'", trig)


@_sides("demo-peaceful")
def _demo_peaceful(r: _Reading, rid: str) -> Typed:
    _protesters(r)
    r.a2 = None
    return r.out(rid, f"protest: '{r.f.demo_trigger.text}'", r.f.demo_trigger)


@_sides("riot-word", "riot-mob")
def _riot(r: _Reading, rid: str) -> Typed:
    riot = r.f.riot
    r.a1 = rename(r.f.agent or (r.actors[0] if r.actors else None), RIOTERS, 5)
    r.a2 = r.state_actor()
    detail = f"riot: '{riot.text}'" if rid == "riot-word" else f"people attacked without a demonstration: '{riot.text}'"
    return r.out(rid, detail, riot)


@_sides("battle-territory-government", "battle-territory-nonstate")
def _battle_territory(r: _Reading, rid: str) -> Typed:
    r.a1, r.a2 = r.f.taker
    return r.out(rid, f"control changed: '{r.f.territory.text}'", r.f.territory)


@_sides("remote-chemical", "remote-suicide", "remote-air", "remote-shelling", "remote-grenade", "remote-ied")
def _remote(r: _Reading, rid: str) -> Typed:
    f, a1, a2 = r.f, r.a1, r.a2
    if a1 is not None and (a1.kind in ("civilian", "group_civilian") or a1.name in f.target_names and a1 is not f.agent):
        a1, a2 = None, a2 or a1
    planter = planter_of(r.doc, f.triggers, f.by_token)
    if planter is not None and planter is not a1:  # "the army vehicle hit an IED planted by JNIM"
        a1, a2 = planter, (a1 if a1 is not None and a1.armed else a2)
    words = f.weapon_words[f.weapon_used]
    if a1 is None:  # a bomb no one is named for: ACLED's unidentified armed group planted it
        a1 = bare(UAG, 3, f"no perpetrator named for the {words}")
    r.a1, r.a2 = a1, a2
    return r.out(rid, f"weapon: '{words}'", f.violent_trigger)


@_sides("sexual-violence")
def _sexual(r: _Reading, rid: str) -> Typed:
    r.a2 = r.a2 or bare(CIVILIANS, 7, "victims of sexual violence")
    return r.out(rid, f"sexual violence: '{r.f.sexual.text}'", r.f.sexual)


@_sides("abduction-by-state", "abduction")
def _abduction(r: _Reading, rid: str) -> Typed:
    abduct = r.f.abduct
    if rid == "abduction-by-state":
        return r.out(rid, f"taken by state forces: '{abduct.text}'", abduct)
    r.a2 = r.a2 if r.a2 is not None and r.a2.inter == 7 else (r.a2 or bare(CIVILIANS, 7, "abducted people"))
    r.a1 = r.a1 or bare(UAG, 3, "abductors not named")
    return r.out(rid, f"abduction: '{abduct.text}'", abduct)


@_sides("property-only")
def _property(r: _Reading, rid: str) -> Typed:
    r.a1 = looter(r.a1, r.doc) or bare(UAG, 3, "attackers not named")
    r.a2 = None if r.a2 is not None and r.a2.inter == 7 else r.a2
    return r.out(rid, f"only animals or property harmed: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("communal-victims-fought")
def _communal_victims(r: _Reading, rid: str) -> Typed:
    r.a1, r.a2 = communal(r.a2), None  # "six herders died in intercommunal clashes": a side of the fight
    return r.out(rid, "communal groups fought each other", r.f.violent_trigger)


@_sides("street-riot")
def _street_riot(r: _Reading, rid: str) -> Typed:
    # stones thrown at the police, barricades, a riot: a violent demonstration, not a mob's attack
    r.a1 = rename(r.a1, RIOTERS, 5)
    r.a2 = r.a2 or r.state_actor()
    return r.out(rid, f"a crowd rioted against the authorities: '{r.f.street_riot.text}'", r.f.street_riot)


@_sides("community-unorganised")
def _community_unorganised(r: _Reading, rid: str) -> Typed:
    # farmers, herders or villagers who beat, wound or fight without firearms and without raiding a
    # settlement: an unorganised crowd (ACLED's rioters), however many they are
    f, victims = r.f, r.f.patient
    r.a1 = rename(r.a1, RIOTERS, 5)
    if victims is not None and victims.kind in CIVILIAN_SIDE_KINDS and (f.battle or victims.kind == "group"):
        r.a2 = rename(victims, RIOTERS, 5)
    elif victims is None and f.battle:
        r.a2 = bare(RIOTERS, 5, "the other side of the fight")
    return r.out(rid, f"a community fought or beat people, unorganised: '{f.violent_trigger.text}'", f.violent_trigger)


@_sides("communal-armed-clash", "communal-fought-each-other", "communal-attack")
def _communal(r: _Reading, rid: str) -> Typed:
    f, victims = r.f, r.f.patient
    r.a1 = communal(r.a1)
    if rid == "communal-armed-clash":
        if victims.kind in CIVILIAN_SIDE_KINDS and communal_side(victims, r.doc):
            r.a2 = communal(victims)
        return r.out(rid, "armed communal groups fought", f.violent_trigger)
    if rid == "communal-fought-each-other":
        return r.out(rid, "communal groups fought each other", f.violent_trigger)
    r.a2 = victims or bare(CIVILIANS, 7, "victims")
    return r.out(rid, "communal militia attacked civilians", f.violent_trigger)


@_sides("mob-attack")
def _mob(r: _Reading, rid: str) -> Typed:
    f, victims = r.f, r.f.patient
    r.a1 = rename(r.a1, RIOTERS, 5) if r.a1 is not None else bare(RIOTERS, 5, "mob")
    if victims is not None and victims.kind in CIVILIAN_SIDE_KINDS and "clash" in r.lower_text:
        r.a2 = rename(victims, RIOTERS, 5)
    return r.out(rid, f"people or a mob attacked: '{f.violent_trigger.text}'", f.violent_trigger)


@_sides("brawl")
def _brawl(r: _Reading, rid: str) -> Typed:  # "fighting broke out between two families": no organised side
    r.a1 = rename(r.a1, RIOTERS, 5) if r.a1 is not None else bare(RIOTERS, 5, "one side of the brawl")
    r.a2 = rename(r.a2 if r.a2 is not None and r.a2.kind in CIVILIAN_SIDE_KINDS else None, RIOTERS, 5)
    return r.out(rid, f"unarmed people fought each other: '{r.f.brawl.text}'", r.f.brawl)


@_sides("beating")
def _beating(r: _Reading, rid: str) -> Typed:  # "two individuals beat a woman to death": a mob, not an armed group
    r.a1 = rename(r.a1, RIOTERS, 5) if r.a1 is not None else bare(RIOTERS, 5, "people who beat someone")
    r.a2 = r.a2 or bare(CIVILIANS, 7, "the people beaten")
    return r.out(rid, f"people beat someone, no weapon named: '{r.f.beating.text}'", r.f.beating)


@_sides("unarmed-crowd")
def _unarmed_crowd(r: _Reading, rid: str) -> Typed:  # "members of a sect beat a man", "a number of people beat three"
    r.a1 = r.f.unarmed_subject
    return r.out(rid, f"unarmed people attacked: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("rivals-fought")
def _rivals(r: _Reading, rid: str) -> Typed:  # "a gunbattle between two rival gangs": one kind of actor on both sides
    r.a2 = r.a1
    return r.out(rid, f"rival armed groups fought: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("conjoined-sides")
def _conjoined(r: _Reading, rid: str) -> Typed:  # "troops and border forces exchanged fire, killing a civilian"
    r.a2 = r.f.conjoined
    return r.out(rid, f"armed actors fought each other: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("defenders")
def _defenders(r: _Reading, rid: str) -> Typed:  # "attacked the mayor's home and was repelled by the security forces"
    r.a2, word = r.f.defender
    return r.out(rid, f"armed defenders fought the attackers: '{word.text}'", word)


@_sides("community-fought-back")
def _community_fought_back(r: _Reading, rid: str) -> Typed:  # "gunmen attacked the village and clashed with farmers"
    community, word = r.f.community_fought_back
    r.a2 = communal(community)
    return r.out(rid, f"a community fought the armed attackers: '{word.text}'", word)


@_sides("attack-on-civilians")
def _attack_on_civilians(r: _Reading, rid: str) -> Typed:
    r.a1 = r.a1 or bare(UAG, 3, "attackers not named")
    return r.out(rid, f"armed actor against civilians: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("attack-civilian-victims")
def _attack_civilian_victims(r: _Reading, rid: str) -> Typed:
    r.a1, r.a2 = bare(UAG, 3, "attackers not named"), bare(CIVILIANS, 7, "victims")
    return r.out(rid, f"civilians killed or hurt: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("attack-no-armed-target")
def _attack_no_armed_target(r: _Reading, rid: str) -> Typed:
    r.a2 = bare(CIVILIANS, 7, "no armed target named")
    return r.out(rid, f"unidentified attackers, no armed target: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("armed-clash")
def _armed_clash(r: _Reading, rid: str) -> Typed:
    if r.a1 is None and r.a2 is not None and r.a2.armed:
        r.a1 = bare(UAG, 3, "attackers not named")   # "a militia commander was shot dead"
    return r.out(rid, f"armed actors fought: '{r.f.violent_trigger.text}'", r.f.violent_trigger)


@_sides("territory-government", "territory-nonstate")
def _territory(r: _Reading, rid: str) -> Typed:
    r.a1, r.a2 = r.f.taker
    return r.out(rid, f"control changed: '{r.f.territory.text}'", r.f.territory)


@_sides("withdrawal")
def _withdrawal(r: _Reading, rid: str) -> Typed:
    withdraw, agent = r.f.withdraw, r.f.agent
    receiver = receiver_of(r.doc[withdraw.i], r.f.by_token) if "hand" in withdraw.text.lower() else None
    if receiver is not None and receiver is not agent and receiver.armed:
        r.a1, r.a2 = receiver, agent  # ACLED names the side that takes control first
    return r.out(rid, f"withdrawal without fighting: '{withdraw.text}'", withdraw)


@_sides("arrest-by-governing-group", "abduction-by-non-state", "arrest")
def _arrest(r: _Reading, rid: str) -> Typed:
    arrest = r.f.arrest
    if rid == "arrest-by-governing-group":
        return r.out(rid, f"detained by a group that governs where it acts: '{arrest.text}'", arrest)
    if rid == "abduction-by-non-state":
        r.a2 = r.a2 or bare(CIVILIANS, 7, "abducted people")
        return r.out(rid, f"taken by a non-state group: '{arrest.text}'", arrest)
    r.a1 = r.a1 if r.f.state_agent else (r.state_actor() or bare("Police Forces", 1, "arrests by the authorities"))
    if r.a2 is r.a1:
        r.a2 = None
    return r.out(rid, f"arrest: '{arrest.text}'", arrest)


@_sides("weapons-seized")
def _weapons_seized(r: _Reading, rid: str) -> Typed:
    return r.out(rid, f"weapons seized: '{r.f.seize.text}'", r.f.seize)


@_sides("looting")
def _looting(r: _Reading, rid: str) -> Typed:
    r.a1 = looter(r.a1, r.doc) or bare(UAG, 3, "looters not named")
    return r.out(rid, f"property taken or destroyed: '{r.f.loot.text}'", r.f.loot)


@_sides("disrupted")
def _disrupted(r: _Reading, rid: str) -> Typed:
    return r.out(rid, f"weapon or attack stopped: '{r.f.disrupt.text}'", r.f.disrupt)


@_sides("base")
def _base(r: _Reading, rid: str) -> Typed:
    return r.out(rid, f"base set up: '{r.f.base.text}'", r.f.base)


@_sides("proposal", "agreement")
def _agreement(r: _Reading, rid: str) -> Typed:
    agree = r.f.agree
    r.a1 = r.a1 or r.f.patient
    r.a2 = r.a2 if r.a2 is not r.a1 else None
    if rid == "proposal":
        return r.out(rid, f"proposal: '{agree.text}'", agree)
    if r.a1 is not None and r.a1.inter == 7 and r.a1.start >= 0 and of_communities(r.doc[r.a1.head]):
        r.a1 = communal(r.a1)  # "elders of two rival clans signed a truce": the clans' militias agreed
    return r.out(rid, f"agreement: '{agree.text}'", agree)


@_sides("security-measure")
def _security_measure(r: _Reading, rid: str) -> Typed:
    r.a1 = bare("Government", 1, "security measures are taken by the authorities")
    return r.out(rid, f"security measure: '{r.f.change.text}'", r.f.change)


@_sides("group-activity")
def _group_activity(r: _Reading, rid: str) -> Typed:
    # "militants were seen", "the army deployed": an armed or political group's activity, not that of
    # pupils who created a salad or boys last seen at a bus stop
    r.a1 = r.a1 or r.f.patient
    r.a2 = r.a2 if r.a2 is not r.a1 else None
    return r.out(rid, f"group activity: '{r.f.change.text}'", r.f.change)


@_sides("other-development")
def _other(r: _Reading, rid: str) -> Typed:
    return r.out(rid, f"significant development: '{r.f.other.text}'", r.f.other)


_FIND = lex.words("grave_finding_lemmas")
