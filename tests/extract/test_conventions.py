"""The sub-event type is decided in one place: every row of the conventions table (lexicon/conventions.tsv)
fires on an example and the reason of the decision names the row."""
from __future__ import annotations

import re

import pytest

from eventsift import lexicon as lex
from eventsift.extract import conventions
from eventsift.models import Actor, Mention, Span
from eventsift.resolve.actors import resolve_actors
from eventsift.taxonomy import EVENT_TYPE_OF

# one example per row: the row that decides it (several rows may fire on one text: a story told over sentences)
EXAMPLES = [
    ('grave-found', 'Police found a mass grave containing nine bodies near the town.'),
    ('bodies-found', 'Police found the bodies of three men with gunshot wounds near the river.'),
    ('monitor-explosions', 'The monitoring mission recorded 40 explosions near the front line on Sunday.'),
    ('monitor-violations', 'Observers registered 75 ceasefire violations around the town overnight.'),
    ('demo-violent', 'Police clashed with protesters outside the courthouse.'),
    ('demo-lethal-force', 'Police fired on demonstrators, killing two protesters.'),
    ('demo-intervention', 'Police wounded 12 demonstrators outside the ministry.'),
    ('demo-peaceful', 'Hundreds of teachers marched peacefully in the capital on Monday.'),
    ('riot-word', 'Rioters looted shops in the market on Friday.'),
    ('riot-mob', 'Angry residents ransacked the chief\'s house.'),
    ('none-deaths-only', 'One policeman later died of his injuries.'),
    ('none-quarrel', "The chief of staff has clashed with the president's advisers over the budget."),
    ('battle-territory-government', 'Soldiers killed five insurgents and retook the village of Dori on Sunday.'),
    ('battle-territory-nonstate', 'The Karenni Nationalities Defense Force said it had taken full control of the town after days of fighting.'),
    ('remote-chemical', 'Militants fired mortar shells filled with a chemical agent at army positions.'),
    ('remote-suicide', 'A suicide bomber killed 4 people at a checkpoint.'),
    ('remote-air', 'Warplanes struck the town on Monday, killing four people.'),
    ('remote-shelling', 'TNLA fighters shelled the town overnight.'),
    ('remote-grenade', 'Unknown men threw a grenade into a march of opposition supporters, killing two of them.'),
    ('remote-ied', 'A roadside bomb struck an army truck near the town, killing two soldiers.'),
    ('sexual-violence', 'On 4 June 2023, Mai-Mai militiamen raped two girls near the market of Walikale.'),
    ('abduction-by-state', 'Soldiers abducted two journalists from their homes in the capital.'),
    ('abduction', 'Ansaru militants abducted a district head.'),
    ('property-only', 'Gunmen killed twelve cows in the village.'),
    ('communal-victims-fought', 'Several herders were killed in clashes near the river.'),
    ('street-riot', 'Angry youths hurled stones and wounded two policemen in the market.'),
    ('community-unorganised', 'Several herders assaulted and wounded a farmer near the river.'),
    ('communal-armed-clash', 'Herders with guns clashed with farmers in the valley.'),
    ('communal-fought-each-other', 'Farmers and herders clashed near the river, leaving four people dead.'),
    ('communal-attack', 'Farmers killed two herders and their livestock.'),
    ('mob-attack', 'A mob beat a suspected thief to death.'),
    ('brawl', 'Fighting broke out between two families over a land dispute, wounding three people.'),
    ('beating', 'On 4 March 2021, members of a religious sect beat a man in the village.'),
    ('unarmed-crowd', 'Members of the church attacked a preacher in the village on Sunday.'),
    ('rivals-fought', 'A gunbattle between two rival gangs left six people dead in the port city.'),
    ('conjoined-sides', 'Malian soldiers and Burkinabe border guards exchanged fire at the crossing, killing a trader.'),
    ('defenders', "Gunmen attacked the mayor's home in the town overnight and were repelled by the security forces."),
    ('community-fought-back', 'Gunmen with rifles attacked the village and clashed with farmers; three people were killed.'),
    ('attack-on-civilians', 'Up to 30 people were killed.'),
    ('attack-no-armed-target', 'Gunmen opened fire on a bus, killing two.'),
    ('armed-clash', 'Several soldiers were killed.'),
    ('territory-government', 'The army recaptured the city in March.'),
    ('territory-nonstate', 'IS recaptured Palmyra after the Syrian army withdrew.'),
    ('withdrawal', 'Peacekeepers handed over their base in the town to the national army on Monday.'),
    ('arrest-by-governing-group', 'Houthi authorities detained three aid workers in the city on Tuesday.'),
    ('abduction-by-non-state', 'Rebels detained three aid workers on the road on Tuesday.'),
    ('arrest', 'Security forces detained 30 people.'),
    ('weapons-seized', 'Soldiers seized a cache of weapons and explosives in a forest hideout near the border.'),
    ('looting', 'Dan Na Ambassagou hunters burned a hamlet.'),
    ('disrupted', 'Soldiers neutralised an explosive device on the road on Monday.'),
    ('base', 'Turkish troops set up new positions around the town over the weekend.'),
    ('proposal', 'The rebels and the army discussed a peace proposal on Monday.'),
    ('agreement', 'The rebels agreed to a ceasefire with the army.'),
    ('security-measure', 'Security measures: On 2 May 2021, a curfew was put in place in the town.'),
    ('group-activity', 'The Kenyan-led mission patrolled the port.'),
    ('other-development', 'Some 200 families fled their homes.'),
    ('none-no-reading', 'Officers intervened at the market on Monday.'),
    ('none-not-political', 'Four men were taken into custody.'),
    ('none-unfounded', 'Two strong earthquakes struck the region, leaving dozens dead.'),
    ('none-statement-no-actor', 'The LeT cell was dismantled.'),
    ('story-defenders', 'Militants attacked the district office on Friday. They exchanged fire with the army before leaving.'),
    ('story-more-severe', 'Residents protested at the town hall. The police dispersed the demonstration.'),
    ('story-force-at-protest', 'On 9 April 2022, transport workers demonstrated against racketeering in the town of Bougou. The police responded by firing teargas. Two demonstrators were killed.'),
    ('story-lethal-force-at-protest', 'Hundreds of students marched in the city on Monday. Police shot dead two of the marchers.'),
    ('story-arrests-at-protest', 'Residents demonstrated at the town hall. Police dispersed them and arrested two.'),
    ('story-protest-turned-violent', 'Residents demonstrated in the town against the new tax. The residents beat a tax collector.'),
    ('story-later-intervention', 'Traders demonstrated outside the market on Monday. Police dispersed them.'),
    ('story-later-damage', 'Inmates demonstrated over a search of their cells. Chairs were burnt and property destroyed.'),
    ('protest-deaths', 'On 9 April 2022, transport workers demonstrated against racketeering in the town of Bougou. The police responded by firing teargas. Two demonstrators were killed.'),
    ('note-label', 'Looting: On 12 February 2022, farmer youth attacked a camp in the village. They burned houses.'),
]
# rows no sentence reaches yet, each with why: the table keeps them, their examples are to be found
UNREACHED = {
    "attack-civilian-victims": "civilian victim words are read as an actor first, so attack-on-civilians decides",
}
RULE = re.compile(r"\[([a-z-]+)\]")


