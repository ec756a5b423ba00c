"""CLI plugin: ``signaal train LANG`` retrains the committed pipeline (logic in ``nlp.training``)."""

from __future__ import annotations

from pathlib import Path

import click

from ..hookspecs import hookimpl


@click.command("train")
@click.argument("lang", type=click.Choice(["nl"]))
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with conll2002-dutch/ and ud-dutch-*/ (default: ../shared/data next to the checkout)")
@click.option("--evaluate/--no-evaluate", default=True, show_default=True,
              help="Score the new model and write train/scores.json")
def train_command(lang: str, data: Path | None, evaluate: bool) -> None:
    """Retrain the LANG pipeline from the train/ recipe (about 45 minutes on 2 cores)."""
    from .training import RECIPE, retrain

    retrain(lang, data or RECIPE.parent.parent / "shared" / "data", evaluate=evaluate)


@hookimpl
def register_commands(cli):
    """Add ``train``."""
    cli.add_command(train_command)
