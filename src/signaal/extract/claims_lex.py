"""Claim lexicons for one language: cue and stance patterns, closed-class words, polarity markers.

Everything here is read from ``lexicon/<lang>/`` (cues.tsv, stance_phrases.tsv, function_words.tsv,
modals.tsv, denial_words.tsv, negations.txt, quote_marks.txt, elisions.txt, collective_sources.tsv);
this module only compiles the rows into matchers.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cached_property, lru_cache
from typing import Optional, Sequence

from .. import lexicon

GAP = 12  # longest gap (tokens) allowed inside a discontinuous cue ("laat ... weten")
MODAL_GAP = 6  # longest gap inside a polarity pattern ("niet naïef mag")
NOT = "\x00not"  # marks a negated alternative set in a Phrase

Phrase = tuple[frozenset, ...]


def phrase(text: str) -> Phrase:
    """A lexicon phrase: tokens separated by spaces, alternatives by ``|``; a token written
    ``!a|b`` matches any word but those ("gaat !om": 'gaat' not followed by 'om'); an alternative
    with ``*`` is a glob ("ge*d" matches participles like 'gevormd')."""
    out = []
    for tok in text.split():
        alts = {a.lower() for a in tok.lstrip("!").split("|")}
        out.append(frozenset(alts | {NOT}) if tok.startswith("!") else frozenset(alts))
    return tuple(out)


def pattern(text: str) -> tuple[Phrase, ...]:
    """A pattern of phrases separated by ``...`` (a gap of up to MODAL_GAP words in one clause)."""
    return tuple(phrase(seg.strip()) for seg in text.split("...") if seg.strip())


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
    te: str = ""  # polarity when the content is a te/to-infinitive ("waarschuwt X niet te ...")
    accuse: bool = False  # an accusation: denial words in it do not make it a denial
    gap_not: frozenset = frozenset()  # words that may not stand in a gap ("sprak met ... van")

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
                      negated=(row.get("negated") or "").strip(), object=(row.get("object") or "").strip(),
                      te=(row.get("te") or "").strip(), accuse=(row.get("accuse") or "").strip() == "yes",
                      gap_not=frozenset(w for w in (row.get("gap_not") or "").strip().lower().split("|") if w))


@dataclass(frozen=True)
class Lex:
    """The compiled claim lexicon of one language."""

    lang: str
    cues: tuple[CuePattern, ...]
    classes: dict  # class -> frozenset of exact words
    prefixes: dict  # class -> tuple of prefixes (rows ending in *)
    modals: tuple[tuple[tuple[Phrase, ...], str], ...]
    denials: tuple[tuple[Phrase, ...], ...]
    negations: frozenset
    quote_marks: tuple[str, ...]
    elisions: tuple[str, ...]
    collectives: tuple[tuple[Phrase, str, Optional[str], bool, bool], ...]  # (phrase, name, code, role, domestic)

    @property
    def deontic_words(self) -> frozenset:
        """Single words that mark an obligation ("moet", "must") in modals.tsv."""
        return frozenset(w for segs, effect in self.modals if effect == "deontic" and len(segs) == 1
                         and len(segs[0]) == 1 for w in segs[0][0])

    @cached_property
    def cue_index(self) -> tuple[dict, tuple[int, ...]]:
        """(first word -> positions in ``cues``, positions every token must try): the patterns a
        token can open, so that a sentence is not matched against every pattern at every word."""
        index: dict[str, list[int]] = {}
        always: list[int] = []
        for n, pat in enumerate(self.cues):
            first = pat.segments[0][0]
            if NOT in first or any("*" in a for a in first):
                always.append(n)
            else:
                for w in first:
                    index.setdefault(w, []).append(n)
        return {w: tuple(ns) for w, ns in index.items()}, tuple(always)

    def cues_opened_by(self, low: str, lemma: str) -> list["CuePattern"]:
        """The cue patterns whose first word is ``low`` or ``lemma``, in ``cues`` order."""
        index, always = self.cue_index
        ns = set(index.get(low, ())) | set(index.get(lemma, ()) if lemma else ()) | set(always)
        return [self.cues[n] for n in sorted(ns)]

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
        modals=tuple((pattern(r["pattern"]), r["effect"].strip()) for r in lexicon.load(lang, "modals.tsv")),
        denials=tuple(pattern(r["pattern"]) for r in lexicon.load(lang, "denial_words.tsv")),
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
    return all((not _word_in(words[i + k], alts)) if NOT in alts else _word_in(words[i + k], alts)
               for k, alts in enumerate(ph))


def _word_in(word: str, alts: frozenset) -> bool:
    return word in alts or any("*" in a and fnmatchcase(word, a) for a in alts)


def find_phrase(words: Sequence[str], ph: Phrase) -> int:
    """The first index where ``ph`` matches in ``words``, or -1."""
    for i in range(len(words) - len(ph) + 1):
        if phrase_at(words, i, ph):
            return i
    return -1


_STOPS = frozenset({".", ",", ";", ":", "?", "!", "dat", "that", "maar", "but"})


def match_pattern(words: Sequence[str], segs: tuple[Phrase, ...], gap: int = MODAL_GAP) -> list[int]:
    """The word indices where ``segs`` first match in order, each gap at most ``gap`` words
    without a clause break between them; [] when they do not."""
    for i in range(len(words) - len(segs[0]) + 1):
        if not phrase_at(words, i, segs[0]):
            continue
        hit, pos = list(range(i, i + len(segs[0]))), i + len(segs[0])
        for seg in segs[1:]:
            q = next((q for q in range(pos, min(len(words), pos + gap + 1))
                      if phrase_at(words, q, seg) or words[q] in _STOPS), None)
            if q is None or not phrase_at(words, q, seg):
                break
            hit += range(q, q + len(seg))
            pos = q + len(seg)
        else:
            return hit
    return []


def find_pattern(words: Sequence[str], segs: tuple[Phrase, ...], gap: int = MODAL_GAP) -> int:
    """The first index where ``segs`` match (see ``match_pattern``), or -1."""
    hit = match_pattern(words, segs, gap)
    return hit[0] if hit else -1
