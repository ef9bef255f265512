"""What surrounds a trigger: modality (threats, plans, hypotheticals, negation), cumulative tolls,
background dates, and who claims it (claimed_by, stance, hedges)."""
from __future__ import annotations

import re
from datetime import date

from .. import lexicon as lex
from ..models import Stance

_MODAL_HYPOTHETICAL = lex.words("hypothetical_modals")
_MODAL_FUTURE = lex.words("future_modals")
_THREAT_HEADS = lex.words("threat_heads")
_THREAT_COMPLEMENT_DEPS = lex.words("threat_complement_deps")
_NOBODY = lex.words("nobody_words")
#: "the detained commander was freed": a participle that describes someone already told
_TOLD_DETERMINERS = lex.words("already_told_determiners")
_CONDITIONAL_MARKS = lex.words("conditional_marks")
# "rebels who often fight alongside it": what happens as a rule, not an event
_HABITUAL_ADVERBS = lex.words("habitual_adverbs")
# "an expected offensive", "a planned attack", "a possible strike": not (yet) happened
_UNREAL_MODIFIERS = lex.words("unreal_modifiers")
# modifiers by which an event word names what was tried and not done ("the attempted kidnapping")
_ATTEMPTED = lex.words("attempted_modifiers")
# heads under which an event word names what was stopped or not done ("failure to stop attacks", "a deal that
# ended six weeks of fighting", "to cease all attacks")
_PREVENTED = lex.words("prevention_heads")
_PREVENTED_COMPLEMENT_DEPS = lex.words("prevented_complement_deps")
_OWN_CLAUSE_DEPS = lex.words("own_clause_deps")
#: how many heads up from an event word a modal head may stand ("called on the rebels to release the hostages and
#: return to the negotiating table": six)
MODALITY_DEPTH = 6
#: clauses whose past-tense verb states what happened, under any head (adverbial and relative clauses)
_TOLD_CLAUSE_DEPS = ("advcl", "relcl")
_PARTICULAR_EVENT_DEPS = lex.words("particular_event_deps")
_SUBJECT_DEPS = lex.words("subject_deps")
_NOUN_POS = lex.words("noun_pos")
_VERB_POS = lex.words("verb_pos")
_ATTRIBUTIVE_DEPS = lex.words("attributive_deps")
_FAILED = lex.words("failure_verbs")
_TRIED = lex.words("attempt_verbs")
_FLED = lex.words("flight_verbs")
_FLED_FROM = lex.words("fled_violence_nouns")
_THIS_DAY = lex.words("this_day_words")
_DENY = lex.words("denial_verbs")
#: "denied the deal": a denial about an agreement contests an agreement word
_PACT_NOUNS = lex.words("denied_pact_nouns")
_AGREEMENT_LEMMAS = lex.words("agreement_event_lemmas")
_SAY = lex.words("claim_verbs")
_HEDGES = re.compile(r"\b(" + lex.alternation("hedge_words") + r")\b", re.I)

_CUMULATIVE = re.compile(lex.alternation("cumulative_toll_patterns"), re.I)
_MONTHS = {m.lower(): i for i, m in enumerate(lex.entries("month_names"), start=1)}
_MONTH_REF = re.compile(
    r"\b(?:" + lex.alternation("month_reference_prepositions") + r")\s+(?:" + lex.alternation("month_part_modifiers") + r")?"
    r"(" + lex.alternation("month_names") + r")"  # case-sensitive: not "may"
    r"(?:\s+((?:19|20)\d\d))?\b"
    r"|\b(?:" + lex.alternation("year_reference_prepositions") + r")\s+((?:19|20)\d\d)\b|\b(" + lex.alternation("vague_past_references")
    + r")\b"
)
_SERIES = re.compile(r"(?:a|the)\s+(?:" + lex.alternation("series_nouns") + r")\s+of", re.I)
_ON_THE_DAY = re.compile(r"\b(?:on\s+(?:" + lex.alternation("weekday_names") + r")|" + lex.alternation("day_reference_words")
                         + r"|on\s+\d{1,2}\s+[A-Z][a-z]+|"
                         # "on the afternoon of July 11", "on the night of February 26", "On Jan. 20"
                         r"on\s+(?:the\s+(?:" + lex.alternation("times_of_day") + r")\s+of\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|"
                         r"(?:" + lex.alternation("month_abbrevs") + r")[a-z]*\.?\s+\d{1,2}))\b", re.I)
