"""The dyad of a trigger that no speech act or genitive settles: the source/target cascade of
``events_actors`` applied in order (a pair after "tussen", the last meeting's pair, an observer's
other side, a quoted "we", the clause's subjects, a coordination, the type's last source or
coalition, a victim's other side, the story's last source)."""

from __future__ import annotations

from typing import Optional

from ..records import Mention
from .events_actors import (Sentence, after_prep, between_pair, code, first_subject, gapped_subject,
                            each_other, inverted_subject, pair_named, reciprocal, sent_ctx, sources_in_clause,
                            symmetric, type_info, verb_subject)
from .events_filters import observed
from .events_lex import any_phrase, clause_bounds, words
from .events_speech import government_speaker, group_addressed, reported_victim
from .events_story import Story
from .events_targets import target_for

DISCOURSE_REACH = 2  # sentences a previous event's source stays the default source
# Acts whose target, once stated, is the one the source's later unaimed acts face.
FORCE = frozenset({"ASSAULT", "MOBILIZE"})
# Acts a speaker announces as its own ("kondigt sancties aan", "zegt steun toe").
ANNOUNCED = frozenset({"SANCTION", "AID"})


def event_dyads(sent: Sentence, i: int, end: int, etype: str, claim, story: Story, mode: str) -> list[tuple]:
    pair = between_pair(sent, end)
    if pair:
        return [pair]
    pair = (story.last_pair or story.warring()) if symmetric(etype) and pair_named(sent, i) else None
    if pair:
        # "de twee spraken af ...", "beide ministers willen opnieuw praten": the last meeting's pair;
        # with no meeting before, "de gesprekken tussen beide landen" are between the warring sides
        return [pair]
    if mode == "demanded" and etype == "RETREAT":
        pair = story.warring() if pair_named(sent, i) else None
        if pair:
            # "roept beide partijen op het geweld te staken": each side is asked to stop against the other
            return each_other(list(pair))
        if not sent.actors and story.home() is None and not any_phrase(sent.toks, 0, len(sent.toks),
                                                                       sent_ctx(sent.lang, "unit")):
            # "Borrell pleit voor de-escalatie", "called on all sides to exercise restraint": no one named
            # (in a domestic story, "riep de boeren op de acties te staken" stays at home; forces
            # to withdraw, "moeten de tanks worden teruggetrokken", are the aggressor's)
            return [(None, None)]
    if observed(sent, i):
        # "(we zien) geen tekenen van de-escalatie": the subject observes; the actor is the story's
        # aggressor (for a withdrawal), else the one this type was last about, else the speaker's other side
        src = (story.aggressor if etype == "RETREAT" else None) or story.type_source.get(etype) or \
            story.counterpart(story.speaker(claim) if claim else None)
        return [(src, target_for(sent, i, end, etype, src, story))]
    we = _first_person(sent, i, claim)
    if we is not None:
        return [(we, target_for(sent, i, end, etype, we, story, pronoun_subject=True))]
    sources, sym_target = sources_in_clause(sent, i, etype)
    giver = _giver(sent, i) if sources and not sym_target else None
    if giver is not None and giver not in sources:
        # "Macron heeft van Poetin de toezegging gekregen": the giver acts towards the receiver
        return [(giver, s) for s in sources]
    if not sources:
        # "Woensdag praten Rusland en de NAVO": the subject follows the verb (Dutch V2)
        sources, sym_target = inverted_subject(sent, end, etype)
    if not sources:
        # "Lange tijd lagen Duitsland en Italië dwars": the subject inside a separable verb
        sources = gapped_subject(sent, i, end)
    if not sources and sent.lang == "nl":
        # "Volgens Macron verzekerde Poetin hem dat ...": after a fronted phrase the subject follows
        sources = verb_subject(sent, i, end)
    if not sources:
        sources = _shared_subject(sent, i) or _speaker_subject(sent, i, claim)
    if not sources and type_info().get(etype, {}).get("default_target") != "counterpart":
        first = first_subject(sent, i)
        sources = [first] if first else []
    if not sources and type_info().get(etype, {}).get("default_target") == "self":
        # "In Amsterdam werden demonstranten gearresteerd": the place gives the state
        place = next((code(m) for m in sent.actors if _venue(sent, m)), None)
        sources = [place] if place else []
    if sym_target:
        return [(sources[0], sym_target)]
    if sources and reciprocal(sent, i):
        return each_other(sources)
    if sources:
        return [(s, target_for(sent, i, end, etype, s, story, co_sources=sources)) for s in sources]
    group = story.type_group.get(etype, ())
    if etype in ANNOUNCED and len(group) >= 2 and government_speaker(claim, sent, i, etype) is None:
        # "De EU, de VS en Canada sluiten banken uit. Ook worden reserves bevroren": the coalition goes on
        return [(s, target_for(sent, i, end, etype, s, story)) for s in group]
    named = target_for(sent, i, end, etype, None, story, use_default=False)
    victim = reported_victim(sent, i, etype, claim) if named is None and mode == "asserted" else None
    if victim is not None:
        # "volgens de Oekraïense autoriteiten kwamen elf burgers om bij raketaanvallen": the
        # attacker left unnamed is the other side of the one hit
        return [(story.counterpart(victim), victim)]
    if symmetric(etype) and story.last_pair and not sent.actors:
        # "De volgende ronde van het overleg staat gepland voor maart": the last pair that met
        return [story.last_pair]
    if mode == "demanded" and (etype in ANNOUNCED or claim is not None and group_addressed(sent, claim)):
        # "Oekraïne vraagt om sancties (tegen Rusland)": whoever is asked, unnamed; "urged Western
        # leaders to walk away from the talks": the ones asked are an uncoded group; aid asked for
        # goes to the asker ("Oekraïne vraagt om meer wapens")
        asker = story.speaker(claim) if etype == "AID" else None
        return [(None, named or asker or target_for(sent, i, end, etype, None, story))]
    # from context: a withdrawal by no one named is the aggressor's ("dat er troepen worden
    # teruggetrokken"); else the source this type last had; a force used by no one named is the
    # one who last used or massed it; else the last source or actor
    src = government_speaker(claim, sent, i, etype) or (story.aggressor if etype == "RETREAT" else None) or \
        story.type_source.get(etype) or (story.aggressor if etype in FORCE else None) or (
        story.last_source if story.source_age < DISCOURSE_REACH else None) or story.last_actor
    if named is not None and src in (named, None):
        # a context source may not be the very target the clause names ("een aanval op Oekraïne");
        # with no source at all, the one acting on it is its other side
        src = story.counterpart(named)
    return [(src, named or target_for(sent, i, end, etype, src, story))]


