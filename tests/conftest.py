"""Shared fixtures (add yours; don't rewrite others')."""

import pytest

from signaal import Store


@pytest.fixture
def fresh_store(tmp_path):
    """A new, empty SQLite store in a temporary file (closed after the test)."""
    store = Store(tmp_path / "signaal.db")
    yield store
    store.close()
