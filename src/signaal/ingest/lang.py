"""Language of an article with lingua, as an ISO 639-1 code (``nl``, ``en``, ...).

The detector is built once, lazily (``detector()``), over a handful of European languages:
fewer candidates make lingua faster and less likely to pick an exotic look-alike.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..records import Article

LANGUAGES = ("DUTCH", "ENGLISH", "GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE")
SAMPLE_CHARS = 2000  # the first paragraphs decide; more text costs time and changes nothing
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def detector():
    """The one lingua detector (built on first use; building it takes about a second)."""
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).with_preloaded_language_models().build()


def detect_text(text: str) -> Optional[str]:
    """ISO 639-1 code of ``text``'s language, or None when lingua is unsure."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return None
    values = detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return values[0].language.iso_code_639_1.name.lower()


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
