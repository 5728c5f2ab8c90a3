"""Exports of any filtered list (statements, quotes, actors, events, documents) as CSV, JSON Lines
or Parquet, with the same filters as the timeline.

CSV holds list and JSON columns as JSON text; JSON Lines holds them as JSON values; Parquet holds
lists as ``list<string>`` and JSON columns (actor roles) as JSON text. Rows are read and written in
batches, so an export of the whole store does not hold it in memory (Parquet, as a columnar file,
buffers one batch of rows per row group).
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from typing import IO, Any

from . import views
from .db import Store
from .views import EXPORT_COLUMNS, Filters, FilterError

#: Tables an export can hold.
WHATS = tuple(EXPORT_COLUMNS)
#: Formats an export can have, with their media types.
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
           "parquet": "application/vnd.apache.parquet"}
_BATCH = 5000


def _check(what: str, fmt: str) -> None:
    if what not in EXPORT_COLUMNS:
        raise FilterError(f"cannot export {what!r}; use one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise FilterError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _decode(value: Any, kind: str) -> Any:
    """A stored value as the column's type (lists and JSON decoded, booleans as bool)."""
    if value is None:
        return [] if kind == "list" else None
    if kind in ("list", "json"):
        return json.loads(value) if isinstance(value, str) else value
    if kind == "bool":
        return bool(value)
    return value


def records(store: Store, what: str, f: Filters | None = None) -> Iterator[dict]:
    """Every matching row of ``what`` as a dict, lists and JSON columns decoded."""
    _check(what, "jsonl")
    columns = EXPORT_COLUMNS[what]
    for row in views.export_rows(store, what, f or Filters()):
        yield {name: _decode(value, kind) for (name, kind), value in zip(columns, row)}


def iter_jsonl(store: Store, what: str, f: Filters | None = None) -> Iterator[str]:
    """The export as JSON Lines, one string per row (newline included)."""
    for rec in records(store, what, f):
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def _csv_cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind in ("list", "json"):
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return value


def iter_csv(store: Store, what: str, f: Filters | None = None) -> Iterator[str]:
    """The export as CSV text in chunks: a header row, then one row per record."""
    _check(what, "csv")
    columns = EXPORT_COLUMNS[what]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for i, row in enumerate(views.export_rows(store, what, f or Filters()), 1):
        writer.writerow([_csv_cell(value, kind) for (_, kind), value in zip(columns, row)])
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _arrow_schema(what: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string()), "json": pa.string()}
    return pa.schema([(name, types[kind]) for name, kind in EXPORT_COLUMNS[what]])


def write_parquet(store: Store, what: str, out: str | os.PathLike | IO[bytes], f: Filters | None = None) -> int:
    """Write the export as Parquet to ``out`` (a path or a binary file); return the row count."""
    _check(what, "parquet")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise FilterError("Parquet export needs pyarrow: pip install 'onrecord[export]'") from exc
    columns = EXPORT_COLUMNS[what]
    schema = _arrow_schema(what)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[tuple] = []

        def flush() -> None:
            cols = list(zip(*batch)) if batch else [[] for _ in columns]
            arrays = []
            for (name, kind), values in zip(columns, cols):
                if kind in ("list", "bool"):
                    values = [_decode(v, kind) for v in values]
                arrays.append(pa.array(values, type=schema.field(name).type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))

        for row in views.export_rows(store, what, f or Filters()):
            batch.append(row)
            n += 1
            if len(batch) >= _BATCH:
                flush()
                batch = []
        if batch or n == 0:
            flush()
    return n


def export(store: Store, what: str, fmt: str, out: str | os.PathLike | IO[bytes], f: Filters | None = None) -> int:
    """Write every ``what`` row matching ``f`` to ``out`` (a path or a binary file) as ``fmt``
    (``csv``, ``jsonl`` or ``parquet``); return the number of rows written."""
    _check(what, fmt)
    if fmt == "parquet":
        return write_parquet(store, what, out, f)
    own = not hasattr(out, "write")
    fh = open(out, "wb") if own else out
    n = 0
    try:
        if fmt == "jsonl":
            for n, line in enumerate(iter_jsonl(store, what, f), 1):
                fh.write(line.encode("utf-8"))
        else:
            columns = EXPORT_COLUMNS[what]
            text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([name for name, _ in columns])
            for n, row in enumerate(views.export_rows(store, what, f or Filters()), 1):
                writer.writerow([_csv_cell(value, kind) for (_, kind), value in zip(columns, row)])
            text.flush()
            text.detach()  # leave the caller's file open
    finally:
        if own:
            fh.close()
    return n
