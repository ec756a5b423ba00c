"""Ingest benchmark: N synthetic seed-format articles -> read -> store + full-text index.

Prints articles/s, the share of time spent reading (readers, hygiene, language, hashing) vs
storing (dedup, FTS, SQLite), peak RSS and store size, for each N, so a reader can see whether
memory stays flat as N grows. It prints; it never asserts (STYLE.md rule 18).

    .venv/bin/python bench/ingest.py                      # N = 100000
    .venv/bin/python bench/ingest.py --n 20000 --n 100000 # several N, one fresh process each

Each N runs in a fresh Python process, so its peak RSS (``ru_maxrss``) is its own. The texts
are generated from sentence templates written for this benchmark (Dutch and English mixed),
with random actors, places and numbers, so they are distinct and not near-duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NL_SENTENCES = (
    "{actor} heeft {day} {num} militairen naar {place} gestuurd voor een oefening.",
    "Volgens {actor} is de situatie bij {place} nog altijd gespannen.",
    "De minister van {ministry} zegt dat er {num} miljoen euro extra komt voor {topic}.",
    "{actor} ontkent dat er plannen zijn voor een aanval op {place}.",
    "In {place} protesteerden {day} ruim {num} mensen tegen {topic}.",
    "De Tweede Kamer debatteert {day} over {topic} en de gevolgen voor {place}.",
    "{actor} roept {actor2} op de spanningen rond {place} te verminderen.",
    "Het kabinet wil vasthouden aan de afspraken over {topic}, maar belooft overleg met {actor2}.",
    "Diplomaten in {place} verwachten {day} geen doorbraak in de gesprekken over {topic}.",
    "Een woordvoerder van {actor} noemt de maatregelen rond {topic} onvermijdelijk.",
)
EN_SENTENCES = (
    "{actor} sent {num} troops to {place} on {day} for an exercise.",
    "According to {actor}, the situation near {place} remains tense.",
    "The {ministry} minister said {num} million euros would go to {topic}.",
    "{actor} denied any plans to attack {place}.",
    "More than {num} people protested against {topic} in {place} on {day}.",
    "{actor} called on {actor2} to reduce tensions around {place}.",
    "Diplomats in {place} do not expect a breakthrough on {topic} on {day}.",
    "A spokesperson for {actor} called the measures on {topic} unavoidable.",
)
ACTORS = ("Rusland", "de Verenigde Staten", "de NAVO", "het Kremlin", "Oekraïne", "de EU",
          "Frankrijk", "Duitsland", "Polen", "Litouwen", "China", "Turkije", "de VN", "Hongarije")
PLACES = ("Kyiv", "Moskou", "Brussel", "Den Haag", "Warschau", "Vilnius", "Minsk", "Genève",
          "Wenen", "Berlijn", "Parijs", "Riga", "Tallinn", "Charkiv", "Odessa", "Straatsburg")
TOPICS = ("de stikstofplannen", "de gasprijs", "de begroting", "de sancties", "de grensbewaking",
          "de woningbouw", "het defensiebudget", "de energiecrisis", "de asielopvang",
          "het klimaatbeleid", "de pensioenen", "de zorgkosten", "het onderwijs")
MINISTRIES = ("Defensie", "Financiën", "Buitenlandse Zaken", "Justitie", "Economische Zaken")
DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article_text(rng: random.Random, english: bool) -> str:
    """One synthetic article body: 3 paragraphs of 3-4 template sentences with random slots."""
    pool, days = (EN_SENTENCES, EN_DAYS) if english else (NL_SENTENCES, DAYS)
    paragraphs = []
    for _ in range(3):
        sentences = [rng.choice(pool).format(
            actor=rng.choice(ACTORS), actor2=rng.choice(ACTORS), place=rng.choice(PLACES),
            topic=rng.choice(TOPICS), ministry=rng.choice(MINISTRIES), day=rng.choice(days),
            num=f"{rng.randint(2, 400)}.{rng.randint(0, 999):03d}" if not english else
            f"{rng.randint(2, 400)},{rng.randint(0, 999):03d}")
            for _ in range(rng.randint(3, 4))]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    return "\n\n".join(paragraphs)


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` seed-format files (1000 per subfolder); returns the bytes written."""
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        date = f"2022-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if i % 3 else "")
        body = f" date {date} \n{article_text(rng, english=i % 5 == 0)}"
        data = body.encode("utf-8")
        (sub / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def child(folder: str, db: str) -> None:
    """Run in a fresh process: ingest ``folder`` into ``db``; print one JSON line of figures."""
    import signaal

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
        report = store.ingest(timed(signaal.read(folder)))
    elapsed = time.perf_counter() - t0
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"articles": report.articles, "new": report.new, "near": report.near,
                      "exact": report.exact, "quarantined": report.quarantined,
                      "seconds": elapsed, "reading_seconds": reading, "peak_rss_mib": peak_kib / 1024}))


def run(n: int, workdir: Path) -> dict:
    folder, db = workdir / f"in_{n}", workdir / f"bench_{n}.db"
    t = time.perf_counter()
    size = generate(folder, n)
    gen_s = time.perf_counter() - t
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db)],
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
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    import signaal

    print(f"signaal {signaal.__version__}, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"{'N':>8} {'art/s':>8} {'total s':>8} {'read s':>8} {'store s':>8} "
          f"{'peak RSS MiB':>13} {'input MiB':>10} {'db MiB':>8} {'near':>6} {'quar':>5}")
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in args.n or [100_000]:
            f = run(n, Path(tmp))
            print(f"{f['n']:>8} {f['articles'] / f['seconds']:>8.0f} {f['seconds']:>8.1f} "
                  f"{f['reading_seconds']:>8.1f} {f['seconds'] - f['reading_seconds']:>8.1f} "
                  f"{f['peak_rss_mib']:>13.0f} {f['input_mib']:>10.1f} {f['db_mib']:>8.1f} "
                  f"{f['near']:>6} {f['quarantined']:>5}", flush=True)


if __name__ == "__main__":
    main()
