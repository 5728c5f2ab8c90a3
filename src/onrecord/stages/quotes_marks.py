"""Finding the passages that stand between quotation marks in a clean body.

The scan is per paragraph (paragraphs are separated by a blank line), so one unbalanced mark loses
at most its own paragraph's pairing, never the quotes of the rest of the article. Straight marks
get their direction from the characters around them; curly marks from their shape, unless the
context plainly contradicts it (a typed ``”Word`` that opens). Single marks nested inside double
ones are part of the quoted text; an article that uses no double marks at all is read with single
marks as its quotation marks (British style), taking care not to read apostrophes as marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
DOUBLE_ANY = '"' + DOUBLE_OPEN + DOUBLE_CLOSE + "\u201f"
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
SINGLE_ANY = "'" + SINGLE_OPEN + SINGLE_CLOSE

_OPENER_BEFORE = set(" \t\n([{\u2014\u2013-/:;,")
_CLOSER_AFTER = set(" \t\n.,;:!?)]}\u2014\u2013-'\u2019\u2026")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s*$")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between one pair of quotation marks.

    ``start``/``end`` are character offsets in the body of the words inside the marks (whitespace
    trimmed); ``open_at``/``close_at`` the offsets of the marks themselves (``close_at`` is None when
    the paragraph ended inside the quote). ``para`` is the paragraph index; ``runs_on`` is True when
    the quote was left open at the end of its paragraph (it continues in the next one).
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    para: int
    runs_on: bool = False


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the paragraphs of ``body`` (split on blank lines)."""
    out, pos = [], 0
    for match in re.finditer(r"\n\s*\n", body):
        if body[pos:match.start()].strip():
            out.append((pos, match.start()))
        pos = match.end()
    if body[pos:].strip():
        out.append((pos, len(body)))
    return out


def _direction(text: str, i: int, marks_open: str, marks_close: str) -> str:
    """'open', 'close' or '?' for the mark at ``text[i]``, from its shape and its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = (prev in _OPENER_BEFORE or prev in marks_open) and not nxt.isspace()
    can_close = (not prev.isspace() or prev in "\u2026") and (nxt in _CLOSER_AFTER or nxt in marks_close
                                                               or nxt.isspace())
    ch = text[i]
    if ch in marks_open:
        return "close" if can_close and not can_open else "open"
    if ch in marks_close:
        return "open" if can_open and not can_close else "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "?"


def _is_apostrophe(text: str, i: int) -> bool:
    """True when a single mark is an apostrophe (don't, '90s, students' union) rather than a quote."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if nxt.isdigit() and (prev.isspace() or i == 0):  # '90s
        return True
    return False


def _scan_paragraph(text: str, base: int, para: int, marks: str, m_open: str, m_close: str,
                    next_starts_open: bool, single: bool) -> list[QuotedSpan]:
    """Quoted spans of one paragraph ``text`` whose first character is at body offset ``base``."""
    spans: list[QuotedSpan] = []
    open_at: int | None = None

    def emit(o: int, c: int | None, end: int, runs_on: bool = False) -> None:
        s, e = o + 1, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(QuotedSpan(base + s, base + e, base + o, None if c is None else base + c, para, runs_on))

    for i, ch in enumerate(text):
        if ch not in marks or (single and _is_apostrophe(text, i)):
            continue
        way = _direction(text, i, m_open, m_close)
        if open_at is None:
            if way in ("open", "?"):
                open_at = i
            continue  # a stray closing mark: nothing to pair it with
        if way in ("close", "?"):
            emit(open_at, i, i)
            open_at = None
        elif _SENTENCE_END.search(text[open_at + 1:i]):
            # '... end. "Next part': the closing mark of a finished passage went missing (often a lost
            # paragraph break), so the first passage ends where the next one opens.
            emit(open_at, None, i)
            open_at = i
        else:
            open_at = i  # the earlier mark was stray
    if open_at is not None:
        rest = text[open_at + 1:]
        starts_passage = open_at == 0 or bool(re.search(r"[.!?:,\u2014]\s*$", text[:open_at]))
        words = len(rest.split())
        if next_starts_open or (starts_passage and words >= 4) or words >= 12:
            emit(open_at, None, len(text), runs_on=True)
    return spans


def find_quoted(body: str) -> list[QuotedSpan]:
    """All quoted spans of ``body`` in order: double marks, or single marks when there are no double
    ones. A paragraph that opens a quote and never closes it yields a span to its end with
    ``runs_on`` set."""
    if "``" in body:
        # Typewriter marks (``like this''): read as curly ones; the copy keeps every offset.
        body = body.replace("``", " \u201c").replace("''", "\u201d ")
    single = not any(ch in body for ch in DOUBLE_ANY)
    if single:
        marks, m_open, m_close = SINGLE_ANY, SINGLE_OPEN, SINGLE_CLOSE
    else:
        marks, m_open, m_close = DOUBLE_ANY, DOUBLE_OPEN, DOUBLE_CLOSE
    paras = paragraphs(body)
    out: list[QuotedSpan] = []
    for idx, (ps, pe) in enumerate(paras):
        text = body[ps:pe]
        nxt = ""
        if idx + 1 < len(paras):
            nxt = body[paras[idx + 1][0]:paras[idx + 1][1]].lstrip()[:1]
        out.extend(_scan_paragraph(text, ps, idx, marks, m_open, m_close,
                                   bool(nxt) and nxt in marks and nxt not in m_close, single))
    return out
