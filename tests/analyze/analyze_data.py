"""Hand-built test data: a Russia–Ukraine crisis storyline as Articles + Signals.

Written by the analysis engineer (no third-party text). Every record's evidence is cut from its
article's text, so the store accepts it exactly as it would extractor output. What the data
contains, and so what the tests may expect (checked by hand):

- RUS→UKR MOBILIZE asserted reported by 1 outlet on 10 Jan, 1 on 20 Jan, 2 on 1 Feb, 3 outlets
  on 8 Feb (+ a syndicated copy of the ANP story and a second NOS article: both count once),
  3 on 15 Feb: the build-up rises week by week.
- 15 Feb: RETREAT RUS→UKR asserted per RUS (NOS); 16 Feb: RETREAT denied per NATO (Trouw).
- 16 Feb: ASSAULT RUS→UKR expected per USA (NOS) and per GBR (NRC); denied per RUS (ANP), in a
  Kremlin (RUSGOV) denial claim.
- 24 Feb: ASSAULT RUS→UKR asserted by 4 outlets, 25 and 26 Feb by 3: the escalation jumps.
- Troops: 14 Feb 130,000 per USA, 14 Feb 100,000 per UKR (disagree); 10 Feb 30,000 per NATO in
  Belarus (another magnitude); 17 Feb 150,000 per USA (+15%); 18 Feb 190,000 per USA (+27%).
- A month-dated article (2022-02) with ASSAULT RUS→UKR asserted; a CHN→TWN article.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Optional

from signaal.records import (
    Article, Claim, Event, Evidence, Interval, Quantity, Signals, stable_id,
)
from signaal.store.base import Batch

WORDS = ("kade molen veld brug toren haven dijk polder sluis gracht plein markt school kerk "
         "station wagen fiets boot trein weg laan park bos duin strand heide beek rivier meer "
         "zee eiland stad dorp wijk straat huis tuin schuur stal akker boom struik bloem gras "
         "steen zand klei veen water lucht wolk regen zon maan ster wind storm sneeuw ijs vuur "
         "licht donker ochtend avond nacht winter zomer lente herfst koffie thee brood kaas melk "
         "appel peer kers pruim noot zout suiker boter soep pan pot kop bord lepel vork mes tafel "
         "stoel kast bed deur raam dak muur vloer trap lamp klok boek krant brief pen papier").split()


def filler(seed: int, n: int = 60) -> str:
    """Unique filler so that distinct test articles are not near-duplicates of each other."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


