"""WARC / WARC.gz web archives with warcio: HTML responses go through the HTML reader.

Records are numbered from 1 in file order (all record types count). The url is the record's
``WARC-Target-URI``. Non-HTML records and error responses are skipped, not quarantined (they
were never articles). A truncated or damaged archive quarantines the rest of the file; the
records before the damage still come through.
"""

from __future__ import annotations

import zlib
from typing import Iterator, Optional, Union

from ..records import Quarantined
from .build import Draft, Options, quarantine
from .html import decode_html, to_draft
from .sources import Input, Problem

NAME = "warc"
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> Optional[str]:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'").lower()
    return None


def _html_record(rec) -> Optional[str]:
    """The content type when the record is an HTML page worth reading, else None."""
    if rec.rec_type == "response" and rec.http_headers is not None:
        status = rec.http_headers.get_statuscode() or ""
        ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
        return ctype if status.startswith("2") and ctype.startswith(HTML_TYPES) else None
    if rec.rec_type == "resource":
        ctype = (rec.rec_headers.get_header("Content-Type") or "").lower()
        return ctype if ctype.startswith(HTML_TYPES) else None
    return None


def _page(rec, number: int, ctype: str, inp: Input, opts: Options) -> Union[Draft, Quarantined]:
    url = rec.rec_headers.get_header("WARC-Target-URI")
    limit = opts.max_chars * 4 + 4
    data = rec.content_stream().read(limit + 1)
    if len(data) > limit:
        return quarantine(inp.name, number, NAME, f"page larger than max_document_chars={opts.max_chars}", url or "")
    html = decode_html(data, opts.encoding, _charset(ctype))
    if isinstance(html, Problem):
        return quarantine(inp.name, number, NAME, html)
    try:
        got = to_draft(html, opts, number, url)
    except ValueError as e:  # a page the HTML stack cannot build a tree of: this record only
        got = f"unparsable HTML ({e})"
    return quarantine(inp.name, number, NAME, f"{url}: {got}", html[:200]) if isinstance(got, str) else got


def _nonempty(inp: Input) -> bool:
    with inp.raw() as f:
        return bool(f.read(1))


def _parsed(records) -> Iterator:
    """warcio's records; the AttributeError it raises on some malformed headers (a response
    without WARC-Target-URI) becomes ArchiveLoadFailed, like its other parse errors."""
    from warcio.exceptions import ArchiveLoadFailed

    it = iter(records)
    while True:
        try:
            rec = next(it)
        except StopIteration:
            return
        except AttributeError as e:
            raise ArchiveLoadFailed(f"malformed WARC record header ({e})") from e
        yield rec


def _member_cut(records, f) -> bool:
    """Whether the record's gzip member stopped short at the end of the file: warcio reads what
    the member has and stops quietly, so the cut shows only as a stream that never ended."""
    reader = getattr(records, "reader", None)
    dec = getattr(reader, "decompressor", None)
    if dec is None or getattr(dec, "eof", True) or reader.rem_length():
        return False
    pos = f.tell()
    at_end = not f.read(1)
    f.seek(pos)
    return at_end


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per HTML response in the archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with inp.raw() as f:
            records = ArchiveIterator(f)
            for number, rec in enumerate(_parsed(records), 1):
                length = (rec.rec_headers.get_header("Content-Length") or "").strip()
                if not rec.rec_type or not length.isdigit():
                    # warcio yields a cut-off header as a record without type or (a whole) length
                    yield quarantine(inp.name, number, NAME, f"truncated WARC: record {number} "
                                     "has an incomplete header (no WARC-Type or Content-Length)")
                    return
                ctype = _html_record(rec)
                page = _page(rec, number, ctype, inp, opts) if ctype is not None else None
                records.read_to_end()
                # warcio returns a short body instead of raising when the file ends early.
                if getattr(rec.raw_stream, "limit", 0) > 0:
                    yield quarantine(inp.name, number, NAME, f"truncated WARC: record {number} ends "
                                     f"{rec.raw_stream.limit} bytes early")
                    return
                if page is not None:
                    yield page
                if _member_cut(records, f):
                    yield quarantine(inp.name, number, NAME, f"truncated WARC: the gzip member of record "
                                     f"{number} ends early (no end of stream or trailer)")
                    return
            size = f.seek(0, 2)
            if number and records.offset < size:  # warcio stops quietly at a cut-off gzip member
                yield quarantine(inp.name, number + 1, NAME, f"truncated WARC: {size - records.offset} "
                                 f"unreadable bytes after record {number}")
            if number == 0 and _nonempty(inp):
                yield quarantine(inp.name, None, NAME, "no WARC records found: truncated or not a WARC file")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as e:
        yield quarantine(inp.name, number + 1, NAME,
                         f"truncated or unreadable WARC after record {number}: {e}")
