"""Plain text files: the whole file is the body; the date is unknown unless ``date=`` is given."""

from __future__ import annotations

from typing import Iterator, Union

from ..records import Quarantined
from .build import Draft, Options, quarantine
from .sources import Input, Problem, read_document

NAME = "text"


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per text file."""
    text = read_document(inp, opts.encoding, opts.max_chars)
    if isinstance(text, Problem):
        yield quarantine(inp.name, 1, NAME, text)
        return
    yield Draft(text=text, record=1, extraction_method=NAME)
