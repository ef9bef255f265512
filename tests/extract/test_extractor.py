"""The extractor on sentences with the real model: type, actor1 and its inter code; non-events."""
from datetime import date

import pytest

from eventsift.extract import Extractor
from eventsift.models import Article, Stance


class Identity:
    def __init__(self, text):
        self.text = text

    def span_to_original(self, start, end):
        return start, end


@pytest.fixture(scope="module")
def run(nlp):
    ex = Extractor()

    def _run(text, published=date(2020, 3, 21)):
        doc = nlp(text)
        return ex.extract(Article("t", text, published=published), doc, Identity(text))

    return _run


@pytest.mark.parametrize("text,sub,actor1,inter1", [
    ("Taliban militants attacked a police checkpoint in the district, killing five policemen.", "Armed clash", "Taliban", 2),
    ("Two civilians were killed by unknown gunmen in the city.", "Attack", "Unidentified Armed Group", 3),
    ("Turkish warplanes killed 12 Islamic State militants in northern Syria.", "Air/drone strike", "Military Forces of Turkey", 1),
    ("Three soldiers were killed when their vehicle hit a roadside bomb planted by Al Shabaab.", "Remote explosive/landmine/IED", "Al Shabaab", 2),
    ("Gunmen kidnapped a village chief on Tuesday.", "Abduction/forced disappearance", "Unidentified Armed Group", 3),
    ("Hundreds of teachers protested in the capital to demand higher wages.", "Peaceful protest", "Protesters", 6),
    ("Police used tear gas to disperse protesters in the capital.", "Protest with intervention", "Protesters", 6),
    ("Demonstrators burned tyres and barricaded roads in the city.", "Violent demonstration", "Rioters", 5),
    ("Residents lynched a suspected thief in the market.", "Mob violence", "Rioters", 5),
    ("Police arrested 13 people suspected of links to the militants.", "Arrests", "Police Forces", 1),
    ("IS recaptured Palmyra after the Syrian army withdrew.", "Non-state actor overtakes territory", "Islamic State", 2),
    ("Soldiers killed 58 oxen belonging to pastoralists.", "Looting/property destruction", "Military Forces", 1),
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
])
def test_non_events(run, text, reason):
    mentions, dropped = run(text, published=date(2016, 12, 11))
    assert not mentions
    assert any(reason in d.reason for d in dropped)


def test_claims_and_denial(run):
    mentions, _ = run("The Turkish army said Turkish warplanes killed 12 militants in northern Syria.")
    assert mentions[0].claimed_by == "Turkish army"
    mentions, _ = run("The group denied carrying out the attack on the police station.")
    assert all(m.stance is Stance.DENIED for m in mentions)


def test_follow_up_sentence_is_one_event(run):
    mentions, dropped = run("On 6 April 2021, residents demonstrated in the town. The demonstrators burned tyres and barricaded roads.")
    assert len(mentions) == 1 and mentions[0].sub_event_type == "Violent demonstration"
    assert any("restates" in d.reason for d in dropped)
