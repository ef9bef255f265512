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

UNITS: dict[str, int] = {
    "zero": 0, "no": 0, "none": 0,
    "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Plural vague quantities: ACLED's conservative readings (see module docstring).
VAGUE: dict[str, int] = {
    "dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "thousands": 1000,
    "several": 3, "a few": 3, "few": 3, "a couple": 2, "a couple of": 2, "couple": 2,
    "a pair of": 2, "both": 2, "a handful of": 3,
}
SMALL_GROUPS: dict[str, int] = {"dozen": 12, "score": 20, "pair": 2, "couple": 2}

NUMBER_WORDS = sorted(
    [w for w in (*UNITS, *TENS, *SCALES) if w not in {"a", "an", "no", "none", "single", "lone"}],
    key=len,
    reverse=True,
)
_WORD_ALT = "|".join(NUMBER_WORDS)

# A regex fragment that matches one number phrase (digits or words); used by other modules.
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    r"|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:dozens?|scores?)(?:\s+of)?"
    r"|tens\s+of|hundreds(?:\s+of)?|thousands(?:\s+of)?"
    rf"|(?:{_WORD_ALT})(?:[\s-]+(?:and\s+)?(?:{_WORD_ALT}))*"
    r"|several|a\s+few|a\s+couple(?:\s+of)?|a\s+handful\s+of)"
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
