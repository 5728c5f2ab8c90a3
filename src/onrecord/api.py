"""onrecord's Python API: what the CLI and the web layer call. Functions return values and never
print; progress, when wanted, goes to a callback."""
from __future__ import annotations

import collections
import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from . import config as config_mod
from .model import Document
from .store import queries
from .store.db import Store

ProgressFn = Callable[[int], None]


@dataclass
class RunReport:
    """What a run did: every input accounted for.

    ``counts`` holds documents by status (``ok``, ``skipped``, ``error``) plus ``unchanged`` (already
    in the store, not processed again); ``reasons`` counts skipped and failed documents by reason
    code; ``corpus`` the corpus phase's counts.
    """

    run_id: int
    store: str
    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    corpus: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "store": self.store, "documents": self.documents, "counts": self.counts,
                "reasons": self.reasons, "corpus": self.corpus, "seconds": round(self.seconds, 3)}


def resolve_settings(settings: dict | None = None, overrides: Sequence[str] = ()) -> dict:
    """``settings`` when given (already resolved), else the resolved defaults with ``overrides``."""
    return settings if settings is not None else config_mod.resolve(overrides)


def reason_code(reason: str | None) -> str:
    """The stable code at the head of a reason (``file_too_large: 3 MB ...`` gives ``file_too_large``)."""
    return (reason or "unknown").split(":", 1)[0].strip()


def _new_documents(store: Store, docs: Iterable[Document], run_id: int, report: RunReport) -> Iterator[Document]:
    """Pass on the documents that need processing; record the others' input rows directly."""
    seen: set[str] = set()
    for doc in docs:
        report.documents += 1
        if doc.ok:
            prev = store.stored_input(doc.source)
            known = store.has_document(doc.doc_id)
            if (prev is not None and prev["doc_id"] == doc.doc_id and known) or doc.doc_id in seen or known:
                # Unchanged input, or the same bytes under another name: no new document.
                store.record_inputs([(doc.source, doc.doc_id, run_id, doc.seq, "ok", None)])
                report.counts["unchanged"] = report.counts.get("unchanged", 0) + 1
                continue
            seen.add(doc.doc_id)
        yield doc


def ingest(db: str | os.PathLike, paths: Sequence[str], *, settings: dict | None = None, processes: int | None = None,
           strict: bool = False, progress: ProgressFn | None = None, engine: str = "local",
           address: str | None = None, command: str = "ingest") -> RunReport:
    """Read ``paths`` (files, folders, globs), run the pipeline and store the result in ``db``.

    Inputs already stored with the same content are not processed again; a run that was killed is
    finished by running it again. Returns a :class:`RunReport` accounting for every input.
    """
    from .pipeline import run_stages
    from .readers import expand_paths, read_inputs
    from .store.corpus_phase import run_corpus_phase

    settings = resolve_settings(settings)
    workers = processes  # as asked for: the Ray engine's default is every CPU of the cluster
    processes = int(processes or settings["run"]["processes"])
    expand_paths(paths)  # fail early, before a run is recorded, when a path names nothing
    started = time.perf_counter()
    with Store(db) as store:
        run_id = store.begin_run(command, settings)
        report = RunReport(run_id=run_id, store=os.fspath(db))
        if engine == "ray":
            from .scale.ray import read_and_run_ray, stored_ids

            # Ray reads the inputs on its workers and passes over documents stored already; they
            # are accounted for here, after the stages, as the local engine does before them.
            processed = read_and_run_ray(paths, settings, known=stored_ids(store), address=address,
                                         workers=workers, strict=strict)
            results = _new_documents(store, processed, run_id, report)
        elif engine == "local":
            todo = _new_documents(store, read_inputs(paths, settings), run_id, report)
            results = run_stages(todo, settings, processes=processes, strict=strict)
        else:
            raise ValueError(f"unknown engine {engine!r}: use 'local' or 'ray'")
        batch: list[Document] = []
        every = int(settings["run"]["commit_every"])
        done = 0
        for doc in results:
            batch.append(doc)
            report.counts[doc.status] = report.counts.get(doc.status, 0) + 1
            if not doc.ok:
                code = reason_code(doc.reason)
                report.reasons[code] = report.reasons.get(code, 0) + 1
            if len(batch) >= every:
                store.save(batch, run_id)
                batch = []
            done += 1
            if progress:
                progress(done)
        store.save(batch, run_id)
        _sync_copy_inputs(store, run_id)
        if engine == "ray":
            from .scale.corpus import run_corpus_phase_ray

            report.corpus = run_corpus_phase_ray(store, settings)
        else:
            report.corpus = run_corpus_phase(store, settings)
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, report.as_dict())
    return report


