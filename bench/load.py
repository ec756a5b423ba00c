"""Bounded load test of ``signaal serve`` on loopback (issue 11).

    python bench/load.py                         # 200 clients, 4000 requests, 120 s cap
    python bench/load.py --clients 50 --requests 1000 --articles 300

Builds a store of generated articles (with number records), starts ``signaal serve`` on
127.0.0.1 (never another address), and has ``--clients`` concurrent httpx async clients share a
fixed list of search, article, list and record requests, stopping at ``--seconds``. Prints
errors (non-2xx or transport failures), p50/p99 latency and requests per second. Asserts nothing;
exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))

import httpx  # noqa: E402

import signaal  # noqa: E402
from crash_child import numbers  # noqa: E402
from crash_harness import VOCAB, make_corpus  # noqa: E402
from live_server import LOOPBACK, serve  # noqa: E402


def build_store(directory: Path, articles: int) -> tuple[Path, list[str]]:
    corpus = make_corpus(directory / "corpus", files=max(1, articles // 100), per_file=min(100, articles))
    db = directory / "load.db"
    with signaal.Store(db) as store:
        store.ingest(signaal.read(corpus, lang="nl"), extract=numbers)
        ids = [a.id for a in store.articles()]
    return db, ids


def requests_for(ids: list[str], n: int, rng: random.Random) -> list[str]:
    kinds = [
        lambda: f"/api/articles?q={rng.choice(VOCAB)}",
        lambda: f"/api/articles?q={rng.choice(VOCAB)}+{rng.choice(VOCAB)}&lang=nl",
        lambda: f"/api/articles/{rng.choice(ids)}",
        lambda: f"/api/articles?limit=20&offset={rng.randrange(0, max(1, len(ids) - 20))}",
        lambda: f"/api/articles?date_from=2022-02-{rng.randint(1, 14):02d}&date_to=2022-02-28",
        lambda: f"/api/quantities?limit=20&offset={rng.randrange(0, 200)}",
        lambda: f"/search?q={rng.choice(VOCAB)}",
    ]
    return [rng.choice(kinds)() for _ in range(n)]


async def hammer(base: str, paths: list[str], clients: int, cap: float) -> tuple[list[float], list[str], float]:
    queue: asyncio.Queue = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + cap
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker() -> None:
            while time.perf_counter() < deadline:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t = time.perf_counter()
                try:
                    resp = await client.get(path)
                    if resp.status_code >= 400:
                        errors.append(f"{resp.status_code} {path}")
                except httpx.HTTPError as e:
                    errors.append(f"{type(e).__name__} {path}")
                latencies.append(time.perf_counter() - t)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return latencies, errors, time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--seconds", type=float, default=120.0, help="time cap")
    ap.add_argument("--articles", type=int, default=500)
    args = ap.parse_args(argv)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as d:
        db, ids = build_store(Path(d), args.articles)
        with serve(db) as base:
            assert base.startswith(f"http://{LOOPBACK}:")  # loopback only
            paths = requests_for(ids, args.requests, rng)
            lat, errors, wall = asyncio.run(hammer(base, paths, args.clients, args.seconds))
    done = len(lat)
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [0.0] * 99
    print(f"store: {len(ids)} articles; {args.clients} clients; {done}/{args.requests} requests "
          f"in {wall:.1f} s (cap {args.seconds:.0f} s)")
    print(f"errors: {len(errors)}; p50 {q[49] * 1000:.0f} ms; p99 {q[98] * 1000:.0f} ms; "
          f"{done / wall:.0f} requests/s")
    for e in errors[:10]:
        print("  !", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
