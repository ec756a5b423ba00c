"""Quantities: numbers, hedges, ranges, units and the exclusions of ANNOTATION.md."""

import pytest

from signaal import nlp
from signaal.extract import actors, claims
from signaal.extract.quantities import extract, parse_digits, parse_word, scan
from signaal.records import Article


def one(sentence, lang="nl"):
    found = list(scan(sentence, 0, lang))
    assert len(found) == 1, found
    q = found[0]
    q["span"] = sentence[q["start"]:q["end"]]
    return q


@pytest.mark.parametrize("raw,lang,value", [
    ("130.000", "nl", 130000), ("4,3", "nl", 4.3), ("1.234.567,5", "nl", 1234567.5),
    ("130,000", "en", 130000), ("4.3", "en", 4.3), ("14.32", "nl", None), ("1.23", "nl", None),
])
def test_quantities_parse_digits_separators(raw, lang, value):
    assert parse_digits(raw, lang) == value


@pytest.mark.parametrize("word,value", [("honderddertig", 130), ("dertigduizend", 30000),
                                        ("een", None), ("tweede", None), ("tienduizenden", None)])
def test_quantities_parse_word(word, value):
    assert parse_word(word, "nl") == value


@pytest.mark.parametrize("sentence,value,value_max,approx,unit,span", [
    ("Volgens de VS heeft Rusland zo’n 130.000 militairen verzameld.", 130000, None, True, "troops",
     "zo’n 130.000 militairen"),
    ("De inflatie kwam uit op 4,3 procent.", 4.3, None, False, "percent", "4,3 procent"),
    ("Brussel trekt 12 miljard euro uit.", 12_000_000_000, None, False, "EUR", "12 miljard euro"),
    ("Er vielen tussen de 20 en 30 doden.", 20, 30, True, "deaths", "tussen de 20 en 30 doden"),
    ("Er liepen twee- tot driehonderd demonstranten mee.", 200, 300, True, "protesters",
     "twee- tot driehonderd demonstranten"),
    ("De politie verrichtte bijna 3.000 arrestaties.", 3000, None, True, "arrests", "bijna 3.000 arrestaties"),
    ("Ruim 1,5 miljoen mensen zijn gevlucht.", 1_500_000, None, True, "people", "Ruim 1,5 miljoen mensen"),
    ("Het overleg duurde vijf uur.", 5, None, False, "hours", "vijf uur"),
    ("Het gaat om meer dan 100 bataljonsgroepen.", 100, None, True, "battalion tactical groups",
     "meer dan 100 bataljonsgroepen"),
    ("Er staan 130.000 Russische militairen klaar.", 130000, None, False, "troops",
     "130.000 Russische militairen"),
    ("Washington stuurt € 5 miljard.", 5_000_000_000, None, False, "EUR", "€ 5 miljard"),
    # a range needs no unit, and its upper bound may carry a hedge
    ("Schattingen lopen uiteen van 20.000 tot ruim 25.000.", 20000, 25000, True, None, "20.000 tot ruim 25.000"),
])
def test_quantities_dutch_cases(sentence, value, value_max, approx, unit, span):
    q = one(sentence)
    assert (q["value"], q["value_max"], q["approx"], q["unit"], q["span"]) == (value, value_max, approx, unit, span)


@pytest.mark.parametrize("sentence,value,unit", [
    ("About 130,000 Russian troops are at the border.", 130000, "troops"),
    ("Inflation rose to 4.3% in March.", 4.3, "percent"),
    ("The EU pledged 1.2 billion euros.", 1_200_000_000, "EUR"),
])
def test_quantities_english_cases(sentence, value, unit):
    q = one(sentence, "en")
    assert (q["value"], q["unit"]) == (value, unit)


@pytest.mark.parametrize("sentence", [
    "De F-35 en de S-400 staan klaar.",          # names
    "D66 en het CDA zijn het eens.",            # party name
    "Op 24 februari 2022 begon de inval.",      # dates and years
    "In 2014 annexeerde Rusland de Krim.",      # year
    "Om 14.32 uur kwam het bericht.",           # clock time
    "Het was de tweede keer deze week.",        # ordinal
    "De twee landen spraken elkaar.",           # small listed set
    "Twee uur na het telefoontje volgde een verklaring.",  # time offset
    "Dat gebeurde 50 jaar geleden.",            # time point, not a quantity
    "De 69-jarige president sprak.",           # age
    "Tienduizenden mensen en honderden doden.",  # vague plural number words
    "Er kwam een verklaring.",                  # the article 'een'
])
def test_quantities_exclusions(sentence):
    assert list(scan(sentence, 0, "nl")) == []


def test_quantities_offsets_are_exact():
    text = "Inleiding. Volgens Kiev zijn er zo'n 3.000 doden gevallen."
    s = text.index("Volgens")
    q = list(scan(text[s:], s, "nl"))[0]
    assert text[q["start"]:q["end"]] == "zo'n 3.000 doden"


