"""signaal spark-extract in local mode: the same records as the single process, one Parquet
schema with the store's export, and `signaal load` giving the store `signaal ingest` gives."""

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import signaal
from signaal.cli import cli
from signaal.extract.pipeline import extract_article
from signaal.records import Article
from signaal.spark import TABLES_OUT, provenance_name, spark_extract
from signaal.store.parquet import PARQUET_TABLES, parquet_schema
from signaal.store.rows import RECORD_CLASSES, article_to_row, signals_to_rows

EXAMPLES = Path(__file__).parents[1] / "examples"
JSONL = [
    {"text": "De Tweede Kamer stemde dinsdag in met het plan van de minister. Volgens de "
             "oppositie kost het plan zeker 2 miljard euro.", "date": "2022-03-01",
     "url": "https://example.org/kamer"},
    {"text": "Japan said on Monday that North Korea fired two missiles into the sea. The "
             "government in Tokyo called the launch a threat to regional peace.",
     "date": "2022-03-02", "url": "https://example.org/japan"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every example article, two JSONL records and one undecodable file."""
    folder = tmp_path_factory.mktemp("spark") / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "extra.jsonl").write_text("".join(json.dumps(r) + "\n" for r in JSONL), "utf-8")
    (folder / "kapot.txt").write_bytes(b" date 2022-02 \nDe minister \xe9\xe9n zegt iets.")
    return folder


@pytest.fixture(scope="module")
def single(corpus):
    """The single-process path: signaal.read + extract_article, per article."""
    items = list(signaal.read(corpus))
    articles = [a for a in items if isinstance(a, Article)]
    return articles, {a.id: extract_article(a) for a in articles}


@pytest.fixture(scope="module")
def parquet(corpus):
    out = corpus.parent / "out"
    counts = spark_extract([str(corpus)], str(out), master="local[2]", partitions=3)
    return out, counts


def _table(out: Path, table: str) -> list[dict]:
    return pq.ParquetDataset(out / table).read().to_pylist()


def _rowset(rows) -> set:
    # Parquet gives bools and floats where the rows give 0/1 and ints: every number as a float.
    return {json.dumps({k: float(v) if isinstance(v, (bool, int, float)) else v
                        for k, v in r.items()}, sort_keys=True) for r in rows}


@pytest.mark.spark
@pytest.mark.slow
def test_spark_articles_are_those_signaal_read_gives(single, parquet):
    articles, _ = single
    out, counts = parquet
    want = [{k: v for k, v in article_to_row(a, "").items() if k != "ingested_at"} for a in articles]
    got = _table(out, "articles")
    assert counts["articles"] == len(articles) == len(list(EXAMPLES.glob("*.txt"))) + 2
    assert _rowset(got) == _rowset(want)  # ids, text, regions, dates, provenance alike


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.parametrize("table", list(RECORD_CLASSES))
def test_spark_records_equal_the_single_process(single, parquet, table):
    _, signals = single
    out, counts = parquet
    want = [r for s in signals.values() for r in signals_to_rows(s)[table]]
    got = _table(out, table)
    assert counts[table] == len(got) == len(want) > 0
    assert {r["id"] for r in got} == {r["id"] for r in want}
    assert _rowset(got) == _rowset(want)


@pytest.mark.spark
@pytest.mark.slow
def test_spark_tables_have_the_export_schema_and_quarantine(parquet):
    out, counts = parquet
    for table in PARQUET_TABLES:
        schema = pq.ParquetDataset(out / table).schema
        assert [(f.name, f.type) for f in schema] == [(f.name, f.type) for f in parquet_schema(table)]
    assert set(TABLES_OUT) == {p.name for p in out.iterdir() if p.is_dir()}
    (bad,) = _table(out, "quarantine")
    assert bad["file"].endswith("kapot.txt") and "decode" in bad["reason"]
    extractors = {r["extractor"] for r in _table(out, "extractions")}
    assert extractors == {"signaal.pipeline.v1"} and counts["extractions"] == counts["articles"]


@pytest.mark.spark
@pytest.mark.slow
def test_spark_load_gives_the_store_ingest_gives(corpus, single, parquet, tmp_path):
    _, signals = single
    out, _ = parquet
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    result = CliRunner().invoke(cli, ["load", str(out), "--db", str(loaded)])
    assert result.exit_code == 1, result.output  # the quarantined file
    with signaal.Store(ingested) as store:
        store.ingest(signaal.read(corpus), extract=lambda a: signals[a.id])
    exports = []
    for db in (loaded, ingested):
        got = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", "-"])
        exports.append(sorted(got.stdout.splitlines()))
    assert exports[0] == exports[1]
    stats = [signaal.Store(db).stats() for db in (loaded, ingested)]
    assert stats[0] == stats[1] and stats[0]["duplicates"]["near"] >= 2


@pytest.mark.parametrize("uri, expected", [
    ("file:/data/in/a.txt", "in/a.txt"),
    ("file:///data/in/sub/b.jsonl", "in/sub/b.jsonl"),
    ("file:/data/one.txt", "/data/one.txt"),
    ("hdfs://nn:8020/corpus/c.txt", "hdfs://nn:8020/corpus/c.txt"),
    ("file:/elsewhere/d.txt", "file:/elsewhere/d.txt"),
])
def test_spark_provenance_names_the_input_as_given(uri, expected):
    inputs = [("in", "file:///data/in"), ("/data/one.txt", "file:///data/one.txt"),
              ("hdfs://nn:8020/corpus", "hdfs://nn:8020/corpus")]
    assert provenance_name(uri, inputs) == expected
