"""Events: PLOVER type, mode and dyad, from triggers, modality and hand-placed actor mentions.

Mentions are built by hand here so these tests check the event rules alone; the seed test
through the whole pipeline lives in tests/extract/test_events_seed.py.
"""

import pytest
import spacy

from signaal.extract import events, pipeline
from signaal.extract.spans import evidence
from signaal.records import Actor, Article, Claim, Mention

STATES = {"Rusland": "RUS", "Moskou": "RUS", "Oekraïne": "UKR", "Kiev": "UKR", "Russische": "RUS",
          "de VS": "USA", "Washington": "USA", "de EU": "EU", "NAVO": "NATO", "Polen": "POL",
          "Russia": "RUS", "Ukraine": "UKR", "Israël": "ISR", "Gaza": "PSE", "Iran": "IRN",
          "diverse landen": None, "Amsterdam": "NLD", "China": "CHN", "Taiwan": "TWN",
          "Estland": "EST", "Belarus": "BLR", "NATO": "NATO", "the EU": "EU", "Sherman": None}


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
            kind = "person" if code is None else "igo" if code in ("EU", "NATO") else "state"
            ev = evidence(article, start, end, 0, len(article.text))
            out.append(Mention(ev, Actor(id=name, name=name, kind=kind, country=code)))
            start = low.find(name.lower(), end)
    return out


def run(text, lang="nl", claims=()):
    a = article_with(text, lang)
    doc = parse(text, lang)
    return events.extract(doc, a, mentions_for(a), claims)


def dyads(found):
    return [(e.type, e.mode, e.source_actor, e.target_actor) for e in found]


def typed(text, etype, lang="nl", date="2022-03", last_sentence=False):
    """The dyads of one type the whole pipeline finds (in the text's last sentence only, if asked)."""
    found = pipeline.extract(text, lang=lang, date=date).events
    if last_sentence:
        found = [e for e in found if e.evidence.sentence == text.split(". ")[-1]]
    return [d for d in dyads(found) if d[0] == etype]


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
    ("Als Rusland Oekraïne binnenvalt, volgen zware sancties.", "hypothetical"),
    ("Polen is bereid opnieuw met Rusland te praten.", "hypothetical"),
    ("Oekraïne zal geen enkele concessie doen aan Rusland.", "denied"),
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


def claim(text, cue, content, source, code, polarity="asserted", speaker=None):
    """A hand-built claim over ``text``: its cue word, content span and speaker span."""
    a = article_with(text)
    c0 = text.index(content)
    sp = speaker or source
    s0 = text.index(sp)
    return Claim(id="c", source=source, source_actor=code, cue=cue, polarity=polarity, direct=False,
                 content=evidence(a, c0, c0 + len(content), 0, len(text)),
                 evidence=evidence(a, 0, len(text), 0, len(text)),
                 speaker=evidence(a, s0, s0 + len(sp), 0, len(text)))


@pytest.mark.parametrize("text,expected", [
    ("Rusland en Oekraïne hebben afgesproken de gesprekken voort te zetten.", ("AGREE", "asserted", "RUS", "UKR")),
    ("Woensdag praten Rusland en de NAVO met elkaar in Brussel.", ("CONSULT", "asserted", "RUS", "NATO")),
    ("Polen steunt Oekraïne.", ("SUPPORT", "asserted", "POL", "UKR")),
    ("Rusland houdt een gezamenlijke oefening met Belarus.", ("COOPERATE", "asserted", "RUS", "BLR")),
    ("In Amsterdam demonstreerden duizenden boeren.", ("PROTEST", "asserted", "NLD", "NLD")),
    ("Oekraïne zal geen enkele concessie doen aan Rusland.", ("CONCEDE", "denied", "UKR", "RUS")),
    ("Rusland is niet van plan Oekraïne aan te vallen.", ("ASSAULT", "denied", "RUS", "UKR")),
    ("Rusland heeft 100.000 militairen bij de grens gelegerd.", ("MOBILIZE", "asserted", "RUS", None)),
])
def test_events_more_types_dutch(text, expected):
    assert expected in dyads(run(text))


def test_events_coordinated_sources_each_act():
    found = dyads(run("Estland en Polen stuurden antitankwapens naar Oekraïne."))
    assert ("AID", "asserted", "EST", "UKR") in found and ("AID", "asserted", "POL", "UKR") in found


@pytest.mark.parametrize("text,cue,content,source,code,polarity,expected", [
    ("Polen noemde het besluit van Rusland 'onwettig'.", "noemde", "het besluit van Rusland 'onwettig'",
     "Polen", "POL", "asserted", ("ACCUSE", "asserted", "POL", "RUS")),
    ("Polen noemde de eisen van Rusland onacceptabel.", "noemde", "de eisen van Rusland onacceptabel",
     "Polen", "POL", "asserted", ("REJECT", "asserted", "POL", "RUS")),
    ("Polen waarschuwde dat Rusland een hoge prijs zal betalen als het Oekraïne aanvalt.", "waarschuwde",
     "Rusland een hoge prijs zal betalen als het Oekraïne aanvalt", "Polen", "POL", "expected",
     ("THREATEN", "asserted", "POL", "RUS")),
    ("Rusland wil garanties van de NAVO.", "wil", "garanties van de NAVO", "Rusland", "RUS", "demanded",
     ("REQUEST", "asserted", "RUS", "NATO")),
    ("Oekraïne prijst de steun van Polen.", "prijst", "de steun van Polen", "Oekraïne", "UKR", "asserted",
     ("SUPPORT", "asserted", "UKR", "POL")),
])
def test_events_speech_acts_have_the_speaker_as_source(text, cue, content, source, code, polarity, expected):
    c = claim(text, cue, content, source, code, polarity)
    assert expected in dyads(run(text, claims=[c]))


def test_events_speaker_country_from_earlier_apposition():
    text = "De Amerikaanse onderhandelaar Sherman was kritisch. Sherman noemde de eisen onacceptabel."
    s2 = text.index("Sherman noemde")
    a = article_with(text)
    c = Claim(id="c", source="Sherman", source_actor=None, cue="noemde", polarity="asserted", direct=False,
              content=evidence(a, text.index("de eisen"), len(text) - 1, s2, len(text)),
              evidence=evidence(a, s2, len(text), s2, len(text)),
              speaker=evidence(a, s2, s2 + len("Sherman"), s2, len(text)))
    ms = mentions_for(a) + [Mention(evidence(a, text.index("Amerikaanse"), text.index("Amerikaanse") + 11, 0, 50),
                                    Actor(id="USA", name="VS", kind="state", country="USA"))]
    found = events.extract(parse(text, "nl"), a, ms, [c])
    assert [(e.type, e.source_actor) for e in found] == [("REJECT", "USA")]


def test_events_threat_condition_is_no_event():
    text = "Polen waarschuwde dat Rusland een hoge prijs zal betalen als het Oekraïne aanvalt."
    c = claim(text, "waarschuwde", "Rusland een hoge prijs zal betalen als het Oekraïne aanvalt",
              "Polen", "POL", "expected")
    assert "ASSAULT" not in [e.type for e in run(text, claims=[c])]


@pytest.mark.parametrize("text", [
    "Het overleg duurde bijna acht uur.",  # a re-mention of talks, no new event
    "De Russische onderhandelaar zei niets.",  # a negotiator is a person, not talks
    "De dreigende taal van Rusland viel op.",  # an adjectival participle is no trigger
    "Als Rusland Oekraïne binnenvalt, is dat een ramp.",  # the condition itself is not annotated
])
def test_events_traps_yield_nothing(text):
    assert dyads(run(text)) == []


@pytest.mark.parametrize("text,expected", [
    ("NATO and Russia held talks in Geneva.", ("CONSULT", "asserted", "NATO", "RUS")),
    ("Ukraine rejected the demands of Russia.", ("REJECT", "asserted", "UKR", "RUS")),
    ("Russia condemned the sanctions of the EU.", ("ACCUSE", "asserted", "RUS", "EU")),
])
def test_events_english_more_types(text, expected):
    assert expected in dyads(run(text, "en"))


@pytest.mark.parametrize("text,mode", [
    ("If Russia invades Ukraine, the EU will impose sanctions.", "hypothetical"),
    ("Russia is ready to withdraw troops from Ukraine.", "hypothetical"),
    ("The EU urged Russia to withdraw its troops.", "demanded"),
    ("Russia denies it plans an invasion of Ukraine.", "denied"),
])
def test_events_english_modes(text, mode):
    found = [e for e in run(text, "en") if e.type != "ASSAULT" or "invasion" in text]
    assert found and found[0].mode == mode, dyads(found)


@pytest.mark.parametrize("text", [
    "Hij moet nog zien of de troepen van Rusland de aftocht blazen.",  # a question is no event
    "Moskou gaf enigszins de-escalerende signalen af.",  # participle as adjective
])
def test_events_uncertain_and_adjectival_traps(text):
    assert dyads(run(text)) == []


def test_events_demonym_before_noun_names_the_attacker():
    text = "Er is grote zorg over de dreiging van een Russische inval in Oekraïne."
    assert dyads(run(text)) == [("ASSAULT", "expected", "RUS", "UKR")]


def test_events_government_speaks_about_its_own_forces():
    text = "Het ministerie zegt dat de grootschalige oefeningen in het land doorgaan."
    c = claim(text, "zegt", "de grootschalige oefeningen in het land doorgaan", "Het ministerie", "RUS")
    assert ("MOBILIZE", "asserted", "RUS", None) in dyads(run(text, claims=[c]))


def _denial(text, cue_start, content):
    a = article_with(text)
    c0 = text.index(content, cue_start)
    return Claim(id="d", source="Russia", source_actor="RUS", cue="x", polarity="denied", direct=False,
                 content=evidence(a, c0, c0 + len(content), cue_start, len(text)),
                 evidence=evidence(a, cue_start, len(text), cue_start, len(text)))


@pytest.mark.parametrize("second,content,denied", [
    ("Moskou spreekt dat tegen.", "dat", True),  # a bare contradiction of the sentence before
    ("Moskou ontkent elke betrokkenheid.", "elke betrokkenheid", True),
    ("Moskou ontkent dat het Westen gelijk heeft over de cijfers.",  # a clause of its own
     "het Westen gelijk heeft over de cijfers", False),
    ("Moskou noemde dat overdreven.", "dat overdreven", False),  # no denial verb
])
def test_events_short_denial_denies_the_sentence_before(second, content, denied):
    text = "Rusland heeft Oekraïne gisteren aangevallen. " + second
    d = _denial(text, text.index("Moskou"), content)
    found = events.extract(parse(text, "nl"), article_with(text), mentions_for(article_with(text)), [d])
    assert (("ASSAULT", "denied", "RUS", "UKR") in dyads(found)) is denied


def test_events_short_denial_skips_talks_and_older_sentences():
    text = ("Rusland heeft Oekraïne gisteren aangevallen. Het weer was slecht. "
            "Polen en Oekraïne spraken elkaar. Moskou spreekt dat tegen.")
    d = _denial(text, text.index("Moskou"), "dat")
    found = events.extract(parse(text, "nl"), article_with(text), mentions_for(article_with(text)), [d])
    assert [e for e in found if e.mode == "denied"] == []


