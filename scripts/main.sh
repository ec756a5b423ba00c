#!/usr/bin/env bash
# The main job on the embedded default: set up, ingest examples/ into signaal.db (SQLite),
# extract, print a summary, then serve the dashboard (Ctrl-C to stop; SIGNAAL_NO_SERVE=1 skips).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export SIGNAAL_DB=${SIGNAAL_DB:-signaal.db}
.venv/bin/signaal ingest examples/
.venv/bin/signaal stats
