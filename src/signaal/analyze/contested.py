"""Contested claims: who contradicts whom, grouped with their sources and dates.

Two kinds:

- **Stance**: events of one type and dyad in one period, asserted or expected per one side and
  denied per another (RETREAT RUS→UKR asserted per RUS, denied per NATO). A side is the
  country/IGO of the claim the event sits in, else the claim's source name; the narrator is no
  side unless ``include_narrator``. A side that both asserts and denies opposes no one.
- **Numbers**: quantities with the same unit in one period and of one order of magnitude, whose
  ranges do not overlap (beyond ``tolerance``) between different sides (130,000 troops per the
  USA vs 100,000 per NATO).

A period is a run of records no longer than ``window_days`` from its first record.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Optional, Sequence, TypeVar

from .rows import EventRow, QuantityRow

POSITIVE = ("asserted", "expected")
NEGATIVE = ("denied",)
WINDOW_DAYS = 14
MAGNITUDE = 3.0  # sorted values further apart than this ratio are about different things
TOLERANCE = 0.05

T = TypeVar("T")


@dataclass
class ContestedGroup:
    """One contested proposition: what it is about, the period, and every stance in it."""

    kind: str  # "stance" | "number"
    about: dict
    first: str
    last: str
    items: list[dict] = field(default_factory=list)
    sides: dict = field(default_factory=dict)  # mode or "values" -> sides

    def to_dict(self) -> dict:
        return {"kind": self.kind, "about": self.about, "first": self.first, "last": self.last,
                "sides": self.sides, "items": self.items}

    def title(self) -> str:
        a = self.about
        if self.kind == "stance":
            return f"{a['type']} {a['source_actor'] or '?'}→{a['target_actor'] or '?'}"
        return f"{a['unit']} ({a['low']:,.0f}–{a['high']:,.0f})"


def periods(rows: Sequence[T], window_days: int = WINDOW_DAYS,
            day: Callable[[T], str] = lambda r: r.date) -> list[list[T]]:
    """Rows split into runs that each span at most ``window_days`` from their first row."""
    out: list[list[T]] = []
    start: Optional[date] = None
    for r in sorted(rows, key=day):
        d = date.fromisoformat(day(r)[:10])
        if start is None or (d - start).days > window_days:
            out.append([])
            start = d
        out[-1].append(r)
    return out


def side(r: EventRow | QuantityRow) -> Optional[str]:
    """Who takes the stance: the claim's country/IGO, else its source name, else None."""
    name = r.claim_source if isinstance(r, EventRow) else (
        None if r.claimed_by == "narrator" else r.claimed_by)
    return r.claim_actor or name


def _item(r: EventRow | QuantityRow, **extra) -> dict:
    return {"side": side(r) or "narrator", "date": r.date, "article_id": r.article_id,
            "outlet": r.outlet, "record_id": r.id, "text": r.text, "sentence": r.sentence,
            **extra}


def contested_stances(events: Iterable[EventRow], window_days: int = WINDOW_DAYS,
                      include_narrator: bool = False) -> list[ContestedGroup]:
    """Event propositions asserted/expected by one side and denied by another."""
    by_key: dict[tuple, list[EventRow]] = defaultdict(list)
    for r in events:
        if r.source_actor and r.mode in POSITIVE + NEGATIVE and (include_narrator or side(r)):
            by_key[(r.type, r.source_actor, r.target_actor)].append(r)
    groups = []
    for (typ, src, tgt), rows in sorted(by_key.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        for run in periods(rows, window_days):
            pos = {side(r) or "narrator" for r in run if r.mode in POSITIVE}
            neg = {side(r) or "narrator" for r in run if r.mode in NEGATIVE}
            if not (pos - neg and neg - pos):  # a side that says both opposes no one
                continue
            sides = {m: sorted({side(r) or "narrator" for r in run if r.mode == m})
                     for m in sorted({r.mode for r in run})}
            groups.append(ContestedGroup(
                "stance", {"type": typ, "source_actor": src, "target_actor": tgt},
                run[0].date, run[-1].date,
                [_item(r, mode=r.mode, claim_source=r.claim_source) for r in run], sides))
    return groups


def _magnitudes(rows: list[QuantityRow]) -> list[list[QuantityRow]]:
    """Rows split where sorted values jump by more than MAGNITUDE (different things counted)."""
    out: list[list[QuantityRow]] = []
    for r in sorted(rows, key=lambda r: (r.value, r.date)):
        if out and r.value > MAGNITUDE * max(out[-1][-1].value_max or 0, out[-1][-1].value):
            out.append([])
        elif not out:
            out.append([])
        out[-1].append(r)
    return out


def disagree(a: QuantityRow, b: QuantityRow, tolerance: float = TOLERANCE) -> bool:
    """True when the two ranges do not overlap even when each is widened by ``tolerance``."""
    a_lo, a_hi = a.value, a.value_max or a.value
    b_lo, b_hi = b.value, b.value_max or b.value
    return a_hi * (1 + tolerance) < b_lo * (1 - tolerance) or b_hi * (1 + tolerance) < a_lo * (1 - tolerance)


def contested_numbers(quantities: Iterable[QuantityRow], window_days: int = WINDOW_DAYS,
                      tolerance: float = TOLERANCE, include_narrator: bool = False
                      ) -> list[ContestedGroup]:
    """Figures for the same unit, period and magnitude on which different sides disagree."""
    by_unit: dict[str, list[QuantityRow]] = defaultdict(list)
    for r in quantities:
        if r.unit and r.value and (include_narrator or side(r)):
            by_unit[r.unit.lower()].append(r)
    groups = []
    for unit, rows in sorted(by_unit.items()):
        for run in periods(rows, window_days):
            for same in _magnitudes(run):
                clash = any(side(a) != side(b) and disagree(a, b, tolerance)
                            for i, a in enumerate(same) for b in same[i + 1:])
                if not clash:
                    continue
                same.sort(key=lambda r: (r.date, r.value))
                values: dict[str, list] = defaultdict(list)
                for r in same:
                    values[side(r) or "narrator"].append(r.value if r.value_max is None
                                                         else [r.value, r.value_max])
                groups.append(ContestedGroup(
                    "number", {"unit": unit, "low": min(r.value for r in same),
                               "high": max(r.value_max or r.value for r in same)},
                    same[0].date, same[-1].date,
                    [_item(r, value=r.value, value_max=r.value_max, approx=r.approx,
                           claimed_by=r.claimed_by) for r in same], {"values": dict(values)}))
    return groups


def contested(events: Iterable[EventRow], quantities: Iterable[QuantityRow],
              window_days: int = WINDOW_DAYS, tolerance: float = TOLERANCE,
              include_narrator: bool = False) -> list[ContestedGroup]:
    """Every contested stance and number, oldest first."""
    found = (contested_stances(events, window_days, include_narrator)
             + contested_numbers(quantities, window_days, tolerance, include_narrator))
    return sorted(found, key=lambda g: (g.first, g.kind, g.title()))
