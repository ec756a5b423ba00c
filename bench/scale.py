"""Scale-out benchmark: one process vs ``--workers 2`` vs Spark local[1] and local[2].

The same generated corpus (N seed-format articles, each 8-14 sentences drawn at random from the
team's own ``examples/`` articles, Dutch and English in their proportions there) goes through:

- ``signaal ingest --workers 1`` and ``--workers 2`` into a fresh SQLite store (read, dedup,
  extract, store);
- ``signaal spark-extract --master local[1]`` and ``local[2]`` into Parquet (read, extract,
  write; the JVM start is included), and ``signaal load`` of the local[2] output.

Each run is a fresh command; the figures are wall-clock articles/s, articles per CPU second of
the whole process tree (its overhead; steadier on a shared machine), and the peak resident memory
of the tree (the sum over the command, its workers, the JVM and Spark's Python workers, sampled
every 0.2 s), then the wall-clock scaling factors. It prints; it never asserts
(STYLE.md rule 18). The machine's other load shows in the figures: see ``load avg``.

    .venv/bin/python bench/scale.py              # N = 300
    .venv/bin/python bench/scale.py --n 1000 --only workers1 --only workers2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
SIGNAAL = str(Path(sys.executable).with_name("signaal"))
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“])")
RUNS = ("workers1", "workers2", "spark1", "spark2")


def sentences() -> dict[str, list[str]]:
    """Body sentences of ``examples/`` per language (teasers left out)."""
    import signaal
    from signaal.store.fulltext import indexed_body

    out: dict[str, list[str]] = {}
    for item in signaal.read(EXAMPLES):
        if isinstance(item, signaal.records.Article) and item.lang:
            parts = SENTENCE_END.split(" ".join(indexed_body(item).split()))
            out.setdefault(item.lang, []).extend(p for p in parts if len(p) > 30)
    return out


def write_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """N seed-format files of 8-14 random sentences of one language each."""
    rng = random.Random(seed)
    pool = sentences()
    langs = sorted(pool)
    weights = [len(pool[lang]) for lang in langs]
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        body = " ".join(rng.sample(pool[lang], rng.randint(8, 14)))
        day = 1 + i % 28
        (folder / f"{i:05d}_{lang}.txt").write_text(f" date 2022-02-{day:02d} \n{body}\n",
                                                   encoding="utf-8")


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def cpu_seconds() -> float:
    """CPU time (user + system) of the finished child processes and their descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str]) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds, peak tree RSS bytes, last output line) of one command."""
    cpu = cpu_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    said = (out.strip() or err.strip()).splitlines()[-1] if (out or err).strip() else ""
    return wall, cpu_seconds() - cpu, peak, said


def commands(corpus: Path, work: Path) -> dict[str, list[str]]:
    ingest = [SIGNAAL, "ingest", str(corpus), "-q", "--no-alerts"]
    spark = [SIGNAAL, "spark-extract", str(corpus)]
    return {
        "workers1": ingest + ["--db", str(work / "w1.db"), "--workers", "1"],
        "workers2": ingest + ["--db", str(work / "w2.db"), "--workers", "2"],
        "spark1": spark + [str(work / "spark1"), "--master", "local[1]"],
        "spark2": spark + [str(work / "spark2"), "--master", "local[2]"],
        "load": [SIGNAAL, "load", str(work / "spark2"), "--db", str(work / "load.db")],
    }


def versions() -> str:
    import psycopg
    import pyspark
    import spacy

    return (f"python {platform.python_version()}, spacy {spacy.__version__}, pyspark "
            f"{pyspark.__version__}, psycopg {psycopg.__version__}, cpus {os.cpu_count()}, "
            f"load avg {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus")
    parser.add_argument("--only", action="append", choices=RUNS + ("load",),
                        help="run only these (repeatable)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    print(versions())
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="signaal-scale-") as tmp:
        corpus, work = Path(tmp) / "corpus", Path(tmp) / "work"
        corpus.mkdir()
        work.mkdir()
        write_corpus(corpus, args.n)
        print(f"corpus: {args.n} articles of 8-14 sentences from examples/ in {corpus}")
        wanted = args.only or [*RUNS, "load"]
        for name, cmd in commands(corpus, work).items():
            if name not in wanted or (name == "load" and not (work / "spark2").exists()):
                continue
            wall, cpu, peak, said = measure(cmd)
            results[name] = {"seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
                             "articles_per_s": round(args.n / wall, 2),
                             "articles_per_cpu_s": round(args.n / cpu, 2),
                             "peak_rss_mb": round(peak / 2**20)}
            # Spark's JVM (and its Python workers) outlive the waited-for command, so their CPU
            # time is not counted: no CPU figure for those runs.
            cpu_text = ("     n/a CPU s   n/a articles/CPU s" if name.startswith("spark")
                        else f"{cpu:7.1f} CPU s {args.n / cpu:5.2f} articles/CPU s")
            print(f"{name:9} {wall:7.1f} s {args.n / wall:6.2f} articles/s | {cpu_text} | "
                  f"peak RSS {peak / 2**20:5.0f} MB  ({said[:60]})", flush=True)
    rate = {k: v["articles_per_s"] for k, v in results.items()}
    for label, a, b in [("--workers 2 vs 1", "workers2", "workers1"),
                        ("Spark local[2] vs local[1]", "spark2", "spark1"),
                        ("Spark local[2] vs one process", "spark2", "workers1"),
                        ("Spark local[1] vs one process", "spark1", "workers1")]:
        if a in rate and b in rate:
            print(f"scaling {label}: x{rate[a] / rate[b]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
