"""Shared fixtures (add yours; don't rewrite others')."""

import pytest

from signaal import Store


@pytest.fixture
def fresh_store(tmp_path):
    """A new, empty SQLite store in a temporary file (closed after the test)."""
    store = Store(tmp_path / "signaal.db")
    yield store
    store.close()


# --- API and dashboard (tests/api, tests/web): a real server on loopback -------------------
def _api_helpers():
    import sys
    from pathlib import Path

    here = str(Path(__file__).parent / "api")
    if here not in sys.path:
        sys.path.insert(0, here)
    import api_corpus
    import api_live

    return api_corpus, api_live


API_TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    """A SQLite store file holding the hand-written API corpus (tests/api/api_corpus.py)."""
    corpus, _ = _api_helpers()
    path = tmp_path_factory.mktemp("api") / "corpus.db"
    with Store(path) as store:
        corpus.fill(store)
    return str(path)


@pytest.fixture(scope="session")
def serve():
    """serve(db, **settings) -> a running LiveServer (one per distinct call; all stopped at the end)."""
    _, live = _api_helpers()
    servers = {}

    def start(db, **settings):
        key = (str(db), tuple(sorted(settings.items())))
        if key not in servers:
            servers[key] = live.LiveServer(str(db), settings)
        return servers[key]

    yield start
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def server(corpus_db, serve):
    """The corpus served read-mostly with the test token (no test writes to it)."""
    return serve(corpus_db, api_token=API_TOKEN)
