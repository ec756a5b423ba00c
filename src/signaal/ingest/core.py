"""``read()``: paths, folders and URLs in; Articles (and Quarantined records) out, streaming.

The reader for a file is chosen by its extension (``.gz`` stripped) and, where that is
ambiguous or unknown, by sniffing the first bytes. Every draft a reader yields then goes through
``build.finish`` (size checks, hygiene, language, hash, id). Bad input never raises: it becomes
a ``Quarantined`` record and the run goes on.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import Any, Iterator, Mapping, Optional, Union

from ..errors import ConfigError
from ..records import Article, Quarantined
from ..settings import load_settings
from . import dates, seed as seed_reader
from .build import Draft, Options, finish, quarantine
from .sources import SNIFF_BYTES, Input, fetch, sniff_encoding, walk

PathLike = Union[str, "os.PathLike[str]"]
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feeds", ".atom": "feeds", ".xml": "feeds", ".rdf": "feeds",
    ".warc": "warc", ".arc": "warc",
}
HEAD_BYTES = 16384  # enough to sniff any format, and most articles whole
FIELD_NAMES = ("text", "date", "url", "title", "source", "lang")
BUILT_IN = frozenset(EXTENSIONS.values()) | {"seed"}


def reader_module(name: str) -> Any:
    """The reader called ``name``: a built-in module ``signaal.ingest.<name>`` (imported on first
    use: trafilatura is slow) or a plugin's reader."""
    if name in BUILT_IN:
        return importlib.import_module(f"{__package__}.{name}")
    return plugin_readers()[name]


@lru_cache(maxsize=1)
def plugin_readers() -> dict[str, Any]:
    """Readers from the ``register_readers`` hook, by name.

    A reader is any object with ``NAME``, ``EXTENSIONS`` (e.g. ``(".eml",)``) and
    ``read(inp, opts)`` yielding ``Draft`` or ``Quarantined``, like the built-in modules. Plugins
    are consulted only for extensions no built-in reader claims.
    """
    from ..plugins import get_plugin_manager

    out: dict[str, Any] = {}
    for pairs in get_plugin_manager().hook.register_readers():
        for name, reader in pairs or ():
            out[name] = reader
    return out


def _plugin_for(ext: str) -> Optional[str]:
    for name, reader in plugin_readers().items():
        if ext in tuple(getattr(reader, "EXTENSIONS", ())):
            return name
    return None


def _ext(name: str) -> str:
    base = os.path.basename(name)
    return os.path.splitext(base)[1].lower()


