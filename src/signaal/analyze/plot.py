"""Plots as PNG or SVG (matplotlib, Agg backend: no display needed).

One function per view; each takes the result object of the analysis function and a path.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Sequence, Union

from ..errors import ConfigError
from .buckets import start

FORMATS = (".png", ".svg")
MODE_MARKERS = {"asserted": "o", "expected": "^", "denied": "x", "demanded": "s",
                "hypothetical": "d"}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display; must precede the pyplot import
    import matplotlib.pyplot as plt

    return plt


def _check(path: Union[str, Path]) -> Path:
    p = Path(path)
    if p.suffix.lower() not in FORMATS:
        raise ConfigError(f"cannot plot to {p}: use a .png or .svg file name")
    return p


def _save(fig, path: Path) -> Path:
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    _pyplot().close(fig)
    return path


def plot_dyad(series, path: Union[str, Path], change_points: Sequence = ()) -> Path:
    """The index with its band, the verbal and material parts, and change points."""
    path, plt = _check(path), _pyplot()
    xs = [start(p.bucket) for p in series.points]
    fig, ax = plt.subplots(figsize=(10, 4.5))
    if xs:
        ax.fill_between(xs, [p.low for p in series.points], [p.high for p in series.points],
                        color="tab:red", alpha=0.15, label=f"{int(series.level * 100)}% band")
        ax.plot(xs, [p.value for p in series.points], color="tab:red", lw=2, label="index")
        ax.plot(xs, [p.material for p in series.points], color="tab:brown", lw=1, ls="--",
                label="material")
        ax.plot(xs, [p.verbal for p in series.points], color="tab:blue", lw=1, ls=":",
                label="verbal")
    for cp in change_points:
        ax.axvline(start(cp.bucket), color="black", lw=1, alpha=0.6)
        ax.annotate(f"change {cp.direction}", (start(cp.bucket), ax.get_ylim()[1]),
                    fontsize=8, va="top", rotation=90)
    ax.axhline(0, color="grey", lw=0.5)
    ax.set_title(f"Escalation index {series.source} → {series.target} per {series.unit} "
                 f"(independent sources; positive = conflict)")
    ax.set_ylabel("escalation (−Goldstein)")
    ax.legend(loc="upper left", fontsize=8)
    return _save(fig, path)


def _stacked(ax, cells: list[dict], key: str, title: str) -> None:
    buckets = sorted({c["bucket"] for c in cells})
    xs = [start(b) for b in buckets]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in cells:
        totals[c[key]][c["bucket"]] += c["sources"]
    bottom = [0] * len(buckets)
    width = 0.8 * min([(b - a).days for a, b in zip(xs, xs[1:])] or [1])
    for name in sorted(totals, key=lambda k: -sum(totals[k].values()))[:12]:
        ys = [totals[name][b] for b in buckets]
        ax.bar(xs, ys, bottom=bottom, width=width, label=name)
        bottom = [a + b for a, b in zip(bottom, ys)]
    ax.set_title(title)
    ax.set_ylabel("independent sources")
    if totals:
        ax.legend(fontsize=7, ncol=2, loc="upper left")


def plot_timeline(tl, path: Union[str, Path], title: str = "") -> Path:
    """Events per bucket stacked by type, claims stacked by polarity."""
    path, plt = _check(path), _pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    _stacked(top, tl.events, "type", f"Events by type per {tl.unit} {title}".strip())
    _stacked(bottom, tl.claims, "polarity", f"Claims by polarity per {tl.unit}")
    return _save(fig, path)


def plot_contested(groups: Sequence, path: Union[str, Path]) -> Path:
    """Numbers: each side's figures over time; stances: each side's mode per proposition."""
    path, plt = _check(path), _pyplot()
    numbers = [g for g in groups if g.kind == "number"]
    stances = [g for g in groups if g.kind == "stance"]
    fig, axes = plt.subplots(2, 1, figsize=(10, 8))
    for g in numbers:
        for item in g.items:
            hi = item["value_max"] or item["value"]
            x = date.fromisoformat(item["date"])
            axes[0].plot([x, x], [item["value"], hi], color="grey", lw=1)
            axes[0].scatter([x], [(item["value"] + hi) / 2], s=30)
            axes[0].annotate(f"{item['side']} {item['value']:,.0f} {g.about['unit']}", (x, hi),
                             fontsize=7)
    if numbers:
        axes[0].set_yscale("log")  # troops, percentages and refugees share one axis
    axes[0].set_title("Disputed figures (each point: one side's claim; log scale)")
    for row, g in enumerate(stances):
        for item in g.items:
            axes[1].scatter([date.fromisoformat(item["date"])], [row],
                            marker=MODE_MARKERS.get(item["mode"], "o"), s=40,
                            color="tab:red" if item["mode"] == "denied" else "tab:green")
            axes[1].annotate(item["side"], (date.fromisoformat(item["date"]), row), fontsize=7,
                             xytext=(3, 3), textcoords="offset points")
    axes[1].set_yticks(range(len(stances)), [g.title() for g in stances], fontsize=8)
    axes[1].set_title("Contested stances (green: asserted/expected, red ×: denied)")
    return _save(fig, path)


def plot_stories(stories: Sequence, path: Union[str, Path], limit: int = 25) -> Path:
    """Each story as a bar from its first to its last article, dots at its articles' dates."""
    path, plt = _check(path), _pyplot()
    shown = list(stories)[:limit]
    fig, ax = plt.subplots(figsize=(10, 0.35 * len(shown) + 1.5))
    for row, s in enumerate(shown):
        a, b = date.fromisoformat(s.first), date.fromisoformat(s.last)
        ax.plot([a, b], [row, row], lw=6, alpha=0.4)
        ax.text(b, row, f"  {len(s.articles)}", va="center", fontsize=7)
    ax.set_yticks(range(len(shown)), [f"{s.id}: {s.label[:45]}" for s in shown], fontsize=7)
    ax.invert_yaxis()
    ax.set_title("Stories (bar: first to last article; number: articles)")
    return _save(fig, path)


def plot_alerts(alerts: Sequence, path: Union[str, Path]) -> Path:
    """Alerts over time, one row per rule."""
    path, plt = _check(path), _pyplot()
    rules = sorted({a.rule for a in alerts})
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(rules) + 2))
    for row, rule in enumerate(rules):
        days = [date.fromisoformat(a.date) for a in alerts if a.rule == rule]
        ax.scatter(days, [row] * len(days), marker="v", s=50)
    ax.set_yticks(range(len(rules)), rules, fontsize=8)
    ax.set_title("Alerts by the day they became true")
    return _save(fig, path)
