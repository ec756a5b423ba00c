"""The text view the claim rules read: tokens, sentences, paragraphs, quote marks, cue hits.

Works on any spaCy Doc: with a blank pipeline it uses token text only; lemmas and POS are used
when the language layer provides them. Sentences follow ANNOTATION.md: split at newlines, an
opening quote mark belongs to the sentence it opens, nothing outside ``article.content_ranges()``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ..records import Article
from . import spans
from .claims_lex import GAP, CueHit, Lex


@dataclass(frozen=True)
class Tok:
    """One token: text, lower case, lemma and POS when known, character offsets."""

    i: int
    text: str
    low: str
    lemma: str
    pos: str
    start: int
    end: int
    quote: bool  # the token is only quote marks
    punct: bool
    tense: str = ""  # "Pres"/"Past" for finite verbs, "Part" for participles, "Attr" for prenominal ones


@dataclass(frozen=True)
class Sent:
    """A sentence: character span, paragraph (line) number, token range [lo, hi)."""

    start: int
    end: int
    para: int
    lo: int
    hi: int
    opens_quote: bool  # starts with an opening quote mark
    ends_open: bool  # a quote is still open at its end
    regions: tuple[tuple[int, int, bool], ...]  # quoted ranges (a, b, closed); unclosed run to the end


def _tokens(doc, lex: Lex) -> list[Tok]:
    lemmas = doc.has_annotation("LEMMA")
    pos = doc.has_annotation("POS")
    morph = doc.has_annotation("MORPH")
    marks = set("".join(lex.quote_marks))
    out: list[Tok] = []
    for t in doc:
        if t.is_space or not t.text.strip():
            continue
        quote = all(ch in marks for ch in t.text) and t.text not in (",", ".")
        out.append(Tok(len(out), t.text, t.text.lower(), t.lemma_.lower() if lemmas else "",
                       t.pos_ if pos else "", t.idx, t.idx + len(t.text), quote,
                       quote or t.is_punct or not any(ch.isalnum() for ch in t.text),
                       _tense(t) if morph else ""))
    return out


def _tense(t) -> str:
    if t.tag_.startswith(("WW|vd|prenom", "WW|od|prenom")):
        return "Attr"  # a participle before a noun describes it ("de geharmoniseerde methode"): no verb
    if "Part" in t.morph.get("VerbForm"):
        return "Part"
    tense = t.morph.get("Tense")
    return tense[0] if tense else ""


def quote_marks(text: str, start: int, end: int, lex: Lex) -> list[tuple[int, int, str]]:
    """The quote marks in text[start:end] as (pos, end, "open"|"close"); apostrophes are skipped."""
    out = []
    i = start
    while i < end:
        mark = next((m for m in lex.quote_marks if text.startswith(m, i) and i + len(m) <= end), None)
        if mark is None:
            i += 1
            continue
        j = i + len(mark)
        prev = text[i - 1] if i > start else " "
        nxt = text[j] if j < end else " "
        if mark == ",," and not nxt.isalnum():
            i = j
            continue
        if prev.isalnum() and nxt.isalnum():  # apostrophe inside a word (zo’n, auto's)
            i = j
            continue
        if any(text.startswith(e, i) and (i + len(e) >= end or not text[i + len(e)].isalnum())
               for e in lex.elisions) and not prev.isalnum():
            i = j
            continue
        if (prev.isspace() or prev in "([") and not nxt.isspace():
            out.append((i, j, "open"))
        elif not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            out.append((i, j, "close"))
        i = j
    return out


def _regions(marks: list[tuple[int, int, str]], start: int, end: int, inside: bool):
    """Quoted ranges (a, b, closed) from marks; ``inside`` = the sentence starts inside a quote."""
    regions, open_at = [], (start if inside else None)
    for pos, stop, kind in marks:
        if kind == "open":
            if open_at is not None and pos > open_at:
                regions.append((open_at, pos, False))
            open_at = pos
        else:  # a close with no open: the quote began before the sentence or its mark was lost
            regions.append((start if open_at is None else open_at, stop, True))
            open_at = None
    if open_at is not None:
        regions.append((open_at, end, False))
    return tuple(regions), open_at is not None


def _split_lines(text: str, s: int, e: int):
    pos = s
    for line in text[s:e].split("\n"):
        a, b = spans.trim(text, pos, pos + len(line))
        pos += len(line) + 1
        if a < b:
            yield a, b


def _fix_opening_marks(text: str, spans_: list[list[int]], lex: Lex) -> None:
    """Move an opening quote mark left at a sentence's end to the next sentence (“ Alles ...)."""
    for k in range(len(spans_) - 1):
        s, e = spans_[k]
        for m in lex.quote_marks:
            if text.endswith(m, s, e) and e - len(m) > s and text[e - len(m) - 1].isspace() \
                    and spans_[k + 1][0] == e:
                spans_[k][1] = e - len(m)
                while spans_[k][1] > s and text[spans_[k][1] - 1].isspace():
                    spans_[k][1] -= 1
                spans_[k + 1][0] = e - len(m)
                break


