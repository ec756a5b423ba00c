"""Time expressions: detection (nl, en), evidence offsets, resolution per ANNOTATION.md."""

import calendar
from datetime import datetime
from pathlib import Path

import pytest

from signaal.extract import timex
from signaal.extract.timex_text import sentence_spans
from signaal.records import Article, Interval, Region

SEED = Path(__file__).resolve().parents[3] / "shared/seed/000_5dbc0360713f8d14.txt"


def _anchor(label: str | None) -> Interval | None:
    if label is None:
        return None
    parts = [int(p) for p in label.split("-")]
    if len(parts) == 1:
        return Interval(datetime(parts[0], 1, 1), datetime(parts[0], 12, 31, 23, 59, 59), "year")
    if len(parts) == 2:
        last = calendar.monthrange(*parts)[1]
        return Interval(datetime(*parts, 1), datetime(*parts, last, 23, 59, 59), "month")
    return Interval(datetime(*parts), datetime(*parts, 23, 59, 59), "day")


def _article(text: str, date: str | None, lang: str = "nl", regions=()) -> Article:
    return Article(id="t", text=text, lang=lang, published=_anchor(date), regions=tuple(regions))


def _one(text: str, date: str | None, lang: str = "nl"):
    found = timex.extract(None, _article(text, date, lang))
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def test_timex_seed_three_unresolved():
    from signaal.ingest import read

    (article,) = [a for a in read([str(SEED)]) if isinstance(a, Article)]
    found = timex.extract(None, article)
    assert [t.text for t in found] == ["deze week", "Maandag", "De afgelopen weken en dagen"]
    assert all(t.resolved is None and t.reason for t in found)
    for t in found:
        assert article.text[t.evidence.start_char:t.evidence.end_char] == t.text
        assert t.text in t.evidence.sentence and t.extractor == "signaal.timex.v1"


