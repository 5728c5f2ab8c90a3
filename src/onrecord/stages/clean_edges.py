"""Cleaning, third step: the edges of the article block and the links inside it.

Once ``find_block`` has the article's stretch of the page, these functions narrow it: the first
paragraph is the one that opens with a dateline; links to other stories inside it (an inline
"Related stories" box, headlines in a row, a line in capitals) are relabelled ``related``; author
bios, calls to subscribe and press-release "About" sections at its end close it.
"""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING

from . import clean_lines as cl
from . import clean_signals as cs
from .clean_runs import headline_like, keepable as _keepable, keywords
from .metadata_credits import find_dateline
from .metadata_dates import find_dates

if TYPE_CHECKING:
    from .clean import Line


_BOX_HEAD = re.compile(
    r"^(?:don'?t miss|do not miss|must read|must see|see also|also read|read also|read more|also see|also on\b.*|"
    r"more (?:stories|news|headlines|to read)|trending(?: now| news| stories)?|popular(?: now)?|"
    r"recommended(?: reading| stories)?|related(?: stories| articles| content| coverage| links)?|"
    r"(?:[\w' -]{1,40} )?more|more in [\w' -]{1,40}|further reading|what to read next|up next)\W*$",
    re.IGNORECASE,
)


def is_box_head(text: str) -> bool:
    """Whether ``text`` is the header of a box of links ("Related", "DON'T MISS", "More in Politics")."""
    return bool(_BOX_HEAD.match(text.strip()))


_READ_MORE = re.compile(r"^(?:read more|read the full (?:story|article)|continue reading|full story|watch now)\W*$", re.IGNORECASE)


_DASH_DATELINE = re.compile(r"^[^:\u2014\u2013]{2,60}?(?:\u2014|\u2013|--| - |\) ?-)")


def is_dateline_lede(text: str) -> bool:
    """Whether ``text`` opens with a dateline and a dash ("BUFFALO, N.Y. \u2014 ", "WASHINGTON (AP) \u2014 ");
    a label with a colon ("DEAR ABBY:", "UPDATE:") is no dateline."""
    return bool(_DASH_DATELINE.match(text)) and any(find_dateline(text))


def dateline_start(lines: list[Line], start: int, end: int) -> int:
    """The block's start moved to a paragraph opening with a dateline ("BUFFALO, N.Y. \u2014 ...",
    "WASHINGTON (AP) \u2014 ...") among its first few: an article's first paragraph, so what stands
    before it (a teaser or two, a link) is not the article."""
    prose = 0
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.kind != "prose":
            continue
        # The article goes on after its first paragraph; a teaser's dateline stands alone.
        if i > start and is_dateline_lede(ln.text) and any(lines[j].kind == "prose" for j in range(i + 1, end + 1)):
            return i
        prose += 1
        if prose > 2:
            break
    return start


def stamp(ln: Line) -> bool:
    """A date stamp or byline, also one the line labels missed ("October 9, 2018 | by Olivia Larsen")."""
    return ln.kind in ("date", "byline", "dateline") or (
        ln.kind == "short" and len(ln.text) < 80 and bool(find_dates(ln.text)))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


_DURATION = r"\d{1,2}:\d{2}(?::\d{2})?"
_BARE_TIME = re.compile(rf"^{_DURATION}$")
_PLAYER = re.compile(rf"^(?:now playing|playing next|up next|watch next|next video|(?:watch )?video|watch|"
                     rf"play(?: video)?|replay|pause|mute|unmute|(?:video )?duration\W*{_DURATION}|"
                     rf"{_DURATION}(?:\s*/\s*{_DURATION})?)\W*$", re.IGNORECASE)


def mark_player(lines: list[Line], start: int, end: int) -> None:
    """Relabel as ``related`` the titles and blurbs of a video player inside the block
    ``start``..``end``: short lines that stand between two of the player's own lines ("Now
    Playing", "Up Next", a duration "1:23") at most four lines apart."""
    # A player right after the article's last paragraph has its closing lines past the block.
    marks = [i for i in range(start, min(len(lines), end + 5)) if len(lines[i].text) <= 24 and _PLAYER.match(lines[i].text)]
    for a, b in zip(marks, marks[1:]):
        # Two bare times may be a live report's entries ("10:05"), not a player's.
        if a <= end and 1 < b - a <= 4 and not (_BARE_TIME.match(lines[a].text) and _BARE_TIME.match(lines[b].text)):
            for k in range(a + 1, min(b, end + 1)):
                if lines[k].kind in ("short", "sentence", "prose") and len(cl.words(lines[k].text)) <= 30:
                    lines[k].kind = "related"


