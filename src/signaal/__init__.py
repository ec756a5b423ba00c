"""Signaal: evidence-linked political signals from Dutch and English news."""

__version__ = "0.1.0"

from . import extract  # noqa: E402  (callable: signaal.extract(text, date=..., lang=...))
from .ingest import read  # noqa: E402  (API re-export)
from .store import Store  # noqa: E402  (API re-export)

__all__ = ["__version__", "Store", "extract", "read"]
