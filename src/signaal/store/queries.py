"""Backend-neutral SQL pieces (``?`` placeholders; PostgreSQL swaps them for ``%s``).

Dates are ISO strings, so an interval-overlap filter is two string comparisons.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from ..errors import ConfigError
from ..ingest.dates import coerce, parse_iso
from . import columns

STATS_SQL = {
    "articles": "SELECT COUNT(*) FROM articles",
    "by_lang": "SELECT COALESCE(lang, 'unknown'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1",
    "by_source": "SELECT COALESCE(source, 'unknown'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1",
    "by_month": "SELECT COALESCE(SUBSTR(published_start, 1, 7), 'unknown'), COUNT(*) FROM articles "
                "GROUP BY 1 ORDER BY 1",
    "near": "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL",
    "groups": "SELECT COUNT(*) FROM (SELECT group_id FROM articles WHERE group_id IS NOT NULL "
              "GROUP BY group_id HAVING COUNT(*) > 1) AS g",
    "exact": "SELECT COUNT(*) FROM copies",
    "quarantined": "SELECT COUNT(*) FROM quarantine",
    "by_reason": "SELECT reason, COUNT(*) FROM quarantine GROUP BY 1 ORDER BY 2 DESC, 1",
    "extracted": "SELECT COUNT(*) FROM extractions",
}


def bound(value: Any, side: str) -> Optional[str]:
    """The ISO string bounding a filter: the start (``side="from"``) or end of ``value``."""
    if value is None or value == "":
        return None
    # Strings must be ISO: free-text parsing would read "2022-13" as 13 November.
    interval = parse_iso(value.strip()) if isinstance(value, str) else coerce(value)
    if interval is None:
        raise ConfigError(f"date filter {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return (interval.start if side == "from" else interval.end).isoformat()


def article_filters(date_from: Any = None, date_to: Any = None, source: Optional[str] = None,
                    lang: Optional[str] = None, alias: str = "a") -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters: published interval overlaps [from, to]; source; lang.

    Articles without a date never match a date filter.
    """
    clauses: list[str] = []
    params: list[Any] = []
    lo, hi = bound(date_from, "from"), bound(date_to, "to")
    if lo is not None:
        clauses.append(f"{alias}.published_end >= ?")
        params.append(lo)
    if hi is not None:
        clauses.append(f"{alias}.published_start <= ?")
        params.append(hi)
    if source:
        clauses.append(f"{alias}.source = ?")
        params.append(source)
    if lang:
        clauses.append(f"{alias}.lang = ?")
        params.append(lang.lower())
    return clauses, params


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def insert_sql(table: str, cols: Sequence[str], conflict: str = "nothing") -> str:
    """INSERT of ``cols``; on a duplicate ``id`` either do nothing or update every column."""
    key = "article_id" if "id" not in cols else "id"
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({placeholders(len(cols))})"
    if conflict == "nothing":
        return sql + f" ON CONFLICT ({key}) DO NOTHING"
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c != key)
    return sql + f" ON CONFLICT ({key}) DO UPDATE SET {sets}"


def row_values(table: str, row: dict, skip: tuple[str, ...] = ()) -> tuple:
    """``row``'s values in the column order of ``table``."""
    return tuple(row[c] for c in columns.names(table) if c not in skip)
