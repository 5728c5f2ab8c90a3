"""Plain text and HTML files, gzip-compressed or not: one document per file."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..model import Document
from .base import (GZIP_ERRORS, binary_kind, content_id, decode_bytes, failure, gunzip, looks_like_html,
                   skipped)

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")


def _stem_suffix(path: str) -> tuple[str, bool]:
    """The file's meaningful suffix (``.html`` of ``a.html.gz``) and whether it is gzip."""
    name = os.path.basename(path).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return os.path.splitext(name)[1], gz


def read_file(path: str, settings: dict, seq: int = 0) -> Iterator[Document]:
    """Yield the one document of a text or HTML file at ``path``.

    Failures come back as documents too: ``file_vanished``, ``unreadable_file``, ``empty_file``,
    ``file_too_large``, ``binary_file``, ``truncated_gzip``, ``undecodable_text``.
    """
    limit = int(settings["read"]["max_bytes"])
    try:
        size = os.path.getsize(path)
        if size > limit and not path.lower().endswith(".gz"):
            yield skipped(path, "file_too_large", f"{size:,} bytes is over read.max_bytes={limit:,}; "
                          "raise it with --set read.max_bytes=N if this is one article", seq=seq)
            return
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        yield failure(path, "file_vanished", "the file was listed but is gone; check the path and run again", seq=seq)
        return
    except (IsADirectoryError, PermissionError, OSError) as exc:
        yield failure(path, "unreadable_file", f"{exc.strerror or exc}; check permissions", seq=seq)
        return
    yield from documents_from_bytes(path, data, settings, seq=seq)


def documents_from_bytes(source: str, data: bytes, settings: dict, *, seq: int = 0, fmt: str | None = None,
                         url: str | None = None, hints: dict | None = None) -> Iterator[Document]:
    """Turn one input's bytes into its document (decoded), or a skipped/failed one with a reason.

    A record of a container (``path#id``) is judged by its bytes, not by the container's name.
    """
    limit = int(settings["read"]["max_bytes"])
    suffix, gz = _stem_suffix(source) if "#" not in source else ("", False)
    if gz or data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data, limit)
        except GZIP_ERRORS as exc:
            yield failure(source, "truncated_gzip", f"the gzip stream is cut short or corrupt ({exc}); "
                          "re-download the file", seq=seq)
            return
    if len(data) > limit:
        yield skipped(source, "file_too_large", f"over read.max_bytes={limit:,} bytes", seq=seq)
        return
    if not data.strip():
        yield skipped(source, "empty_file", "the input holds no text", data=data, seq=seq)
        return
    kind = binary_kind(data, float(settings["read"]["max_binary_ratio"]))
    if kind:
        yield skipped(source, "binary_file", f"{kind}, not text or HTML", data=data, seq=seq)
        return
    if fmt is None:
        fmt = "html" if suffix in HTML_SUFFIXES or looks_like_html(data) else "text"
    try:
        text, encoding = decode_bytes(data, html=fmt == "html")
    except UnicodeDecodeError:
        yield skipped(source, "undecodable_text", "no text encoding fits these bytes", data=data, seq=seq)
        return
    if text.count("\ufffd") > max(20, len(text) // 50):
        yield skipped(source, "undecodable_text", f"too many undecodable bytes as {encoding}", data=data, seq=seq)
        return
    doc = Document(source=source, doc_id=content_id(data), fmt=fmt, raw=text, seq=seq, url=url,
                   hints=dict(hints or {}))
    doc.notes["encoding"] = encoding
    yield doc
