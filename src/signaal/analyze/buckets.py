"""Time buckets (day, ISO week, month) and which article dates are precise enough for them.

A month-level article date ("date 2022-02") does not say which day or week it belongs to, so
such an article is left out of day and week series and counted as ``imprecise`` instead of
being piled onto the 1st of the month.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

from ..errors import ConfigError

UNITS = ("day", "week", "month")
_RANK = {"year": 0, "month": 1, "day": 2, "time": 3}
_NEEDS = {"month": 1, "week": 2, "day": 2}


def check_unit(unit: str) -> str:
    """``unit`` when it is a known bucket size; else a ConfigError."""
    if unit not in UNITS:
        raise ConfigError(f"unknown bucket {unit!r}; use one of {', '.join(UNITS)}")
    return unit


def fits(precision: str, unit: str) -> bool:
    """Whether a date given at ``precision`` can be placed in a ``unit`` bucket."""
    return _RANK.get(precision, 2) >= _NEEDS[unit]


def bucket(day: str, unit: str) -> str:
    """The bucket label of an ISO date: the day, the Monday of its ISO week, or YYYY-MM."""
    if unit == "month":
        return day[:7]
    if unit == "day":
        return day[:10]
    d = date.fromisoformat(day[:10])
    return (d - timedelta(days=d.weekday())).isoformat()


def start(label: str) -> date:
    """The first day of a bucket label."""
    return date.fromisoformat(label if len(label) == 10 else label + "-01")


def following(label: str, unit: str) -> str:
    """The label of the next bucket."""
    d = start(label)
    if unit == "day":
        return (d + timedelta(days=1)).isoformat()
    if unit == "week":
        return (d + timedelta(days=7)).isoformat()
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return f"{y:04d}-{m:02d}"


def span(first: str, last: str, unit: str) -> Iterator[str]:
    """Every bucket label from ``first`` to ``last`` inclusive (for gap-free series)."""
    label = first
    while label <= last:
        yield label
        label = following(label, unit)
