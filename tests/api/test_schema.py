"""Schemathesis against /openapi.json of a real server: every operation, every check, a bounded
number of generated examples, no failure (schema-valid requests accepted, invalid ones refused
with 4xx, responses conform to the documented schemas, no 5xx)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = 15
TOKEN = "schema-token-0123"


# A multipart file part holds bytes, so "12" is a valid file: the negative check that swaps the
# binary item for a number cannot tell, and runs everywhere but on the upload endpoint.
RUNS = {
    "all": ["--checks", "all", "--exclude-path", "/api/ingest/files"],
    "upload": ["--checks", "all", "--exclude-checks", "negative_data_rejection",
               "--include-path", "/api/ingest/files"],
}


@pytest.mark.parametrize("run_name", RUNS)
def test_schema_schemathesis_finds_no_failure(corpus_db, serve, tmp_path, run_name):
    db = tmp_path / "fuzz.db"  # the fuzzer writes through POST /api/ingest: its own copy
    shutil.copy(corpus_db, db)
    server = serve(db, api_token=TOKEN)
    cli = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run(
        [str(cli), "run", server.url + "/openapi.json", *RUNS[run_name],
         "--max-examples", str(EXAMPLES), "--seed", "20220214", "--request-timeout", "120",
         "--header", f"Authorization: Bearer {TOKEN}", "--phases", "coverage,fuzzing",
         "--max-failures", "10"],
        capture_output=True, text=True, timeout=900)
    report = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert "No issues found" in run.stdout, report
