"""From a reader's draft to an ``Article``: size checks, hygiene, language, hash and id.

Readers only find text and metadata (a ``Draft``); everything every format shares happens here
once, so a Dutch article gets the same regions, language and id whichever reader found it.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from itertools import islice
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Union

from ..records import Article, Interval, Provenance, Quarantined, stable_id
from . import dedup, hygiene, lang as langid
from .sources import Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """What ``read()`` was asked, resolved once for every reader."""

    settings: Mapping[str, Any]
    date: Optional[Interval] = None
    lang: Optional[str] = None
    fields: Mapping[str, str] = field(default_factory=dict)
    source: Optional[str] = None
    encoding: Optional[str] = None
    client: Any = None  # an httpx.Client for URLs (tests pass one with a MockTransport)

    @property
    def min_chars(self) -> int:
        return int(self.settings["min_text_chars"])

    @property
    def max_chars(self) -> int:
        return int(self.settings["max_document_chars"])

    @property
    def max_line_chars(self) -> int:
        return int(self.settings["max_line_chars"])


@dataclass(frozen=True)
class Draft:
    """What a reader found in one record, before the shared steps."""

    text: str
    record: Optional[int] = None
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    lang: Optional[str] = None
    published: Optional[Interval] = None
    extraction_method: Optional[str] = None

# A character a reader sees: not whitespace, not a C0/C1 control, not a zero-width or bidi mark.
VISIBLE_RE = re.compile("[^\\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\u180e\ufeff]")


def quarantine(file: str, record: Optional[int], reader: str, problem: Union[Problem, str],
               snippet: str = "") -> Quarantined:
    """A Quarantined record from a Problem or a reason string."""
    if isinstance(problem, Problem):
        return Quarantined(file, record, problem.reason, reader, (problem.snippet or snippet)[:200])
    return Quarantined(file, record, problem, reader, snippet[:200])


def _clean(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


# A scheme prefix once browsers have dropped the whitespace and C0 controls they ignore in URLs.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
WEB_SCHEMES = ("http", "https")


def _url(value: Optional[str]) -> Optional[str]:
    """The article URL, or None for a non-web scheme (``javascript:``, ``data:``, ``file:``):
    such a value is never an article's address and would be a live link on the dashboard."""
    url = _clean(value)
    probe = re.sub(r"[\x00-\x20\x7f]", "", url or "")
    m = _SCHEME.match(probe)
    if url and m and m.group()[:-1].lower() not in WEB_SCHEMES:
        log.warning("dropped url with a non-web scheme: %r", url[:80])
        return None
    return url


def finish(draft: Draft, file: str, reader: str, opts: Options) -> Union[Article, Quarantined]:
    """The Article for a draft, or why it is quarantined (empty or oversized body)."""
    text = draft.text
    # what a reader sees: control and format characters (NUL, zero-width, bidi marks) do not count;
    # counting stops at min_chars, so a long body costs nothing here
    stripped = sum(1 for _ in islice(VISIBLE_RE.finditer(text), max(opts.min_chars, 1)))
    if stripped == 0:
        return quarantine(file, draft.record, reader, "empty document: no text")
    if stripped < opts.min_chars:
        return quarantine(file, draft.record, reader,
                          f"document too short: {stripped} characters < min_text_chars={opts.min_chars}",
                          text)
    if len(text) > opts.max_chars:
        return quarantine(file, draft.record, reader,
                          f"document too long: {len(text)} characters > max_document_chars={opts.max_chars}",
                          text)
    regions, related = hygiene.analyse(text)
    content_hash = dedup.content_hash(text)
    url = _url(draft.url)
    article = Article(
        id=stable_id("article", content_hash, url or ""),
        text=text,
        url=url,
        source=_clean(draft.source) or opts.source,
        lang=None,
        published=draft.published or opts.date,
        title=_clean(draft.title) or hygiene.headline(text),
        related=tuple(related),
        regions=tuple(regions),
        provenance=Provenance(file=file, record=draft.record, reader=reader),
        content_hash=content_hash,
        extraction_method=draft.extraction_method or reader,
    )
    language = opts.lang or _norm_lang(draft.lang) or langid.detect(article)
    return dataclasses.replace(article, lang=language)


def _norm_lang(value: Optional[str]) -> Optional[str]:
    """'nl-NL', 'NL', 'nl_BE' -> 'nl'; anything not two letters -> None (detect instead)."""
    if not value:
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None
