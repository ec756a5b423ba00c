"""Ingest: readers (one per format), hygiene, dates, language and dedup.

``read(paths)`` streams ``Article`` and ``Quarantined`` records; see ``core.read``.
"""

from .core import read
from .dedup import Deduper, content_hash, signature

__all__ = ["read", "Deduper", "content_hash", "signature"]
