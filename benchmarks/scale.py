"""Throughput on real-length news: the local pool at 1 and 2 processes, spaCy alone, and Spark.

The corpus is ../shared/data/dev/geo (real news articles, read for measuring only) when it is
beside this checkout, else the bundled sample reports (short wire reports: the figures are then
not real-length ones, and the output says so). Printed figures, never asserted:

- articles/s of ``Pipeline.pipe`` with ``n_process`` 1 and 2 on at least ``LOCAL_ARTICLES``;
- the extraction/spaCy ratio (the whole pipeline in one process over spaCy alone on the same
  texts, in CPU seconds; the wall-clock ratio too), and articles per CPU-second, which do not
  depend on what else the machine runs;
- peak memory (max RSS) of the main process and of the largest worker process;
- articles/s of ``eventsift spark`` in ``local[2]`` over ``SPARK_ARTICLES`` (JVM start, reading,
  both coding passes, fusion and writing Parquet included) beside the local pool's at 2 processes.

``EVENTSIFT_BENCH_SPARK=0`` leaves Spark out.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from eventsift.config import Settings
from eventsift.models import Article

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "data" / "dev" / "geo"
SAMPLES = ROOT / "samples" / "reports.gold.jsonl"
LOCAL_ARTICLES = 600
SPARK_ARTICLES = 2000


def _corpus() -> tuple[list[dict], str]:
    files = sorted(REAL.glob("*.jsonl")) if REAL.is_dir() else []
    label = "../shared/data/dev/geo" if files else "samples/reports.gold.jsonl (short reports, not real-length)"
    rows = []
    for path in files or [SAMPLES]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.append({"text": r["text"], "published": r.get("published"), "title": r.get("title")})
    return rows, label


def _articles(rows: list[dict], n: int) -> list[Article]:
    from datetime import date

    out = []
    for i in range(n):
        r = rows[i % len(rows)]
        published = date.fromisoformat(r["published"][:10]) if r.get("published") else None
        out.append(Article(id=f"bench-{i}", text=r["text"], published=published, title=r.get("title")))
    return out


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the spaCy workers of a finished run)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _max_rss_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _local(rows: list[dict]) -> dict:
    from eventsift.clean import clean_text
    from eventsift.pipeline import Pipeline

    settings = Settings.from_env()
    pipe = Pipeline(settings)
    articles = _articles(rows, max(LOCAL_ARTICLES, len(rows)))
    words = sum(len(a.text.split()) for a in articles)
    list(pipe.pipe(articles[:20], n_process=1))  # one-time loads stay outside the timings

    started, cpu = time.perf_counter(), _cpu_seconds()
    for _ in pipe.nlp.pipe((clean_text(a.text[: settings.max_chars]).text for a in articles),
                           batch_size=settings.batch_size):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - started, _cpu_seconds() - cpu

    figures = {"articles": len(articles), "words": words, "spacy_articles_per_s": round(len(articles) / spacy_s, 2),
               "spacy_articles_per_cpu_s": round(len(articles) / spacy_cpu, 2)}
    for n in (1, 2):
        started, cpu = time.perf_counter(), _cpu_seconds()
        events = sum(len(r.events) for r in pipe.pipe(articles, n_process=n))
        seconds = time.perf_counter() - started
        figures[f"articles_per_s_{n}_process"] = round(len(articles) / seconds, 2)
        figures[f"seconds_{n}_process"] = round(seconds, 1)
        # articles per CPU-second: what one free core does, whatever else the machine is running
        used = _cpu_seconds() - cpu
        figures[f"articles_per_cpu_s_{n}_process"] = round(len(articles) / used, 2)
        if n == 1:
            # on CPU time, which a busy machine does not bend (the wall-clock ratio is printed too)
            figures["extraction_spacy_ratio"] = round(used / spacy_cpu, 3)
            figures["extraction_spacy_ratio_wall"] = round(seconds / spacy_s, 3)
            figures["events"] = events
    figures["peak_rss_main_mb"] = _max_rss_mb(resource.RUSAGE_SELF)
    figures["peak_rss_largest_worker_mb"] = _max_rss_mb(resource.RUSAGE_CHILDREN)
    return figures


def _spark(rows: list[dict]) -> dict:
    from eventsift.spark import run_job

    with tempfile.TemporaryDirectory(prefix="eventsift-bench-") as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for a in _articles(rows, SPARK_ARTICLES):
                fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title,
                                     "published": a.published.isoformat() if a.published else None}) + "\n")
        started = time.perf_counter()
        counts = run_job([str(corpus)], str(Path(tmp) / "out"), master="local[2]",
                         settings=Settings.from_env(n_process=1), partitions=8)
        seconds = time.perf_counter() - started
    n = sum(counts["articles"].values())
    return {"master": "local[2]", "articles": n, "events": counts["events"], "seconds": round(seconds, 1),
            "articles_per_s": round(n / seconds, 2)}


def run() -> dict:
    rows, label = _corpus()
    out: dict = {"corpus": label, "cores": os.cpu_count(), "load_average_before": round(os.getloadavg()[0], 2)}
    out["local"] = _local(rows)
    if os.environ.get("EVENTSIFT_BENCH_SPARK", "1") != "0":
        try:
            out["spark"] = _spark(rows)
            out["spark_vs_local_2_process"] = round(
                out["spark"]["articles_per_s"] / out["local"]["articles_per_s_2_process"], 3)
        except Exception as exc:  # no pyspark or no Java: say so, keep the local figures
            out["spark"] = {"status": f"not run: {type(exc).__name__}: {exc}"}
    local = out["local"]
    out["load_average_after"] = round(os.getloadavg()[0], 2)  # above the core count: the figures are shared
    sys.stderr.write(
        f"scale ({label}): {local['articles']} articles, 1 process {local['articles_per_s_1_process']} articles/s, "
        f"2 processes {local['articles_per_s_2_process']} articles/s; extraction/spaCy {local['extraction_spacy_ratio']}; "
        f"peak RSS main {local['peak_rss_main_mb']} MB, largest worker {local['peak_rss_largest_worker_mb']} MB"
        + (f"; Spark local[2] {out['spark'].get('articles_per_s')} articles/s over {out['spark'].get('articles')}"
           if "spark" in out else "") + "\n")
    return out
