"""`signaal export`: JSONL to a file or stdout, CSV, Parquet directory."""

import json

import pytest
from click.testing import CliRunner

from signaal.cli import cli

NL = "Minister Ollongren bezoekt volgende week de Nederlandse militairen in Litouwen."


@pytest.fixture
def db(tmp_path):
    (tmp_path / "bezoek.txt").write_text(f" date 2022-02 \n{NL}", encoding="utf-8")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(cli, ["ingest", str(tmp_path / "bezoek.txt"), "--db", db, "--no-extract", "-q"])
    return db


def test_cli_export_jsonl_stdout(db):
    result = CliRunner().invoke(cli, ["export", "--format", "jsonl", "-o", "-", "--db", db])
    assert result.exit_code == 0
    (obj,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (obj["date"], obj["source_file"], obj["claims"]) == ("2022-02", "bezoek.txt", [])
    assert "1 articles exported" in result.stderr


@pytest.mark.parametrize("fmt, name", [("jsonl", "out.jsonl"), ("csv", "out.csv"), ("parquet", "pq")])
def test_cli_export_formats(db, tmp_path, fmt, name):
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert out.exists()
    if fmt == "parquet":
        assert (out / "articles.parquet").exists() and (out / "claims.parquet").exists()


def test_cli_export_unknown_format_is_usage_error(db, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--format", "xml", "-o", str(tmp_path / "x"), "--db", db])
    assert result.exit_code == 2
