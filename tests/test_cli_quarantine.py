"""`signaal quarantine`: where and why input was set aside."""

import json

from click.testing import CliRunner

from signaal.cli import cli


def test_cli_quarantine_lists_file_record_reason(tmp_path):
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "Een bericht over de gemeenteraad van Utrecht en de begroting."}\n{kapot\n',
        encoding="utf-8")
    db = str(tmp_path / "s.db")
    ingest = CliRunner().invoke(cli, ["ingest", str(tmp_path / "rows.jsonl"), "--db", db, "--no-extract", "-q"])
    assert ingest.exit_code == 1
    text = CliRunner().invoke(cli, ["quarantine", "--db", db]).stdout
    assert text.startswith(f"{tmp_path / 'rows.jsonl'}:2\tjsonl\t")
    (row,) = json.loads(CliRunner().invoke(cli, ["quarantine", "--json", "--db", db]).stdout)
    assert (row["record"], row["reader"]) == (2, "jsonl") and row["reason"] and row["time"]
