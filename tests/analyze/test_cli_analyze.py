"""The analysis commands: text, --json and --plot on the crisis storyline."""

import json

import pytest
from click.testing import CliRunner

from analyze_data import crisis_store
from signaal.cli import cli


@pytest.fixture
def db(tmp_path):
    crisis_store(tmp_path / "s.db").close()
    return str(tmp_path / "s.db")


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout  # stderr (summaries, logs) is not data


def test_cli_analyze_dyad_json_and_png(db, tmp_path):
    png = tmp_path / "dyad.png"
    data = json.loads(run("dyad", "RUS", "UKR", "--db", db, "--unit", "week", "--json",
                          "--plot", str(png)))
    assert [p["value"] for p in data["points"]][-1] == 40.0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_analyze_dyad_drilldown(db):
    out = run("dyad", "RUS", "UKR", "--db", db, "--drill", "2022-02-16")
    assert "ASSAULT expected" in out and "Het Kremlin ontkent aanvalsplannen." in out


def test_cli_analyze_timeline_svg(db, tmp_path):
    svg = tmp_path / "t.svg"
    out = run("timeline", "--db", db, "--actor", "RUS", "--unit", "month", "--plot", str(svg))
    assert "2022-02  ASSAULT asserted  5/11" in out  # + the month-dated Weekblad article
    assert svg.read_text().lstrip().startswith("<?xml")


def test_cli_analyze_contested_text(db):
    out = run("contested", "--db", db)
    assert "stance: RETREAT RUS→UKR" in out and "number: troops" in out


def test_cli_analyze_stories_json(db):
    data = json.loads(run("stories", "--db", db, "--json"))
    assert sum(s["size"] for s in data) == 32  # every dated article in exactly one story


def test_cli_analyze_alerts_then_list(db):
    out = run("alerts", "--db", db)
    assert "2022-02-16  [rusgov-denial]" in out
    assert run("alerts", "--db", db).strip() == ""
    assert "2022-02-24  [rus-ukr-escalation]" in run("alerts", "--db", db, "--list")


def test_cli_analyze_bad_plot_name_is_one_line_error(db):
    result = CliRunner().invoke(cli, ["dyad", "RUS", "UKR", "--db", db, "--plot", "x.pdf"])
    assert result.exit_code == 1 and "use a .png or .svg" in result.output
