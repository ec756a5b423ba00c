"""Parquet export: one file per table in a directory, columns as in the store.

Tables: ``articles`` (every column of the store's ``articles`` table except the store-local
``seq`` and ``ingested_at``), ``mentions``, ``claims``, ``quantities``, ``time_expressions``,
``events`` (exactly their store columns, see ``signaal.store.columns``). Types: text ->
string, int -> int64, real -> float64, bool -> bool, json -> string holding JSON. Every
record table has ``id`` and ``article_id``; evidence is ``ev_start``/``ev_end`` (character
offsets into ``articles.text``), ``ev_text``, ``ev_sentence_start``/``ev_sentence_end``,
``ev_sentence``. All six files are written even when empty, so loaders can rely on them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from . import columns
from .export import with_signals
from .rows import article_to_row, signals_to_rows

if TYPE_CHECKING:
    from .base import Store

PARQUET_TABLES = ("articles", *columns.RECORD_TABLES)
_ARTICLE_SKIP = ("seq", "ingested_at")
_ARROW = {"text": pa.string(), "int": pa.int64(), "real": pa.float64(), "bool": pa.bool_(),
          "json": pa.string(), "blob": pa.binary()}
ROW_GROUP = 2000


def parquet_schema(table: str) -> pa.Schema:
    """The Arrow schema of one exported table."""
    skip = _ARTICLE_SKIP if table == "articles" else ()
    return pa.schema([(name, _ARROW[kind]) for name, kind in columns.TABLES[table]
                      if name not in skip])


class _TableWriter:
    """Buffers rows of one table and writes them as row groups."""

    def __init__(self, path: Path, table: str):
        self.schema = parquet_schema(table)
        self.bools = [f.name for f in self.schema if f.type == pa.bool_()]
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        for name in self.bools:
            row[name] = None if row[name] is None else bool(row[name])
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def export_parquet(store: "Store", out: Union[str, Path]) -> int:
    """Write the six tables into directory ``out``; returns the number of articles."""
    if hasattr(out, "write"):
        raise ConfigError("parquet export needs a directory path for -o, not a stream")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    writers = {t: _TableWriter(folder / f"{t}.parquet", t) for t in PARQUET_TABLES}
    n = 0
    try:
        for article, signals in with_signals(store):
            row = article_to_row(article, "")
            writers["articles"].add({k: v for k, v in row.items() if k not in _ARTICLE_SKIP})
            for table, rows in signals_to_rows(signals).items():
                for r in rows:
                    writers[table].add(r)
            n += 1
    finally:
        for w in writers.values():
            w.close()
    return n
