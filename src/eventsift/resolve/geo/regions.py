"""Names the package sources lack: the abbreviations of states and provinces that news writing uses
("Calif.", "N.J.", "Ont.", "NSW"), kept in data/geo/abbreviations.tsv. Macro-regions, seas and oceans are in the
reference-point table (points.py, data/geo/reference_points.tsv)."""
from __future__ import annotations

from . import facts


def _abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for cc, name, *forms in facts.rows("abbreviations.tsv", "state_abbreviations"):
        for form in forms:
            out[form] = out.get(form, ()) + ((cc, name),)
    return out


#: state and province abbreviations (AP style with dots, and postal codes): written form -> every (cc, admin1 name)
#: it may stand for ("WA": Washington or Western Australia); the article's country focus chooses among them.
#: Looked up only as written (case and dots), never folded, so "Ga." is Georgia but "ga" is nothing.
ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = _abbreviations()

#: short forms of cities (written as is) -> (cc, city name)
CITY_ABBREVIATIONS: dict[str, tuple[str, str]] = {form: (cc, name) for form, cc, name
                                                  in facts.rows("abbreviations.tsv", "city_abbreviations")}

#: postal forms that news writing also uses on their own, not only after a town ("in BC", "across NSW")
STANDALONE_ABBREVIATIONS = frozenset(form for (form,) in facts.rows("abbreviations.tsv", "standalone_abbreviations"))
