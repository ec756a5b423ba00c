"""`signaal show ID`: the article and its records; unknown ids are a one-line error."""

import json

from click.testing import CliRunner

from signaal.cli import cli

NL = "Het kabinet heeft dinsdag besloten extra geld vrij te maken voor de luchtverdediging."


def _db(tmp_path):
    (tmp_path / "a.txt").write_text(f" date 2022-04 \n{NL}", encoding="utf-8")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--no-extract", "-q"])
    hits = json.loads(CliRunner().invoke(cli, ["search", "luchtverdediging", "--json", "--db", db]).stdout)
    return db, hits[0]["id"]


def test_cli_show_text_and_json(tmp_path):
    db, article_id = _db(tmp_path)
    text = CliRunner().invoke(cli, ["show", article_id, "--db", db])
    assert text.exit_code == 0
    assert text.stdout.startswith(f"{article_id}  2022-04  nl")
    assert NL in text.stdout and "claims: 0" in text.stdout
    data = json.loads(CliRunner().invoke(cli, ["show", article_id, "--json", "--db", db]).stdout)
    assert (data["id"], data["date"], data["text"], data["source_file"]) == (article_id, "2022-04", NL, "a.txt")
    assert data["published"]["precision"] == "month" and data["provenance"]["reader"] == "seed"


def test_cli_show_unknown_id(tmp_path):
    db, _ = _db(tmp_path)
    result = CliRunner().invoke(cli, ["show", "nope", "--db", db])
    assert result.exit_code == 1
    assert "no article 'nope'" in result.output and "Traceback" not in result.output
