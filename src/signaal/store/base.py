"""The store interface every backend implements, and the small records it returns.

``Store(path_or_url)`` picks the backend from its argument: a ``postgresql://`` URL opens the
PostgreSQL backend (issue 10), anything else (a path, ``sqlite:///path``, ``:memory:``) SQLite.
Backend-neutral logic (ingest, export) is written against the abstract methods below.
"""

from __future__ import annotations

import abc
import functools
import importlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Optional, Union

from ..errors import StoreError
from ..records import Article, Quarantined, Signals

if TYPE_CHECKING:
    from .ingest import IngestReport

Item = Union[Article, Quarantined]
# URL scheme -> "module:Class" of the backend (imported only when used).
BACKENDS = {
    "postgresql": "signaal.store.postgres:PostgresStore",
    "postgres": "signaal.store.postgres:PostgresStore",
    "sqlite": "signaal.store.sqlite:SQLiteStore",
}


@dataclass(frozen=True)
class SearchHit:
    """One search result: the article, a snippet with the matches in [brackets], its rank."""

    article: Article
    snippet: str
    rank: float


@dataclass(frozen=True)
class StoredQuarantine(Quarantined):
    """A quarantine record as stored, with the time it was first recorded."""

    time: str = ""


@dataclass
class Batch:
    """What one ingest batch writes, in one transaction."""

    articles: list[Article] = field(default_factory=list)
    signatures: list[tuple[str, bytes]] = field(default_factory=list)
    bands: list[tuple[int, str]] = field(default_factory=list)  # (LSH band key, article id)
    copies: list[dict[str, Any]] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    signals: list[Signals] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.articles, self.copies, self.quarantined, self.signals))


