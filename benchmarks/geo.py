"""Benchmark of the places stage: gazetteer build (time, peak memory), cache load, resolutions per second.

``run()`` builds into a temporary cache in a subprocess (so that its peak memory is its own), loads that
cache in a second subprocess, and times ``geocode`` in this process on synthetic reports: many short
ones, as news comes (``resolved_per_s``), and one long one that names hundreds of places
(``resolved_per_s_long``: the resolver weighs each place against the article's others).
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import time

log = logging.getLogger(__name__)

_BUILD = """
import json, resource, sys, time
from pathlib import Path
from eventsift.resolve.geo import gazetteer as g
t = time.perf_counter()
gaz = g.build_default()
built = time.perf_counter() - t
gaz.dump(Path(sys.argv[1]) / "bench.marshal")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"build_s": round(built, 2), "build_peak_mb": round(peak), "entries": len(gaz.entries)}))
"""
_LOAD = """
import json, sys, time
from pathlib import Path
t = time.perf_counter()
from eventsift.resolve.geo import gazetteer as g
gaz = g.Gazetteer.load(Path(sys.argv[1]) / "bench.marshal")
print(json.dumps({"load_s": round(time.perf_counter() - t, 2)}))
"""

#: a synthetic report: the sentence frames are ours; the names are common places of conflict news
_FRAMES = ("Fighting was reported in {0} on Monday.", "Jets struck targets near {0}, {1}.",
           "The army shelled the outskirts of {0} in {1} province.", "Officials in {0} said talks would resume.")
_NAMES = ("Aleppo", "Idlib", "Homs", "Kabul", "Helmand", "Kandahar", "Mosul", "Baghdad", "Raqqa", "Palmyra",
          "Tripoli", "Benghazi", "Sanaa", "Aden", "Mogadishu", "Kidal", "Gao", "Maiduguri", "Goma", "Donetsk")


def _synthetic(n_sentences: int, first: int = 0) -> str:
    out = []
    for i in range(first, first + n_sentences):
        a, b = _NAMES[i % len(_NAMES)], _NAMES[(i * 7 + 3) % len(_NAMES)]
        out.append(_FRAMES[i % len(_FRAMES)].format(a, b))
    return " ".join(out)


def run() -> dict:
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for script in (_BUILD, _LOAD):
            done = subprocess.run([sys.executable, "-c", script, tmp], capture_output=True, text=True, check=True)
            figures.update(json.loads(done.stdout.strip().splitlines()[-1]))
    from eventsift.resolve.geo import Geocoder

    geo = Geocoder.default()
    long_text = _synthetic(400)
    short = [_synthetic(6 + i % 5, first=i * 3) for i in range(200)]
    geo.geocode(long_text)  # warm up (loose index, caches)
    for name, texts in (("resolved_per_s", short * 3), ("resolved_per_s_long", [long_text] * 5)):
        t = time.perf_counter()
        mentions = sum(len(geo.geocode(text)) for text in texts)
        figures[name] = round(mentions / (time.perf_counter() - t))
    for k, v in figures.items():
        print(f"geo {k}: {v}")
    return figures


if __name__ == "__main__":
    run()
