"""Export: Events → the shapes analysts open (JSONL, ACLED CSV, HXL CSV, GeoJSON, PLOVER, Parquet).

Every text writer takes an iterable of Events and a text stream and returns the number of rows
written; ``FORMATS`` maps the CLI's ``--format`` names to them. Binary formats (Parquet) cannot
go to a text stream: ``BINARY_FORMATS`` maps their names to writers taking a file path instead.
"""
from __future__ import annotations

import csv
import json
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Callable, Iterable, TextIO

from ..models import Event
from ..lexicon import data_table
from ..taxonomy import INTER_NAMES
from .geojson import COLLECTION_HEAD, COLLECTION_TAIL, Feature, Point, plain
from .plover import write_plover
from .regions import region_of

_COLUMNS = data_table("export_columns.tsv")
#: ACLED's export columns, in ACLED's order and spelling
ACLED_COLUMNS: tuple[str, ...] = tuple(column for column, whose, _ in _COLUMNS if whose == "acled")
#: eventsift's own fields, after ACLED's
EXTRA_COLUMNS: tuple[str, ...] = tuple(column for column, whose, _ in _COLUMNS if whose == "eventsift")


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """One line per event and article that reports it, so that every input joins back to its events: an
    event fused from several reports is written under each of them, with the same ``event_id``. Returns
    the number of events."""
    n = 0
    for n, event in enumerate(events, 1):
        for article_id in event.reporting_articles or (None,):
            out.write(json.dumps(event.to_dict(article_id), ensure_ascii=False) + "\n")
    return n


def _iso_numeric(iso3: str | None) -> str:
    if not iso3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return str(int(country.numeric)) if country else ""


def row_timestamp(event: Event) -> int | str:
    """ACLED's ``timestamp`` (when the row last changed), made deterministic.

    The same events always export to the same bytes, so the wall clock is never used: the row
    changes when a new report of it is published, so the stamp is the latest publication date
    among its sources (midnight UTC, in Unix seconds), else the event's own date, else empty.
    """
    days = [s.published for s in event.sources if s.published is not None]
    day = max(days) if days else event.event_date
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    return int(datetime.combine(day, time(0), tzinfo=timezone.utc).timestamp())


def acled_row(event: Event) -> dict[str, object]:
    """One ACLED CSV row (strings and numbers), ACLED columns first, then eventsift's."""
    d = event.event_date
    sources = "; ".join(dict.fromkeys(s.outlet or s.url or s.article_id for s in event.sources))
    row: dict[str, object] = {
        "event_id_cnty": event.event_id,
        "event_date": d.isoformat() if d else "",
        "year": d.year if d else "",
        "time_precision": event.time_precision or "",
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": INTER_NAMES.get(event.inter1 or 0, ""),
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": INTER_NAMES.get(event.inter2 or 0, ""),
        "interaction": event.interaction or "",
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": _iso_numeric(event.iso3),
        "region": region_of(event.iso3),
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or "",
        "latitude": "" if event.latitude is None else round(event.latitude, 4),
        "longitude": "" if event.longitude is None else round(event.longitude, 4),
        "geo_precision": event.geo_precision or "",
        "source": sources,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "tags": "",
        "timestamp": row_timestamp(event),
        "iso3": event.iso3 or "",
        "geonameid": event.geonameid or "",
        "fatalities_low": "" if event.fatalities_low is None else event.fatalities_low,
        "fatalities_high": "" if event.fatalities_high is None else event.fatalities_high,
        "injured": "" if event.injured is None else event.injured,
        "arrested": "" if event.arrested is None else event.arrested,
        "displaced": "" if event.displaced is None else event.displaced,
        "claimed_by": event.claimed_by or "",
        "stance": event.stance.value,
        "plover_type": event.plover_type or "",
        "plover_mode": event.plover_mode or "",
        "confidence": event.confidence,
        "source_count": event.source_count,
        "article_ids": "; ".join(dict.fromkeys(s.article_id for s in event.sources)),
        "evidence": " | ".join(e.text for e in event.evidence),
    }
    return row


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, event in enumerate(events, 1):
        writer.writerow(acled_row(event))
    return n


#: HXL hashtags for every exported column (ACLED's, then eventsift's), "" where none fits
HXL_TAGS: dict[str, str] = {column: "" if tag == "-" else tag for column, _, tag in _COLUMNS}


def write_hxl(events: Iterable[Event], out: TextIO) -> int:
    """The ACLED CSV rows with an HXL hashtag row under the header (HDX's convention)."""
    columns = ACLED_COLUMNS + EXTRA_COLUMNS
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerow([HXL_TAGS[c] for c in columns])
    n = 0
    for n, event in enumerate(events, 1):
        row = acled_row(event)
        writer.writerow([row[c] for c in columns])
    return n


def geojson_feature(event: Event) -> Feature:
    """The event as a GeoJSON Feature: its point, and all its fields as properties."""
    return Feature(event.event_id, Point.of(event.longitude, event.latitude), event.to_dict())


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection written feature by feature (no whole list in memory)."""
    out.write(COLLECTION_HEAD)
    n = 0
    for n, event in enumerate(events, 1):
        if n > 1:
            out.write(",\n")
        out.write(json.dumps(plain(geojson_feature(event)), ensure_ascii=False))
    out.write(COLLECTION_TAIL)
    return n


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    """Typed Parquet (needs pyarrow); see ``export.parquet``."""
    from .parquet import write_parquet as _write

    return _write(events, path)


FORMATS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "jsonl": write_jsonl,
    "acled-csv": write_acled_csv,
    "hxl": write_hxl,
    "geojson": write_geojson,
    "plover": write_plover,
}

#: formats written to a file path rather than a text stream
BINARY_FORMATS: dict[str, Callable[[Iterable[Event], str | Path], int]] = {
    "parquet": write_parquet,
}
