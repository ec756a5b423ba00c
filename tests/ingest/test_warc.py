"""WARC reader: a real archive written with warcio; HTML responses through the HTML reader."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import signaal
from ingest_texts import EN, NL
from signaal.records import Article, Quarantined

PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{b}</p></article></body></html>"


def _response(w, url, body, ctype="text/html; charset=utf-8", status="200 OK"):
    hdr = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hdr))


def _warc(path, gz):
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        _response(w, "https://example.nl/a", PAGE.format(t="Woningplan", b=NL).encode())
        _response(w, "https://example.nl/logo.png", b"\x89PNG....", ctype="image/png")
        _response(w, "https://example.nl/weg", b"<html>niet gevonden</html>", status="404 Not Found")
        _response(w, "https://example.com/b", PAGE.format(t="Housing", b=EN).encode())


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path, name, gz):
    _warc(tmp_path / name, gz)
    a, b = signaal.read(tmp_path / name)
    assert (a.url, a.title, a.text, a.lang) == ("https://example.nl/a", "Woningplan", NL, "nl")
    assert (b.url, b.text, b.lang) == ("https://example.com/b", EN, "en")
    assert (a.provenance.record, b.provenance.record) == (2, 5)  # warcinfo is record 1
    assert a.provenance.reader == "warc" and a.extraction_method == "trafilatura"


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_truncated_keeps_earlier_records(tmp_path, name, gz):
    p = tmp_path / name
    _warc(p, gz)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 60])  # cut into the last record
    items = list(signaal.read(p))
    assert [type(x) for x in items] == [Article, Quarantined]
    assert items[0].url == "https://example.nl/a"
    assert "truncated WARC" in items[1].reason and items[1].record == 5


def test_warc_cut_before_first_record_is_quarantined(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p, True)
    p.write_bytes(p.read_bytes()[:40])
    (q,) = signaal.read(p)
    assert isinstance(q, Quarantined) and "WARC" in q.reason


def test_warc_page_with_nul_and_control_bytes_does_not_end_the_archive(tmp_path):
    # found by bench/fuzz.py: lxml refused a NUL in a page that fell back to plain visible text,
    # and the archive stopped there, losing the good page after it
    p = tmp_path / "crawl.warc"
    with open(p, "wb") as f:
        w = WARCWriter(f, gzip=False)
        hostile = 'Het \x9aj <script>alert(1)</script> P"v:\x04 130.000 \x05 \x04 true " ]]> dreigt 14 \x1f'.encode()
        w.write_record(w.create_warc_record("https://example.nl/x", "resource", payload=io.BytesIO(hostile),
                                            warc_content_type="text/html"))
        _response(w, "https://example.nl/a", PAGE.format(t="Woningplan", b=NL).encode())
    items = list(signaal.read(p))
    assert [x.url for x in items if isinstance(x, Article)][-1] == "https://example.nl/a"
    assert all("\x00" not in x.text for x in items if isinstance(x, Article))


def test_warc_cut_inside_a_header_value_is_quarantined(tmp_path):
    # found by bench/fuzz.py: a file ending at "Content-Length:" with no value passed as complete
    p = tmp_path / "crawl.warc"
    _warc(p, False)
    data = p.read_bytes()
    cut = data.index(b"Content-Length:", data.index(b"https://example.com/b")) + len(b"Content-Length:")
    p.write_bytes(data[:cut])
    items = list(signaal.read(p))
    assert isinstance(items[-1], Quarantined) and "incomplete header" in items[-1].reason
    assert [x.url for x in items if isinstance(x, Article)] == ["https://example.nl/a"]


def test_warc_gz_member_without_its_trailer_is_quarantined(tmp_path):
    # found by bench/fuzz.py: the record's bytes were all there, only the gzip end was cut off
    p = tmp_path / "crawl.warc.gz"
    _warc(p, True)
    p.write_bytes(p.read_bytes()[:-8])  # the last member's CRC and length
    items = list(signaal.read(p))
    assert [x.url for x in items if isinstance(x, Article)] == ["https://example.nl/a", "https://example.com/b"]
    assert isinstance(items[-1], Quarantined) and "gzip member of record 5 ends early" in items[-1].reason
