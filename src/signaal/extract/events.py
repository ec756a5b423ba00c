"""Political events: PLOVER type, mode and actor dyad, linked to the claim they sit in.

Stages, per content sentence:

1. triggers — token patterns from ``lexicon/<lang>/events.tsv`` (``events_lex``); a noun trigger
   that only re-mentions an event ("het overleg duurde acht uur") needs an anchor: an actor in
   its clause, an event verb ("voeren", "begonnen aan") or an indefinite/bare form
   (``events_filters``);
2. speech acts — claims whose cue is an interaction (``speech_acts.tsv``: condemn → ACCUSE,
   warn of consequences → THREATEN, call unacceptable → REJECT, praise → SUPPORT; a demand with
   no PLOVER action → REQUEST), with the claim's speaker as source (``events_speech``);
3. mode — modality words near the trigger in its clause (``modality.tsv``), else the polarity of
   the claim the trigger sits in (``events_mode``); a denial whose content only points back ("daar plannen voor")
   denies the previous sentence's events;
4. actors — ``events_dyads`` runs the source/target cascade over the clause helpers of
   ``events_actors`` and the article context of ``events_story``.

Precision first: a wrong event in an escalation index is worse than a missed one.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Optional, Sequence

from .. import lexicon
from ..records import Article, Claim, Event, Mention, TimeExpression, stable_id
from .events_actors import (STATIONING, Sentence, code, genitive_agent, joint_exercise, reciprocal_pairs,
                            symmetric)
from .events_dyads import ANNOUNCED, FORCE, event_dyads
from .events_lex import context, find_triggers, words
from .events_denial import denied_by_reference
from .events_filters import (after_phrase, anchored, claim_cue, describes_speaker, impersonal, in_content,
                             judged_again, negated_idiom, possessed, stopped, without_headline_repeats)
from .events_mode import (attribution_mode, cancelled, combine_mode, condition_noun, conditional_sentence,
                          future_dated, imagined, in_condition, local_mode, past_clause, target_in_condition)
from .events_speech import (acts_for, addressee, claim_target, fallback_target, group_addressed, judged_doer,
                            judged_thing, speech_types)
from .events_story import Story
from .events_targets import co_targets, sent_to, target_for
from .spans import evidence, sentences

EXTRACTOR = "signaal.events.v2"
# Acts whose content (a time, a plan, a condition) follows the trigger: words after it are not
# their mode ("threatened military action if Iran gets close to a bomb" is a threat made now).
PROMISES = frozenset({"AGREE", "THREATEN"})
# Acts whose pair later talk of "de twee" or "het overleg" refers back to (not joint exercises).
MEETINGS = frozenset({"CONSULT", "AGREE"})
# Acts whose announcement on a condition of the target's behaviour is a threat to it.
PUNITIVE = frozenset({"SANCTION", "ASSAULT", "COERCE"})


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


def claim_at(start: int, claims: Sequence[Claim]) -> Optional[Claim]:
    """The claim whose content holds ``start``, else one whose sentence does."""
    for c in claims:
        if c.content and c.content.start_char <= start < c.content.end_char:
            return c
    for c in claims:
        if c.evidence.sentence_start <= start < c.evidence.sentence_end:
            return c
    return None


def _is_speaker(m: Mention, claims: Sequence[Claim]) -> bool:
    for c in claims:
        sp = c.speaker
        if sp is not None and sp.start_char <= m.evidence.start_char < sp.end_char:
            return True
    return False


def _after_word(toks: Sequence, m: Mention, agents: list, lang: str) -> bool:
    """Whether a mention follows an agent word directly ("door diverse landen", "volgens de VS")."""
    n = next((k for k, t in enumerate(toks) if t.idx >= m.evidence.start_char), None)
    if n is None:
        return False
    det = words(lang, "determiner")
    k = n - 1 if n >= 1 and toks[n - 1].lower_ in det else n
    return any(k - len(w) >= 0 and tuple(x.lower_ for x in toks[k - len(w):k]) == w for w in agents)


def _closes_clause(toks: Sequence, m: Mention) -> bool:
    """Whether the mention is the clause's last phrase (", zei Biden." / ", zei Biden vrijdag.")."""
    after = [t for t in toks if t.idx >= m.evidence.end_char]
    nxt = next((t for t in after if not t.like_num and t.pos_ != "ADV"), None)
    return nxt is None or nxt.is_punct


