"""Alerts: rules (``rules.py``) evaluated over rows, incrementally against what the store keeps.

The per-kind functions are pure: rows in, candidate alerts out, each with an id derived from the
rule and what triggered it, so evaluating the same rows twice gives the same ids. ``evaluate``
reads rows from a store, drops the ids it fired before (state namespace ``alerts``), and records
per rule up to which article it has read claims (``alerts.evaluated``).

An alert's ``date`` is the day the condition became true in the news (the article date), not
the day it was evaluated.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from ..records import stable_id
from .buckets import fits, start
from .changepoint import series_change_points
from .contested import MAGNITUDE, side
from .independent import components
from .index import dyad_index
from .rows import ClaimRow, EventRow, QuantityRow, load_claims, load_events, load_quantities
from .rules import Rule, RuleSet

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)
NS_ALERTS = "alerts"
NS_EVALUATED = "alerts.evaluated"


@dataclass(frozen=True)
class Alert:
    """One fired alert with the records and sentences behind it."""

    id: str
    rule: str
    on: str
    date: str
    message: str
    article_ids: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    data: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("article_ids", "records", "evidence"):
            d[k] = list(d[k])
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Alert":
        return cls(d["id"], d["rule"], d["on"], d["date"], d["message"], tuple(d["article_ids"]),
                   tuple(d["records"]), tuple(d["evidence"]), d.get("data") or {})


def _alert(rule: Rule, key: Sequence, day: str, text: str, rows: Sequence, **data) -> Alert:
    return Alert(stable_id("alert", rule.name, *key), rule.name, rule.on, day,
                 rule.message + ": " + text if rule.message else text,
                 tuple(dict.fromkeys(r.article_id for r in rows)), tuple(r.id for r in rows),
                 tuple(dict.fromkeys(r.sentence for r in rows if r.sentence)), data)


def when(row) -> str:
    """A row's date at its article's precision: 2022-02-15, or 2022-02 for a month-level date."""
    return {"year": row.date[:4], "month": row.date[:7]}.get(row.precision, row.date)


def claim_alerts(rule: Rule, claims: Iterable[ClaimRow], since_seq: int = 0) -> list[Alert]:
    """One alert per matching claim of an article ingested after ``since_seq``."""
    return [_alert(rule, (c.id,), when(c), f"{c.source} ({c.polarity}): {c.sentence}", [c],
                   source=c.source, source_actor=c.source_actor, polarity=c.polarity)
            for c in claims if c.seq > since_seq and rule.matches(c)]


def _reporters_between(rows: Sequence[EventRow], lo: date, hi: date) -> tuple[int, list]:
    inside = [r for r in rows if lo < date.fromisoformat(r.date) <= hi]
    reps = components({(r.article_id, r.group, r.outlet) for r in inside})
    return len(set(reps.values())), inside


def event_alerts(rule: Rule, events: Iterable[EventRow]) -> list[Alert]:
    """Per dyad: an alert on each day the matching events reach ``min_sources`` independent
    reporters within ``window_days`` (fires again only after falling below)."""
    need, window = int(rule.params["min_sources"]), timedelta(days=int(rule.params["window_days"]))
    by_dyad: dict[tuple, list[EventRow]] = defaultdict(list)
    for r in events:
        if rule.matches(r) and fits(r.precision, "day"):
            by_dyad[(r.source_actor, r.target_actor)].append(r)
    out = []
    for dyad, rows in sorted(by_dyad.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        for day in sorted({date.fromisoformat(r.date) for r in rows}):
            n, inside = _reporters_between(rows, day - window, day)
            before, _ = _reporters_between(rows, day - window - timedelta(days=1), day - timedelta(days=1))
            if n >= need > before:
                typ = "/".join(sorted({r.type for r in inside}))
                out.append(_alert(rule, (*dyad, day.isoformat()), day.isoformat(),
                                  f"{typ} {dyad[0] or '?'}→{dyad[1] or '?'} reported by {n} "
                                  f"independent sources within {window.days} days", inside,
                                  sources=n, dyad=list(dyad)))
    return out


def _mid(q: QuantityRow) -> float:
    return q.value if q.value_max is None else (q.value + q.value_max) / 2


def quantity_alerts(rule: Rule, quantities: Iterable[QuantityRow]) -> list[Alert]:
    """An alert when a side's figure for a unit moves by more than ``change`` from its previous
    figure of the same magnitude (a figure 3× off is about something else and is skipped)."""
    change = float(rule.params["change"])
    by_side: dict[tuple, list[QuantityRow]] = defaultdict(list)
    for q in quantities:
        who = side(q) or ("narrator" if rule.params["include_narrator"] else None)
        if who and q.unit and q.value and rule.matches(q):
            by_side[(q.unit.lower(), who)].append(q)
    out = []
    for (unit, who), rows in sorted(by_side.items()):
        prev: Optional[QuantityRow] = None
        for q in sorted(rows, key=lambda q: (q.date, q.seq, q.start)):
            if prev is not None:
                ratio = _mid(q) / _mid(prev)
                if max(ratio, 1 / ratio) > MAGNITUDE:
                    continue
                if abs(ratio - 1) <= change:
                    prev = q
                    continue
                out.append(_alert(rule, (q.id,), when(q),
                                  f"{who}: {unit} {_mid(prev):,.0f} ({prev.date}) → "
                                  f"{_mid(q):,.0f} ({q.date}), {100 * (ratio - 1):+.0f}%",
                                  [prev, q], side=who, unit=unit, before=_mid(prev),
                                  after=_mid(q)))
            prev = q
    return out


def changepoint_alerts(rule: Rule, events: Sequence[EventRow]) -> list[Alert]:
    """An alert per change point of the rule's dyad series in the wanted direction."""
    src, tgt = rule.params["dyad"]
    unit = rule.params["bucket"]
    series = dyad_index(events, src, tgt, unit, draws=0)
    out = []
    for cp in series_change_points(series, float(rule.params["penalty"]), part=rule.params["part"]):
        if rule.params["direction"] not in ("any", cp.direction):
            continue
        day = start(cp.bucket).isoformat()
        rows = [r for r in events if (r.source_actor, r.target_actor) == (src, tgt)
                and fits(r.precision, unit) and r.date[:len(cp.bucket)] >= cp.bucket][:20]
        out.append(_alert(rule, (src, tgt, cp.bucket), day,
                          f"{src}→{tgt} index {cp.direction}: mean {cp.before:g} → {cp.after:g} "
                          f"from {cp.bucket}", rows, **cp.to_dict()))
    return out


