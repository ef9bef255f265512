from eventsift.models import Actor, Mention, Span
from eventsift.resolve.actors import resolve_actors

S = Span(0, 1, "x")


def _m(a1, a2, et="Violence against civilians", sub="Attack"):
    return Mention("a", S, et, sub, actor1=a1, actor2=a2)


def test_generic_actors_get_country():
    m = resolve_actors(_m(Actor("Unidentified Armed Group", 3), Actor("Civilians", 7)), "BEN")
    assert m.actor1.name == "Unidentified Armed Group (Benin)"
    assert m.actor2.name == "Civilians (Benin)"
    assert m.civilian_targeting


def test_state_forces_abroad_are_external():
    m = resolve_actors(_m(Actor("Military Forces of Turkey", 1, country="TUR"), Actor("Islamic State", 2),
                          "Explosions/Remote violence", "Air/drone strike"), "SYR")
    assert m.actor1.inter == 8 and not m.civilian_targeting
    m = resolve_actors(_m(Actor("Police Forces", 1), None, "Strategic developments", "Arrests"), "NGA")
    assert m.actor1.name == "Police Forces of Nigeria" and m.actor1.inter == 1


def test_unknown_country_leaves_names():
    m = resolve_actors(_m(Actor("Civilians", 7), None), None)
    assert m.actor1.name == "Civilians"