@pytest.mark.parametrize("text,expected", [
    # sanctions are aimed at the story's other side when the sentence names none
    ("Rusland valt Oekraïne aan. Rusland rukt op. De EU kondigt sancties aan.",
     ("SANCTION", "asserted", "EU", "RUS")),
    # a domestic story: its state acts towards itself
    ("In Amsterdam werden gisteren betogers opgepakt. Amsterdam heeft een akkoord gesloten.",
     ("AGREE", "asserted", "NLD", "NLD")),
])
def test_events_default_targets(text, expected):
    assert expected in dyads(run(text)), dyads(run(text))


def _timex(a, word, start=None):
    from signaal.records import TimeExpression

    s = a.text.index(word)
    return TimeExpression(id=word, text=word, evidence=evidence(a, s, s + len(word), 0, len(a.text)),
                          start=start, resolved=start)


@pytest.mark.parametrize("text,word,start,mode", [
    ("Morgen praten Polen en Oekraïne in Warschau.", "Morgen", None, "expected"),
    ("Woensdag praten Polen en Oekraïne in Warschau.", "Woensdag", "2022-02-16", "expected"),
    ("Maandag praten Polen en Oekraïne in Warschau.", "Maandag", "2022-02-14", "asserted"),  # the day itself
    ("Vorige week praatten Polen en Oekraïne in Warschau.", "Vorige week", None, "asserted"),
])
def test_events_future_date_makes_present_tense_expected(text, word, start, mode):
    from datetime import datetime

    from signaal.records import Interval

    day = Interval(datetime(2022, 2, 14), datetime(2022, 2, 14, 23, 59, 59), "day")
    a = Article(id="t", text=text, lang="nl", published=day)
    found = events.extract(parse(text, "nl"), a, mentions_for(a), [], [_timex(a, word, start)])
    assert ("CONSULT", mode, "POL", "UKR") in dyads(found), dyads(found)


def test_events_comma_list_of_sources_each_act():
    text = "Estland, Polen en Belarus sturen antitankwapens naar Oekraïne."
    assert {e.source_actor for e in run(text) if e.type == "AID"} == {"EST", "POL", "BLR"}


@pytest.mark.parametrize("text,lang,expected", [
    ("Het ministerie ontbood de Russische ambassadeur.", "nl", ("ACCUSE", "asserted", None, "RUS")),
    ("Polen heeft een formeel protest ingediend bij China.", "nl", ("ACCUSE", "asserted", "POL", "CHN")),
    ("Taiwan lodged a protest with China.", "en", ("ACCUSE", "asserted", "TWN", "CHN")),
])
def test_events_diplomatic_rebukes_are_accusations(text, lang, expected):
    found = dyads(run(text, lang))
    assert any(f[:2] == expected[:2] and f[3] == expected[3] and expected[2] in (None, f[2]) for f in found)
    assert "PROTEST" not in [f[0] for f in found]  # a diplomatic protest is no demonstration


@pytest.mark.parametrize("text,lang", [
    ("Rusland en Oekraïne geven elkaar de schuld.", "nl"),
    ("Russia and Ukraine blamed each other.", "en"),
])
def test_events_reciprocal_accusation_gives_both_directions(text, lang):
    found = dyads(run(text, lang))
    assert ("ACCUSE", "asserted", "RUS", "UKR") in found and ("ACCUSE", "asserted", "UKR", "RUS") in found


@pytest.mark.parametrize("text,targets", [
    ("Oekraïne veroordeelt Rusland en Belarus.", {"RUS", "BLR"}),  # one event per coordinated target
    ("Oekraïne veroordeelt Rusland, Polen keurt Belarus af.", {"RUS"}),  # another clause
    ("Rusland en Oekraïne praten met Polen en Estland.", {"UKR"}),  # a multilateral meeting: one dyad
])
def test_events_coordinated_targets_each_get_an_event(text, targets):
    found = run(text)
    assert {e.target_actor for e in found if e.type in ("ACCUSE", "CONSULT")} == targets, dyads(found)


@pytest.mark.parametrize("text,expected", [
    ("Rusland wil geen oorlog met Oekraïne.", ("ASSAULT", "denied", "RUS", "UKR")),
    ("Rusland is niet van plan Oekraïne te bezetten.", ("ASSAULT", "denied", "RUS", "UKR")),
    ("Rusland heeft aanvalsplannen tegen Oekraïne.", ("ASSAULT", "asserted", "RUS", "UKR")),
    ("Russia launched a cyberattack on Ukraine.", ("ASSAULT", "asserted", "RUS", "UKR")),
])
def test_events_war_and_occupation_words(text, expected):
    lang = "en" if text.startswith("Russia ") else "nl"
    assert expected in dyads(run(text, lang)), dyads(run(text, lang))


@pytest.mark.parametrize("text", [
    "De ambassade van Polen in Kiev werkt met een kleine bezetting.",  # staffing, no occupation
    "De oorlog van Rusland in Oekraïne duurt voort.",  # background mention of a war
])
def test_events_war_and_occupation_traps(text):
    assert "ASSAULT" not in [e.type for e in run(text)]


@pytest.mark.parametrize("text,n", [
    ("Volgens Polen verliep het gesprek stroef.", 0),  # definite talks only re-mention the meeting
    ("Oekraïne volgde het overleg op afstand.", 0),
    ("Rusland is boos over het bezoek van Polen aan Taiwan.", 1),  # a party named after the noun
])
def test_events_definite_talks_need_a_party(text, n):
    assert len([e for e in run(text) if e.type == "CONSULT"]) == n, dyads(run(text))


@pytest.mark.parametrize("text,expected", [
    # the addressee of an appeal or reproach, between the speaker and the content, is the target
    ("Rusland heeft de NAVO opgeroepen snel schriftelijk te reageren op de voorstellen.",
     [("REQUEST", "asserted", "RUS", "NATO")]),
    ("President Zelensky verweet de NAVO dat zij geen no-flyzone wil instellen.",
     [("ACCUSE", "asserted", "UKR", "NATO")]),
])
def test_events_addressee_with_the_real_layers(text, expected):
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [(e.type, e.mode, e.source_actor, e.target_actor) for e in found] == expected


def test_events_where_troops_go_is_no_target():
    # "troepen naar Belarus" are not Belarus's troops, and Belarus is where they go, not whom they
    # face; with no one named, a build-up has no target (not even the story's other side)
    text = ("Oekraïne vreest een aanval van Rusland. Oekraïne vraagt steun. "
            "Rusland heeft troepen naar Belarus gestuurd.")
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [(e.source_actor, e.target_actor) for e in found if e.type == "MOBILIZE"] == [("RUS", None)]


def test_events_announced_sanctions_are_each_speakers_own():
    text = ("Rusland erkende de volksrepublieken. Oekraïne is woedend op Rusland. "
            "Ook de EU, de VS en Groot-Brittannië kondigden sancties aan.")
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert sorted(e.source_actor for e in found if e.type == "SANCTION") == ["EU", "GBR", "USA"]


@pytest.mark.parametrize("text,expected", [
    # a quoted "we" is the speaker's side; "niemand" negates
    ("Rusland bedreigt Oekraïne. 'We zullen Oekraïne niet aanvallen', zei Lavrov.",
     ("ASSAULT", "denied", "RUS", "UKR")),
    ("Rusland bedreigt Oekraïne. De Belarussische minister Viktor Chrenin sprak in Minsk. "
     "„Wij gaan met niemand vechten”, verklaarde hij.", ("ASSAULT", "denied", "BLR", None)),
])
def test_events_quoted_we_is_the_speakers_side(text, expected):
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [(e.type, e.mode, e.source_actor, e.target_actor) for e in found if e.type == "ASSAULT"] == [expected]


def test_events_signs_of_deescalation_are_the_other_sides():
    # the speaker observes: "geen tekenen van de-escalatie" is a RETREAT of the side that would pull back
    text = ("Rusland zegt dat het troepen terugtrekt. "
            "‘Wij zien geen signalen van een echte terugtrekking’, zei de Amerikaanse minister.")
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [(e.mode, e.source_actor) for e in found if e.type == "RETREAT"] == [("asserted", "RUS"), ("denied", "RUS")]


@pytest.mark.parametrize("text,etype", [
    # a noun trigger as a time or a condition is no event
    ("Voor het eerst sinds het begin van de inval heeft Rusland cijfers bekendgemaakt.", "ASSAULT"),
    ("Rusland en Oekraïne spraken maandag voor het eerst sinds de Russische inval met elkaar.", "ASSAULT"),
    ("Oekraïne wil sancties die al vóór een eventuele inval ingaan.", "ASSAULT"),
    ("De minister zegt dat de Wit-Russische troepen na afloop van de militaire oefening naar huis gaan.", "MOBILIZE"),
    # advice to the public is no REQUEST
    ("Het kabinet roept alle Nederlanders in Oekraïne op het land zo snel mogelijk te verlaten.", "REQUEST"),
    ("De president riep de bevolking op kalm te blijven.", "REQUEST"),
    ("Volgens de minister moeten Amerikanen in Oekraïne binnen 48 uur vertrekken.", "REQUEST"),
])
def test_events_background_and_public_advice_yield_no_event(text, etype):
    found = pipeline.extract(text, lang="nl", date="2022-03").events
    assert [e.type for e in found if e.type == etype] == []


@pytest.mark.parametrize("text,lang,expected", [
    # "a price to pay" is a threat by the speaker against the one who will pay
    ("Yoon, speaking before boarding his plane, said North Korea would \"pay a clear price\" for its provocations.",
     "en", ("THREATEN", "asserted", "KOR", "PRK")),
    ("De Verenigde Staten zullen 'de prijs betalen’ voor hun handelen, aldus een woordvoerder van het Chinese ministerie.",
     "nl", ("THREATEN", "asserted", "CHN", "USA")),
])
def test_events_a_price_to_pay_is_a_threat(text, lang, expected):
    found = pipeline.extract(text, lang=lang, date="2022-08").events
    assert [(e.type, e.mode, e.source_actor, e.target_actor) for e in found if e.type == "THREATEN"] == [expected]


def test_events_finding_that_another_did_too_little_is_an_accusation():
    text = ("Het kabinet presenteerde vandaag het plan. "
            "PvdA en GroenLinks vinden dat de coalitie te weinig doet aan de koopkracht.")
    found = pipeline.extract(text, lang="nl", date="2021-12-15").events
    assert {(e.type, e.source_actor) for e in found} == {("ACCUSE", "NLD")}


def test_events_sending_ships_and_jets_is_mobilize_and_aid_to_where_they_go():
    found = pipeline.extract("Denemarken stuurt een fregat naar de Oostzee en vier F-16's naar Litouwen.",
                             lang="nl", date="2022-01-24").events
    assert [(e.type, e.mode, e.source_actor) for e in found] == [("MOBILIZE", "asserted", "DNK"),
                                                                   ("AID", "asserted", "DNK")]
    assert found[1].target_actor == "LTU"


def test_events_against_own_people_target_the_source():
    # without the own-people rule the story's counterpart (USA) became the target
    found = pipeline.extract("The United States condemned Iran. Iranian security forces attacked protesters in Tehran.",
                             lang="en", date="2022-11").events
    assert ("ASSAULT", "IRN", "IRN") in {(e.type, e.source_actor, e.target_actor) for e in found}


