"""The extractor with the real model: its example texts are corpus/sentences/extractor.jsonl; what is
left here asserts more than a record can say."""
from datetime import date

import pytest

from eventsift.models import Stance


@pytest.fixture(scope="module")
def run(extract_text):
    return extract_text


def test_a_named_speaker_does_not_act(run):
    mentions, _ = run("Warplanes struck the port on Tuesday. The rebel-run television said six civilians were "
                      "killed when a strike hit a house.")
    assert all(m.actor1 is None or "rebel" not in m.actor1.name.lower() for m in mentions)


def test_claims_and_denial(run):
    mentions, _ = run("The Turkish army said Turkish warplanes killed 12 militants in northern Syria.")
    assert mentions[0].claimed_by == "Turkish army"
    mentions, _ = run("The group denied carrying out the attack on the police station.")
    assert all(m.stance is Stance.DENIED for m in mentions)


def test_headline_folds_into_the_body_event_and_ranks_it_first(run):
    text = ("Rebels get proposal to quit Aleppo, jihadists retake Palmyra\n\n"
            "Government forces advanced on rebel-held districts of Aleppo and captured the Sheikh Saeed district.\n\n"
            "Elsewhere in the country, IS recaptured Palmyra after Syrian forces pulled out of the city.")
    mentions, dropped = run(text, published=date(2016, 12, 11))
    assert not any(m.sentence.text.startswith("Rebels get proposal") for m in mentions)
    top = max(mentions, key=lambda m: m.confidence)
    assert top.sub_event_type == "Non-state actor overtakes territory"
    assert any(d.reason.startswith("headline of") for d in dropped)


def test_allied_actors(run):
    mentions, _ = run("Syrian troops and allied militias attacked rebel positions in the town, killing 12 rebels.")
    assert mentions[0].assoc_actor_1 and mentions[0].actor1.inter == 1
