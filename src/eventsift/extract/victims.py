"""Who and how many: the victim phrases of a casualty statement, read into a count and a head word.

:mod:`eventsift.extract.counts` finds a statement ("... were killed", "killed ...") and asks this
module for the people it counts: the quantified noun phrase after the verb (``np_list``: "killed 5
soldiers and 3 militants") or the subject before it (``subject_chunk`` then ``parse_subject``:
"Five soldiers, including two officers, were killed"). Each reads to (low, high, head, upper_only):
a range "10 to 15" gives low 10 and high 15, "up to 30" is an upper bound only, and the head
("soldier") tells victim groups apart (``norm_head``). Animals, things and measures ("six oxen",
"5 km") are not victims; dates and ages are not counts. The words are lexicon sets in
src/eventsift/lexicon/tolls.tsv.
"""
from __future__ import annotations

import re

from eventsift import lexicon as lex
from eventsift.lexicon.numerals import NUMBER_PATTERN, parse_number

_F = re.IGNORECASE
NUM = NUMBER_PATTERN


def _alt(name: str) -> str:
    """A lexicon set as regex alternatives."""
    return lex.alternation(name)


# the casualty verbs, where they end a subject on its left
KILL_ACTIVE = _alt("casualty_kill_verbs")
KILL_PASSIVE_ONLY = _alt("casualty_death_words")
INJURE = _alt("casualty_injure_verbs")
ARREST = _alt("casualty_arrest_verbs")

# How far back (characters) a statement's subject is looked for; how far ahead its object.
SUBJECT_WINDOW = 160
OBJECT_WINDOW = 90

_TRAILING_AUX = re.compile(rf"(?:\s+(?:{_alt('count_trailing_auxiliaries')}))+\s*$", _F)

# numbers inside noun phrases
QUANT = f"(?:{_alt('count_quantifiers')})"
_RANGE_HEDGE = _alt("count_range_hedges")
_NP_NUM = re.compile(
    rf"(?:(?P<q>{QUANT})\s+)?(?:between\s+)?(?P<n1>{NUM})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?:(?:{_RANGE_HEDGE})\s+)?(?P<n2>{NUM})(?![\w-]))?(?![\w-])",
    _F,
)
OBJ_START = re.compile(
    rf"^\s*(?:(?P<q>{QUANT})\s+)?(?:between\s+)?(?:(?:{_alt('count_possessives')})\s+)?(?P<n1>{NUM})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?:(?:{_RANGE_HEDGE})\s+)?(?P<n2>{NUM})(?![\w-]))?(?![\w-])"
    rf"|^\s*(?P<art>{_alt('count_object_determiners')})\s",
    _F,
)
_STOP_WORDS = lex.words("count_stop_words")
_UNIT_WORDS = lex.words("count_unit_words")
_NON_HUMAN = lex.words("casualty_non_human")
_PERSON_AFTER_ANIMAL = lex.words("casualty_people_after_animal")

_AGE = re.compile(rf"\b\d+[\s-]years?[\s-]old\b|\baged\s+\d+\b|\b\d+\s*(?:{_alt('count_units_after_number')})", _F)
# three-letter month abbreviations ("3 Jan", "Jan 3, 2020") and years: numbers that are not counts
_MON3 = "|".join(a for a in lex.entries("month_abbrevs") if len(a) == 3)
DATE_LIKE = re.compile(
    rf"\b(?:[0-3]?\d\s+(?:{_MON3})[a-z]*\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MON3})[a-z]*\.?\s+[0-3]?\d(?:,?\s+\d{{4}})?|(?:19|20)\d\d)\b"
)
#: a breakdown of a count just given, set off by dashes: "131 civilians - 102 men, 17 women and 12
#: children - were killed": the same people again, never added (brackets are dropped as asides anyway)
_BREAKDOWN = re.compile(rf"\s[-–—]\s+(?:{NUM})\s+[a-z]+(?:,?\s+(?:and\s+)?(?:{NUM})\s+[a-z]+){{1,6}}(?:\s+[-–—]|\s*$)", _F)
_INCLUDING = re.compile(rf"\b(?:{_alt('count_inclusion_cues')})\b[^,;]*", _F)
_SUBJ_BOUNDARY = re.compile(
    rf"[.;:!?]|\b(?:{_alt('count_subject_boundaries')}|and\s+(?:then\s+)?(?=\S+\s+(?:{KILL_ACTIVE}|{INJURE}|{ARREST})\b))\b"
    rf"|\b(?:{KILL_ACTIVE}|{KILL_PASSIVE_ONLY}|{INJURE}|{ARREST}|{_alt('casualty_boundary_verbs')})\b(?:\s+(?:and|or))?",
    _F,
)


