"""``signaal eval`` on the command line: text report, --json, --per-file, --counts, typed errors."""

import json

from click.testing import CliRunner

from signaal.cli import cli
from signaal.eval.run import read_article

from eval_helpers import SEED_GOLD, SEED_TEXT, gold_to_export


def _system(tmp_path):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    path = tmp_path / "sys.jsonl"
    export = gold_to_export(gold, read_article(SEED_TEXT).text)
    export["claims"][4]["polarity"] = "asserted"
    path.write_text(json.dumps(export) + "\n", encoding="utf-8")
    return path


def test_cli_eval_text_report_lists_scores_tables_and_errors(tmp_path):
    r = CliRunner().invoke(cli, ["eval", "--gold", str(SEED_GOLD), "--system", str(_system(tmp_path))])
    assert r.exit_code == 0, r.output
    assert "claims source_country+polarity" in r.output and "events by PLOVER type" in r.output
    assert "confusion: event modes" in r.output
    assert "claims miss: source=Kremlin" in r.output and "Het Kremlin heeft meermaals" in r.output


def test_cli_eval_json_and_per_file(tmp_path):
    r = CliRunner().invoke(cli, ["eval", "--gold", str(SEED_GOLD), "--system", str(_system(tmp_path)),
                                 "--json", "--per-file"])
    report = json.loads(r.output)
    assert report["scores"]["claims"]["source_country+polarity"]["tp"] == 16
    assert set(report["per_file"]) == {"000_5dbc0360713f8d14.txt"}


def test_cli_eval_counts_markdown():
    r = CliRunner().invoke(cli, ["eval", "--counts", "--gold", str(SEED_GOLD)])
    assert r.exit_code == 0 and "| claims | 17 |" in r.output and "| events type: MOBILIZE | 2 |" in r.output


def test_cli_eval_bad_gold_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", "--gold", str(bad), "--system", str(_system(tmp_path))])
    assert r.exit_code == 1 and "not JSON" in r.output and "Traceback" not in r.output