def _claimants(text: str, lang: str = "nl") -> list[tuple]:
    art = Article(id="q", text=text, lang=lang)
    doc = nlp.parse(text, lang)
    found = claims.extract(doc, art, actors.resolve(doc, art))
    return [(q.value, q.claimed_by) for q in extract(doc, art, found)]


@pytest.mark.parametrize("text,lang,expected", [
    # the content sentence before "Dat heeft X gezegd" is X's
    ("Rusland heeft 150.000 militairen gestuurd. Dat heeft minister Blinken, op bezoek in Kiev, gezegd.",
     "nl", [(150000, "Antony Blinken")]),
    # adjective + group noun names the claimant at the text's level of detail
    ("Volgens Europese diplomaten gaat het om zeven banken.", "nl", [(7, "European diplomats")]),
    ("Twelve people were killed, Israeli medics said.", "en", [(12, "Israeli medics")]),
    # a number in a clause before the content of a claim is the narrator's
    ("Duitsland stuurde 5.000 helmen, een gebaar dat in Kiev met hoon werd ontvangen.", "nl",
     [(5000, "narrator")]),
])
def test_quantities_claimant_through_claims(text, lang, expected):
    assert _claimants(text, lang) == expected


@pytest.mark.parametrize("sentence,lang,value,unit,span", [
    ("Macron belde ruim anderhalf uur met Poetin.", "nl", 1.5, "hours", "ruim anderhalf uur"),
    ("Ze begonnen aan een tiendaagse oefening.", "nl", 10, "days", "tiendaagse"),
    ("Het wordt een 10-daagse oefening.", "nl", 10, "days", "10-daagse"),
    ("His two-day visit ended.", "en", 2, "days", "two-day"),
    ("At least a dozen protesters were detained.", "en", 12, "protesters", "At least a dozen protesters"),
    ("De beurs verloor bijna een derde van haar waarde.", "nl", 0.333333, "fraction",
     "bijna een derde van haar waarde"),
    ("Russia can no longer use half of its reserves.", "en", 0.5, "fraction", "half of its reserves"),
    ("Vijf van de raketten kwamen neer in zee.", "nl", 5, "missiles", "Vijf van de raketten"),
    ("De regering wilde dat het bedrag van 7,5 miljard werd bevroren.", "nl", 7_500_000_000, None, "7,5 miljard"),
    ("Nederland stuurt in april twee F-35-gevechtsvliegtuigen.", "nl", 2, "fighter jets",
     "twee F-35-gevechtsvliegtuigen"),
    ("Er vielen 12 burgerdoden.", "nl", 12, "deaths", "12 burgerdoden"),          # compound ending in a unit
    ("Er zijn 'wel 7000' Russische militairen gestuurd.", "nl", 7000, "troops", "wel 7000' Russische militairen"),
    ("Van de zeventien beloofde hervormingen is weinig over.", "nl", 17, "hervormingen",
     "zeventien beloofde hervormingen"),
])
def test_quantities_number_words_fractions_compounds(sentence, lang, value, unit, span):
    q = one(sentence, lang)
    assert (q["value"], q["unit"], q["span"]) == (value, unit, span)


def test_quantities_change_lends_the_unit_to_the_old_value():
    found = list(scan("De bank verhoogde de rente in één klap van 9,5 naar 20 procent.", 0, "nl"))
    assert [(q["value"], q["unit"]) for q in found] == [(9.5, "percent"), (20, "percent")]


@pytest.mark.parametrize("sentence,lang", [
    ("Het risico is groter dan ooit in de afgelopen dertig jaar.", "nl"),  # a time expression
    ("De waarnemers telden de afgelopen twee dagen meer beschietingen.", "nl"),
    ("Ze stonden er al sinds zes uur 's ochtends.", "nl"),                 # clock time
    ("The truce began at 2 am local time.", "en"),
    ("Alles veranderde in één klap.", "nl"),                               # idiom
    ("A 10-year-old girl was hurt.", "en"),                                # age
    ("Over the past three weeks the talks stalled.", "en"),
])
def test_quantities_more_exclusions(sentence, lang):
    assert list(scan(sentence, 0, lang)) == []


@pytest.mark.parametrize("text,expected", [
    # a bare number after "er" counts what was counted just before
    ("Gisteren vlogen 22 Chinese toestellen door de zone. Vandaag waren het er 27.",
     [(22, "aircraft"), (27, "aircraft")]),
    # ... and nothing when nothing was counted
    ("Het kabinet wil dat er 27 komen.", []),
])
def test_quantities_elliptic_er(text, expected):
    art = Article(id="q", text=text, lang="nl")
    doc = nlp.parse(text, "nl")
    assert [(q.value, q.unit) for q in extract(doc, art, [])] == expected


def test_quantities_innermost_claim_claims_the_number():
    text = ("Oekraïne noemt die cijfers te laag. Het Oekraïense leger stelt dat er zeker 5840 Russische "
            "militairen zijn gesneuveld. Dat meldde het ministerie van Defensie in Kiev vanochtend.")
    assert _claimants(text) == [(5840, "Ukrainian Army")]
