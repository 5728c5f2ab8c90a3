"""The per-document half of a run on Ray Data: read inputs and run the stages on a Ray cluster.

The plan is one Ray Data pipeline: the list of input files (small) is the source; reading is a
``map_batches`` step, so files are read in parallel by the workers; each stage is a
``map_batches`` step after it. A stage that holds a model (the spaCy stage: a class with
``setup()``) runs in an actor pool, loaded once per worker, together with the stages after it,
because those read its parse and a spaCy ``Doc`` is not worth shipping between processes. Ray fuses
the plain steps into the actors' step, so a batch crosses processes only once each way.

Documents travel as pickled :class:`~onrecord.model.Document` rows with the number of the file
they came from. Blocks come back to the driver in input order (Ray Data's ``preserve_order``) and
the driver numbers them (``seq``) exactly as :func:`onrecord.readers.read_inputs` does, so a Ray run
stores the same rows as a local one. Memory stays flat: the driver holds the list of file names and
one block at a time, and Ray's streaming executor bounds what is in flight.

Faults: an actor killed mid-batch is restarted and its batch retried (content-hash ids make a retry
write the same rows, and the driver drops any repeat). A batch that kills its worker every time is
given up after a few tries; its files are read again in the driver and their documents recorded as
``error`` with reason ``worker_failed``, as the local engine does when a worker process dies.
"""
from __future__ import annotations

import logging
import os
import pickle
import uuid
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import ray

from .. import pipeline
from ..model import ERROR, Document
from ..readers import expand_paths, reader_for
from ..readers.base import failure

#: Input files per block at most. One block is one task and one batch through the stages: 16, as
#: the local engine's batches, since spaCy parses a batch at once and each task has a fixed cost.
FILES_PER_BLOCK = 16
#: Blocks per worker at least, so that a small input is still spread over every worker.
MIN_BLOCKS_PER_WORKER = 4
#: Tries of a batch whose worker dies before it is given up and its documents recorded as failed.
BATCH_TRIES = 4

# -- the Ray session ------------------------------------------------------------------------------

def ray_settings(settings: dict) -> dict:
    """The ``[ray]`` settings when the settings have that section, else an empty dict."""
    return dict(settings.get("ray") or {})


def init_ray(settings: dict, address: str | None = None, *, num_cpus: int | None = None) -> None:
    """Join the Ray cluster at ``address``, or start Ray on this machine when none is given.

    A local Ray gets ``num_cpus`` (default: ``ray.num_cpus`` from the settings, else all cores), no
    dashboard, no usage reporting, and listens on the loopback address only. Does nothing when Ray
    is already initialised in this process (the session is reused until the process ends).
    """
    if ray.is_initialized():
        return
    # Ray would otherwise report usage to its makers over the network.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray lowers its workers' priority (nice 15) by default; here the workers are the run, and
    # should share the machine as the local engine's worker processes do.
    os.environ.setdefault("RAY_worker_niceness", "0")
    common = {"logging_level": logging.ERROR, "log_to_driver": False, "configure_logging": True}
    if address:
        ray.init(address=address, **common)
        return
    cfg = ray_settings(settings)
    cpus = int(num_cpus or cfg.get("num_cpus") or os.cpu_count() or 1)
    store_mb = int(cfg.get("object_store_mb") or 1024)
    # A one-machine Ray needs no address but the loopback one; Ray otherwise picks the machine's
    # outward address. This is the switch Ray reads for that (it is on where clusters are allowed).
    from ray._private import ray_constants

    was, ray_constants.ENABLE_RAY_CLUSTER = ray_constants.ENABLE_RAY_CLUSTER, False
    try:
        ray.init(num_cpus=cpus, include_dashboard=False, object_store_memory=store_mb * 1024 * 1024, **common)
    finally:
        ray_constants.ENABLE_RAY_CLUSTER = was


