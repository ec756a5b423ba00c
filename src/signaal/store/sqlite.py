"""The default store: one SQLite file in WAL mode, FTS5 for search.

>>> with SQLiteStore(":memory:") as store:
...     store.count()
0
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional, Union

from ..errors import StoreError
from ..records import Article, Quarantined, Signals, stable_id
from ..settings import load_settings
from . import columns
from .base import Batch, SearchHit, Store, StoredQuarantine, now
from .fulltext import Analyzer, indexed_body
from .neardup import Bands
from .queries import STATS_SQL, article_filters, insert_sql, placeholders, row_values
from .rows import (
    RECORD_CLASSES, article_from_row, article_to_row, signals_from_rows,
    signals_to_rows,
)
from .sqlite_schema import migrations

# SQLite allows 32766 bound parameters; stay well below it per IN (...) list.
_IN_CHUNK = 900
_ARTICLE_INSERT = insert_sql("articles", columns.names("articles"))
_COPY_INSERT = insert_sql("copies", columns.names("copies"))
_QUARANTINE_INSERT = insert_sql("quarantine", columns.names("quarantine"))
_MINHASH_INSERT = insert_sql("minhashes", columns.names("minhashes"))
_EXTRACTION_UPSERT = insert_sql("extractions", columns.names("extractions"), "update")
_RECORD_UPSERT = {t: insert_sql(t, columns.names(t), "update") for t in RECORD_CLASSES}
_BAND_INSERT = "INSERT INTO minhash_bands (key, article_id) VALUES (?, ?)"
_FTS_INSERT = "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)"


def sqlite_path(path_or_url: Union[str, Path]) -> str:
    """The file path of ``sqlite:///path`` or a plain path."""
    text = str(path_or_url)
    return text[len("sqlite:///"):] if text.startswith("sqlite:///") else text


