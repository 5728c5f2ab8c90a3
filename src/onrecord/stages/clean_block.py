"""Cleaning, second step: which labelled lines of a page are the article.

Works on the lines ``clean`` split and labelled one by one: first relabels lines by their
neighbours (repeats, teasers), then finds the article's paragraph block in a scraped page, or the
worth-keeping span of an HTML extractor's text, and says which lines inside it are article text.
"""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

from . import clean_lines as cl
from . import clean_signals as cs
from .metadata_credits import find_dateline
from .metadata_dates import find_dates
from .clean_runs import HARD, Run, build_runs, keepable as _keepable, keywords, run_score, topical

if TYPE_CHECKING:
    from .clean import Line

#: Line kinds that are never body text.
NOISE = frozenset({"junk", "foreign", "date", "dateline", "byline", "credit", "footer", "contact", "caption", "ui", "tags",
                   "related", "list_header", "dup", "teaser", "list", "agency_credit", "comments", "meta", "promo",
                   "bio"})

_COMMENTS = re.compile(r"(?i)\bcomments?\b|\breply\b|\bdiscussion\b")

def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


_WHOLE_SENTENCE = re.compile(r"(?<![.\u2026])[\w\"'\u201d\u2019)][.!?][\"'\u201d\u2019)]?$")


def mark_relations(lines: list[Line], hint_title: str | None) -> None:
    """Label lines by their neighbours: the text of an embedded post above its signature line, a
    line repeated within the next three lines (captions and headlines scraped twice), and a
    cut-off teaser of a following paragraph."""
    keys = [_key(ln.text) for ln in lines]
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
    if hint_title:
        hk = _key(hint_title)
        for i, ln in enumerate(lines):
            if keys[i] == hk and ln.kind not in ("prose",):
                ln.kind = "dup"


def find_block(lines: list[Line]) -> tuple[int, int]:
    """Index of the first and last line of the article's paragraph block, or (-1, -1).

    1. Cut the page into runs of lines (``clean_runs.build_runs``).
    2. Take the most article-like run (``clean_runs.run_score``); join neighbouring runs that keep
       to its topic and are separated by a few soft lines only (an inline "Related" box, an
       advert, a photo).
    3. Extend the start backwards over complete sentences (a short first paragraph) and trim
       the end back to the last complete sentence.
    """
    runs = build_runs(lines)
    if not runs:
        return -1, -1
    best = max(range(len(runs)), key=lambda r: run_score(runs[r]))
    start, end = runs[best].start, runs[best].end
    words = collections.Counter(runs[best].words)

    texts = {lines[i].text for i in range(start, end + 1) if lines[i].kind == "prose"}

    def joins(run: Run, a: int, b: int) -> bool:
        if run.after_comments or run.stream:
            return False
        # A second copy of the article (a page that holds it twice) is not more of it.
        own = [lines[i].text for i in range(run.start, run.end + 1) if lines[i].kind == "prose"]
        if sum(t in texts for t in own) * 2 >= len(own):
            return False
        gap = lines[a + 1:b]
        # An inline box of links ("Related articles" and a few headlines), an advert or a photo
        # may sit inside an article; a byline, credit, tag list, footer or comment section never
        # does. The farther apart, the more the run must keep to the article's topic.
        # Table cells, numbers and stray words (a crude dump's one line per cell) count little.
        size = sum(0.0 if ln.kind in ("junk", "dup", "ui") else 1.0 if len(cl.words(ln.text)) >= 3 else 0.25
                   for ln in gap)
        if size > 25 or any(ln.kind in HARD and (ln.kind != "list_header" or _COMMENTS.search(ln.text))
                            for ln in gap):
            return False
        on_topic = topical(run, words)
        if size <= 5:
            return on_topic >= 0.25
        return on_topic >= (0.3 if run.article_like else 0.4)

    for r in range(best + 1, len(runs)):
        if not joins(runs[r], end, runs[r].start):
            break
        end = runs[r].end
        words.update(runs[r].words)
        texts.update(lines[i].text for i in range(runs[r].start, end + 1) if lines[i].kind == "prose")
    for r in range(best - 1, -1, -1):
        # The article's head (its date stamp, byline) stands between its paragraphs and what
        # comes before them.
        if any(_stamp(ln) for ln in lines[runs[r].end + 1:start]) or not joins(runs[r], runs[r].end, start):
            break
        texts.update(lines[i].text for i in range(runs[r].start, start) if lines[i].kind == "prose")
        start = runs[r].start
        words.update(runs[r].words)
    # A headline or standfirst written as a sentence: a date stamp or byline follows it before
    # the next paragraph.
    for _ in range(2):
        nxt = next((j for j in range(start + 1, end + 1) if _keepable(lines[j])), None)
        if nxt is None or not any(_stamp(lines[j]) for j in range(start + 1, nxt)):
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
    if start >= 0:
        start = _dateline_start(lines, start, end)
        seen: set[str] = set()
        for ln in lines[start:end + 1]:
            if ln.kind == "prose" and ln.text in seen:
                ln.kind = "dup"  # the article held twice by the page: keep the first copy
            seen.add(ln.text)
        for i in range(start + 1, end):
            ln = lines[i]
            # A subheading of a word or two, between two paragraphs.
            if (ln.kind == "short" and not ln.bullet and len(cl.words(ln.text)) <= 2
                    and lines[i - 1].kind in ("prose", "sentence") and lines[i + 1].kind == "prose"):
                ln.kind = "subhead"
        mark_link_lists(lines, start, end)
    return trim_edges(lines, start, end)


