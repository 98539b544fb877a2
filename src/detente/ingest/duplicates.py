"""Near-duplicate articles (the same wire story reprinted): MinHash over word shingles.

Each article gets a MinHash signature of its word 3-grams; signatures are cut into LSH
bands so that candidates are found by exact band matches (in the store, a join), and a
candidate counts as a reprint when the signatures estimate a Jaccard similarity of at
least THRESHOLD. With 32 bands of 2 rows, a candidate must share MIN_SHARED_BANDS of them:
pairs at similarity 0.4 do so with probability 0.97 (0.999 at 0.5), unrelated pairs (0.05)
with 0.3 % instead of the 8 % that share one band, which kept the store's lookup growing
with every article it holds (templated text and boilerplate share single bands widely).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import numpy.typing as npt

SHINGLE = 3
NUM_PERM = 64
BANDS = 32
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.4
MIN_SHARED_BANDS = 2
_PRIME = np.uint64((1 << 61) - 1)
_MAX = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20180106)  # fixed: signatures must be comparable across runs
# Multipliers span the whole field: with small ones, a*x mod p is monotone in x for most x and
# every permutation picks the same minimum. a*x wraps modulo 2**64 before the reduction mod p,
# which keeps the hash pseudo-random (as in common MinHash implementations).
_A = _rng.integers(1, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)

Signature = npt.NDArray[np.uint64]


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a text, for hashing."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch))))


def content_hash(text: str) -> str:
    """A hash of the normalised text: equal for copies that differ only in case or spacing."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


def _hash32(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")


def shingles(text: str) -> npt.NDArray[np.uint64]:
    """32-bit hashes of the text's word 3-grams (single words for very short texts)."""
    words = normalise(text).split()
    k = SHINGLE if len(words) >= SHINGLE else 1
    grams = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    return np.fromiter((_hash32(g) for g in grams), dtype=np.uint64, count=len(grams))


def signature(text: str) -> Signature:
    """The MinHash signature: per permutation, the least (a*x + b) mod p over the shingles."""
    x = shingles(text)
    if x.size == 0:
        return np.full(NUM_PERM, _MAX, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed: Signature = (np.outer(x, _A) + _B) % _PRIME
    return hashed.min(axis=0).astype(np.uint64)  # type: ignore[no-any-return]


def bands(sig: Signature) -> list[tuple[int, int]]:
    """(band number, band hash) pairs: two signatures sharing a pair are candidates."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        out.append((b, int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little")))
    return out


def similarity(a: Signature | list[int], b: Signature | list[int]) -> float:
    """Estimated Jaccard similarity of two documents from their signatures."""
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))
