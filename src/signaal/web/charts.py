"""Chart geometry for server-rendered inline SVG (readable without JavaScript).

Functions here only compute coordinates, ticks and links; ``_partials.html`` draws them, so
every label reaches the page through Jinja's autoescaping.
"""

from __future__ import annotations

import math
from typing import Any, Optional, Sequence

WIDTH, HEIGHT = 880, 260
PAD = {"left": 56, "right": 44, "top": 16, "bottom": 44}


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step) + 2)
            if first + i * step <= hi + step * 0.999]


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.1f}"


def _label_every(n: int, room: int) -> int:
    """Show every k-th x label so about ``room`` of them fit."""
    return max(1, math.ceil(n / max(room, 1)))


def line_chart(points: Sequence[dict[str, Any]], href_of, title_of) -> dict[str, Any]:
    """A series with an uncertainty band: ``points`` need ``value`` (``low``/``high``
    optional); ``href_of(p)`` gives a point's link (None for no link), ``title_of(p)`` its tooltip."""
    if not points:
        return {"empty": True, "width": WIDTH, "height": HEIGHT}
    lows = [p.get("low") if p.get("low") is not None else p["value"] for p in points]
    highs = [p.get("high") if p.get("high") is not None else p["value"] for p in points]
    ticks = nice_ticks(min(0.0, *lows), max(0.0, *highs))
    lo, hi = ticks[0], ticks[-1]
    inner_w = WIDTH - PAD["left"] - PAD["right"]
    inner_h = HEIGHT - PAD["top"] - PAD["bottom"]
    step = inner_w / max(len(points) - 1, 1)

    def x(i: int) -> float:
        return round(PAD["left"] + (i * step if len(points) > 1 else inner_w / 2), 1)

    def y(v: float) -> float:
        return round(PAD["top"] + inner_h * (hi - v) / (hi - lo), 1)

    dots = [{"x": x(i), "y": y(p["value"]), "href": href_of(p), "title": title_of(p),
             "active": bool(p.get("events"))} for i, p in enumerate(points)]
    line = " ".join(f"{'M' if i == 0 else 'L'}{d['x']},{d['y']}" for i, d in enumerate(dots))
    band = ([f"{x(i)},{y(v)}" for i, v in enumerate(highs)]
            + [f"{x(i)},{y(v)}" for i, v in reversed(list(enumerate(lows)))])
    every = _label_every(len(points), inner_w // 70)
    return {
        "empty": False, "width": WIDTH, "height": HEIGHT, "pad": PAD,
        "x0": PAD["left"], "x1": WIDTH - PAD["right"], "zero": y(0.0),
        "yticks": [{"y": y(t), "label": _fmt(t)} for t in ticks],
        "xticks": [{"x": x(i), "label": p["date"]} for i, p in enumerate(points) if i % every == 0],
        "line": line, "band": " ".join(band), "dots": dots, "base": HEIGHT - PAD["bottom"],
    }


def bar_chart(bars: Sequence[tuple[str, float]], href_of, height: int = 180) -> dict[str, Any]:
    """Vertical bars (label, value), each a link (``href_of(label)``)."""
    if not bars:
        return {"empty": True, "width": WIDTH, "height": height}
    ticks = nice_ticks(0, max(v for _, v in bars), 4)
    top = ticks[-1] or 1
    inner_w = WIDTH - PAD["left"] - PAD["right"]
    inner_h = height - PAD["top"] - PAD["bottom"]
    slot = inner_w / len(bars)
    width = max(2.0, min(48.0, slot * 0.7))
    every = _label_every(len(bars), inner_w // 60)
    out = []
    for i, (label, v) in enumerate(bars):
        h = inner_h * v / top
        out.append({"x": round(PAD["left"] + i * slot + (slot - width) / 2, 1),
                    "y": round(PAD["top"] + inner_h - h, 1), "w": round(width, 1),
                    "h": round(h, 1), "cx": round(PAD["left"] + (i + 0.5) * slot, 1),
                    "label": label, "value": _fmt(v), "href": href_of(label),
                    "show_label": i % every == 0})
    return {"empty": False, "width": WIDTH, "height": height, "pad": PAD, "bars": out,
            "base": height - PAD["bottom"], "x0": PAD["left"], "x1": WIDTH - PAD["right"],
            "yticks": [{"y": round(PAD["top"] + inner_h * (1 - t / top), 1), "label": _fmt(t)}
                       for t in ticks]}


def lanes_chart(lanes: Sequence[dict[str, Any]], dates: Sequence[str],
                row: int = 30) -> dict[str, Any]:
    """Rows of dated dots: ``lanes`` = [{label, href, items: [{date, n, href, title}]}] over
    the sorted bucket labels ``dates``; a dot's area grows with ``n``."""
    if not lanes or not dates:
        return {"empty": True, "width": WIDTH, "height": 80}
    left = 230
    inner_w = WIDTH - left - PAD["right"]
    pos = {d: i for i, d in enumerate(dates)}
    step = inner_w / max(len(dates) - 1, 1)
    biggest = max((it.get("n", 1) for lane in lanes for it in lane["items"]), default=1)
    height = PAD["top"] + row * len(lanes) + PAD["bottom"]

    def x(d: str) -> float:
        return round(left + (pos[d] * step if len(dates) > 1 else inner_w / 2), 1)

    out = []
    for k, lane in enumerate(lanes):
        cy = PAD["top"] + row * k + row / 2
        dots = [{"x": x(it["date"]), "y": cy, "href": it.get("href"), "title": it.get("title", ""),
                 "r": round(3 + 7 * math.sqrt(it.get("n", 1) / biggest), 1)}
                for it in lane["items"] if it["date"] in pos]
        out.append({"label": lane["label"], "href": lane.get("href"), "y": cy, "dots": dots,
                    "cls": lane.get("cls", "")})
    every = _label_every(len(dates), inner_w // 70)
    return {"empty": False, "width": WIDTH, "height": height, "left": left, "lanes": out,
            "x1": WIDTH - PAD["right"], "base": height - PAD["bottom"],
            "xticks": [{"x": x(d), "label": d} for i, d in enumerate(dates) if i % every == 0]}


def fmt_value(v: Optional[float]) -> str:
    return "" if v is None else _fmt(v)
