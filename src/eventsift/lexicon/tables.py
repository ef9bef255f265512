"""The larger word tables (named actors and their aliases, generic actor heads, countries and demonyms, identity
groups, trigger lemmas and phrases, weapons), loaded once from eventsift/data; shared by extraction and place finding."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from . import data_table


@dataclass(frozen=True, slots=True)
class NamedActor:
    name: str
    inter: int
    home: str | None  # ISO3 of the group's home country, None when transnational


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    # actor aliases: tuple of lower-case words -> NamedActor; longest alias length in words
    aliases: dict[tuple[str, ...], NamedActor]
    exact_aliases: dict[str, NamedActor]  # exact token text (case-sensitive acronyms)
    max_alias: int
    alias_starts: frozenset[str]  # first words of the aliases (a cheap gate before longer lookups)
    generic: dict[str, str]  # lemma or lower word -> kind
    ethnic: dict[str, str]  # lower word -> identity group name
    countries_by_word: dict[str, Country]  # demonym / name (lower, possibly multiword) -> Country
    countries_by_iso: dict[str, Country]
    max_country_words: int
    trigger_lemmas: dict[str, str]  # lemma -> family
    trigger_phrases: re.Pattern  # named groups per family
    phrase_family: dict[str, str]  # phrase -> family
    weapons: re.Pattern
    weapon_kind: dict[str, str]  # weapon word/phrase -> kind
    # named groups that govern where they act (their detentions are Arrests, as ACLED codes them)
    authorities: frozenset[str] = frozenset()
    # event words that, as nouns for people ("the attackers", "the injured"), tell who took part, not an act
    participants: frozenset[str] = frozenset()
    # nouns that an event word only describes when it modifies them ("fighting forces", "a fighting season")
    modifier_heads: frozenset[str] = frozenset()
    #: named actor -> (the day from which it governs its home country, the state forces it is then coded as)
    governing: dict[str, tuple[date, str]] = field(default_factory=dict)


def _data(name: str) -> str:
    return resources.files("eventsift.data").joinpath(name).read_text(encoding="utf-8")


def _alternation(phrases) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w])")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    actors = json.loads(_data("actors.json"))
    aliases: dict[tuple[str, ...], NamedActor] = {}
    exact: dict[str, NamedActor] = {}
    for row in actors["named"]:
        actor = NamedActor(row["name"], int(row["inter"]), row.get("home"))
        for alias in row.get("aliases", ()):
            aliases[tuple(_split(alias))] = actor
        for alias in row.get("case_sensitive_aliases", ()):
            exact[alias] = actor
    generic = {row[0]: row[1] for row in data_table("generic.tsv")}
    ethnic = {row[0]: row[1] for row in data_table("ethnic.txt")}
    by_word: dict[str, Country] = {}
    by_iso: dict[str, Country] = {}
    for iso3, name, words in data_table("countries.tsv"):
        country = Country(iso3, name)
        by_iso[iso3] = country
        for w in words.split(","):
            by_word.setdefault(w.strip(), country)
    triggers = json.loads(_data("triggers.json"))
    lemmas = {lemma: fam for fam, words in triggers["lemmas"].items() for lemma in words}
    phrase_family = {p: fam for fam, ps in triggers["phrases"].items() for p in ps}
    weapon_kind = {w: kind for kind, ws in triggers["weapons"].items() for w in ws}
    return Lexicon(
        aliases=aliases,
        exact_aliases=exact,
        max_alias=max(len(k) for k in aliases),
        alias_starts=frozenset(k[0] for k in aliases),
        generic=generic,
        ethnic=ethnic,
        countries_by_word=by_word,
        countries_by_iso=by_iso,
        max_country_words=max(len(_split(k)) for k in by_word),
        trigger_lemmas=lemmas,
        trigger_phrases=_alternation(phrase_family),
        phrase_family=phrase_family,
        weapons=_alternation(weapon_kind),
        weapon_kind=weapon_kind,
        authorities=frozenset(row["name"] for row in actors["named"] if row.get("authority")),
        participants=frozenset(triggers.get("participants", ())),
        modifier_heads=frozenset(triggers.get("modifier_heads", ())),
        governing={row["name"]: (date.fromisoformat(row["governs"]["from"]), row["governs"]["as"])
                   for row in actors["named"] if row.get("governs")},
    )


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _split(text: str) -> list[str]:
    """Split an alias into words exactly as spaCy's English tokenizer splits article text."""
    return [t.text for t in _tokenizer()(text.lower())]
