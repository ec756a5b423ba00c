"""Read queries over the store's record tables for the API (listings, actors, dyads).

Every value arrives as a bound ``?`` parameter; the only text put into SQL is taken from the
fixed tables below (table and clause names), never from a request.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from ..store.queries import article_filters

# Columns of the article a listed record belongs to (prefixed a_ to keep them apart).
ARTICLE_COLUMNS = ("a.title AS a_title, a.source AS a_source, a.lang AS a_lang, a.url AS a_url, "
                   "a.published_start AS a_start, a.published_end AS a_end, "
                   "a.published_precision AS a_precision, SUBSTR(a.text, 1, 200) AS a_lead")
# Per record table: filter name -> SQL clause (each ? takes the filter's value).
FILTERS: dict[str, dict[str, str]] = {
    "claims": {
        "actor": "r.source_actor = ?", "source": "r.source = ?", "polarity": "r.polarity = ?",
        "direct": "r.direct = ?", "article_id": "r.article_id = ?",
    },
    "events": {
        "actor": "(r.source_actor = ? OR r.target_actor = ?)", "source_actor": "r.source_actor = ?",
        "target_actor": "r.target_actor = ?", "type": "r.type = ?", "mode": "r.mode = ?",
        "article_id": "r.article_id = ?",
    },
    "quantities": {
        "actor": "c.source_actor = ?", "claimed_by": "r.claimed_by = ?", "unit": "r.unit = ?",
        "polarity": "c.polarity = ?", "article_id": "r.article_id = ?",
    },
}
# Extra joins a table's filters need.
JOINS = {"quantities": " LEFT JOIN claims c ON c.id = r.claim_id"}
ORDER = " ORDER BY COALESCE(a.published_start, '') DESC, a.seq DESC, r.ev_start, r.id"


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (``%``, ``_`` and ``\\`` escaped)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def record_where(table: str, filters: Mapping[str, Any], date_from: Any = None,
                 date_to: Any = None, contains: Optional[str] = None) -> tuple[str, list[Any]]:
    """The FROM ... WHERE part of a record listing and its parameters."""
    clauses, params = article_filters(date_from, date_to, alias="a")
    for name, value in filters.items():
        if value is None:
            continue
        clause = FILTERS[table][name]
        clauses.append(clause)
        params.extend([value] * clause.count("?"))
    if contains:
        clauses.append("r.ev_sentence LIKE ? ESCAPE '\\'")
        params.append(like_pattern(contains))
    sql = f" FROM {table} r JOIN articles a ON a.id = r.article_id" + JOINS.get(table, "")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql, params


def list_records(db: Any, table: str, filters: Mapping[str, Any], *, date_from: Any = None,
                 date_to: Any = None, contains: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[Any]]:
    """(total, rows) of one record table joined with its articles, newest articles first."""
    where, params = record_where(table, filters, date_from, date_to, contains)
    total = db.execute("SELECT COUNT(*)" + where, params).fetchone()[0]
    rows = db.execute(f"SELECT r.*, {ARTICLE_COLUMNS}" + where + ORDER + " LIMIT ? OFFSET ?",
                      [*params, limit, offset]).fetchall()
    return total, rows


def list_articles(db: Any, *, date_from: Any = None, date_to: Any = None,
                  source: Optional[str] = None, lang: Optional[str] = None, limit: int = 50,
                  offset: int = 0) -> tuple[int, list[Any]]:
    """(total, rows) of stored articles, newest first, filtered like ``Store.search``."""
    clauses, params = article_filters(date_from, date_to, source, lang, alias="a")
    where = " FROM articles a" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    total = db.execute("SELECT COUNT(*)" + where, params).fetchone()[0]
    rows = db.execute("SELECT a.*" + where + " ORDER BY COALESCE(a.published_start, '') DESC, "
                      "a.seq DESC LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return total, rows


ACTOR_COUNTS = """
SELECT code, SUM(claims) AS claims, SUM(src) AS src, SUM(tgt) AS tgt, SUM(mentions) AS mentions
FROM (
  SELECT source_actor AS code, 1 AS claims, 0 AS src, 0 AS tgt, 0 AS mentions FROM claims
    WHERE source_actor IS NOT NULL
  UNION ALL SELECT source_actor, 0, 1, 0, 0 FROM events WHERE source_actor IS NOT NULL
  UNION ALL SELECT target_actor, 0, 0, 1, 0 FROM events WHERE target_actor IS NOT NULL
  UNION ALL SELECT actor_country, 0, 0, 0, 1 FROM mentions WHERE actor_country IS NOT NULL
) AS t GROUP BY code ORDER BY SUM(claims) + SUM(src) + SUM(tgt) + SUM(mentions) DESC, code
"""
# The most frequent name given to each code by mentions of the state or IGO itself.
ACTOR_NAMES = """
SELECT actor_country, actor_name, COUNT(*) FROM mentions
WHERE actor_country IS NOT NULL AND actor_kind IN ('state', 'igo')
GROUP BY actor_country, actor_name ORDER BY COUNT(*) DESC, actor_name
"""
DYADS = """
SELECT e.source_actor, e.target_actor, COUNT(*), COUNT(DISTINCT e.article_id),
       MIN(a.published_start), MAX(a.published_start)
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL
GROUP BY e.source_actor, e.target_actor ORDER BY COUNT(*) DESC, e.source_actor, e.target_actor
LIMIT ?
"""
DYAD_BREAKDOWN = """
SELECT source_actor, target_actor, {column}, COUNT(*) FROM events
WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL
GROUP BY source_actor, target_actor, {column}
"""
DYAD_DAYS = """
SELECT SUBSTR(a.published_start, 1, 10) AS day, e.mode, e.type, COUNT(*)
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.source_actor = ? AND e.target_actor = ? AND a.published_start IS NOT NULL
GROUP BY day, e.mode, e.type ORDER BY day
"""


def actor_counts(db: Any) -> list[Any]:
    return db.execute(ACTOR_COUNTS).fetchall()


def actor_names(db: Any) -> dict[str, str]:
    """code -> its most frequent name."""
    names: dict[str, str] = {}
    for code, name, _ in db.execute(ACTOR_NAMES):
        names.setdefault(code, name)
    return names


def dyads(db: Any, limit: int) -> tuple[list[Any], dict[str, dict], dict[str, dict]]:
    """Dyad rows plus per-dyad mode and type counts, keyed ``"SRC|TGT"``."""
    rows = db.execute(DYADS, (limit,)).fetchall()
    breakdown = {}
    for column in ("mode", "type"):  # fixed names, not request text
        counts: dict[str, dict[str, int]] = {}
        for s, t, value, n in db.execute(DYAD_BREAKDOWN.format(column=column)):
            counts.setdefault(f"{s}|{t}", {})[value] = n
        breakdown[column] = counts
    return rows, breakdown["mode"], breakdown["type"]


def dyad_days(db: Any, source: str, target: str) -> Iterable[Any]:
    """(day, mode, type, count) of one dyad's events by article date."""
    return db.execute(DYAD_DAYS, (source, target)).fetchall()


STANCES = """
SELECT source_actor, CASE WHEN source_actor IS NULL THEN COALESCE(source, '?') END AS name,
       polarity, COUNT(*) FROM claims
GROUP BY source_actor, name, polarity ORDER BY source_actor, name, polarity
"""


def stances(db: Any) -> list[Any]:
    """(actor code, name when no code, polarity, claims) for every source."""
    return db.execute(STANCES).fetchall()
