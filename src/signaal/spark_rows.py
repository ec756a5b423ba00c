"""Rows of the Spark job's tables, typed by the store's one Parquet schema.

``spark_schema(table)`` is ``signaal.store.parquet.parquet_schema(table)`` in Spark types
(string, int64 -> long, float64 -> double, bool -> boolean, binary); the rows are tuples in
its column order with values coerced to those types (Spark checks them, pyarrow would cast).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Iterator, Optional

import pyarrow as pa

from .records import Article, Quarantined, Signals
from .store.base import now
from .store.parquet import parquet_schema
from .store.rows import article_to_row, signals_to_rows

_PYTHON = {pa.string(): str, pa.int64(): int, pa.float64(): float, pa.bool_(): bool,
           pa.binary(): bytes}


@cache
def _fields(table: str) -> tuple[tuple[str, Any], ...]:
    return tuple((f.name, _PYTHON[f.type]) for f in parquet_schema(table))


def spark_schema(table: str) -> Any:
    """The Spark StructType of ``table`` (from the store's Parquet schema)."""
    from pyspark.sql import types as T

    spark_types = {pa.string(): T.StringType(), pa.int64(): T.LongType(),
                   pa.float64(): T.DoubleType(), pa.bool_(): T.BooleanType(),
                   pa.binary(): T.BinaryType()}
    return T.StructType([T.StructField(f.name, spark_types[f.type], True)
                         for f in parquet_schema(table)])


def as_tuple(table: str, row: dict[str, Any]) -> tuple:
    """``row`` as a tuple in the column order of ``table``, values of the column types."""
    return tuple(None if row.get(name) is None else kind(row[name])
                 for name, kind in _fields(table))


def article_rows(article: Article, signals: Optional[Signals]) -> Iterator[tuple[str, tuple]]:
    """(table, row) for an article, its records and its ``extractions`` row (none when
    ``signals`` is None: extraction failed)."""
    yield "articles", as_tuple("articles", article_to_row(article, ""))
    if signals is None:
        return
    for table, rows in signals_to_rows(signals).items():
        for row in rows:
            yield table, as_tuple(table, row)
    yield "extractions", as_tuple("extractions", {"article_id": article.id,
                                                  "extractor": signals.extractor,
                                                  "extracted_at": now()})


def quarantine_row(q: Quarantined) -> tuple:
    """The ``quarantine`` row of a record the readers could not use."""
    from .store.sqlite import _quarantine_row

    return _quarantine_row(q, now())
