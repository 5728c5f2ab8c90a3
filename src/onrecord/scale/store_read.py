"""Reading an onrecord store into Ray Data without passing its rows through the driver.

A table is split into ranges of one ordered column (a key, or the rowid) by SQLite itself: the
driver asks only for the boundary values. Each range is one Ray Data read task, which opens the
store read-only, reads its range and builds Arrow blocks there, so the rows go from the store
straight into Ray's object store. The store is a file on the driver's machine, so the datasource
declares that it cannot be read elsewhere and Ray Data schedules its read tasks on the driver's node.

Equal values of the ordered column always fall in one range, and a task cuts its blocks only where
the ``key`` of its rows changes, so rows read in key order keep each key's rows in one block: a
function of whole blocks then groups by key without a shuffle.
"""
from __future__ import annotations

import functools
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence

import pyarrow as pa
import ray.data
from ray.data.block import BlockMetadata
from ray.data.datasource import Datasource, ReadTask

#: Rows per block a read task aims at (a block ends only where the key changes).
CHUNK = 20_000

#: A range of the ordered column: ``lo <= value < hi``; None is open.
Range = tuple[object, object]
#: ``rows(conn, lo, hi)``: the rows whose ordered column is in the range, in that column's order
#: when blocks must keep keys together.
RowsFn = Callable[[sqlite3.Connection, object, object], Iterable]


def between(expr: str, lo, hi) -> tuple[str, list]:
    """An SQL condition ``lo <= expr < hi`` (an open end left out) and its parameters."""
    terms, params = [], []
    if lo is not None:
        terms.append(f"{expr} >= ?")
        params.append(lo)
    if hi is not None:
        terms.append(f"{expr} < ?")
        params.append(hi)
    return (" AND ".join(terms) or "1"), params


def count_rows(conn: sqlite3.Connection, keys_sql: str) -> int:
    """Rows of ``keys_sql`` (a query whose one column is named ``k``)."""
    return int(conn.execute(f"SELECT count(*) FROM ({keys_sql})").fetchone()[0])


