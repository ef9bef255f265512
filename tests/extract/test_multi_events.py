"""How many events a report tells: a later sentence that is part or aftermath of the event just
told folds into it; other actors doing another kind of thing, another place, or an event ACLED
always codes apart stay separate."""
import pytest


@pytest.fixture(scope="module")
def run(extract_text):
    return extract_text


@pytest.mark.parametrize("text,subs", [
    # the perpetrator arrested afterwards: the aftermath of the killing, not an event of its own
    ("On 9 November 2022, a man killed his brother with a machete in the village of Sori. "
     "The murderer was arrested by the police.", ["Mob violence"]),
    # houses burned by the attackers just told are part of their attack
    ("On 12 May 2021, a group of farmers attacked a herders' camp in the commune of Tchaourou. "
     "The farmers burned houses and killed livestock.", ["Attack"]),
    # a sentence that only tells who was killed is the toll of the event just told
    ("On 10 February 2022, an army patrol was hit by a roadside bomb planted by JNIM militants near the park. "
     "One park worker was killed.", ["Remote explosive/landmine/IED"]),
    # a response to a demonstration is part of it
    ("On 9 April 2022, transport workers demonstrated against racketeering in the town of Bougou. "
     "The police responded by firing teargas. Two demonstrators were killed.", None),
    # a person ("a second assailant"), not an event, counted as a further one
    ("On 1 December 2021, JNIM militants attacked an army position in the town of Porga. Two soldiers and one "
     "militant were killed. A second assailant was later found dead.", ["Armed clash"]),
    # a witness's own words about the raid
    ("Gunmen attacked the village of Kauru on Sunday, killing five people. \"They came at night and burned the "
     "clinic,\" a resident said.", ["Attack"]),
    # another place: another event
    ("Warplanes struck a market in Saraqib on Tuesday, killing nine civilians. Government artillery also pounded "
     "the outskirts of Kafranbel.", ["Air/drone strike", "Shelling/artillery/missile attack"]),
    # "Meanwhile": a parallel event, not a response to the march
    ("Hundreds of students marched peacefully in the city on Monday. Meanwhile, a bomb exploded at a police "
     "checkpoint, killing two officers.", 2),
    # the attackers or the injured named, with no act of their own, are people of the event just told
    ("Gunmen attacked a school in the town of Kauru on Friday, killing two pupils. The injured were flown to a "
     "hospital in Kaduna, and troops were searching for the attackers.", ["Attack"]),
    ("About ten attackers on motorbikes arrived at the school in Kauru on Friday and shot dead two guards. "
     "The attackers, some in uniform, then fled into the bush near Kaduna.", 1),
    # other actors doing another kind of thing after an arrest stay apart
    ("Soldiers arrested a cartel leader in the city of Uruapan on Monday. Within hours, gunmen set fire to a dozen "
     "cars and trucks across Uruapan.", 2),
    # two forces that exchange fire fight each other, whoever else is hit; the mortar rounds of the same
    # clash belong to it
    ("Sudanese soldiers and Ethiopian militiamen exchanged heavy fire at the crossing on Sunday, killing a civilian. "
     "An official said the clash began over a fence, and that mortar rounds landed in a market.", ["Armed clash"]),
    # the fighting people fled is no event here, and does not turn a surrender into a battle
    ("Dozens of fighters surrendered to the army in the town of Mora on Tuesday. The fighters said they had fled "
     "fighting between rival factions across the border.", ["Change to group/activity"]),
    # what people run from is no event; the mob they escape is still one
    ("Residents vandalized the car of a customs officer in the village. The officer fled the mob and escaped "
     "unharmed.", 1),
])
def test_how_many_events(run, text, subs):
    mentions, _ = run(text)
    if subs is None:
        assert len(mentions) == 1
    elif isinstance(subs, int):
        assert len(mentions) == subs
    else:
        assert [m.sub_event_type for m in mentions] == subs


