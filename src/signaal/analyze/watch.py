"""Watch mode: poll feeds, URLs and folders, ingest what is new, extract, evaluate alerts.

``SOURCES.yaml``::

    interval: 300            # seconds between passes
    rules: alerts.yaml       # optional; the packaged default rules otherwise
    sources:
      - url: https://example.org/nieuws.rss
        lang: nl             # optional read() options: lang, date, source
      - folder: /data/inbox

URLs are fetched with a conditional GET (``If-None-Match``/``If-Modified-Since`` from the last
answer's ``ETag``/``Last-Modified``); files are read again only when their size or mtime
changed; items already stored are skipped. All of that is kept in the store (state namespace
``watch``), so a restarted watcher neither refetches nor re-ingests.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Union

import yaml

from ..errors import ConfigError
from ..ingest.core import read_input, resolve_options
from ..ingest.sources import Input, walk
from ..records import Article, Quarantined, Signals
from .alerts import Alert, evaluate
from .hooks import deliver
from .rules import RuleSet, load_rules

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)
NS_WATCH = "watch"
READ_OPTIONS = ("lang", "date", "source")


@dataclass(frozen=True)
class Source:
    """One thing to poll: a URL (feed or page) or a folder/file, with read() options."""

    url: Optional[str] = None
    path: Optional[str] = None
    options: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"url:{self.url}" if self.url else f"path:{self.path}"


@dataclass(frozen=True)
class WatchConfig:
    sources: tuple[Source, ...]
    interval: float = 300.0
    rules: Optional[RuleSet] = None


@dataclass
class PassReport:
    """What one pass did."""

    fetched: int = 0
    not_modified: int = 0
    unchanged_files: int = 0
    errors: int = 0
    new: int = 0
    skipped: int = 0
    alerts: list[Alert] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.new} new articles ({self.skipped} already stored); {self.fetched} fetched, "
                f"{self.not_modified} not modified, {self.unchanged_files} files unchanged, "
                f"{self.errors} errors; {len(self.alerts)} new alerts")


def load_config(path: Union[str, Path]) -> WatchConfig:
    """Read SOURCES.yaml (see module docstring); ConfigError naming the problem."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read watch sources {path}: {e}") from e
    raw = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{path}: expected a 'sources' list of url:/folder: entries")
    sources = []
    for n, s in enumerate(raw, 1):
        if not isinstance(s, dict) or sum(k in s for k in ("url", "folder", "file")) != 1:
            raise ConfigError(f"{path}, source {n}: give exactly one of url, folder or file")
        loc = s.get("folder") or s.get("file")
        if loc is not None:
            loc = str((Path(path).parent / loc).resolve()) if not Path(loc).is_absolute() else loc
        sources.append(Source(s.get("url"), loc, {k: s[k] for k in READ_OPTIONS if k in s}))
    rules = data.get("rules")
    if rules is not None and not Path(rules).is_absolute():
        rules = Path(path).parent / rules
    return WatchConfig(tuple(sources), float(data.get("interval", 300)), load_rules(rules))


def conditional_get(client: Any, url: str, seen: dict) -> tuple[Optional[Input], str, dict]:
    """(Input or None when not modified, content type, validators to remember)."""
    headers = {}
    if seen.get("etag"):
        headers["If-None-Match"] = seen["etag"]
    if seen.get("last_modified"):
        headers["If-Modified-Since"] = seen["last_modified"]
    resp = client.get(url, headers=headers)
    if resp.status_code == 304:
        return None, "", seen
    resp.raise_for_status()
    keep = {"etag": resp.headers.get("etag"), "last_modified": resp.headers.get("last-modified")}
    return Input(name=url, url=url, data=resp.content), resp.headers.get("content-type", ""), keep


def _items(source: Source, state: dict, updates: dict, report: PassReport, client: Any,
           settings: Any) -> Iterator[Union[Article, Quarantined]]:
    opts = resolve_options(source.options.get("date"), source.options.get("lang"), None,
                           source.options.get("source"), None, settings, client)
    if source.url:
        inp, ctype, keep = conditional_get(client, source.url, state.get(source.key, {}))
        if inp is None:
            report.not_modified += 1
            return
        report.fetched += 1
        updates[source.key] = keep
        yield from read_input(inp, opts, ctype.lower())
        return
    for inp in walk(source.path):
        stat = Path(inp.name).stat()
        mark = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        key = f"path:{inp.name}"
        if state.get(key) == mark:
            report.unchanged_files += 1
            continue
        updates[key] = mark
        yield from read_input(inp, opts)


def poll_once(store: "Store", config: WatchConfig, *, client: Any = None,
              extract: Optional[Callable[[Article], Signals]] = None,
              webhook: Optional[str] = None, command: Optional[str] = None) -> PassReport:
    """One pass over every source: fetch, ingest only new items, evaluate and deliver alerts."""
    import httpx

    own = client is None
    client = client or httpx.Client(follow_redirects=True, timeout=30.0,
                                    headers={"User-Agent": "signaal-watch"})
    report = PassReport()
    state = store.get_state(NS_WATCH)
    try:
        for source in config.sources:
            updates: dict = {}
            try:
                items = list(_items(source, state, updates, report, client, store.settings))
            except (httpx.HTTPError, OSError) as e:
                report.errors += 1
                log.warning("watch %s: %s; will retry next pass", source.key, e)
                continue
            articles = [i for i in items if isinstance(i, Article)]
            known = store.known(articles) if articles else {}
            fresh = [i for i in items if not isinstance(i, Article)
                     or (i.id not in known and (not i.content_hash or i.content_hash not in known))]
            report.skipped += len(items) - len(fresh)
            if fresh:
                report.new += store.ingest(fresh, extract=extract).stored
            store.put_state(NS_WATCH, updates)  # only after the items are safely stored
            log.info("watch %s: %d items, %d new", source.key, len(items), len(fresh))
    finally:
        if own:
            client.close()
    rules = config.rules or load_rules()
    rules = dataclasses.replace(rules, webhook=webhook or rules.webhook,
                                command=command or rules.command)
    report.alerts = evaluate(store, rules)
    deliver(store, rules.webhook, rules.command)
    return report


def watch(store: "Store", config: WatchConfig, *, once: bool = False,
          extract: Optional[Callable[[Article], Signals]] = None,
          on_pass: Optional[Callable[[PassReport], None]] = None, **kwargs: Any) -> None:
    """Poll every ``config.interval`` seconds until interrupted (or once)."""
    while True:
        report = poll_once(store, config, extract=extract, **kwargs)
        log.info("watch pass: %s", report.summary())
        if on_pass is not None:
            on_pass(report)
        if once:
            return
        time.sleep(config.interval)
