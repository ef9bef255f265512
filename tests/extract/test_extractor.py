"""The extractor on sentences with the real model: type, actor1 and its inter code; non-events."""
from datetime import date

import pytest

from eventsift.models import Stance


@pytest.fixture(scope="module")
def run(extract_text):
    return extract_text


@pytest.mark.parametrize("text,sub,actor1,inter1", [
    ("Taliban militants attacked a police checkpoint in the district, killing five policemen.", "Armed clash", "Taliban", 2),
    ("Two civilians were killed by unknown gunmen in the city.", "Attack", "Unidentified Armed Group", 3),
    ("Turkish warplanes killed 12 Islamic State militants in northern Syria.", "Air/drone strike", "Military Forces of Turkey", 1),
    ("Three soldiers were killed when their vehicle hit a roadside bomb planted by Al Shabaab.", "Remote explosive/landmine/IED", "Al Shabaab", 2),
    ("Gunmen kidnapped a village chief on Tuesday.", "Abduction/forced disappearance", "Unidentified Armed Group", 3),
    ("Hundreds of teachers protested in the capital to demand higher wages.", "Peaceful protest", "Protesters", 6),
    ("Police used tear gas to disperse protesters in the capital.", "Protest with intervention", "Protesters", 6),
    # what a protest is against is not what happened at it
    ("Demonstrators chanted against the militias they blame for the killings of activists.", "Peaceful protest",
     "Protesters", 6),
    ("Residents demonstrated in front of the town hall against the seizure of motorbikes and arbitrary arrests.",
     "Peaceful protest", "Protesters", 6),
    ("Demonstrators burned tyres and barricaded roads in the city.", "Violent demonstration", "Rioters", 5),
    ("Residents lynched a suspected thief in the market.", "Mob violence", "Rioters", 5),
    ("Police arrested 13 people suspected of links to the militants.", "Arrests", "Police Forces", 1),
    ("IS recaptured Palmyra after the Syrian army withdrew.", "Non-state actor overtakes territory", "Islamic State", 2),
    ("Soldiers killed 58 oxen belonging to pastoralists.", "Looting/property destruction", "Military Forces", 1),
    # the target of a bombing is never its perpetrator; an unnamed one is an unidentified armed group
    ("A suicide bomber attacked a police station in the city, killing three policemen.", "Suicide bomb",
     "Unidentified Armed Group", 3),
    ("A roadside bomb struck a police vehicle on the highway, wounding four officers.", "Remote explosive/landmine/IED",
     "Unidentified Armed Group", 3),
    ("Two soldiers were killed when their truck hit a landmine near the border.", "Remote explosive/landmine/IED",
     "Unidentified Armed Group", 3),
    ("Two policemen died when their car hit a Taliban-planted bomb.", "Remote explosive/landmine/IED", "Taliban", 2),
    ("Russian missiles struck a residential area of the city, killing four people.", "Shelling/artillery/missile attack",
     "Military Forces of Russia", 1),
])
def test_typing(run, text, sub, actor1, inter1):
    mentions, _ = run(text)
    assert mentions, text
    top = max(mentions, key=lambda m: m.confidence)
    assert top.sub_event_type == sub
    assert top.actor1 is not None and top.actor1.name == actor1 and top.actor1.inter == inter1
    assert top.sentence.text in text and top.trigger is not None


@pytest.mark.parametrize("text,reason", [
    ("The militants threatened to attack the town.", "threat"),
    ("If the rebels attacked, the army would respond.", "hypothetical"),
    ("Syria's civil war has killed 300,000 people.", "cumulative"),
    ("The army recaptured the city in March.", "background"),
    ("Troops have faced each other along the frontier since early May, when soldiers brawled by the lake.",
     "background"),
    ("The commission calls on the government to open investigations and on the rebels to cease all attacks.",
     "prevented"),
])
def test_non_events(run, text, reason):
    mentions, dropped = run(text, published=date(2016, 12, 11))
    assert not mentions
    assert any(reason in d.reason for d in dropped)


@pytest.mark.parametrize("text,sub", [
    # a rally someone was due to address is to come: the arrest is the event
    ("The opposition leader was detained on Wednesday in the town of Jinja, shortly before he was due to address a "
     "rally.", "Arrests"),
    # a past month that dates a clause inside the sentence, not its event
    ("Thousands of students marched through the capital in support of teachers who have been on strike since "
     "March.", "Peaceful protest"),
    ("Police used tear gas to disperse opposition supporters who tried to join a rally ahead of the March 6 "
     "elections.", "Protest with intervention"),
    ("Residents barricaded the main road to protest the arrest of their leaders during the riots in October.",
     "Violent demonstration"),
    # a day of the month before publication names the day itself: the time stage decides whether it is recent
    ("On the afternoon of November 28, soldiers shot dead two traders in the market.", "Attack"),
    ("On Nov. 28, a mob attacked a mosque in the town centre.", "Mob violence"),
])
def test_a_past_month_in_a_clause_is_no_background(run, text, sub):
    mentions, dropped = run(text, published=date(2016, 12, 11))
    assert [m.sub_event_type for m in mentions] == [sub], [d.reason for d in dropped]


