"""Claim lexicons for one language: cue and stance patterns, closed-class words, polarity markers.

Everything here is read from ``lexicon/<lang>/`` (cues.tsv, stance_phrases.tsv, function_words.tsv,
modals.tsv, denial_words.tsv, negations.txt, quote_marks.txt, elisions.txt, collective_sources.tsv);
this module only compiles the rows into matchers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .. import lexicon

GAP = 12  # longest gap (tokens) allowed inside a discontinuous cue ("laat ... weten")

Phrase = tuple[frozenset, ...]


def phrase(text: str) -> Phrase:
    """A lexicon phrase: tokens separated by spaces, alternatives by ``|``."""
    return tuple(frozenset(a.lower() for a in tok.split("|")) for tok in text.split())


@dataclass(frozen=True)
class CuePattern:
    """One row of cues.tsv / stance_phrases.tsv, compiled."""

    lemma: str
    segments: tuple[Phrase, ...]  # contiguous parts, separated by gaps
    final: bool  # the last part must close the clause (separable particle)
    polarity: str
    kind: str  # verb | prep | noun | copula | stance
    content: str  # either | after | before | around
    needs: str  # "" | comp
    negated: str  # polarity when the cue is negated ("" = asserted<->denied)
    object: str  # polarity for a dat-clause/object instead of an own infinitive ("" = same)

    @property
    def size(self) -> int:
        return sum(len(s) for s in self.segments)


@dataclass(frozen=True)
class CueHit:
    """A cue found in a sentence: its pattern and the token indices of its parts."""

    pattern: CuePattern
    parts: tuple[int, ...]
    text: str


def _compile(row: dict) -> CuePattern:
    raw = row["pattern"].strip()
    final = raw.endswith("$")
    segs = tuple(phrase(s.strip()) for s in raw.rstrip("$").split("...") if s.strip())
    return CuePattern(lemma=row["lemma"].strip(), segments=segs, final=final,
                      polarity=row["polarity"].strip(), kind=row["kind"].strip(),
                      content=row["content"].strip(), needs=row.get("needs", "").strip(),
                      negated=row.get("negated", "").strip(), object=row.get("object", "").strip())


@dataclass(frozen=True)
class Lex:
    """The compiled claim lexicon of one language."""

    lang: str
    cues: tuple[CuePattern, ...]
    classes: dict  # class -> frozenset of exact words
    prefixes: dict  # class -> tuple of prefixes (rows ending in *)
    modals: tuple[tuple[Phrase, str], ...]
    denials: tuple[Phrase, ...]
    negations: frozenset
    quote_marks: tuple[str, ...]
    elisions: tuple[str, ...]
    collectives: tuple[tuple[Phrase, str, Optional[str], bool, bool], ...]  # (phrase, name, code, role, domestic)

    def is_(self, word: str, cls: str) -> bool:
        """Whether ``word`` (lower case) belongs to closed class ``cls``."""
        if word in self.classes.get(cls, ()):
            return True
        return any(word.startswith(p) for p in self.prefixes.get(cls, ()))


@lru_cache(maxsize=8)
def get(lang: str) -> Lex:
    """The claim lexicon for ``lang`` (raises LanguageNotSupported for unknown languages)."""
    rows = list(lexicon.load(lang, "cues.tsv")) + list(lexicon.load(lang, "stance_phrases.tsv"))
    cues = tuple(sorted((_compile(r) for r in rows), key=lambda p: -p.size))
    classes: dict[str, set] = {}
    prefixes: dict[str, list] = {}
    for r in lexicon.load(lang, "function_words.tsv"):
        w, c = r["word"].strip().lower(), r["class"].strip()
        if w.endswith("*"):
            prefixes.setdefault(c, []).append(w[:-1])
        else:
            classes.setdefault(c, set()).add(w)
    marks = sorted(lexicon.load(lang, "quote_marks.txt"), key=len, reverse=True)
    return Lex(
        lang=lang, cues=cues,
        classes={c: frozenset(ws) for c, ws in classes.items()},
        prefixes={c: tuple(ps) for c, ps in prefixes.items()},
        modals=tuple((phrase(r["pattern"]), r["effect"].strip()) for r in lexicon.load(lang, "modals.tsv")),
        denials=tuple(phrase(r["pattern"]) for r in lexicon.load(lang, "denial_words.tsv")),
        negations=frozenset(w.lower() for w in lexicon.load(lang, "negations.txt")),
        quote_marks=tuple(marks),
        elisions=tuple(lexicon.load(lang, "elisions.txt")),
        collectives=tuple((phrase(r["pattern"]), r["name"].strip(), r["code"].strip() or None,
                           r["role"].strip() == "yes", (r.get("domestic") or "").strip() == "yes")
                          for r in lexicon.load(lang, "collective_sources.tsv")),
    )


def phrase_at(words: Sequence[str], i: int, ph: Phrase) -> bool:
    """Whether ``ph`` matches ``words`` starting at ``i``."""
    if i + len(ph) > len(words):
        return False
    return all(words[i + k] in alts for k, alts in enumerate(ph))


def find_phrase(words: Sequence[str], ph: Phrase) -> int:
    """The first index where ``ph`` matches in ``words``, or -1."""
    for i in range(len(words) - len(ph) + 1):
        if phrase_at(words, i, ph):
            return i
    return -1
