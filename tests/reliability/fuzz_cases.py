"""Hostile inputs for every reader and the extractors, and the properties they must keep.

Shared by the CI-sized suite (``test_fuzz.py``) and the full run (``bench/fuzz.py``). Each
``CASES`` entry pairs a hypothesis strategy (a ``Case``: file name, bytes, read options and
the good records that must survive) with one property check that raises ``AssertionError``.

Properties checked for every case:

- ``signaal.read`` raises nothing (any exception is a crash);
- every ``Quarantined`` names the input file, a record/line number where the reader has
  records, and a non-empty reason;
- every good record placed among hostile ones comes out as an ``Article`` with its text,
  and ``Store.ingest`` stores it;
- extractor evidence is exact: ``text[start:end] == evidence.text`` (and the sentence too).

All texts below were written for these tests.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any, Optional

from hypothesis import strategies as st

import signaal
from signaal.ingest.sources import BOMS
from signaal.records import Article, Evidence, Quarantined
from signaal.settings import load_settings

# Small limits keep "enormous" inputs cheap; test_limits.py checks the real defaults once.
LIMITS = {"min_text_chars": 20, "max_document_chars": 4000, "max_line_chars": 1500}
SETTINGS = load_settings(overrides=LIMITS)

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
CONTROL = "\x00\x01\x07\x0b\x0c\x1b\x1c\x1d\x1e\x1f\x7f\x85\u2028\u2029\r"
# Characters whose case mapping or normalisation changes the string length.
LENGTH_CHANGING = "İẞﬁǅΣŉΐﬀ\u0301\u0308e\u0301"
HOSTILE_CHARS = ZERO_WIDTH + BIDI + CONTROL + LENGTH_CHANGING + "„”“‘’,,''«»<>&\"\\{}[]"
WORDS = ("Het", "kabinet", "zegt", "dat", "Rusland", "zo'n", "130.000", "militairen", "heeft",
         "verzameld", "Volgens", "de", "VS", "ontkent", "Kremlin", "maandag", "14", "februari",
         "2022", "NAVO", "Stoltenberg", "is", "voorzichtig", "optimistisch", "The", "minister",
         "said", "troops", "withdrew", "on", "Tuesday", "Lees", "ook:", "Beeld", "AFP", "1,5",
         "miljard", "euro", "procent", "Oekraïne", "Poetin", "dreigt", "sancties", "'", "\"")
TABLES = ("mentions", "claims", "quantities", "time_expressions", "events")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")
# Encodings read() recognises unaided (a BOM or the UTF-8 default).
SELF_DESCRIBING = ("utf-8", "utf-8-sig", "utf-16")


@dataclass
class Case:
    """One generated input file."""

    name: str  # file name; its extension picks the reader
    data: bytes
    encoding: Optional[str] = None  # passed to read()
    good: list[tuple[int, str]] = field(default_factory=list)  # (record/line, text) that must survive
    recorded: bool = True  # the reader numbers records: quarantine must name one
    whole_file_problem: bool = False  # e.g. truncated gzip: something must be quarantined

    def __repr__(self) -> str:  # keep hypothesis' falsifying example readable
        return (f"Case({self.name!r}, {len(self.data)} bytes {self.data[:120]!r}..., "
                f"encoding={self.encoding!r}, good={[(n, t[:30]) for n, t in self.good]})")


# --- text pieces --------------------------------------------------------------------------

def good_text(i: int) -> str:
    """A distinct, clean article body (distinct so dedup keeps every one)."""
    return (f"Artikel {i}: de gemeenteraad van Zwolle besprak {i * 7 + 3} voorstellen over "
            f"fietspaden en nummer {i} werd met ruime meerderheid aangenomen.")


hostile_piece = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.sampled_from(HOSTILE_CHARS), min_size=1, max_size=4),
    st.text(max_size=8),  # any code points
    st.sampled_from(("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "-->",
                     "\r\n", "\n\n", "%s%n", "'; DROP TABLE articles; --", "\\u0000")),
)
hostile_text = st.lists(hostile_piece, max_size=60).map(" ".join)


@st.composite
def enormous(draw, limit: int) -> str:
    """A run of characters longer than ``limit`` (built by repetition: cheap to generate)."""
    unit = draw(st.sampled_from(("x", "é", "\u200b", "ab ", "\x00", "€")))
    return unit * (limit // len(unit) + draw(st.integers(1, 50)))


def encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="replace")


def maybe_gzip(draw, name: str, data: bytes) -> tuple[str, bytes]:
    if draw(st.booleans()) and draw(st.booleans()):
        return name + ".gz", gzip.compress(data, mtime=0)
    return name, data


# --- per-reader strategies ------------------------------------------------------------------

@st.composite
def seed_or_text(draw) -> Case:
    """A seed/.txt file: optional date header, hostile or good body, any encoding."""
    kind = draw(st.sampled_from(("good", "hostile", "bytes", "enormous")))
    body = {"good": lambda: good_text(draw(st.integers(0, 10**6))),
            "hostile": lambda: draw(hostile_text),
            "enormous": lambda: draw(enormous(LIMITS["max_document_chars"] * 4)),
            "bytes": lambda: ""}[kind]()
    header = draw(st.sampled_from(("", " date 2022-02 ", " date 2022-02-14\n", " date 2022-13 ",
                                   "date 1999\r\n")))
    codec = draw(st.sampled_from(ENCODINGS))
    data = draw(st.binary(max_size=3000)) if kind == "bytes" else encode(header + body, codec)
    told = draw(st.booleans())
    case = Case("doc.txt", data, encoding=codec if told and codec not in ("utf-8-sig", "utf-16") else None)
    exact = kind == "good" and (told or codec in SELF_DESCRIBING)
    if exact and header in ("", " date 2022-02 ", " date 2022-02-14\n"):
        case.good = [(1, body)]  # the whole body, exactly (header stripped)
    case.name, case.data = maybe_gzip(draw, case.name, case.data)
    return case


def _jsonl_bad_line(draw) -> bytes:
    return draw(st.one_of(
        st.binary(max_size=200).map(lambda b: b.replace(b"\n", b"")),
        hostile_text.map(lambda t: t.replace("\n", " ").encode("utf-8")),
        st.sampled_from((b'{"text": "afgekapt', b"[" * 5000, b'{"text": ' + b"[" * 5000,
                         b"null", b"42", b'"tekst"', b'[1, 2]', b'{"text": 12}',
                         b'{"text": ["a"]}', b'{"text": {"a": 1}}', b'{"text": ""}',
                         b'{"title": "geen tekst"}', b'{"text": "kort"}',
                         b'{"text": "Een tekst met een vreemde datum erin.", "date": 1e308}',
                         b'{"text": "Een tekst met een vreemde datum erin.", "date": NaN}',
                         b'{"text": "Een tekst met een vreemde datum erin.", "date": "0000-00-00"}',
                         b'{"text": "Een tekst met een vreemde datum erin.", "date": -99999999999999}',
                         b"\xff\xfe\x00", b"\xc3\x28", b"\xed\xa0\x80")),
        enormous(LIMITS["max_line_chars"] + 10).map(lambda t: json.dumps({"text": t}).encode()),
        hostile_text.map(lambda t: json.dumps({"text": t, "date": t, "lang": t, "url": t,
                                               "title": t}).encode()),
    ))


@st.composite
def jsonl_file(draw) -> Case:
    """JSONL mixing good records and hostile lines; sometimes a .json array instead."""
    if draw(st.integers(0, 9)) == 0:  # a whole .json document, possibly truncated
        docs = [{"text": good_text(i), "lang": "nl"} for i in range(draw(st.integers(0, 4)))]
        data = json.dumps(docs).encode()
        cut = draw(st.integers(0, len(data)))
        truncated = cut < len(data)
        case = Case("docs.json", data[:cut])
        if not truncated:
            case.good = [(i + 1, d["text"]) for i, d in enumerate(docs)]
        return case
    lines, good = [], []
    for n in range(1, draw(st.integers(1, 12)) + 1):
        if draw(st.booleans()):
            text = good_text(n)
            lines.append(json.dumps({"text": text, "lang": "nl", "date": "2022-02-14"},
                                    ensure_ascii=draw(st.booleans())).encode())
            good.append((n, text))
        else:
            lines.append(_jsonl_bad_line(draw))
    eol = draw(st.sampled_from((b"\n", b"\r\n")))
    data = eol.join(lines) + draw(st.sampled_from((b"", eol)))
    if draw(st.booleans()):  # the whole file in UTF-16 (BOM): only text-level hostility survives
        # io splits UTF-16 text on \r as well as \n: drop \r so line numbers stay put
        data = data.decode("utf-8", "replace").replace("\r", "").encode("utf-16")
    elif data.startswith(tuple(bom for bom, codec in BOMS if codec != "utf-8-sig")):
        good = []  # a first line that looks like a UTF-16/32 BOM makes the whole file UTF-16/32
    name = draw(st.sampled_from(("docs.jsonl", "docs.ndjson")))
    return Case(name, data, good=good)


def _csv_row(sep: str, values: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep).writerow(values)  # "\r\n": fields with \r get quoted
    return buf.getvalue()


@st.composite
def csv_file(draw) -> Case:
    """CSV/TSV: header, good rows, rows with wrong field counts, undecodable or huge lines."""
    sep = draw(st.sampled_from((",", ";", "\t", "|")))
    name = "docs.tsv" if sep == "\t" and draw(st.booleans()) else "docs.csv"
    out = [_csv_row(sep, ["text", "lang", "title"]).encode()]
    good, line = [], 1
    for _ in range(draw(st.integers(0, 10))):
        line += 1
        choice = draw(st.integers(0, 5))
        if choice <= 1:
            text = good_text(line)
            out.append(_csv_row(sep, [text, "nl", draw(hostile_text)]).encode())
            good.append((line, text))
        elif choice == 2:
            out.append(_csv_row(sep, [good_text(line)] * draw(st.sampled_from((1, 2, 4, 9)))).encode())
        elif choice == 3:
            bad = draw(st.binary(min_size=1, max_size=80))
            out.append(bad.replace(b"\n", b"").replace(b"\r", b"").replace(b'"', b"") + b"\n")
        elif choice == 4:
            big = draw(enormous(LIMITS["max_line_chars"] + 5)).replace('"', "")
            out.append(_csv_row(sep, [big, "nl", "t"]).encode())
        else:
            out.append(_csv_row(sep, [draw(hostile_text), "xx", "\x00"]).encode())
        line += out[-1].count(b"\n") - 1  # a quoted line break: later rows start further down
    case = Case(name, b"".join(out), good=good)
    case.name, case.data = maybe_gzip(draw, case.name, case.data)
    return case


@st.composite
def csv_chaos(draw) -> Case:
    """Random text or bytes named .csv (unterminated quotes, NULs, no header)."""
    data = draw(st.one_of(st.binary(max_size=2000), hostile_text.map(lambda t: t.encode("utf-8")),
                          st.just(b'text,lang\n"open quote never closed,nl\nnext,nl\n')))
    return Case("chaos.csv", data)


def _nested(depth: int, inner: str) -> str:
    tags = ("div", "span", "b", "table", "p", "section")
    opened = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    return opened + inner + "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))


@st.composite
def html_file(draw) -> Case:
    """HTML: scripts, deep nesting, bogus charsets, hostile text, random bytes."""
    kind = draw(st.sampled_from(("page", "nested", "bytes", "charset", "fragment")))
    if kind == "bytes":
        return Case(draw(st.sampled_from(("page.html", "page.htm"))), draw(st.binary(max_size=3000)),
                    recorded=True)
    body = "".join(f"<p>{draw(hostile_text)}</p>" for _ in range(draw(st.integers(0, 4))))
    good = good_text(draw(st.integers(0, 999)))
    if kind == "nested":
        body = _nested(draw(st.integers(10, 3000)), f"<p>{good}</p>{body}")
    elif kind == "fragment":
        body = draw(hostile_text)
    else:
        body = f"<article><h1>Kop</h1><p>{good}</p>{body}</article>"
    charset = draw(st.sampled_from(("utf-8", "cp1252", "latin-1", "utf-16", "bogus-8", "rot13",
                                    "utf-7", "")))
    meta = f'<meta charset="{charset}">' if charset else ""
    script = draw(st.sampled_from(("", "<script>alert(1)</script>", "<style>p{}</style>",
                                   "<svg onload=alert(1)>", "<!-- <p>x</p>")))
    page = f"<!DOCTYPE html><html><head>{meta}<title>{draw(hostile_text)}</title>{script}</head>" \
           f"<body>{body}</body></html>"
    data = encode(page, draw(st.sampled_from(ENCODINGS)))
    name, data = maybe_gzip(draw, "page.html", data)
    return Case(name, data)


@st.composite
def feed_file(draw) -> Case:
    """RSS or Atom with hostile entries, sometimes truncated or in the wrong encoding."""
    entries = []
    for i in range(draw(st.integers(0, 5))):
        title = draw(hostile_text).replace("]]>", "")
        desc = good_text(i) if draw(st.booleans()) else draw(hostile_text)
        cdata = draw(st.booleans())
        desc_xml = f"<![CDATA[{desc.replace(']]>', '')}]]>" if cdata else desc.replace("&", "&amp;").replace("<", "&lt;")
        entries.append((title, desc_xml))
    atom = draw(st.booleans())
    if atom:
        items = "".join(f"<entry><title>{t.replace('<', '')}</title><summary type='html'>{d}</summary>"
                        f"<updated>2022-02-14T10:00:00Z</updated></entry>" for t, d in entries)
        doc = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{items}</feed>'
    else:
        items = "".join(f"<item><title>{t.replace('<', '')}</title><description>{d}</description>"
                        f"<pubDate>Mon, 14 Feb 2022 10:00:00 +0100</pubDate></item>" for t, d in entries)
        doc = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    data = encode(doc, draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    if draw(st.integers(0, 5)) == 0:
        data = draw(st.binary(max_size=500))
    name, data = maybe_gzip(draw, draw(st.sampled_from(("feed.rss", "feed.atom", "feed.xml"))), data)
    return Case(name, data, recorded=False)  # a feed that does not parse is quarantined whole


def _warc_bytes(records: list[tuple[str, str, bytes]], gz: bool) -> tuple[bytes, list[int]]:
    """A WARC of (kind, content type, payload) records, and the offset where each one ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    ends = []
    for n, (kind, ctype, payload) in enumerate(records, 1):
        url = f"https://example.invalid/artikel/{n}"
        # fixed date and id: hypothesis needs the same bytes for the same draws
        fixed = {"WARC-Date": "2022-02-14T10:00:00Z",
                 "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
        if kind == "response":
            status = "200 OK" if ctype != "error" else "500 Server Error"
            http = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8" if ctype == "error" else ctype)],
                                    protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                            http_headers=http, warc_headers_dict=fixed)
        else:
            rec = writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                            warc_content_type=ctype, warc_headers_dict=fixed)
        writer.write_record(rec)
        ends.append(buf.tell())
    return buf.getvalue(), ends