def _sentence(doc, article, s_start, s_end, mentions, claims, lang, starts: Sequence[int]) -> Sentence:
    # ``starts``: every token's offset, so a sentence's tokens are found without walking the doc
    a, b = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
    toks = [doc[k] for k in range(a, b) if not doc[k].is_space]
    in_sent = [m for m in mentions if s_start <= m.evidence.start_char < s_end
               and not article.in_dateline(m.evidence.start_char)]
    agents, tail = context(lang).get("agent", []), context(lang).get("speech_tail", [])
    speakers = [m for m in in_sent if _is_speaker(m, claims) or _after_word(toks, m, agents, lang)
                or (_after_word(toks, m, tail, lang) and _closes_clause(toks, m))]
    s_claims = [c for c in claims if c.evidence.sentence_start <= s_start < c.evidence.sentence_end
                or s_start <= c.evidence.sentence_start < s_end]
    return Sentence(toks, s_start, s_end, lang, [m for m in in_sent if m not in speakers], speakers, s_claims)


def extract(doc, article: Article, mentions: Sequence[Mention] = (), claims: Sequence[Claim] = (),
            time_expressions: Sequence[TimeExpression] = ()) -> list[Event]:
    """All events of an article's content sentences."""
    lang = article.lang or "nl"
    ordered = sorted(mentions, key=lambda m: m.evidence.start_char)
    story = Story(article, [m for m in ordered if code(m)],
                  [m for m in ordered if m.actor.kind == "person"])
    out: list[Event] = []
    prev_events: list[Event] = []
    just_before: list[Event] = []  # the events of the sentence right before
    starts = [t.idx for t in doc]
    for s_start, s_end in sentences(doc, article):
        sent = _sentence(doc, article, s_start, s_end, story.mentions, claims, lang, starts)
        if not sent.toks:
            continue
        future = future_dated(sent, article, time_expressions)
        triggers = find_triggers(sent.toks, sent.lang)
        found = _trigger_events(sent, claims, story, triggers, future)
        speech = _speech_events(sent, story, [i for i, end, pat in triggers
                                              if not (pat.role == "noun" and after_phrase(sent, i, "background"))
                                              and not (pat.role != "noun" and stopped(sent, i, end))])
        # "Oekraïne noemde dat besluit voorbarig": one act, a target for each decider
        keys = Counter((f[0], f[2], f[4], id(f[6])) for f in speech)
        sent_events = _dedupe(article, sent, found + speech, time_expressions,
                              frozenset(k[:3] for k, n in keys.items() if n > 1))
        sent_events += _co_target_events(article, sent, sent_events)
        if all(e.type in speech_types(lang) for e in sent_events):
            # (the denial's own speech act, "noemde ... hysterie" = ACCUSE, stays beside it)
            sent_events += _denied_by_reference(article, sent, prev_events, just_before)
        out.extend(sent_events)
        _advance(story, sent, sent_events)
        if sent_events:
            prev_events = sent_events
        just_before = sent_events
    return without_headline_repeats(article, out)


def _co_target_events(article: Article, sent: Sentence, sent_events: list[Event]) -> list[Event]:
    """One more event per actor coordinated with an event's target ("naar Berlijn en Warschau")."""
    out = []
    have = {(e.type, e.mode, e.source_actor, e.target_actor) for e in sent_events}
    for e in sent_events:
        co = co_targets(sent, e.target_actor, e.evidence.start_char)
        if e.source_actor in co:
            continue  # the source inside the list: a multilateral meeting, already one dyad
        for t in co:
            if (e.type, e.mode, e.source_actor, t) not in have:
                have.add((e.type, e.mode, e.source_actor, t))
                out.append(replace(e, target_actor=t, id=stable_id(e.id, "co", t)))
    return out


