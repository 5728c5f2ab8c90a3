"""The SQLite store: opening, the one writer, and per-run accounting.

Only this package writes SQL. Documents are keyed by the content hash of their raw input, inputs by
their source, and every write of a batch (documents, their quotes, events, fingerprints and the
inputs that produced them) is one transaction: a run killed at any point leaves a consistent store,
and the next run skips what is already there.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence

from ..errors import StoreError
from ..model import Document
from .schema import migrate


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def row_id(*parts: object) -> str:
    """A stable 16-hex-digit id made of ``parts``."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


#: Memory map and page cache of each read-only connection (the web server's, say).
READ_MMAP_BYTES = 1 << 30
READ_CACHE_KIB = 64 * 1024


#: Reason codes of failures that come from the run, not from the document (a worker process
#: killed, out of memory): the next run tries these documents again.
RETRY_REASONS = ("worker_failed",)
#: SQL condition on ``documents``: the row is final, not a failure to retry.
SETTLED = "(status != 'error' OR reason IS NULL OR (" + " AND ".join(
    f"reason NOT LIKE '{code}:%'" for code in RETRY_REASONS) + "))"


class Store:
    """An onrecord SQLite store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False):
        self.path = os.fspath(path)
        try:
            if readonly:
                if not os.path.exists(self.path):
                    raise StoreError(f"no store at {self.path}; create one with `onrecord ingest {self.path} PATH...`")
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not an onrecord store ({exc}); give a new file name or an existing store") from exc
        self.conn.row_factory = sqlite3.Row
        if readonly:
            # Readers map the file and keep a larger page cache: pages are then read from the OS's
            # cache without a copy per read, which is most of a search's or a page's cost.
            self.conn.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")
            self.conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
        if readonly and not self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_migrations'").fetchone():
            raise StoreError(f"{self.path} is not an onrecord store; create one with `onrecord ingest`")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    # -- runs -----------------------------------------------------------------------------------
    def begin_run(self, command: str, settings: dict) -> int:
        """Record the start of a run with its resolved settings; return the run id."""
        with self.conn:
            cur = self.conn.execute("INSERT INTO runs (command, started, settings) VALUES (?, ?, ?)",
                                    (command, _now(), json.dumps(settings, sort_keys=True)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict) -> None:
        """Record the end of a run and its summary counts."""
        with self.conn:
            self.conn.execute("UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                              (_now(), json.dumps(counts, sort_keys=True), run_id))

    # -- what is stored already -----------------------------------------------------------------
    def stored_input(self, source: str) -> sqlite3.Row | None:
        """The input row for ``source``, if any."""
        return self.conn.execute("SELECT * FROM inputs WHERE source = ?", (source,)).fetchone()

    def has_document(self, doc_id: str) -> bool:
        """True when a document with this content id is stored (processed, skipped or failed), unless
        it failed for a reason that a new run may not meet (:data:`RETRY_REASONS`): such a
        document is processed again by the next run, and its row replaced."""
        return self.conn.execute(f"SELECT 1 FROM documents WHERE id = ? AND {SETTLED}", (doc_id,)).fetchone() is not None

    # -- the writer -----------------------------------------------------------------------------
    def record_inputs(self, rows: Iterable[tuple[str, str, int, int, str, str | None]]) -> None:
        """Insert or replace input rows ``(source, doc_id, run_id, seq, status, reason)``."""
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO inputs (source, doc_id, run_id, seq, status, reason) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", rows)

    def save(self, docs: Sequence[Document], run_id: int) -> None:
        """Write processed documents and their input rows in one transaction.

        A document whose content id is stored already is not written again (its input row still
        is), so re-ingesting adds nothing and two inputs with the same bytes share one document.
        """
        with self.conn:
            for doc in docs:
                if not self.has_document(doc.doc_id):
                    self._insert_document(doc)
                self.conn.execute("INSERT OR REPLACE INTO inputs (source, doc_id, run_id, seq, status, reason) "
                                  "VALUES (?, ?, ?, ?, ?, ?)",
                                  (doc.source, doc.doc_id, run_id, doc.seq, doc.status, doc.reason))

    def _insert_document(self, doc: Document) -> None:
        notes = {k: v for k, v in doc.notes.items() if k not in ("minhash", "bands", "shingles")}
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.doc_id,)).fetchone():
            self.conn.execute("DELETE FROM documents WHERE id = ?", (doc.doc_id,))  # a failure being retried
        self.conn.execute(
            "INSERT INTO documents (id, source, status, reason, fmt, url, language, title, authors, outlet, agencies,"
            " dateline, page_date, published, published_confidence, repost_suspected, body, removed, notes, minhash,"
            " shingles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.doc_id, doc.source, doc.status, doc.reason, doc.fmt, doc.url, doc.language, doc.title,
             json.dumps(doc.authors), doc.outlet, json.dumps(doc.agencies), doc.dateline, doc.page_date,
             doc.published, float(doc.published_confidence or 0), int(bool(doc.repost_suspected)), doc.body,
             json.dumps(doc.removed, ensure_ascii=False), json.dumps(notes, default=str, ensure_ascii=False),
             doc.notes.get("minhash"), doc.notes.get("shingles")))
        if not doc.ok:
            return
        self.conn.executemany("INSERT OR IGNORE INTO bands (key, doc_id) VALUES (?, ?)",
                              [(k, doc.doc_id) for k in doc.notes.get("bands", ())])
        self.conn.executemany("INSERT OR IGNORE INTO mentions (doc_id, start, end, text, label) VALUES (?, ?, ?, ?, ?)",
                              [(doc.doc_id, m.start, m.end, m.text, m.label) for m in doc.mentions])
        self.conn.executemany(
            "INSERT OR REPLACE INTO quotes (id, doc_id, ord, start, end, text, kind, speaker, speaker_mention, speaker_role,"
            " speaker_affiliation, cue, sentence_start, sentence_end, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row_id(doc.doc_id, q.start, q.end, q.kind), doc.doc_id, i, q.start, q.end, q.text, q.kind, q.speaker,
              q.speaker_mention, q.speaker_role, q.speaker_affiliation, q.cue, q.sentence_start, q.sentence_end,
              q.confidence) for i, q in enumerate(doc.quotes)])
        self.conn.executemany(
            "INSERT OR REPLACE INTO event_mentions (id, doc_id, ord, type, mode, context, actor, actor_country, recipient,"
            " recipient_country, date, date_text, location, sentence, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row_id(doc.doc_id, e.start, e.end, e.type, i), doc.doc_id, i, e.type, e.mode, json.dumps(list(e.context)),
              e.actor.name if e.actor else None, e.actor.country if e.actor else None,
              e.recipient.name if e.recipient else None, e.recipient.country if e.recipient else None,
              e.date, e.date_text, e.location, e.sentence, e.start, e.end) for i, e in enumerate(doc.events)])
