"""eventsift on Apache Spark: news archives coded in parallel, fused archive-wide, written as Parquet.

    from eventsift.spark import code_articles
    events, articles = code_articles(spark.read.parquet("s3a://bucket/articles/"))

or, from the command line, ``eventsift spark INPUT... --output DIR [--master local[2]]``.

The same input gives the same events, with the same ids, as ``eventsift run`` on one machine:

1. **Reading** (driver lists, executors read): every input file is a task unit read by the local
   reader on an executor (JSONL and JSONL.gz lines, WARC records, .txt/.html/.json files); Parquet
   inputs are read by Spark, one article per row. Each article keeps its place in the input order
   (file number, record number), which is the order ``run`` codes them in.
2. **Coding** (executors): one :class:`~eventsift.pipeline.Pipeline` per executor Python process,
   loaded once (model, gazetteer) and reused by every task that process runs. Coding one article
   never depends on the other articles of the run (a report that names no place takes its input's
   own country or the ``country`` setting), so each article is coded once, wherever it lands.
3. **Fusion** (one task per country): cross-article fusion is ``fuse.across.attach`` over an
   in-memory index, article by article in input order, as ``run`` does against its store, for
   each country apart (an event can only merge with events of its own country), so the first
   report of an event gives it its id here as there.

Every stage is a pure function of its input, so a task that fails and re-runs writes the same
rows, and Spark's output commit keeps one copy of each.
"""
from __future__ import annotations

from eventsift.spark.job import code_articles, run_job

__all__ = ["code_articles", "run_job"]
