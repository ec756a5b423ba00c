"""Timelines: events by type × mode and claims by source × polarity, per bucket.

A timeline is cut to an actor (events it takes part in, claims it makes), a dyad, or a set of
articles (a story or a search). Each cell gives both the number of records and the number of
independent reporters (syndicated copies and one outlet's repeats count once).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from .buckets import check_unit
from .independent import reporters
from .rows import ClaimRow, EventRow


@dataclass(frozen=True)
class Cut:
    """Which records a timeline keeps: an actor, a dyad, and/or a set of article ids."""

    actor: Optional[str] = None
    dyad: Optional[tuple[str, str]] = None
    articles: Optional[frozenset[str]] = None

    def event(self, r: EventRow) -> bool:
        if self.articles is not None and r.article_id not in self.articles:
            return False
        if self.actor and self.actor not in (r.source_actor, r.target_actor):
            return False
        return not self.dyad or (r.source_actor, r.target_actor) == self.dyad

    def claim(self, r: ClaimRow) -> bool:
        if self.articles is not None and r.article_id not in self.articles:
            return False
        if self.actor and self.actor != r.source_actor:
            return False
        return not self.dyad or r.source_actor in self.dyad


@dataclass
class Timeline:
    """Cells ``{bucket, key..., records, sources}``, sorted by bucket then key."""

    unit: str
    events: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    imprecise: int = 0  # records whose article date is too coarse for the bucket size

    def buckets(self) -> list[str]:
        return sorted({c["bucket"] for c in self.events} | {c["bucket"] for c in self.claims})

    def to_dict(self) -> dict:
        return {"unit": self.unit, "imprecise": self.imprecise, "events": self.events,
                "claims": self.claims}


def cells(rows: Sequence, unit: str, keys: tuple[str, ...]) -> tuple[list[dict], int]:
    """Count rows per (bucket, *keys): records and independent reporters."""
    who, imprecise = reporters(rows, unit)
    records: dict[tuple, int] = defaultdict(int)
    reps: dict[tuple, set] = defaultdict(set)
    for r in rows:
        if r.article_id not in who:
            continue
        label, rep = who[r.article_id]
        k = (label, *(getattr(r, name) or "" for name in keys))
        records[k] += 1
        reps[k].add(rep)
    out = [{"bucket": k[0], **dict(zip(keys, k[1:])), "records": n, "sources": len(reps[k])}
           for k, n in sorted(records.items())]
    return out, imprecise


def timeline(events: Iterable[EventRow], claims: Iterable[ClaimRow], unit: str = "week",
             cut: Cut = Cut()) -> Timeline:
    """Events by type × mode and claims by source × polarity per bucket, within ``cut``.

    >>> timeline(events, claims, "week", Cut(actor="RUS")).events[0]  # doctest: +SKIP
    {'bucket': '2022-01-10', 'type': 'MOBILIZE', 'mode': 'asserted', 'records': 2, 'sources': 1}
    """
    check_unit(unit)
    ev = [r for r in events if cut.event(r)]
    cl = [r for r in claims if cut.claim(r)]
    ev_cells, ev_bad = cells(ev, unit, ("type", "mode"))
    cl_cells, cl_bad = cells(cl, unit, ("source", "polarity"))
    return Timeline(unit, ev_cells, cl_cells, ev_bad + cl_bad)
