"""Time expressions (extractor ``signaal.timex.v1``): find them, resolve them against the article date.

Detection is rule-based over plain text, so it needs no trained model: the patterns and their
words are lexicon data (``timex_patterns.tsv``, ``timex_words.tsv``, ``months.tsv`` per language).
All patterns run over each content range of ``Article.text``; overlapping hits keep the longest.
Resolution (``timex_resolve``) follows ANNOTATION.md: a month-level date leaves weekdays,
"gisteren" and "deze week" unresolved with a reason; month names, "vorige maand", years resolve.
Case-insensitive duplicates within an article are listed once (the first is kept).

>>> from signaal.records import Article  # doctest: +SKIP
>>> [t.text for t in extract(None, Article(id="a", text="Maandag sprak hij.", lang="nl"))]  # doctest: +SKIP
['Maandag']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..errors import ConfigError
from ..records import Article, TimeExpression, stable_id
from . import spans
from .timex_resolve import RULES, Resolution
from .timex_text import TextDoc

EXTRACTOR = "signaal.timex.v1"

# Digit shapes are the same in every language; words come from the lexicon.
_DIGITS = {
    "day": r"(?:0?[1-9]|[12]\d|3[01])",
    "year": r"(?:1[89]\d\d|20\d\d)",
    "monthnum": r"(?:0?[1-9]|1[0-2])",
    "hour": r"(?:[01]?\d|2[0-3])",
    "minute": r"[0-5]\d",
    "int": r"\d{1,3}",
}
# Which word classes give a named group its value ("unit" may be singular or plural).
_GROUP_CLASSES = {
    "weekday": ("weekday",), "deictic": ("deictic",), "rel": ("rel",), "yrel": ("rel",),
    "vague": ("vague",),
    "unit": ("relunit", "unit", "units"), "unit2": ("units",), "num": ("num", "fewnum"),
    "hour": ("num",), "weekday2": ("weekday",), "clockpart": ("clockpart",), "the": ("det0",),
    "ago": ("ago",), "ahead": ("ahead",), "soon": ("soon",), "part": ("part",),
    "month": ("month",), "month2": ("month",),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class _Grammar:
    patterns: tuple[tuple[str, re.Pattern], ...]
    values: dict  # (class, lowercased word) -> value
    tense: dict  # lowercased word -> past|future
    suffixes: tuple  # (word ending, past|future): English "-ed"
    exclude: tuple[str, ...]


def _alternation(words) -> str:
    # longest first so "eerder vandaag" wins over "vandaag"; inner spaces match any whitespace
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ws) + ")"


def _template(pattern: str, classes: dict[str, list[str]], where: str) -> str:
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name in _DIGITS:
            return _DIGITS[name]
        if name in classes:
            return _alternation(classes[name])
        raise ConfigError(f"{where}: unknown placeholder {{{name}}}")

    return _PLACEHOLDER.sub(sub, pattern.replace(" ", r"\s+"))


@lru_cache(maxsize=8)
def grammar(lang: str) -> _Grammar:
    """The compiled patterns and word values for ``lang`` (built once from the lexicon)."""
    classes: dict[str, list[str]] = {}
    values: dict = {}
    for row in lexicon.load(lang, "timex_words.tsv"):
        classes.setdefault(row["class"], []).append(row["word"])
        values[(row["class"], row["word"].lower())] = row["value"]
    for row in lexicon.load(lang, "months.tsv"):
        classes.setdefault("month", []).append(row["name"])
        values[("month", row["name"].lower())] = row["month"]
    compiled = []
    for i, row in enumerate(lexicon.load(lang, "timex_patterns.tsv"), 1):
        if row["rule"] not in RULES:
            raise ConfigError(f"{lang}/timex_patterns.tsv row {i}: unknown rule {row['rule']!r}")
        body = _template(row["pattern"], classes, f"{lang}/timex_patterns.tsv row {i}")
        compiled.append((row["rule"], re.compile(rf"(?<![\w-])(?:{body})(?!\w)", re.IGNORECASE)))
    tense = {w.lower(): values[("tense", w.lower())] for w in classes.get("tense", [])}
    suffixes = tuple((w.lower(), values[("tensesuffix", w.lower())]) for w in classes.get("tensesuffix", []))
    return _Grammar(tuple(compiled), values, tense, suffixes, tuple(classes.get("exclude", [])))


def _parts(m: re.Match, g: _Grammar) -> dict:
    """The named groups of a hit as values: words through the lexicon, digits as ints."""
    out: dict = {}
    for name, text in m.groupdict().items():
        if text is None:
            continue
        key = " ".join(text.lower().split())
        value: object = text
        for cls in _GROUP_CLASSES.get(name, ()):
            if (cls, key) in g.values:
                value = g.values[(cls, key)]
                break
        if isinstance(value, str) and value.lstrip("-").isdigit():
            value = int(value)
        out[name] = value
    return out


def _cue(word: str, g: _Grammar) -> Optional[str]:
    if word in g.tense:
        return g.tense[word]
    for ending, tense in g.suffixes:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return tense
    return None


def _tense(text: str, start: int, end: int, g: _Grammar, bounds: tuple[int, int],
           window: int = 6) -> Optional[str]:
    """past or future: the tense cue nearest to text[start:end] within ``window`` words, if any.

    The nearest cue, not the sentence: in "Biden zei woensdag dat hij verwacht ..." the verb next
    to the weekday dates it; in "Hij zei dat de top in maart zal zijn" it is "zal".
    """
    before = re.findall(r"\w+", text[bounds[0]:start].lower())[-window:][::-1]
    after = re.findall(r"\w+", text[end:bounds[1]].lower())[:window]
    for dist in range(window):
        found = {c for side in (before, after) if dist < len(side) and (c := _cue(side[dist], g))}
        if len(found) == 1:
            return found.pop()
        if found:  # a past and a future cue equally near: no lean
            return None
    return None


def _hits(text: str, start: int, end: int, g: _Grammar) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping hits in text[start:end], longest first, then leftmost."""
    found = []
    for order, (rule, pat) in enumerate(g.patterns):
        for m in pat.finditer(text, start, end):
            found.append((m.start(), m.end(), order, rule, m))
    found.sort(key=lambda h: (-(h[1] - h[0]), h[0], h[2]))
    taken: list[tuple[int, int, str, re.Match]] = []
    for s, e, _, rule, m in found:
        if all(e <= ts or s >= te for ts, te, _, _ in taken) and not _excluded(text, s, e, g):
            taken.append((s, e, rule, m))
    # the expression proper: group "expr" when the pattern matched context words around it
    spans_ = [(*(m.span("expr") if m.groupdict().get("expr") else m.span()), r, m) for _, _, r, m in taken]
    return sorted(spans_, key=lambda h: h[0])


