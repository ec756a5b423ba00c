"""A small corpus written for the API and dashboard tests, with hand-built records.

Five dated articles (four about a Russia–Ukraine build-up, one hostile) and their Signals,
built by finding each phrase in the text, so every evidence span is exact by construction.
Expected facts the tests check by hand:

- RUS→UKR events on 2022-02-14 (RETREAT asserted per RUS, RETREAT denied per NATO,
  MOBILIZE asserted per USA), 02-15 (ASSAULT denied per RUS), 02-16 (ASSAULT asserted per UKR,
  ASSAULT expected per USA), 02-17 (ASSAULT asserted per UKR) and 02-18 (MOBILIZE denied
  per RUS, in the hostile article).
- Contested: RETREAT RUS→UKR asserted (RUS) vs denied (NATO); troops 130,000 (USA) vs 100,000 (UKR).
- The hostile article's title, text, outlet and a claim source hold HTML and script tags.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from signaal.records import (
    Actor, Article, Claim, Event, Evidence, Interval, Mention, Provenance, Quantity, Region,
    Related, Signals, TimeExpression, stable_id,
)

XSS_TITLE = '<script>window.__xss=1</script>Sneaky <img src=x onerror="window.__xss=2">'
XSS_SCRIPT = "<script>window.__xss=3</script>"
XSS_SOURCE = '<b onmouseover="window.__xss=4">Hacker</b>'


def day(d: str) -> Interval:
    start = datetime.fromisoformat(d)
    return Interval(start, start.replace(hour=23, minute=59, second=59), "day")


def sentence_bounds(text: str, start: int) -> tuple[int, int]:
    """The sentence around ``start``: after the previous '. ' or newline, to the next '.' that
    ends a sentence (followed by a space or the end; so '130.000' does not end one)."""
    before = text.rfind(". ", 0, start)
    lo = max(before + 2 if before >= 0 else 0, text.rfind("\n", 0, start) + 1)
    ends = re.compile(r"\.(?=\s|$)").search(text, start)
    return lo, (ends.end() if ends else len(text))


def ev(article: Article, phrase: str, within: Optional[str] = None) -> Evidence:
    """Evidence for the first ``phrase`` in the article (inside ``within`` when given)."""
    base = article.text.index(within) if within else 0
    start = article.text.index(phrase, base)
    end = start + len(phrase)
    s, e = sentence_bounds(article.text, start)
    return Evidence(article.id, start, end, phrase, s, e, article.text[s:e])


def claim(a: Article, sentence: str, content: str, source: str, actor: Optional[str],
          polarity: str, cue: str) -> Claim:
    evidence = ev(a, sentence)
    return Claim(id=stable_id(a.id, "claim", evidence.start_char), source=source,
                 source_actor=actor, cue=cue, polarity=polarity, direct=False,
                 content=ev(a, content), evidence=evidence, extractor="test.v1")


def event(a: Article, trigger: str, type_: str, mode: str, src: str, tgt: str,
          c: Optional[Claim] = None) -> Event:
    evidence = ev(a, trigger)
    return Event(id=stable_id(a.id, "event", evidence.start_char, type_, mode), type=type_,
                 mode=mode, source_actor=src, target_actor=tgt, evidence=evidence,
                 trigger=trigger, claim_id=c.id if c else None,
                 claim_source=c.source if c else None, extractor="test.v1")


def article(id_: str, date: str, source: str, lang: str, title: str, text: str,
            **extra) -> Article:
    return Article(id=id_, text=text, url=f"https://example.org/{id_}", source=source, lang=lang,
                   published=day(date), title=title,
                   provenance=Provenance(f"corpus/{id_}.txt", None, "test"), **extra)


A1_TEXT = (
    "Rusland zegt dat een deel van de troepen bij de grens met Oekraïne terugkeert naar de "
    "kazernes. Volgens de NAVO is van een terugtrekking niets te zien. De Verenigde Staten "
    "zeggen dat Rusland zo'n 130.000 militairen heeft verzameld.\n\n"
    "Lees ook:\nFinland als model voor Oekraïne?\nDe Finse president waarschuwt voor haast.")
A2_TEXT = ("Oekraïne schat het aantal Russische militairen bij de grens op 100.000. Het Kremlin "
           "ontkent dat Rusland een aanval plant.")
A3_TEXT = ("Russian forces shelled positions near Donetsk, Ukraine said on Wednesday. The "
           "United States expects an attack within days.")
A4_TEXT = ("Rusland heeft volgens Oekraïne opnieuw artillerie ingezet bij Loehansk. De "
           "beschietingen duurden de hele nacht.")
A5_TEXT = (f"Dit bericht bevat {XSS_SCRIPT} en <iframe src=\"javascript:alert(1)\"></iframe> "
           "als ruwe tekst. Volgens de hacker is alles veilig. Rusland ontkent dat het troepen "
           "verzamelt.")


def build() -> tuple[list[Article], dict[str, Signals]]:
    """The articles and their records."""
    teaser_at = A1_TEXT.index("Lees ook:")
    a1 = article("a1-retreat", "2022-02-14", "NOS", "nl", "Moskou: troepen keren terug", A1_TEXT,
                 regions=(Region("teasers", teaser_at, len(A1_TEXT)),),
                 related=(Related("Finland als model voor Oekraïne?",
                                  "De Finse president waarschuwt voor haast.", teaser_at,
                                  len(A1_TEXT)),))
    a2 = article("a2-kremlin", "2022-02-15", "ANP", "nl", "Kremlin ontkent aanvalsplannen", A2_TEXT)
    a3 = article("a3-shelling", "2022-02-16", "Reuters", "en", "Shelling near Donetsk", A3_TEXT)
    a4 = article("a4-artillery", "2022-02-17", "De Standaard", "nl", "Artillerie bij Loehansk",
                 A4_TEXT)
    a5 = article("a5-hostile", "2022-02-18", "<b>Evil</b> outlet", "nl", XSS_TITLE, A5_TEXT)

    c1 = claim(a1, A1_TEXT[:A1_TEXT.index(".") + 1], "een deel van de troepen bij de grens met "
               "Oekraïne terugkeert naar de kazernes", "Russia", "RUS", "asserted", "zegt")
    c2 = claim(a1, "Volgens de NAVO is van een terugtrekking niets te zien.",
               "is van een terugtrekking niets te zien", "NATO", "NATO", "denied", "Volgens")
    c3 = claim(a1, "De Verenigde Staten zeggen dat Rusland zo'n 130.000 militairen heeft verzameld.",
               "Rusland zo'n 130.000 militairen heeft verzameld", "United States", "USA",
               "asserted", "zeggen")
    c4 = claim(a2, "Oekraïne schat het aantal Russische militairen bij de grens op 100.000.",
               "het aantal Russische militairen bij de grens op 100.000", "Ukraine", "UKR",
               "asserted", "schat")
    c5 = claim(a2, "Het Kremlin ontkent dat Rusland een aanval plant.", "Rusland een aanval plant",
               "Kremlin", "RUS", "denied", "ontkent")
    c6 = claim(a3, "Russian forces shelled positions near Donetsk, Ukraine said on Wednesday.",
               "Russian forces shelled positions near Donetsk", "Ukraine", "UKR", "asserted", "said")
    c7 = claim(a3, "The United States expects an attack within days.", "an attack within days",
               "United States", "USA", "expected", "expects")
    c8 = claim(a4, "Rusland heeft volgens Oekraïne opnieuw artillerie ingezet bij Loehansk.",
               "Rusland heeft", "Ukraine", "UKR", "asserted", "volgens")
    c9 = claim(a5, "Volgens de hacker is alles veilig.", "is alles veilig", XSS_SOURCE, None,
               "asserted", "Volgens")
    c10 = claim(a5, "Rusland ontkent dat het troepen verzamelt.", "het troepen verzamelt", "Russia",
                "RUS", "denied", "ontkent")

    def mention(a: Article, phrase: str, code: str, name: str) -> Mention:
        return Mention(ev(a, phrase), Actor(code, name, "state", code, None, code))

    signals = {
        a1.id: Signals(a1.id, claims=(c1, c2, c3), events=(
            event(a1, "terugkeert", "RETREAT", "asserted", "RUS", "UKR", c1),
            event(a1, "terugtrekking", "RETREAT", "denied", "RUS", "UKR", c2),
            event(a1, "verzameld", "MOBILIZE", "asserted", "RUS", "UKR", c3)),
            quantities=(Quantity(stable_id(a1.id, "q"), 130000.0, "troops", ev(a1, "zo'n 130.000 militairen"),
                                 approx=True, obj="militairen", claimed_by="United States",
                                 claim_id=c3.id, extractor="test.v1"),),
            mentions=(mention(a1, "Rusland", "RUS", "Russia"), mention(a1, "Oekraïne", "UKR", "Ukraine"),
                      mention(a1, "NAVO", "NATO", "NATO")),
            extractor="test.v1"),
        a2.id: Signals(a2.id, claims=(c4, c5), events=(
            event(a2, "aanval", "ASSAULT", "denied", "RUS", "UKR", c5),),
            quantities=(Quantity(stable_id(a2.id, "q"), 100000.0, "troops", ev(a2, "100.000"),
                                 obj="militairen", claimed_by="Ukraine", claim_id=c4.id,
                                 extractor="test.v1"),),
            mentions=(mention(a2, "Oekraïne", "UKR", "Ukraine"), mention(a2, "Rusland", "RUS", "Russia")),
            extractor="test.v1"),
        a3.id: Signals(a3.id, claims=(c6, c7), events=(
            event(a3, "shelled", "ASSAULT", "asserted", "RUS", "UKR", c6),
            event(a3, "attack", "ASSAULT", "expected", "RUS", "UKR", c7)),
            time_expressions=(TimeExpression(stable_id(a3.id, "t"), "on Wednesday",
                                             ev(a3, "on Wednesday"), "2022-02-16", "2022-02-16",
                                             "2022-02-16", extractor="test.v1"),),
            extractor="test.v1"),
        a4.id: Signals(a4.id, claims=(c8,), events=(
            event(a4, "artillerie ingezet", "ASSAULT", "asserted", "RUS", "UKR", c8),),
            extractor="test.v1"),
        a5.id: Signals(a5.id, claims=(c9, c10), events=(
            event(a5, "verzamelt", "MOBILIZE", "denied", "RUS", "UKR", c10),),
            extractor="test.v1"),
    }
    return [a1, a2, a3, a4, a5], signals


def fill(store) -> None:
    """Ingest the corpus (with its records) into ``store``."""
    articles, signals = build()
    store.ingest(articles, extract=lambda a: signals[a.id])
