"""A run over a generated hostile corpus: ``python -m benchmarks.hostile [N]``.

Writes ``N`` (default 2,000) hostile inputs (:mod:`benchmarks.hostile_inputs`) to a temporary folder,
runs ``eventsift run`` over them in a child process under a generous stall limit, and prints
the wall time, the child's peak memory, its exit status, and whether every input has its own
article row and the summary line agrees with the store.
"""
from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .hostile_inputs import write_corpus

#: the corpus size the issue asks for
INPUTS = 2000
#: seconds after which the run counts as stalled
STALL_SECONDS = 3600


def run(n: int = INPUTS) -> dict[str, Any]:
    from eventsift.store import Store

    with tempfile.TemporaryDirectory(prefix="eventsift-hostile-") as tmp:
        folder, db = Path(tmp) / "corpus", Path(tmp) / "events.db"
        expected = write_corpus(folder, n)
        started = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-m", "eventsift", "run", str(folder), "--db", str(db)],
                                  capture_output=True, text=True, timeout=STALL_SECONDS)
            status, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired:
            return {"inputs": expected, "stalled_after_s": STALL_SECONDS}
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with Store.open(db, readonly=True) as store:
            summary = store.summary()
        said = " ".join(out.split())
        holds = re.search(r"holds (\d+) articles \(\+(\d+)\) and (\d+) events", said)
        return {
            "inputs": expected,
            "article_rows": summary["articles"],
            "every_input_has_a_row": summary["articles"] == expected,
            "by_status": summary["articles_by_status"],
            "events": summary["events"],
            "summary_matches_store": bool(holds) and int(holds[1]) == summary["articles"]
            and int(holds[3]) == summary["events"],
            "exit_status": status,
            "crashed": status not in (0, 1) or "Traceback" in err,
            "seconds": round(seconds, 1),
            "inputs_per_second": round(expected / max(seconds, 1e-9), 1),
            "peak_rss_mb": round(peak_mb, 1),
        }


if __name__ == "__main__":
    import json

    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else INPUTS), indent=2))
