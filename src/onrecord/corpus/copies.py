"""Copies and syndicated versions of one story, grouped across the corpus.

Group by key, then merge: documents that share an LSH band key are candidate copies; a candidate
pair is a copy when the smaller document's shingles are mostly contained in the larger one's (a
truncated or re-wrapped copy has a low Jaccard similarity but a high containment); copies are
joined into clusters (union-find). In each cluster the earliest copy by its credible date is the original:
the others get ``duplicate_of`` and, where the page's own date was doubtful, the original's date.
The result does not depend on the order documents arrived in.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CopyInfo:
    """What copy detection needs of a document."""

    doc_id: str
    source: str
    minhash: bytes
    published: str | None
    published_confidence: float
    repost_suspected: bool
    page_date: str | None
    seq_key: str  # tie-break: the first source, so the result does not hang on arrival order
    shingles: int = 0  # how many distinct shingles the body has


class UnionFind:
    """Disjoint sets over hashable items; the smallest item names its set."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> dict:
        out: dict = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out


def jaccard(a: bytes, b: bytes) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures (stored as uint64 bytes)."""
    sa, sb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    if len(sa) != len(sb) or not len(sa):
        return 0.0
    return float(np.count_nonzero(sa == sb)) / len(sa)


#: Below this many shingles the containment estimate is too noisy: such pairs need Jaccard >= 0.8.
MIN_SHINGLES = 30


def containment(a: CopyInfo, b: CopyInfo) -> float:
    """Estimated share of the smaller document's shingles found in the larger one.

    From the MinHash Jaccard estimate J and the shingle counts: |A and B| = J (|A| + |B|) / (1 + J).
    """
    j = jaccard(a.minhash, b.minhash)
    small = min(a.shingles, b.shingles)
    if small < MIN_SHINGLES:
        return j if j >= 0.8 else 0.0
    return min(1.0, j * (a.shingles + b.shingles) / (1 + j) / small)


def _containments(j: np.ndarray, a, b) -> np.ndarray:
    """:func:`containment` of documents with ``a`` shingles against documents with ``b`` (numbers
    or arrays that broadcast), from their MinHash Jaccard estimates ``j``: the same arithmetic,
    array-wise."""
    small = np.minimum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = np.minimum(1.0, j * (a + b) / (1 + j) / small)
    return np.where(small < MIN_SHINGLES, np.where(j >= 0.8, j, 0.0), est)


#: Members of a bucket each document is compared with (the next ones in id order).
WINDOW = 199


def group_copies(candidates: Iterable[Iterable[str]], infos: Mapping[str, CopyInfo], threshold: float) -> dict[str, list[str]]:
    """Clusters of copies: ``{cluster_id: [doc_id, ...]}`` for clusters of two or more.

    ``candidates`` are the doc ids sharing each band key; every pair in a bucket whose estimated
    :func:`containment` reaches ``threshold`` is joined. Buckets are small for real corpora; a bucket of
    thousands (boilerplate-only pages) compares each member with the next :data:`WINDOW` only.
    Each member is compared with its window in one array operation, so the cost grows with the
    members of the buckets, not with the pairs in them.
    """
    uf = UnionFind()
    sigs: dict[str, np.ndarray] = {}
    for bucket in candidates:
        ids = sorted(set(bucket))
        if len(ids) < 2:
            continue
        for d in ids:
            if d not in sigs:
                sigs[d] = np.frombuffer(infos[d].minhash, dtype=np.uint64)
        rows = [sigs[d] for d in ids]
        width = len(rows[0])
        if not width or any(len(r) != width for r in rows):
            for i, a in enumerate(ids):  # signatures of different sizes: one pair at a time
                for b in ids[i + 1:i + 1 + WINDOW]:
                    if containment(infos[a], infos[b]) >= threshold:
                        uf.union(a, b)
            continue
        sig = np.stack(rows)
        shingles = np.array([infos[d].shingles for d in ids], dtype=np.float64)
        if len(ids) <= WINDOW + 1:  # every pair is in the window: the whole bucket in one operation
            j = np.count_nonzero(sig[:, None, :] == sig[None, :, :], axis=2) / width
            hits = np.triu(_containments(j, shingles[:, None], shingles[None, :]) >= threshold, k=1)
            for a, b in zip(*np.nonzero(hits)):
                uf.union(ids[int(a)], ids[int(b)])
            continue
        for i in range(len(ids) - 1):
            end = min(len(ids), i + 1 + WINDOW)
            j = np.count_nonzero(sig[i + 1:end] == sig[i], axis=1) / width
            for k in np.flatnonzero(_containments(j, shingles[i], shingles[i + 1:end]) >= threshold):
                uf.union(ids[i], ids[i + 1 + int(k)])
    return {min(members): sorted(members) for members in uf.groups().values() if len(members) > 1}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def choose_original(members: list[CopyInfo]) -> tuple[CopyInfo, str | None, float]:
    """The original of a cluster and the story's date.

    The original is the copy with the earliest credible date (a copy flagged as a repost counts only
    by its estimated ``published`` date); ties go to the lowest source name. The story date is the
    original's date, with the best confidence any copy gives for that day.
    """
    def credible(m: CopyInfo) -> dt.date | None:
        return _day(m.published) if (m.published and m.published_confidence > 0) else None

    dated = [(credible(m), m) for m in members if credible(m) is not None]
    if dated:
        day, original = min(dated, key=lambda pair: (pair[0], pair[1].seq_key))
        conf = max(m.published_confidence for d, m in dated if d == day)
        return original, day.isoformat(), conf
    original = min(members, key=lambda m: m.seq_key)
    return original, None, 0.0