class Builder:
    """Collects articles and their records; ``write(store)`` stores them as one batch."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.signals: list[Signals] = []

    def article(self, key: str, day: str, outlet: Optional[str], sentences: list[str],
                records: list[tuple], group: Optional[str] = None, copy_of: Optional[str] = None,
                precision: str = "day") -> Article:
        """One article from ``sentences``; ``records`` are (kind, sentence index, fields)."""
        text = " ".join(sentences) + " " + filler(len(self.articles) + 1)
        aid = stable_id("test-article", key)
        if precision == "month":
            y, m = map(int, day.split("-")[:2])
            published = Interval(datetime(y, m, 1), datetime(y, m, 28, 23, 59, 59), "month")
        else:
            d = datetime.fromisoformat(day)
            published = Interval(d, d.replace(hour=23, minute=59, second=59), "day")
        article = Article(id=aid, text=text, source=outlet, lang="nl", published=published,
                          title=sentences[0][:60], content_hash=stable_id("hash", key, text),
                          group=group or aid, duplicate_of=copy_of)
        claims, quantities, events = [], [], []
        for kind, idx, f in records:
            ev = self._evidence(article, sentences, idx)
            rid = stable_id(aid, kind, len(claims), len(quantities), len(events))
            if kind == "claim":
                claims.append(Claim(id=rid, source=f["source"], source_actor=f.get("actor"),
                                    cue=f.get("cue", "zegt"), polarity=f["polarity"],
                                    direct=False, content=ev, evidence=ev,
                                    source_code=f.get("code"), extractor="test"))
            elif kind == "quantity":
                quantities.append(Quantity(id=rid, value=f["value"], unit=f.get("unit", "troops"),
                                           evidence=ev, value_max=f.get("value_max"),
                                           claimed_by=f.get("by", "narrator"),
                                           claim_id=f.get("claim_id"), extractor="test"))
            else:
                events.append(Event(id=rid, type=f["type"], mode=f["mode"],
                                    source_actor=f.get("src", "RUS"), target_actor=f.get("tgt", "UKR"),
                                    evidence=ev, claim_id=f.get("claim_id"),
                                    claim_source=f.get("per"), extractor="test"))
        self.articles.append(article)
        self.signals.append(Signals(aid, claims=tuple(claims), quantities=tuple(quantities),
                                    events=tuple(events), extractor="test"))
        return article

    @staticmethod
    def _evidence(article: Article, sentences: list[str], idx: int) -> Evidence:
        start = sum(len(s) + 1 for s in sentences[:idx])
        sent = sentences[idx]
        assert article.text[start:start + len(sent)] == sent
        return Evidence(article.id, start, start + len(sent), sent, start, start + len(sent), sent)

    def write(self, store) -> None:
        store.write_batch(Batch(articles=list(self.articles), signals=list(self.signals)))


def claim_id(b: Builder, key: str, n: int = 0) -> str:
    """The id the builder gives the n-th claim of article ``key`` (to link events to it)."""
    return stable_id(stable_id("test-article", key), "claim", n, 0, 0)


def mobilize(per: str = "Pentagon") -> tuple:
    return ("event", 0, {"type": "MOBILIZE", "mode": "asserted", "per": per})


def crisis() -> Builder:
    """The storyline described in the module docstring."""
    b = Builder()
    s_troops = "Rusland trekt volgens de Amerikanen meer troepen samen bij de grens."
    b.article("jan10", "2022-01-10", "NOS", [s_troops], [mobilize()])
    b.article("jan20", "2022-01-20", "Trouw", [s_troops], [mobilize()])
    for outlet in ("NOS", "NRC"):
        b.article(f"feb01-{outlet}", "2022-02-01", outlet, [s_troops], [mobilize()])
    anp = b.article("feb08-ANP", "2022-02-08", "ANP", [s_troops], [mobilize()])
    b.article("feb08-copy", "2022-02-08", "Regionaal", [s_troops], [mobilize()],
              group=anp.group, copy_of=anp.id)
    for outlet in ("NOS", "Trouw"):
        b.article(f"feb08-{outlet}", "2022-02-08", outlet, [s_troops], [mobilize()])
    b.article("feb08-NOS-2", "2022-02-08", "NOS", [s_troops], [mobilize()])
    b.article("feb10-belarus", "2022-02-10", "NRC",
              ["Volgens de NAVO staan er 30.000 Russische militairen in Belarus."],
              [("quantity", 0, {"value": 30000, "by": "NATO"})])
    b.article("feb14-numbers", "2022-02-14", "NOS",
              ["Volgens de VS heeft Rusland 130.000 militairen bij de grens.",
               "Oekraïne houdt het op 100.000 militairen."],
              [("quantity", 0, {"value": 130000, "by": "United States"}),
               ("quantity", 1, {"value": 100000, "by": "Ukraine"})])
    b.article("feb15-retreat", "2022-02-15", "NOS",
              ["Het Russische ministerie zegt dat eenheden terugkeren naar hun bases.", s_troops],
              [("claim", 0, {"source": "Russian Defence Ministry", "actor": "RUS", "code": "RUSMIL",
                             "polarity": "asserted"}),
               ("event", 0, {"type": "RETREAT", "mode": "asserted", "per": "Russian Defence Ministry",
                             "claim_id": claim_id(b, "feb15-retreat")}),
               ("event", 1, {"type": "MOBILIZE", "mode": "asserted", "per": "Pentagon"})])
    for outlet in ("Trouw", "NRC"):
        b.article(f"feb15-{outlet}", "2022-02-15", outlet, [s_troops], [mobilize()])
    b.article("feb16-nato", "2022-02-16", "Trouw",
              ["Stoltenberg zegt dat er geen terugtrekking is."],
              [("claim", 0, {"source": "Jens Stoltenberg", "actor": "NATO", "code": "IGONATO",
                             "polarity": "denied"}),
               ("event", 0, {"type": "RETREAT", "mode": "denied", "per": "Jens Stoltenberg",
                             "claim_id": claim_id(b, "feb16-nato")})])
    for key, outlet, who, actor in (("feb16-usa", "NOS", "United States", "USA"),
                                    ("feb16-gbr", "NRC", "United Kingdom", "GBR")):
        b.article(key, "2022-02-16", outlet, [f"Volgens {who} valt Rusland binnenkort aan."],
                  [("claim", 0, {"source": who, "actor": actor, "polarity": "expected"}),
                   ("event", 0, {"type": "ASSAULT", "mode": "expected", "per": who,
                                 "claim_id": claim_id(b, key)})])
    b.article("feb16-kremlin", "2022-02-16", "ANP", ["Het Kremlin ontkent aanvalsplannen."],
              [("claim", 0, {"source": "Kremlin", "actor": "RUS", "code": "RUSGOV",
                             "polarity": "denied", "cue": "ontkent"}),
               ("event", 0, {"type": "ASSAULT", "mode": "denied", "per": "Kremlin",
                             "claim_id": claim_id(b, "feb16-kremlin")})])
    b.article("feb17-usa", "2022-02-17", "NOS", ["De VS schatten het aantal nu op 150.000."],
              [("quantity", 0, {"value": 150000, "by": "United States"})])
    b.article("feb18-usa", "2022-02-18", "Belga",
              ["Volgens de VS gaat het nu om 190.000 militairen."],
              [("quantity", 0, {"value": 190000, "by": "United States"})])
    for day, outlets in (("2022-02-24", ("NOS", "NRC", "Trouw", "ANP")),
                         ("2022-02-25", ("NOS", "NRC", "Trouw")), ("2022-02-26", ("NOS", "NRC", "ANP"))):
        for outlet in outlets:
            b.article(f"{day}-{outlet}", day, outlet,
                      ["Rusland valt Oekraïne aan met raketten op steden."],
                      [("event", 0, {"type": "ASSAULT", "mode": "asserted"})])
    b.article("feb-month", "2022-02", "Weekblad", ["Rusland valt aan."],
              [("event", 0, {"type": "ASSAULT", "mode": "asserted"})], precision="month")
    b.article("taiwan", "2022-02-09", "NOS", ["China houdt oefeningen rond Taiwan."],
              [("event", 0, {"type": "MOBILIZE", "mode": "asserted", "src": "CHN", "tgt": "TWN"})])
    return b


def crisis_store(path):
    """A fresh SQLite store at ``path`` holding the crisis storyline."""
    from signaal import Store

    store = Store(path)
    crisis().write(store)
    return store
