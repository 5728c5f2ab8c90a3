"""The onrecord command end to end, on the bundled sample corpus and on bad inputs."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from onrecord.cli import app

from .conftest import ROOT, SAMPLE

runner = CliRunner()
CONTRACT_FIELDS = {"source", "status", "reason", "language", "title", "authors", "outlet", "agencies", "dateline",
                   "page_date", "published", "published_confidence", "repost_suspected", "body", "quotes",
                   "duplicate_of", "events"}
QUOTE_FIELDS = {"text", "kind", "speaker", "speaker_mention", "speaker_role", "cue", "start", "end"}


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "sample.db"
    out = invoke("ingest", db, SAMPLE)
    assert "ok" in out and "5" in out
    return db


def test_ingest_then_quotes_shows_who_said_what(sample_db):
    out = invoke("quotes", sample_db)
    assert "John Kirby" in out and "Mike Pompeo" in out
    rows = [json.loads(line) for line in invoke("quotes", sample_db, "--speaker", "Kirby", "--json").splitlines()]
    assert rows and all(r["speaker_name"] == "John Kirby" for r in rows)
    assert all(r["n_reports"] >= 1 for r in rows)
    # A repost whose true date the text cannot give is left undated rather than given the copy's date.
    assert all(r["date"] is None or r["date"] < "2024-01-01" for r in rows)


def test_quotes_date_filters(sample_db):
    since = [json.loads(l)["date"] for l in invoke("quotes", sample_db, "--since", "2014-01-01", "--json").splitlines()]
    until = [json.loads(l)["date"] for l in invoke("quotes", sample_db, "--until", "2012-01-01", "--json").splitlines()]
    assert since and all(d >= "2014-01-01" for d in since)
    assert until and all(d <= "2012-01-01" for d in until)


def test_search_finds_a_phrase(sample_db):
    hits = [json.loads(l) for l in invoke("search", sample_db, '"private citizens"', "--json").splitlines()]
    assert hits and all("[private citizens]" in h["snippet"] for h in hits)
    assert {h["kind"] for h in hits} == {"statement", "article"}


def test_actors_lists_merged_speakers(sample_db):
    names = [json.loads(l)["name"] for l in invoke("actors", sample_db, "--json").splitlines()]
    assert "John Kirby" in names and "Kirby" not in names


def test_reingesting_adds_nothing(sample_db):
    conn = sqlite3.connect(sample_db)
    before = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "quotes", "inputs")]
    out = invoke("ingest", sample_db, SAMPLE)
    after = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "quotes", "inputs")]
    assert before == after
    assert re.search(r"unchanged\s+│\s+5", out)


def test_extract_writes_one_contract_line_per_input_in_order(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE / "004_6b2d13e40b4ad724.txt", inputs / "a_story.txt")
    shutil.copy(SAMPLE / "004_6b2d13e40b4ad724.txt", inputs / "b_same_bytes.txt")
    (inputs / "c_empty.txt").write_text("")
    (inputs / "d_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (inputs / "e_feed.jsonl").write_text('{"id": "x", "text": "too short"}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    invoke("extract", inputs, "-o", out, "--quiet")
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [l["source"].rsplit("/", 1)[-1] for l in lines] == ["a_story.txt", "b_same_bytes.txt", "c_empty.txt",
                                                               "d_binary.txt", "e_feed.jsonl#x", "e_feed.jsonl#2"]
    assert [l["status"] for l in lines] == ["ok", "ok", "skipped", "skipped", "skipped", "error"]
    assert all(set(l) >= CONTRACT_FIELDS for l in lines)
    assert lines[1]["duplicate_of"] == lines[0]["source"] and lines[0]["duplicate_of"] is None
    assert lines[2]["reason"].startswith("empty_file") and lines[3]["reason"].startswith("binary_file")
    assert lines[5]["reason"].startswith("invalid_json_line")
    story = lines[0]
    assert story["quotes"] and all(set(q) >= QUOTE_FIELDS for q in story["quotes"])
    assert all(story["body"][q["start"]:q["end"]] == q["text"] for q in story["quotes"])


def test_extract_to_standard_output():
    result = runner.invoke(app, ["extract", str(SAMPLE / "000_df8be0b9fc9a8533.txt"), "-o", "-", "--quiet"])
    assert result.exit_code == 0
    [line] = [json.loads(l) for l in result.stdout.splitlines() if l.startswith("{")]
    assert line["status"] == "ok" and "Kirby" in line["body"]


@pytest.mark.parametrize("args,message", [
    (["ingest", "x.db", "no/such/path*"], "no input at"),
    (["extract", "no/such/path", "-o", "-"], "no input at"),
    (["quotes", "missing.db"], "no store at"),
    (["ingest", "x.db", "examples", "--set", "run.nope=1"], "unknown setting run.nope"),
])
def test_errors_say_what_to_do_and_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_every_command_has_help_with_an_example():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        out = invoke(name, "--help")
        assert "Example" in out, name


def test_readme_documents_every_command_and_only_real_ones():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    code = "\n".join(re.findall(r"```sh\n(.*?)```", readme, flags=re.DOTALL))
    mentioned = set(re.findall(r"^onrecord (\w+)", code, flags=re.MULTILINE))
    assert mentioned <= names, mentioned - names
    assert names <= mentioned, f"commands missing from the README: {names - mentioned}"
