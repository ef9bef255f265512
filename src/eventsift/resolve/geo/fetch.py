"""Fetching GeoNames extracts for users with internet: `eventsift gazetteer fetch [COUNTRY...]`.

Nothing here runs unless the user asks for it: the default gazetteer is built offline from packages.
Each extract (``SY.zip`` holding ``SY.txt``, or ``allCountries.zip``) and GeoNames' admin code tables are
downloaded into ``<cache_dir>/geonames``: to a ``.part`` file first, resumed with an HTTP range request
when an earlier download broke off, checked against the size the server announced and against the zip's
own CRC checksums, and recorded with their SHA-256 in a manifest. A file already fetched whole, unchanged
on the server (same size and date) and unchanged on disk (same SHA-256) is not fetched again. The
extracts are then imported like ``eventsift gazetteer import`` does; a place already imported is not
added twice.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ...config import Settings
from ...errors import EventsiftError

log = logging.getLogger(__name__)

#: the admin code tables that turn a row's codes into region names (fetched with every extract)
CODE_TABLES = ("admin1CodesASCII.txt", "admin2Codes.txt")
WHOLE_DUMP = "allCountries"
CHUNK = 1 << 16
MANIFEST = "manifest.json"
_COUNTRY = re.compile(r"^[A-Z]{2}$")

#: progress callback: (file name, bytes done, bytes expected or None)
Progress = Callable[[str, int, "int | None"], None]


@dataclass
class FetchReport:
    downloaded: list[str] = field(default_factory=list)   # files fetched (whole or resumed) this time
    kept: list[str] = field(default_factory=list)         # files already there whole and unchanged
    added: int = 0                                        # places new to the gazetteer


def extract_names(countries: list[str]) -> list[str]:
    """The extracts to fetch for the country codes given (none: the whole dump). A bad code is a coded error."""
    if not countries:
        return [WHOLE_DUMP]
    out = []
    for c in countries:
        cc = c.strip().upper()
        if cc.lower() == WHOLE_DUMP.lower():
            cc = WHOLE_DUMP
        elif not _COUNTRY.match(cc):
            raise EventsiftError("E403", f"'{c}' is not a two-letter country code",
                                 "give ISO 3166 codes such as SY BJ AF, or nothing for the whole dump")
        if cc not in out:
            out.append(cc)
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def _open(url: str, timeout: float, start: int = 0, method: str = "GET"):
    req = urllib.request.Request(url, method=method, headers={"User-Agent": "eventsift gazetteer fetch"})
    if start:
        req.add_header("Range", f"bytes={start}-")
    try:
        return urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            raise EventsiftError("E404", f"{url} does not exist on the server",
                                 "check the country code, or the geonames_url setting") from None
        if e.code == 416 and start:
            return None   # the part file already holds everything the server has
        raise EventsiftError("E405", f"{url} answered HTTP {e.code}", "try again later") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise EventsiftError(
            "E406", f"cannot reach {url} ({reason})",
            "this command needs internet; offline, download the GeoNames files by hand and run "
            "`eventsift gazetteer import FILE`") from None


def download(url: str, dest: Path, manifest: dict, *, timeout: float = 30.0, progress: Progress | None = None) -> bool:
    """Fetch ``url`` to ``dest``; True when bytes were fetched, False when the file on disk is already it."""
    name = dest.name
    head = _open(url, timeout, method="HEAD")
    size = int(head.headers.get("Content-Length") or -1)
    stamp = head.headers.get("Last-Modified", "")
    head.close()
    known = manifest.get(name)
    if (dest.exists() and known and known.get("size") == size == dest.stat().st_size
            and known.get("modified") == stamp and known.get("sha256") == _sha256(dest)):
        return False
    part = dest.with_name(name + ".part")
    have = part.stat().st_size if part.exists() else 0
    if size >= 0 and have > size:
        part.unlink()
        have = 0
    resp = _open(url, timeout, start=have) if (not have or size < 0 or have < size) else None
    if resp is not None:
        resumed = have and resp.status == 206
        if have and not resumed:
            have = 0   # the server ignored the range: start over
        total = size if size >= 0 else (have + int(resp.headers.get("Content-Length") or 0) or None)
        with resp, open(part, "ab" if resumed else "wb") as out:
            done = have
            if progress:
                progress(name, done, total)
            for chunk in iter(lambda: resp.read(CHUNK), b""):
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(name, done, total)
        if resumed:
            log.info("resumed %s at byte %d", name, have)
    got = part.stat().st_size
    if size >= 0 and got != size:
        raise EventsiftError("E407", f"{name}: {got} bytes received, the server announced {size}",
                             "run the command again: the download resumes where it stopped")
    if dest.suffix == ".zip":
        try:
            with zipfile.ZipFile(part) as z:
                bad = z.testzip()
        except zipfile.BadZipFile:
            bad = "the archive"
        if bad is not None:
            part.unlink()
            raise EventsiftError("E408", f"{name}: checksum mismatch in {bad}",
                                 "the damaged file was removed; run the command again")
    part.replace(dest)
    manifest[name] = {"size": got, "modified": stamp, "sha256": _sha256(dest)}
    return True


def fetch_geonames(countries: list[str], settings: Settings | None = None, *, base_url: str | None = None,
                   progress: Progress | None = None) -> FetchReport:
    """Download the GeoNames extracts of ``countries`` (none: the whole dump) and import them."""
    from .gazetteer import import_geonames

    settings = settings or Settings.from_env()
    base = (base_url or settings.geonames_url).rstrip("/") + "/"
    names = extract_names(countries)
    folder = Path(settings.cache_dir) / "geonames"
    folder.mkdir(parents=True, exist_ok=True)
    mpath = folder / MANIFEST
    manifest = json.loads(mpath.read_text(encoding="utf-8")) if mpath.exists() else {}
    report = FetchReport()
    try:
        for fname in (*CODE_TABLES, *(f"{n}.zip" for n in names)):
            fetched = download(base + fname, folder / fname, manifest, timeout=settings.fetch_timeout,
                               progress=progress)
            (report.downloaded if fetched else report.kept).append(fname)
    finally:
        mpath.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    for n in names:
        txt = folder / f"{n}.txt"
        with zipfile.ZipFile(folder / f"{n}.zip") as z:
            member = next((m for m in z.namelist() if Path(m).name == txt.name), None)
            if member is None:
                raise EventsiftError("E408", f"{n}.zip holds no {txt.name}", "check the geonames_url setting")
            with z.open(member) as src, open(txt, "wb") as out:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    out.write(chunk)
        report.added += import_geonames(txt, settings=settings)
        txt.unlink()   # the zip stays (it is what the manifest checks); the text is in the import database
    return report
