"""``signaal serve`` as a real process: it answers on the port it was given, with its flags."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from api_live import free_port


def test_commands_serve_answers_and_honours_read_only(corpus_db):
    port = free_port()
    cli = Path(sys.executable).with_name("signaal")
    proc = subprocess.Popen([str(cli), "serve", "--db", corpus_db, "--port", str(port),
                             "--token", "t0ken", "--read-only", "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(url + "/api/health").json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "signaal serve did not start"
                time.sleep(0.2)
        assert health == {"ok": True, "articles": 5, "read_only": True, "writes_enabled": False}
        r = httpx.post(url + "/api/ingest", json=[{"text": "x" * 40}],
                       headers={"Authorization": "Bearer t0ken"})
        assert r.status_code == 403 and "read-only" in r.json()["error"]
        assert "server" not in r.headers  # no software banner
        assert httpx.get(url + "/").status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)
