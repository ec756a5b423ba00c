"""Scorers and corpus readers shared by ``train/evaluate.py`` and ``bench/nlp_vs_frog``.

Entities are compared as ``(start_token, end_token, label)`` triples over the gold tokenization:
*exact* needs equal boundaries and label; *overlap* counts a predicted entity as correct when it
shares a token and the label with an unmatched gold entity (one-to-one).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

Entity = tuple[int, int, str]
# The NER settings scored: the statistical model alone, + document consistency, + actor ruler
# (the last is what ``signaal.nlp.load("nl")`` runs).
NER_SETTINGS = {"ner": ("ner",),
                "ner+consistency": ("ner", "signaal_ner_consistency"),
                "ner+consistency+ruler": ("ner", "signaal_ner_consistency", "signaal_actor_ruler")}
# MEANTIME-nl types mapped to CoNLL-2002 types (PRO product, FIN financial, MIX mixed -> MISC).
MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC", "FIN": "MISC", "MIX": "MISC"}


@dataclass
class TaggedDoc:
    """Gold words with their entities (token offsets)."""

    words: list[str]
    ents: list[Entity]
    sent_starts: list[int] = field(default_factory=list)


def iob_to_spans(tags: list[str]) -> list[Entity]:
    """Entity spans of an IOB1/IOB2 tag sequence."""
    spans: list[Entity] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix in ("O", "B") or typ != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and start is None:
            start, label = i, typ
    return spans


def read_conll2002(path: Path, sents_per_doc: int | None = None) -> list[TaggedDoc]:
    """CoNLL-2002 ``WORD POS IOB``: one doc per ``-DOCSTART-`` article, or per ``sents_per_doc`` sentences.

    Articles are the unit Signaal reads (document-level steps such as NER consistency need them).
    """
    articles: list[list[tuple[list[str], list[str]]]] = [[([], [])]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            articles.append([([], [])])
        elif not line.strip():
            if articles[-1][-1][0]:
                articles[-1].append(([], []))
        else:
            cols = line.split()
            articles[-1][-1][0].append(cols[0])
            articles[-1][-1][1].append(cols[-1])
    articles = [[s for s in art if s[0]] for art in articles]
    if sents_per_doc:
        flat = [s for art in articles for s in art]
        articles = [flat[k:k + sents_per_doc] for k in range(0, len(flat), sents_per_doc)]
    return [_tagged(art) for art in articles if art]


def _tagged(sents: list[tuple[list[str], list[str]]]) -> TaggedDoc:
    words: list[str] = []
    tags: list[str] = []
    starts: list[int] = []
    for w, t in sents:
        starts.append(len(words))
        words += w
        tags += t
    return TaggedDoc(words, iob_to_spans(tags), starts)


def _meantime_spans(tags: list[str]) -> list[Entity]:
    """Spans of MEANTIME bracket tags ``(ORG)``, ``(PRO``, ``PRO``, ``PRO)``; outermost only."""
    spans, open_ = [], None
    for i, tag in enumerate(tags):
        m = re.fullmatch(r"(\()?([A-Z]+)(\))?", tag)
        if not m:
            continue
        typ = MEANTIME_TYPES.get(m.group(2), "MISC")
        if m.group(1) and m.group(3) and open_ is None:
            spans.append((i, i + 1, typ))
        elif m.group(1) and open_ is None:
            open_ = (i, typ)
        elif m.group(3) and open_ is not None and not m.group(1):
            spans.append((open_[0], i + 1, open_[1]))
            open_ = None
    return spans


def read_meantime(root: Path) -> list[TaggedDoc]:
    """All ``*/ne/*.ne`` files under ``root`` (MEANTIME-nl, CLIN26 release), one doc per file."""
    docs = []
    for f in sorted(root.glob("**/ne/*.ne")):
        words, tags, starts, new_sent = [], [], [], True
        for line in f.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 2:
                new_sent = True
                continue
            if new_sent:
                starts.append(len(words))
                new_sent = False
            words.append(cols[1])
            tags.append(cols[2] if len(cols) > 2 else "_")
        docs.append(TaggedDoc(words, _meantime_spans(tags), starts))
    return docs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "n_gold": n_gold, "n_pred": n_pred}


def _matches(gold: list[Entity], pred: list[Entity], overlap: bool) -> list[Entity]:
    """Predicted entities that count as correct."""
    if not overlap:
        gs = set(gold)
        return [p for p in pred if p in gs]
    free, hits = list(gold), []
    for p in pred:
        for g in free:
            if g[2] == p[2] and g[0] < p[1] and p[0] < g[1]:
                free.remove(g)
                hits.append(p)
                break
    return hits


def score_entities(gold_docs: list[list[Entity]], pred_docs: list[list[Entity]], overlap: bool = False,
                   types: tuple[str, ...] | None = None) -> dict:
    """Micro P/R/F1 overall and per type (``types`` restricts both sides)."""
    tp, n_pred, n_gold = defaultdict(int), defaultdict(int), defaultdict(int)
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        if types:
            gold = [g for g in gold if g[2] in types]
            pred = [p for p in pred if p[2] in types]
        for e in gold:
            n_gold[e[2]] += 1
        for e in pred:
            n_pred[e[2]] += 1
        for e in _matches(gold, pred, overlap):
            tp[e[2]] += 1
    labels = sorted(set(n_gold) | set(n_pred))
    out = {"all": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    out.update({lab: _prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels})
    return out


def score_exact_and_overlap(gold_docs: list[list[Entity]], pred_docs: list[list[Entity]],
                            types: tuple[str, ...] | None = None) -> dict:
    """``{"exact": ..., "overlap": ...}`` from ``score_entities``."""
    return {"exact": score_entities(gold_docs, pred_docs, False, types),
            "overlap": score_entities(gold_docs, pred_docs, True, types)}


def score_sentences(gold: list[list[tuple[int, int]]], pred: list[list[tuple[int, int]]]) -> dict:
    """P/R/F1 of sentences as exact character spans (whitespace-trimmed), per document lists."""
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(set(g) & set(p))
        n_pred += len(p)
        n_gold += len(g)
    return _prf(tp, n_pred, n_gold)


def predict_entities(nlp, docs: list[TaggedDoc], components: tuple[str, ...]) -> list[list[Entity]]:
    """Run the named ``components`` of ``nlp`` over the gold words; entities as token spans.

    The gold sentence starts are set, as CoNLL gives them and as the news splitter does in the
    pipeline (NER never crosses a sentence boundary). Components the pipeline lacks are skipped
    (an English or bare NER pipeline).
    """
    from spacy.tokens import Doc

    procs = [nlp.get_pipe(name) for name in components if name in nlp.pipe_names]
    out = []
    for td in docs:
        starts = set(td.sent_starts)
        doc = Doc(nlp.vocab, words=td.words, sent_starts=[i in starts for i in range(len(td.words))] if starts else None)
        for proc in procs:
            doc = proc(doc)
        out.append([(e.start, e.end, e.label_) for e in doc.ents])
    return out


def ner_settings_scores(nlp, docs: list[TaggedDoc], types: tuple[str, ...] | None = None,
                        settings: tuple[str, ...] = tuple(NER_SETTINGS)) -> dict:
    """``{setting: {"exact": ..., "overlap": ...}}`` for each named NER setting."""
    gold = [d.ents for d in docs]
    return {name: score_exact_and_overlap(gold, predict_entities(nlp, docs, NER_SETTINGS[name]), types)
            for name in settings}


def words_per_second(nlp, texts: list[str], disable: tuple[str, ...] = (), batch_size: int | None = None) -> dict:
    """Throughput of ``nlp.pipe`` in one process over ``texts`` (words = non-space tokens).

    ``words_per_cpu_s`` divides by the CPU time of this process: on a shared machine that is the
    per-core figure; ``words_per_s`` divides by wall time. Batches as ``signaal.nlp.pipe`` makes them.
    """
    import time

    from . import BATCH_SIZE

    start, cpu = time.perf_counter(), time.process_time()
    with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
        n = sum(sum(not t.is_space for t in doc) for doc in nlp.pipe(texts, batch_size=batch_size or BATCH_SIZE))
    secs, cpu_secs = time.perf_counter() - start, time.process_time() - cpu
    return {"words": n, "seconds": round(secs, 2), "cpu_seconds": round(cpu_secs, 2),
            "words_per_s": round(n / secs), "words_per_cpu_s": round(n / cpu_secs)}


SYNTAX_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser")
# The speed settings: the components each one disables.
SPEED_SETTINGS = {"full": (), "no_parser": ("parser",), "ner_only": SYNTAX_COMPONENTS}


def speed_report(nlp, texts: list[str]) -> dict:
    """Words/s in one process: full pipeline, without the parser, and NER only (plus splitter, ruler)."""
    nlp(texts[0])  # warm up
    return {name: words_per_second(nlp, texts, disable=disable) for name, disable in SPEED_SETTINGS.items()}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux ru_maxrss is in KiB)."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
