"""Named actors, wording and conventions of conflicts the dev data does not cover (the Sahel,
eastern Congo, Sudan, Myanmar, Haiti, Mexico, India, Pakistan, Ethiopia, Yemen).

Each row is a sentence of our own in the style of a wire report or an ACLED note.
"""
import pytest

from eventsift.extract.actors import find_actors
from eventsift.extract.lexicon import load


@pytest.fixture(scope="module")
def actors_in(nlp):
    def _run(text):
        doc = nlp(text)
        return [(r.name, r.inter, doc[r.head].text) for r in find_actors(doc, 0, len(doc), load())]

    return _run


@pytest.mark.parametrize("text,name,inter", [
    # pro-government and community militias
    ("Members of the Volunteers for the Defence of the Homeland were killed near the town.",
     "VDP: Volunteers for the Defense of the Homeland", 3),
    ("VDP auxiliaries repelled an attack on the market.", "VDP: Volunteers for the Defense of the Homeland", 3),
    ("Wazalendo fighters clashed with rebels north of the lake.", "Wazalendo", 3),
    ("Dan Na Ambassagou hunters burned a hamlet.", "Dan Na Ambassagou", 4),
    # rebels and armed groups
    ("TNLA fighters shelled the town overnight.", "TNLA: Ta'ang National Liberation Army", 2),
    ("Gunmen from La Familia Michoacana ambushed a patrol.", "La Familia Michoacana", 3),
    ("Viv Ansanm gang members set fire to a police station.", "Viv Ansanm", 3),
    ("Lashkar-e-Taiba militants attacked a bus.", "Lashkar-e-Taiba", 2),
    ("The LeT cell was dismantled.", "Lashkar-e-Taiba", 2),
    ("Ansaru militants abducted a district head.", "Ansaru", 2),
    # state forces known by their own names
    ("CRPF personnel found an explosive device on the road.", "Police Forces of India", 1),
    ("ENDF troops clashed with Fano militiamen near the town.", "Military Forces of Ethiopia", 1),
    ("The Kenyan-led mission patrolled the port.", "MSS: Multinational Security Support Mission", 8),
    # a junta is the ruling military of wherever the event is, not only Myanmar's
    ("Junta troops torched houses in the village.", "Military Forces", 1),
    # the people or a part of a named group
    ("Fighters of the Nyatura militia attacked a camp.", "Nyatura", 4),
    ("A faction of the Hafiz Gul Bahadur group claimed the attack.", "Hafiz Gul Bahadur Group", 2),
    ("Russian fighters of the Wagner Group executed the men.", "Wagner Group", 8),
    # an affiliate named by its parent
    ("An Islamic State-affiliated cell planted the bomb.", "Islamic State", 2),
    # a group's own security forces or authorities
    ("Houthi security forces raided the offices.", "Houthis (Ansar Allah)", 2),
    # "government soldiers" are the soldiers
    ("Government troops recaptured the town.", "Military Forces", 1),
    # a country of two words is not the one-word country inside it
    ("South Sudan's government signed a ceasefire with the rebels.", "Government of South Sudan", 1),
    ("Sri Lankan troops searched the village.", "Military Forces of Sri Lanka", 1),
    ("Congo's government signed a ceasefire with the rebels.", "Government of Democratic Republic of Congo", 1),
    # a dateline's capital before the dash does not give the weapon's owner
    ("KYIV — Russian missiles struck a residential area of the city.", "Military Forces of Russia", 1),
])
def test_first_actor_is_named(actors_in, text, name, inter):
    got = actors_in(text)
    assert got and got[0][:2] == (name, inter), got


@pytest.mark.parametrize("text", [
    "Let them go, the elder said.",  # 'let' is a word, LeT a group
    "The city council met on Monday.",
])
def test_no_named_group(actors_in, text):
    assert not [a for a in actors_in(text) if a[1] in (2, 3, 4, 8)]


@pytest.mark.parametrize("text,absent", [
    # who holds a place is no actor of what happens there
    ("Warplanes struck a market in the rebel-held town on Tuesday.", "Rebels"),
    ("Shells fell on a Taliban-controlled district overnight.", "Taliban"),
])
def test_who_holds_a_place_is_no_actor(actors_in, text, absent):
    assert not any(name.startswith(absent) for name, _, _ in actors_in(text)), actors_in(text)


def test_gunmen_said_to_belong_to_a_group_are_that_group(actors_in):
    got = actors_in("Gunmen believed to belong to Ansaru abducted a district head.")
    assert got[0][:2] == ("Ansaru", 2)


@pytest.fixture(scope="module")
def first(extract_text):
    def _run(text):
        mentions, _ = extract_text(text)
        assert mentions, f"no event in {text!r}"
        m = mentions[0]
        return m.sub_event_type, m.actor1.inter if m.actor1 else None

    return _run


