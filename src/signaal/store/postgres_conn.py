"""A psycopg 3 connection that speaks the store's SQL: ``?`` placeholders, sqlite3-like rows.

``signaal.store.queries`` writes SQL once with ``?`` placeholders for both backends; this
adapter turns them into psycopg's ``%s``. Rows read by column name or by position, like
``sqlite3.Row``. Migrations and batch writes are serialised per schema with advisory locks, the
PostgreSQL counterpart of SQLite's ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, Iterator, Optional, Sequence

import psycopg

from ..errors import StoreError
from .base import now
from .postgres_schema import migrations

# Advisory lock keys are per schema, so stores in different schemas of one database never wait
# for each other.
_LOCK = "SELECT {fn}(hashtext(current_schema() || ?))"
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


class Row:
    """A result row like ``sqlite3.Row``: ``row["name"]``, ``row[0]``, ``keys()``; iterating
    gives the values, ``dict(row)`` the columns."""

    __slots__ = ("_names", "_index", "_values")

    def __init__(self, names: Sequence[str], index: dict[str, int], values: Sequence[Any]):
        self._names, self._index, self._values = names, index, tuple(values)

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, (int, slice)):
            return self._values[key]
        return self._values[self._index[key]]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: Any) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, (Row, tuple)) else NotImplemented

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._names, self._values))!r})"


def _row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description) if cursor.description else ()
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name, i)  # like sqlite3.Row: the first column of that name

    def make(values: Sequence[Any]) -> Row:
        return Row(names, index, values)

    return make


def pg_sql(sql: str) -> str:
    """The store's SQL with psycopg placeholders."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password (for messages)."""
    return _PASSWORD.sub(r"\1***@", url)


class Connection:
    """The store's connection: ``execute``/``executemany`` with ``?`` placeholders."""

    def __init__(self, url: str):
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to the PostgreSQL store {redact(url)}: {e}; check "
                             "that the server runs and the URL names a database you may use "
                             "(postgresql://user@host:5432/dbname)") from e

    def execute(self, sql: str, params: Optional[Sequence[Any]] = None) -> psycopg.Cursor:
        if not params:
            return self.conn.execute(sql)
        return self.conn.execute(pg_sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(pg_sql(sql), rows)

    def lock(self, name: str) -> None:
        """Hold this schema's advisory lock ``name`` until the transaction ends."""
        self.execute(_LOCK.format(fn="pg_advisory_xact_lock"), (":signaal:" + name,))

    def close(self) -> None:
        self.conn.close()


@contextlib.contextmanager
def transaction(db: Connection) -> Iterator[Connection]:
    """One transaction; on any error it is rolled back (psycopg errors raised as StoreError)."""
    try:
        with db.conn.transaction():
            yield db
    except psycopg.Error as e:
        raise StoreError(f"store write failed and was rolled back: {e}") from e


def migrate(db: Connection, stop_after: Optional[str] = None) -> list[str]:
    """Run the pending migrations (each in its own transaction); returns their names.

    Several processes opening a new store at once take turns (a session advisory lock).
    """
    db.execute(_LOCK.format(fn="pg_advisory_lock"), (":signaal:migrate",))
    try:
        db.execute("CREATE TABLE IF NOT EXISTS _migrations "
                   "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = {r[0] for r in db.execute("SELECT name FROM _migrations")}
        done = []
        for m in migrations.pending(applied, stop_after):
            with transaction(db):
                m.fn(db)
                db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                           (m.name, now()))
            done.append(m.name)
        return done
    finally:
        db.execute(_LOCK.format(fn="pg_advisory_unlock"), (":signaal:migrate",))
