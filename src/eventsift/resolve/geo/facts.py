"""Tables of facts about places, kept as data in ``src/eventsift/data/geo/*.tsv`` in the lexicon's format
(``set<TAB>entry[<TAB>value ...]``, ``#`` comments): the seats of regions and governments (``seats.tsv``),
the abbreviations of states, provinces and cities (``abbreviations.tsv``). Words live in the lexicon; these
files hold what is true of particular places."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ... import lexicon as lex


@lru_cache(maxsize=None)
def _sets(file: str) -> dict[str, tuple[lex.Entry, ...]]:
    text = resources.files("eventsift.data").joinpath(f"geo/{file}").read_text(encoding="utf-8")
    return lex.read([(f"data/geo/{file}", text)])


def rows(file: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Every row of the set ``name`` in ``data/geo/<file>`` as (entry, value, ...), in file order."""
    try:
        found = _sets(file)[name]
    except KeyError:
        raise lex.LexiconError(f"no set named {name!r} in data/geo/{file}; add rows '{name}<TAB>entry'") from None
    return tuple((e.entry, *e.values) for e in found)