@pytest.mark.parametrize("text,kept", [
    # a definite attack in the content of a condemnation re-mentions the story's attack
    ("Rusland viel Oekraïne binnen. NAVO-chef Stoltenberg veroordeelt de 'roekeloze en niet-uitgelokte aanval'.", 1),
    # ... an indefinite one is new
    ("Rusland erkende de republieken. Biden noemde de erkenning 'het begin van een Russische invasie'.", 1),
    # missiles fired in exercises are a show of force, no attack
    ("Het Chinese leger heeft tijdens militaire oefeningen rond Taiwan ballistische raketten afgevuurd.", 0),
])
def test_events_judged_again_and_shows_of_force(text, kept):
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert len([e for e in found if e.type == "ASSAULT"]) == kept


@pytest.mark.parametrize("text,lang,expected", [
    ("De Nederlandse regering ging uiteindelijk akkoord met het compromis.", "nl", ("AGREE", "NLD")),
    ("De EU-ministers werden het vandaag in Parijs eens over een eerste pakket.", "nl", ("AGREE", "EU")),
    ("De Europese Commissie houdt het Poolse herstelplan voorlopig tegen.", "nl", ("SANCTION", "EU")),
    ("China legde ook handelsmaatregelen op tegen Taiwan.", "nl", ("SANCTION", "CHN")),
    ("Intussen stuurt Nederland een tweede zending militaire goederen naar Oekraïne.", "nl", ("AID", "NLD")),
    ("Boze boeren hebben maandag distributiecentra van supermarkten geblokkeerd.", "nl", ("PROTEST", None)),
    ("Honderdduizenden Polen gingen daarna de straat op.", "nl", ("PROTEST", None)),
    ("Nederlandse boeren protesteren in Den Haag. De politie hield dertien mensen aan.", "nl", ("COERCE", None)),
    ("Ollongren zei dat Nederland 'solidair' is met de bondgenoten in Oost-Europa.", "nl", ("SUPPORT", None)),
    ("Israel's security cabinet voted late on Thursday to accept the Egyptian proposal.", "en", ("AGREE", "ISR")),
    ("Minutes later a Hamas official confirmed that the group would also hold its fire.", "en", ("RETREAT", "PSE")),
])
def test_events_added_triggers(text, lang, expected):
    """Triggers added to lexicon/<lang>/events.tsv: the type, and the source where the sentence names it."""
    etype, source = expected
    found = pipeline.extract(text, lang=lang, date="2022-06-27").events
    assert any(e.type == etype and (source is None or e.source_actor == source) for e in found), found


@pytest.mark.parametrize("text,lang,expected", [
    # no event before: the judged thing is the act of the sentence before's subject
    ("Duitsland en Frankrijk hebben hun burgers opgedragen Libanon te verlaten. "
     "Libanon noemde dat besluit 'voorbarig'.", "nl", ("ACCUSE", "asserted", "LBN", "DEU")),
    # an event before: its source did the judged act
    ("North Korea fired a ballistic missile over the sea on Friday. Japan condemned the launch.",
     "en", ("ACCUSE", "asserted", "JPN", "PRK")),
])
def test_events_condemned_definite_thing_targets_who_did_it(text, lang, expected):
    found = pipeline.extract(text, lang=lang, date="2023-03").events
    assert expected in dyads(found)


def test_events_welcomed_definite_thing_gets_no_target_from_context():
    # only condemnations look back: a welcomed decision is too often no one's act in particular
    text = ("Duitsland en Frankrijk hebben hun burgers opgedragen Libanon te verlaten. "
            "Israël noemde dat besluit 'een goede stap'.")
    found = pipeline.extract(text, lang="nl", date="2023-03").events
    support = [e for e in found if e.type == "SUPPORT"]
    assert [e.source_actor for e in support] == ["ISR"] and support[0].target_actor is None


def test_events_als_before_a_quote_is_a_label_not_a_condition():
    found = pipeline.extract('Taiwan veroordeelt de oefeningen als "een provocatie" van China.',
                             lang="nl", date="2022-08").events
    assert ("ACCUSE", "asserted", "TWN", "CHN") in dyads(found)


@pytest.mark.parametrize("text,lang,expected", [
    ("Peking reageerde boos op het bezoek van de Amerikaanse minister Blinken aan Taiwan.", "nl",
     ("CONSULT", "asserted", "USA", "TWN")),
    ("Beijing protested against the visit of the US secretary of state to Taiwan.", "en",
     ("CONSULT", "asserted", "USA", "TWN")),
])
def test_events_meeting_noun_genitive_names_its_actor(text, lang, expected):
    found = dyads(pipeline.extract(text, lang=lang, date="2023-03").events)
    assert expected in found
    assert not any(d[0] == "CONSULT" and d[2] == "CHN" for d in found)


def test_events_judged_event_noun_is_that_types_last_source():
    # the exercises are China's (the last MOBILIZE source), not the last sentence's US visit
    text = ("China houdt grootschalige militaire oefeningen rond Taiwan. Ze volgen op het bezoek van "
            "de Amerikaanse minister Blinken aan Taipei. Taiwan veroordeelt de oefeningen als 'een provocatie'.")
    found = dyads(pipeline.extract(text, lang="nl", date="2023-03").events)
    assert ("ACCUSE", "asserted", "TWN", "CHN") in found
    assert not any(d[0] == "ACCUSE" and d[3] == "USA" for d in found)


def test_events_judged_thing_of_a_group_gets_no_target():
    text = ("Canada en Japan kondigden nieuwe sancties tegen Rusland aan. "
            "Lavrov noemde de westerse sancties 'onwettig'.")
    found = [e for e in pipeline.extract(text, lang="nl", date="2022-03").events if e.type == "ACCUSE"]
    assert found and all(e.target_actor is None for e in found)


@pytest.mark.parametrize("text,expected", [
    ("Polen zegt dat Rusland de onderhandelingen saboteert.", ("ACCUSE", "asserted", "POL", "RUS")),
    ("De Estse regering vermoedt dat Rusland achter de aanslag zit.", ("ACCUSE", "asserted", "EST", "RUS")),
])
def test_events_reported_blameworthy_act_of_another_is_an_accusation(text, expected):
    assert expected in dyads(pipeline.extract(text, lang="nl", date="2023-03").events)


def test_events_blame_reading_needs_another_actor_in_the_content():
    # no other side named: a worry, not an accusation
    found = pipeline.extract("Polen zegt dat de situatie aan de grens escaleert en dat er een voorwendsel "
                             "wordt gezocht.", lang="nl", date="2023-03").events
    assert not any(e.type == "ACCUSE" for e in found)


def test_events_impersonal_talks_are_no_ones():
    text = "Rusland en Oekraïne stuurden onderhandelaars naar Istanbul. Terwijl er werd gepraat, gingen de gevechten door."
    found = pipeline.extract(text, lang="nl", date="2022-03").events
    assert not any(e.type == "CONSULT" and "Terwijl" in e.evidence.sentence for e in found)


def test_events_demand_on_own_government_is_a_domestic_request():
    text = ("De Tweede Kamer debatteerde dinsdag over Groningen. "
            "De Tweede Kamer wil dat het kabinet de schade in Groningen sneller vergoedt.")
    found = dyads(pipeline.extract(text, lang="nl", date="2023-03").events)
    assert ("REQUEST", "asserted", "NLD", "NLD") in found


@pytest.mark.parametrize("text,lang", [
    ("Canada sluit zijn luchtruim voor alle Russische vliegtuigen.", "nl"),
    ("Canada closed its airspace to Russian aircraft on Sunday.", "en"),
    ("Canada kondigde een invoerverbod op Russische olie aan.", "nl"),
])
def test_events_airspace_closures_and_trade_bans_are_sanctions(text, lang):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-03").events)
    assert any(d[0] == "SANCTION" and d[2] == "CAN" and d[3] == "RUS" for d in found), found


@pytest.mark.parametrize("text,lang,expected", [
    ("De Verenigde Naties eisen dat Israël de luchtaanvallen op Gaza stopt.", "nl",
     ("RETREAT", "demanded", "ISR", "PSE")),
    ("Japan wil dat China de militaire oefeningen rond Taiwan afblaast.", "nl",
     ("RETREAT", "demanded", "CHN", "TWN")),
    ("The EU called on Iran to halt the executions of protesters.", "en", ("RETREAT", "demanded", "IRN", None)),
])
def test_events_demand_to_stop_an_act_is_a_demanded_retreat(text, lang, expected):
    found = dyads(pipeline.extract(text, lang=lang, date="2023-03").events)
    assert any(d[:3] == expected[:3] for d in found), found
    assert not any(d[0] == "ASSAULT" for d in found)  # the attacks to stop are no event


def test_events_missiles_striking_are_an_assault():
    text = "Rusland viel vannacht aan. Kort daarna sloegen de eerste raketten in bij vliegvelden in Oekraïne."
    found = [e for e in pipeline.extract(text, lang="nl", date="2022-02").events
             if e.evidence.sentence.startswith("Kort daarna")]
    assert [(e.type, e.source_actor, e.target_actor) for e in found] == [("ASSAULT", "RUS", "UKR")]


def test_events_punishment_on_condition_of_the_target_is_a_threat():
    text = "Als China Taiwan binnenvalt, zal Japan zware sancties tegen China opleggen, zei de premier."
    found = dyads(pipeline.extract(text, lang="nl", date="2023-03").events)
    assert ("THREATEN", "asserted", "JPN", "CHN") in found
    assert ("SANCTION", "hypothetical", "JPN", "CHN") in found


@pytest.mark.parametrize("text,lang,expected", [
    ("Noorwegen stuurt twee fregatten naar de Oostzee en zes F-35's naar Polen.", "nl", ("AID", "NOR", "POL")),
    ("Norway sent troops to Poland on Monday.", "en", ("AID", "NOR", "POL")),
    ("Spanje overweegt gevechtsvliegtuigen naar Bulgarije te sturen.", "nl", ("AID", "ESP", "BGR")),
])
def test_events_forces_sent_to_a_state_are_aid_to_it(text, lang, expected):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-03").events)
    assert any((d[0], d[2], d[3]) == expected for d in found), found


def test_events_agreement_about_later_is_made_now():
    text = "Frankrijk en Duitsland hebben afgesproken de komende weken vaker contact te houden."
    found = dyads(pipeline.extract(text, lang="nl", date="2023-03").events)
    assert ("AGREE", "asserted", "FRA", "DEU") in found


@pytest.mark.parametrize("text,lang,expected", [
    ("Duitsland weigert wapens aan Oekraïne te leveren.", "nl", ("AID", "denied", "DEU", "UKR")),
    ("Germany refused to send weapons to Ukraine.", "en", ("AID", "denied", "DEU", "UKR")),
    ("Frankrijk sprak met Rusland. Een nieuw gesprek met Rusland sluit Frankrijk niet uit.", "nl",
     ("CONSULT", "hypothetical")),
])
def test_events_refusal_denies_and_not_ruling_out_is_hypothetical(text, lang, expected):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-02").events)
    assert any(d[:len(expected)] == expected for d in found), found


@pytest.mark.parametrize("text,expected", [
    ("Preventieve sancties tegen Iran wees Duitsland af.", ("SANCTION", "denied")),
    ("In Kiev werd het uitblijven van een aanval door Rusland met opluchting ontvangen.", ("ASSAULT", "denied")),
    ("Polen zegt dat Rusland een voorwendsel zoekt voor een aanval op Oekraïne.", ("ASSAULT", "expected")),
])
def test_events_rejected_absent_and_pretext_acts_are_not_asserted(text, expected):
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert [d[:2] for d in found if d[0] == expected[0]] == [expected], found