class View:
    """Tokens and sentences of one article, in content ranges only."""

    def __init__(self, doc, article: Article, lex: Lex):
        self.text = article.text
        self.lex = lex
        self.toks = _tokens(doc, lex)
        self._starts = [t.start for t in self.toks]
        newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        raw = [[a, b] for s, e in spans.sentences(doc, article) for a, b in _split_lines(self.text, s, e)]
        _fix_opening_marks(self.text, raw, lex)
        self.sents: list[Sent] = []
        inside = False
        prev_para = -1
        for s, e in raw:
            para = bisect.bisect_left(newlines, s)
            inside = inside and para == prev_para
            marks = quote_marks(self.text, s, e, lex)
            opens = bool(marks) and marks[0][0] == s and marks[0][2] == "open"
            regions, ends_open = _regions(marks, s, e, inside and not opens)
            lo = bisect.bisect_left(self._starts, s)
            hi = bisect.bisect_left(self._starts, e)
            self.sents.append(Sent(s, e, para, lo, hi, opens, ends_open, regions))
            inside, prev_para = ends_open, para

    def words(self, lo: int, hi: int) -> list[str]:
        return [t.low for t in self.toks[lo:hi]]

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self._starts, char)

    def in_quote(self, sent: Sent, char: int, short_ok: int = 0) -> bool:
        """Whether ``char`` lies in a closed quote of more than ``short_ok`` words."""
        return any(a <= char < b and closed and len(self.text[a:b].split()) > short_ok
                   for a, b, closed in sent.regions)

    def quoted(self, sent: Sent, a: int, b: int) -> bool:
        """Whether [a, b) overlaps a quoted stretch of the sentence."""
        return any(a < rb and ra < b for ra, rb, _ in sent.regions)


def _pos_matches(tok: Tok, alts: frozenset) -> bool:
    return tok.low in alts or (tok.lemma != "" and tok.lemma in alts)


def _clause_end(view: View, j: int, hi: int) -> bool:
    """Whether the clause closes right after token ``j`` (separable particles stand last)."""
    toks, lex = view.toks, view.lex
    k = j + 1
    while k < hi and toks[k].quote:
        k += 1
    if k >= hi or toks[k].punct:
        return True
    # a prepositional phrase may follow the particle ("kondigde sancties aan tegen vijf banken")
    return any(lex.is_(toks[k].low, c) for c in ("comp", "sub", "conj", "prep"))


def match_cues(view: View, lo: int, hi: int) -> list[CueHit]:
    """Every cue and stance pattern in tokens [lo, hi), longest first, without overlaps."""
    toks = view.toks
    idx = [t.i for t in toks[lo:hi] if not t.quote]
    used: set[int] = set()
    hits: list[CueHit] = []
    for n, i in enumerate(idx):
        if i in used or (n > 0 and toks[i].text[:1].isupper() and toks[i].pos == "PROPN"):
            continue  # a name mid-sentence is no cue ("the United States would ...")
        for pat in view.lex.cues_opened_by(toks[i].low, toks[i].lemma):
            parts = _match_at(view, idx, n, pat, hi)
            if parts and not used.intersection(parts):
                used.update(parts)
                hits.append(CueHit(pat, tuple(parts), " ".join(toks[p].text for p in parts)))
                break
    return sorted(hits, key=lambda h: h.parts[0])


def _match_at(view: View, idx: list[int], n: int, pat, hi: int) -> Optional[list[int]]:
    toks = view.toks
    parts: list[int] = []
    pos = n
    for s_no, seg in enumerate(pat.segments):
        if s_no == 0:
            starts = [pos]
        else:  # a gap: the segment may start later in the same clause
            starts = []
            for q in range(pos, min(len(idx), pos + GAP)):
                if toks[idx[q]].punct:
                    break
                starts.append(q)
                if toks[idx[q]].low in pat.gap_not:
                    break  # the segment may sit here, but the gap may not run past it
        found = None
        for q in starts:
            if q + len(seg) <= len(idx) and all(_pos_matches(toks[idx[q + k]], alts)
                                                for k, alts in enumerate(seg)):
                found = q
                break
        if found is None:
            return None
        parts.extend(idx[found + k] for k in range(len(seg)))
        pos = found + len(seg)
    if pat.final and not _clause_end(view, parts[-1], hi):
        return None
    return parts
