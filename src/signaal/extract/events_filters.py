"""Which trigger matches are events: tests on the clause around a trigger.

A noun trigger needs an anchor (``anchored``: an actor or event verb in its clause, or no definite
determiner); a definite noun judged by an evaluating cue re-mentions a known event
(``judged_again``); phrases before a trigger make it a time, a condition or an observation
(``after_phrase``, ``observed``); a stop verb takes an attack noun as its object (``stopped``);
impersonal passive talks have no actor (``impersonal``); a word describing a claim's speaker is
no event (``describes_speaker``); a possessive before it makes an attribution's act the speaker's
(``possessed``); a claim's cue (``claim_cue``) and an idiom's own negation (``negated_idiom``) are
told apart; a headline's events the body repeats are dropped (``without_headline_repeats``). Words
come from ``lexicon/<lang>/event_context.tsv``.
"""

from __future__ import annotations

from typing import Optional

from ..records import Article, Claim, Event
from . import claims_lex
from .events_actors import Sentence
from .events_lex import any_phrase, clause_bounds, context, evaluating_cue, find_triggers, match_at, words


def in_content(claim: Optional[Claim], start: int) -> bool:
    return bool(claim and claim.content and claim.content.start_char <= start < claim.content.end_char)


def anchored(sent: Sentence, i: int, end: int) -> bool:
    """A noun trigger counts when its clause names an actor or an event verb, or it is new
    (no definite determiner) — "het overleg duurde acht uur" only re-mentions the talks."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    c_lo, c_hi = sent.toks[lo].idx, sent.toks[hi - 1].idx + len(sent.toks[hi - 1])
    if any(c_lo <= m.evidence.start_char < c_hi for m in sent.actors) and not _definite_talks(sent, i, lo):
        return True
    if any_phrase(sent.toks, lo, hi, context(sent.lang).get("event_verb", [])):
        return True
    # the nearest determiner decides: "deze week een aanval" is a new attack
    return not definite_before(sent, max(lo, i - 3), i)


def definite_before(sent: Sentence, lo: int, i: int) -> bool:
    """Whether the determiner nearest before token i (from token lo on) is a definite one."""
    definite, det = words(sent.lang, "definite"), words(sent.lang, "determiner")
    for t in reversed(sent.toks[lo:i]):
        if t.lower_ in definite or t.lower_ in det:
            return t.lower_ in definite
        if t.pos_ in ("NOUN", "PROPN", "VERB"):
            return False  # another phrase: "na haar landing militaire oefeningen"
    return False


def _definite_talks(sent: Sentence, i: int, lo: int) -> bool:
    """"Het gesprek verliep stroef": definite talks re-mention a meeting even beside an actor,
    unless a preposition after them names a party ("het bezoek van Pelosi aan Taiwan")."""
    pats = [p for p in find_triggers(sent.toks, sent.lang) if p[0] == i]
    if not pats or pats[0][2].type != "CONSULT":
        return False
    if not any(t.lower_ in words(sent.lang, "definite") for t in sent.toks[max(lo, i - 2):i]):
        return False
    _, hi = clause_bounds(sent.toks, i, sent.lang)
    if any_phrase(sent.toks, i, hi, context(sent.lang).get("between", [])) and len(sent.actors) >= 2:
        return False  # "het gesprek ... was het eerste tussen Blinken en Lavrov": it names its parties
    end = pats[0][1]
    if end < len(sent.toks) and sent.toks[end].lower_ in words(sent.lang, "party_prep"):
        near = sent.toks[min(end + 5, len(sent.toks) - 1)]
        return not any(sent.toks[end].idx < m.evidence.start_char <= near.idx for m in sent.actors + sent.speakers)
    return True


def impersonal(sent: Sentence, i: int) -> bool:
    """Whether the trigger's clause is an impersonal passive ("er wordt onderhandeld")."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any_phrase(sent.toks, lo, hi, context(sent.lang).get("impersonal", []))


def stopped(sent: Sentence, i: int, end: int) -> bool:
    """Whether a stop verb in the noun trigger's clause takes it as object ("de aanvallen stopt")."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    return any_phrase(sent.toks, end, hi, context(sent.lang).get("stop_verb", [])) or \
        any_phrase(sent.toks, lo, i, [p for p in context(sent.lang).get("stop_verb", []) if len(p) == 1])


def judged_again(sent: Sentence, i: int, claim) -> bool:
    """A definite noun trigger in the content of an evaluating cue (noemt, veroordeelt, condemns)
    re-mentions an event the story already has; the speech act is the new event."""
    if claim is None or not claim.cue or not in_content(claim, sent.toks[i].idx):
        return False
    if not evaluating_cue(sent.lang, claim.cue):
        return False
    # "de 'roekeloze en niet-uitgelokte' aanval"; "noemde de erkenning het begin van een invasie" is new
    return definite_before(sent, max(sent.tok_at(claim.content.start_char), i - 8), i)


def after_phrase(sent: Sentence, i: int, rule: str) -> bool:
    """Whether a phrase of ``rule`` ends just before the trigger, an article and an adjective
    allowed between ("tekenen van een echte terugtrekking", "sinds de Russische inval")."""
    alts = context(sent.lang).get(rule, [])
    # a phrase of up to six tokens, and two between it and the trigger
    return any(match_at(sent.toks, n, p) in (i, i - 1, i - 2) for n in range(max(0, i - 8), i) for p in alts)


def observed(sent: Sentence, i: int) -> bool:
    """Whether an evidence phrase ("tekenen van", "signs of") ends just before the trigger."""
    return after_phrase(sent, i, "observed")


def describes_speaker(sent: Sentence, i: int, end: int) -> bool:
    """Whether the trigger modifies a noun of a claim's speaker span ("Protest leaders")."""
    nxt = sent.toks[end] if end < len(sent.toks) else None
    return nxt is not None and nxt.pos_ == "NOUN" and any(
        c.speaker is not None and c.speaker.start_char <= sent.toks[i].idx and nxt.idx < c.speaker.end_char
        for c in sent.claims)


def possessed(sent: Sentence, i: int) -> bool:
    """Whether a possessive stands right before the trigger ("na zijn ontmoeting met ...")."""
    return i > 0 and sent.toks[i - 1].lower_ in words(sent.lang, "possessive")


def claim_cue(sent: Sentence, i: int, end: int) -> bool:
    """Whether the trigger's words are the cue of a claim of the sentence."""
    forms = {t.lower_ for t in sent.toks[i:end]}
    return any(c.cue and set(c.cue.lower().split()) <= forms for c in sent.claims)


def negated_idiom(sent: Sentence, i: int, end: int) -> bool:
    return any(t.lower_ in claims_lex.get(sent.lang).negations for t in sent.toks[i:end])


def without_headline_repeats(article: Article, found: list[Event]) -> list[Event]:
    """A headline repeats the story (ANNOTATION.md): its events of a type the body reports too
    ("Liveblog Oekraïne: Russische aanval op meerdere fronten") are not counted twice."""
    title = article.title
    if not title or not article.text.lstrip().startswith(title):
        return found
    end = article.text.index(title) + len(title)
    body_types = {e.type for e in found if e.evidence.start_char >= end}
    return [e for e in found if e.evidence.start_char >= end or e.type not in body_types]
