"""Claims on the seed article (read from ../shared/seed when present) against its gold file.

The actor layer is stood in for by hand-built mentions of what issue 4 promises to resolve
("Het ministerie" → Russian Defence Ministry, "Hij"/"de Noorse secretaris-generaal" → Stoltenberg),
so this test measures the claim rules alone. The seed text itself is not copied into the repo.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signaal import nlp, read
from signaal.extract import claims
from signaal.records import Actor, Evidence, Mention

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_5dbc0360713f8d14.txt"
STANDINS = [  # (text, occurrence, name, country, kind)
    ("Het ministerie", 0, "Russian Defence Ministry", "RUS", "government"),
    ("Verenigde Staten", 0, "United States", "USA", "state"),
    ("De Amerikanen", 0, "United States", "USA", "state"),
    ("Het Kremlin", 0, "Kremlin", "RUS", "government"),
    ("Moskou", 0, "Russia", "RUS", "state"),
    ("Jens Stoltenberg", 0, "Jens Stoltenberg", "NATO", "person"),
    ("Stoltenberg", 1, "Jens Stoltenberg", "NATO", "person"),
    ("Hij", 0, "Jens Stoltenberg", "NATO", "person"),
    ("Hij", 1, "Jens Stoltenberg", "NATO", "person"),
    ("de Noorse secretaris-generaal", 0, "Jens Stoltenberg", "NATO", "person"),
]

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed article not on this machine")


def _mention(text: str, form: str, occurrence: int, name: str, country: str, kind: str) -> Mention:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(form, i + 1)
    return Mention(Evidence("seed", i, i + len(form), form, 0, 0, ""), Actor(name, name, kind, country))


def test_claims_seed_body_matches_gold_and_teasers_yield_nothing():
    article = next(iter(read(str(SEED))))
    mentions = [_mention(article.text, *row) for row in STANDINS]
    found = claims.extract(nlp.parse(article.text, "nl"), article, mentions)
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    teaser_start = next(r.start for r in article.regions if r.kind == "teasers")
    body_gold = sorted((g["anchor"], g["source_country"], g["polarity"]) for g in gold["claims"]
                       if article.text.find(g["anchor"]) < teaser_start)
    got = sorted((next(g for g in body_gold if c.evidence.sentence.startswith(g[0]))[0]
                  if any(c.evidence.sentence.startswith(g[0]) for g in body_gold) else c.evidence.sentence,
                  c.source_actor, c.polarity) for c in found)
    assert len(body_gold) == 14
    assert got == body_gold
    assert all(c.evidence.end_char <= teaser_start for c in found)


def test_claims_seed_through_the_real_actor_layer():
    """All 14 body claims with the gold source country and polarity, speakers from actors.resolve."""
    from signaal.extract import actors

    article = next(iter(read(str(SEED))))
    doc = nlp.parse(article.text, "nl")
    found = claims.extract(doc, article, actors.resolve(doc, article))
    gold = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))
    teaser_start = next(r.start for r in article.regions if r.kind == "teasers")
    body_gold = sorted((g["anchor"], g["source_country"], g["polarity"]) for g in gold["claims"]
                       if article.text.find(g["anchor"]) < teaser_start)
    got = sorted((next((g[0] for g in body_gold if c.evidence.sentence.startswith(g[0])), c.evidence.sentence),
                  c.source_actor, c.polarity) for c in found)
    assert len(body_gold) == 14
    assert got == body_gold
    assert all(c.evidence.end_char <= teaser_start for c in found)
