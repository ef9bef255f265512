"""A Spark task that fails and runs again adds no duplicate: the input's first partition fails on
its first attempt in every stage that reads it (a Python UDF upstream of the job), Spark retries
it (local[2,2]: two attempts per task), and the outputs equal those of a run without failures."""
from __future__ import annotations

import shutil

import pytest

pytest.importorskip("pyspark")
pytestmark = [pytest.mark.spark, pytest.mark.slow]
if shutil.which("java") is None:
    pytest.skip("Spark needs Java on PATH", allow_module_level=True)

REPORTS = [
    "Police fired tear gas at protesters in Kano, Nigeria on Monday, witnesses said.",
    "Gunmen killed three farmers in Zamfara state, Nigeria, on Tuesday, police said.",
    "Soldiers clashed with militants near Maiduguri, Nigeria on Wednesday, killing five.",
    "Armed men killed four villagers in Zamfara state, Nigeria, on Tuesday, residents said.",
    "Students marched in Nairobi, Kenya on Thursday to demand lower fees.",
    "",
]


def flaky(marks: str):
    def text_or_fail(text):
        from pathlib import Path

        from pyspark import TaskContext

        ctx = TaskContext.get()
        if ctx is not None and ctx.partitionId() == 0 and ctx.attemptNumber() == 0:
            (Path(marks) / f"failed-{ctx.stageId()}").touch()
            raise RuntimeError("injected failure on a first attempt")
        return text
    return text_or_fail


def test_a_failed_task_reruns_without_duplicates(tmp_path):
    from pyspark.sql import functions as F

    from eventsift.spark import code_articles
    from eventsift.spark.job import spark_session

    spark = spark_session("local[2,2]")
    try:
        # each report from its own outlet: records that name no source are not fused with each other
        rows = [(f"k{i}", t, "2023-03-0%d" % (1 + i), f"Outlet {i}") for i, t in enumerate(REPORTS)]
        clean = spark.createDataFrame(rows, "id string, text string, published string, outlet string") \
            .repartition(2, "id")
        expected_events, expected_articles = code_articles(clean, partitions=2)
        expected = (sorted(map(tuple, expected_events.select("event_id", "source_count").collect())),
                    sorted(map(tuple, expected_articles.select("id", "status", "events").collect())))
        failing = clean.withColumn("text", F.udf(flaky(str(tmp_path)), "string")("text"))
        events, articles = code_articles(failing, partitions=2)
        got = (sorted(map(tuple, events.select("event_id", "source_count").collect())),
               sorted(map(tuple, articles.select("id", "status", "events").collect())))
    finally:
        spark.stop()
    assert list(tmp_path.glob("failed-*")), "a task failed and was run again"
    assert got == expected
    assert len(got[1]) == len(REPORTS) and len({r[0] for r in got[0]}) == len(got[0])
    assert any(n > 1 for _, n in got[0]), "two reports of one attack fuse"
