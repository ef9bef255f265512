"""Extraction speed: spaCy alone vs spaCy + eventsift's extraction on the same texts.

The texts are the bundled sample reports, repeated to about ``TARGET_WORDS`` words. The figure
that matters is the ratio: extraction (rules, places, dates, fusion) should add at most 30% to
what spaCy itself takes.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from eventsift.config import Settings
from eventsift.models import Article

TARGET_WORDS = 60_000
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "reports.gold.jsonl"


def _texts() -> list[dict]:
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(r["text"].split()) for r in rows) or 1
    return rows * max(1, TARGET_WORDS // words)


def run() -> dict:
    from datetime import date

    from eventsift.clean import clean_text
    from eventsift.pipeline import Pipeline

    settings = Settings.from_env()
    pipe = Pipeline(settings)
    rows = _texts()
    articles = [Article(id=f"{r['id']}-{i}", text=r["text"], published=date.fromisoformat(r["published"]))
                for i, r in enumerate(rows)]
    words = sum(len(a.text.split()) for a in articles)
    # one-time loads (model, gazetteer and its lazy indexes, lexicons) stay outside the timings
    list(pipe.pipe(articles[:20]))

    started = time.perf_counter()
    docs = list(pipe.nlp.pipe([clean_text(a.text).text for a in articles], batch_size=settings.batch_size))
    spacy_s = time.perf_counter() - started
    del docs

    # one process, as the bare spaCy run above: the ratio is what extraction adds to parsing
    started = time.perf_counter()
    events = sum(len(r.events) for r in pipe.pipe(articles, n_process=1))
    total_s = time.perf_counter() - started

    # the same run with spaCy in two worker processes (started once per run)
    started = time.perf_counter()
    sum(len(r.events) for r in pipe.pipe(articles, n_process=2))
    two_s = time.perf_counter() - started
    out = {
        "articles": len(articles), "words": words, "events": events,
        "spacy_seconds": round(spacy_s, 2), "pipeline_seconds": round(total_s, 2),
        "spacy_words_per_s": round(words / spacy_s), "pipeline_words_per_s": round(words / total_s),
        "extraction_overhead_ratio": round(total_s / spacy_s, 3),
        "pipeline_seconds_2_processes": round(two_s, 2), "pipeline_words_per_s_2_processes": round(words / two_s),
    }
    print(f"extract: spaCy {spacy_s:.2f} s, full pipeline {total_s:.2f} s on {words} words; "
          f"ratio {out['extraction_overhead_ratio']} (target <= 1.30); "
          f"with 2 processes {two_s:.2f} s ({out['pipeline_words_per_s_2_processes']} words/s)")
    return out
