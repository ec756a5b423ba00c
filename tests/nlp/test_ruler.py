"""The actor entity ruler: lexicon patterns and how its matches combine with statistical NER."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from signaal.nlp.ruler import add_actor_ruler, patterns, whole_name_filter


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("nl").vocab


def _doc(vocab, text):
    return Doc(vocab, words=text.split())


@pytest.mark.parametrize("words,ner,ruler,expected", [
    # ruler name inside a longer NER name of the same type: the NER name stays
    ("NAVO-baas Jens Stoltenberg spreekt", [(1, 3, "PER")], [(2, 3, "PER")], [(1, 3, "PER")]),
    # ruler covers the NER entity exactly but with another type: the ruler wins
    ("Het Kremlin zwijgt", [(1, 2, "LOC")], [(1, 2, "ORG")], [(1, 2, "ORG")]),
    # ruler match inside a wrongly typed hyphen compound: the ruler wins, the span goes
    ("de NAVO - top begint", [(1, 4, "MISC")], [(1, 2, "ORG")], [(1, 2, "ORG")]),
    # ruler longer than the NER entity: the ruler wins
    ("de Verenigde Staten zeggen", [(2, 3, "LOC")], [(1, 3, "LOC")], [(1, 3, "LOC")]),
    # no overlap: both kept
    ("Macron belt Poetin", [(2, 3, "PER")], [(0, 1, "PER")], [(0, 1, "PER"), (2, 3, "PER")]),
    # ruler name inside a longer NER name of another type: the longer name stays
    ("de Ronde van Frankrijk start", [(1, 4, "MISC")], [(3, 4, "LOC")], [(1, 4, "MISC")]),
    ("ADO Den Haag wint", [(0, 3, "ORG")], [(1, 3, "LOC")], [(0, 3, "ORG")]),
    # ... unless the NER span holds two lexicon names: two names run together
    ("à la Finland voor Oekraïne", [(2, 5, "PER")], [(2, 3, "LOC"), (4, 5, "LOC")], [(2, 3, "LOC"), (4, 5, "LOC")]),
    # a quote tagged as an entity is dropped
    ("Hij zei ” nee", [(2, 3, "LOC")], [], []),
])
def test_ruler_whole_name_filter(vocab, words, ner, ruler, expected):
    doc = _doc(vocab, words)
    ents = [Span(doc, s, e, label=lab) for s, e, lab in ner]
    spans = [Span(doc, s, e, label=lab) for s, e, lab in ruler]
    got = [(e.start, e.end, e.label_) for e in whole_name_filter(ents, spans)]
    assert got == expected


def test_ruler_patterns_come_from_aliases():
    pats = patterns("nl")
    by_alias = {p["pattern"]: p for p in pats}
    assert by_alias["NAVO"]["label"] == "ORG" and by_alias["NAVO"]["id"] == "NATO"
    assert by_alias["Oekraïne"]["label"] == "LOC"
    assert not [p for p in pats if p["pattern"][0].islower()]


def test_ruler_sets_entities_and_actor_ids():
    nlp = spacy.blank("nl")
    add_actor_ruler(nlp, "nl")
    doc = nlp("Volgens de NAVO trekt Rusland troepen terug uit de buurt van Oekraïne.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [
        ("NAVO", "ORG", "NATO"), ("Rusland", "LOC", "RUS"), ("Oekraïne", "LOC", "UKR")]
