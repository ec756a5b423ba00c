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
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

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


class _NonWordToSpace(dict):
    """``str.translate`` table, filled as characters are met: a non-word character -> space.

    A word character is exactly what the regex ``\\w`` matches (``isalnum()`` or ``_``), so
    ``text.translate(table).split()`` gives the words ``WORD_RE.findall(text)`` gives.
    """

    def __missing__(self, code: int) -> int:
        char = chr(code)
        self[code] = code if char.isalnum() or char == "_" else 32
        return self[code]


_NON_WORD = _NonWordToSpace()


def split_words(text: str) -> list[str]:
    """The runs of word characters of ``text`` (what ``WORD_RE.findall(text)`` returns).

    On ASCII text (most folded index text) translate-and-split takes half the time of the
    regex; on other text it is the slower one.
    """
    return text.translate(_NON_WORD).split() if text.isascii() else WORD_RE.findall(text)


@lru_cache(maxsize=2)  # an article's content hash and then its signature normalise it twice
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


# MurmurHash3's finalizers, (shifts, multipliers) per word size in bits.
_FMIX = {32: ((16, 13, 16), (0x85EBCA6B, 0xC2B2AE35)),
         64: ((33, 33, 33), (0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53))}


def _fmix(h):
    """MurmurHash3's finalizer over a uint32 or uint64 array: spreads crc32's structure."""
    word = h.dtype.type
    (s1, s2, s3), (m1, m2) = _FMIX[h.dtype.itemsize * 8]
    h = h ^ (h >> word(s1))
    h = h * word(m1)
    h = h ^ (h >> word(s2))
    h = h * word(m2)
    return h ^ (h >> word(s3))


def shingle_hashes(text: str, k: int = SHINGLE):
    """uint32 hashes of the word k-shingles of the normalised text (one for a shorter text).

    Built from per-word crc32 values combined in numpy rather than by hashing k-word strings:
    the same shingles, about five times faster.
    """
    import numpy as np

    words = split_words(normalise(text))
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


