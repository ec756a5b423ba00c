"""Every reliability suite in full, one after the other: fuzz, crash, load (issue 11).

    python bench/reliability.py            # bench/fuzz.py, bench/crash.py, bench/load.py
    python bench/reliability.py --quick    # small sizes, for a smoke run

Each suite prints its own figures; this prints one line per suite and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = {
    "fuzz": ["fuzz.py"],
    "crash": ["crash.py"],
    "load": ["load.py"],
}
QUICK = {"fuzz": ["--cases", "200", "--extractor-cases", "50"], "crash": ["--kills", "20"],
         "load": ["--clients", "50", "--requests", "500"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes")
    ap.add_argument("--only", default=",".join(SUITES), help="comma-separated: fuzz, crash, load")
    args = ap.parse_args(argv)
    results = []
    for name in args.only.split(","):
        cmd = [sys.executable, str(HERE / SUITES[name][0]), *(QUICK[name] if args.quick else [])]
        print(f"== {name}: {' '.join(cmd[1:])}", flush=True)
        t = time.perf_counter()
        code = subprocess.call(cmd)
        results.append((name, code, time.perf_counter() - t))
    for name, code, secs in results:
        print(f"{name:<6} {'ok' if code == 0 else f'FAILED (exit {code})':<16} {secs:>7.0f} s")
    return 1 if any(code for _, code, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
