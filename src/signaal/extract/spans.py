"""Evidence helpers shared by every extractor: sentence spans and Evidence records."""

from __future__ import annotations

from typing import Iterator

from ..records import Article, Evidence


def sentences(doc, article: Article) -> Iterator[tuple[int, int]]:
    """Character spans (start, end) of the doc's sentences, cut to the article's content.

    A sentence is intersected with ``article.content_ranges()``, so teasers, captions, bylines and
    subheadings never reach an extractor even when the sentence splitter glued them to content;
    whitespace at the edges is trimmed so evidence never starts with a newline.
    """
    text = article.text
    ranges = article.content_ranges()
    for sent in doc.sents:
        for r_start, r_end in ranges:
            s, e = trim(text, max(sent.start_char, r_start), min(sent.end_char, r_end))
            if s < e:
                yield s, e


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without whitespace at either edge (empty when it was all whitespace)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_of(doc, start: int) -> tuple[int, int]:
    """The (start, end) of the doc sentence holding character ``start``."""
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return sent.start_char, sent.end_char
    return start, start


def evidence(article: Article, start: int, end: int, s_start: int, s_end: int) -> Evidence:
    """An Evidence for text[start:end] inside the sentence text[s_start:s_end]."""
    text = article.text
    return Evidence(article_id=article.id, start_char=start, end_char=end, text=text[start:end],
                    sentence_start=s_start, sentence_end=s_end, sentence=text[s_start:s_end])
