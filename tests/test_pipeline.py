"""The stage runner: order, failure isolation, batching and worker processes."""
from __future__ import annotations

import pytest

from onrecord import config
from onrecord.errors import ConfigError
from onrecord.model import Document
from onrecord.pipeline import STAGE_ORDER, FunctionStage, build_stages, process_batch, run_stages


def docs(n: int) -> list[Document]:
    return [Document(source=f"s{i}", doc_id=f"id{i}", fmt="text", raw=f"text {i}", seq=i) for i in range(n)]


def to_body(doc):
    doc.body = doc.raw.upper()
    return doc


def fail_on_three(doc):
    if doc.source == "s3":
        raise ValueError("bad input in s3")
    doc.notes["seen"] = True
    return doc


def test_a_failing_stage_marks_only_its_document():
    out = process_batch([FunctionStage("body", to_body), FunctionStage("picky", fail_on_three)], docs(5))
    assert [d.status for d in out] == ["ok", "ok", "ok", "error", "ok"]
    assert out[3].reason.startswith("stage_failed: picky raised ValueError: bad input in s3")
    assert all(d.notes.get("seen") for d in out if d.ok)
    assert all(d.raw == "" for d in out)  # released before storing


def test_strict_re_raises():
    with pytest.raises(ValueError, match="bad input"):
        process_batch([FunctionStage("picky", fail_on_three)], docs(5), strict=True)


def test_dropped_documents_skip_later_stages():
    def drop_even(doc):
        if doc.seq % 2 == 0:
            doc.drop("not_english")
        return doc

    out = process_batch([FunctionStage("lang", drop_even), FunctionStage("body", to_body)], docs(4))
    assert [d.body for d in out] == ["", "TEXT 1", "", "TEXT 3"]
    assert [d.reason for d in out] == ["not_english", None, "not_english", None]


def test_run_stages_keeps_input_order_across_batches(settings):
    stages = [FunctionStage("body", to_body)]
    out = list(run_stages(iter(docs(50)), settings, batch_size=7, stages=stages))
    assert [d.seq for d in out] == list(range(50))


def test_stage_list_comes_from_settings():
    settings = config.resolve(['run.stages=["clean", "fingerprint"]'], environ={}, use_local_file=False)
    assert [s.name for s in build_stages(settings)] == ["clean", "fingerprint"]
    with pytest.raises(ConfigError, match="unknown stages"):
        build_stages(settings, only=["clean", "fingerprint", "sentiment"])
    with pytest.raises(ConfigError, match="must include 'clean'"):
        build_stages(settings, only=["fingerprint"])


def test_default_stages_are_the_whole_pipeline(settings):
    assert tuple(settings["run"]["stages"]) == STAGE_ORDER


@pytest.mark.slow
def test_two_worker_processes_give_the_same_documents_as_one(tmp_path, settings):
    from onrecord.readers import read_inputs

    from .conftest import SAMPLE

    one = list(run_stages(read_inputs([str(SAMPLE)], settings), settings, processes=1))
    two = list(run_stages(read_inputs([str(SAMPLE)], settings), settings, processes=2, batch_size=2))
    assert [d.to_contract() for d in one] == [d.to_contract() for d in two]
    assert all(d.ok for d in one)
