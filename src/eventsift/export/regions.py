"""ACLED's region names, keyed by ISO 3166 alpha-3 country code.

A table of our own (``data/regions.tsv``), written from ACLED's published list of regions (16 names).
ACLED places Turkey, Cyprus and Iran in the Middle East, Mexico in Central America and the Caucasus
with Central Asia; elsewhere it follows the UN geoscheme, which is what the table does too.
Countries not listed (Antarctica, a few uninhabited territories) get an empty region.
"""
from __future__ import annotations

from ..lexicon import data_table

#: region -> the ISO3 codes of its countries, in the table's order
_REGIONS: dict[str, str] = dict(data_table("regions.tsv"))

#: ISO3 → ACLED region name
REGION_BY_ISO3: dict[str, str] = {code: region for region, codes in _REGIONS.items() for code in codes.split()}

#: the 16 region names, in the table's order
REGIONS: tuple[str, ...] = tuple(_REGIONS)


def region_of(iso3: str | None) -> str:
    """ACLED's region for a country code, or "" when unknown."""
    return REGION_BY_ISO3.get((iso3 or "").upper(), "")