def _advance(story: Story, sent: Sentence, sent_events: list[Event]) -> None:
    story.source_age += 1
    src = next((e.source_actor for e in sent_events if e.source_actor), None)
    if src:
        story.last_source, story.source_age = src, 0
    groups: dict[str, list] = {}
    for e in sent_events:
        if e.source_actor and e.confidence >= 0.8:
            story.type_source[e.type] = e.source_actor
            if e.source_actor not in groups.setdefault(e.type, []):
                groups[e.type].append(e.source_actor)
        if e.source_actor and e.target_actor and e.type in MEETINGS:
            story.last_pair = (e.source_actor, e.target_actor)
        if e.source_actor and e.target_actor and e.type in FORCE and e.confidence >= 0.8:
            story.aimed.pop(e.source_actor, None)  # (insertion order = recency, for Story.attacker)
            story.aimed[e.source_actor] = e.target_actor
            story.force_pairs[(e.source_actor, e.target_actor)] += 1
            story.aggressor = e.source_actor
    story.type_group.update(groups)
    in_sent = sent.actors or sent.speakers
    if in_sent:
        story.last_actor = code(in_sent[-1])
    story.prev_subject = code(in_sent[0]) if in_sent else None
    verb = next((t.idx for t in sent.toks if t.pos_ in ("VERB", "AUX")), sent.end)
    story.prev_subjects = tuple(dict.fromkeys(code(m) for m in in_sent if code(m) and m.evidence.start_char < verb))


