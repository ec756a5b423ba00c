"""Acceptance of issue 3 on the seed article: named actors are entities, the header is no token."""

import re
from pathlib import Path

import pytest

from signaal.nlp import parse

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_5dbc0360713f8d14.txt"
NAMES = {  # mention -> acceptable CoNLL types
    "Oekraïne": {"LOC"}, "Rusland": {"LOC"}, "Moskou": {"LOC", "ORG"}, "Verenigde Staten": {"LOC"},
    "Kremlin": {"ORG", "LOC"}, "NAVO": {"ORG"}, "Jens Stoltenberg": {"PER"}, "Stoltenberg": {"PER"},
    "Macron": {"PER"}, "Gérard Araud": {"PER"}, "Interfax": {"ORG"},
}
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.is_file(), reason="seed article not present")]


@pytest.fixture(scope="module")
def body():
    # The ingest layer strips the " date YYYY-MM " header; the first sentence is on the same line.
    return re.sub(r"^ date \S+ ", "", SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc(body):
    return parse(body, "nl")


def _mentions(text, name):
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]


@pytest.mark.parametrize("name", sorted(NAMES))
def test_seed_every_mention_is_an_entity(doc, body, name):
    starts = _mentions(body, name)
    assert starts, name
    ents = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    for s in starts:
        covering = [(a, b, lab) for (a, b), lab in ents.items() if a <= s and s + len(name) <= b]
        assert covering, f"{name} at {s} is not inside an entity"
        assert covering[0][2] in NAMES[name], f"{name} at {s} typed {covering[0][2]}"


def test_seed_header_is_not_a_token(doc):
    assert "date" not in [t.text for t in doc]
    assert doc.text.startswith("De aankondiging")


def test_seed_sentences(doc):
    sents = [s.text.strip() for s in doc.sents]
    assert "Volgens de Verenigde Staten heeft Rusland zo’n 130.000 militairen verzameld bij de grens met " \
           "buurland Oekraïne." in sents
    assert "Meerdere gesprekken" in sents
    assert not [s for s in sents if s.startswith("000")]
