"""Change points in a dyad series (``ruptures``, PELT with an L2 cost).

The penalty is ``penalty × noise variance × log(n)`` (BIC-like), the variance estimated from
the series itself, so one setting works for quiet and busy dyads alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import DyadSeries

PENALTY = 3.0
MIN_SIZE = 2


@dataclass(frozen=True)
class ChangePoint:
    """The first bucket of a new regime, with the mean level before and after."""

    bucket: str
    before: float
    after: float

    @property
    def direction(self) -> str:
        return "up" if self.after > self.before else "down"

    def to_dict(self) -> dict:
        return {"bucket": self.bucket, "before": self.before, "after": self.after,
                "direction": self.direction}


def noise_scale(values: np.ndarray) -> float:
    """The noise variance: from neighbour differences (robust to level shifts), else the
    plain variance when most neighbours are equal (sparse series of mostly empty buckets)."""
    if len(values) < 2:
        return 1.0
    sigma = 1.4826 * float(np.median(np.abs(np.diff(values)))) / np.sqrt(2)
    if sigma == 0:
        sigma = float(np.std(values))
    return max(sigma, 1e-6) ** 2


def change_points(values: np.ndarray, penalty: float = PENALTY, min_size: int = MIN_SIZE
                  ) -> list[int]:
    """Indices where a new segment starts (PELT on the L2 cost)."""
    import ruptures

    if len(values) < 2 * min_size:
        return []
    algo = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(values.reshape(-1, 1))
    ends = algo.predict(pen=penalty * noise_scale(values) * np.log(len(values)))
    return [e for e in ends if e < len(values)]


def series_change_points(series: DyadSeries, penalty: float = PENALTY,
                         min_size: int = MIN_SIZE, part: str = "value") -> list[ChangePoint]:
    """The change points of a dyad series (``part``: value, verbal or material)."""
    values = np.array([getattr(p, part) for p in series.points], dtype=float)
    cuts = change_points(values, penalty, min_size)
    bounds = [0, *cuts, len(values)]
    out = []
    for i, cut in enumerate(cuts, 1):
        before = float(values[bounds[i - 1]:cut].mean())
        after = float(values[cut:bounds[i + 1]].mean())
        out.append(ChangePoint(series.points[cut].bucket, round(before, 3), round(after, 3)))
    return out
