"""Schema changes as named, recorded functions (like sqlite-utils ``migrations.py``).

Each backend keeps one ``Migrations`` list. A migration runs once, in its own transaction, and
its name goes into the ``_migrations`` table. Released migrations are never edited: a schema
change is a new function appended at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    name: str
    fn: Callable[[Any], None]


class Migrations:
    """An ordered list of migrations; use an instance as a decorator to append one."""

    def __init__(self, backend: str):
        self.backend = backend
        self.steps: list[Migration] = []

    def __call__(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        if any(m.name == fn.__name__ for m in self.steps):
            raise ValueError(f"migration {fn.__name__} is defined twice")
        self.steps.append(Migration(fn.__name__, fn))
        return fn

    def names(self) -> list[str]:
        return [m.name for m in self.steps]

    def pending(self, applied: set[str], stop_after: Optional[str] = None) -> list[Migration]:
        """The migrations still to run, in order (up to and including ``stop_after``)."""
        unknown = applied - set(self.names())
        if unknown:
            raise StoreError(
                f"the {self.backend} store has migrations this version of signaal does not "
                f"know ({', '.join(sorted(unknown))}); upgrade signaal to open it")
        out = []
        for m in self.steps:
            if m.name not in applied:
                out.append(m)
            if m.name == stop_after:
                break
        return out
