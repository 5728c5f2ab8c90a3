"""Cleaning, second step: which labelled lines of a page are the article.

Works on the lines ``clean`` split, labelled one by one and relabelled by their neighbours
(``clean_relabel``): finds the article's paragraph block in a scraped page, or the worth-keeping
span of an HTML extractor's text, and says which lines inside it are article text.
"""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

from . import clean_lines as cl
from .clean_edges import closing_list, dateline_start, is_box_head, is_dateline_lede, mark_link_lists, mark_player, stamp, trim_edges
from .clean_relabel import mark_sentence_lines, mark_unstopped
from .clean_runs import HARD, Run, build_runs, keepable as _keepable, run_score, topical, topical_words

if TYPE_CHECKING:
    from .clean import Line

#: Line kinds that are never body text.
NOISE = frozenset({"junk", "foreign", "date", "dateline", "byline", "credit", "footer", "contact", "caption", "ui", "tags",
                   "related", "list_header", "dup", "teaser", "list", "agency_credit", "comments", "meta", "promo",
                   "bio"})

_COMMENTS = re.compile(r"(?i)\bcomments?\b|\breply\b|\bdiscussion\b")

_CAPS_LEAD = re.compile(r"^[A-Z]{3,}(?: [A-Z]{2,})?\b(?! ?\()")
_PRICE = re.compile(r"[$\u00a3\u20ac]\s?\d|\b\d+(?:[.,]\d+)? ?(?:USD|EUR|GBP|dollars|euros|pounds)\b")
_LABEL_LEAD = re.compile(r"^[^.:!?]{3,60}: \S")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)] ")


def list_forms(texts, least: int = 1, share: float = 2 / 3) -> set[str]:
    """The forms that mark the items of a list and that at least ``least`` and the ``share`` of
    ``texts`` (paragraphs) have: a lead word in capitals ("VISIT the ..."), a price, a label and
    a colon ("Apple AirPods Pro: ..."), a number ("3. ...")."""
    texts = list(texts)
    out = set()
    for name, rx in (("caps", _CAPS_LEAD), ("price", _PRICE), ("label", _LABEL_LEAD), ("number", _NUMBERED)):
        n = sum(1 for t in texts if rx.search(t))
        if n >= least and n >= share * len(texts):
            out.add(name)
    return out


def _grow(lines: list[Line], runs: list[Run], seed: int) -> tuple[int, int, float]:
    """The block grown from run ``seed``: (first line, last line, score). Neighbouring runs join
    while they keep to the block's topic and only a few soft lines stand between; the score
    adds up the runs' ``run_score`` and rises by half under a date stamp or byline."""
    start, end = runs[seed].start, runs[seed].end
    words = collections.Counter(runs[seed].words)
    score = run_score(runs[seed])
    first = seed
    texts = {lines[i].text for i in range(start, end + 1) if lines[i].kind == "prose"}

    def joins(run: Run, a: int, b: int, lede: bool = False) -> bool:
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
        # Table cells, numbers, stray words (a crude dump's one line per cell) and the captions of a
        # photo gallery count little.
        size = sum(0.0 if ln.kind in ("junk", "dup", "ui") else 0.25 if ln.kind == "caption" or len(cl.words(ln.text)) < 3
                   else 1.0 for ln in gap)
        hard = [ln for ln in gap if ln.kind in HARD and (ln.kind != "list_header" or _COMMENTS.search(ln.text))]
        on_topic = topical(run, words)
        # A byline inside an article (a live report's entries, a second writer) lets text on the
        # same topic go on.
        if hard and not (size <= 5 and all(ln.kind == "byline" for ln in hard) and run.article_like and on_topic >= 0.5):
            return False
        if size > 25:
            return False
        # Text going on after an inline box of links, as densely written as an article, needs
        # less to share.
        # The box's header may be a bare word the page repeats box after box ("Related").
        boxed = size <= 10 and any(ln.kind in ("list_header", "related") or is_box_head(ln.text) for ln in gap)
        if boxed and run.prose >= 2 and run.prose >= 0.6 * run.size and on_topic >= 0.1:
            return True
        # The first paragraph or two right under the article's head, then a box, a gallery or an
        # advert, then the rest: a lede is short, so it shares few words with the rest.
        if lede and size <= 10 and run.prose >= 0.5 * run.size and on_topic >= 0.1:
            return True
        # The items of a list (events, deals, products) share their form, not their words; an
        # introduction may stand before them.
        if size <= 10 and list_forms(own) & list_forms(texts, 2, 0.5):
            return True
        if size <= 5:
            return on_topic >= 0.25
        return on_topic >= (0.3 if run.article_like else 0.4)

    for r in range(seed + 1, len(runs)):
        lede = runs[first].anchored and sum(runs[k].prose for k in range(first, r)) <= 3
        if not joins(runs[r], end, runs[r].start, lede):
            break
        end = runs[r].end
        words.update(runs[r].words)
        score += run_score(runs[r])
        texts.update(lines[i].text for i in range(runs[r].start, end + 1) if lines[i].kind == "prose")
    for r in range(seed - 1, -1, -1):
        # The article's head (its date stamp, byline) stands between its paragraphs and what
        # comes before them.
        lede = runs[r].anchored and runs[r].prose <= 3
        if any(stamp(ln) for ln in lines[runs[r].end + 1:start]) or not joins(runs[r], runs[r].end, start, lede):
            break
        texts.update(lines[i].text for i in range(runs[r].start, start) if lines[i].kind == "prose")
        start = runs[r].start
        first = r
        words.update(runs[r].words)
        score += run_score(runs[r])
    # A date stamp or byline just above the block (an article's head) raises it by half.
    return start, end, score * (1.5 if runs[first].anchored else 1.0)


