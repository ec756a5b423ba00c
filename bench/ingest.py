"""Ingest benchmark: N synthetic seed-format articles -> read -> store + full-text index.

Prints articles/s (wall clock, and per CPU second of the ingest process, which is steadier
on a shared machine), the share of time spent reading (readers, hygiene, language, hashing) vs
storing (dedup, FTS, SQLite), peak RSS and store size, for each N, so a reader can see whether
memory stays flat as N grows. It prints; it never asserts (STYLE.md rule 18).

    .venv/bin/python bench/ingest.py                      # N = 100000
    .venv/bin/python bench/ingest.py --n 20000 --n 100000 # several N, one fresh process each
    .venv/bin/python bench/ingest.py --read-ahead         # reading in a second process

With ``--read-ahead`` the reading (and the per-article signature and index text) runs in a child
process (``signaal.ingest.ahead``), as ``signaal ingest --workers 2 --no-extract`` does; CPU
seconds then count both processes, peak RSS is the larger of the two, and "read s" is the time the
store waited for input.

Each N runs in a fresh Python process, so its peak RSS (``ru_maxrss``) is its own. The texts
are random sentences drawn from the word frequencies of the team's own ``examples/`` articles
(Dutch, one in five English), so they are distinct and not near-duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WORD_RE = re.compile(r"[^\W\d_]+")


def vocabularies(folder: Path = EXAMPLES) -> dict[str, tuple[list[str], list[int]]]:
    """Word frequencies per language of the team's own example articles (``examples/``)."""
    import signaal

    counts: dict[str, Counter] = {}
    for item in signaal.read(folder):
        if isinstance(item, signaal.records.Article) and item.lang:
            counts.setdefault(item.lang, Counter()).update(WORD_RE.findall(item.text))
    return {lang: (list(c), list(c.values())) for lang, c in counts.items()}


def article_text(rng: random.Random, vocabulary: tuple[list[str], list[int]]) -> str:
    """One synthetic body: 4 paragraphs of 3-5 sentences of 8-22 words drawn by frequency.

    Distinct articles then share few word 3-shingles, as distinct news articles do.
    """
    words, weights = vocabulary
    paragraphs = []
    for _ in range(4):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            ws = rng.choices(words, weights, k=rng.randint(8, 22))
            sentences.append(" ".join(ws).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` seed-format files (1000 per subfolder, one in five English); returns bytes."""
    rng = random.Random(seed)
    vocab = vocabularies()
    total = 0
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        date = f"2022-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if i % 3 else "")
        body = f" date {date} \n{article_text(rng, vocab['en' if i % 5 == 0 else 'nl'])}"
        data = body.encode("utf-8")
        (sub / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def child(folder: str, db: str, ahead: bool = False) -> None:
    """Run in a fresh process: ingest ``folder`` into ``db``; print one JSON line of figures."""
    import signaal
    from signaal.ingest.ahead import read_ahead

    reading = 0.0

    def timed(items):
        nonlocal reading
        it = iter(items)
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                reading += time.perf_counter() - t
            yield item

    t0 = time.perf_counter()
    with signaal.Store(db) as store:
        items = read_ahead(folder, prepare=store.preparer()) if ahead else signaal.read(folder)
        report = store.ingest(timed(items))
    elapsed = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kib = max(usage.ru_maxrss, children.ru_maxrss)  # KiB on Linux
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({"cpu_seconds": cpu, "articles": report.articles, "new": report.new, "near": report.near,
                      "exact": report.exact, "quarantined": report.quarantined,
                      "seconds": elapsed, "reading_seconds": reading, "peak_rss_mib": peak_kib / 1024}))


def run(n: int, workdir: Path, ahead: bool = False) -> dict:
    folder, db = workdir / f"in_{n}", workdir / f"bench_{n}.db"
    t = time.perf_counter()
    size = generate(folder, n)
    gen_s = time.perf_counter() - t
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db),
                          *(["--read-ahead"] if ahead else [])],
                         check=True, capture_output=True, text=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures.update(n=n, input_mib=size / 2**20, generate_seconds=gen_s,
                   db_mib=sum(p.stat().st_size for p in workdir.glob(f"bench_{n}.db*")) / 2**20)
    shutil.rmtree(folder)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable; default 100000)")
    parser.add_argument("--workdir", help="where to write inputs and stores (default: a temp dir)")
    parser.add_argument("--read-ahead", action="store_true",
                        help="read in a second process (signaal.ingest.ahead)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, ahead=args.read_ahead)
        return
    import signaal

    print(f"signaal {signaal.__version__}, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{'N':>8} {'art/s':>8} {'art/cpu-s':>10} {'total s':>8} {'read s':>8} {'store s':>8} "
          f"{'peak RSS MiB':>13} {'input MiB':>10} {'db MiB':>8} {'near':>6} {'quar':>5}")
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in args.n or [100_000]:
            f = run(n, Path(tmp), args.read_ahead)
            print(f"{f['n']:>8} {f['articles'] / f['seconds']:>8.0f} "
                  f"{f['articles'] / f['cpu_seconds']:>10.0f} {f['seconds']:>8.1f} "
                  f"{f['reading_seconds']:>8.1f} {f['seconds'] - f['reading_seconds']:>8.1f} "
                  f"{f['peak_rss_mib']:>13.0f} {f['input_mib']:>10.1f} {f['db_mib']:>8.1f} "
                  f"{f['near']:>6} {f['quarantined']:>5}", flush=True)


if __name__ == "__main__":
    main()
