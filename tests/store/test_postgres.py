"""What only the PostgreSQL store has to show: its migrations, concurrent writers, the API on it.

The rest of the store suite (tests/store/) runs on both backends through ``fresh_store``.
"""

import subprocess
import sys
from pathlib import Path

import httpx
import psycopg
import pytest

import signaal
from signaal import Store
from signaal.errors import StoreError
from signaal.records import Article
from signaal.store.postgres import PostgresStore
from signaal.store.postgres_conn import Connection, migrate
from signaal.store.postgres_schema import migrations
from signaal.store.rows import article_to_row
from signaal.store.sqlite_schema import migrations as sqlite_migrations
from store_texts import EN_SUMMIT, NL_FARMERS, NL_TROOPS, seed_file

pytestmark = pytest.mark.postgres
SIGNAAL = str(Path(sys.executable).with_name("signaal"))


@pytest.fixture
def pg_url(pg_server):
    with pg_server.schema() as url:
        yield url


def test_postgres_store_url_opens_the_postgres_backend(pg_url):
    with Store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        names = [r[0] for r in store.db.execute("SELECT name FROM _migrations ORDER BY applied_at, name")]
        assert names == migrations.names() == sqlite_migrations.names()
        assert store.migrated == names
    with Store(pg_url) as again:
        assert again.migrated == []


def test_postgres_unknown_migration_refuses_to_open(pg_url):
    Store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', 'x')")
    with pytest.raises(StoreError, match="m999_from_the_future"):
        Store(pg_url)


def test_postgres_upgrade_indexes_old_articles(pg_url):
    db = Connection(pg_url)
    assert migrate(db, stop_after="m001_articles") == ["m001_articles"]
    article = Article(id="a1", text="Het leger hield een grote oefening bij de grens.", lang="nl",
                      content_hash="h1")
    row = article_to_row(article, "2022-03-01T00:00:00+00:00")
    db.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
               list(row.values()))
    db.close()
    with Store(pg_url) as store:
        assert store.migrated == migrations.names()[1:]
        assert store.article("a1") == article
        assert [h.article.id for h in store.search("oefening", lang="nl")] == ["a1"]


@pytest.mark.parametrize("url, message", [
    ("postgresql://nobody@127.0.0.1:1/none", "cannot connect"),
    ("postgresql:///test?options=-csearch_path%3Dno_such_schema_here", "search_path"),
])
def test_postgres_unreachable_or_unusable_is_a_store_error(pg_server, url, message):
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_postgres_password_never_in_messages():
    with pytest.raises(StoreError) as e:
        Store("postgresql://user:s3cret@127.0.0.1:1/db")
    assert "s3cret" not in str(e.value) and "***" in str(e.value)


def test_postgres_search_uses_the_language_configuration(pg_url, tmp_path):
    seed_file(tmp_path / "t.txt", NL_TROOPS)
    with Store(pg_url) as store:
        store.ingest(signaal.read(tmp_path / "t.txt"))
        (config,) = store.db.execute("SELECT a.lang FROM articles a").fetchone()
        lexemes = store.db.execute("SELECT tsv::text FROM articles_fts").fetchone()[0]
    assert config == "nl"
    assert "'militair'" in lexemes and "'oekrain'" in lexemes      # Dutch Snowball, folded
    assert "'kaasboer'" not in lexemes and "'melkprijs'" not in lexemes  # teasers left out


# --- several writers at once ---------------------------------------------------------------
def _corpus(folder: Path) -> list[Path]:
    """Three stories, each as original, two syndicated copies and one exact copy."""
    folder.mkdir()
    files = []
    for i, story in enumerate([NL_TROOPS, NL_FARMERS, EN_SUMMIT]):
        files.append(seed_file(folder / f"{i}_a.txt", story))
        files.append(seed_file(folder / f"{i}_b.txt", story + f"\n\n(Overgenomen door krant {i}b.)"))
        files.append(seed_file(folder / f"{i}_c.txt", story + f"\n\n(Overgenomen door krant {i}c.)"))
        files.append(seed_file(folder / f"{i}_d.txt", story.replace(". ", ".  ")))  # exact copy
    return files


def _groups(store) -> set[frozenset[str]]:
    """The syndication groups as sets of content hashes (ids depend on who came first)."""
    by_group: dict[str, set[str]] = {}
    for a in store.articles():
        by_group.setdefault(a.group, set()).add(a.content_hash)
    return {frozenset(g) for g in by_group.values()}


