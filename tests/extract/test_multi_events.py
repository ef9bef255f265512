"""How many events a report tells: its example texts are corpus/sentences/multi.jsonl; what is left
here asserts more than a record can say."""
import pytest


@pytest.fixture(scope="module")
def run(extract_text):
    return extract_text


def test_a_participle_describing_someone_is_no_event(run):
    mentions, dropped = run("Police said the detained commander was freed on Monday after talks.")
    assert not any(m.sub_event_type == "Arrests" for m in mentions)
    assert any("describes someone" in d.reason for d in dropped)


def test_a_truce_after_a_fight_is_an_event_of_its_own(run):
    mentions, _ = run("Two armed groups fought with machine guns in the south of the capital on Thursday, killing three "
                      "people. By evening, community elders had brokered a ceasefire under which both groups agreed to "
                      "withdraw from the area.")
    assert len(mentions) == 2 and mentions[1].sub_event_type == "Agreement"
