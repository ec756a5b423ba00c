"""Events: PLOVER type, mode and dyad, from triggers, modality and hand-placed actor mentions.

Mentions are built by hand here so these tests check the event rules alone; the seed test
through the real actor layer lives in tests/extract/test_pipeline.py.
"""

import pytest
import spacy

from signaal.extract import events
from signaal.extract.spans import evidence
from signaal.records import Actor, Article, Claim, Mention

STATES = {"Rusland": "RUS", "Moskou": "RUS", "Oekraïne": "UKR", "Kiev": "UKR", "Russische": "RUS",
          "de VS": "USA", "Washington": "USA", "de EU": "EU", "NAVO": "NATO", "Polen": "POL",
          "Russia": "RUS", "Ukraine": "UKR", "Israël": "ISR", "Gaza": "PSE", "Iran": "IRN",
          "diverse landen": None, "Amsterdam": "NLD", "China": "CHN", "Taiwan": "TWN"}


def parse(text, lang):
    """A tokenised Doc without the trained model: these tests check the rules alone."""
    blank = spacy.blank(lang)
    blank.add_pipe("sentencizer")
    return blank(text)


def article_with(text, lang="nl"):
    return Article(id="t", text=text, lang=lang)


def mentions_for(article):
    out = []
    low = article.text.lower()
    for name, code in STATES.items():
        start = low.find(name.lower())
        while start >= 0:
            end = start + len(name)
            kind = "igo" if code in ("EU", "NATO") else "state"
            ev = evidence(article, start, end, 0, len(article.text))
            out.append(Mention(ev, Actor(id=name, name=name, kind=kind, country=code)))
            start = low.find(name.lower(), end)
    return [m for m in out if m.actor.country]


def run(text, lang="nl", claims=()):
    a = article_with(text, lang)
    doc = parse(text, lang)
    return events.extract(doc, a, mentions_for(a), claims)


def dyads(found):
    return [(e.type, e.mode, e.source_actor, e.target_actor) for e in found]


@pytest.mark.parametrize("text,expected", [
    ("Rusland is Oekraïne binnengevallen.", ("ASSAULT", "asserted", "RUS", "UKR")),
    ("Rusland heeft zo'n 130.000 militairen verzameld bij de grens met Oekraïne.",
     ("MOBILIZE", "asserted", "RUS", "UKR")),
    ("Rusland trekt zijn troepen terug van de grens met Oekraïne.", ("RETREAT", "asserted", "RUS", "UKR")),
    ("De EU kondigt nieuwe sancties tegen Rusland aan.", ("SANCTION", "asserted", "EU", "RUS")),
    ("Polen voert gesprekken met Oekraïne.", ("CONSULT", "asserted", "POL", "UKR")),
    ("De EU veroordeelt Rusland.", ("ACCUSE", "asserted", "EU", "RUS")),
    ("Israël voerde luchtaanvallen uit op Gaza.", ("ASSAULT", "asserted", "ISR", "PSE")),
    ("China houdt militaire oefeningen rond Taiwan.", ("MOBILIZE", "asserted", "CHN", "TWN")),
    ("In Amsterdam werden tien demonstranten gearresteerd.", ("COERCE", "asserted", "NLD", "NLD")),
])
def test_events_types_asserted(text, expected):
    assert expected in dyads(run(text))


@pytest.mark.parametrize("text,mode", [
    ("Rusland zal mogelijk deze week Oekraïne binnenvallen.", "expected"),
    ("Rusland is niet van plan Oekraïne binnen te vallen.", "denied"),
    ("Als Rusland Oekraïne binnenvalt, volgen zware gevolgen.", "hypothetical"),
    ("De EU overweegt sancties tegen Rusland.", "hypothetical"),
    ("Moskou is door diverse landen opgeroepen de spanningen te verminderen.", "demanded"),
    ("Rusland moet zijn troepen terugtrekken.", "demanded"),
])
def test_events_modes(text, mode):
    found = run(text)
    assert found and found[0].mode == mode, dyads(found)


def test_events_passive_demand_source_is_the_addressee_not_the_agent():
    found = run("Moskou is door diverse landen opgeroepen de spanningen te verminderen. Het gaat om Oekraïne.")
    assert dyads(found)[0] == ("RETREAT", "demanded", "RUS", "UKR")


@pytest.mark.parametrize("text,expected", [
    ("Russia has massed troops near Ukraine.", ("MOBILIZE", "asserted", "RUS", "UKR")),
    ("Russia will not invade Ukraine.", ("ASSAULT", "denied", "RUS", "UKR")),
    ("Russia could invade Ukraine next week.", ("ASSAULT", "expected", "RUS", "UKR")),
])
def test_events_english(text, expected):
    assert expected in dyads(run(text, "en"))


@pytest.mark.parametrize("text", [
    "Het weer in Den Haag was slecht.",
    "De top begint later door de storm.",
])
def test_events_no_event_without_trigger(text):
    assert run(text) == []


def test_events_denial_by_reference_denies_previous_event():
    text = ("De VS denken dat Rusland Oekraïne zal aanvallen. "
            "Moskou heeft ontkend dat daar plannen voor zijn.")
    a = article_with(text)
    s2 = text.index("Moskou")
    denial = Claim(id="c", source="Russia", source_actor="RUS", cue="ontkend", polarity="denied",
                   direct=False, content=None, evidence=evidence(a, s2, len(text), s2, len(text)))
    found = events.extract(parse(text, "nl"), a, mentions_for(a), [denial])
    assert ("ASSAULT", "expected", "RUS", "UKR") in dyads(found)
    assert ("ASSAULT", "denied", "RUS", "UKR") in dyads(found)


def test_events_teasers_yield_nothing():
    from signaal.records import Region

    text = "Het nieuws.\n\nLees ook:\n\nRusland valt Oekraïne binnen"
    start = text.index("Lees ook")
    a = Article(id="t", text=text, lang="nl", regions=(Region("teasers", start, len(text)),))
    assert events.extract(parse(text, "nl"), a, mentions_for(a), []) == []


def test_events_evidence_is_exact_and_versioned():
    text = "Eerst dit. Rusland is Oekraïne binnengevallen."
    e = run(text)[0]
    assert text[e.evidence.start_char:e.evidence.end_char] == e.evidence.text == "binnengevallen"
    assert e.evidence.sentence == "Rusland is Oekraïne binnengevallen."
    assert e.extractor == events.EXTRACTOR


def test_events_weights_order_modes():
    w = events.weights()
    assert w[("ASSAULT", "asserted")] < w[("ASSAULT", "expected")] < w[("ASSAULT", "denied")] < 0
    assert events.cameo()["ASSAULT"] == "19"
