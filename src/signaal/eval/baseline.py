"""The regression gate's logic: pinned floors per figure, a digest of the gold set, floors only rise.

``eval/baseline.json`` holds ``floors`` (``claims.source_country+polarity`` -> F1, ...,
``time_expressions.resolution`` -> accuracy) and ``digest``, a SHA-256 over the gold files and the
articles they name. ``check`` fails when a figure falls below its floor or the gold set changed;
``update`` pins the current figures, refusing to lower a floor unless ``allow_regression``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .gold import find_article, load_gold

EPS = 1e-9


def figures(report: dict) -> dict[str, float]:
    """The gated figures of a report: every F1, and resolution accuracy when gold resolves any."""
    out = {f"{kind}.{level}": s["f1"] for kind, levels in report["scores"].items()
           for level, s in levels.items() if "f1" in s}
    acc = report["scores"].get("time_expressions", {}).get("resolution", {}).get("accuracy")
    if acc is not None:
        out["time_expressions.resolution"] = acc
    return out


def digest(gold: Iterable[str | Path], articles: Iterable[str | Path] = ()) -> str:
    """SHA-256 over the gold files and the article files they name (names and bytes, sorted)."""
    h = hashlib.sha256()
    parts: dict[str, bytes] = {}
    dirs = [Path(a) for a in articles]
    for g in load_gold(gold):
        parts[f"gold:{g.path.name}:{g.line or 0}"] = json.dumps(g.data, sort_keys=True).encode()
        art = find_article(g, dirs)
        if art is not None:
            parts[f"article:{art.name}"] = art.read_bytes()
    for name in sorted(parts):
        h.update(name.encode() + b"\0" + parts[name] + b"\0")
    return h.hexdigest()


@dataclass
class Verdict:
    """The gate's outcome: ok, and the lines that explain it."""

    ok: bool
    lines: list[str] = field(default_factory=list)


def load(path: Path) -> Optional[dict]:
    """The baseline file, or None when there is none yet."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def check(current: dict[str, float], gold_digest: str, baseline: Optional[dict]) -> Verdict:
    """Compare figures with the pinned floors and the pinned gold digest."""
    if baseline is None:
        return Verdict(False, ["no baseline yet: pin one with `python eval/gate.py --update`"])
    v = Verdict(True)
    if baseline.get("digest") != gold_digest:
        v.ok = False
        v.lines.append("the gold set (or an article it names) changed since the floors were pinned: "
                       "re-pin with `python eval/gate.py --update` (floors may only rise)")
    for key, floor in sorted(baseline.get("floors", {}).items()):
        got = current.get(key)
        if got is None or got < floor - EPS:
            v.ok = False
            v.lines.append(f"REGRESSION {key}: {got} < floor {floor}")
        else:
            v.lines.append(f"ok {key}: {got:.4f} >= {floor:.4f}")
    return v


def update(current: dict[str, float], gold_digest: str, baseline: Optional[dict],
           allow_regression: bool = False) -> tuple[Verdict, dict]:
    """New baseline from the current figures; refused when a floor would fall (unless allowed)."""
    old = (baseline or {}).get("floors", {})
    drops = [f"{k}: {current.get(k)} < {f}" for k, f in sorted(old.items())
             if current.get(k) is None or current[k] < f - EPS]
    if drops and not allow_regression:
        return Verdict(False, ["refusing to lower floors (use --allow-regression on purpose):", *drops]), baseline or {}
    new = {"digest": gold_digest, "floors": {k: round(x, 4) for k, x in sorted(current.items())}}
    return Verdict(True, [f"pinned {len(new['floors'])} floors", *(["lowered: " + d for d in drops])]), new