def test_every_row_has_an_example_or_is_listed_as_unreached():
    told = {rid for rid, _ in EXAMPLES} | set(UNREACHED) | {"territory-foreign-force", "abduction-by-authority"}
    assert told == set(conventions.table()), sorted(told ^ set(conventions.table()))


def test_rows_give_acled_sub_types_and_say_why():
    for row in conventions.table().values():
        assert row.sub_event_type in EVENT_TYPE_OF or row.sub_event_type in (conventions.NO_EVENT, conventions.ANOTHER)
        assert row.rationale and row.condition, row.id


@pytest.mark.parametrize("rule_id,text", EXAMPLES, ids=[rid for rid, _ in EXAMPLES])
def test_row_fires_and_the_reason_names_it(extract_text, rule_id, text):
    mentions, dropped = extract_text(text)
    row = conventions.rule(rule_id)
    if row.sub_event_type == conventions.NO_EVENT:
        assert any(f"[{rule_id}]" in d.reason for d in dropped), [d.reason for d in dropped]
        return
    decided = [(d.value, RULE.findall(d.reason)) for m in mentions for d in m.decisions if d.field == "sub_event_type"]
    fired = [value for value, ids in decided if rule_id in ids]
    assert fired, decided
    if row.sub_event_type != conventions.ANOTHER:
        assert fired[0] == row.sub_event_type


