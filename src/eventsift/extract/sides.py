"""Who the sides of an event are: the actor phrases a convention renames (rioters, communal militias,
civilians), and the tests on them that the conventions name (a community acting as one, a mob of
plain people, armed defenders, rival groups fighting among themselves)."""
from __future__ import annotations

from .. import lexicon as lex
from .actors import COMMUNAL, RIOTERS, ActorRef
from .rules import BATTLE_WORDS, REACTIVE, Trigger, prep_obj, ref_at, roles, subject_of

HUNG_VERB_DEPS = lex.entries("hung_verb_deps")
COUNTING_MODIFIER_DEPS = lex.entries("counting_modifier_deps")

COLLECTIVE_COMMUNITY_WORDS = lex.entries("collective_community_words")
PLAIN_PERSON_HEADS = lex.entries("plain_person_heads")
FLED_FIGHTING_HEADS = lex.entries("fled_fighting_heads")
COMMUNITY_GROUP_NOUNS = lex.entries("community_group_nouns")
COMMUNITY_HEADS = lex.entries("member_community_heads")
COMMUNITY_WORDS = lex.entries("community_words")
DEVICE_PLANTING_LEMMAS = lex.entries("device_planting_lemmas")
RIVAL_GROUP_NOUNS = lex.entries("rival_group_nouns")
ARMED_UNKNOWN_MODIFIERS = lex.entries("armed_unknown_modifiers")


def among_themselves(doc, triggers, actor: ActorRef, by_token: dict[int, ActorRef]) -> bool:
    """A fight word "between"/"among" one plural actor phrase ("between rival factions of X")."""
    if actor.head < 0:
        return False
    for t in triggers:
        tok = doc[t.i]
        if tok.lemma_.lower() not in BATTLE_WORDS and "fire" not in t.text:
            continue
        if tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in FLED_FIGHTING_HEADS:
            continue  # "they had fled fighting between rival factions": why they left, not this event
        for obj in prep_obj(tok, ("between", "among")):
            if any(c.dep_ == "conj" for c in obj.children) or any(t.dep_ == "cc" for t in obj.subtree):
                continue  # "between government forces and rebels" (however parsed): two sides named
            if actor.start <= obj.i < actor.end or actor.head in {g.i for g in obj.subtree}:
                return obj.tag_ in ("NNS", "NNPS") or obj.lemma_.lower() in RIVAL_GROUP_NOUNS
        # "two armed groups fought (with heavy machine guns)", "rival gangs clashed": a plural subject counted
        # or called rivals, and no other side named
        subj = doc[actor.head]
        if tok.lemma_.lower() in _RECIPROCAL_FIGHT and subj.dep_ == "nsubj" and subj.head.i == tok.i \
                and subj.tag_ in ("NNS", "NNPS") and any(
                    c.lower_ in _TWO_SIDES for c in subj.children if c.dep_ in COUNTING_MODIFIER_DEPS) \
                and not any(c.dep_ == "dobj" for c in tok.children) \
                and not any(ref_at(o, by_token) is not None for o in prep_obj(tok, ("with", "against"))):
            return True
    return False


_RECIPROCAL_FIGHT = lex.words("reciprocal_fight_lemmas")


_TWO_SIDES = lex.words("rival_sides_modifiers")


# heads of unarmed groups of people who act as a mob when they attack (ACLED's rioters)
_PEOPLE_HEADS = lex.words("plain_people_heads")


_QUANTITY_HEADS = lex.words("people_quantity_heads")


_ARMED_WORDS = lex.words("armed_people_words")


def unarmed_people(doc, trig: Trigger) -> ActorRef | None:
    """The event word's subject when it names plain people, not an armed actor ("members of the
    sect", "a number of people", "four brothers"): a mob of rioters."""
    tok = doc[trig.i]
    if trig.family == "casualty":
        return None  # "two people died": victims
    for _ in range(3):  # "undressed, beat and filmed": the first of the conjoined verbs
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ != "VERB":
        return None
    subj, passive = subject_of(tok)
    if subj is None and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children) and (
            tok.tag_ != "VBN" or any(c.dep_ in HUNG_VERB_DEPS for c in tok.children)):
        # "members of the sect tied up and beat ...": the parser hangs the verbs on the subject
        subj, passive = tok.head, False
    if subj is None or passive:
        return None
    head = subj
    if head.lemma_.lower() in _QUANTITY_HEADS:
        inner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj"), None)
        head = inner or head
    if head.lemma_.lower() not in _PEOPLE_HEADS:
        return None
    if any(t.lower_ in _ARMED_WORDS or t.lower_ in COMMUNITY_WORDS
           for t in subj.subtree):
        return None  # armed men, or a community acting as one (a communal militia)
    return ActorRef(subj.left_edge.i, subj.right_edge.i + 1, subj.i, RIOTERS, 5, "group", None,
                    f"unarmed people '{subj.text}' acting as a mob")


