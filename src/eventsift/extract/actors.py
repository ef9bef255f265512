"""Find actor phrases in a sentence: named groups from the dictionary, generic heads typed by rule.

A found phrase is an ``ActorRef`` (token range, head token, canonical name, inter code, country).
Generic actors whose country is not stated get a bare ACLED name ("Civilians", "Military Forces")
that ``eventsift.resolve.actors.resolve_actors`` completes once the event's place is known.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .. import lexicon as vocab
from ..lexicon.tables import Country, Lexicon
from ..taxonomy import (  # noqa: F401 (the bare names of generic actors, read by the other extract modules)
    CIVILIANS, COMMUNAL, ETHNIC_SUFFIX, GENERIC_NAMES, GOVERNMENT, MILITARY, POLICE, PROTESTERS, REBELS, RIOTERS, UAG,
)


_ARMED_MODIFIERS = vocab.words("armed_actor_modifiers")
_STATE_MODIFIERS = vocab.words("state_force_modifiers")
_POLICE_MODIFIERS = vocab.words("police_force_modifiers")
_CIVIL_MODIFIERS = vocab.words("civil_service_modifiers")
#: heads that modifiers make police ("customs officers"), military ("army officers") or armed ("armed men")
_POLICE_BY_MODIFIER = vocab.words("police_by_modifier_heads")
_MILITARY_BY_MODIFIER = vocab.words("military_by_modifier_heads")
_ARMED_BY_MODIFIER = vocab.words("armed_by_modifier_heads")
_INDIVIDUALS = vocab.words("individual_heads")
#: "Turkey's defence ministry": the ministry of the forces
_DEFENCE_MODIFIERS = vocab.words("defence_ministry_modifiers")
#: the generic kinds that are the state; the country named with them completes "<name> of <country>"
_STATE_KINDS = vocab.words("state_actor_kinds")
# weapon platforms that name an actor when a country is attached ("Turkish warplanes")
_PLATFORMS = vocab.words("weapon_platforms")
_STATE_PLATFORM_MODIFIERS = vocab.words("state_platform_modifiers")
# facilities whose attack implies state forces as the target ("attacked a check point")
_STATE_SITES = vocab.words("state_sites")
_SITE_NEEDS_MODIFIER = vocab.words("sites_needing_modifier")
_SITE_MODIFIERS = vocab.words("state_site_modifiers")
# words that continue a named group into one phrase ("Taliban militants", "IS fighters")
_CONTINUATION = vocab.words("named_group_continuations")  # "Houthi security forces", "Taliban authorities"
# an affiliate named by its parent ("an al Qaeda-linked group", "IS-affiliated fighters"): the group itself
_AFFILIATE = vocab.words("affiliate_words")
# people or parts of a named group ("fighters of the CODECO militia", "a faction of the Pakistani Taliban",
# "gunmen from the Gulf Cartel")
_MEMBER_HEADS = vocab.words("group_member_heads")
# "gunmen believed to belong to X", "militants linked to X": X's fighters
_BELONG = vocab.words("belonging_verbs")
#: "Gunmen believed to belong to X shot ...": the verb the parser made the head of the gunmen
_BELIEVED = vocab.words("belonging_report_verbs")
_MEMBERSHIP_VERB_DEPS = vocab.words("membership_verb_deps")
_ARTICLES = vocab.words("phrase_articles")


_COMMUNITY_HEADS = vocab.words("community_heads")
_FORMER = vocab.words("former_modifiers")
_STAFF = vocab.words("civil_staff_heads")
# verbs whose object "a base", "a post" is a military site even without "military" before it
_ASSAULTS = vocab.words("site_assault_verbs")
_NOMINAL_POS = vocab.words("nominal_pos")
_NOUN_MODIFIER_DEPS = vocab.words("noun_modifier_deps")
_ETHNIC_ARGUMENT_DEPS = vocab.words("ethnic_group_argument_deps")
_PATIENT_DEPS = vocab.words("patient_deps")
_ATTRIBUTIVE_DEPS = vocab.words("attributive_deps")
_NOUN_POS = vocab.words("noun_pos")


@dataclass(frozen=True, slots=True)
class ActorRef:
    start: int  # token index (doc), inclusive
    end: int  # token index (doc), exclusive
    head: int  # token index of the head word
    name: str
    inter: int
    kind: str  # "named" or a generic kind from generic.tsv (or "site" / "platform")
    country: Country | None
    reason: str
    identity: str | None = None  # an identity group named with it ("Fulani herders")

    @property
    def armed(self) -> bool:
        return self.inter in (1, 2, 3, 4, 8)


def _country_in(tokens, lex: Lexicon) -> Country | None:
    """The country a modifier names; a two- or three-word name first ("South Sudan's government" is not
    Sudan's, "Sri Lankan troops")."""
    for tok in tokens:
        doc = tok.doc
        for n in (3, 2):
            if tok.i + n <= len(doc):
                c = lex.countries_by_word.get(" ".join(t.lower_ for t in doc[tok.i:tok.i + n]))
                if c is not None:
                    return c
        if tok.i > 0:
            c = lex.countries_by_word.get(f"{doc[tok.i - 1].lower_} {tok.lower_}")
            if c is not None:
                return c   # the modifier is the second word of the name ("South" before "Sudan")
        c = lex.countries_by_word.get(tok.lower_)
        if c is not None:
            return c
    return None


#: "-held" and the like after a name: the place it holds ("rebel-held", "Houthi-controlled")
_HOLDING = vocab.words("holding_participles")
_DASHES = frozenset({"—", "–", "--", ":"})   # not the hyphen of "pro-government"
_LEFT_MODIFIER_DEPS = vocab.words("noun_left_modifier_deps")
_MODIFIER_PART_DEPS = vocab.words("modifier_part_deps")


def _modifiers(head):
    """Left-side modifiers of a noun: amod, compound, poss, nmod, nummod (and their compounds)."""
    out = []
    lefts = list(head.lefts)
    # a dateline's town before a dash ("KYIV — Russian missiles") is no modifier of the noun after it
    cut = max((i for i, c in enumerate(lefts) if c.text in _DASHES), default=-1)
    for child in lefts[cut + 1:]:
        if child.dep_ in _LEFT_MODIFIER_DEPS:
            out.append(child)
            out.extend(c for c in child.lefts if c.dep_ in _MODIFIER_PART_DEPS)
    return out


def _generic(tok, lex: Lexicon) -> ActorRef | None:
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    kind = lex.generic.get(lower) or lex.generic.get(lemma)
    if kind is None and tok.pos_ == "PROPN" and len(lower) > 4 and lower.endswith("s"):
        kind = lex.generic.get(lower[:-1])  # "Rebels abducted ...": a capitalised plural tagged as a name
    mods = _modifiers(tok)
    mod_words = {m.lower_ for m in mods}
    country = _country_in(mods, lex)
    ethnic = next((lex.ethnic[m.lower_] for m in mods if m.lower_ in lex.ethnic), None)
    site = False
    if kind is None:
        if lemma == "bomber" and "suicide" in mod_words:
            kind = "uag"  # "a suicide bomber": the attacker, not an aircraft
        elif lemma in _PLATFORMS and tok.pos_ in _NOUN_POS and (country or mod_words & _STATE_PLATFORM_MODIFIERS):
            kind = "military"
        elif lemma in _STATE_SITES and tok.pos_ in _NOUN_POS and (
            lemma not in _SITE_NEEDS_MODIFIER or mod_words & _SITE_MODIFIERS or (
                lemma in ("base", "post") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ASSAULTS
                and all(m.dep_ == "det" for m in mods))  # "attacked a base", not "stormed a UN logistics base"
        ):
            kind, site = "military", True
            if mod_words & {"police"}:
                kind = "police"
        elif lower in lex.ethnic and tok.pos_ in _NOMINAL_POS and (
                tok.dep_ in _ETHNIC_ARGUMENT_DEPS or (
                tok.dep_ in _ATTRIBUTIVE_DEPS and tok.head.lemma_.lower() in _COMMUNITY_HEADS)):  # "the Yoruba community"
            kind = "group_civilian"
            ethnic = lex.ethnic[lower]
        else:
            return None
    if kind == "none" or tok.pos_ not in _NOMINAL_POS:
        return None
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro"):
        return None  # "an anti-government march", "pro-government militias": a stance, not the government acting
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].tag_ == "VBN":
        return None  # "the rebel-held town", "a Taliban-controlled district": who holds the place, not an actor
    if lemma == "local" and tok.dep_ in _NOUN_MODIFIER_DEPS:
        return None  # "a local police post": a modifier, not the locals
    if kind in ("military", "police") and mod_words & _FORMER:
        kind = "civilian"  # "a former soldier", "a retired police officer": civilians
    if kind == "government" and tok.dep_ == "compound" and tok.head.lemma_.lower() in _STAFF:
        kind = "civilian"  # "a government employee": a civilian
    if kind == "government" and tok.dep_ in _NOUN_MODIFIER_DEPS and (
            lex.generic.get(tok.head.lemma_.lower()) in ("military", "police")):
        return None  # "government soldiers", "government forces": the forces are the actor, not the government
    if kind in ("group", "member"):
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "a group of farmers", "members of the Fulani community": the inner noun
        if kind == "member":
            return None
        if mod_words & _ARMED_MODIFIERS:
            kind = "uag"
    if kind == "military":
        if lemma == "force" and not (country or mod_words & (_STATE_MODIFIERS | _POLICE_MODIFIERS)):
            if not mod_words & {"afghan", "the"}:
                return None
        if mod_words & {"police"} or (lemma in _POLICE_BY_MODIFIER and mod_words & _POLICE_MODIFIERS):
            kind = "police"
        if lemma == "personnel" and mod_words & _CIVIL_MODIFIERS:
            kind = "civilian"
    elif kind == "government" and lemma == "ministry" and mod_words & _DEFENCE_MODIFIERS:
        kind = "military"  # "Turkey's defence ministry ... its forces"
    elif kind == "police":
        if lemma in _MILITARY_BY_MODIFIER and mod_words & {"army", "military"}:
            kind = "military"
        if lemma == "officer" and mod_words & _CIVIL_MODIFIERS:
            kind = "civilian"
    elif kind in ("civilian", "uag") and mod_words & _ARMED_MODIFIERS and lemma in _ARMED_BY_MODIFIER:
        kind = "uag"
    elif kind == "uag" and lemma == "individual" and not mod_words & _ARMED_MODIFIERS and tok.dep_ in _PATIENT_DEPS:
        kind = "civilian"  # "killed an individual": a victim, not an armed group
    elif kind == "civilian" and lemma in _INDIVIDUALS:
        kind = "civilian"
    if kind == "uag" and lemma == "youth":
        kind = "communal"  # "armed youths raided a cattle camp": a community's armed young men, as ACLED codes them
    if kind == "group_civilian" and mod_words & _ARMED_MODIFIERS - {"suspected"}:
        kind = "communal"  # "armed farmers", "armed Fulani": an armed community
    if kind == "communal" and ethnic:
        kind = "ethnic"
    name, inter = GENERIC_NAMES.get(kind, (None, None)) if kind != "ethnic" else (f"{ethnic} {ETHNIC_SUFFIX}", 4)
    if name is None:
        return None
    if kind in _STATE_KINDS and country is not None:
        name = f"{name} of {country.name}"
    elif kind not in _STATE_KINDS and country is not None:
        name = f"{name} ({country.name})"
    start = min([tok.i] + [m.i for m in mods if m.dep_ not in ("det", "nummod")])
    reason = f"generic head '{tok.text}' → {kind}" + (f", country from '{country.name}'" if country else "")
    if ethnic and kind != "ethnic":
        reason += f"; identity '{ethnic}'"
    return ActorRef(start, tok.i + 1, tok.i, name, inter, "site" if site else kind, country, reason,
                    ethnic if kind != "ethnic" else None)


