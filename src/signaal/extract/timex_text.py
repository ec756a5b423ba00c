"""The annotation guide's sentence rule over plain text, for code that has no parsed ``Doc``.

ANNOTATION.md: sentences are split at a newline, or at ``.``/``!``/``?`` followed by optional
closing quotes and whitespace; the date header (`` date 2022-02 ``) is not a sentence. Gold anchors
are defined by this rule, so the scorer locates gold sentences with it, and the time-expression
extractor uses it when it is handed text instead of a ``Doc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends after . ! ? plus any closing quotes, when whitespace follows; or at a newline.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’»)]*(?=\s)|\n")
_HEADER = re.compile(r"\A\s*date\s+\S+[ \t]*")


@dataclass(frozen=True)
class Sent:
    """A sentence as character offsets, shaped like a spaCy span (``start_char``/``end_char``)."""

    start_char: int
    end_char: int


def header_end(text: str) -> int:
    """Where the body starts: after a leading `` date YYYY-MM `` header, else 0."""
    m = _HEADER.match(text)
    return m.end() if m else 0


def sentence_spans(text: str) -> list[Sent]:
    """The guide's sentences of ``text`` as trimmed, non-empty character spans.

    >>> [text[s.start_char:s.end_char] for s in sentence_spans(text := "Ja. “Nee!” Dus")]
    ['Ja.', '“Nee!”', 'Dus']
    """
    out: list[Sent] = []
    pos = header_end(text)
    cuts = [m.end() for m in _BOUNDARY.finditer(text, pos)] + [len(text)]
    for cut in cuts:
        s, e = pos, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sent(s, e))
        pos = max(pos, cut)
    return out


class TextDoc:
    """A stand-in for a ``Doc`` over plain text: only ``.sents`` (the guide's sentences)."""

    def __init__(self, text: str):
        self.text = text
        self.sents = sentence_spans(text)