def test_postgres_three_processes_ingest_overlapping_input_once(pg_server, tmp_path):
    files = _corpus(tmp_path / "in")
    orders = [files, files[::-1], files[1::2] + files[::2]]  # every file in all three runs
    with pg_server.schema() as url, pg_server.schema() as reference_url:
        procs = [subprocess.Popen([SIGNAAL, "ingest", "--no-extract", "-q", "--batch-size", "2",
                                   "--db", url, *map(str, order)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for order in orders]
        outputs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], outputs
        with Store(reference_url) as reference:
            reference.ingest(signaal.read(tmp_path / "in"))
            expected_groups = _groups(reference)
        with Store(url) as store:
            texts = [a.content_hash for a in store.articles()]
            counts = {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "articles_fts", "minhashes", "copies")}
            bands = store.db.execute("SELECT COUNT(*), COUNT(DISTINCT (key, article_id)) "
                                     "FROM minhash_bands").fetchone()
            got_groups = _groups(store)
            summaries = [err.strip().splitlines()[-1] for _, err in outputs]
    # 9 distinct texts (content hashes) stored once each; the 3 exact copies are sightings, each recorded once.
    assert len(texts) == len(set(texts)) == 9
    assert counts == {"articles": 9, "articles_fts": 9, "minhashes": 9, "copies": 3}
    assert bands[0] == bands[1]
    assert got_groups == expected_groups and len(got_groups) == 3
    # Between them the three runs stored each article once: "N new / D duplicates ..." lines.
    stored = sum(int(s.split(" new")[0]) for s in summaries)
    near = sum(int(s.split("exact, ")[1].split(" near")[0]) for s in summaries if "exact, " in s)
    assert stored + near == 9, summaries


# --- the API on a PostgreSQL store ----------------------------------------------------------
def _api_corpus():
    here = str(Path(__file__).parents[1] / "api")
    if here not in sys.path:
        sys.path.insert(0, here)
    import api_corpus

    return api_corpus


API_PATHS = ["/api/stats", "/api/articles", "/api/claims", "/api/events", "/api/quantities",
             "/api/actors", "/api/dyads", "/api/contested", "/api/claims/stances",
             "/api/events?source=RUS&target=UKR"]


def test_postgres_api_serves_the_same_answers_as_sqlite(pg_url, tmp_path, serve):
    corpus = _api_corpus()
    sqlite_path = str(tmp_path / "api.db")
    for where in (pg_url, sqlite_path):
        with Store(where) as store:
            corpus.fill(store)
    pg, lite = serve(pg_url), serve(sqlite_path)
    with httpx.Client(timeout=30) as client:
        articles = client.get(pg.url + "/api/articles").json()
        first = articles["rows"][0]["id"]
        detail = client.get(f"{pg.url}/api/articles/{first}")
        assert detail.status_code == 200 and detail.json()["id"] == first
        assert detail.json()["text"]
        for path in API_PATHS + [f"/api/articles/{first}"]:
            got, want = client.get(pg.url + path), client.get(lite.url + path)
            assert got.status_code == want.status_code == 200, (path, got.text[:300])
            assert got.json() == want.json(), path
        # Search: the same articles and snippets; ranks are each engine's own scale.
        hits = [{(r["id"], r.get("snippet")) for r in client.get(url + "/api/articles?q=troepen").json()["rows"]}
                for url in (pg.url, lite.url)]
        assert hits[0] == hits[1] and len(hits[0]) >= 2
        for page in ["/", f"/articles/{first}", "/events", "/claims"]:
            assert client.get(pg.url + page).status_code == 200, page


# --- analysis support: record rows and state --------------------------------------------
def test_postgres_record_rows_and_state_match_sqlite(pg_url, tmp_path):
    corpus = _api_corpus()
    stores = [Store(pg_url), Store(tmp_path / "s.db")]
    try:
        for store in stores:
            corpus.fill(store)
            store.put_state("alerts", {"fired": ["r1", "r2"], "seen": 3})
            store.put_state("alerts", {"seen": 4})
        for table in ("events", "claims", "quantities"):
            rows = [list(s.record_rows(table, date_from="2022-02-15")) for s in stores]
            assert rows[0] == rows[1] and rows[0], table
            later = [list(s.record_rows(table, since_seq=2)) for s in stores]
            assert later[0] == later[1] and len(later[0]) < len(list(stores[0].record_rows(table)))
        assert [s.get_state("alerts") for s in stores] == [{"fired": ["r1", "r2"], "seen": 4}] * 2
        assert stores[0].get_state("nothing") == {}
    finally:
        for store in stores:
            store.close()


def test_postgres_unfinished_record_rows_do_not_block_the_next(pg_url):
    with Store(pg_url) as store:
        _api_corpus().fill(store)
        first = store.record_rows("events")
        next(first)  # left unfinished
        assert len(list(store.record_rows("events"))) > 1
