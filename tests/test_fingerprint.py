"""MinHash fingerprints: stable, order-free, and close for copies."""
from __future__ import annotations

import numpy as np

from onrecord.corpus.copies import jaccard
from onrecord.model import Document
from onrecord.stages.fingerprint import fingerprint, lsh_shape, shingles

TEXT = ("The United States again downplayed last week's talks between North Korean diplomats and former US "
        "nuclear negotiators as private and unofficial discussions, urging Pyongyang to demonstrate commitments.")


def fp(body: str, settings) -> Document:
    return fingerprint(Document(source="s", doc_id="d", fmt="text", body=body), settings)


def test_fingerprint_is_stable_and_banded(settings):
    a, b = fp(TEXT, settings), fp(TEXT, settings)
    assert a.notes["minhash"] == b.notes["minhash"]
    bands, rows = lsh_shape(settings["copies"]["num_perm"], settings["copies"]["candidate_threshold"])
    assert a.notes["shingles"] == len(shingles(TEXT, settings["copies"]["shingle"]))
    assert len(a.notes["bands"]) == bands and bands * rows <= settings["copies"]["num_perm"]
    assert len(np.frombuffer(a.notes["minhash"], dtype=np.uint64)) == settings["copies"]["num_perm"]


def test_case_and_punctuation_do_not_change_the_fingerprint(settings):
    a = fp(TEXT, settings)
    b = fp(TEXT.upper().replace(",", " ;"), settings)
    assert jaccard(a.notes["minhash"], b.notes["minhash"]) == 1.0


def test_short_texts_still_get_a_shingle():
    assert shingles("two words", 5) == {b"two words"}
    assert shingles("", 5) == set()
