"""Scores for one article and their sums: P/R/F1 per level, per-type tables, confusion, errors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .match import Item, agree, matching, overlapping_text, same_sentence, same_text, tiered

# (level name, fields that must agree besides the sentence); the last level is the strictest.
LEVELS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "claims": (("detection", ()), ("source_country", ("country",)),
               ("source_country+polarity", ("country", "polarity"))),
    "events": (("type", ("type",)), ("type+mode", ("type", "mode")),
               ("type+mode+actors", ("type", "mode", "source_actor", "target_actor"))),
    "quantities": (("value", ("value",)), ("value+claimant", ("value", "claimant"))),
}
# Per-class tables: kind -> (field whose value names the class, level that must agree on it).
BY_CLASS = {"events": ("type", ("type",)), "claims": ("polarity", ("polarity",))}


@dataclass
class Tally:
    """True positives and the gold and system counts they are taken from."""

    tp: int = 0
    gold: int = 0
    system: int = 0

    def add(self, other: "Tally") -> None:
        self.tp, self.gold, self.system = self.tp + other.tp, self.gold + other.gold, self.system + other.system

    def prf(self) -> dict:
        """Counts with precision, recall and F1 (1.0 when there is nothing to find and nothing found)."""
        if self.gold == 0 and self.system == 0:
            p = r = f = 1.0
        else:
            p = self.tp / self.system if self.system else 0.0
            r = self.tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "gold": self.gold, "system": self.system,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Result:
    """Everything scored for one or more articles; ``add`` sums them (micro-averaging)."""

    levels: dict = field(default_factory=dict)  # "claims.detection" -> Tally
    classes: dict = field(default_factory=dict)  # ("events", "MOBILIZE") -> Tally
    confusion: dict = field(default_factory=dict)  # "event_types" -> Counter[(gold, system)]
    resolution: Counter = field(default_factory=Counter)  # correct/total/unresolved_*
    errors: list = field(default_factory=list)

    def add(self, other: "Result") -> None:
        for key, t in other.levels.items():
            self.levels.setdefault(key, Tally()).add(t)
        for key, t in other.classes.items():
            self.classes.setdefault(key, Tally()).add(t)
        for key, c in other.confusion.items():
            self.confusion.setdefault(key, Counter()).update(c)
        self.resolution.update(other.resolution)
        self.errors += other.errors


def _tally(n_gold: int, n_sys: int, pairs: dict) -> Tally:
    return Tally(len(pairs), n_gold, n_sys)


def _errors(name: str, kind: str, gold: list[Item], system: list[Item], pairs: dict) -> list[dict]:
    """Misses and false hits at the strictest level, with their sentences."""
    hit_s = set(pairs.values())
    out = [{"file": name, "category": kind, "error": "miss", "record": g.record, "sentence": g.sentence}
           for gi, g in enumerate(gold) if gi not in pairs]
    out += [{"file": name, "category": kind, "error": "false_hit", "record": s.record,
             "sentence": s.sentence} for si, s in enumerate(system) if si not in hit_s]
    return out


def _by_class(res: Result, kind: str, gold: list[Item], system: list[Item]) -> None:
    name, names = BY_CLASS[kind]
    pairs = matching(gold, system, lambda g, s: same_sentence(g, s) and agree(names)(g, s))
    for g in gold:
        res.classes.setdefault((kind, g.fields[name] or "?"), Tally()).gold += 1
    for s in system:
        res.classes.setdefault((kind, s.fields[name] or "?"), Tally()).system += 1
    for gi in pairs:
        res.classes[(kind, gold[gi].fields[name] or "?")].tp += 1


def _confusion(res: Result, gold: list[Item], system: list[Item]) -> None:
    """Event type and mode confusion over sentence-matched pairs (agreeing pairs preferred)."""
    pairs = tiered(gold, system, same_sentence, (("type", "mode"), ("type",), ("mode",)))
    types, modes = res.confusion.setdefault("event_types", Counter()), res.confusion.setdefault("event_modes", Counter())
    for gi, si in pairs.items():
        types[(gold[gi].fields["type"], system[si].fields["type"])] += 1
        modes[(gold[gi].fields["mode"], system[si].fields["mode"])] += 1
    hit_s = set(pairs.values())
    for gi, g in enumerate(gold):
        if gi not in pairs:
            types[(g.fields["type"], None)] += 1
            modes[(g.fields["mode"], None)] += 1
    for si, s in enumerate(system):
        if si not in hit_s:
            types[(None, s.fields["type"])] += 1
            modes[(None, s.fields["mode"])] += 1


def _time(res: Result, name: str, gold: list[Item], system: list[Item]) -> None:
    exact = matching(gold, system, same_text)
    res.levels["time_expressions.detection"] = _tally(len(gold), len(system), exact)
    res.levels["time_expressions.overlap"] = _tally(len(gold), len(system),
                                                    matching(gold, system, overlapping_text))
    for gi, si in exact.items():
        want, got = gold[gi].fields["resolved"], system[si].fields["resolved"]
        if want is None:
            res.resolution["unresolved_total"] += 1
            res.resolution["unresolved_agree"] += got is None
        else:
            res.resolution["total"] += 1
            res.resolution["correct"] += got == want
            if got != want:
                res.errors.append({"file": name, "category": "time_expressions", "error": "resolution",
                                   "record": system[si].record, "sentence": system[si].sentence,
                                   "want": want})
    res.errors += _errors(name, "time_expressions", gold, system, exact)


def score_article(name: str, gold: dict[str, list[Item]], system: dict[str, list[Item]]) -> Result:
    """All scores for one article's gold and system items."""
    res = Result()
    for kind, levels in LEVELS.items():
        g, s = gold.get(kind, []), system.get(kind, [])
        pairs: dict = {}
        for level, names in levels:
            check = agree(names)
            pairs = matching(g, s, lambda a, b, c=check: same_sentence(a, b) and c(a, b))
            res.levels[f"{kind}.{level}"] = _tally(len(g), len(s), pairs)
        res.errors += _errors(name, kind, g, s, pairs)
        if kind in BY_CLASS:
            _by_class(res, kind, g, s)
        if kind == "events":
            _confusion(res, g, s)
    _time(res, name, gold.get("time_expressions", []), system.get("time_expressions", []))
    return res


def resolution_scores(c: Counter) -> dict:
    """Resolution accuracy where gold resolves, and agreement where gold leaves it unresolved."""
    def ratio(a: int, b: int) -> Optional[float]:
        return round(a / b, 4) if b else None

    return {"correct": c["correct"], "total": c["total"], "accuracy": ratio(c["correct"], c["total"]),
            "unresolved_agree": c["unresolved_agree"], "unresolved_total": c["unresolved_total"],
            "unresolved_accuracy": ratio(c["unresolved_agree"], c["unresolved_total"])}


def summary(res: Result) -> dict:
    """The JSON-ready scores of a Result: levels, per-class tables, confusion matrices."""
    scores: dict = {}
    for key, t in res.levels.items():
        kind, level = key.split(".", 1)
        scores.setdefault(kind, {})[level] = t.prf()
    scores.setdefault("time_expressions", {})["resolution"] = resolution_scores(res.resolution)
    by_class: dict = {}
    for (kind, cls), t in sorted(res.classes.items()):
        by_class.setdefault(kind, {})[cls] = t.prf()
    confusion = {name: [{"gold": g, "system": s, "n": n} for (g, s), n in
                        sorted(c.items(), key=lambda x: (str(x[0][0]), str(x[0][1])))]
                 for name, c in res.confusion.items()}
    return {"scores": scores, "by_class": by_class, "confusion": confusion}
