"""The server store: PostgreSQL through psycopg 3, for several writers and large corpora.

Same tables, ids and answers as the SQLite store; full text uses PostgreSQL text search with
copies of its ``dutch`` and ``english`` configurations (``postgres_schema``). Several processes
may ingest into one store at once: unique keys keep every article, record, band key and copy
once; batch writes take turns under an advisory lock, and a batch whose checks another writer
has overtaken is checked again inside the lock (``_Recheck``), so exact and near duplicates
come out as one process would have stored them.

``postgresql://user@host/db?options=-csearch_path%3Dmyschema`` keeps a store in its own schema.

>>> with Store("postgresql:///test") as store:  # doctest: +SKIP
...     store.count()
0
"""

from __future__ import annotations

import itertools
import json
from typing import Any, Iterator, Mapping, Optional, Union

import psycopg

from ..errors import StoreError
from ..records import Article, Signals
from ..settings import load_settings
from . import columns
from .base import Batch, SearchHit, Store, now
from .fulltext import Analyzer, query_terms
from .neardup import Bands
from .postgres_conn import Connection, migrate, pg_sql, redact, transaction
from .postgres_race import Recheck
from .postgres_schema import CONFIGS, FALLBACK_CONFIG, FTS_INSERT, fts_values, fulltext_config
from .queries import article_filters, insert_sql, row_values
from .rows import RECORD_CLASSES, article_from_row, article_to_row, signals_from_rows
from .sqlite import SQLiteStore, _quarantine_row

_INSERT = {t: insert_sql(t, [c for c in columns.names(t) if c != "seq"])
           for t in ("articles", "copies", "quarantine", "minhashes")}
_BAND_INSERT = "INSERT INTO minhash_bands (key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
# ts_rank weights {D, C, B, A}: a title match (A) counts three times a body match (D), as the
# SQLite index's bm25(3.0, 1.0).
_WEIGHTS = "'{0.333, 0.333, 0.333, 1.0}'"
_CURSORS = itertools.count()