def now() -> str:
    """The current UTC time as an ISO string (what the store records as write times)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def backend_class(path_or_url: Union[str, Path]) -> type["Store"]:
    """The Store subclass for a path or URL."""
    scheme = str(path_or_url).split("://", 1)[0].lower() if "://" in str(path_or_url) else "sqlite"
    target = BACKENDS.get(scheme)
    if target is None:
        raise StoreError(f"unknown store URL scheme {scheme!r} in {path_or_url!r}; "
                         f"use a file path or one of {', '.join(BACKENDS)}://")
    module_name, cls_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:
            raise
        raise StoreError(f"the {scheme} store backend is not available in this version "
                         f"(module {module_name} is missing); use a SQLite path") from e
    return getattr(module, cls_name)


class Store(abc.ABC):
    """Stores articles and their records; searches, counts and exports them.

    >>> with Store("signaal.db") as store:  # doctest: +SKIP
    ...     report = store.ingest(signaal.ingest.read("examples/"))
    ...     hits = store.search("militair", lang="nl")
    """

    def __new__(cls, path_or_url: Union[str, Path, None] = None, **kwargs: Any):
        if cls is Store:
            cls = backend_class(path_or_url if path_or_url is not None else "signaal.db")
        return super().__new__(cls)

    batch_size: int = 500
    settings: Mapping[str, Any]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def ingest(self, items: Iterable[Item], *,
               extract: Optional[Callable[[Article], Signals]] = None,
               progress: Optional[Callable[[Item], None]] = None) -> "IngestReport":
        """Store articles and quarantine records from ``items``, ``batch_size`` per transaction.

        Exact duplicates are not stored again (where they were seen goes to ``copies``);
        near-duplicates are stored with ``duplicate_of``/``group``. ``extract`` (Article ->
        Signals) runs on each new article; when it raises, the article is stored without
        records and counted as failed. ``progress`` is called with every item read.
        """
        from .ingest import run_ingest

        return run_ingest(self, items, extract=extract, progress=progress)

    def preparer(self) -> Callable[[Article], Any]:
        """A picklable ``article -> Prepared`` for ``read_ahead``: the per-article work of
        ``ingest`` (the MinHash signature) done in the reading process."""
        from .ingest import prepare

        return functools.partial(prepare, num_perm=int(self.settings["minhash_perm"]))

    def export(self, fmt: str, out: Union[str, Path, Any]) -> int:
        """Write every article with its records as ``jsonl``, ``csv`` or ``parquet``; returns
        the number of articles. ``out`` is a path (a directory for parquet) or a text stream."""
        from .export import export

        return export(self, fmt, out)

    # --- reading -----------------------------------------------------------------------
    @abc.abstractmethod
    def article(self, article_id: str) -> Optional[Article]:
        """The stored article with this id, or None."""

    @abc.abstractmethod
    def articles(self, chunk: int = 500) -> Iterator[Article]:
        """Every stored article in ingest order, read ``chunk`` at a time."""

    @abc.abstractmethod
    def signals(self, article_id: str) -> Signals:
        """The records stored for one article (empty Signals when none)."""

    @abc.abstractmethod
    def signals_for(self, article_ids: list[str]) -> dict[str, Signals]:
        """The records of several articles at once (for streaming exports)."""

    @abc.abstractmethod
    def search(self, query: str, *, date_from: Any = None, date_to: Any = None,
               source: Optional[str] = None, lang: Optional[str] = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Articles matching ``query`` (stemmed), best first, filtered on published-interval
        overlap with [date_from, date_to], source and language."""

    @abc.abstractmethod
    def stats(self) -> dict[str, Any]:
        """Counts: articles by language, source and month; duplicates; quarantine; records."""

    @abc.abstractmethod
    def quarantine(self) -> Iterator[StoredQuarantine]:
        """Every quarantine record, oldest first."""

    @abc.abstractmethod
    def count(self) -> int:
        """The number of stored articles."""

    # --- analysis support (signaal.analyze) ----------------------------------------------
    def record_rows(self, table: str, *, date_from: Any = None, date_to: Any = None,
                    since_seq: int = 0) -> Iterator[dict[str, Any]]:
        """Rows of one record table (``events``, ``claims``, ``quantities``, ...), each joined
        with its article's date, outlet and syndication group, for the analysis functions.

        Extra keys: ``published_start``, ``published_end``, ``published_precision``,
        ``outlet`` (``Article.source``), ``group_id``, ``duplicate_of``, ``title``, ``lang``,
        ``article_seq`` (ingest order). Filters: published interval overlaps
        [date_from, date_to]; ``article_seq > since_seq``. This generic version reads every
        article; backends override it with one query.
        """
        from .queries import bound
        from .rows import RECORD_CLASSES, record_to_row

        if table not in RECORD_CLASSES:
            raise StoreError(f"no record table {table!r}; use one of {', '.join(RECORD_CLASSES)}")
        lo, hi = bound(date_from, "from"), bound(date_to, "to")
        for seq, article in enumerate(self.articles(), 1):
            p = article.published
            if seq <= since_seq or ((lo or hi) and p is None):
                continue
            if p is not None and ((lo and p.end.isoformat() < lo) or (hi and p.start.isoformat() > hi)):
                continue
            extra = {"published_start": p.start.isoformat() if p else None,
                     "published_end": p.end.isoformat() if p else None,
                     "published_precision": p.precision if p else None,
                     "outlet": article.source, "group_id": article.group,
                     "duplicate_of": article.duplicate_of, "title": article.title,
                     "lang": article.lang, "article_seq": seq}
            for record in getattr(self.signals(article.id), table):
                yield {**record_to_row(record), **extra}

    def get_state(self, namespace: str) -> dict[str, Any]:
        """Every key -> JSON value kept under ``namespace`` (alerts, watch positions, ...)."""
        raise StoreError(f"{type(self).__name__} keeps no analysis state yet; use a SQLite store")

    def put_state(self, namespace: str, values: Mapping[str, Any]) -> None:
        """Set keys of ``namespace`` to JSON-serialisable values, in one transaction."""
        raise StoreError(f"{type(self).__name__} keeps no analysis state yet; use a SQLite store")

    # --- writing -----------------------------------------------------------------------
    @abc.abstractmethod
    def put_signals(self, signals: Signals) -> None:
        """Replace one article's records with ``signals``, atomically."""

    @abc.abstractmethod
    def known(self, articles: list[Article]) -> dict[str, tuple[str, Optional[str], Optional[int]]]:
        """For stored articles among ``articles`` (by id or content hash): key -> (id, file,
        record). Keys are both the ids and the content hashes found."""

    @abc.abstractmethod
    def known_copies(self, copy_ids: list[str]) -> set[str]:
        """Which of these exact-duplicate sightings are already recorded."""

    @abc.abstractmethod
    def near_candidates(self, keys: list[bytes]) -> list[tuple]:
        """(key, article_id, signature, content_hash, group, duplicate_of) for every stored
        article having one of these LSH band keys (one row per matching key), in ingest order."""

    @abc.abstractmethod
    def ensure_bands(self, bands: Any) -> None:
        """(Re)build the stored LSH band keys when they were made with another layout."""

    @abc.abstractmethod
    def write_batch(self, batch: Batch) -> None:
        """Write one batch in one transaction; on error nothing of it is kept."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection."""
