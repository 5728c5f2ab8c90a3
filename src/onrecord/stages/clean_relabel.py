"""Cleaning, between labelling and finding the article: lines relabelled by their neighbours.

``clean`` labels every line of a page on its own; some lines only show what they are next to
others. ``mark_relations`` relabels a "Comments" button among share buttons, the text of an
embedded post above its signature, lines the page repeats (captions and headlines scraped twice),
cut-off teasers of a following paragraph and a cookie notice's sentences; ``mark_unstopped`` and
``mark_sentence_lines`` relabel as paragraphs the lines that read as such only in their place (a
first paragraph that lost its final stop under the article's head, a page that sets every
sentence on a line of its own).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import clean_lines as cl
from .clean_edges import stamp

if TYPE_CHECKING:
    from .clean import Line


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


_WHOLE_SENTENCE = re.compile(r"(?<![.\u2026])[\w\"'\u201d\u2019)][.!?][\"'\u201d\u2019)]?$")


def mark_relations(lines: list[Line], hint_title: str | None) -> None:
    """Label lines by their neighbours: a "Comments" button among share buttons, the text of an
    embedded post above its signature line, a
    line repeated within the next three lines (captions and headlines scraped twice), and a
    cut-off teaser of a following paragraph."""
    keys = [_key(ln.text) for ln in lines]
    for i, ln in enumerate(lines):
        # "Comments" among share buttons is a button, not a comment section's header.
        if ln.kind == "comments" and 0 < i < len(lines) - 1 and lines[i - 1].kind == lines[i + 1].kind == "ui":
            ln.kind = "ui"
    for i, ln in enumerate(lines[1:], 1):
        # An embedded post: its text stands just above its signature line.
        if ln.kind == "embed" and lines[i - 1].kind in ("contact", "short", "sentence", "prose", "dup"):
            lines[i - 1].kind = "embed"
    for i, ln in enumerate(lines[:-1]):
        if ln.kind == "caption" and cl.CAPTION_LABEL.match(ln.text) and lines[i + 1].kind not in ("prose",):
            lines[i + 1].kind = "caption"
    for i, ln in enumerate(lines):
        # Table rows repeat by design (a header row per section); so do an embedded post's
        # signature lines.
        if ln.kind in ("junk", "embed") or not keys[i] or ln.text.startswith("|"):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            if keys[j] == keys[i]:
                if ln.kind == "prose" and len(ln.text) >= 150:
                    lines[j].kind = "dup"  # a paragraph scraped twice: keep the first copy
                elif (ln.kind in ("prose", "sentence") and lines[j].kind == ln.kind and _WHOLE_SENTENCE.search(ln.text)
                      and j + 1 < len(lines) and lines[j + 1].kind == "prose"):
                    # A short first paragraph that a photo's caption above it repeats: the copy
                    # the article goes on from is the paragraph.
                    ln.kind = "dup"
                else:
                    for k in (i, j):
                        if lines[k].kind not in ("caption", "foreign"):
                            lines[k].kind = "dup"
                break
        # A teaser: the start of a following paragraph, cut off ("... former US nu 。").
        stem = _key(re.sub(r"\S*[\s.\u2026\u3002]*$", "", ln.text))  # the last word may be cut
        # A complete sentence repeating a paragraph's start is a pull quote, not a cut teaser.
        whole = bool(_WHOLE_SENTENCE.search(ln.text))
        if len(stem) >= 20 and ln.kind not in ("dup",) and not whole:
            for j in range(i + 1, min(i + 9, len(lines))):
                if len(keys[j]) > len(stem) + 5 and keys[j].startswith(stem) and len(keys[j]) > len(keys[i]):
                    ln.kind = "teaser"
                    break
    _spread_cookie_notice(lines)
    if hint_title:
        hk = _key(hint_title)
        for i, ln in enumerate(lines):
            if keys[i] == hk and ln.kind not in ("prose",):
                ln.kind = "dup"


_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)


def _spread_cookie_notice(lines: list[Line]) -> None:
    """Relabel as a site notice (``promo``) the sentences about cookies next to a cookie notice
    ("This website uses cookies ..."): a consent dialog's explanation reads as prose, one
    sentence or paragraph a line."""
    for i, ln in enumerate(lines):
        if ln.kind != "promo" or not _COOKIE.search(ln.text):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and (lines[j].kind in ("promo", "dup", "short", "ui")
                                           or (lines[j].kind in ("prose", "sentence") and _COOKIE.search(lines[j].text))):
                if lines[j].kind in ("prose", "sentence"):
                    lines[j].kind = "promo"
                elif lines[j].kind == "short" and len(cl.words(lines[j].text)) > 4:
                    break
                j += step


#: Kinds of the lines of a box inside an article (links, a player, a photo, an advert label).
_BOX_KINDS = frozenset({"caption", "list_header", "related", "ui", "junk", "dup", "meta", "teaser"})


def _unstopped(ln: Line) -> bool:
    """A line written as a sentence but for its final stop: ten words or more, mostly in lower
    case, no list bullet."""
    return (ln.kind in ("short", "sentence") and not ln.bullet and len(cl.words(ln.text)) >= 10
            and cl.lower_share(ln.text) >= 0.5)


def mark_unstopped(lines: list[Line]) -> None:
    """Relabel as paragraphs the lines that lost their final stop between a date stamp or byline
    and the paragraph under them (``_unstopped``; photo captions may stand between)."""
    for i, ln in enumerate(lines):
        if ln.kind != "prose" or i == 0:
            continue
        # An inline box (a header and a few links), a video player or a photo may stand between
        # them and the first paragraph.
        j = i - 1
        while j >= max(0, i - 9) and (lines[j].kind in _BOX_KINDS or (
                lines[j].kind == "short" and len(cl.words(lines[j].text)) < 10)):
            j -= 1
        if j < 0 or not _unstopped(lines[j]) and lines[j].kind != "caption":
            continue
        top = j
        while j >= 0 and (_unstopped(lines[j]) or lines[j].kind == "caption"):
            j -= 1
        if j >= 0 and stamp(lines[j]):
            for k in range(j + 1, top + 1):
                if _unstopped(lines[k]):
                    lines[k].kind = "prose"


def mark_sentence_lines(lines: list[Line]) -> None:
    """Relabel as paragraphs the short complete sentences of a page that sets every sentence on a
    line of its own: three lines or more in a row, each a complete sentence (two or more of them
    too short to count as a paragraph, written mostly in lower case), with no list bullet, adding
    up to a paragraph's length."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind in ("prose", "sentence") and not lines[j].bullet:
            j += 1
        group = lines[i:j]
        # Table rows and lists of names end in a stop too, but are mostly capitals and digits.
        short = [ln for ln in group if ln.kind == "sentence" and cl.lower_share(ln.text) >= 0.4]
        if len(group) >= 3 and len(short) >= 2 and sum(len(ln.text) for ln in group) >= 150:
            for ln in short:
                ln.kind = "prose"
        i = max(j, i + 1)
