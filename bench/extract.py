"""Extraction throughput: the whole pipeline and each stage, on the example corpus.

Usage: ``.venv/bin/python bench/extract.py [--repeat 3] [--folder examples/]``

Prints articles/s, words/s and records/s for the full pipeline (one process), the time share of
each stage (parse, actors, claims, quantities, timex, events), actor mentions/s, peak RSS and the
versions. It never asserts: speed is logged here, not tested.
"""

from __future__ import annotations

import argparse
import platform
import resource
import time
from collections import defaultdict

import spacy

import signaal
from signaal import nlp
from signaal.extract import actors, claims, events, pipeline, quantities, timex
from signaal.records import Article


def stages(articles: list[Article]) -> tuple[dict, dict]:
    """Seconds per stage and record counts over all articles (each language parsed in batches)."""
    secs, counts = defaultdict(float), defaultdict(int)
    for lang in sorted({a.lang for a in articles if pipeline.supported(a)}):
        group = [a for a in articles if a.lang == lang]
        t = time.process_time()
        docs = list(nlp.pipe((a.text for a in group), lang))
        secs["parse"] += time.process_time() - t
        for a, doc in zip(group, docs):
            counts["words"] += sum(1 for tok in doc if not tok.is_space)
            t = time.process_time(); m = actors.resolve(doc, a); secs["actors"] += time.process_time() - t
            t = time.process_time(); c = claims.extract(doc, a, m); secs["claims"] += time.process_time() - t
            t = time.process_time(); q = quantities.extract(doc, a, c); secs["quantities"] += time.process_time() - t
            t = time.process_time(); x = timex.extract(doc, a); secs["timex"] += time.process_time() - t
            t = time.process_time(); e = events.extract(doc, a, m, c, x); secs["events"] += time.process_time() - t
            for name, recs in (("mentions", m), ("claims", c), ("quantities", q), ("time_expressions", x),
                               ("events", e)):
                counts[name] += len(recs)
            counts["articles"] += 1
    return secs, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", default="examples/")
    ap.add_argument("--repeat", type=int, default=3, help="Passes over the corpus (models load once)")
    args = ap.parse_args()
    articles = [a for a in signaal.read(args.folder) if isinstance(a, Article)]
    nlp.load("nl"), nlp.load("en")  # load outside the timings
    total_secs, total_counts = defaultdict(float), defaultdict(int)
    wall = time.perf_counter()
    for _ in range(args.repeat):
        s, c = stages(articles)
        for k, v in s.items():
            total_secs[k] += v
        for k, v in c.items():
            total_counts[k] += v
    wall = time.perf_counter() - wall
    cpu = sum(total_secs.values())
    n = total_counts["articles"]
    print(f"signaal {signaal.__version__}, spaCy {spacy.__version__}, Python {platform.python_version()}, "
          f"{args.repeat} passes over {len(articles)} articles of {args.folder}")
    print(f"pipeline: {n / cpu:.1f} articles per CPU-second, {total_counts['words'] / cpu:.0f} words per CPU-second "
          f"({n / wall:.1f} articles/s wall clock)")
    for k in ("parse", "actors", "claims", "quantities", "timex", "events"):
        print(f"  {k:<11} {total_secs[k]:7.2f} s  {100 * total_secs[k] / cpu:5.1f} %")
    print(f"actors: {total_counts['mentions'] / total_secs['actors']:.0f} mentions per CPU-second of resolution")
    print("records per article: " + ", ".join(f"{k} {total_counts[k] / n:.1f}" for k in
                                              ("mentions", "claims", "quantities", "time_expressions", "events")))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
