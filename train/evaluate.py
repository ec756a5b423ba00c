"""Score the committed Dutch pipeline on held-out data and write ``train/scores.json``.

Usage: ``python train/evaluate.py [--data ../shared/data] [--corpus train/corpus] [--no-speed]``

* NER: CoNLL-2002 ned.testb (never used in training or selection) and MEANTIME-nl (out of
  domain), exact and overlap, per type; statistical NER alone, + document consistency, + actor
  ruler (``evaluation.NER_SETTINGS``). CoNLL-2002 is read one doc per article.
* Syntax: the held-out UD documents (``syntax-test``, see train/README.md): POS, morphology,
  lemma accuracy, UAS/LAS (parser's own sentence boundaries and with the news splitter).
* Sentence splitting: UD held-out raw text -> our tokenizer + splitter, exact sentence spans.
* Speed: words/s in one process on ned.testb text, full pipeline and without the parser.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from signaal.nlp import build, model_path
from signaal.nlp import evaluation as ev

HERE = Path(__file__).resolve().parent
NER_PIPES = list(ev.NER_SETTINGS["ner+consistency+ruler"])


def syntax_scores(nlp, corpus: Path) -> dict:
    """spaCy's scorer on held-out UD docs (gold tokens), with and without the news splitter."""
    ref = list(DocBin().from_disk(corpus / "syntax-test.spacy").get_docs(nlp.vocab))
    out = {}
    for name, disable in (("parser_sentences", ["signaal_sentences", *NER_PIPES]),
                          ("news_splitter", NER_PIPES)):
        with nlp.select_pipes(disable=[d for d in disable if d in nlp.pipe_names]):
            scores = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in ref])
        out[name] = {k: round(scores[k], 4) for k in
                     ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")}
    return out


def _sent_spans(doc) -> list[tuple[int, int]]:
    spans = []
    for s in doc.sents:
        text = s.text
        start = s.start_char + len(text) - len(text.lstrip())
        end = s.start_char + len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def splitter_scores(nlp, corpus: Path) -> dict:
    """Sentence F1 of the news splitter on held-out UD raw text (all, and inside paragraphs)."""
    ref = list(DocBin().from_disk(corpus / "syntax-test.spacy").get_docs(nlp.vocab))
    gold = [_sent_spans(d) for d in ref]
    with nlp.select_pipes(enable=["signaal_sentences"]):
        pred = [_sent_spans(d) for d in nlp.pipe(d.text for d in ref)]
    # Sentences that share their paragraph with another one: boundaries the text does not give away.
    def inner(doc_spans, text):
        return [(s, e) for s, e in doc_spans if not ((s == 0 or "\n" in text[s - 1:s]) and
                                                    (e == len(text) or "\n" in text[e:e + 1]))]
    return {"all": ev.score_sentences(gold, pred),
            "within_paragraphs": ev.score_sentences([inner(g, d.text) for g, d in zip(gold, ref)],
                                                    [inner(p, d.text) for p, d in zip(pred, ref)])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=HERE / "scores.json")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    path = args.model or model_path("nl")
    nlp = build(spacy.load(path), "nl")
    testb = ev.read_conll2002(args.data / "conll2002-dutch" / "ned.testb")
    meantime = ev.read_meantime(args.data / "meantime-dutch-clin26")
    scores = {
        "model": str(path.name),
        "size_mb": round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1),
        "ner_conll2002_testb": ev.ner_settings_scores(nlp, testb),
        "ner_conll2002_testa_trained_on_in_stage2": ev.ner_settings_scores(nlp, ev.read_conll2002(args.data / "conll2002-dutch" / "ned.testa")),
        "ner_meantime_nl": ev.ner_settings_scores(nlp, meantime),
        "ner_meantime_nl_per_org_loc": ev.ner_settings_scores(nlp, meantime, ("PER", "ORG", "LOC")),
        "ud_heldout": syntax_scores(nlp, args.corpus),
        "sentences_ud_heldout": splitter_scores(nlp, args.corpus),
    }
    if not args.no_speed:
        scores["speed_words_per_s_one_process"] = ev.speed_report(nlp, [" ".join(d.words) for d in testb])
        scores["cpu_count"] = os.cpu_count()
    scores["peak_rss_mb"] = ev.peak_rss_mb()
    args.out.write_text(json.dumps(scores, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(scores, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
