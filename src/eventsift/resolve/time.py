"""When did it happen: find time expressions and resolve them against the publication date.

Three entry points:

- ``find_time_expressions(text, start, end)``: the time expressions in ``text[start:end]``, as
  Spans with offsets into ``text``. Each span covers the core date ("21 March 2020", "on
  Tuesday", "two days ago") and the words around it that change its precision ("As reported
  on", "Around", "(week of)", "(between 3 - 4 March)").
- ``resolve_expression(expr, published)``: one expression as a TimeRef.
- ``resolve_event_time(text, sentence, published)``: the date of the event stated in a sentence.

Precision follows ACLED's ``time_precision``: 1 the day is known, 2 the week, 3 the month. For a
week or month the date is a day inside it: "last week" is published - 7 days, "in March" the
1st of the most recent March on or before publication, "earlier this week" the Monday of the
publication week.

Relative expressions ("today", "on Tuesday", "last week") need the publication date; when it is
unknown they stay unresolved (date None, reason says why). The processing date is never used.
Everything common is covered by precompiled regexes; ``dateparser`` is only a fallback inside
``resolve_expression`` for wording the rules do not know (it is slow).
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from eventsift import lexicon as lex
from eventsift.lexicon.numerals import NUMBER_PATTERN, parse_number
from eventsift.models import Span, TimeRef

log = logging.getLogger(__name__)

DAY, WEEK, MONTH = 1, 2, 3

# A stated day may run ahead of the publication date by this much (time zones, a report dated
# the evening before); beyond it, a year-less "21 March" is read as last year's.
FUTURE_TOLERANCE_DAYS = 1
# A year-less day up to this far after publication is read as upcoming (and so cannot date a
# reported event); further ahead it is read as last year's. Set by reading wire and ACLED wording:
# forward references ("talks on 25 March") are weeks, not months, ahead.
UPCOMING_WINDOW_DAYS = 31
# A span of days ("between 3 and 6 March") longer than this is coded to the month, not the week.
WEEK_SPAN_MAX_DAYS = 7
# An event dated more than this many days before publication is background, not news: reports
# recall earlier attacks ("a Dec. 15 attack", "in August 2013") to give context. A month and a day
# of slack, so that "last month" and a weekly round-up still count.
BACKGROUND_DAYS = 31

# month and weekday names (with their misspellings) are in lexicon/numbers.tsv, the other date cues in lexicon/time.tsv
_MONTH_NAMES = lex.mapping("month_names")
_MONTH_ABBREVS = lex.mapping("month_abbrevs")
_MONTHS: dict[str, int] = {w.lower(): int(n) for w, n in (*_MONTH_NAMES.items(), *_MONTH_ABBREVS.items())}
_WEEKDAY_NAMES = {**lex.mapping("weekday_names"), **lex.mapping("weekday_misspellings")}
_WEEKDAYS: dict[str, int] = {w.lower(): int(n) for w, n in _WEEKDAY_NAMES.items()}


def _alt(name: str) -> str:
    return lex.alternation(name)


# full names first, then the abbreviations that are not also a full name ("May")
MON = "(?:" + "|".join([*_MONTH_NAMES, *(a for a in _MONTH_ABBREVS if a not in _MONTH_NAMES)]) + r")\.?"
WD = "(?:" + "|".join(_WEEKDAY_NAMES) + ")"
D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
Y = r"(?:1[89]\d\d|20\d\d)"
PART = f"(?:{_alt('date_day_parts')})"
_F = re.IGNORECASE

# Core patterns, tried in this order; earlier patterns win ties at the same start.
_CORE: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{Y})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")),
    ("numeric", re.compile(rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{Y})\b")),
    # 12-14 March 2020 / between 12 and 14 March / from 12 to 14 March / 23 and 24 March
    ("range_dm", re.compile(
        rf"\b(?:between\s+|from\s+)?(?P<d1>{D})(?:\s+(?P<m1>{MON}))?\s*(?:-|–|to|and|until)\s*(?P<d2>{D})\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{Y}))?\b",
        _F)),
    # March 12-14, 2020
    ("range_md", re.compile(
        rf"\b(?P<m>{MON})\s+(?P<d1>{D})\s*(?:-|–|to|and)\s*(?P<d2>{D})(?:,?\s+(?P<y>{Y}))?\b(?!\s*:)", _F)),
    ("dmy", re.compile(rf"\b(?:the\s+)?(?P<d>{D})\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{Y}))?\b", _F)),
    ("mdy", re.compile(rf"\b(?P<m>{MON})\s+(?P<d>{D})(?!\d)(?:,?\s+(?P<y>{Y}))?\b(?!\s*[:.]\d)", _F)),
    ("weekday", re.compile(
        rf"\b(?:(?:{_alt('date_edge_words')})\s+(?:on\s+)?)?(?:(?:{_alt('weekday_deictics')})\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?\b", _F)),
    ("month_year", re.compile(
        rf"\b(?:(?:{_alt('month_year_prepositions')})\s+)?(?:(?P<pos>{_alt('month_positions')})[\s-]+)?(?P<m>{MON})(?:,?\s+|\s+of\s+)(?P<y>{Y})\b", _F)),
    ("ago", re.compile(rf"\b(?P<n>{NUMBER_PATTERN}|a|an)\s+(?P<unit>{_alt('date_ago_units')})\s+ago\b", _F)),
    ("rel", re.compile(
        rf"\b(?:(?:{_alt('relative_day_modifiers')})\s+)?(?P<w>{_alt('relative_day_patterns').replace('{PART}', PART)})\b", _F)),
    ("month", re.compile(
        rf"\b(?:(?P<pos>{_alt('month_positions')})[\s-]+|(?P<pre>{_alt('month_prepositions')})\s+)(?P<m>{MON})(?![\w-])", _F)),
    # "in 2014", "since 2011", "in the 1990s", "in the early 2000s"
    ("year", re.compile(rf"\b(?P<pre>{_alt('year_prepositions')})\s+(?:the\s+(?:(?:early|late|mid)[\s-]+)?(?=\d{{3}}0s))?(?P<y>{Y})(?P<decade>s)?\b", _F)),
]

# Words before or after a core that change its precision (ACLED's own note wording included).
_LEFT_MODS = re.compile(
    rf"(?<![\w-])(?P<mod>{_alt('date_hedges_left')})\s+(?:the\s+)?$",
    _F,
)
_RIGHT_MODS = re.compile(
    r"^\s*,?\s*\((?P<mod>or\s+around|week\s+of|month\s+of|as\s+reported|during\s+the\s+night|between\s+[^)]{1,40}|[^)]{0,40}\b(?:" + MON + r")\b[^)]{0,20})\)",
    _F,
)
_WEEK_MOD = re.compile(_alt("date_week_hedges"), _F)
_MONTH_MOD = re.compile(r"month\s+of", _F)
_SINCE = re.compile(r"^since\s+(?!midnight)", _F)
_YEAR_ONLY = re.compile(rf"^(?:{_alt('year_prepositions')})\s+(?:the\s+(?:(?:early|late|mid)[\s-]+)?)?\d{{4}}s?$", _F)
# a time expression that dates a statement, not the event it reports: right after a speech verb
# ("said on Thursday that ...") or right before one ("China on Tuesday accused ...")
_SPEECH = f"(?:{_alt('date_statement_verbs')})"
# "said on Monday", "said in a statement on Monday", "told reporters on Monday", "said at a news conference late on Monday"
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}(?:\s+(?:in|at|to|on)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
                            rf"[\w-]+(?:\s+conference)?|\s+reporters)?\s+(?:\w+\s+)?$", _F)
_SPEECH_AFTER = re.compile(rf"^,?\s+(?:it\s+|that\s+)?{_SPEECH}\b", _F)
# "the toll rose to 103 on Sunday": the day a toll was revised, not the day of the deaths
_REVISED_BEFORE = re.compile(rf"\b(?:{_alt('toll_rise_verbs_dated')})\s+to\s+"
                             r"(?:at\s+least\s+|more\s+than\s+)?[\d,]+(?:\s+\w+)?\s+$", _F)
# a wire dateline before the time expression ("NEW DELHI, June 17 (Agency) -"): the line opens with an
# upper-case place, maybe a country or state after a comma; after the expression come an optional
# agency in brackets and a dash. The date there is when the report was filed, not when the event was.
_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z. ]{1,30})?,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]")
_WEEKDAY_LEADS = lex.words("weekday_lead_words")
_BACKGROUND_BEFORE = re.compile(
    # "the election in April": when it is held
    rf"\b(?:{_alt('date_background_cues')})\s+(?:(?:on|in)\s+)?(?:the\s+)?$",
    _F,
)
# lower-case "mar", "jan": a word or a name before a day, a month only when capitalised
_LOWER_CASE_WORD_MONTHS = lex.words("month_abbrevs_read_as_words")
# relative phrases ("last night") -> the day they name against publication ("yesterday")
_RELATIVE_DAYS = lex.mapping("relative_day_phrases")
_THIS_DAY_PARTS = lex.words("this_day_parts")


@dataclass(frozen=True, slots=True)
class _Found:
    kind: str
    start: int
    end: int
    match: re.Match[str]


def _scan(text: str, start: int, end: int) -> list[_Found]:
    """Non-overlapping core matches in text[start:end], leftmost-longest."""
    found: list[_Found] = []
    for kind, pattern in _CORE:
        for m in pattern.finditer(text, start, end):
            found.append(_Found(kind, m.start(), m.end(), m))
    order = {kind: i for i, (kind, _) in enumerate(_CORE)}
    found.sort(key=lambda f: (f.start, -(f.end - f.start), order[f.kind]))
    chosen: list[_Found] = []
    last_end = -1
    for f in found:
        if f.start >= last_end and _plausible(f):
            chosen.append(f)
            last_end = f.end
    return chosen


def _plausible(f: _Found) -> bool:
    g = f.match.groupdict()
    for key in ("d", "d1", "d2"):
        if g.get(key) is not None and not 1 <= int(re.sub(r"\D", "", g[key])) <= 31:
            return False
    if f.kind == "dmy" or f.kind == "mdy":
        # "May" is also a verb: "may 3" / "3 may" need a capitalised month or a year
        m = g["m"]
        if m.lower().startswith("may") and m[0].islower():
            return False
        if f.kind == "mdy" and m.lower() in _LOWER_CASE_WORD_MONTHS and m[0].islower():
            return False
    if f.kind == "month" and g["m"].lower().startswith("may") and g["m"][0].islower():
        return False
    if f.kind in {"month", "month_year"} and len(g["m"].rstrip(".")) == 3 and g["m"][0].islower():
        return False
    if f.kind == "weekday":
        if f.match.group("wd")[0].islower():
            return False
        # part of a name ("the Red Wednesday movement"): a capitalised word just before it
        before = f.match.string[max(0, f.start - 20):f.start]
        prev = re.search(r"([A-Za-z]+)\s+$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in _WEEKDAY_LEADS and f.match.group(0)[0].isupper():
            return False
    return True


def _extend(text: str, f: _Found, start: int, end: int) -> tuple[int, int]:
    """Widen a core match over precision-changing words on either side."""
    s, e = f.start, f.end
    left = text[max(start, s - 30):s]
    lm = _LEFT_MODS.search(left)
    if lm:
        s = s - (len(left) - lm.start())
    right = text[e:min(end, e + 60)]
    rm = _RIGHT_MODS.match(right)
    if rm:
        e = e + rm.end()
        rm2 = _RIGHT_MODS.match(text[e:min(end, e + 60)])
        if rm2:
            e = e + rm2.end()
    return s, e


def find_time_expressions(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The time expressions in ``text[start:end]`` (offsets into ``text``), in reading order."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    last_end = start
    for f in _scan(text, start, end):
        if f.start < last_end:
            continue
        s, e = _extend(text, f, max(start, last_end), end)
        # a relative word followed by the date in brackets is one expression: "yesterday (24 July)"
        spans.append(Span(s, e, text[s:e]))
        last_end = e
    return spans


# --------------------------------------------------------------------------------- resolving


def _unresolved(reason: str, span: Span | None = None) -> TimeRef:
    return TimeRef(None, None, span, reason)


def _month_num(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _day_num(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _yearless(m: int, d: int, published: date | None) -> date | None:
    """A year-less (m, d) placed against publication: the most recent one on or before it,
    unless it falls only a little after it ("on 25 March" in a report of 20 March is the coming
    25 March, a plan or a deadline, not last year's)."""
    if published is None:
        return None
    cand = _safe_date(published.year, m, d)
    if cand and cand <= published + timedelta(days=UPCOMING_WINDOW_DAYS):
        return cand
    return _safe_date(published.year - 1, m, d) or _safe_date(published.year - 4, m, d)


def _recent_month(m: int, published: date) -> date:
    y = published.year if m <= published.month else published.year - 1
    return date(y, m, 1)


def _position_day(pos: str | None, y: int, m: int) -> date:
    p = (pos or "").lower()
    if p.startswith("mid") or "middle" in p:
        return date(y, m, 15)
    if p.startswith("late"):
        return date(y, m, min(24, calendar.monthrange(y, m)[1]))
    if "end" in p:
        return date(y, m, calendar.monthrange(y, m)[1] - 6)
    return date(y, m, 1)


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _resolve_core(f: _Found, published: date | None) -> TimeRef:
    g = f.match.groupdict()
    words = f.match.group(0)
    kind = f.kind
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return TimeRef(d, DAY, None, f"date: '{words}' (ISO)") if d else _unresolved(f"not a date: '{words}'")
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless that is impossible
        d = _safe_date(y, month, day)
        return TimeRef(d, DAY, None, f"date: '{words}' (day/month/year)") if d else _unresolved(f"not a date: '{words}'")
    if kind in {"range_dm", "range_md"}:
        m2 = _month_num(g["m"])
        m1 = _month_num(g["m1"]) if g.get("m1") else m2
        d1, d2 = _day_num(g["d1"]), _day_num(g["d2"])
        if g.get("y"):
            y2 = int(g["y"])
            y1 = y2 - 1 if m1 > m2 else y2
            first = _safe_date(y1, m1, d1)
            last = _safe_date(y2, m2, d2)
        else:
            last = _yearless(m2, d2, published)
            first = _safe_date(last.year - (1 if m1 > m2 else 0), m1, d1) if last else None
            if first is None:
                return _unresolved(f"'{words}' has no year and the publication date is unknown")
        if first is None or last is None or last < first:
            return _unresolved(f"not a date range: '{words}'")
        prec = WEEK if (last - first).days <= WEEK_SPAN_MAX_DAYS else MONTH
        return TimeRef(first, prec, None, f"date: '{words}' (first day of the range)")
    if kind in {"dmy", "mdy"}:
        m, dd = _month_num(g["m"]), _day_num(g["d"])
        if g.get("y"):
            d = _safe_date(int(g["y"]), m, dd)
            return TimeRef(d, DAY, None, f"date: '{words}'") if d else _unresolved(f"not a date: '{words}'")
        d = _yearless(m, dd, published)
        if d is None:
            return _unresolved(f"'{words}' has no year and the publication date is unknown")
        return TimeRef(d, DAY, None, f"date: '{words}' + published (year)")
    if kind == "month_year":
        y, m = int(g["y"]), _month_num(g["m"])
        return TimeRef(_position_day(g.get("pos"), y, m), MONTH, None, f"date: '{words}' (month)")
    if kind == "year":
        return TimeRef(date(int(g["y"]), 1, 1), MONTH, None, f"date: '{words}' (year only: too vague for an event)")
    # everything below is relative to the publication date
    if published is None:
        return _unresolved(f"'{words}' is relative and the publication date is unknown")
    if kind == "month":
        m = _month_num(g["m"])
        base = _recent_month(m, published)
        pos = (g.get("pos") or "").lower()
        if "beginning" in pos or "start" in pos or "end" in pos:
            day = _position_day(pos, base.year, m)
            return TimeRef(day, WEEK, None, f"date: '{words}' + published (a week at the edge of the month)")
        if not pos and (base.year, m) == (published.year, published.month):
            return TimeRef(published, MONTH, None, f"date: '{words}' + published (this month: the publication day)")
        return TimeRef(_position_day(pos, base.year, m), MONTH, None, f"date: '{words}' + published (month)")
    if kind == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        back = (published.weekday() - wd) % 7
        return TimeRef(published - timedelta(days=back), DAY, None, f"date: '{words}' + published (most recent {calendar.day_name[wd]})")
    if kind == "ago":
        n = parse_number(g["n"]) or 1
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return TimeRef(published - timedelta(days=n), DAY, None, f"date: '{words}' + published")
        if unit == "week":
            return TimeRef(published - timedelta(days=7 * n), WEEK, None, f"date: '{words}' + published")
        if unit == "month":
            return TimeRef(_shift_months(published, -n).replace(day=1), MONTH, None, f"date: '{words}' + published")
        return TimeRef(None, None, None, f"'{words}' is a year back: too vague for an event date")
    lead = re.sub(r"\s+", " ", words.lower())
    w = lead if lead.endswith(("week", "month")) else re.sub(r"\s+", " ", g["w"].lower())
    rel = _RELATIVE_DAYS.get(w)
    if rel == "today" or w.startswith("this ") and w.split()[1] in _THIS_DAY_PARTS:
        return TimeRef(published, DAY, None, f"date: '{words}' + published")
    if w.startswith("yesterday") or rel == "yesterday" or w.startswith("last ") and w.split()[1] in PART:
        return TimeRef(published - timedelta(days=1), DAY, None, f"date: '{words}' + published - 1 day")
    if rel == "two_days_back":
        return TimeRef(published - timedelta(days=2), DAY, None, f"date: '{words}' + published - 2 days")
    if rel == "last_week":
        return TimeRef(published - timedelta(days=7), WEEK, None, f"date: '{words}' + published - 7 days")
    if rel == "this_week" or "recent days" in w:
        monday = published - timedelta(days=published.weekday())
        day = monday if w != "this week" else published
        if "recent days" in w:
            day = published
        return TimeRef(day, WEEK, None, f"date: '{words}' + published (the week)")
    if rel == "weekend":
        back = (published.weekday() - 5) % 7
        return TimeRef(published - timedelta(days=back), WEEK, None, f"date: '{words}' + published (the weekend)")
    if rel == "last_month":
        return TimeRef(_shift_months(published, -1).replace(day=1), MONTH, None, f"date: '{words}' + published (previous month)")
    if rel == "this_month":
        return TimeRef(published.replace(day=1), MONTH, None, f"date: '{words}' + published (the month)")
    if rel == "last_year":
        return TimeRef(None, None, None, f"'{words}' is a year back: too vague for an event date")
    if lead.startswith(("early", "late")):
        return TimeRef(published, DAY, None, f"date: '{words}' + published")
    return _unresolved(f"no rule for '{words}'")


def _apply_mods(ref: TimeRef, expr: str, core: _Found, offset: int = 0) -> TimeRef:
    """Coarsen the precision for hedges around the core ("As reported on", "(week of)")."""
    if ref.date is None or ref.precision is None:
        return ref
    outside = expr[: core.start - offset] + " " + expr[core.end - offset:]
    if _MONTH_MOD.search(outside):
        return TimeRef(ref.date, max(ref.precision, MONTH), ref.span, ref.reason + "; '(month of)': month precision")
    if _WEEK_MOD.search(outside) and ref.precision < WEEK:
        return TimeRef(ref.date, WEEK, ref.span, ref.reason + "; hedged (reported on / around): week precision")
    return ref


_ABSOLUTE = {"iso", "numeric", "range_dm", "range_md", "dmy", "mdy", "month_year"}


def _resolve_text(expr: str, published: date | None) -> TimeRef | None:
    cores = _scan(expr, 0, len(expr))
    if not cores:
        return None
    # a bracketed explicit date beats the relative word it explains: "yesterday (24 July)"
    best = next((c for c in cores if c.kind in _ABSOLUTE), cores[0])
    ref = _resolve_core(best, published)
    return _apply_mods(ref, expr, best)


def _dateparser(expr: str, published: date | None) -> TimeRef:
    try:
        import dateparser  # slow to import; only needed for wording no rule covers
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return _unresolved(f"no rule for '{expr}'")
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", expr, exc)
        parsed = None
    if parsed is None:
        return _unresolved(f"no rule and no parse for '{expr}'")
    if published is None and not re.search(Y, expr):
        return _unresolved(f"'{expr}' is relative and the publication date is unknown")
    return TimeRef(parsed.date(), DAY, None, f"date: '{expr}' (dateparser)")


def resolve_expression(expr: str, published: date | None) -> TimeRef:
    """One time expression resolved against the publication date (None when unknown)."""
    ref = _resolve_text(expr, published)
    if ref is None:
        ref = _dateparser(expr, published)
    return ref


def _background(text: str, sentence: Span, sp: Span) -> bool:
    left = text[max(sentence.start, sp.start - 25):sp.start]
    return bool(_BACKGROUND_BEFORE.search(left)) or bool(_SINCE.match(sp.text))


def in_dateline(text: str, sp: Span) -> bool:
    """Whether a time expression sits in a wire dateline ("NEW DELHI, June 17 (Agency) -")."""
    line_start = text.rfind("\n", 0, sp.start) + 1
    return bool(_DATELINE_BEFORE.match(text[line_start:sp.start])) and bool(_DATELINE_AFTER.match(text[sp.end:sp.end + 50]))


def _statement_date(text: str, sentence: Span, sp: Span) -> bool:
    """Whether a time expression dates a statement ("said on Thursday", "China on Tuesday accused") or a
    toll's revision ("the toll rose to 103 on Sunday"), not the event."""
    before = text[max(sentence.start, sp.start - 40):sp.start]
    return bool(_SPEECH_BEFORE.search(before)) or bool(_SPEECH_AFTER.match(text[sp.end:sp.end + 30])) \
        or bool(_REVISED_BEFORE.search(before))


def _as_day(published: date | datetime | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def is_ahead(ref: TimeRef, published: date | None) -> bool:
    """Whether an event dated ``ref`` lies after publication: planned, not reported."""
    if ref.date is None or published is None:
        return False
    published = _as_day(published)
    return ref.date > published + timedelta(days=FUTURE_TOLERANCE_DAYS)


def is_background(ref: TimeRef, published: date | None) -> bool:
    """Whether an event dated ``ref`` lies too far before publication to be news (BACKGROUND_DAYS)."""
    if ref.date is None or published is None:
        return False
    published = _as_day(published)
    latest = ref.date  # the last day the reference allows: "last month" may be its last day
    if ref.precision == WEEK:
        latest = ref.date + timedelta(days=6)
    elif ref.precision == MONTH:
        latest = ref.date.replace(day=calendar.monthrange(ref.date.year, ref.date.month)[1])
    return latest < published - timedelta(days=BACKGROUND_DAYS)


def _last_year(sp: Span) -> int | None:
    """The last year of the year or decade a year-only expression names ("in 2014", "in the 1990s")."""
    m = re.search(rf"({Y})(s?)\s*$", sp.text.strip())
    if not m:
        return None
    return int(m.group(1)) + (9 if m.group(2) else 0)


def own_day(text: str, sentence: Span, published: date | None) -> TimeRef | None:
    """The day a sentence names for its own event ("on Friday", "on 3 May"), with the words that name it, or
    None: not a statement's or a dateline's day, not a week, month or year, not a day long past or to come."""
    rank, ref = _dated(text, sentence, published)
    return ref if rank == 0 and ref.precision == DAY and not is_background(ref, published) else None


def borrowed_day(text: str, sentence: Span, published: date | None) -> bool:
    """Whether the date ``resolve_event_time`` gives a sentence is not the sentence's own day for its event but
    one borrowed: a dateline's filing day, a statement's day ("said on Thursday"), a toll's revision, or the
    publication day for a sentence that names none. A later sentence of the same event that names its own
    day then dates it better."""
    rank, ref = _dated(text, sentence, published)
    return rank != 0 and ref.precision == DAY and not is_background(ref, published)


#: how far into a report its filing date is looked for (the dateline or a publication line opens it)
FILING_DATE_CHARS = 600
# a line that gives when the page was published: "Published 16 January 2016", "Updated: Jan 16, 2016"
_PUBLICATION_LINE = re.compile(rf"^\s*(?:{_alt('publication_line_words')})\b\s*(?:on\b)?\s*:?\s*$", _F)


def filing_date(text: str) -> TimeRef | None:
    """The day a report was filed, read off its own opening when the input gives no publication date: a
    dated wire dateline ("NAIROBI, Jan 16, 2016 (Agency) -"), a publication line ("Published 16 January
    2016") or a line that is only a date. None when the opening gives no full date."""
    for sp in find_time_expressions(text, 0, min(len(text), FILING_DATE_CHARS)):
        ref = resolve_expression(sp.text, None)
        if ref.date is None or ref.precision != DAY:
            continue
        line_start = text.rfind("\n", 0, sp.start) + 1
        line_end = text.find("\n", sp.end)
        rest = text[sp.end:len(text) if line_end < 0 else line_end]
        if in_dateline(text, sp) or _PUBLICATION_LINE.match(text[line_start:sp.start]) or (
                not text[line_start:sp.start].strip() and not re.search(r"[^\W\d_]{4,}", rest)):
            how = "dateline" if in_dateline(text, sp) else "publication line"
            return TimeRef(ref.date, DAY, sp, f"filed on {ref.date} (the report's {how}: '{sp.text}')")
    return None


def resolve_event_time(text: str, sentence: Span, published: date | None) -> TimeRef:
    """The date of the event a sentence states.

    The first expression that can date an event wins (reports lead with it: "On 21 March
    2020, ..."), skipping ones that cannot: a bare year or "since 2011", dates after
    publication, and ones introduced by background cues ("since", "until", "held on",
    "ahead of"). A dateline's date is the filing date: it dates the event only when the sentence
    gives no other. A sentence with no usable expression is dated to the publication day (wire
    reports are about that day), unless all it gives is a year or a date long before publication
    ("in 2014", "in August 2013"): then it is dated there, and ``is_background`` says so.
    """
    return _dated(text, sentence, published)[1]


def _dated(text: str, sentence: Span, published: date | None) -> tuple[int | None, TimeRef]:
    """``resolve_event_time`` with the rank of the expression chosen: 0 the sentence's own day, 1 a dateline's or
    a statement's (or a toll revision's) day, 2 one that needs the unknown publication date; None when no
    expression of the sentence dates it."""
    published = _as_day(published)
    candidates: list[tuple[int, TimeRef]] = []
    old: TimeRef | None = None   # a year, or a "since" before the window: the sentence tells background
    ahead: TimeRef | None = None  # a day after publication: the sentence tells what is planned
    for sp in find_time_expressions(text, sentence.start, sentence.end):
        ref = resolve_expression(sp.text, published)
        ref = TimeRef(ref.date, ref.precision, sp, ref.reason)
        if ref.date is None:
            if ref.reason.endswith("publication date is unknown"):
                candidates.append((2, ref))
            continue
        if _YEAR_ONLY.match(sp.text.strip()):
            # a year before the publication year is background, however close its end ("in 2017" in January 2018):
            # dated to its January, so that ``is_background`` says so
            last = _last_year(sp)
            if old is None and last is not None and published is not None and last < published.year:
                old = TimeRef(date(last, 1, 1), MONTH, sp, f"background: '{sp.text.strip()}' is before the publication year")
            continue  # year only
        if _background(text, sentence, sp):
            # "Since March, the group has seized ...": a sentence that opens with a long-past "since" sums up
            if old is None and _SINCE.match(sp.text) and not text[sentence.start:sp.start].strip() \
                    and is_background(ref, published):
                old = TimeRef(ref.date, ref.precision, sp, f"background: '{sp.text.strip()}' began before publication")
            continue  # "since 2011", "the election held on 28 April": not when the event happened
        if published is not None and ref.date > published + timedelta(days=FUTURE_TOLERANCE_DAYS):
            if ref.precision == DAY:  # "on Nov. 25", "from Thursday": a day set for it ("April 2019 elections" is not)
                ahead = ahead or TimeRef(ref.date, ref.precision, sp, f"ahead: '{sp.text.strip()}' is after publication")
            continue
        rank = 1 if in_dateline(text, sp) or _statement_date(text, sentence, sp) else 0
        candidates.append((rank, ref))
    if candidates:
        candidates.sort(key=lambda c: c[0])  # stable: reading order within a rank
        return candidates[0]
    if old is not None:
        return None, old
    if ahead is not None:
        return None, ahead
    if published is None:
        return None, _unresolved("no date in sentence and the publication date is unknown")
    return None, TimeRef(published, DAY, None, "no date in sentence: publication date")