NL_CASES = [
    # the guide's own examples
    ("De verkiezingen waren in juni.", "2021-11", "in juni", "2021-06"),
    ("De top is in maart.", "2022-01", "in maart", "2022-03"),
    ("Het akkoord werd op 14 juni gesloten.", "2021-11", "op 14 juni", "2021-06-14"),
    ("De oefening duurt van 3 tot 9 maart.", "2022-02", "van 3 tot 9 maart", "2022-03-03/2022-03-09"),
    ("Het mandaat loopt tot september door.", "2022-04", "tot september", "2022-09"),
    # same-day deictics take the header month
    ("Vanavond spreekt de premier.", "2022-02", "Vanavond", "2022-02"),
    ("Eerder vandaag viel het kabinet.", "2022-02", "Eerder vandaag", "2022-02"),
    ("Vanochtend kwam het bericht.", "2022-02", "Vanochtend", "2022-02"),
    # month-level anchor: no day, no week
    ("Gisteren vergaderde de raad.", "2022-02", "Gisteren", None),
    ("De top is morgen.", "2022-02", "morgen", None),
    ("De ministers spreken elkaar vrijdag.", "2022-02", "vrijdag", None),
    ("De top duurt tot en met vrijdag.", "2022-02", "tot en met vrijdag", None),
    ("Dat gebeurde vorige week.", "2022-02", "vorige week", None),
    ("Een week geleden sprak hij nog anders.", "2022-02", "Een week geleden", None),
    ("Er komt binnenkort een besluit.", "2022-02", "binnenkort", None),
    ("Ze demonstreren de komende dagen.", "2022-02", "de komende dagen", None),
    ("Om 14.32 uur viel de stroom uit.", "2022-02", "Om 14.32 uur", None),
    # months and years relative to the header
    ("Vorige maand zakte de inflatie.", "2022-01", "Vorige maand", "2021-12"),
    ("Volgende maand stemt de Kamer.", "2022-12", "Volgende maand", "2023-01"),
    ("Deze maand is het druk.", "2022-02", "Deze maand", "2022-02"),
    ("Vorig jaar was het rustig.", "2022-02", "Vorig jaar", "2021"),
    ("Dit jaar komt er een wet.", "2022-02", "Dit jaar", "2022"),
    ("Twee jaar geleden begon het conflict.", "2022-02", "Twee jaar geleden", "2020"),
    ("Het verdrag is 50 jaar geleden getekend.", "2022-02", "50 jaar geleden", "1972"),
    ("Het land trad in 2014 toe.", "2022-02", "in 2014", "2014"),
    ("Eind februari liep het overleg vast.", "2022-03", "Eind februari", "2022-02"),
    ("Begin maart volgt een besluit.", "2022-02", "Begin maart", "2022-03"),
    ("De inval begon op 24-02-2022 in de vroege ochtend.", "2022-03", "op 24-02-2022", "2022-02-24"),
    ("Op 28 februari 2021 viel het besluit.", "2022-03", "Op 28 februari 2021", "2021-02-28"),
    ("De top duurt van 28 februari tot 3 maart.", "2022-02", "van 28 februari tot 3 maart",
     "2022-02-28/2022-03-03"),
    ("In september zal de nieuwe regering aantreden.", "2022-04", "In september", "2022-09"),
    # context prepositions (sinds, na, van) are not part of the expression
    ("Sinds augustus is de grens dicht.", "2022-02", "Sinds augustus", "2021-08"),
    ("De verkiezingen van maart waren een succes.", "2021-12", "maart", "2021-03"),
    ("Het doel voor 2030 blijft staan.", "2022-07", "2030", "2030"),
    ("De ronde staat gepland voor maart.", "2022-01", "maart", "2022-03"),
    ("Ze spraken na 1997 af.", "2022-01", "1997", "1997"),
    ("Plannen moeten er zijn vóór juli volgend jaar.", "2022-07", "vóór juli volgend jaar", "2023-07"),
    ("Een dag eerder was hij nog optimistisch.", "2021-01", "Een dag eerder", None),
    ("Moskou ziet op dit moment geen reden.", "2022-01", "op dit moment", "2022-01"),
    ("Ze kondigden deze namiddag aan dat ze vertrekken.", "2022-01", "deze namiddag", "2022-01"),
    ("Britten stuurden de voorbije week wapens.", "2022-01", "de voorbije week", None),
    ("Sinds 2019 is hij premier.", "2022-02", "Sinds 2019", "2019"),
    ("De oefening duurt van donderdag tot en met zondag.", "2022-02", "van donderdag tot en met zondag", None),
    ("Om acht uur 's avonds begon de avondklok.", "2022-02", "Om acht uur 's avonds", None),
    ("Dit is het ergste in de afgelopen dertig jaar.", "2022-02", "de afgelopen dertig jaar", None),
    ("Het restaurant gaat over een paar weken open.", "2022-02", None, None),
    ("Het kabinet regeerde van 2017 tot 2021.", "2022-02", "van 2017 tot 2021", "2017/2021"),
    ("Maandagavond sprak hij.", "2022-02", "Maandagavond", None),
]
EN_CASES = [
    ("The summit took place in June.", "2021-11", "in June", "2021-06"),
    ("Talks resume on 14 June.", "2021-05", "on 14 June", "2021-06-14"),
    ("The deal was signed on June 14, 2020.", "2021-05", "on June 14, 2020", "2020-06-14"),
    ("Earlier today the minister resigned.", "2022-02", "Earlier today", "2022-02"),
    ("Yesterday the army withdrew.", "2022-02", "Yesterday", None),
    ("Last month inflation fell.", "2022-01", "Last month", "2021-12"),
    ("Two years ago the border closed.", "2022-02", "Two years ago", "2020"),
    ("The exercise runs from 3 to 9 March.", "2022-02", "from 3 to 9 March", "2022-03-03/2022-03-09"),
    ("Troops massed over the past few weeks.", "2022-02", "the past few weeks", None),
    ("On Monday the talks stalled.", "2022-02", "Monday", None),
    ("The vote is next week.", "2022-02", "next week", None),
    ("Prices rose this year.", "2022-02", "this year", "2022"),
    ("The blast came at 2.30 pm.", "2022-02", "2.30 pm", None),
    ("It is the first visit in 12 years.", "2022-02", None, None),
    ("Diplomats hope a deal can be concluded in September.", "2022-08", "in September", "2022-09"),
    ("The treaty dates from mid-March 2014.", "2022-02", "mid-March 2014", "2014-03"),
]


@pytest.mark.parametrize("lang,text,date,expr,resolved",
                         [("nl", *c) for c in NL_CASES] + [("en", *c) for c in EN_CASES])
def test_timex_detects_and_resolves(lang, text, date, expr, resolved):
    if expr is None:  # nothing to find
        assert timex.extract(None, _article(text, date, lang)) == []
        return
    t = _one(text, date, lang)
    assert (t.text, t.resolved) == (expr, resolved)
    assert t.evidence.text == expr and text[t.evidence.start_char:t.evidence.end_char] == expr
    assert (t.reason is None) == (resolved is not None)


