"""LSH band keys kept in the store, so near-duplicate detection does not hold N signatures in RAM.

The ``Deduper`` (``signaal.ingest.dedup``) makes every decision. The store only narrows what it
is seeded with: per batch, the stored articles that share a band key with a new article. The
keys are the Deduper's own (``Bands``: the layout ``MinHashLSH`` picks for the threshold), so
these are exactly the candidates the Deduper would find had it been seeded with the whole
store, and the answers are the same; memory stays flat in the number of stored articles.

A low threshold makes many band matches that are not near duplicates, so the candidates are
checked against the batch first (``verified``): one that is less similar than the threshold to
every batch article it shares a band with can never be a ``duplicate_of``, and is left out.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from ..ingest.dedup import Bands


def verified(bands: Bands, rows: Iterable[tuple], batch: Mapping[int, list[bytes]],
             threshold: float) -> list[tuple]:
    """Seed rows ``(article_id, signature, content_hash, group, duplicate_of)`` of the candidate
    ``rows`` (``near_candidates`` output) at least ``threshold`` similar to a batch signature
    sharing their band key; ``batch`` maps band key -> batch signatures. Order is kept."""
    out, kept = [], set()
    for key, article_id, sig, *rest in rows:
        if article_id in kept:
            continue
        if any(bands.similarity(sig, other) >= threshold for other in batch.get(key, ())):
            kept.add(article_id)
            out.append((article_id, sig, *rest))
    return out