_DATE_AT_START = re.compile(r"^\W*(?:" + lex.alternation("date_lead_words") + r")?\s*\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d"
                            r"|^\W*\d{1,2}\s+(?:" + lex.alternation("month_names")
                            + r")\b", re.I)  # a note's own date first: "10 June. Residents barricaded"


def modality(trigger) -> str | None:
    """Why the event word does not state a real, happened event (None when it does)."""
    tok = trigger
    if trigger.dep_ == "amod" and trigger.tag_ == "VBN" and trigger.head.pos_ in _NOUN_POS \
            and any(c.dep_ == "det" and c.lower_ in _TOLD_DETERMINERS for c in trigger.head.children):
        return f"describes someone already told: '{trigger.text} {trigger.head.text}'"  # "the detained commander was freed"
    if _generic_plural(trigger):
        return f"background: '{trigger.text}' in general ('{trigger.head.text}')"
    for child in trigger.children:
        if child.dep_ == "advmod" and child.lower_ in _HABITUAL_ADVERBS:
            return f"habitual: '{child.text} {trigger.text}'"
    for child in trigger.children:  # "no one died", "nobody was hurt"
        if child.dep_ in _SUBJECT_DEPS and (child.lower_ in _NOBODY or any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children)):
            return f"negated: '{child.text} ... {trigger.text}'"
    joined = True   # the words climbed so far are the event word and verbs joined to it by "and"
    for depth in range(MODALITY_DEPTH):
        joined = joined and (depth == 0 or trigger.dep_ == "conj" and tok.i == trigger.head.i)
        for child in tok.children:
            if child.dep_ == "amod" and child.lemma_.lower() in _UNREAL_MODIFIERS:
                return f"future or plan: '{child.text} {tok.text}'"
            if child.dep_ == "amod" and child.lower_ in _ATTEMPTED and depth == 0:
                return f"attempted, not carried out: '{child.text} {tok.text}'"
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and depth == 0):
                return f"negated: '{child.text} {tok.text}'"
            if child.dep_ == "aux" and child.lower_ in _MODAL_HYPOTHETICAL:
                return f"hypothetical: '{child.text} {tok.text}'"
            if child.dep_ == "aux" and child.lower_ in _MODAL_FUTURE:
                return f"future or plan: '{child.text} {tok.text}'"
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return f"hypothetical: '{child.text} ... {tok.text}'"
        head = tok.head
        if head is tok or (tok.tag_ == "VBD" and tok.dep_ in _TOLD_CLAUSE_DEPS):
            # "Iraq demanded that Turkey withdraw, a day after shells slammed into a resort", "vowed to punish the
            # bandits who attacked the convoy": a clause in the past tense tells what happened, whatever is
            # demanded, vowed or planned above it
            break
        lemma = head.lemma_.lower()
        if tok.dep_ in _THREAT_COMPLEMENT_DEPS and lemma in _THREAT_HEADS:
            if tok.dep_ == "conj" or (tok.dep_ == "dobj" and head.pos_ != "VERB"):
                pass
            elif tok.dep_ == "xcomp" and lemma in _TRIED and head.pos_ == "VERB" and head.dep_ != "relcl" and not any(
                    c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE | _MODAL_HYPOTHETICAL for c in head.children):
                # "a crowd tried to lynch a woman", "gunmen attempted to kidnap the mayor": an attempt is an act
                # (it failed or was stopped); a plan, a threat or a wish is not
                pass
            elif tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.pos_ == "VERB" and not any(
                    c.dep_ == "aux" for c in head.children):
                # "militants tried to storm it, killing eight soldiers": what their attempt did happened
                pass
            else:
                return f"threat or plan: '{head.text} ... {trigger.text}'"
        if depth == 0 and tok.lemma_.lower() in _FLED_FROM and (tok.dep_ == "dobj" and lemma in _FLED or tok.dep_ == "pobj" and head.lower_ in (
                "from", "by") and head.head.lemma_.lower() in _FLED):
            return f"what people fled: '{head.text} {trigger.text}'"  # "had fled fighting across the border"
        if tok.dep_ in _PREVENTED_COMPLEMENT_DEPS and lemma in _PREVENTED:
            return f"prevented: '{head.text} ... {trigger.text}'"
        if tok.dep_ in ("xcomp",) and lemma in _FAILED:
            return f"negated: '{head.text} to {trigger.text}'"
        if lemma == "yet" or (tok.dep_ == "xcomp" and head.lower_ == "yet"):
            return f"negated: 'yet to {trigger.text}'"
        if joined and tok.dep_ in ("advcl", "relcl") and tok.tag_ == "VBN" \
                and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            # "no deaths were reported, as most people had fled": what had happened before, as a reason; the
            # verbs joined to it share its "had" ("police who had beaten and detained demonstrators")
            return f"told as what had happened before: 'had {tok.text}' in a subordinate clause"
        if tok.dep_ in _OWN_CLAUSE_DEPS and depth > 0:
            break
        tok = head
    return None


