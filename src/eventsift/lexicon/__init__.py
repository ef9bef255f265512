"""The lexicon: the word lists that extraction and place finding use, kept as data beside this module.

Each ``*.tsv`` file here is one kind of knowledge (triggers, senses that are not events, weapons,
modality cues, toll nouns, ...). A file holds named sets, one entry per line::

    # comment
    set_name<TAB>entry[<TAB>value ...]

Code names a set by its meaning and never lists words itself::

    from eventsift import lexicon as lex
    if tok.lemma_ in lex.words("pact_nouns"): ...
    re.compile(r"\\b(?:" + lex.alternation("transport_verbs") + r")\\b")

A set name is unique across all files (loading fails otherwise), so ``lex.words("x")`` needs no
file name. Entries keep their file order: ``entries`` and ``alternation`` return them as written,
which matters for regex alternatives, where the first alternative that matches wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


class LexiconError(ValueError):
    """A lexicon file is malformed or a set is asked for that no file defines."""


@dataclass(frozen=True, slots=True)
class Entry:
    entry: str
    values: tuple[str, ...]
    file: str
    line: int


def read(files) -> dict[str, tuple[Entry, ...]]:
    """Parse ``(file name, text)`` pairs into named sets; raises LexiconError on a malformed row."""
    found: dict[str, list[Entry]] = {}
    where: dict[str, str] = {}
    for file, text in files:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2 or not parts[0] or parts[1] == "":
                raise LexiconError(f"{file}:{number}: expected 'set<TAB>entry[<TAB>value]', got {line!r}")
            name = parts[0]
            if where.setdefault(name, file) != file:
                raise LexiconError(f"{file}:{number}: set {name!r} is already defined in {where[name]}; "
                                   "set names are unique across lexicon files")
            found.setdefault(name, []).append(Entry(parts[1], tuple(parts[2:]), file, number))
    return {name: tuple(items) for name, items in found.items()}


@lru_cache(maxsize=1)
def _sets() -> dict[str, tuple[Entry, ...]]:
    folder = resources.files(__name__)
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name)
    return read((p.name, p.read_text(encoding="utf-8")) for p in paths)


def _get(name: str) -> tuple[Entry, ...]:
    try:
        return _sets()[name]
    except KeyError:
        raise LexiconError(f"no lexicon set named {name!r}; add rows '{name}<TAB>entry' to a file in "
                           f"{resources.files(__name__)}") from None


def items(name: str) -> tuple[Entry, ...]:
    """A set's rows as read, with the file and line of each (for tables whose rows are checked on load)."""
    return _get(name)


def data_table(name: str) -> list[list[str]]:
    """The rows of a tab-separated table in ``eventsift/data`` (``#`` starts a comment line), as lists of fields:
    the larger tables (taxonomy, actors' countries, generic heads, export columns) kept beside the word sets."""
    text = resources.files("eventsift.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def names() -> list[str]:
    """Every set name, sorted."""
    return sorted(_sets())


def source(name: str) -> str:
    """The file a set lives in."""
    return _get(name)[0].file


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """A set's entries in file order (duplicates dropped, first kept)."""
    return tuple(dict.fromkeys(e.entry for e in _get(name)))


@lru_cache(maxsize=None)
def words(*names_: str) -> frozenset[str]:
    """The union of one or more sets, for membership tests."""
    return frozenset(w for n in names_ for w in entries(n))


@lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """entry -> its first value column (the entry's kind, family, replacement...)."""
    out: dict[str, str] = {}
    for e in _get(name):
        if not e.values:
            raise LexiconError(f"{e.file}:{e.line}: set {name!r} needs a value column after {e.entry!r}")
        out.setdefault(e.entry, e.values[0])
    return out


@lru_cache(maxsize=None)
def numbers(name: str) -> dict[str, float]:
    """entry -> its value column read as a number (weights, multipliers)."""
    out: dict[str, float] = {}
    for entry, value in mapping(name).items():
        try:
            out[entry] = float(value)
        except ValueError:
            raise LexiconError(f"set {name!r}: value {value!r} of {entry!r} is not a number") from None
    return out


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Every row of a set as (entry, value, ...), for tables of more than two columns."""
    return tuple((e.entry, *e.values) for e in _get(name))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """The set's entries joined as regex alternatives, in file order; entries are regex fragments."""
    return "|".join(entries(name))
