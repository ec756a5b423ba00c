"""The article's home country: the fallback country of people and domestic groups.

Dutch news quotes ministers, MPs, lawyers and farmers without saying they are Dutch; English
wire copy from Tbilisi quotes "protest leaders" without saying they are Georgian. When the context
gives a person no country, the state the article is mostly about is the best guess (ANNOTATION.md:
actors are resolved within the text). The guess is marked with a low confidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional, Sequence

from ..records import Mention

HOME_CONFIDENCE = 0.4
_KINDS = ("state", "government", "military", "person", "group", "party")


def home_country(mentions: Sequence[Mention], is_igo) -> Optional[str]:
    """The state named most often in ``mentions`` (at least twice; ties go to the first named)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        c = m.actor.country
        if not c or is_igo(c) or m.actor.kind not in _KINDS or m.confidence <= HOME_CONFIDENCE:
            continue
        counts[c] += 1
        first.setdefault(c, m.evidence.start_char)
    if not counts:
        return None
    best = max(counts, key=lambda c: (counts[c], -first[c]))
    return best if counts[best] >= 2 else None


def fill_home(mentions: list[Mention], home: Optional[str], code_for) -> list[Mention]:
    """Persons without a country get ``home`` (low confidence); everything else is kept."""
    if not home:
        return mentions
    out = []
    for m in mentions:
        a = m.actor
        if a.kind == "person" and not a.country:
            a = replace(a, country=home, code=code_for(home, a.sector))
            m = replace(m, actor=a, confidence=min(m.confidence, HOME_CONFIDENCE))
        out.append(m)
    return out
