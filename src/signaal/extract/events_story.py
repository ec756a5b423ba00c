"""The article-wide context of event arguments: who the story pairs with whom, the home country
of a domestic story, a speaker's country, and what earlier sentences leave behind (the last
source of each type, the last pair that met, whom a source last used force against)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from ..records import Article, Claim, Mention
from .events_actors import code, sent_ctx


@lru_cache(maxsize=4)
def _place_preps(lang: str) -> frozenset:
    return frozenset(p[0] for rule in ("target_prep", "station_prep", "around") for p in sent_ctx(lang, rule)
                     if len(p) == 1)


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 16):pos].split()
    return words[-1].lower() if words else ""


@dataclass
class Story:
    """The article-wide context of event arguments, and what earlier sentences leave behind."""

    article: Article
    mentions: list  # mentions with a country/IGO code, in text order
    people: list  # person mentions (their country may be named elsewhere)
    last_actor: Optional[str] = None
    prev_subject: Optional[str] = None  # the first actor of the sentence before
    prev_subjects: tuple = ()  # the actors before the first verb of the sentence before
    last_pair: Optional[tuple] = None  # (source, target) of the last meeting or agreement
    last_source: Optional[str] = None
    source_age: int = 99  # sentences since last_source was set
    type_source: dict = field(default_factory=dict)  # PLOVER type -> its last named source
    type_group: dict = field(default_factory=dict)  # PLOVER type -> the sources of its last sentence
    aimed: dict = field(default_factory=dict)  # source -> the state its last attack or build-up faced
    aggressor: Optional[str] = None  # the source of the last attack or build-up with a target
    force_pairs: Counter = field(default_factory=Counter)  # (source, target) of attacks and build-ups

    def home(self) -> Optional[str]:
        """The one country a domestic story is about (>= 80% of coded mentions), else None."""
        counts = Counter(code(m) for m in self.mentions)
        if not counts:
            return None
        best, n = counts.most_common(1)[0]
        return best if n >= 0.8 * sum(counts.values()) else None

    def domestic(self, source: Optional[str]) -> Optional[str]:
        """In a domestic story, its country when it is the source's too: an act of the state,
        a party or a commission towards its own country (coalition deal, parliament's demand)."""
        home = self.home()
        return home if home is not None and home == source else None

    def speaker(self, claim: Optional[Claim]) -> Optional[str]:
        return speaker_code(claim, self.mentions, self.article, self.people)

    def counterpart(self, source: Optional[str]) -> Optional[str]:
        return counterpart(source, self.mentions, self.article)

    def opponent(self, source: Optional[str], force: bool = False) -> Optional[str]:
        """The state ``source`` last attacked or massed forces against, else its counterpart; for
        force with neither, the state the story places forces at ("aan de grens met", "rond",
        "in Oekraïne"): in a story about Washington and Moscow, Moscow's feared invasion is still
        of Ukraine."""
        return self.aimed.get(source) or self.counterpart(source) or (self.theatre(source) if force else None)

    def war(self) -> Optional[tuple]:
        """The (attacker, attacked) pair the story reports most often, or None on a tie."""
        return _majority(self.force_pairs)

    def warring(self) -> Optional[tuple]:
        """The story's aggressor and whom it last attacked, or None."""
        aimed = self.aimed.get(self.aggressor)
        return (self.aggressor, aimed) if self.aggressor and aimed else None

    def attacker(self, victim: Optional[str]) -> Optional[str]:
        """The last state that attacked or massed forces against ``victim``."""
        return next((s for s, t in reversed(self.aimed.items()) if t == victim and s != victim), None)

    def theatre(self, source: Optional[str]) -> Optional[str]:
        """The state most often named right after a place or target preposition, other than
        ``source`` (a clear majority only)."""
        preps = _place_preps(self.article.lang or "nl")
        return _majority(Counter(code(m) for m in self.mentions if code(m) not in (None, source)
                                 and m.actor.kind in ("state", "government", "military")  # ("in Brussel": no IGO)
                                 and _word_before(self.article.text, m.evidence.start_char) in preps))


def counterpart(source: Optional[str], mentions: Sequence[Mention], article: Article) -> Optional[str]:
    """The state the article pairs most often with ``source`` (the story's other side)."""
    counts = Counter(code(m) for m in mentions
                     if code(m) and code(m) != source and m.actor.kind in ("state", "government", "military")
                     and article.is_content(m.evidence.start_char, m.evidence.end_char))
    return _majority(counts)


def _majority(counts: Counter) -> Optional[str]:
    """The most frequent key when it beats the runner-up (None for an empty count or a tie)."""
    (best, n), (_, second) = (counts.most_common(2) + [(None, 0), (None, 0)])[:2]
    return best if n > second else None


def speaker_code(claim: Optional[Claim], mentions: Sequence[Mention], article: Article,
                 people: Sequence[Mention] = ()) -> Optional[str]:
    """The claim's source country; else a country named inside the speaker span ("de Russische
    onderhandelaar"); else the country named right before the speaker's name elsewhere in the
    article ("de Amerikaanse onderminister Wendy Sherman")."""
    if claim is None:
        return None
    if claim.source_actor:
        return claim.source_actor
    sp = claim.speaker
    if sp is not None:
        inside = [code(m) for m in mentions if sp.start_char <= m.evidence.start_char < sp.end_char]
        if inside:
            return inside[0]
    return person_country(claim.source, mentions, article, people)


def person_country(name: str, mentions: Sequence[Mention], article: Article,
                   people: Sequence[Mention]) -> Optional[str]:
    """A country adjective or name standing just before a mention of the person ``name``."""
    text = article.text
    for p in people:
        if p.actor.name != name or p.by_reference:
            continue
        for m in reversed(mentions):
            gap = p.evidence.start_char - m.evidence.end_char
            if 0 <= gap <= 70:
                between = text[m.evidence.end_char:p.evidence.start_char]
                if not any(ch in between for ch in ".;:!?\n") and between.count(",") <= 1:
                    return code(m)
    return None
