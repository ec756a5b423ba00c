"""Evaluation: score extracted records against gold annotations (ANNOTATION.md), by sentence.

``evaluate(gold_paths, system=None)`` returns a JSON-ready report: precision, recall and F1 for
claims (detection; source country; + polarity), events (type; + mode; + actors), quantities
(value; + claimant) and time expressions (detection by text; resolution accuracy), per-class
tables, event type/mode confusion, and the misses and false hits. ``counts(gold_paths)`` counts
annotations per field. ``signaal eval`` is the command line for both.
"""

from .gold import load_gold
from .run import counts, evaluate, load_system

__all__ = ["counts", "evaluate", "load_gold", "load_system"]
