#!/usr/bin/env bash
# Set up everything (venv, Chromium, PostgreSQL) and run all tests. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
