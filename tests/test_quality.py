"""The quality gate: `onrecord extract` on the sample corpus, scored by the evaluation's own
scorers, must not fall below the floors in quality_floors.json (floors only ever go up)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from onrecord import api

from .conftest import ROOT, SHARED

EVAL = SHARED / "eval"
SEEDS = SHARED / "corpus" / "seeds"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists() or not SEEDS.is_dir(),
                                reason="the shared evaluation folder is not beside the checkout")


def lookup(scores: dict, dotted: str) -> float:
    value = scores
    for part in dotted.split("."):
        value = value[part]
    return value


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    out = tmp_path_factory.mktemp("quality") / "seeds.jsonl"
    api.extract([str(SEEDS)], str(out))
    return out


def run_scorer(script: str, gold, predictions) -> dict:
    done = subprocess.run([sys.executable, str(EVAL / script), str(gold), str(predictions), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_seed_is_processed(predictions):
    lines = [json.loads(l) for l in predictions.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(list(SEEDS.glob("*.txt")))
    assert all(l["status"] == "ok" for l in lines)


@pytest.mark.parametrize("metric", sorted(FLOORS["score"]))
def test_sample_corpus_scores_stay_above_floors(predictions, metric):
    scores = run_scorer("score.py", EVAL / "dev" / "gold", predictions)
    assert lookup(scores, metric) >= FLOORS["score"][metric], f"{metric} fell below its floor: {scores}"


@pytest.mark.parametrize("metric", sorted(FLOORS["events"]))
def test_sample_corpus_event_scores_stay_above_floors(predictions, metric):
    scores = run_scorer("score_events.py", EVAL / "dev" / "gold", predictions)
    assert lookup(scores, metric) >= FLOORS["events"][metric], f"{metric} fell below its floor: {scores}"
