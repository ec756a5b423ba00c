"""Stemmed full-text terms for the store's search index (Snowball stemmers via PyStemmer).

SQLite's FTS5 has no Dutch stemmer, so text is turned into stems here before indexing and the
query gets the same treatment: lower case, diacritics folded (``Oekraïne`` = ``Oekraine``),
split on non-word characters, stemmed per article language. When the query language is not
given, each query word matches any of its Dutch, English or unstemmed forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Optional

import Stemmer

from ..ingest.dedup import split_words
from ..records import Article

# ISO 639-1 code -> Snowball algorithm name.
STEMMERS = {"nl": "dutch", "en": "english"}
TEASER_REGION = "teasers"
_WORD = re.compile(r"\w+")
# Combining marks left by NFKD (the diacritics of Latin, Greek and Cyrillic letters).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A query is words and "quoted phrases"; any other punctuation is ignored.
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


def fold(text: str) -> str:
    """Lower case without diacritics (``Oekraïne`` -> ``oekraine``)."""
    text = text.lower()
    if text.isascii():  # most English text: nothing to fold
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return split_words(fold(text))


def query_terms(query: str) -> list[list[str]]:
    """The folded words of each word or "quoted phrase" of a search query (empty ones dropped)."""
    return [t for phrase, word in _QUERY_PART.findall(query) if (t := words(phrase or word))]


def indexed_body(article: Article) -> str:
    """The article text minus its teaser regions, so a search never matches a teaser."""
    cuts = sorted((r.start, r.end) for r in article.regions if r.kind == TEASER_REGION)
    parts, pos = [], 0
    for start, end in cuts:
        parts.append(article.text[pos:start])
        pos = max(pos, end)
    parts.append(article.text[pos:])
    return "\n".join(parts)


@dataclass
class Analyzer:
    """Stems text per language; one per store (PyStemmer objects are not thread-safe)."""

    _stemmers: dict[str, Stemmer.Stemmer] = field(default_factory=dict)

    def stems(self, tokens: list[str], lang: Optional[str]) -> list[str]:
        """``tokens`` stemmed for ``lang``; unchanged when the language has no stemmer."""
        algorithm = STEMMERS.get(lang or "")
        if algorithm is None:
            return tokens
        if lang not in self._stemmers:
            self._stemmers[lang] = Stemmer.Stemmer(algorithm)
        return self._stemmers[lang].stemWords(tokens)

    def index_text(self, text: str, lang: Optional[str]) -> str:
        """What goes into the index for ``text``: its stems, space-separated."""
        return " ".join(self.stems(words(text), lang))

    def query_forms(self, word: str, lang: Optional[str]) -> list[str]:
        """All index forms a query word may take (one per candidate language)."""
        langs: Iterable[Optional[str]] = [lang] if lang else [*STEMMERS, None]
        forms: list[str] = []
        for candidate in langs:
            stem = self.stems([word], candidate)[0]
            if stem not in forms:
                forms.append(stem)
        return forms

    def match_expression(self, query: str, lang: Optional[str] = None) -> Optional[str]:
        """An FTS5 MATCH expression: every word (or phrase) must match; None for no words."""
        clauses = []
        for phrase, word in _QUERY_PART.findall(query):
            tokens = words(phrase or word)
            if not tokens:
                continue
            if len(tokens) == 1:
                alternatives = [f'"{f}"' for f in self.query_forms(tokens[0], lang)]
            else:
                langs = [lang] if lang else [*STEMMERS, None]
                alternatives = sorted({'"' + " ".join(self.stems(tokens, c)) + '"' for c in langs})
            clauses.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(clauses) or None

    def snippet(self, article: Article, query: str, width: int = 200,
                mark: tuple[str, str] = ("[", "]")) -> str:
        """A window of the indexed text around the first query match, matches marked."""
        body = indexed_body(article)
        wanted = {f for w in words(query) for f in self.query_forms(w, article.lang)}
        spans = [m for m in _WORD.finditer(body)
                 if self.stems([fold(m.group())], article.lang)[0] in wanted]
        if not spans:
            return _shorten(body, 0, width)
        first = spans[0].start()
        start = max(0, first - width // 3)
        end = min(len(body), start + width)
        out, pos = [], start
        for m in spans:
            if m.start() < start or m.end() > end:
                continue
            out += [body[pos:m.start()], mark[0], m.group(), mark[1]]
            pos = m.end()
        out.append(body[pos:end])
        return _shorten("".join(out), 0, None, start > 0, end < len(body))


def _shorten(text: str, start: int, width: Optional[int], cut_left: bool = False,
             cut_right: bool = False) -> str:
    if width is not None:
        cut_right = len(text) > start + width
        text = text[start:start + width]
    text = " ".join(text.split())
    return ("…" if cut_left else "") + text + ("…" if cut_right else "")
