"""Stories: one event as an article tells it over several sentences.

A later sentence either continues the story told before it (``continues``) or tells an event of
its own. One that continues it is folded in (``fold``): actors and claims fill gaps, and a strong
event word may make the reading more severe (``more_severe``). Every such change of a story's
sub-type goes through ``conventions.retype`` and names its row of the conventions table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import lexicon as lex
from ..models import Decision, Mention, Stance
from ..taxonomy import EVENT_TYPE_OF, GENERIC_NAMES, RANK, family
from . import context
from .actors import ActorRef
from .conventions import retype, sub_of
from .rules import Trigger
from .sentence import same_group

FORCE_ON_RIOTERS_TYPES = lex.entries("force_on_rioters_types")

# a later sentence changes the story's type only with an event word at least this strong
# ("killed", "exchanged fire"; not "death", "injured"), set on the Benin and sample notes
UPGRADE_MIN_STRENGTH = 0.7


# a device made safe after violence is an event of its own only with a full-strength event word
# ("defused", "shot down"; not "seized"), set on the team's multi-event samples and checked
# against the one-event dev notes
OTHER_KIND_MIN_STRENGTH = 1.0


@dataclass(slots=True)
class Story:
    """One event as the article tells it so far: its mention and the sentences folded into it."""

    mention: Mention
    regions: list[tuple[int, int]]  # sentences (cleaned-text offsets) that state or elaborate it
    places: set[str]  # place words its sentences name (lower case)
    text: str  # its sentences, lower case (to tell whether a later place is new)
    headline_bonus: bool = False
    days: set = field(default_factory=set)  # the days its sentences name ("on Friday", "on 3 May")


def more_severe(keep: Mention, other: Mention) -> Mention:
    """One event told over several sentences takes the most severe reading that a sentence with
    its own actor states ("residents demonstrated. The demonstrators burned tyres" is a riot)."""
    defender = defender_of(keep, other)
    if defender is not None:  # "gunmen attacked the prison. Prison guards repelled this attack": a battle
        return retype(keep, "story-defenders", f"a later sentence says '{word_of(other)}'", span=other.trigger,
                      actor2=defender, civilian_targeting=False)
    if other.actor1 is None or other.actor1.span is None and not (
            keep.sub_event_type in DEMO_LADDER[:2] and other.sub_event_type == "Violent demonstration"):
        return keep  # but "residents demonstrated. They barricaded the road": riot words need no named crowd
    if keep.sub_event_type == "Violent demonstration" and other.event_type in FORCE_ON_RIOTERS_TYPES \
            and other.actor1.inter == 1 or keep.sub_event_type == "Violent demonstration" and other.event_type == "Protests":
        return keep  # force used against rioters: the event stays a riot
    rule_id = "story-more-severe"
    if keep.sub_event_type in DEMO_LADDER and other.sub_event_type in DEMO_LADDER:
        if DEMO_LADDER.index(other.sub_event_type) <= DEMO_LADDER.index(keep.sub_event_type):
            return keep
    elif keep.sub_event_type in DEMO_LADDER and other.actor1.inter == 1 and other.event_type in HARM_TYPES:
        rule_id = "story-lethal-force-at-protest" if other.counts.fatalities else "story-force-at-protest"
        sub = sub_of(rule_id)
        if DEMO_LADDER.index(sub) <= DEMO_LADDER.index(keep.sub_event_type):
            return keep
        other = read_as(other, rule_id, actor1=keep.actor1, actor2=other.actor1)
    elif keep.sub_event_type in DEMO_LADDER and other.sub_event_type == "Arrests":
        rule_id = "story-arrests-at-protest"
        other = read_as(other, rule_id, actor1=keep.actor1, actor2=other.actor1)
    elif keep.sub_event_type in DEMO_LADDER[:2] and other.sub_event_type == "Mob violence":
        # "residents demonstrated ... they wounded two policemen": the demonstration turned violent
        rule_id = "story-protest-turned-violent"
        other = read_as(other, rule_id, actor1=keep.actor1, actor2=other.actor2)
    elif RANK[other.sub_event_type] >= RANK[keep.sub_event_type] or other.event_type == "Strategic developments":
        return keep
    elif keep.event_type in HARM_TYPES and other.event_type in HARM_TYPES and other.event_type != keep.event_type \
            and not attackers_fell(keep, other):
        # "gunmen attacked a church ... The attackers set off explosives", "... exchanged fire with the police":
        # a later sentence tells more of how it was done; the event stays what its first telling says
        # (armed defenders who fought back are the one exception, above)
        return keep
    elif keep.sub_event_type == "Armed clash" and other.sub_event_type in IN_BATTLE:
        return keep  # "the clash began when ... mortar rounds landed in a market": explosions inside a battle
    elif keep.event_type == "Violence against civilians" and other.event_type == "Battles" \
            and not fought_not_pursued(other):
        return keep  # "troops were pursuing the attackers": a pursuit after an attack is no battle
    if other.event_type == keep.event_type and other.sub_event_type not in DEMO_LADDER:
        a1, a2 = keep.actor1 or other.actor1, keep.actor2 or other.actor2
    else:
        a1, a2 = other.actor1, other.actor2 or keep.actor2
    if other.sub_event_type == "Excessive force against protesters":
        # ACLED's order: the force that fired first, the protesters second
        sides = [a for a in (a1, a2, keep.actor1) if a is not None]
        state = next((a for a in sides if a.inter == 1), None)
        crowd = next((a for a in sides if a.inter == 6), None)
        if state is not None and crowd is not None:
            a1, a2 = state, crowd
    return retype(keep, rule_id, f"a later sentence about the same event says '{word_of(other)}'",
                  sub=other.sub_event_type if rule_id == "story-more-severe" else None, span=other.trigger,
                  actor1=a1, actor2=a2, civilian_targeting=other.civilian_targeting)


def read_as(m: Mention, rule_id: str, **changes) -> Mention:
    """A later sentence's mention read as the sub-type ``rule_id`` gives (to weigh it against the story)."""
    sub = sub_of(rule_id)
    return replace(m, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, **changes)