def _generic_plural(trigger) -> bool:
    """A bare plural event noun that is the subject of a present-perfect or present clause
    ("Jihadist attacks in the area have forced thousands to flee"): attacks in general, unless the
    clause ties them to the day ("gunbattles have killed seven people since midnight")."""
    if trigger.tag_ != "NNS" or trigger.dep_ not in _SUBJECT_DEPS:
        return False
    if any(c.dep_ in _PARTICULAR_EVENT_DEPS for c in trigger.children):
        return False  # "the attacks", "two attacks", "Monday's attacks"
    head = trigger.head
    if any(t.lower_ in _THIS_DAY for t in head.subtree):
        return False  # "gunbattles have killed seven people since midnight": these, today
    return head.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in head.children)


def denied(trigger) -> bool:
    """True when the event word sits under a denial ("denied carrying out the attack")."""
    tok = trigger
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _DENY:
            return True
    return False


def cumulative_start(text: str) -> int | None:
    m = _CUMULATIVE.search(text)
    return m.start() if m else None


def cumulative(text: str, keep_before: int | None = None) -> str | None:
    """A cumulative toll in the sentence: the sentence is background. ``keep_before``: the offset of
    a main-clause event word that is no violence ("signed a ceasefire ..., ending weeks of fighting
    that had killed 20"): a toll told after it is the background of that event, which stands."""
    m = _CUMULATIVE.search(text)
    if m and keep_before is not None and keep_before < m.start():
        return None
    return f"cumulative toll: '{m.group(0)[:80]}'" if m else None


_HABITUAL = re.compile(lex.alternation("habitual_background_patterns"), re.I)


