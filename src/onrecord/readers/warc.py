"""WARC crawls (gzip or not): one document per response or resource record."""
from __future__ import annotations

import zlib
from collections.abc import Iterator

from ..model import Document
from .base import GZIP_ERRORS, failure, skipped
from .files import documents_from_bytes

_DOC_RECORDS = ("response", "resource", "conversion")
_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")


class TruncatedWarc(Exception):
    """The WARC ends inside a record."""


def _gzip_tail_complete(fh, offset: int) -> bool:
    """True when the gzip members from ``offset`` to the end of ``fh`` are all complete.

    warcio stops quietly at a member cut short, so the tail after the last record it yielded is
    checked here (cheap: one record's worth of bytes, not the whole file).
    """
    fh.seek(offset)
    data = fh.read()
    while data:
        d = zlib.decompressobj(wbits=31)
        try:
            d.decompress(data)
        except zlib.error:
            return False
        if not d.eof:
            return False
        data = d.unused_data
    return True


def read_warc(path: str, settings: dict, seq: int = 0) -> Iterator[Document]:
    """Yield the documents of a WARC file, each with source ``path#<WARC-Record-ID>``.

    HTML and plain-text records become documents (HTTP headers stripped, ``url`` from
    WARC-Target-URI, the crawl date in ``hints["crawl_date"]``). Records of other content types are
    ``skipped`` with reason ``not_html``; request, metadata and warcinfo records are not documents.
    A truncated or corrupt file ends with one ``truncated_warc`` error after the records read.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = int(settings["read"]["max_bytes"])
    count, last_offset = 0, 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.length is None:
                    raise TruncatedWarc("a record header is cut short")
                docs = []
                if record.rec_type in _DOC_RECORDS:
                    count += 1
                    docs = _record_documents(path, record, count, limit, settings, seq)
                # warcio knows where a record ends only once it is read to its end.
                records.read_to_end(record)
                last_offset = records.get_record_offset()
                yield from docs
            if path.lower().endswith(".gz") and not _gzip_tail_complete(fh, last_offset):
                raise TruncatedWarc("the last gzip member is cut short")
    except FileNotFoundError:
        yield failure(path, "file_vanished", "the file was listed but is gone; check the path and run again", seq=seq)
    except (TruncatedWarc, ArchiveLoadFailed, *GZIP_ERRORS, ValueError) as exc:
        yield failure(f"{path}#truncated-after-{count}", "truncated_warc",
                      f"the WARC is cut short or corrupt after {count} records ({type(exc).__name__}: {exc}); "
                      "the records before were read; re-fetch the file for the rest", seq=seq)


def _record_documents(path: str, record, count: int, limit: int, settings: dict, seq: int) -> list[Document]:
    """The document of one response/resource record (or its skip), read in full."""
    rid = (record.rec_headers.get_header("WARC-Record-ID") or f"record-{count}").strip("<>")
    source = f"{path}#{rid.removeprefix('urn:uuid:')}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return [skipped(source, "http_error", f"HTTP status {status} for {url}", seq=seq)]
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and not ctype.lower().startswith(_TEXT_TYPES):
        return [skipped(source, "not_html", f"content type {ctype.split(';')[0]} of {url}", seq=seq)]
    stream = record.content_stream()
    data = stream.read(limit + 1)
    if len(data) > limit:
        while stream.read(1 << 20):
            pass
        return [skipped(source, "file_too_large", f"record over read.max_bytes={limit:,}", seq=seq)]
    if getattr(record.raw_stream, "limit", 0):
        raise TruncatedWarc(f"record {count} ends {record.raw_stream.limit} bytes short")
    hints = {"crawl_date": record.rec_headers.get_header("WARC-Date"), "url": url}
    fmt = "text" if ctype.lower().startswith("text/plain") else "html"
    return list(documents_from_bytes(source, data, settings, seq=seq, fmt=fmt, url=url, hints=hints))
