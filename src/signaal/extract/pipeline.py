"""The extract pipeline: Article → Doc → Signals, pure and deterministic.

Stages, in data-flow order (each a plain function over the Doc and what came before):

1. ``nlp.parse``            sentences, tokens, lemmas, POS, parse, entities
2. ``actors.resolve``       Mentions (names, metonyms, demonyms, pronouns resolved in context)
3. ``claims.extract``       Claims (who said what, with which stance)
4. ``quantities.extract``   Quantities with their claimant
5. ``timex.extract``        TimeExpressions resolved against the article date
6. ``events.extract``       Events (PLOVER type, mode, dyad), linked to their claims

Same article + same ``EXTRACTOR`` version ⇒ same records, so the same code serves a single
process, a process pool and a Spark job.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from .. import nlp
from ..records import Article, Signals
from . import actors, claims, events, quantities, timex

log = logging.getLogger(__name__)

EXTRACTOR = "signaal.pipeline.v1"
COMPONENTS = (actors.EXTRACTOR, claims.EXTRACTOR, quantities.EXTRACTOR, timex.EXTRACTOR,
              events.EXTRACTOR)


def from_doc(doc, article: Article) -> Signals:
    """Run every extractor over an already parsed article."""
    mentions = actors.resolve(doc, article)
    found_claims = claims.extract(doc, article, mentions)
    found_quantities = quantities.extract(doc, article, found_claims)
    found_times = timex.extract(doc, article)
    found_events = events.extract(doc, article, mentions, found_claims, found_times)
    return Signals(article_id=article.id, mentions=tuple(mentions), claims=tuple(found_claims),
                   quantities=tuple(found_quantities), time_expressions=tuple(found_times),
                   events=tuple(found_events), extractor=EXTRACTOR)


def supported(article: Article) -> bool:
    """Whether the article's language has a pipeline (others are stored, not extracted)."""
    return article.lang in nlp.LANGS


def extract_article(article: Article) -> Signals:
    """All signals of one article (an empty Signals for a language without a pipeline)."""
    if not supported(article):
        log.info("article %s: no pipeline for language %r; nothing extracted", article.id, article.lang)
        return Signals(article_id=article.id, extractor=EXTRACTOR)
    return from_doc(nlp.parse(article.text, article.lang), article)


def extract_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Signals]]:
    """Signals for many articles, parsing each language in batches (``nlp.pipe``)."""
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= batch_size:
            yield from _run_batch(batch)
            batch = []
    yield from _run_batch(batch)


def _run_batch(batch: list[Article]) -> Iterator[tuple[Article, Signals]]:
    by_lang: dict[str, list[Article]] = {}
    for a in batch:
        by_lang.setdefault(a.lang if supported(a) else "", []).append(a)
    done: dict[str, Signals] = {}
    for lang, group in by_lang.items():
        if not lang:
            done.update({a.id: extract_article(a) for a in group})
            continue
        for a, doc in zip(group, nlp.pipe((a.text for a in group), lang)):
            done[a.id] = from_doc(doc, a)
    for a in batch:
        yield a, done[a.id]


def extract(text: str, date: Optional[str] = None, lang: Optional[str] = None,
            url: Optional[str] = None) -> Signals:
    """Signals for a bare text (the Python API's one-call entry point).

    >>> s = extract("Volgens de VS heeft Rusland zo'n 130.000 militairen verzameld.", date="2022-02", lang="nl")
    >>> [q.value for q in s.quantities]
    [130000]
    """
    from ..errors import InputError
    from ..ingest.build import Draft, finish
    from ..ingest.core import resolve_options

    opts = resolve_options(date, lang, None, None, None, None, None)
    article = finish(Draft(text=text, url=url, lang=opts.lang, published=opts.date), "<text>", "api", opts)
    if not isinstance(article, Article):
        raise InputError(f"text not extracted: {article.reason}")
    return extract_article(article)
