"""Cleaning: from a scraped page to the article's own paragraphs.

``clean`` labels every line of the page (prose, headline-like, date stamp, byline, credit, photo
caption, interface chrome, contact/footer, another script, duplicate, teaser), finds the article's
paragraph block (the longest run of prose between hard boundaries such as "Top 10 Stories",
bylines with e-mail addresses, copyright footers) and keeps the block's paragraphs. Every removed
line goes to ``doc.removed``; the labelled lines go to ``doc.notes["clean"]`` as evidence for the
metadata stage (headline, byline, dates, credits, copy-site wrapper).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Document
from . import clean_lines as cl
from .html import extract_html
from .metadata_dates import date_line_kind

#: Line kinds that end the article block: nothing of the article follows them.
HARD = frozenset({"footer", "credit", "byline", "tags", "list_header"})
#: Line kinds that are never body text.
NOISE = frozenset({"junk", "foreign", "date", "dateline", "byline", "credit", "footer", "contact", "caption", "ui", "tags",
                   "related", "list_header", "dup", "teaser", "list", "agency_credit"})
#: More than this many consecutive non-body lines end a block.
MAX_NOISE_STREAK = 4

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
_COMMENTS = re.compile(r"(?i)\bcomments?\b|\breply\b|\bdiscussion\b")
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
    drop the document with reason ``no_body`` when the body is shorter than
    ``settings["clean"]["min_body_chars"]`` characters."""
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
    lines = prepare_lines(text)
    latin_doc = _latin_document(lines)
    for ln in lines:
        ln.kind = classify(ln, latin_doc)
    _mark_relations(lines, doc.hints.get("title"))
    # An HTML extractor has already picked the main text: only drop the lines that are noise.
    # Scraped text is a whole page: keep only the article's paragraph block.
    start, end = find_html_block(lines) if html_mode else find_block(lines)
    kept, removed = [], []
    evidence = []
    for i, ln in enumerate(lines):
        pos = "pre" if start < 0 or i < start else ("post" if i > end else "in")
        if pos == "in" and (keep_in_html(ln) if html_mode else keep_in_block(ln)):
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
        doc.drop("no_body")
    return doc


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
        # Stamps, bylines, credits, captions, footers and menus are all shorter than this.
        return "prose" if cl.is_prose(item) else "short"
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
    if _LIST_HEADER.match(item.strip(" :|>-\u00bb")):
        return "list_header"
    if cl.is_caption(item):
        return "caption"
    if cl.is_footer(item):
        return "footer"
    if cl.is_contact(item):
        return "contact"
    if cl.is_ui(item) or cl.is_share_item(item):
        return "ui"
    if cl.is_related(item):
        return "related"
    if cl.is_prose(item):
        return "prose"
    if ln.bullet:
        return "list" if len(cl.words(item)) < 4 else "item"
    if cl.is_sentence(item):
        return "sentence"
    return "short"


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _mark_relations(lines: list[Line], hint_title: str | None) -> None:
    """Label lines by their neighbours: a line repeated within the next three lines (captions and
    headlines scraped twice), and a cut-off teaser of a following paragraph."""
    keys = [_key(ln.text) for ln in lines]
    for i, ln in enumerate(lines[:-1]):
        if ln.kind == "caption" and cl.CAPTION_LABEL.match(ln.text) and lines[i + 1].kind not in ("prose",):
            lines[i + 1].kind = "caption"
    for i, ln in enumerate(lines):
        # Table rows repeat by design (a header row per section).
        if ln.kind in ("junk",) or not keys[i] or ln.text.startswith("|"):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            if keys[j] == keys[i]:
                if ln.kind == "prose" and len(ln.text) >= 150:
                    lines[j].kind = "dup"  # a paragraph scraped twice: keep the first copy
                else:
                    for k in (i, j):
                        if lines[k].kind not in ("caption", "foreign"):
                            lines[k].kind = "dup"
                break
        # A teaser: the start of a following paragraph, cut off ("... former US nu 。").
        stem = _key(re.sub(r"\S*[\s.\u2026\u3002]*$", "", ln.text))  # the last word may be cut
        if len(stem) >= 20 and ln.kind not in ("dup",):
            for j in range(i + 1, min(i + 9, len(lines))):
                if len(keys[j]) > len(stem) + 5 and keys[j].startswith(stem) and len(keys[j]) > len(keys[i]):
                    ln.kind = "teaser"
                    break
    if hint_title:
        hk = _key(hint_title)
        for i, ln in enumerate(lines):
            if keys[i] == hk and ln.kind not in ("prose",):
                ln.kind = "dup"


def _keepable(ln: Line) -> bool:
    return ln.kind in ("prose", "sentence", "item")