def test_events_build_up_at_the_border_faces_the_other_side_else_no_one():
    story = "Oekraïne vreest een aanval van Rusland. Oekraïne vraagt steun. "
    at_border = pipeline.extract(story + "Rusland heeft 7000 extra militairen naar de grens gestuurd.",
                                 lang="nl", date="2022-02").events
    elsewhere = pipeline.extract(story + "Rusland heeft 7000 extra militairen naar Belarus gestuurd.",
                                 lang="nl", date="2022-02").events
    assert [(e.source_actor, e.target_actor) for e in at_border if e.type == "MOBILIZE"] == [("RUS", "UKR")]
    assert [(e.source_actor, e.target_actor) for e in elsewhere if e.type == "MOBILIZE"] == [("RUS", None)]


def test_events_the_two_are_the_last_meetings_pair():
    text = ("Frankrijk en Duitsland spraken dinsdag in Parijs met elkaar. "
            "Een doorbraak leverde het gesprek niet op, maar de twee spraken af volgende week opnieuw te praten.")
    found = [e for e in pipeline.extract(text, lang="nl", date="2023-03").events if e.type == "AGREE"]
    assert [(e.mode, e.source_actor, e.target_actor) for e in found] == [("asserted", "FRA", "DEU")]


def test_events_membership_application_requests_the_organisation():
    text = "Moldavië diende dinsdag een aanvraag voor het lidmaatschap van de Europese Unie in."
    found = dyads(pipeline.extract(text, lang="nl", date="2022-03").events)
    assert ("REQUEST", "asserted", "MDA", "EU") in found, found


def test_events_concession_is_to_the_other_side():
    text = "Rusland eist dat Oekraïne zich overgeeft. Zelensky zei dat Oekraïne 'niemand en niets' zal afstaan."
    found = [d for d in dyads(pipeline.extract(text, lang="nl", date="2022-03").events) if d[0] == "CONCEDE"]
    assert ("CONCEDE", "denied", "UKR", "RUS") in found, found


def test_events_a_coalition_goes_on_in_the_next_sentence():
    text = ("Canada, Japan en Australië sluiten Russische banken uit van Swift. "
            "Ook worden de reserves van de Russische centrale bank bevroren.")
    found = [e for e in pipeline.extract(text, lang="nl", date="2022-03").events
             if e.type == "SANCTION" and e.evidence.sentence.startswith("Ook")]
    assert sorted(e.source_actor for e in found) == ["AUS", "CAN", "JPN"]
    assert {e.target_actor for e in found} == {"RUS"}


def test_events_accusation_of_a_group_has_no_target_from_its_content():
    text = "Lavrov beschuldigde het Westen ervan Oekraïne te bewapenen."
    found = [e for e in pipeline.extract(text, lang="nl", date="2022-03").events if e.type == "ACCUSE"]
    assert [(e.source_actor, e.target_actor) for e in found] == [("RUS", None)]


@pytest.mark.parametrize("text,lang", [
    ("Een geplande ontmoeting tussen de ministers van Japan en China is afgezegd.", "nl"),
    ("A planned meeting between the foreign ministers of Japan and China was cancelled.", "en"),
])
def test_events_called_off_meeting_is_denied(text, lang):
    found = [d for d in dyads(pipeline.extract(text, lang=lang, date="2022-08").events) if d[0] == "CONSULT"]
    assert found and all(d[1] == "denied" for d in found), found


def test_events_a_group_placed_in_a_territory_acts_for_it():
    text = "Militante groeperingen in de Gazastrook hebben honderden raketten op Israël afgevuurd."
    found = [d for d in dyads(pipeline.extract(text, lang="nl", date="2021-05-11").events) if d[0] == "ASSAULT"]
    assert found == [("ASSAULT", "asserted", "PSE", "ISR")]


@pytest.mark.parametrize("text,expected", [
    ("Het Kremlin zei dat het betreurt dat Polen dit besluit neemt.", ("ACCUSE", "RUS", "POL")),
    ("Premier Rutte sprak op een persconferentie van Russische agressie tegen Oekraïne.",
     ("ACCUSE", "NLD", "RUS")),
    ("Volgens Rusland is er in Oekraïne sprake van genocide.", ("ACCUSE", "RUS", "UKR")),
])
def test_events_regret_and_named_wrongs_are_accusations(text, expected):
    found = [(d[0], d[2], d[3]) for d in dyads(pipeline.extract(text, lang="nl", date="2022-03").events)]
    assert expected in found, found


def test_events_a_warning_addressed_to_someone_is_a_threat():
    found = dyads(pipeline.extract("Poetin herhaalde zijn waarschuwing aan het adres van Polen.",
                                   lang="nl", date="2022-03").events)
    assert ("THREATEN", "asserted", "RUS", "POL") in found, found


def test_events_a_later_conjunct_after_a_preposition_is_no_source():
    text = ("Aan de grens tussen Polen en Oekraïne hebben Russische en Oekraïense onderhandelaars "
            "maandag met elkaar gesproken.")
    found = [d for d in dyads(pipeline.extract(text, lang="nl", date="2022-03").events) if d[0] == "CONSULT"]
    assert ("CONSULT", "asserted", "RUS", "UKR") in found and \
        all(d[2] in ("RUS", "UKR") and d[3] in ("RUS", "UKR") for d in found), found


@pytest.mark.parametrize("text,lang,expected", [
    ("Rusland en Oekraïne praten niet meer. Oekraïne vraagt Rusland om uitleg. "
     "Volgens de Oekraïense autoriteiten kwamen in Charkiv elf burgers om bij raketaanvallen.",
     "nl", ("ASSAULT", "asserted", "RUS", "UKR")),
    ("Israël bombardeerde Gaza. Israël en Gaza staan tegenover elkaar. "
     "In de Israëlische kustplaats Asjkelon kwamen twee vrouwen om toen een raket insloeg.",
     "nl", ("ASSAULT", "asserted", "PSE", "ISR")),
    ("Russia and Ukraine no longer talk. Ukraine asked Russia for an explanation. "
     "Ukrainian officials said that dozens of civilians were killed in rocket attacks.",
     "en", ("ASSAULT", "asserted", "RUS", "UKR")),
])
def test_events_an_attack_with_no_named_attacker_is_the_other_sides(text, lang, expected):
    last = typed(text, "ASSAULT", lang, last_sentence=True)
    assert expected in last and all(d[2] != expected[3] for d in last), last


def test_events_an_attack_a_state_denies_stays_its_own():
    text = ("Rusland en Oekraïne staan tegenover elkaar. "
            "Volgens het Kremlin is er geen aanval op Oekraïne gepland.")
    found = typed(text, "ASSAULT", date="2022-02")
    assert found == [("ASSAULT", "denied", "RUS", "UKR")], found


def test_events_a_mediator_title_is_no_meeting_but_mediating_is():
    title = dyads(pipeline.extract("Bemiddelaar Johan Remkes wil dat het kabinet boeren uitkoopt.",
                                   lang="nl", date="2022-10").events)
    act = dyads(pipeline.extract("Turkije bemiddelde dinsdag tussen Rusland en Oekraïne.",
                                 lang="nl", date="2022-10").events)
    assert not any(d[0] == "CONSULT" for d in title), title
    assert any(d[0] == "CONSULT" and d[2] == "TUR" for d in act), act


def test_events_a_growing_force_at_the_border_is_a_build_up():
    text = "De Russische troepenmacht aan de grens met Oekraïne is de afgelopen weken verder gegroeid."
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert ("MOBILIZE", "asserted", "RUS", "UKR") in found, found


@pytest.mark.parametrize("text,expected", [
    ("Lange tijd lagen vooral Duitsland en Italië dwars.",
     [("REJECT", "asserted", "DEU", None), ("REJECT", "asserted", "ITA", None)]),
    ("Morgen reist Scholz door naar Moskou.", [("CONSULT", "expected", "DEU", "RUS")]),
])
def test_events_the_subject_inside_a_separable_verb_acts(text, expected):
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert sorted(found) == expected, found


@pytest.mark.parametrize("story,expected", [
    ("De Tweede Kamer debatteerde dinsdag over de toeslagenaffaire. Premier Rutte verdedigde het beleid "
     "van Nederland. ", ("REQUEST", "asserted", "NLD", "NLD")),
    ("Rusland en Oekraïne praten in Genève. Premier Rutte wil dat Nederland meer doet. ",
     ("REQUEST", "asserted", "NLD", None)),
])
def test_events_a_demand_in_a_domestic_story_is_made_of_the_own_state(story, expected):
    text = story + "SP-Kamerlid Renske Leijten eist dat er een parlementaire enquête komt."
    assert typed(text, "REQUEST", date="2021-01", last_sentence=True) == [expected]


# (text, lang, type, the dyads of that type in the last sentence): context rules added 2026-11-30
CONTEXT_DYADS = [
    pytest.param("Rusland en Oekraïne vechten al weken. Rusland valt Oekraïne aan. Een afgesproken "
                 "staakt-het-vuren rond de Oekraïense havenstad Marioepol is binnen enkele uren mislukt.",
                 "nl", "RETREAT", [("RETREAT", "denied", "RUS", "UKR")], id="failed-ceasefire-nl"),
    pytest.param("Russia and Ukraine have fought for weeks. Russia attacks Ukraine. "
                 "An agreed ceasefire around the Ukrainian port city of Mariupol collapsed within hours.",
                 "en", "RETREAT", [("RETREAT", "denied", "RUS", "UKR")], id="failed-ceasefire-en"),
    pytest.param("Rusland heeft 100.000 militairen bij de grens met Oekraïne gelegerd. De VS en Rusland "
                 "praten in Genève. De VS waarschuwen Rusland. \u201eEen inval blijft heel goed mogelijk\u201d, "
                 "zei Biden.", "nl", "ASSAULT", [("ASSAULT", "expected", "RUS", "UKR")], id="unaimed-attack-nl"),
    pytest.param("Russia has massed 100,000 troops at the border with Ukraine. The US and Russia talk in "
                 "Geneva. The US warned Russia. \"An invasion remains distinctly possible,\" said Biden.",
                 "en", "ASSAULT", [("ASSAULT", "expected", "RUS", "UKR")], id="unaimed-attack-en"),
    pytest.param("De Georgische regering beschuldigde de oppositie van leugens over de wet, die volgens "
                 "haar op Amerikaanse wetgeving lijkt.", "nl", "ACCUSE",
                 [("ACCUSE", "asserted", "GEO", "GEO")], id="own-opposition-nl"),
    pytest.param("The Georgian government accused the opposition of spreading lies about the law, which "
                 "it said was modelled on American legislation.", "en", "ACCUSE",
                 [("ACCUSE", "asserted", "GEO", "GEO")], id="own-opposition-en"),

    pytest.param("Honderdduizenden Polen gingen zondag de straat op om te demonstreren voor hun EU-lidmaatschap.",
                 "nl", "PROTEST", [("PROTEST", "asserted", "POL", "POL")], id="protest-for-is-no-target"),
    pytest.param("Rusland heeft troepen bij de grens met Oekraïne verzameld. Een Russische aanval op de stad "
                 "leidde tot een harde reactie van de VS.", "nl", "ASSAULT", [("ASSAULT", "asserted", "RUS", "UKR")],
                 id="target-before-verb-nl"),
    pytest.param("Russia has massed troops at the border with Ukraine. A Russian attack on the city led to a "
                 "swift response from the United States.", "en", "ASSAULT", [("ASSAULT", "asserted", "RUS", "UKR")],
                 id="target-before-verb-en"),
]