def test_a_note_coded_separately_is_not_coded_here(run):
    mentions, dropped = run("On 1 July 2020, a herder stabbed a farmer to death in the village of Gango. Later, the "
                            "farmers attacked a herders' camp in Boudo, coded separately.")
    assert len(mentions) == 1
    assert any("another record" in d.reason for d in dropped)


def test_the_toll_of_a_folded_sentence_counts(run):
    mentions, _ = run("On 10 February 2022, an army patrol was hit by a roadside bomb planted by JNIM militants near "
                      "the park. One park worker was killed.")
    assert mentions[0].counts.fatalities == 1


@pytest.mark.parametrize("text,n", [
    # a sentence that says who the attackers were tells no event of its own (the rape is the one event)
    ("Armed men raped seven women near the camp last week. The women said their attackers were members of the "
     "CODECO militia.", 1),
    ("The group said the dead were a commander and his driver.", 0),
    # what had happened before, given as a reason, is not an event
    ("No deaths were reported, as most people had fled into the bush when the insurgents approached.", 0),
    # a group that has fought the government for years: background
    ("The officials blamed the Oromo Liberation Army, a rebel group that has fought the government for years.", 0),
    ("The militants have attacked a string of district towns this year.", 0),
    # an attempted kidnapping took no one
    ("Residents reported the attempted kidnapping of a trader in the town on Monday.", 0),
])
def test_no_event_of_its_own(run, text, n):
    mentions, _ = run(text)
    assert len(mentions) == n


def test_a_placeless_attack_takes_the_place_of_the_fight_told_next(run):
    mentions, _ = run("On 17 October 2022, suspected JNIM militants attacked the town hall overnight. They exchanged "
                      "fire with the army before leaving Karimama.")
    assert len(mentions) == 1


def test_attackers_killed_by_the_forces_make_the_attack_a_battle_but_a_pursuit_does_not(run):
    fought, _ = run("On 6 March 2020, gunmen killed 32 people at a ceremony in Kabul. The gunmen retreated to a "
                    "building, where they were killed during a standoff with security forces.")
    chased, _ = run("Rebels killed 18 villagers in a village near Oicha on Sunday. An army spokesman said troops "
                    "were pursuing the attackers.")
    assert [m.sub_event_type for m in fought] == ["Armed clash"]
    assert [m.sub_event_type for m in chased] == ["Attack"]


def test_a_participle_describing_someone_is_no_event(run):
    mentions, dropped = run("Police said the detained commander was freed on Monday after talks.")
    assert not any(m.sub_event_type == "Arrests" for m in mentions)
    assert any("describes someone" in d.reason for d in dropped)


@pytest.mark.parametrize("text", [
    # victims named inside the passive subject ("four people including a teacher were shot")
    "On 8 March 2021, farmers with firearms attacked a herders' camp in the village. Four people including three "
    "herders and a local teacher were shot and killed.",
    # the crowd just told, at the place it went to
    "On 17 February 2018, around 13 hunters demonstrated against the seizure of their motorbikes. The demonstrators "
    "barricaded a road and burned tires near Tanguieta.",
])
def test_one_event_told_over_sentences(run, text):
    mentions, _ = run(text)
    assert len(mentions) == 1


def test_a_last_line_without_a_stop_counts_towards_the_toll(run):
    mentions, _ = run("On 26 February 2019, police and rioters clashed in Kilibo. Police dispersed the crowd with "
                      "teargas.\nOne rioter killed")
    assert len(mentions) == 1 and mentions[0].counts.fatalities == 1


def test_a_truce_after_a_fight_is_an_event_of_its_own(run):
    mentions, _ = run("Two armed groups fought with machine guns in the south of the capital on Thursday, killing three "
                      "people. By evening, community elders had brokered a ceasefire under which both groups agreed to "
                      "withdraw from the area.")
    assert len(mentions) == 2 and mentions[1].sub_event_type == "Agreement"