def _head_above(lines: list[Line], start: int, reach: int = 5) -> bool:
    """Whether the block starting at line ``start`` has a head of its own: a date stamp or byline
    among the ``reach`` lines above it, with no paragraph between (share buttons or a newsletter
    box may stand between an article's head and its first paragraph)."""
    for ln in lines[max(0, start - reach):start][::-1]:
        if stamp(ln):
            return True
        if _keepable(ln) and ln.kind == "prose":
            return False
    return False


def _headed(lines: list[Line], start: int, reach: int = 5) -> bool:
    """Whether the block starting at line ``start`` opens an article: a head above it
    (``_head_above``), a first paragraph opening with a dateline ("HANOI, Vietnam (AP) \u2014"),
    or a standfirst as its first paragraph with the date stamp or byline under it."""
    if _head_above(lines, start, reach) or is_dateline_lede(lines[start].text):
        return True
    for ln in lines[start + 1:start + 1 + reach]:
        if stamp(ln):
            return True
        if ln.kind == "prose":
            return False
    return False


def _listed(lines: list[Line], first: int, last: int, nxt: int) -> bool:
    """Whether the text from line ``first`` to ``last`` is an item of a list of teasers: a list
    header ("Latest News") just above its head, or another paragraph right under a date stamp of
    its own within eight lines of it (before line ``nxt``, where the text after the list begins)."""
    if any(ln.kind == "list_header" for ln in lines[max(0, first - 4):first]):
        return True
    for i in [*range(max(2, first - 8), first), *range(last + 1, min(nxt, last + 9))]:
        if (lines[i].kind == "prose" and lines[i - 1].kind != "prose"
                and any(stamp(ln) for ln in lines[i - 2:i])):
            return True
    return False


#: Kinds of the lines that close an article before whatever the page shows next: share and
#: print buttons, tags, a comment section, a "More stories" header, a footer, calls to act.
_CLOSING = frozenset({"ui", "meta", "tags", "comments", "list_header", "footer", "promo", "bio"})


def _closed(lines: list[Line], last: int, nxt: int) -> bool:
    """Whether the page closes the text ending at line ``last`` before line ``nxt``: a line of an
    article's end matter (``_CLOSING``) between them, where a list of teasers has only their
    headlines and date stamps."""
    return any(ln.kind in _CLOSING for ln in lines[last + 1:nxt])


_PHOTO_CREDIT = re.compile(
    r"^\(?(?:(?i:image|photo|picture|photograph|credit)s?(?i: credit)?\s*:\s*)?(?:\u00a9|\(c\))\s*[^.!?]{2,50}\)?$|"
    r"^\(?(?:(?i:image|photo|picture|photograph|credit)s?(?i: credit)?\s*:\s*)(?:\u00a9\s*)?[A-Z][^.!?]{1,50}\)?$|"
    r"^\(?(?i:getty(?: images)?|shutterstock|istock(?:photo)?|alamy|ap photo|afp(?: via getty images)?)\)?$")


def _listing_block(lines: list[Line], reach: int = 12) -> tuple[int, int]:
    """The block of an article with no paragraph at all (a round-up of results, a listing of
    short facts), or (-1, -1): under the article's date stamp or byline, from the first line that
    can carry text to the last complete sentence before the next stamp, footer or other hard
    boundary; the first sentence within ``reach`` lines of the stamp, and three sentences or more
    adding up to a paragraph's length (200 characters)."""
    first = next((i for i, ln in enumerate(lines) if ln.kind == "sentence" and not ln.bullet), None)
    if first is None:
        return -1, -1
    head = next((i for i in range(first - 1, max(-1, first - 1 - reach), -1) if stamp(lines[i])), None)
    if head is None:
        return -1, -1
    stop = next((i for i in range(head + 1, len(lines)) if lines[i].kind in HARD or stamp(lines[i])
                 or lines[i].kind == "footer"), len(lines))
    sentences = [i for i in range(first, stop) if lines[i].kind == "sentence" and not lines[i].bullet]
    if len(sentences) < 3 or sum(len(lines[i].text) for i in sentences) < 200:
        return -1, -1
    return trim_edges(lines, head + 1, sentences[-1])


