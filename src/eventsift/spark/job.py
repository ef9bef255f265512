"""The Spark job: read → code (two passes for the run's country) → fuse by country → Parquet.

See the package docstring for why each stage gives what ``eventsift run`` gives. Everything that
runs on executors is a module-level function of picklable arguments (Settings, Articles, Events).
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from eventsift.config import Settings
from eventsift.errors import EventsiftError
from eventsift.models import Article, Event, Status

log = logging.getLogger(__name__)

#: an article's place in the input order: (input number, file number within it, record number)
Ordinal = tuple[int, int, int]
#: the columns of a DataFrame of articles that become an Article (others are ignored)
ARTICLE_FIELDS = ("id", "text", "html", "published", "title", "url", "outlet", "language", "country")
#: articles coded per Spark partition (a partition is coded as one stream through spaCy)
ARTICLES_PER_PARTITION = 200

_PIPELINE: Any = None  # one Pipeline per executor Python process, loaded on its first task


def _pipeline(settings: Settings):
    global _PIPELINE
    if _PIPELINE is None or _PIPELINE.settings != settings:
        from eventsift.pipeline import Pipeline

        _PIPELINE = Pipeline(settings)
    return _PIPELINE


def spark_session(master: str | None = None, app_name: str = "eventsift"):
    """A SparkSession whose Python workers run this interpreter (and so this eventsift)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise EventsiftError("E090", "Spark needs pyspark", "pip install 'eventsift[spark]' (and Java 17)") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a local run listens on loopback only
    builder = (SparkSession.builder.appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.worker.reuse", "true")
               .config("spark.sql.sources.partitionOverwriteMode", "static"))
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


# -- reading -----------------------------------------------------------------------------------
def _is_uri(given: str) -> bool:
    return "://" in given and not given.startswith("file://")


