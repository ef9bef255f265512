"""Word and word-pair features of a text: lower-cased, numbers folded into one token."""
from __future__ import annotations

import re

NUMBER = "<num>"
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")


def tokens(text: str) -> list[str]:
    """Lower-cased words; every number is the same token ('killed 7' and 'killed 12' alike)."""
    out = []
    for tok in _TOKEN.findall(text.lower()):
        out.append(NUMBER if tok[0].isdigit() else tok.replace("’", "'"))
    return out


def features(text: str, ngrams: int = 2) -> set[str]:
    """The set of word n-grams (1..ngrams) of a text; presence, not counts."""
    words = tokens(text)
    out = set(words)
    for n in range(2, ngrams + 1):
        out.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return out
