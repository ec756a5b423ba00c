"""Event lexicons and token-pattern matching (``lexicon/<lang>/events.tsv`` and friends).

A pattern is space-separated parts over lowercase forms or lemmas; a trailing ``*`` matches any
ending and ``...`` a gap of up to ``GAP`` tokens (separable verbs: "trek* ... terug").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .. import lexicon

GAP = 9  # most tokens a "..." in a pattern may skip


@dataclass(frozen=True)
class Pattern:
    """One trigger row: its parts, PLOVER type and conditions."""

    parts: tuple  # str | None (None = a gap)
    type: str
    requires: tuple  # one of these patterns must occur in the sentence
    excludes: tuple  # none of these may occur in the trigger's clause
    role: str  # "" | "noun" (needs an anchor) | "speaker" (the claim's speaker is the source)


@dataclass(frozen=True)
class SpeechAct:
    """A claim cue that makes the claim an interaction (ACCUSE, THREATEN, REJECT, SUPPORT...)."""

    cue: tuple
    content: tuple  # one of these must occur in the claim content (empty: none needed)
    type: str
    mode: str  # "" keeps the local modality of the cue
    needs: str  # "target": only when the content names another actor (weak cues: "wil", "moet")


def compile_pattern(pattern: str) -> tuple:
    return tuple(None if p == "..." else p for p in pattern.lower().split())


def _alts(cell: str) -> tuple:
    return tuple(compile_pattern(x) for x in cell.split("|") if x.strip())


@lru_cache(maxsize=8)
def triggers(lang: str) -> tuple[Pattern, ...]:
    rows = lexicon.load(lang, "events.tsv")
    pats = [Pattern(compile_pattern(r["pattern"]), r["type"], _alts(r["requires"]),
                    _alts(r.get("excludes", "")), r.get("role", "").strip()) for r in rows]
    # Longer patterns first, so "militaire oefening" wins over "oefening".
    return tuple(sorted(pats, key=lambda p: -len([x for x in p.parts if x])))


@lru_cache(maxsize=8)
def speech_acts(lang: str) -> tuple[SpeechAct, ...]:
    return tuple(SpeechAct(compile_pattern(r["cue"]), _alts(r["content"]), r["type"], r["mode"].strip(),
                           r.get("needs", "").strip())
                 for r in lexicon.load(lang, "speech_acts.tsv"))


@lru_cache(maxsize=8)
def modality(lang: str) -> tuple[tuple[tuple, str], ...]:
    return tuple((compile_pattern(r["pattern"]), r["mode"]) for r in lexicon.load(lang, "modality.tsv"))


@lru_cache(maxsize=8)
def context(lang: str) -> dict:
    """rule -> list of compiled patterns from ``event_context.tsv``."""
    out: dict = {}
    for r in lexicon.load(lang, "event_context.tsv"):
        out.setdefault(r["rule"], []).append(compile_pattern(r["word"]))
    return out


@lru_cache(maxsize=8)
def words(lang: str, rule: str) -> frozenset:
    """The one-word entries of a context rule, as a set."""
    return frozenset(p[0] for p in context(lang).get(rule, []) if len(p) == 1)


@lru_cache(maxsize=8)
def _evaluating(lang: str) -> tuple:
    return tuple(p[0].rstrip("*") for p in context(lang).get("evaluating", []))


def evaluating_cue(lang: str, cue: Optional[str]) -> bool:
    """Whether a claim's cue judges ("noemt", "veroordeelt", "condemns"; rule ``evaluating``)."""
    first = (cue or "").lower().split()[:1]
    return bool(first) and first[0].startswith(_evaluating(lang))


def tok_matches(tok, part: str) -> bool:
    forms = (tok.lower_, tok.lemma_.lower() if tok.lemma_ else "")
    if part.endswith("*"):
        stem = part[:-1]
        return any(f.startswith(stem) for f in forms if f)
    return part in forms


