"""Bench: dyad escalation index on synthetic events (default 1M). Prints seconds and peak RSS.

    .venv/bin/python bench/index.py [--events 1000000] [--dyads 40] [--days 730]

Synthetic data: events spread over ``days`` days and ``dyads`` (source, target) pairs, ~4 events
per article, 30 outlets, 10% of articles syndicated copies of another article's group. Times
building the rows, one dyad (the busiest, day buckets, 400 bootstrap draws) and every dyad.
Never asserts (STYLE.md rule 18).
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import time
from datetime import date, timedelta

import numpy as np

from signaal.analyze.index import all_dyads, dyad_index
from signaal.analyze.rows import EventRow
from signaal.records import MODES, PLOVER_TYPES

ACTORS = ("RUS", "UKR", "USA", "NATO", "EU", "CHN", "TWN", "BLR", "DEU", "FRA", "GBR", "POL",
          "ISR", "PSE", "IRN", "NLD")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def synthetic(n: int, n_dyads: int, n_days: int, seed: int = 1) -> list[EventRow]:
    rng = random.Random(seed)
    pairs = [(a, b) for a in ACTORS for b in ACTORS if a != b]
    rng.shuffle(pairs)
    pairs = pairs[:n_dyads]
    weights = [1.0 / (i + 1) for i in range(len(pairs))]  # a few busy dyads, many quiet ones
    day0 = date(2022, 1, 1)
    rows = []
    n_articles = max(1, n // 4)
    for i in range(n):
        art = rng.randrange(n_articles)
        group = f"g{art if rng.random() > 0.1 else rng.randrange(n_articles)}"
        src, tgt = rng.choices(pairs, weights)[0]
        rows.append(EventRow(
            f"e{i}", f"a{art}", (day0 + timedelta(days=art % n_days)).isoformat(), "day",
            rng.choice(PLOVER_TYPES), rng.choice(MODES), src, tgt,
            outlet=f"o{art % 30}", group=group, seq=art))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--dyads", type=int, default=40)
    ap.add_argument("--days", type=int, default=730)
    args = ap.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    t = time.perf_counter()
    rows = synthetic(args.events, args.dyads, args.days)
    print(f"built {len(rows):,} events: {time.perf_counter() - t:.1f} s, peak RSS {peak_rss_mb():.0f} MB")
    busiest = max({(r.source_actor, r.target_actor) for r in rows[:10000]},
                  key=lambda d: sum(1 for r in rows[:10000] if (r.source_actor, r.target_actor) == d))
    t = time.perf_counter()
    series = dyad_index(rows, *busiest, unit="day")
    n = sum(p.events for p in series.points)
    print(f"one dyad {busiest[0]}->{busiest[1]} ({n:,} events, {len(series.points)} days): "
          f"{time.perf_counter() - t:.1f} s, peak RSS {peak_rss_mb():.0f} MB")
    t = time.perf_counter()
    found = all_dyads(rows, unit="day")
    print(f"all {len(found)} dyads, day buckets: {time.perf_counter() - t:.1f} s, "
          f"peak RSS {peak_rss_mb():.0f} MB")
    t = time.perf_counter()
    all_dyads(rows, unit="week")
    print(f"all dyads, week buckets: {time.perf_counter() - t:.1f} s, peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
