"""Clause boundaries and token helpers shared by the attribution frames (``claims_frame``):
where a cue's clause starts, the first word of a class, the content's end, trimming."""

from __future__ import annotations

from typing import Optional

from .claims_text import Sent, View

HARD = (";", ":", "(", ")", "–", "—")


def is_closing_quote(view: View, j: int) -> bool:
    t = view.toks[j]
    return t.quote and t.start > 0 and not view.text[t.start - 1].isspace()


def _bracket_open(view: View, sent: Sent, j: int) -> Optional[int]:
    """The "(" of a short aside of at most three words closed at token ``j``, after a word."""
    toks = view.toks
    o = next((x for x in range(j - 1, max(sent.lo, j - 5) - 1, -1) if toks[x].text == "("), None)
    if o is None or o == sent.lo or toks[o - 1].punct or any(toks[x].punct for x in range(o + 1, j)):
        return None
    return o


def clause_start(view: View, sent: Sent, c0: int, hard_only: bool = False) -> tuple[int, str]:
    """First token of the clause holding token ``c0`` and the word/mark that opened it."""
    toks, lex = view.toks, view.lex
    j = c0 - 1
    while j >= sent.lo:
        t = toks[j]
        if t.text == ")":
            o = _bracket_open(view, sent, j)
            if o is not None:
                j = o - 1  # "Sophie in 't Veld (D66) noemt ...": a short aside, not a clause break
                continue
        if t.text in HARD or is_closing_quote(view, j):
            return j + 1, t.text
        if not hard_only:
            if t.text == ",":
                return j + 1, ","
            if j > sent.lo and (lex.is_(t.low, "sub") or lex.is_(t.low, "reladv") or lex.is_(t.low, "contrast")
                                or lex.is_(t.low, "relpron") or lex.is_(t.low, "conj")) \
                    and not (t.low == "al" and j + 1 < c0) \
                    and not (lex.is_(t.low, "sub") and lex.is_(toks[j - 1].low, "prep")):  # "tot nu toe"
                return j + 1, t.low
        j -= 1
    return sent.lo, ""


def first_of(view: View, lo: int, hi: int, cls: str) -> int:
    for j in range(lo, hi):
        if view.lex.is_(view.toks[j].low, cls):
            return j
    return -1


def skip_words(view: View, j: int, hi: int, classes=("adv", "time")) -> int:
    toks, lex = view.toks, view.lex
    while j < hi and (toks[j].quote or any(lex.is_(toks[j].low, c) for c in classes)):
        j += 1
    return j


def content_end(view: View, sent: Sent) -> int:
    """End of the sentence without its final punctuation."""
    e = sent.end
    while e > sent.start and view.text[e - 1] in ".!?;":
        e -= 1
    return e


def strip_span(view: View, a: int, b: int) -> tuple[int, int]:
    """Trim spaces, separators and a dangling closing quote mark from both ends."""
    while b > a and (view.text[b - 1].isspace() or view.text[b - 1] in ",-–:"):
        b -= 1
    while a < b and (view.text[a].isspace() or view.text[a] in ",:"
                     or (view.text[a] in "’”'\"»" and (a + 1 == b or view.text[a + 1].isspace()))):
        a += 1
    return a, b


def negated_in(view: View, lo: int, hi: int, skip: set) -> bool:
    return any(view.toks[j].low in view.lex.negations for j in range(lo, hi) if j not in skip)


def clause_rest(view: View, j: int, hi: int) -> list:
    """The words from token ``j`` to the next punctuation mark."""
    out = []
    for t in view.toks[j:hi]:
        if t.punct and not t.quote:
            break
        out.append(t)
    return out
