"""`signaal search`: stemmed matches, filters, --json on stdout."""

import json

import pytest
from click.testing import CliRunner

from signaal.cli import cli

NL = "Het ministerie meldt dat duizenden militairen terugkeren naar hun kazernes na de oefening."
EN = "Thousands of soldiers are returning to their barracks after the exercise, the ministry said."


@pytest.fixture
def db(tmp_path):
    (tmp_path / "nl.txt").write_text(f" date 2022-02 \n{NL}", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f" date 2021-11-16 \n{EN}", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nl.txt"), str(tmp_path / "en.txt"),
                                      "--db", db, "--no-extract", "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _search(db, *args):
    result = CliRunner().invoke(cli, ["search", *args, "--db", db])
    assert result.exit_code == 0, result.output
    return result


def test_cli_search_text_output(db):
    out = _search(db, "militair").stdout
    assert "2022-02  nl" in out
    assert "[militairen]" in out
    assert "soldiers" not in out


@pytest.mark.parametrize("args, dates", [
    (["oefening"], ["2022-02"]),
    (["exercises"], ["2021-11-16"]),
    (["ministry OR ministerie"], []),
    (["returning", "--lang", "en"], ["2021-11-16"]),
    (["ministerie", "--from", "2022-01", "--to", "2022-03"], ["2022-02"]),
    (["ministerie", "--from", "2022-03"], []),
    (["ministry", "--to", "2021-11-16"], ["2021-11-16"]),
    (["ministry", "--source", "NOS"], []),
])
def test_cli_search_json(db, args, dates):
    hits = json.loads(_search(db, *args, "--json").stdout)
    assert [h["date"] for h in hits] == dates
    assert all({"id", "title", "url", "source", "lang", "date", "rank", "snippet"} <= set(h) for h in hits)


def test_cli_search_bad_date_is_one_line_error(db):
    result = CliRunner().invoke(cli, ["search", "x", "--from", "gisteren", "--db", db])
    assert result.exit_code == 1
    assert "Error: date filter 'gisteren' is not a date" in result.output
