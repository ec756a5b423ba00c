"""The HTTP API (FastAPI): JSON endpoints under ``/api/`` and the dashboard, one process.

``create_app(store_or_path, settings=None)`` builds the app; ``signaal serve`` runs it.
"""

from .app import create_app

__all__ = ["create_app"]
