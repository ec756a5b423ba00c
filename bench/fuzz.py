"""Full fuzz run: every reader and the extract pipeline on hostile input (issue 11).

    python bench/fuzz.py                    # 10,000 cases per reader and for the pipeline
    python bench/fuzz.py --cases 500 --readers jsonl,csv --extractor-cases 0

Prints, per target, the cases run, crashes (an exception escaped), property violations (a good
record lost, a quarantine without file/record/reason, inexact evidence), quarantined and stored
counts. Like every bench it asserts nothing, but it exits 1 when anything crashed or broke a
property, so CI and ``bench/reliability.py`` notice. The cases and properties are
``tests/reliability/fuzz_cases.py``; the CI-sized run is ``tests/reliability/test_fuzz.py``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

import fuzz_cases  # noqa: E402
from signaal.records import Article, Quarantined  # noqa: E402

STORED = ("jsonl", "csv", "warc")


class Tally:
    def __init__(self, name: str):
        self.name, self.cases, self.crashes, self.violations = name, 0, 0, 0
        self.quarantined = self.articles = 0
        self.examples: list[str] = []
        self.start = time.perf_counter()

    def run(self, fn, *args) -> None:
        self.cases += 1
        try:
            items = fn(*args)
        except AssertionError as e:
            self.violations += 1
            self._keep(f"VIOLATION {e} :: {args!r}"[:1500])
            return
        except Exception:  # a crash is what we count; the run goes on
            self.crashes += 1
            self._keep(f"CRASH {traceback.format_exc()[-1200:]} :: {args!r}"[:2500])
            return
        for item in items or ():
            self.quarantined += isinstance(item, Quarantined)
            self.articles += isinstance(item, Article)

    def _keep(self, text: str) -> None:
        if len(self.examples) < 5:
            self.examples.append(text)

    def row(self) -> str:
        return (f"{self.name:<10} {self.cases:>7} {self.crashes:>7} {self.violations:>10} "
                f"{self.quarantined:>11} {self.articles:>8} {time.perf_counter() - self.start:>8.1f}")


def extract_one(t: Tally, lang: str, text: str) -> list:
    """One pipeline case; counts the texts that became articles."""
    if fuzz_cases.run_extractor_case(lang, text) is not None:
        t.articles += 1
    return []


def fuzz(strategy, cases: int, body) -> None:
    @settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(x):
        body(x)

    run()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000, help="cases per reader")
    ap.add_argument("--extractor-cases", type=int, default=10_000, help="cases for the pipeline (0: skip)")
    ap.add_argument("--store-every", type=int, default=10,
                    help="also ingest every Nth JSONL/CSV/WARC case into a store (1: all)")
    ap.add_argument("--readers", default=",".join(fuzz_cases.READERS), help="comma-separated readers")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)  # trafilatura and the readers log every bad input
    tallies = []
    print(f"{'target':<10} {'cases':>7} {'crashes':>7} {'violations':>10} {'quarantined':>11} "
          f"{'articles':>8} {'seconds':>8}", flush=True)
    for name in args.readers.split(","):
        t = Tally(name)
        # Ingesting into a fresh store costs ~70 ms a case: every --store-every'th case is stored.
        fuzz(fuzz_cases.READERS[name], args.cases,
             lambda case, t=t, name=name: t.run(fuzz_cases.run_reader_case, case,
                                                name in STORED and t.cases % args.store_every == 0))
        tallies.append(t)
        print(t.row(), flush=True)
    if args.extractor_cases:
        t = Tally("pipeline")  # "articles": texts long enough to be extracted
        fuzz(fuzz_cases.extractor_text(), args.extractor_cases,
             lambda sample: t.run(extract_one, t, *sample))
        tallies.append(t)
        print(t.row(), flush=True)
    total = sum(t.cases for t in tallies)
    bad = sum(t.crashes + t.violations for t in tallies)
    print(f"total: {total} cases, {sum(t.crashes for t in tallies)} crashes, "
          f"{sum(t.violations for t in tallies)} violations", flush=True)
    for t in tallies:
        for ex in t.examples:
            print(f"--- {t.name}: {ex}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
