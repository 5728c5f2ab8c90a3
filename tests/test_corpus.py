"""Corpus phase: copies, actors and statements, each grouped by key and merged."""
from __future__ import annotations

import random

import pytest

from onrecord.corpus.actors import Mentioned, normalise, resolve_actors
from onrecord.corpus.copies import CopyInfo, choose_original, containment, group_copies, jaccard
from onrecord.corpus.statements import QuoteReport, group_statements
from onrecord.stages.fingerprint import band_keys, lsh_shape, shingles, signature

WORDS = ("talks nuclear envoy sanctions minister said summit missile peninsula official regime dialogue "
         "treaty border weapons visit meeting allies pressure relief deal proposal negotiators week").split()


def story(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def info(doc_id, text, published=None, conf=0.9, repost=False):
    sig = signature(text, 128, 5)
    return CopyInfo(doc_id, f"src/{doc_id}", sig.tobytes(), published, conf if published else 0.0, repost, published,
                    f"src/{doc_id}", len(shingles(text, 5)))


def buckets(infos):
    bands, rows = lsh_shape(128, 0.3)
    by_key = {}
    for i in infos.values():
        import numpy as np

        for key in band_keys(np.frombuffer(i.minhash, dtype=np.uint64), bands, rows):
            by_key.setdefault(key, []).append(i.doc_id)
    return [ids for ids in by_key.values() if len(ids) > 1]


def test_copies_found_and_different_stories_kept_apart():
    base, other = story(1), story(2)
    words = base.split()
    trimmed = " ".join(words[:240])  # truncated copy
    edited = " ".join(w if i % 25 else "changed" for i, w in enumerate(words))  # lightly edited
    wrapped = "Home News Contact " + base + " Copyright 2024 all rights reserved"  # re-wrapped
    infos = {k: info(k, t) for k, t in {"a": base, "b": trimmed, "c": edited, "d": wrapped, "e": other}.items()}
    clusters = group_copies(buckets(infos), infos, 0.7)
    assert list(clusters.values()) == [["a", "b", "c", "d"]]


def test_a_half_copy_has_low_jaccard_but_high_containment():
    base = story(11, 400)
    half = " ".join(base.split()[:200])
    a, b = info("a", base), info("b", half)
    assert jaccard(a.minhash, b.minhash) < 0.65
    assert containment(a, b) > 0.85
    assert containment(a, info("c", story(12, 400))) < 0.1
    assert group_copies(buckets({"a": a, "b": b}), {"a": a, "b": b}, 0.7) == {"a": ["a", "b"]}


def test_copy_grouping_does_not_depend_on_input_order():
    texts = {str(i): story(i // 2) for i in range(10)}  # five pairs of identical stories
    infos = {k: info(k, t) for k, t in texts.items()}
    first = group_copies(buckets(infos), infos, 0.7)
    shuffled = [list(reversed(b)) for b in reversed(buckets(infos))]
    assert group_copies(shuffled, infos, 0.7) == first
    assert len(first) == 5


def test_jaccard_estimate_is_close_to_true_overlap():
    a, b = story(5), story(6)
    assert jaccard(signature(a, 128, 5).tobytes(), signature(a, 128, 5).tobytes()) == 1.0
    assert jaccard(signature(a, 128, 5).tobytes(), signature(b, 128, 5).tobytes()) < 0.1


def test_original_is_earliest_credible_copy_and_gives_the_story_date():
    members = [info("copy", "x", published=None, repost=True),
               info("late", "x", published="2016-10-26"),
               info("wire", "x", published="2016-10-24")]
    original, day, conf = choose_original(members)
    assert original.doc_id == "wire" and day == "2016-10-24" and conf == pytest.approx(0.9)


def test_original_without_any_date_is_first_by_source():
    original, day, conf = choose_original([info("b", "x"), info("a", "x")])
    assert original.doc_id == "a" and day is None and conf == 0.0


@pytest.mark.parametrize("name,key", [
    ("John Kirby", "john kirby"),
    ("Mr. Kirby", "kirby"),
    ("the U.S. State Department", "us state department"),
    ("Kim Jong-un", "kim jong-un"),
    ("Sen. Cory Gardner", "cory gardner"),
    ("Gardner's", "gardner"),
])
def test_normalise(name, key):
    assert normalise(name) == key


def ids(key):
    return f"id:{key}"


def test_surname_joins_the_only_full_name_with_it():
    actors, key_to_id = resolve_actors([Mentioned("John Kirby", "Kirby", "State Department spokesman", "United States",
                                                  "2016-10-24"),
                                        Mentioned("Kirby", "he", None, None, "2016-10-25")], ids)
    assert [a.name for a in actors] == ["John Kirby"]
    assert key_to_id["kirby"] == key_to_id["john kirby"]
    assert actors[0].roles == [{"role": "State Department spokesman", "first": "2016-10-24", "last": "2016-10-24"}]
    assert set(actors[0].aliases) == {"Kirby"}  # "he" points at him but is no name of his


def test_four_kims_stay_apart_and_a_bare_kim_is_not_guessed():
    names = ["Kim Jong-un", "Sung Kim", "Kim Kae-gwan", "David Kim", "Kim"]
    actors, key_to_id = resolve_actors([Mentioned(n) for n in names], ids)
    assert len(actors) == 5
    assert len({key_to_id[normalise(n)] for n in names}) == 5


def test_descriptions_and_institutions_are_actors():
    actors, _ = resolve_actors([Mentioned("a senior U.S. official"), Mentioned("Congressional Research Service")], ids)
    kinds = {a.name: a.kind for a in actors}
    assert kinds == {"a senior U.S. official": "description", "Congressional Research Service": "person"} or \
        kinds["a senior U.S. official"] == "description"


def rep(qid, actor, text, date, doc="d"):
    return QuoteReport(qid, doc + qid, actor, text, "direct", date, "outlet", doc + qid)


def test_same_words_from_several_outlets_are_one_statement_dated_earliest():
    words = "We remain open to dialogue with the DPRK with the aim of returning to credible negotiations"
    groups = group_statements([
        rep("1", "kirby", words, "2016-10-25"),
        rep("2", "kirby", words.upper() + "!", "2016-10-24"),
        rep("3", "kirby", words[:60], "2016-10-26"),  # trimmed by one outlet
        rep("4", "kirby", "The Track 2 stuff is unofficial and private citizens talk", "2016-10-24"),
        rep("5", "gardner", words, "2016-10-24"),  # same words, another speaker: another statement
    ])
    sizes = sorted(len(g) for g in groups)
    assert sizes == [1, 1, 3]
    merged = next(g for g in groups if len(g) == 3)
    assert merged[0].date == "2016-10-24" and {r.quote_id for r in merged} == {"1", "2", "3"}



def test_reports_each_with_own_words_still_merge():
    """Each report has three words the other lacks, so the three rarest words of either are its own:
    probing only those would never compare the two."""
    base = "the talks will resume next month in geneva if both sides agree on an agenda first".split()
    a = base[:12] + ["reportedly", "officials", "confirmed"]
    b = base[:12] + ["perhaps", "sooner", "later"]
    groups = group_statements([rep("1", "x", " ".join(a), "2020-01-01"), rep("2", "x", " ".join(b), "2020-01-02")])
    assert [len(g) for g in groups] == [2]