def taker(trig: Trigger, doc, by_token, actors, main_subject, speaker: ActorRef | None = None
           ) -> tuple[ActorRef | None, ActorRef | None]:
    """Who took the place (the territory word's own subject, the speaker who says "it" or "its
    forces" took it, else the nearest actor before it)."""
    a, p, _ = roles(trig, doc, by_token, main_subject)
    if a is None and speaker is not None:
        a = speaker  # "the army said its forces had recaptured the city"
    if a is None:
        before = [x for x in actors if x.end <= trig.i and x.armed]
        a = before[-1] if before else None
    if p is None or p is a:
        p = next((x for x in actors if x is not a and x.armed and x.name != (a.name if a else None)), None)
    return a, p


def of_communities(tok) -> bool:
    """People who speak for clans or communities ("elders of two rival clans", "leaders of the Tiv and
    Jukun communities")."""
    return any(g.lemma_.lower() in COMMUNITY_GROUP_NOUNS for c in tok.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def conjoined_side(a1: ActorRef, actors: list[ActorRef], doc) -> ActorRef | None:
    """Another armed actor conjoined with ``a1`` as a subject ("Pakistani troops and Afghan border forces
    exchanged fire"): the other side of a fight, when the two are not of one state."""
    head = doc[a1.head]
    for a in actors:
        if a is a1 or not a.armed or a.head < 0:
            continue
        other = doc[a.head]
        if (other.dep_ == "conj" and other.head.i == head.i or head.dep_ == "conj" and head.head.i == other.i) \
                and not (a.inter == a1.inter == 1 and (a.country is None or a1.country is None or a.country == a1.country)):
            return a
    return None


def armed_defender(doc, triggers: list[Trigger], by_token, a1: ActorRef) -> tuple[ActorRef, Trigger] | None:
    """An armed actor that repelled ``a1``'s attack or exchanged fire with it ("was repelled by the security
    forces", "soldiers who repelled the attack", "exchanged fire with Beninese soldiers"): the other side of
    a fight, so that the attack on a home or a town hall it defended is a battle. Not ``a1``'s own side."""
    for t in triggers:
        tok = doc[t.i]
        lemma = tok.lemma_.lower()
        exchange = lemma == "exchange" or "exchang" in t.text.lower()
        if lemma not in REACTIVE and not exchange:
            continue
        refs = []
        if exchange:
            refs += [ref_at(o, by_token) for o in prep_obj(tok, ("with",))]
        else:
            refs += [ref_at(o, by_token) for o in prep_obj(tok, ("by",))]
            subj, passive = subject_of(tok)
            if subj is not None and not passive:
                if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    subj = tok.head   # "soldiers who repelled the attack"
                refs.append(ref_at(subj, by_token))
        for ref in refs:
            if ref is None or ref is a1 or not ref.armed or ref.name == a1.name:
                continue
            if ref.inter == a1.inter == 1 and (ref.country is None or ref.country == a1.country):
                continue
            return ref, t
    return None


_FIGHT_WITH = _RECIPROCAL_FIGHT | {"exchange"}


def community_fought(doc, triggers: list[Trigger], by_token, a1: ActorRef) -> tuple[ActorRef, Trigger] | None:
    """Villagers, farmers, herders or hunters named as the other side of a fight with ``a1`` ("clashed with
    farmers", "exchanged fire with hunters"): they fought back, so they were a side, not only its targets."""
    for t in triggers:
        tok = doc[t.i]
        if tok.lemma_.lower() not in _FIGHT_WITH or tok.pos_ != "VERB":
            continue
        for obj in prep_obj(tok, ("with", "against")):
            ref = ref_at(obj, by_token)
            if ref is not None and ref is not a1 and ref.kind == "group_civilian":
                return ref, t
    return None


def receiver_of(tok, by_token) -> ActorRef | None:
    """Whom a place is handed over to ("handed over the camp to Malian forces")."""
    for word in (tok, *[c for c in tok.children if c.dep_ in ("prt", "dobj")]):
        for obj in prep_obj(word, ("to",)):
            ref = ref_at(obj, by_token)
            if ref is not None:
                return ref
    return None


def territory_rule(agent: ActorRef | None) -> str:
    """The convention row of a change of control: who took the place decides."""
    return "territory-government" if agent is not None and agent.inter == 1 else "territory-nonstate"


def rename(ref: ActorRef | None, base: str, inter: int) -> ActorRef:
    if ref is None:
        return bare(base, inter, f"{base.lower()} (no words)")
    country = ref.country
    name = f"{base} ({country.name})" if country else base
    return ActorRef(ref.start, ref.end, ref.head, name, inter, ref.kind, country, ref.reason + f"; acting as {base.lower()}", ref.identity)


def communal_side(ref: ActorRef, doc) -> bool:
    """An actor ACLED codes as a communal or ethnic militia when it fights or attacks: an
    occupational community (farmers, herders, pastoralists) or an identity group. Crowds of
    residents, villagers or youths are mobs (Mob violence), as in ACLED's notes."""
    occupational = ref.kind == "civilian" and ref.head >= 0 and any(
        c.lemma_.lower() in _OCCUPATIONS for c in doc[ref.head].lefts if c.dep_ in ("compound", "amod"))  # "pastoralist men"
    if not (ref.kind == "group_civilian" or occupational or (ref.kind == "civilian" and ref.identity is not None)):
        return False
    if ref.head < 0:
        return True
    head = doc[ref.head]  # one farmer who kills another man is a mob of one, not a militia
    if head.dep_ in ("compound", "amod") and (head.head.lemma_.lower() in COMMUNITY_HEADS
                                              or head.head.tag_ in ("NNS", "NNPS")):
        return True  # "members of the Yoruba community", "pastoralist men"
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in COLLECTIVE_COMMUNITY_WORDS or any(
        c.dep_ == "nummod" and c.lower_ not in ("one", "1", "a") for c in head.children)


_KIN = lex.words("feud_kin_nouns")


_OCCUPATIONS = lex.words("occupational_communities")


_TOWNSFOLK = lex.words("townsfolk_heads")


def place_community(ref: ActorRef, doc) -> bool:
    """The people of a named place ("people from Garou", "Sahe-Abigo people", "youths of Ganro"): ACLED's
    communal militia of that place when they attack."""
    if ref.head < 0 or ref.kind not in ("civilian", "group_civilian"):
        return False
    head = doc[ref.head]
    if head.lemma_.lower() not in _TOWNSFOLK or head.tag_ not in ("NNS", "NNPS") and head.lower_ != "people":
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of") and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
               for g in c.children) for c in head.children)


