"""Quantities: numbers in the text, what they count, and who claims them (ANNOTATION.md).

Scans each content sentence as a token stream; a number is digits (with the language's group and
decimal separators) or a number word (text2num), optionally scaled by a multiplier ("12 miljard"),
bounded by a hedge ("zo'n", "ruim"), widened into a range ("tussen 20 en 30", "twee- tot
driehonderd") and followed by what it counts ("militairen" → troops). Dates, years, clock times,
ordinals, name parts (F-35, D66), time offsets and ages are not quantities. All word lists live in
``lexicon/<lang>/`` (number_format, hedges, multipliers, units, quantity_context, months,
number_words_excluded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from text_to_num import text2num

from .. import lexicon
from ..records import Article, Claim, Quantity, stable_id
from .spans import evidence, sentences

EXTRACTOR = "signaal.quantities.v1"

# A token: a digit run with separators inside, a word (with an inner apostrophe: zo'n), or one symbol.
_TOKEN = re.compile(r"\d(?:[\d.,]*\d)?|[^\W\d_]+(?:['’][^\W\d_]+)?|\S", re.UNICODE)


@dataclass(frozen=True)
class _Lex:
    lang: str
    number: re.Pattern
    decimal: str
    group: str
    hedges: tuple[tuple[tuple[str, ...], str], ...]  # (words, kind), longest first
    multipliers: dict
    units: dict  # word tuple -> (unit, kind)
    unit_max_len: int
    excluded_words: frozenset
    context: dict  # word tuple -> set of rules
    months: frozenset


@lru_cache(maxsize=8)
def _lex(lang: str) -> _Lex:
    fmt = {r["key"]: r["value"] for r in lexicon.load(lang, "number_format.tsv")}
    dec, grp = fmt["decimal"], fmt["group"]
    number = re.compile(rf"^(?:\d{{1,3}}(?:{re.escape(grp)}\d{{3}})+|\d+)(?:{re.escape(dec)}\d+)?$")
    hedges = sorted(((tuple(_words(r["phrase"])), r["kind"]) for r in lexicon.load(lang, "hedges.tsv")),
                    key=lambda h: -len(h[0]))
    units = {tuple(_words(r["word"])): (r["unit"], r["kind"]) for r in lexicon.load(lang, "units.tsv")}
    context: dict = {}
    for r in lexicon.load(lang, "quantity_context.tsv"):
        context.setdefault(tuple(_words(r["word"])), set()).add(r["rule"])
    return _Lex(
        lang=lang, number=number, decimal=dec, group=grp, hedges=tuple(hedges),
        multipliers={r["word"]: float(r["factor"]) for r in lexicon.load(lang, "multipliers.tsv")},
        units=units, unit_max_len=max(len(k) for k in units),
        excluded_words=frozenset(lexicon.load(lang, "number_words_excluded.txt")),
        context=context,
        months=frozenset(r["name"].rstrip(".") for r in lexicon.load(lang, "months.tsv")),
    )


def _words(phrase: str) -> list[str]:
    return [m.group().lower() for m in _TOKEN.finditer(phrase)]


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


def _tokens(text: str, offset: int) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), offset + m.start(), offset + m.end())
            for m in _TOKEN.finditer(text)]


def parse_digits(s: str, lang: str) -> Optional[float]:
    """A digit string in the language's notation as a number ("130.000" → 130000 in nl)."""
    lx = _lex(lang)
    if not lx.number.match(s):
        return None
    return float(s.replace(lx.group, "").replace(lx.decimal, "."))


def parse_word(word: str, lang: str) -> Optional[float]:
    """A single number word ("honderddertig" → 130), or None."""
    low = word.lower()
    if low in _lex(lang).excluded_words or not low.isalpha():
        return None
    try:
        return float(text2num(low, lang))
    except ValueError:
        return None


