"""RSS and Atom feeds (files or URLs) with feedparser: each entry becomes an article.

The entry's full content is used when the feed carries it, else its summary; HTML in either is
reduced to visible text. Dates come from feedparser's parsed times (UTC, time precision), else
from the raw date string through dateparser.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional, Union

from ..records import Interval, Quarantined
from . import dates
from .build import Draft, Options, quarantine
from .html import paragraphs, visible_text
from .sources import GZIP_ERRORS, Input

NAME = "feeds"


def entry_text(entry: Any) -> tuple[str, str]:
    """(text, which field it came from) of a feed entry."""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return _plain(value, item.get("type", "")), "feed-content"
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _plain(summary, detail.get("type", "")), "feed-summary"


def _plain(value: str, mime: str) -> str:
    if "html" in mime or "<" in value:
        return visible_text(value)
    return paragraphs(value)


def entry_date(entry: Any) -> Optional[Interval]:
    """The entry's published (else updated) time as an interval."""
    for key in ("published", "updated", "created"):
        found = dates.from_struct(entry.get(f"{key}_parsed"))
        if found is None and entry.get(key):
            found = dates.parse_free(entry.get(key))
        if found is not None:
            return found
    return None


def _draft(entry: Any, number: int, feed: Any) -> Draft:
    text, method = entry_text(entry)
    return Draft(text=text, record=number, url=entry.get("link"), title=entry.get("title"),
                 source=feed.get("title"), lang=entry.get("language") or feed.get("language"),
                 published=entry_date(entry), extraction_method=method)


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per feed entry; a feed that does not parse is quarantined whole."""
    import feedparser

    limit = opts.max_line_chars * 4
    try:
        with inp.open() as f:
            data = f.read(limit + 1)
    except GZIP_ERRORS as e:
        yield quarantine(inp.name, None, NAME, f"unreadable or truncated gzip: {e}")
        return
    if len(data) > limit:
        yield quarantine(inp.name, None, NAME, f"feed larger than {limit} bytes (max_line_chars)")
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        why = f"malformed feed: {parsed.get('bozo_exception')}" if parsed.get("bozo") else "feed has no entries"
        yield quarantine(inp.name, None, NAME, why, data[:200].decode("utf-8", "replace"))
        return
    for number, entry in enumerate(parsed.entries, 1):
        yield _draft(entry, number, parsed.feed)
