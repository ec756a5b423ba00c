"""The store: articles, quarantine and extracted records; search, stats and export.

``Store(path_or_url)`` opens the backend for a path (SQLite) or ``postgresql://`` URL.
"""

from .base import SearchHit, Store, StoredQuarantine
from .ingest import IngestReport

__all__ = ["IngestReport", "SearchHit", "Store", "StoredQuarantine"]
