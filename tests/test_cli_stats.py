"""`signaal stats`: counts by language, source, month; duplicates; quarantine."""

import json

from click.testing import CliRunner

from signaal.cli import cli

NL = "De Tweede Kamer debatteert donderdag over de verhoging van het defensiebudget."


def test_cli_stats_counts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f" date 2022-04 \n{NL}", encoding="utf-8")
    (folder / "b.txt").write_text(f" date 2022-04 \n{NL}", encoding="utf-8")  # exact copy
    (folder / "c.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "s.db")
    CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--no-extract", "--source", "NOS", "-q"])
    data = json.loads(CliRunner().invoke(cli, ["stats", "--json", "--db", db]).stdout)
    assert data["articles"] == 1
    assert data["by_lang"] == {"nl": 1} and data["by_source"] == {"NOS": 1}
    assert data["by_month"] == {"2022-04": 1}
    assert data["duplicates"] == {"exact": 1, "near": 0, "groups": 0}
    assert data["quarantined"] == 1
    text = CliRunner().invoke(cli, ["stats", "--db", db]).stdout
    assert "articles: 1" in text and "  2022-04: 1" in text
