"""Claim polarity, coordinated clauses and speaker tracking through the real actor layer.

Every sentence is written for these tests; the language layer and ``actors.resolve`` run for real,
so each case checks what an article would get.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from signaal import nlp
from signaal.extract import actors, claims
from signaal.records import Article, Interval

FEB = Interval(datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59), "month")


def run(text: str, lang: str = "nl") -> list[tuple]:
    art = Article(id="p", text=text, lang=lang, published=FEB)
    doc = nlp.parse(text, lang)
    found = claims.extract(doc, art, actors.resolve(doc, art))
    return sorted((c.source_actor, c.polarity) for c in found)


@pytest.mark.parametrize("text,expected", [
    # possibility, future-in-the-past and "gaan" + infinitive are predictions
    ("Volgens de Amerikaanse regering kan Rusland binnen enkele dagen binnenvallen.", [("USA", "expected")]),
    ("Poetin zei dat Rusland nieuwe stappen zou zetten.", [("RUS", "expected")]),
    ("Rutte zei dat Nederland een prijs gaat betalen.", [("NLD", "expected")]),
    # a negated "kan" states an inability now
    ("Stoltenberg zei dat een oefening alleen niet kan geruststellen.", [("NATO", "asserted")]),
    # a negative prediction stays expected
    ("Lavrov zei dat Rusland geen concessies zal doen.", [("RUS", "expected")]),
    # the speaker's own country as negated subject denies; another country's does not
    ("Lavrov zei dat Rusland Oekraïne niet bedreigt.", [("RUS", "denied")]),
    ("Lavrov zei dat Oekraïne de afspraken niet nakomt.", [("RUS", "asserted")]),
    # a copula describes, it does not deny
    ("Stoltenberg zei dat de NAVO geen partij is in het conflict.", [("NATO", "asserted")]),
    # existential negation of an event denies; of a reason it does not
    ("Poetin zei dat er geen troepen zijn gestuurd.", [("RUS", "denied")]),
    ("Poetin zei dat er geen reden is voor paniek.", [("RUS", "asserted")]),
    ("Het Kremlin zei dat er geen sprake is van een inval.", [("RUS", "denied")]),
    # denial words inside an accusation do not make it a denial
    ("Rusland beschuldigt de NAVO van leugens over de oefening.", [("RUS", "asserted")]),
    # a negated "mag" in a subclause is a demand; "had moeten" is a reproach
    ("Scholz zei dat Europa niet naïef mag zijn.", [("DEU", "demanded")]),
    ("Rutte vindt dat de Commissie eerder had moeten ingrijpen.", [("NLD", "asserted")]),
    # "wil" + own infinitive after an object is an intention
    ("De EU wil de sancties achter de hand houden als afschrikmiddel.", [("EU", "expected")]),
    # "waarschuwt X niet te ...": a warning to act is a demand
    ("Poetin waarschuwt andere landen zich er niet mee te bemoeien.", [("RUS", "demanded")]),
    # ruling out is a negative prediction
    ("Scholz sloot uit dat Duitsland troepen zal sturen.", [("DEU", "expected")]),
])
def test_claims_polarity_dutch(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The State Department said the United States would respond through the EU.", [("USA", "expected")]),
    ("According to the Kremlin, Russia could withdraw its troops.", [("RUS", "expected")]),
    ("Lavrov said there were no troops deployed near the border.", [("RUS", "denied")]),
    ("Borrell said there was no room for changes.", [("EU", "asserted")]),
    ("Lagarde said that is not our aim.", [("EU", "denied")]),
    ("Biden said Russia should have withdrawn its troops.", [("USA", "asserted")]),
])
def test_claims_polarity_english(text, expected):
    assert run(text, "en") == expected


@pytest.mark.parametrize("text,lang,expected", [
    # one claim per coordinated clause when their polarities differ
    ("Peskov zei dat Rusland niemand bedreigt en dat het Westen moet ophouden met dreigen.", "nl",
     [("RUS", "demanded"), ("RUS", "denied")]),
    ("Volgens Rutte zijn de sancties een eerste stap; als Rusland verder gaat, volgen er meer.", "nl",
     [("NLD", "asserted"), ("NLD", "expected")]),
    ("„Er is nog ruimte voor overleg, maar Rusland moet stoppen met dreigen”, zei Scholz.", "nl",
     [("DEU", "asserted"), ("DEU", "demanded")]),
    # clauses of one polarity stay one claim
    ("Rutte zei dat de steun doorgaat en dat de Kamer akkoord is.", "nl", [("NLD", "asserted")]),
    ("Lavrov said that the talks were useful but that the West must listen.", "en",
     [("RUS", "asserted"), ("RUS", "demanded")]),
])
def test_claims_coordinated_clauses(text, lang, expected):
    assert run(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a focus particle before a coordinated subject: one claim per named source
    ("Ook de Verenigde Staten, Duitsland en Italië riepen hun burgers op te vertrekken.", "nl",
     [("DEU", "demanded"), ("ITA", "demanded"), ("USA", "demanded")]),
    ("Ook Japan reageert boos.", "nl", [("JPN", "asserted")]),
    # a stance adverb after a time adverbial
    ("De Russische minister Lavrov reageerde donderdag koel.", "nl", [("RUS", "asserted")]),
])
def test_claims_subject_forms(text, lang, expected):
    assert run(text, lang) == expected


def test_claims_pronoun_continues_the_last_speaker():
    # the actor layer's nearest person ("Zelensky", an object) must not win over the last speaker
    text = ("Scholz zei dat Duitsland Oekraïne steunt. Hij sprak in Kiev met president Zelensky. "
            "Hij kondigde een nieuwe lening aan.")
    assert run(text)[-1] == ("DEU", "expected")


def test_claims_pronoun_takes_a_newer_subject():
    text = ("Macron zei dat er een kans is op vrede. Zelensky toonde zich voorzichtiger. "
            "Hij zei dat Oekraïne zich verdedigt.")
    assert ("UKR", "asserted") in run(text)


# spreken ... van, noun uses of cue verbs in the content, relative clauses, "gaat het om"
@pytest.mark.parametrize("text,expected", [
    # "spreken ... van" with an adverbial in the gap is a claim
    ("Stoltenberg sprak na het overleg van 'grote verschillen' met Moskou.", [("NATO", "asserted")]),
    ("Rutte sprak in Brussel van een ongekende daad van agressie.", [("NLD", "asserted")]),
    # but not when the gap holds "met": a conversation, no claim
    ("Rutte sprak met de minister van Defensie over de steun aan Kiev.", []),
    # a cue verb used as a noun in the content does not make a demand
    ("Blinken noemde die eisen onacceptabel.", [("USA", "asserted")]),
    ("Macron sprak van concrete voorstellen voor de regio.", [("FRA", "asserted")]),
    # "gaat het om" is no "gaan" + infinitive
    ("Volgens de NAVO gaat het om zo'n 30.000 militairen.", [("NATO", "asserted")]),
    # a modal in a relative clause describes a noun, it is not the speaker's prediction
    ("De waarschuwingen over een oorlog die morgen zou beginnen, schaden volgens Zelensky de economie.",
     [("UKR", "asserted")]),
    # "wil" + own infinitive the tagger reads as an adjective stays an intention
    ("Stoltenberg wilde de deur niet dichtdoen.", [("NATO", "expected")]),
])
def test_claims_discontinuous_noun_use_relative_dutch(text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a noun use of a cue verb inside the content
    ("Blinken said the proposals were a serious path.", [("USA", "asserted")]),
    # a modal in a relative clause does not make the claim a prediction
    ("NATO said the troops, which would stay for weeks, had arrived.", [("NATO", "asserted")]),
])
def test_claims_noun_use_relative_english(text, expected):
    assert run(text, "en") == expected


@pytest.mark.parametrize("text,expected", [
    # a future time word with only present-tense verbs is a prediction; with a past tense it is not
    ("Zaterdag houdt Rusland een grote oefening, meldt het Kremlin.", [("RUS", "expected")]),
    ("De troepen keren na de oefening terug naar hun kazernes, zei Peskov.", [("RUS", "expected")]),
    ("Zaterdag hield Rusland een grote oefening, meldt het Kremlin.", [("RUS", "asserted")]),
    # a cue verb under an obligation of its own clause is what someone must do, not a claim
    ("Burgers moeten volgens Hoekstra rekening houden met een snel vertrek.", [("NLD", "demanded")]),
])
def test_claims_polarity_present_future_and_obligation(text, expected):
    assert run(text) == expected


def names(text: str, lang: str = "nl") -> list[tuple]:
    art = Article(id="n", text=text, lang=lang, published=FEB)
    doc = nlp.parse(text, lang)
    return [(c.source, c.source_actor) for c in claims.extract(doc, art, actors.resolve(doc, art))]


@pytest.mark.parametrize("text,lang,expected", [
    # adjective + group noun, at the level of detail the text gives
    ("Volgens Europese diplomaten is de sfeer slecht.", "nl", [("European diplomats", "EU")]),
    ("Volgens een Europese diplomaat is de sfeer slecht.", "nl", [("European diplomat", "EU")]),
    ("Volgens de Amerikaanse inlichtingendiensten staan er veel troepen.", "nl",
     [("US intelligence agencies", "USA")]),
    ("Volgens de Oekraïense militaire inlichtingendienst staan er veel troepen.", "nl",
     [("Ukrainian military intelligence", "UKR")]),
    ("Many people were hurt, Israeli medics said.", "en", [("Israeli medics", "ISR")]),
    ("Egypt will send a delegation, a diplomatic source said.", "en", [("diplomatic source", None)]),
    ("Iran must sign soon, European diplomats said.", "en", [("European diplomats", None)]),
])
def test_claims_speaker_names_adjective_and_group(text, lang, expected):
    assert names(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a reception phrase: the place where it is received speaks
    ("In Kiev wordt de oefening met argusogen gevolgd.", "nl", [("Ukraine", "UKR")]),
    ("Het voorstel werd in Moskou met hoon ontvangen.", "nl", [("Russia", "RUS")]),
    ("In het Westen vindt die uitleg weinig geloof.", "nl", [("the West", None)]),
    ("The offer was greeted with scepticism in Kyiv.", "en", [("Ukraine", "UKR")]),
    # no identifiable place, no claim
    ("De oefening wordt met argusogen gevolgd.", "nl", []),
    # "Dat heeft X, <apposition>, gezegd": the content is the previous sentence
    ("Rusland heeft extra troepen gestuurd. Dat heeft de Amerikaanse minister Blinken, op bezoek in "
     "Kiev, maandag gezegd.", "nl", [("Antony Blinken", "USA")]),
    # adjacent mentions are one phrase, its head speaks
    ("De Russische minister Lavrov noemde het plan een provocatie.", "nl", [("Sergei Lavrov", "RUS")]),
    # a pronoun after a newly named person in its paragraph is that person
    ("Stoltenberg zei dat de NAVO klaarstaat.\nMinister Ollongren sloot zich aan. 'Wij zien niets', zei ze.",
     "nl", [("Jens Stoltenberg", "NATO"), ("Kajsa Ollongren", "NLD")]),
])
def test_claims_speaker_reception_apposition_and_pronoun(text, lang, expected):
    assert names(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a numeral or "beide" group names the last N actors of the sentences before
    ("Rusland, Oekraïne, Duitsland en Frankrijk overlegden in Parijs. De vier verklaarden na afloop dat ze "
     "het bestand steunen.", "nl",
     [("France", "FRA"), ("Germany", "DEU"), ("Russia", "RUS"), ("Ukraine", "UKR")]),
    ("Blinken sprak in Genève met Lavrov. Beide ministers lieten weten dat ze opnieuw willen praten.", "nl",
     [("Antony Blinken", "USA"), ("Sergei Lavrov", "RUS")]),
    ("Biden met Scholz in Berlin. Both leaders said the talks were useful.", "en",
     [("Joe Biden", "USA"), ("Olaf Scholz", "DEU")]),
    # more actors than the number: no guess
    ("Rusland, Oekraïne en Duitsland overlegden. De twee verklaarden dat ze het bestand steunen.", "nl", []),
    # the inverted subject of "spreken ... van" ends before the "van" of the cue
    ("In Parijs spraken adviseurs van de leiders van Rusland en Oekraïne acht uur met elkaar.", "nl", []),
])
def test_claims_group_references_and_spreken_van_subject(text, lang, expected):
    assert sorted(names(text, lang)) == expected


@pytest.mark.parametrize("text,expected", [
    # aux + object + participle: the object is the content ("tot nu toe" opens no subclause)
    ("De VN hebben tot nu toe 227 doden bevestigd.", [("UN", "asserted")]),
    # a separable particle before an extraposed phrase still closes the cue
    ("Johnson maakte sancties bekend tegen vijf banken.", [("GBR", "asserted")]),
    ("Poetin kondigt een operatie aan in de Donbas.", [("RUS", "expected")]),
    # "X maakte dat bekend": the content is the previous sentence ...
    ("Duitsland legt de bouw stil. Scholz maakte dat maandag bekend.", [("DEU", "asserted")]),
    # ... but a denial of it is anchored on itself
    ("Rusland beweert dat Kiev de aanval begon. Oekraïne spreekt dat tegen.", [("RUS", "asserted"), ("UKR", "denied")]),
])
def test_claims_object_content_extraposition_and_anaphoric_object(text, expected):
    assert run(text) == expected


def test_claims_anaphoric_object_takes_the_previous_sentence():
    text = "Duitsland legt de bouw stil. Scholz maakte dat maandag bekend."
    art = Article(id="a", text=text, lang="nl", published=FEB)
    doc = nlp.parse(text, "nl")
    (c,) = claims.extract(doc, art, actors.resolve(doc, art))
    assert c.content.text == "Duitsland legt de bouw stil"
    assert text[c.evidence.start_char:c.evidence.end_char] == c.evidence.text


@pytest.mark.parametrize("text,lang,expected", [
    # "It said" continues the last organisation, not a person
    ("The Georgian Interior Ministry said police were attacked. It said ten people were detained.", "en",
     [("Georgian Interior Ministry", "GEO"), ("Georgian Interior Ministry", "GEO")]),
    # an English abbreviation + group noun keeps the text's form
    ("ECB staff expect inflation to fall.", "en", [("ECB staff", "EU")]),
    # a state name that opens a longer capitalised name is an organisation named after it
    ("According to Iran Human Rights, many people were detained.", "en", [("Iran Human Rights", None)]),
    ("The deal holds, the prime minister's office said.", "en", [("Prime Minister's Office", None)]),
    # a named institution: the Israeli army
    ("Het Israëlische leger zegt dat er raketten zijn afgevuurd.", "nl", [("Israel Defense Forces", "ISR")]),
])
def test_claims_speaker_names_organisations(text, lang, expected):
    assert names(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a time word after the speaker of an inverted tail ("zei X gisteravond") keeps the quote as content
    ('"Ze zullen een hoge prijs betalen," zei Netanyahu gisteravond in een toespraak.', "nl", [("ISR", "expected")]),
    # "volgend jaar" with a present tense is a prediction
    ("Economen denken dat de prijs volgend jaar hoog blijft.", "nl", [(None, "expected")]),
    # "stelde voor ... te" proposes an action
    ("Lavrov stelde voor de gesprekken te verlengen.", "nl", [("RUS", "demanded")]),
    # the "to" of a that-clause is a preposition, not an infinitive marker
    ("Blinken warned that this could deal a blow to the talks.", "en", [("USA", "expected")]),
])
def test_claims_polarity_tail_time_future_proposal(text, lang, expected):
    assert run(text, lang) == expected