def _sync_copy_inputs(store: Store, run_id: int) -> None:
    """Give inputs that share another input's bytes their document's final status and reason."""
    with store.conn:
        store.conn.execute(
            "UPDATE inputs SET status = (SELECT status FROM documents d WHERE d.id = inputs.doc_id),"
            " reason = (SELECT reason FROM documents d WHERE d.id = inputs.doc_id)"
            " WHERE run_id = ? AND EXISTS (SELECT 1 FROM documents d WHERE d.id = inputs.doc_id)", (run_id,))


def extract_documents(paths: Sequence[str], *, settings: dict | None = None, processes: int | None = None,
                      strict: bool = False, db: str | os.PathLike | None = None, engine: str = "local",
                      address: str | None = None, progress: ProgressFn | None = None) -> tuple[RunReport, list[dict]]:
    """Run the whole pipeline on ``paths`` and return the report and the contract's lines in input
    order (see ``CONTRACT.md``). ``db`` keeps the store; by default a temporary one is used."""
    lines: list[dict] = []
    report = extract(paths, lines.append, settings=settings, processes=processes, strict=strict, db=db,
                     engine=engine, address=address, progress=progress)
    return report, lines


def extract(paths: Sequence[str], out: str | os.PathLike | IO[str] | Callable[[dict], Any], *,
            settings: dict | None = None, processes: int | None = None, strict: bool = False,
            db: str | os.PathLike | None = None, engine: str = "local", address: str | None = None,
            progress: ProgressFn | None = None) -> RunReport:
    """Write the extraction contract's JSON Lines for ``paths`` to ``out`` (a path, an open text
    file or a callable taking each line as a dict), one line per input document, in input order."""
    with contextlib.ExitStack() as stack:
        if db is None:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="onrecord-"))
            db = os.path.join(tmp, "extract.db")
        report = ingest(db, paths, settings=settings, processes=processes, strict=strict, progress=progress,
                        engine=engine, address=address, command="extract")
        if callable(out) and not hasattr(out, "write"):
            emit = out
        else:
            fh = out if hasattr(out, "write") else stack.enter_context(open(out, "w", encoding="utf-8"))
            emit = lambda line: fh.write(json.dumps(line, ensure_ascii=False) + "\n")  # noqa: E731
        with Store(db) as store:
            for line in queries.contract_rows(store, report.run_id):
                emit(line)
    return report


@contextlib.contextmanager
def open_store(db: str | os.PathLike, readonly: bool = True) -> Iterator[Store]:
    """Open a store (read-only by default) for the query functions below."""
    store = Store(db, readonly=readonly)
    try:
        yield store
    finally:
        store.close()


def statements(db: str | os.PathLike, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0, **filters) -> list[dict]:
    """Merged statements in date order: who said what, when, with every outlet that reported it."""
    with open_store(db) as store:
        return queries.statements(store, speaker=speaker, since=since, until=until, limit=limit, offset=offset,
                                  **filters)


quotes = statements


def search(db: str | os.PathLike, query: str, *, limit: int = 20) -> list[dict]:
    """Full-text search over statements and articles, best first, snippets marked with [ ]."""
    with open_store(db) as store:
        return queries.search(store, query, limit=limit)


