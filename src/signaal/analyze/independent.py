"""Independent sources: which articles of one time bucket count as one reporter.

Counting articles counts reports, not events (GDELT's weakness, DESIGN.md). Within a bucket,
two articles are the same reporter when they share a syndication group (near-copies of one
wire story) or an outlet (one outlet reporting the same thing five times). The reporters are the
connected components of that relation, found with union-find.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from .buckets import bucket, fits


def _find(parent: dict[str, str], x: str) -> str:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:  # path compression keeps later finds flat
        parent[x], x = root, parent[x]
    return root


def components(articles: Iterable[tuple[str, Optional[str], Optional[str]]]) -> dict[str, str]:
    """article id -> reporter id for (article id, group, outlet) triples of one bucket.

    The reporter id is the smallest article id of the component, so it is deterministic.
    """
    parent: dict[str, str] = {}
    first: dict[tuple[str, str], str] = {}
    for aid, group, outlet in articles:
        parent.setdefault(aid, aid)
        for key in (("g", group), ("o", outlet)):
            if key[1] is None:
                continue
            other = first.setdefault(key, aid)
            a, b = _find(parent, aid), _find(parent, other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {aid: _find(parent, aid) for aid in parent}


def reporters(rows: Iterable, unit: str) -> tuple[dict[str, tuple[str, str]], int]:
    """(article id -> (bucket, reporter id), number of rows too imprecise for ``unit``).

    ``rows`` are EventRow/ClaimRow/QuantityRow-like: article_id, date, precision, group, outlet.
    """
    per_bucket: dict[str, dict[str, tuple]] = defaultdict(dict)
    imprecise = 0
    for r in rows:
        if not fits(r.precision, unit):
            imprecise += 1
            continue
        per_bucket[bucket(r.date, unit)][r.article_id] = (r.article_id, r.group, r.outlet)
    out: dict[str, tuple[str, str]] = {}
    for label, arts in per_bucket.items():
        for aid, rep in components(arts.values()).items():
            out[aid] = (label, rep)
    return out, imprecise