def word_of(m: Mention) -> str:
    return m.trigger.text if m.trigger else m.sub_event_type


FOUGHT_BACK = re.compile(r"\b(?:" + lex.alternation("fought_back_cues") + r")\b", re.I)


DEATH_WORDS = re.compile(r"\b(?:" + lex.alternation("attackers_fell_cues") + r")\b", re.I)


def attackers_fell(keep: Mention, other: Mention) -> bool:
    """A later sentence tells the attackers killed in a fight with armed forces ("the gunmen retreated to a
    building, where they were killed during a standoff with security forces"): the attack became a battle."""
    if other.event_type != "Battles" or keep.actor1 is None or not DEATH_WORDS.search(other.sentence.text):
        return False
    return any(a is not None and a.name == keep.actor1.name for a in (other.actor1, other.actor2)) and any(
        a is not None and a.inter in (1, 8) for a in (other.actor1, other.actor2))


def defender_of(keep: Mention, other: Mention):
    """The armed side a later sentence names fighting back against the attackers of an attack just told
    that killed no one ("Prison guards repelled this attack", "They exchanged fire with the Beninese army"),
    else None."""
    if keep.sub_event_type != "Attack" or other.sub_event_type != "Armed clash" or keep.actor1 is None \
            or keep.actor1.inter not in (2, 3, 4) or keep.counts.fatalities or not FOUGHT_BACK.search(other.sentence.text):
        return None   # (people killed in the attack: the attack is an event of its own, whoever fought later)
    return next((a for a in (other.actor1, other.actor2) if a is not None and a.span is not None
                 and a.inter in (1, 2, 3, 4, 8) and a.name != keep.actor1.name), None)


