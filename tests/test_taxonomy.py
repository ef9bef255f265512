import pytest

from eventsift.taxonomy import EVENT_TYPE_OF, PLOVER_TYPES, PRECEDENCE, SUB_EVENT_TYPES, disorder_type, plover


def test_six_types_twenty_five_subtypes():
    assert len(SUB_EVENT_TYPES) == 6
    assert len(EVENT_TYPE_OF) == 25
    assert set(PRECEDENCE) == set(EVENT_TYPE_OF)


@pytest.mark.parametrize("sub", sorted(EVENT_TYPE_OF))
def test_every_subtype_maps(sub):
    et = EVENT_TYPE_OF[sub]
    assert disorder_type(et, sub)
    ptype, _mode = plover(et, sub)
    assert ptype in PLOVER_TYPES


@pytest.mark.parametrize("et,sub,expected", [
    ("Battles", "Armed clash", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Violent demonstration", "Political violence; Demonstrations"),
    ("Strategic developments", "Agreement", "Strategic developments"),
])
def test_disorder(et, sub, expected):
    assert disorder_type(et, sub) == expected


def test_plover_rejects_mismatch():
    with pytest.raises(ValueError):
        plover("Battles", "Peaceful protest")
    assert plover("Explosions/Remote violence", "Air/drone strike") == ("ASSAULT", "aerial-weapons")


def test_tables_agree_with_themselves():
    from eventsift.taxonomy import INTER_NAMES, NOTES_VERB, PLOVER_CONTEXTS, RANK, RERANK_ACTORS

    assert sorted(RANK.values()) == list(range(25))
    assert set(NOTES_VERB) == set(EVENT_TYPE_OF) and set(RERANK_ACTORS) <= set(EVENT_TYPE_OF)
    assert set(RERANK_ACTORS.values()) == {"actor1", "actor2", "no actor2"}
    assert set(PLOVER_CONTEXTS) == set(SUB_EVENT_TYPES)
    assert sorted(INTER_NAMES) == list(range(1, 9))


@pytest.mark.parametrize("sub", sorted(EVENT_TYPE_OF))
def test_notes_verb_puts_the_second_actor_inside_its_brackets(sub):
    from eventsift.taxonomy import NOTES_VERB

    verb = NOTES_VERB[sub]
    outside = verb.split("[")[0] + (verb.split("]")[1] if "]" in verb else "")
    assert "@" not in outside and verb.count("[") == verb.count("]") <= 1
    assert ("@" in verb) == ("[" in verb)


@pytest.mark.parametrize("sub,actor2,expected", [
    ("Armed clash", "Police", "On 2 January 2020, Rebels clashed with Police in Homs (Syria)."),
    ("Armed clash", None, "On 2 January 2020, Rebels clashed in Homs (Syria)."),
    ("Attack", "Civilians", "On 2 January 2020, Rebels attacked Civilians in Homs (Syria)."),
    ("Peaceful protest", "Police", "On 2 January 2020, Rebels held a peaceful protest in Homs (Syria)."),
    ("Protest with intervention", None, "On 2 January 2020, Rebels protested and were dispersed in Homs (Syria)."),
])
def test_notes_sentence_from_the_table(sub, actor2, expected):
    from datetime import date

    from eventsift.fuse.notes import notes_sentence
    from eventsift.models import Event

    event = Event(event_id="e", event_type="Battles", sub_event_type=sub, disorder_type="Political violence",
                  actor1="Rebels", inter1=2, actor2=actor2, inter2=None, interaction=None, location="Homs",
                  country="Syria", event_date=date(2020, 1, 2), time_precision=1)
    assert notes_sentence(event) == expected