@pytest.mark.parametrize("text,lang,etype,expected", CONTEXT_DYADS)
def test_events_dyads_from_context(text, lang, etype, expected):
    """A failed ceasefire is denied and made by the target's other side; an unaimed attack faces
    whom the source massed forces against (", zei Biden" is the speaker); an accusation of the
    own opposition stays at home."""
    assert typed(text, etype, lang, date="2022-03", last_sentence=True) == expected


def test_events_the_dateline_names_no_actor():
    text = "TAIPEI (ANP/AFP) - Het Chinese leger heeft vandaag bij militaire oefeningen rond Taiwan raketten afgevuurd."
    found = dyads(pipeline.extract(text, lang="nl", date="2022-08").events)
    assert found == [("MOBILIZE", "asserted", "CHN", "TWN")], found


@pytest.mark.parametrize("text,lang", [
    ("De Europese Unie, de Verenigde Staten, Groot-Brittannië en Canada sluiten een aantal Russische "
     "banken uit van het betalingssysteem Swift.", "nl"),
    ("The European Union, the United States, Britain and Canada imposed sanctions on Russian banks.", "en"),
])
def test_events_a_comma_list_closed_by_and_acts_together_on_the_named_target(text, lang):
    found = typed(text, "SANCTION", lang, date="2022-02")
    assert sorted(found) == [("SANCTION", "asserted", c, "RUS") for c in ("CAN", "EU", "GBR", "USA")], found


def test_events_forces_sent_for_joint_exercises_cooperate_and_are_no_aid():
    text = "Rusland heeft troepen naar Belarus gestuurd voor gezamenlijke oefeningen."
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert not any(d[0] == "AID" for d in found) and any(d[0] == "COOPERATE" for d in found), found


@pytest.mark.parametrize("text,etype", [
    ("België steunt die oproep, zegt minister Lahbib.", "SUPPORT"),
    ("Israël heeft extra troepen naar de grens met Gaza gestuurd en roept reservisten op.", "MOBILIZE"),
])
def test_events_a_named_call_and_a_call_up_are_no_demands(text, etype):
    found = typed(text, etype, date="2022-08")
    assert found and all(d[1] == "asserted" for d in found), found


def test_events_coming_together_is_a_meeting_and_a_later_round_is_the_last_pairs():
    met = typed("De ministers van Defensie van de NAVO kwamen dinsdag in Brussel bijeen.", "CONSULT", date="2022-02")
    assert met == [("CONSULT", "asserted", "NATO", None)], met
    text = ("Frankrijk en Duitsland spraken dinsdag in Parijs met elkaar. Rusland en Belarus houden een "
            "gezamenlijke militaire oefening. De volgende ronde van het overleg staat gepland voor maart.")
    later = typed(text, "CONSULT", date="2022-02", last_sentence=True)
    assert later == [("CONSULT", "expected", "FRA", "DEU")], later



def test_events_a_long_background_phrase_before_an_adjective_makes_no_event():
    text = "Drie weken na het begin van de Russische inval is het beeld van de oorlog in Oekraïne diffuus."
    assert typed(text, "ASSAULT") == []


@pytest.mark.parametrize("text,etype", [
    ("President Zelensky heeft het Westen opgeroepen geen paniek te zaaien over een mogelijke Russische inval.",
     "ASSAULT"),
    ("Koeleba zei dat er geen vooruitgang is geboekt, zelfs niet over een staakt-het-vuren van 24 uur.", "RETREAT"),
])
def test_events_the_topic_of_talk_or_worry_is_no_event(text, etype):
    assert typed(text, etype) == []


@pytest.mark.parametrize("text,lang", [
    ("Rusland en Belarus zijn vandaag begonnen aan een tiendaagse militaire oefening, vlak bij de grens met "
     "Oekraïne.", "nl"),
    ("The United States and South Korea held their largest joint military drills in five years.", "en"),
    ("Russia and Belarus began ten days of military exercises near the border with Ukraine.", "en"),
])
def test_events_allies_exercising_together_cooperate(text, lang):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-02").events)
    assert len(found) == 1 and found[0][0] == "COOPERATE" and found[0][1] == "asserted", found


@pytest.mark.parametrize("text,lang", [
    ("China called on all sides to exercise restraint.", "en"),
    ("China riep alle partijen op terughoudendheid te betrachten.", "nl"),
])
def test_events_a_call_for_restraint_is_a_demanded_de_escalation(text, lang):
    found = typed(text, "RETREAT", lang, date="2023-03")
    assert found and all(d[1] == "demanded" for d in found), dyads(pipeline.extract(text, lang=lang, date="2023-03").events)


@pytest.mark.parametrize("text,lang", [
    ("Israel has threatened military action if Iran gets close to a bomb.", "en"),
    ("Israël dreigde met militair ingrijpen als Iran dicht bij een bom komt.", "nl"),
])
def test_events_a_threat_on_a_condition_is_made_and_its_act_is_hypothetical(text, lang):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-08").events)
    assert ("THREATEN", "asserted", "ISR", "IRN") in found and ("ASSAULT", "hypothetical", "ISR", "IRN") in found, found


@pytest.mark.parametrize("text,expected", [
    ('"Amerika laat Taiwan niet in de steek," zei Pelosi in het parlement.', ("SUPPORT", "asserted", "USA", "TWN")),
    ("Tsai bedankte de Amerikaanse president Biden voor zijn steun.", ("SUPPORT", "asserted", "TWN", "USA")),
    # the pressure "van Polen" stands in the next clause: no target
    ("Hongarije stemde tegen, nadat de druk van Polen groot werd.", ("REJECT", "asserted", "HUN", None)),
])
def test_events_support_by_thanks_or_not_abandoning_and_yielding(text, expected):
    found = dyads(pipeline.extract(text, lang="nl", date="2022-08").events)
    assert found == [expected], found


def test_events_a_role_before_a_name_gives_every_later_mention_its_country():
    text = ("China reageerde woedend op het bezoek van de Amerikaanse Huisvoorzitter Nancy Pelosi aan Taiwan. "
            "Tsai bedankte Pelosi voor haar steun.")
    assert typed(text, "SUPPORT", date="2022-08", last_sentence=True) == [("SUPPORT", "asserted", "TWN", "USA")]


def test_events_giving_in_is_a_concession_admitting_is_not():
    assert [d[:3] for d in typed("Berlijn gaf zaterdag toe.", "CONCEDE", date="2022-02")] == [
        ("CONCEDE", "asserted", "DEU")]
    assert typed("Berlijn gaf zaterdag toe dat het een fout had gemaakt.", "CONCEDE", date="2022-02") == []


def test_events_a_speech_act_takes_its_own_object_before_the_claims_content():
    text = ("US President Joe Biden said the ceasefire was a genuine opportunity. He thanked Egyptian President "
            "Abdel Fattah al-Sisi for his role and said the United States would work with the United Nations "
            "to deliver humanitarian aid to Gaza.")
    found = typed(text, "SUPPORT", "en", date="2021-05", last_sentence=True)
    assert ("SUPPORT", "asserted", "USA", "EGY") in found and not any(d[3] == "UN" for d in found), found


@pytest.mark.parametrize("text,lang", [
    ("Harris beloofde dat de VS bij een Russische inval ongekende sancties zullen opleggen.", "nl"),
    ("Harris said the United States will impose unprecedented sanctions in the event of a Russian invasion.", "en"),
])
def test_events_an_indefinite_act_after_a_condition_phrase_is_a_condition(text, lang):
    found = dyads(pipeline.extract(text, lang=lang, date="2022-02").events)
    assert not any(d[0] == "ASSAULT" for d in found), found
    assert [d[1] for d in found if d[0] == "SANCTION"] == ["hypothetical"], found


def test_events_a_proposed_summit_between_two_is_their_demanded_meeting():
    found = typed("De Franse president Macron stelt een top voor tussen Biden en Poetin.", "CONSULT", date="2022-02")
    assert found == [("CONSULT", "demanded", "USA", "RUS")], found


@pytest.mark.parametrize("text,lang", [
    ("Rusland valt Oekraïne aan. Oekraïne vraagt om harde sancties tegen Rusland.", "nl"),
    ("Russia attacks Ukraine. Ukraine asked for tough sanctions against Russia.", "en"),
])
def test_events_sanctions_asked_for_are_of_whoever_is_asked_not_the_asker(text, lang):
    found = typed(text, "SANCTION", lang, date="2022-02", last_sentence=True)
    assert found == [("SANCTION", "demanded", None, "RUS")], found


@pytest.mark.parametrize("text,n", [
    ("Vorig voorjaar trok Rusland ook troepen samen bij de grens.", 1),
    ("Rusland samentrok vorig jaar troepen bij de grens.", 1),
    ("Oekraïne houdt zelf ook oefeningen.", 1),
    ("De Russische troepen in Belarus blijven langer dan gepland.", 1),
    ("De NAVO activeert haar verdedigingsplannen voor de oostelijke bondgenoten.", 1),
    ("Hoeveel militairen daar precies staan, blijft onduidelijk.", 0),
    ("Hoeveel Russische militairen er blijven, zei de minister niet.", 0),
])
def test_events_build_ups_that_stay_are_held_or_activated(text, n):
    assert len(typed(text, "MOBILIZE", date="2022-02")) == n, dyads(pipeline.extract(text, lang="nl", date="2022-02").events)


@pytest.mark.parametrize("text,expected", [
    ("Iran on Thursday carried out the first known execution of a protester.", ("ASSAULT", "asserted", "IRN", "IRN")),
    ("Iran executed a protester. Iranian officials deny that security forces have used live ammunition "
     "against demonstrators.", ("ASSAULT", "denied", "IRN", "IRN")),
    ("Georgian police fired tear gas and water cannon at demonstrators.", ("COERCE", "asserted", "GEO", "GEO")),
    ("Georgia applied for EU membership in March last year.", ("REQUEST", "asserted", "GEO", "EU")),
])
def test_events_en_executions_force_on_crowds_and_applications(text, expected):
    found = dyads(pipeline.extract(text, lang="en", date="2022-12").events)
    assert expected in found, found


def test_events_en_what_a_reaction_is_about_is_no_new_event():
    found = dyads(pipeline.extract("Germany summoned Iran's ambassador over the execution.", lang="en",
                                   date="2022-12").events)
    assert not any(d[0] == "ASSAULT" for d in found), found


def test_events_acting_together_if_the_other_moves_is_a_threat_made_now():
    text = "Scholz zei dat de VS en Duitsland samen zullen optreden als Rusland de grens overschrijdt."
    found = typed(text, "THREATEN", date="2022-02")
    assert sorted(found) == [("THREATEN", "asserted", "DEU", "RUS"), ("THREATEN", "asserted", "USA", "RUS")], found


