"""Tokenizer changes made by ``signaal.nlp.build``: lexicon abbreviations, acronym compounds."""

import pytest
import spacy

from signaal.nlp import build


@pytest.fixture(scope="module")
def nlp():
    return build(spacy.blank("nl"), "nl", ruler=False)


@pytest.mark.parametrize("text,tokens", [
    ("NAVO-baas Stoltenberg", ["NAVO", "-", "baas", "Stoltenberg"]),
    ("EU-landen", ["EU", "-", "landen"]),
    ("de-escaleren", ["de-escaleren"]),          # ordinary compounds stay whole
    ("secretaris-generaal", ["secretaris-generaal"]),
    ("COVID-19", ["COVID-19"]),
    ("o.a. d.w.z. Z.M. m.b.t.", ["o.a.", "d.w.z.", "Z.M.", "m.b.t."]),
    ("zo’n 130.000 militairen", ["zo", "’n", "130.000", "militairen"]),
])
def test_tokenizer_news_cases(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens
