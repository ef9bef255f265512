"""What a model may change in the rules' coding, and what it never may."""
from __future__ import annotations

import random

import pytest

from eventsift.classify import Example, Reranker, train
from eventsift.models import Actor, Decision, Mention, Span
from eventsift.taxonomy import EVENT_TYPE_OF, SUB_EVENT_TYPES

from .conftest import PLACES

FAMILY_TEMPLATES = {
    "Air/drone strike": ("Warplanes bombed {p} overnight.", "A drone strike hit {p} at dawn.",
                         "Jets carried out air strikes on {p}."),
    "Shelling/artillery/missile attack": ("Artillery shelled {p} overnight.", "Mortar rounds landed in {p}.",
                                          "Rockets were fired at {p} from across the front line."),
    "Armed clash": ("Soldiers and rebels clashed in {p}.", "Militants fought troops for hours in {p}.",
                    "Heavy fighting broke out between the army and insurgents in {p}."),
    "Non-state actor overtakes territory": ("Rebels seized control of {p}.", "Insurgents captured {p} after a siege.",
                                            "The militia took over {p} and raised its flag."),
    "Peaceful protest": ("Hundreds of teachers marched peacefully in {p} to demand higher wages.",
                         "Residents held a sit-in in {p} against rising prices.",
                         "Students rallied in {p} to demand new elections."),
    "Protest with intervention": ("Police fired tear gas to disperse marchers in {p}.",
                                  "Riot police broke up a rally in {p} with batons.",
                                  "Officers dispersed a sit-in in {p} with water cannon."),
}


@pytest.fixture(scope="module")
def model():
    examples = [Example(t.format(p=p), sub) for sub, ts in FAMILY_TEMPLATES.items() for t in ts for p in PLACES]
    return train(examples, folds=3)[0]


STATE = Actor("Military Forces", 1)
REBELS = Actor("Rebels", 2)
PROTESTERS = Actor("Protesters", 6)
POLICE = Actor("Police Forces", 1)


def mention(text: str, sub: str, confidence: float = 0.5, actor1=None, actor2=None, decisions=()) -> Mention:
    return Mention("a", Span(0, len(text), text), EVENT_TYPE_OF[sub], sub, actor1=actor1, actor2=actor2,
                   confidence=confidence, trigger=Span(0, 3, text[:3]), decisions=tuple(decisions))


@pytest.mark.parametrize("text, rules, confidence, actor1, actor2, expected", [
    # unsure rules, a clear model, the same event type: the model's sub-type
    ("Artillery shelled the old city overnight.", "Air/drone strike", 0.5, None, None,
     "Shelling/artillery/missile attack"),
    ("Police fired tear gas to disperse marchers in the capital.", "Peaceful protest", 0.5, PROTESTERS, POLICE,
     "Protest with intervention"),
    ("Rebels seized control of the garrison town.", "Armed clash", 0.5, REBELS, STATE,
     "Non-state actor overtakes territory"),
    # sure rules: untouched
    ("Artillery shelled the old city overnight.", "Air/drone strike", 0.9, None, None, "Air/drone strike"),
    # never another event type, however sure the model
    ("Artillery shelled the old city overnight.", "Armed clash", 0.3, STATE, REBELS, "Armed clash"),
    ("Police fired tear gas to disperse marchers.", "Arrests", 0.3, POLICE, PROTESTERS, "Arrests"),
    # a sub-type the mention lacks the actors for
    ("Police fired tear gas to disperse marchers in the capital.", "Peaceful protest", 0.5, PROTESTERS, None,
     "Peaceful protest"),
    ("Rebels seized control of the garrison town.", "Armed clash", 0.5, STATE, REBELS, "Armed clash"),
    # a sub-type the model was not trained on is the rules' alone
    ("Artillery shelled the old city overnight.", "Grenade", 0.3, None, None, "Grenade"),
    # a model with nothing to go on keeps the rules
    ("Something happened somewhere.", "Air/drone strike", 0.3, None, None, "Air/drone strike"),
])
def test_the_model_re_ranks_only_within_the_rules_event_type(model, text, rules, confidence, actor1, actor2, expected):
    m = mention(text, rules, confidence, actor1, actor2)
    out = Reranker(model).rerank(m)
    assert out.sub_event_type == expected and out.event_type == EVENT_TYPE_OF[expected] == m.event_type
    assert (out.actor1, out.actor2, out.confidence, out.sentence) == (m.actor1, m.actor2, m.confidence, m.sentence)
    changed = [d for d in out.decisions if d.field == "sub_event_type"]
    if expected != rules:
        assert len(changed) == 1 and "sub-type model gives p=" in changed[0].reason and rules in changed[0].reason
    else:
        assert out is m


