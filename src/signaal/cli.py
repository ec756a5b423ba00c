"""The ``signaal`` command line. Holds no logic: each command calls the Python API.

Commands come from plugins (``register_commands``); built-in ones are listed in
``signaal.plugins.DEFAULT_PLUGINS``. Exit status: 0 all ok, 1 some inputs failed (quarantined),
3 all failed; click owns 2 (usage errors).
"""

from __future__ import annotations

import functools
import logging

import click

from . import __version__
from .errors import SignaalError
from .plugins import get_plugin_manager


class _Group(click.Group):
    """Turns a SignaalError into a one-line message and exit 1, without a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SignaalError as e:
            raise click.ClickException(str(e)) from e


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="signaal")
@click.option("-v", "--verbose", count=True, help="-v for INFO, -vv for DEBUG logs on stderr")
def cli(verbose: int) -> None:
    """Signaal: who said what, which numbers, which events, when — from Dutch and English news."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def db_option(fn):
    """The shared ``--db`` option: a SQLite path or postgresql:// URL (env SIGNAAL_DB)."""

    @click.option("--db", envvar="SIGNAAL_DB", default="signaal.db", show_default=True,
                  help="Store: SQLite file path or postgresql:// URL")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


get_plugin_manager().hook.register_commands(cli=cli)
