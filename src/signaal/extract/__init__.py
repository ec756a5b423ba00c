"""Extraction: actors, claims, quantities, time expressions and events (``pipeline`` runs them all).

The package is callable, so the one-call Python API reads ``signaal.extract(text, date=..., lang=...)``
(issue 2); the pipeline and its models load on the first call.
"""

import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, text: str, date=None, lang=None, url=None):
        """Signals for a bare text: ``signaal.extract.pipeline.extract``."""
        from .pipeline import extract

        return extract(text, date=date, lang=lang, url=url)


sys.modules[__name__].__class__ = _CallablePackage
