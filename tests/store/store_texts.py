"""Example articles written for the store tests (not taken from any outlet), and record builders."""

from __future__ import annotations

from signaal.records import (
    Actor, Article, Claim, Event, Evidence, Mention, Quantity, Signals, TimeExpression, stable_id,
)

NL_TROOPS = (
    "Rusland heeft volgens de Amerikaanse regering zo'n 100.000 militairen samengetrokken bij de "
    "grens met Oekraïne. Het Kremlin ontkent dat er plannen zijn voor een aanval en spreekt van "
    "oefeningen op eigen grondgebied. De NAVO roept Moskou op de troepen terug te trekken. "
    "Volgens diplomaten in Brussel wordt er deze week opnieuw overlegd over de veiligheid in "
    "Europa, maar een doorbraak wordt niet verwacht. De Oekraïense president vraagt het Westen "
    "om meer steun en wapens voor de verdediging van het land.\n\n"
    "Lees ook:\n\n"
    "Waarom de kaasboeren in Friesland zich zorgen maken over de melkprijs\n\n"
    "De melkprijs daalt al maanden en de boeren in het noorden voelen het in hun portemonnee."
)
NL_FARMERS = (
    "Honderden boeren protesteerden dinsdag met trekkers op het Malieveld in Den Haag tegen de "
    "stikstofplannen van het kabinet. De politie zette wegen rond het centrum af. Een woordvoerder "
    "van de boerenorganisatie zegt dat de plannen het einde betekenen van veel familiebedrijven in "
    "Gelderland en Overijssel. Het kabinet wil vasthouden aan de doelen maar belooft overleg."
)
EN_SUMMIT = (
    "European leaders met in Brussels on Thursday to discuss new sanctions against Russia. The "
    "summit ended without agreement on an oil embargo, diplomats said. Hungary blocked the "
    "proposal, arguing that its economy depends on Russian pipelines. Talks resume next week, "
    "when the Commission will present a revised package with longer transition periods."
)


def seed_file(path, body: str, date: str = "2022-02") -> str:
    """Write ``body`` in the seed format (header line, then the body) and return the path."""
    path.write_text(f" date {date} \n{body}", encoding="utf-8")
    return str(path)


def near_copy(text: str) -> str:
    """A syndicated copy: the same story with one word changed and a credit line added."""
    return text.replace("samengetrokken", "verzameld", 1).replace(
        "Het kabinet wil", "Het kabinet zegt", 1) + "\n\n(ANP)"


def evidence(article: Article, needle: str) -> Evidence:
    """Evidence for the first occurrence of ``needle``; the sentence is the whole line around it."""
    start = article.text.index(needle)
    s_start = article.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = article.text.find(". ", start)
    s_end = len(article.text) if s_end < 0 else s_end + 1
    return Evidence(article.id, start, start + len(needle), needle, s_start, s_end,
                    article.text[s_start:s_end])


def troop_signals(article: Article, extractor: str = "test.v1") -> Signals:
    """Hand-made records for an article written from NL_TROOPS (every field set)."""
    claim_ev = evidence(article, "volgens de Amerikaanse regering")
    claim = Claim(
        id=stable_id(article.id, "claim", claim_ev.start_char, claim_ev.end_char, extractor),
        source="United States", source_actor="USA", cue="volgens", polarity="asserted",
        direct=False, content=evidence(article, "zo'n 100.000 militairen samengetrokken"),
        evidence=claim_ev, via=("Amerikaanse regering",), source_code="USAGOV",
        speaker=evidence(article, "de Amerikaanse regering"), confidence=0.9, extractor=extractor)
    q_ev = evidence(article, "zo'n 100.000 militairen")
    quantity = Quantity(
        id=stable_id(article.id, "quantity", q_ev.start_char, q_ev.end_char, extractor),
        value=100000.0, unit="troops", evidence=q_ev, value_max=None, approx=True,
        obj="militairen", claimed_by="United States", claim_id=claim.id, extractor=extractor)
    t_ev = evidence(article, "deze week")
    timex = TimeExpression(
        id=stable_id(article.id, "timex", t_ev.start_char, t_ev.end_char, extractor),
        text="deze week", evidence=t_ev, start="2022-02-01", end="2022-02-28", resolved=None,
        reason="week inside a month-precision date", extractor=extractor)
    e_ev = evidence(article, "ontkent dat er plannen zijn voor een aanval")
    event = Event(
        id=stable_id(article.id, "event", e_ev.start_char, e_ev.end_char, extractor),
        type="ASSAULT", mode="denied", source_actor="RUS", target_actor="UKR", evidence=e_ev,
        trigger="aanval", location="Oekraïne", time="2022-02", claim_id=None,
        claim_source="Kremlin", confidence=0.8, extractor=extractor)
    m_ev = evidence(article, "Het Kremlin")
    mention = Mention(m_ev, Actor("RUSGOV", "Kremlin", "government", "RUS", "GOV", "RUSGOV",
                                  "presidential administration"),
                      confidence=0.95, by_reference=True, extractor=extractor)
    return Signals(article.id, mentions=(mention,), claims=(claim,), quantities=(quantity,),
                   time_expressions=(timex,), events=(event,), extractor=extractor)
