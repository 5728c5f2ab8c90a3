"""What every reader shares: content ids, decoding, binary sniffing and failure documents.

Readers are the only code that touches input files. Each yields :class:`~onrecord.model.Document`
objects: ``ok`` ones carry decoded ``raw`` text; the others are already marked ``skipped`` or
``error`` with a stable snake_case reason and a detail a person can act on.
"""
from __future__ import annotations

import codecs
import functools
import gzip
import io
import hashlib
import re
import zlib

from ..model import ERROR, SKIPPED, Document

#: Leading bytes of common binary formats that are never articles.
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
    b"RIFF": "RIFF media",
    b"\x00\x00\x00": "binary data",
}
_HTML_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|article|div|p)\b",
                         re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def content_id(data: bytes) -> str:
    """The document id of raw input bytes: the first 16 hex digits of their SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def failure(source: str, reason: str, detail: str = "", *, status: str = ERROR, seq: int = 0) -> Document:
    """A document that could not be read: ``reason`` is a stable code, ``detail`` says what to do."""
    doc = Document(source=source, doc_id=content_id(f"{status}:{reason}:{source}".encode()), fmt="text", seq=seq)
    doc.drop(f"{reason}: {detail}" if detail else reason, status=status)
    doc.notes["reason_code"] = reason
    return doc


def skipped(source: str, reason: str, detail: str = "", *, data: bytes | None = None, seq: int = 0) -> Document:
    """A document read but not an article (empty, binary ...), keyed by its content when known."""
    doc = failure(source, reason, detail, status=SKIPPED, seq=seq)
    if data is not None:
        doc.doc_id = content_id(data)
    return doc


def binary_kind(data: bytes, max_ratio: float) -> str | None:
    """Name the binary format of ``data``, or None when it looks like text."""
    head = data[:4096]
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    if b"\x00" in head:
        # UTF-16 text has NULs too; it carries a BOM or decodes cleanly.
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        return "binary data (NUL bytes)"
    if not head:
        return None
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return "binary data (control characters)" if control / len(head) > max_ratio else None


def looks_like_html(data: bytes) -> bool:
    """True when the bytes open like an HTML page."""
    return bool(_HTML_SNIFF.match(data[:2048]))


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode input bytes to text and repair mojibake; return ``(text, encoding)``.

    Tries a byte-order mark, then (for HTML) the page's declared charset, then strict UTF-8, then
    charset-normalizer's best guess. ftfy then repairs mojibake (UTF-8 read as Latin-1 and the
    like). Raises ``UnicodeDecodeError`` when no encoding fits.
    """
    import ftfy

    # Curly quotes are kept: they tell an opening quotation mark from a closing one.
    fix = functools.partial(ftfy.fix_text, uncurl_quotes=False)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return fix(data.decode(enc, errors="replace")), enc
    candidates = []
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore").lower())
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return fix(data.decode(enc)), enc
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no encoding fits these bytes")
    return fix(data.decode(best.encoding, errors="replace")), best.encoding


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data``, reading at most ``limit + 1`` bytes (guards against bombs).

    Raises ``EOFError`` for a truncated stream and ``OSError``/``zlib.error`` for a corrupt one.
    """
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        return fh.read(limit + 1)


GZIP_ERRORS = (EOFError, OSError, zlib.error)