def damage_at(story: Story | None, live: list[Trigger]) -> bool:
    """A sentence with no actor that tells of damage or rioting ("property was destroyed"), after a
    demonstration that was not yet violent."""
    return story is not None and story.mention.sub_event_type in DEMO_LADDER[:2] \
        and any(t.family in DAMAGE_FAMILIES for t in live)


def intervenes_at(story: Story | None, live: list[Trigger], actors: list[ActorRef]) -> bool:
    """A sentence with an intervention word and a state force, after a peaceful protest was told."""
    return story is not None and story.mention.sub_event_type == "Peaceful protest" \
        and any(t.family == "intervene" for t in live) and any(a.inter == 1 for a in actors)


def fought_not_pursued(m: Mention) -> bool:
    """The mention's event word tells a fight or harm done ("clashed", "exchanged fire", "were
    killed in a standoff"), not a pursuit or search after the event ("troops were pursuing")."""
    return not (PURSUIT.search(m.sentence.text) and not HARM_WORDS.search(m.sentence.text))


PURSUIT = re.compile(r"\b(?:" + lex.alternation("pursuit_stems") + r")\w*", re.I)


HARM_WORDS = re.compile(r"\b(?:" + lex.alternation("fight_or_harm_stems") + r")\w*", re.I)


DISTINCT = re.compile(r"^\W*(?:" + lex.alternation("distinct_event_openers") + r")\b", re.I)


# a sentence whose subject points back to the parties just told
POINTS_BACK = re.compile(r"^\W*(?:" + lex.alternation("pointing_back_subjects") + r")\b", re.I)


QUOTED = re.compile(r"^\s*[\"“‘]")


# a sentence that says outright that it tells another event
SEPARATE = re.compile(r"^\W*(?:" + lex.alternation("separate_event_openers") + r")\b", re.I)


# a sentence that counts itself as a further event ("a second device", "another attack")
EVENT_NOUNS = ("(?:" + lex.alternation("countable_event_nouns") + ")")


ANOTHER = re.compile(r"\b(?:another|a (?:" + lex.alternation("further_ordinals") + r"))\s+(?:\w+\s+){0,2}?" + EVENT_NOUNS + r"\b", re.I)


HARM_TYPES = lex.words("harm_event_types")


# words by which a sentence points back to the event or actors just told
BACK_REFERENCE = re.compile(
    r"\b(?:" + lex.alternation("back_reference_determiners") + r")\s+(?:\w+\s+)?(?:" + lex.alternation("back_reference_nouns")
    + r")\b|\b(?:" + lex.alternation("back_reference_words") + r")\b", re.I)


# a party's account of what it had done ("the ministry said its forces had neutralised two
# fighters"): the event already told, in its words
REPORTED_ACCOUNT = re.compile(r"\b(?:" + lex.alternation("own_account_verbs") + r")\b[^.;]{0,80}?\bhad\s+[\"“']?(?:\w+ly\s+)?"
                               r"(?:been\s+)?\w+(?:ed|en|t)\b", re.I)


DAMAGE_FAMILIES = lex.words("damage_trigger_families")


#: remote violence that a battle told before it takes in (ACLED: explosions inside a battle belong to it)
IN_BATTLE = lex.words("remote_sub_types_in_battle")


DEMO_LADDER = lex.entries("protest_ladder")


# "KYIV — ", "MARIB, Yemen — ": where the report was filed, not where its events happened
DATELINE = re.compile(r"^\s*[^\n—–]{2,40}?\s+[—–-]+\s+")


def relabel(m: Mention, sub: str) -> Mention:
    if m.sub_event_type == sub:
        return m
    a1, a2 = m.actor1, m.actor2
    event_type = EVENT_TYPE_OF[sub]
    if event_type == "Strategic developments" and sub not in ("Arrests",) and a2 is not None and a2.inter == 7 and a1 is None:
        a1, a2 = a2, None
    return retype(m, "note-label", f"'{sub}' note", sub=sub, actor1=a1, actor2=a2,
                  civilian_targeting=False if event_type == "Strategic developments" else m.civilian_targeting)


