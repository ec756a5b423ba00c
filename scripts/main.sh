#!/usr/bin/env bash
# The main job on the embedded default (SQLite): set up, ingest examples/ into signaal.db with
# extraction, print a summary (counts, the RUS→UKR escalation index, contested claims, stories),
# then serve the dashboard on http://127.0.0.1:8000/ (Ctrl-C stops it; SIGNAAL_NO_SERVE=1 skips).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export SIGNAAL_DB=${SIGNAAL_DB:-signaal.db}
sg=.venv/bin/signaal
# Exit status 1 only means some inputs were quarantined; the summary says which.
$sg ingest examples/ || [ $? -eq 1 ]
echo "== store"; $sg stats
echo "== escalation RUS -> UKR (weekly)"; $sg dyad RUS UKR --unit week || true
echo "== contested claims"; $sg contested | head -40 || true
echo "== stories"; $sg stories | head -30 || true
if [ "${SIGNAAL_NO_SERVE:-0}" != "1" ]; then
  echo "== dashboard: http://127.0.0.1:${SIGNAAL_PORT:-8000}/"
  exec $sg serve --port "${SIGNAAL_PORT:-8000}"
fi