@dataclasses.dataclass(frozen=True)
class Bands:
    """The LSH band layout: ``b`` bands of ``r`` hash values out of ``num_perm``.

    ``b`` and ``r`` are the ones datasketch's ``MinHashLSH`` picks for the threshold (least
    false positives and negatives); two signatures share a band key when they share all ``r``
    values of that band, the rule ``MinHashLSH`` applies.
    """

    b: int
    r: int
    num_perm: int

    @classmethod
    def for_threshold(cls, threshold: float, num_perm: int) -> "Bands":
        return _layout(threshold, num_perm)

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "Bands":
        """The layout for the settings near_duplicate_threshold and minhash_perm."""
        return cls.for_threshold(float(settings["near_duplicate_threshold"]),
                                 int(settings["minhash_perm"]))

    @property
    def label(self) -> str:
        """Names the layout; stored keys are only valid for the layout they were made with."""
        return f"{self.num_perm}:{self.b}x{self.r}"

    def keys(self, signature: bytes) -> list[int]:
        """One signed 64-bit key per band, mixed from the band number and its ``r`` values.

        Integers index about three times faster than the band's bytes; a collision of two keys
        only adds a candidate, which the similarity check then drops.
        """
        import numpy as np

        values = np.frombuffer(signature, dtype="<u4")[: self.b * self.r].astype(np.uint64)
        with np.errstate(over="ignore"):  # uint64 wrap-around is intended
            h = np.arange(1, self.b + 1, dtype=np.uint64) * np.uint64(_GOLDEN64)
            for column in values.reshape(self.b, self.r).T:
                h = _fmix((h ^ column) * np.uint64(_GOLDEN64))
        return h.view(np.int64).tolist()

    def similarity(self, a: bytes, b: bytes) -> float:
        """The MinHash Jaccard estimate, the share of equal hash values (as datasketch computes it)."""
        import numpy as np

        equal = np.count_nonzero(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4"))
        return float(np.float64(equal) / np.float64(self.num_perm))


_GOLDEN64 = 0x9E3779B97F4A7C15


@lru_cache(maxsize=8)
def _layout(threshold: float, num_perm: int) -> Bands:
    """``Bands.for_threshold``, computed once: MinHashLSH finds b and r by numeric integration,
    and every ingest batch builds a Deduper."""
    lsh = _ds().MinHashLSH(threshold=threshold, num_perm=num_perm)
    return Bands(lsh.b, lsh.r, num_perm)


@dataclasses.dataclass
class _Known:
    group: str
    duplicate_of: Optional[str]


class Deduper:
    """Answers ``(duplicate_of, group)`` for articles, remembering each one it has seen.

    Candidates are the known articles sharing an LSH band key (``Bands``) with the article;
    the most similar one at or above ``threshold`` is its ``duplicate_of``.

    >>> d = Deduper()
    >>> d.check(article_a)  # doctest: +SKIP
    (None, 'a1b2...')
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 64):
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = Bands.for_threshold(threshold, num_perm)
        self._by_key: dict[int, list[str]] = {}
        self._sigs: dict[str, bytes] = {}
        self._by_hash: dict[str, str] = {}
        self._known: dict[str, _Known] = {}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> "Deduper":
        return cls(float(settings["near_duplicate_threshold"]), int(settings["minhash_perm"]))

    def __len__(self) -> int:
        return len(self._known)

    def add(self, article_id: str, sig: bytes, content_hash: Optional[str] = None,
            group: Optional[str] = None, duplicate_of: Optional[str] = None,
            keys: Optional[list[int]] = None) -> None:
        """Remember an article the store already holds (its group defaults to its own id)."""
        if article_id in self._known:
            return
        if len(sig) != 4 * self.num_perm:
            raise ValueError(f"signature of {article_id} has {len(sig) // 4} permutations, "
                             f"want {self.num_perm} (setting minhash_perm)")
        self._sigs[article_id] = sig
        for key in keys if keys is not None else self.bands.keys(sig):
            self._by_key.setdefault(key, []).append(article_id)
        if content_hash:
            self._by_hash.setdefault(content_hash, article_id)
        self._known[article_id] = _Known(group or article_id, duplicate_of)

    def seed(self, rows: Iterable[tuple]) -> "Deduper":
        """Add ``(article_id, signature[, content_hash[, group[, duplicate_of]]])`` rows."""
        for row in rows:
            self.add(*row)
        return self

    def check(self, article: Article, sig: Optional[bytes] = None,
              keys: Optional[list[int]] = None) -> tuple[Optional[str], str]:
        """(duplicate_of, group) for ``article``, which is remembered for later checks.
        ``keys`` are its band keys when the caller has them already."""
        known = self._known.get(article.id)
        if known is not None:  # re-ingesting the same input changes nothing
            return known.duplicate_of, known.group
        sig = sig if sig is not None else signature(article.text, self.num_perm)
        keys = keys if keys is not None else self.bands.keys(sig)
        dup = self._by_hash.get(article.content_hash) if article.content_hash else None
        if dup is None:
            dup = self._nearest(sig, keys)
        group = self._known[dup].group if dup else article.id
        self.add(article.id, sig, article.content_hash, group, dup, keys)
        return dup, group

    def apply(self, article: Article, sig: Optional[bytes] = None,
              keys: Optional[list[int]] = None) -> Article:
        """The article with ``duplicate_of`` and ``group`` filled in."""
        dup, group = self.check(article, sig, keys)
        return dataclasses.replace(article, duplicate_of=dup, group=group)

    def _nearest(self, sig: bytes, keys: list[int]) -> Optional[str]:
        best: Optional[tuple[float, str]] = None
        for cand in {c for key in keys for c in self._by_key.get(key, ())}:
            score = self.bands.similarity(sig, self._sigs[cand])
            # Deterministic: highest similarity, then the smallest id.
            if score >= self.threshold and (best is None or (-score, cand) < (-best[0], best[1])):
                best = (score, cand)
        return best[1] if best else None
