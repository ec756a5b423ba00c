"""The PostgreSQL server the store tests run against: reach it (starting it when it is stopped)
and hand out a fresh schema per test, dropped afterwards.

``SIGNAAL_TEST_POSTGRES`` names the database (default ``postgresql:///test``, the local socket).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Iterator

import psycopg
import pytest

ADMIN_URL = os.environ.get("SIGNAAL_TEST_POSTGRES", "postgresql:///test")


def schema_url(url: str, schema: str) -> str:
    """``url`` with ``search_path`` set to ``schema`` (a store in its own schema)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _start_cluster() -> None:
    """Start the local cluster as scripts/setup.sh --test does (no-op where there is none)."""
    versions = sorted(p.name for p in Path("/etc/postgresql").glob("*")) if Path("/etc/postgresql").exists() else []
    if not versions or shutil.which("pg_ctlcluster") is None:
        return
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
                   capture_output=True, timeout=60)


class PostgresServer:
    """A reachable server and database for tests."""

    def __init__(self, url: str):
        self.url = url

    @classmethod
    def connect(cls, url: str = ADMIN_URL) -> "PostgresServer":
        for attempt in range(2):
            try:
                psycopg.connect(url, connect_timeout=5).close()
                return cls(url)
            except psycopg.OperationalError as e:
                error = e
                if attempt == 0:
                    _start_cluster()
                    time.sleep(2)
        pytest.fail(f"PostgreSQL is not reachable at {url}: {error}; start it with "
                    "scripts/setup.sh --test, set SIGNAAL_TEST_POSTGRES, or deselect with "
                    "-m 'not postgres'")

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql)

    @contextlib.contextmanager
    def schema(self) -> Iterator[str]:
        """A new empty schema; yields the store URL for it and drops it afterwards."""
        name = "signaal_test_" + uuid.uuid4().hex[:12]
        self.execute(f"CREATE SCHEMA {name}")
        try:
            yield schema_url(self.url, name)
        finally:
            self.execute(f"DROP SCHEMA {name} CASCADE")
