"""The functions behind the API endpoints; the dashboard pages call the same ones.

Each returns plain JSON-ready data in the shapes of ``api.models``.
"""

from __future__ import annotations

import calendar
import os
from datetime import datetime
from functools import lru_cache
from typing import Any, Mapping, Optional

from ..errors import StoreError
from ..records import Article, Claim, Event, Evidence, Interval, Mention, Quantity, TimeExpression
from ..store import Store
from ..store.export import cameo_codes, claim_export, event_export, quantity_export, time_export
from ..store.rows import RECORD_CLASSES, mention_id, record_from_row
from . import queries
from .errors import ApiError

RECORD_TABLES = ("claims", "events", "quantities")
LEAD_CHARS = 90


def db_of(store: Store) -> Any:
    """The DB-API connection of a store (record listings are SQL over its tables)."""
    db = getattr(store, "db", None)
    if db is None:
        raise StoreError(f"{store!r} has no SQL connection; the API's record listings need "
                         "the SQLite store")
    return db


def evidence_out(ev: Optional[Evidence]) -> Optional[dict[str, Any]]:
    if ev is None:
        return None
    return {"start": ev.start_char, "end": ev.end_char, "text": ev.text, "sentence": ev.sentence,
            "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end}


def date_label(start: Optional[str], end: Optional[str], precision: Optional[str]) -> Optional[str]:
    """The published date at its precision, from stored ISO strings."""
    if not start:
        return None
    interval = Interval(datetime.fromisoformat(start), datetime.fromisoformat(end or start),
                        precision or "day")
    return interval.label()


def lead(title: Optional[str], text: Optional[str], size: int = LEAD_CHARS) -> Optional[str]:
    """The text's first words (cut at a space, with an ellipsis) when there is no title."""
    if title or not text:
        return None
    first = " ".join(text.strip().split("\n", 1)[0].split())
    if len(first) <= size:
        return first
    return first[:size].rsplit(" ", 1)[0] + "…"


def article_ref(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "source": article.source,
            "lang": article.lang, "url": article.url,
            "date": article.published.label() if article.published else None,
            "lead": lead(article.title, article.text)}


def ref_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The article reference of a listed record (its ``a_*`` columns)."""
    return {"id": row["article_id"], "title": row["a_title"], "source": row["a_source"],
            "lang": row["a_lang"], "url": row["a_url"],
            "date": date_label(row["a_start"], row["a_end"], row["a_precision"]),
            "lead": lead(row["a_title"], row["a_lead"])}


def claim_out(c: Claim) -> dict[str, Any]:
    return {**claim_export(c), "evidence": evidence_out(c.evidence),
            "content": evidence_out(c.content), "speaker": evidence_out(c.speaker)}


@lru_cache(maxsize=1)
def _cameo() -> dict[str, str]:
    return cameo_codes()  # packaged lexicon data: read once per process


def event_out(e: Event) -> dict[str, Any]:
    return {**event_export(e, _cameo()), "evidence": evidence_out(e.evidence)}


def quantity_out(q: Quantity) -> dict[str, Any]:
    return {**quantity_export(q), "evidence": evidence_out(q.evidence)}


def time_out(t: TimeExpression) -> dict[str, Any]:
    return {**time_export(t), "evidence": evidence_out(t.evidence)}


def mention_out(m: Mention) -> dict[str, Any]:
    a = m.actor
    return {"id": mention_id(m), "by_reference": m.by_reference, "confidence": m.confidence,
            "actor": {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                      "sector": a.sector, "code": a.code, "role": a.role},
            "evidence": evidence_out(m.evidence)}


OUT = {"claims": claim_out, "events": event_out, "quantities": quantity_out,
       "time_expressions": time_out, "mentions": mention_out}


def page(total: Optional[int], rows: list, limit: int, offset: int) -> dict[str, Any]:
    more = (offset + len(rows) < total) if total is not None else len(rows) == limit
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": offset + len(rows) if more and rows else None, "rows": rows}


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    """One article with every record and its spans; 404 when unknown."""
    article = store.article(article_id)
    if article is None:
        raise ApiError(404, f"no article {article_id!r}; find ids with /api/articles?q=...")
    signals = store.signals(article_id)
    prov = article.provenance
    out = {**article_ref(article), "text": article.text, "duplicate_of": article.duplicate_of,
           "group": article.group, "extraction_method": article.extraction_method,
           "source_file": os.path.basename(prov.file) if prov and prov.file else None,
           "extractor": signals.extractor or None,
           "regions": [{"kind": r.kind, "start": r.start, "end": r.end} for r in article.regions],
           "related": [{"title": r.title, "lede": r.lede, "start": r.start, "end": r.end}
                       for r in article.related]}
    for kind, fn in OUT.items():
        out[kind] = [fn(r) for r in getattr(signals, kind)]
    return out


def articles_page(store: Store, q: Optional[str] = None, *, date_from: Any = None,
                  date_to: Any = None, source: Optional[str] = None, lang: Optional[str] = None,
                  limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Search (``q``, ranked) or list (newest first) articles, with filters and paging."""
    if q and q.strip():
        hits = store.search(q, date_from=date_from, date_to=date_to, source=source, lang=lang,
                            limit=limit, offset=offset)
        rows = [{**article_ref(h.article), "snippet": h.snippet, "rank": h.rank,
                 "duplicate_of": h.article.duplicate_of, "group": h.article.group} for h in hits]
        return page(None, rows, limit, offset)
    from ..store.rows import article_from_row

    total, found = queries.list_articles(db_of(store), date_from=date_from, date_to=date_to,
                                         source=source, lang=lang, limit=limit, offset=offset)
    rows = []
    for r in found:
        a = article_from_row(r)
        rows.append({**article_ref(a), "duplicate_of": a.duplicate_of, "group": a.group})
    return page(total, rows, limit, offset)


def records_page(store: Store, table: str, filters: Mapping[str, Any], *, date_from: Any = None,
                 date_to: Any = None, contains: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> dict[str, Any]:
    """Claims, events or quantities across articles, each with its article reference."""
    total, found = queries.list_records(db_of(store), table, filters, date_from=date_from,
                                        date_to=date_to, contains=contains, limit=limit,
                                        offset=offset)
    cls, out = RECORD_CLASSES[table], OUT[table]
    rows = [{**out(record_from_row(cls, r)), "article": ref_from_row(r)} for r in found]
    return page(total, rows, limit, offset)


def actors(store: Store) -> list[dict[str, Any]]:
    """Every actor code seen in claims, events or mentions, busiest first."""
    db = db_of(store)
    names = queries.actor_names(db)
    return [{"code": code, "name": names.get(code), "claims": c, "events_as_source": s,
             "events_as_target": t, "mentions": m}
            for code, c, s, t, m in queries.actor_counts(db)]


def dyads(store: Store, limit: int = 100) -> list[dict[str, Any]]:
    """Actor pairs with events between them, most events first."""
    rows, modes, types = queries.dyads(db_of(store), limit)
    out = []
    for s, t, n, articles, first, last in rows:
        key = f"{s}|{t}"
        out.append({"source_actor": s, "target_actor": t, "events": n, "articles": articles,
                    "modes": modes.get(key, {}), "types": types.get(key, {}),
                    "first": first[:10] if first else None, "last": last[:10] if last else None})
    return out


def volume(store: Store) -> list[tuple[str, int]]:
    """(month, articles) for every month with articles."""
    return [(k, v) for k, v in store.stats()["by_month"].items() if k != "unknown"]


def stance_table(store: Store, top: int = 30) -> list[dict[str, Any]]:
    """Claims per source (actor code, else name) and polarity, sources with most claims first."""
    table: dict[tuple, dict[str, int]] = {}
    for code, name, polarity, n in queries.stances(db_of(store)):
        table.setdefault((code, name), {})[polarity] = n
    rows = [{"source": code or name, "actor": code, "total": sum(counts.values()),
             "polarities": counts} for (code, name), counts in table.items()]
    return sorted(rows, key=lambda r: (-r["total"], r["source"]))[:top]


def clamp_day(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` with a day past the month's end (2022-02-31) as that month's last day."""
    if not value or len(value) != 10:
        return value
    y, m, d = (int(x) for x in value.split("-"))
    last = calendar.monthrange(y, m)[1]
    return value if d <= last else f"{y:04d}-{m:02d}-{last:02d}"
