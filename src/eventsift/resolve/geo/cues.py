"""What the finder reads around a capitalised word: the word sets and patterns of place contexts (from
lexicon/places.tsv and geo_names.tsv), the tokens of a text, and the records the finder returns (Found, Demonym).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import lexicon as lex
from .gazetteer import Entry
from .names import fold

#: a place this populous (or a country, a first-level region, a continent) is a place even as the first
#: word of an organisation's name or a title ("The Washington Post", "Pakistan Army", "US Ambassador");
#: set on GeoWebNews/TR-News dev runs (100k..3M tried; 100k gained little recall for lost precision)
BIG_POP = 300_000
BIG_CODES = lex.words("geo_big_codes")

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{1,3}&[A-Z]{1,3}\b|[^\W\d_][\w'’]*(?:[-‐][\w'’]+)*\.?", re.UNICODE)
#: "Fresno, Calif.", "ALLENDALE, N.J.": a capitalised word and a comma before a state's abbreviation
AFTER_TOWN = re.compile(r"[A-Z][\w'’.-]*,\s?$")
#: a dateline's place ("BANTAM — A man...", "HOLLIDAY, Mo. — ", "EDMONTON, Ky (WBKO)"): upper case, opening a line
#: or a sentence, followed (after an optional state) by a dash or a bracket
DATELINE_AFTER = re.compile(r"^(?:,\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s?(?:[—–]|--?\s|\()")
#: "Hugo, Oklahoma", "Ferndale, Michigan": the area named right after a comma
AREA_AFTER = re.compile(r"^,\s?([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})(?=$|[\s,.;:)])")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
AFTER_NUMBER = re.compile(r"\d\s*$")
HYPHEN = re.compile(r"[-‐]")
CODED_TO = re.compile(r"coded\s+to\s+$", re.IGNORECASE)
_POSSESSIVE = ("'s", "’s", "'", "’")
PREFIXED = re.compile(r"^(?:" + lex.alternation("geo_article_prefixes") + r")[-‐'’]", re.IGNORECASE)
#: lower-case words allowed inside a multi-word name ("Kabr al Mukri", "Bosnia and Herzegovina")
CONNECTORS = lex.words("geo_name_connectors")
#: capitalised words that are never a place on their own (our own list)
STOP = frozenset(fold(w) for w in lex.entries("geo_never_a_place_alone"))
#: capitalised nouns that open a name whose other words are never places ("Operation Restoring Hope")
NAME_OPENERS = frozenset(fold(w) for w in lex.entries("geo_name_openers"))
#: words before a person's name
TITLES = frozenset(fold(w) for w in lex.entries("geo_person_titles"))
#: lower-case words before a place that mark it as one ("in X", "the village of X")
BEFORE = lex.words("geo_words_before_place")
OF_WORDS = lex.words("geo_nouns_of_place")
AFTER = lex.words("geo_nouns_after_place")
REGION_WORDS = lex.words("geo_region_nouns")
DIRECTIONS = lex.words("geo_direction_words")
RELATIVE = re.compile(r"(?:\d[\d.,]*\s*(?:" + lex.alternation("geo_distance_units") + r")\b\s*\(?[^)]{0,20}?\)?\s*)?"
                       r"(?:" + lex.alternation("geo_compass_points") + r")(?:ern)?\s+of\s*$", re.IGNORECASE)
#: "Koualou (Materi, Atacora)": a capitalised name right after "(" or after "(Name, ", closed by "," or ")"; the name
#: before the bracket may carry its other name in square brackets ("Kangara [Kangara Peulh] (Karimama, Alibori)")
PAREN_LIST = re.compile(r"[^\W\d_][\w'’.-]*\]?\s\((?:[^\W\d_][\w'’.\s-]{0,30},\s)?$")
PAREN_CLOSE = re.compile(r"^\s?[,)]")
#: the last name of an administrative chain: "X district, Y", "X area of Y district, Z", "X (Y, Z)"
ADMIN_TAIL = re.compile(r"(?:\b(?:" + lex.alternation("geo_admin_chain_nouns") + r")\s*,|\([^()\d]{1,40},)\s*$",
                         re.IGNORECASE)
TAIL_END = re.compile(r"^(?:$|[,.;)]|\s*\n)")
#: what follows a multi-word local name that the gazetteer lacks as a whole ("the Marki Khel area of ...",
#: "Band Sharan of Ab Kamari district", "Khwaja Hijran (Jalga) district"): the whole run is one name,
#: not a known place followed by more words
LOCAL_AFTER = re.compile(r"^\s+(?:" + lex.alternation("geo_local_area_nouns") + r")\b|"
                          r"^\s+of\s+(?:the\s+)?[A-Z][^,.;()]{0,40}?\s(?:" + lex.alternation("geo_local_of_area_nouns") + r")\b|"
                          r"^\s\([A-Z][^()\d]{0,40}\)\s+(?:" + lex.alternation("geo_local_bracket_area_nouns") + r")|"
                          r"^\)\s+(?:" + lex.alternation("geo_local_closing_area_nouns") + r")\b|"
                          # ACLED's admin chain right after the name: "Bako Maka (Karimama, Alibori)"
                          r"^\s\([A-Z][^()\d,]{0,30},\s?[A-Z][^()\d,]{0,30}\)")
#: ACLED's admin chain after a place: " (Karimama, Alibori)", " [Kangara Peulh] (Karimama, Alibori)"
ADMIN_CHAIN_AFTER = re.compile(r"(?:\s\[[^\[\]]{1,40}\])?\s\([A-Z][^()\d,]{0,30},\s?[A-Z][^()\d,]{0,30}\)")
#: a weekday's name right after a word ("Red Wednesday", "Black Friday", "Bloody Sunday")
NAMED_DAY = re.compile(r"\s(?:" + lex.alternation("geo_weekdays") + r")\b")
#: lower-case nouns for a town's people and bodies: "Danbury police", "Torrington businesses", "Slidell residents"
LOCAL_NOUNS = lex.words("geo_local_body_nouns")
#: contexts that only a place fits ("the town of X", "X district", "near X"): they overrule a PERSON label
PLACE_ONLY_CONTEXTS = ("paren", "of:", "after:", "relative", "before:in", "before:near", "before:outside", "before:around",
                       "before:inside", "dateline", "area-after")
#: contexts that do not by themselves show a name to be a place (a later mention is not made one by them)
WEAK_CONTEXTS = frozenset({"", "bare", "list", "after-town", "abbreviation", "local", "tail", "repeat"})
#: NER labels that make a capitalised span a person's or an organisation's name, not a place
NOT_PLACE_LABELS = lex.words("not_place_entity_labels")
PLACE_LABELS = lex.words("event_place_entity_labels")
#: endings that make a country's name (whole, or less its last letter) into its demonym:
#: Syria-n, Iraq-i, Sudan-ese, Canad-ian, Mexic-an, Somali(a), Philippine(s)
DEMONYM_ENDINGS = frozenset({"", *lex.words("geo_demonym_endings")})
#: an ending-less stem ("Somali") must be at least this long, so that "Chin" is not China's
BARE_STEM_MIN = 5


#: demonyms that do not start like their country's name (our own list)
IRREGULAR_DEMONYMS = lex.mapping("geo_irregular_demonyms")
#: upper-case short names that are places ("US", "EU"); other short capitals are acronyms
KNOWN_CODES = lex.words("geo_place_codes")
#: the lengths of a bracketed acronym (see defines_acronym)
ACRONYM_MIN, ACRONYM_MAX = 2, 8
CONTINENTS = lex.entries("geo_continents")


@dataclass(frozen=True, slots=True)
class Found:
    """A toponym in the text (not yet resolved)."""

    start: int
    end: int
    text: str
    context: str = ""         # "before:in", "after:district", "of:village", "relative", "ner:GPE", "bare", "given"
    region_word: bool = False  # followed/preceded by district/province...: an admin area is meant
    direction: str = ""        # "northern" in "northern Syria"
    relative: bool = False     # "20 km north of X"
    known: bool = True         # in the gazetteer (False: an unknown name in a strong place context)


@dataclass(frozen=True, slots=True)
class Demonym:
    start: int
    end: int
    text: str
    cc: str   # a country code, or "@Europe" for a continent


def tokens(text: str) -> list[tuple[int, int, str]]:
    """The words of a text as (start, end, word), a possessive ending cut off ("Syria's" -> "Syria")."""
    out = []
    for m in _WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        for p in _POSSESSIVE:
            if w.endswith(p) and len(w) > len(p) + 1:
                w, e = w[: -len(p)], e - len(p)
                break
        out.append((s, e, w))
    return out


def is_cap(word: str) -> bool:
    """Whether a word is written capitalised, after an Arabic article too ("al-Bab")."""
    if word[:1].isupper():
        return True
    m = PREFIXED.match(word)
    return bool(m) and word[m.end():m.end() + 1].isupper()


def any_big(entries: list[Entry]) -> bool:
    """Whether any of the entries is a country, a first-level region, a continent, a capital or a big place."""
    return any(e.feature_code in BIG_CODES or e.population >= BIG_POP for e in entries)


def defines_acronym(text: str, start: int, end: int) -> bool:
    """Whether the span is a short name in capitals spelt out in brackets after what it stands for ("the
    National Liberation Army (ELN)", "Special Task Force (STF)", "a response team (HART)"): an organisation's
    acronym, never a place, whatever town shares its letters. Place codes ("(US)", "(DRC)") stay places."""
    phrase = text[start:end]
    return (text[start - 1:start] == "(" and text[end:end + 1] == ")" and text[start - 2:start - 1] == " "
            and ACRONYM_MIN <= len(phrase) <= ACRONYM_MAX and phrase.isupper() and phrase.isalnum()
            and phrase not in KNOWN_CODES)


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item (capitalised anyway)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(«":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;•|–—-"