def find_actors(doc, start: int, end: int, lex: Lexicon) -> list[ActorRef]:
    """All actor phrases in tokens [start, end) of ``doc``, left to right, without overlaps."""
    out: list[ActorRef] = []
    lows = [t.lower_ for t in doc[start:end]]   # read once: alias keys are tuples of these
    i = start
    while i < end:
        tok = doc[i]
        hit = None
        exact = lex.exact_aliases.get(tok.text)
        if exact is not None:
            hit = (1, exact)
        elif lows[i - start] in lex.alias_starts:
            for n in range(min(lex.max_alias, end - i), 0, -1):
                key = tuple(lows[i - start:i - start + n])
                actor = lex.aliases.get(key)
                if actor is not None:
                    hit = (n, actor)
                    break
        member_of = None
        if hit is None and tok.lemma_.lower() in _MEMBER_HEADS and tok.pos_ in _NOUN_POS and i + 2 < end \
                and doc[i + 1].lower_ in ("of", "from"):
            k = i + 2 + (doc[i + 2].lower_ in _ARTICLES)
            inner = _named_at(doc, k, end, lex)
            if inner is not None:  # "fighters of the CODECO militia": the named group, headed by its people
                hit, member_of = (k - i + inner[0], inner[1]), tok
        if hit is not None and i + hit[0] + 1 < len(doc) and doc[i + hit[0]].text == "-" \
                and doc[i + hit[0] + 1].lower_ in _HOLDING:
            i += hit[0]   # "a Taliban-controlled district": who holds the place, not an actor of the event
            continue
        if hit is not None:
            n, actor = hit
            j = i + n
            if j + 1 < end and doc[j].text == "-" and doc[j + 1].lower_ in _AFFILIATE:
                j += 2  # "an al Qaeda-linked group": the affiliate, coded as its parent's name
            while j < end and (doc[j].lemma_.lower() in _CONTINUATION or doc[j].text in ("-", "'")) and doc[j].pos_ != "VERB":
                j += 1
            while j > i + n and doc[j - 1].text in ("-", "'"):
                j -= 1
            country = None
            if actor.home is not None:
                from ..lexicon.tables import load  # noqa: PLC0415 (cached)

                country = load().countries_by_iso.get(actor.home)
            head = member_of.i if member_of is not None else j - 1
            out.append(ActorRef(i, j, head, actor.name, actor.inter, "named", country,
                                f"dictionary: '{doc[i:j].text}' → {actor.name}"))
            i = j
            continue
        if tok.pos_ in _NOMINAL_POS:
            ref = _generic(tok, lex)
            if ref is not None:
                if out and ref.start < out[-1].end:
                    ref = replace(ref, start=out[-1].end)
                out.append(ref)
        i += 1
    return [_belonging(ref, out, doc) for ref in out]


