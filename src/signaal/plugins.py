"""The plugin manager. Built-ins are plugins too (like Datasette's DEFAULT_PLUGINS)."""

from __future__ import annotations

import importlib
from functools import lru_cache

import pluggy

from . import hookspecs

# Each module here defines hookimpls; order is the order of `signaal --help`.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "signaal.commands",
    "signaal.nlp.commands",
    "signaal.eval.cli",
    "signaal.api.commands",
    "signaal.analyze.commands",
    "signaal.spark_cli",
)


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The one plugin manager: built-ins, then setuptools entry points of group ``signaal``."""
    pm = pluggy.PluginManager("signaal")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name)
    pm.load_setuptools_entrypoints("signaal")
    return pm
