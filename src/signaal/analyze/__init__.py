"""Analysis: timelines, dyad escalation indices, contested claims, stories, alerts, watch mode.

Pure functions over plain rows (``rows.py``) do the work; ``api.py`` reads the rows from a
``Store``; ``commands.py`` is the CLI.
"""

from .alerts import Alert, evaluate
from .contested import ContestedGroup, contested
from .index import DyadSeries, IndexPoint, drilldown, dyad_index
from .rows import ArticleRow, ClaimRow, EventRow, QuantityRow
from .rules import RuleSet, load_rules, parse_rules
from .stories import Story, stories
from .timeline import Cut, Timeline, timeline

__all__ = [
    "Alert", "ArticleRow", "ClaimRow", "ContestedGroup", "Cut", "DyadSeries", "EventRow",
    "IndexPoint", "QuantityRow", "RuleSet", "Story", "Timeline", "contested", "drilldown",
    "dyad_index", "evaluate", "load_rules", "parse_rules", "stories", "timeline",
]