def find_block(lines: list[Line]) -> tuple[int, int]:
    """Index of the first and last line of the article's paragraph block, or (-1, -1).

    1. Cut the page into runs of lines (``clean_runs.build_runs``).
    2. Grow a block from every run, joining neighbouring runs that keep to its topic and are
       separated by a few soft lines only (an inline "Related" box, an advert, a photo); take the
       block with the most article (``clean_runs.run_score`` of its runs), or an earlier one under
       its own date stamp when the bigger one has a head of its own and is about something else
       (the next story on a page that scrolls on).
    3. Extend the start backwards over complete sentences (a short first paragraph) and trim
       the end back to the last complete sentence.

    A page with no paragraph at all may still hold an article of short lines (``_listing_block``).
    """
    mark_unstopped(lines)
    mark_sentence_lines(lines)
    runs = build_runs(lines)
    if not runs:
        return _listing_block(lines)
    blocks = [_grow(lines, runs, r) for r in range(len(runs))]
    # The block holding the most article wins; an earlier block of several paragraphs under its
    # own date stamp or byline that comes close is the article and the later one the next story
    # (a page that scrolls on to further articles).
    best = max(range(len(blocks)), key=lambda r: blocks[r][2])

    def block_words(first: int, last: int) -> collections.Counter:
        return sum((run.words for run in runs if first <= run.start <= last), collections.Counter())

    if _headed(lines, blocks[best][0], 12):
        for r in range(best):
            first, last, score = blocks[r]
            if last >= blocks[best][0]:
                continue
            if topical_words(block_words(*blocks[best][:2]), block_words(first, last)) >= 0.3:
                continue
            own = [run for run in runs if first <= run.start <= last]
            prose = sum(run.prose for run in own)
            closed = _closed(lines, last, blocks[best][0])
            if prose >= 2 and score >= 0.05 * blocks[best][2] and _headed(lines, first, 12):
                won = True
            elif _head_above(lines, first, 12):
                # A one-paragraph article under its own date stamp or byline, which the page
                # closes (share buttons, tags) before the next story's head.
                won = (closed and sum(run.chars for run in own) >= 150
                       and not _listed(lines, first, last, blocks[best][0]))
            else:
                # No head of its own (the page showed no date or byline for it): several
                # paragraphs read as an article and closed before the next story's head.
                # Teasers (paragraphs that share few words, or glued to their headlines) and text
                # the page shows twice (a ticker) are not.
                won = (closed and prose >= 3 and score >= 0.25 * blocks[best][2]
                       and max(own, key=lambda run: run.chars).cohesion >= 0.15
                       and all(run.article_like and not run.repeats and not run.glued for run in own))
            if won:
                # The largest block holding this one (the rest of the article, grown from a
                # later run) ahead of the next story.
                nxt = blocks[best][0]
                best = max((r2 for r2 in range(best) if blocks[r2][0] <= first and last <= blocks[r2][1] < nxt),
                           key=lambda r2: blocks[r2][2])
                break
    start, end, _ = blocks[best]
    # A headline or standfirst written as a sentence: a date stamp or byline follows it before
    # the next paragraph.
    for _ in range(2):
        nxt = next((j for j in range(start + 1, end + 1) if _keepable(lines[j])), None)
        if nxt is None or not any(stamp(lines[j]) for j in range(start + 1, nxt)):
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
        elif ln.kind in ("short", "sentence") and len(cl.words(ln.text)) >= 8 and is_dateline_lede(ln.text):
            start = i  # "HAYWARD, Calif. (AP) \u2014 The Latest on ... (all times local):"
            ln.kind = "sentence"
        elif i == start - 1 and len(cl.words(ln.text)) <= 2 and i > 0 and is_dateline_lede(lines[i - 1].text):
            pass  # a live report's time stamp ("10 p.m.") under the dateline
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
        start = dateline_start(lines, start, end)
        seen: set[str] = set()
        for ln in lines[start:end + 1]:
            if ln.kind == "prose" and ln.text in seen:
                ln.kind = "dup"  # the article held twice by the page: keep the first copy
            seen.add(ln.text)
        for i in range(start + 1, end):
            ln = lines[i]
            # A photo's credit on a line of its own ("(Image: \u00a9 TNG)", "GETTY") closes its
            # caption, which reads as a paragraph; a credit may also stand above its caption, so
            # the caption is the shorter of the two lines around it.
            before, after = lines[i - 1], lines[i + 1]
            if (_PHOTO_CREDIT.match(ln.text) and before.kind in ("prose", "sentence") and len(before.text) <= 250
                    and (after.kind not in ("prose", "sentence") or len(before.text) < len(after.text))):
                before.kind = "caption"
                ln.kind = "caption"
                continue
            # A subheading of a word or two, between two paragraphs (or under the line that
            # introduces the sections: "Here are some of the highlights:").
            if (ln.kind == "short" and not ln.bullet and len(cl.words(ln.text)) <= 2
                    and (lines[i - 1].kind in ("prose", "sentence") or lines[i - 1].text.endswith(":"))
                    and lines[i + 1].kind == "prose"):
                ln.kind = "subhead"
        mark_player(lines, start, end)
        mark_link_lists(lines, start, end)
        end = closing_list(lines, start, end)
    return trim_edges(lines, start, end)


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
