"""Article text with its records marked up (displaCy-like), every character escaped.

Spans may nest or cross (a quantity inside a claim, a mention across an event). The text is cut
at every span boundary; each piece is wrapped in the spans covering it, outer layers first, and
a span that crosses another's boundary is closed and reopened (its label and anchor only on
its first piece). Only escaped article text and escaped labels go into the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

from markupsafe import Markup, escape

# Outer to inner: regions, claims, speakers, events/quantities/time, mentions.
RANK = {"region": 0, "claim": 1, "speaker": 2, "event": 3, "quantity": 3, "timex": 3,
        "mention": 4}
SHOWN_REGIONS = ("caption", "byline", "subheading", "dateline")


@dataclass(frozen=True)
class Mark:
    """One span to mark: CSS classes, an optional tag shown before it, tooltip and anchor id."""

    start: int
    end: int
    layer: str
    classes: str
    tag: str = ""
    title: str = ""
    anchor: str = ""
    key: int = 0


def _open(m: Mark, first: bool) -> Markup:
    attrs = Markup(' class="{}"').format(m.classes)
    if m.title:
        attrs += Markup(' title="{}"').format(m.title)
    if first and m.anchor:
        attrs += Markup(' id="{}"').format(m.anchor)
    html = Markup("<mark{}>").format(attrs)
    if first and m.tag:
        html += Markup('<span class="tag">{}</span>').format(m.tag)
    return html


def render(text: str, marks: Iterable[Mark], skip: Iterable[tuple[int, int]] = ()) -> Markup:
    """``text`` as HTML with ``marks`` nested properly; ``skip`` ranges are left out."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    skips = sorted(skip)
    cuts = {0, len(text)} | {m.start for m in marks} | {m.end for m in marks}
    cuts |= {p for s in skips for p in s if 0 <= p <= len(text)}
    bounds = sorted(cuts)
    out: list[Markup] = []
    stack: list[Mark] = []
    for a, b in zip(bounds, bounds[1:]):
        if any(s <= a and b <= e for s, e in skips):
            out.extend(Markup("</mark>") for _ in stack)
            stack = []
            continue
        want = sorted((m for m in marks if m.start <= a and b <= m.end),
                      key=lambda m: (RANK[m.layer], m.start, -m.end, m.key))
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out.extend(Markup("</mark>") for _ in stack[keep:])
        out.extend(_open(m, m.start == a) for m in want[keep:])
        stack = want
        out.append(escape(text[a:b]))
    out.extend(Markup("</mark>") for _ in stack)
    return Markup("").join(out)


def _num(x: Optional[float]) -> str:
    if x is None:
        return ""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def quantity_tag(q: Mapping[str, Any]) -> str:
    value = _num(q["value"]) + (f"–{_num(q['value_max'])}" if q.get("value_max") else "")
    return f"{'~' if q.get('approx') else ''}{value} {q.get('unit') or ''}".strip()


def article_marks(detail: Mapping[str, Any]) -> list[Mark]:
    """The marks of an article detail (``api.data.article_detail``)."""
    marks: list[Mark] = []

    def add(start: int, end: int, layer: str, classes: str, tag: str = "", title: str = "",
            anchor: str = "") -> None:
        marks.append(Mark(start, end, layer, classes, tag, title, anchor, len(marks)))

    for r in detail["regions"]:
        if r["kind"] in SHOWN_REGIONS:
            add(r["start"], r["end"], "region", f"region region-{r['kind']}", title=r["kind"])
    for c in detail["claims"]:
        ev, who = c["evidence"], c.get("source_actor") or c.get("source") or "?"
        add(ev["start"], ev["end"], "claim", f"claim pol-{c['polarity']}",
            tag=f"{who} · {c['polarity']}",
            title=f"claim by {c.get('source') or '?'} ({c['polarity']}; cue: {c.get('cue') or '-'})",
            anchor=f"rec-{c['id']}")
        if c.get("speaker"):
            add(c["speaker"]["start"], c["speaker"]["end"], "speaker", "speaker",
                title=f"speaker: {c.get('source') or '?'}")
    for e in detail["events"]:
        ev = e["evidence"]
        dyad = f"{e.get('source_actor') or '?'}→{e.get('target_actor') or '?'}"
        add(ev["start"], ev["end"], "event", f"event mode-{e['mode']}",
            tag=f"{e['type']} {dyad}" + ("" if e["mode"] == "asserted" else f" · {e['mode']}"),
            title=f"event {e['type']} ({e['mode']}) {dyad}", anchor=f"rec-{e['id']}")
    for q in detail["quantities"]:
        ev = q["evidence"]
        add(ev["start"], ev["end"], "quantity", "quantity", tag=quantity_tag(q),
            title=f"quantity claimed by {q.get('claimed_by') or 'narrator'}",
            anchor=f"rec-{q['id']}")
    for t in detail["time_expressions"]:
        ev = t["evidence"]
        add(ev["start"], ev["end"], "timex", "timex", tag=t.get("resolved") or "?",
            title=f"time: {t.get('resolved') or t.get('reason') or 'unresolved'}",
            anchor=f"rec-{t['id']}")
    for m in detail["mentions"]:
        ev, actor = m["evidence"], m["actor"]
        add(ev["start"], ev["end"], "mention", "mention",
            title=f"{actor.get('name') or '?'} ({actor.get('country') or actor.get('kind') or '?'})")
    return marks


def article_html(detail: Mapping[str, Any]) -> Markup:
    """The article body with every record marked; the teaser block is left out (shown apart)."""
    teasers = [(r["start"], r["end"]) for r in detail["regions"] if r["kind"] == "teasers"]
    return render(detail["text"], article_marks(detail), teasers)


def sentence_html(sentence: str, start: Optional[int], end: Optional[int],
                  classes: str = "hit", tag: str = "") -> Markup:
    """One evidence sentence with the record's span (offsets within the sentence) marked."""
    if start is None or end is None or not (0 <= start < end <= len(sentence)):
        return escape(sentence)
    return render(sentence, [Mark(start, end, "event", classes, tag)])


def mark_text(sentence: str, text: str, classes: str = "hit") -> Markup:
    """A sentence with the first occurrence of ``text`` marked (for rows that carry no offsets)."""
    at = sentence.find(text) if text else -1
    return sentence_html(sentence, at, at + len(text), classes) if at >= 0 else escape(sentence)


_SNIPPET_HIT = re.compile(r"\[([^\[\]]{1,200})\]")


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its ``[match]`` brackets as marks (the text is escaped first)."""
    return Markup(_SNIPPET_HIT.sub(r'<mark class="hit">\1</mark>', str(escape(snippet))))