def _match_words(toks: Sequence[_Tok], i: int, table: dict, max_len: int) -> tuple[int, object]:
    """Longest entry of ``table`` (keyed by word tuples) starting at token i: (length, value)."""
    for n in range(min(max_len, len(toks) - i), 0, -1):
        key = tuple(t.low for t in toks[i:i + n])
        if key in table:
            return n, table[key]
    return 0, None


def _has_rule(lx: _Lex, tok: Optional[_Tok], rule: str) -> bool:
    return tok is not None and rule in lx.context.get((tok.low,), ())


def _number_at(toks: Sequence[_Tok], i: int, lang: str, text: str) -> tuple[Optional[float], int]:
    """The number starting at token i and how many tokens it spans (0 when none)."""
    t = toks[i]
    if t.text[0].isdigit():
        # Glued to letters or a hyphenated name (D66, F-35, 3e, 69-jarige): not a quantity.
        before = text[t.start - 1] if t.start > 0 else " "
        after = text[t.end] if t.end < len(text) else " "
        if before.isalpha() or before in "-/" or after.isalpha() or (after == "-" and not _digit_follows(text, t.end)):
            return None, 0
        if after in "/:" or (after in ".," and t.end + 1 < len(text) and text[t.end + 1].isdigit()):
            return None, 0
        v = parse_digits(t.text, lang)
        return (v, 1) if v is not None else (None, 0)
    v = parse_word(t.text, lang)
    return (v, 1) if v is not None else (None, 0)


def _digit_follows(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos + 1].isdigit()


def _scaled(toks: Sequence[_Tok], j: int, value: float, lx: _Lex) -> tuple[float, int]:
    """Apply a multiplier word at token j ("12 miljard"): (value, tokens consumed)."""
    if j < len(toks) and toks[j].low in lx.multipliers:
        return value * lx.multipliers[toks[j].low], 1
    return value, 0


def _prefix_range(toks: Sequence[_Tok], i: int, lang: str) -> Optional[tuple[float, float, int]]:
    """"twee- tot driehonderd": the lower bound borrows the scale of the upper one."""
    if not (i + 3 < len(toks) and toks[i + 1].text == "-" and _has_rule(_lex(lang), toks[i + 2], "range")):
        return None
    head, upper_word = toks[i].low, toks[i + 3].low
    upper = parse_word(upper_word, lang)
    if parse_word(head, lang) is None or upper is None:
        return None
    for cut in range(1, len(upper_word)):
        tail = upper_word[cut:]
        if parse_word(upper_word[:cut], lang) is not None and parse_word(tail, lang) is not None:
            lower = parse_word(head + tail, lang)
            if lower is not None:
                return lower, upper, 4
    return None


def _unit_after(toks: Sequence[_Tok], j: int, lx: _Lex, pos_of) -> tuple[Optional[str], Optional[str], Optional[str], int]:
    """(unit, kind, counted word as written, index after it) for the words after a number.

    Up to two adjectives may stand between ("130.000 Russische militairen"). Unknown nouns are
    kept as written so that nothing counted is lost.
    """
    k = j
    for _ in range(3):
        if k >= len(toks):
            break
        n, hit = _match_words(toks, k, lx.units, lx.unit_max_len)
        if hit:
            unit, kind = hit
            return unit, kind, " ".join(t.text for t in toks[k:k + n]), k + n
        if not _adjective_like(toks[k], pos_of):
            break
        k += 1
    t = toks[j] if j < len(toks) else None
    if t is not None and _noun_like(t, lx, pos_of):
        return t.low, None, t.text, j + 1  # kind None: an unlisted noun
    return None, None, None, j


def _noun_like(t: _Tok, lx: _Lex, pos_of) -> bool:
    """An unlisted counted noun ("1,5 miljoen Oekraïners"): kept as written, lowercased."""
    if (t.low,) in lx.context or not t.text.isalpha():
        return False
    pos = pos_of(t)
    if pos:
        return pos in ("NOUN", "PROPN")
    return len(t.text) >= 3 and t.low not in _stop_words(lx.lang)


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset:
    from spacy.util import get_lang_class

    return frozenset(get_lang_class(lang).Defaults.stop_words)


