"""read(): dispatch by extension and content, folders, gzip, determinism, provenance."""

import gzip
import json

import signaal
from ingest_texts import EN, NL, NL2
from signaal.ingest.core import sniff


def test_core_folder_walk_recursive_sorted_and_skips(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(" date 2022-01 " + NL, encoding="utf-8")
    (tmp_path / "a.txt").write_text(" date 2022-02 " + NL2, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"claims": []}), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN, encoding="utf-8")
    items = list(signaal.read(tmp_path))
    assert [i.provenance.file for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_core_list_of_paths_in_given_order(tmp_path):
    (tmp_path / "1.txt").write_text(NL, encoding="utf-8")
    (tmp_path / "2.txt").write_text(EN, encoding="utf-8")
    items = list(signaal.read([tmp_path / "2.txt", str(tmp_path / "1.txt")]))
    assert [i.text for i in items] == [EN, NL]


def test_core_gzip_transparent_and_sniffed(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress((" date 2022-02 " + NL).encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": EN}) + "\n").encode()))
    (tmp_path / "c.gz").write_bytes(gzip.compress(("<html><body><p>" + NL2 + "</p></body></html>").encode()))
    a, b, c = signaal.read(tmp_path)
    assert (a.provenance.reader, a.text, a.published.label()) == ("seed", NL, "2022-02")
    assert (b.provenance.reader, b.text) == ("jsonl", EN)
    assert (c.provenance.reader, c.text) == ("html", NL2)
    assert a.provenance.file.endswith("a.txt.gz")


def test_core_sniff():
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b" date 2022-02 De tekst") == "seed"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">') == "feeds"
    assert sniff(b"<feed xmlns='http://www.w3.org/2005/Atom'>") == "feeds"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b'{"text": "x"}\n') == "jsonl"
    assert sniff(b"Gewone tekst.") == "text"
    assert sniff(b"\x00\x01\x02") is None


def test_core_reingest_gives_identical_articles(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2022-02 " + NL, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": EN, "url": "https://example.com/x"}) + "\n", encoding="utf-8")
    assert list(signaal.read(tmp_path)) == list(signaal.read(tmp_path))


def test_core_id_depends_on_text_and_url_only(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2022-02 " + NL, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(" date 2022-03 " + NL, encoding="utf-8")
    a, b = signaal.read(tmp_path)
    assert a.id == b.id  # same body, no url: the store keeps it once


def test_core_read_is_lazy(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"{i} {NL}", encoding="utf-8")
    it = signaal.read(tmp_path)
    assert next(it).text.startswith("0 ")
