"""Schema migrations: named, recorded, run once, and an older store upgrades without loss."""

import sqlite3

import pytest

import signaal

from signaal import Store
from signaal.errors import StoreError
from signaal.records import Article, Interval
from signaal.store import columns
from signaal.store.rows import article_to_row
from signaal.store.sqlite import SQLiteStore, migrate
from signaal.settings import load_settings
from signaal.store.neardup import Bands
from signaal.store.sqlite_schema import migrations
from store_texts import NL_TROOPS, near_copy, seed_file

from datetime import datetime


def test_migrations_fresh_store_records_every_migration(tmp_path):
    store = Store(tmp_path / "s.db")
    assert isinstance(store, SQLiteStore)
    names = [r[0] for r in store.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == migrations.names() == ["m001_articles", "m002_records", "m003_fulltext",
                                                  "m004_state", "m005_minhash_bands",
                                                  "m006_integer_band_keys"]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_migrations_reopen_runs_nothing(tmp_path):
    Store(tmp_path / "s.db").close()
    store = Store(tmp_path / "s.db")
    assert store.migrated == []
    store.close()


def test_migrations_upgrade_keeps_and_indexes_old_articles(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.row_factory = sqlite3.Row
    assert migrate(db, stop_after="m001_articles") == ["m001_articles"]
    article = Article(id="a1", text="Het leger hield een grote oefening bij de grens.", lang="nl",
                      published=Interval(datetime(2022, 2, 1), datetime(2022, 2, 28, 23, 59, 59), "month"),
                      content_hash="h1")
    row = article_to_row(article, "2022-03-01T00:00:00+00:00")
    db.execute(f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
               list(row.values()))
    db.close()

    store = Store(path)
    assert store.migrated == ["m002_records", "m003_fulltext", "m004_state",
                              "m005_minhash_bands", "m006_integer_band_keys"]
    assert store.article("a1") == article
    assert [h.article.id for h in store.search("oefeningen")] == ["a1"]
    store.close()


def test_migrations_byte_band_keys_become_integers_and_still_find_near_copies(tmp_path):
    # A store written before m006: band keys were the band's bytes. After the upgrade the next
    # ingest rebuilds them as integers from the stored signature, and a near copy of the old
    # article is still found.
    seed_file(tmp_path / "old.txt", NL_TROOPS)
    seed_file(tmp_path / "new.txt", near_copy(NL_TROOPS))
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.ingest(signaal.read(tmp_path / "old.txt"))
        (old_id, sig), = store.db.execute("SELECT article_id, signature FROM minhashes").fetchall()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DROP TABLE minhash_bands")
    db.execute("CREATE TABLE minhash_bands (key BLOB NOT NULL, article_id TEXT NOT NULL)")
    bands = Bands.from_settings(load_settings())
    width = len(sig) // bands.num_perm * bands.r
    db.executemany("INSERT INTO minhash_bands VALUES (?, ?)",
                   [(bytes([i]) + sig[i * width:(i + 1) * width], old_id) for i in range(bands.b)])
    db.execute("DELETE FROM _migrations WHERE name = 'm006_integer_band_keys'")
    db.close()

    with Store(path) as store:
        assert store.migrated == ["m006_integer_band_keys"]
        report = store.ingest(signaal.read(tmp_path / "new.txt"))
        kinds = {r[0] for r in store.db.execute("SELECT typeof(key) FROM minhash_bands")}
        rows = store.db.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM minhash_bands").fetchone()
        dup = store.db.execute("SELECT duplicate_of FROM articles WHERE id != ?", (old_id,)).fetchone()[0]
    assert report.near == 1 and dup == old_id
    assert kinds == {"integer"} and tuple(rows) == (2 * bands.b, 2)


def test_migrations_unknown_migration_refuses_to_open(tmp_path):
    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    db.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', 'x')")
    db.close()
    with pytest.raises(StoreError, match="m999_from_the_future"):
        Store(tmp_path / "s.db")


@pytest.mark.parametrize("table", list(columns.TABLES))
def test_migrations_tables_match_declared_columns(fresh_store, table):
    cols = [d[0] for d in fresh_store.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
    assert cols == list(columns.names(table))


def test_migrations_unknown_scheme_is_a_store_error():
    with pytest.raises(StoreError, match="scheme"):
        Store("mysql://localhost/signaal")


def test_migrations_unwritable_path_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "no" / "such" / "dir" / "s.db")