@st.composite
def warc_file(draw) -> Case:
    """A WARC (plain or .gz) of good pages, hostile pages and other records, maybe truncated."""
    records, good = [], []
    for n in range(1, draw(st.integers(0, 6)) + 1):
        choice = draw(st.integers(0, 4))
        if choice <= 1:
            text = good_text(n)
            page = f"<html><body><article><p>{text}</p></article></body></html>".encode()
            records.append(("response", "text/html; charset=utf-8", page))
            good.append((n, text))
        elif choice == 2:
            records.append(("response", draw(st.sampled_from(("text/html; charset=bogus", "text/html",
                                                                "text/html; charset=utf-16", "error"))),
                            draw(st.binary(max_size=600))))
        elif choice == 3:
            records.append(("resource", "text/html", encode(draw(hostile_text), "utf-8")))
        else:
            records.append(("metadata", "application/json", b'{"x": 1}'))
    gz = draw(st.booleans())
    data, ends = _warc_bytes(records, gz)
    case = Case("crawl.warc.gz" if gz else "crawl.warc", data)
    if draw(st.booleans()) and data:
        cut = draw(st.integers(0, len(data) - 1))
        case.data = data[:cut]
        good = [(n, t) for n, t in good if ends[n - 1] <= cut]
        starts = [0, *ends[:-1]]
        # cut inside a record (not just in its closing blank lines / gzip trailer)
        case.whole_file_problem = any(s < cut < e - 8 for s, e in zip(starts, ends))
    elif draw(st.integers(0, 6)) == 0:
        case.data = draw(st.binary(max_size=800))
        good = []
    case.good = good
    return case


