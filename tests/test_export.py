"""Exports of filtered lists as CSV, JSON Lines and Parquet, from Python and from the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord import api
from onrecord.store.export import WHATS, export, iter_csv, iter_jsonl, records, write_parquet
from onrecord.store.db import Store
from onrecord.store.views import EXPORT_COLUMNS, Filters, FilterError
from tests.test_timeline import make_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("export") / "x.db")


@pytest.fixture(scope="module")
def store(db):
    with Store(db, readonly=True) as s:
        yield s


@pytest.mark.parametrize("what, rows", [("statements", 7), ("quotes", 8), ("actors", 7), ("events", 2),
                                        ("documents", 5)])
def test_every_format_holds_the_same_rows(store, tmp_path, what, rows):
    import pyarrow.parquet as pq

    names = [name for name, _ in EXPORT_COLUMNS[what]]
    as_json = [json.loads(line) for line in iter_jsonl(store, what)]
    as_csv = list(csv.DictReader(io.StringIO("".join(iter_csv(store, what)))))
    assert export(store, what, "parquet", tmp_path / "x.parquet") == rows
    table = pq.read_table(tmp_path / "x.parquet")
    assert len(as_json) == len(as_csv) == table.num_rows == rows
    assert list(as_json[0]) == list(as_csv[0]) == table.column_names == names
    assert [r["id"] for r in as_json] == [r["id"] for r in as_csv] == table.column("id").to_pylist()


@pytest.mark.parametrize("what, filters, expected", [
    ("statements", {"speaker": "kirby"}, 3),
    ("statements", {"outlet": "AP"}, 1),
    ("statements", {"since": "2017", "until": "2017-03"}, 2),
    ("statements", {"q": "dialogue"}, 1),
    ("quotes", {"speaker": "Kirby"}, 4),
    ("quotes", {"since": "2016-09-27"}, 3),  # the copy takes its story's date, 2016-09-26
    ("actors", {"affiliation": "nations"}, 1),
    ("actors", {"since": "2017-04"}, 1),
    ("events", {"type": "coerce"}, 1),
    ("events", {"q": "informal meetings"}, 1),
    ("documents", {"outlet": "bbc"}, 1),
    ("documents", {"speaker": "Haley"}, 1),
    ("documents", {"q": '"Copyright AP"'}, 1),
])
def test_filters_apply_to_exports(store, what, filters, expected):
    assert len(list(records(store, what, Filters.of(**filters)))) == expected


def test_lists_are_json_in_csv_and_lists_in_jsonl_and_parquet(store, tmp_path):
    import pyarrow.parquet as pq

    f = Filters(q="dialogue")
    row = next(csv.DictReader(io.StringIO("".join(iter_csv(store, "statements", f)))))
    assert json.loads(row["outlets"]) == ["AP", "Reuters"]
    assert json.loads(next(iter_jsonl(store, "statements", f)))["outlets"] == ["AP", "Reuters"]
    write_parquet(store, "statements", tmp_path / "s.parquet", f)
    assert pq.read_table(tmp_path / "s.parquet").column("outlets").to_pylist() == [["AP", "Reuters"]]
    actor = json.loads(next(iter_jsonl(store, "actors", Filters(speaker="Kirby"))))
    assert actor["roles"][0]["role"] == "State Department spokesman"
    doc = next(records(store, "documents", Filters(outlet="Reuters")))
    assert doc["repost_suspected"] is False and doc["removed"][:2] == ["Share this article", "Advertisement"]


def test_csv_keeps_hostile_text_whole(store):
    row = next(csv.DictReader(io.StringIO("".join(iter_csv(store, "quotes", Filters(speaker="Mallory"))))))
    assert row["text"] == "<b onmouseover=alert(2)>Trust me</b> & see"


def test_empty_export_still_has_a_schema(store, tmp_path):
    import pyarrow.parquet as pq

    assert export(store, "statements", "parquet", tmp_path / "e.parquet", Filters(speaker="nobody at all")) == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert "".join(iter_csv(store, "statements", Filters(speaker="nobody"))).startswith("id,date,")


@pytest.mark.parametrize("what, fmt, filters", [
    ("tweets", "csv", {}), ("statements", "xlsx", {}), ("actors", "csv", {"q": "x"}), ("documents", "csv", {"type": "X"}),
])
def test_bad_requests_raise(store, tmp_path, what, fmt, filters):
    with pytest.raises(FilterError):
        export(store, what, fmt, tmp_path / "bad", Filters.of(**filters))


@pytest.mark.parametrize("suffix, fmt", [("csv", "csv"), ("jsonl", "jsonl"), ("ndjson", "jsonl"), ("parquet", "parquet")])
def test_api_export_takes_the_format_from_the_suffix(db, tmp_path, suffix, fmt):
    out = tmp_path / f"s.{suffix}"
    assert api.export(db, "statements", None, out, speaker="Kirby") == 3
    head = out.read_bytes()[:4]
    assert (head == b"PAR1") == (fmt == "parquet")


@pytest.mark.parametrize("what", WHATS)
def test_cli_export(db, tmp_path, what):
    from typer.testing import CliRunner

    from onrecord.cli import app

    out = tmp_path / f"{what}.jsonl"
    result = CliRunner().invoke(app, ["export", str(db), "--what", what, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == len(list(records(Store(db, readonly=True), what)))


def test_cli_export_filters_and_errors(db, tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli import app

    runner = CliRunner()
    out = tmp_path / "k.csv"
    ok = runner.invoke(app, ["export", str(db), "--speaker", "Kirby", "--since", "2016-09", "-o", str(out)])
    assert ok.exit_code == 0 and len(list(csv.DictReader(out.open()))) == 3
    bad = runner.invoke(app, ["export", str(db), "--what", "actors", "--type", "CONSULT", "-o", str(out)])
    assert bad.exit_code == 2 and "does not apply" in bad.output
    stdout = runner.invoke(app, ["export", str(db), "--what", "events", "-o", "-"])
    assert stdout.exit_code == 0 and len(stdout.stdout_bytes.splitlines()) == 2


def test_package_names_stay_the_api_functions_after_every_module_is_imported():
    import importlib
    import pkgutil

    import onrecord
    from onrecord import api

    for info in pkgutil.walk_packages(onrecord.__path__, "onrecord."):
        if not info.name.startswith(("onrecord.scale", "onrecord.web")):
            importlib.import_module(info.name)
    for name in onrecord._API:
        assert getattr(onrecord, name) is getattr(api, name), name