def migrate(db: sqlite3.Connection, stop_after: Optional[str] = None) -> list[str]:
    """Run the pending migrations (each in its own transaction); returns their names."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations "
               "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = {r[0] for r in db.execute("SELECT name FROM _migrations")}
    done = []
    for m in migrations.pending(applied, stop_after):
        with transaction(db):
            m.fn(db)
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (m.name, now()))
        done.append(m.name)
    return done


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (raised as StoreError if sqlite's)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException as e:
        db.execute("ROLLBACK")
        if isinstance(e, sqlite3.Error):
            raise StoreError(f"store write failed and was rolled back: {e}") from e
        raise
    db.execute("COMMIT")


class SQLiteStore(Store):
    """A Store in one SQLite file (``signaal.db`` by default)."""

    def __init__(self, path_or_url: Union[str, Path, None] = None, *,
                 batch_size: Optional[int] = None, settings: Optional[Mapping[str, Any]] = None):
        self.settings = dict(settings) if settings is not None else load_settings()
        self.batch_size = int(batch_size or self.settings["batch_size"])
        self.path = sqlite_path(path_or_url if path_or_url is not None else self.settings["db"])
        self.analyzer = Analyzer()
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.migrated = migrate(self.db)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite store {self.path!r}: {e}; check the path "
                             "exists and is writable, and that it is a signaal store") from e

    def close(self) -> None:
        self.db.close()

    def check(self) -> list[str]:
        """What is wrong with the store (integrity, FTS sync, orphaned rows); empty when sound."""
        from .check import problems

        return problems(self.db)

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    # --- reading -----------------------------------------------------------------------
    def article(self, article_id: str) -> Optional[Article]:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_row(row) if row else None

    def articles(self, chunk: int = 500) -> Iterator[Article]:
        last = 0
        while True:
            rows = self.db.execute("SELECT * FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                   (last, chunk)).fetchall()
            if not rows:
                return
            last = rows[-1]["seq"]
            yield from (article_from_row(r) for r in rows)

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def signals(self, article_id: str) -> Signals:
        return self.signals_for([article_id])[article_id]

    def signals_for(self, article_ids: list[str]) -> dict[str, Signals]:
        rows: dict[str, dict[str, list]] = {a: {} for a in article_ids}
        extractors: dict[str, str] = {}
        for ids in _chunks(article_ids):
            marks = placeholders(len(ids))
            for table in RECORD_CLASSES:
                for r in self.db.execute(f"SELECT * FROM {table} WHERE article_id IN ({marks}) "
                                         "ORDER BY article_id, ev_start, ev_end, id", ids):
                    rows[r["article_id"]].setdefault(table, []).append(r)
            for r in self.db.execute(f"SELECT article_id, extractor FROM extractions "
                                     f"WHERE article_id IN ({marks})", ids):
                extractors[r[0]] = r[1] or ""
        return {a: signals_from_rows(a, rows[a], extractors.get(a, "")) for a in article_ids}

    def search(self, query: str, *, date_from: Any = None, date_to: Any = None,
               source: Optional[str] = None, lang: Optional[str] = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        match = self.analyzer.match_expression(query, lang)
        if match is None:
            return []
        where, params = article_filters(date_from, date_to, source, lang)
        sql = ("SELECT a.*, bm25(articles_fts, 3.0, 1.0) AS rank FROM articles_fts "
               "JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? "
               + "".join(" AND " + c for c in where) + " ORDER BY rank, a.seq LIMIT ? OFFSET ?")
        try:
            rows = self.db.execute(sql, [match, *params, limit, offset]).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"search for {query!r} failed: {e}") from e
        hits = []
        for r in rows:
            article = article_from_row(r)
            hits.append(SearchHit(article, self.analyzer.snippet(article, query), r["rank"]))
        return hits

    def stats(self) -> dict[str, Any]:
        one = {k: self.db.execute(v).fetchone()[0] for k, v in STATS_SQL.items()
               if not k.startswith("by_")}
        pairs = {k: {str(a): b for a, b in self.db.execute(v)} for k, v in STATS_SQL.items()
                 if k.startswith("by_")}
        return {
            "articles": one["articles"],
            "by_lang": pairs["by_lang"], "by_source": pairs["by_source"],
            "by_month": pairs["by_month"],
            "duplicates": {"exact": one["exact"], "near": one["near"],
                           "groups": one["groups"]},
            "quarantined": one["quarantined"], "quarantine_by_reason": pairs["by_reason"],
            "extracted_articles": one["extracted"],
            "records": {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                        for t in RECORD_CLASSES},
        }

    def quarantine(self) -> Iterator[StoredQuarantine]:
        for r in self.db.execute("SELECT * FROM quarantine ORDER BY created_at, file, record"):
            yield StoredQuarantine(r["file"], r["record"], r["reason"], r["reader"] or "",
                                   r["snippet"] or "", r["created_at"])

    # --- analysis support ------------------------------------------------------------
    def record_rows(self, table: str, *, date_from: Any = None, date_to: Any = None,
                    since_seq: int = 0) -> Iterator[dict[str, Any]]:
        if table not in RECORD_CLASSES:  # the name goes into SQL: only known tables
            raise StoreError(f"no record table {table!r}; use one of {', '.join(RECORD_CLASSES)}")
        where, params = article_filters(date_from, date_to)
        sql = (f"SELECT r.*, a.published_start, a.published_end, a.published_precision, "
               f"a.source AS outlet, a.group_id, a.duplicate_of, a.title, a.lang, "
               f"a.seq AS article_seq FROM {table} r JOIN articles a ON a.id = r.article_id "
               f"WHERE a.seq > ?" + "".join(" AND " + c for c in where)
               + " ORDER BY a.seq, r.ev_start, r.id")
        for row in self.db.execute(sql, [since_seq, *params]):
            yield dict(row)

    def get_state(self, namespace: str) -> dict[str, Any]:
        return {r[0]: json.loads(r[1]) for r in self.db.execute(
            "SELECT key, value FROM state WHERE namespace = ? ORDER BY key", (namespace,))}

    def put_state(self, namespace: str, values: Mapping[str, Any]) -> None:
        stamp = now()
        with transaction(self.db) as db:
            db.executemany(
                "INSERT INTO state (namespace, key, value, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at",
                [(namespace, k, json.dumps(v, ensure_ascii=False), stamp) for k, v in values.items()])

    # --- ingest support ----------------------------------------------------------------
    def known(self, articles: list[Article]) -> dict[str, tuple[str, Optional[str], Optional[int]]]:
        keys = list({a.id for a in articles} | {a.content_hash for a in articles if a.content_hash})
        out = {}
        for chunk in _chunks(keys):
            marks = placeholders(len(chunk))
            for r in self.db.execute(
                    f"SELECT id, content_hash, prov_file, prov_record FROM articles "
                    f"WHERE id IN ({marks}) OR content_hash IN ({marks})", chunk + chunk):
                out[r["id"]] = out[r["content_hash"]] = (r["id"], r["prov_file"], r["prov_record"])
        return out

    def known_copies(self, copy_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(copy_ids):
            found.update(r[0] for r in self.db.execute(
                f"SELECT id FROM copies WHERE id IN ({placeholders(len(chunk))})", chunk))
        return found

    def near_candidates(self, keys: list[bytes]) -> list[tuple]:
        rows = []
        for chunk in _chunks(list(set(keys))):
            rows += self.db.execute(
                "SELECT a.seq, b.key, m.article_id, m.signature, a.content_hash, a.group_id, "
                "a.duplicate_of FROM minhash_bands b "
                "JOIN minhashes m ON m.article_id = b.article_id "
                "JOIN articles a ON a.id = b.article_id "
                f"WHERE b.key IN ({placeholders(len(chunk))})", chunk).fetchall()
        return [tuple(r)[1:] for r in sorted(rows, key=lambda r: r[0])]

    def ensure_bands(self, bands: Bands) -> None:
        row = self.db.execute("SELECT value FROM store_meta WHERE name = 'lsh_bands'").fetchone()
        if row is not None and row[0] == bands.label:
            return
        with transaction(self.db) as db:
            db.execute("DELETE FROM minhash_bands")
            for article_id, sig in db.execute("SELECT article_id, signature FROM minhashes"):
                db.executemany(_BAND_INSERT, [(k, article_id) for k in bands.keys(sig)])
            db.execute("INSERT INTO store_meta (name, value) VALUES ('lsh_bands', ?) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (bands.label,))

    # --- writing -----------------------------------------------------------------------
    def write_batch(self, batch: Batch) -> None:
        stamp = now()
        with transaction(self.db) as db:
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
            article_rows, fts_rows = [], []
            for article in batch.articles:
                seq += 1
                article_rows.append((seq, *row_values("articles", article_to_row(article, stamp),
                                                      skip=("seq",))))
                fts_rows.append((seq, self.analyzer.index_text(article.title or "", article.lang),
                                 self.analyzer.index_text(indexed_body(article), article.lang)))
            db.executemany(_ARTICLE_INSERT, article_rows)
            db.executemany(_FTS_INSERT, fts_rows)
            db.executemany(_MINHASH_INSERT, batch.signatures)
            db.executemany(_BAND_INSERT, batch.bands)
            db.executemany(_COPY_INSERT, [row_values("copies", c) for c in batch.copies])
            db.executemany(_QUARANTINE_INSERT,
                           [_quarantine_row(q, stamp) for q in batch.quarantined])
            for signals in batch.signals:
                self._replace_signals(signals, stamp)

    def put_signals(self, signals: Signals) -> None:
        if self.article(signals.article_id) is None:
            raise StoreError(f"cannot store records for article {signals.article_id}: "
                             "no such article; ingest it first")
        with transaction(self.db):
            self._replace_signals(signals, now())

    def _replace_signals(self, signals: Signals, stamp: str) -> None:
        for table, rows in signals_to_rows(signals).items():
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (signals.article_id,))
            self.db.executemany(_RECORD_UPSERT[table], [row_values(table, r) for r in rows])
        self.db.execute(_EXTRACTION_UPSERT, (signals.article_id, signals.extractor, stamp))


def _quarantine_row(q: Quarantined, stamp: str) -> tuple:
    return (stable_id("quarantine", q.file, q.record, q.reason), q.file, q.record, q.reason,
            q.reader, q.snippet, stamp)


def _chunks(items: list) -> Iterator[list]:
    for i in range(0, len(items), _IN_CHUNK):
        yield items[i:i + _IN_CHUNK]
