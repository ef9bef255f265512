"""Number words: "12", "1,200", "twelve", "twenty-five", "a dozen", "dozens", "hundreds".

Shared by the count extractor and the date resolver. Pure functions and module-level tables;
nothing is loaded at call time.

Vague quantities follow ACLED's published coding practice for fatalities:
"dozens" counts as 12, "tens" as 10, "hundreds" as 100, "thousands" as 1000. "Several" (and
"a few") is coded 3: the smallest figure the word can honestly mean, which is also what
ACLED's own notes do when they spell a vague toll out ("several dead ... coded as 3").
"Scores" is 20 (one score). "Many", "some", "a number of" and "unknown number of" carry no
number at all and give None: a caller should treat them as "an unknown count", never guess.
"""
from __future__ import annotations

import re

from eventsift import lexicon as lex


def _values(name: str) -> dict[str, int]:
    return {word: int(value) for word, value in lex.mapping(name).items()}


# the words and their values are in src/eventsift/lexicon/numbers.tsv
CARDINALS: dict[str, int] = _values("number_cardinals")
UNITS: dict[str, int] = {**CARDINALS, **_values("number_determiners")}
TENS: dict[str, int] = _values("number_tens")
SCALES: dict[str, int] = _values("number_scales")
# Plural vague quantities: ACLED's conservative readings (see module docstring).
VAGUE: dict[str, int] = _values("number_vague")
SMALL_GROUPS: dict[str, int] = _values("number_groups")

# the words that make a number on their own (not "a", "no", "single": only inside a phrase)
NUMBER_WORDS = sorted((*CARDINALS, *TENS, *SCALES), key=len, reverse=True)
_WORD_ALT = "|".join(NUMBER_WORDS)
# what may stand before a group noun: "a dozen", "two dozen", ... "ten scores"
_GROUP_COUNT_ALT = "|".join(["a", *(w for w, n in CARDINALS.items() if 1 <= n <= 10)])

# A regex fragment that matches one number phrase (digits or words); used by other modules.
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    rf"|(?:(?:{_GROUP_COUNT_ALT})\s+)?(?:{lex.alternation('number_group_patterns')})(?:\s+of)?"
    rf"|{lex.alternation('number_round_patterns')}"
    rf"|(?:{_WORD_ALT})(?:[\s-]+(?:and\s+)?(?:{_WORD_ALT}))*"
    rf"|{lex.alternation('number_few_patterns')})"
)
NUMBER_RE = re.compile(rf"\b{NUMBER_PATTERN}\b", re.IGNORECASE)

_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_SPLIT_RE = re.compile(r"[\s-]+")


def parse_number(words: str) -> int | None:
    """The integer a number phrase stands for, or None when it is not a number.

    "12" -> 12, "1,200" -> 1200, "twelve" -> 12, "twenty-five" -> 25, "a dozen" -> 12,
    "two dozen" -> 24, "dozens" -> 12, "tens" -> 10, "hundreds" -> 100, "scores" -> 20,
    "several" -> 3, "a"/"an"/"one" -> 1, "one hundred and five" -> 105. Vague words without a
    number ("many", "some", "a number of") give None.
    """
    text = words.strip().lower().rstrip(".,;:")
    if not text:
        return None
    if _DIGITS_RE.match(text):
        return int(text.replace(",", ""))
    if text.endswith(" of"):
        text = text[:-3].strip()
    if text in VAGUE:
        return VAGUE[text]
    tokens = [t for t in _SPLIT_RE.split(text) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok.isdigit():
            current += int(tok)
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok in SMALL_GROUPS:
            current = (current or 1) * SMALL_GROUPS[tok]
            seen = True
        elif tok.rstrip("s") in SMALL_GROUPS and tok.endswith("s"):
            # "two dozens" reads as "two dozen"; a bare "dozens" was handled by VAGUE
            current = (current or 1) * SMALL_GROUPS[tok.rstrip("s")]
            seen = True
        elif tok in SCALES:
            scale = SCALES[tok]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
            seen = True
        else:
            return None
    return total + current if seen else None
