"""Records with named fields (JSONL, CSV) to drafts: which field holds the text, date, url, ...

A caller's ``fields`` mapping wins; otherwise the first present of the usual names is used
(case-insensitive). A record without text is quarantined; an unreadable date is logged and left
empty (the article is still worth keeping).
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Mapping, Optional, Union

from ..records import Interval
from . import dates
from .build import Draft, Options

log = logging.getLogger(__name__)

DEFAULTS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext"),
    "date": ("date", "published", "published_at", "pubdate", "date_published", "datetime",
             "timestamp", "created_at"),
    "url": ("url", "link", "href", "uri"),
    "title": ("title", "headline", "heading"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename", "site", "domain"),
    "lang": ("lang", "language", "locale"),
}
HTML_FIELDS = ("html", "raw_html", "body_html", "content_html")


def _lookup(record: Mapping[str, Any], name: str, fields: Mapping[str, str]) -> Any:
    if name in fields:
        return record.get(fields[name])
    lower = {str(k).lower(): k for k in record}
    for cand in DEFAULTS[name]:
        if cand in lower:
            value = record[lower[cand]]
            if value not in (None, ""):
                return value
    return None


def parse_date(value: Any) -> Optional[Interval]:
    """A date field as an interval: ISO or free-form string, or a Unix timestamp."""
    if value is None or value == "":
        return None
    if isinstance(value, Interval):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            # Values past year 2286 in seconds are milliseconds.
            seconds = value / 1000 if value > 1e10 else value
            return dates.instant(datetime.fromtimestamp(seconds, tz=timezone.utc))
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        return dates.parse_iso(value) or dates.parse_free(value)
    return None


def to_draft(record: Mapping[str, Any], number: int, opts: Options, where: str
             ) -> Union[Draft, str]:
    """A Draft from one record, or the reason it cannot be one."""
    text = _lookup(record, "text", opts.fields)
    method = None
    if text in (None, ""):
        html = next((record[k] for k in record if str(k).lower() in HTML_FIELDS and record[k]), None)
        if isinstance(html, str) and "text" not in opts.fields:
            from .html import extract

            got = extract(html, opts)
            if isinstance(got, str):
                return got
            text, meta, method = got["text"], got, got["method"]
            record = {**{k: v for k, v in meta.items() if v}, **record}
    if text in (None, ""):
        tried = opts.fields.get("text") or ", ".join(DEFAULTS["text"])
        return f"no text: field(s) {tried} missing or empty; map the text field with fields={{'text': ...}} / --field text=NAME"
    if not isinstance(text, str):
        return f"text field holds {type(text).__name__}, not a string"
    raw_date = _lookup(record, "date", opts.fields)
    published = parse_date(raw_date)
    if raw_date not in (None, "") and published is None:
        log.warning("%s record %s: unreadable date %r, left empty", where, number, raw_date)
    return Draft(text=text, record=number, url=_str(_lookup(record, "url", opts.fields)),
                 title=_str(_lookup(record, "title", opts.fields)),
                 source=_str(_lookup(record, "source", opts.fields)),
                 lang=_str(_lookup(record, "lang", opts.fields)),
                 published=published, extraction_method=method)


def _str(value: Any) -> Optional[str]:
    return None if value is None or isinstance(value, (dict, list)) else str(value)
