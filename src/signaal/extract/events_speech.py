"""Speech acts that are PLOVER interactions, read off the claims (ANNOTATION.md "Events").

A claim whose cue (with a condition on its content) is listed in ``lexicon/<lang>/speech_acts.tsv``
is also an event: condemn/accuse → ACCUSE, warn of consequences → THREATEN, reject or call
unacceptable → REJECT, praise/welcome → SUPPORT. A demand whose content holds no PLOVER action
is a REQUEST (the demanded action itself is the event otherwise). The source is the claim's
speaker, the target the first other actor in the content.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..records import Claim, Mention
from .events_actors import IGOS, Sentence, after_prep, code, reciprocal_pairs, sent_ctx, type_info
from .events_lex import (SpeechAct, any_phrase, evaluating_cue, find_triggers, match_at, possible, speech_acts,
                         words)
from .events_story import Story


# Types a government reports about its own forces ("de oefeningen gaan door, zegt het ministerie");
# an attack it speaks of is the other side's.
OWN_FORCES = frozenset({"MOBILIZE", "RETREAT", "COOPERATE"})
# Types whose doer, when no one is named, is the other side of whoever suffers or reports them.
HOSTILE = frozenset({"ASSAULT"})
# Acts (as judged nouns) whose rejection as unacceptable is a condemnation.
CONDEMNABLE = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "SANCTION", "THREATEN"})


@lru_cache(maxsize=8)
def speech_types(lang: str) -> frozenset:
    """Types that a speaker performs by speaking (their source is the claim's speaker)."""
    return frozenset(s.type for s in speech_acts(lang))


def _content_range(sent: Sentence, claim: Claim) -> tuple[int, int]:
    """Token range of the claim's content inside the sentence (the whole sentence if none)."""
    c = claim.content
    if c is None or not (sent.start <= c.start_char < sent.end):
        return 0, len(sent.toks)
    lo = sent.tok_at(c.start_char)
    hi = sent.tok_at(c.end_char)
    return lo, max(hi, lo + 1)


def _cue_hit(sent: Sentence, act: SpeechAct, lo: int, hi: int, own: str = "") -> Optional[tuple[int, int]]:
    """Where the act's cue stands in the sentence outside the content (the attribution part), or
    where it is the claim's own cue (``own``: a stance, "De oppositie is kritisch", has no
    attribution apart from its content)."""
    if not possible(act.cue, sent.forms):
        return None  # a word of the cue is nowhere in the sentence
    for n in range(len(sent.toks)):
        end = match_at(sent.toks, n, act.cue)
        if end is not None and (not lo <= n < hi or own and sent.toks[n].text in own.split()):
            return n, end
    return None


def addressee(sent: Sentence, claim: Claim, source: Optional[str]) -> Optional[str]:
    """The actor between the speaker and the content: the cue's object ("Rusland heeft de NAVO
    opgeroepen ... te", "Zelensky verweet de NAVO dat ...")."""
    span = _cue_object(sent, claim)
    if span is None:
        return None
    inside = [code(m) for m in sent.actors if span[0] <= m.evidence.start_char < span[1]]
    return next((x for x in inside if x and x != source), None)


def _cue_object(sent: Sentence, claim: Claim) -> Optional[tuple[int, int]]:
    """The characters between the speaker and the content (where the cue's object stands)."""
    sp, c = claim.speaker, claim.content
    if sp is None or c is None or not (sent.start <= sp.end_char <= c.start_char < sent.end):
        return None
    return sp.end_char, c.start_char


def _content_chars(sent: Sentence, claim: Claim) -> tuple[int, int]:
    """The character range of the claim's content inside the sentence."""
    lo, hi = _content_range(sent, claim)
    c_lo = sent.toks[lo].idx if lo < len(sent.toks) else sent.end
    c_hi = sent.toks[hi - 1].idx + len(sent.toks[hi - 1]) if hi <= len(sent.toks) else sent.end
    return c_lo, c_hi


def _first_other(sent: Sentence, claim: Claim, source: Optional[str]) -> Optional[Mention]:
    """The first coded actor in the claim's content other than the speaker's own country."""
    c_lo, c_hi = _content_chars(sent, claim)
    return next((m for m in sent.actors if c_lo <= m.evidence.start_char < c_hi and code(m) not in (None, source)),
                None)


def claim_target(sent: Sentence, claim: Claim, source: Optional[str]) -> Optional[str]:
    """The first actor in the claim's content other than the speaker's own country."""
    m = _first_other(sent, claim, source)
    return code(m) if m is not None else None


def judged_doer(sent: Sentence, claim: Claim, story: Story, source: Optional[str], target: Optional[str],
                judged: Optional[str]) -> Optional[str]:
    """"veroordeelt de raketaanvallen op Israël": a judged act's victim named in the content
    gives way to its doer, whoever last attacked that victim (None when no one did)."""
    if not judged or target is None or victim_named(sent, claim, source) != target:
        return target
    return story.attacker(target)


def victim_named(sent: Sentence, claim: Claim, source: Optional[str]) -> Optional[str]:
    """The content's first other actor when a target preposition introduces it ("de aanvallen
    op Israël"): the victim of a judged act."""
    m = _first_other(sent, claim, source)
    return code(m) if m is not None and after_prep(sent, m, "target_prep") else None


def own_institution(sent: Sentence, claim: Claim, source: Optional[str]) -> Optional[str]:
    """"De Kamer vindt dat het kabinet sneller moet betalen": a demand on another institution of
    the speaker's own country is a request to that country (NLD -> NLD)."""
    c_lo, c_hi = _content_chars(sent, claim)
    return next((source for m in sent.actors if source and code(m) == source
                 and m.actor.kind == "government" and m.actor.name != claim.source
                 and c_lo <= m.evidence.start_char < c_hi), None)


def fallback_target(story: Story, source: Optional[str], etype: str,
                    judged: Optional[str] = None) -> Optional[str]:
    """"Sherman noemde die eisen onacceptabel": the act answers the previous event's source.

    ``judged`` (see ``judged_thing``) is set when the act judges a definite thing: an event noun
    ("veroordeelt de oefeningen") is the act of that type's last source; a thing with no event
    before it ("De VS ... hebben ... opgedragen te vertrekken. Oekraïne noemde dat besluit
    'voorbarig'") is the previous sentence's subject's (condemnations only: a welcomed or
    rejected thing is too often no one's act).
    """
    if judged and story.type_source.get(judged) not in (None, source):
        return story.type_source[judged]
    if story.last_source and story.last_source != source and story.source_age < 3:
        return story.last_source
    if judged is not None and etype == "ACCUSE" and story.prev_subject not in (None, source):
        return story.prev_subject
    if type_info().get(etype, {}).get("default_target") == "counterpart":
        return story.counterpart(source)
    return story.domestic(source)


def _deciders(story: Story, source: Optional[str], etype: str, judged: Optional[str]) -> list:
    """"De VS, Groot-Brittannië en Australië hebben ... opgedragen te vertrekken. Oekraïne noemde dat
    besluit 'voorbarig'": a condemned thing that is no event is each subject's of the sentence before."""
    subjects = story.prev_subjects
    return list(subjects) if judged == "" and etype == "ACCUSE" and len(subjects) >= 2 and source not in subjects \
        else []


def judged_at(sent: Sentence) -> Optional[int]:
    """The definite word right after the sentence's evaluating cue ("noemde dat besluit",
    "noemde die waarschuwing"), or None."""
    cue = next((n for n, t in enumerate(sent.toks) if evaluating_cue(sent.lang, t.lower_)), None)
    if cue is None:
        return None
    definite = words(sent.lang, "definite")
    return next((n for n in range(cue + 1, min(cue + 3, len(sent.toks))) if sent.toks[n].lower_ in definite), None)


def judged_thing(sent: Sentence, claim: Claim) -> Optional[str]:
    """When an evaluating cue (noemt, veroordeelt, condemns) judges a definite thing (a definite
    word right after the cue: "noemde dat besluit", "condemned the launch"): the PLOVER type of the
    event noun judged, or "" for another thing; else None, also when the thing is a group's
    ("noemde de westerse sancties": no one actor's)."""
    if not evaluating_cue(sent.lang, claim.cue):
        return None
    at = judged_at(sent)
    if at is None or any_phrase(sent.toks, at, min(at + 5, len(sent.toks)), _groups(sent.lang)):
        return None
    # a judged thing is known from the story: "de oefeningen" needs no "militaire" here
    nouns = (pat.type for i, _, pat in find_triggers(sent.toks, sent.lang, lenient=True)
             if pat.role == "noun" and at < i <= at + 4)
    return next(nouns, "")


def _definite_act_source(sent: Sentence, story: Story, source: Optional[str]) -> Optional[str]:
    """The last source of the first event noun after a definite determiner in the sentence."""
    definite = words(sent.lang, "definite")
    for i, _, pat in find_triggers(sent.toks, sent.lang, lenient=True):
        if pat.role == "noun" and i > 0 and sent.toks[i - 1].lower_ in definite:
            known = story.type_source.get(pat.type)
            return known if known != source else None
    return None


def acts_for(sent: Sentence, claim: Claim, story: Story,
             has_action: bool) -> list[tuple[str, str, Optional[str], Optional[str], int, int]]:
    """(type, mode, source, target, tok_start, tok_end) speech-act events of one claim."""
    lo, hi = _content_range(sent, claim)
    source = story.speaker(claim)
    out = []
    for act in speech_acts(sent.lang):
        if act.type == "REQUEST":
            continue
        hit = _cue_hit(sent, act, lo, hi, claim.cue or "")
        if hit is None or (act.content and not any_phrase(sent.toks, lo, hi, act.content)):
            continue
        target = addressee(sent, claim, source) or (source if group_addressed(sent, claim, "own_people") else None)
        group = target is None and group_addressed(sent, claim)
        target = target or (None if group else claim_target(sent, claim, source))
        group = group or (target is None and _names_group(sent, claim, lo, hi))
        if act.needs == "target" and target is None and not group:
            # a weak reading needs the other side: in the content, or as the doer of a definite act
            # the sentence judges ("De erkenning is volgens Scholz een schending")
            target = _definite_act_source(sent, story, source)
            if target is None:
                continue
        pairs = reciprocal_pairs(sent, min(lo, len(sent.toks) - 1)) if act.type in ("ACCUSE", "THREATEN") else []
        if pairs:
            # "Oekraïne en de separatisten beschuldigen elkaar": each side the other's target
            out.extend((act.type, act.mode or "asserted", a, b, hit[0], hit[1]) for a, b in pairs)
            break
        judged = judged_thing(sent, claim)
        target = judged_doer(sent, claim, story, source, target, judged)
        # "noemde de blokkades onacceptabel": an act judged unacceptable is condemned, a demand rejected
        etype = "ACCUSE" if act.type == "REJECT" and judged in CONDEMNABLE else act.type
        targets = [target]
        if target is None and not group:
            targets = _deciders(story, source, etype, judged) or [fallback_target(story, source, etype, judged)]
        out.extend((etype, act.mode or "asserted", source, t, hit[0], hit[1]) for t in targets)
        break  # one act per claim: the table lists the specific readings first
    if not out and claim.polarity == "demanded" and not has_action:
        # deontic cues ("moet") stand inside the content, so the whole sentence is searched
        for act in (a for a in speech_acts(sent.lang) if a.type == "REQUEST"):
            hit = _cue_hit(sent, act, 0, 0)
            if hit is None or (act.content and not any_phrase(sent.toks, lo, hi, act.content)):
                continue
            # in a domestic story a demand that names no one else is made of one's own state
            target = None if group_addressed(sent, claim) else (
                addressee(sent, claim, source) or claim_target(sent, claim, source) or
                own_institution(sent, claim, source) or story.domestic(source))
            if act.needs == "target" and target is None and not _names_group(sent, claim, lo, hi):
                break  # ("het Westen moet ophouden met hysterie": an uncoded group is the other side)
            if _to_the_public(sent, claim):
                break  # "roept de bevolking op kalm te blijven": advice to people, no interaction
            out.append(("REQUEST", "asserted", source, target, *hit))
            break
    return out


def _to_the_public(sent: Sentence, claim: Claim) -> bool:
    """Whether a demand is addressed to the public: a population word between the speaker and the
    content, or opening the content ("moeten Amerikanen in Oekraïne vertrekken")."""
    c = claim.content
    if c is None or not (sent.start <= c.start_char < sent.end):
        return False
    sp_end = claim.speaker.end_char if claim.speaker is not None and claim.speaker.end_char <= c.start_char \
        else c.start_char
    lo, c_lo = sent.tok_at(sp_end), sent.tok_at(c.start_char)
    public = words(sent.lang, "public")
    return any(t.lower_ in public for t in sent.toks[lo:min(len(sent.toks), c_lo + 4)])


def group_addressed(sent: Sentence, claim: Claim, rule: str = "group") -> bool:
    """Whether an uncoded group is the cue's object ("beschuldigde het Westen ervan ..."): then
    the act is aimed at it, not at an actor the content names. With ``rule="own_people"``: the
    speaker's own opposition or people ("accused the opposition of ..."), an act at home."""
    span = _cue_object(sent, claim)
    if span is None:
        return False
    # the object may open the content ("het Westen ervan ... te"): its first tokens count too
    c_lo = sent.tok_at(span[1])
    return any_phrase(sent.toks, sent.tok_at(span[0]), min(c_lo + 3, len(sent.toks)), sent_ctx(sent.lang, rule))


def _names_group(sent: Sentence, claim: Claim, lo: int, hi: int) -> bool:
    """Whether the content names an uncoded group ("het Westen"): then the target stays empty."""
    return any_phrase(sent.toks, lo, hi, [p for p in _groups(sent.lang)])


def _groups(lang: str) -> list:
    return sent_ctx(lang, "group")


def government_speaker(claim: Optional[Claim], sent: Sentence, i: int, etype: str) -> Optional[str]:
    """A state's own speaker on actor-less content speaks about its own forces."""
    if etype not in OWN_FORCES or claim is None or claim.content is None or not claim.source_actor \
            or claim.source_actor in IGOS or evaluating_cue(sent.lang, claim.cue):
        return None  # (a judgement, "noemde het een goed teken dat ...", is about another's forces)
    c = claim.content
    if not (c.start_char <= sent.toks[i].idx < c.end_char):
        return None
    if any(c.start_char <= m.evidence.start_char < c.end_char for m in sent.actors):
        return None
    return claim.source_actor


def reported_victim(sent: Sentence, i: int, etype: str, claim: Optional[Claim]) -> Optional[str]:
    """Whom an attack with no named attacker hits: a country adjective a preposition places before
    the trigger ("In de Israëlische kustplaats ... toen een raket insloeg"), else the state whose
    speaker reports it ("volgens de Oekraïense autoriteiten ... bij raketaanvallen")."""
    if etype not in HOSTILE:
        return None
    t_start = sent.toks[i].idx
    placed = next((code(m) for m in sent.actors if m.evidence.start_char < t_start and after_prep(sent, m)
                   and sent.toks[sent.tok_at(m.evidence.start_char)].pos_ == "ADJ"), None)
    if placed is not None:
        return placed
    # only a report: what a state announces or denies is its own side's act
    if claim is None or claim.polarity != "asserted" or not claim.source_actor or claim.source_actor in IGOS:
        return None
    c = claim.content
    return claim.source_actor if c is not None and c.start_char <= t_start < c.end_char else None