def _plan(inputs: Sequence[str]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Local files (input no, file no, path) in the order ``run`` reads them, Parquet files or URIs
    (same), and other URIs (input no, uri) that Spark lists and reads."""
    from eventsift.ingest.reader import walk

    files, parquet, remote = [], [], []
    for i, given in enumerate(inputs):
        if _is_uri(given):
            if given.rstrip("/").endswith(".parquet"):
                parquet.append((i, 0, given))
            else:
                remote.append((i, given))
            continue
        path = Path(given.removeprefix("file://"))
        listed = walk(path) if path.is_dir() else [path]
        for j, file in enumerate(listed):
            (parquet if file.suffix.lower() == ".parquet" else files).append((i, j, str(file)))
    return files, parquet, remote


def _read_file(unit: tuple[int, int, str], settings: Settings) -> Iterator[tuple[Ordinal, Article]]:
    from eventsift.ingest import iter_articles

    i, j, path = unit
    for k, article in enumerate(iter_articles([path], settings=settings)):
        yield (i, j, k), article


def _read_bytes(unit: tuple[int, int, str, bytes], settings: Settings) -> Iterator[tuple[Ordinal, Article]]:
    """A file Spark read (any URI): through the same reader, from a temporary copy of the same name."""
    from dataclasses import replace

    i, j, uri, data = unit
    with tempfile.TemporaryDirectory(prefix="eventsift-") as tmp:
        local = Path(tmp) / (uri.rstrip("/").rsplit("/", 1)[-1] or "input")
        local.write_bytes(data)
        for (_, _, k), article in _read_file((i, j, str(local)), settings):
            yield (i, j, k), replace(article, source=(article.source or "").replace(str(local), uri, 1))


def _rows_partition(pairs, i: int, name: str, settings: Settings) -> Iterator[tuple[Ordinal, Article]]:
    """Articles of (row, row number) pairs: one reader (and HTML extractor) for the partition."""
    from eventsift.ingest.reader import Reader

    reader = Reader(settings=settings, published=None)
    try:
        for row, k in pairs:
            values = row.asDict()
            record = {key: values[key] for key in ARTICLE_FIELDS if values.get(key) is not None}
            yield (i, 0, k), reader.record(record, source=f"{name}:{k + 1}")
    finally:
        reader.extractor.close()


def _rows_to_articles(rdd, i: int, name: str, settings: Settings):
    """(ordinal, Article) for each row of a DataFrame's RDD, numbered in the DataFrame's order."""
    return rdd.zipWithIndex().mapPartitions(lambda pairs: _rows_partition(pairs, i, name, settings))


def read_inputs(spark, inputs: Sequence[str], settings: Settings):
    """An RDD of (ordinal, Article) for every input of ``inputs``."""
    sc = spark.sparkContext
    files, parquet, remote = _plan(inputs)
    parts = []
    if files:
        parts.append(sc.parallelize(files, max(1, min(len(files), sc.defaultParallelism * 4)))
                     .flatMap(lambda unit: _read_file(unit, settings)))
    for i, j, path in parquet:
        parts.append(_rows_to_articles(spark.read.parquet(path).rdd, i, path, settings)
                     .map(lambda pair, j=j: ((pair[0][0], j, pair[0][2]), pair[1])))
    for i, uri in remote:
        listed = sorted(sc.binaryFiles(uri).keys().collect())
        rank = {p: j for j, p in enumerate(listed)}
        parts.append(sc.binaryFiles(uri).flatMap(
            lambda kv, i=i, rank=rank: _read_bytes((i, rank[kv[0]], kv[0], kv[1]), settings)))
    if not parts:
        raise EventsiftError("E091", "no inputs to read", "give files, directories or URIs")
    return parts[0] if len(parts) == 1 else sc.union(parts)


# -- coding ------------------------------------------------------------------------------------
def _code_partition(items: Iterable[tuple[Ordinal, Article]], settings: Settings):
    """(ordinal, Result) for each article, in order: each article is coded on its own, as ``run`` codes it."""
    pipe = _pipeline(settings)
    waiting: deque = deque()

    def feed():
        for ordinal, article in items:
            waiting.append(ordinal)
            yield article

    for result in pipe.pipe(feed(), n_process=1):
        yield waiting.popleft(), result


def code(spark, articles, settings: Settings, partitions: int | None = None):
    """RDD of (ordinal, Article) → RDD of (ordinal, Result). Coding an article never depends on the
    other articles of the run, so each partition codes its own in one pass."""
    sc = spark.sparkContext
    n = partitions or max(sc.defaultParallelism, 1)
    spread = articles.partitionBy(n)
    return spread.mapPartitions(lambda items: _code_partition(items, settings))


# -- fusion ------------------------------------------------------------------------------------
def _country(event: Event) -> str | None:
    """The blocking country of an event, or None when it cannot be fused (no country or no date)."""
    country = event.iso3 or event.country
    return country if country and event.event_date is not None else None


def _fuse_country(items: Iterable[tuple[Ordinal, int, Event]]) -> Iterator[Event]:
    """One country's events fused article by article in input order (``run``'s attach, in memory)."""
    from eventsift.fuse.across import MemoryIndex, attach

    index = MemoryIndex()
    for _, group in groupby(sorted(items, key=lambda x: (x[0], x[1])), key=lambda x: x[0]):
        for fused in attach([e for _, _, e in group], known=index.fused_event, candidates=index.fusion_candidates):
            index.put(fused)
    yield from index.events.values()


def fuse(coded, partitions: int | None = None):
    """RDD of (ordinal, Result) → RDD of fused Events (one per real-world event)."""
    tagged = coded.flatMap(lambda r: [(_country(e), (r[0], i, e)) for i, e in enumerate(r[1].events)])
    alone = tagged.filter(lambda kv: kv[0] is None).map(lambda kv: kv[1][2])
    fused = (tagged.filter(lambda kv: kv[0] is not None)
             .groupByKey(partitions)
             .flatMap(lambda kv: _fuse_country(kv[1])))
    return fused.union(alone)


# -- DataFrames --------------------------------------------------------------------------------
def _spark_type(arrow_type):
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_string(arrow_type):
        return T.StringType()
    if pa.types.is_date32(arrow_type):
        return T.DateType()
    if pa.types.is_boolean(arrow_type):
        return T.BooleanType()
    if pa.types.is_int8(arrow_type):
        return T.ByteType()
    if pa.types.is_int16(arrow_type):
        return T.ShortType()
    if pa.types.is_int32(arrow_type):
        return T.IntegerType()
    if pa.types.is_int64(arrow_type):
        return T.LongType()
    if pa.types.is_float32(arrow_type):
        return T.FloatType()
    if pa.types.is_float64(arrow_type):
        return T.DoubleType()
    if pa.types.is_list(arrow_type):
        return T.ArrayType(_spark_type(arrow_type.value_type))
    if pa.types.is_struct(arrow_type):
        return T.StructType([T.StructField(f.name, _spark_type(f.type)) for f in arrow_type])
    raise TypeError(f"no Spark type for {arrow_type}")


def event_schema():
    """The Parquet export's columns (export.parquet.schema) plus ``year_month`` (YYYY-MM)."""
    from pyspark.sql import types as T

    from eventsift.export.parquet import schema

    fields = [T.StructField(f.name, _spark_type(f.type)) for f in schema()]
    return T.StructType(fields + [T.StructField("year_month", T.StringType())])


