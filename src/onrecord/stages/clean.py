"""Cleaning: from a scraped page to the article's own paragraphs.

``clean`` labels every line of the page (prose, headline-like, date stamp, byline, credit, photo
caption, interface chrome, contact/footer, another script, duplicate, teaser, comment header,
post furniture, call to act, embedded post), relabels lines by their neighbours
(``clean_relabel.mark_relations``), cuts the page into runs of paragraphs and grows the article's
block from the most article-like of them (``clean_runs``, ``clean_block.find_block``: cohesion,
comment sections, streams of posts, teaser lists, the head's date stamp), narrows the block at its
edges and drops the links inside it (``clean_edges``), and keeps the block's paragraphs. Every
removed line goes to ``doc.removed``; the labelled lines go to ``doc.notes["clean"]`` as evidence
for the metadata stage (headline, byline, dates, credits, copy-site wrapper).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Document
from . import clean_lines as cl
from . import clean_signals as cs
from .html import extract_html
from .clean_block import find_block, find_html_block, keep_in_block, keep_in_html
from .clean_relabel import mark_relations
from .metadata_dates import date_line_kind

_LIST_HEADER = re.compile(
    r"^(?:top \d+ (?:stories|news|articles)|(?:most|top) (?:read|viewed|popular|shared|emailed)(?: .{0,30})?|"
    r"(?:related|more|other|latest|recent|popular|top|trending|recommended|featured) "
    r"(?:articles?|stories|news|posts|headlines|videos?|reading|links|content|coverage|topics)(?: .{0,30})?|"
    r"you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|editor'?s? picks?|"
    r"more (?:from|on|in|about) [\w' -]{1,40}|(?:leave|post|add|write) a (?:comment|reply).*|"
    r"comments?(?: \(\d+\))?|\d+ comments?|share this (?:article|story)|what to read next|read next|"
    r"in (?:other|case you missed)[\w ]{0,30}|sponsored (?:stories|links|content)|from the web|"
    r"around the web|promoted stories|today'?s (?:top )?(?:news|stories|headlines)|news ?letter.*|"
    r"subscribe.*|sign up.*)$",
    re.IGNORECASE,
)
#: A dateline scraped onto a line of its own ("Seoul, South Korea CNN —").
_DATELINE_LINE = re.compile(r"^[A-Z][\w.'\- ]{1,30}(?:,\s*[A-Z][\w.'\- ]{1,30})?(?:\s*\(?[A-Z][\w&.\- ]{0,20}\)?)?\s*(?:\u2014|\u2013|--)$")
_AGENCY_ONLY = re.compile(
    rf"^(?:(?i:source|sources|via|credit|news source)\s*[:\uff1a]\s*)?[\(\[\-\u2014\u2013/ ]*(?:{cl._AGENCY_ALT})[\)\] .]*$",
    re.IGNORECASE)


@dataclass(slots=True)
class Line:
    """One line (or a split-off piece of one) of the page. ``raw`` is the input as given, ``text``
    the normalised text; ``kind`` the label; ``item`` the text without a list bullet."""

    raw: str
    text: str
    kind: str = ""
    item: str = ""
    bullet: bool = False
    blank_before: bool = False


def clean(doc: Document, settings: dict) -> Document:
    """Set ``doc.body`` (the article's paragraphs, one per line, separated by one blank line),
    ``doc.removed`` (the removed lines, in order) and ``doc.notes["clean"]`` (labelled evidence);
    drop the document when the body is shorter than ``settings["clean"]["min_body_chars"]``
    characters: with reason ``not_english`` when English is kept and the page is written in
    another script, else ``no_body``."""
    min_chars = int((settings or {}).get("clean", {}).get("min_body_chars", 200))
    text = doc.raw or ""
    html_mode = doc.fmt == "html"
    if html_mode:
        ext = extract_html(text, doc.url or doc.hints.get("url"))
        doc.notes["html"] = {
            "title": ext.title, "authors": list(ext.authors or []), "date": ext.date,
            "sitename": ext.sitename, "url": ext.url, "description": ext.description,
        }
        text = ext.text or ""
    lines, latin_doc, spans = segment(text, html_mode, doc.hints.get("title"))
    kept, removed = [], []
    evidence = []
    for ln, pos, keep in spans:
        if keep:
            kept.append(_paragraph(ln))
        else:
            removed.append(ln.raw)
            evidence.append([ln.kind, ln.text, pos])
    doc.body = "\n\n".join(p for p in kept if p)
    doc.removed = removed
    doc.notes["clean"] = {
        "latin_doc": latin_doc,
        "lines": evidence,
        "foreign_letters": sum(cl.letter_counts(t)[0] - cl.letter_counts(t)[1]
                               for k, t, _ in evidence if k == "foreign") if latin_doc else 0,
        "first_paragraph": kept[0] if kept else "",
        "last_paragraph": kept[-1] if kept else "",
    }
    if len(doc.body) < min_chars:
        doc.drop("not_english" if _foreign_page(text, settings) else "no_body")
    return doc


#: Below this share of Latin letters, a page with no body is a page in another script.
FOREIGN_LATIN_SHARE = 0.1


def _foreign_page(text: str, settings: dict) -> bool:
    """Whether ``text`` is written in another script while English is kept: a Russian or Korean
    article is skipped as ``not_english``, not as having no body, though the cleaning (made for
    English pages) removed its lines. A short English story in a foreign site's wrapper has more
    Latin letters than this and stays ``no_body``; a page in another Latin-script language keeps
    its body here and is judged by the language stage."""
    if "en" not in (settings or {}).get("language", {}).get("keep", ["en"]):
        return False
    letters, latin = cl.letter_counts(text)
    return letters > 0 and latin < FOREIGN_LATIN_SHARE * letters


def segment(text: str, html_mode: bool = False, hint_title: str | None = None
            ) -> tuple[list[Line], bool, list[tuple[Line, str, bool]]]:
    """Split ``text`` into labelled lines and place each against the article: returns the lines,
    whether the page's running text is Latin, and per line ``(line, where, kept)`` with ``where``
    one of ``pre``/``in``/``post`` (before, inside or after the article block) and ``kept`` whether
    the line is article text. ``html_mode`` when ``text`` is an extractor's main text rather than
    a whole page."""
    lines = prepare_lines(text)
    latin_doc = _latin_document(lines)
    for ln in lines:
        ln.kind = classify(ln, latin_doc)
    mark_relations(lines, hint_title)
    # An HTML extractor has already picked the main text: only drop the lines that are noise.
    # Scraped text is a whole page: keep only the article's paragraph block.
    start, end = find_html_block(lines) if html_mode else find_block(lines)
    spans = []
    for i, ln in enumerate(lines):
        pos = "pre" if start < 0 or i < start else ("post" if i > end else "in")
        spans.append((ln, pos, pos == "in" and (keep_in_html(ln) if html_mode else keep_in_block(ln))))
    return lines, latin_doc, spans


def prepare_lines(text: str) -> list[Line]:
    """Split ``text`` into normalised lines, split off runs of another script glued to a
    paragraph, and re-join hard-wrapped paragraphs."""
    out: list[Line] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        t = cl.normalise_line(raw)
        if not t:
            blank = True
            continue
        head, t2 = cl.split_script_head(t)
        pieces = ([head] if head else []) + list(filter(None, cl.split_script_tail(t2)))
        for j, piece in enumerate(pieces):
            out.append(Line(raw=raw.strip() if len(pieces) == 1 else piece, text=piece, blank_before=blank and j == 0))
        blank = False
    return _join_wrapped(out)


_FUNCTION_END = re.compile(r"(?:[,;\-\u2013]|\b(?:the|a|an|of|and|or|to|in|on|at|for|by|with|from|that|as|is|was|were|"
                           r"are|has|have|had|his|her|their|its|who|which|but))\s*$")


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the sentence ``prev`` breaks off (a wrapped line)."""
    if prev[-1:] in ".!?:\"\u201d\u2019)]\u3002" or not nxt:
        return False
    return nxt[0].islower() or bool(_FUNCTION_END.search(prev))


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Re-join paragraphs a scraper hard-wrapped at a fixed width.

    A group of consecutive lines (no blank line between) is one wrapped paragraph when all but its
    last line end near the same column and at least one line break cuts a sentence; a single
    break inside a sentence ("... making the rounds on social media," / "show Nigerian ...") is
    joined too.
    """
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and not ln.blank_before and not cl.strip_bullet(ln.text)[0] and not cl.strip_bullet(groups[-1][-1].text)[0]:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    out: list[Line] = []
    for g in groups:
        if len(g) > 1 and _wrapped_group(g):
            out.append(_merge(g))
            continue
        for j, ln in enumerate(g):
            prev = out[-1] if out else None
            if (j > 0 and prev is not None and len(prev.text) >= 30 and prev.text != ln.text
                    and cl.foreign_share(prev.text) < 0.3 and _continues(prev.text, ln.text)):
                out[-1] = _merge([prev, ln])
            else:
                out.append(ln)
    return out


def _wrapped_group(g: list[Line]) -> bool:
    widths = [len(ln.text) for ln in g]
    width = max(widths)
    if not 50 <= width <= 110 or any(w < width - 25 for w in widths[:-1]):
        return False
    if len({ln.text for ln in g}) < len(g):
        return False
    return any(_continues(a.text, b.text) for a, b in zip(g, g[1:]))


def _merge(g: list[Line]) -> Line:
    text = g[0].text
    for ln in g[1:]:
        text = text + ln.text if text.endswith("-") and ln.text[:1].islower() else f"{text} {ln.text}"
    return Line(raw="\n".join(ln.raw for ln in g), text=text, blank_before=g[0].blank_before)


def _latin_document(lines: list[Line]) -> bool:
    """Whether the page's running text is in Latin script (judged on its longer lines)."""
    letters = latin = 0
    for ln in lines:
        if len(ln.text) >= 40:
            a, b = cl.letter_counts(ln.text)
            letters, latin = letters + a, latin + b
    if not letters:
        for ln in lines:
            a, b = cl.letter_counts(ln.text)
            letters, latin = letters + a, latin + b
    return latin >= 0.5 * letters if letters else True


def classify(ln: Line, latin_doc: bool = True) -> str:
    """The kind of one line on its own (before looking at its neighbours)."""
    t = ln.text
    ln.bullet, ln.item = cl.strip_bullet(t)
    item = ln.item
    letters, latin = cl.letter_counts(t)
    if not letters:
        return "junk"
    if ((letters - latin) if latin_doc else latin) > (0.3 if latin_doc else 0.7) * letters:
        return "foreign"
    if len(item) > 400:
        # A service notice lists its telephone, fax and e-mail labels again and again.
        if cl.is_service_notice(item):
            return "contact"
        # Stamps, bylines, credits, captions, footers and menus are all shorter than this.
        return "prose" if cl.is_prose(item) else "short"
    if cs.is_post_signature(item):
        return "embed"
    if cs.is_post_meta(item):
        return "meta"
    if len(item) < 160 and date_line_kind(item):
        return "date"
    if cl.is_credit(item):
        return "credit"
    if cl.byline_names(item):
        return "byline"
    if _AGENCY_ONLY.match(item):
        return "agency_credit"
    if cl.is_tags(item):
        return "tags"
    if _DATELINE_LINE.match(item):
        return "dateline"
    if cs.is_comment_head(item):
        return "comments"
    if _LIST_HEADER.match(item.strip(" :|>-\u00bb")):
        return "list_header"
    if cl.is_caption(item) or cs.is_caption_shape(item):
        return "caption"
    if cl.is_footer(item):
        return "footer"
    if cl.is_contact(item):
        return "contact"
    if cl.is_ui(item) or cl.is_share_item(item):
        return "ui"
    if cl.is_related(item):
        return "related"
    if cs.is_promo(item):
        return "promo"
    if cs.is_cut_teaser(item):
        return "teaser"
    if cl.is_prose(item):
        return "prose"
    if ln.bullet:
        return "list" if len(cl.words(item)) < 4 else "item"
    if cl.is_sentence(item):
        return "sentence"
    return "short"


def _paragraph(ln: Line) -> str:
    return ln.item if ln.bullet and ln.kind in ("item",) else ln.text


def notes_summary(doc: Document) -> dict[str, Any]:
    """The cleaning evidence of ``doc`` (``doc.notes["clean"]``), or an empty record."""
    return doc.notes.get("clean") or {"latin_doc": True, "lines": [], "foreign_letters": 0,
                                      "first_paragraph": "", "last_paragraph": ""}
