"""The news sentence splitter (``signaal_sentences``) on a blank Dutch tokenizer: no model needed."""

import pytest
import spacy

from signaal.nlp import build
from signaal.nlp.splitter import abbreviation_set


@pytest.fixture(scope="module")
def nlp():
    return build(spacy.blank("nl"), "nl", ruler=False)


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("text,expected", [
    # plain punctuation
    ("De minister komt. Hij zwijgt! Waarom? Niemand weet het.",
     ["De minister komt.", "Hij zwijgt!", "Waarom?", "Niemand weet het."]),
    # curly quotes, closing quote after the period
    ("Hij zei: “Het is klaar.” Daarna vertrok hij.", ["Hij zei: “Het is klaar.”", "Daarna vertrok hij."]),
    # low-9 opening and curly closing quote, continuing after a comma
    ("„Dat is zo”, zei zij. Het bleef stil.", ["„Dat is zo”, zei zij.", "Het bleef stil."]),
    # double-comma opening quote and double straight closing quote
    (",,Ik wist het.'' Zij knikte.", [",,Ik wist het.''", "Zij knikte."]),
    # unbalanced single quotes ' and ’
    ("Hij is 'voorzichtig optimistisch’ over de uitweg. Zij niet.",
     ["Hij is 'voorzichtig optimistisch’ over de uitweg.", "Zij niet."]),
    # a straight quote closed by a curly one is closed: a later straight quote opens a new sentence
    ("Hij is 'voorzichtig positief’ over het rapport. Zij wijst het af. 'Nooit,' zegt ze.",
     ["Hij is 'voorzichtig positief’ over het rapport.", "Zij wijst het af.", "'Nooit,' zegt ze."]),
    # an opening quote that is never closed starts the next sentence
    ("Ze hebben het gezien. “Alles staat klaar, waarschuwt hij.",
     ["Ze hebben het gezien.", "“Alles staat klaar, waarschuwt hij."]),
    # a question inside a quote followed by a lower-case reporting verb: one sentence
    ("“Waarom?” vroeg hij. Niemand antwoordde.", ["“Waarom?” vroeg hij.", "Niemand antwoordde."]),
    # free-standing closing quotes (spaced, as in older typesetting) stay with their sentence
    ("Het voelde goed aan. '' En ja, hij won.", ["Het voelde goed aan. ''", "En ja, hij won."]),
    ('Hij zei: " Het is klaar. " Daarna ging hij.', ['Hij zei: " Het is klaar. "', "Daarna ging hij."]),
    ('Het is klaar. " Daarna ging hij," zei ze.', ["Het is klaar.", '" Daarna ging hij," zei ze.']),
    # Dutch elided article at the start of a sentence
    ("Het regende. 's Avonds klaarde het op.", ["Het regende.", "'s Avonds klaarde het op."]),
])
def test_splitter_quotes(nlp, text, expected):
    assert sents(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Dhr. Jansen sprak met mr. De Vries.",
    "Het gaat o.a. om geld, d.w.z. om subsidies.",
    "Zij sprak met prof. Bakker en mevr. Visser.",
    "Z.M. de Koning opende het gebouw.",
    "Hij zag J. Stoltenberg in Brussel.",
    "Er kwamen bezoekers uit België, Frankrijk, enz. Maar niet uit Spanje.",
])
def test_splitter_abbreviations_do_not_end_sentences(nlp, text):
    assert len(sents(nlp, text)) == 1


@pytest.mark.parametrize("text,number", [
    ("Rusland heeft zo’n 130.000 militairen verzameld.", "130.000"),
    ("De economie groeide met 4,3 procent.", "4,3"),
    ("Het budget is 1.250.000,50 euro. Dat is veel.", "1.250.000,50"),
    ("Versie 2.0 verscheen. Daarna niets.", "2.0"),
])
def test_splitter_never_inside_numbers(nlp, text, number):
    start = text.index(number)
    starts = [s.start_char for s in nlp(text).sents]
    assert not [c for c in starts if start < c < start + len(number)]


def test_splitter_newline_ends_paragraph(nlp):
    text = "Meerdere gesprekken\n\nMeerdere landen voeren gesprekken\nLees ook:\nEen nieuw stuk"
    assert sents(nlp, text) == ["Meerdere gesprekken", "Meerdere landen voeren gesprekken", "Lees ook:",
                                "Een nieuw stuk"]


def test_splitter_sets_every_token(nlp):
    doc = nlp("Een zin. Nog een zin.")
    assert all(t.is_sent_start is not None for t in doc)


def test_splitter_abbreviations_come_from_lexicon():
    abbrevs = abbreviation_set("nl")
    assert {"o.a.", "d.w.z.", "mr.", "dhr.", "prof.", "z.m."} <= abbrevs
    assert "mr." in abbreviation_set("en")
