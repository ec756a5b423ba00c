"""`signaal ingest`: summary on stderr, exit status 0 / 1 / 3, idempotent, reader options."""

import json

import pytest
from click.testing import CliRunner

from signaal import Store
from signaal.cli import cli

NL = "De minister van Defensie zegt dat er dit voorjaar meer militairen naar Litouwen gaan."
EN = "The defence minister said more troops will be sent to Lithuania this spring."


def _ingest(db, *args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args), "--db", str(db), "--no-extract", "--quiet"])


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "nl.txt").write_text(f" date 2022-03 \n{NL}", encoding="utf-8")
    (d / "en.txt").write_text(f" date 2022-03-02 \n{EN}", encoding="utf-8")
    return d


def test_cli_ingest_summary_and_exit_0(tmp_path, folder):
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 new / 0 duplicates / 0 quarantined / 0 failed" in result.stderr
    with Store(tmp_path / "s.db") as store:
        assert sorted(a.lang for a in store.articles()) == ["en", "nl"]


def test_cli_ingest_again_changes_nothing(tmp_path, folder):
    _ingest(tmp_path / "s.db", folder)
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 0
    assert "0 new / 0 duplicates / 0 quarantined / 0 failed (2 already stored)" in result.stderr


def test_cli_ingest_some_quarantined_exit_1(tmp_path, folder):
    (folder / "bad.txt").write_bytes(b"\xff\xfe\xfa kapot")
    result = _ingest(tmp_path / "s.db", folder)
    assert result.exit_code == 1
    assert "2 new / 0 duplicates / 1 quarantined / 0 failed" in result.stderr


def test_cli_ingest_all_quarantined_exit_3(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _ingest(tmp_path / "s.db", tmp_path / "empty.txt")
    assert result.exit_code == 3
    assert "0 new / 0 duplicates / 1 quarantined / 0 failed" in result.stderr


def test_cli_ingest_field_date_source_lang_options(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"body": NL, "link": "https://example.org/a"}) + "\n", encoding="utf-8")
    result = _ingest(tmp_path / "s.db", path, "--field", "text=body", "--field", "url=link",
                     "--date", "2022-03-05", "--source", "Voorbeeldkrant", "--lang", "nl")
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "s.db") as store:
        (article,) = store.articles()
    assert (article.url, article.source, article.lang) == ("https://example.org/a", "Voorbeeldkrant", "nl")
    assert article.published.label() == "2022-03-05"


def test_cli_ingest_bad_field_option_is_a_usage_error(tmp_path, folder):
    result = _ingest(tmp_path / "s.db", folder, "--field", "text")
    assert result.exit_code == 2
    assert "name=column" in result.output


def test_cli_ingest_help_documents_exit_status():
    text = " ".join(CliRunner().invoke(cli, ["ingest", "--help"]).output.split())
    assert "Exit status: 0 when nothing failed, 1 when some input was quarantined" in text
    assert "3 when all did" in text


@pytest.mark.slow
def test_cli_ingest_evaluates_alerts_once(tmp_path):
    """Issue 8: alert rules run after each ingest; a second ingest of the same input fires none."""
    d = tmp_path / "alerts"
    d.mkdir()
    (d / "a.txt").write_text(" date 2022-02-16 Het Kremlin ontkent dat Rusland een aanval op "
                             "Oekraïne voorbereidt.", encoding="utf-8")
    db = tmp_path / "a.db"
    first = CliRunner().invoke(cli, ["ingest", str(d), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.output
    assert "[rusgov-denial]" in first.stderr
    again = CliRunner().invoke(cli, ["ingest", str(d), "--db", str(db), "--quiet"])
    assert "[rusgov-denial]" not in again.stderr
    skipped = CliRunner().invoke(cli, ["ingest", str(d), "--db", str(tmp_path / "b.db"), "--quiet",
                                       "--no-alerts"])
    assert "alert " not in skipped.stderr