@pytest.mark.parametrize("text,subs", [
    # an attempt is an act: it was made, and stopped or failed
    ("A crowd tried to lynch a suspected thief at the market before police intervened.", ["Mob violence"]),
    ("Gunmen attempted to storm the police station but were repelled.", ["Armed clash"]),
    # what the victim had tried to do is no event of its own
    ("Residents beat a man who tried to steal a motorbike from the market.", ["Mob violence"]),
    # a plan, a wish or a threat is no act
    ("The militants planned to attack the town.", []),
    ("The rebels want to seize the town before the rains.", []),
])
def test_attempts_are_acts_plans_are_not(run, text, subs):
    mentions, _ = run(text)
    assert [m.sub_event_type for m in mentions] == subs


@pytest.mark.parametrize("text,stance", [
    # another party denies in a later sentence what the first asserts
    ("Soldiers shot dead seven protesters in the capital on Monday, a doctors' committee said. Police said officers "
     "had been attacked and denied using live rounds.", "disputed"),
    ("Troops executed at least 20 men at a market near the town on Sunday, villagers said. The army said it had "
     "killed terrorists in the area and denied targeting civilians.", "disputed"),
    # an accused group denying its own part leaves the event as told
    ("Gunmen killed eleven villagers in the district on Friday. Police blamed the rebels, who denied any "
     "involvement.", "asserted"),
])
def test_a_later_denial_disputes_the_event(run, text, stance):
    mentions, _ = run(text)
    assert mentions and mentions[0].stance.value == stance, [d.reason for m in mentions for d in m.decisions]


@pytest.mark.parametrize("text,sub", [
    # a series of strikes on a day is news, not background
    ("Warplanes carried out a series of air strikes on the port city on Tuesday, officials said.", "Air/drone strike"),
    # the raids of state forces that arrest people are the arrests
    ("Security forces arrested twelve people suspected of collecting money for the militants during raids on homes "
     "on Tuesday night.", "Arrests"),
    ("Soldiers raided the village, killing three men, and arrested ten others.", "Attack"),
])
def test_what_the_event_was(run, text, sub):
    mentions, _ = run(text)
    assert [m.sub_event_type for m in mentions] == [sub]


def test_a_named_speaker_does_not_act(run):
    mentions, _ = run("Warplanes struck the port on Tuesday. The rebel-run television said six civilians were "
                      "killed when a strike hit a house.")
    assert all(m.actor1 is None or "rebel" not in m.actor1.name.lower() for m in mentions)


def test_claims_and_denial(run):
    mentions, _ = run("The Turkish army said Turkish warplanes killed 12 militants in northern Syria.")
    assert mentions[0].claimed_by == "Turkish army"
    mentions, _ = run("The group denied carrying out the attack on the police station.")
    assert all(m.stance is Stance.DENIED for m in mentions)


def test_follow_up_sentence_is_one_event(run):
    mentions, dropped = run("On 6 April 2021, residents demonstrated in the town. The demonstrators burned tyres and barricaded roads.")
    assert len(mentions) == 1 and mentions[0].sub_event_type == "Violent demonstration"
    assert any("restates" in d.reason for d in dropped)


@pytest.mark.parametrize("text,n,sub,fatalities", [
    # a later coding statement overrides the first sentence's toll
    ("On 20 March 2020, 2 civilians were killed by Afghan forces in the district. Fatalities coded as 0 "
     "(local media reported 2 fatalities).", 1, "Attack", 0),
    # casualties and reactions told after the event are the same event
    ("On 5 July 2022, forest guards exchanged fire with presumed JNIM militants in the national park. "
     "Five people were arrested and one injured.", 1, "Armed clash", None),
    ("On 25 November 2022, an unidentified armed group attacked a household in the village. The army intervened "
     "and exchanged fire with the armed group. One soldier was injured.", 1, "Armed clash", None),
    # a sentence naming another place states another event
    ("Warplanes struck a market in Saraqib on Tuesday, killing nine civilians. Government artillery also pounded "
     "the outskirts of Kafranbel.", 2, "Air/drone strike", 9),
    # a strike with a named weapon on a target the battle did not have is an event of its own
    ("Government forces and rebels fought near the town on Monday, killing ten fighters. A rocket fired by the rebels "
     "struck a market in the city, wounding five civilians.", 2, "Armed clash", 10),
    # a device made safe after a gunfight is another event, by the forces just told
    ("Soldiers clashed with militants in the district, killing three militants. While leaving, the team found and "
     "defused an explosive device buried under a track.", 2, "Armed clash", 3),
    # the same parties and target: elaboration of the one event, whose bomb belongs to the battle
    ("Taliban militants attacked a checkpoint, killing two soldiers. The militants also detonated a roadside bomb "
     "that wounded a soldier.", 1, "Armed clash", None),
    # the place of a sentence that ends in "..., witnesses said" is the event's, not the statement's
    ("Hundreds of students marched peacefully in Lagos on Monday. In the northern city of Kano, police fired tear gas "
     "to disperse protesters who blocked a road, witnesses said.", 2, "Peaceful protest", None),
])
def test_one_event_per_story(run, text, n, sub, fatalities):
    mentions, _ = run(text)
    assert len(mentions) == n
    assert mentions[0].sub_event_type == sub
    if fatalities is not None:
        assert mentions[0].counts.fatalities == fatalities


