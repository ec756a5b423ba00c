"""Export the store: JSONL (the evaluation contract of DESIGN.md), CSV and Parquet, streaming.

- ``jsonl``: one object per article: ``id``, ``url``, ``date`` (``published.label()`` or null),
  ``source_file`` (the input file's name), ``claims``, ``quantities``, ``events``,
  ``time_expressions`` with the contract's field names and ``evidence: {start, end, text,
  sentence}``; extra keys: ``title``, ``source``, ``lang``, ``duplicate_of``, ``group``,
  ``related`` and each record's ``id``/``extractor``.
- ``csv``: one row per record (claims, quantities, events, time expressions) with ``article_id``
  and ``kind``; evidence as ``evidence_start`` ... ``evidence_sentence``.
- ``parquet``: a directory with one file per table (``articles``, ``mentions``, ``claims``,
  ``quantities``, ``time_expressions``, ``events``); columns are those of the store tables
  (``signaal.store.columns``), see ``parquet_schema``.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Union

from .. import lexicon
from ..errors import ConfigError
from ..records import Article, Claim, Event, Quantity, Signals, TimeExpression

if TYPE_CHECKING:
    from .base import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")  # event formats: export_events.py
CONTRACT_KINDS = ("claims", "quantities", "events", "time_expressions")
# The CSV ``kind`` column: one record kind in the singular.
KIND_NAMES = {"claims": "claim", "quantities": "quantity", "events": "event",
              "time_expressions": "time_expression"}
CHUNK = 200
CSV_FIELDS = (
    "article_id", "kind", "id", "url", "date", "source_file",
    "text", "source", "source_actor", "source_code", "cue", "polarity", "direct", "via",
    "value", "value_max", "approx", "unit", "obj", "claimed_by",
    "type", "mode", "target_actor", "cameo", "claim_source", "trigger", "location", "time",
    "start", "end", "resolved", "reason", "claim_id", "confidence", "extractor",
    "evidence_start", "evidence_end", "evidence_text", "evidence_sentence",
)


def _num(x: Optional[float]) -> Optional[float]:
    """130000.0 -> 130000 (the contract writes whole numbers as integers)."""
    return int(x) if isinstance(x, float) and x.is_integer() else x


def claim_export(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "source": c.source, "source_actor": c.source_actor, "cue": c.cue,
            "polarity": c.polarity, "direct": c.direct,
            "text": (c.content or c.evidence).text, "via": list(c.via),
            "source_code": c.source_code, "confidence": c.confidence, "extractor": c.extractor,
            "evidence": c.evidence.to_export()}


def quantity_export(q: Quantity) -> dict[str, Any]:
    return {"id": q.id, "value": _num(q.value), "value_max": _num(q.value_max),
            "approx": q.approx, "unit": q.unit, "obj": q.obj, "claimed_by": q.claimed_by,
            "claim_id": q.claim_id, "extractor": q.extractor, "evidence": q.evidence.to_export()}


def cameo_codes() -> dict[str, str]:
    """PLOVER type -> CAMEO root code, from the shared lexicon file ``common/plover.tsv``."""
    return {r["type"]: r["cameo"] for r in lexicon.load("common", "plover.tsv")}


def event_export(e: Event, cameo: Mapping[str, str]) -> dict[str, Any]:
    return {"id": e.id, "type": e.type, "mode": e.mode, "source_actor": e.source_actor,
            "target_actor": e.target_actor, "cameo": cameo.get(e.type),
            "claim_source": e.claim_source, "claim_id": e.claim_id, "trigger": e.trigger,
            "location": e.location, "time": e.time, "confidence": e.confidence,
            "extractor": e.extractor, "evidence": e.evidence.to_export()}


def time_export(t: TimeExpression) -> dict[str, Any]:
    return {"id": t.id, "text": t.text, "start": t.start, "end": t.end, "resolved": t.resolved,
            "reason": t.reason, "extractor": t.extractor, "evidence": t.evidence.to_export()}


def article_export(article: Article, signals: Signals,
                   cameo: Optional[Mapping[str, str]] = None) -> dict[str, Any]:
    """The contract object for one article and its records (``cameo``: ``cameo_codes()``)."""
    cameo = cameo_codes() if cameo is None else cameo
    prov = article.provenance
    out: dict[str, Any] = {
        "id": article.id, "url": article.url,
        "date": article.published.label() if article.published else None,
        "source_file": os.path.basename(prov.file) if prov and prov.file else None,
        "title": article.title, "source": article.source, "lang": article.lang,
        "duplicate_of": article.duplicate_of, "group": article.group,
        "related": [{"title": r.title, "lede": r.lede} for r in article.related],
    }
    out["claims"] = [claim_export(c) for c in signals.claims]
    out["quantities"] = [quantity_export(q) for q in signals.quantities]
    out["events"] = [event_export(e, cameo) for e in signals.events]
    out["time_expressions"] = [time_export(t) for t in signals.time_expressions]
    return out


def csv_rows(obj: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One CSV row per record of an exported article object."""
    for kind in CONTRACT_KINDS:
        for rec in obj[kind]:
            row = {"article_id": obj["id"], "kind": KIND_NAMES[kind],
                   "url": obj["url"], "date": obj["date"], "source_file": obj["source_file"]}
            for key, value in rec.items():
                if key == "evidence":
                    row.update({f"evidence_{k}": v for k, v in value.items()})
                elif isinstance(value, (list, dict)):
                    row[key] = json.dumps(value, ensure_ascii=False)
                else:
                    row[key] = value
            yield row


def _chunked(articles: Iterable[Article], n: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def with_signals(store: "Store") -> Iterator[tuple[Article, Signals]]:
    """Every stored article with its records, a chunk of articles at a time."""
    for chunk in _chunked(store.articles(CHUNK), CHUNK):
        signals = store.signals_for([a.id for a in chunk])
        for a in chunk:
            yield a, signals[a.id]


@contextlib.contextmanager
def _text_out(out: Union[str, Path, IO[str]]) -> Iterator[IO[str]]:
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
        return
    with open(out, "w", encoding="utf-8", newline="") as f:
        yield f


def export(store: "Store", fmt: str, out: Union[str, Path, IO[str]]) -> int:
    """Write the store as ``fmt`` to ``out``; returns the number of articles written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("plover", "gdelt"):
        from .export_events import export_events

        return export_events(store, fmt, out)
    if fmt == "parquet":
        from .parquet import export_parquet

        return export_parquet(store, out)
    n, cameo = 0, cameo_codes()
    with _text_out(out) as f:
        writer = csv.DictWriter(f, CSV_FIELDS) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for article, signals in with_signals(store):
            obj = article_export(article, signals, cameo)
            if writer:
                writer.writerows(csv_rows(obj))
            else:
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n

