"""Readers: the only code that touches input files.

:func:`expand_paths` turns files, folders and globs into a sorted list of files; :func:`read_inputs`
yields one :class:`~onrecord.model.Document` per input document, in input order, whatever happened
to it (read, skipped or failed, each with its reason).
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..model import Document
from .base import failure
from .files import read_file
from .jsonl import read_jsonl
from .warc import read_warc

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def reader_for(path: str):
    """The reader function for a file, chosen by its name."""
    name = path.lower()
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return read_warc
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return read_jsonl
    return read_file


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named by ``paths`` (files, folders searched recursively, globs), in a stable order.

    Folders and globs are sorted; the order of the arguments is kept; a file named twice is read
    once. Raises :class:`InputError` when a path names nothing.
    """
    out: list[str] = []
    seen: set[str] = set()
    for given in paths:
        given = os.fspath(given)
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, f) for f in files if not f.startswith(".") and f not in _SKIP_NAMES]
            found.sort()
        elif os.path.exists(given):
            found = [given]
        else:
            found = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            if not found:
                raise InputError(f"no input at {given!r}: give a file, a folder or a glob that matches files")
        for path in found:
            if path not in seen:
                seen.add(path)
                out.append(path)
    return out


def read_inputs(paths: Iterable[str], settings: dict) -> Iterator[Document]:
    """Yield every input document under ``paths`` in input order, ``seq`` numbered from 0."""
    seq = 0
    for path in expand_paths(paths):
        try:
            for doc in reader_for(path)(path, settings):
                doc.seq = seq
                seq += 1
                yield doc
        except Exception as exc:  # a reader bug must not end the run: account for the file
            doc = failure(path, "reader_failed", f"{type(exc).__name__}: {exc}; report this with the file")
            doc.seq = seq
            seq += 1
            yield doc