def actors(db: str | os.PathLike, *, name: str | None = None, limit: int = 100) -> list[dict]:
    """Actors (speakers and event parties) merged across the corpus, most active first."""
    with open_store(db) as store:
        return queries.actors(store, name=name, limit=limit)


def summarise_reasons(report: RunReport) -> list[tuple[str, int]]:
    """Reasons of skipped and failed documents, most frequent first."""
    return collections.Counter(report.reasons).most_common()


def timeline(db: str | os.PathLike, *, after: str | None = None, limit: int = 50, order: str = "oldest",
             show: str = "all", **filters) -> dict:
    """A page of the timeline: statements and events in date order (``order="newest"`` for newest
    first, undated last), each with speaker, words, outlets, date confidence and ``link`` to its
    evidence. ``filters``: speaker, actor, affiliation, outlet, since, until, q, type, doc. Pass the
    page's ``next_after`` back as ``after`` for the next page."""
    from .store.views import Filters
    from .store.timeline import timeline as timeline_page

    with open_store(db) as store:
        page = timeline_page(store, Filters.of(**filters), after=after, limit=limit, newest_first=order == "newest",
                             show=show)
    return page.as_dict()


def events(db: str | os.PathLike, *, after: str | None = None, limit: int = 100, order: str = "oldest",
           **filters) -> list[dict]:
    """Events merged across articles in date order (who did what to whom, when), with the same
    filters as :func:`timeline`."""
    return timeline(db, after=after, limit=limit, order=order, show="events", **filters)["entries"]


def export(db: str | os.PathLike, what: str, fmt: str | None, output: str | os.PathLike | IO[bytes],
           **filters) -> int:
    """Write ``what`` (statements, quotes, actors, events, documents) matching ``filters`` to
    ``output`` (a path or a binary file) as ``fmt`` (csv, jsonl, parquet; None takes the path's
    suffix); return the number of rows written."""
    from .store.export import FORMATS, export as write_export
    from .store.views import Filters, FilterError

    if fmt is None:
        suffix = os.path.splitext(os.fspath(output))[1].lstrip(".").lower() if not hasattr(output, "write") else ""
        fmt = {"ndjson": "jsonl", "pq": "parquet"}.get(suffix, suffix)
        if fmt not in FORMATS:
            raise FilterError(f"cannot tell the format of {output!r}; give --format csv, jsonl or parquet")
    with open_store(db) as store:
        return write_export(store, what, fmt, output, Filters.of(**filters))


def create_app(db: str | os.PathLike):
    """The web application (FastAPI) over the store ``db``, opened read-only."""
    from .web import create_app as _create_app

    return _create_app(db)


def serve(db: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve the store ``db`` read-only on ``host``:``port`` until interrupted; ``ready`` is called
    with the address once the port is bound (``port=0`` takes a free one). ``workers`` processes
    share the port, one per core at most being useful: each serves one request at a time in Python."""
    import socket

    import uvicorn

    from .errors import OnrecordError

    application = create_app(db)  # opens the store: a missing or foreign file fails here
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only for sockets
    # that say so, and without it keep-alive responses wait ~40 ms on Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OnrecordError(f"cannot listen on {host}:{port} ({exc.strerror}); pick another with --port") from exc
    sock.listen(256)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    if ready:
        ready(f"http://{shown}:{bound}/")
    try:
        if workers > 1:
            from uvicorn.supervisors import Multiprocess

            from .web.app import DB_VARIABLE

            # Each worker process builds its own application from the store named here.
            os.environ[DB_VARIABLE] = os.path.abspath(db)
            config = uvicorn.Config("onrecord.web.app:app_from_environment", factory=True, workers=workers,
                                    log_level="warning", access_log=False, lifespan="on")
            Multiprocess(config, sockets=[sock]).run()
        else:
            config = uvicorn.Config(application, log_level="warning", access_log=False, lifespan="on")
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