def background(text: str, published: date | None, sent=None) -> str | None:
    """A sentence dated clearly before the publication month ("victory there in March" in December),
    or telling what has happened repeatedly or before ("has previously blamed", "have repeatedly
    attacked"): context, not a new event.

    With the parsed sentence ``sent`` (whose text is ``text``), a month that dates only a clause
    inside the sentence is no date of the sentence's event: "teachers who have been on strike since
    January" (a relative clause), "ahead of March 6 polls" (what is to come)."""
    m = _HABITUAL.search(text)
    if m and not (_SERIES.match(m.group(0)) and _ON_THE_DAY.search(text)) \
            and not (sent is not None and _in_relative_clause(sent, m.start())):
        # but "a series of air strikes on the port on Tuesday" is news, and "one of the deadliest raids of a war that
        # has escalated" tells the war's past in a relative clause, not the raid's
        return f"background: '{m.group(0).strip()}'"
    if published is None:
        return None
    if _DATE_AT_START.match(text) or _ON_THE_DAY.search(text):
        return None  # the sentence names its own day: an older month or year in it dates something else
    pub = (published.year, published.month)
    for m in _MONTH_REF.finditer(text):
        if sent is not None and _dates_a_clause(sent, m.start(1) if m.group(1) else m.start()):
            continue
        month, year, year_only, vague = m.groups()
        if vague:
            return f"background: '{m.group(0).strip()}' before publication"
        if year_only:
            if int(year_only) < published.year:
                return f"background: '{m.group(0).strip()}' before publication year"
            continue
        mo = _MONTHS[month.lower()]
        yr = int(year) if year else (published.year if mo <= published.month else published.year - 1)
        if (yr, mo) < pub:
            return f"background: '{m.group(0).strip()}' before publication month"
    return None


#: words above a date that make it the date of something else than the sentence's event
_ELSEWHERE_HEADS = lex.words("elsewhere_date_heads")
_GRIEVANCE_VERBS = lex.words("grievance_verbs")


def _token_at(sent, offset: int):
    """The token of the sentence at char ``offset`` (counted from the sentence's start), or None."""
    return next((t for t in sent if t.idx - sent.start_char <= offset < t.idx - sent.start_char + len(t)), None)


def _in_relative_clause(sent, offset: int) -> bool:
    """Whether the word at char ``offset`` of the sentence stands in a relative clause."""
    tok = _token_at(sent, offset)
    return tok is not None and any(a.dep_ == "relcl" for a in (tok, *tok.ancestors))


def _dates_a_clause(sent, offset: int) -> bool:
    """The date at char ``offset`` of the sentence hangs in a relative clause, in what a protest is
    against, or after "ahead of": it dates that, not the sentence's main event ("an offensive backed by
    Moscow since April" still dates the offensive)."""
    tok = _token_at(sent, offset)
    if tok is None:
        return False
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl" or a.lower_ in _ELSEWHERE_HEADS:
            return True
        if a.dep_ in ("dobj", "pobj") and a.head.lemma_.lower() in _GRIEVANCE_VERBS or (
                a.dep_ in ("xcomp", "advcl") and a.lemma_.lower() in _GRIEVANCE_VERBS):
            return True  # "barricaded the road to protest the arrests during the April riots": the cause's date
    return False


def hedged(text: str) -> str | None:
    m = _HEDGES.search(text)
    return m.group(0) if m else None


_ARTICLES = lex.words("phrase_articles")
_NOMINAL_POS = lex.words("nominal_pos")


def _phrase(tok) -> str:
    words = [t for t in tok.subtree]
    while words and (words[0].dep_ in ("det", "punct") or words[0].lower_ in _ARTICLES):
        words = words[1:]
    while words and words[-1].dep_ == "punct":
        words = words[:-1]
    if not words:
        return ""
    return tok.doc[words[0].i:words[-1].i + 1].text