def _heads_paragraph(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a section's heading: eight words or fewer, no player or button label
    above it (a video's title), and the paragraph right under it opens with a word the heading
    names ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT" / "Volkswagen is giving us ...")."""
    if (i + 1 >= len(lines) or lines[i + 1].kind != "prose" or len(cl.words(lines[i].text)) > 8
            or (i > 0 and lines[i - 1].kind == "ui")):
        return False
    opening = set(cl.words(lines[i + 1].text.lower())[:3])
    return bool(keywords(lines[i].text) & opening)


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
        head = ln.kind in ("list_header", "related") or (ln.kind in ("short", "ui", "meta") and _BOX_HEAD.match(ln.text.strip()))
        if head:
            if ln.kind == "short":
                ln.kind = "related"  # the box's own header ("Trump Impeachment Inquiry More")
            j = i + 1
            while j <= end and lines[j].kind != "prose":
                if headline_like(lines[j]) or lines[j].kind == "item":
                    lines[j].kind = "related"
                j += 1
            i = j
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # A link with its "Read more" button; a teaser's blurb of a sentence too (a lede cut off
        # before its "Read more" runs longer).
        blurb = ln.kind in ("sentence", "prose") and not ln.bullet and len(cl.words(ln.text)) <= 12
        if (headline_like(ln) or blurb) and nxt is not None and _READ_MORE.match(nxt.text):
            ln.kind = "related"
            i += 1
            continue
        if headline_like(ln):
            j = i
            while j + 1 <= end and (headline_like(lines[j + 1]) or lines[j + 1].kind in ("caption", "junk", "ui", "dup") or (
                    lines[j + 1].kind == "short" and len(cl.words(lines[j + 1].text)) <= 2)):
                j += 1
            group = [k for k in range(i, j + 1) if headline_like(lines[k])]
            intro = next((lines[k] for k in range(i - 1, start - 1, -1) if _keepable(lines[k]) or (
                lines[k].kind == "short" and len(cl.words(lines[k].text)) > 2)), None)
            # A line right above that breaks off ("If you \u2026") introduces the list however short.
            if i > start and lines[i - 1].kind == "short" and lines[i - 1].text.rstrip().endswith((":", "\u2026", "...")):
                intro = lines[i - 1]
            if len(group) >= 3 and not (intro is not None and intro.text.rstrip().endswith((":", "\u2026", "..."))):
                groups.append(group)
            elif (len(group) == 1 and _all_caps(ln.text) and len(cl.words(ln.text)) >= 5 and not ln.text.endswith("?")
                  and not _heads_paragraph(lines, i)):
                ln.kind = "related"
            i = j + 1
            continue
        i += 1
    if len(groups) <= 2:
        for group in groups:
            for k in group:
                lines[k].kind = "related"


#: An item of a list of facts: a short lead, a separator, the fact ("June 9 \u2013 Tampa, FL @ Arena",
#: "England (Group A): 10th appearance").
_FACT_ITEM = re.compile(r"^[^!?:\u2013\u2014]{2,50}?(: | \u2013 | \u2014 | -- | - )\S")


def closing_list(lines: list[Line], start: int, end: int) -> int:
    """The end of the block ``start``..``end`` (line indices) moved past a list of facts that
    closes the article (a tour's dates, the teams that qualified, a schedule): a heading right
    under the last paragraph that ends in a colon or names something the article does, then four
    or more short lines of one form (a short lead, the same separator, the fact). The heading is
    relabelled ``subhead`` and the lines ``item``. A list of other stories has a header of its own
    ("Related stories") and headlines of no common form."""
    if start < 0 or end + 2 >= len(lines) or lines[end].kind != "prose":
        return end
    head = lines[end + 1]
    if head.kind not in ("short", "sentence") or head.bullet or not 1 <= len(cl.words(head.text)) <= 12:
        return end
    if not head.text.rstrip().endswith(":"):
        article: set[str] = set()
        for ln in lines[start:end + 1]:
            if ln.kind == "prose":
                article |= keywords(ln.text)
        if not keywords(head.text) & article:
            return end
    seps: list[str] = []
    j = end + 2
    while j < len(lines) and lines[j].kind in ("short", "sentence", "item") and len(cl.words(lines[j].text)) <= 20:
        m = _FACT_ITEM.match(lines[j].item or lines[j].text)
        if not m or (seps and m.group(1) != seps[0]):
            break
        seps.append(m.group(1))
        j += 1
    if len(seps) < 4:
        return end
    head.kind = "subhead"
    for k in range(end + 2, j):
        lines[k].kind = "item"
    return j - 1


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
        elif ln.kind == "promo" and _in_advert(lines, i):
            cut = False  # an advert's own call to act ("Visit website") stands inside the article
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


_ADVERT_LABEL = re.compile(r"^\W*(?:advertisement|advert|ad|ads|sponsored|promoted|paid content|"
                           r"(?:story|article) continues below(?: this)?(?: advertisement| ad)?)\W*$", re.IGNORECASE)


def _in_advert(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` belongs to an advert: an advert label ("ADVERTISEMENT") one or two lines
    above it."""
    return any(_ADVERT_LABEL.match(ln.text) for ln in lines[max(0, i - 2):i])


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
