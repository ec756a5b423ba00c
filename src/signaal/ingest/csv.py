"""CSV/TSV with a header row, streamed. The delimiter is the most frequent of , ; TAB | in the
header (TAB for ``.tsv``). Records keep the line number where they start.

A row with the wrong number of fields, a csv error or undecodable bytes is quarantined with its
line number; the other rows still come.
"""

from __future__ import annotations

import csv as _csv
from typing import Iterator, Union

from ..records import Quarantined
from .build import Draft, Options, quarantine
from .fields import to_draft
from .sources import Input, Problem, iter_lines

NAME = "csv"
DELIMITERS = (",", ";", "\t", "|")


def delimiter(header: str, name: str) -> str:
    """The delimiter a header line uses (``.tsv`` files: TAB)."""
    if name.endswith(".tsv"):
        return "\t"
    counts = [(header.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


class _Lines:
    """Feeds decoded lines to csv.reader; remembers which line numbers could not be decoded."""

    def __init__(self, lines: Iterator[tuple[int, Union[str, Problem]]]):
        self._lines = lines
        self.problems: dict[int, Problem] = {}
        self.lineno = 0  # the last line handed out

    def __iter__(self):
        return self

    def __next__(self) -> str:
        lineno, line = next(self._lines)
        self.lineno = lineno
        if isinstance(line, Problem):
            self.problems[lineno] = line
            return "\n"  # an empty row in its place keeps csv's line count in step
        return line


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per data row."""
    # csv's default field limit (128 KiB) is below max_line_chars; the limit is process-wide.
    _csv.field_size_limit(max(_csv.field_size_limit(), opts.max_line_chars + 1))
    lines = _Lines(iter_lines(inp, opts.encoding, opts.max_line_chars))
    first = next(lines, None)
    if first is None or not first.strip():
        problem = lines.problems.get(1)
        yield quarantine(inp.name, 1, NAME, problem or "no header row (empty first line)")
        return
    sep = delimiter(first, inp.inner)
    try:
        header = next(_csv.reader([first], delimiter=sep))
    except _csv.Error as e:  # a bare CR inside the header line: the file has no usable header
        yield quarantine(inp.name, 1, NAME, f"malformed CSV header at line 1: {e}", first[:200])
        return
    reader = _csv.reader(lines, delimiter=sep)
    prev_end = 1
    while True:
        start = prev_end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except _csv.Error as e:
            prev_end = lines.lineno
            yield quarantine(inp.name, start, NAME, f"malformed CSV at line {lines.lineno}: {e}")
            continue
        prev_end = lines.lineno
        bad = [lines.problems.pop(n) for n in range(start, prev_end + 1) if n in lines.problems]
        if bad:
            yield quarantine(inp.name, start, NAME, bad[0])
            continue
        if not row or row == [""]:
            continue
        if len(row) != len(header):
            yield quarantine(inp.name, start, NAME,
                             f"row at line {start} has {len(row)} fields, header has {len(header)}",
                             sep.join(row)[:200])
            continue
        got = to_draft(dict(zip(header, row)), start, opts, inp.name)
        yield quarantine(inp.name, start, NAME, got, sep.join(row)) if isinstance(got, str) else got