def rule_alerts(rule: Rule, events: Sequence[EventRow], claims: Sequence[ClaimRow],
                quantities: Sequence[QuantityRow], since_seq: int = 0) -> list[Alert]:
    """The candidate alerts of one rule over the rows."""
    if rule.on == "claim":
        return claim_alerts(rule, claims, since_seq)
    if rule.on == "event":
        return event_alerts(rule, events)
    if rule.on == "quantity":
        return quantity_alerts(rule, quantities)
    return changepoint_alerts(rule, events)


def _near_fired(alert: Alert, fired: dict, tolerance_days: int) -> bool:
    """A change point that moved a few buckets since it fired is the same change point."""
    day = date.fromisoformat(alert.date)
    return any(a["rule"] == alert.rule and abs((date.fromisoformat(a["date"]) - day).days) <= tolerance_days
               for a in fired.values())


def evaluate(store: "Store", ruleset: RuleSet) -> list[Alert]:
    """Evaluate every rule against the store; store and return only alerts not fired before."""
    fired = store.get_state(NS_ALERTS)
    marks = store.get_state(NS_EVALUATED)
    kinds = {r.on for r in ruleset.rules}
    claim_marks = [int(marks.get(r.name, 0)) for r in ruleset.rules if r.on == "claim"]
    events = load_events(store) if kinds & {"event", "changepoint"} else []
    claims = load_claims(store, since_seq=min(claim_marks)) if claim_marks else []
    quantities = load_quantities(store) if "quantity" in kinds else []
    new: dict[str, Alert] = {}
    for rule in ruleset.rules:
        for a in rule_alerts(rule, events, claims, quantities, int(marks.get(rule.name, 0))):
            if a.id in fired or a.id in new:
                continue
            if rule.on == "changepoint" and _near_fired(a, fired, int(rule.params["tolerance_days"])):
                continue
            new[a.id] = a
    top = max((r.seq for rows in (events, claims, quantities) for r in rows), default=0)
    top = max([top, *(int(m) for m in marks.values())])
    targets = [t for t in (ruleset.webhook and "webhook", ruleset.command and "command") if t]
    store.put_state(NS_ALERTS, {i: {**a.to_dict(), "pending": targets} for i, a in new.items()})
    store.put_state(NS_EVALUATED, {r.name: top for r in ruleset.rules})
    log.info("alerts: %d rules evaluated, %d new alerts", len(ruleset.rules), len(new))
    return sorted(new.values(), key=lambda a: (a.date, a.rule, a.id))


def stored_alerts(store: "Store") -> list[Alert]:
    """Every alert the store has fired, oldest news first."""
    return sorted((Alert.from_dict(d) for d in store.get_state(NS_ALERTS).values()),
                  key=lambda a: (a.date, a.rule, a.id))
