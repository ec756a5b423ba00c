"""Ingest: readers (one per format), hygiene, dates, language and dedup.

``read(paths)`` streams ``Article`` and ``Quarantined`` records (see ``core.read``). Modules:
``core`` (dispatch), ``sources`` (files, gzip, decoding, URLs), ``build`` (draft -> Article),
readers ``seed``, ``text``, ``jsonl``, ``csv``, ``html``, ``feeds``, ``warc`` (``fields`` maps
JSONL/CSV columns), ``dates``, ``hygiene``, ``lang``, ``dedup``.
"""

from .core import read
from .dedup import Deduper, content_hash, signature

__all__ = ["read", "Deduper", "content_hash", "signature"]
