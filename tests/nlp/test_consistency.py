"""Document consistency of NER labels: majority label, spreading a name, surnames of persons."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from signaal import nlp
from signaal.nlp.consistency import NAME, consistent_mentions, make_consistent


@pytest.mark.parametrize("text,ner,expected", [
    # the lone surname of a two-word person is that person, untagged or tagged otherwise
    ("Piet Jansen sprak . Jansen zweeg . Toen kwam Jansen",
     [(0, 2, "PER"), (9, 10, "LOC")], [(0, 2, "PER"), (4, 5, "PER"), (9, 10, "PER")]),
    # a name labelled two ways takes the label most of its mentions got
    ("Gent won . Gent verloor . In Gent regent het",
     [(0, 1, "LOC"), (3, 4, "ORG"), (7, 8, "LOC")], [(0, 1, "LOC"), (3, 4, "LOC"), (7, 8, "LOC")]),
    # a tie keeps each label
    ("Gent won . Gent verloor", [(0, 1, "LOC"), (3, 4, "ORG")], [(0, 1, "LOC"), (3, 4, "ORG")]),
    # an untagged mention of a tagged multi-word name gets its label
    ("De Verenigde Staten en Rusland . De Verenigde Staten zwijgen",
     [(1, 3, "LOC"), (4, 5, "LOC")], [(1, 3, "LOC"), (4, 5, "LOC"), (7, 9, "LOC")]),
    # MISC names are not spread (they are often ordinary words), nor lower-case names
    ("Kerstmis viel . Kerstmis komt", [(0, 1, "MISC")], [(0, 1, "MISC")]),
    ("de euro stijgt . de euro daalt", [(1, 2, "ORG")], [(1, 2, "ORG")]),
    # a mention inside another entity is left alone
    ("Jansen zei . Van Dijk en Jansen Bouw", [(0, 1, "PER"), (3, 5, "PER"), (6, 8, "ORG")],
     [(0, 1, "PER"), (3, 5, "PER"), (6, 8, "ORG")]),
    # surnames of two letters are not spread
    ("Jan Xu sprak . Xu zweeg", [(0, 2, "PER")], [(0, 2, "PER")]),
    # only the last word is taken: "Van" before it stays outside
    ("Vincent van Gogh schilderde . Van Gogh", [(0, 3, "PER")], [(0, 3, "PER"), (6, 7, "PER")]),
])
def test_consistency_mentions(text, ner, expected):
    assert consistent_mentions(text.split(), ner) == expected


def test_consistency_never_spreads_over_a_sentence_boundary():
    words = "Den Haag beslist . Hij reist naar Den Haag is groot".split()
    assert consistent_mentions(words, [(0, 2, "LOC")]) == [(0, 2, "LOC"), (7, 9, "LOC")]
    # a sentence starting at "Haag": the second "Den Haag" is not one name
    assert consistent_mentions(words, [(0, 2, "LOC")], frozenset({0, 4, 8})) == [(0, 2, "LOC")]


def test_consistency_sets_doc_ents():
    vocab = spacy.blank("nl").vocab
    doc = Doc(vocab, words="Piet Jansen sprak . Jansen zweeg".split())
    doc.ents = [Span(doc, 0, 2, label="PER")]
    assert [(e.text, e.label_) for e in make_consistent(doc).ents] == [("Piet Jansen", "PER"), ("Jansen", "PER")]


def test_consistency_in_dutch_pipeline():
    names = nlp.load("nl").pipe_names
    assert names.index("ner") < names.index(NAME) < names.index("signaal_actor_ruler")
    # the statistical NER alone reads the second "Oosthoek" as ORG and misses the third
    doc = nlp.parse("De Belgische diplomaat Wouter Oosthoek sprak in Brussel. Oosthoek wil een akkoord. "
                    "Dat zegt Oosthoek.", "nl")
    people = [e.text for e in doc.ents if e.label_ == "PER"]
    assert people == ["Wouter Oosthoek", "Oosthoek", "Oosthoek"]