def norm_head(head: str) -> str:
    words = [w.strip(".,'’\"()").lower() for w in head.split()]
    words = [w for w in words if w and w not in _STOP_WORDS]
    if not words:
        return ""
    w = words[-1]
    if w.endswith("men"):
        return w[:-3] + "man"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _head_words(after: str) -> str:
    out: list[str] = []
    for tok in after.split()[:5]:
        bare = tok.strip(".,;:'’\"()").lower()
        if not bare or bare in _STOP_WORDS:
            break
        out.append(bare)
        if tok.endswith((",", ";", ".", ")", ":")):
            break
    return " ".join(out)


_HEAD_END_WORDS = lex.words("count_head_end_words")


def _is_human(head: str) -> bool:
    words = []
    for w in head.split():
        if w in _HEAD_END_WORDS:
            break
        words.append(w)
    if words and words[0] in _UNIT_WORDS:
        return False
    for i, w in enumerate(words):
        if w in _NON_HUMAN:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt not in _PERSON_AFTER_ANIMAL:
                return False
    return True


_UPPER_BOUND_QUANTIFIERS = lex.entries("count_upper_bound_quantifiers")


def _range(m: re.Match[str]) -> tuple[int | None, int | None, bool]:
    n1 = parse_number(m.group("n1"))
    n2 = parse_number(m.group("n2")) if m.group("n2") else None
    q = (m.group("q") or "").lower()
    upper_only = q.startswith(_UPPER_BOUND_QUANTIFIERS)
    if n1 is None:
        return None, None, False
    if n2 is not None and n2 > n1:
        return n1, n2, upper_only
    return n1, n1, upper_only


_LIST_JOIN = re.compile(rf"^\s*(?:,\s*)?(?:{_alt('count_list_joiners')})\s+", _F)
_SINGULAR_STOP = lex.words("count_group_nouns")
_PLURAL_WITHOUT_S = lex.words("count_plural_nouns_without_s")


def _one_np(window: str) -> tuple[int | None, int | None, str, bool, int] | None:
    """One quantified noun phrase at the start of ``window``: (low, high, head, upper_only, length).

    low is None for a phrase that names victims without a number we may use.
    """
    m = OBJ_START.match(window)
    if not m:
        return None
    rest = window[m.end():]
    head = _head_words(rest)
    length = m.end() + (len(rest) - len(rest.lstrip())) + len(head)
    if m.group("art"):
        art = m.group("art").lower()
        if not head:
            # "decapitated another": one more victim, never the same as one already counted
            return (1, 1, "another" if art == "another" else "", False, m.end()) if art in {"another", "one"} else None
        if not _is_human(head):
            return None
        last = head.split()[-1]
        plural = last.endswith("s") and not last.endswith(("ss", "us")) or last.endswith("men") or last in _PLURAL_WITHOUT_S
        if plural and art != "one":
            return None  # "killed the attackers": a group of unknown size
        if any(w in _SINGULAR_STOP for w in head.split()):
            return None  # "an unreported number of residents"
        return 1, 1, head, False, length
    if not _is_human(head):
        return None
    low, high, upper = _range(m)
    if low is None:
        return None
    return low, high, head, upper, length


def np_list(text: str, pos: int, limit: int) -> tuple[int, int, str, bool, int] | None:
    """Quantified victims joined by "and" / "in addition to": "1 member in addition to 3 guards"."""
    window = text[pos:min(limit, pos + OBJECT_WINDOW)]
    first = _one_np(window)
    if first is None or first[0] is None:
        return None
    low, high, head, upper, used = first
    low_sum, high_sum = low, high if high is not None else low
    while True:
        j = _LIST_JOIN.match(window[used:])
        if not j:
            break
        nxt = _one_np(window[used + j.end():])
        if nxt is None or nxt[0] is None:
            break
        low_sum += nxt[0]
        high_sum += nxt[1] if nxt[1] is not None else nxt[0]
        used = used + j.end() + nxt[4]
    return low_sum, high_sum, head, upper, pos + used


_RELATIVE_WORDS = lex.words("count_relative_words")
_APPOSITION_JOIN = re.compile(_alt("count_apposition_joins"))
_ARTICLE_SPACE = re.compile(f"(?:{_alt('count_articles')}) ")


