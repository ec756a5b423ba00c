"""The analysis API over a store: read rows once, call the pure functions.

These are what the CLI commands (``analyze/commands.py``) and other callers use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..errors import ConfigError
# Functions imported by name: the package re-exports ``contested``/``stories`` functions, which
# shadow the submodules of the same name as attributes of ``signaal.analyze``.
from .changepoint import ChangePoint, series_change_points
from .index import DyadSeries, drilldown, dyad_index
from .contested import ContestedGroup, contested
from .rows import load_articles, load_claims, load_events, load_quantities
from .stories import Story, describe, stories
from .timeline import Cut, Timeline, timeline

if TYPE_CHECKING:
    from ..store import Store

SEARCH_LIMIT = 100_000


def story_articles(store: "Store", story: int, date_from: Any = None, date_to: Any = None,
                   **options: Any) -> frozenset[str]:
    """The article ids of story number ``story`` (as ``signaal stories`` numbers them)."""
    found = stories(load_articles(store, date_from, date_to), **options)
    for s in found:
        if s.id == story:
            return frozenset(s.articles)
    raise ConfigError(f"no story {story}; there are {len(found)} (see `signaal stories`)")


def store_timeline(store: "Store", unit: str = "week", actor: Optional[str] = None,
                   dyad: Optional[tuple[str, str]] = None, story: Optional[int] = None,
                   query: Optional[str] = None, date_from: Any = None, date_to: Any = None
                   ) -> Timeline:
    """A timeline cut to an actor, dyad, story number and/or search query."""
    ids: Optional[frozenset[str]] = None
    if story is not None:
        ids = story_articles(store, story, date_from, date_to)
    if query:
        hits = frozenset(h.article.id for h in store.search(
            query, date_from=date_from, date_to=date_to, limit=SEARCH_LIMIT))
        ids = hits if ids is None else ids & hits
    cut = Cut(actor, tuple(dyad) if dyad else None, ids)
    return timeline(load_events(store, date_from, date_to), load_claims(store, date_from, date_to),
                    unit, cut)


def store_dyad(store: "Store", source: str, target: str, unit: str = "day",
               date_from: Any = None, date_to: Any = None, penalty: float = 3.0
               ) -> tuple[DyadSeries, list[ChangePoint]]:
    """The escalation series of source → target and its change points."""
    events = load_events(store, date_from, date_to)
    series = dyad_index(events, source, target, unit)
    return series, series_change_points(series, penalty)


def store_drilldown(store: "Store", source: str, target: str, bucket: str, unit: str = "day"
                    ) -> list[dict]:
    """The events and sentences behind one point of a dyad series."""
    return drilldown(load_events(store), source, target, bucket, unit)


def store_contested(store: "Store", date_from: Any = None, date_to: Any = None,
                    **options: Any) -> list[ContestedGroup]:
    """Contested stances and disputed numbers."""
    return contested(load_events(store, date_from, date_to),
                                load_quantities(store, date_from, date_to), **options)


def store_stories(store: "Store", date_from: Any = None, date_to: Any = None,
                  unit: str = "day", **options: Any) -> list[Story]:
    """Stories with their timelines and key claims."""
    found = stories(load_articles(store, date_from, date_to), **options)
    events, claims = load_events(store, date_from, date_to), load_claims(store, date_from, date_to)
    return [describe(s, events, claims, unit) for s in found]
