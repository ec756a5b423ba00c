"""Pronouns and definite descriptions in speaker position ("Hij", "Het ministerie", "de alliantie",
"een woordvoerder van het ministerie"): the nearest compatible earlier actor, same paragraph first.

``References`` is a mixin of ``actors._Pass``: it reads the pass's pieces, matches and the actors
seen so far, and emits through the pass.
"""

from __future__ import annotations

import bisect
from typing import Optional

from ..records import Actor
from .actors_match import Match
from .actors_registry import fold, role_matches

# (a description in one of these roles is an object, not a speaker)
_NON_SUBJECT_DEPS = {"obj", "dobj", "iobj", "pobj", "obl", "nmod", "nmod:poss", "dative"}


class References:
    """Reference resolution for ``actors._Pass`` (see the module docstring)."""

    def reference(self, m: Match) -> Optional[int]:
        for det, row in m.refs:
            first = self.det_start(m.i, det)
            if first is None or not self.speaker_position(first, m):
                continue
            actor, same_para = self.antecedent(row, m)
            end = m.j
            if row["target"] == "spokesperson":
                # "een woordvoerder van het ministerie": the spokesperson of the body referred to
                org, end = self.of_reference(m.j)
                actor, same_para = (self.spokesperson(org), True) if org is not None else (actor, same_para)
            if actor is not None:
                self.emit(self.ps[first].start, self.ps[end - 1].end, actor, 0.75 if same_para else 0.55, True)
                return end
        return None

    def of_reference(self, k: int) -> tuple[Optional[Actor], int]:
        """'van het ministerie' after a role word: the body a sector reference names, and the end piece."""
        if k >= len(self.ps) or self.ps[k].norm not in self.genitives:
            return None, k
        k2 = k + 1 + (k + 1 < len(self.ps) and self.ps[k + 1].norm in self.dets)
        m = self.matches.get(k2)
        row = next((r for det, r in (m.refs if m is not None else ()) if r["target"] == "sector"), None)
        if row is None:
            return None, k
        return self.sector_reference(m, row["value"])[0], m.j

    def det_start(self, i: int, det: Optional[str]) -> Optional[int]:
        """First piece of '<det> [adjective] <noun>' ending at noun piece i, or None."""
        if det is None:
            return i
        for b in (i - 1, i - 2):
            if b >= 0 and self.ps[b].norm == fold(det):
                if b == i - 1 or self.adjective_like(i - 1):
                    return b
        return None

    def adjective_like(self, k: int) -> bool:
        p = self.ps[k]
        if k in self.matches or p.tok < 0:
            return False
        if self.doc.has_annotation("POS"):
            return self.doc[p.tok].pos_ == "ADJ"
        return p.text.isalpha() and p.text.islower()

    def speaker_position(self, first: int, m: Match) -> bool:
        before = tuple(p.norm for p in self.ps[max(first - 3, 0):first])
        if any(before[len(before) - len(src):] == src for src in self.sources):
            return True  # "volgens een woordvoerder": the object of 'volgens' is a speaker
        if first > 0 and self.ps[first - 1].norm in self.preps:
            return False
        return not (self.has_dep and self.doc[self.ps[m.j - 1].tok].dep_ in _NON_SUBJECT_DEPS)

    def antecedent(self, row: dict, m: Match) -> tuple[Optional[Actor], bool]:
        target, value = row["target"], row["value"]
        if target == "person":
            return self.pick(m, lambda a, s: a.kind == "person" and (
                not value or role_matches(a.role or "", value)))
        if target == "spokesperson":
            a, same = self.pick(m, lambda a, s: a.kind in ("state", "government", "military", "igo")
                                and not s.locative)
            return (self.spokesperson(a) if a else None), same
        if target == "state":
            return self.pick(m, lambda a, s: a.kind == "state" and not s.locative)
        if target == "actor":
            want = self.reg.actor(value, self.day)
            a, same = self.pick(m, lambda a, s: a.id == want.id or a.country == want.country)
            return (want if a else None), same
        return self.sector_reference(m, value)

    def sector_reference(self, m: Match, value: str) -> tuple[Optional[Actor], bool]:
        row = self.reg.sectors[fold(value)]
        named, same = self.pick(m, lambda a, s: a.kind == "government" and a.sector == row["sector"]
                                and row["name"].lower() in a.name.lower())
        if named is not None and same:
            return named, same  # "het Chinese ministerie van Buitenlandse Zaken ... het ministerie"
        part = self.reg.sectors.get(fold(self.topic(m, value) or ""), row)["name"]
        a, same = self.pick(m, lambda a, s: a.kind in ("state", "government", "military", "person")
                            and bool(a.country) and not self.reg.is_igo(a.country)
                            and not s.locative)
        if a is None:
            return None, same
        if a.kind != "person" and a.sector == row["sector"] and row["name"].lower() in a.name.lower():
            return a, same  # "het Russische ministerie van Defensie ... het ministerie"
        return self.reg.sector_actor(a.country, row["sector"], part, row["kind"]), same

    def topic(self, m: Match, value: str) -> Optional[str]:
        """A more specific form of ``value`` that the sentence and the one before suggest."""
        head = fold(value)
        s = bisect.bisect_right(self.sent_starts, m.start) - 1
        lo = self.sents[max(s - 1, 0)][0] if self.sents else 0
        hi = self.sents[s][1] if s >= 0 else m.end
        for p in self.ps:
            if lo <= p.start < hi and p.norm in self.topics:
                form = fold(self.topics[p.norm])
                if form.startswith(head) or form.endswith(head):
                    return form
        return None

    def spokesperson(self, a: Actor) -> Actor:
        base = self.reg.sector_actor(a.country, "GOV") if a.kind == "state" else a
        return self.described(f"{base.name} spokesperson", base, base.sector, "spokesperson")

    def pick(self, m: Match, ok) -> tuple[Optional[Actor], bool]:
        """Nearest earlier compatible actor: same paragraph first, then the whole article."""
        para = self.para(m.start)
        for same in (True, False):
            for s in reversed(self.seen):
                if s.mention.evidence.end_char <= m.start and (s.para == para) == same \
                        and ok(s.mention.actor, s):
                    return s.mention.actor, same
        return None, False
