"""JSONL / NDJSON: one JSON object per line, streamed. A ``.json`` file holding one array or
object (not one per line) is read whole, within ``max_line_chars``.

A malformed line is quarantined with its line number; the good lines of the file still come.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Union

from ..records import Quarantined
from .build import Draft, Options, quarantine
from .fields import to_draft
from .sources import Input, Problem, iter_lines, read_document

NAME = "jsonl"


def _records(value: Any, number: int) -> Iterator[tuple[int, Any]]:
    if isinstance(value, list):
        yield from enumerate(value, 1)
    else:
        yield number, value


def _record(inp: Input, number: int, value: Any, opts: Options, snippet: str
            ) -> Union[Draft, Quarantined]:
    if not isinstance(value, dict):
        return quarantine(inp.name, number, NAME,
                          f"record is a JSON {type(value).__name__}, want an object", snippet)
    got = to_draft(value, number, opts, inp.name)
    return quarantine(inp.name, number, NAME, got, snippet) if isinstance(got, str) else got


def _whole_json(inp: Input, opts: Options) -> Union[Any, Problem, None]:
    """A ``.json`` file parsed whole, or None when it is not one JSON document (then: lines)."""
    text = read_document(inp, opts.encoding, opts.max_line_chars, "max_line_chars")
    if isinstance(text, Problem):
        return text
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply (issue 11)
        return None


def read(inp: Input, opts: Options) -> Iterator[Union[Draft, Quarantined]]:
    """One draft per JSON object; quarantine per bad line."""
    if inp.inner.endswith(".json"):
        whole = _whole_json(inp, opts)
        if isinstance(whole, Problem):
            yield quarantine(inp.name, None, NAME, whole)
            return
        if whole is not None:
            for number, value in _records(whole, 1):
                yield _record(inp, number, value, opts, json.dumps(value, ensure_ascii=False)[:200])
            return
    for lineno, line in iter_lines(inp, opts.encoding, opts.max_line_chars):
        if isinstance(line, Problem):
            yield quarantine(inp.name, lineno, NAME, line)
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as e:  # RecursionError: nested too deeply (issue 11)
            yield quarantine(inp.name, lineno, NAME, f"malformed JSON on line {lineno}: {e}", line)
            continue
        yield _record(inp, lineno, value, opts, line)
