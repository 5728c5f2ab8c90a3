"""MinHash fingerprints of the body, the per-document half of copy detection.

Each signature is cut into LSH bands; documents sharing a band key are candidate copies, grouped
later in the corpus phase (``onrecord.corpus.copies``), in SQLite or as a Ray groupby alike.
"""
from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

from ..model import Document

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-shingles of ``text`` (lower-cased), as UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


@functools.lru_cache(maxsize=8)
def lsh_shape(num_perm: int, threshold: float) -> tuple[int, int]:
    """Bands and rows per band for ``num_perm`` permutations at a Jaccard ``threshold``.

    datasketch's ``MinHashLSH`` chooses them, balancing false positives and negatives.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def signature(text: str, num_perm: int, size: int) -> np.ndarray:
    """The MinHash signature (``num_perm`` values, as uint64) of the text's shingles."""
    return _minhash(shingles(text, size), num_perm)


def _minhash(grams: set[bytes], num_perm: int) -> np.ndarray:
    from datasketch import MinHash

    mh = MinHash(num_perm=num_perm)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[str]:
    """One key per LSH band: ``"<band>:<hash of the band's values>"``."""
    return [f"{b}:{hashlib.blake2b(sig[b * rows:(b + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
            for b in range(bands)]


def fingerprint(doc: Document, settings: dict) -> Document:
    """Store the body's MinHash signature, band keys and shingle count in ``doc.notes``
    (``minhash``, ``bands``, ``shingles``)."""
    cfg = settings["copies"]
    num_perm, size = int(cfg["num_perm"]), int(cfg["shingle"])
    bands, rows = lsh_shape(num_perm, float(cfg["candidate_threshold"]))
    grams = shingles(doc.body, size)
    sig = _minhash(grams, num_perm)
    doc.notes["minhash"] = sig.tobytes()
    doc.notes["shingles"] = len(grams)
    doc.notes["bands"] = band_keys(sig, bands, rows)
    return doc