def contest(story: Story, doc) -> None:
    """An event asserted in its first sentence and denied in a later one is disputed."""
    m = story.mention
    if m.stance is not Stance.ASSERTED:
        return
    for start, end in story.regions[1:]:
        span = doc.char_span(start, end, alignment_mode="expand")
        why = context.later_denial(span) if span is not None else None
        if why:
            story.mention = replace(m, stance=Stance.DISPUTED,
                                    decisions=m.decisions + (Decision("stance", Stance.DISPUTED.value, why),))
            return


def attach(story: Story, region: tuple[int, int], lower: str) -> None:
    if region not in story.regions:
        story.regions.append(region)
        story.text += " " + lower


#: the bare names of generic actors ("Military Forces", "Civilians"), before any "of <country>"
GENERIC_BARE_NAMES = frozenset(name for name, _ in GENERIC_NAMES.values())


def _named(actor) -> bool:
    """Whether the actor is a party known by its own name (a group such as Hamas), not a generic one."""
    return actor is not None and actor.name.split(" (")[0].split(" of ")[0] not in GENERIC_BARE_NAMES


def party_names(m: Mention) -> set[str]:
    return {a.name.split(" (")[0].split(" of ")[0] for a in (m.actor1, m.actor2) if a is not None and a.span is not None}


def other_kind(new: Mention, current: Mention, *, strength: float, own_agent: bool) -> bool:
    """A clearly different kind of event from the one told: a device made safe after violence (by a
    strong event word), or a strike with a named weapon by a party of its own against a target the
    current fight or attack does not have (a missile strike on a city during a battle there)."""
    if new.event_type == current.event_type:
        return False
    if new.sub_event_type == "Disrupted weapons use":
        return strength >= OTHER_KIND_MIN_STRENGTH and current.event_type in HARM_TYPES
    if not own_agent or new.event_type != "Explosions/Remote violence" or current.event_type not in HARM_TYPES:
        return False
    told = {a.name for a in (current.actor1, current.actor2) if a is not None}
    return new.actor2 is not None and new.actor2.name not in told


def told_before(new: Mention, story: Story) -> bool:
    """The sentence's party is one the story has already told of ("farmers attacked a camp ...
    The farmers burned houses"; "... against two policemen. Residents wounded the two policemen")."""
    for a in (new.actor1, new.actor2):
        if a is None or a.span is None:
            continue
        word = a.span.text.split()[-1].lower().strip(".,;:'\"")
        stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if len(stem) > 3 and stem not in VAGUE_PARTIES and re.search(r"\b" + re.escape(stem), story.text):
            return True
    return False


VAGUE_PARTIES = lex.words("vague_party_words")


DEMONSTRATION_TYPES = lex.words("demonstration_event_types")


# what happens at a violent event as part of it, or right after it: the perpetrators arrested or
# hunted, houses burned or looted, reinforcements deployed, people fleeing
AFTERMATH = lex.words("aftermath_sub_types")


def part_of(new: Mention, current: Mention) -> bool:
    """The sentence tells part or the aftermath of the event just told, at its place: a response
    to a demonstration (police intervening, firing, arresting; the crowd turning violent), or the
    arrests, destruction or deployments that follow violence."""
    if current.event_type in DEMONSTRATION_TYPES:
        return new.event_type in HARM_TYPES or new.event_type in DEMONSTRATION_TYPES or new.sub_event_type == "Arrests"
    if current.event_type in HARM_TYPES or current.event_type == "Riots":
        return new.sub_event_type in AFTERMATH
    return False


def apart(new: Mention, current: Mention) -> bool:
    """An event ACLED always codes on its own, even when told as part of another: rape or sexual
    assault during a raid."""
    return new.sub_event_type == "Sexual violence" and current.sub_event_type != "Sexual violence"