@pytest.mark.parametrize("text,date,resolved,start,end", [
    ("Gisteren vergaderde de raad.", "2022-02-16", "2022-02-15", "2022-02-15", "2022-02-15"),
    ("Maandag gaven zij signalen af.", "2022-02-16", "2022-02-14", "2022-02-14", "2022-02-14"),
    ("Vrijdag zal de raad besluiten.", "2022-02-16", "2022-02-18", "2022-02-18", "2022-02-18"),
    ("Deze week valt een besluit.", "2022-02-16", "2022-02-14/2022-02-20", "2022-02-14", "2022-02-20"),
    ("Vorige week viel een besluit.", "2022-02-16", "2022-02-07/2022-02-13", "2022-02-07", "2022-02-13"),
    ("Een week geleden viel een besluit.", "2022-02-16", "2022-02-09", "2022-02-09", "2022-02-09"),
    ("Om 14.32 uur viel de stroom uit.", "2022-02-16", "2022-02-16T14:32", "2022-02-16", "2022-02-16"),
    ("Vandaag spreekt de premier.", "2022-02-16", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("Eerder deze week viel het besluit.", "2022-08-04", "2022-08-01/2022-08-03", "2022-08-01", "2022-08-03"),
    ("Het besluit valt later deze week.", "2022-08-04", "2022-08-05/2022-08-07", "2022-08-05", "2022-08-07"),
    ("In het weekend waren er rellen.", "2022-02-21", "2022-02-19/2022-02-20", "2022-02-19", "2022-02-20"),
    ("Macron sprak in Moskou. Hij reist dinsdag door naar Kiev.", "2022-02-07", "2022-02-08", "2022-02-08",
     "2022-02-08"),
    ("De oefening duurt van donderdag tot en met zondag.", "2022-08-03", "2022-08-04/2022-08-07",
     "2022-08-04", "2022-08-07"),
    ("In de media werd 16 februari genoemd als datum.", "2022-02-14", "2022-02-16", "2022-02-16", "2022-02-16"),
    ("Om acht uur 's avonds begon de avondklok.", "2022-02-16", "2022-02-16T20:00", "2022-02-16", "2022-02-16"),
    # weekdays without tense cues: the nearest such day; the article's own weekday is its day
    ("Woensdag praten zij verder.", "2022-01-10", "2022-01-12", "2022-01-12", "2022-01-12"),
    ("Zij volgden het overleg maandag op afstand.", "2022-01-10", "2022-01-10", "2022-01-10", "2022-01-10"),
    ("President Biden zei woensdag nog dat hij verwacht dat het gebeurt.", "2022-01-21", "2022-01-19",
     "2022-01-19", "2022-01-19"),
    ("Hij vertrok afgelopen maandag.", "2022-01-10", "2022-01-03", "2022-01-03", "2022-01-03"),
])
def test_timex_day_precise_anchor_resolves_deictics(text, date, resolved, start, end):
    t = _one(text, date)
    assert (t.resolved, t.start, t.end) == (resolved, start, end)


def test_timex_month_anchor_keeps_bounds_and_reason():
    t = _one("Gisteren vergaderde de raad.", "2022-02")
    assert t.resolved is None and "month-level" in t.reason
    assert (t.start, t.end) == ("2022-01-31", "2022-02-27")


def test_timex_resolved_month_interval():
    t = _one("De top is in maart.", "2022-01")
    assert (t.start, t.end) == ("2022-03-01", "2022-03-31")


def test_timex_no_date_leaves_relative_unresolved_but_absolute_resolved():
    assert _one("Vorige maand zakte de inflatie.", None).reason == "the article has no date"
    assert _one("Het land trad in 2014 toe.", None).resolved == "2014"


def test_timex_duplicates_listed_once_keeping_first():
    found = timex.extract(None, _article("Maandag sprak hij. Hij sprak maandag weer.", "2022-02"))
    assert [t.text for t in found] == ["Maandag"]


def test_timex_skips_non_content_regions():
    text = "Vandaag spreekt de premier.\nLees ook: Gisteren viel het kabinet."
    cut = text.index("Lees")
    found = timex.extract(None, _article(text, "2022-02", regions=[Region("teasers", cut, len(text))]))
    assert [t.text for t in found] == ["Vandaag"]


@pytest.mark.parametrize("text", [
    "Er waren vijf uur lang gesprekken.",          # a pure duration
    "Een aanval kan elk moment komen.",            # a vague interval
    "Ze kunnen binnen een paar dagen terug zijn.",  # a vague interval
    "Dat schrijft De Morgen.",                     # the newspaper, not tomorrow
    "D66 en de SP stemden tegen 2000 voorstellen.",
    "Ruim 130.000 militairen staan klaar.",
])
def test_timex_ignores_non_time_expressions(text):
    assert timex.extract(None, _article(text, "2022-02")) == []


def test_timex_uses_doc_sentences_when_given():
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    text = "Het kabinet viel. Vorige maand was het nog stabiel."
    (t,) = timex.extract(nlp(text), _article(text, "2022-03"))
    assert t.evidence.sentence == "Vorige maand was het nog stabiel." and t.resolved == "2022-02"


def test_timex_sentence_rule_skips_header_and_splits_after_quotes():
    text = " date 2022-02 Eerste zin. “Tweede!” Derde\nVierde"
    got = [text[s.start_char:s.end_char] for s in sentence_spans(text)]
    assert got == ["Eerste zin.", "“Tweede!”", "Derde", "Vierde"]


def test_timex_grammars_compile_with_the_same_core_rules():
    nl, en = timex.grammar("nl"), timex.grammar("en")
    core = {"deictic", "weekday", "relative", "vague", "ago", "month", "day_month", "day_range",
            "year", "clock", "weekday_range"}
    assert core <= {r for r, _ in nl.patterns} and core <= {r for r, _ in en.patterns}