@st.composite
def gz_file(draw) -> Case:
    """Any text-ish reader's file gzipped, then truncated, corrupted or padded with garbage."""
    inner = draw(st.one_of(seed_or_text(), jsonl_file(), csv_file()))
    name = inner.name[:-3] if inner.name.endswith(".gz") else inner.name
    raw = gzip.decompress(inner.data) if inner.name.endswith(".gz") else inner.data
    data = gzip.compress(raw, mtime=0)
    how = draw(st.sampled_from(("truncate", "flip", "garbage", "not-gzip", "twice")))
    case = Case(name + ".gz", data, encoding=inner.encoding)
    if how == "truncate":
        case.data = data[:draw(st.integers(0, len(data) - 1))]
        case.whole_file_problem = len(case.data) >= 2  # one byte is not even a gzip magic
    elif how == "flip":
        i = draw(st.integers(10, len(data) - 1))
        case.data = data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]
        case.whole_file_problem = True  # deflate error or CRC/length mismatch
    elif how == "garbage":
        case.data = data + draw(st.binary(min_size=1, max_size=50))
    elif how == "not-gzip":
        case.data = raw
        case.good = inner.good
    else:  # two gzip members back to back: one stream to the reader
        case.data = gzip.compress(raw[: len(raw) // 2], mtime=0) + gzip.compress(raw[len(raw) // 2:], mtime=0)
        case.good = inner.good
    return case


# --- running and checking -------------------------------------------------------------------

def read_case(case: Case, directory: str) -> tuple[str, list]:
    """Write the case to ``directory`` and read it; returns (path, items)."""
    path = os.path.join(directory, case.name)
    with open(path, "wb") as f:
        f.write(case.data)
    items = list(signaal.read(path, encoding=case.encoding, settings=SETTINGS))
    return path, items


def check_items(case: Case, path: str, items: list) -> None:
    """The reader properties (see module docstring) for one case's output."""
    for item in items:
        assert isinstance(item, (Article, Quarantined)), f"read() yielded {type(item).__name__}"
        if isinstance(item, Quarantined):
            assert item.file == path, f"quarantine names {item.file!r}, not {path!r}"
            assert item.reason and item.reason.strip(), "quarantine without a reason"
            if case.recorded and not item.reason.startswith(("unrecognised binary", "cannot open")):
                assert item.record is None or item.record >= 1, f"bad record number {item.record}"
        else:
            assert item.provenance is not None and item.provenance.file == path
            assert len(item.text) <= LIMITS["max_document_chars"], "oversized document passed"
            assert len(item.text.strip()) >= LIMITS["min_text_chars"], "too-short document passed"
    by_record = {}
    for item in items:
        if isinstance(item, Article):
            by_record.setdefault(item.provenance.record, []).append(item.text)
    for record, text in case.good:
        got = by_record.get(record, [])
        assert any(text in t for t in got), f"good record {record} lost: {text[:40]!r} not in {got!r}"
    if case.whole_file_problem:
        assert any(isinstance(x, Quarantined) for x in items), "damaged input passed without quarantine"


def check_stored(items: list, case: Case) -> None:
    """Ingest the items into a fresh store: every good record is stored, every quarantine too."""
    with signaal.Store(":memory:", settings=SETTINGS) as store:
        report = store.ingest(items)
        quarantined = [x for x in items if isinstance(x, Quarantined)]
        assert report.quarantined == len(quarantined)
        assert report.failed == 0, f"store failed on {report.failed_ids}"
        texts = [a.text for a in store.articles()]
        for _, text in case.good:
            assert any(text in t for t in texts), f"good record not stored: {text[:40]!r}"
        assert len(list(store.quarantine())) == len({(q.file, q.record, q.reason) for q in quarantined})


def run_reader_case(case: Case, store: bool = False) -> list:
    """Read (and optionally store) one case, checking every property; returns the items."""
    with tempfile.TemporaryDirectory() as d:
        path, items = read_case(case, d)
        check_items(case, path, items)
        if store:
            check_stored(items, case)
        return items


READERS = {
    "seed/txt": seed_or_text(),
    "jsonl": jsonl_file(),
    "csv": st.one_of(csv_file(), csv_file(), csv_chaos()),
    "html": html_file(),
    "rss/atom": feed_file(),
    "warc": warc_file(),
    "gz": gz_file(),
}


# --- extractors ------------------------------------------------------------------------------

@st.composite
def extractor_text(draw) -> tuple[str, str]:
    """(language, text): news-like sentences salted with hostile characters."""
    sentences = ["Volgens de VS heeft Rusland zo'n 130.000 militairen aan de grens verzameld.",
                 "Het Kremlin ontkent dat er plannen zijn voor een aanval, zei woordvoerder Peskov maandag.",
                 "„We zijn voorzichtig optimistisch”, zegt Stoltenberg.",
                 "Minister Hoekstra roept Moskou op om de spanning te verminderen.",
                 "The minister said on Tuesday that 40,000 troops had withdrawn.",
                 "Lees ook: Macron belt Poetin", "Beeld AFP", "Door onze correspondent"]
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        s = draw(st.sampled_from(sentences))
        if draw(st.booleans()):
            i = draw(st.integers(0, len(s)))
            s = s[:i] + draw(st.text(alphabet=st.sampled_from(HOSTILE_CHARS), min_size=1, max_size=3)) + s[i:]
        parts.append(s)
        if draw(st.integers(0, 3)) == 0:
            parts.append(draw(hostile_text))
    sep = draw(st.sampled_from((" ", "\n", "\n\n", "\r\n", " \u2029 ")))
    return draw(st.sampled_from(("nl", "en"))), sep.join(parts)


def evidence_problems(article: Article, signals: Any) -> list[str]:
    """Evidence that is not exactly its slice of the text, or lies outside its sentence."""
    from signaal.store.ingest import check_signals

    try:
        check_signals(article, signals)  # text[start:end] == evidence.text, for every span
    except ValueError as e:
        return [str(e)]
    t = article.text
    spans = [(table, f.name, getattr(r, f.name)) for table in TABLES for r in getattr(signals, table)
             for f in dataclasses.fields(r)]
    return [f"{table}.{name} {ev.start_char}:{ev.end_char} in sentence {ev.sentence_start}:"
            f"{ev.sentence_end}: sentence text or bounds wrong"
            for table, name, ev in spans if isinstance(ev, Evidence)
            and (t[ev.sentence_start:ev.sentence_end] != ev.sentence
                 or not ev.sentence_start <= ev.start_char <= ev.end_char <= ev.sentence_end)]


def run_extractor_case(lang: str, text: str) -> Optional[Any]:
    """Build the article as ingest would and extract; check evidence. None when quarantined."""
    from signaal.extract.pipeline import extract_article
    from signaal.ingest.build import Draft, finish
    from signaal.ingest.core import resolve_options

    opts = resolve_options("2022-02", lang, None, None, None, SETTINGS, None)
    article = finish(Draft(text=text, record=1), "<fuzz>", "fuzz", opts)
    if isinstance(article, Quarantined):
        return None
    signals = extract_article(article)
    problems = evidence_problems(article, signals)
    assert not problems, "; ".join(problems[:5])
    return signals