@pytest.mark.parametrize("text", [
    "In Berlijn praatten adviseurs van Rusland, Oekraïne, Duitsland en Frankrijk ruim negen uur over het conflict.",
    "In Parijs spraken adviseurs van de leiders van Rusland, Oekraïne, Duitsland en Frankrijk acht uur met elkaar.",
])
def test_events_representatives_of_a_list_meet_for_it_and_the_venue_is_no_party(text):
    found = typed(text, "CONSULT", date="2022-02")
    assert ("CONSULT", "asserted", "RUS", "UKR") in found and not any(d[2] in ("DEU", "FRA") and d[3] == "RUS"
                                                                     for d in found), found


@pytest.mark.parametrize("text,expected", [
    ("Volgens Macron verzekerde Poetin hem dat de Russische militairen het land verlaten.", ("AGREE", "RUS")),
    ("Donderdag overleggen Rusland en de andere OVSE-landen in Wenen.", ("CONSULT", "RUS")),
])
def test_events_after_a_fronted_phrase_the_subject_follows_the_verb(text, expected):
    found = [d for d in dyads(pipeline.extract(text, lang="nl", date="2022-02").events) if d[0] == expected[0]]
    assert found and found[0][2] == expected[1], found


def test_events_an_attack_with_no_other_side_faces_where_the_story_places_forces():
    # the VS and Ukraine are named equally often: no counterpart; the troops stand "rond Oekraïne"
    text = "De VS en Rusland praten. Washington en Kiev zijn bezorgd over de troepen rond Oekraïne. Rusland kan binnenvallen."
    found = [d for d in dyads(run(text)) if d[0] == "ASSAULT"]
    assert [(d[2], d[3]) for d in found] == [("RUS", "UKR")], found


@pytest.mark.parametrize("text,etype", [
    ("Premier Rutte noemde de blokkades van de boeren in Nederland 'volstrekt onacceptabel'.", "ACCUSE"),
    ("Sherman noemde de Russische eisen 'onacceptabel'.", "REJECT"),
])
def test_events_an_act_called_unacceptable_is_condemned_a_demand_rejected(text, etype):
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert any(d[0] == etype for d in found) and not any(d[0] == ({"ACCUSE", "REJECT"} - {etype}).pop()
                                                         for d in found), found


def test_events_as_long_as_is_a_condition_and_a_promise_on_it_is_still_made():
    found = dyads(pipeline.extract("Zolang Rusland over terugtrekking praat, blijven de sancties uit.", lang="nl",
                                   date="2022-02").events)
    assert not any(d[0] in ("RETREAT", "CONSULT") for d in found), found
    promise = dyads(pipeline.extract("Volgens Franse diplomaten heeft Macron van Poetin de toezegging gekregen dat "
                                     "Rusland geen nieuwe militaire initiatieven neemt zolang de gesprekken lopen.",
                                     lang="nl", date="2022-02").events)
    assert [d[1] for d in promise if d[0] == "AGREE"] == ["asserted"], promise


@pytest.mark.parametrize("last,mode", [
    ("Scholz noemde het een goed teken dat er troepen worden teruggetrokken.", "asserted"),
    ("\u201eWe zien geen tekenen van de-escalatie\u201d, zei de Duitse minister Baerbock.", "denied"),
])
def test_events_a_withdrawal_by_no_one_named_is_the_aggressors(last, mode):
    text = ("Rusland heeft 100.000 militairen bij de grens met Oekraïne verzameld. Duitsland en Oekraïne "
            "praten met elkaar. " + last)
    found = typed(text, "RETREAT", date="2022-02")
    assert ("RETREAT", mode, "RUS", "UKR") in found, found


def test_events_withdrawing_a_policy_is_a_concession_at_home_in_a_domestic_story():
    text = ("De boeren blokkeerden dinsdag in Nederland wegen. Het Nederlandse kabinet zweeg. "
            "De organisatie wil dat het kabinet de landelijke stikstofkaart intrekt.")
    found = typed(text, "CONCEDE", date="2022-07", last_sentence=True)
    assert found == [("CONCEDE", "demanded", "NLD", "NLD")], dyads(pipeline.extract(text, lang="nl", date="2022-07").events)


def test_events_homes_hit_reported_by_the_victim_are_the_other_sides_attack():
    text = "Rusland en Oekraïne vechten al dagen. Oekraïne meldt dat ook woonwijken zijn geraakt."
    assert typed(text, "ASSAULT", date="2022-02", last_sentence=True) == [("ASSAULT", "asserted", "RUS", "UKR")]


@pytest.mark.parametrize("text,expected", [
    ("Oekraïne en de separatisten beschuldigen elkaar van de aanval.",
     [("ACCUSE", "asserted", None, "UKR"), ("ACCUSE", "asserted", "UKR", None)]),
    ("Rusland en Oekraïne beschuldigen elkaar van de aanval.",
     [("ACCUSE", "asserted", "RUS", "UKR"), ("ACCUSE", "asserted", "UKR", "RUS")]),
])
def test_events_speakers_accusing_each_other(text, expected):
    found = typed(text, "ACCUSE", date="2022-02")
    assert sorted(found, key=str) == sorted(expected, key=str), found


def test_events_a_price_made_clear_through_a_reported_speaker_is_a_threat():
    text = ("De Amerikaanse onderminister Wendy Sherman sprak in Genève. Volgens haar hebben de Amerikanen "
            "duidelijk gemaakt dat een inval zware kosten zal hebben voor Moskou.")
    found = typed(text, "THREATEN", date="2022-01", last_sentence=True)
    assert found == [("THREATEN", "asserted", "USA", "RUS")], found


@pytest.mark.parametrize("text,lang", [
    ("Blinken waarschuwde dat een Russische inval zal leiden tot een harde reactie van de VS.", "nl"),
    ("Blinken warned that a Russian invasion would lead to a swift response from the United States.", "en"),
])
def test_events_an_act_whose_future_consequence_is_named_is_a_condition(text, lang):
    assert typed(text, "ASSAULT", lang, date="2022-01") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("Hamas heeft raketten op Israël afgevuurd. Minister Blok veroordeelt de raketaanvallen op Israël.",
     "nl", [("ACCUSE", "asserted", "NLD", "PSE")]),
    ("North Korea fired missiles at South Korea. Japan condemned the attacks on South Korea.",
     "en", [("ACCUSE", "asserted", "JPN", "PRK")]),
])
def test_events_a_condemned_attack_on_a_named_victim_accuses_its_attacker(text, lang, expected):
    assert typed(text, "ACCUSE", lang, date="2021-05", last_sentence=True) == expected


@pytest.mark.parametrize("text,lang", [
    ("North Korea fired a ballistic missile into the sea. The United States and South Korea held joint drills. "
     "Japan condemned the launch.", "en"),
    ("Noord-Korea heeft een ballistische raket in zee afgevuurd. De VS en Zuid-Korea hielden gezamenlijke "
     "oefeningen. Japan veroordeelde de lancering.", "nl"),
])
def test_events_a_condemned_launch_is_the_launchers(text, lang):
    assert typed(text, "ACCUSE", lang, date="2023-03", last_sentence=True) == [("ACCUSE", "asserted", "JPN", "PRK")]


@pytest.mark.parametrize("text,lang,etype", [
    ("Rusland houdt een oefening in Belarus. Volgens Macron verlaten de Russische militairen na de oefening "
     "het land.", "nl", "MOBILIZE"),
    ("Israel and Hamas agreed a truce. Palestinians poured into the streets of Gaza after the truce began.",
     "en", "RETREAT"),
])
def test_events_a_known_event_after_na_de_or_after_the_is_a_time(text, lang, etype):
    assert typed(text, etype, lang, date="2022-02", last_sentence=True) == []


@pytest.mark.parametrize("text,lang,etype", [
    ("Biden en Poetin spreken elkaar zaterdag. Het is hun eerste gesprek sinds december.", "nl", "CONSULT"),
    ("Pelosi bezocht Taiwan. Ze zei dat haar bezoek niets verandert aan het beleid van de VS.", "nl", "CONSULT"),
    ("Biden and Putin spoke on Saturday. It was their first conversation since December.", "en", "CONSULT"),
])
def test_events_a_possessive_event_noun_re_mentions_a_known_event(text, lang, etype):
    assert typed(text, etype, lang, date="2022-02", last_sentence=True) == []


def test_events_a_possessive_before_another_noun_does_not_make_the_trigger_definite():
    text = "Peking kondigde direct na haar landing grootschalige militaire oefeningen aan rond Taiwan."
    assert typed(text, "MOBILIZE", date="2022-08") == [("MOBILIZE", "expected", "CHN", "TWN")]


def test_events_a_demand_about_a_background_topic_is_a_request_to_the_group_addressed():
    text = "President Zelensky heeft het Westen opgeroepen geen paniek te zaaien over een mogelijke Russische inval."
    found = pipeline.extract(text, lang="nl", date="2022-01").events
    assert dyads(found) == [("REQUEST", "asserted", "UKR", None)]


@pytest.mark.parametrize("text,lang,expected", [
    ("De Verenigde Staten en de NAVO hebben Rusland woensdag hun schriftelijke antwoord gegeven.", "nl",
     [("CONSULT", "asserted", "NATO", "RUS"), ("CONSULT", "asserted", "USA", "RUS")]),
    ("Iran has sent its response to the European Union.", "en", [("CONSULT", "asserted", "IRN", "EU")]),
    ("Rusland en Oekraïne praten in Belarus.", "nl", [("CONSULT", "asserted", "RUS", "UKR")]),
])
def test_events_an_answer_given_is_consultation_and_a_coordination_with_an_object_acts_on_it(text, lang, expected):
    assert sorted(typed(text, "CONSULT", lang, date="2022-01"), key=str) == expected


@pytest.mark.parametrize("text,lang,mode", [
    ("Macron reist vanavond door naar Berlijn voor overleg met Scholz.", "nl", "expected"),
    ("Macron sprak vanavond met Scholz in Berlijn.", "nl", "asserted"),
    ("Macron meets Scholz in Berlin tonight.", "en", "expected"),
])
def test_events_tonight_dates_a_present_tense_meeting_later(text, lang, mode):
    assert [d[1] for d in typed(text, "CONSULT", lang, date="2022-02-08")] == [mode]


@pytest.mark.parametrize("text,lang,mode", [
    ("Analisten verwachten niet dat China een aanval op Taiwan voorbereidt.", "nl", "denied"),
    ("Analysts do not expect China to prepare an attack on Taiwan.", "en", "denied"),
    ("Rjabkov sloot niet uit dat Rusland Oekraïne zal aanvallen.", "nl", "hypothetical"),
    ("Analisten verwachten dat China een aanval op Taiwan voorbereidt.", "nl", "expected"),
])
def test_events_a_negated_expectation_denies_and_not_ruling_out_makes_possible(text, lang, mode):
    assert [d[1] for d in typed(text, "ASSAULT", lang, date="2022-08")] == [mode]


@pytest.mark.parametrize("text,lang,etype,expected", [
    # the attribution's own act took place; the speaker's possessive makes it the speaker's
    ("De Duitse bondskanselier Scholz zegt na zijn ontmoeting met president Zelensky dat Duitsland Oekraïne "
     "zal blijven steunen.", "nl", "CONSULT", [("CONSULT", "asserted", "DEU", "UKR")]),
    # a trigger word inside the speaker's description is no event; the content's act keeps its mode
    ("Georgian police detained protesters in Tbilisi. Georgia's government stayed silent. Protest leaders "
     "said the demonstrations would go on.", "en", "PROTEST", [("PROTEST", "expected", "GEO", "GEO")]),
])
def test_events_attribution_acts_are_asserted_and_speaker_words_no_events(text, lang, etype, expected):
    assert typed(text, etype, lang, date="2022-02", last_sentence=True) == expected


