"""Full crash-safety run: SIGKILL ``signaal ingest`` / ``Store.ingest`` at random points, resume,
and compare with an uninterrupted run (issue 11).

    python bench/crash.py                 # at least 100 kills: rounds of 10 on fresh stores
    python bench/crash.py --kills 30 --per-round 10

Each round builds a corpus (JSONL with exact and near duplicates and malformed lines), ingests it
once without interruption (the reference), then kills a second ingest ``--per-round`` times at
random moments and lets it finish. Rounds alternate between the CLI (``signaal ingest
--no-extract``) and the Python API with a small extractor (records in the same transactions).
Prints kills, kills that landed mid-ingest, lost / extra / duplicated articles, mismatches and
``Store.check()`` problems; asserts nothing, exits 1 when anything was lost or broken.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from crash_harness import crash_run  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kills", type=int, default=100, help="total SIGKILLs (at least)")
    ap.add_argument("--per-round", type=int, default=10, help="kills per fresh store")
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--per-file", type=int, default=50)
    ap.add_argument("--batch-size", type=int, default=10)
    ap.add_argument("--modes", default="api,cli", help="comma-separated: api, cli")
    args = ap.parse_args(argv)
    modes = args.modes.split(",")
    totals = {"kills": 0, "mid": 0, "early": 0, "lost": 0, "extra": 0, "dup": 0, "bad": 0}
    print(f"{'round':>5} {'mode':<4} {'kills':>5} {'mid-ingest':>10} {'articles':>8} {'lost':>4} "
          f"{'extra':>5} {'dup':>3} {'mismatch':>8} {'check':>5} {'seconds':>7}", flush=True)
    start, rnd = time.perf_counter(), 0
    while totals["kills"] < args.kills:
        mode = modes[rnd % len(modes)]
        with tempfile.TemporaryDirectory() as d:
            o = crash_run(Path(d), mode, args.per_round, seed=rnd + 1, files=args.files,
                          per_file=args.per_file, batch_size=args.batch_size)
        rnd += 1
        totals["kills"] += o.kills
        totals["mid"] += o.mid_ingest
        totals["early"] += o.finished_early
        totals["lost"] += len(o.lost)
        totals["extra"] += len(o.extra)
        totals["dup"] += o.duplicated
        totals["bad"] += len(o.mismatched) + len(o.problems)
        print(f"{rnd:>5} {mode:<4} {o.kills:>5} {o.mid_ingest:>10} {o.articles:>8} {len(o.lost):>4} "
              f"{len(o.extra):>5} {o.duplicated:>3} {len(o.mismatched):>8} {len(o.problems):>5} "
              f"{o.seconds:>7.1f}", flush=True)
        for line in o.mismatched + o.problems:
            print(f"      ! {line}", flush=True)
    print(f"total: {totals['kills']} kills ({totals['mid']} mid-ingest, {totals['early']} runs finished "
          f"before their kill), {totals['lost']} lost, {totals['extra']} extra, {totals['dup']} duplicated, "
          f"{totals['bad']} mismatches/integrity problems, {time.perf_counter() - start:.0f} s", flush=True)
    return 1 if totals["lost"] or totals["extra"] or totals["dup"] or totals["bad"] else 0


if __name__ == "__main__":
    sys.exit(main())
