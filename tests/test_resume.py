"""A run killed with SIGKILL leaves a consistent store, and running again finishes the rest."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import SAMPLE

N_DOCS = 40


def make_corpus(folder):
    """Distinct articles made from the sample ones, so each is processed (no two share bytes)."""
    folder.mkdir()
    sources = sorted(SAMPLE.glob("*.txt"))
    for i in range(N_DOCS):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        (folder / f"{i:03d}.txt").write_text(text + f"\n\nFiled as item {i}.\n", encoding="utf-8")


def counts(db):
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("inputs", "documents", "quotes")}
    except sqlite3.OperationalError:
        return {"inputs": 0}
    finally:
        conn.close()


def assert_consistent(db):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute("SELECT count(*) FROM inputs WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0, "an input row points at a document that was never written"
    stray = conn.execute("SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert stray == 0
    conn.close()


@pytest.mark.slow
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "s.db"
    make_corpus(corpus)
    cmd = [sys.executable, "-m", "onrecord.cli", "ingest", str(db), str(corpus), "--quiet", "--set", "run.commit_every=2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while counts(db)["inputs"] < 6:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the run stored nothing in two minutes"
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = counts(db)
    assert 6 <= partial["inputs"] < N_DOCS
    assert_consistent(db)

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    final = counts(db)
    assert final["inputs"] == final["documents"] == N_DOCS
    assert_consistent(db)
    # Running once more adds nothing at all.
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    assert counts(db) == final