def test_events_a_trigger_word_describing_the_speaker_is_no_event():
    found = pipeline.extract("Protest leaders said the talks had failed.", lang="en", date="2022-02").events
    assert [e.type for e in found if e.type == "PROTEST"] == []


@pytest.mark.parametrize("text,lang,etype,expected", [
    ("Macron heeft van Poetin de toezegging gekregen dat er geen nieuwe oefeningen komen.", "nl", "AGREE",
     [("AGREE", "asserted", "RUS", "FRA")]),
    ("Ukraine received military aid from Britain.", "en", "AID", [("AID", "asserted", "GBR", "UKR")]),
])
def test_events_what_a_subject_receives_from_an_actor_is_that_actors_act(text, lang, etype, expected):
    assert typed(text, etype, lang, date="2022-02") == expected


@pytest.mark.parametrize("text,lang", [
    ("Rusland is Oekraïne binnengevallen. Nederland zal samen met de EU-partners zware sancties opleggen.", "nl"),
    ("Russia invaded Ukraine. The Netherlands will impose heavy sanctions together with the EU.", "en"),
])
def test_events_a_partner_is_no_target_and_sanctions_punish_the_aggressor(text, lang):
    assert typed(text, "SANCTION", lang, date="2022-02", last_sentence=True) == [
        ("SANCTION", "expected", "NLD", "RUS")]


@pytest.mark.parametrize("text,lang,etype,expected", [
    ("Macron sprak in het Kremlin met Poetin. Volgens het Élysée spraken de twee af te werken aan een "
     "wapenstilstand.", "nl", "AGREE", [("AGREE", "asserted", "FRA", "RUS")]),
    ("Rusland is Oekraïne binnengevallen. De gesprekken tussen beide landen gaan door.", "nl", "CONSULT",
     [("CONSULT", "asserted", "RUS", "UKR")]),
])
def test_events_a_pair_named_after_the_trigger_is_the_last_pair_or_the_warring_sides(text, lang, etype, expected):
    assert typed(text, etype, lang, date="2022-02", last_sentence=True) == expected


@pytest.mark.parametrize("text,lang", [
    ("Rusland is Oekraïne binnengevallen. De VN roept beide partijen op de gevechten te staken.", "nl"),
    ("Russia invaded Ukraine. The UN urged both sides to halt the fighting.", "en"),
])
def test_events_both_sides_asked_to_stop_each_retreat_from_the_other(text, lang):
    found = typed(text, "RETREAT", lang, date="2022-03", last_sentence=True)
    assert sorted(found) == [("RETREAT", "demanded", "RUS", "UKR"), ("RETREAT", "demanded", "UKR", "RUS")]


@pytest.mark.parametrize("text,lang", [
    ("De EU-landen bereikten een akkoord. Ook Duitsland was lang huiverig, maar draaide uiteindelijk bij.", "nl"),
    ("The EU states reached a deal. Germany hesitated for weeks, but finally backed down.", "en"),
])
def test_events_a_clause_opened_by_maar_shares_the_subject_before(text, lang):
    assert [d[2] for d in typed(text, "CONCEDE", lang, date="2022-12", last_sentence=True)] == ["DEU"]


@pytest.mark.parametrize("text,etype,expected", [
    # a separable verb with a long middle field (up to nine words between its parts)
    ("Rusland viel Oekraïne binnen. Duitsland legt de certificering van de gaspijpleiding Nord Stream 2 stil.",
     "SANCTION", [("SANCTION", "asserted", "DEU", "RUS")]),
    ("De politie hield in de loop van de dag dertien mensen aan in Den Haag.", "COERCE",
     [("COERCE", "asserted", "NLD", "NLD")]),
    # where forces come from ("vanuit Belarus") is no target
    ("Rusland viel Oekraïne binnen. Russische troepen trekken ook vanuit Belarus en de Krim het land binnen.",
     "ASSAULT", [("ASSAULT", "asserted", "RUS", "UKR")]),
    # a call to report for service is a demanded mobilisation, no REQUEST
    ("Zelensky roept alle Oekraïners die met wapens kunnen omgaan op zich te melden.", "MOBILIZE",
     [("MOBILIZE", "demanded", "UKR", None)]),
])
def test_events_long_separable_verbs_origins_and_calls_to_serve(text, etype, expected):
    assert typed(text, etype, date="2022-02", last_sentence=True) == expected


@pytest.mark.parametrize("text,etype,expected", [
    ("China heeft woedend gereageerd op het bezoek van de Amerikaanse Huisvoorzitter aan Taiwan.", "ACCUSE",
     [("ACCUSE", "asserted", "CHN", "USA")]),
    ("Ook Japan reageert boos.", "ACCUSE", []),  # an angry mood at nothing named is no accusation
    ("De boeren in Nederland kondigden aan ook vandaag weer de weg op te gaan.", "PROTEST",
     [("PROTEST", "expected", "NLD", "NLD")]),
    ("Rusland beweert dat het meer dan 2870 Oekraïense militairen heeft gedood.", "ASSAULT",
     [("ASSAULT", "asserted", "RUS", "UKR")]),
    ("Tsjechië had tegen Polen een zaak aangespannen.", "ACCUSE", [("ACCUSE", "asserted", "CZE", "POL")]),
])
def test_events_angry_reactions_road_protests_killings_and_lawsuits(text, etype, expected):
    assert typed(text, etype, date="2022-03") == expected


@pytest.mark.parametrize("text,lang,expected", [
    ("China laat weten dat het de Japanse economische zone niet erkent.", "nl", [("REJECT", "asserted", "CHN", "JPN")]),
    ("Oekraïne en de VS protesteren. Rusland trekt zich er niets van aan.", "nl",
     [("REJECT", "asserted", "RUS", None)]),
    # refusing to be told or blackmailed, not heeding a request, refusing in the past plural
    ("De EU eist hervormingen. Hongarije laat zich niets voorschrijven door de EU.", "nl",
     [("REJECT", "asserted", "HUN", None)]),
    ("De EU eist hervormingen. Premier Orbán zei dat Hongarije zich niet laat chanteren door Brussel.", "nl",
     [("REJECT", "asserted", "HUN", None)]),
    ("Polen eist de uitlevering. Duitsland gaf geen gehoor aan het verzoek van Polen.", "nl",
     [("REJECT", "asserted", "DEU", "POL")]),
    ("Kiev vroeg om een opening. De Poolse boeren weigerden de Oekraïense vrachtwagens door te laten.", "nl",
     [("REJECT", "asserted", "POL", "UKR")]),
    ('Iran and the US talk. Prime Minister Yair Lapid said Israel was "not bound" by any agreement.', "en",
     [("REJECT", "asserted", "ISR", None)]),
    # asked of an uncoded group ("Western leaders"), the demanded act has no source
    ("Lapid urged Western leaders to walk away from the talks.", "en", [("REJECT", "demanded", None, None)]),
])
def test_events_non_recognition_indifference_and_refusals(text, lang, expected):
    assert typed(text, "REJECT", lang, date="2022-08", last_sentence=True) == expected


def test_events_a_subject_reporting_its_own_act_is_its_source():
    text = "Rusland en Oekraïne spraken een bestand af. Rusland hervatte daarna naar eigen zeggen de aanvallen."
    assert typed(text, "ASSAULT", date="2022-03", last_sentence=True) == [("ASSAULT", "asserted", "RUS", "UKR")]


@pytest.mark.parametrize("text,lang,expected", [
    # easing sanctions is a RETREAT by the sanctioner towards the sanctioned (ANNOTATION.md), not a SANCTION
    ("De EU besloot de sancties tegen Belarus op te heffen.", "nl", [("RETREAT", "asserted", "EU", "BLR")]),
    ("The United States lifted sanctions on Venezuela.", "en", [("RETREAT", "asserted", "USA", "VEN")]),
    ("Iran wants the lifting of all US sanctions.", "en", [("RETREAT", "demanded", "USA", "IRN")]),
])
def test_events_lifting_sanctions_is_a_retreat(text, lang, expected):
    assert dyads(pipeline.extract(text, lang=lang, date="2022-08").events) == expected


def test_events_troops_returning_in_a_subordinate_clause():
    text = "Het Kremlin zegt dat een deel van de Russische militairen terugkeert naar de kazernes."
    found = dyads(pipeline.extract(text, lang="nl", date="2022-02").events)
    assert [d[:3] for d in found] == [("RETREAT", "asserted", "RUS")], found


def test_events_the_withdrawal_of_troops_is_theirs():
    text = "Rusland viel Oekraïne binnen. Oekraïne eiste de terugtrekking van alle Russische troepen."
    assert typed(text, "RETREAT", date="2022-03", last_sentence=True) == [("RETREAT", "demanded", "RUS", "UKR")]


@pytest.mark.parametrize("text,lang,etype,mode", [
    ("Biden is ervan overtuigd dat Poetin heeft besloten Oekraïne aan te vallen.", "nl", "ASSAULT", "expected"),
    ("Biden believes Putin has decided to attack Ukraine.", "en", "ASSAULT", "expected"),
    ("Rusland heeft troepen bij de grens met Oekraïne. Intussen gaat de troepenopbouw door.", "nl", "MOBILIZE",
     "asserted"),
])
def test_events_a_decision_is_expected_and_going_on_is_no_future(text, lang, etype, mode):
    assert [d[1] for d in typed(text, etype, lang, date="2022-02", last_sentence=True)] == [mode]


@pytest.mark.parametrize("text,etype,expected", [
    # "als" before a noun phrase is "as", no condition
    ("Oekraïne protesteert. Poetin heeft de volksrepublieken Donetsk en Loehansk als onafhankelijke staten "
     "erkend.", "SUPPORT", [("SUPPORT", "asserted", "RUS", None)]),
    ("Als Rusland de volksrepublieken erkent, volgen sancties.", "SUPPORT", []),
    # a blameworthy act of another reported through 'volgens'
    ("Volgens woordvoerder Konasjenkov hebben Oekraïense nationalisten de burgers verhinderd te vertrekken.",
     "ACCUSE", [("ACCUSE", "asserted", "RUS", "UKR")]),
])
def test_events_as_is_no_condition_and_blame_reported_through_volgens(text, etype, expected):
    assert typed(text, etype, date="2022-03") == expected


@pytest.mark.parametrize("text,etype,expected", [
    ("Oekraïne protesteert. Poetin heeft de volksrepublieken in Oost-Oekraïne als onafhankelijk erkend.",
     "SUPPORT", [("SUPPORT", "asserted", "RUS", None)]),  # where the recognised live is no target
    ("Rusland voerde een aanval uit in Oekraïne.", "ASSAULT", [("ASSAULT", "asserted", "RUS", "UKR")]),
])
def test_events_a_place_after_in_is_a_target_only_of_acts_done_to_a_place(text, etype, expected):
    assert typed(text, etype, date="2022-02", last_sentence=True) == expected


@pytest.mark.parametrize("text,lang,mode", [
    ("Generaal Milley waarschuwde dat een Russische inval in Oekraïne verschrikkelijk zou zijn.", "nl", "hypothetical"),
    ("Milley warned that a Russian invasion of Ukraine would be horrific.", "en", "hypothetical"),
    ("Milley waarschuwde dat een Russische inval in Oekraïne snel zal komen.", "nl", "expected"),
])
def test_events_an_indefinite_act_with_a_conditional_copula_is_imagined(text, lang, mode):
    assert [d[1] for d in typed(text, "ASSAULT", lang, date="2022-01")] == [mode]