def find_block(lines: list[Line]) -> tuple[int, int]:
    """Index of the first and last line of the article's paragraph block, or (-1, -1).

    1. Cut the page into runs of lines, each run starting at a prose line and ending at a hard
       boundary or a long streak of non-body lines.
    2. Take the run with the most prose; join neighbouring runs that read like article text and
       are separated by a few soft lines only (an inline "Related" box, an advert).
    3. Extend the start backwards over complete sentences (a short first paragraph) and trim
       the end back to the last complete sentence.
    """
    runs: list[list[int]] = []  # [start, end, prose_chars, prose_lines, lines]
    cur: list[int] | None = None
    streak = 0
    for i, ln in enumerate(lines):
        if cur is None:
            if ln.kind == "prose":
                cur = [i, i, len(ln.text), 1, 1]
                streak = 0
            continue
        if ln.kind in HARD:
            runs.append(cur)
            cur = None
            continue
        cur[4] += 1
        if _keepable(ln) or (ln.kind == "short" and streak < 2):
            if ln.kind == "prose":
                cur[2] += len(ln.text)
                cur[3] += 1
            if _keepable(ln):
                cur[1] = i
            streak = 0 if _keepable(ln) else streak + 1
        else:
            streak += _streak_weight(ln)
            if streak > MAX_NOISE_STREAK:
                runs.append(cur)
                cur = None
    if cur is not None:
        runs.append(cur)
    if not runs:
        return -1, -1
    # Most prose, discounted when the prose alternates with other lines (a list of teasers, each
    # with its headline and time stamp, is not an article).
    best = max(range(len(runs)), key=lambda r: runs[r][2] * min(1.0, runs[r][3] / runs[r][4] / 0.6))
    start, end = runs[best][0], runs[best][1]

    def article_like(run: list[int]) -> bool:
        return run[3] >= 2 and run[3] >= 0.4 * run[4]

    def soft_gap(a: int, b: int, run: list[int]) -> bool:
        gap = lines[a + 1:b]
        # An inline box of links ("Related articles" and a few headlines) may sit inside an
        # article; a byline, credit, tag list, footer or comment section never does.
        boxed = run[3] >= 3 and len(gap) <= 14 and all(
            (ln.kind == "list_header" and not _COMMENTS.search(ln.text)) or ln.kind not in HARD for ln in gap)
        return boxed or (len(gap) <= 5 and not any(ln.kind in HARD for ln in gap))

    for r in range(best + 1, len(runs)):
        if article_like(runs[r]) and soft_gap(end, runs[r][0], runs[r]):
            end = runs[r][1]
        else:
            break
    for r in range(best - 1, -1, -1):
        if article_like(runs[r]) and soft_gap(runs[r][1], start, runs[r]):
            start = runs[r][0]
        else:
            break
    # A headline or standfirst written as a sentence: a date stamp or byline follows it before
    # the next paragraph.
    for _ in range(2):
        nxt = next((j for j in range(start + 1, end + 1) if _keepable(lines[j])), None)
        if nxt is None or not any(lines[j].kind in ("date", "byline", "dateline") for j in range(start + 1, nxt)):
            break
        start = nxt
    # A short first paragraph ("North Korea fired a missile Sunday.") before the first long one.
    i = start - 1
    while i >= 0:
        ln = lines[i]
        # A question or exclamation there is more likely the headline.
        if (ln.kind == "sentence" and len(cl.words(ln.text)) >= 5 and not ln.bullet
                and ln.text.rstrip("\"'\u201d\u2019)")[-1:] == "." and cl.lower_share(ln.text) >= 0.4):
            start = i
        else:
            break
        i -= 1
    while end > start and not _keepable(lines[end]):
        end -= 1
    # A credit in brackets closes a story's last paragraph ("... he said. (Yonhap)"); a line that
    # ends so anywhere earlier is a photo caption.
    for i in range(start, end):
        if lines[i].kind in ("prose", "sentence") and cl.agency_tail(lines[i].text):
            lines[i].kind = "caption"
    while start < end and not _keepable(lines[start]):
        start += 1
    return start, end


def find_html_block(lines: list[Line]) -> tuple[int, int]:
    """First and last line of an extractor's main text worth keeping: from the first line that is
    not noise to the last one before a trailing list header ("Related stories") or footer."""
    idx = [i for i, ln in enumerate(lines) if keep_in_html(ln)]
    if not idx:
        return -1, -1
    start, end = idx[0], idx[-1]
    for i in range(start, end + 1):
        # An other-script line between paragraphs is a quotation; next to a headline or date it
        # is a wrapper's.
        if lines[i].kind == "foreign":
            before = next((ln for ln in reversed(lines[start:i]) if ln.kind not in ("foreign", "quotation")), None)
            after = next((ln for ln in lines[i + 1:end + 1] if ln.kind not in ("foreign", "quotation")), None)
            if before and after and _keepable(before) and _keepable(after):
                lines[i].kind = "quotation"
    for i in range(start, end + 1):
        # A list of other stories or a footer in the last part of the text ends the article.
        if lines[i].kind in ("list_header", "footer", "tags") and i > start + 0.6 * (end - start):
            before = [j for j in idx if j < i]
            if before:
                end = before[-1]
            break
    return start, end


#: Kinds an HTML extractor's main text may still hold that are never article text; links stay
#: (the extractor chose them; they are often quoted posts or sources).
HTML_NOISE = NOISE - {"contact", "junk", "list"}


def keep_in_html(ln: Line) -> bool:
    """Whether a line of an extractor's main text is article text: anything but clear noise."""
    return ln.kind not in HTML_NOISE


def _streak_weight(ln: Line) -> float:
    """How much a non-body line inside the article says "the article is over": photo captions,
    credits and stray interface words of an embedded post say little; headline-like lines and
    list items (a list of other stories) say more."""
    if ln.kind in ("caption", "junk", "dup", "ui", "contact") or len(cl.words(ln.text)) <= 2:
        return 0.5
    return 1.0


def keep_in_block(ln: Line) -> bool:
    """Whether a line inside the article block is article text (paragraphs, complete sentences,
    list items written as sentences, and subheadings of three words or more)."""
    if ln.kind in ("prose", "sentence", "item"):
        return True
    return ln.kind == "short" and len(cl.words(ln.text)) >= 3 and not ln.bullet


def _paragraph(ln: Line) -> str:
    return ln.item if ln.bullet and ln.kind in ("item",) else ln.text


def notes_summary(doc: Document) -> dict[str, Any]:
    """The cleaning evidence of ``doc`` (``doc.notes["clean"]``), or an empty record."""
    return doc.notes.get("clean") or {"latin_doc": True, "lines": [], "foreign_letters": 0,
                                      "first_paragraph": "", "last_paragraph": ""}