def _trigger_events(sent: Sentence, claims: Sequence[Claim], story: Story, triggers: list,
                    future: bool = False) -> list[tuple]:
    """(type, mode, source, target, tok_start, tok_end, claim) for each trigger of the sentence."""
    out = []
    speech = speech_types(sent.lang)
    joint = any(p.type == "COOPERATE" for _, _, p in triggers)
    # "bij een inval", "een inval zal leiden tot ...": the sentence's condition words, found once
    conditions = {n for n in range(len(sent.toks)) if condition_noun(sent, n)} if triggers else set()
    for i, end, pat in triggers:
        t_start = sent.toks[i].idx
        if pat.role == "noun" and (not anchored(sent, i, end) or after_phrase(sent, i, "background")):
            continue  # "sinds de inval", "bij een inval": a time or a condition, not an event
        if in_condition(sent, i) or (pat.role == "noun" and i in conditions):
            continue  # the condition is no event; its consequence is hypothetical
        if pat.role == "intransitive" and claim_cue(sent, i, end):
            continue  # "gaf toe dat ...": an admission (the claim), not a concession
        if stopped(sent, i, end) and (pat.role == "noun" or pat.type != "RETREAT"):
            continue  # "eist dat Hamas de raketaanvallen stopt": the demanded stop is the event;
            # "moet stoppen met dreigen": a demand to stop, a REQUEST (a stop verb is no RETREAT to drop)
        if pat.role != "noun" and not sent.actors and impersonal(sent, i) and symmetric(pat.type):
            continue  # "terwijl er werd gepraat": talks of no one named; not the story's actors
        claim = claim_at(t_start, claims)
        if describes_speaker(sent, i, end):
            continue  # "Protest leaders said ...": the word describes the speaker
        if pat.role == "noun" and judged_again(sent, i, claim):
            continue  # "Rutte noemt de Russische aanval een schending": the judgement is the event
        # what an agreement or promise is about follows it: "spraken af volgende week te
        # reageren" is an agreement made now
        local = local_mode(sent.toks, i, end, sent.lang, after=pat.type not in PROMISES)
        if pat.role == "noun" and cancelled(sent, i, end, pat.type):
            local = "denied"  # "een geplande ontmoeting ... is afgezegd": it will not take place
        by_speaker = claim is not None and (pat.role == "speaker" or (not in_content(claim, t_start) and (
            pat.type in speech or possessed(sent, i))))
        if by_speaker:
            src = story.speaker(claim)
            pair = reciprocal_pairs(sent, i)
            if pair:
                # "Oekraïne en de separatisten beschuldigen elkaar": each side the other's target
                out.extend((pat.type, local or "asserted", a, b, i, end, claim) for a, b in pair)
                continue
            if group_addressed(sent, claim, "own_people"):
                # "It accused the opposition of ...": an act towards the speaker's own country
                out.append((pat.type, local or "asserted", src, src, i, end, claim))
                continue
            if group_addressed(sent, claim):
                # "beschuldigde het Westen ervan ...": aimed at a group, not at whom the content names
                out.append((pat.type, local or "asserted", src, None, i, end, claim))
                continue
            # the act's own object first ("He thanked Egyptian President al-Sisi ... and said ...")
            tgt = target_for(sent, i, end, pat.type, src, story, use_default=False) or \
                claim_target(sent, claim, src)
            judged = judged_thing(sent, claim)
            if tgt is not None:
                tgt = judged_doer(sent, claim, story, src, tgt, judged)
            elif judged is not None:
                # "Moskou noemde die waarschuwing 'hysterie'": the judged thing is someone's act
                tgt = fallback_target(story, src, pat.type, judged)
            tgt = tgt or target_for(sent, i, end, pat.type, src, story)
            out.append((pat.type, local or "asserted", src, tgt, i, end, claim))
            continue
        if local in (None, "expected") and pat.type not in PROMISES and conditional_sentence(sent, i, conditions):
            # (a threat or promise is conditional by nature: its condition does not make it hypothetical)
            local = "hypothetical"
        if local in (None, "expected") and in_content(claim, t_start):
            local = attribution_mode(sent, claim) or local
        if local in (None, "expected") and pat.role == "noun" and imagined(sent, i):
            local = "hypothetical"  # "waarschuwde dat een inval verschrikkelijk zou zijn"
        if local is None and future and not past_clause(sent, i):
            local = "expected"  # "woensdag praten Rusland en de NAVO" (present tense, later date)
        # an idiom holding its own negation ("laat Taiwan niet in de steek") is not the claim's denial
        denial_is_idiom = claim is not None and claim.polarity == "denied" and negated_idiom(sent, i, end)
        # the claim's stance covers what it reports, not its attribution ("zegt na zijn ontmoeting
        # met Zelensky dat ...": the meeting took place)
        outside = claim is not None and claim.content is not None and not in_content(claim, t_start)
        mode = combine_mode(local, None if denial_is_idiom or outside else claim)
        if pat.type == "THREATEN" and mode == "expected":
            mode = "asserted"  # a threat of what will come is made now
        announced = _announcers(sent, i, pat.type, claim, claims)
        if announced:
            # "de EU, de VS en Groot-Brittannië kondigden sancties aan": each speaker's own act
            for c in announced:
                src = story.speaker(c)
                out.append((pat.type, mode, src, target_for(sent, i, end, pat.type, src, story), i, end, c))
            continue
        etype = "COOPERATE" if pat.type == "MOBILIZE" and joint_exercise(sent, i, end) else pat.type
        # (a noun may match a verb pattern: "terugtrek*" covers "de terugtrekking van de Russische troepen")
        agent = genitive_agent(sent, end, pat.type) if pat.role == "noun" or sent.toks[end - 1].pos_ == "NOUN" \
            else None
        if agent is not None:
            # "China reageerde woedend op het bezoek van Pelosi aan Taiwan": the visitor acts
            dyads = [(code(agent), target_for(sent, i, end, pat.type, code(agent), story))]
        else:
            dyads = event_dyads(sent, i, end, etype, claim, story, mode)
            if etype in speech and claim is not None and in_content(claim, t_start):
                # "Hij waarschuwt Peking dat de VS zich niet laten intimideren": the one warned
                to = addressee(sent, claim, story.speaker(claim))
                dyads = [(s_, t_ or to) for s_, t_ in dyads]
        for src, tgt in dyads:
            out.append((etype, mode, src, tgt, i, end, claim))
            dest = sent_to(sent, i, end, src) if pat.type in STATIONING and not joint else None
            if dest is not None:
                # "Denemarken stuurt vier F-16's naar Litouwen": forces sent to a state help it (sent
                # for joint exercises, they cooperate instead)
                out.append(("AID", mode, src, dest, i, end, claim))
            if mode == "hypothetical" and pat.type in PUNITIVE and target_in_condition(sent, i, tgt):
                # "Als Rusland binnenvalt, zullen de VS met sancties reageren": the threat is made
                # now (asserted), unless the claim denies it
                threat = "denied" if claim is not None and claim.polarity == "denied" else "asserted"
                out.append(("THREATEN", threat, src, tgt, i, end, claim))
    return out


