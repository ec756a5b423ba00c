"""Store commands: ``ingest``, ``search``, ``show``, ``stats``, ``export``, ``quarantine``.

No logic here: each command calls ``signaal.ingest.read`` and the ``signaal.Store`` API.
stdout is data (text or ``--json``); the summary, progress bars and logs go to stderr.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from typing import Any, Callable, Optional

import click

from .hookspecs import hookimpl
from .records import Article, Signals, to_dict

log = logging.getLogger(__name__)
PIPELINE = "signaal.extract.pipeline"


def load_extractor() -> Optional[Callable[[Article], Signals]]:
    """``signaal.extract.pipeline.extract_article``, or None while that module does not exist."""
    try:
        module = importlib.import_module(PIPELINE)
    except ModuleNotFoundError as e:
        if e.name != PIPELINE:
            raise
        log.info("%s is not available yet: ingesting without extraction", PIPELINE)
        return None
    return module.extract_article


def parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    """``("text=body", "date=published")`` -> ``{"text": "body", "date": "published"}``."""
    out = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not name or not column:
            raise click.BadParameter(f"{value!r} is not name=column", param_hint="--field")
        out[name.strip()] = column.strip()
    return out


class FileProgress:
    """Advances a progress bar by one each time the items move on to the next input file."""

    def __init__(self, bar: Any):
        self.bar, self.last = bar, None

    def __call__(self, item: Any) -> None:
        item = getattr(item, "article", item)  # a Prepared article read ahead
        if isinstance(item, Article):
            file = item.provenance.file if item.provenance else None
        else:
            file = getattr(item, "file", None)
        if file != self.last:
            if self.last is not None:
                self.bar.update(1)
            self.last = file


def count_inputs(paths: tuple[str, ...]) -> int:
    """How many input files the paths hold (folders walked the way ``read`` walks them)."""
    from .ingest.sources import walk

    return sum(1 for _ in walk(list(paths)))


def _open(db: str):
    from .store import Store

    return Store(db)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def run_ingest(db: str, paths: tuple[str, ...], quiet: bool, no_extract: bool,
               batch_size: Optional[int], read_options: dict[str, Any],
               alert_rules: Optional[str] = None, alerts: bool = True, workers: int = 1) -> int:
    """Read, store, evaluate alert rules on what is new, and report; returns the exit status.

    ``workers`` > 1 extracts in that many processes (``signaal.parallel``); without extraction
    it reads in a second process instead (``signaal.ingest.ahead``)."""
    from .ingest import read
    from .ingest.ahead import read_ahead
    from .parallel import pooled

    extract = None if no_extract else load_extractor()
    with _open(db) as store:
        if batch_size:
            store.batch_size = batch_size
        source = (read_ahead(list(paths), prepare=store.preparer(), **read_options)
                  if extract is None and workers > 1 else read(list(paths), **read_options))
        with pooled(source, extract, workers, store) as (items, extract):
            report = _ingest_items(store, items, extract, paths, quiet)
            if alerts and extract is not None:
                _evaluate_alerts(store, alert_rules)
    click.echo(report.summary(), err=True)
    return report.exit_code()


def _ingest_items(store, items, extract, paths: tuple[str, ...], quiet: bool):
    """``store.ingest`` with a progress bar over the input files unless ``quiet``."""
    total = 0 if quiet else count_inputs(paths)
    if total <= 1:
        return store.ingest(items, extract=extract)
    with click.progressbar(length=total, label="Ingesting", file=sys.stderr) as bar:
        report = store.ingest(items, extract=extract, progress=FileProgress(bar))
        bar.update(total)
    return report


def _evaluate_alerts(store, rules_path: Optional[str]) -> None:
    """Alerts are evaluated incrementally after each ingest (issue 8); new ones go to stderr."""
    from .analyze import alerts, hooks, rules

    ruleset = rules.load_rules(rules_path)
    for a in alerts.evaluate(store, ruleset):
        click.echo(f"alert {a.date}  [{a.rule}]  {a.message}", err=True)
    hooks.deliver(store, ruleset.webhook, ruleset.command)


def _date(article: Article, missing: Optional[str] = "-") -> Optional[str]:
    return article.published.label() if article.published else missing


def read_options(fn: Callable) -> Callable:
    """The options of ``signaal.read``: ``--date``, ``--lang``, ``--source``, ``--field``,
    ``--encoding`` (commands that read input files share them)."""
    options = [
        click.option("--date", help="Date for inputs without one: YYYY, YYYY-MM, YYYY-MM-DD"),
        click.option("--lang", help="Language of every article (ISO 639-1), skipping detection"),
        click.option("--source", help="Outlet name for inputs that do not give one"),
        click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
                     help="JSONL/CSV column for text, date, url, title, source or lang (repeatable)"),
        click.option("--encoding", help="Decode input with this codec instead of strict UTF-8"),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _commands(db_option: Callable) -> list[click.Command]:
    @click.command()
    @click.argument("paths", nargs=-1, required=True)
    @db_option
    @read_options
    @click.option("--batch-size", type=int, help="Commit every N items (setting batch_size)")
    @click.option("--no-extract", is_flag=True, help="Store articles without extracting records")
    @click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Processes extracting records (the store write stays in one); "
                       "with --no-extract, N > 1 reads in a second process")
    @click.option("--rules", "alert_rules", type=click.Path(exists=True, dir_okay=False),
                  help="Alert rules YAML evaluated after the ingest (default: the packaged rules)")
    @click.option("--no-alerts", is_flag=True, help="Do not evaluate alert rules after the ingest")
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar")
    @click.pass_context
    def ingest(ctx, paths, db, date, lang, source, fields, encoding, batch_size, no_extract,
               workers, alert_rules, no_alerts, quiet):
        """Read articles from PATHS (files, folders, URLs) into the store.

        Prints "N new / D duplicates / Q quarantined / F failed" on stderr. Exit status: 0 when
        nothing failed, 1 when some input was quarantined or failed extraction, 3 when all did.
        Re-ingesting the same input changes nothing.
        """
        options = {"date": date, "lang": lang, "source": source, "fields": parse_fields(fields),
                   "encoding": encoding}
        ctx.exit(run_ingest(db, paths, quiet, no_extract, batch_size, options,
                            alert_rules=alert_rules, alerts=not no_alerts, workers=workers))

    @click.command()
    @click.argument("query")
    @db_option
    @click.option("--from", "date_from", help="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD)")
    @click.option("--to", "date_to", help="Published on or before (YYYY, YYYY-MM, YYYY-MM-DD)")
    @click.option("--source", help="Only this outlet")
    @click.option("--lang", help="Only this language (also picks the stemmer)")
    @click.option("--limit", type=int, default=20, show_default=True)
    @click.option("--offset", type=int, default=0)
    @click.option("--json", "as_json", is_flag=True, help="Output a JSON array")
    def search(query, db, date_from, date_to, source, lang, limit, offset, as_json):
        """Full-text search (Dutch and English stemming): best matches first."""
        with _open(db) as store:
            hits = store.search(query, date_from=date_from, date_to=date_to, source=source,
                                lang=lang, limit=limit, offset=offset)
        if as_json:
            _echo_json([{"id": h.article.id, "title": h.article.title, "url": h.article.url,
                         "source": h.article.source, "lang": h.article.lang,
                         "date": _date(h.article, None), "rank": h.rank, "snippet": h.snippet}
                        for h in hits])
            return
        for h in hits:
            a = h.article
            click.echo(f"{a.id}  {_date(a)}  {a.lang or '-'}  {a.source or '-'}  {a.title or ''}")
            click.echo(f"    {h.snippet}")

    @click.command()
    @click.argument("article_id")
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="Output JSON")
    def show(article_id, db, as_json):
        """Show one stored article and its extracted records."""
        from .errors import StoreError
        from .store.export import article_export

        with _open(db) as store:
            article = store.article(article_id)
            if article is None:
                raise StoreError(f"no article {article_id!r} in {db}; "
                                 "find ids with `signaal search`")
            signals = store.signals(article_id)
        obj = article_export(article, signals)
        if as_json:
            _echo_json({**obj, "published": to_dict(article)["published"], "text": article.text,
                        "provenance": to_dict(article)["provenance"]})
            return
        click.echo(f"{article.id}  {_date(article)}  {article.lang or '-'}  "
                   f"{article.source or '-'}")
        for key in ("title", "url", "source_file", "duplicate_of", "group"):
            if obj.get(key):
                click.echo(f"{key}: {obj[key]}")
        click.echo("")
        click.echo(article.text)
        for kind in ("claims", "quantities", "events", "time_expressions"):
            click.echo(f"\n{kind}: {len(obj[kind])}")
            for rec in obj[kind]:
                click.echo("  " + json.dumps({k: v for k, v in rec.items() if k != "evidence"},
                                             ensure_ascii=False))

    @click.command()
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="Output JSON")
    def stats(db, as_json):
        """Counts: articles by language, source and month; duplicates; quarantine; records."""
        with _open(db) as store:
            data = store.stats()
        if as_json:
            _echo_json(data)
            return
        for key, value in data.items():
            if isinstance(value, dict):
                click.echo(f"{key}:")
                for k, v in value.items():
                    click.echo(f"  {k}: {v}")
            else:
                click.echo(f"{key}: {value}")

    @click.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "gdelt"]),
                  default="jsonl", show_default=True)
    @click.option("-o", "--output", "out", required=True,
                  help="Output file ('-' for stdout); a directory for parquet")
    def export(db, fmt, out):
        """Export every article with its records (JSONL is the evaluation contract)."""
        with _open(db) as store:
            n = store.export(fmt, sys.stdout if out == "-" else out)
        click.echo(f"{n} articles exported to {out}", err=True)

    @click.command()
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="Output a JSON array")
    def quarantine(db, as_json):
        """List quarantined input: file, record/line, reader and reason."""
        with _open(db) as store:
            rows = [to_dict(q) for q in store.quarantine()]
        if as_json:
            _echo_json(rows)
            return
        for q in rows:
            where = q["file"] + (f":{q['record']}" if q["record"] is not None else "")
            click.echo(f"{where}\t{q['reader'] or '-'}\t{q['reason']}")

    return [ingest, search, show, stats, export, quarantine]


@hookimpl
def register_commands(cli):
    from .cli import db_option  # imported here: signaal.cli imports the plugins

    for command in _commands(db_option):
        cli.add_command(command)
