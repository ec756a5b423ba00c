"""The ``signaal eval`` command (a plugin: registered through ``register_commands``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..hookspecs import hookimpl


@click.command("eval")
@click.option("--gold", "gold", multiple=True, type=click.Path(exists=True),
              help="Gold file (*.gold.json, JSONL) or folder; repeatable  [default: eval/gold]")
@click.option("--system", type=click.Path(exists=True, dir_okay=False),
              help="Score this export JSONL instead of running the pipeline")
@click.option("--articles", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder holding the articles the gold files name (also: next to the gold, examples/)")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON")
@click.option("--per-file", is_flag=True, help="Scores per gold article too")
@click.option("--max-errors", default=50, show_default=True, help="Misses/false hits to list (text)")
@click.option("--counts", is_flag=True, help="Print annotation counts per field (Markdown) and stop")
def eval_command(gold, system, articles, as_json, per_file, max_errors, counts):
    """Score extraction against gold annotations (P/R/F1 per record kind, matched by sentence)."""
    from . import counts as count_fields, evaluate
    from .report import counts_table, render

    gold = gold or ("eval/gold",)
    if counts:
        c = count_fields(gold)
        click.echo(json.dumps(c, indent=1) if as_json else counts_table(c))
        return
    report = evaluate(gold, system=system, articles=articles, per_file=per_file)
    click.echo(json.dumps(report, indent=1, ensure_ascii=False, default=str) if as_json
               else render(report, max_errors))


@click.command("eval-ner")
@click.option("--set", "sets", multiple=True, type=click.Choice(["conll2002-testb", "conll2002-testa", "meantime"]),
              help="Data set to score; repeatable  [default: conll2002-testb and meantime]")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with conll2002-dutch/ and meantime-dutch-clin26/ (default: ../shared/data)")
@click.option("--limit", type=int, help="Score only the first N documents of each set")
@click.option("--setting", type=click.Choice(["ner", "ner+consistency", "ner+consistency+ruler"]),
              default="ner+consistency+ruler", show_default=True,
              help="ner: the statistical model alone; + document consistency; + actor ruler (what the pipeline runs)")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON")
def eval_ner_command(sets, data, limit, setting, as_json):
    """Score the Dutch pipeline's NER on CoNLL-2002 and MEANTIME-nl (exact and overlap, per type)."""
    from .ner import evaluate_ner, render_ner

    report = evaluate_ner(tuple(sets) or ("conll2002-testb", "meantime"), data, limit, setting)
    click.echo(json.dumps(report, indent=1) if as_json else render_ner(report))


@hookimpl
def register_commands(cli):
    cli.add_command(eval_command)
    cli.add_command(eval_ner_command)
