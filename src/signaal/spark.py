"""The distributed batch job: read, clean and extract articles on Apache Spark, write Parquet.

``spark_extract(inputs, output)`` runs the laptop path's own code on a cluster (or locally):

1. ``binaryFiles`` reads every input file whole (local paths, folders, globs or any
   Hadoop-compatible URI such as ``hdfs://`` or ``s3a://``), in ``partitions`` partitions;
2. per partition (``mapPartitions``), each file goes through ``signaal.ingest.core.read_input``
   (the readers, ingest hygiene, language, hash and id of ``signaal.read``) and its articles
   through ``signaal.extract.pipeline.extract_articles``; the language model loads once per
   executor Python process (``signaal.nlp.load`` is cached and Spark reuses its workers);
3. the rows go to Parquet, one folder per table under ``output``: ``articles``, ``mentions``,
   ``claims``, ``quantities``, ``time_expressions``, ``events`` with the columns and types of
   the store's Parquet export (``signaal.store.parquet.parquet_schema``: one schema), plus
   ``extractions`` (``article_id``, ``extractor``, ``extracted_at``) and ``quarantine``.

Duplicates are not decided here: ``signaal load`` (``signaal.store.parquet_load``) brings the
tables into a store, whose ingest finds exact and near duplicates as always. Same articles and
same extractor version give the same records as the single process.

>>> spark_extract(["examples/"], "out/", master="local[2]")  # doctest: +SKIP
{'articles': 65, 'mentions': ..., ...}
"""

from __future__ import annotations

import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable, Iterator, Optional, Union

from .errors import ConfigError

log = logging.getLogger(__name__)
CHUNK = 32  # articles per nlp.pipe batch on an executor

# What the job writes; the first six are the store's Parquet export tables.
TABLES_OUT = ("articles", "mentions", "claims", "quantities", "time_expressions", "events",
              "extractions", "quarantine")
# Small settings for a laptop or CI box (2 cores): no web UI, few shuffle partitions.
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",  # stderr stays for our own messages
    "spark.sql.shuffle.partitions": "4",
    "spark.default.parallelism": "4",
    "spark.python.worker.reuse": "true",  # keeps each worker's loaded model between tasks
    "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive": "true",
    "spark.sql.parquet.compression.codec": "snappy",
    "spark.driver.memory": "1g",
}


def session(master: str = "local[2]", conf: Optional[dict[str, str]] = None) -> Any:
    """A SparkSession for the job (the executors run this Python)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName("signaal-extract")
    for key, value in {**LOCAL_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def spark_extract(inputs: Union[str, list[str]], output: str, *, master: str = "local[2]",
                  partitions: Optional[int] = None, overwrite: bool = False,
                  read_options: Optional[dict[str, Any]] = None,
                  conf: Optional[dict[str, str]] = None, spark: Any = None) -> dict[str, int]:
    """Extract every article of ``inputs`` on Spark into Parquet tables under ``output``.

    ``read_options`` are ``signaal.read``'s keywords (``date``, ``lang``, ``source``,
    ``fields``, ``encoding``). Returns the number of rows per table.
    """
    from pyspark import StorageLevel

    from .ingest.core import resolve_options
    from .spark_rows import spark_schema

    inputs = [inputs] if isinstance(inputs, str) else list(inputs)
    if not inputs:
        raise ConfigError("spark-extract needs at least one input path or URI")
    opts = resolve_options(settings=None, client=None, **_read_keywords(read_options))
    own = spark is None
    spark = spark or session(master, conf)
    try:
        sc = spark.sparkContext
        files = sc.binaryFiles(",".join(_hadoop_path(p) for p in inputs))
        n = partitions or sc.defaultParallelism * 2
        names = [(p, _hadoop_path(p)) for p in inputs]
        rows = (files.repartition(n)
                .mapPartitions(lambda part: extract_partition(part, opts, names))
                .persist(StorageLevel.MEMORY_AND_DISK))  # extracted once, read per table
        counts = dict(rows.countByKey())
        mode = "overwrite" if overwrite else "errorifexists"

        def write(table: str) -> None:
            data = rows.filter(lambda r: r[0] == table).map(lambda r: r[1])
            frame = spark.createDataFrame(data, spark_schema(table), verifySchema=False)
            frame.write.mode(mode).parquet(_join(output, table))

        # The tables are written by concurrent jobs: each is small work but has a fixed cost.
        with ThreadPoolExecutor(len(TABLES_OUT)) as pool:
            list(pool.map(write, TABLES_OUT))
        rows.unpersist()
        return {t: int(counts.get(t, 0)) for t in TABLES_OUT}
    finally:
        if own:
            spark.stop()


def _read_keywords(options: Optional[dict[str, Any]]) -> dict[str, Any]:
    o = dict(options or {})
    unknown = set(o) - {"date", "lang", "fields", "source", "encoding"}
    if unknown:
        raise ConfigError(f"unknown read option(s) {sorted(unknown)} for spark-extract")
    return {k: o.get(k) for k in ("date", "lang", "fields", "source", "encoding")}


def _hadoop_path(path: str) -> str:
    """A URI Hadoop reads: local paths made absolute ``file:`` URIs, others as given."""
    if "://" in path or path.startswith("file:"):
        return path
    return "file://" + os.path.abspath(path)


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name


def provenance_name(uri: str, inputs: list[tuple[str, str]]) -> str:
    """The file name ``signaal.read`` would record for ``uri``: the input path as the user
    gave it, joined with the file's place inside it; other URIs stay as they are."""
    local = uri[len("file:"):] if uri.startswith("file:") else None
    if local is not None:
        local = "/" + local.lstrip("/")
    for given, hadoop in inputs:
        root = hadoop[len("file://"):] if hadoop.startswith("file://") else None
        if local is None or root is None:
            continue
        if local == root:
            return given
        if local.startswith(root.rstrip("/") + "/"):
            return os.path.join(given, local[len(root.rstrip("/")) + 1:])
    return uri


def extract_partition(files: Iterable[tuple[str, bytes]], opts: Any,
                      inputs: list[tuple[str, str]]) -> Iterator[tuple[str, tuple]]:
    """On an executor: (table, row) for every article, record and quarantine of the files.

    Articles are extracted ``CHUNK`` at a time; one whose extraction fails is logged and
    written without records (as ``Store.ingest`` stores it), the job goes on.
    """
    from .ingest.core import read_input
    from .ingest.sources import SKIP_NAMES, Input
    from .records import Article
    from .spark_rows import quarantine_row

    chunk: list[Article] = []
    for uri, data in files:
        name = provenance_name(uri, inputs)
        if os.path.basename(name).startswith(".") or name.lower().endswith(SKIP_NAMES):
            continue
        for item in read_input(Input(name=name, data=bytes(data)), opts):
            if not isinstance(item, Article):
                yield "quarantine", quarantine_row(item)
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield from _extracted(chunk)
                chunk = []
    yield from _extracted(chunk)


def _extracted(articles: list[Any]) -> Iterator[tuple[str, tuple]]:
    from .parallel import extract_chunk
    from .spark_rows import article_rows

    if not articles:
        return
    results = extract_chunk(articles)
    for article in articles:
        status, value = results[article.id]
        if status == "error":
            log.error("article %s (%s): extraction failed; written without records\n%s",
                      article.id, article.provenance.file if article.provenance else "?", value)
        yield from article_rows(article, value if status == "ok" else None)