_BOX_HEAD = re.compile(
    r"^(?:don'?t miss|do not miss|must read|must see|see also|also read|read also|also see|also on\b.*|"
    r"more (?:stories|news|headlines|to read)|trending(?: now| news| stories)?|popular(?: now)?|"
    r"recommended(?: reading| stories)?|related(?: stories| articles| content| coverage| links)?|"
    r"(?:[\w' -]{1,40} )?more|more in [\w' -]{1,40}|further reading|what to read next|up next)\W*$",
    re.IGNORECASE,
)


_READ_MORE = re.compile(r"^(?:read more|read the full (?:story|article)|continue reading|full story|watch now)\W*$", re.IGNORECASE)


_DASH_DATELINE = re.compile(r"^[^:\u2014\u2013]{2,60}?(?:\u2014|\u2013|--| - |\) ?-)")


def _dateline_start(lines: list[Line], start: int, end: int) -> int:
    """The block's start moved to a paragraph opening with a dateline ("BUFFALO, N.Y. \u2014 ...",
    "WASHINGTON (AP) \u2014 ...") among its first few: an article's first paragraph, so what stands
    before it (a teaser or two, a link) is not the article."""
    prose = 0
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.kind != "prose":
            continue
        # A label with a colon ("DEAR ABBY:", "UPDATE:") is no dateline.
        if i > start and _DASH_DATELINE.match(ln.text) and any(find_dateline(ln.text)):
            return i
        prose += 1
        if prose > 2:
            break
    return start


def _stamp(ln: Line) -> bool:
    """A date stamp or byline, also one the line labels missed ("October 9, 2018 | by Olivia Larsen")."""
    return ln.kind in ("date", "byline", "dateline") or (
        ln.kind == "short" and len(ln.text) < 80 and bool(find_dates(ln.text)))


def _headline_like(ln: Line) -> bool:
    """A short line written as a headline or link text: no paragraph, no list bullet, three to
    twenty-five words, not closing a sentence with a period."""
    if ln.kind not in ("short", "sentence") or ln.bullet:
        return False
    n = len(cl.words(ln.text))
    # A line ending in a colon or an ellipsis introduces what follows.
    return 3 <= n <= 25 and not ln.text.rstrip("\"'\u201d\u2019)").endswith((".", ":", "\u2026"))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def mark_link_lists(lines: list[Line], start: int, end: int) -> None:
    """Relabel as ``related`` the links to other stories inside the block ``start``..``end``:
    the lines under an inline box header ("Related stories", "DON'T MISS", "More in Politics")
    up to the next paragraph; three or more headline-like lines in a row that no line ending in
    a colon introduces (a list in the article is introduced so) unless such groups recur through
    the block (a list of deals or products is the article); a long line in capitals."""
    groups: list[list[int]] = []
    i = start
    while i <= end:
        ln = lines[i]
        head = ln.kind in ("list_header", "related") or (ln.kind == "short" and _BOX_HEAD.match(ln.text.strip()))
        if head:
            j = i + 1
            while j <= end and lines[j].kind != "prose":
                if _headline_like(lines[j]) or lines[j].kind == "item":
                    lines[j].kind = "related"
                j += 1
            i = j
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _headline_like(ln) and nxt is not None and _READ_MORE.match(nxt.text):
            ln.kind = "related"  # a link with its "Read more" button
            i += 1
            continue
        if _headline_like(ln):
            j = i
            while j + 1 <= end and (_headline_like(lines[j + 1]) or lines[j + 1].kind in ("caption", "junk", "ui", "dup") or (
                    lines[j + 1].kind == "short" and len(cl.words(lines[j + 1].text)) <= 2)):
                j += 1
            group = [k for k in range(i, j + 1) if _headline_like(lines[k])]
            intro = next((lines[k] for k in range(i - 1, start - 1, -1) if _keepable(lines[k]) or (
                lines[k].kind == "short" and len(cl.words(lines[k].text)) > 2)), None)
            if len(group) >= 3 and not (intro is not None and intro.text.rstrip().endswith((":", "\u2026", "..."))):
                groups.append(group)
            elif len(group) == 1 and _all_caps(ln.text) and len(cl.words(ln.text)) >= 5 and not ln.text.endswith("?"):
                ln.kind = "related"
            i = j + 1
            continue
        i += 1
    if len(groups) <= 2:
        for group in groups:
            for k in group:
                lines[k].kind = "related"


