"""Records to table rows and back (plain dicts keyed by ``columns``), for any SQL backend.

Rules: an ``Evidence`` field named ``evidence`` spreads into the ``ev_*`` columns plus
``article_id``; any other ``Evidence`` (``Claim.content``) and every tuple go to a JSON column;
``Mention.actor`` spreads into ``actor_*`` columns; booleans are 0/1. Mentions have no id of
their own, so theirs is derived from content (STYLE.md rule 3).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import datetime
from functools import cache
from typing import Any, Mapping, Optional

from ..records import (
    Actor, Article, Claim, Event, Evidence, Interval, Mention, Provenance, Quantity, Region,
    Related, Signals, TimeExpression, stable_id,
)

RECORD_CLASSES: dict[str, type] = {
    "mentions": Mention,
    "claims": Claim,
    "quantities": Quantity,
    "time_expressions": TimeExpression,
    "events": Event,
}
# Field name -> column name where the field name is an SQL reserved word or clashes.
_RENAMES: dict[type, dict[str, str]] = {
    TimeExpression: {"start": "interval_start", "end": "interval_end"},
    Event: {"trigger": "trigger_text"},
}
_ACTOR_FIELDS = tuple(f.name for f in dataclasses.fields(Actor))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def evidence_columns(ev: Evidence) -> dict[str, Any]:
    """The ``ev_*`` columns (and ``article_id``) of one evidence span."""
    return {
        "article_id": ev.article_id, "ev_start": ev.start_char, "ev_end": ev.end_char,
        "ev_text": ev.text, "ev_sentence_start": ev.sentence_start,
        "ev_sentence_end": ev.sentence_end, "ev_sentence": ev.sentence,
    }


def evidence_from_row(row: Mapping[str, Any]) -> Evidence:
    """The evidence span stored in a row's ``ev_*`` columns."""
    return Evidence(row["article_id"], row["ev_start"], row["ev_end"], row["ev_text"],
                    row["ev_sentence_start"], row["ev_sentence_end"], row["ev_sentence"])


def mention_id(m: Mention) -> str:
    """Content-derived id of a mention: same span, actor and extractor give the same id."""
    ev = m.evidence
    return stable_id(ev.article_id, "mention", ev.start_char, ev.end_char, m.actor.id,
                     m.extractor)


def record_to_row(record: Any) -> dict[str, Any]:
    """One extracted record (Mention, Claim, Quantity, TimeExpression, Event) as a row."""
    cls = type(record)
    hints, renames = _hints(cls), _RENAMES.get(cls, {})
    row: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value, hint = getattr(record, f.name), hints[f.name]
        if hint is Evidence:
            row.update(evidence_columns(value))
        elif hint is Actor:
            row.update({"actor_" + k: getattr(value, k) for k in _ACTOR_FIELDS})
        elif hint == Optional[Evidence]:
            row[f.name] = None if value is None else json.dumps(dataclasses.asdict(value))
        elif isinstance(value, tuple):
            row[renames.get(f.name, f.name)] = json.dumps(list(value), ensure_ascii=False)
        elif isinstance(value, bool):
            row[renames.get(f.name, f.name)] = int(value)
        else:
            row[renames.get(f.name, f.name)] = value
    if cls is Mention:
        row["id"] = mention_id(record)
    return row


def record_from_row(cls: type, row: Mapping[str, Any]) -> Any:
    """The record of class ``cls`` stored in ``row`` (inverse of ``record_to_row``)."""
    hints, renames = _hints(cls), _RENAMES.get(cls, {})
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint, col = hints[f.name], renames.get(f.name, f.name)
        if hint is Evidence:
            kwargs[f.name] = evidence_from_row(row)
        elif hint is Actor:
            kwargs[f.name] = Actor(**{k: row["actor_" + k] for k in _ACTOR_FIELDS})
        elif hint == Optional[Evidence]:
            kwargs[f.name] = None if row[col] is None else Evidence(**json.loads(row[col]))
        elif typing.get_origin(hint) is tuple:
            kwargs[f.name] = tuple(json.loads(row[col] or "[]"))
        elif hint is bool:
            kwargs[f.name] = bool(row[col])
        else:
            kwargs[f.name] = row[col]
    return cls(**kwargs)


def signals_to_rows(signals: Signals) -> dict[str, list[dict[str, Any]]]:
    """Every record of ``signals`` as rows, per table."""
    return {table: [record_to_row(r) for r in getattr(signals, table)]
            for table in RECORD_CLASSES}


def signals_from_rows(article_id: str, rows: Mapping[str, list[Mapping[str, Any]]],
                      extractor: str = "") -> Signals:
    """Rebuild ``Signals`` from rows per table (inverse of ``signals_to_rows``)."""
    return Signals(article_id, extractor=extractor, **{
        table: tuple(record_from_row(cls, r) for r in rows.get(table, ()))
        for table, cls in RECORD_CLASSES.items()})


def _iso(dt: Optional[datetime]) -> Optional[str]:
    return None if dt is None else dt.isoformat()


def article_to_row(a: Article, ingested_at: str) -> dict[str, Any]:
    """An article as an ``articles`` row (without ``seq``, which the store assigns)."""
    p, prov = a.published, a.provenance
    return {
        "id": a.id, "url": a.url, "source": a.source, "lang": a.lang,
        "published_start": _iso(p.start) if p else None,
        "published_end": _iso(p.end) if p else None,
        "published_precision": p.precision if p else None,
        "title": a.title, "text": a.text,
        "related": json.dumps([dataclasses.asdict(r) for r in a.related], ensure_ascii=False),
        "regions": json.dumps([dataclasses.asdict(r) for r in a.regions]),
        "content_hash": a.content_hash, "duplicate_of": a.duplicate_of, "group_id": a.group,
        "extraction_method": a.extraction_method,
        "prov_file": prov.file if prov else None, "prov_record": prov.record if prov else None,
        "prov_reader": prov.reader if prov else None,
        "ingested_at": ingested_at,
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The article stored in an ``articles`` row."""
    published = None
    if row["published_start"] is not None:
        published = Interval(datetime.fromisoformat(row["published_start"]),
                             datetime.fromisoformat(row["published_end"]),
                             row["published_precision"])
    provenance = None
    if row["prov_file"] is not None:
        provenance = Provenance(row["prov_file"], row["prov_record"], row["prov_reader"] or "")
    return Article(
        id=row["id"], text=row["text"], url=row["url"], source=row["source"], lang=row["lang"],
        published=published, title=row["title"],
        related=tuple(Related(**r) for r in json.loads(row["related"] or "[]")),
        regions=tuple(Region(**r) for r in json.loads(row["regions"] or "[]")),
        provenance=provenance, content_hash=row["content_hash"] or "",
        duplicate_of=row["duplicate_of"], group=row["group_id"],
        extraction_method=row["extraction_method"],
    )
