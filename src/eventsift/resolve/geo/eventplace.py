"""The event's own place among the places of its report: the one its sentence names for it (not a speaker's,
an origin's, a dateline's or an outlet's), else the next sentences', else the region named, else the article's
dominant place."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ... import lexicon as lex
from ...models import Place, Span
from .readings import not_a_place_reading
from .resolver import km

EVENT_NEXT_CHARS = 600  # how far into the paragraph event_place looks after an empty sentence

_REPORTING = re.compile(r"^\W{0,3}(?:(?:" + lex.alternation("geo_reporting_auxiliaries") + r") )?"
                        r"(?:" + lex.alternation("geo_reporting_verbs") + r")\b", re.IGNORECASE)
_STATEMENT_BEFORE = re.compile(r"(?:" + lex.alternation("geo_statement_words") + r")\b[^.;]{0,40}\b"
                               r"(?:" + lex.alternation("geo_statement_prepositions") + r")\s+(?:the\s+)?$",
                               re.IGNORECASE)
_BASED_AFTER = re.compile(r"^[-\s]?(?:" + lex.alternation("geo_origin_after") + r")\b", re.IGNORECASE)
_ORIGIN_BEFORE = re.compile(r"\b(?:" + lex.alternation("geo_origin_before") + r")\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_AFTER = re.compile(r"^\s+(?:" + lex.alternation("geo_subject_verbs") + r")\b")
# "a law imposed by Beijing", "a deal with Moscow": a capital as the government that acts or deals
_GOVERNMENT_BEFORE = re.compile(r"\b(?:" + lex.alternation("geo_government_prepositions") + r")\s+$", re.IGNORECASE)
_PARA_BREAK = re.compile(r"\n\s*")
_CODED_TO = re.compile(r"coded\s+to\s+$", re.IGNORECASE)
#: what may follow the dateline's town: ", Somalia", the filing date (", Jan 16"), the agency in brackets
#: (" (AP)"), then a dash; or an upper-case town and a dash
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                            r"\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--|-|:)\s")
#: a whole dateline: an upper-case place opening the line, up to three more places after commas ("CAMP X,
#: Town, Province -"), the filing date, the agency in brackets and a dash
_DATELINE_LINE = re.compile(r"[\s\"'“]*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Za-z][\w.'’-]*){0,3}){0,3}?"
                            r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--|-|:)\s")
#: the agency slot of a dateline: "KABUL (Agency) —", "NEW DELHI, June 17 (Agency) -"
_AGENCY_BEFORE = re.compile(r"^[\s\"'“]*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
                            r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\($")
_AGENCY_AFTER = re.compile(r"^[^()\n]{0,30}\)\s*(?:—|–|--|-|:)\s")
#: what may come before it on its line: an outlet's name in capitals, a date
_DATELINE_HEAD = re.compile(r"[\s\"'“]*(?:[A-Z]{2,}[\w ]{0,20},\s*)?")
#: the dateline's town is where the report was filed: below any place the sentence names
W_DATELINE = 3.0
_EVENT_BEFORE = re.compile(r"\b(?:" + lex.alternation("geo_event_prepositions") + r")\s+(?:the\s+)?"
                           r"(?:(?:" + lex.alternation("geo_event_direction_words") + r")\s+)?$", re.IGNORECASE)


# --- the event's own place ------------------------------------------------------------------------------
def _agency(text: str, span: Span) -> bool:
    """Whether the place is a word of the news agency's name in a dateline's brackets ("BANGKOK (Meridian) —"):
    an outlet, never where anything happened."""
    line_start = text.rfind("\n", 0, span.start) + 1
    head = text[line_start:span.start]
    cut = head.rfind("(")
    return cut >= 0 and bool(_AGENCY_BEFORE.match(head[:cut + 1])) and bool(_AGENCY_AFTER.match(text[span.start:]))


def _dateline(text: str, span: Span) -> bool:
    """Whether the place opens a wire report's dateline ("MOGADISHU, Somalia (AP) —", "PORT SUDAN —",
    "KABUL (Reuters) -") or is one of the places after its first ("CAMP X, Labangan, Zamboanga del Sur -"):
    where the report was filed, not where the event happened."""
    line_start = text.rfind("\n", 0, span.start) + 1
    whole = _DATELINE_LINE.match(text, line_start)
    if whole is not None and span.end <= whole.end() and span.start > line_start + 1:
        return True
    if text[line_start:span.start].strip(" \t\"'“"):
        head = text[line_start:span.start]
        if not _DATELINE_HEAD.fullmatch(head):
            return False
    return bool(_DATELINE_TAIL.match(text, span.end))


def _event_score(text: str, p: Place, trigger: Span | None, rivals: bool = False) -> tuple[float, str] | None:
    """How likely ``p`` is where the event happened; None when it is a speaker's or an origin's place."""
    s = p.span
    before = text[max(0, s.start - 60):s.start]
    after = text[s.end:s.end + 30]
    if _BASED_AFTER.match(after):
        return None
    if not_a_place_reading(text, s.start, s.end, {p.feature_code}):
        return None   # a currency, an outlet or an organisation named after the place
    if _REPORTING.match(after) and p.geo_precision == 1 and p.feature_code == "PPLC":
        return None  # "Moscow denied": the government speaking
    if _REPORTING.match(after) and p.feature_code in ("PCLI", "PPLC"):
        return None
    if _STATEMENT_BEFORE.search(before):
        return None
    if p.feature_code in ("PPLC", "PCLI") and _SUBJECT_AFTER.match(after) and not _EVENT_BEFORE.search(before):
        return None  # "Moscow was working to ...", "Washington will ...": the government acting
    if p.feature_code == "PPLC" and _GOVERNMENT_BEFORE.search(before):
        return None  # "the security law imposed by Beijing": the government that acted
    score, why = 0.0, []
    if rivals and _dateline(text, s):
        score -= W_DATELINE
        why.append("dateline")
    if _CODED_TO.search(before):
        score += 5
        why.append("coded to")
    if _EVENT_BEFORE.search(before):
        score += 2
        why.append("event context")
    if _ORIGIN_BEFORE.search(before):
        score -= 2
        why.append("origin")
    score += {1: 2.0, 2: 1.0, 3: 0.0}.get(p.geo_precision, 0.0)
    if p.feature_code == "PCLI":
        score -= 0.5
    if trigger is not None:
        gap = abs(s.start - trigger.end) if s.start >= trigger.end else abs(trigger.start - s.end) + 40
        score -= min(gap, 400) / 400
    return score, ", ".join(why) or "in the sentence"


#: a settlement the sentence names as such ("the village of X", "X village")
_SETTLEMENT_NAMED = re.compile(r"\b(?:" + lex.alternation("geo_settlement_nouns") + r")s?\s+of\s+"
                               r"([A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)*)|"
                               r"\b([A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)*)\s+(?:"
                               + lex.alternation("geo_settlement_nouns_after") + r")\b")


def _unknown_settlement(text: str, sentence: Span, located: list[Place]) -> str | None:
    """The name of a village the sentence names that is not among the places found (the gazetteer lacks it)."""
    for m in _SETTLEMENT_NAMED.finditer(text, sentence.start, sentence.end):
        start, end = m.span(1) if m.group(1) else m.span(2)
        if not any(p.span.start < end and start < p.span.end for p in located):
            return text[start:end]
    return None


def _within(p: Place, region: Place) -> bool:
    """Whether ``p`` lies inside the admin area ``region`` as far as their admin names tell (a country or a place
    without admin names: yes)."""
    if region.feature_code not in ("ADM1", "ADM2"):
        return True
    if region.admin1 and p.admin1 and p.admin1 != region.admin1:
        return False
    return not (region.feature_code == "ADM2" and region.admin2 and p.admin2 and p.admin2 != region.admin2)


#: how far a place whose admin names are unknown (a capital) must lie from an area's point to be outside it
OUTSIDE_KM = 200.0


def _outside(p: Place, area: Place) -> bool:
    """Whether ``p`` clearly lies outside the admin area ``area``: another admin name, or (its names unknown, as for
    some capitals) far from the area's point."""
    if not _within(p, area):
        return True
    if p.admin1 or p.latitude is None or area.latitude is None:
        return False
    return km(p.latitude, p.longitude, area.latitude, area.longitude) > OUTSIDE_KM


