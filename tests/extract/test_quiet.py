"""Reports with no political violence stay quiet; attribution never supplies the acting actor;
evidence spans carry no surrounding whitespace."""
from datetime import date

import pytest

from eventsift.extract import context


@pytest.fixture(scope="module")
def run(extract_text):
    def _run(text, title=None):
        return extract_text(text, published=date(2021, 6, 9), title=title)

    return _run


@pytest.mark.parametrize("text,kind", [
    ("The striker scored the winning goal in the second half.", "sport"),
    ("Nine people died when a minibus overturned on the highway.", "accident"),
    ("The senator died of a heart attack at his home.", "illness"),
    ("Firefighters fought a forest fire for three days.", "disaster"),
    ("Nurses' strike enters its second week over pay.", "labour"),
    ("A crocodile killed a fisherman on the lake shore.", "animal"),
    ("Celebratory gunfire at a wedding killed a child.", "accident"),
    ("Shareholders backed the rival bid for the broadcaster.", "business"),
    ("Actors fired blank rounds for an action scene.", "staged"),
    ("Gunmen killed two farmers in the village.", None),
    ("The army waged war on the insurgents.", None),
])
def test_sentence_frame(text, kind):
    found = context.sentence_frame(text)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize("title,opening,kind", [
    ("Bus plunges off bridge after collision with truck", "", "accident"),
    (None, "The derby ended in a draw. The coach praised the league leaders.", "sport"),
    (None, "Gunmen attacked a police station. The stadium was closed.", None),  # one cue is not a frame
])
def test_article_frame(title, opening, kind):
    found = context.article_frame(title, opening)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize("text", [
    "Two people died and five were injured when a minibus overturned on the highway near the town, police said.",
    "The visitors killed off the game in the second half when their striker scored the winning goal at the stadium.",
    "Firefighters battled a forest fire in the hills. Strong winds fanned the flames, which aircraft fought with water.",
    "An elephant trampled a farmer to death near the national park, wildlife officials said.",
    "Actors dressed as soldiers fired blank rounds during a film shoot in the old town, police said.",
    "The former governor died of a heart attack at his home in the capital on Monday, his family said.",
    "The wounded were taken to the regional hospital.",
    # a film's scenes happened to no one
    "Siege review: a war movie of rare force\n\nIn the film's best scene, soldiers find a mass grave and militiamen "
    "shelled a village at dawn, killing ten people.",
])
def test_quiet_reports(run, text):
    mentions, dropped = run(text)
    assert not mentions, [m.sub_event_type for m in mentions]
    assert dropped


def test_business_rivalry_in_the_words_of_war(run):
    mentions, _ = run("The telecoms giant won the fierce battle for the cable network on Friday, outgunning its rival "
                      "with a knockout bid worth 20 billion pounds that shareholders are expected to accept.")
    assert not mentions, [m.sub_event_type for m in mentions]


def test_quiet_report_by_its_headline(run):
    text = ("Three dead as lorry collides with bus\n\nThree people were killed on Tuesday on the main road "
            "north of the city, police said. The injured were taken to hospital.")
    mentions, dropped = run(text)
    assert not mentions
    assert any("not political violence" in d.reason for d in dropped)


@pytest.mark.parametrize("text", [
    "Gunmen killed two passengers at a bus station in the city, police said.",
    "A roadside bomb killed three soldiers near the stadium on Sunday.",
])
def test_conflict_in_a_civilian_setting_is_kept(run, text):
    mentions, _ = run(text)
    assert mentions


@pytest.mark.parametrize("text,actor1", [
    ("Warplanes of the Saudi-led coalition carried out air strikes on the port city on Monday, "
     "the coalition and the Houthi movement said.", "Military Forces of Saudi Arabia"),
    ("Al Shabaab said it carried out the attack on the army base.", "Al Shabaab"),
    ("Gunmen killed three villagers in the district, the army said.", "Unidentified Armed Group"),
    ("Fighters of the Taliban attacked a police checkpoint, according to the Afghan army.", "Taliban"),
])
def test_attribution_never_acts(run, text, actor1):
    mentions, _ = run(text)
    assert mentions
    assert mentions[0].actor1 is not None and mentions[0].actor1.name == actor1


