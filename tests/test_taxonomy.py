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