def test_a_foreign_force_taking_ground_overtakes_it():
    m = Mention("t", Span(0, 10, "x"), "Battles", "Government regains territory",
                actor1=Actor("Military Forces", 1, None, "RUS", ""), actor2=None)
    out = resolve_actors(m, "UKR", retype=conventions.retype)
    assert out.sub_event_type == "Non-state actor overtakes territory" and out.event_type == "Battles"
    assert "[territory-foreign-force]" in out.decisions[-1].reason


@pytest.mark.parametrize("day, name, inter, sub", [
    # from the day it governs, a de-facto government is the state: its detentions are arrests
    ("2022-03-12", "Military Forces of Afghanistan (2021-)", 1, "Arrests"),
    # before it, the group is a rebel group that abducts
    ("2020-03-12", "Taliban", 2, "Abduction/forced disappearance"),
])
def test_a_group_that_governs_on_the_day_is_the_state(day, name, inter, sub):
    from datetime import date

    from eventsift.models import TimeRef

    m = Mention("t", Span(0, 10, "x"), "Violence against civilians", "Abduction/forced disappearance",
                actor1=Actor("Taliban", 2, None, "AFG", ""), actor2=Actor("Civilians", 7, None, None, ""),
                time=TimeRef(date.fromisoformat(day), 1, None, ""))
    out = resolve_actors(m, "AFG", retype=conventions.retype)
    assert (out.actor1.name, out.actor1.inter, out.sub_event_type) == (name, inter, sub)


@pytest.mark.parametrize("rule_id,sub,error", [
    ("no-such-row", None, "no convention row 'no-such-row'"),
    ("arrest", "Attack", "gives 'Arrests', not 'Attack'"),
    ("note-label", None, "takes another reading's sub-type"),
])
def test_a_decision_must_name_a_row_and_keep_its_sub_type(rule_id, sub, error):
    with pytest.raises(conventions.ConventionError, match=error):
        conventions.sub_of(rule_id, sub)


def _entry(*values: str, rid: str = "bad-row") -> lex.Entry:
    return lex.Entry(rid, values, "conventions.tsv", 7)


@pytest.mark.parametrize("rows,error", [
    ([_entry("Skirmish", "why", "violent")], "conventions.tsv:7: convention 'bad-row': 'Skirmish' is no ACLED sub-event type"),
    ([_entry("Attack", "why")], "needs a rationale and a condition"),
    ([_entry("Attack", "why", "violent"), _entry("Attack", "why", "battle")], "'bad-row' is already a row"),
    ([_entry("Attack", "why", "violent and guns")], "conventions.tsv:7: condition names 'guns', which is no feature"),
])
def test_a_malformed_row_fails_to_load_and_says_where(rows, error):
    with pytest.raises(conventions.ConventionError, match=re.escape(error)):
        conventions.build(rows)


# a condition: an expression on the features of a mention, nothing else
@pytest.mark.parametrize("condition,error", [
    ('violent and weapon_used == "air" and not (battle and air_support)', None),
    ('"protest" in families and patient_inter in {None, 7}', None),
    ('families & {"violence", "casualty"} and civilian_victims', None),
    ("agent is None or agent_kind != 'protester'", None),
    ("code_word and violent", "condition names 'code_word', which is no feature"),
    ("weapon_used == guns", "condition names 'guns', which is no feature"),
    ("len(families) > 1", "call 'len(families)' is not allowed"),
    ("agent.armed", "attribute 'agent.armed' is not allowed"),
    ("violent + battle", "'violent + battle' is not allowed"),
    ("families[0]", "subscript 'families[0]' is not allowed"),
    ("[x for x in families]", "is not allowed"),
    ("lambda: violent", "is not allowed"),
    ("weapon_used == 1.5", "constant 1.5 is not allowed"),
    ("agent_kind in {agent_kind}", "holds more than constants"),
    ("agent is patient", "'is' compares only with None"),
    ("violent and", "is no expression"),
    ("__import__('os')", "call"),
])
def test_condition_parser(condition, error):
    if error is None:
        assert conventions.parse(condition, "conventions.tsv:3") is not None
        return
    with pytest.raises(conventions.ConventionError, match=re.escape(error)) as caught:
        conventions.parse(condition, "conventions.tsv:3")
    assert str(caught.value).startswith("conventions.tsv:3: ")