def test_police_firing_on_marchers_who_die_is_excessive_force(run):
    mentions, _ = run("Hundreds of traders marched through the town of Naivasha on Monday to protest against new "
                      "levies. Police fired tear gas and live rounds to disperse them. Two traders were killed.")
    assert [m.sub_event_type for m in mentions] == ["Excessive force against protesters"]
    assert mentions[0].counts.fatalities == 2


def test_deaths_a_peaceful_protest_is_about_are_not_its_toll(run):
    mentions, _ = run("On 22 October 2020, about a hundred motor taxi drivers demonstrated in the town after one of "
                      "their colleagues was killed in a road accident.")
    assert [m.sub_event_type for m in mentions] == ["Peaceful protest"]
    assert mentions[0].counts.fatalities == 0


@pytest.mark.parametrize("text, sub, inter1, inter2", [
    ("Hundreds of traders marched through the town of Naivasha on Monday to protest against new levies. Police "
     "fired tear gas and live rounds to disperse them. Two traders were killed.",
     "Excessive force against protesters", 1, 6),
    ("On 4 May 2021, residents of Tanguieta demonstrated against the closure of the market. The demonstrators then "
     "beat two policemen, who were taken to hospital.", "Violent demonstration", 5, None),
])
def test_the_sides_of_a_protest_told_over_two_sentences(run, text, sub, inter1, inter2):
    mentions, _ = run(text)
    assert [m.sub_event_type for m in mentions] == [sub]
    assert mentions[0].actor1.inter == inter1
    if inter2 is not None:
        assert mentions[0].actor2 is not None and mentions[0].actor2.inter == inter2


@pytest.mark.parametrize("second, sub", [
    ("Police dispersed them.", "Protest with intervention"),
    ("Police forces intervened and stopped the protest.", "Protest with intervention"),
    ("Police had said they would disperse them.", "Peaceful protest"),  # a statement of intent, not an intervention
    ("Police watched from a distance.", "Peaceful protest"),
])
def test_an_intervention_told_after_a_protest(run, second, sub):
    mentions, _ = run(f"On 3 March 2021, traders demonstrated in front of the town hall in Parakou. {second}")
    assert [m.sub_event_type for m in mentions] == [sub]


@pytest.fixture(scope="module")
def run_dated(nlp):
    """The extractor as the pipeline builds it: sentences are dated, so days can be compared."""
    from datetime import date

    from eventsift.extract import Extractor
    from eventsift.models import Article
    from eventsift.resolve.time import own_day

    from .conftest import Identity

    ex = Extractor(dater=own_day)

    def _run(text):
        return ex.extract(Article("t", text, published=date(2020, 3, 21)), nlp(text), Identity(text))

    return _run


@pytest.mark.parametrize("text,subs", [
    # one event per place and day: a sentence telling an act on another day is another event
    ("Militants seized the town of Kauru on Friday. The militants had stormed the nearby barracks on Tuesday, "
     "killing four soldiers.", ["Non-state actor overtakes territory", "Armed clash"]),
    ("Police arrested the opposition leader in the capital on Friday. On Monday, police had detained him briefly "
     "at a roadblock.", ["Arrests", "Arrests"]),
    # the act's verb names the day, whatever word the event is typed by
    ("The government and the rebels signed a truce in the capital on Wednesday. On Monday, an air strike hit a school "
     "in the north, killing 20 people.", ["Agreement", "Air/drone strike"]),
    # the same day told again is the same event
    ("Gunmen attacked the village of Kauru on Friday, killing five people. The gunmen stormed the market on Friday "
     "morning and shot traders.", ["Attack"]),
    # the day a statement was made is not the day of what it tells
    ("Gunmen attacked the village of Kauru on Friday, killing five people. The police said on Saturday that the "
     "gunmen had shot dead five villagers in Kauru.", ["Attack"]),
    # a sentence with no day of its own goes on with the story
    ("Gunmen attacked the village of Kauru on Friday, killing five people. The attackers also burned the clinic.",
     ["Attack"]),
])
def test_one_event_per_day(run_dated, text, subs):
    mentions, _ = run_dated(text)
    assert [m.sub_event_type for m in mentions] == subs
