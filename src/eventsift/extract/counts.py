"""How many: fatalities (best, low, high), injured, arrested and displaced stated in a text.

``parse_counts(text, start, end)`` reads ``text[start:end]`` with precompiled regexes (no model).
It finds statements of people killed, wounded, arrested or displaced, reads the number each one
gives, and combines them the way ACLED codes fatalities:

- the most conservative figure: "at least 12" is 12, "more than two dozen" 24, "up to 30" 30
  (the only figure given; kept as ``fatalities_high`` too), a range "10 to 15" / "10-15" is best
  10, low 10, high 15;
- vague words follow :mod:`eventsift.lexicon.numerals` ("dozens" 12, "several" 3); "a number of",
  "many", "an unknown number of" give no number;
- restatements are not added twice (the same figure for the same kind of victim), different
  victims are added ("5 soldiers and 3 militants were killed" is 8; attackers count too);
- conflicting overall tolls ("police said 12 were killed; residents put the toll at 30") give
  the lower as best and keep the range in low/high; an official revision ("the toll rose to
  15", "revised the toll to 15") replaces earlier figures;
- a suicide attacker is counted only when the text counts him: "a suicide bomber killed 4
  people" is 4 (the toll the report gives), "killing three policemen and two attackers" 5;
- a single group of civilians killed ("killed at least 18 villagers") is the whole toll as one
  source gives it: a larger toll from another ("a rights group counted 26 bodies") conflicts
  with it, and the lower is best;
- "no casualties", "no one was hurt", "there were no fatalities" give 0; "casualties" alone
  is never read as deaths; a death that is not confirmed ("it is not confirmed if he died"),
  feared, threatened or hypothetical is not counted, nor are killings told in the pluperfect
  ("had killed": background);
- **cumulative tolls are not fatalities**: a sentence with a cumulative cue ("since 2011", "in
  total", "so far this year", "to date", "the war has killed", "over the past years") is
  skipped for counting, and ``reason`` says "cumulative toll ignored: ..." so that the extractor
  can tell;
- a toll told over several events ("six dead in two attacks") is split across them, as ACLED
  codes it (3);
- an explicit coding statement overrides everything ("Fatalities coded as 0", "Total
  fatalities coded as 13", "Fatalities are split across 3 events (4)", "Unknown fatalities
  coded as 3", which is added to the counted deaths), as ACLED's notes carry them.

``fatalities`` is None when the text says nothing about deaths; the caller decides (ACLED codes
such events 0). Animals ("killed six oxen") and things are not victims; "lynched" alone is
mob violence, a death only when the text says so ("lynched to death").

The victim phrases a statement counts are read by :mod:`eventsift.extract.victims`; the words both
modules know are lexicon sets in ``eventsift/lexicon/tolls.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eventsift import lexicon as lex
from eventsift.lexicon.numerals import NUMBER_PATTERN, parse_number
from eventsift.extract.victims import (DATE_LIKE, OBJ_START, OBJECT_WINDOW, QUANT, norm_head, np_list, parse_subject,
                                       subject_chunk)
from eventsift.extract.victims import ARREST as _ARR, INJURE as _INJ, KILL_ACTIVE as _KILL_ACTIVE, \
    KILL_PASSIVE_ONLY as _KILL_PASSIVE_ONLY
from eventsift.models import Counts, Span

_F = re.IGNORECASE
NUM = NUMBER_PATTERN

# How close (characters) a negation/hedge must be before the verb to cancel it.
NEGATION_WINDOW = 60


def _alt(name: str) -> str:
    """A lexicon set as regex alternatives (the words are in src/eventsift/lexicon/tolls.tsv)."""
    return lex.alternation(name)


_DISP = _alt("casualty_displace_verbs")

_KIND_RE = {
    "fatalities": re.compile(rf"\b(?P<v>{_KILL_ACTIVE}|{_KILL_PASSIVE_ONLY})\b", _F),
    "injured": re.compile(rf"\b(?P<v>{_INJ})\b", _F),
    "arrested": re.compile(rf"\b(?P<v>{_ARR})\b", _F),
    "displaced": re.compile(rf"\b(?P<v>{_DISP})\b", _F),
}
_PASSIVE_ONLY = re.compile(rf"^(?:{_KILL_PASSIVE_ONLY}|{_alt('casualty_displace_passive')})", _F)
# verbs in -ing (participle clauses "..., killing 5") never take a passive subject
_ING = re.compile(r"ing\b", _F)
_AUX_BEFORE = re.compile(
    rf"\b(?:{_alt('count_passive_auxiliaries')})\s+(?:(?:{_alt('count_auxiliary_adverbs')})\s+){{0,2}}"
    r"(?:\w+(?:ed|en|t)\s*(?:,\s*)?(?:and|or|,)\s+(?:\w+ly\s+)?)?$",
    _F,
)
_HAD_BEFORE = re.compile(rf"\bhad\s+(?:(?:{_alt('count_pluperfect_adverbs')})\s+){{0,2}}(?:\w+ed\s+(?:and|or)\s+)?$", _F)
# an age set off by commas after a name ("Ali Omar, 34, died"): not a count
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][\w'’.-]*,\s+\d{1,3},\s*$")
#: a speaker's account of its own act, back-shifted ("the army said on Sunday it had killed", "claimed that its
#: fighters had killed"): this event's toll as the speaker tells it
_OWN_ACCOUNT = re.compile(rf"\b(?:{_alt('count_own_account_verbs')})\s+(?:on\s+\w+\s+)?"
                          r"(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+had\s+(?:\w+ed\s+(?:and|or)\s+)?$", _F)
_MIXED_AFTER = re.compile(rf"^\s*(?:and|or|&|/)\s*(?:{_INJ}|{_KILL_ACTIVE}|{_KILL_PASSIVE_ONLY})\b", _F)
_MIXED_BEFORE = re.compile(rf"\b(?:{_INJ}|{_KILL_ACTIVE}|{_KILL_PASSIVE_ONLY}|killed)\s*(?:and|or|&|/)\s*$", _F)
_INJ_RE = re.compile(rf"\b(?:{_INJ})\b", _F)
_DEATH_MANNER = _alt("casualty_death_manners")
# "killed and mutilated a farmer": the object follows the second verb
_VERB_CHAIN = re.compile(rf"^\s*(?:,\s*)?(?:and|or)\s+(?:then\s+)?(?P<v2>\w+(?:ed|t)|slew)(?:\s+(?:{_DEATH_MANNER}))?\b", _F)
# "killed by machete a Fulani man": the weapon comes before the victim
_BY_TOOL = re.compile(rf"^\s+(?:by|with)\s+(?:a\s+)?(?:{_alt('casualty_killing_tools')})\s+(?=(?:{_alt('count_victim_starts')})\b)", _F)
_TO_DEATH = re.compile(rf"^\s*(?:{_DEATH_MANNER})\b", _F)
# "a group burned two suspected robbers to death"
_OBJ_TO_DEATH = re.compile(
    rf"\b(?P<v>{_alt('casualty_to_death_verbs')})\s+"
    r"(?P<obj>(?:(?!and\b|or\b)[\w'’-]+\s+){1,8}?)to\s+death\b",
    _F,
)
# "resulted in the death of the pastoralist", "causing the death of the three armed men"
_RESULT_DEATH = re.compile(
    rf"\b(?:{_alt('casualty_death_result_verbs')})\s+(?:the\s+)?(?:{_alt('casualty_death_nouns_of')})\s+of\s+",
    _F,
)
_NEGATION = re.compile(rf"\b(?:{_alt('casualty_negation_hedges')})\b|n't\b", _F)
_MODAL = re.compile(rf"\b(?:{_alt('count_modal_verbs')})\s+(?:have\s+)?(?:been\s+)?\w*\s*$")  # lower case: "May" is a month
# a relative clause closed just before the verb's auxiliary: "who tried to flee | was"
_RELATIVE_BEFORE = re.compile(rf"\b(?:{_alt('count_relative_pronouns')})\s+[^,;]*?\s(?:was|were|had\s+been|has\s+been|have\s+been)\s*$", _F)
_CLAUSE_END = re.compile(r"[.;!?]\s|\)\s*$")

# heads of a whole toll ("12 people", "3 bodies") rather than of one group of victims
_GENERIC_HEADS = lex.words("toll_generic_heads")
# victims who make up the whole toll of a one-sided attack: a figure for them and an overall toll
# from another source are two statements of one toll
_CIVILIAN_HEADS = lex.words("toll_civilian_heads")

# --- statements of whole figures -------------------------------------------------------------
_CODED = re.compile(
    rf"(?P<pre>(?:total\s+|unknown\s+(?:number\s+of\s+)?)?)fatalities\s+(?:are\s+|were\s+)?coded\s+as\s+(?P<n>{NUM})",
    _F,
)
# a toll told over several events at once: "six dead and several wounded in two attacks"
_OVER_EVENTS = re.compile(rf"\b(?:in|during|over)\s+(?P<k>{NUM})\s+(?:{_alt('toll_separate_words')})?"
                          rf"(?:{_alt('toll_event_plurals')})\b", _F)
_SPLIT = re.compile(
    rf"fatalities\s+(?:are\s+|were\s+)?split\s+(?:{_alt('toll_split_prepositions')})\s+(?P<k>{NUM})\s+(?:{_alt('toll_split_units')})"
    r"(?:\s*\((?P<n>\d+)\))?",
    _F,
)
_REVISION = re.compile(
    # "the death toll (from the suicide attack in the capital) rose to 103"
    rf"\b(?:{_alt('toll_nouns')})(?:\s+(?:from|in|of)\s[^.;:!?\n]{{0,160}}?)?"
    rf"\s+(?:has\s+|had\s+)?(?:{_alt('toll_rise_verbs')})\s+to\s+(?:at\s+least\s+)?(?P<n>{NUM})"
    rf"|\brevised\s+(?:the\s+|its\s+|their\s+)?(?:death\s+)?toll\s+(?:up\s+|down\s+)?to\s+(?:at\s+least\s+)?(?P<n2>{NUM})",
    _F,
)
_TOLL = re.compile(
    rf"\b(?:death\s+toll|toll)\s+(?:of|at|stands\s+at|stood\s+at|was|is|to)\s+(?:at\s+least\s+|around\s+|about\s+)?(?P<n>{NUM})",
    _F,
)
_COUNT_NOUN = re.compile(
    rf"(?:(?P<q>{QUANT})\s+)?(?P<n>{NUM})\s+(?:(?:{_alt('toll_count_adjectives')})\s+)?(?P<what>{_alt('toll_death_nouns')})\b",
    _F,
)
# the nouns _COUNT_NOUN ends in: a cheap test before the costly one (a number may start anywhere)
_COUNT_NOUN_WORDS = re.compile(_alt("toll_death_noun_stems"), _F)
_BODY_SINGLE = re.compile(_alt("toll_single_body_phrases"), _F)
_BODIES_OF = re.compile(_alt("toll_bodies_of_phrases"), _F)
_ZERO_DEATHS = re.compile(_alt("toll_zero_deaths"), _F)
_ZERO_INJURED = re.compile(_alt("toll_zero_injured"), _F)
_CUMULATIVE = re.compile(_alt("toll_cumulative_cues").replace("{MONTH}", "|".join(lex.entries("month_names"))), _F)
_META_PAREN = re.compile(rf"\([^()]*\b(?:{_alt('toll_meta_words')})\b[^()]*(?:\([^()]*\)[^()]*)?\)", _F)


@dataclass(frozen=True, slots=True)
class _Mention:
    kind: str  # fatalities | injured | arrested | displaced
    low: int | None  # None: an unknown number ("a number of soldiers were killed")
    high: int | None
    head: str  # normalised victim word ("soldier"), "" when none
    generic: bool  # a whole toll ("12 people", "the toll", "3 bodies") rather than one group
    span: Span
    cue: str
    upper_only: bool = False


def _clause_left(text: str, seg_start: int, pos: int) -> str:
    left = text[max(seg_start, pos - NEGATION_WINDOW):pos]
    ends = list(_CLAUSE_END.finditer(left))
    return left[ends[-1].end():] if ends else left


def _hedged(text: str, seg_start: int, pos: int) -> bool:
    """A negated, hedged or alleged statement: "not confirmed if he died", "accused of killing"."""
    left = _clause_left(text, seg_start, pos)
    rel = _RELATIVE_BEFORE.search(left)
    if rel:  # "one worshipper who tried to flee was shot dead": the relative clause's words are not the verb's
        return bool(_NEGATION.search(left[:rel.start()]) or _MODAL.search(left))
    return bool(any(not _attempt_done(left, m) for m in _NEGATION.finditer(left)) or _MODAL.search(left))


_ATTEMPT = re.compile(r"tr(?:y|ied)\s+to|attempt", _F)


def _attempt_done(left: str, m: re.Match[str]) -> bool:
    """"tried to storm the base, killing eight": the attempt is closed by a comma, and what follows
    is what it did."""
    return bool(_ATTEMPT.match(m.group(0))) and "," in left[m.end():]


def _mention(kind: str, low: int | None, high: int | None, head: str, span: Span, cue: str, upper: bool) -> _Mention:
    h = norm_head(head)
    return _Mention(kind, low, high, h, h in _GENERIC_HEADS or not h, span, cue, upper)


_ADJECTIVE_DET = re.compile(rf"\b(?:{_alt('count_adjective_determiners')})\s+$", _F)
_NOUN_DET = re.compile(rf"\b(?:{_alt('count_noun_determiners')})\s+$", _F)
_OBJECT_PRONOUN = re.compile(rf"\s*(?:{_alt('count_object_pronouns')})\s*$", _F)


def _statements(text: str, start: int, end: int, kind: str, blocked: list[tuple[int, int]]) -> list[_Mention]:
    out: list[_Mention] = []
    pattern = _KIND_RE[kind]
    for vm in pattern.finditer(text, start, end):
        if any(a <= vm.start() < b for a, b in blocked):
            continue
        verb = vm.group("v")
        before = text[max(start, vm.start() - 60):vm.start()]
        after = text[vm.end():min(end, vm.end() + 60)]
        if _HAD_BEFORE.search(before) and kind == "fatalities" and not _OWN_ACCOUNT.search(before):
            continue  # pluperfect: a killing told as background (but "the army said it had killed 35")
        if verb.lower() == "dead" and _ADJECTIVE_DET.search(before):
            continue  # "his dead father": an adjective, not a death in this event
        if verb.lower().endswith("ing") and _NOUN_DET.search(before):
            continue  # "arrived after the killing and arrested three men": a noun, its victims not told here
        if _hedged(text, start, vm.start()):
            continue
        mixed = kind == "fatalities" and bool(
            (_MIXED_AFTER.match(after) and _INJ_RE.search(after[:25])) or (_MIXED_BEFORE.search(before) and _INJ_RE.search(before[-25:]))
        )
        aux = bool(_AUX_BEFORE.search(before))
        passive_only = bool(_PASSIVE_ONLY.match(verb))
        by_tool = _BY_TOOL.match(after)
        if not aux and not passive_only and (by_tool or not re.match(r"\s+by\b", after)):
            obj_at = vm.end() + (by_tool.end() if by_tool else 0)
            chain = _VERB_CHAIN.match(after)
            if chain:
                if kind == "fatalities" and _KIND_RE["fatalities"].fullmatch(chain.group("v2")):
                    continue  # "lynched and killed X": the second verb reads X
                obj_at += chain.end()
            td = _TO_DEATH.match(text[obj_at:end])
            if td:
                obj_at += td.end()
            if OBJ_START.match(text[obj_at:min(end, obj_at + OBJECT_WINDOW)]):
                obj = np_list(text, obj_at, end)
                if obj is not None:
                    if mixed:
                        continue  # "killing and injuring 7 policemen": how many died is not said
                    low, high, head, upper, obj_end = obj
                    out.append(_mention(kind, low, high, head, Span(vm.start(), obj_end, text[vm.start():obj_end]), f"{verb} + object", upper))
                continue  # an object that is not people ("killed two oxen") or has no number
        if not (aux or passive_only or not _ING.search(verb)):
            continue
        chunk, cstart = subject_chunk(text, start, vm.start())
        if _AGE_AFTER_NAME.search(text[max(start, cstart - 40):cstart + len(chunk)]):
            continue  # "Ali Omar, 34, died": the number is the dead man's age
        if not aux and not passive_only:
            # no auxiliary: only a headline-style subject right before the verb ("3 killed")
            if not re.search(rf"(?:^|\s){NUM}(?:\s+[\w'’-]+){{0,4}}\s*$", chunk, _F) or re.search(rf"\b(?:{_KILL_ACTIVE}|{_INJ})\b", chunk, _F):
                continue
        if mixed and re.search(r"\d", chunk):
            continue
        subj = parse_subject(chunk)
        if subj is None:
            continue
        if mixed:  # "Several farmers were killed and wounded": how many of them died is not said
            subj = (None, None, subj[2], False)
        low, high, head, upper = subj
        s0 = cstart + (len(chunk) - len(chunk.lstrip()))
        out.append(_mention(kind, low, high, head, Span(s0, vm.end(), text[s0:vm.end()]), f"subject + {verb}", upper))
    if kind == "fatalities":
        for m in _OBJ_TO_DEATH.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in blocked) or _hedged(text, start, m.start()):
                continue
            obj = np_list(text, m.start("obj"), m.end("obj"))
            if obj is None and _OBJECT_PRONOUN.match(m.group("obj")):
                obj = (1, 1, "", False, m.end())
            if obj is not None:
                out.append(_mention(kind, obj[0], obj[1], obj[2], Span(m.start(), m.end(), m.group(0)), "to death", obj[3]))
        for m in _RESULT_DEATH.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in blocked) or _HAD_BEFORE.search(text[max(start, m.start() - 60):m.start()]):
                continue  # "... had caused the death of two students": a cause told, not this event's toll
            obj = np_list(text, m.end(), end)
            if obj is not None:
                out.append(_mention(kind, obj[0], obj[1], obj[2], Span(m.start(), obj[4], text[m.start():obj[4]]), "death of", obj[3]))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(])", text[start:end]):
        out.append((s, start + m.start()))
        s = start + m.end()
    out.append((s, end))
    return out


def _combine(mentions: list[_Mention]) -> tuple[int | None, int | None, int | None, list[_Mention], str]:
    """Best, low, high from death statements; the ones used; how."""
    known = [m for m in mentions if m.low is not None]
    if not known:
        return (0 if mentions else None), None, None, mentions[:1], "unknown number" if mentions else ""
    specific: dict[tuple[int, str], _Mention] = {}
    generic: list[_Mention] = []
    for m in known:
        if m.generic:
            generic.append(m)
        else:
            specific.setdefault((m.low, m.head), m)
    spec = list(specific.values())
    s_low = sum(m.low for m in spec)  # type: ignore[misc]
    s_high = sum(m.high if m.high is not None else m.low for m in spec)  # type: ignore[misc]
    if generic and len(spec) == 1 and spec[0].head in _CIVILIAN_HEADS:
        generic, spec = generic + spec, []  # "killed 18 civilians" / "counted 26 bodies": two tolls
        s_low = s_high = 0
    if generic:
        g_lows = [m.low for m in generic]
        g_highs = [m.high if m.high is not None else m.low for m in generic]
        g_best = min(g_lows)  # type: ignore[type-var]
        if g_best >= s_low:  # type: ignore[operator]
            low, high = g_best, max(max(g_highs), s_high)  # type: ignore[type-var]
            how = "lowest overall toll" if len(set(g_lows)) > 1 else "overall toll"
            return g_best, low, high, generic + spec, how  # type: ignore[return-value]
    if spec:
        return s_low, s_low, s_high, spec, "sum of victim groups" if len(spec) > 1 else "stated"
    return None, None, None, [], ""


def parse_counts(text: str, start: int = 0, end: int | None = None, *, doc: object | None = None) -> Counts:
    """Counts stated in ``text[start:end]`` (offsets into ``text``); see the module docstring.

    ``doc`` (a spaCy Doc of ``text``) is accepted for interface symmetry and not needed.
    """
    end = len(text) if end is None else end
    reasons: list[str] = []
    spans: list[Span] = []

    # explicit coding statements (ACLED notes) and meta brackets ("(VoJ reported 3)")
    blocked = [(m.start(), m.end()) for m in _META_PAREN.finditer(text, start, end)]
    coded = [m for m in _CODED.finditer(text, start, end) if not any(a <= m.start() < b for a, b in blocked)]
    split = [m for m in _SPLIT.finditer(text, start, end) if not any(a <= m.start() < b for a, b in blocked)]
    blocked += [(m.start(), m.end()) for m in (*coded, *split)]

    cumulative: list[tuple[int, int]] = []
    for s, e in _sentences(text, start, end):
        cm = _CUMULATIVE.search(text, s, e)
        if cm:
            cumulative.append((s, e))
            reasons.append(f"cumulative toll ignored: '{cm.group(0)}'")
    skip = blocked + cumulative

    by_kind: dict[str, list[_Mention]] = {}
    for kind in _KIND_RE:
        by_kind[kind] = _statements(text, start, end, kind, skip)

    deaths = list(by_kind["fatalities"])
    noun_counts = _COUNT_NOUN.finditer(text, start, end) if _COUNT_NOUN_WORDS.search(text, start, end) else ()
    for m in noun_counts:
        if any(a <= m.start() < b for a, b in skip) or _hedged(text, start, m.start()):
            continue
        n = parse_number(m.group("n"))
        if n is not None and not DATE_LIKE.fullmatch(m.group("n")):
            deaths.append(_Mention("fatalities", n, n, "toll", True, Span(m.start(), m.end(), m.group(0)), m.group("what")))
    for m in _TOLL.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in skip):
            continue
        n = parse_number(m.group("n"))
        if n is not None:
            deaths.append(_Mention("fatalities", n, n, "toll", True, Span(m.start(), m.end(), m.group(0)), "toll"))
    if not deaths:
        for m in _BODIES_OF.finditer(text, start, end):
            obj = None if any(a <= m.start() < b for a, b in skip) else np_list(text, m.end(), end)
            if obj is not None:
                span = Span(m.start(), obj[4], text[m.start():obj[4]])
                deaths.append(_Mention("fatalities", obj[0], obj[1], obj[2], obj[3], span, "bodies found"))
                break
    if not deaths:
        for m in _BODY_SINGLE.finditer(text, start, end):
            if not any(a <= m.start() < b for a, b in skip):
                deaths.append(_Mention("fatalities", 1, 1, "body", True, Span(m.start(), m.end(), m.group(0)), "body found"))
                break

    fat, low, high, used, how = _combine(deaths)
    if used:
        spans.extend(m.span for m in used)
        reasons.append(f"fatalities: {how}: " + "; ".join(f"'{m.span.text}'" for m in used[:4]))

    revisions = [m for m in _REVISION.finditer(text, start, end) if not any(a <= m.start() < b for a, b in skip)]
    if revisions:
        last = revisions[-1]
        n = parse_number(last.group("n") or last.group("n2"))
        if n is not None:
            fat, low, high = n, n, n
            spans.append(Span(last.start(), last.end(), last.group(0)))
            reasons.append(f"fatalities: revised toll '{last.group(0)}' replaces earlier figures")

    over = _OVER_EVENTS.search(text, start, end)
    if fat and over and not coded and not split:
        k = parse_number(over.group("k")) or 1
        if k > 1:  # "six dead in two attacks": ACLED splits a toll told over several events
            fat, low, high = fat // k, (low // k if low else low), (high // k if high else high)
            reasons.append(f"fatalities: split across {k} events ('{over.group(0)}')")

    zero = _ZERO_DEATHS.search(text, start, end)
    if fat is None and zero:
        fat = 0
        spans.append(Span(zero.start(), zero.end(), zero.group(0)))
        reasons.append(f"fatalities: 0 ('{zero.group(0)}')")

    # an explicit coding statement overrides what the text counts (the last one stated wins)
    statements = sorted([("coded", m) for m in coded] + [("split", m) for m in split], key=lambda x: x[1].start())
    if statements:
        what, m = statements[-1]
        if what == "coded":
            n = parse_number(m.group("n"))
            if n is not None:
                if m.group("pre").lower().startswith("unknown"):
                    base = fat or 0
                    fat = base + n
                    reasons.append(f"fatalities: {base} counted + '{m.group(0)}'")
                else:
                    fat = n
                    reasons.append(f"fatalities: coding statement '{m.group(0)}' overrides")
                low = high = fat
                spans.append(Span(m.start(), m.end(), m.group(0)))
        else:
            k = parse_number(m.group("k")) or 1
            if m.group("n") is not None:
                fat = int(m.group("n"))
                reasons.append(f"fatalities: coding statement '{m.group(0)}'")
            elif fat:
                fat = fat // k
                reasons.append(f"fatalities: {fat * k if fat else 0} split across {k} ('{m.group(0)}')")
            low = high = fat
            spans.append(Span(m.start(), m.end(), m.group(0)))

    if fat is not None:
        low = fat if low is None or low > fat else low
        high = fat if high is None or high < fat else high
        if used and any(u.upper_only for u in used) and low == high:
            low = None  # "up to 30": only an upper bound was stated

    def total(kind: str) -> int | None:
        ms = [m for m in by_kind[kind] if m.low is not None]
        if not ms:
            return None
        seen: dict[tuple[int, str], _Mention] = {}
        for m in ms:
            seen.setdefault((m.low, m.head), m)
        spans.extend(m.span for m in seen.values())
        value = sum(m.low for m in seen.values())  # type: ignore[misc]
        reasons.append(f"{kind}: " + "; ".join(f"'{m.span.text}'" for m in list(seen.values())[:3]))
        return value

    injured = total("injured")
    if injured is None and _ZERO_INJURED.search(text, start, end):
        injured = 0
    arrested = total("arrested")
    displaced = total("displaced")
    if not reasons:
        reasons.append("no counts stated")
    return Counts(
        fatalities=fat,
        fatalities_low=low,
        fatalities_high=high,
        injured=injured,
        arrested=arrested,
        displaced=displaced,
        spans=tuple(spans),
        reason="; ".join(reasons),
    )
