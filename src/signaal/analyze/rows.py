"""The plain rows the analysis functions read, and the thin adapter that reads them from a Store.

Every analysis function takes lists of these rows, never a store, so the same code runs on rows
from SQLite, PostgreSQL, Parquet or rows a test builds by hand. A row carries its article's
date (start of the published interval), date precision, outlet and syndication group: that is
all the counting needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class _Located:
    """Where a record was read: its article's outlet and syndication group, and the evidence."""

    outlet: Optional[str] = None
    group: Optional[str] = None  # syndication group; None means the article stands alone
    text: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0
    seq: int = 0  # ingest order of the article


@dataclass(frozen=True, slots=True)
class EventRow(_Located):
    """One event with its article's date, outlet and group, and its evidence sentence."""

    id: str
    article_id: str
    date: str  # YYYY-MM-DD: the start of the article's published interval
    precision: str  # year | month | day | time (of the article date)
    type: str
    mode: str
    source_actor: Optional[str]
    target_actor: Optional[str]
    claim_source: Optional[str] = None
    claim_actor: Optional[str] = None  # country/IGO code of the claim the event sits in


@dataclass(frozen=True, slots=True)
class ClaimRow(_Located):
    """One claim with its article's date, outlet and group."""

    id: str
    article_id: str
    date: str
    precision: str
    source: str
    source_actor: Optional[str]
    polarity: str
    source_code: Optional[str] = None
    cue: Optional[str] = None


@dataclass(frozen=True, slots=True)
class QuantityRow(_Located):
    """One claimed number with its article's date, outlet and group."""

    id: str
    article_id: str
    date: str
    precision: str
    value: float
    unit: Optional[str]
    claimed_by: str = "narrator"
    value_max: Optional[float] = None
    approx: bool = False
    obj: Optional[str] = None
    claim_actor: Optional[str] = None  # country/IGO code of the claim the number sits in


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article for story clustering: its text and when it appeared."""

    id: str
    date: str
    precision: str
    text: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    group: Optional[str] = None
    lang: Optional[str] = None


def _common(r: Mapping[str, Any]) -> dict[str, Any]:
    start = r.get("published_start")
    return {"id": r["id"], "article_id": r["article_id"],
            "date": start[:10] if start else "",
            "precision": r.get("published_precision") or "",
            "outlet": r.get("outlet"), "group": r.get("group_id"),
            "text": r.get("ev_text") or "", "sentence": r.get("ev_sentence") or "",
            "start": r.get("ev_start") or 0, "end": r.get("ev_end") or 0,
            "seq": r.get("article_seq") or 0}


def event_row(r: Mapping[str, Any], claim_actors: Mapping[str, Optional[str]] = {}) -> EventRow:
    """An EventRow from a ``Store.record_rows("events")`` dict."""
    return EventRow(type=r["type"], mode=r["mode"], source_actor=r.get("source_actor"),
                    target_actor=r.get("target_actor"), claim_source=r.get("claim_source"),
                    claim_actor=claim_actors.get(r.get("claim_id") or ""), **_common(r))


def claim_row(r: Mapping[str, Any]) -> ClaimRow:
    """A ClaimRow from a ``Store.record_rows("claims")`` dict."""
    return ClaimRow(source=r.get("source") or "", source_actor=r.get("source_actor"),
                    polarity=r["polarity"], source_code=r.get("source_code"), cue=r.get("cue"),
                    **_common(r))


def quantity_row(r: Mapping[str, Any], claim_actors: Mapping[str, Optional[str]] = {}) -> QuantityRow:
    """A QuantityRow from a ``Store.record_rows("quantities")`` dict."""
    return QuantityRow(value=r["value"], unit=r.get("unit"), claimed_by=r.get("claimed_by") or "narrator",
                       value_max=r.get("value_max"), approx=bool(r.get("approx")), obj=r.get("obj"),
                       claim_actor=claim_actors.get(r.get("claim_id") or ""), **_common(r))


# --- the Store adapter ------------------------------------------------------------------------
def load_claims(store: "Store", date_from: Any = None, date_to: Any = None,
                since_seq: int = 0) -> list[ClaimRow]:
    """Every dated claim in the store (in the date range, after ``since_seq``)."""
    return [claim_row(r) for r in store.record_rows("claims", date_from=date_from, date_to=date_to,
                                                    since_seq=since_seq) if r.get("published_start")]


def _claim_actors(store: "Store", **filters: Any) -> dict[str, Optional[str]]:
    return {r["id"]: r.get("source_actor") for r in store.record_rows("claims", **filters)}


def load_events(store: "Store", date_from: Any = None, date_to: Any = None,
                since_seq: int = 0) -> list[EventRow]:
    """Every dated event in the store, with the country/IGO of the claim it sits in."""
    filters = {"date_from": date_from, "date_to": date_to, "since_seq": since_seq}
    actors = _claim_actors(store, **filters)
    return [event_row(r, actors) for r in store.record_rows("events", **filters)
            if r.get("published_start")]


def load_quantities(store: "Store", date_from: Any = None, date_to: Any = None,
                    since_seq: int = 0) -> list[QuantityRow]:
    """Every dated quantity in the store, with the country/IGO of its claim."""
    filters = {"date_from": date_from, "date_to": date_to, "since_seq": since_seq}
    actors = _claim_actors(store, **filters)
    return [quantity_row(r, actors) for r in store.record_rows("quantities", **filters)
            if r.get("published_start")]


def load_articles(store: "Store", date_from: Any = None, date_to: Any = None) -> list[ArticleRow]:
    """Every dated article (text included) whose date overlaps the range, in ingest order."""
    from ..store.queries import bound

    lo, hi = bound(date_from, "from"), bound(date_to, "to")
    out = []
    for a in store.articles():
        p = a.published
        if p is None or (lo and p.end.isoformat() < lo) or (hi and p.start.isoformat() > hi):
            continue
        out.append(ArticleRow(a.id, p.start.date().isoformat(), p.precision, a.text, a.title,
                              a.source, a.group, a.lang))
    return out


def article_ids(rows: Iterable[Any]) -> set[str]:
    """The article ids a list of rows comes from."""
    return {getattr(r, "article_id", None) or r.id for r in rows}