def test_a_sub_type_an_acled_note_labels_is_kept(model):
    m = mention("Artillery shelled the old city overnight.", "Air/drone strike", 0.3,
                decisions=[Decision("sub_event_type", "Air/drone strike",
                                    "Armed clash → Air/drone strike: the note's label names the event")])
    assert Reranker(model).rerank(m) is m


@pytest.mark.parametrize("min_probability, margin, changes", [(0.5, 0.2, True), (0.999999, 0.0, False),
                                                               (0.0, 0.999999, False)])
def test_the_model_must_be_sure(model, min_probability, margin, changes):
    m = mention("Artillery shelled the old city overnight.", "Air/drone strike", 0.3)
    out = Reranker(model, min_probability=min_probability, margin=margin).rerank(m)
    assert (out.sub_event_type != m.sub_event_type) is changes


def test_any_mention_keeps_its_event_type_and_the_list_its_length(model):
    rng = random.Random(7)
    texts = [t.format(p=p) for ts in FAMILY_TEMPLATES.values() for t in ts for p in PLACES[:2]]
    subs = [s for subs in SUB_EVENT_TYPES.values() for s in subs]
    actors = (None, STATE, REBELS, PROTESTERS, POLICE)
    mentions = [mention(rng.choice(texts), rng.choice(subs), rng.random(), rng.choice(actors), rng.choice(actors))
                for _ in range(300)]
    out = Reranker(model, low_confidence=2.0, min_probability=0.0, margin=0.0).apply(mentions)
    assert len(out) == len(mentions)
    assert all(o.event_type == m.event_type == EVENT_TYPE_OF[o.sub_event_type] for o, m in zip(out, mentions))
    assert any(o.sub_event_type != m.sub_event_type for o, m in zip(out, mentions))


# -- in the pipeline: the model sees coded mentions only ---------------------------------------

REPORTS = [
    # not events: a threat, the war's toll, a denial, an accident, a plan
    "The rebels threatened to attack the city if the talks fail.",
    "The war has killed more than 10,000 people since it began in 2011.",
    "A gas explosion in a restaurant killed three people on Monday, firefighters said.",
    "The government plans to hold elections next year.",
    # events: the same number of them, of the same types
    "Warplanes bombed a market in the town on Tuesday, killing nine civilians, a monitor said.",
    "Hundreds of teachers marched peacefully in the capital on Monday to demand higher wages.",
    "Soldiers and rebels clashed near the border on Sunday, leaving four fighters dead.",
]


@pytest.fixture(scope="module")
def pipelines(nlp, model):
    from eventsift.pipeline import Pipeline

    plain = Pipeline(nlp=nlp)
    # the most licence a model can be given: asked on every mention, any probability will do
    bold = Pipeline(nlp=nlp, geocoder=plain.geocoder,
                    reranker=Reranker(model, low_confidence=2.0, min_probability=0.0, margin=0.0))
    return plain, bold


@pytest.mark.parametrize("text", REPORTS)
def test_a_model_cannot_make_an_event_of_a_non_event(pipelines, text):
    from datetime import date

    from eventsift.models import Article

    plain, bold = pipelines
    article = Article("r1", "Report\n\n" + text, published=date(2021, 5, 4))
    a, b = plain(article), bold(article)
    assert len(b.events) == len(a.events)
    assert [e.event_type for e in b.events] == [e.event_type for e in a.events]
    assert [(d.sentence, d.reason) for d in b.dropped] == [(d.sentence, d.reason) for d in a.dropped]


def test_the_pipeline_has_no_model_by_default():
    from eventsift.pipeline import Pipeline

    assert Pipeline().reranker is None


def test_a_pipeline_hands_its_model_to_an_extractor_given_without_one():
    from eventsift.extract import Extractor
    from eventsift.pipeline import Pipeline

    class Model:
        def rerank(self, mention):
            return mention

    model = Model()
    assert Pipeline(extractor=Extractor(), reranker=model).extractor.second_opinion == model.rerank
    own = Extractor(second_opinion=lambda m: m)
    assert Pipeline(extractor=own, reranker=model).extractor.second_opinion is own.second_opinion
    assert Pipeline(reranker=model).extractor.second_opinion == model.rerank
