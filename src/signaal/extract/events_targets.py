"""The target of an event (ANNOTATION.md "Actors"): the first other actor after the trigger, up to
the next verb or clause break, else an earlier one in the clause, else the type's default from the
story (``common/plover.tsv`` default_target: the source's opponent, the side the story attacked,
the source itself, or none). Places, partners and origins are no targets: "overleg in Wenen",
"samen met de EU-partners", "vanuit Belarus". Also the co-targets of a coordination and the
destination of forces sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from ..records import Mention
from .events_actors import (STATIONING, Sentence, uniq, after_prep, code, conjuncts, sent_ctx, symmetric,
                            type_info)
from .events_lex import any_phrase, clause_bounds, match_at

if TYPE_CHECKING:
    from .events_story import Story

# Acts done to a place: "een aanval in Oekraïne", "troepen in Belarus", "arrestaties in Moskou".
PLACE_TARGETS = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "PROTEST", "AID", "SANCTION", "THREATEN"})


def target_for(sent: Sentence, i: int, end: int, etype: str, source: Optional[str],
               story: "Story", use_default: bool = True, co_sources: Sequence[str] = (),
               pronoun_subject: bool = False) -> Optional[str]:
    t_end = sent.toks[end - 1].idx + len(sent.toks[end - 1])
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    mutual = symmetric(etype)
    # "overleg in Wenen": for meetings a place is a venue, not a party; "troepen naar Belarus":
    # where forces are sent or stationed is no target either
    # a protest or arrest faces only whom a target preposition names ("tegen Rusland"), not what it
    # is for ("demonstreren voor hun EU-lidmaatschap")
    at_home = type_info().get(etype, {}).get("default_target") == "self"
    placed = mutual or etype not in PLACE_TARGETS  # acts whose target "in X" is not: X is where it happens
    cands = [m for m in sent.actors if not (placed and after_prep(sent, m, "venue_prep")) and not _partner(sent, m)
             and not after_prep(sent, m, "origin_prep")
             and not (etype in STATIONING and after_prep(sent, m, "station_prep"))
             and not (at_home and not after_prep(sent, m, "target_prep"))]
    # after the trigger, only up to the next verb or clause break: "een inval zal leiden tot een
    # reactie van de VS", "Berlijn gaf toe, nadat de druk van Oekraïne groot werd"
    _, hi = clause_bounds(sent.toks, end - 1, sent.lang)
    verb = next((t.idx for t in sent.toks[end:hi] if t.pos_ in ("VERB", "AUX")),
                sent.toks[hi].idx if hi < len(sent.toks) else sent.end)
    after = [code(m) for m in cands if t_end <= m.evidence.start_char < verb]
    before = [code(m) for m in cands if sent.toks[lo].idx <= m.evidence.start_char < sent.toks[i].idx]
    # inside a gapped trigger after a target preposition ("raketten op Israël afgevuurd"), or as
    # the object when the subject stands outside it ("Amerika laat Taiwan niet in de steek")
    gap = [m for m in cands if sent.toks[i].idx < m.evidence.start_char < t_end]
    subject_inside = source is None or any(code(m) == source for m in gap)
    inside = [code(m) for m in gap if after_prep(sent, m, "target_prep") or not subject_inside]
    # the source's own coordination ("De EU, de VS en Canada sluiten ... uit") is never its target
    # (the first actor before the trigger is its subject, unless a pronoun was: "dat het de Japanse zone ...")
    objects = before if pronoun_subject else before[1:]
    target = next((c for c in inside + after + objects if c != source and c not in co_sources), None)
    if target is not None or not use_default:
        return target
    default = type_info().get(etype, {}).get("default_target")
    if default == "none":
        # "100.000 militairen bij de grens": the border is the story's other side's
        lo, hi = clause_bounds(sent.toks, i, sent.lang)
        border = any_phrase(sent.toks, lo, hi, sent_ctx(sent.lang, "border"))
        return story.opponent(source, force=True) if border else None
    war = story.war()
    if etype == "AID" and war and source not in war:
        return war[1]  # "Ook Groot-Brittannië leverde wapens": aid goes to the side attacked
    if default == "self" or any_phrase(sent.toks, 0, len(sent.toks), sent_ctx(sent.lang, "own_people")):
        return source  # "killed by security forces", "executed a protester": a state against its own people
    if default == "counterpart" and not any_phrase(sent.toks, 0, len(sent.toks), sent_ctx(sent.lang, "domestic")):
        if etype == "SANCTION" and story.aggressor not in (None, source):
            return story.aggressor  # in a war story, sanctions punish the one who attacked
        if etype == "RETREAT" and story.aimed.get(source) is None and story.theatre(source):
            return story.theatre(source)  # troops withdraw from where the story places them
        return story.opponent(source, force=etype in ("ASSAULT", "MOBILIZE")) or story.domestic(source)
    return story.domestic(source)


def _partner(sent: Sentence, m: Mention) -> bool:
    """"samen met de EU-partners": one acting alongside the subject (an article may follow)."""
    i = sent.tok_at(m.evidence.start_char)
    alts = sent_ctx(sent.lang, "partner")
    return any(match_at(sent.toks, n, p) in (i, i - 1) for n in range(max(0, i - 5), i) for p in alts)


def co_targets(sent: Sentence, target: Optional[str], t_end: int) -> list[Optional[str]]:
    """The target and the actors coordinated with it in the trigger's clause ("naar Berlijn en
    Warschau", the "Russisch-Belarussische oefening"): each is a target of its own event."""
    _, hi = clause_bounds(sent.toks, min(sent.tok_at(t_end), len(sent.toks) - 1), sent.lang)
    c_end = sent.toks[hi - 1].idx + len(sent.toks[hi - 1])
    ms = [m for m in sent.actors if t_end <= m.evidence.start_char < c_end]
    first = next((n for n, m in enumerate(ms) if code(m) == target), None)
    if target is None or first is None:
        return [target]
    out = [m for m in conjuncts(sent, ms[first:])]
    for m in ms[first + 1:]:
        # a hyphenated compound of two adjectives names two actors
        if sent.start <= out[-1].evidence.end_char < m.evidence.start_char and \
                m.evidence.start_char - out[-1].evidence.end_char <= 1 and \
                sent.toks[sent.tok_at(m.evidence.start_char)].idx < m.evidence.start_char:
            out.append(m)
    return uniq(code(m) for m in out) or [target]


def sent_to(sent: Sentence, i: int, end: int, source: Optional[str]) -> Optional[str]:
    """The state or alliance forces are sent to by a send verb in the trigger ("stuurt ... naar
    Litouwen", "sent ... to Poland"), when the sentence names it after a destination word."""
    send = sent_ctx(sent.lang, "send_verb")
    if not any_phrase(sent.toks, max(0, i - 3), min(len(sent.toks), end + 3), send):
        return None
    # the destination may precede the verb at the clause's end ("vliegtuigen naar Bulgarije te sturen")
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    return next((code(m) for m in sent.actors if m.evidence.start_char >= sent.toks[lo].idx
                 and code(m) not in (None, source) and m.actor.kind in ("state", "igo")
                 and after_prep(sent, m, "send_to")), None)