def claim(sent, trigger) -> tuple[str | None, str | None]:
    """(claimed_by, the words it came from) for the trigger's sentence."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                who = _phrase(obj)
                return who, f"according to {who}"
    best = None
    for tok in sent:
        if tok.lemma_.lower() not in _SAY or tok.pos_ not in _VERB_POS:
            continue
        if tok.i == trigger.i:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
        if subj is None and tok.i > sent.start and tok.doc[tok.i - 1].pos_ in _NOUN_POS:
            who = _words_before(tok)
            if who:
                best = (who, f"{who} {tok.text}")
                break
        if subj is None or subj.pos_ == "PRON":
            continue
        # the say-verb must govern the trigger, or the trigger's clause must govern it (parenthetical)
        governs = trigger in tok.subtree or tok in trigger.head.subtree or tok.head.i == tok.i
        if governs:
            best = (_phrase(subj), f"{subj.text} {tok.text}")
            break
    return best if best else (None, None)


def _words_before(tok) -> str:
    """The name just before a say-verb whose subject the parser missed (", the X for Y said")."""
    first = _name_start(tok)
    return tok.doc[first:tok.i].text if first < tok.i else ""


def _name_start(tok) -> int:
    doc = tok.doc
    i = tok.i - 1
    while i > tok.sent.start and (doc[i].pos_ in _NOMINAL_POS or doc[i].lower_ in ("for", "of")):
        i -= 1
    first = i + 1
    while first < tok.i and doc[first].lower_ in ("for", "of"):
        first += 1
    return first


def stance(sent, trigger, claimant: str | None) -> tuple[Stance, str | None]:
    if denied(trigger):
        head = trigger
        while head.lemma_.lower() not in _DENY:
            head = head.head
        return Stance.DENIED, f"'{head.text}' governs '{trigger.text}'"
    for tok in sent:
        if tok.lemma_.lower() in _DENY and tok.pos_ == "VERB" and trigger not in tok.subtree and _same_topic(tok, trigger):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            who = subj.text if subj is not None else "another party"
            return Stance.DISPUTED, f"'{who} {tok.text}' contests it"
    return Stance.ASSERTED, None


#: what a denial of one's own part is about: the event stands ("the group denied any involvement")
_OWN_PART = lex.words("own_part_nouns")


def later_denial(span) -> str | None:
    """A denial of the event in a later sentence of its story ("The army ... denied targeting civilians",
    "Police denied using live rounds"): another party contests it. A denial of one's own part in it
    leaves the event as it was told."""
    for tok in span:
        if tok.lemma_.lower() in _DENY and tok.pos_ == "VERB" and not any(
                t.lemma_.lower() in _OWN_PART for t in tok.subtree):
            verb, subj = tok, None
            while subj is None:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if verb.dep_ not in ("conj", "ccomp") or verb.head is verb:
                    break
                verb = verb.head  # "Police said ... and denied using live rounds"
            who = _phrase(subj) if subj is not None else "another party"
            return f"'{who} {tok.text}' in a later sentence contests it"
    return None


def _same_topic(deny, trigger) -> bool:
    """The denial is about the trigger's kind of event: the same event word, or an agreement."""
    lemma = trigger.lemma_.lower()
    words = {t.lemma_.lower() for t in deny.subtree}
    return lemma in words or bool(words & _PACT_NOUNS) and lemma in _AGREEMENT_LEMMAS


# ---------------------------------------------------------------- attribution

# verbs by which a report attributes what it says ("police said", "the ministry told reporters");
# their subjects speak about the event and never act in it
_ATTRIBUTION = lex.words("attribution_verbs")


def speakers(sent) -> frozenset[int]:
    """Token indices of the phrases that attribute the sentence: the subjects of say-verbs ("the
    coalition and the Houthi movement said", "X told reporters") and "according to X"."""
    out: set[int] = set()
    doc = sent.doc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            for obj in doc[tok.i + 1].children:
                if obj.dep_ == "pobj":
                    out.update(t.i for t in obj.subtree)
            continue
        if tok.lemma_.lower() not in _ATTRIBUTION or tok.pos_ not in _VERB_POS:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.pos_ != "PRON":
                out.update(_phrase_tokens(subj))
        elif tok.i > sent.start and doc[tok.i - 1].pos_ in _NOUN_POS:
            out.update(range(_name_start(tok), tok.i))  # ", the Houthi movement said": parser missed it
    return frozenset(out)


_CLAUSES = lex.words("noun_clause_deps")


