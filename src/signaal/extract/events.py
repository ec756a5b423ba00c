"""Political events: PLOVER type, mode and actor dyad, linked to the claim they sit in.

Stages, per content sentence:

1. triggers — token patterns from ``lexicon/<lang>/events.tsv`` (forms or lemmas, ``*`` endings,
   ``...`` gaps for separable verbs), each with an optional "requires" word in the sentence;
2. mode — modality words near the trigger in its clause (``modality.tsv``), else the polarity of
   the claim the trigger sits in; a denial whose content only points back ("daar plannen voor")
   denies the previous sentence's events;
3. actors — source: the nearest actor before the trigger in the clause that is not the speaker
   or the agent of a demand; else the last actor of the paragraph so far; target: the first
   other actor after the trigger, else (for conflict types) the source's main counterpart in the
   article, unless a domestic marker ("in het land") says there is none.

Precision first: a wrong event in an escalation index is worse than a missed one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .. import lexicon
from ..records import Article, Claim, Event, Mention, TimeExpression, stable_id
from .spans import evidence, sentences

EXTRACTOR = "signaal.events.v1"
GAP = 6  # most tokens a "..." in a trigger pattern may skip
WINDOW_BEFORE, WINDOW_AFTER = 8, 3  # modality words count this near the trigger
MODE_PRIORITY = ("hypothetical", "demanded", "denied", "expected")
POLARITY_TO_MODE = {"denied": "denied", "expected": "expected", "demanded": "demanded",
                    "hoped": "expected"}
# Types whose missing target is the source's counterpart in the story, and types that stay home.
OUTWARD = frozenset({"ASSAULT", "MOBILIZE", "RETREAT", "THREATEN"})
DOMESTIC_BOTH_SIDES = frozenset({"COERCE", "PROTEST"})


@dataclass(frozen=True)
class _Pattern:
    parts: tuple  # tuple of str | None (None = a gap)
    type: str
    requires: tuple


def _compile(pattern: str) -> tuple:
    return tuple(None if p == "..." else p for p in pattern.lower().split())


@lru_cache(maxsize=8)
def _triggers(lang: str) -> tuple[_Pattern, ...]:
    rows = lexicon.load(lang, "events.tsv")
    pats = [_Pattern(_compile(r["pattern"]), r["type"],
                     tuple(x for x in r["requires"].lower().split("|") if x)) for r in rows]
    # Longer patterns first, so "militaire oefening" wins over "oefening".
    return tuple(sorted(pats, key=lambda p: -len([x for x in p.parts if x])))


@lru_cache(maxsize=8)
def _modality(lang: str) -> tuple[tuple[tuple, str], ...]:
    return tuple((_compile(r["pattern"]), r["mode"]) for r in lexicon.load(lang, "modality.tsv"))


@lru_cache(maxsize=8)
def _context(lang: str) -> dict:
    out: dict = {}
    for r in lexicon.load(lang, "event_context.tsv"):
        out.setdefault(r["rule"], []).append(tuple(r["word"].lower().split()))
    return out


@lru_cache(maxsize=1)
def weights() -> dict:
    """(type, mode) -> intensity weight: the PLOVER type weight times the mode factor."""
    factors = {r["mode"]: float(r["factor"]) for r in lexicon.load("common", "plover_modes.tsv")}
    return {(r["type"], m): float(r["weight"]) * f
            for r in lexicon.load("common", "plover.tsv") for m, f in factors.items()}


@lru_cache(maxsize=1)
def cameo() -> dict:
    """PLOVER type -> CAMEO root code (for GDELT-like export)."""
    return {r["type"]: r["cameo"] for r in lexicon.load("common", "plover.tsv")}


def _tok_matches(tok, part: str) -> bool:
    forms = (tok.lower_, tok.lemma_.lower() if tok.lemma_ else "")
    if part.endswith("*"):
        stem = part[:-1]
        return any(f.startswith(stem) for f in forms if f)
    return part in forms


def _match_at(toks: Sequence, i: int, parts: tuple) -> Optional[int]:
    """End index (exclusive) when ``parts`` match starting at token i, else None."""
    k, gap = i, False
    for part in parts:
        if part is None:
            gap = True
            continue
        limit = min(len(toks), k + (GAP + 1 if gap else 1))
        hit = next((n for n in range(k, limit) if _tok_matches(toks[n], part)), None)
        if hit is None:
            return None
        k, gap = hit + 1, False
    return k


def _phrase_in(toks: Sequence, lo: int, hi: int, parts: tuple) -> bool:
    return any(_match_at(toks, n, parts) is not None for n in range(max(lo, 0), min(hi, len(toks))))


def _find_triggers(toks: Sequence, lang: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) trigger matches in a sentence's tokens."""
    found, taken = [], set()
    for pat in _triggers(lang):
        if pat.requires and not any(_phrase_in(toks, 0, len(toks), _compile(r)) for r in pat.requires):
            continue
        for i in range(len(toks)):
            if i in taken:
                continue
            end = _match_at(toks, i, pat.parts)
            if end is not None:
                found.append((i, end, pat.type))
                taken.update(range(i, end))
                break  # one hit per pattern per sentence; more would be re-mentions
    return sorted(found)


