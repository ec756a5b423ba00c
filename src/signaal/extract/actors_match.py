"""Finding lexicon phrases in a Doc: actor names, sector words, role words, references.

The Doc's tokens are re-cut into *pieces* (hyphenated words split at the hyphen, so
"NAVO-baas" gives NAVO, -, baas) folded to lower case without diacritics; a spaCy PhraseMatcher
over a shadow Doc of those pieces finds every lexicon form at once, whatever the pipeline's own
tokenizer or attributes. Offsets stay exact: each piece keeps its characters in ``Article.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .. import lexicon
from .actors_registry import Entry, fold, registry

GAP = "\u2029"  # a piece that separates content ranges, so no phrase spans a teaser or caption
_HYPHEN = re.compile(r"(?<=\w)([-‐‑])(?=\w)")


@dataclass(frozen=True)
class Piece:
    """One piece of a token: its text, folded form, characters, and the Doc token it is in."""

    text: str
    norm: str
    start: int
    end: int
    tok: int  # index of the Doc token (-1 for GAP)


@dataclass
class Match:
    """A lexicon phrase found at pieces [i, j)."""

    i: int
    j: int
    start: int
    end: int
    aliases: list[Entry] = field(default_factory=list)
    sector: Optional[dict] = None
    role: Optional[dict] = None
    refs: list[tuple[Optional[str], dict]] = field(default_factory=list)  # (determiner, row)


def cut(text: str, start: int, tok: int) -> list[Piece]:
    """A token's pieces (split at inner hyphens), with exact offsets."""
    out, pos = [], 0
    for part in _HYPHEN.split(text):
        if part:
            out.append(Piece(part, fold(part), start + pos, start + pos + len(part), tok))
            pos += len(part)
    return out


def pieces(doc, ranges: list[tuple[int, int]]) -> list[Piece]:
    """The pieces of every Doc token inside ``ranges``; a GAP piece between ranges."""
    out: list[Piece] = []
    ri = 0
    for t in doc:
        s, e = t.idx, t.idx + len(t.text)
        while ri < len(ranges) and s >= ranges[ri][1]:
            ri += 1
            if out and out[-1].norm != GAP:
                out.append(Piece(GAP, GAP, s, s, -1))
        if ri >= len(ranges):
            break
        if t.is_space or s < ranges[ri][0] or e > ranges[ri][1]:
            continue
        out.extend(cut(t.text, s, t.i))
    return out


def case_ok(form: tuple[str, ...], surface: list[Piece]) -> bool:
    """Capitals in the form must be capitals in the text; acronyms must be all capitals ("VS")."""
    for f, p in zip(form, surface):
        letters = [c for c in f if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            if not all(c.isupper() for c in p.text if c.isalpha()):
                return False
        elif f[:1].isupper() and not p.text[:1].isupper():
            return False
    return True


class PhraseFinder:
    """All lexicon forms of a language, matched in one PhraseMatcher pass."""

    def __init__(self, lang: str):
        self.lang = lang
        self.nlp = spacy.blank(lang)
        self.reg = registry(lang)
        self.forms: dict[tuple[str, ...], dict] = {}
        for key, entries in self.reg.entries.items():
            for e in entries:
                self._slot(e.form).setdefault("aliases", []).append((self._orig(e.form), e))
        for row in self.reg.sectors.values():
            self._slot(row["form"]).setdefault("sector", row)
        for row in self.reg.roles.values():
            self._slot(row["form"]).setdefault("role", row)
        self.determiners = set(lexicon.load(lang, "determiners.txt"))
        for row in lexicon.load(lang, "references.tsv"):
            words = row["form"].split(" ", 1)
            det, noun = (words[0], words[1]) if len(words) == 2 and words[0].lower() in \
                self.determiners else (None, row["form"])
            self._slot(noun).setdefault("refs", []).append((det, self._orig(noun), row))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        docs = [Doc(self.nlp.vocab, words=list(k)) for k in self.forms]
        for n in range(0, len(docs), 1000):
            self.matcher.add("LEX", docs[n:n + 1000])

    def _orig(self, form: str) -> tuple[str, ...]:
        return tuple(p.text for t in self.nlp.tokenizer(form) for p in cut(t.text, 0, 0))

    def _slot(self, form: str) -> dict:
        return self.forms.setdefault(tuple(fold(p) for p in self._orig(form)), {})

    def find(self, ps: list[Piece]) -> list[Match]:
        """Longest non-overlapping lexicon phrases over ``ps``, left to right."""
        if not ps:
            return []
        # A lone combining mark folds to "" and Doc refuses empty words (issue 11): GAP never matches.
        shadow = Doc(self.nlp.vocab, words=[p.norm or GAP for p in ps])
        found = []
        for _, i, j in self.matcher(shadow):
            m = self._match(ps, i, j)
            if m:
                found.append(m)
        found.sort(key=lambda m: (m.i, -(m.j - m.i)))
        out, last = [], 0
        for m in found:
            if m.i >= last:
                out.append(m)
                last = m.j
        return out

    def _match(self, ps: list[Piece], i: int, j: int) -> Optional[Match]:
        slot = self.forms.get(tuple(p.norm for p in ps[i:j]))
        if not slot:
            return None
        surface = ps[i:j]
        m = Match(i, j, ps[i].start, ps[j - 1].end,
                  aliases=[e for orig, e in slot.get("aliases", ()) if case_ok(orig, surface)],
                  sector=slot.get("sector"), role=slot.get("role"))
        m.refs = [(det, row) for det, orig, row in slot.get("refs", ()) if case_ok(orig, surface)]
        if not (m.aliases or m.sector or m.role or m.refs):
            return None
        return m


@lru_cache(maxsize=4)
def finder(lang: str) -> PhraseFinder:
    """The cached phrase finder of ``lang``."""
    return PhraseFinder(lang)
