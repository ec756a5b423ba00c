"""Event arguments: the source and target actors of a trigger (ANNOTATION.md "Actors").

Cascade for the source, first hit wins:

1. the clause's actors before the trigger — the first one (Dutch puts the subject first), or
   the last one after a demand word ("de VS roepen Rusland op ... terug te trekken": Rusland);
   a coordination ("Rusland en de NAVO praten") gives one source per conjunct, or for symmetric
   types (CONSULT, AGREE, COOPERATE) the dyad first → second;
2. for inward types, the sentence's first actor before the trigger;
3. the claim's speaker country when a government speaks about actor-less content
   ("de oefeningen gaan door, zegt het ministerie");
4. the previous event's source (discourse continuity), else the last actor mentioned.

Targets: ``events_targets``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Optional, Sequence

from .. import lexicon
from ..records import Mention
from . import claims_lex
from .events_lex import any_phrase, clause_bounds, match_at, sentence_forms, words

IGOS = frozenset({"NATO", "EU", "UN", "OSCE", "CSTO", "IAEA", "G7", "AU", "ASEAN"})
# Types whose place ("in Belarus", "naar de grens") is where forces go, not whom they face.
STATIONING = frozenset({"MOBILIZE"})


@lru_cache(maxsize=1)
def type_info() -> dict:
    """PLOVER type -> row of ``common/plover.tsv`` (symmetric, default_target, ...)."""
    return {r["type"]: r for r in lexicon.load("common", "plover.tsv")}


def symmetric(etype: str) -> bool:
    """Whether a coordinated subject of the type ("X en Y praten") is the dyad X->Y."""
    return type_info().get(etype, {}).get("symmetric") == "yes"


def code(m: Mention) -> Optional[str]:
    return m.actor.country


@dataclass
class Sentence:
    """One content sentence with its tokens and the actor mentions events may use."""

    toks: list
    start: int
    end: int
    lang: str
    actors: list  # mentions that can be event arguments (not speakers, not passive agents)
    speakers: list
    claims: list = field(default_factory=list)

    @cached_property
    def forms(self) -> frozenset:
        """Every lowercase form and lemma of the sentence (to skip cues that cannot match)."""
        return sentence_forms(self.toks)

    def tok_at(self, char: int) -> int:
        """Index of the token holding character ``char`` (or the next one)."""
        return next((n for n, t in enumerate(self.toks) if t.idx + len(t) > char), len(self.toks))


def _joined(sent: Sentence, a: Mention, b: Mention) -> bool:
    """Whether only a conjunction, commas and determiners stand between two mentions."""
    glue = words(sent.lang, "coord") | words(sent.lang, "determiner")
    between = [t for t in sent.toks if a.evidence.end_char <= t.idx < b.evidence.start_char]
    return bool(between) and all(t.lower_ in glue for t in between) and \
        any(t.lower_ in words(sent.lang, "coord") for t in between)


def conjuncts(sent: Sentence, ms: Sequence[Mention]) -> list[Mention]:
    """The coordination starting at ms[0] ("Estland, Letland en Litouwen")."""
    out = [ms[0]] if ms else []
    for m in ms[1:]:
        if not _joined(sent, out[-1], m):
            break
        out.append(m)
    return out


def _passive_between(sent: Sentence, m: Mention, d: int) -> bool:
    """Whether a passive helper stands between the mention and token d ("Moskou is ... opgeroepen")."""
    lex = claims_lex.get(sent.lang)
    return any(lex.is_(t.lower_, "pass") for t in sent.toks[sent.tok_at(m.evidence.end_char):d])


def _demand_at(sent: Sentence, lo: int, i: int) -> Optional[int]:
    """The first demand word ("eist", "roept ... op", "urged") in tokens [lo, i), if any."""
    demand = sent_ctx(sent.lang, "demand")
    return next((n for n in range(lo, i) if any(match_at(sent.toks, n, p) for p in demand)), None)


def sent_ctx(lang: str, rule: str) -> list:
    from .events_lex import context
    return context(lang).get(rule, [])


def uniq(codes: Sequence[Optional[str]]) -> list[str]:
    out: list[str] = []
    for c in codes:
        if c and c not in out:
            out.append(c)
    return out


def after_prep(sent: Sentence, m: Mention, rule: str = "preposition") -> bool:
    """Whether a preposition (skipping determiners) stands right before the mention or the
    coordination it ends: Dutch and English subjects never do, so "met Oekraïne", "aan de grens
    met Oekraïne" are no sources."""
    n = sent.tok_at(m.evidence.start_char) - 1
    det = words(sent.lang, "determiner")
    while n >= 0 and sent.toks[n].lower_ in det:
        n -= 1
    if n >= 0 and sent.toks[n].lower_ in words(sent.lang, rule):
        return True
    # a later conjunct shares the preposition: "tussen Belarus en Oekraïne"
    prev = next((p for p in reversed(sent.actors) if p.evidence.end_char <= m.evidence.start_char), None)
    return prev is not None and _joined(sent, prev, m) and after_prep(sent, prev, rule)


