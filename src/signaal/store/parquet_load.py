"""Load Parquet tables into a store: the Spark job's output or a ``signaal export --format parquet``.

Reads ``articles`` and the record tables (each a ``<table>.parquet`` file or a ``<table>/``
folder of part files, as Spark writes them), plus ``extractions`` and ``quarantine`` when
present, and runs them through ``Store.ingest``: exact and near duplicates are found as for any
input, and each new article gets the records the job extracted for it. With an ``extractions``
table, an article that has no row there (its extraction failed in the job) is stored without
records and counted as failed.

Record rows are grouped by article in memory, and the articles table is read whole to sort it
into input order, before the articles stream into the store.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Iterator, Optional

import pyarrow.parquet as pq

from ..errors import InputError
from ..records import Article, Quarantined, Signals
from .rows import RECORD_CLASSES, article_from_row, signals_from_rows

if TYPE_CHECKING:
    from .base import Store
    from .ingest import IngestReport

log = logging.getLogger(__name__)
ROW_BATCH = 1000


class NotExtracted(Exception):
    """The job wrote no extraction for this article."""


def table_path(folder: str, table: str) -> Optional[str]:
    """The file or folder holding ``table`` under ``folder``, or None."""
    for candidate in (os.path.join(folder, table), os.path.join(folder, table + ".parquet")):
        if os.path.exists(candidate):
            return candidate
    return None


def _rows(folder: str, table: str, order: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    path = table_path(folder, table)
    if path is None:
        return
    data = pq.ParquetDataset(path).read()
    if order:
        data = data.sort_by([(c, "ascending") for c in order])
    for batch in data.to_batches(ROW_BATCH):
        yield from batch.to_pylist()


def _records(folder: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """article id -> table -> rows, for every record table."""
    out: dict[str, dict[str, list]] = defaultdict(dict)
    for table in RECORD_CLASSES:
        for row in _rows(folder, table):
            out[row["article_id"]].setdefault(table, []).append(row)
    return out


def _items(folder: str) -> Iterator[Any]:
    for row in _rows(folder, "quarantine"):
        yield Quarantined(row["file"], row["record"], row["reason"], row["reader"] or "",
                          row["snippet"] or "")
    # In input order (file, record), as `signaal ingest` reads them, so the same article is
    # the first of its syndication group; Spark writes partitions in any order.
    for row in _rows(folder, "articles", ("prov_file", "prov_record")):
        yield article_from_row(row)


def load_parquet(store: "Store", folder: str) -> "IngestReport":
    """Ingest the Parquet tables under ``folder`` into ``store``; returns the ingest report."""
    if table_path(folder, "articles") is None:
        raise InputError(f"no articles table in {folder}: expected {folder}/articles/ (from "
                         "signaal spark-extract) or articles.parquet (from signaal export)")
    records = _records(folder)
    extracted = ({r["article_id"]: r["extractor"] or "" for r in _rows(folder, "extractions")}
                 if table_path(folder, "extractions") else None)

    def signals_of(article: Article) -> Signals:
        if extracted is not None and article.id not in extracted:
            raise NotExtracted(f"article {article.id}: no extraction in {folder}")
        extractor = (extracted or {}).get(article.id, "")
        return signals_from_rows(article.id, records.pop(article.id, {}), extractor)

    return store.ingest(_items(folder), extract=signals_of)
