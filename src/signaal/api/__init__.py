"""The HTTP API (FastAPI): JSON endpoints under ``/api/`` and the dashboard, one process.

``create_app(store_or_path, settings=None)`` builds the app; ``signaal serve`` runs it.
"""

__all__ = ["create_app"]


def __getattr__(name: str):
    # FastAPI is imported on first use, so commands that never serve start fast (PEP 562).
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