@pytest.mark.parametrize("text,sub,inter1", [
    # "raped": the tagger's lemma is "rap"
    ("On 4 June 2023, Mai-Mai militiamen raped two girls near the market of Walikale.", "Sexual violence", 4),
    # a cache of weapons seized
    ("Soldiers seized a cache of weapons and explosives in a forest hideout near the border.",
     "Change to group/activity", 1),
    # an abandoned building is a place, not a withdrawal
    ("On 2 May 2023, Islamic State Sahel militants set up a base at an abandoned health centre near the village.",
     "Headquarters or base established", 2),
    # the speaker who says it (or its forces) took a place took it
    ("The Karenni Nationalities Defense Force said it had taken full control of the town after days of fighting.",
     "Non-state actor overtakes territory", 2),
    ("The army said its forces had recaptured the town from the rebels on Friday.", "Government regains territory", 1),
    # a handover names first who takes control
    ("Peacekeepers handed over their base in the town to the national army on Monday.",
     "Non-violent transfer of territory", 1),
    # groups that govern where they act arrest; other groups abduct
    ("Houthi authorities detained three aid workers in the city on Tuesday.", "Arrests", 2),
    ("Rebels detained three aid workers on the road on Tuesday.", "Abduction/forced disappearance", 2),
    # the result of an attempt happened
    ("Gunmen tried to storm a police station on Monday, killing two officers.", "Armed clash", 3),
    # helicopters that carry soldiers strike no one
    ("Villagers said soldiers arrived in helicopters and shot dead five men at the market.", "Attack", 1),
    # a grave found by relatives: civilians found it; by the police: the state
    ("Relatives of missing people found a mass grave containing nine bodies near the town.", "Other", 7),
    ("Police found a mass grave containing nine bodies near the town.", "Other", 1),
])
def test_typing(first, text, sub, inter1):
    assert first(text) == (sub, inter1)


@pytest.mark.parametrize("text,name", [
    ("A roadside bomb killed two soldiers near the town on Monday. Al-Shabaab said it had carried out the attack.",
     "Al Shabaab"),
    ("A suicide bomber killed four policemen at a checkpoint on Monday. The Hafiz Gul Bahadur group took "
     "responsibility.", "Hafiz Gul Bahadur Group"),
    # said in between, said what it destroyed, a parent named in the subject, blaming
    ("A car bomb exploded at a hotel gate in the city on Monday. The Al Shabaab group said in a statement on its "
     "radio that its fighters carried out the attack.", "Al Shabaab"),
    ("A landmine struck an army truck near the river on Monday. Al Shabaab said on a website that it had "
     "destroyed the truck.", "Al Shabaab"),
    ("A suicide bomber struck a checkpoint in the city on Tuesday. The Islamic State group's local affiliate "
     "claimed the attack.", "Islamic State"),
    ("Mortar shells landed near the airport on Saturday. The shells fell near a base, the minister said, "
     "blaming Al Shabaab.", "Al Shabaab"),
])
def test_a_group_owning_up_is_the_perpetrator(extract_text, text, name):
    mentions, _ = extract_text(text)
    assert mentions[0].actor1.name == name
    assert mentions[0].actor2 is None or mentions[0].actor2.name != name   # never on both sides


def test_a_riot_after_an_attack_is_its_own_event(extract_text):
    mentions, _ = extract_text("Gang members killed five residents in Kenscoff on Thursday. In the capital, protesters "
                               "burned tyres and erected barricades on Friday; police fired tear gas to disperse them.")
    assert [m.sub_event_type for m in mentions] == ["Attack", "Violent demonstration"]


def test_rape_during_a_raid_does_not_make_the_raid_a_rape(extract_text):
    mentions, _ = extract_text("Gunmen attacked the village on Sunday, killing six people. Witnesses said several "
                               "women were raped by the attackers during the raid.")
    assert mentions[0].sub_event_type == "Attack"


@pytest.mark.parametrize("text,sub,inter1", [
    # "X and Y killed ...": Y is on X's side, not its target
    ("Soldiers and allied hunters executed 12 men at a livestock market on Sunday.", "Attack", 1),
    # a party of another clause ("before peacekeepers arrived") is not the target
    ("Militiamen killed 20 people at a displacement site before army reinforcements arrived.", "Attack", 4),
    # ... but sides joined by "and" in an exchange fight each other
    ("Suspected jihadists and soldiers exchanged gunfire near the village on Friday.", "Armed clash", 3),
    # soldiers who suffer losses in an attack were its target, whatever their verb
    ("Police officers suffered casualties following an attack by Ansaru militants in the town.", "Armed clash", 2),
    # a device made safe, then the men who planted it held: the device is the event told first
    ("Police defused a car bomb near the port on Tuesday and detained two men suspected of planting it.",
     "Disrupted weapons use", 1),
    # "set fire to" is arson, not an exchange of fire
    ("Gunmen shot dead four farmers and set fire to their granaries.", "Attack", 3),
    # "based nearby" tells where someone is
    ("Rebels based in the hills abducted six traders on the road.", "Abduction/forced disappearance", 2),
    # a bomb that was defused never went off
    ("Troops found and defused a pressure bomb on a forest road on Sunday.", "Disrupted weapons use", 1),
    # a truce that ends deadly fighting is an agreement; the clans' elders speak for their militias
    ("On 2 April 2024, elders of two rival clans signed a ceasefire agreement in the town, ending weeks of fighting "
     "that had killed more than 30 people.", "Agreement", 4),
])
def test_typing_parties(first, text, sub, inter1):
    assert first(text) == (sub, inter1)


def test_a_truce_keeps_no_toll_of_the_fighting_it_ended(extract_text):
    mentions, _ = extract_text("On 2 April 2024, elders of two rival clans signed a ceasefire agreement in the town, "
                               "ending weeks of fighting that had killed more than 30 people.")
    assert not mentions[0].counts.fatalities