def _excluded(text: str, s: int, e: int, g: _Grammar) -> bool:
    """True when the hit lies inside an excluded phrase (case-sensitive: "De Morgen" the paper)."""
    for phrase in g.exclude:
        lo = max(0, s - len(phrase))
        i = text.find(phrase, lo, e + len(phrase))
        while i != -1 and i < e:
            if i <= s and e <= i + len(phrase):
                return True
            i = text.find(phrase, i + 1, e + len(phrase))
    return False


def resolve(rule: str, parts: dict, article: Article, span: tuple[int, int], sentence: tuple[int, int],
            lang: str) -> Resolution:
    """Resolve one hit's parts against ``article.published`` with the tense around it in its sentence."""
    tense = _tense(article.text, span[0], span[1], grammar(lang), sentence)
    return RULES[rule](parts, article.published, tense)


def extract(doc_or_text, article: Article) -> list[TimeExpression]:
    """Time expressions in the article's content, with evidence and resolution.

    ``doc_or_text`` is a parsed ``Doc`` of ``article.text`` (its sentences are used) or anything
    else (text or None): then the guide's sentence rule splits ``article.text``.
    """
    lang = article.lang if article.lang in lexicon.LANGS else "nl"
    g = grammar(lang)
    doc = doc_or_text if hasattr(doc_or_text, "sents") else TextDoc(article.text)
    text, seen, out = article.text, set(), []
    for s_start, s_end in spans.sentences(doc, article):
        for start, end, rule, m in _hits(text, s_start, s_end, g):
            key = " ".join(m.group(0).lower().split())
            if key in seen:
                continue
            seen.add(key)
            res = resolve(rule, _parts(m, g), article, (start, end), (s_start, s_end), lang)
            out.append(TimeExpression(
                id=stable_id(article.id, "timex", start, end, EXTRACTOR), text=text[start:end],
                evidence=spans.evidence(article, start, end, s_start, s_end),
                start=res.start.isoformat() if res.start else None,
                end=res.end.isoformat() if res.end else None,
                resolved=res.value, reason=res.reason, extractor=EXTRACTOR))
    return out
