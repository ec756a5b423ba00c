"""The current columns of every store table, with backend-neutral logical types.

Migrations create the tables (literal DDL, frozen once released); this module is what the code
writes and reads today, and what the Parquet export's schema is built from. A test checks the
two agree, so a new record field fails loudly until a migration adds its column.

Logical types: ``text``, ``int``, ``real``, ``bool`` (0/1), ``json`` (text holding JSON),
``blob`` (BLOB in SQLite, BYTEA in PostgreSQL).

Column names avoid SQL reserved words (``end``, ``group``), hence ``group_id``,
``interval_start``/``interval_end`` and the ``ev_`` prefix for evidence.
"""

from __future__ import annotations

EVIDENCE = (
    ("ev_start", "int"), ("ev_end", "int"), ("ev_text", "text"),
    ("ev_sentence_start", "int"), ("ev_sentence_end", "int"), ("ev_sentence", "text"),
)

ARTICLES = (
    ("seq", "int"), ("id", "text"), ("url", "text"), ("source", "text"), ("lang", "text"),
    ("published_start", "text"), ("published_end", "text"), ("published_precision", "text"),
    ("title", "text"), ("text", "text"), ("related", "json"), ("regions", "json"),
    ("content_hash", "text"), ("duplicate_of", "text"), ("group_id", "text"),
    ("extraction_method", "text"),
    ("prov_file", "text"), ("prov_record", "int"), ("prov_reader", "text"),
    ("ingested_at", "text"),
)

# Exact duplicates are not stored again; where each copy was seen is kept here.
COPIES = (
    ("id", "text"), ("duplicate_of", "text"), ("url", "text"), ("source", "text"),
    ("prov_file", "text"), ("prov_record", "int"), ("prov_reader", "text"), ("seen_at", "text"),
)

QUARANTINE = (
    ("id", "text"), ("file", "text"), ("record", "int"), ("reason", "text"), ("reader", "text"),
    ("snippet", "text"), ("created_at", "text"),
)

MINHASHES = (("article_id", "text"), ("signature", "blob"))

# LSH band keys of the signatures (see ``neardup``); several rows per article.
MINHASH_BANDS = (("key", "int"), ("article_id", "text"))

# Small facts about the store itself, such as the band layout of ``minhash_bands``.
STORE_META = (("name", "text"), ("value", "text"))

EXTRACTIONS = (("article_id", "text"), ("extractor", "text"), ("extracted_at", "text"))

MENTIONS = (
    ("id", "text"), ("article_id", "text"), *EVIDENCE,
    ("actor_id", "text"), ("actor_name", "text"), ("actor_kind", "text"),
    ("actor_country", "text"), ("actor_sector", "text"), ("actor_code", "text"),
    ("actor_role", "text"),
    ("confidence", "real"), ("by_reference", "bool"), ("extractor", "text"),
)

CLAIMS = (
    ("id", "text"), ("article_id", "text"), *EVIDENCE,
    ("source", "text"), ("source_actor", "text"), ("cue", "text"), ("polarity", "text"),
    ("direct", "bool"), ("content", "json"), ("via", "json"), ("source_code", "text"),
    ("speaker", "json"), ("confidence", "real"), ("extractor", "text"),
)

QUANTITIES = (
    ("id", "text"), ("article_id", "text"), *EVIDENCE,
    ("value", "real"), ("unit", "text"), ("value_max", "real"), ("approx", "bool"),
    ("obj", "text"), ("claimed_by", "text"), ("claim_id", "text"), ("extractor", "text"),
)

TIME_EXPRESSIONS = (
    ("id", "text"), ("article_id", "text"), *EVIDENCE,
    ("text", "text"), ("interval_start", "text"), ("interval_end", "text"),
    ("resolved", "text"), ("reason", "text"), ("extractor", "text"),
)

EVENTS = (
    ("id", "text"), ("article_id", "text"), *EVIDENCE,
    ("type", "text"), ("mode", "text"), ("source_actor", "text"), ("target_actor", "text"),
    ("trigger_text", "text"), ("location", "text"), ("time", "text"), ("claim_id", "text"),
    ("claim_source", "text"), ("confidence", "real"), ("extractor", "text"),
)

# Analysis state (signaal.analyze): JSON values per namespace and key.
STATE = (("namespace", "text"), ("key", "text"), ("value", "json"), ("updated_at", "text"))

# The extracted-record tables, in the order Signals lists them.
RECORD_TABLES = {
    "mentions": MENTIONS,
    "claims": CLAIMS,
    "quantities": QUANTITIES,
    "time_expressions": TIME_EXPRESSIONS,
    "events": EVENTS,
}

TABLES = {
    "articles": ARTICLES,
    "copies": COPIES,
    "quarantine": QUARANTINE,
    "minhashes": MINHASHES,
    "minhash_bands": MINHASH_BANDS,
    "store_meta": STORE_META,
    "extractions": EXTRACTIONS,
    "state": STATE,
    **RECORD_TABLES,
}


def names(table: str) -> tuple[str, ...]:
    """The column names of ``table`` in order."""
    return tuple(c for c, _ in TABLES[table])