def _announcers(sent: Sentence, i: int, etype: str, claim, claims: Sequence[Claim]) -> list[Claim]:
    """The claims whose speakers announce the act as their own: an ANNOUNCED type in the content
    with no actor before it there (the speakers of one content, when they are coordinated)."""
    if etype not in ANNOUNCED or not in_content(claim, sent.toks[i].idx) or claim.polarity == "demanded":
        return []  # "Oekraïne vraagt om sancties": asked of others, not announced as one's own
    c = claim.content
    if any(c.start_char <= m.evidence.start_char < sent.toks[i].idx for m in sent.actors):
        return []  # "zegt dat Rusland sancties ...": the content names its own actor
    return [x for x in claims if x.content is not None and x.source_actor
            and (x.content.start_char, x.content.end_char) == (c.start_char, c.end_char)]


def _speech_events(sent: Sentence, story: Story, actions: list[int]) -> list[tuple]:
    """Speech acts of the sentence's claims; ``actions``: where the triggers stand (a demand
    holding one is that act demanded, no REQUEST; a background topic, "paniek zaaien over een
    mogelijke inval", is no action)."""
    out = []
    for claim in sent.claims:
        c = claim.content
        has_action = any(c is None or c.start_char <= sent.toks[i].idx < c.end_char for i in actions)
        for etype, mode, src, tgt, i, end in acts_for(sent, claim, story, has_action):
            out.append((etype, mode, src, tgt, i, end, claim))
    return out


def _dedupe(article, sent, found, time_expressions, several: frozenset = frozenset()) -> list[Event]:
    """One event per (type, mode, dyad); a speech act read off a claim yields to a trigger, unless
    the act itself has several targets (``several``: (type, source, token) of such acts)."""
    seen, types_seen, events = set(), set(), []
    for etype, mode, src, tgt, i, end, claim in found:
        key = (etype, mode, src, tgt)
        if key in seen or (etype, src) in types_seen and etype in speech_types(sent.lang) \
                and (etype, src, i) not in several:
            continue
        seen.add(key)
        types_seen.add((etype, src))
        t_start = sent.toks[i].idx
        t_end = sent.toks[end - 1].idx + len(sent.toks[end - 1])
        events.append(_event(article, etype, mode, src, tgt, t_start, t_end, sent, claim,
                             time_expressions, confident=src is not None))
    return events


def _event(article, etype, mode, source, target, t_start, t_end, sent, claim,
           time_expressions, confident: bool) -> Event:
    when = next((tx.resolved or tx.text for tx in time_expressions
                 if sent.start <= tx.evidence.start_char < sent.end), None)
    return Event(
        id=stable_id(article.id, "event", t_start, t_end, etype, mode, source, target, EXTRACTOR),
        type=etype, mode=mode, source_actor=source, target_actor=target,
        evidence=evidence(article, t_start, t_end, sent.start, sent.end),
        trigger=article.text[t_start:t_end], time=when,
        claim_id=claim.id if claim else None, claim_source=claim.source if claim else None,
        confidence=0.8 if confident else 0.5, extractor=EXTRACTOR,
    )


def _denied_by_reference(article, sent, prev_events, just_before) -> list[Event]:
    """The events a denial by reference denies ("Het Kremlin ontkent dat daar plannen voor zijn")."""
    found = denied_by_reference(sent, prev_events, just_before)
    if found is None:
        return []
    anchor, denial, denied = found
    a_start, a_end = anchor.idx, anchor.idx + len(anchor)
    return [Event(
        id=stable_id(article.id, "event", a_start, a_end, e.type, "denied", EXTRACTOR),
        type=e.type, mode="denied", source_actor=e.source_actor, target_actor=e.target_actor,
        evidence=evidence(article, a_start, a_end, sent.start, sent.end), trigger=anchor.text,
        claim_id=denial.id, claim_source=denial.source, confidence=0.6, extractor=EXTRACTOR,
    ) for e in denied]
