"""Parquet export with typed columns (pyarrow): dates as date32, counts as int32, confidence as
float64 (as stored), evidence, sources and the coding reasons as lists of structs, so that
pandas, DuckDB or Spark read them without parsing."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..errors import EventsiftError
from ..models import Event
from .regions import region_of

#: rows buffered before a row group is written (keeps memory flat on big stores)
BATCH_ROWS = 50_000


def schema():
    import pyarrow as pa

    evidence = pa.struct([("article_id", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                          ("text", pa.string())])
    reason = pa.struct([("field", pa.string()), ("value", pa.string()), ("reason", pa.string())])
    source = pa.struct([("article_id", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
                        ("published", pa.date32()), ("claimed_by", pa.string()), ("stance", pa.string()),
                        ("fatalities", pa.int32())])
    return pa.schema([
        ("event_id", pa.string()), ("article_id", pa.string()), ("event_date", pa.date32()), ("time_precision", pa.int8()),
        ("disorder_type", pa.string()), ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("actor1", pa.string()), ("assoc_actor_1", pa.string()), ("inter1", pa.int8()),
        ("actor2", pa.string()), ("assoc_actor_2", pa.string()), ("inter2", pa.int8()),
        ("interaction", pa.int16()), ("civilian_targeting", pa.bool_()),
        ("region", pa.string()), ("country", pa.string()), ("iso3", pa.string()),
        ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geonameid", pa.int64()),
        ("geo_precision", pa.int8()),
        ("fatalities", pa.int32()), ("fatalities_low", pa.int32()), ("fatalities_high", pa.int32()),
        ("injured", pa.int32()), ("arrested", pa.int32()), ("displaced", pa.int32()),
        ("claimed_by", pa.string()), ("stance", pa.string()),
        ("plover_type", pa.string()), ("plover_mode", pa.string()), ("confidence", pa.float64()),
        ("source_count", pa.int32()), ("notes", pa.string()),
        ("evidence", pa.list_(evidence)), ("sources", pa.list_(source)), ("reasons", pa.list_(reason)),
    ])


def parquet_row(event: Event) -> dict:
    d = event.to_dict()
    # a decision's value is any JSON value: kept as its JSON text in a string column
    d["reasons"] = [{**r, "value": None if r["value"] is None else json.dumps(r["value"], ensure_ascii=False)}
                    for r in d.get("reasons", ())]
    d["event_date"] = event.event_date
    d["region"] = region_of(event.iso3)
    d["sources"] = [{**s, "published": src.published} for s, src in zip(d["sources"], event.sources)]
    return d


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    """Write the events to ``path`` as one Parquet file; returns the number of rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EventsiftError("E060", "Parquet export needs pyarrow", "pip install 'eventsift[parquet]'") from exc
    sch = schema()
    names = sch.names
    n = 0
    with pq.ParquetWriter(str(path), sch) as writer:
        batch: list[dict] = []
        for event in events:
            batch.append(parquet_row(event))
            if len(batch) >= BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist([{k: r.get(k) for k in names} for r in batch], schema=sch))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist([{k: r.get(k) for k in names} for r in batch], schema=sch))
            n += len(batch)
    return n