def subject_chunk(text: str, seg_start: int, verb_start: int) -> tuple[str, int]:
    """The words before a verb that name who it happened to, and where they start."""
    lo = max(seg_start, verb_start - SUBJECT_WINDOW)
    left = _TRAILING_AUX.sub("", text[lo:verb_start])  # "1 civilian was kidnapped and | killed"
    cut = 0
    bounds = list(_SUBJ_BOUNDARY.finditer(left))
    if bounds:
        cut = bounds[-1].end()
        rel = bounds[-1]
        if rel.group(0).lower() in _RELATIVE_WORDS and not re.search(r"\d", left[cut:]) \
                and not OBJ_START.match(left[cut:].strip() + " "):
            # "One worshipper who tried to flee was shot dead": the subject is before the relative clause
            prev = bounds[-2].end() if len(bounds) > 1 else 0
            if OBJ_START.match(left[prev:rel.start()].strip() + " ") or re.search(r"\d", left[prev:rel.start()]):
                left, cut = left[:rel.start()], prev
    stripped = _TRAILING_AUX.sub("", left[cut:])
    chunk = stripped
    # commas: a boundary unless they join quantified groups or appositions
    # ("1 civilian, a tribal elder, was killed"; "1 civilian, ..., and his 2 guards")
    pieces = chunk.split(",")
    if len(pieces) > 1:
        keep = [pieces[-1]]
        for piece in reversed(pieces[:-1]):
            p = piece.strip()
            nxt = keep[0].strip().lower()
            joined = bool(_APPOSITION_JOIN.match(nxt)) or nxt == "" or bool(_ARTICLE_SPACE.match(nxt))
            if (p and OBJ_START.match(p) and not DATE_LIKE.match(p)) and (joined or _NP_NUM.match(p)):
                keep.insert(0, piece)
            elif p == "" or _INCLUDING.match(p):
                keep.insert(0, piece)  # "six civilians, including two children, were killed": an aside
            else:
                break
        chunk = ",".join(keep)
    return chunk, lo + cut + len(stripped) - len(chunk)


_PART_SPLIT = re.compile(rf"\s*,(?!\d)\s*(?:and\s+)?|\s+(?:{_alt('count_subject_joiners')})\s+", _F)
_SUBJECT_LEAD = re.compile(rf"^(?:{_alt('count_subject_lead_words')})\s+", _F)
#: the words before a note's own date ("On", "Around", "As reported on")
_DATE_LEAD = re.compile(rf"^(?:{_alt('date_lead_words')})\s+", _F)
_SUBJECT_PRONOUN = re.compile(rf"^(?:{_alt('count_subject_pronouns')})$", _F)
_ARTICLE_START = re.compile(rf"^(?:{_alt('count_articles')})\s", _F)
_SINGULAR_START = re.compile(rf"^(?:{_alt('count_singular_determiners')})\s", _F)
_UNKNOWN_NUMBER = re.compile(rf"\b(?:{_alt('count_unknown_number_cues')})\b", _F)


def parse_subject(chunk: str) -> tuple[int | None, int | None, str, bool] | None:
    clean = _INCLUDING.sub(" ", chunk)
    clean = re.sub(r"\([^)]*\)", " ", clean)  # "nine people (three women and six men)"
    clean = _BREAKDOWN.sub(" ", clean)
    clean = _AGE.sub(" ", clean).strip()
    clean = re.sub(r"\b(between\s+\S+)\s+and\s+", r"\1 to ", clean, flags=_F)
    clean = _SUBJECT_LEAD.sub("", clean)
    if not clean:
        return None
    lows: list[int] = []
    highs: list[int] = []
    head = ""
    upper = False
    numeric_seen = False
    seps = [m.group(0) for m in _PART_SPLIT.finditer(clean)]
    parts = _PART_SPLIT.split(clean)
    for i, part in enumerate(parts):
        part = part.strip()
        if not part or DATE_LIKE.fullmatch(_DATE_LEAD.sub("", part)):
            continue   # "On 7 May 2022", "Around 7 May": the note's date, never a count
        np = _one_np(part + " ")
        if np is None and i == 0:
            # a lead-in before the number: "Today 4 soldiers", "In Kabul, 3 people"
            inner = re.search(rf"\s(?=(?:(?:{QUANT})\s+)?(?:\d|(?:{NUM})\s))", part, _F)
            if inner:
                part = part[inner.end():]
                np = _one_np(part + " ")
        if np is None or np[0] is None:
            if _SUBJECT_PRONOUN.match(part):
                lows.append(1)
                highs.append(1)
            continue
        # "1 child, a shepherd,": an apposition after a bare comma is the same person
        sep = seps[i - 1].strip().lower() if i > 0 else "and"
        if sep == "," and numeric_seen and _ARTICLE_START.match(part):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", str(np[0])):
            continue
        numeric_seen = numeric_seen or bool(re.match(r"^\W*(?:(?:%s)\s+)?(?:the\s+|his\s+|her\s+|their\s+)?\d" % QUANT, part, _F)) or not _SINGULAR_START.match(part)
        lows.append(np[0])
        highs.append(np[1] if np[1] is not None else np[0])
        head = head or np[2]
        upper = upper or np[3]
    if lows:
        return sum(lows), sum(highs), head, upper
    if _UNKNOWN_NUMBER.search(clean):
        return None, None, "", False
    return None
