"""Readings of a place name that make it part of something else: a currency ("US dollars"), a news outlet or
broadcaster ("Kabul Times", "Voice of America", "the Punch reported"). Such a name stays a toponym for
geoparsing, but it is no event place and casts no vote for the article's country. The word lists are in
data/geo/readings.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ... import lexicon as lex

#: a name after "the" and before a reporting verb is an outlet when only settlements bear it ("the Punch reported")
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_OUTLET_VERB_AFTER = re.compile(r"^\s(?:" + lex.alternation("geo_outlet_verbs") + r")\b")


@lru_cache(maxsize=1)
def _readings() -> dict:
    data = json.loads(resources.files("eventsift.data").joinpath("geo/readings.json").read_text(encoding="utf-8"))
    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    return {
        "currency": lower(data["currency_after"]), "signs": tuple(data["currency_signs"]),
        "outlet_cap": tuple(sorted(data["outlet_after_capitalised"], key=len, reverse=True)),
        "outlet_lower": tuple(sorted(lower(data["outlet_after_lower"]), key=len, reverse=True)),
        "outlet_before": tuple(data["outlet_before"]),
    }


def reading(text: str, start: int, end: int) -> str | None:
    """Whether the name at ``start:end`` is part of something that is not a place: "currency" ("US dollars",
    "US$"), "outlet" ("Kabul Times", "Fars news agency", "Voice of America"), "the-outlet" ("the Punch
    reported": an outlet only if the name is a settlement's). None for a plain place."""
    r = _readings()
    after = text[end:end + 40]
    if after.startswith(r["signs"]):
        return "currency"
    m = re.match(r"[\s-]?([^\W\d_]+)", after)
    if m and m.group(1).lower() in r["currency"]:
        return "currency"
    if after[:1] == " ":
        rest = after[1:]
        for w in r["outlet_cap"]:
            if rest.startswith(w) and not rest[len(w):len(w) + 1].isalpha():
                return "outlet"
        low = rest.lower()
        for w in r["outlet_lower"]:
            if low.startswith(w) and not low[len(w):len(w) + 1].isalpha():
                return "outlet"
    before = text[max(0, start - 30):start]
    if any(before.endswith(w + " ") for w in r["outlet_before"]):
        return "outlet"
    if _THE_BEFORE.search(before) and _OUTLET_VERB_AFTER.match(after):
        return "the-outlet"
    return None


#: the kinds of place that English names with "the" ("the Netherlands", "the Punjab", "the Sahel")
_NAMED_WITH_THE = frozenset({"PCLI", "ADM1", "CONT", "RGN"})


def not_a_place_reading(text: str, start: int, end: int, codes: set[str] | frozenset[str]) -> str | None:
    """The reading that makes the name at ``start:end`` no event place and no vote for the article's country
    (``codes``: the feature codes the name may stand for)."""
    r = reading(text, start, end)
    if r == "the-outlet" and codes & _NAMED_WITH_THE:
        return None   # "the Netherlands said": a country named with its article
    return r