def event_place(text: str, places: list[Place], sentence: Span, trigger: Span | None = None) -> Place | None:
    # a demonym ("Syrian") says whose, not where: it never becomes an event place
    located = [p for p in places if p.span is not None and p.latitude is not None
               and not (p.reason or "").startswith("demonym") and not _agency(text, p.span)]
    # the dateline's town is where the report was filed: the event is put there only when neither its
    # sentence, nor the next ones, nor the rest of the report place it anywhere else
    filed = [p for p in located if _dateline(text, p.span)]
    located = [p for p in located if not _dateline(text, p.span)]
    inside = [p for p in located if sentence.start <= p.span.start and p.span.end <= sentence.end]
    # the dateline's town gives way to a town or village the sentence names ("PORT SUDAN — ... in El Fasher"),
    # not to the country or region around it ("TRIPOLI — ... Libya's government ... the capital")
    towns = [p for p in inside if p.geo_precision == 1 and not _dateline(text, p.span)]
    # nor to a province or district the sentence names that does not hold it ("BAMAKO — ... in the Mopti region")
    areas = [p for p in inside if p.feature_code in ("ADM1", "ADM2") and not _dateline(text, p.span)]
    scored = []
    for p in inside:
        rivals = any(q.name != p.name for q in towns) or any(q.name != p.name and _outside(p, q) for q in areas)
        r = _event_score(text, p, trigger, rivals=rivals)
        if r is not None:
            scored.append((r[0], p, r[1]))
    unknown = _unknown_settlement(text, sentence, located)
    if unknown:
        # the sentence's village is one the gazetteer lacks: it is not at the dateline's town (where the report was
        # filed) but in the area the text names for it
        scored = [t for t in scored if not _dateline(text, t[1].span)]
    scored.sort(key=lambda t: -t[0])
    if scored and scored[0][1].geo_precision == 1:
        sc, p, why = scored[0]
        return replace(p, reason=f"event place: {p.name} ({why}); {p.reason}")
    region = scored[0][1] if scored else None
    # the sentence names only a region (or nothing): the next sentences of the same paragraph
    # (news reports often set each sentence as its own paragraph: the next one counts as the same paragraph)
    limit = min(len(text), sentence.end + EVENT_NEXT_CHARS)
    breaks = [m.start() for m in _PARA_BREAK.finditer(text, sentence.end, limit)]
    if len(breaks) >= 2:
        limit = breaks[1]
    later = []
    for p in located:
        if (unknown and region is None and sentence.end <= p.span.start < limit
                and p.feature_code in ("ADM1", "ADM2") and _event_score(text, p, None) is not None):
            later.append((-1.0 - (p.span.start - sentence.end) / EVENT_NEXT_CHARS, p, f"area of {unknown}"))
            continue
        if sentence.end <= p.span.start < limit and p.geo_precision == 1:
            if region is not None and region.iso3 and p.iso3 and p.iso3 != region.iso3:
                continue
            if region is not None and not _within(p, region):
                continue   # a town named next refines the region only when it lies inside it
            r = _event_score(text, p, None)
            if r is not None:
                later.append((r[0] - (p.span.start - sentence.end) / EVENT_NEXT_CHARS, p, r[1]))
    if later:
        later.sort(key=lambda t: -t[0])
        sc, p, why = later[0]
        return replace(p, geo_precision=max(2, p.geo_precision or 2),
                       reason=f"event place from the next sentence: {p.name} ({why}); {p.reason}")
    if region is not None:
        return replace(region, reason=f"event place: only the region {region.name} is named; {region.reason}")
    # the article's dominant place
    counts: Counter = Counter()
    by_name: dict[tuple, Place] = {}
    for p in located:
        if _event_score(text, p, None) is None or (unknown and _dateline(text, p.span)):
            continue
        k = (p.name, p.iso3, p.feature_code)
        counts[k] += 2 if p.geo_precision == 1 else 1
        by_name.setdefault(k, p)
    if not counts:
        if filed:
            p = filed[0]
            return replace(p, geo_precision=2, reason=f"event place: only the dateline names a place, {p.name}; {p.reason}")
        return None
    k, n = counts.most_common(1)[0]
    p = by_name[k]
    prec = 2 if p.geo_precision == 1 else 3
    return replace(p, geo_precision=prec, reason=f"event place: the article's dominant place {p.name} ({n} mentions); {p.reason}")
