"""Runs the per-document stages, in this process or in a pool of worker processes.

A stage is a function ``Document -> Document`` (wrapped in :class:`FunctionStage`) or an object
with ``name``, ``setup()`` and ``__call__`` (and optionally ``process_batch``, used by the spaCy
stage to parse a batch at once). One bad document never stops a run: an exception inside a stage
marks that document ``error`` with reason ``stage_failed`` and the run goes on; ``strict=True``
re-raises instead (the tests use it).
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import multiprocessing
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence

from .errors import ConfigError
from .model import ERROR, Document

#: The per-document stages in the order they run.
STAGE_ORDER = ("clean", "language", "metadata", "entities", "quotes", "events", "fingerprint")


class FunctionStage:
    """A plain function stage, called with the document and, when it takes them, the settings."""

    def __init__(self, name: str, func: Callable, settings: dict | None = None):
        self.name, self.func, self.settings = name, func, settings

    def setup(self) -> None:
        """Nothing to load."""

    def __call__(self, doc: Document) -> Document:
        return self.func(doc, self.settings) if self.settings is not None else self.func(doc)


def _stage(name: str, settings: dict):
    """Make one stage by name, importing only its module."""
    import importlib

    if name == "entities":
        from .stages.entities import EntityStage

        return EntityStage(settings)
    module, func, takes_settings = {
        "clean": ("clean", "clean", True),
        "language": ("language", "detect_language", True),
        "metadata": ("metadata", "extract_metadata", True),
        "quotes": ("quotes", "extract_quotes", False),
        "events": ("events", "extract_events", False),
        "fingerprint": ("fingerprint", "fingerprint", True),
    }[name]
    fn = getattr(importlib.import_module(f".stages.{module}", __package__), func)
    return FunctionStage(name, fn, settings if takes_settings else None)


def build_stages(settings: dict, only: Sequence[str] | None = None) -> list:
    """The stages named in ``only`` (default: the ``run.stages`` setting), in pipeline order."""
    names = list(only if only is not None else settings["run"].get("stages", STAGE_ORDER))
    unknown = [n for n in names if n not in STAGE_ORDER]
    if unknown:
        raise ConfigError(f"unknown stages {unknown} in run.stages; known: {', '.join(STAGE_ORDER)}")
    for required in ("clean", "fingerprint"):
        if required not in names:
            raise ConfigError(f"run.stages must include {required!r}: every later step reads what it writes")
    return [_stage(n, settings) for n in STAGE_ORDER if n in names]


def _fail(doc: Document, stage: str, exc: BaseException) -> None:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    doc.drop(f"stage_failed: {stage} raised {type(exc).__name__}: {exc}{at}; report this with the input",
             status=ERROR)
    doc.notes["reason_code"] = "stage_failed"


def apply_stage(stage, docs: Sequence[Document], strict: bool = False) -> None:
    """Run one stage over the documents of ``docs`` still ``ok``, in place.

    A stage with ``process_batch`` gets the batch at once; if that raises, each document is retried
    alone so only the bad one fails (``error``, reason ``stage_failed``), unless ``strict``.
    """
    live = [d for d in docs if d.ok]
    if not live:
        return
    batch = getattr(stage, "process_batch", None)
    if batch is not None:
        try:
            batch(live)
            return
        except Exception:
            if strict:
                raise
            # fall through: retry one by one so only the bad document fails
    for doc in live:
        if not doc.ok:
            continue
        try:
            stage(doc)
        except Exception as exc:
            if strict:
                raise
            _fail(doc, stage.name, exc)


def release(docs: Sequence[Document]) -> list[Document]:
    """Drop what is never stored or sent on (the spaCy parse, the raw input) and return ``docs``."""
    out = []
    for doc in docs:
        doc.nlp = None
        doc.raw = ""
        out.append(doc)
    return out


def process_batch(stages: Sequence, docs: Sequence[Document], strict: bool = False) -> list[Document]:
    """Run every stage over ``docs`` (documents already dropped are passed over) and return them
    ready to store: the spaCy parse and the raw input are released."""
    for stage in stages:
        apply_stage(stage, docs, strict)
    return release(docs)


# Worker-process state: the stages, built and set up once per process.
_WORKER_STAGES: list | None = None
_WORKER_STRICT = False


def _init_worker(settings: dict, strict: bool) -> None:
    global _WORKER_STAGES, _WORKER_STRICT
    _WORKER_STAGES = build_stages(settings)
    for stage in _WORKER_STAGES:
        stage.setup()
    _WORKER_STRICT = strict


def _work(docs: list[Document]) -> list[Document]:
    return process_batch(_WORKER_STAGES, docs, _WORKER_STRICT)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_stages(docs: Iterable[Document], settings: dict, *, processes: int = 1, batch_size: int = 16,
               strict: bool = False, stages: list | None = None) -> Iterator[Document]:
    """Run the per-document stages over ``docs`` and yield them in input order.

    Documents already dropped by a reader pass straight through. With ``processes > 1`` batches go to
    a pool of worker processes, each loading the models once; at most ``2 * processes`` batches are
    in flight, so memory stays flat however long the input.
    """
    if processes <= 1:
        if stages is None:
            stages = build_stages(settings)
        for stage in stages:
            stage.setup()
        for batch in _batches(docs, batch_size):
            yield from process_batch(stages, batch, strict)
        return
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init_worker,
                                initargs=(settings, strict)) as pool:
        pending: collections.deque = collections.deque()
        for batch in _batches(docs, batch_size):
            pending.append((batch, pool.submit(_work, batch)))
            while len(pending) > 2 * processes:
                yield from _collect(*pending.popleft(), strict)
        while pending:
            yield from _collect(*pending.popleft(), strict)


def _collect(batch: list[Document], future: cf.Future, strict: bool) -> list[Document]:
    try:
        return future.result()
    except Exception as exc:  # a worker died (killed, out of memory): account for its documents
        if strict:
            raise
        for doc in batch:
            if doc.ok:
                doc.drop(f"worker_failed: the worker process ended ({type(exc).__name__}); run again to retry",
                         status=ERROR)
                doc.notes["reason_code"] = "worker_failed"
            doc.raw = ""
        return batch