def genitive_agent(sent: Sentence, end: int, etype: str) -> Optional[Mention]:
    """The actor of a noun trigger named right after it by "van"/"of" ("het bezoek van de
    Amerikaanse Huisvoorzitter Pelosi aan Taiwan"), for the types whose genitive is the agent."""
    if type_info().get(etype, {}).get("genitive_agent") != "yes" or end >= len(sent.toks):
        return None
    if sent.toks[end].lower_ not in words(sent.lang, "agent_of"):
        return None
    after = [m for m in sent.actors if m.evidence.start_char > sent.toks[end].idx]
    if not after:
        return None
    first = min(after, key=lambda m: m.evidence.start_char)
    between = sent.toks[end + 1:sent.tok_at(first.evidence.start_char)]
    # only determiners, adjectives and titles between: "van de Amerikaanse", not "van de top in Wenen"
    stop = words(sent.lang, "preposition") | words(sent.lang, "clause_break")
    return first if len(between) <= 3 and not any(t.lower_ in stop or t.is_punct for t in between) \
        else None


def first_subject(sent: Sentence, i: int) -> Optional[str]:
    """The sentence's first actor before token i that no preposition governs."""
    t_start = sent.toks[i].idx
    return next((code(m) for m in sent.actors
                 if m.evidence.start_char < t_start and not after_prep(sent, m)), None)


def sources_in_clause(sent: Sentence, i: int, etype: str) -> tuple[list[str], Optional[str]]:
    """Sources from the clause before the trigger, and a target a symmetric coordination gives."""
    lo = _list_start(sent, clause_bounds(sent.toks, i, sent.lang)[0])
    c_lo, t_start = sent.toks[lo].idx, sent.toks[i].idx
    before = [m for m in sent.actors if c_lo <= m.evidence.start_char < t_start]
    d = _demand_at(sent, sent.tok_at(before[0].evidence.end_char), i) if before else None
    if d is not None and (len(before) >= 2 or not _passive_between(sent, before[0], d)):
        # "de VS roepen Rusland op ... terug te trekken" ("dat de VS Rusland hebben opgeroepen"):
        # the one asked acts; "Oekraïne vraagt om sancties": no one asked is named ("Moskou is
        # opgeroepen ..." is asked itself)
        return ([code(before[-1])] if len(before) >= 2 else []), None
    # ("In Berlijn praatten ...": a place is no attacker)
    adjacent = before[-1] if before and sent.tok_at(before[-1].evidence.end_char) == i and \
        not after_prep(sent, before[-1], "venue_prep") else None
    located = next((m for m in before if _located_subject(sent, lo, m)), None)
    before = [m for m in before if not after_prep(sent, m)]
    if not before and located is not None:
        # "Militante groeperingen in de Gazastrook hebben raketten afgevuurd": the subject's place
        return [code(located)], None
    if not before:
        # "de dreiging van een Russische inval": the adjective names the attacker
        return ([code(adjacent)], None) if adjacent else ([], None)
    conj = uniq(code(m) for m in conjuncts(sent, before))
    if len(conj) >= 2 and symmetric(etype) and all(code(m) in conj for m in before):
        # (with an object of their own, "X en Y hebben Rusland hun antwoord gegeven", both act on it)
        return conj[:1], conj[1]
    return conj, None


def _located_subject(sent: Sentence, lo: int, m: Mention) -> bool:
    """Whether ``m`` places the clause's opening noun phrase ("groeperingen in de Gazastrook"):
    a locative preposition right after a noun among the clause's first tokens."""
    n = sent.tok_at(m.evidence.start_char) - 1
    det = words(sent.lang, "determiner")
    while n > lo and sent.toks[n].lower_ in det:
        n -= 1
    return lo + 1 <= n <= lo + 4 and sent.toks[n].lower_ in words(sent.lang, "located_in") \
        and sent.toks[n - 1].pos_ == "NOUN"


def _list_start(sent: Sentence, lo: int) -> int:
    """Move a clause start cut at a comma back over a list of actors ("Estland, Letland en ...")."""
    det = words(sent.lang, "determiner")
    while lo >= 2 and sent.toks[lo - 1].text == ",":
        prev = sent.toks[lo - 2]
        m = next((m for m in sent.actors if m.evidence.end_char == prev.idx + len(prev)), None)
        first = sent.actors and next((m for m in sent.actors if m.evidence.start_char >= sent.toks[lo].idx), None)
        opening = next((t for t in sent.toks[lo:] if t.lower_ not in det), sent.toks[lo])
        if m is None or first is None or first.evidence.start_char != opening.idx:
            break
        lo = sent.tok_at(m.evidence.start_char)
        while lo > 0 and sent.toks[lo - 1].lower_ in det:
            lo -= 1  # "de Verenigde Staten": the list item's determiner
    return lo


