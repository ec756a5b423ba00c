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

from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..records import Article, Claim, Quantity, stable_id
from .quantities_lex import _Lex, _lex, _Tok, _tokens, duration_word, parse_digits, parse_word
from .spans import evidence, sentences

__all__ = ["extract", "parse_digits", "parse_word", "scan"]

EXTRACTOR = "signaal.quantities.v1"

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

    Up to two adjectives and any quote marks may stand between ("130.000 Russische militairen",
    "'wel 7000' extra militairen"). Unknown nouns are kept as written so that nothing counted is lost.
    """
    k, adjectives, noun_at = j, 0, None
    while k < len(toks) and adjectives <= 2:
        if _is_quote(toks[k]):
            k += 1
            continue
        n, hit = _match_words(toks, k, lx.units, lx.unit_max_len)
        m, compound = _compound_unit(toks, k, lx)
        if hit or compound:
            unit, kind = hit or compound
            n = n if hit else m - k
            return unit, kind, "".join(_glued(toks[k:k + n])), k + n
        if _noun_like(toks[k], lx, pos_of):
            noun_at = k  # the last one: "drie rijke zakenlieden"
        if not _adjective_like(toks[k], pos_of):
            break
        adjectives += 1
        k += 1
    if j + 2 < len(toks) and "partitive" in lx.context.get((toks[j].low, toks[j + 1].low), ()):
        # "vijf van de raketten": a listed unit after the partitive, adjectives allowed between
        for k in range(j + 2, min(len(toks), j + 5)):
            n, hit = _match_words(toks, k, lx.units, lx.unit_max_len)
            if hit:
                return hit[0], hit[1], " ".join(t.text for t in toks[k:k + n]), k + n
            if not (toks[k].text.isalpha() or _is_quote(toks[k])):
                break
    if noun_at is not None:
        t = toks[noun_at]
        return t.low, None, t.text, noun_at + 1  # kind None: an unlisted noun
    return None, None, None, j


def _is_quote(t: _Tok) -> bool:
    return t.text in ("'", "’", "‘", '"', "“", "”", "„")


def _glued(toks: Sequence[_Tok]) -> list[str]:
    """Token texts with the spaces between them as in the text."""
    return [(" " if i and t.start > toks[i - 1].end else "") + t.text for i, t in enumerate(toks)]


def _compound_unit(toks: Sequence[_Tok], k: int, lx: _Lex) -> tuple[int, Optional[tuple[str, str]]]:
    """A listed unit closing a compound ("F-35-gevechtsvliegtuigen", Dutch "burgerdoden"):
    (index after the compound, (unit, kind)), or (k, None)."""
    m = k + 1
    while m + 1 < len(toks) and toks[m].text == "-" and toks[m].start == toks[m - 1].end \
            and toks[m + 1].start == toks[m].end:
        m += 2
    last = toks[m - 1].low
    if m > k + 1 and (last,) in lx.units:
        return m, lx.units[(last,)]
    if lx.lang == "nl" and last.isalpha():
        for cut in range(1, len(last) - 4):  # the longest listed tail of five letters or more
            if (last[cut:],) in lx.units:
                return m, lx.units[(last[cut:],)]
    return k, None


def _special_at(toks: Sequence[_Tok], i: int, lx: _Lex) -> Optional[tuple[float, str, int]]:
    """A fraction ("een derde van") or a duration adjective ("tiendaagse", "10-daagse", "two-day"):
    (value, unit, tokens spanned)."""
    for words, value in lx.fractions:
        if tuple(t.low for t in toks[i:i + len(words)]) == words:
            return value, "fraction", len(words)
    glued = duration_word(toks[i].text, lx.lang)
    if glued:
        return glued[0], glued[1], 1
    if (i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].low in lx.suffixes
            and toks[i + 1].start == toks[i].end and toks[i + 2].start == toks[i + 1].end
            and not (i + 4 < len(toks) and toks[i + 3].text == "-" and _has_rule(lx, toks[i + 4], "age"))):
        t = toks[i]
        v = parse_digits(t.text, lx.lang) if t.text[0].isdigit() else parse_word(t.text, lx.lang)
        if v is not None:
            return v, lx.suffixes[toks[i + 2].low], 3
    return None


def _whole_after(toks: Sequence[_Tok], j: int, lx: _Lex, pos_of) -> tuple[Optional[str], int]:
    """The whole a fraction is of ("een derde van haar waarde" → waarde), and the index after it."""
    k = j
    if 0 < k < len(toks) and "partitive" in lx.context.get((toks[k - 1].low, toks[k].low), ()):
        k += 1  # the possessive or article after the fraction's "van"
    if k < len(toks) and _noun_like(toks[k], lx, pos_of):
        return toks[k].text, k + 1
    return None, j


def _clock_after(toks: Sequence[_Tok], k: int, lx: _Lex) -> bool:
    """Whether a clock-time word follows at token k ("2 am", "zes uur 's ochtends")."""
    if k + 1 < len(toks) and toks[k].text in "'’" and toks[k + 1].low == "s":
        k += 2
    return k < len(toks) and _has_rule(lx, toks[k], "clock_after")


def _changed_to_unit(toks: Sequence[_Tok], j: int, lang: str, text: str, pos_of):
    """"van 9,5 naar 20 procent": the unit after the new value, for the old one (or None)."""
    lx = _lex(lang)
    if not (j + 1 < len(toks) and _has_rule(lx, toks[j], "change")):
        return None
    v, n = _number_at(toks, j + 1, lang, text)
    if not n:
        return None
    unit, kind, obj, _end = _unit_after(toks, j + 1 + n, lx, pos_of)
    return (unit, kind, obj) if kind is not None else None


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
        # an inflected participle counts too ("zeventien beloofde hervormingen", "two disputed islands")
        return pos == "ADJ" or (pos == "VERB" and t.low.endswith(("de", "te", "ed")))
    # Without a tagger: inflected Dutch/English adjectives end like this ("Russische", "extra" not).
    return t.text.isalpha() and (t.low.endswith(("e", "ische", "se")) or t.low.endswith("an"))


def _hedge_before(toks: Sequence[_Tok], i: int, lx: _Lex) -> tuple[bool, int]:
    """Whether a hedge ends right before token i, and the index it starts at.

    An article may stand between ("ruim een miljoen", "at least a dozen")."""
    ends = (i, i - 1) if i > 0 and toks[i - 1].low in lx.excluded_words else (i,)
    for end in ends:
        for words, _kind in lx.hedges:
            n = len(words)
            if end - n >= 0 and tuple(t.low for t in toks[end - n:end]) == words:
                return True, end - n
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
    raw = toks[i].text
    if (prev in lx.months or nxt in lx.months) and raw[0].isdigit():
        return True  # "12 april", "april 2022"; not "in april twee F-35's"
    # A bare four-digit year, unless a listed unit says it counts something ("2000 militairen").
    return kind is None and raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _excluded_by_context(toks: Sequence[_Tok], i: int, j: int, start_tok: int, kind: Optional[str],
                         value: float, lx: _Lex, is_word: bool, hedged: bool) -> bool:
    after = toks[j] if j < len(toks) else None
    before = toks[start_tok - 1] if start_tok > 0 else None
    if _has_rule(lx, after, "ago"):
        return True
    if kind == "time" and (_has_rule(lx, after, "offset") or _has_rule(lx, after, "age")
                           or _has_rule(lx, before, "clock") or _has_rule(lx, before, "span")):
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
        special = None if pr else _special_at(toks, i, lx)
        scaled = False
        if pr:
            value, value_max, n = pr
            j = i + n
        elif special:
            value, special_unit, n = special
            value_max, j = None, i + n
        else:
            value, n = _number_at(toks, i, lang, text)
            if not n:
                i += 1
                continue
            value, m = _scaled(toks, i + n, value, lx)
            j, scaled = i + n + m, m > 0
            between = _between_before(toks, i, lx)
            value_max, j = _range_after(toks, j, lang, text, between >= 0)
        hedged, start_tok = _hedge_before(toks, i, lx)
        between = _between_before(toks, i, lx)
        if between >= 0 and value_max is not None:
            start_tok = min(start_tok, between)
        sym_unit, sym_kind, sym_start = _symbol_unit(toks, start_tok if not hedged else i, lx)
        unit, kind, obj, end_tok = _unit_after(toks, j, lx, pos_of)
        if special and special[1] == "fraction":
            unit, kind, obj, end_tok = "fraction", "fraction", *_whole_after(toks, j, lx, pos_of)
        elif special:
            unit, kind, obj, end_tok = special_unit, "time", None, j
        if sym_unit and unit is None:
            unit, kind, end_tok = sym_unit, sym_kind, j
            start_tok = min(start_tok, sym_start)
        if unit is None and (changed := _changed_to_unit(toks, j, lang, text, pos_of)):
            unit, kind, obj = changed
        is_word = toks[i].text.isalpha()
        bare = unit is None and not hedged and value_max is None and not scaled  # a number and nothing else
        elliptic = bare and _elliptic_before(toks, i, lx)
        if (_is_date_or_year(toks, i, j, value, kind, lx)
                or _excluded_by_context(toks, i, end_tok, start_tok, kind, value, lx, is_word, hedged)
                or _clock_after(toks, j, lx) or (kind == "time" and _clock_after(toks, end_tok, lx))
                or (is_word and value == 1 and _has_rule(lx, toks[j] if j < len(toks) else None, "idiom"))
                or (bare and not elliptic)):
            i = max(j, i + 1)
            continue
        yield {
            "value": _plain(value), "value_max": _plain(value_max) if value_max is not None else None,
            "approx": hedged or value_max is not None, "unit": unit, "obj": obj, "elliptic": elliptic,
            "start": offset + toks[start_tok].start, "end": offset + toks[max(end_tok, j) - 1].end,
        }
        i = max(end_tok, j)


def _elliptic_before(toks: Sequence[_Tok], i: int, lx: _Lex) -> bool:
    """A bare number after Dutch "er" counts what was counted before ("Vandaag waren het er 27")."""
    return any(_has_rule(lx, t, "elliptic") for t in toks[max(0, i - 4):i])


def _plain(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


def _claimant(start: int, end: int, claims: Sequence[Claim]) -> Optional[Claim]:
    """The claim whose content holds the span, else one whose evidence sentence does."""
    holding = [c for c in claims if c.content and c.content.start_char <= start and end <= c.content.end_char]
    if holding:
        # the innermost attribution: "X stelt dat er 5840 ... Dat meldde Y." is X's number
        return min(holding, key=lambda c: c.content.end_char - c.content.start_char)
    for c in claims:
        if c.evidence.sentence_start <= start and end <= c.evidence.sentence_end and not _apart(c, start, end):
            return c
    return None


def _apart(c: Claim, start: int, end: int) -> bool:
    """Whether a number outside a claim's content sits in another clause of its sentence: before
    it ("5.000 helmen, een gebaar dat ...") or after it ("..., according to X, more than four times")."""
    if c.content is None:
        return False
    base, sent = c.evidence.sentence_start, c.evidence.sentence
    if end <= c.content.start_char:
        return _clause_break(sent, start - base, c.content.start_char - base)
    if start >= c.content.end_char:
        return _clause_break(sent, c.content.end_char - base, start - base)
    return False


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
    counted: Optional[tuple[int, str, Optional[str]]] = None  # (sentence no, unit, obj) last counted
    for n, (s_start, s_end) in enumerate(sentences(doc, article)):
        sent = article.text[s_start:s_end]
        for q in scan(sent, s_start, lang, lambda t, base=s_start: pos_at.get(base + t.start, "")):
            if not article.is_content(q["start"], q["end"]):
                continue
            if q["elliptic"]:
                if counted is None or n - counted[0] > 1:
                    continue  # "er 27" with nothing counted just before: no unit to lend
                q["unit"], q["obj"] = counted[1], counted[2]
            elif q["unit"]:
                counted = (n, q["unit"], q["obj"])
            c = _claimant(q["start"], q["end"], claims)
            ev = evidence(article, q["start"], q["end"], s_start, s_end)
            out.append(Quantity(
                id=stable_id(article.id, "quantity", q["start"], q["end"], EXTRACTOR),
                value=q["value"], value_max=q["value_max"], approx=q["approx"], unit=q["unit"],
                obj=q["obj"], evidence=ev, claimed_by=c.source if c else "narrator",
                claim_id=c.id if c else None, extractor=EXTRACTOR,
            ))
    return out
