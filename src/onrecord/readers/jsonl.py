"""JSON Lines: one article per line, ``{"text" or "html", "url", "title", "date", "id"}``."""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

from ..model import Document
from .base import GZIP_ERRORS, failure, skipped
from .files import documents_from_bytes

TEXT_KEYS = ("text", "body", "content", "article")
HTML_KEYS = ("html", "raw_html", "page")


def _record_id(obj: dict, lineno: int) -> str:
    for key in ("id", "doc_id", "uuid"):
        if isinstance(obj.get(key), (str, int)) and str(obj[key]).strip():
            return str(obj[key]).strip()
    return str(lineno)


def read_jsonl(path: str, settings: dict, seq: int = 0) -> Iterator[Document]:
    """Yield one document per line of a JSON Lines file (gzip or not), each ``path#id``.

    The id is the record's ``id`` field when it has one, else its line number (from 1). A line that
    is not a JSON object gives an ``invalid_json_line`` error; one with no text gives ``no_text_field``.
    """
    opener = gzip.open if path.lower().endswith(".gz") else open
    limit = int(settings["read"]["max_bytes"])
    try:
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                source = f"{path}#{lineno}"
                if len(line) > limit:
                    yield skipped(source, "file_too_large", f"line {lineno} is over read.max_bytes={limit:,}", seq=seq)
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError("not an object")
                except (ValueError, UnicodeDecodeError) as exc:
                    yield failure(source, "invalid_json_line", f"line {lineno} is not a JSON object ({exc}); fix or remove it",
                                  seq=seq)
                    continue
                source = f"{path}#{_record_id(obj, lineno)}"
                hints = {k: obj[k] for k in ("title", "date", "outlet", "url") if isinstance(obj.get(k), str)}
                html_key = next((k for k in HTML_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
                text_key = next((k for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
                if not html_key and not text_key:
                    yield skipped(source, "no_text_field", f"line {lineno} has none of {', '.join(TEXT_KEYS + HTML_KEYS)}",
                                  seq=seq)
                    continue
                key = html_key or text_key
                yield from documents_from_bytes(source, obj[key].encode("utf-8"), settings, seq=seq,
                                                fmt="html" if html_key else "text", url=hints.get("url"), hints=hints)
    except FileNotFoundError:
        yield failure(path, "file_vanished", "the file was listed but is gone; check the path and run again", seq=seq)
    except GZIP_ERRORS as exc:
        yield failure(f"{path}#truncated", "truncated_gzip", f"the gzip stream is cut short or corrupt ({exc}); "
                      "records before the cut were read", seq=seq)
