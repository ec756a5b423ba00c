"""Concurrent writers: a batch checked before another process wrote is checked again.

``Store.ingest`` decides per batch which articles are new, exact or near duplicates
(``signaal.store.ingest``), then writes the batch. With several processes ingesting into one
PostgreSQL store, another writer may commit between the two. ``PostgresStore.write_batch``
holds the store's write lock while ``Recheck.batch`` looks whether any article was stored since
the batch's check (the highest ``seq`` moved); only then it repeats the check inside the lock:

- an article stored meanwhile (same id or content hash) becomes a ``copies`` sighting (or
  nothing, when it came from the same file and record) and its rows are dropped;
- the others get ``duplicate_of``/``group`` again from a ``Deduper`` seeded with the stored
  articles sharing a band, as the single-process ingest would have decided.

The ingest report is corrected to match (``correct``).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Optional

from ..ingest.dedup import Deduper
from .base import Batch
from .ingest import IngestReport, copy_row
from .neardup import Bands, verified

if TYPE_CHECKING:
    from .postgres import PostgresStore


class Recheck:
    """Remembers what a batch's check saw and re-checks the batch when writers overtook it."""

    def __init__(self, store: "PostgresStore"):
        self.store = store
        self.seen: Optional[int] = None  # highest article seq when the batch was checked
        self.changes: Counter = Counter()

    @cached_property
    def bands(self) -> Bands:
        return Bands.from_settings(self.store.settings)

    def reset(self) -> None:
        self.changes.clear()

    def checked(self) -> None:
        """Called when a batch's check starts (``Store.known``)."""
        self.seen = self._top()

    def _top(self) -> int:
        return self.store.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]

    def batch(self, batch: Batch) -> Batch:
        """The batch to write, re-checked when needed (call inside the write lock)."""
        seen, self.seen = self.seen, None
        if seen is None or not batch.articles or self._top() == seen:
            return batch
        return self._again(batch)

    def _again(self, batch: Batch) -> Batch:
        known = self.store.known(batch.articles)
        self.seen = None
        copies = list(batch.copies)
        fresh = []
        for article in batch.articles:
            original = known.get(article.id) or known.get(article.content_hash)
            if original is None:
                fresh.append(article)
                continue
            self.changes["near" if article.duplicate_of else "new"] -= 1
            copy = self._sighting(article, original)
            self.changes["exact" if copy else "unchanged"] += 1
            copies += [copy] if copy else []
        keep = {a.id for a in fresh}
        sigs = {a: s for a, s in batch.signatures if a in keep}
        return Batch(articles=self._redecide(fresh, sigs), signatures=list(sigs.items()),
                     bands=[b for b in batch.bands if b[1] in keep], copies=copies,
                     quarantined=batch.quarantined,
                     signals=[s for s in batch.signals if s.article_id in keep])

    def _sighting(self, article, original: tuple) -> Optional[dict]:
        """The ``copies`` row for an article another writer stored, or None when it is the
        same input (or that sighting is recorded already)."""
        stored_id, file, record = original
        prov = article.provenance
        if stored_id == article.id and prov is not None and (prov.file, prov.record) == (file, record):
            return None
        row = copy_row(article, stored_id)
        return None if self.store.known_copies([row["id"]]) else row

    def _redecide(self, articles: list, sigs: dict[str, bytes]) -> list:
        # The same steps as the batch check in ``signaal.store.ingest._Run.batch``.
        by_key: dict[int, list[bytes]] = {}
        for article in articles:
            for key in self.bands.keys(sigs[article.id]):
                by_key.setdefault(key, []).append(sigs[article.id])
        deduper = Deduper.from_settings(self.store.settings)
        deduper.seed(verified(self.bands, self.store.near_candidates(list(by_key)), by_key,
                              deduper.threshold))
        out = []
        for article in articles:
            again = deduper.apply(article, sigs[article.id])
            if bool(again.duplicate_of) != bool(article.duplicate_of):
                self.changes["near" if again.duplicate_of else "new"] += 1
                self.changes["new" if again.duplicate_of else "near"] -= 1
            out.append(again)
        return out

    def correct(self, report: IngestReport) -> None:
        """Apply the re-checks' changes to the ingest report."""
        for name, delta in self.changes.items():
            setattr(report, name, getattr(report, name) + delta)
        self.changes.clear()
