"""Signaal: evidence-linked political signals from Dutch and English news."""

__version__ = "0.1.0"

__all__ = ["__version__"]
