"""signaal ingest --workers N: extraction in processes gives the store --workers 1 gives."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import signaal
from signaal.cli import cli
from signaal.parallel import PoolExtractor
from signaal.records import Article, Signals

EXAMPLES = Path(__file__).parents[1] / "examples"
# Dutch and English, a near-duplicate trio (013-015), a live blog.
PICK = ["013_code_rood_oekraine_anp.txt", "014_code_rood_oekraine_nos.txt",
        "015_code_rood_oekraine_regionaal.txt", "017_rusland_meldt_terugkeer_troepen.txt",
        "022_liveblog_russische_aanval.txt", "117_iran_execution_en.txt",
        "135_ecb_rate_hike_en.txt"]


def _export(db: Path) -> dict:
    out = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", "-"])
    assert out.exit_code == 0, out.output
    return {o["id"]: o for o in map(json.loads, out.stdout.splitlines())}


@pytest.mark.slow
def test_parallel_workers_store_what_one_process_stores(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in PICK:
        shutil.copy(EXAMPLES / name, folder / name)
    runs = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q",
                                          "--no-alerts", "--workers", str(workers)])
        assert result.exit_code == 0, result.output
        runs[workers] = _export(db)
    assert runs[1] == runs[2]
    assert len(runs[1]) == len(PICK)
    assert sum(len(o["claims"]) for o in runs[1].values()) > 5  # records were extracted


def test_parallel_pool_answers_without_a_model(tmp_path):
    """Articles in a language without a pipeline come back empty from the workers; known ones
    and exact copies are not sent again."""
    texts = ["Der Bundestag beschliesst heute ein neues Gesetz zur Energie.",
             "Die Bahn streikt am Montag in ganz Bayern und Hessen.",
             "In Hamburg eroeffnet ein Museum fuer moderne Fotografie.",
             "Der Winter bringt viel Schnee in die Alpen und nach Sachsen.",
             "Eine Studie zeigt steigende Mieten in fast allen Grossstaedten."]
    articles = [Article(id=f"de{i}", text=t, lang="de", content_hash=f"h{i}")
                for i, t in enumerate(texts)]
    copy = Article(id="de-copy", text=texts[0], lang="de", content_hash="h0")
    with signaal.Store(tmp_path / "s.db") as store, PoolExtractor(2, store, chunk=2) as pool:
        report = store.ingest(pool.feed([*articles, copy]), extract=pool)
        assert (report.new, report.exact, report.failed) == (5, 1, 0)
        assert store.signals("de3") == Signals("de3", extractor="signaal.pipeline.v1")
        assert not pool.futures  # every answer was collected
        again = store.ingest(pool.feed(articles), extract=pool)
        assert again.new == again.near == 0 and not pool.futures  # nothing sent to the pool


def test_parallel_workers_must_be_positive(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES / PICK[0]), "--db",
                                      str(tmp_path / "s.db"), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
