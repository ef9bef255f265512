"""Reference points: the one point that stands for a whole country, first-level region or macro-region.

The table (``data/geo/reference_points.tsv``) holds the team's own rounded points for the countries and
first-level regions whose settlements lie far from the area's middle, and for the macro-regions, seas and
disputed areas that no package source has; the gazetteer build takes every other area's point from the
packaged GeoNames data. An area resolved to one of these points is an area: feature class "A" (countries,
regions of a country) or "L" (macro-regions), at geo_precision 3.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

KINDS = ("country", "admin1", "region")


class ReferencePoint(NamedTuple):
    kind: str          # country, admin1 or region
    cc: str            # ISO 3166 alpha-2 ("" for a macro-region)
    name: str
    latitude: float
    longitude: float
    others: tuple[str, ...]


def parse(text: str) -> list[ReferencePoint]:
    """Rows of the table; a malformed row is an error naming its line (the table is ours: it must be clean)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6 or cols[0] not in KINDS:
            raise ValueError(f"reference_points.tsv line {n}: expected 6 tab-separated columns, kind in {KINDS}")
        kind, cc, name, lat, lon, others = cols
        la, lo = float(lat), float(lon)
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise ValueError(f"reference_points.tsv line {n}: {name} has no valid coordinate")
        if (kind == "region") == bool(cc):
            raise ValueError(f"reference_points.tsv line {n}: a country code for countries and their regions only")
        out.append(ReferencePoint(kind, cc, name, la, lo, tuple(o for o in others.split("|") if o)))
    return out


@lru_cache(maxsize=1)
def reference_points() -> tuple[ReferencePoint, ...]:
    text = resources.files("eventsift.data").joinpath("geo/reference_points.tsv").read_text(encoding="utf-8")
    return tuple(parse(text))


def country_points() -> dict[str, tuple[float, float]]:
    return {p.cc: (p.latitude, p.longitude) for p in reference_points() if p.kind == "country"}


def admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    return {(p.cc, p.name): (p.latitude, p.longitude) for p in reference_points() if p.kind == "admin1"}


def region_points() -> dict[str, tuple[float, float, tuple[str, ...]]]:
    return {p.name: (p.latitude, p.longitude, p.others) for p in reference_points() if p.kind == "region"}