@pytest.mark.parametrize("text,lang", [
    ("Truss zei dat Rusland zijn troepen moet terugtrekken als het serieus is over diplomatie.", "nl"),
    ("Truss said Russia must withdraw its troops if it is serious about diplomacy.", "en"),
])
def test_events_a_demand_on_a_condition_stays_a_demand(text, lang):
    assert [d[1] for d in typed(text, "RETREAT", lang, date="2022-02")] == ["demanded"]


def test_events_troops_withdraw_from_where_the_story_places_them():
    text = ("Biden sprak met Scholz over de crisis rond Oekraïne. Biden en Scholz spraken ook over Duitsland en "
            "Rusland. Hij wil dat Rusland zijn troepen terugtrekt.")
    assert typed(text, "RETREAT", date="2022-02", last_sentence=True) == [("RETREAT", "demanded", "RUS", "UKR")]


def test_events_aid_with_no_target_goes_to_the_side_attacked():
    text = "Rusland viel Oekraïne aan. Russische troepen beschoten Oekraïne. Ook Groot-Brittannië leverde wapens."
    assert typed(text, "AID", date="2022-03", last_sentence=True) == [("AID", "asserted", "GBR", "UKR")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Israël en Hamas vechten. EU-buitenlandchef Borrell pleit voor de-escalatie.", "nl",
     [("RETREAT", "demanded", None, None)]),
    ("North Korea fired a missile at South Korea. China called on all sides to exercise restraint.", "en",
     [("RETREAT", "demanded", None, None)]),
    ("Israël viel Gaza aan. Hij roept alle partijen op het geweld te staken.", "nl",
     [("RETREAT", "demanded", "ISR", "PSE"), ("RETREAT", "demanded", "PSE", "ISR")]),
])
def test_events_a_call_for_restraint_naming_no_one_has_no_dyad(text, lang, expected):
    assert sorted(typed(text, "RETREAT", lang, date="2021-05", last_sentence=True), key=str) == expected


def test_events_weapons_asked_for_are_aid_demanded_for_the_asker():
    text = "Rusland en de NAVO praten. Oekraïne vraagt om meer defensieve wapens."
    assert typed(text, "AID", date="2022-01", last_sentence=True) == [("AID", "demanded", None, "UKR")]


def test_events_a_condemned_decision_accuses_each_decider():
    text = ("De VS, Groot-Brittannië en Australië hebben gezinsleden van ambassadepersoneel opgedragen het land "
            "te verlaten. Oekraïne noemde dat besluit 'voorbarig'.")
    found = typed(text, "ACCUSE", date="2022-01", last_sentence=True)
    assert sorted(found) == [("ACCUSE", "asserted", "UKR", t) for t in ("AUS", "GBR", "USA")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Hij voegde eraan toe dat Rusland niet zal toestaan dat zijn belangen worden genegeerd.", "nl",
     ("THREATEN", "asserted", "RUS")),
    ("China hield oefeningen rond Taiwan. Biden waarschuwt Peking wel dat de VS zich niet laten intimideren.",
     "nl",
     ("THREATEN", "asserted", "USA", "CHN")),
    ("Iran executed a protester. A State Department spokesperson said the United States would hold Iranian "
     "officials to account.", "en", ("THREATEN", "asserted", "USA", "IRN")),
    ('Pyongyang has vowed an "overwhelming" response.', "en", ("THREATEN", "asserted", "PRK")),
])
def test_events_refusals_to_tolerate_vows_and_accountability_are_threats(text, lang, expected):
    found = typed(text, "THREATEN", lang, date="2022-12", last_sentence=True)
    assert [d[:len(expected)] for d in found] == [expected], found


@pytest.mark.parametrize("text,etype,expected", [
    ("Rusland viel aan. Biden kondigde maatregelen aan tegen twee grote Russische banken.", "SANCTION",
     [("SANCTION", "expected", "USA", "RUS")]),
    ("Het aantal Russische militairen in en rond Oekraïne neemt volgens hem nog steeds toe.", "MOBILIZE",
     [("MOBILIZE", "asserted", "RUS", "UKR")]),
    ("De Amerikaanse Huisvoorzitter Pelosi bezocht Taiwan. Pelosi vertrekt vanmiddag naar Zuid-Korea.", "CONSULT",
     [("CONSULT", "expected", "USA", "KOR")]),
])
def test_events_measures_growing_forces_and_departures_for_a_visit(text, etype, expected):
    assert typed(text, etype, date="2022-08-03", last_sentence=True) == expected


def test_events_a_headline_repeating_the_body_is_not_counted_twice():
    text = ("Russische aanval op meerdere fronten\n\nRusland is Oekraïne binnengevallen. Er wordt op meerdere "
            "plaatsen gevochten.")
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [(e.type, e.evidence.sentence.startswith("Rusland")) for e in found if e.type == "ASSAULT"] == [
        ("ASSAULT", True)]


def test_events_a_report_called_hysteria_denies_what_it_reported():
    text = ("Sullivan zei dat een Russische inval in Oekraïne op elk moment kan beginnen. Amerikanen moeten "
            "vertrekken. Moskou noemde die waarschuwing 'hysterie'.")
    found = typed(text, "ASSAULT", date="2022-02", last_sentence=True)
    assert found == [("ASSAULT", "denied", "RUS", "UKR")]


@pytest.mark.parametrize("text,lang,etype,expected", [
    ("Rusland viel Oekraïne aan. Duitsland stuurde Oekraïne eerder 5.000 helmen.", "nl", "AID",
     [("AID", "asserted", "DEU", "UKR")]),
    ("Hamas vuurde raketten af op Israël. Minister Blok vindt dat Israël het recht heeft zich te verdedigen.", "nl",
     "SUPPORT", [("SUPPORT", "asserted", "NLD", "ISR")]),
    ("Israel struck Gaza. He called on the international community to help rebuild Gaza.", "en", "AID",
     [("AID", "demanded", None, "PSE")]),
    ("Iran hanged a protester after a Revolutionary Court convicted him.", "en", "ACCUSE",
     [("ACCUSE", "asserted", "IRN", "IRN")]),
])
def test_events_helmets_the_right_to_defend_rebuilding_and_convictions(text, lang, etype, expected):
    assert typed(text, etype, lang, date="2021-05", last_sentence=True) == expected


@pytest.mark.parametrize("text,etype,expected", [
    ("De coalitie van VVD en CDA presenteerde haar plannen in Den Haag. De oppositie is kritisch.", "ACCUSE",
     [("ACCUSE", "asserted", "NLD", "NLD")]),  # a stance claim's own cue is the act
    ("De boeren in Nederland protesteren. LTO Nederland is 'voorzichtig positief’ over het rapport.", "SUPPORT",
     [("SUPPORT", "asserted", "NLD", "NLD")]),  # a quote mark inside the cue
])
def test_events_stance_claims_are_speech_acts(text, etype, expected):
    assert typed(text, etype, date="2022-10", last_sentence=True) == expected


@pytest.mark.parametrize("text,expected", [
    # a demand to stop an act is a REQUEST, not that act demanded
    ("„Rusland moet stoppen met dreigen”, zei de Britse minister Truss.", [("REQUEST", "asserted", "GBR", "RUS")]),
    ("Kremlinwoordvoerder Peskov zei dat het Westen moet ophouden met 'hysterie'.", [("REQUEST", "asserted", "RUS", None)]),
    ("Rusland en Oekraïne praten. Zelensky wil daarvoor wel harde veiligheidsgaranties.",
     [("REQUEST", "asserted", "UKR", None)]),
])
def test_events_demands_to_stop_and_for_guarantees_are_requests(text, expected):
    found = pipeline.extract(text, lang="nl", date="2022-02").events
    assert [d for d in dyads(found) if d[0] in ("REQUEST", "THREATEN")] == expected


@pytest.mark.parametrize("text,lang,etype,expected", [
    ("Het Kremlin liet weten dat er bij het gesprek met Macron geen afspraken zijn gemaakt.", "nl", "AGREE",
     [("AGREE", "denied")]),
    ("Rusland en Oekraïne praatten. Koeleba zei dat er geen vooruitgang is geboekt over een staakt-het-vuren.",
     "nl", "AGREE", [("AGREE", "denied")]),
    ("Het gesprek in Genève was het eerste tussen Blinken en Lavrov sinds december.", "nl", "CONSULT",
     [("CONSULT", "asserted", "USA", "RUS")]),
    ("Yoon met Kishida in Tokyo. The two leaders are expected to agree on closer security cooperation.", "en",
     "AGREE", [("AGREE", "expected", "KOR", "JPN")]),
])
def test_events_agreements_made_progress_booked_and_talks_between(text, lang, etype, expected):
    found = typed(text, etype, lang, date="2022-02", last_sentence=True)
    assert [d[:len(expected[0])] for d in found] == expected, found


@pytest.mark.parametrize("text,lang,etype,expected", [
    ("De vier verklaarden dat ze zich onvoorwaardelijk houden aan het staakt-het-vuren in Oost-Oekraïne.", "nl",
     "AGREE", [("AGREE", "asserted")]),
    ("In het dorp Stanytsja Loehanska in Oekraïne werd een kleuterschool getroffen.", "nl", "ASSAULT",
     [("ASSAULT", "asserted")]),
    ("De EU praat over een prijsplafond. Rusland had de gasleveringen via Nord Stream 1 teruggeschroefd.", "nl",
     "SANCTION", [("SANCTION", "asserted", "RUS")]),
    ("Hamas fired rockets at Israel. Twelve people were killed in Israel, Israeli medics said.", "en", "ASSAULT",
     [("ASSAULT", "asserted", "PSE", "ISR")]),
])
def test_events_commitments_buildings_hit_supply_cuts_and_people_killed(text, lang, etype, expected):
    found = typed(text, etype, lang, date="2021-05", last_sentence=True)
    assert [d[:len(expected[0])] for d in found] == expected, found


@pytest.mark.parametrize("text,lang,etype,mode", [
    # "that aid": a determiner opens no clause, so "would not" reaches the noun
    ("Israel and Hamas agreed a truce. Washington would not channel that aid through Hamas, he said.", "en", "AID",
     "denied"),
    ("Rusland houdt oefeningen in Belarus. De Russische troepen in Belarus blijven langer dan gepland.", "nl",
     "MOBILIZE", "asserted"),
])
def test_events_determiners_open_no_clause_and_a_compared_plan_is_no_future(text, lang, etype, mode):
    assert [d[1] for d in typed(text, etype, lang, date="2021-05", last_sentence=True)] == [mode]


@pytest.mark.parametrize("text,expected", [
    ("De Amerikaanse regering schat dat Rusland inmiddels zo'n 110.000 militairen rond Oekraïne heeft.",
     [("MOBILIZE", "asserted", "RUS", "UKR")]),
    ("Volgens de NAVO gaat het om 30.000 Russische militairen, de grootste Russische troepenmacht in Belarus.",
     [("MOBILIZE", "asserted", "RUS", None)]),
])
def test_events_forces_around_a_country_and_the_largest_force(text, expected):
    assert typed(text, "MOBILIZE", date="2022-02") == expected