def _phrase_tokens(head) -> list[int]:
    """The noun phrase of ``head`` without the clauses hanging off it (a misparsed dateline
    subject can carry the whole event clause: "PORT SUDAN — Artillery fire ... killed ... said")."""
    out = [head.i]
    for child in head.children:
        if child.dep_ not in _CLAUSES and (child.pos_ != "VERB" or child.dep_ in _ATTRIBUTIVE_DEPS):
            out.extend(_phrase_tokens(child))  # "the Houthi-run television": the participle is part of the name
    return out


# ---------------------------------------------------------------- non-conflict frames

def _cues_by_kind(rows) -> dict[str, str]:
    """kind -> its cues as one regex alternation, from (kind, cue) rows in file order."""
    by_kind: dict[str, list[str]] = {}
    for kind, cue in rows:
        by_kind.setdefault(kind, []).append(cue)
    return {kind: "|".join(cues) for kind, cues in by_kind.items()}


# Words that tell a report is about something other than political violence, by kind: sport,
# accidents, illness, natural disasters and fires, labour disputes, animals, a fight in a bar, business rivalry
# ("the battle for the broadcaster", "a rival bid") and staged violence
# (films, drills, fireworks). Written by hand from the kinds of reports wire services file next to
# conflict news; each cue should be rare in conflict reporting. The cues are rows of
# not_event_frame_cues in the lexicon (senses.tsv): kind, then a regex fragment.
_FRAME_CUES = _cues_by_kind(lex.rows("not_event_frame_cues"))
_FRAME_PATTERN = "|".join(f"(?P<{k}>\\b(?:{v})\\b)" for k, v in _FRAME_CUES.items())
_FRAME = re.compile(_FRAME_PATTERN, re.I)
# the same cues for lower-cased text (case-blind matching is about 2.5x slower in Python's re): the upper-case
# acronyms among them ("NFL", "DUI") written in lower case
_FRAME_LOWER = re.compile(re.sub(r"(?<![\\\w])([A-Z][A-Z0-9]+)\b", lambda m: m.group(1).lower(), _FRAME_PATTERN))
# an article whose headline or opening names two distinct cues of one kind is about that kind
ARTICLE_FRAME_MIN_CUES = 2


#: words that make an arrest or a charge political: who was held, or what for
_POLITICAL = re.compile(r"\b(?:" + lex.alternation("political_cues") + r")\b", re.I)


def political(text: str) -> str | None:
    """The first word that makes a sentence's arrest or charge political, or None."""
    m = _POLITICAL.search(text)
    return m.group(0) if m else None


def frame_cues(text: str) -> list[tuple[str, str]]:
    """(kind, words) of every non-conflict cue in ``text``, in order."""
    low = text.lower()
    if len(low) != len(text):   # a letter whose lower case is longer ("İ"): offsets would not line up
        return [(m.lastgroup, m.group(0)) for m in _FRAME.finditer(text)]
    return [(m.lastgroup, text[m.start():m.end()]) for m in _FRAME_LOWER.finditer(low)]


def sentence_frame(text: str) -> tuple[str, str] | None:
    """The first non-conflict cue of a sentence ("collided", "heart attack"), or None."""
    low = text.lower()
    if len(low) != len(text):
        m = _FRAME.search(text)
        return (m.lastgroup, m.group(0)) if m else None
    m = _FRAME_LOWER.search(low)
    return (m.lastgroup, text[m.start():m.end()]) if m else None


def article_frame(title: str | None, opening: str) -> tuple[str, str] | None:
    """The kind of non-conflict story a report tells, from its headline and opening: one cue in
    the headline, or ``ARTICLE_FRAME_MIN_CUES`` distinct cues of one kind in the opening."""
    if title:
        found = sentence_frame(title)
        if found:
            return found
    seen: dict[str, set[str]] = {}
    for kind, words in frame_cues(opening):
        seen.setdefault(kind, set()).add(words.lower())
        if len(seen[kind]) >= ARTICLE_FRAME_MIN_CUES:
            return kind, ", ".join(sorted(seen[kind]))
    return None
