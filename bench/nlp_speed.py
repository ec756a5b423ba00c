"""Speed of the Dutch language layer: words per CPU-second, repeated, on CoNLL-2002 ned.testb text.

Usage: ``OMP_NUM_THREADS=1 .venv/bin/python bench/nlp_speed.py [--repeat 5] [--data ../shared/data]``

One process, the pipeline ``signaal.nlp.load("nl")`` runs over the 119 articles of ned.testb as
raw text (68,971 words). The first pass meets every word for the first time (the vocabulary
grows); then ``--repeat`` passes of each setting (full, without the parser, NER only) give the
minimum, median and maximum. The machine's speed varies between runs, so the median of several
passes is the figure to quote. It never asserts: speed is logged here, not tested.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from signaal.nlp import evaluation as ev
from signaal.nlp import load

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = [" ".join(d.words) for d in ev.read_conll2002(args.data / "conll2002-dutch" / "ned.testb")]
    start = time.perf_counter()
    nlp = load("nl")
    out: dict = {"machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
                 "load_seconds": round(time.perf_counter() - start, 1), "articles": len(texts),
                 "first_pass_full": ev.words_per_second(nlp, texts)}
    runs: dict[str, list[int]] = {name: [] for name in ev.SPEED_SETTINGS}
    for _ in range(args.repeat):
        for name, disable in ev.SPEED_SETTINGS.items():
            runs[name].append(ev.words_per_second(nlp, texts, disable=disable)["words_per_cpu_s"])
    out["words_per_cpu_s"] = {name: {"min": min(v), "median": int(statistics.median(v)), "max": max(v), "runs": v}
                              for name, v in runs.items()}
    out["peak_rss_mb"] = ev.peak_rss_mb()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
