"""Event exports for existing event-data tooling: PLOVER JSON lines and a GDELT-like TSV.

- ``plover``: one JSON object per event with PLOVER's field names (``id``, ``date``,
  ``event_type``, ``mode``, ``context``, ``actor``, ``actor_country``, ``recipient``,
  ``recipient_country``, ``location``, ``event_text``, ``story_id``, ``publisher``, ``url``).
  PLOVER's ``mode`` is an event sub-type (e.g. "aerial" for ASSAULT), which Signaal does not
  code, so it stays empty; Signaal's modality (asserted, denied, ...) is in ``signaal_mode``,
  next to ``claim_source``, ``confidence``, ``extractor`` and the ``evidence`` span.
- ``gdelt``: a tab-separated table with a header row and GDELT 1.0/2.0 event column names:
  ``GLOBALEVENTID``, ``SQLDATE``, ``Actor1Code``, ``Actor1CountryCode``, ``Actor2Code``,
  ``Actor2CountryCode``, ``EventCode``, ``EventBaseCode``, ``EventRootCode`` (the CAMEO root of
  the PLOVER type), ``QuadClass`` (1 verbal coop .. 4 material conflict), ``GoldsteinScale``
  (the type × mode weight of ``events.weights()``), ``NumMentions``, ``SOURCEURL``, plus
  ``Mode`` and ``ClaimSource``. Unlike GDELT, a denied or demanded event is kept and marked.
"""

from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING, Any, Iterator, Optional, Union
from pathlib import Path

from .. import lexicon
from ..extract import events as ev
from ..records import Article, Event
from .export import _text_out, with_signals

if TYPE_CHECKING:
    from .base import Store

EVENT_FORMATS = ("plover", "gdelt")
IGO_CODES = frozenset({"NATO", "EU", "UN", "OSCE", "CSTO", "IAEA", "G7", "AU"})
QUAD_NUMBERS = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}
GDELT_FIELDS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code",
    "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
    "DATEADDED", "SOURCEURL", "Mode", "ClaimSource",
)


def _date(article: Article, fmt: str) -> Optional[str]:
    return article.published.start.strftime(fmt) if article.published else None


def _country(code: Optional[str]) -> Optional[str]:
    """The ISO3 country of an actor code; IGOs have none."""
    return None if code is None or code in IGO_CODES else code


def plover_record(article: Article, e: Event) -> dict[str, Any]:
    """One event with PLOVER's JSON field names (see the module docstring)."""
    return {
        "id": e.id, "date": _date(article, "%Y-%m-%d"), "event_type": e.type, "mode": "",
        "context": [], "actor": e.source_actor, "actor_country": _country(e.source_actor),
        "recipient": e.target_actor, "recipient_country": _country(e.target_actor),
        "location": e.location, "event_text": e.evidence.sentence, "story_id": article.id,
        "publisher": article.source, "url": article.url, "language": article.lang,
        "signaal_mode": e.mode, "claim_source": e.claim_source, "trigger": e.trigger,
        "confidence": e.confidence, "extractor": e.extractor, "evidence": e.evidence.to_export(),
    }


def _quads() -> dict[str, int]:
    return {r["type"]: QUAD_NUMBERS.get(r["quad"], 0) for r in lexicon.load("common", "plover.tsv")}


def gdelt_row(article: Article, e: Event, quads: dict[str, int]) -> dict[str, Any]:
    """One event as a GDELT-events-like row (see the module docstring)."""
    root = ev.cameo().get(e.type, "")
    return {
        "GLOBALEVENTID": e.id, "SQLDATE": _date(article, "%Y%m%d"),
        "Actor1Code": e.source_actor or "", "Actor1CountryCode": _country(e.source_actor) or "",
        "Actor2Code": e.target_actor or "", "Actor2CountryCode": _country(e.target_actor) or "",
        "IsRootEvent": 1, "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
        "QuadClass": quads.get(e.type, 0),
        "GoldsteinScale": round(ev.weights().get((e.type, e.mode), 0.0), 2),
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "DATEADDED": _date(article, "%Y%m%d"), "SOURCEURL": article.url or "",
        "Mode": e.mode, "ClaimSource": e.claim_source or "",
    }


def event_lines(pairs, fmt: str) -> Iterator[Union[dict, str]]:
    """PLOVER JSON lines or GDELT rows for (article, signals) pairs."""
    quads = _quads()
    for article, signals in pairs:
        for e in signals.events:
            if fmt == "plover":
                yield json.dumps(plover_record(article, e), ensure_ascii=False)
            else:
                yield gdelt_row(article, e, quads)


def export_events(store: "Store", fmt: str, out: Union[str, Path, IO[str]]) -> int:
    """Write every stored event as ``plover`` JSONL or a ``gdelt`` TSV; returns the article count."""
    n = 0

    def counted():
        nonlocal n
        for pair in with_signals(store):
            n += 1
            yield pair

    with _text_out(out) as f:
        if fmt == "gdelt":
            writer = csv.DictWriter(f, GDELT_FIELDS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(event_lines(counted(), fmt))
        else:
            for line in event_lines(counted(), fmt):
                f.write(line + "\n")
    return n
