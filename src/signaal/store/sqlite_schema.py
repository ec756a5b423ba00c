"""The SQLite schema as migrations. Never edit a released one; append a new function.

Types are kept to what PostgreSQL also has (TEXT, INTEGER, REAL; BLOB becomes BYTEA there);
dates are ISO 8601 strings, so range filters are plain string comparisons on both backends.
"""

from __future__ import annotations

import sqlite3

from .fulltext import Analyzer, indexed_body
from .migrations import Migrations
from .rows import article_from_row

migrations = Migrations("sqlite")

_EVIDENCE = """
    ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, ev_text TEXT NOT NULL,
    ev_sentence_start INTEGER NOT NULL, ev_sentence_end INTEGER NOT NULL,
    ev_sentence TEXT NOT NULL"""


@migrations
def m001_articles(db: sqlite3.Connection) -> None:
    """Articles with provenance, exact-duplicate sightings, quarantine, MinHash signatures."""
    db.execute("""CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, lang TEXT,
        published_start TEXT, published_end TEXT, published_precision TEXT,
        title TEXT, text TEXT NOT NULL, related TEXT NOT NULL, regions TEXT NOT NULL,
        content_hash TEXT NOT NULL, duplicate_of TEXT, group_id TEXT, extraction_method TEXT,
        prov_file TEXT, prov_record INTEGER, prov_reader TEXT, ingested_at TEXT NOT NULL)""")
    for col in ("content_hash", "published_start", "published_end", "source", "lang",
                "group_id"):
        unique = "UNIQUE " if col == "content_hash" else ""  # exact duplicates are stored once
        db.execute(f"CREATE {unique}INDEX idx_articles_{col} ON articles ({col})")
    db.execute("""CREATE TABLE copies (
        id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, url TEXT, source TEXT,
        prov_file TEXT, prov_record INTEGER, prov_reader TEXT, seen_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_copies_duplicate_of ON copies (duplicate_of)")
    db.execute("""CREATE TABLE quarantine (
        id TEXT PRIMARY KEY, file TEXT NOT NULL, record INTEGER, reason TEXT NOT NULL,
        reader TEXT, snippet TEXT, created_at TEXT NOT NULL)""")
    db.execute("""CREATE TABLE minhashes (
        article_id TEXT PRIMARY KEY, signature BLOB NOT NULL)""")


@migrations
def m002_records(db: sqlite3.Connection) -> None:
    """Extracted records: mentions, claims, quantities, time expressions, events."""
    db.execute("""CREATE TABLE extractions (
        article_id TEXT PRIMARY KEY, extractor TEXT, extracted_at TEXT NOT NULL)""")
    db.execute(f"""CREATE TABLE mentions (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, {_EVIDENCE},
        actor_id TEXT, actor_name TEXT, actor_kind TEXT, actor_country TEXT, actor_sector TEXT,
        actor_code TEXT, actor_role TEXT,
        confidence REAL, by_reference INTEGER NOT NULL, extractor TEXT)""")
    db.execute(f"""CREATE TABLE claims (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, {_EVIDENCE},
        source TEXT, source_actor TEXT, cue TEXT, polarity TEXT NOT NULL,
        direct INTEGER NOT NULL, content TEXT, via TEXT NOT NULL, source_code TEXT,
        speaker TEXT, confidence REAL, extractor TEXT)""")
    db.execute(f"""CREATE TABLE quantities (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, {_EVIDENCE},
        value REAL, unit TEXT, value_max REAL, approx INTEGER NOT NULL, obj TEXT,
        claimed_by TEXT, claim_id TEXT, extractor TEXT)""")
    db.execute(f"""CREATE TABLE time_expressions (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, {_EVIDENCE},
        text TEXT NOT NULL, interval_start TEXT, interval_end TEXT, resolved TEXT, reason TEXT,
        extractor TEXT)""")
    db.execute(f"""CREATE TABLE events (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL, {_EVIDENCE},
        type TEXT NOT NULL, mode TEXT NOT NULL, source_actor TEXT, target_actor TEXT,
        trigger_text TEXT, location TEXT, time TEXT, claim_id TEXT, claim_source TEXT,
        confidence REAL, extractor TEXT)""")
    for table in ("mentions", "claims", "quantities", "time_expressions", "events"):
        db.execute(f"CREATE INDEX idx_{table}_article_id ON {table} (article_id)")
    db.execute("CREATE INDEX idx_events_dyad ON events (source_actor, target_actor)")


@migrations
def m003_fulltext(db: sqlite3.Connection) -> None:
    """FTS5 index of stemmed title + body (teasers left out); rowid = articles.seq.

    Contentless: snippets are cut from ``articles.text``, so the stems are not stored twice.
    """
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='')")
    analyzer = Analyzer()
    for row in db.execute("SELECT * FROM articles"):  # the store's row_factory is sqlite3.Row
        article = article_from_row(row)
        db.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                   (row["seq"], analyzer.index_text(article.title or "", article.lang),
                    analyzer.index_text(indexed_body(article), article.lang)))


@migrations
def m004_state(db: sqlite3.Connection) -> None:
    """Key-value state of the analysis layer (fired alerts, evaluation and watch positions)."""
    db.execute("""CREATE TABLE state (
        namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        updated_at TEXT NOT NULL, PRIMARY KEY (namespace, key))""")


@migrations
def m005_minhash_bands(db: sqlite3.Connection) -> None:
    """LSH band keys in the store (near-duplicate candidates without holding N signatures in RAM).

    Filled by ``SQLiteStore.ensure_bands`` on the next ingest, for the configured layout.
    """
    db.execute("CREATE TABLE minhash_bands (key BLOB NOT NULL, article_id TEXT NOT NULL)")
    db.execute("CREATE INDEX idx_minhash_bands_key ON minhash_bands (key)")
    db.execute("CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT)")


@migrations
def m006_integer_band_keys(db: sqlite3.Connection) -> None:
    """Band keys become 64-bit integers (``Bands.keys``): a third of the cost of indexing bytes.

    The old keys are dropped with their layout stamp, so the next ingest rebuilds them from the
    stored signatures (``SQLiteStore.ensure_bands``).
    """
    db.execute("DROP TABLE minhash_bands")
    db.execute("CREATE TABLE minhash_bands (key INTEGER NOT NULL, article_id TEXT NOT NULL)")
    db.execute("CREATE INDEX idx_minhash_bands_key ON minhash_bands (key)")
    db.execute("DELETE FROM store_meta WHERE name = 'lsh_bands'")
