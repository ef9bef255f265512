"""Seats of first-level regions that the packaged data cannot tell.

The cities files carry no feature codes, so a region's seat is found by rule: the town named like the region,
else the region's biggest town. That rule fails where the capital is not the biggest town (Qala-i-Naw in
Badghis, Kandi in Alibori, Asaba in Delta, Toluca in Mexico State) or where the sources join a town to the wrong
region. ACLED codes an event known only to a province at the provincial capital, so the seat matters.

The table (data/geo/seats.tsv) is our own list of the administrative centres of first-level regions in conflict-affected and
large countries where the rule picks the wrong town. Keys: ISO country code, then the region's name as the
gazetteer spells it (compared by name key); values: the seat's name as the gazetteer may spell it. A seat is
looked for inside its region first, then anywhere in the country (Kyiv for Kyiv oblast, Bogotá for
Cundinamarca: capitals that form their own region).
"""
from __future__ import annotations

from . import facts


def _admin1_seats() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for cc, region, seat in facts.rows("seats.tsv", "admin1_seats"):
        out.setdefault(cc, {})[region] = seat
    return out


#: ISO country code -> the region's name as the gazetteer spells it -> the seat's name (data/geo/seats.tsv)
ADMIN1_SEATS: dict[str, dict[str, str]] = _admin1_seats()

#: Countries whose government sits outside the official capital, where a coder puts a national event (a march
#: "in the capital", a strike known only to the country): Benin's government and ACLED's national events are in
#: Cotonou, not Porto-Novo; Côte d'Ivoire's in Abidjan, not Yamoussoukro; Bolivia's in La Paz, not Sucre; the
#: Netherlands' in The Hague; Tanzania's largely in Dar es Salaam. Keys: ISO country code; values: the town's name.
GOVERNMENT_SEATS: dict[str, str] = dict(facts.rows("seats.tsv", "government_seats"))
