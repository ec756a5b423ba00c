"""The seed format: a first line `` date YYYY-MM `` (or a day, year or ISO date-time), then the body.

The header may end the line or run straight into the first body sentence on the same line (as
in ``../shared/seed/``). ``Article.text`` is everything after the header (and after the one
newline ending it, if any), exactly as given.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional, Union

from ..records import Interval, Quarantined
from .build import Draft, Options, quarantine
from .dates import parse_iso
from .sources import Input, Problem, read_document

NAME = "seed"
HEADER_RE = re.compile(
    r"\A\ufeff?[ \t]*date[ \t]+"
    r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?)"
    r"(?=\s|\Z)[ \t]*(?:\r?\n)?"
)


def has_header(head: str) -> bool:
    """True when text starts with a seed ``date`` header (used to sniff ``.txt`` files)."""
    return HEADER_RE.match(head) is not None


def split(text: str) -> tuple[Optional[Interval], str, Optional[str]]:
    """(published, body, problem) of a seed document; problem names a bad header date."""
    m = HEADER_RE.match(text)
    if not m:
        return None, text, "no ' date YYYY-MM ' header on the first line"
    published = parse_iso(m.group("date"))
    if published is None:
        return None, text[m.end():], f"header date {m.group('date')!r} is not a valid date"
    return published, text[m.end():], None


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per seed file."""
    text = read_document(inp, opts.encoding, opts.max_chars)
    if isinstance(text, Problem):
        yield quarantine(inp.name, 1, NAME, text)
        return
    published, body, problem = split(text)
    if problem:
        yield quarantine(inp.name, 1, NAME, problem, text[:80])
        return
    yield Draft(text=body, record=1, published=published, extraction_method=NAME)
