"""The analysis views of the API (dyad index, drill-down, contested claims, timelines, stories,
alerts), each a thin call into ``signaal.analyze`` over the rows it loads from the store.

Where ``signaal.analyze`` does not (yet) offer a view, the answer says so (``available:
false``, with the missing function named) instead of failing.
"""

from __future__ import annotations

import copy
import importlib
from typing import Any, Callable, Optional

from ..store import Store
from .data import db_of
from .errors import ApiError

BUCKETS = ("day", "week", "month")


def analysis(module: str, name: str) -> Optional[Callable[..., Any]]:
    """``signaal.analyze.<module>.<name>``, or None while it does not exist."""
    full = f"signaal.analyze.{module}"
    try:
        mod = importlib.import_module(full)
    except ModuleNotFoundError as e:
        if e.name not in (full, "signaal.analyze"):
            raise
        return None
    return getattr(mod, name, None)


def unavailable(method: str) -> dict[str, Any]:
    return {"available": False, "method": method, "rows": [],
            "note": f"{method} is not available in this version of signaal.analyze"}


def _events(store: Store) -> list:
    return analysis("rows", "load_events")(store)  # type: ignore[misc]


def evidence_path(source: str, target: str, bucket: str, label: str) -> str:
    return f"/api/dyads/{source}/{target}/events?bucket={bucket}&date={label}"


def dyad_series(store: Store, source: str, target: str, bucket: str = "day") -> dict[str, Any]:
    """The escalation index of source -> target per bucket, each point linking its evidence."""
    index = analysis("index", "dyad_index")
    if index is None:
        raise ApiError(501, "the escalation index (signaal.analyze.index.dyad_index) is not "
                            "available in this version")
    series = index(_events(store), source, target, bucket)
    points = [{"date": p.bucket, "value": p.value, "low": p.low, "high": p.high,
               "verbal": p.verbal, "material": p.material, "events": p.events,
               "sources": p.sources, "evidence": evidence_path(source, target, bucket, p.bucket)}
              for p in series.points]
    return {"source_actor": source, "target_actor": target, "bucket": bucket,
            "method": "signaal.analyze.index.dyad_index", "imprecise": series.imprecise,
            "level": series.level, "points": points}


def dyad_evidence(store: Store, source: str, target: str, bucket: str, label: str) -> list[dict]:
    """The events behind one point of the series, with their sentences and spans in them."""
    drill = analysis("index", "drilldown")
    if drill is None:
        raise ApiError(501, "drill-down (signaal.analyze.index.drilldown) is not available")
    rows = drill(_events(store), source, target, label, bucket)
    starts = _sentence_starts(store, [r["event_id"] for r in rows])
    for r in rows:
        r["sentence_start"] = starts.get(r["event_id"])
    return rows


def _sentence_starts(store: Store, ids: list[str]) -> dict[str, int]:
    """event id -> where its sentence starts (to place the span inside the sentence)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {r[0]: r[1] for r in db_of(store).execute(
        f"SELECT id, ev_sentence_start FROM events WHERE id IN ({marks})", ids)}


def contested(store: Store) -> dict[str, Any]:
    """Contested stances and disagreeing numbers, grouped (oldest first)."""
    fn = analysis("contested", "contested")
    load_q = analysis("rows", "load_quantities")
    if fn is None or load_q is None:
        return unavailable("signaal.analyze.contested.contested")
    groups = fn(_events(store), load_q(store))
    rows = [{**g.to_dict(), "title": g.title()} for g in groups]
    return {"available": True, "method": "signaal.analyze.contested.contested", "rows": rows}


def timeline(store: Store, bucket: str = "week", actor: Optional[str] = None) -> dict[str, Any]:
    """Events by type × mode and claims by source × polarity per bucket."""
    fn, cut = analysis("timeline", "timeline"), analysis("timeline", "Cut")
    load_c = analysis("rows", "load_claims")
    if fn is None or cut is None or load_c is None:
        return unavailable("signaal.analyze.timeline.timeline")
    t = fn(_events(store), load_c(store), bucket, cut(actor=actor))
    return {"available": True, "method": "signaal.analyze.timeline.timeline", **t.to_dict(),
            "rows": t.events}


def stories(store: Store, limit: int = 50) -> dict[str, Any]:
    """Stories (article clusters over time), largest first, with labels and key claims."""
    fn, describe = analysis("stories", "stories"), analysis("stories", "describe")
    load_a, load_c = analysis("rows", "load_articles"), analysis("rows", "load_claims")
    if None in (fn, describe, load_a, load_c):
        return unavailable("signaal.analyze.stories.stories")
    found = fn(tuple(load_a(store)))[:limit]  # a tuple: stories() caches on its argument
    events, claims = _events(store), load_c(store)
    rows = [describe(copy.copy(s), events, claims, "day").to_dict() for s in found]
    return {"available": True, "method": "signaal.analyze.stories.stories", "rows": rows}


def alerts(store: Store, limit: int = 200) -> dict[str, Any]:
    """Alerts the store has fired (``signaal alerts`` / watch mode), newest news first."""
    fn = analysis("alerts", "stored_alerts")
    if fn is None:
        return unavailable("signaal.analyze.alerts.stored_alerts")
    found = sorted(fn(store), key=lambda a: (a.date, a.rule, a.id), reverse=True)[:limit]
    return {"available": True, "method": "signaal.analyze.alerts.stored_alerts",
            "rows": [a.to_dict() for a in found]}
