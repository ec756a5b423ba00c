"""Ingest for any backend: dedup, optional extraction, batched writes, a report.

Per input article, in order:

1. its id is stored and it came from the same file and record: **unchanged** (re-ingest);
2. its id or content hash is stored: an **exact duplicate**, not stored again; where it was
   seen goes to ``copies`` (once per file and record);
3. otherwise it is **new**; the ``Deduper`` fills ``duplicate_of``/``group`` (a **near
   duplicate** when ``duplicate_of`` is set), and ``extract`` runs when given.

The Deduper lives for one batch, seeded only with the stored articles that share an LSH band
with the batch's new articles (``neardup``), so memory does not grow with the store.

An item may also be a ``Prepared`` article: one whose signature was computed ahead, in a reading
process (``signaal.ingest.ahead``). A ``Quarantined`` item is stored as it is. A batch is one
transaction: when writing it fails, nothing of it is kept, earlier batches stay, and the error is
raised as ``StoreError``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from ..ingest.dedup import Deduper, content_hash, signature
from ..records import Article, Evidence, Quarantined, Signals, stable_id
from .base import Batch, Item, now
from .neardup import Bands, verified

if TYPE_CHECKING:
    from .base import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """An article with its MinHash signature, computed ahead of the write (``Store.preparer``)."""

    article: Article
    signature: bytes


def prepare(article: Article, num_perm: int) -> Prepared:
    """``article`` (content hash filled in) with its MinHash signature."""
    article = with_hash(article)
    return Prepared(article, signature(article.text, num_perm))


@dataclass
class IngestReport:
    """What an ingest run did. ``new`` and ``near`` were stored; ``exact`` were not.

    ``failed`` counts articles whose extraction failed (stored without records) and articles
    that could not be stored at all; ``articles`` counts every article read.
    """

    articles: int = 0
    new: int = 0
    exact: int = 0
    near: int = 0
    unchanged: int = 0
    quarantined: int = 0
    failed: int = 0
    failed_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> int:
        """Articles read without failure (new, duplicates and already stored)."""
        return self.articles - self.failed

    @property
    def duplicates(self) -> int:
        return self.exact + self.near

    @property
    def stored(self) -> int:
        return self.new + self.near

    def summary(self) -> str:
        """One line: ``N new / D duplicates / Q quarantined / F failed``."""
        line = (f"{self.new} new / {self.duplicates} duplicates / {self.quarantined} quarantined"
                f" / {self.failed} failed")
        extra = []
        if self.duplicates:
            extra.append(f"{self.exact} exact, {self.near} near")
        if self.unchanged:
            extra.append(f"{self.unchanged} already stored")
        return line + (f" ({'; '.join(extra)})" if extra else "")

    def exit_code(self) -> int:
        """0 when nothing failed, 1 when some input was quarantined or failed, 3 when all did."""
        if self.quarantined + self.failed == 0:
            return 0
        return 3 if self.ok <= 0 else 1


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to ``size`` items, streaming."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_signals(article: Article, signals: Signals) -> None:
    """Raise ValueError unless every evidence span of every record (a claim's content and
    speaker too) is exactly ``article.text[start:end]``."""
    if signals.article_id != article.id:
        raise ValueError(f"signals are for article {signals.article_id}, not {article.id}")
    for table in ("mentions", "claims", "quantities", "time_expressions", "events"):
        for record in getattr(signals, table):
            for f in dataclasses.fields(record):
                ev = getattr(record, f.name)
                if not isinstance(ev, Evidence):
                    continue
                exact = article.text[ev.start_char:ev.end_char] == ev.text
                if ev.article_id != article.id or not exact:
                    raise ValueError(f"{table[:-1]} {f.name} {ev.start_char}:{ev.end_char} "
                                     f"{ev.text!r} does not match the article text")


def with_hash(article: Article) -> Article:
    """The article with its ``content_hash`` filled in (articles built by hand may lack it)."""
    if article.content_hash:
        return article
    return dataclasses.replace(article, content_hash=content_hash(article.text))


def copy_row(article: Article, original_id: str) -> dict:
    """A ``copies`` row: where an exact duplicate of ``original_id`` was seen."""
    prov = article.provenance
    file, record = (prov.file, prov.record) if prov else (None, None)
    return {"id": stable_id("copy", article.id, file, record), "duplicate_of": original_id,
            "url": article.url, "source": article.source, "prov_file": file,
            "prov_record": record, "prov_reader": prov.reader if prov else None,
            "seen_at": now()}


class _Run:
    """The state of one ingest run."""

    def __init__(self, store: "Store", extract: Optional[Callable[[Article], Signals]]):
        self.store, self.extract = store, extract
        self.report = IngestReport()
        self.bands = Bands.from_settings(store.settings)
        store.ensure_bands(self.bands)

    def batch(self, items: list[Item]) -> Batch:
        batch = Batch(quarantined=[x for x in items if isinstance(x, Quarantined)])
        self.report.quarantined += len(batch.quarantined)
        articles, ahead = [], {}
        for item in items:
            if isinstance(item, Prepared):
                if len(item.signature) == 4 * self.bands.num_perm:  # else another minhash_perm
                    ahead[item.article.id] = item
                item = item.article
            if isinstance(item, Article):
                self.report.articles += 1
                with self._guard(item):
                    articles.append(with_hash(item))
        fresh = self._sort_out(articles, batch)
        signed = []
        for article in fresh:
            with self._guard(article):
                known = ahead.get(article.id)
                signed.append((article, known.signature if known else
                               signature(article.text, self.bands.num_perm)))
        by_key: dict[int, list[bytes]] = {}
        keyed = []
        for article, sig in signed:
            with self._guard(article):
                keys = self.bands.keys(sig)
                for key in keys:
                    by_key.setdefault(key, []).append(sig)
                keyed.append((article, sig, keys))
        deduper = Deduper.from_settings(self.store.settings)
        deduper.seed(verified(self.bands, self.store.near_candidates(list(by_key)), by_key,
                              deduper.threshold))
        for article, sig, keys in keyed:
            with self._guard(article):
                self._new_article(deduper.apply(article, sig, keys), sig, keys, batch)
        return batch

    def _sort_out(self, articles: list[Article], batch: Batch) -> list[Article]:
        """Count re-ingested articles and exact duplicates; return the new ones."""
        known = self.store.known(articles)
        copy_ids = [copy_row(a, "")["id"] for a in articles]
        seen_copies = self.store.known_copies(copy_ids)
        fresh = []
        for article, copy_id in zip(articles, copy_ids):
            original = known.get(article.id) or known.get(article.content_hash)
            if original is not None:
                self._known_article(article, original, copy_id in seen_copies, batch)
                continue
            fresh.append(article)
            prov = article.provenance
            known[article.id] = known[article.content_hash] = (
                article.id, prov.file if prov else None, prov.record if prov else None)
        return fresh

    @contextlib.contextmanager
    def _guard(self, article: Article) -> Iterator[None]:
        """Count an article that cannot be prepared as failed, log why, and go on."""
        try:
            yield
        except Exception:  # one bad article must not stop the run; logged with its id
            self._failed(article, "cannot be stored; skipped")

    def _failed(self, article: Article, what: str) -> None:
        where = article.provenance.file if article.provenance else "?"
        log.exception("article %s (%s) %s", article.id, where, what)
        self.report.failed += 1
        self.report.failed_ids.append(article.id)

    def _known_article(self, article: Article, original: tuple, copy_seen: bool,
                       batch: Batch) -> None:
        stored_id, file, record = original
        prov = article.provenance
        same_input = (stored_id == article.id and prov is not None
                      and (prov.file, prov.record) == (file, record))
        if same_input or copy_seen:
            self.report.unchanged += 1
        else:
            self.report.exact += 1
            batch.copies.append(copy_row(article, stored_id))

    def _new_article(self, article: Article, sig: bytes, keys: list[int], batch: Batch) -> None:
        if article.duplicate_of:
            self.report.near += 1
        else:
            self.report.new += 1
        batch.articles.append(article)
        batch.signatures.append((article.id, sig))
        batch.bands.extend((key, article.id) for key in keys)
        if self.extract is not None:
            signals = self._extract(article)
            if signals is not None:
                batch.signals.append(signals)

    def _extract(self, article: Article) -> Optional[Signals]:
        try:
            signals = self.extract(article)
            check_signals(article, signals)
            return signals
        except Exception:  # one bad article must not stop the run; logged with its id
            self._failed(article, "extraction failed; stored without records")
            return None


def run_ingest(store: "Store", items: Iterable[Item], *,
               extract: Optional[Callable[[Article], Signals]] = None,
               progress: Optional[Callable[[Item], None]] = None) -> IngestReport:
    """``Store.ingest``: see the module docstring."""
    run = _Run(store, extract)
    for chunk in batched(_watched(items, progress), store.batch_size):
        batch = run.batch(chunk)
        if batch:
            store.write_batch(batch)
    return run.report


def _watched(items: Iterable[Item], progress: Optional[Callable[[Item], None]]) -> Iterator[Item]:
    for item in items:
        yield item
        if progress is not None:
            progress(item)
