"""Denials by reference: a sentence that denies what an earlier one reported without repeating it
("Het Kremlin ontkent dat daar plannen voor zijn", "Moskou spreekt dat tegen", "Moskou noemde die
waarschuwing 'hysterie'"): the earlier events come back denied, anchored on the word that points back.
"""

from __future__ import annotations

from typing import Optional

from .events_lex import any_phrase, context, evaluating_cue, words
from .events_speech import judged_at


def denied_by_reference(sent, prev_events: list, just_before: list) -> Optional[tuple]:
    """"Het Kremlin ontkent dat daar plannen voor zijn": (the word pointing back, the denying claim,
    the events it denies), or None."""
    denial = next((c for c in sent.claims if c.polarity == "denied"), None)
    if denial is None or not prev_events:
        return None
    anaphors = words(sent.lang, "anaphor")
    anchor = next((t for t in sent.toks if t.lower_ in anaphors), None)
    if anchor is None and any_phrase(sent.toks, 0, len(sent.toks), context(sent.lang).get("denial_cue", [])):
        # a bare contradiction answers the sentence right before; talks it contradicts took place
        anchor = _short_object(sent, denial)
        prev_events = [e for e in just_before if e.type != "CONSULT"]
    if anchor is None and evaluating_cue(sent.lang, denial.cue):
        # "Moskou noemde die waarschuwing 'hysterie'": a judged report of the sentence before, denied
        at = judged_at(sent)
        anchor = sent.toks[at] if at is not None else None
        prev_events = [e for e in prev_events if e.type != "CONSULT"]
    if anchor is None:
        return None
    return anchor, denial, prev_events


SHORT_OBJECT = 3  # most tokens of a denied object that only points back ("dat", "elke betrokkenheid")


def _short_object(sent, denial):
    """"Moskou spreekt dat tegen", "het Kremlin ontkent elke betrokkenheid": a denial whose content
    is a short object with no verb of its own denies what the previous sentence reported."""
    c = denial.content
    if c is None:
        return None
    toks = [t for t in sent.toks if c.start_char <= t.idx < c.end_char and not t.is_punct]
    if not toks or len(toks) > SHORT_OBJECT or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return None if toks[-1].pos_ == "ADJ" else toks[-1]
