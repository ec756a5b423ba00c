"""Integrity check of a SQLite store (``SQLiteStore.check``): what a crash must never leave.

Each check is one query that returns a count of bad rows (0 = fine), so the check reads the
store without loading it: SQLite's own ``integrity_check``, the FTS index in step with the
articles (same rowids, FTS5 ``integrity-check``), every record, signature, band key, copy and
extraction pointing at a stored article, exact duplicates stored once, near duplicates pointing
at a stored original.
"""

from __future__ import annotations

import sqlite3

from .rows import RECORD_CLASSES

# (what is wrong, SQL counting the rows where it is wrong)
_ORPHANS = tuple(
    (f"{table} rows whose article is missing",
     f"SELECT COUNT(*) FROM {table} t LEFT JOIN articles a ON a.id = t.{column} WHERE a.id IS NULL")
    for table, column in [*((t, "article_id") for t in RECORD_CLASSES), ("extractions", "article_id"),
                          ("minhashes", "article_id"), ("minhash_bands", "article_id"),
                          ("copies", "duplicate_of")])
CHECKS = (
    *_ORPHANS,
    ("articles without a MinHash signature",
     "SELECT COUNT(*) FROM articles a LEFT JOIN minhashes m ON m.article_id = a.id WHERE m.article_id IS NULL"),
    ("articles missing from the full-text index",
     "SELECT COUNT(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM articles_fts)"),
    ("full-text rows without an article",
     "SELECT COUNT(*) FROM articles_fts WHERE rowid NOT IN (SELECT seq FROM articles)"),
    ("article texts stored more than once",
     "SELECT COUNT(*) - COUNT(DISTINCT content_hash) FROM articles"),
    ("near duplicates whose original is missing",
     "SELECT COUNT(*) FROM articles d LEFT JOIN articles o ON o.id = d.duplicate_of "
     "WHERE d.duplicate_of IS NOT NULL AND o.id IS NULL"),
)


def problems(db: sqlite3.Connection) -> list[str]:
    """Everything wrong with the store, one line each; empty when it is sound."""
    out = [f"sqlite integrity_check: {r[0]}" for r in db.execute("PRAGMA integrity_check")
           if r[0] != "ok"]
    try:
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as e:
        out.append(f"full-text index integrity-check: {e}")
    for what, sql in CHECKS:
        n = db.execute(sql).fetchone()[0]
        if n:
            out.append(f"{n} {what}")
    return out