def inverted_subject(sent: Sentence, end: int, etype: str) -> tuple[list[str], Optional[str]]:
    """A coordination right after a symmetric verb trigger is its subject ("praten X en Y"), also
    when their representatives are named first ("praatten adviseurs van (de leiders van) X, Y ...")."""
    if end >= len(sent.toks) or type_info().get(etype, {}).get("symmetric") != "yes":
        return [], None
    det, of = words(sent.lang, "determiner"), words(sent.lang, "agent_of")
    n = end
    while n < len(sent.toks) and sent.toks[n].lower_ in det:
        n += 1
    # "adviseurs van de leiders van": people standing for the states that follow
    k = n
    while k + 1 < len(sent.toks) and k - n < 6 and sent.toks[k].pos_ == "NOUN" and sent.toks[k + 1].lower_ in of:
        k += 2
        while k < len(sent.toks) and sent.toks[k].lower_ in det:
            k += 1
    n = k if k > n else n
    if n >= len(sent.toks):
        return [], None
    after = [m for m in sent.actors if m.evidence.start_char >= sent.toks[n].idx]
    if not after or after[0].evidence.start_char != sent.toks[n].idx:
        return [], None
    conj = uniq(code(m) for m in conjuncts(sent, after))
    return (conj[:1], conj[1]) if len(conj) >= 2 else ([], None)


def verb_subject(sent: Sentence, i: int, end: int) -> list[str]:
    """The actor right after a one-word finite verb trigger (Dutch V2 after a fronted phrase:
    "Volgens Macron verzekerde Poetin hem ..."), when no preposition governs it."""
    if end != i + 1 or sent.toks[i].pos_ not in ("VERB", "AUX") or end >= len(sent.toks):
        return []
    det = words(sent.lang, "determiner")
    n = end
    while n < len(sent.toks) and sent.toks[n].lower_ in det:
        n += 1
    m = next((m for m in sent.actors if n < len(sent.toks) and m.evidence.start_char == sent.toks[n].idx), None)
    return [code(m)] if m is not None and code(m) else []


def gapped_subject(sent: Sentence, i: int, end: int) -> list[str]:
    """The coordination standing inside a separable verb trigger ("lagen Duitsland en Italië
    dwars"), when no preposition governs it."""
    lo, hi = sent.toks[i].idx, sent.toks[end - 1].idx
    inside = [m for m in sent.actors if lo < m.evidence.start_char < hi]
    if not inside or after_prep(sent, inside[0]):
        return []
    return uniq(code(m) for m in conjuncts(sent, inside))


def joint_exercise(sent: Sentence, i: int, end: int) -> bool:
    """Whether an exercise noun has a coordinated subject ("Rusland en Belarus zijn begonnen aan een
    militaire oefening"): allies exercising together cooperate (ANNOTATION.md: COOPERATE)."""
    if not any_phrase(sent.toks, i, end, sent_ctx(sent.lang, "exercise")):
        return False
    return sources_in_clause(sent, i, "COOPERATE")[1] is not None


def between_pair(sent: Sentence, end: int) -> Optional[tuple[str, str]]:
    """"overleg tussen X en Y" after the trigger gives the dyad X → Y (after a noun a particle or a
    place may stand between, no verb: "stelt een top voor tussen Biden en Poetin"; after a verb the
    pair is what its subject acts between: "Turkije bemiddelde dinsdag tussen ...")."""
    noun = sent.toks[end - 1].pos_ == "NOUN"
    at = next((n for n in range(end, min(end + (7 if noun else 1), len(sent.toks)))
               if sent.toks[n].lower_ in words(sent.lang, "between")), None)
    # (after a noun a copula may stand between: "Het gesprek in Genève was het eerste tussen X en Y")
    if at is None or any(t.pos_ == "VERB" or t.pos_ == "AUX" and not (noun and t.lower_ in words(sent.lang, "copula"))
                         or t.is_punct for t in sent.toks[end:at]):
        return None
    after = [m for m in sent.actors if m.evidence.start_char >= sent.toks[at].idx]
    conj = uniq(code(m) for m in conjuncts(sent, after))
    return (conj[0], conj[1]) if len(conj) >= 2 else None


def pair_named(sent: Sentence, i: int) -> bool:
    """Whether the trigger's clause names a pair without naming its members ("de twee", "beide
    ministers", "de partijen"; after it: "de gesprekken tussen beide landen")."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    c_lo = sent.toks[lo].idx
    if any(c_lo <= m.evidence.start_char < sent.toks[i].idx for m in sent.actors):
        return False
    return any_phrase(sent.toks, lo, hi, sent_ctx(sent.lang, "pair_ref"))


def each_other(sources: list) -> list[tuple]:
    """"Rusland en Oekraïne geven elkaar de schuld": each acts on the other ("Oekraïne en de
    separatisten ...": the uncoded side has no code either way)."""
    if len(sources) == 1:
        return [(sources[0], None), (None, sources[0])]
    return [(s, t) for s in sources for t in sources if s != t]


def reciprocal_pairs(sent: Sentence, i: int) -> list[tuple]:
    """The dyads of a speech act done to each other by its coordinated speakers ("beschuldigen
    elkaar"), or [] when the clause is not reciprocal."""
    if not reciprocal(sent, i):
        return []
    return each_other(list(dict.fromkeys(c for c in (code(m) for m in sent.speakers) if c)))


def reciprocal(sent: Sentence, i: int) -> bool:
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any_phrase(sent.toks, lo, hi, sent_ctx(sent.lang, "reciprocal"))
