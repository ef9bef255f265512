"""`make bench`: speed and memory figures, printed (never asserted in tests).

Runs each stage's benchmark in turn; a stage whose benchmark module is absent is reported as
such. ``python -m benchmarks [NAME ...]`` runs only the named ones.
"""
from __future__ import annotations

import importlib
import json
import sys
import time

#: (name, module with a run() -> dict)
BENCHMARKS = (
    ("extract", "benchmarks.extract"),
    ("geo", "benchmarks.geo"),
    ("fuse", "benchmarks.fuse"),
    ("api", "benchmarks.api"),
    ("scale", "benchmarks.scale"),
    ("hostile", "benchmarks.hostile"),
)


def main(argv: list[str] | None = None) -> int:
    wanted = set(argv if argv is not None else sys.argv[1:])
    results = {}
    for name, module_name in BENCHMARKS:
        if wanted and name not in wanted:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            results[name] = {"status": "no benchmark"}
            continue
        started = time.perf_counter()
        results[name] = module.run()
        results[name]["bench_seconds"] = round(time.perf_counter() - started, 1)
    sys.stdout.write(json.dumps(results, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