def test_headline_folds_into_the_body_event_and_ranks_it_first(run):
    text = ("Rebels get proposal to quit Aleppo, jihadists retake Palmyra\n\n"
            "Government forces advanced on rebel-held districts of Aleppo and captured the Sheikh Saeed district.\n\n"
            "Elsewhere in the country, IS recaptured Palmyra after Syrian forces pulled out of the city.")
    mentions, dropped = run(text, published=date(2016, 12, 11))
    assert not any(m.sentence.text.startswith("Rebels get proposal") for m in mentions)
    top = max(mentions, key=lambda m: m.confidence)
    assert top.sub_event_type == "Non-state actor overtakes territory"
    assert any(d.reason.startswith("headline of") for d in dropped)


@pytest.mark.parametrize("text,sub", [
    ("Looting: On 12 February 2022, farmer youth attacked a camp in the village. They burned houses.",
     "Looting/property destruction"),
    ("Movement of forces: On 2 November 2022, armed men were spotted moving in the village.", "Change to group/activity"),
])
def test_note_label_names_the_event(run, text, sub):
    mentions, _ = run(text)
    assert mentions and mentions[0].sub_event_type == sub


@pytest.mark.parametrize("text,sub,actor1", [
    ("On 3 March 2021, farmers killed five Fulani pastoralists in the area.", "Attack", "Unidentified Communal Militia"),
    # a bloodless, unarmed clash between communities is mob violence; with guns and deaths it is an armed clash
    ("On 31 July 2021, pastoralists and farmers clashed in the area of the town.", "Mob violence", "Rioters"),
    ("On 31 July 2021, pastoralists and farmers clashed with guns in the area of the town, leaving two dead.",
     "Armed clash", "Unidentified Communal Militia"),
    ("On 2 March 2021, a number of villagers killed a motorbike thief by stoning him in the village.", "Mob violence", "Rioters"),
])
def test_communal_and_mob_violence(run, text, sub, actor1):
    mentions, _ = run(text)
    assert mentions[0].sub_event_type == sub and mentions[0].actor1.name == actor1


@pytest.mark.parametrize("text", [
    "The rescuers said the patients were treated at a field hospital and that no one had died.",
    "The watchdog has previously blamed the government for several chlorine attacks.",
    "Troops are massing for an expected offensive to retake the city.",
    # what a deal ended is not fought anew
    "Soldiers entered the district on Friday under a deal that ended six weeks of fighting.",
    "The party threw its support behind the candidate on Monday.",
    # what a group is, or does as a rule, is no event
    "The brigade is one of the most effective fighting forces in the province.",
    "The militia controls the valley, and its men often fight alongside the army.",
])
def test_more_non_events(run, text):
    mentions, _ = run(text)
    assert not mentions


def test_allied_actors(run):
    mentions, _ = run("Syrian troops and allied militias attacked rebel positions in the town, killing 12 rebels.")
    assert mentions[0].assoc_actor_1 and mentions[0].actor1.inter == 1


@pytest.mark.parametrize("text,actor1", [
    ("A suicide bomber attacked a police station in the town. The Taliban claimed responsibility.", "Taliban"),
    ("Gunmen attacked a checkpoint in the town, killing two soldiers. Al Shabaab later claimed the attack.", "Al Shabaab"),
    # a named perpetrator stays: a claim by another group is no reason to replace it
    ("Al Shabaab fighters attacked a checkpoint in the town. The Taliban claimed responsibility.", "Al Shabaab"),
])
def test_a_claim_names_the_unnamed_perpetrator(run, text, actor1):
    mentions, _ = run(text)
    assert len(mentions) == 1
    assert mentions[0].actor1.name == actor1