class PostgresStore(Store):
    """A Store in a PostgreSQL database (``postgresql://`` URL)."""

    def __init__(self, path_or_url: Union[str, None] = None, *, batch_size: Optional[int] = None,
                 settings: Optional[Mapping[str, Any]] = None):
        self.settings = dict(settings) if settings is not None else load_settings()
        self.batch_size = int(batch_size or self.settings["batch_size"])
        self.url = str(path_or_url if path_or_url is not None else self.settings["db"])
        self.analyzer = Analyzer()
        self.db = Connection(self.url)
        self.recheck = Recheck(self)
        try:
            self.migrated = migrate(self.db)
        except psycopg.Error as e:
            self.db.close()
            raise StoreError(f"cannot set up the PostgreSQL store {redact(self.url)}: {e}; "
                             "check the schema in search_path exists and you may create "
                             "tables in it") from e

    def close(self) -> None:
        self.db.close()

    def __repr__(self) -> str:
        return f"PostgresStore({redact(self.url)!r})"

    def ingest(self, items: Any, **kwargs: Any) -> Any:
        self.recheck.reset()
        report = super().ingest(items, **kwargs)
        self.recheck.correct(report)
        return report

    # --- reading: the SQLite store's queries run unchanged through the ``?`` adapter; the
    # one store suite runs them on both backends.
    article = SQLiteStore.article
    articles = SQLiteStore.articles
    count = SQLiteStore.count
    signals = SQLiteStore.signals
    stats = SQLiteStore.stats
    quarantine = SQLiteStore.quarantine
    get_state = SQLiteStore.get_state

    def signals_for(self, article_ids: list[str]) -> dict[str, Signals]:
        rows: dict[str, dict[str, list]] = {a: {} for a in article_ids}
        ids = list(article_ids)
        for table in RECORD_CLASSES:
            for r in self.db.execute(f"SELECT * FROM {table} WHERE article_id = ANY(?) "
                                     "ORDER BY article_id, ev_start, ev_end, id", (ids,)):
                rows[r["article_id"]].setdefault(table, []).append(r)
        extractors = {r[0]: r[1] or "" for r in self.db.execute(
            "SELECT article_id, extractor FROM extractions WHERE article_id = ANY(?)", (ids,))}
        return {a: signals_from_rows(a, rows[a], extractors.get(a, "")) for a in article_ids}

    def search(self, query: str, *, date_from: Any = None, date_to: Any = None,
               source: Optional[str] = None, lang: Optional[str] = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        tsquery, qparams = _tsquery(query, lang)
        if tsquery is None:
            return []
        where, params = article_filters(date_from, date_to, source, lang)
        sql = (f"SELECT a.*, -ts_rank({_WEIGHTS}, f.tsv, q.q) AS rank "
               f"FROM (SELECT {tsquery} AS q) q, articles_fts f JOIN articles a ON a.seq = f.seq "
               "WHERE f.tsv @@ q.q" + "".join(" AND " + c for c in where)
               + " ORDER BY rank, a.seq LIMIT ? OFFSET ?")
        try:
            rows = self.db.execute(sql, [*qparams, *params, limit, offset]).fetchall()
        except psycopg.Error as e:
            raise StoreError(f"search for {query!r} failed: {e}") from e
        hits = []
        for r in rows:
            article = article_from_row(r)
            hits.append(SearchHit(article, self.analyzer.snippet(article, query), r["rank"]))
        return hits

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
        # A server-side cursor streams the rows; each call gets its own name, as an unfinished
        # generator keeps its cursor open.
        with self.db.conn.cursor(name=f"rows_{table}_{next(_CURSORS)}", withhold=True) as cur:
            cur.execute(pg_sql(sql), [since_seq, *params])
            for row in cur:
                yield dict(row)

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
        self.recheck.checked()
        keys = list({a.id for a in articles} | {a.content_hash for a in articles if a.content_hash})
        out = {}
        for r in self.db.execute("SELECT id, content_hash, prov_file, prov_record FROM articles "
                                 "WHERE id = ANY(?) OR content_hash = ANY(?)", (keys, keys)):
            out[r["id"]] = out[r["content_hash"]] = (r["id"], r["prov_file"], r["prov_record"])
        return out

    def known_copies(self, copy_ids: list[str]) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM copies WHERE id = ANY(?)",
                                               (list(copy_ids),))}

    def near_candidates(self, keys: list[bytes]) -> list[tuple]:
        rows = self.db.execute(
            "SELECT b.key, m.article_id, m.signature, a.content_hash, a.group_id, a.duplicate_of "
            "FROM minhash_bands b JOIN minhashes m ON m.article_id = b.article_id "
            "JOIN articles a ON a.id = b.article_id WHERE b.key = ANY(?) ORDER BY a.seq, b.key",
            (list(set(keys)),))
        return [tuple(r) for r in rows]

    def ensure_bands(self, bands: Bands) -> None:
        row = self.db.execute("SELECT value FROM store_meta WHERE name = 'lsh_bands'").fetchone()
        if row is not None and row[0] == bands.label:
            return
        with transaction(self.db) as db:
            db.lock("write")
            db.execute("DELETE FROM minhash_bands")
            for r in db.execute("SELECT article_id, signature FROM minhashes").fetchall():
                db.executemany(_BAND_INSERT, [(k, r[0]) for k in bands.keys(r[1])])
            db.execute("INSERT INTO store_meta (name, value) VALUES ('lsh_bands', ?) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (bands.label,))

    # --- writing -----------------------------------------------------------------------
    def write_batch(self, batch: Batch) -> None:
        stamp = now()
        with transaction(self.db) as db:
            db.lock("write")
            batch = self.recheck.batch(batch)
            db.executemany(_INSERT["articles"], [
                row_values("articles", article_to_row(a, stamp), skip=("seq",))
                for a in batch.articles])
            seqs = {r[1]: r[0] for r in db.execute("SELECT seq, id FROM articles WHERE id = ANY(?)",
                                                   ([a.id for a in batch.articles],))}
            db.executemany(FTS_INSERT, [fts_values(seqs[a.id], a) for a in batch.articles])
            db.executemany(_INSERT["minhashes"], batch.signatures)
            db.executemany(_BAND_INSERT, batch.bands)
            db.executemany(_INSERT["copies"], [row_values("copies", c) for c in batch.copies])
            db.executemany(_INSERT["quarantine"],
                           [_quarantine_row(q, stamp) for q in batch.quarantined])
            for signals in batch.signals:
                self._replace_signals(signals, stamp)

    def put_signals(self, signals: Signals) -> None:
        if self.article(signals.article_id) is None:
            raise StoreError(f"cannot store records for article {signals.article_id}: "
                             "no such article; ingest it first")
        with transaction(self.db):
            self._replace_signals(signals, now())

    _replace_signals = SQLiteStore._replace_signals  # same SQL, through the adapter


def _tsquery(query: str, lang: Optional[str]) -> tuple[Optional[str], list[Any]]:
    """A tsquery expression (and its parameters): every word or phrase must match, each in the
    configuration of ``lang``, or when no language is given in any of Dutch, English or simple."""
    configs = [fulltext_config(lang)] if lang else [*CONFIGS.values(), FALLBACK_CONFIG]
    clauses, params = [], []
    for tokens in query_terms(query):
        clauses.append("(" + " || ".join(["phraseto_tsquery(?::regconfig, ?)"] * len(configs)) + ")")
        params += [x for c in configs for x in (c, " ".join(tokens))]
    return (" && ".join(clauses) or None), params
