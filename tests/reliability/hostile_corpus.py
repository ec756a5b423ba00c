"""A store full of hostile articles (script/HTML in titles, bodies, teasers, URLs, records),
for the security suite and the XSS browser tests. Everything here was written for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import signaal
from signaal.records import Article, Claim, Provenance, Event, Evidence, Quantity, Signals, TimeExpression, stable_id

PAYLOADS = {
    "script": "<script>alert('xss-script')</script>",
    "img": "<img src=x onerror=alert('xss-img')>",
    "svg": "<svg onload=alert('xss-svg')><circle r=1 /></svg>",
    "attr": "\" onmouseover=\"alert('xss-attr')\" data-x=\"",
    "single": "' onfocus='alert(1)' autofocus='",
    "iframe": "<iframe src=javascript:alert('xss-iframe')></iframe>",
    "style": "<style>body{background:url(javascript:alert(1))}</style>",
    "close": "</textarea></title></script><script>alert('xss-close')</script>",
}
JS_URL = "javascript:alert('xss-url')"
# Raw markup that must never reach a page unescaped.
RAW_MARKERS = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<style>body",
               "\" onmouseover=\"", "' onfocus='")


def hostile_text(i: int) -> str:
    """A Dutch body carrying every payload, with a 'Lees ook' teaser block of payloads."""
    body = " ".join(f"Het kabinet zegt dat {p} een probleem is in paragraaf {i}." for p in PAYLOADS.values())
    teasers = "\n\n".join(f"{p} Macron belt Poetin over de crisis" for p in list(PAYLOADS.values())[:3])
    return f"{body}\n\nDe minister reageerde nog niet.\n\nLees ook:\n\n{teasers}\n"


def _ev(article, needle: str) -> Evidence:
    start = article.text.index(needle)
    end = start + len(needle)
    return Evidence(article.id, start, end, needle, 0, len(article.text), article.text)


def hostile_signals(article) -> Signals:
    """Records whose text, source, cue, trigger and unit are payloads (offsets exact)."""
    p = PAYLOADS
    claim = Claim(id=stable_id(article.id, "claim"), source=p["attr"], source_actor="RUS",
                  cue=p["img"], polarity="denied", direct=True, content=_ev(article, p["script"]),
                  evidence=_ev(article, p["script"]), speaker=_ev(article, p["svg"]),
                  extractor="xss.v1")
    event = Event(id=stable_id(article.id, "event"), type="THREATEN", mode="asserted",
                  source_actor="RUS", target_actor="UKR", evidence=_ev(article, p["img"]),
                  trigger=p["single"], location=p["script"], time="2022-02-14",
                  claim_id=claim.id, claim_source=p["close"], extractor="xss.v1")
    quantity = Quantity(id=stable_id(article.id, "q"), value=130000.0, unit=p["svg"],
                        evidence=_ev(article, p["attr"]), obj=p["iframe"], claimed_by=p["attr"],
                        extractor="xss.v1")
    timex = TimeExpression(id=stable_id(article.id, "t"), text=p["close"],
                           evidence=_ev(article, p["close"]), reason=p["script"], extractor="xss.v1")
    return Signals(article.id, claims=(claim,), events=(event,), quantities=(quantity,),
                   time_expressions=(timex,), extractor="xss.v1")


def build(directory: Path, articles: int = 3) -> tuple[Path, list[str]]:
    """A store of hostile articles with hostile records; returns (db path, article ids)."""
    src = directory / "hostile.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(articles):
            f.write(json.dumps({"text": hostile_text(i), "title": PAYLOADS["script"] + f" kop {i}",
                                "url": JS_URL if i == 0 else f"https://example.invalid/{i}?q=<script>",
                                "source": PAYLOADS["close"], "date": f"2022-02-1{i}",
                                "lang": "nl"}) + "\n")
    db = directory / "hostile.db"
    with signaal.Store(db) as store:
        store.ingest(signaal.read(src), extract=hostile_signals)
        ids = [a.id for a in store.articles()]
    return db, ids


def add_script_url_article(db: Path) -> str:
    """Store one more hostile article whose url is ``javascript:``, bypassing the readers
    (which drop such URLs): what an older store or another writer may hold. Returns its id."""
    text = hostile_text(99)
    article = Article(id=stable_id("article", "js-url"), text=text, url=JS_URL, lang="nl",
                      title=PAYLOADS["img"], source=PAYLOADS["attr"],
                      provenance=Provenance("hostile-direct", 1, "test"))
    with signaal.Store(db) as store:
        store.ingest([article], extract=hostile_signals)
    return article.id
