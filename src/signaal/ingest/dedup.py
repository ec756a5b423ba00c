"""Duplicates: exact copies by normalised-text hash, near copies (syndication) by MinHash LSH.

``content_hash(text)`` is sha256 over text normalised for trivial differences (NFKC, case,
whitespace, quote style). ``signature(text)`` is a MinHash over word 3-shingles, as bytes the
store can persist. A ``Deduper`` is seeded with what the store already holds and then answers,
for each new article, ``(duplicate_of, group)``:

- ``duplicate_of``: the earliest known article with the same content hash, else the most similar
  known near-duplicate (Jaccard estimate >= ``near_duplicate_threshold``), else None;
- ``group``: the syndication group, named by the id of its first article (own id when alone).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

from ..records import Article

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SEED = 1  # MinHash permutation seed; stored signatures are only comparable under the same seed
SCHEME = "affine32"  # datasketch's name for uint32 values from a*h+b mod 2**32 permutations
SHINGLE = 3
# re.sub is several times faster than str.translate on non-ASCII text.
SINGLE_QUOTES = re.compile("[‘’‚‛′`´]")
DOUBLE_QUOTES = re.compile("[“”„‟″«»]")
WORD_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """NFKC, lower case, one kind of each quote, whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = DOUBLE_QUOTES.sub('"', SINGLE_QUOTES.sub("'", text))
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """sha256 hex digest of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _ds():
    # datasketch pulls in scipy (~1 s); reading files needs only content_hash.
    import datasketch

    return datasketch


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """(a, b) of the affine permutations h -> a*h + b mod 2**32 (a odd: a bijection)."""
    import numpy as np

    rng = np.random.RandomState(SEED)
    a = rng.randint(0, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.randint(0, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a[:, None], b[:, None]


def _fmix(h):
    """MurmurHash3's 32-bit finalizer over a uint32 array: spreads crc32's structure."""
    import numpy as np

    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def shingle_hashes(text: str, k: int = SHINGLE):
    """uint32 hashes of the word k-shingles of the normalised text (one for a shorter text).

    Built from per-word crc32 values combined in numpy rather than by hashing k-word strings:
    the same shingles, about five times faster.
    """
    import numpy as np

    words = WORD_RE.findall(normalise(text))
    if len(words) < k:
        return _fmix(np.array([zlib.crc32(" ".join(words).encode("utf-8"))], dtype=np.uint32))
    w = _fmix(np.fromiter((zlib.crc32(x.encode("utf-8")) for x in words), dtype=np.uint32,
                          count=len(words)))
    h = w[: len(w) - k + 1]
    for i in range(1, k):
        h = _fmix(h * np.uint32(0x9E3779B1) + w[i: len(w) - k + 1 + i])
    return h


def hashvalues(text: str, num_perm: int = 64):
    """The MinHash values of ``text``: per permutation, the least permuted shingle hash."""
    import numpy as np

    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):  # uint32 wrap-around is the modulo 2**32
        return (a * shingle_hashes(text)[None, :] + b).min(axis=1)


def minhash(text: str, num_perm: int = 64) -> LeanMinHash:
    """The MinHash of ``text``'s shingles (a datasketch LeanMinHash)."""
    return _ds().LeanMinHash(seed=SEED, hashvalues=hashvalues(text, num_perm), scheme=SCHEME)


def signature(text: str, num_perm: int = 64) -> bytes:
    """The MinHash values as bytes (little-endian uint32), for the store to keep."""
    return hashvalues(text, num_perm).astype("<u4").tobytes()


def from_signature(sig: bytes) -> LeanMinHash:
    """A MinHash back from ``signature`` bytes."""
    import numpy as np

    values = np.frombuffer(sig, dtype="<u4").astype(np.uint32)
    return _ds().LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


@dataclasses.dataclass
class _Known:
    group: str
    duplicate_of: Optional[str]


class Deduper:
    """Answers ``(duplicate_of, group)`` for articles, remembering each one it has seen.

    >>> d = Deduper()
    >>> d.check(article_a)  # doctest: +SKIP
    (None, 'a1b2...')
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 64):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = _ds().MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, LeanMinHash] = {}
        self._by_hash: dict[str, str] = {}
        self._known: dict[str, _Known] = {}

    @classmethod
    def from_settings(cls, settings: dict) -> "Deduper":
        return cls(float(settings["near_duplicate_threshold"]), int(settings["minhash_perm"]))

    def __len__(self) -> int:
        return len(self._known)

    def add(self, article_id: str, sig: bytes, content_hash: Optional[str] = None,
            group: Optional[str] = None, duplicate_of: Optional[str] = None) -> None:
        """Remember an article the store already holds (its group defaults to its own id)."""
        if article_id in self._known:
            return
        m = from_signature(sig)
        if len(m.hashvalues) != self.num_perm:
            raise ValueError(f"signature of {article_id} has {len(m.hashvalues)} permutations, "
                             f"want {self.num_perm} (setting minhash_perm)")
        self._sigs[article_id] = m
        self._lsh.insert(article_id, m)
        if content_hash:
            self._by_hash.setdefault(content_hash, article_id)
        self._known[article_id] = _Known(group or article_id, duplicate_of)

    def seed(self, rows: Iterable[tuple]) -> "Deduper":
        """Add ``(article_id, signature[, content_hash[, group[, duplicate_of]]])`` rows."""
        for row in rows:
            self.add(*row)
        return self

    def check(self, article: Article, sig: Optional[bytes] = None) -> tuple[Optional[str], str]:
        """(duplicate_of, group) for ``article``, which is remembered for later checks."""
        known = self._known.get(article.id)
        if known is not None:  # re-ingesting the same input changes nothing
            return known.duplicate_of, known.group
        sig = sig if sig is not None else signature(article.text, self.num_perm)
        m = from_signature(sig)
        dup = self._by_hash.get(article.content_hash) if article.content_hash else None
        if dup is None:
            dup = self._nearest(m)
        group = self._known[dup].group if dup else article.id
        self.add(article.id, sig, article.content_hash, group, dup)
        return dup, group

    def apply(self, article: Article, sig: Optional[bytes] = None) -> Article:
        """The article with ``duplicate_of`` and ``group`` filled in."""
        dup, group = self.check(article, sig)
        return dataclasses.replace(article, duplicate_of=dup, group=group)

    def _nearest(self, m: LeanMinHash) -> Optional[str]:
        best: Optional[tuple[float, str]] = None
        for cand in self._lsh.query(m):
            score = m.jaccard(self._sigs[cand])
            # Deterministic: highest similarity, then the smallest id.
            if score >= self.threshold and (best is None or (-score, cand) < (-best[0], best[1])):
                best = (score, cand)
        return best[1] if best else None