def _clause_start(toks: Sequence, i: int) -> int:
    """Index of the first token of the clause holding token i (after ",", "maar", "dat", ...)."""
    breaks = _breaks(toks[i].lang_) if toks else frozenset()
    k = i
    while k > 0 and toks[k - 1].lower_ not in breaks:
        k -= 1
    return k


@lru_cache(maxsize=8)
def _breaks(lang: str) -> frozenset:
    return frozenset(w[0] for w in _context(lang).get("clause_break", []))


def _local_mode(toks: Sequence, i: int, end: int, lang: str) -> Optional[str]:
    lo = max(_clause_start(toks, i), i - WINDOW_BEFORE)
    hi = min(len(toks), end + WINDOW_AFTER)
    modes = set()
    for parts, mode in _modality(lang):
        for n in range(lo, hi):
            if i <= n < end:
                continue
            m_end = _match_at(toks, n, parts)
            if m_end is None or (n < i < m_end):
                continue
            if mode == "expected" and _reportative(toks, n):
                continue
            modes.add(mode)
    return next((m for m in MODE_PRIORITY if m in modes), None)


def _mode(local: Optional[str], claim: Optional[Claim]) -> str:
    """Combine the clause's own modality with the embedding claim's stance.

    A condition always wins; a denial or demand by the speaker outranks a plain future inside
    it ("ontkent dat Rusland zal aanvallen" is a denied attack).
    """
    from_claim = POLARITY_TO_MODE.get(claim.polarity) if claim else None
    if local == "hypothetical":
        return local
    if from_claim in ("denied", "demanded") and local in (None, "expected"):
        return from_claim
    return local or from_claim or "asserted"


def _reportative(toks: Sequence, n: int) -> bool:
    """Dutch "zou ... hebben/zijn" reports hearsay about the past; it is no prediction."""
    return toks[n].lower_ in ("zou", "zouden") and any(
        t.lower_ in ("hebben", "zijn") for t in toks[n + 1:n + 6])


def _claim_at(start: int, claims: Sequence[Claim]) -> Optional[Claim]:
    for c in claims:
        if c.content and c.content.start_char <= start < c.content.end_char:
            return c
    for c in claims:
        if c.evidence.sentence_start <= start < c.evidence.sentence_end:
            return c
    return None


def _code(m: Mention) -> Optional[str]:
    return m.actor.country


def _is_speaker(m: Mention, claims: Sequence[Claim]) -> bool:
    for c in claims:
        sp = getattr(c, "speaker", None)
        if sp is not None and sp.start_char <= m.evidence.start_char < sp.end_char:
            return True
    return False


def _after_word(toks: Sequence, m: Mention, words: list) -> bool:
    """Whether a mention follows one of ``words`` directly ("door diverse landen")."""
    for n, t in enumerate(toks):
        if t.idx >= m.evidence.start_char:
            return any(n - len(w) >= 0 and tuple(x.lower_ for x in toks[n - len(w):n]) == w
                       for w in words) or (n >= 2 and toks[n - 1].lower_ in ("de", "het", "the")
                                            and (toks[n - 2].lower_,) in words)
    return False


def _counterpart(source: Optional[str], mentions: Sequence[Mention], article: Article) -> Optional[str]:
    """The state the article pairs most often with ``source`` (the story's other side)."""
    counts = Counter(_code(m) for m in mentions
                     if _code(m) and _code(m) != source and m.actor.kind in ("state", "government", "military")
                     and article.is_content(m.evidence.start_char, m.evidence.end_char))
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    return best if n > rest[0][1] else None


