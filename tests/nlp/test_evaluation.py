"""Scorers and corpus readers used by train/evaluate.py and bench/nlp_vs_frog."""

import pytest
import spacy
from spacy.language import Language

from signaal.nlp.evaluation import (TaggedDoc, iob_to_spans, predict_entities, read_conll2002, read_meantime,
                                    score_entities, score_sentences)


@pytest.mark.parametrize("tags,spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-ORG", "I-ORG", "I-LOC"], [(0, 2, "ORG"), (2, 3, "LOC")]),  # IOB1 type change
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["O", "O"], []),
])
def test_evaluation_iob_to_spans(tags, spans):
    assert iob_to_spans(tags) == spans


def test_evaluation_exact_and_overlap():
    gold = [[(0, 2, "PER"), (5, 6, "LOC"), (8, 9, "ORG")]]
    pred = [[(1, 2, "PER"), (5, 6, "LOC"), (8, 9, "LOC")]]
    exact = score_entities(gold, pred)
    assert exact["all"]["p"] == pytest.approx(1 / 3, abs=1e-4) and exact["all"]["r"] == pytest.approx(1 / 3, abs=1e-4)
    assert exact["LOC"]["p"] == 0.5 and exact["LOC"]["r"] == 1.0
    overlap = score_entities(gold, pred, overlap=True)
    assert overlap["PER"]["f"] == 1.0 and overlap["all"]["f"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluation_sentences():
    assert score_sentences([[(0, 5), (6, 10)]], [[(0, 10)]])["r"] == 0.0
    assert score_sentences([[(0, 5), (6, 10)]], [[(0, 5), (6, 10)]])["f"] == 1.0


def test_evaluation_read_conll2002(tmp_path):
    f = tmp_path / "ned.x"
    f.write_text("-DOCSTART- -DOCSTART- O\nJan N B-PER\nwoont V O\nin Prep O\nGent N B-LOC\n\n"
                 "Ja Int O\n\n", encoding="utf-8")
    docs = read_conll2002(f)
    assert len(docs) == 1 and docs[0].words == ["Jan", "woont", "in", "Gent", "Ja"]
    assert docs[0].ents == [(0, 1, "PER"), (3, 4, "LOC")] and docs[0].sent_starts == [0, 4]


def test_evaluation_read_conll2002_articles(tmp_path):
    f = tmp_path / "ned.x"
    f.write_text("-DOCSTART- -DOCSTART- O\nJan N B-PER\nlacht V O\n\nJa Int O\n\n"
                 "-DOCSTART- -DOCSTART- O\nPiet N B-PER\n\nNee Int O\n", encoding="utf-8")
    articles = read_conll2002(f)
    assert [d.words for d in articles] == [["Jan", "lacht", "Ja"], ["Piet", "Nee"]]
    assert articles[1].ents == [(0, 1, "PER")] and articles[1].sent_starts == [0, 1]
    # fixed-size groups of sentences across articles
    assert [d.words for d in read_conll2002(f, sents_per_doc=3)] == [["Jan", "lacht", "Ja", "Piet"], ["Nee"]]


SEEN_STARTS: list[list[int]] = []


@Language.component("test_sentence_recorder")
def _record_sentences(doc):
    SEEN_STARTS.append([t.i for t in doc if t.is_sent_start])
    return doc


def test_evaluation_predict_sets_gold_sentences():
    nlp = spacy.blank("nl")
    nlp.add_pipe("test_sentence_recorder")
    doc = TaggedDoc(["Jan", "lacht", ".", "Ja"], [], [0, 3])
    # components the pipeline lacks are skipped
    assert predict_entities(nlp, [doc], ("test_sentence_recorder", "ner")) == [[]]
    assert SEEN_STARTS[-1] == [0, 3]


def test_evaluation_read_meantime(tmp_path):
    d = tmp_path / "corpus" / "ne"
    d.mkdir(parents=True)
    (d / "1.ne").write_text("1\tApple\t(ORG)\t_\n2\tmaakt\t_\t_\n3\tde\t_\t_\n4\tiPhone\t(PRO\t_\n"
                            "5\tSDK\tPRO)\t_\n\n6\tin\t_\t_\n7\tCupertino\t(LOC)\t_\n", encoding="utf-8")
    [doc] = read_meantime(tmp_path)
    assert doc.ents == [(0, 1, "ORG"), (3, 5, "MISC"), (6, 7, "LOC")] and doc.sent_starts == [0, 5]
