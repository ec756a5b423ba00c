"""Bad input never raises: it comes out as Quarantined with file, record and reason."""

import gzip
import json

import pytest

import signaal
from ingest_texts import EN, NL
from signaal.records import Article, Quarantined


def _only(path, **kw):
    items = list(signaal.read(path, **kw))
    assert len(items) == 1, items
    return items[0]


def test_quarantine_undecodable_bytes_names_offset_and_encoding(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(NL.encode()[:10] + b"\xff\xfe\xfa" + NL.encode()[10:])
    q = _only(p)
    assert isinstance(q, Quarantined) and "byte offset 10" in q.reason and "--encoding" in q.reason
    assert q.file == str(p) and q.reader == "text"


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_quarantine_bom_decides_encoding(tmp_path, codec):
    p = tmp_path / "a.txt"
    p.write_bytes((" date 2022-02 " + NL).encode(codec))
    a = _only(p)
    assert isinstance(a, Article) and a.text == NL and a.published.label() == "2022-02"


def test_quarantine_utf16_jsonl_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes((json.dumps({"text": NL}) + "\n" + json.dumps({"text": EN}) + "\n").encode("utf-16"))
    a, b = signaal.read(p)
    assert (a.text, b.text) == (NL, EN)


@pytest.mark.parametrize("content,why", [("", "empty"), ("   \n\n ", "empty"), ("Kort.", "too short")])
def test_quarantine_empty_or_short_documents(tmp_path, content, why):
    p = tmp_path / "a.txt"
    p.write_text(content, encoding="utf-8")
    q = _only(p)
    assert isinstance(q, Quarantined) and why in q.reason


def test_quarantine_oversized_document(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(NL * 10, encoding="utf-8")
    q = _only(p, settings={"max_document_chars": 500})
    assert isinstance(q, Quarantined) and "max_document_chars" in q.reason


def test_quarantine_oversized_line_others_kept(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": NL * 20}) + "\n" + json.dumps({"text": EN}) + "\n", encoding="utf-8")
    q, a = signaal.read(p, settings={"max_line_chars": 1000})
    assert isinstance(q, Quarantined) and q.record == 1 and "max_line_chars" in q.reason
    assert isinstance(a, Article) and a.provenance.record == 2


def test_quarantine_truncated_gzip_keeps_earlier_lines(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    lines = "".join(json.dumps({"text": f"{i} {NL}"}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    p.write_bytes(data[: len(data) // 2])
    items = list(signaal.read(p))
    assert isinstance(items[0], Article) and isinstance(items[-1], Quarantined)
    assert "gzip" in items[-1].reason and 0 < len(items) - 1 < 200


def test_quarantine_garbage_gzip(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate")
    q = _only(p)
    assert isinstance(q, Quarantined) and "gzip" in q.reason


def test_quarantine_binary_file(tmp_path):
    p = tmp_path / "image.bin"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    q = _only(p)
    assert isinstance(q, Quarantined) and "binary" in q.reason


def test_quarantine_missing_file(tmp_path):
    q = _only(tmp_path / "nope.txt")
    assert isinstance(q, Quarantined) and "cannot" in q.reason
