"""Quantities' word knowledge and tokens: the lexicon tables of ``lexicon/<lang>/`` and number parsing.

``scan`` in ``quantities.py`` walks these tokens; everything language-specific it consults is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Optional

from text_to_num import text2num

from .. import lexicon

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
    number_words: dict  # word -> value, for what text2num does not read ("anderhalf")
    fractions: tuple[tuple[tuple[str, ...], float], ...]  # ("de", "helft", "van") -> 0.5, longest first
    suffixes: dict  # duration-adjective ending -> unit ("daagse" -> days)


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
        number_words={r["word"]: float(r["value"]) for r in lexicon.load(lang, "number_words.tsv")},
        fractions=tuple(sorted(((tuple(_words(r["phrase"])), float(Fraction(r["value"])))
                               for r in lexicon.load(lang, "fractions.tsv")), key=lambda f: -len(f[0]))),
        suffixes={r["suffix"]: r["unit"] for r in lexicon.load(lang, "unit_suffixes.tsv")},
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
    lx = _lex(lang)
    if low in lx.number_words:
        return lx.number_words[low]
    if low in lx.excluded_words or not low.isalpha():
        return None
    try:
        return float(text2num(low, lang))
    except ValueError:
        return None


def duration_word(word: str, lang: str) -> Optional[tuple[float, str]]:
    """A number word glued to a duration ending ("tiendaagse" → (10, "days")), or None."""
    lx, low = _lex(lang), word.lower()
    for suffix, unit in lx.suffixes.items():
        if low.endswith(suffix) and len(low) > len(suffix):
            v = parse_word(low[:-len(suffix)], lang)
            if v is not None:
                return v, unit
    return None