def key_ranges(conn: sqlite3.Connection, keys_sql: str, parts: int) -> list[Range]:
    """Up to ``parts`` ranges of the values of ``keys_sql`` (a query whose one column is named
    ``k``), with about as many rows each, covering every value; equal values share a range.

    SQLite numbers the sorted values and returns only those that start a range."""
    n = count_rows(conn, keys_sql)
    step = max(1, -(-n // max(1, parts)))
    starts: list = []
    if parts > 1 and n > step:
        for (value,) in conn.execute(
                f"SELECT k FROM (SELECT k, row_number() OVER (ORDER BY k) AS rn FROM ({keys_sql}))"
                " WHERE rn > 1 AND (rn - 1) % ? = 0 ORDER BY rn", (step,)):
            if value is not None and (not starts or value != starts[-1]):
                starts.append(value)
    bounds = [None, *starts, None]
    return list(zip(bounds[:-1], bounds[1:]))


def _open(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _read_range(path: str, rows: RowsFn, make: Callable[[list], pa.Table], key: Callable | None,
                chunk: int | None, lo, hi) -> Iterator[pa.Table]:
    """Read task: the blocks of one range."""
    conn = _open(path)
    try:
        block: list = []
        sent = False
        for row in rows(conn, lo, hi):
            if chunk and len(block) >= chunk and (key is None or key(row) != key(block[-1])):
                yield make(block)
                block, sent = [], True
            block.append(row)
        if block or not sent:  # an empty range still gives its (empty) block, with the schema
            yield make(block)
    finally:
        conn.close()


class StoreRanges(Datasource):
    """Ray Data datasource: ``rows`` of the store at ``path``, one read task per range."""

    def __init__(self, path: str, ranges: Sequence[Range], rows: RowsFn, make: Callable[[list], pa.Table],
                 key: Callable | None = None, chunk: int | None = CHUNK):
        super().__init__()
        self.path, self.ranges, self.rows, self.make = path, list(ranges), rows, make
        self.key, self.chunk = key, chunk

    def get_name(self) -> str:
        return "ReadStore"

    def estimate_inmemory_data_size(self) -> int | None:
        return None

    @property
    def supports_distributed_reads(self) -> bool:
        # The store is a file on the driver's machine: Ray Data reads it on the driver's node.
        return False

    def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                       data_context=None) -> list[ReadTask]:
        meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=None)
        return [ReadTask(functools.partial(_read_range, self.path, self.rows, self.make, self.key, self.chunk, lo, hi),
                         meta) for lo, hi in self.ranges]


def read_store(store, rows: RowsFn, make: Callable[[list], pa.Table], ranges: Sequence[Range], *,
               key: Callable | None = None, chunk: int | None = CHUNK):
    """A Ray dataset of ``rows`` of ``store`` (an :class:`onrecord.store.db.Store`), read on the
    driver's node one task per range, each task's rows turned into blocks of about ``chunk`` rows
    (None: one block per range) by ``make``; with ``key``, a block ends only where it changes."""
    source = StoreRanges(os.path.abspath(store.path), ranges, rows, make, key, chunk)
    return ray.data.read_datasource(source, override_num_blocks=len(source.ranges))


# -- blocks of pickled rows, and how a step reads and groups them ----------------------------------

#: Rows of a step's input up to which the step runs in one task (no shuffle). Below this a
#: group-by's shuffles cost more than the parallel merging saves: the actors step of 10,000
#: generated articles (177,000 reports) took 10.7 CPU seconds in one task, 18.9 by group-bys.
ONE_TASK_ROWS = 200_000
#: Bytes per block of a one-task step's results: the driver maps one block at a time.
RESULT_BLOCK_BYTES = 4 << 20


def pack(obj) -> bytes:
    """``obj`` pickled, for a payload column."""
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def table(columns: dict[str, list], blobs: list | None = None) -> pa.Table:
    """String columns, and the payload column ``p`` of pickled values when ``blobs`` are given."""
    data = {name: pa.array(values, pa.string()) for name, values in columns.items()}
    if blobs is not None:
        data["p"] = pa.array(blobs, pa.large_binary())
    return pa.table(data)


def empty(*names: str, payload: bool = True) -> pa.Table:
    """A table of no rows with string columns ``names`` (and the payload column)."""
    return table({n: [] for n in names}, [] if payload else None)


def payloads(batch: pa.Table) -> list:
    """The unpickled values of ``batch``'s payload column."""
    return [pickle.loads(b) for b in batch.column("p").to_pylist()]


class Plan:
    """How a step reads and groups: ``one_task_rows`` (inputs up to that many rows run in one
    task), ``chunk`` (rows per block otherwise) and ``partitions`` (groups per group-by)."""

    def __init__(self, store, partitions: int, one_task_rows: int = ONE_TASK_ROWS, chunk: int = CHUNK):
        self.store, self.partitions, self.one_task_rows, self.chunk = store, partitions, one_task_rows, chunk

    def one_task(self, n_rows: int) -> bool:
        return n_rows <= self.one_task_rows

    def read(self, keys_sql: str, rows, make, *, key=None, n_rows: int | None = None, whole=None):
        """``rows`` read one task per range of ``keys_sql``'s values; None when there are none.

        When the step is small, one task reads every row into one block and, with ``whole``,
        runs the step there too: the dataset is then ``whole``'s results, in blocks of at most
        :data:`RESULT_BLOCK_BYTES`, so the driver never maps a large one."""
        n = count_rows(self.store.conn, keys_sql) if n_rows is None else n_rows
        if not n:
            return None
        if self.one_task(n):
            if whole is None:
                return read_store(self.store, rows, make, [(None, None)], key=key, chunk=None)
            ctx = ray.data.DataContext.get_current()
            saved, ctx.target_max_block_size = ctx.target_max_block_size, RESULT_BLOCK_BYTES
            try:  # a dataset keeps the settings it was made with
                return read_store(self.store, rows, functools.partial(_then, make, whole), [(None, None)], chunk=None)
            finally:
                ctx.target_max_block_size = saved
        ranges = key_ranges(self.store.conn, keys_sql, -(-n // self.chunk))
        return read_store(self.store, rows, make, ranges, key=key, chunk=self.chunk)

    def group_map(self, ds, column: str, fn: Callable[[pa.Table], pa.Table]):
        """``fn`` applied to each group of equal ``column`` values of ``ds``, by a Ray group-by."""
        return ds.groupby(column, num_partitions=self.partitions).map_groups(fn, batch_format="pyarrow")


def _then(make: Callable, whole: Callable, rows: list) -> pa.Table:
    return whole(make(rows))


def results(ds) -> Iterator:
    """The payloads of ``ds``, streamed to the driver one block at a time and unpickled one at a
    time (a block's values all at once can be many)."""
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        for chunk in batch.column("p").chunks:
            for i in range(len(chunk)):
                yield pickle.loads(chunk[i].as_py())


__all__: Sequence[str] = ("CHUNK", "ONE_TASK_ROWS", "between", "count_rows", "key_ranges", "read_store",
                          "StoreRanges", "Plan", "pack", "table", "empty", "payloads", "results")
