"""Dyad escalation index: how much conflict A directs at B per time bucket, with a band.

Each event weighs ``-weight(type, mode)`` from the PLOVER table (``lexicon/common/plover.tsv``
× ``plover_modes.tsv``): the Goldstein-style weights are negative for conflict, so the index is
positive when A escalates against B and negative for cooperation; an expected ASSAULT counts 0.4
of an ASSAULT and a denied one 0.1. Counting is by independent reporters (``independent``):
within a bucket one reporter contributes each (type, mode) once, however many of its articles
or syndicated copies repeat it. The verbal and material parts follow the quad class of the type.

The band is a Poisson bootstrap over reporters (each reporter's contribution weighted by a
Poisson(1) draw, 90% percentile interval): with few reporters it is wide, and a point seen by a
single reporter has a band from 0 to about three times its value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import numpy as np

from .. import lexicon
from .buckets import bucket, check_unit, fits, span
from .independent import reporters
from .rows import EventRow

BOOTSTRAP = 400
LEVEL = 0.90


@lru_cache(maxsize=1)
def escalation_weights() -> dict[tuple[str, str], tuple[float, str]]:
    """(type, mode) -> (escalation weight, "verbal" | "material"); escalation = -Goldstein.

    Read from the lexicon tables directly (the same ones ``extract.events.weights`` reads), so
    analysis does not import the extractors.
    """
    factors = {r["mode"]: float(r["factor"]) for r in lexicon.load("common", "plover_modes.tsv")}
    return {(r["type"], mode): (-float(r["weight"]) * f, r["quad"].split("_")[0])
            for r in lexicon.load("common", "plover.tsv") for mode, f in factors.items()}


@dataclass(frozen=True)
class IndexPoint:
    """One bucket of a dyad series."""

    bucket: str
    value: float
    verbal: float
    material: float
    low: float
    high: float
    sources: int  # independent reporters in this bucket
    events: int  # event records behind it (before counting each reporter once)


@dataclass(frozen=True)
class DyadSeries:
    """The escalation index of source -> target per bucket, gap-free between first and last."""

    source: str
    target: str
    unit: str
    points: tuple[IndexPoint, ...]
    imprecise: int = 0  # events whose article date is too coarse for the bucket size
    level: float = LEVEL

    def values(self) -> np.ndarray:
        return np.array([p.value for p in self.points], dtype=float)

    def to_dict(self) -> dict:
        return {"source": self.source, "target": self.target, "unit": self.unit,
                "level": self.level, "imprecise": self.imprecise,
                "points": [p.__dict__ for p in self.points]}


@dataclass
class _Bucket:
    units: dict = field(default_factory=lambda: defaultdict(lambda: [0.0, 0.0, 0.0]))
    seen: set = field(default_factory=set)
    events: int = 0


def _matches(r: EventRow, source: Optional[str], target: Optional[str], both_ways: bool) -> bool:
    pair = (r.source_actor, r.target_actor)
    if (source is None or pair[0] == source) and (target is None or pair[1] == target):
        return True
    return both_ways and pair == (target, source)


def dyad_rows(rows: Iterable[EventRow], source: Optional[str], target: Optional[str],
              both_ways: bool = False) -> list[EventRow]:
    """The events from ``source`` to ``target`` (None matches any actor)."""
    return [r for r in rows if _matches(r, source, target, both_ways)]


def _accumulate(rows: Sequence[EventRow], unit: str) -> tuple[dict[str, _Bucket], int]:
    table = escalation_weights()
    who, imprecise = reporters(rows, unit)
    buckets: dict[str, _Bucket] = defaultdict(_Bucket)
    for r in rows:
        if r.article_id not in who or (r.type, r.mode) not in table:
            continue
        label, rep = who[r.article_id]
        b = buckets[label]
        b.events += 1
        key = (rep, r.type, r.mode)
        if key in b.seen:  # this reporter already counted this (type, mode) in this bucket
            continue
        b.seen.add(key)
        w, quad = table[(r.type, r.mode)]
        acc = b.units[rep]
        acc[0] += w
        acc[1 if quad == "verbal" else 2] += w
    return buckets, imprecise


def bands(contributions: Sequence[np.ndarray], rng: np.random.Generator, draws: int = BOOTSTRAP,
          level: float = LEVEL) -> list[tuple[float, float]]:
    """Poisson-bootstrap percentile interval of the sum of each array of reporter contributions.

    Buckets are batched into one draws × reporters matrix (up to ~20,000 reporters, ~32 MB),
    so a long, mostly empty day series costs a few numpy calls, not one per bucket.
    """
    out = [(0.0, 0.0)] * len(contributions)
    qs = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    batch: list[int] = []

    def flush() -> None:
        flat = np.concatenate([contributions[i] for i in batch]).astype(np.float32)
        starts = np.cumsum([0] + [len(contributions[i]) for i in batch[:-1]])
        w = rng.poisson(1.0, size=(draws, len(flat))).astype(np.float32)
        lo, hi = np.percentile(np.add.reduceat(w * flat, starts, axis=1), qs, axis=0)
        for i, a, b in zip(batch, lo.tolist(), hi.tolist()):
            out[i] = (a, b)
        batch.clear()

    size = 0
    for i, c in enumerate(contributions):
        if len(c):
            batch.append(i)
            size += len(c)
        if size >= 20_000:
            flush()
            size = 0
    if batch:
        flush()
    return out


def dyad_index(rows: Iterable[EventRow], source: str, target: str, unit: str = "day",
               date_from: Optional[str] = None, date_to: Optional[str] = None,
               seed: int = 0, draws: int = BOOTSTRAP) -> DyadSeries:
    """The escalation index of ``source`` -> ``target`` per bucket (see module docstring).

    >>> dyad_index(rows, "RUS", "UKR", "week").points[0].value  # doctest: +SKIP
    """
    check_unit(unit)
    picked = dyad_rows(rows, source, target)
    buckets, imprecise = _accumulate(picked, unit)
    labels = sorted(buckets)
    first = bucket(date_from, unit) if date_from else (labels[0] if labels else None)
    last = bucket(date_to, unit) if date_to else (labels[-1] if labels else None)
    if first is None or last is None:
        return DyadSeries(source, target, unit, (), imprecise)
    series = list(span(first, last, unit))
    contributions = [np.array([u[0] for u in buckets[b].units.values()]) if b in buckets
                     else np.zeros(0) for b in series]
    band = (bands(contributions, np.random.default_rng(seed), draws) if draws > 0
            else [(float("nan"), float("nan"))] * len(series))  # draws=0: no band wanted
    points = []
    for label, (lo, hi) in zip(series, band):
        b = buckets.get(label)
        units = list(b.units.values()) if b else []
        total, verbal, material = (round(float(sum(u[i] for u in units)), 3) for i in range(3))
        points.append(IndexPoint(label, total, verbal, material, round(lo, 3), round(hi, 3),
                                 len(units), b.events if b else 0))
    return DyadSeries(source, target, unit, tuple(points), imprecise)


def all_dyads(rows: Iterable[EventRow], unit: str = "day", min_events: int = 1,
              seed: int = 0, draws: int = BOOTSTRAP) -> list[DyadSeries]:
    """The series of every (source, target) pair with both actors known."""
    by_dyad: dict[tuple[str, str], list[EventRow]] = defaultdict(list)
    for r in rows:
        if r.source_actor and r.target_actor and r.source_actor != r.target_actor:
            by_dyad[(r.source_actor, r.target_actor)].append(r)
    return [dyad_index(rs, s, t, unit, seed=seed, draws=draws)
            for (s, t), rs in sorted(by_dyad.items()) if len(rs) >= min_events]


def drilldown(rows: Iterable[EventRow], source: str, target: str, label: str,
              unit: str = "day") -> list[dict]:
    """The events behind one point: each with its weight, reporter, whether it counted, evidence."""
    table = escalation_weights()
    picked = [r for r in dyad_rows(rows, source, target)
              if fits(r.precision, unit) and bucket(r.date, unit) == label]
    who, _ = reporters(picked, unit)
    seen: set = set()
    out = []
    for r in sorted(picked, key=lambda r: (who[r.article_id][1], r.article_id, r.start)):
        rep = who[r.article_id][1]
        w, quad = table.get((r.type, r.mode), (0.0, ""))
        counted = (rep, r.type, r.mode) not in seen
        seen.add((rep, r.type, r.mode))
        out.append({"event_id": r.id, "type": r.type, "mode": r.mode, "weight": w, "part": quad,
                    "counted": counted, "reporter": rep, "article_id": r.article_id,
                    "date": r.date, "outlet": r.outlet, "group": r.group,
                    "claim_source": r.claim_source, "text": r.text, "sentence": r.sentence,
                    "start": r.start, "end": r.end})
    return out
