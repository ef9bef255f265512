"""Fusion benchmark: within-article and across-article fusion of synthetic mentions.

    python -m benchmarks.fuse            # 100k and 1M mentions
    python -m benchmarks.fuse 20000 200000

Synthetic articles of ``MENTIONS_PER_ARTICLE`` mentions (two reports of each event, spread
over neighbouring places and days) arrive in date order, as a news feed does; the constant
density (events per country per day) is what real feeds have, so the work per event should
not grow with the corpus. Across-article fusion runs in memory (fuse.across.MemoryIndex) and
events older than the blocking window are flushed, so memory stays flat too. Prints both
times, their ratio (near-linear: about 10 for 10x the input) and the peak memory.
"""
from __future__ import annotations

import logging
import random
import resource
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta

from eventsift.fuse import fuse_article
from eventsift.fuse.across import MATCH_DAYS, MemoryIndex, attach
from eventsift.models import Actor, Article, Counts, Mention, Place, Span, TimeRef

log = logging.getLogger(__name__)

#: mentions per synthetic article (a headline, a lead, two later paragraphs)
MENTIONS_PER_ARTICLE = 4
#: countries, places per country, and events per country and day in the synthetic feed
COUNTRIES = 20
PLACES = 300
EVENTS_PER_COUNTRY_DAY = 6
_TYPES = (
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
)
_TEXT = "Fighters attacked the town. Officials said five people were killed. The army responded."


def _places(rng: random.Random) -> list[list[Place]]:
    out = []
    for c in range(COUNTRIES):
        lat0, lon0 = rng.uniform(-30, 50), rng.uniform(-20, 100)
        out.append([
            Place(span=None, name=f"Town {c}-{p}", latitude=lat0 + rng.uniform(-3, 3), longitude=lon0 + rng.uniform(-3, 3),
                  geonameid=c * 100_000 + p, country=f"Country {c}", iso3=f"C{c:02d}", admin1=f"Province {c}-{p % 12}")
            for p in range(PLACES)
        ])
    return out


def synthetic_articles(n_mentions: int, *, seed: int = 7) -> Iterator[tuple[Article, list[Mention]]]:
    """Articles with their mentions, in date order; each event is reported by two articles."""
    rng = random.Random(seed)
    places = _places(rng)
    actors = [Actor(f"Group {i}", 1 + i % 8) for i in range(40)]
    start = date(2000, 1, 1)
    n_articles = max(1, n_mentions // MENTIONS_PER_ARTICLE)
    per_day = COUNTRIES * EVENTS_PER_COUNTRY_DAY
    for a in range(n_articles):
        event = a // 2  # two reports of each event
        erng = random.Random(event * 7919 + seed)
        day = start + timedelta(days=event // per_day)
        country = erng.randrange(COUNTRIES)
        place = places[country][erng.randrange(PLACES)]
        etype, sub = _TYPES[erng.randrange(len(_TYPES))]
        actor = actors[erng.randrange(len(actors))]
        toll = erng.randrange(0, 30)
        published = day + timedelta(days=a % 2)
        article = Article(id=f"art-{a}", text=_TEXT, published=published, outlet=f"Outlet {a % 2}")
        mentions = []
        for m in range(MENTIONS_PER_ARTICLE):
            s = Span(m * 10, m * 10 + 9, _TEXT[m * 10:m * 10 + 9])
            mentions.append(Mention(
                article_id=article.id, sentence=s, event_type=etype, sub_event_type=sub, actor1=actor,
                counts=Counts(fatalities=toll + rng.randrange(3)) if m == 1 else Counts(),
                place=place if m != 2 else None, time=TimeRef(day, 1, None, "date: 'on Monday' + published"),
                confidence=0.6,
            ))
        yield article, mentions


def fuse_stream(n_mentions: int) -> dict[str, float]:
    """Fuse ``n_mentions`` synthetic mentions within and across articles; counts, CPU seconds
    (``seconds``: what the ratio uses, as other processes on a shared machine do not count)
    and wall seconds."""
    started, cpu = time.perf_counter(), time.process_time()
    index = MemoryIndex()
    events_in = stored = merged = 0
    flushed_before = date.min
    for article, mentions in synthetic_articles(n_mentions):
        events = fuse_article(article, mentions)
        events_in += len(events)
        for f in attach(events, known=index.fused_event, candidates=index.fusion_candidates):
            merged += f.merged
            index.put(f)
        horizon = article.published - timedelta(days=2 * MATCH_DAYS + 1)
        if horizon > flushed_before:
            for _ in index.evict_before(horizon):
                stored += 1
            index.aliases.clear()  # reports of flushed events will not come back in a dated feed
            flushed_before = horizon
    stored += len(index.events)
    return {"mentions": n_mentions, "article_events": events_in, "fused_events": stored, "merged": merged,
            "seconds": time.process_time() - cpu, "wall_seconds": time.perf_counter() - started}


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run(small: int = 100_000, large: int = 1_000_000) -> dict:
    """Fuse ``small`` and ``large`` synthetic mentions; times, their ratio and peak memory."""
    # the small run twice, keeping the faster: the first also pays for warming up (imports,
    # regex and cache fills), which would flatter the ratio's denominator unevenly
    a = min((fuse_stream(small) for _ in range(2)), key=lambda r: r["seconds"])
    peak_small = _peak_mb()
    b = fuse_stream(large)
    result = {
        "small": a, "large": b,
        "ratio": b["seconds"] / max(a["seconds"], 1e-9),
        "size_ratio": large / small,
        "peak_mb_after_small": round(peak_small, 1),
        "peak_mb": round(_peak_mb(), 1),
    }
    return result


def main(argv: list[str] | None = None) -> None:
    args = [int(x) for x in (argv if argv is not None else sys.argv[1:])]
    result = run(*args)
    for key in ("small", "large"):
        r = result[key]
        sys.stdout.write(
            f"{r['mentions']:>9,} mentions: {r['seconds']:.1f} s CPU ({r['wall_seconds']:.1f} s wall), {r['article_events']:,} article events -> "
            f"{r['fused_events']:,} fused ({r['merged']:,} merges)\n"
        )
    sys.stdout.write(f"time ratio {result['ratio']:.2f} for {result['size_ratio']:.0f}x the input; "
                     f"peak memory {result['peak_mb']} MB (after the small run {result['peak_mb_after_small']} MB)\n")


if __name__ == "__main__":
    main()
