"""The Ray engine gives the store and the extract output of the local engine, and loses nothing when
a worker dies. Starts a local Ray with 2 CPUs; skipped when the ray extra is not installed."""
from __future__ import annotations

import json
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from onrecord import api, config, pipeline

from .conftest import SAMPLE

ROOT = pathlib.Path(__file__).resolve().parents[1]
NEEDS_RAY = "the Ray engine needs the ray extra: pip install 'onrecord[ray]'"

#: Tables compared between engines (the runs table differs by its timings and settings only).
TABLES = ("inputs", "documents", "bands", "mentions", "quotes", "event_mentions", "actors", "statements", "events")

PEOPLE = [("Maria Santos", "foreign minister", "Brazil"), ("Kofi Mensah", "trade envoy", "Ghana"),
          ("Elena Petrova", "energy minister", "Russia"), ("Ravi Sharma", "finance secretary", "India")]
TOPICS = ["the grain export deal", "fishing rights in the gulf", "a new power line", "tariffs on steel"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


WORDS = ("council budget river market school harbour bridge winter summer village doctor nurse teacher farmer "
         "railway station museum library garden factory worker union mayor election court judge police report "
         "storm flood drought harvest price wage rent housing road tunnel airport ferry festival choir team "
         "league match coach player season record crowd ticket stadium office company board plan vote law").split()


def chain(n: int = 4) -> list[str]:
    """Texts each sharing three of its four paragraphs with the next, so that neighbours are copies
    but the ends are not: grouping them takes joining clusters found in different LSH buckets."""
    rng = random.Random(5)
    parts = []
    for _ in range(n + 3):
        words: list[str] = []
        while len(words) < 70:
            words += [rng.choice(WORDS) for _ in range(8)] + ["said", "officials", "on", "Monday."]
        parts.append(" ".join(words).capitalize())
    return [f"Town notes part {i}\n\n" + "\n\n".join(parts[i:i + 4]) + "\n" for i in range(n)]


def article(i: int) -> str:
    """A short wire-style article, different for each ``i``: headline, dateline, quotes, a date."""
    name, role, country = PEOPLE[i % len(PEOPLE)]
    other = PEOPLE[(i + 1) % len(PEOPLE)][0]
    topic, day = TOPICS[(i // 2) % len(TOPICS)], DAYS[i % len(DAYS)]
    surname = name.split()[-1]
    return (f"{country} and partners talk about {topic} ({i})\n\n"
            f"March {3 + i}, 2024\n\n"
            f"GENEVA (Reuters) - {country}'s {role} {name} said on {day} that talks on {topic} had moved forward "
            f"after {6 + i} hours of meetings with delegations from {4 + i % 5} countries.\n\n"
            f"\"We have made progress on {topic}, but we are not there yet,\" {surname} told reporters. "
            f"\"Round {i} of these talks will not be the last.\"\n\n"
            f"{other} said the proposal on {topic} would need changes before it could be signed, and that "
            f"officials would meet again within {2 + i % 3} weeks.\n\n"
            f"{surname} met {other} in Geneva on {day} and the two agreed to keep talking about {topic}.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> pathlib.Path:
    """Varied inputs: real samples, generated articles, a near copy, a chain of copies, the same bytes
    under two names, an empty file, a binary file and a JSON Lines file of three records."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SAMPLE.iterdir()):
        shutil.copy(path, folder / path.name)
    for i in range(10):
        (folder / f"gen_{i:02d}.txt").write_text(article(i), encoding="utf-8")
    (folder / "gen_03_repost.txt").write_text("Home | World | Sign in\n\n" + article(3) + "\nRead more stories\n",
                                              encoding="utf-8")
    shutil.copy(folder / "gen_05.txt", folder / "gen_05_same_bytes.txt")
    for i, text in enumerate(chain()):
        (folder / f"chain_{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with open(folder / "wire.jsonl", "w", encoding="utf-8") as fh:
        for i in (11, 12, 13):
            fh.write(json.dumps({"id": f"w{i}", "text": article(i), "url": f"https://example.org/{i}"}) + "\n")
    return folder


@pytest.fixture(scope="module")
def ray_session():
    pytest.importorskip("ray", reason=NEEDS_RAY)
    import ray

    from onrecord.scale.ray import init_ray

    init_ray(config.defaults(), num_cpus=2)
    # Stages defined in this file travel to the workers by value (the workers cannot import tests).
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.shutdown()


def rows(db: pathlib.Path) -> dict[str, list[tuple]]:
    """Every row of the compared tables, in primary-key order."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in TABLES}
    finally:
        conn.close()


def inputs(db: pathlib.Path) -> dict[str, tuple[str, str | None]]:
    """Each input's status and reason."""
    return {r[0]: (r[4], r[5]) for r in rows(db)["inputs"]}


def ingest(db: pathlib.Path, corpus: pathlib.Path, **kw) -> dict:
    report = api.ingest(db, [str(corpus)], settings=config.defaults(), **kw)
    return {"documents": report.documents, "counts": report.counts, "reasons": report.reasons,
            "corpus": report.corpus}


@pytest.fixture(scope="module")
def local_run(corpus, tmp_path_factory):
    """The local engine's store and summary, for the Ray runs to match."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    return db, ingest(db, corpus)


def with_stage(monkeypatch, stage, after: str) -> None:
    """Make ``build_stages`` insert ``stage`` after the stage named ``after`` (both engines build
    their stages in this process, the Ray engine before shipping them to the workers)."""
    build = pipeline.build_stages

    def patched(settings, only=None):
        stages = build(settings, only)
        at = next(i for i, s in enumerate(stages) if s.name == after) + 1
        return stages[:at] + [stage] + stages[at:]

    monkeypatch.setattr(pipeline, "build_stages", patched)


def test_default_engine_imports_no_ray():
    code = "import sys, onrecord, onrecord.cli, onrecord.api; sys.exit('ray' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


@pytest.mark.ray
@pytest.mark.parametrize("workers", [2])
def test_ray_ingest_equals_local(ray_session, corpus, local_run, tmp_path, workers):
    local_db, local_summary = local_run
    db = tmp_path / "ray.db"
    summary = ingest(db, corpus, engine="ray", processes=workers)
    assert summary == local_summary
    assert summary["counts"].get("unchanged") == 1 and summary["reasons"] == {"empty_file": 1, "binary_file": 1}
    assert summary["corpus"]["copies"] >= 1
    conn = sqlite3.connect(local_db)
    chained = conn.execute("SELECT count(DISTINCT cluster_id), count(*) FROM documents WHERE source LIKE ?",
                           (f"%{os.sep}chain_%",)).fetchone()
    conn.close()
    assert chained == (1, 4), "the chained copies should make one cluster"
    got, want = rows(db), rows(local_db)
    for table in TABLES:
        assert got[table] == want[table], table
    # Again: nothing new is processed, and the store does not change.
    again = ingest(db, corpus, engine="ray", processes=workers)
    assert again["counts"] == {"unchanged": summary["documents"] - 2, "skipped": 2}
    assert {t: v for t, v in rows(db).items() if t != "inputs"} == {t: v for t, v in want.items() if t != "inputs"}


@pytest.mark.ray
@pytest.mark.parametrize("workers", [1])
def test_ray_extract_equals_local(ray_session, corpus, workers):
    settings = config.defaults()
    _, local_lines = api.extract_documents([str(corpus)], settings=settings)
    _, ray_lines = api.extract_documents([str(corpus)], settings=settings, engine="ray", processes=workers)
    assert [line["source"] for line in ray_lines] == [line["source"] for line in local_lines]
    assert ray_lines == local_lines


def _kill_once(doc, marker=None):
    """Stage: SIGKILL this worker process the first time it sees the marked article."""
    if "Round 7 of these talks" in doc.body and not os.path.exists(marker):
        pathlib.Path(marker).write_text(str(os.getpid()))
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def _kill_always(doc, marker=None):
    """Stage: SIGKILL this worker process whenever it sees the marked article."""
    if "Round 7 of these talks" in doc.body:
        with open(marker, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def _raise_on_marked(doc):
    """Stage: fail on one article, as a stage bug would."""
    if "Round 4 of these talks" in doc.body:
        raise ValueError("cannot code this sentence")
    return doc


@pytest.mark.ray
def test_ray_worker_killed_mid_run_loses_and_duplicates_nothing(ray_session, corpus, local_run, tmp_path,
                                                                 monkeypatch):
    marker = tmp_path / "killed"
    with_stage(monkeypatch, pipeline.FunctionStage("kill", _kill_once, str(marker)), after="entities")
    db = tmp_path / "ray.db"
    summary = ingest(db, corpus, engine="ray", processes=2)
    assert marker.exists(), "the worker was not killed"
    local_db, local_summary = local_run
    assert summary == local_summary
    assert rows(db) == rows(local_db)


@pytest.mark.ray
def test_ray_batch_that_always_kills_its_worker_is_accounted_for(ray_session, corpus, local_run, tmp_path,
                                                                  monkeypatch):
    from onrecord.scale.ray import BATCH_TRIES

    marker = tmp_path / "kills"
    with_stage(monkeypatch, pipeline.FunctionStage("kill", _kill_always, str(marker)), after="entities")
    db = tmp_path / "ray.db"
    summary = ingest(db, corpus, engine="ray", processes=2)
    assert len(marker.read_text().split()) == BATCH_TRIES
    local_db, local_summary = local_run
    assert summary["documents"] == local_summary["documents"]
    assert sum(summary["counts"].values()) == summary["documents"]
    got, want = inputs(db), inputs(local_db)
    assert got.keys() == want.keys()
    failed = {source for source, (status, reason) in got.items() if (reason or "").startswith("worker_failed: ")}
    assert str(corpus / "gen_07.txt") in failed
    assert 1 <= len(failed) <= 10  # the inputs of one block of files
    assert all(got[source][0] == "error" for source in failed)
    assert {s: v for s, v in got.items() if s not in failed} == {s: v for s, v in want.items() if s not in failed}
    # As the reason says, the next run retries those inputs (and only those) and completes the store.
    monkeypatch.undo()
    again = ingest(db, corpus, engine="ray", processes=2)
    stored_before = sum(1 for s, (status, _) in want.items() if s not in failed and status == "ok")
    assert again["counts"]["unchanged"] >= stored_before  # nothing stored before was processed again
    assert inputs(db) == want
    assert {t: r for t, r in rows(db).items() if t != "inputs"} == \
        {t: r for t, r in rows(local_db).items() if t != "inputs"}


@pytest.mark.ray
def test_ray_input_failing_in_a_worker_fails_alone_as_in_local(ray_session, corpus, tmp_path, monkeypatch):
    with_stage(monkeypatch, pipeline.FunctionStage("fragile", _raise_on_marked), after="quotes")
    local = ingest(tmp_path / "local.db", corpus)
    ray_summary = ingest(tmp_path / "ray.db", corpus, engine="ray", processes=2)
    assert local["reasons"].get("stage_failed") == 1
    assert ray_summary == local
    assert rows(tmp_path / "ray.db") == rows(tmp_path / "local.db")
    conn = sqlite3.connect(tmp_path / "ray.db")
    status, reason = conn.execute("SELECT status, reason FROM inputs WHERE source = ?",
                                  (str(corpus / "gen_04.txt"),)).fetchone()
    assert status == "error" and reason.startswith("stage_failed: fragile raised ValueError")


@pytest.mark.ray
@pytest.mark.parametrize("one_task_rows, chunk", [(0, 3), (0, 20_000), (10 ** 9, 3)])
def test_ray_corpus_phase_equals_local_by_either_path(ray_session, local_run, tmp_path, one_task_rows, chunk):
    """The corpus phase gives the local engine's rows whether each step runs in one task or is
    read in many small ranges and grouped across the cluster."""
    from onrecord.scale.corpus import run_corpus_phase_ray
    from onrecord.store.db import Store

    local_db, local_summary = local_run
    db = tmp_path / "copy.db"
    shutil.copy(local_db, db)
    with Store(db) as store:
        with store.conn:  # start from a store whose corpus tables are stale
            for table in ("actors", "statements", "events"):
                store.conn.execute(f"DELETE FROM {table}")
            store.conn.execute("UPDATE documents SET cluster_id = NULL, duplicate_of = NULL")
        counts = run_corpus_phase_ray(store, config.defaults(), one_task_rows=one_task_rows, chunk=chunk)
    assert counts == local_summary["corpus"]
    got, want = rows(db), rows(local_db)
    for table in TABLES:
        assert got[table] == want[table], table


def _key_table(rows: list) -> "object":
    import pyarrow as pa

    return pa.table({"k": pa.array([r[0] for r in rows], pa.string()), "v": pa.array([r[1] for r in rows], pa.int64())})


def _keyed_rows(conn, lo, hi):
    from onrecord.scale.store_read import between

    where, params = between("k", lo, hi)
    return conn.execute(f"SELECT k, v FROM t WHERE {where} ORDER BY k, v", params)


@pytest.mark.ray
@pytest.mark.parametrize("keys, parts, chunk", [
    (["a"] * 9, 4, 2),                      # one key: one range, one block
    (list("aabbbbbcdddddddde"), 4, 3),      # runs longer than a range
    ([f"k{i:03d}" for i in range(50)], 7, 4),
    (list("ab"), 10, 1),                    # more parts than rows
])
def test_store_read_keeps_each_key_in_one_block(ray_session, tmp_path, keys, parts, chunk):
    from onrecord.scale.store_read import key_ranges, read_store
    from onrecord.store.db import Store

    db = tmp_path / "keys.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (k TEXT, v INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(k, i) for i, k in enumerate(keys)])
    conn.commit()
    conn.close()
    with Store(db) as store:
        ranges = key_ranges(store.conn, "SELECT k AS k FROM t", parts)
        assert 1 <= len(ranges) <= parts
        ds = read_store(store, _keyed_rows, _key_table, ranges, key=lambda r: r[0], chunk=chunk)
        blocks = [b.column("k").to_pylist() for b in ds.iter_batches(batch_size=None, batch_format="pyarrow")]
    blocks = [b for b in blocks if b]
    assert sorted(k for b in blocks for k in b) == sorted(keys)  # every row once
    owner: dict[str, int] = {}
    for i, block in enumerate(blocks):
        assert block == sorted(block)
        for k in block:
            assert owner.setdefault(k, i) == i, f"key {k} is split between blocks"


@pytest.mark.parametrize("n_files, workers, per_block", [
    (10_000, 2, 16),   # a large input: blocks as large as the local engine's batches
    (128, 2, 16),
    (100, 2, 12),      # fewer files: smaller blocks, still four per worker
    (18, 2, 2),
    (5, 4, 1),
    (1, 2, 1),
    (0, 2, 1),
])
def test_files_per_block_is_capped_and_spreads_small_inputs(n_files, workers, per_block):
    from onrecord.scale.ray import MIN_BLOCKS_PER_WORKER, files_per_block

    assert files_per_block(n_files, workers) == per_block
    if n_files >= MIN_BLOCKS_PER_WORKER * workers:
        assert -(-n_files // per_block) >= MIN_BLOCKS_PER_WORKER * workers
