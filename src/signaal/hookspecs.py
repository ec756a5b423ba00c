"""Extension points (pluggy hookspecs). Built-in commands and readers use the same hooks."""

import pluggy

hookspec = pluggy.HookspecMarker("signaal")
hookimpl = pluggy.HookimplMarker("signaal")


@hookspec
def register_commands(cli):
    """Add click commands to the ``signaal`` command group."""


@hookspec
def register_readers():
    """Return a list of (name, Reader) pairs for extra input formats."""
