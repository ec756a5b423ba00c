"""The optional Frog backend: its TSV read in both column layouts, and a real Frog run."""

import pytest
import spacy

from signaal.nlp import frog

# Frog's TSV with all modules (lemma, morphology, tag, confidence, NER, chunk) and with lemma and
# morphology skipped (the tag moves one column right); written by hand after Frog 0.20's output.
FULL = ("1\tDe\tde\t[de]\tLID(bep,stan,rest)\t0.98\tO\tB-NP\t\t\t\n"
        "2\tNAVO\tNAVO\t[NAVO]\tSPEC(deeleigen)\t1.000000\tB-ORG\tI-NP\t\t\t\n"
        "3\tvergadert\tvergaderen\t[vergader][t]\tWW(pv,tgw,met-t)\t0.99\tO\tB-VP\t\t\t\n"
        "4\t.\t.\t[.]\tLET()\t1.000000\tO\tO\t\t\t\n"
        "\n"
        "1\tStoltenberg\tStoltenberg\t[Stoltenberg]\tSPEC(deeleigen)\t1.000000\tB-PER\tB-NP\t\t\t\n"
        "2\tspreekt\tspreken\t[spreek][t]\tWW(pv,tgw,met-t)\t0.97\tO\tB-VP\t\t\t\n"
        "3\t.\t.\t[.]\tLET()\t1.000000\tO\tO\t\t\t\n\n")
SKIPPED = ("1\tDe\t\t\t\tLID(bep,stan,rest)\t0.98\tO\t\t\t\t\t\n"
           "2\tNAVO\t\t\t\tSPEC(deeleigen)\t1.000000\tB-ORG\t\t\t\t\t\n")


def test_frog_tsv_read_in_both_layouts():
    full = frog.read_tsv(FULL)
    assert [[t.word for t in s] for s in full] == [["De", "NAVO", "vergadert", "."],
                                                    ["Stoltenberg", "spreekt", "."]]
    assert full[0][2] == frog.Token("vergadert", "vergaderen", "WW(pv,tgw,met-t)", "O")
    skipped = frog.read_tsv(SKIPPED)[0]
    assert [(t.word, t.lemma, t.tag, t.ner) for t in skipped] == [
        ("De", "", "LID(bep,stan,rest)", "O"), ("NAVO", "", "SPEC(deeleigen)", "B-ORG")]


def test_frog_doc_keeps_the_text_its_offsets_and_maps_types():
    text = "De  NAVO vergadert.\n\nStoltenberg spreekt."
    doc = frog.to_doc(spacy.blank("nl").vocab, text, frog.read_tsv(FULL))
    assert doc.text == text
    assert [(e.text, e.label_, e.start_char) for e in doc.ents] == [("NAVO", "ORG", 4), ("Stoltenberg", "PER", 21)]
    assert [s.text.strip() for s in doc.sents] == ["De  NAVO vergadert.", "Stoltenberg spreekt."]
    assert [t.lemma_ for t in doc if not t.is_space] == ["de", "NAVO", "vergaderen", ".", "Stoltenberg", "spreken", "."]
    assert frog.label("B-PRO") == "B-MISC" and frog.label("O") == "O"


def test_frog_runs_of_one_type_become_separate_entities():
    # Frog writes "B-PRO I-PRO" then "I-PER" for a new name; spaCy needs a B- to start it
    assert frog._iob2(["B-MISC", "I-MISC", "I-PER", "O", "I-LOC"]) == ["B-MISC", "I-MISC", "B-PER", "O", "B-LOC"]


def test_frog_changed_text_is_a_clear_error():
    with pytest.raises(Exception, match="align Frog's tokens"):
        frog.to_doc(spacy.blank("nl").vocab, "De NAVO vergaderde.", frog.read_tsv(FULL))


@pytest.mark.skipif(frog.available() is None, reason="Frog is not installed (scripts/setup.sh --test installs it)")
def test_frog_real_run_over_two_texts():
    texts = ["De Russische president Poetin ontmoette Macron in Moskou.  De NAVO reageerde boos.",
             "In Kiev zei Zelensky:\n\n'Wij geven niet op.'"]
    docs = frog.pipe(texts)
    assert [d.text for d in docs] == texts
    ents = [[(e.text, e.label_) for e in d.ents] for d in docs]
    assert ("Poetin", "PER") in ents[0] and ("NAVO", "ORG") in ents[0]
    assert ("Kiev", "LOC") in ents[1]
    assert len(list(docs[0].sents)) == 2