def test_the_table_decides_rows_of_sentences_and_marks_the_rest_code():
    code = {rid for rid, row in conventions.table().items() if row.test is None}
    # rows applied later by code, each naming its row: the report's frame, a later sentence, a note's label, the country
    assert code == {"none-not-political", "none-unfounded", "none-statement-no-actor", "protest-deaths", "note-label",
                    "territory-foreign-force", "abduction-by-authority"} | {
                        rid for rid in conventions.table() if rid.startswith("story-")}
    assert all(row.condition.startswith(conventions.CODE + ":") for rid, row in conventions.table().items() if rid in code)
    decided = [row for row in conventions.table().values() if row.test is not None]
    assert decided[-1].id == "none-no-reading" and decided[-1].condition == "True"


def test_every_row_the_table_decides_has_code_for_its_sides_and_no_other_has():
    from eventsift.extract.subtype import SIDES

    decided = {rid for rid, row in conventions.table().items()
               if row.test is not None and row.sub_event_type != conventions.NO_EVENT}
    assert set(SIDES) == decided, sorted(set(SIDES) ^ decided)


def _features(**named):
    """A mention's features with nothing read but ``named``."""
    from dataclasses import MISSING, fields

    from eventsift.extract.features import Features
    from eventsift.extract.rules import Trigger

    lead = Trigger(0, "violence", "attack", 1.0)
    blank = {f.name: False for f in fields(Features) if f.default is MISSING}
    blank.update(triggers=(lead,), families=frozenset({"violence"}), by_token={}, main_subject=None, agent=None,
                 patient=None, how="", lead=lead, target_names=frozenset(), speaker=None, weapon=None)
    return Features(**{**blank, **named})


@pytest.mark.parametrize("named,rule_id", [
    ({}, "none-no-reading"),
    ({"violent": True}, "armed-clash"),
    ({"violent": True, "weapon_used": "air"}, "remote-air"),
    ({"violent": True, "weapon_used": "air", "battle": True, "air_support": True}, "armed-clash"),
    ({"violent": True, "weapon_used": "grenade", "battle": True, "patient_armed": True}, "armed-clash"),
    ({"violent": True, "patient_inter": 7}, "attack-on-civilians"),
    ({"violent": True, "agent_armed": True}, "attack-no-armed-target"),
    ({"demonstration": True, "violent": True, "weapon_used": "air"}, "demo-peaceful"),
    ({"grave": True, "demonstration": True}, "grave-found"),
    ({"bodies_found": True, "violent": True, "agent_armed": True}, "bodies-found"),
    ({"territory_claimed": True, "taker_armed": True, "taker_state": True}, "territory-government"),
    ({"territory_claimed": True, "taker_armed": False}, "none-no-reading"),
])
def test_the_first_row_whose_condition_holds_decides(named, rule_id):
    assert conventions.first(_features(**named)).id == rule_id


@pytest.mark.parametrize("rule_id,sub,before,after,event_type", [
    ("story-later-intervention", None, "Peaceful protest", "Protest with intervention", "Protests"),
    ("story-more-severe", "Armed clash", "Attack", "Armed clash", "Battles"),
    ("note-label", "Arrests", "Attack", "Arrests", "Strategic developments"),
])
def test_retype_takes_the_rows_sub_type_and_records_it(rule_id, sub, before, after, event_type):
    m = Mention("t", Span(0, 10, "x"), EVENT_TYPE_OF[before], before)
    out = conventions.retype(m, rule_id, "a later sentence says so", sub=sub)
    assert (out.sub_event_type, out.event_type) == (after, event_type)
    assert out.decisions[-1].reason.startswith(f"{before} → {after}: [{rule_id}] ")


def test_retype_refuses_a_row_of_no_event():
    m = Mention("t", Span(0, 10, "x"), "Battles", "Armed clash")
    with pytest.raises(conventions.ConventionError, match="decides no event"):
        conventions.retype(m, "none-quarrel", "words, not arms")
