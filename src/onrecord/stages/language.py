"""Language of the clean body, judged paragraph by paragraph with py3langid (offline, fast).

A body is in the language that most of its text is in: each paragraph is identified on its own and
weighs by its length, so an English article keeps its language even when a line or two of a
foreign-language site wrapper slipped through the cleaning.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Document

#: Paragraphs shorter than this (characters) are identified together with their neighbours:
#: py3langid is unreliable on a few words.
MIN_PARAGRAPH = 60
#: Share of the body (characters) in a kept language above which the document is kept.
KEEP_SHARE = 0.5

_LETTER = re.compile(r"[^\W\d_]")


def _classify(text: str) -> str:
    import py3langid  # the model loads once, on first use

    return py3langid.classify(text)[0]


def language_shares(body: str) -> Counter:
    """Letters of ``body`` per ISO 639-1 language, paragraph by paragraph (short paragraphs are
    pooled with the next ones)."""
    shares: Counter = Counter()
    pending = ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    for i, para in enumerate(paragraphs):
        pending = f"{pending} {para}".strip()
        if len(pending) < MIN_PARAGRAPH and i < len(paragraphs) - 1:
            continue
        letters = len(_LETTER.findall(pending))
        if letters:
            shares[_classify(pending)] += letters
        pending = ""
    return shares


def detect_language(doc: Document, settings: dict) -> Document:
    """Set ``doc.language`` (ISO 639-1) from ``doc.body``; drop the document with reason
    ``not_english`` when less than half of the body (letters) is in one of
    ``settings["language"]["keep"]`` (default ``["en"]``)."""
    if not doc.ok:
        return doc
    keep = list((settings or {}).get("language", {}).get("keep", ["en"]))
    shares = language_shares(doc.body)
    total = sum(shares.values())
    if not total:
        doc.language = None
        return doc.drop("not_english")
    kept = sum(n for lang, n in shares.items() if lang in keep)
    if kept >= KEEP_SHARE * total:
        doc.language = max((lang for lang in shares if lang in keep), key=lambda lang: shares[lang])
    else:
        doc.language = shares.most_common(1)[0][0]
    doc.notes["language"] = {lang: round(n / total, 3) for lang, n in shares.most_common(4)}
    if doc.language not in keep:
        doc.drop("not_english")
    return doc