def cluster_cpus() -> int:
    """CPUs of the Ray cluster this process is connected to."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _data_context(strict: bool):
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    # A failed block is accounted for by the driver (worker_failed), unless the run is strict.
    ctx.max_errored_blocks = 0 if strict else -1
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    return ctx


# -- rows: documents as Arrow ---------------------------------------------------------------------

def _table(file_nos: Sequence[int], recs: Sequence[int], docs: Sequence[Document], known: Sequence[bool]) -> pa.Table:
    return pa.table({
        "file_no": pa.array(file_nos, pa.int64()),
        "rec": pa.array(recs, pa.int64()),
        "known": pa.array(known, pa.bool_()),
        "doc": pa.array([pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL) for d in docs], pa.large_binary()),
    })


def _docs(batch: pa.Table) -> list[Document]:
    return [pickle.loads(b) for b in batch.column("doc").to_pylist()]


def _with_docs(batch: pa.Table, docs: Sequence[Document]) -> pa.Table:
    col = pa.array([pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL) for d in docs], pa.large_binary())
    return batch.set_column(batch.schema.get_field_index("doc"), "doc", col)


# -- what is stored already ------------------------------------------------------------------------

def stored_ids(store) -> Iterator[str]:
    """The ids of the documents in ``store`` (an :class:`onrecord.store.db.Store`), streamed."""
    from ..store.db import SETTLED

    for (doc_id,) in store.conn.execute(f"SELECT id FROM documents WHERE {SETTLED}"):
        yield doc_id


def known_array(doc_ids: Iterable[str]) -> np.ndarray:
    """Stored document ids (16 hex digits each) as a sorted ``uint64`` array: 8 bytes a document."""
    arr = np.fromiter((int(i, 16) for i in doc_ids if len(i) == 16), dtype=np.uint64)
    return np.unique(arr)


def _is_known(known: np.ndarray | None, doc_id: str) -> bool:
    if known is None or not len(known) or len(doc_id) != 16:
        return False
    value = np.uint64(int(doc_id, 16))
    i = int(np.searchsorted(known, value))
    return i < len(known) and known[i] == value


_KNOWN_CACHE: dict = {}


def _known_from(ref_box: list | None) -> np.ndarray | None:
    """The known-ids array behind a boxed object ref, fetched once per worker process."""
    if not ref_box:
        return None
    ref = ref_box[0]
    key = ref.hex()
    if key not in _KNOWN_CACHE:
        _KNOWN_CACHE.clear()
        _KNOWN_CACHE[key] = ray.get(ref)
    return _KNOWN_CACHE[key]


# -- the steps ------------------------------------------------------------------------------------

def read_path(path: str, settings: dict) -> list[Document]:
    """The documents of one input file, as :func:`onrecord.readers.read_inputs` yields them (with
    ``seq`` left for the caller to number): a reader that raises leaves a ``reader_failed`` error."""
    out: list[Document] = []
    try:
        for doc in reader_for(path)(path, settings):
            out.append(doc)
    except Exception as exc:  # a reader bug must not end the run: account for the file
        out.append(failure(path, "reader_failed", f"{type(exc).__name__}: {exc}; report this with the file"))
    return out


def _read_files(batch: pa.Table, settings: dict, known_box: list | None) -> pa.Table:
    """Ray step: read the files of a block into document rows (raw text kept for the stages)."""
    known = _known_from(known_box)
    file_nos, recs, docs, flags = [], [], [], []
    for file_no, path in zip(batch.column("file_no").to_pylist(), batch.column("path").to_pylist()):
        for rec, doc in enumerate(read_path(path, settings)):
            stored = doc.ok and _is_known(known, doc.doc_id)
            if stored:
                doc.raw = ""  # stored already: the driver records its input row, nothing to run
            file_nos.append(file_no)
            recs.append(rec)
            docs.append(doc)
            flags.append(stored)
    return _table(file_nos, recs, docs, flags)


@ray.remote(num_cpus=0)
class _Tries:
    """Counts the tries of each batch in one run, across worker restarts."""

    def __init__(self) -> None:
        self.tries: dict = {}

    def hit(self, key) -> int:
        self.tries[key] = self.tries.get(key, 0) + 1
        return self.tries[key]


def _worker_failed(doc: Document) -> Document:
    doc.drop(f"worker_failed: a Ray worker died {BATCH_TRIES} times on this document's batch; "
             "run again to retry", status=ERROR)
    doc.notes["reason_code"] = "worker_failed"
    doc.raw = ""
    return doc


def _run(stages: Sequence, batch: pa.Table, strict: bool, last: bool, tries=None) -> pa.Table:
    docs = _docs(batch)
    todo = [d for d, stored in zip(docs, batch.column("known").to_pylist()) if not stored]
    if tries is not None and todo:
        # Ray retries a batch whose worker died; one that kills its worker every time is given up.
        handle, token = tries
        key = (token, batch.column("file_no")[0].as_py(), batch.column("rec")[0].as_py())
        if ray.get(handle.hit.remote(key)) > BATCH_TRIES:
            for doc in todo:
                if doc.ok:
                    _worker_failed(doc)
            todo = []
    for stage in stages:
        pipeline.apply_stage(stage, todo, strict)
    if last:
        pipeline.release(docs)
    return _with_docs(batch, docs)


def _stage_step(batch: pa.Table, stage, strict: bool, last: bool, tries=None) -> pa.Table:
    """Ray step: one plain stage (a function) over a block."""
    return _run([stage], batch, strict, last, tries)


class ModelStep:
    """Ray actor step: a stage that loads a model, set up once per worker, and the stages after it
    (they read its parse, which stays in the worker)."""

    def __init__(self, stages: Sequence, strict: bool, tries=None):
        self.stages, self.strict, self.tries = list(stages), strict, tries
        for stage in self.stages:
            stage.setup()

    def __call__(self, batch: pa.Table) -> pa.Table:
        return _run(self.stages, batch, self.strict, True, self.tries)


def _holds_model(stage) -> bool:
    return not isinstance(stage, pipeline.FunctionStage)


def add_stage_steps(ds, stages: Sequence, *, workers: int, strict: bool, tries=None):
    """Append the stages to the Ray dataset ``ds`` of document rows: each plain stage its own
    ``map_batches`` task step; the first stage that holds a model, with every stage after it, an
    actor step of ``workers`` actors. ``tries`` (a :class:`_Tries` handle and a run token) bounds
    the retries of a batch that kills its worker."""
    import ray.data

    stages = list(stages)
    first_model = next((i for i, s in enumerate(stages) if _holds_model(s)), len(stages))
    for i, stage in enumerate(stages[:first_model]):
        stage.setup()  # fails early, in the driver, on a stage that cannot start
        ds = ds.map_batches(_stage_step, batch_format="pyarrow", batch_size=None, zero_copy_batch=True,
                            fn_kwargs={"stage": stage, "strict": strict, "last": i == len(stages) - 1,
                                       "tries": tries if i == 0 else None})
    if first_model < len(stages):
        ds = ds.map_batches(ModelStep, batch_format="pyarrow", batch_size=None, zero_copy_batch=True,
                            fn_constructor_kwargs={"stages": stages[first_model:], "strict": strict,
                                                   "tries": tries if first_model == 0 else None},
                            compute=ray.data.ActorPoolStrategy(size=workers))
    return ds


def _stages_for(settings: dict, stages: list | None) -> list:
    return stages if stages is not None else pipeline.build_stages(settings)


def _workers(workers: int | None, settings: dict) -> int:
    return int(workers or ray_settings(settings).get("workers") or cluster_cpus())


def files_per_block(n_files: int, workers: int) -> int:
    """Input files per block for ``n_files`` files over ``workers`` workers: ``FILES_PER_BLOCK``,
    or fewer when that would leave a worker under ``MIN_BLOCKS_PER_WORKER`` blocks."""
    return max(1, min(FILES_PER_BLOCK, n_files // (MIN_BLOCKS_PER_WORKER * max(1, workers))))


def read_and_run_ray(paths: Sequence[str], settings: dict, *, known: Iterable[str] | None = None,
                     address: str | None = None, workers: int | None = None, strict: bool = False,
                     stages: list | None = None) -> Iterator[Document]:
    """Read ``paths`` and run the per-document stages on Ray; yield every input document in input
    order, ``seq`` numbered from 0, as ``read_inputs`` followed by ``run_stages`` would.

    ``known`` are document ids stored already: those are read (to account for their inputs) but not
    processed again. ``workers`` is the number of model actors (default: the ``ray.workers``
    setting, else every CPU of the cluster). ``stages`` replaces the stages the settings name.
    """
    files = expand_paths(paths)
    # Asked for more workers than this machine has cores: a local Ray gets that many CPUs.
    init_ray(settings, address, num_cpus=workers if workers and workers > (os.cpu_count() or 1) else None)
    _data_context(strict)
    import ray.data

    stages = _stages_for(settings, stages)
    known_arr = known_array(known) if known is not None else None
    known_box = [ray.put(known_arr)] if known_arr is not None and len(known_arr) else None
    items = [{"file_no": i, "path": p} for i, p in enumerate(files)]
    if not items:
        return
    n_workers = _workers(workers, settings)
    n_blocks = max(1, -(-len(items) // files_per_block(len(items), n_workers)))
    ds = ray.data.from_items(items, override_num_blocks=n_blocks)
    ds = ds.map_batches(_read_files, batch_format="pyarrow", batch_size=None,
                        fn_kwargs={"settings": settings, "known_box": known_box})
    handle = _Tries.remote()
    ds = add_stage_steps(ds, stages, workers=min(n_workers, n_blocks), strict=strict,
                         tries=(handle, uuid.uuid4().hex))
    try:
        yield from _in_order(ds, files, settings, known_arr)
    finally:
        ray.kill(handle)


def _in_order(ds, files: Sequence[str], settings: dict, known_arr: np.ndarray | None) -> Iterator[Document]:
    """The documents of ``ds`` in input order, numbered; files whose block was lost read again here
    and accounted for as ``worker_failed``."""
    seq, next_file, last = 0, 0, (-1, -1)

    def fill(upto: int) -> Iterator[Document]:
        # Files whose block was given up: read again here, account for each document.
        nonlocal seq
        for file_no in range(next_file, upto):
            for doc in read_path(files[file_no], settings):
                doc.seq = seq
                seq += 1
                yield _worker_failed(doc) if doc.ok and not _is_known(known_arr, doc.doc_id) else doc

    for table in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        for file_no, rec, blob in zip(table.column("file_no").to_pylist(), table.column("rec").to_pylist(),
                                      table.column("doc").to_pylist()):
            if (file_no, rec) <= last:
                continue  # a retried task's repeat
            if file_no > next_file:
                yield from fill(file_no)
            last, next_file = (file_no, rec), file_no + 1
            doc = pickle.loads(blob)
            doc.seq = seq
            seq += 1
            yield doc
    yield from fill(len(files))


def run_stages_ray(docs: Iterable[Document], settings: dict, *, address: str | None = None,
                   workers: int | None = None, strict: bool = False, stages: list | None = None,
                   window: int = 512) -> Iterator[Document]:
    """Run the per-document stages on Ray over documents already read, and yield them in input order.

    The documents are sent ``window`` at a time, so memory stays bounded however long ``docs`` is;
    prefer :func:`read_and_run_ray`, which also reads the inputs on the workers.
    """
    init_ray(settings, address)
    _data_context(strict)
    import ray.data

    stages = _stages_for(settings, stages)
    n_workers = _workers(workers, settings)
    handle = _Tries.remote()
    try:
        yield from _windows(iter(docs), stages, n_workers, strict, window, handle)
    finally:
        ray.kill(handle)


def _windows(it: Iterator[Document], stages: list, n_workers: int, strict: bool, window: int,
             handle) -> Iterator[Document]:
    import ray.data

    while True:
        chunk = [d for _, d in zip(range(window), it)]
        if not chunk:
            return
        per_block = max(1, -(-len(chunk) // (4 * n_workers)))
        blocks = [chunk[i:i + per_block] for i in range(0, len(chunk), per_block)]
        base = 0
        tables = []
        for block in blocks:
            tables.append(_table(range(base, base + len(block)), [0] * len(block), block, [False] * len(block)))
            base += len(block)
        ds = add_stage_steps(ray.data.from_arrow(tables), stages, workers=n_workers, strict=strict,
                             tries=(handle, uuid.uuid4().hex))
        got: dict[int, Document] = {}
        for table in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
            for file_no, blob in zip(table.column("file_no").to_pylist(), table.column("doc").to_pylist()):
                got[file_no] = pickle.loads(blob)
        for i, doc in enumerate(chunk):
            yield got.get(i) or _worker_failed(doc)
