"""Export: the JSONL contract of DESIGN.md, its round trip, CSV rows, Parquet tables."""

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import signaal
from signaal import lexicon
from signaal.errors import ConfigError
from signaal.records import Article, Signals
from signaal.store.parquet import PARQUET_TABLES, parquet_schema
from store_texts import NL_FARMERS, NL_TROOPS, seed_file, troop_signals

CONTRACT = {
    "article": {"id", "url", "date", "source_file", "claims", "quantities", "events", "time_expressions"},
    "claims": {"source", "source_actor", "cue", "polarity", "direct", "text", "evidence"},
    "quantities": {"value", "value_max", "approx", "unit", "claimed_by", "evidence"},
    "events": {"type", "mode", "source_actor", "target_actor", "cameo", "claim_source", "evidence"},
    "time_expressions": {"text", "start", "end", "resolved", "evidence"},
}


@pytest.fixture
def store(fresh_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed_file(folder / "troops.txt", NL_TROOPS, "2022-02")
    seed_file(folder / "farmers.txt", NL_FARMERS, "2022-06-28")
    extract = lambda a: troop_signals(a) if "Kremlin" in a.text else Signals(a.id)  # noqa: E731
    fresh_store.ingest(signaal.read(folder), extract=extract)
    return fresh_store


def _jsonl(store):
    out = io.StringIO()
    n = store.export("jsonl", out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(lines)
    return {o["id"]: o for o in lines}


def test_export_jsonl_contract_keys(store):
    objs = _jsonl(store)
    troops = next(o for o in objs.values() if o["claims"])
    farmers = next(o for o in objs.values() if not o["claims"])
    for obj in (troops, farmers):
        assert CONTRACT["article"] <= set(obj)
    assert (troops["date"], troops["source_file"]) == ("2022-02", "troops.txt")
    assert (farmers["date"], farmers["source_file"]) == ("2022-06-28", "farmers.txt")
    assert farmers["quantities"] == farmers["events"] == farmers["time_expressions"] == []
    for kind in ("claims", "quantities", "events", "time_expressions"):
        (rec,) = troops[kind]
        assert CONTRACT[kind] <= set(rec)
        assert set(rec["evidence"]) == {"start", "end", "text", "sentence"}
    assert troops["quantities"][0]["value"] == 100000 and isinstance(troops["quantities"][0]["value"], int)
    plover = {r["type"]: r["cameo"] for r in lexicon.load("common", "plover.tsv")}
    assert troops["events"][0]["cameo"] == plover["ASSAULT"] and len(plover["ASSAULT"]) == 2
    assert troops["claims"][0]["text"] == "zo'n 100.000 militairen samengetrokken"


def test_export_jsonl_round_trip(store):
    objs = _jsonl(store)
    assert set(objs) == {a.id for a in store.articles()}
    for article in store.articles():
        obj, signals = objs[article.id], store.signals(article.id)
        assert obj["url"] == article.url and obj["lang"] == article.lang
        assert obj["date"] == article.published.label()
        assert obj["source_file"] == article.provenance.file.rsplit("/", 1)[1]
        assert [r["title"] for r in obj["related"]] == [r.title for r in article.related]
        for kind, fields in (("claims", ("id", "source", "source_actor", "cue", "polarity", "direct")),
                             ("quantities", ("id", "value", "value_max", "approx", "unit", "claimed_by")),
                             ("events", ("id", "type", "mode", "source_actor", "target_actor", "claim_source")),
                             ("time_expressions", ("id", "text", "start", "end", "resolved"))):
            stored = getattr(signals, kind)
            assert len(obj[kind]) == len(stored)
            for exported, record in zip(obj[kind], stored):
                assert {f: exported[f] for f in fields} == {f: getattr(record, f) for f in fields}
                ev = exported["evidence"]
                assert article.text[ev["start"]:ev["end"]] == ev["text"] == record.evidence.text
                assert ev["sentence"] == record.evidence.sentence


def test_export_jsonl_streams_past_chunk_boundaries(fresh_store, tmp_path):
    articles = [Article(id=f"a{i:04d}", text=f"Bericht nummer {i} over de begroting van het kabinet.",
                        lang="nl") for i in range(450)]
    fresh_store.ingest(articles)
    path = tmp_path / "out.jsonl"
    assert fresh_store.export("jsonl", path) == 450
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert ids == [a.id for a in articles]


def test_export_csv_one_row_per_record(store, tmp_path):
    path = tmp_path / "out.csv"
    store.export("csv", path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["kind"] for r in rows) == ["claim", "event", "quantity", "time_expression"]
    troops = next(a for a in store.articles() if "Kremlin" in a.text)
    assert {r["article_id"] for r in rows} == {troops.id}
    claim = next(r for r in rows if r["kind"] == "claim")
    assert (claim["source"], claim["polarity"], claim["date"]) == ("United States", "asserted", "2022-02")
    start, end = int(claim["evidence_start"]), int(claim["evidence_end"])
    assert troops.text[start:end] == claim["evidence_text"]


def test_export_parquet_tables(store, tmp_path):
    out = tmp_path / "pq"
    assert store.export("parquet", out) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in PARQUET_TABLES)
    for table in PARQUET_TABLES:
        data = pq.read_table(out / f"{table}.parquet")
        assert data.schema.equals(parquet_schema(table))
        assert data.num_rows == (2 if table == "articles" else 1)
    claims = pq.read_table(out / "claims.parquet").to_pylist()
    troops = next(a for a in store.articles() if "Kremlin" in a.text)
    assert claims[0]["article_id"] == troops.id and claims[0]["direct"] is False
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert {a["id"]: a["text"] for a in articles}[troops.id] == troops.text


def test_export_unknown_format(store, tmp_path):
    with pytest.raises(ConfigError, match="xml"):
        store.export("xml", tmp_path / "out.xml")