def extract(doc, article: Article, mentions: Sequence[Mention] = (), claims: Sequence[Claim] = (),
            time_expressions: Sequence[TimeExpression] = ()) -> list[Event]:
    """All events of an article's content sentences."""
    lang = article.lang or "nl"
    ctx = _context(lang)
    mentions = sorted((m for m in mentions if _code(m)), key=lambda m: m.evidence.start_char)
    out: list[Event] = []
    prev_events: list[Event] = []
    last_actor: Optional[str] = None
    for s_start, s_end in sentences(doc, article):
        toks = [t for t in doc if s_start <= t.idx < s_end and not t.is_space]
        in_sent = [m for m in mentions if s_start <= m.evidence.start_char < s_end]
        speakers = [m for m in in_sent if _is_speaker(m, claims) or _after_word(toks, m, ctx.get("agent", []))]
        actors = [m for m in in_sent if m not in speakers]
        sent_events: list[Event] = []
        seen = set()
        for i, end, etype in _find_triggers(toks, lang):
            t_start, t_end = toks[i].idx, toks[end - 1].idx + len(toks[end - 1])
            claim = _claim_at(t_start, claims)
            mode = _mode(_local_mode(toks, i, end, lang), claim)
            source, target = _dyad(toks, i, t_start, t_end, etype, actors, mentions, last_actor, article, ctx)
            if (etype, mode, source, target) in seen:
                continue
            seen.add((etype, mode, source, target))
            sent_events.append(_event(article, etype, mode, source, target, t_start, t_end, s_start, s_end,
                                      claim, time_expressions, confident=source is not None))
        if not sent_events:
            sent_events = _denied_by_reference(article, toks, claims, prev_events, s_start, s_end, ctx)
        out.extend(sent_events)
        if sent_events:
            prev_events = sent_events
        if in_sent:
            last_actor = _code(in_sent[-1]) if not actors else _code(actors[-1])
    return out


def _dyad(toks, i, t_start, t_end, etype, actors, mentions, last_actor, article, ctx):
    clause_lo = toks[_clause_start(toks, i)].idx
    before = [m for m in actors if clause_lo <= m.evidence.start_char < t_start]
    after = [m for m in actors if m.evidence.start_char >= t_end]
    # Dutch puts the subject first and objects between it and a final verb ("Rusland is
    # Oekraïne binnengevallen"), so the clause's first actor is the source.
    source = _code(before[0]) if before else None
    if source is None and etype not in OUTWARD:
        source = _code(actors[0]) if actors and actors[0].evidence.start_char < t_start else None
    if source is None:
        source = last_actor
    target = next((_code(m) for m in after if _code(m) != source), None)
    if target is None:
        target = next((_code(m) for m in before[1:] if _code(m) != source), None)
    domestic = any(_phrase_in(toks, 0, len(toks), w) for w in ctx.get("domestic", []))
    if target is None and etype in DOMESTIC_BOTH_SIDES:
        target = source
    elif target is None and etype in OUTWARD and not domestic:
        target = _counterpart(source, mentions, article)
    return source, target


def _event(article, etype, mode, source, target, t_start, t_end, s_start, s_end, claim,
           time_expressions, confident: bool) -> Event:
    when = next((tx.resolved or tx.text for tx in time_expressions
                 if s_start <= tx.evidence.start_char < s_end), None)
    return Event(
        id=stable_id(article.id, "event", t_start, t_end, etype, mode, EXTRACTOR),
        type=etype, mode=mode, source_actor=source, target_actor=target,
        evidence=evidence(article, t_start, t_end, s_start, s_end),
        trigger=article.text[t_start:t_end], time=when,
        claim_id=claim.id if claim else None, claim_source=claim.source if claim else None,
        confidence=0.8 if confident else 0.5, extractor=EXTRACTOR,
    )


def _denied_by_reference(article, toks, claims, prev_events, s_start, s_end, ctx) -> list[Event]:
    """"Het Kremlin ontkent dat daar plannen voor zijn": the previous sentence's events, denied."""
    denial = next((c for c in claims if c.polarity == "denied"
                   and c.evidence.sentence_start <= s_start < c.evidence.sentence_end), None)
    if denial is None or not prev_events:
        return []
    anchor = next((t for t in toks for w in ctx.get("anaphor", []) if (t.lower_,) == w), None)
    if anchor is None:
        return []
    a_start, a_end = anchor.idx, anchor.idx + len(anchor)
    return [Event(
        id=stable_id(article.id, "event", a_start, a_end, e.type, "denied", EXTRACTOR),
        type=e.type, mode="denied", source_actor=e.source_actor, target_actor=e.target_actor,
        evidence=evidence(article, a_start, a_end, s_start, s_end), trigger=anchor.text,
        claim_id=denial.id, claim_source=denial.source, confidence=0.6, extractor=EXTRACTOR,
    ) for e in prev_events]
