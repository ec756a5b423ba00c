"""Records as comparable items, and one-to-one matching of system items to gold items.

An item keeps the fields that are scored (normalised), the sentence it sits in (text and, when
known, the character span in the article) and the original record for reports. A system item
links to a gold item when its evidence sentence overlaps the gold sentence (ANNOTATION.md) and
the compared fields agree; the matching is a maximum bipartite matching within one article.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from .gold import norm_space

Span = tuple[int, int]


@dataclass
class Item:
    """A claim, quantity, event or time expression, reduced to what scoring compares."""

    kind: str
    fields: dict
    sentence: Optional[str]
    span: Optional[Span] = None
    anchor: Optional[str] = None
    record: dict = field(default_factory=dict)


def norm_name(name: Optional[str]) -> Optional[str]:
    """A canonical name for comparison: accents and case folded, a leading "the" dropped."""
    if name is None:
        return None
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = norm_space("".join(c if c.isalnum() else " " for c in s))
    return s.removeprefix("the ") or None


def norm_code(code: Optional[str]) -> Optional[str]:
    """An ISO3/IGO code or label, upper-cased; empty means None."""
    if code is None:
        return None
    return str(code).strip().upper() or None


def norm_number(x) -> Optional[float]:
    """A number rounded to 3 places (130000 == 130000.0; a third written 0.333 == 1/3); None stays None."""
    return None if x in (None, "") else round(float(x), 3)


def norm_text(s: Optional[str]) -> str:
    """Time-expression text for comparison: case and whitespace folded, curly quotes straightened."""
    s = (s or "").replace("’", "'").replace("‘", "'")
    return norm_space(s).casefold()


def same_sentence(g: Item, s: Item) -> bool:
    """True when the system item's evidence sentence overlaps the gold sentence."""
    if g.span is not None and s.span is not None:
        return s.span[0] < g.span[1] and g.span[0] < s.span[1]
    sys_sent = norm_space(s.sentence or "")
    if not sys_sent:
        return False
    if g.anchor and norm_space(g.anchor) in sys_sent:
        return True
    gold_sent = norm_space(g.sentence or "")
    return bool(gold_sent) and (sys_sent in gold_sent or gold_sent in sys_sent)


def same_text(g: Item, s: Item) -> bool:
    """Time expressions: the same text, case-insensitively."""
    return g.fields["text"] == s.fields["text"]


def overlapping_text(g: Item, s: Item) -> bool:
    """Time expressions: one text contains the other (boundary disagreements forgiven)."""
    a, b = g.fields["text"], s.fields["text"]
    return bool(a and b) and (a in b or b in a)


def agree(names: Sequence[str]) -> Callable[[Item, Item], bool]:
    """A predicate: the items agree on every field in ``names``."""
    return lambda g, s: all(g.fields.get(n) == s.fields.get(n) for n in names)


def matching(gold: list[Item], system: list[Item], link: Callable[[Item, Item], bool],
             fixed: Optional[dict[int, int]] = None) -> dict[int, int]:
    """A maximum one-to-one matching gold index -> system index over pairs where ``link`` holds.

    ``fixed`` pairs are kept as they are and their items are not matched again (used to prefer
    pairs that agree on more fields before falling back to looser ones).
    """
    fixed = dict(fixed or {})
    taken_s = set(fixed.values())
    edges = {gi: [si for si, s in enumerate(system) if si not in taken_s and link(g, s)]
             for gi, g in enumerate(gold) if gi not in fixed}
    owner: dict[int, int] = {}  # system index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        # Kuhn's augmenting path; articles hold tens of records, so this is cheap
        for si in edges[gi]:
            if si in seen:
                continue
            seen.add(si)
            if si not in owner or augment(owner[si], seen):
                owner[si] = gi
                return True
        return False

    for gi in edges:
        augment(gi, set())
    return {**fixed, **{gi: si for si, gi in owner.items()}}


def tiered(gold: list[Item], system: list[Item], base: Callable[[Item, Item], bool],
           tiers: Sequence[Sequence[str]]) -> dict[int, int]:
    """A matching on ``base`` that first pairs items agreeing on the first tier's fields, and so on."""
    pairs: dict[int, int] = {}
    for names in [*tiers, ()]:
        check = agree(names)
        pairs = matching(gold, system, lambda g, s, c=check: base(g, s) and c(g, s), pairs)
    return pairs