def test_spans_carry_no_surrounding_whitespace(run):
    text = "Gunmen killed two farmers in the village on Monday, police said.\n\n  Soldiers arrested five men.\n"
    mentions, _ = run(text)
    assert mentions
    for m in mentions:
        for span in (m.sentence, m.trigger, *(a.span for a in (m.actor1, m.actor2) if a and a.span)):
            assert span.text == span.text.strip() and text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", [
    "Militant attacks in the region have forced thousands of people to flee their homes.",
    "The militia has been blamed for repeated attacks on displacement camps in the province.",
    "The army has stepped up raids in the north since a wave of attacks in the spring.",
    # a past month in a participle clause still dates the sentence's offensive
    "The province has been the target of a government offensive backed by Moscow since late April.",
])
def test_background_in_general(run, text):
    mentions, dropped = run(text)
    assert not mentions, [m.sub_event_type for m in mentions]
    assert any("background" in d.reason for d in dropped)


def test_mass_grave_is_a_finding_without_new_dead(run):
    mentions, _ = run("Police on Monday found a mass grave holding the bodies of 30 people killed by rebels near the town.")
    assert [m.sub_event_type for m in mentions] == ["Other"]
    assert mentions[0].counts.fatalities == 0
    assert mentions[0].actor1 is not None and mentions[0].actor1.inter == 1


@pytest.mark.parametrize("text,sub", [
    ("Soldiers neutralised three terrorists near the border on Monday.", "Armed clash"),
    ("Soldiers neutralised an explosive device on the road on Monday.", "Disrupted weapons use"),
])
def test_neutralising_people_is_violence(run, text, sub):
    mentions, _ = run(text)
    assert mentions and mentions[0].sub_event_type == sub


@pytest.mark.parametrize("text", [
    # a party's own account of what it had done
    "A drone strike hit a car south of the town on Monday, killing two fighters, officials said.\n\n"
    "The defence ministry said in a statement that its forces had \"neutralised two terrorists\" in the north.",
    # a sentence opening with a weapon word the tagger reads as a place
    "Artillery fire by the rebels killed 15 civilians in the city on Sunday, medics said.\n\n"
    "Shells struck homes and a market in the south of the city, a committee said.",
])
def test_later_sentences_about_the_same_strike_fold(run, text):
    mentions, _ = run(text)
    assert len(mentions) == 1, [(m.sub_event_type, m.sentence.text) for m in mentions]


@pytest.mark.parametrize("text,sub,inter1", [
    ("Security measures: On 2 May 2021, a curfew was put in place in the town.", "Change to group/activity", 1),
    ("Displacement: On 2 May 2021, inhabitants of two hamlets left their village.", "Other", 7),
    ("Movement of forces: On 2 May 2021, ten members of an armed group on motorbikes went to the market.",
     "Change to group/activity", 3),
    ("On 2 May 2021, the village school was closed because of security threats.", "Change to group/activity", 1),
    ("On 2 May 2021, many armed men were observed near the river.", "Change to group/activity", 3),
    ("On 2 May 2021, nurses held a sit-in at the hospital to demand their salaries.", "Peaceful protest", 6),
])
def test_notes_without_event_words(run, text, sub, inter1):
    mentions, _ = run(text)
    assert [m.sub_event_type for m in mentions] == [sub]
    assert mentions[0].actor1 is not None and mentions[0].actor1.inter == inter1


@pytest.mark.parametrize("text,sub", [
    ("On 4 March 2021, members of a religious sect beat a man in the village.", "Mob violence"),
    ("On 4 March 2021, four brothers assaulted and wounded a herder in the village.", "Mob violence"),
    ("On 4 March 2021, unknown gunmen assaulted and wounded a herder in the village.", "Attack"),
])
def test_unarmed_people_who_attack_are_a_mob(run, text, sub):
    mentions, _ = run(text)
    assert mentions and mentions[0].sub_event_type == sub
