"""Extraction in a pool of processes, the store write staying in the calling process.

``Store.ingest`` calls ``extract(article)`` for each new article of a batch. A
``PoolExtractor`` answers those calls from worker processes that run ahead: ``feed(items)``
passes the items through unchanged and, as they go by, sends the articles the store does not
hold yet to the pool in chunks of ``chunk``; ``extract(article)`` then only waits for its
chunk. Each worker loads the language model once (``signaal.nlp.load`` is cached per process)
and runs ``signaal.extract.pipeline.extract_articles``, the same pure function the single
process runs, so ``--workers N`` stores the same records as ``--workers 1``.

>>> with PoolExtractor(2, store) as pool:  # doctest: +SKIP
...     store.ingest(pool.feed(signaal.read("examples/")), extract=pool)
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Optional

from .errors import ConfigError
from .records import Article, Signals

log = logging.getLogger(__name__)
CHUNK = 8  # articles per task: big enough for nlp.pipe batching, small enough to balance


class ExtractionFailed(Exception):
    """Extraction of one article failed in a worker (the message holds its traceback)."""


def extract_chunk(articles: list[Article]) -> dict[str, tuple[str, Any]]:
    """In a worker: article id -> ("ok", Signals) or ("error", traceback text)."""
    from .extract.pipeline import extract_article, extract_articles

    try:
        return {a.id: ("ok", s) for a, s in extract_articles(articles, batch_size=len(articles))}
    except Exception:  # one bad article must not fail its chunk: retry one by one
        out: dict[str, tuple[str, Any]] = {}
        for a in articles:
            try:
                out[a.id] = ("ok", extract_article(a))
            except Exception:
                out[a.id] = ("error", traceback.format_exc())
        return out


class PoolExtractor:
    """``extract(article) -> Signals`` answered by ``workers`` processes (see the module doc).

    ``store`` (optional) lets ``feed`` skip articles the store already holds, which ingest
    would not extract.
    """

    def __init__(self, workers: int, store: Any = None, chunk: int = CHUNK):
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {workers}")
        # spawn: workers start clean (no inherited database connection, threads or model).
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.store, self.chunk = store, chunk
        self.pending: list[Article] = []
        self.futures: dict[str, Future] = {}
        self.seen: set[str] = set()

    def __enter__(self) -> "PoolExtractor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def feed(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` unchanged; their new articles go to the pool as they pass."""
        for item in items:
            if isinstance(item, Article):
                self.pending.append(item)
                if len(self.pending) >= self.chunk:
                    self._submit()
            yield item
        self._submit()

    def __call__(self, article: Article) -> Signals:
        if article.id not in self.futures:
            self._submit()  # its chunk was not full yet
        if article.id not in self.futures:  # skipped by feed, or never fed
            self.futures[article.id] = self.pool.submit(extract_chunk, [article])
        status, value = self.futures.pop(article.id).result()[article.id]
        if status == "error":
            raise ExtractionFailed(f"article {article.id}: extraction failed in a worker:\n{value}")
        return value

    def _submit(self) -> None:
        chunk = self._new(self.pending)
        self.pending = []
        if chunk:
            future = self.pool.submit(extract_chunk, chunk)
            for a in chunk:
                self.futures[a.id] = future

    def _new(self, articles: list[Article]) -> list[Article]:
        """The articles ingest will extract: not stored yet, not an exact copy of one fed."""
        known = self.store.known(articles) if self.store is not None and articles else {}
        out = []
        for a in articles:
            keys = {a.id, a.content_hash} - {""}
            if keys & self.seen or any(k in known for k in keys):
                continue
            self.seen |= keys
            out.append(a)
        return out


@contextlib.contextmanager
def pooled(items: Iterable[Any], extract: Optional[Callable[[Article], Signals]], workers: int,
           store: Any = None) -> Iterator[tuple[Iterable[Any], Optional[Callable[[Article], Signals]]]]:
    """(items, extract) to pass to ``Store.ingest``: unchanged for one worker or no extraction,
    else fed through a ``PoolExtractor`` running the extract pipeline in ``workers`` processes."""
    if extract is None or workers <= 1:
        yield items, extract
        return
    with PoolExtractor(workers, store) as pool:
        yield pool.feed(items), pool
