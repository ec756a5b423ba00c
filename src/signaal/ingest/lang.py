"""Language of an article, as an ISO 639-1 code (``nl``, ``en``, ...).

Two stages, the first only to save time:

1. ``function_words``: when one language's frequent function words (lexicon
   ``function_words.txt``) make up a clear share of the sample and outnumber every other
   language's several times over, that language is the answer (most news articles);
2. ``lingua``: otherwise the lingua detector decides, built once, lazily (``detector()``), over
   a handful of European languages (fewer candidates: faster, fewer exotic look-alikes).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from .. import lexicon
from ..errors import ConfigError
from ..records import Article

LANGUAGES = ("DUTCH", "ENGLISH", "GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE")
SAMPLE_CHARS = 1000  # the first paragraphs decide; more text costs time and changes nothing
FAST_SAMPLE_CHARS = 600
LINGUA_SAMPLE_CHARS = 500  # lingua's cost grows with length; 500 characters settle nl/en/de/fr
MIN_CONFIDENCE = 0.5
MIN_SHARE = 0.2  # function words are a third or more of running text in nl/en news
MIN_HITS = 12
DOMINANCE = 4.0
WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def detector():
    """The one lingua detector (language models load on first use)."""
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Function words per language that has a ``function_words.txt`` lexicon."""
    out = {}
    for code in lexicon.LANGS:
        try:
            out[code] = frozenset(w.lower() for w in lexicon.load(code, "function_words.txt"))
        except ConfigError:
            continue
    return out


def by_function_words(sample: str) -> Optional[str]:
    """The language whose function words clearly dominate ``sample``, else None."""
    words = WORD_RE.findall(sample[:FAST_SAMPLE_CHARS].lower())
    if not words:
        return None
    counts = Counter(words)
    hits = sorted(((sum(counts[w] for w in fw.intersection(counts)), code)
                   for code, fw in function_words().items()), reverse=True)
    (best, code), rest = hits[0], hits[1:]
    runner_up = rest[0][0] if rest else 0
    if best >= MIN_HITS and best >= MIN_SHARE * len(words) and best >= DOMINANCE * max(runner_up, 1):
        return code
    return None


def by_lingua(sample: str) -> Optional[str]:
    """lingua's answer for ``sample``, or None when it is unsure."""
    values = detector().compute_language_confidence_values(sample[:LINGUA_SAMPLE_CHARS])
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


def detect_text(text: str) -> Optional[str]:
    """ISO 639-1 code of ``text``'s language, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return None
    return by_function_words(sample) or by_lingua(sample)


def content_sample(article: Article) -> str:
    """The article's content (teasers, captions, bylines left out), up to SAMPLE_CHARS."""
    parts, size = [], 0
    for s, e in article.content_ranges():
        parts.append(article.text[s:min(e, s + SAMPLE_CHARS - size)])
        size += len(parts[-1])
        if size >= SAMPLE_CHARS:
            break
    return "".join(parts)


def detect(article: Article) -> Optional[str]:
    """Language of an article's content (its teasers may be about anything)."""
    return detect_text(content_sample(article))
