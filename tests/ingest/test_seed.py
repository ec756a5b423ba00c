"""The seed format reader, and the acceptance case: the real seed article."""

from datetime import datetime
from pathlib import Path

import pytest

import signaal
from signaal.records import Article, Quarantined

SEED = Path(__file__).resolve().parents[3] / "shared/seed/000_5dbc0360713f8d14.txt"
BODY = "Het kabinet heeft dinsdag een nieuw plan voor de woningbouw gepresenteerd in Den Haag."


def _one(path, **kw):
    items = list(signaal.read(path, **kw))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not mounted")
def test_seed_acceptance_real_seed():
    art = _one(SEED)
    assert isinstance(art, Article)
    assert art.lang == "nl"
    assert art.published.start == datetime(2022, 2, 1)
    assert art.published.end == datetime(2022, 2, 28, 23, 59, 59)
    assert art.published.precision == "month"
    assert art.text.startswith("De aankondiging komt")
    assert "date" not in art.text[:20]
    raw = SEED.read_text(encoding="utf-8")
    assert raw.endswith(art.text)  # the body is kept exactly
    assert [r.title[:24] for r in art.related] == ["Biedt neutraliteit à la ", "Wat kan met diplomatie n"]
    assert art.related[0].lede.startswith("De Franse president Macron")
    assert art.related[1].lede.endswith("Gérard Araud ziet mogelijkheden.")
    content = "".join(art.text[s:e] for s, e in art.content_ranges())
    assert "Macron" not in content and "Lees ook" not in content and "Araud" not in content
    assert "Alles staat klaar voor een aanval" in content
    subs = [art.text[r.start:r.end] for r in art.regions if r.kind == "subheading"]
    assert subs == ["Meerdere gesprekken"]
    assert art.provenance.file == str(SEED) and art.provenance.record == 1
    assert art.provenance.reader == "seed"


@pytest.mark.parametrize("header,start,end,precision", [
    (" date 2022-02 ", datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59), "month"),
    ("date 2024-02-29 ", datetime(2024, 2, 29), datetime(2024, 2, 29, 23, 59, 59), "day"),
    (" date 2021 ", datetime(2021, 1, 1), datetime(2021, 12, 31, 23, 59, 59), "year"),
    (" date 2022-02-14T10:30:00 ", datetime(2022, 2, 14, 10, 30), datetime(2022, 2, 14, 10, 30), "time"),
    (" date 2022-02-14T10:30:00+01:00 ", datetime(2022, 2, 14, 9, 30), datetime(2022, 2, 14, 9, 30), "time"),
])
@pytest.mark.parametrize("sep", ["\n", ""])
def test_seed_header_forms(tmp_path, header, start, end, precision, sep):
    p = tmp_path / "a.txt"
    p.write_text(header + sep + BODY, encoding="utf-8")
    art = _one(p)
    assert art.text == BODY
    assert (art.published.start, art.published.end, art.published.precision) == (start, end, precision)


def test_seed_keeps_leading_blank_lines_of_body(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2022-02\n\n" + BODY + "\n", encoding="utf-8")
    assert _one(p).text == "\n" + BODY + "\n"


def test_seed_bad_header_date_is_quarantined(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(" date 2022-13 " + BODY, encoding="utf-8")
    q = _one(p)
    assert isinstance(q, Quarantined) and "2022-13" in q.reason and q.reader == "seed"


def test_seed_same_input_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2022-02 " + BODY, encoding="utf-8")
    first = _one(tmp_path / "a.txt")
    again = _one(tmp_path / "a.txt")
    assert first.id == again.id and first.content_hash == again.content_hash


def test_seed_crlf_body_kept_and_hygiene_works(tmp_path):
    body = f"{BODY}\r\n\r\nMeerdere gesprekken\r\n\r\n{BODY}\r\n\r\nLees ook:\r\n\r\nEen titel\r\n\r\nEen korte lede.\r\n"
    p = tmp_path / "a.txt"
    p.write_bytes((" date 2022-02\r\n" + body).encode("utf-8"))
    art = _one(p)
    assert art.text == body
    assert [(r.kind, art.text[r.start:r.end].strip()) for r in art.regions][0] == ("subheading", "Meerdere gesprekken")
    assert [(r.title, r.lede) for r in art.related] == [("Een titel", "Een korte lede.")]