def _adjective_like(t: _Tok, pos_of) -> bool:
    pos = pos_of(t)
    if pos:
        return pos == "ADJ"
    # Without a tagger: inflected Dutch/English adjectives end like this ("Russische", "extra" not).
    return t.text.isalpha() and (t.low.endswith(("e", "ische", "se")) or t.low.endswith("an"))


def _hedge_before(toks: Sequence[_Tok], i: int, lx: _Lex) -> tuple[bool, int]:
    """Whether a hedge ends right before token i, and the index it starts at."""
    for words, _kind in lx.hedges:
        n = len(words)
        if i - n >= 0 and tuple(t.low for t in toks[i - n:i]) == words:
            return True, i - n
    return False, i


def _between_before(toks: Sequence[_Tok], i: int, lx: _Lex) -> int:
    """Index where a "tussen (de)" opening ends right before token i starts, else -1."""
    for n in (2, 1):
        if i - n >= 0 and "between" in lx.context.get(tuple(t.low for t in toks[i - n:i]), ()):
            return i - n
    return -1


def _range_after(toks: Sequence[_Tok], j: int, lang: str, text: str, between: bool) -> tuple[Optional[float], int]:
    """An upper bound after a number: "tot 300", "à 300", "-300", or "en 30" after "tussen"."""
    lx = _lex(lang)
    if j + 1 >= len(toks):
        return None, j
    joiner = toks[j]
    if not (_has_rule(lx, joiner, "range") or (between and _has_rule(lx, joiner, "between_close"))):
        return None, j
    k = j + 1
    for words, _kind in lx.hedges:  # "van 30.000 tot ruim 40.000": a hedge on the upper bound
        if tuple(t.low for t in toks[k:k + len(words)]) == words:
            k += len(words)
            break
    v, n = _number_at(toks, k, lang, text)
    if not n:
        return None, j
    v, m = _scaled(toks, k + n, v, lx)
    return v, k + n + m


def _is_date_or_year(toks: Sequence[_Tok], i: int, j: int, value: float, kind: Optional[str], lx: _Lex) -> bool:
    prev = toks[i - 1].low.rstrip(".") if i > 0 else ""
    nxt = toks[j].low.rstrip(".") if j < len(toks) else ""
    if prev in lx.months or nxt in lx.months:
        return True
    raw = toks[i].text
    # A bare four-digit year, unless a listed unit says it counts something ("2000 militairen").
    return kind is None and raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _excluded_by_context(toks: Sequence[_Tok], i: int, j: int, start_tok: int, kind: Optional[str],
                         value: float, lx: _Lex, is_word: bool, hedged: bool) -> bool:
    after = toks[j] if j < len(toks) else None
    before = toks[start_tok - 1] if start_tok > 0 else None
    if _has_rule(lx, after, "ago"):
        return True
    if kind == "time" and (_has_rule(lx, after, "offset") or _has_rule(lx, after, "age")
                           or _has_rule(lx, before, "clock")):
        return True
    # "de twee landen": a small listed set, not a magnitude.
    return is_word and not hedged and value <= 10 and _has_rule(lx, before, "determiner")


def _symbol_unit(toks: Sequence[_Tok], i: int, lx: _Lex) -> tuple[Optional[str], Optional[str], int]:
    """A currency symbol right before the number ("€ 12 miljard", "$5")."""
    if i > 0 and (toks[i - 1].low,) in lx.units and not toks[i - 1].low.isalpha():
        unit, kind = lx.units[(toks[i - 1].low,)]
        return unit, kind, i - 1
    return None, None, i


