"""Gold objects and system export objects (DESIGN.md contract) as comparable ``Item`` lists."""

from __future__ import annotations

from typing import Optional

from .gold import KINDS, locate
from .match import Item, Span, norm_code, norm_name, norm_number, norm_text


def _fields(kind: str, r: dict, gold: bool) -> dict:
    """The scored fields of one record; gold and system name the claim country differently."""
    if kind == "claims":
        country = r.get("source_country") if gold else r.get("source_actor")
        return {"country": norm_code(country), "polarity": (r.get("polarity") or "").lower(),
                "source": norm_name(r.get("source"))}
    if kind == "events":
        return {"type": norm_code(r.get("type")), "mode": (r.get("mode") or "").lower(),
                "source_actor": norm_code(r.get("source_actor")),
                "target_actor": norm_code(r.get("target_actor"))}
    if kind == "quantities":
        return {"value": (norm_number(r.get("value")), norm_number(r.get("value_max"))),
                "claimant": norm_name(r.get("claimed_by") or "narrator")}
    return {"text": norm_text(r.get("text")), "resolved": r.get("resolved")}


def gold_items(gold: dict, text: Optional[str], sentences: list[Span]) -> tuple[dict, list[str]]:
    """Items per kind for a gold object, with each anchor's sentence located in ``text``.

    Returns the items and the anchors that could not be found (reported, never silently dropped).
    """
    out: dict[str, list[Item]] = {}
    lost: list[str] = []
    for kind in KINDS:
        items = []
        for r in gold.get(kind) or []:
            anchor, span, sentence = r.get("anchor"), None, None
            if anchor and text is not None:
                span = locate(anchor, text, sentences)
                if span is None:
                    lost.append(anchor)
                else:
                    sentence = text[span[0]:span[1]]
            items.append(Item(kind, _fields(kind, r, True), sentence or anchor, span, anchor, r))
        out[kind] = items
    return out, lost


def _system_span(ev: dict, text: Optional[str]) -> Optional[Span]:
    """The evidence sentence's span in ``text``, or the record span; None when offsets do not fit."""
    start, end = ev.get("start"), ev.get("end")
    if text is None or not isinstance(start, int) or not isinstance(end, int):
        return None
    if ev.get("text") is not None and text[start:end] != ev["text"]:
        return None  # offsets into some other text: fall back to comparing sentence text
    sent = ev.get("sentence") or ""
    i = text.find(sent, max(0, end - len(sent))) if sent else -1
    while sent and i != -1 and i <= start:
        if end <= i + len(sent):
            return i, i + len(sent)
        i = text.find(sent, i + 1)
    return start, end


def system_items(export: dict, text: Optional[str]) -> dict[str, list[Item]]:
    """Items per kind for one exported article (the JSONL contract object)."""
    out: dict[str, list[Item]] = {}
    for kind in KINDS:
        items, seen = [], set()
        for r in export.get(kind) or []:
            ev = r.get("evidence") or {}
            item = Item(kind, _fields(kind, r, False), ev.get("sentence"), _system_span(ev, text),
                        None, r)
            if kind == "time_expressions":
                # the guide lists case-insensitive duplicates once; compare sets of texts
                if item.fields["text"] in seen:
                    continue
                seen.add(item.fields["text"])
            items.append(item)
        out[kind] = items
    return out
