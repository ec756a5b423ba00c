"""LSH band keys kept in the store, so near-duplicate detection does not hold N signatures in RAM.

The ``Deduper`` (``signaal.ingest.dedup``) makes every decision. The store only narrows what it
is seeded with: per batch, the stored articles that share a band with a new article. The bands
are laid out as ``MinHashLSH`` lays them out for the same threshold and permutations (``b``
bands of ``r`` values from the start of the signature), so these are exactly the candidates the
Deduper's own LSH would return had it been seeded with the whole store, and the answers are
the same; memory stays flat in the number of stored articles.

A low threshold makes many band matches that are not near duplicates, so the candidates are
checked against the batch first (``verified``): one that is less similar than the threshold to
every batch article it shares a band with can never be a ``duplicate_of``, and is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np


@dataclass(frozen=True)
class Bands:
    """The band layout: ``b`` bands of ``r`` hash values out of ``num_perm``."""

    b: int
    r: int
    num_perm: int

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "Bands":
        """The layout MinHashLSH picks for the settings near_duplicate_threshold, minhash_perm."""
        from datasketch import MinHashLSH

        num_perm = int(settings["minhash_perm"])
        lsh = MinHashLSH(threshold=float(settings["near_duplicate_threshold"]), num_perm=num_perm)
        return cls(lsh.b, lsh.r, num_perm)

    @property
    def label(self) -> str:
        """Names the layout; stored keys are only valid for the layout they were made with."""
        return f"{self.num_perm}:{self.b}x{self.r}"

    def keys(self, signature: bytes) -> list[bytes]:
        """One key per band: the band number, then the band's bytes of the signature."""
        width = len(signature) // self.num_perm * self.r
        return [bytes([i]) + signature[i * width:(i + 1) * width] for i in range(self.b)]


    def similarity(self, a: bytes, b: bytes) -> float:
        """The MinHash Jaccard estimate, the share of equal hash values (as datasketch computes it)."""
        dtype = {4: "<u4", 8: "<u8"}[len(a) // self.num_perm]
        equal = np.count_nonzero(np.frombuffer(a, dtype) == np.frombuffer(b, dtype))
        return float(np.float64(equal) / np.float64(self.num_perm))


def verified(bands: Bands, rows: Iterable[tuple], batch: Mapping[bytes, list[bytes]],
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
