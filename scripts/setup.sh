#!/usr/bin/env bash
# Sets up everything Signaal needs on a fresh machine: .venv with the package and its pinned
# dependencies; with --test also the system pieces the tests use (Chromium, a running PostgreSQL).
# Idempotent: a stamp holding the hash of pyproject.toml skips pip when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extras=""
[ $want_test = 1 ] && extras="[test]"
stamp=".venv/.signaal-installed${extras}"
digest=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
  .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -m pip install -q -e ".${extras}" 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -c "import signaal, spacy" || { echo "setup: install failed" >&2; exit 1; }
  echo "$digest" > "$stamp"
fi

if [ $want_test = 1 ]; then
  # Headless Chromium for the dashboard tests (Debian package; the tool downloads no browser).
  if ! command -v chromium >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # Frog, the optional Dutch backend and the NLP bench's peer (tests/nlp/test_frog.py runs it).
  if ! command -v frog >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq frog frogdata ucto >/dev/null || true
  fi
  # The PostgreSQL server the store tests use; start it if it stopped.
  if command -v pg_ctlcluster >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
fi
