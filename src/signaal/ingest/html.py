"""HTML pages: main text, title, date and site name via trafilatura, as a documented cascade.

``extract`` tries, in order, stopping at the first that gives at least ``min_text_chars``:

1. ``trafilatura``: trafilatura's default (precision-leaning) main-text extraction;
2. ``trafilatura-recall``: the same with ``favor_recall=True`` (short or unusual pages);
3. ``lxml-text``: all visible text of the page (scripts, styles, navigation dropped).

The stage that won is logged at DEBUG and stored as ``Article.extraction_method``. Paragraphs are
joined by a blank line, as in the seed format, so hygiene sees subheadings and teaser blocks.
The date is the page's own published-time metadata when it gives one (time precision), else
trafilatura's date (day precision).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, Iterator, Optional, Union

from ..records import Interval, Quarantined
from . import dates
from .build import Draft, Options, quarantine
from .sources import GZIP_ERRORS, Input, Problem, decode

NAME = "html"
log = logging.getLogger(__name__)
BLOCK_TAGS = ("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote",
              "section", "article", "header", "footer", "figcaption", "pre", "table", "ul", "ol")
DROP_TAGS = ("script", "style", "noscript", "nav", "template", "svg", "iframe", "form")
META_DATE_NAMES = ("article:published_time", "og:published_time", "datepublished", "pubdate",
                   "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "date")
JSONLD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


@lru_cache(maxsize=1)
def _trafilatura():
    # trafilatura takes about a second to import; only HTML inputs need it.
    import trafilatura

    return trafilatura
# Characters XML 1.0 forbids; lxml raises on them when it builds a tree (found by bench/fuzz.py).
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def paragraphs(text: str) -> str:
    """Lines with their inner whitespace collapsed, joined by blank lines; empty lines dropped."""
    return "\n\n".join(" ".join(ln.split()) for ln in text.split("\n") if ln.strip())


def visible_text(html: Union[str, bytes]) -> str:
    """All visible text of an HTML page or fragment, one paragraph per block element."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html if html.strip() else "<div></div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in root.iter(*DROP_TAGS):
        el.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return paragraphs(root.text_content())


def meta_date(html: str) -> Optional[Interval]:
    """The page's own published date from <meta> tags or JSON-LD, if it states one."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in META_DATE_NAMES and meta.get("content"):
            found = dates.parse_iso(meta.get("content")) or dates.parse_free(meta.get("content"))
            if found:
                return found
    m = JSONLD_DATE_RE.search(html)
    return (dates.parse_iso(m.group(1)) or dates.parse_free(m.group(1))) if m else None


def _stage(html: str, url: Optional[str], **kw: Any) -> tuple[str, dict]:
    doc = _trafilatura().bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         include_tables=False, **kw)
    if doc is None:
        return "", {}
    meta = doc.as_dict()
    return paragraphs(meta.get("text") or ""), meta


def extract(html: str, opts: Options, url: Optional[str] = None) -> Union[dict, str]:
    """Text and metadata of a page (``text``, ``title``, ``date``, ``source``, ``method``),
    or the reason there is none."""
    html = XML_INVALID_RE.sub("", html)  # lxml refuses NUL and C0 controls in text nodes
    text, meta, method = "", {}, ""
    for method, kw in (("trafilatura", {}), ("trafilatura-recall", {"favor_recall": True})):
        text, meta = _stage(html, url, **kw)
        if len(text.strip()) >= opts.min_chars:
            break
    else:
        text, method = visible_text(html), "lxml-text"
        meta = meta or {}
    if len(text.strip()) < opts.min_chars:
        return f"no extractable text in the HTML (got {len(text.strip())} characters)"
    title = meta.get("title")
    first, _, rest = text.partition("\n\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest  # trafilatura repeats the <h1> headline as the first line
    log.debug("html %s: text by %s", url or "", method)
    published = meta_date(html) or (dates.parse_iso(meta["date"]) if meta.get("date") else None)
    return {"text": text, "title": title, "date": published, "source": meta.get("sitename"),
            "lang": meta.get("language"), "url": meta.get("url") or url, "method": method}


def to_draft(html: str, opts: Options, record: int, url: Optional[str] = None
             ) -> Union[Draft, str]:
    """A Draft for one page, or why there is none."""
    got = extract(html, opts, url)
    if isinstance(got, str):
        return got
    return Draft(text=got["text"], record=record, url=url or got["url"], title=got["title"],
                 source=got["source"], lang=got["lang"], published=got["date"],
                 extraction_method=got["method"])


def decode_html(data: bytes, encoding: Optional[str], declared: Optional[str] = None
                ) -> Union[str, Problem]:
    """Page bytes as text: the caller's encoding, else the declared charset, else strict UTF-8."""
    codec = encoding or declared or _meta_charset(data) or "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        codec, data = "utf-8", data[3:]
    return decode(data, codec)


def _meta_charset(data: bytes) -> Optional[str]:
    m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per HTML file."""
    limit = opts.max_chars * 4 + 4
    try:
        with inp.open() as f:
            data = f.read(limit + 1)
    except GZIP_ERRORS as e:
        yield quarantine(inp.name, 1, NAME, f"unreadable or truncated gzip: {e}")
        return
    if len(data) > limit:
        yield quarantine(inp.name, 1, NAME, f"document larger than max_document_chars={opts.max_chars}")
        return
    html = decode_html(data, opts.encoding)
    if isinstance(html, Problem):
        yield quarantine(inp.name, 1, NAME, html)
        return
    got = to_draft(html, opts, 1, inp.url)
    yield quarantine(inp.name, 1, NAME, got, html[:200]) if isinstance(got, str) else got