def scan(text: str, offset: int, lang: str, pos_of=lambda t: None) -> Iterable[dict]:
    """Quantities in one sentence: dicts with value, value_max, approx, unit, obj, start, end."""
    lx = _lex(lang)
    toks = _tokens(text, 0)
    i = 0
    while i < len(toks):
        pr = _prefix_range(toks, i, lang)
        if pr:
            value, value_max, n = pr
            j = i + n
        else:
            value, n = _number_at(toks, i, lang, text)
            if not n:
                i += 1
                continue
            value, m = _scaled(toks, i + n, value, lx)
            j = i + n + m
            between = _between_before(toks, i, lx)
            value_max, j = _range_after(toks, j, lang, text, between >= 0)
        hedged, start_tok = _hedge_before(toks, i, lx)
        between = _between_before(toks, i, lx)
        if between >= 0 and value_max is not None:
            start_tok = min(start_tok, between)
        sym_unit, sym_kind, sym_start = _symbol_unit(toks, start_tok if not hedged else i, lx)
        unit, kind, obj, end_tok = _unit_after(toks, j, lx, pos_of)
        if sym_unit and unit is None:
            unit, kind, end_tok = sym_unit, sym_kind, j
            start_tok = min(start_tok, sym_start)
        is_word = toks[i].text.isalpha()
        if (_is_date_or_year(toks, i, j, value, kind, lx)
                or _excluded_by_context(toks, i, end_tok, start_tok, kind, value, lx, is_word, hedged)
                or (unit is None and not hedged and value_max is None)):
            i = max(j, i + 1)
            continue
        yield {
            "value": _plain(value), "value_max": _plain(value_max) if value_max is not None else None,
            "approx": hedged or value_max is not None, "unit": unit, "obj": obj,
            "start": offset + toks[start_tok].start, "end": offset + toks[max(end_tok, j) - 1].end,
        }
        i = max(end_tok, j)


def _plain(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


def _claimant(start: int, end: int, claims: Sequence[Claim]) -> Optional[Claim]:
    """The claim whose content holds the span, else one whose evidence sentence does."""
    for c in claims:
        if c.content and c.content.start_char <= start and end <= c.content.end_char:
            return c
    for c in claims:
        if c.evidence.sentence_start <= start and end <= c.evidence.sentence_end and not (
                c.content and c.evidence.sentence_start <= c.content.start_char and end <= c.content.start_char
                and _clause_break(c.evidence.sentence, start - c.evidence.sentence_start,
                                  c.content.start_char - c.evidence.sentence_start)):
            return c  # not a number in a clause before the content ("5.000 helmen, een gebaar dat ...")
    return None


def _clause_break(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] holds a clause break (a comma or semicolon)."""
    return any(ch in ",;" for ch in text[a:b])


def extract(doc, article: Article, claims: Sequence[Claim] = ()) -> list[Quantity]:
    """All quantities of an article's content sentences, each with its claimant and evidence."""
    lang = article.lang or "nl"
    tagged = doc.has_annotation("POS")
    pos_at = {}
    if tagged:
        pos_at = {t.idx: t.pos_ for t in doc}

    out: list[Quantity] = []
    for s_start, s_end in sentences(doc, article):
        sent = article.text[s_start:s_end]
        for q in scan(sent, s_start, lang, lambda t, base=s_start: pos_at.get(base + t.start, "")):
            if not article.is_content(q["start"], q["end"]):
                continue
            c = _claimant(q["start"], q["end"], claims)
            ev = evidence(article, q["start"], q["end"], s_start, s_end)
            out.append(Quantity(
                id=stable_id(article.id, "quantity", q["start"], q["end"], EXTRACTOR),
                value=q["value"], value_max=q["value_max"], approx=q["approx"], unit=q["unit"],
                obj=q["obj"], evidence=ev, claimed_by=c.source if c else "narrator",
                claim_id=c.id if c else None, extractor=EXTRACTOR,
            ))
    return out
