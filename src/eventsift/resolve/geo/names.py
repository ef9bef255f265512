"""Name keys for places: the same place written many ways must meet on one key.

``key()`` folds case, accents (ḑ, ā), hyphens, apostrophes and ayn/hamza marks ("Bza'a"), writes St/Mt/Ft out
(Saint, Mount, Fort) and drops a leading Arabic article (al-, el-, Al , ad-, ar-, as-, ash- ...). ``loose()`` goes further for common
transliteration variants: doubled letters, a final -h, q/k, ou/u, ee/i, dh/d, kh/k, j/dj.
Lookups try ``key`` first and fall back to ``loose``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ... import lexicon as lex

#: leading articles dropped from a key when more words follow ("Al Bab" -> "bab", "Ar Raqqah" -> "raqqah")
ARTICLES = lex.words("geo_key_articles")

#: abbreviated words of place names written either way ("St. Louis", "Saint Louis"; "Mt Kenya", "Mount Kenya")
SHORT_WORDS = lex.mapping("geo_key_short_words")

#: characters that are not letters but join or mark a word; they vanish from a key
_MARKS = dict.fromkeys(map(ord, "'’‘`´ʻʼʿʾ\u02bc\u02bb\u2019\u2018\u00b4\u0060\""), None)
#: letters that NFKD does not decompose into ASCII
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
                       "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ə": "e"})
_SEP = re.compile(r"[\s\-‐‑–—_/.,()]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")

#: (pattern, replacement) applied in order by ``loose``: spelling variants of transliterations
_LOOSE = (
    (re.compile(r"([a-z])\1+"), r"\1"),       # Raqqa / Raqa, Mosul / Mossul
    (re.compile(r"ou"), "u"),                 # Dourma / Durma
    (re.compile(r"ee"), "i"),                 # Deir / Dier variants
    (re.compile(r"q"), "k"),                  # Qamishli / Kamishli
    (re.compile(r"(?<=[a-z])(kh|gh|dh|th|sh)"), lambda m: m.group(1)[0]),
    (re.compile(r"dj"), "j"),
    (re.compile(r"(?<=[a-z])h\b"), ""),       # Raqqah / Raqqa
    (re.compile(r"y"), "i"),
    (re.compile(r"e"), "a"),                  # Deir ez-Zor / Dayr az Zawr
    (re.compile(r"w"), "u"),
    (re.compile(r"au"), "u"),                 # Zawr / Zor
    (re.compile(r"o"), "u"),
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, accents and marks removed, separators as single spaces (no article stripping)."""
    text = text.translate(_MARKS).lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SEP.sub(" ", text)
    text = _NON_WORD.sub("", text)
    return " ".join(text.split())


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """The lookup key of a place name: folded, with a leading article removed."""
    words = [SHORT_WORDS.get(w, w) for w in fold(text).split()]
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=200_000)
def loose(text: str) -> str:
    """A coarser key that merges common transliteration variants (used only when ``key`` misses)."""
    k = key(text)
    for pattern, repl in _LOOSE:
        k = pattern.sub(repl, k)
    # collapse any new doubles made by the replacements, and articles glued to the word
    k = re.sub(r"([a-z])\1+", r"\1", k)
    return k.replace(" ", "")


def is_latin(text: str) -> bool:
    """True when a name is written in Latin letters (alternate names in other scripts are not indexed)."""
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True
