"""Shared fixtures (add yours; don't rewrite others')."""

import pytest

from signaal import Store

# --- stores: one suite, two backends (STYLE.md rule 13) -----------------------------------
# Each PostgreSQL test gets a schema of its own in this database, dropped afterwards.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_server():
    """A PostgresServer for the server on this machine (started when it is not running)."""
    import pg_server as pg

    return pg.PostgresServer.connect()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """Where a new, empty store lives: a SQLite file, or a fresh PostgreSQL schema (URL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "signaal.db")
        return
    with request.getfixturevalue("pg_server").schema() as url:
        yield url


@pytest.fixture
def open_store(store_url):
    """open_store(**kwargs) -> a Store at ``store_url`` (each closed after the test)."""
    opened = []

    def make(**kwargs):
        opened.append(Store(store_url, **kwargs))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def fresh_store(open_store):
    """A new, empty store: SQLite file, then a PostgreSQL schema (closed after the test)."""
    return open_store()


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
