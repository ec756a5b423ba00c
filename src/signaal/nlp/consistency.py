"""Document consistency for NER: a name keeps one reading within an article.

The statistical NER labels each mention from a window of a few tokens, so the same name can
come out as PER in one sentence, LOC in the next and be missed in a third. News names one
thing one way per article, so after ``ner`` this component

1. relabels every mention of a name to the label most of its mentions got (strict majority);
2. tags the untagged mentions of a PER, ORG or LOC name (capitalised) with that label;
3. treats the last word of a multi-word person ("Piet *Jansen*") as that person: standing
   alone it becomes PER, whether untagged or tagged with another label.

Tuned on CoNLL-2002 ``ned.testa`` with a model that never saw it (+2.6 F1 there); scores in
``train/README.md``. MISC names are not spread: they are often common words ("Kerstmis").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

VERSION = "signaal.ner_consistency.v1"
NAME = "signaal_ner_consistency"
SPREAD_LABELS = ("PER", "ORG", "LOC")
Mention = tuple[int, int, str]


def _majority(mentions: Iterable[Mention], words: list[str]) -> dict[tuple[str, ...], Counter]:
    by_name: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for start, end, label in mentions:
        by_name[tuple(words[start:end])][label] += 1
    return by_name


def _relabel(mentions: list[Mention], words: list[str], by_name) -> list[Mention]:
    out = []
    for start, end, label in mentions:
        counts = by_name[tuple(words[start:end])]
        top, n = counts.most_common(1)[0]
        out.append((start, end, top if n > counts[label] else label))
    return out


def _surnames(mentions: Iterable[Mention], words: list[str]) -> set[str]:
    """Last words of multi-word PER names, capitalised and longer than two letters."""
    return {words[end - 1] for start, end, label in mentions
            if label == "PER" and end - start >= 2 and words[end - 1][:1].isupper() and len(words[end - 1]) > 2}


def consistent_mentions(words: list[str], mentions: list[Mention],
                        sent_starts: frozenset[int] = frozenset()) -> list[Mention]:
    """The mentions of one document made consistent (see the module docstring); sorted.

    A name is never spread over a sentence boundary (``sent_starts``: token indices).
    """
    mentions = sorted(mentions)
    free = [True] * len(words)
    for start, end, _ in mentions:
        free[start:end] = [False] * (end - start)
    by_name = _majority(mentions, words)
    out = _relabel(mentions, words, by_name)
    positions: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(words):
        positions[word].append(i)

    def claim(start: int, end: int, label: str) -> None:
        out.append((start, end, label))
        free[start:end] = [False] * (end - start)

    for name, counts in by_name.items():
        label = counts.most_common(1)[0][0]
        if label not in SPREAD_LABELS or not name[0][:1].isupper():
            continue
        for i in positions[name[0]]:
            end = i + len(name)
            if tuple(words[i:end]) == name and all(free[i:end]) and not sent_starts.intersection(range(i + 1, end)):
                claim(i, end, label)
    surnames = _surnames(mentions, words)
    for word in surnames:
        for i in positions[word]:
            if free[i]:
                claim(i, i + 1, "PER")
    return sorted((s, e, "PER") if e - s == 1 and words[s] in surnames else (s, e, lab) for s, e, lab in out)


def make_consistent(doc: Doc) -> Doc:
    """Set ``doc.ents`` to the consistent mentions of its NER entities."""
    words = [t.text for t in doc]
    starts = frozenset(t.i for t in doc if t.is_sent_start) if doc.has_annotation("SENT_START") else frozenset()
    mentions = consistent_mentions(words, [(e.start, e.end, e.label_) for e in doc.ents], starts)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in mentions]
    return doc


@Language.component(NAME)
def ner_consistency(doc: Doc) -> Doc:
    """Pipeline component: see ``make_consistent``."""
    return make_consistent(doc)
