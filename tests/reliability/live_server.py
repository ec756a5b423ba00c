"""``signaal serve`` as a child process on a free loopback port (security suite, bench/load.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator, Mapping, Optional

import httpx

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(db: Path, *args: str, env: Optional[Mapping[str, str]] = None,
          timeout: float = 120) -> Iterator[str]:
    """Run ``signaal serve --db DB --host 127.0.0.1 --port P ARGS``; yield its base URL."""
    port = free_port()
    exe = Path(sys.executable).with_name("signaal")
    cmd = [str(exe), "serve", "--db", str(db), "--host", LOOPBACK, "--port", str(port),
           "--log-level", "warning", *args]
    full_env = {**os.environ, **(env or {})}
    log = tempfile.TemporaryFile()  # not a pipe: a chatty server must never block on it
    proc = subprocess.Popen(cmd, env=full_env, stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://{LOOPBACK}:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"signaal serve exited {proc.returncode}: "
                                   f"{log.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"signaal serve did not answer on {url} in {timeout}s")
            time.sleep(0.2)
        yield url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