def sniff(head: bytes, encoding: Optional[str] = None) -> Optional[str]:
    """A reader name from a file's first bytes, or None when nothing fits."""
    codec, _ = sniff_encoding(head[:SNIFF_BYTES], encoding)
    if codec not in ("utf-8", "utf-8-sig"):  # look at UTF-16/cp1252 heads as UTF-8 bytes
        head = head.decode(codec, "ignore").lstrip("\ufeff").encode("utf-8")
    h = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if h.startswith(b"WARC/"):
        return "warc"
    if seed_reader.has_header(head[:200].decode("utf-8", "ignore")):
        return "seed"
    low = h[:1024].lower()
    if low.startswith(b"<?xml") or low.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        if any(tag in low for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
            return "feeds"
        return "html" if b"<html" in low else "feeds"
    if low.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<body")):
        return "html"
    if h.startswith((b"{", b"[")):
        return "jsonl"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # binary
    return "text"


def choose(inp: Input, head: bytes, content_type: str = "", encoding: Optional[str] = None
           ) -> Optional[str]:
    """The reader name for an input: extension first, sniffing ``head`` where that is unclear."""
    ext = _ext(inp.inner)
    by_ext = EXTENSIONS.get(ext)
    if by_ext in ("csv", "warc", "jsonl"):
        return by_ext
    if by_ext is None and ext and _plugin_for(ext):
        return _plugin_for(ext)
    sniffed = sniff(head, encoding)
    if by_ext == "text":
        return "seed" if sniffed == "seed" else "text"
    if by_ext in ("feeds", "html"):
        return sniffed if sniffed in ("feeds", "html") else by_ext
    if "xml" in content_type or "rss" in content_type or "atom" in content_type:
        return "feeds"
    if "html" in content_type:
        return sniffed if sniffed in ("feeds", "html") else "html"
    return sniffed


def resolve_options(date: Any, lang: Optional[str], fields: Optional[Mapping[str, str]],
                    source: Optional[str], encoding: Optional[str],
                    settings: Optional[Mapping[str, Any]], client: Any) -> Options:
    """Check and resolve ``read()``'s keyword arguments once."""
    interval = dates.coerce(date)
    if date is not None and interval is None:
        raise ConfigError(f"date {date!r} is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time")
    unknown = set(fields or {}) - set(FIELD_NAMES)
    if unknown:
        raise ConfigError(f"unknown field name(s) {sorted(unknown)}; known: {', '.join(FIELD_NAMES)}")
    full = load_settings(overrides=settings) if settings is None or not _complete(settings) else settings
    return Options(settings=full, date=interval, lang=lang.lower() if lang else None,
                   fields=dict(fields or {}), source=source, encoding=encoding, client=client)


def _complete(settings: Mapping[str, Any]) -> bool:
    return all(k in settings for k in ("min_text_chars", "max_document_chars", "max_line_chars"))


def read(paths: Union[PathLike, list, tuple], *, date: Any = None, lang: Optional[str] = None,
         fields: Optional[Mapping[str, str]] = None, source: Optional[str] = None,
         encoding: Optional[str] = None, settings: Optional[Mapping[str, Any]] = None,
         client: Any = None) -> Iterator[Union[Article, Quarantined]]:
    """Articles from files, folders (recursive, sorted) and URLs; bad input comes out Quarantined.

    ``date`` (``"2022-02"``, a date or an Interval) is used for records that carry no date of
    their own; ``lang`` overrides detection; ``fields`` maps ``text``/``date``/``url``/``title``/
    ``source``/``lang`` to JSONL/CSV column names; ``source`` names the outlet when the input
    does not; ``encoding`` replaces strict UTF-8; ``client`` is an ``httpx.Client`` for URLs.

    >>> for item in read("examples/"):  # doctest: +SKIP
    ...     print(item.id, item.published.label(), item.lang)
    """
    opts = resolve_options(date, lang, fields, source, encoding, settings, client)
    for item in walk(paths):
        if isinstance(item, str):
            yield from read_url(item, opts)
        else:
            yield from read_input(item, opts)


def read_url(url: str, opts: Options) -> Iterator[Union[Article, Quarantined]]:
    """Fetch a URL (feed or page) and read it."""
    got = fetch(url, opts.client)
    if isinstance(got, Quarantined):
        yield got
        return
    inp, content_type = got
    yield from read_input(inp, opts, content_type)


def read_input(inp: Input, opts: Options, content_type: str = ""
               ) -> Iterator[Union[Article, Quarantined]]:
    """Every article (or quarantined record) of one input."""
    try:
        head = inp.head(HEAD_BYTES)
    except OSError as e:  # missing or unreadable file (damaged gzip gives b"" instead)
        yield quarantine(inp.name, None, "", f"cannot open: {e}")
        return
    name = choose(inp, head, content_type, opts.encoding)
    if name is None:
        yield quarantine(inp.name, None, "", "unrecognised binary format; "
                         "supported: seed/.txt, .jsonl, .csv, .html, RSS/Atom, .warc (optionally .gz)")
        return
    module = reader_module(name)
    try:
        for draft in module.read(inp, opts):
            if isinstance(draft, Draft):
                yield finish(draft, inp.name, module.NAME, opts)
            else:
                yield draft
    except OSError as e:  # the file vanished or became unreadable mid-way
        yield quarantine(inp.name, None, module.NAME, f"cannot read: {e}")
