"""The server's handle on the store: one connection per worker thread, and the settings.

sqlite3 connections must stay in the thread that opened them, and FastAPI runs plain ``def``
endpoints in a thread pool, so each worker thread opens (once) its own ``Store`` on the same file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from ..errors import ConfigError
from ..settings import load_settings
from ..store import Store


def store_location(store_or_path: Union[Store, str, Path]) -> str:
    """The path or URL a server thread can open: a ``Store``'s own, or the argument itself."""
    if isinstance(store_or_path, Store):
        where = getattr(store_or_path, "path", None) or getattr(store_or_path, "url", None)
    else:
        where = str(store_or_path)
    if not where or where == ":memory:":
        raise ConfigError("the server needs a store file path or URL: an in-memory store cannot "
                          "be shared between server threads; pass a file such as signaal.db")
    return str(where)


class Backend:
    """Settings plus a lazily opened Store per thread; ``close()`` closes them all."""

    def __init__(self, store_or_path: Union[Store, str, Path],
                 settings: Optional[Mapping[str, Any]] = None):
        self.location = store_location(store_or_path)
        self.settings = load_settings(overrides=dict(settings or {}))
        self._local = threading.local()
        # Open (and migrate) once up front so a bad path fails at start, not on first request.
        self.store()

    @property
    def read_only(self) -> bool:
        return bool(self.settings["read_only"])

    @property
    def token(self) -> Optional[str]:
        return self.settings["api_token"] or None

    def store(self) -> Store:
        """This thread's Store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.location, settings=self.settings)
            self._local.store = store
        return store

    def close(self) -> None:
        """Close the calling thread's store; the others close with their threads' exit."""
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None