def continues(new: Mention, stories: list[Story], current: Story | None, sent_text: str,
               places: frozenset[str], *, strength: float = 1.0, victims_only: bool = False,
               agent_at: int | None = None) -> Story | None:
    """The story this sentence continues, or None when it states an event of its own.

    A restatement of an earlier event (same sub-type and actors, no other place) folds into it.
    At the place of the current story, a sentence is part of it unless it tells other actors
    doing another kind of thing, with no word pointing back to the story, not as part or
    aftermath of it (``_part_of``); a sentence that only tells the victims is always part of it.
    Otherwise a sentence is a new event only when it marks itself as one ("Elsewhere",
    "another attack") or names a place the current story has not named; a new event with no
    actor of its own at a place an earlier story named is more about that story. Some events
    are coded apart whatever the telling (``_apart``).
    """
    if current is None:
        return None
    names = party_names(new)
    for story in reversed(stories):
        if story.mention.sub_event_type == new.sub_event_type and names and names <= party_names(story.mention) \
                and not places - story.places:
            return story
    new_places = {p for p in places if p not in current.text}
    if apart(new, current.mention) and (new_places or not DURING.search(sent_text.lower())):
        return None  # (told as part of the raid, at no place of its own, it stays with the raid: its place and day)
    if QUOTED.match(sent_text) and not SEPARATE.match(sent_text.lstrip("\"“‘' ")):
        return current  # a witness's or an official's own words about the story being told
    if new.sub_event_type == "Agreement" and current.mention.event_type in HARM_TYPES \
            and new.actor1 is not None and new.actor1.span is not None:
        return None  # a truce or deal that ends a fight is an event of its own
    own_agent = new.actor1 is not None and new.actor1.span is not None and not victims_only
    part = not new_places and not SEPARATE.match(sent_text) and not ANOTHER.search(sent_text) \
        and (part_of(new, current.mention) or told_before(new, current))
    if own_agent and (new.event_type != current.mention.event_type or _named(new.actor1)) \
            and not names & party_names(current.mention) \
            and not part and not points_back(sent_text, agent_at) and not REPORTED_ACCOUNT.search(sent_text):
        # other actors doing another kind of thing, or a named party of its own doing the same kind ("Israeli
        # strikes hit Rafah ... Hamas fired rockets towards Ashkelon"), with no word pointing back
        return None
    if other_kind(new, current.mention, strength=strength, own_agent=own_agent) \
            and not REPORTED_ACCOUNT.search(sent_text):
        return None
    if part:
        return current
    if new_places and not DISTINCT.match(sent_text) and not ANOTHER.search(sent_text) and POINTS_BACK.match(sent_text) \
            and (not current.places or current.mention.event_type in DEMONSTRATION_TYPES and part_of(new, current.mention)):
        # "The demonstrators barricaded a road near Tanguieta": the crowd just told, where it went
        return current  # "JNIM attacked the town hall. They exchanged fire with the army in Karimama"
    if new_places and names_the_event(new, current.mention, sent_text) and not DISTINCT.match(sent_text) \
            and not ANOTHER.search(sent_text):
        return current  # "... shells slammed into a resort. The shelling hit the Parakh resort near Zakho": where it was
    if DISTINCT.match(sent_text) or ANOTHER.search(sent_text) or new_places:
        if not own_agent and places:
            for story in reversed(stories):
                if any(p in story.text for p in places):
                    return story
        return None
    return current


def names_the_event(new: Mention, told: Mention, sent_text: str) -> bool:
    """Whether the sentence opens by naming the event just told, of the same sub-type, with a definite article
    ("The shelling hit ...", "The attack took place ..."): it tells more of that event, wherever it names."""
    if new.trigger is None or new.sub_event_type != told.sub_event_type:
        return False
    return bool(re.match(r"\W*the\s+(?:\w+\s+)?" + re.escape(new.trigger.text) + r"\b", sent_text, re.I))