def kin(ref: ActorRef, doc) -> bool:
    """The victim is the attacker's relative ("killed his brother"): a family feud, not communal violence."""
    return ref.head >= 0 and doc[ref.head].lemma_.lower() in _KIN


def plural(ref: ActorRef, doc) -> bool:
    if ref.head < 0:
        return False
    head = doc[ref.head]
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() == "people"


def unarmed_uag(ref: ActorRef, doc) -> bool:
    """"two individuals", "a group of people": an unidentified actor named by a plain word, not "gunmen"."""
    return ref.kind == "uag" and ref.head >= 0 and doc[ref.head].lemma_.lower() in PLAIN_PERSON_HEADS and not any(
        t.lower_ in ARMED_UNKNOWN_MODIFIERS for t in doc[ref.start:ref.end])


def looter(ref: ActorRef | None, doc) -> ActorRef | None:
    """Farmers, residents or an identity group who destroy or take property: a communal militia."""
    if ref is None or ref.kind not in ("civilian", "group_civilian"):
        return ref
    if ref.kind == "group_civilian" or ref.identity or plural(ref, doc):
        return communal(ref)
    return ref


def planter_of(doc, triggers, by_token) -> ActorRef | None:
    """Who laid the device: "an IED planted by JNIM militants", "a Taliban-planted mine"."""
    for t in triggers:
        sent = doc[t.i].sent
        for tok in sent:
            if tok.lemma_.lower() in DEVICE_PLANTING_LEMMAS and tok.tag_ == "VBN":
                for obj in prep_obj(tok, ("by",)):
                    ref = ref_at(obj, by_token)
                    if ref is not None and ref.armed:
                        return ref
        break
    return None


def communal(ref: ActorRef) -> ActorRef:
    country = ref.country
    base = f"{ref.identity} Ethnic Militia" if ref.identity else COMMUNAL
    name = f"{base} ({country.name})" if country else base
    return ActorRef(ref.start, ref.end, ref.head, name, 4, "communal", country, ref.reason + "; armed communal group", ref.identity)


def bare(name: str, inter: int, reason: str) -> ActorRef:
    return ActorRef(-1, -1, -1, name, inter, "implied", None, f"implied: {reason}")