#: Kinds that close an article: what follows them inside the block is end matter too.
_END_MATTER = frozenset({"bio", "promo", "comments"})


def trim_edges(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Narrow the block ``start``..``end`` (line indices) past what surrounds an article's text
    at its edges: author bios and calls to subscribe, follow or share (relabelled ``bio`` and
    ``promo``). End matter in the last part of the block (a bio, a call to subscribe, a comment
    header followed by less than a quarter of the block's paragraphs) closes the block there."""
    if start < 0:
        return start, end

    article = " ".join(ln.text for ln in lines[start:end + 1] if ln.kind == "prose" and not cs.is_bio(ln.text))

    def end_matter(ln: Line) -> bool:
        if ln.kind in _END_MATTER:
            return True
        if _keepable(ln) and cs.is_bio(ln.text, article.replace(ln.text, "")):
            ln.kind = "bio"
            return True
        if _keepable(ln) and cs.is_promo(ln.text, edge=True):
            ln.kind = "promo"
            return True
        return False

    def head_matter(ln: Line) -> bool:
        if _keepable(ln) and cs.is_depiction(ln.text):
            ln.kind = "caption"  # a photo at the top of the article, its caption a sentence
            return True
        return end_matter(ln)

    while start < end and (head_matter(lines[start]) or not _keepable(lines[start])):
        start += 1
    while end > start and (end_matter(lines[end]) or not _keepable(lines[end])):
        end -= 1
    chars = [len(ln.text) if ln.kind == "prose" else 0 for ln in lines[start:end + 1]]
    total, before = sum(chars), 0
    for i in range(start, end + 1):
        before += chars[i - start]
        ln = lines[i]
        if before < 0.5 * total:
            continue
        after = total - before + chars[i - start]
        # A press release's "About Ascom" section is longer than a bio or a call to subscribe; a
        # call to subscribe may also stand between two paragraphs, so what follows it must leave
        # the article's topic.
        about = ln.kind == "short" and cs.ABOUT_HEAD.match(ln.text)
        if about and after < 0.4 * total:
            cut = True
        elif after < 0.25 * total and (ln.kind in _END_MATTER or (
                _keepable(ln) and cs.is_bio(ln.text, article.replace(ln.text, "")))):
            # A bio or a call to act followed by a line or two (more calls) ends the article; before
            # more than that, only if what follows leaves the article's topic.
            rest = sum(1 for ln2 in lines[i + 1:end + 1] if _keepable(ln2))
            bio = ln.kind == "bio" or _keepable(ln)
            cut = (bio and rest <= 2 and after - chars[i - start] < 0.1 * total) or _off_topic(lines, start, i, end)
        else:
            cut = False
        if cut:
            if _keepable(ln):
                ln.kind = "bio"
            end = i - 1
            while end > start and not _keepable(lines[end]):
                end -= 1
            break
    return start, end


def _off_topic(lines: list[Line], start: int, i: int, end: int) -> bool:
    """Whether the paragraphs after line ``i`` (to ``end``) leave the topic of those from
    ``start`` to ``i``."""
    seen: set[str] = set()
    for ln in lines[start:i]:
        if ln.kind == "prose":
            seen |= keywords(ln.text)
    rest = collections.Counter(w for ln in lines[i + 1:end + 1] if ln.kind == "prose" for w in keywords(ln.text))
    total = sum(rest.values())
    return not total or sum(n for w, n in rest.items() if w in seen) < 0.3 * total


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


def keep_in_block(ln: Line) -> bool:
    """Whether a line inside the article block is article text (paragraphs, complete sentences,
    list items written as sentences, embedded posts, subheadings)."""
    if ln.kind in ("prose", "sentence", "item", "embed", "subhead"):
        return True
    return ln.kind == "short" and len(cl.words(ln.text)) >= 3 and not ln.bullet