#: a sentence that opens by naming the event just told ("The blast went off at White City Stadium on Saturday")
TELLS_THE_EVENT = re.compile(r"\W*the\s+(?:[\w-]+\s+)?(?:" + lex.alternation("told_event_nouns") + r")\b", re.I)


def tells_the_event(current: Story | None, sent_text: str) -> bool:
    """Whether the sentence opens by naming a violent event the story has just told: it tells more of it, and the
    setting it names (a stadium, a wedding) does not make it sport or a celebration."""
    return current is not None and current.mention.event_type in HARM_TYPES and bool(TELLS_THE_EVENT.match(sent_text))


def points_back(sent_text: str, agent_at: int | None) -> bool:
    """Words by which the sentence points back to what was told before it. An object pronoun after
    the sentence's own actor points to that actor ("protesters burned tyres ...; police fired tear
    gas to clear them"), not back."""
    for m in BACK_REFERENCE.finditer(sent_text):
        if agent_at is not None and m.start() > agent_at and m.group(0).lower() in PRONOUNS:
            continue
        return True
    return False


DURING = re.compile(r"\b(?:" + lex.alternation("during_raid_words") + r")\s+the\s+(?:\w+\s+)?(?:" + lex.alternation("raid_nouns") + r")\b")


PRONOUNS = lex.words("pointing_object_pronouns")  # objects: a subject pronoun ("The Maoists, who say they ...") may point back


def summarised(head: Story, stories: list[Story]) -> Story | None:
    """The body story a headline summarises: same sub-type at a place it names, else a shared
    place, else the same sub-type, else the same event type, else the same family of events (a
    protest dispersed and a riot)."""
    def shares(story: Story) -> bool:
        return any(p in story.text for p in head.places)

    sub, etype = head.mention.sub_event_type, head.mention.event_type
    fam = family(etype, sub)
    for test in (lambda s: s.mention.sub_event_type == sub and shares(s), shares,
                 lambda s: s.mention.sub_event_type == sub, lambda s: s.mention.event_type == etype,
                 lambda s: family(s.mention.event_type, s.mention.sub_event_type) == fam):
        found = next((s for s in stories if test(s)), None)
        if found is not None:
            return found
    return None


def fold(old: Mention, new: Mention, *, strength: float) -> Mention:
    """The story's mention after a later sentence about it: a strong event word with its own
    actor may make the reading more severe (``_upgrade``); actors and claims fill gaps."""
    # a device made safe stays so: later words of violence are about something else
    # state forces acting at a demonstration ("Police fired tear gas") move it up the protest ladder
    # whatever the strength of their event word
    responds = old.sub_event_type in DEMO_LADDER and new.actor1 is not None and new.actor1.span is not None \
        and new.actor1.inter == 1 and strength > 0
    upgrade = (strength >= UPGRADE_MIN_STRENGTH or responds) and old.sub_event_type != "Disrupted weapons use" \
        and not apart(new, old)  # rape told as part of a raid does not make the raid a rape
    keep = more_severe(old, new) if upgrade else old
    actor1 = keep.actor1 or new.actor1
    if keep.actor1 is not None and keep.actor1.span is None and new.actor1 is not None and new.actor1.span is not None \
            and new.actor1.inter in (1, 2, 3, 4, 8) and keep.event_type == new.event_type:
        actor1 = new.actor1  # "Al Shabaab said its fighters carried out the attack": the attackers named later
    return replace(
        keep,
        actor1=actor1,
        actor2=keep.actor2 or (None if new.actor2 is None or new.actor2 == keep.actor1
                               or same_group(new.actor2, actor1) else new.actor2),
        claimed_by=keep.claimed_by or new.claimed_by,
        confidence=max(keep.confidence, new.confidence),
    )
