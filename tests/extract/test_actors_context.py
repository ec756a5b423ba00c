"""Unknown people get their country from the article: first mention, apposition, brackets,
sentence context, and the article's home country; later surname mentions corefer.

Runs the real language layer (its NER finds the names); all sentences are written for these tests.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from signaal import nlp
from signaal.extract import actors
from signaal.extract.actors_home import HOME_CONFIDENCE, home_country
from signaal.extract.actors_registry import registry
from signaal.records import Article, Interval

FEB = Interval(datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59), "month")


def resolve(text: str, lang: str = "nl"):
    art = Article(id="c", text=text, lang=lang, published=FEB)
    return actors.resolve(nlp.parse(text, lang), art)


def country_of(text: str, surface: str, lang: str = "nl"):
    ms = [m for m in resolve(text, lang) if surface in m.evidence.text]
    assert ms, f"no mention of {surface!r}"
    return ms[-1].actor.country


@pytest.mark.parametrize("text,surface,country", [
    # a role word after a country phrase earlier in the sentence
    ("De Russische delegatie, geleid door viceminister Pjotr Sokolov, kwam dinsdag aan.", "Sokolov", "RUS"),
    # apposition to a role description: the adjective counts, the organisation after "bij" does not
    ("De Amerikaanse ambassadeur bij de OVSE, Thomas Whitfield, sprak in Wenen.", "Whitfield", "USA"),
    # a party in brackets after the name
    ("Europarlementariër Anna de Boer (D66) noemt het een goede stap.", "Anna de Boer", "NLD"),
    # party-leader compounds
    ("PVV-leider Wilders noemt het plan slecht.", "Wilders", "NLD"),
    ("SP-Kamerlid Renate Smit eist een enquête.", "Renate Smit", "NLD"),
])
def test_actors_person_country_from_context(text, surface, country):
    assert country_of(text, surface) == country


def test_actors_surname_mention_corefers_with_first_mention():
    text = "De Russische delegatie, geleid door viceminister Pjotr Sokolov, kwam aan. Sokolov zei weinig."
    later = [m for m in resolve(text) if m.evidence.start_char == text.rindex("Sokolov")]
    assert [(m.evidence.text, m.actor.name, m.actor.country) for m in later] == [
        ("Sokolov", "Pjotr Sokolov", "RUS")]


def test_actors_home_country_for_people_without_context():
    text = ("Het kabinet en de Tweede Kamer spreken over de toeslagen. Premier Rutte zegt dat het kabinet "
            "excuses aanbiedt. Advocaat Johanna Peeters noemt dat te laat.")
    m = [m for m in resolve(text) if "Peeters" in m.evidence.text][-1]
    assert m.actor.country == "NLD" and m.confidence <= HOME_CONFIDENCE


def test_actors_home_country_needs_a_repeated_state():
    reg = registry("nl")
    assert home_country([], reg.is_igo) is None
    once = resolve("Rusland zegt weinig.")
    assert home_country(once, reg.is_igo) is None


@pytest.mark.parametrize("text,surface,lang,country", [
    ("Brussel reageerde terughoudend op het plan.", "Brussel", "nl", "EU"),
    ("Brussels reacted cautiously to the plan.", "Brussels", "en", "EU"),
    ("Volgens de VN-vluchtelingenorganisatie UNHCR zijn veel mensen gevlucht.", "UNHCR", "nl", "UN"),
    ("GroenLinks en de SP willen meer steun.", "GroenLinks", "nl", "NLD"),
])
def test_actors_metonyms_parties_and_un_agencies(text, surface, lang, country):
    assert country_of(text, surface, lang) == country


def test_actors_a_capitalised_common_word_opening_a_sentence_is_no_person():
    text = ("Israël meldt nieuwe raketaanvallen. Israël sluit de grens. "
            "Militante groeperingen in de Gazastrook hebben honderden raketten op Israël afgevuurd.")
    assert not [m for m in resolve(text) if m.evidence.text == "Militante"]


@pytest.mark.parametrize("text,surface,country", [
    ("China reageerde woedend op het bezoek van de Amerikaanse Huisvoorzitter Nancy Pelosi. Pelosi sprak "
     "met president Tsai.", "Pelosi", "USA"),
])
def test_actors_house_speaker_is_a_role(text, surface, country):
    assert country_of(text, surface) == country