def _first_person(sent: Sentence, i: int, claim) -> Optional[str]:
    """"'Wij gaan met niemand vechten', zei de minister": a quoted "we" (or a pronoun referring
    back to the speaker) is the speaker's side."""
    if claim is None or not claim.source_actor or claim.content is None:
        return None
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    first = next((t for t in sent.toks[lo:i] if not (t.is_punct or t.is_quote)), None)
    # "Rusland beweert dat het ... heeft gedood": a singular pronoun (not an article) is the speaker
    if first is None or not (first.lower_ in words(sent.lang, "first_plural") or (
            first.lower_ in words(sent.lang, "speaker_pronoun") and first.pos_ == "PRON")):
        return None
    return claim.source_actor if claim.content.start_char <= first.idx < claim.content.end_char else None


def _shared_subject(sent: Sentence, i: int) -> list[str]:
    """"Ook Duitsland was lang huiverig, maar draaide uiteindelijk bij": a clause that "maar" opens
    with its verb shares the subject of the clause before."""
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    if lo < 2 or sent.toks[lo - 1].lower_ not in words(sent.lang, "shared_subject") or \
            sent.toks[i].pos_ not in ("VERB", "AUX") or any(t.pos_ != "ADV" for t in sent.toks[lo:i]):
        return []  # (only adverbs may come before the verb: "but finally backed down")
    before = max(lo - 2 if sent.toks[lo - 2].text == "," else lo - 1, 0)
    p_lo, _ = clause_bounds(sent.toks, max(before - 1, 0), sent.lang)
    # (the subject may be a speaker: "Duitsland was huiverig" is its stance)
    first = min((m for m in [*sent.actors, *sent.speakers] if not after_prep(sent, m)
                 and sent.toks[p_lo].idx <= m.evidence.start_char < sent.toks[before].idx),
                key=lambda m: m.evidence.start_char, default=None)
    return [code(first)] if first is not None and code(first) else []


def _speaker_subject(sent: Sentence, i: int, claim) -> list[str]:
    """"Rusland hervatte daarna naar eigen zeggen de aanvallen": a speaker reporting its own act
    (rule ``self_report``) is the subject of the trigger's clause."""
    if claim is None or claim.speaker is None:
        return []
    cue = (claim.cue or "").lower().split()
    if not cue or cue[-1] not in words(sent.lang, "self_report"):
        return []
    lo, _ = clause_bounds(sent.toks, i, sent.lang)
    first = next((m for m in sent.speakers if sent.tok_at(m.evidence.start_char) == lo < i
                  and claim.speaker.start_char <= m.evidence.start_char < claim.speaker.end_char), None)
    return [code(first)] if first is not None and code(first) else []


def _giver(sent: Sentence, i: int) -> Optional[str]:
    """The actor after a giver preposition ("van Poetin") in a clause with a receive verb."""
    lo, hi = clause_bounds(sent.toks, i, sent.lang)
    if not any_phrase(sent.toks, lo, hi, sent_ctx(sent.lang, "receive")):
        return None
    return next((code(m) for m in sent.actors if lo <= sent.tok_at(m.evidence.start_char) < hi
                 and after_prep(sent, m, "giver_prep")), None)


def _venue(sent: Sentence, m: Mention) -> bool:
    return after_prep(sent, m, "venue_prep")