def _named_at(doc, k: int, end: int, lex: Lexicon):
    """(length, NamedActor) of a dictionary name starting at token k, else None."""
    if k >= end:
        return None
    exact = lex.exact_aliases.get(doc[k].text)
    if exact is not None:
        return 1, exact
    if doc[k].lower_ not in lex.alias_starts:
        return None
    for n in range(min(lex.max_alias, end - k), 0, -1):
        actor = lex.aliases.get(tuple(t.lower_ for t in doc[k:k + n]))
        if actor is not None:
            return n, actor
    return None


def _belonging(ref: ActorRef, refs: list[ActorRef], doc) -> ActorRef:
    """An unnamed armed actor said to belong to a named group ("gunmen believed to belong to JNIM",
    "militants linked to the ADF") is that group."""
    if ref.kind not in ("uag", "militant"):
        return ref
    head = doc[ref.head]
    verbs = list(head.children)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _BELIEVED:
        verbs.append(head.head)  # "Gunmen believed to belong to X shot ...", parsed with "believed" as the verb
    for verb in verbs:
        if verb.dep_ not in _MEMBERSHIP_VERB_DEPS or verb.lemma_.lower() not in _BELONG and not any(
                c.lemma_.lower() in _BELONG for c in verb.children if c.dep_ == "xcomp"):
            continue
        span = range(min(t.i for t in verb.subtree), max(t.i for t in verb.subtree) + 1)
        named = next((r for r in refs if r.kind == "named" and r.head in span and r.inter in (2, 3, 4)), None)
        if named is not None:
            return replace(ref, name=named.name, inter=named.inter, kind="named", country=named.country,
                           reason=ref.reason + f"; said to belong to {named.name}")
    return ref
