"""``evaluate``: gold files in, scores out; system output from an export file or the live pipeline.

Cascade for each gold: find its article (``--articles`` folders, next to the gold, ``examples/``);
read it with ``signaal.ingest.read`` (its ``Article.text`` is what system offsets point into);
take the system's object for it from the export JSONL (matched by ``source_file``, else ``id``)
or, without an export, run ``signaal.extract.pipeline.extract_article`` and convert the Signals
with the store's exporter (``signaal.store.export.article_export``), the same shape either way.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ConfigError, InputError
from ..records import Article
from .gold import KINDS, Gold, find_article, guide_sentences, load_gold, raw_body
from .items import gold_items, system_items
from .score import Result, score_article, summary

log = logging.getLogger(__name__)


def load_system(path: str | Path) -> dict[str, dict]:
    """Export objects keyed by ``source_file`` base name and by ``id``."""
    out: dict[str, dict] = {}
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"system export {p}: {e}; write one with `signaal export --format jsonl`") from e
    for i, ln in enumerate(lines, 1):
        if not ln.strip():
            continue
        try:
            obj = json.loads(ln)
        except json.JSONDecodeError as e:
            raise InputError(f"system export {p} line {i}: not JSON ({e.msg})") from e
        if obj.get("source_file"):
            out.setdefault(Path(obj["source_file"]).name, obj)
        if obj.get("id") is not None:
            out.setdefault(str(obj["id"]), obj)
    return out


def read_article(path: Path) -> Optional[Article]:
    """The article in ``path`` as ingest reads it, or None when ingest quarantines it."""
    from ..ingest import read

    for rec in read([str(path)]):
        if isinstance(rec, Article):
            return rec
        log.warning("ingest could not read %s: %s", path, getattr(rec, "reason", rec))
    return None


def _pipeline():
    try:
        from ..extract.pipeline import extract_article
        from ..store.export import article_export
    except ImportError as e:
        raise ConfigError(f"the extraction pipeline is not importable ({e}); "
                          "score an export instead with --system FILE") from e
    return lambda article: article_export(article, extract_article(article))


def _system_for(gold: Gold, article: Optional[Article], exports: Optional[dict], run, notes: list) -> dict:
    if exports is not None:
        obj = exports.get(gold.name) or exports.get(str(gold.data.get("id")))
        if obj is None:
            notes.append(f"{gold.name}: no object in the system export; all its gold records count as misses")
        return obj or {}
    if article is None:
        notes.append(f"{gold.name}: article not readable, pipeline not run")
        return {}
    return run(article)


def evaluate(gold: Iterable[str | Path], system: Optional[str | Path] = None,
             articles: Iterable[str | Path] = (), per_file: bool = False) -> dict:
    """Score system output against gold files; a JSON-ready report.

    >>> evaluate(["eval/gold"], system="export.jsonl")["scores"]["claims"]["detection"]["f1"]  # doctest: +SKIP
    0.9
    """
    golds = load_gold(gold)
    if not golds:
        raise InputError(f"no gold files in {', '.join(map(str, gold))} (want *.gold.json or *.jsonl)")
    exports = load_system(system) if system is not None else None
    run = _pipeline() if exports is None else None
    dirs = [Path(a) for a in articles]
    total, per, notes = Result(), {}, []
    for g in golds:
        path = find_article(g, dirs)
        article = read_article(path) if path else None
        if path is None:
            notes.append(f"{g.name}: article file not found; matching by anchor text only")
        text = article.text if article else (raw_body(path) if path else None)
        g_items, lost = gold_items(g.data, text, guide_sentences(text) if text is not None else [])
        notes += [f"{g.name}: anchor not found in the article: {a!r}" for a in lost]
        exp = _system_for(g, article, exports, run, notes)
        res = score_article(g.name, g_items, system_items(exp, text))
        total.add(res)
        if per_file:
            per[g.name] = summary(res)["scores"]
    report = {"gold_files": len(golds), "system": str(system) if system else "pipeline",
              **summary(total), "errors": total.errors, "notes": notes}
    if per_file:
        report["per_file"] = per
    return report


def counts(gold: Iterable[str | Path]) -> dict:
    """Annotation counts per field of the gold files (for eval/README.md)."""
    golds = load_gold(gold)
    c: Counter = Counter()
    for g in golds:
        d = g.data
        c["articles"] += 1
        c[f"date precision: {_precision(d.get('date'))}"] += 1
        for kind in KINDS:
            recs = d.get(kind) or []
            c[f"{kind}"] += len(recs)
            for r in recs:
                if kind == "claims":
                    c[f"claims polarity: {r.get('polarity')}"] += 1
                    c["claims source_country: null" if r.get("source_country") is None
                      else "claims source_country: set"] += 1
                elif kind == "events":
                    c[f"events type: {r.get('type')}"] += 1
                    c[f"events mode: {r.get('mode')}"] += 1
                elif kind == "quantities":
                    c["quantities claimed_by: narrator" if (r.get("claimed_by") or "narrator") == "narrator"
                      else "quantities claimed_by: a source"] += 1
                    c["quantities with value_max"] += r.get("value_max") is not None
                    c["quantities approx"] += bool(r.get("approx"))
                else:
                    c["time_expressions resolved" if r.get("resolved") else
                      "time_expressions unresolved"] += 1
    return dict(sorted(c.items(), key=lambda kv: (_order(kv[0]), kv[0])))


def _precision(date: Optional[str]) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "none" if not date else "time")


def _order(key: str) -> int:
    for i, k in enumerate(("articles", "date", *KINDS)):
        if key.startswith(k):
            return i
    return len(KINDS) + 2