def _event_row(event: Event, names: Sequence[str]) -> tuple:
    from eventsift.export.parquet import parquet_row

    row = parquet_row(event)
    row["year_month"] = event.event_date.strftime("%Y-%m") if event.event_date else None
    for struct in row.get("evidence") or []:
        struct.setdefault("article_id", None)
    return tuple(row.get(name) for name in names)


def article_schema():
    from pyspark.sql import types as T

    return T.StructType([
        T.StructField("input", T.IntegerType()), T.StructField("file", T.IntegerType()),
        T.StructField("record", T.IntegerType()), T.StructField("id", T.StringType()),
        T.StructField("url", T.StringType()), T.StructField("outlet", T.StringType()),
        T.StructField("published", T.DateType()), T.StructField("title", T.StringType()),
        T.StructField("language", T.StringType()), T.StructField("status", T.StringType()),
        T.StructField("reason", T.StringType()), T.StructField("source", T.StringType()),
        T.StructField("events", T.IntegerType()),
    ])


def _article_row(ordinal: Ordinal, result) -> tuple:
    a = result.article
    return (*ordinal, a.id, a.url, a.outlet, a.published, a.title, a.language, a.status.value, a.reason,
            a.source, len(result.events))


def _frames(spark, coded, settings: Settings, partitions: int | None):
    from pyspark import StorageLevel

    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    schema = event_schema()
    names = schema.fieldNames()
    events = spark.createDataFrame(fuse(coded, partitions).map(lambda e: _event_row(e, names)), schema)
    articles = spark.createDataFrame(coded.map(lambda r: _article_row(r[0], r[1])), article_schema())
    return events, articles


def code_articles(df, settings: Settings | None = None, *, partitions: int | None = None):
    """A DataFrame of articles (columns id, text or html, published, title, url, outlet, language, country;
    others ignored), in the order of its rows, to ``(events, articles)`` DataFrames: the fused events
    (the Parquet export's columns plus ``year_month``) and one row per input article with its status
    and reason."""
    settings = settings or Settings.from_env(n_process=1)
    spark = df.sparkSession
    articles = _rows_to_articles(df.rdd, 0, "dataframe", settings)
    return _frames(spark, code(spark, articles, settings, partitions), settings, partitions)


def run_job(inputs: Sequence[str], output: str | Path, *, master: str | None = None,
            settings: Settings | None = None, partitions: int | None = None) -> dict[str, Any]:
    """Read, code, fuse and write ``output``/events (partitioned by country and year_month) and
    ``output``/articles as Parquet; returns counts."""
    settings = settings or Settings.from_env(n_process=1)
    spark = spark_session(master)
    coded = code(spark, read_inputs(spark, list(inputs), settings), settings, partitions)
    events, articles = _frames(spark, coded, settings, partitions)
    out = str(output)
    events.write.mode("overwrite").partitionBy("country", "year_month").parquet(out.rstrip("/") + "/events")
    articles.write.mode("overwrite").parquet(out.rstrip("/") + "/articles")
    by_status = {r["status"]: r["count"] for r in spark.read.parquet(out.rstrip("/") + "/articles")
                 .groupBy("status").count().collect()}
    n_events = spark.read.parquet(out.rstrip("/") + "/events").count()
    return {"articles": by_status, "events": n_events}