def match_at(toks: Sequence, i: int, parts: tuple) -> Optional[int]:
    """End index (exclusive) when ``parts`` match starting at token i, else None."""
    k, gap = i, False
    for part in parts:
        if part is None:
            gap = True
            continue
        limit = min(len(toks), k + (GAP + 1 if gap else 1))
        hit = next((n for n in range(k, limit) if tok_matches(toks[n], part)), None)
        if hit is None:
            return None
        k, gap = hit + 1, False
    return k


def phrase_in(toks: Sequence, lo: int, hi: int, parts: tuple) -> bool:
    return any(match_at(toks, n, parts) is not None for n in range(max(lo, 0), min(hi, len(toks))))


def any_phrase(toks: Sequence, lo: int, hi: int, alts: Sequence[tuple]) -> bool:
    return any(phrase_in(toks, lo, hi, p) for p in alts)


def clause_bounds(toks: Sequence, i: int, lang: str) -> tuple[int, int]:
    """Token range [lo, hi) of the clause holding token i (cut at ",", "maar", "dat", ...)."""
    breaks = words(lang, "clause_break")

    def cuts(t) -> bool:  # ("that aid", "dat besluit": a determiner opens no clause)
        return t.lower_ in breaks and t.pos_ != "DET"

    lo = i
    while lo > 0 and not cuts(toks[lo - 1]):
        lo -= 1
    hi = i + 1
    while hi < len(toks) and not cuts(toks[hi]):
        hi += 1
    return lo, hi


def adjectival(tok, lang: str) -> bool:
    """A participle used as an adjective ("dreigende", "de-escalerende") is no event."""
    return any(tok.lower_.endswith(s) for s in words(lang, "adjectival_suffix")) or \
        (tok.pos_ == "ADJ" and tok.lower_.endswith(tuple(words(lang, "adjectival_suffix_parse"))))


def sentence_forms(toks: Sequence) -> frozenset:
    """Every lowercase form and lemma in a sentence (to skip patterns that cannot match)."""
    return frozenset(f for t in toks for f in (t.lower_, t.lemma_.lower() if t.lemma_ else "") if f)


def possible(parts: tuple, forms: frozenset) -> bool:
    """Whether every part of a pattern matches some token of the sentence (needed for a match)."""
    for part in parts:
        if part is None:
            continue
        if part.endswith("*"):
            if not any(f.startswith(part[:-1]) for f in forms):
                return False
        elif part not in forms:
            return False
    return True


def find_triggers(toks: Sequence, lang: str, lenient: bool = False) -> list[tuple[int, int, Pattern]]:
    """Non-overlapping (start, end, pattern) trigger matches in a sentence's tokens; ``lenient``
    skips the "requires" context (for a thing already known from the story)."""
    found, taken = [], set()
    forms = sentence_forms(toks)
    for pat in triggers(lang):
        # Cheap necessary conditions first: a pattern or "requires" phrase with a word the
        # sentence lacks cannot match anywhere in it (most of the lexicon, for most sentences).
        if not possible(pat.parts, forms):
            continue
        if pat.requires and not lenient and not any_phrase(toks, 0, len(toks), [r for r in pat.requires if possible(r, forms)]):
            continue
        for i in range(len(toks)):
            if i in taken:
                continue
            end = match_at(toks, i, pat.parts)
            if end is None or any(n in taken for n in range(i, end)):
                continue
            if adjectival(toks[end - 1], lang) and not pat.parts[-1].endswith(tuple(words(lang, "adjectival_suffix"))):
                continue
            lo, hi = clause_bounds(toks, i, lang)
            if pat.excludes and any_phrase(toks, lo, hi, pat.excludes):
                continue
            found.append((i, end, pat))
            taken.update(range(i, end))
            break  # one hit per pattern per sentence; more would be re-mentions
    return sorted(found, key=lambda f: f[0])
