"""Near-duplicate detection: MinHash signatures over word shingles, indexed with LSH."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from communique.defaults import DEFAULT_NEAR_DUPLICATE

NUM_PERM = 128
# The permutation scheme is fixed so that stored signatures stay comparable across versions.
SCHEME = "affine32"
SHINGLE = 5
DEFAULT_THRESHOLD = DEFAULT_NEAR_DUPLICATE

_WORD = re.compile(r"\w+")


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the text's lower-cased word 5-grams (its words, when it is shorter)."""
    words = _WORD.findall(text.lower())
    width = min(SHINGLE, len(words)) or 1
    shingles = {
        " ".join(words[i : i + width]).encode("utf-8") for i in range(len(words) - width + 1)
    }
    minhash = MinHash(num_perm=num_perm, scheme=SCHEME)
    minhash.update_batch(list(shingles) or [b""])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """A signature as stored: its hash values as little-endian 32-bit integers."""
    return minhash.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


class NearDuplicates:
    """The originals seen so far; finds the one a new text near-copies."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"a near-duplicate similarity is above 0 and at most 1: {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # The index finds candidates a little below the threshold (it cannot be built at 1.0
        # exactly); every candidate is then checked against the threshold itself.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.97), num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash

    def find(self, minhash: MinHash) -> tuple[str, float] | None:
        """The most similar stored original at or above the threshold, with its similarity."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best
