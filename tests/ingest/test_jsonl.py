"""JSONL/NDJSON reader: fields, defaults, line numbers, whole-file .json."""

import json
from datetime import datetime

import pytest

import signaal
from ingest_texts import EN, NL
from signaal.records import Article, Quarantined


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("name", ["a.jsonl", "a.ndjson"])
def test_jsonl_default_field_names(tmp_path, name):
    _write(tmp_path / name, [
        {"text": NL, "date": "2023-03-14", "url": "https://example.nl/a", "title": "Woningplan",
         "source": "Voorbeeldkrant"},
        {"body": EN, "published": "2023-03-14T10:00:00Z", "link": "https://example.com/b",
         "headline": "Housing plan", "language": "en-GB"},
    ])
    a, b = signaal.read(tmp_path / name)
    assert (a.text, a.url, a.title, a.source, a.lang) == (NL, "https://example.nl/a", "Woningplan", "Voorbeeldkrant", "nl")
    assert a.published.precision == "day" and a.published.start == datetime(2023, 3, 14)
    assert (b.text, b.url, b.title, b.lang) == (EN, "https://example.com/b", "Housing plan", "en")
    assert b.published.start == datetime(2023, 3, 14, 10, 0) and b.published.precision == "time"
    assert [x.provenance.record for x in (a, b)] == [1, 2]
    assert {x.provenance.reader for x in (a, b)} == {"jsonl"}


def test_jsonl_fields_mapping(tmp_path):
    _write(tmp_path / "a.jsonl", [{"tekst": NL, "datum": "2022-11", "bron": "Omroep"}])
    (a,) = signaal.read(tmp_path / "a.jsonl", fields={"text": "tekst", "date": "datum", "source": "bron"})
    assert a.text == NL and a.published.label() == "2022-11" and a.source == "Omroep"


def test_jsonl_unix_timestamp_date(tmp_path):
    _write(tmp_path / "a.jsonl", [{"text": NL, "date": 1678788000}])  # 2023-03-14 10:00 UTC
    (a,) = signaal.read(tmp_path / "a.jsonl")
    assert a.published.start == datetime(2023, 3, 14, 10, 0)


def test_jsonl_bad_lines_quarantined_good_lines_kept(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": NL}) + "\n\n{not json\n" + json.dumps([1]) + "\n"
                 + json.dumps({"title": "geen tekst"}) + "\n" + json.dumps({"text": EN}) + "\n",
                 encoding="utf-8")
    items = list(signaal.read(p))
    kinds = [(type(x).__name__, x.provenance.record if isinstance(x, Article) else x.record) for x in items]
    assert kinds == [("Article", 1), ("Quarantined", 3), ("Quarantined", 4), ("Quarantined", 5), ("Article", 6)]
    assert "malformed JSON on line 3" in items[1].reason
    assert "want an object" in items[2].reason
    assert "no text" in items[3].reason and items[3].file == str(p)


def test_jsonl_whole_json_array_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": NL}, {"text": EN}], indent=2), encoding="utf-8")
    a, b = signaal.read(tmp_path / "a.json")
    assert (a.text, b.text) == (NL, EN) and (a.provenance.record, b.provenance.record) == (1, 2)


def test_jsonl_html_field_goes_through_html_extraction(tmp_path):
    page = f"<html><body><article><p>{NL}</p></article></body></html>"
    _write(tmp_path / "a.jsonl", [{"html": page, "url": "https://example.nl/x"}])
    (a,) = signaal.read(tmp_path / "a.jsonl")
    assert isinstance(a, Article) and a.text == NL and a.extraction_method.startswith("trafilatura")


def test_jsonl_no_text_is_quarantined_with_hint(tmp_path):
    _write(tmp_path / "a.jsonl", [{"tekst": NL}])
    (q,) = signaal.read(tmp_path / "a.jsonl")
    assert isinstance(q, Quarantined) and "fields=" in q.reason and q.record == 1


def test_jsonl_bom_and_bare_cr_keep_line_numbers(tmp_path):
    # found by bench/fuzz.py: a BOM sent the file down the text-mode path, which split at a lone CR
    # inside line 1, so every later record was reported (and stored) one line off
    p = tmp_path / "a.jsonl"
    p.write_bytes(b"\xef\xbb\xbfnot json \r more\n" + json.dumps({"text": NL}).encode() + b"\n")
    bad, good = signaal.read(p)
    assert isinstance(bad, Quarantined) and bad.record == 1
    assert isinstance(good, Article) and good.provenance.record == 2


@pytest.mark.parametrize("text", ["\u0000" * 500, "\u200b\u202e \u2066" * 100])
def test_jsonl_invisible_only_text_is_empty(tmp_path, text):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    (q,) = signaal.read(p)
    assert isinstance(q, Quarantined) and "empty document" in q.reason


def test_jsonl_utf16_starting_with_nul_is_not_utf32(tmp_path):
    # found by bench/fuzz.py: FF FE 00 00 is the UTF-32 BOM, and also UTF-16 with a NUL first
    p = tmp_path / "a.jsonl"
    p.write_bytes(("\ufeff\u0000\n" + json.dumps({"text": NL}) + "\n").encode("utf-16-le"))
    bad, good = signaal.read(p)
    assert isinstance(bad, Quarantined) and bad.record == 1
    assert isinstance(good, Article) and good.text == NL and good.provenance.record == 2


def test_jsonl_starting_with_1f8b_but_not_gzip_keeps_its_good_lines(tmp_path):
    # found by bench/fuzz.py: two bytes of gzip magic made the whole file an unreadable gzip
    p = tmp_path / "a.ndjson"
    p.write_bytes(b"\x1f\x8b\r\n" + json.dumps({"text": NL}).encode() + b"\n")
    bad, good = signaal.read(p)
    assert isinstance(bad, Quarantined) and bad.record == 1 and "decode" in bad.reason
    assert isinstance(good, Article) and good.provenance.record == 2
