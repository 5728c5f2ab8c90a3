"""Boilerplate removal before trafilatura reads a page: blocks of page furniture, and repairs of
layouts that hide the article (split bodies, layout tables, embedded posts in share wrappers)."""
from __future__ import annotations

import re

from lxml.html import HtmlElement

#: class/id words of page furniture that trafilatura's own (case-sensitive) lists miss: sign-up and
#: promo boxes, lists of other stories, share bars, hover cards, captions and credits, bios.
_BOILER_WORDS = (
    "newsletters?", "signup", "sign-?up", "subscribe", "subscription", "promos?", "promotion",
    "related", "recirc(?:ulation)?", "read-?more", "more-stories", "also-read", "most-popular",
    "most-read", "popular", "trending", "latest", "share", "sharing", "social", "rollover",
    "dropdown", "navbar", "breadcrumbs?", "captions?", "credits?", "advert", "advertisement",
    "sponsored", "outbrain", "taboola", "cta", "bio", "author-bio", "print-header",
    "print-footer",
)
#: class/id words of the article's heading block (headline, dek): metadata, not body.
_HEADER_WORDS = ("header", "head", "headline", "hed", "dek", "standfirst")

# matched on "class id" lowercased: a word is delimited by spaces, hyphens or underscores
_BOILER = re.compile(r"(?:^|[\s_-])(?:" + "|".join(_BOILER_WORDS) + r")(?=$|[\s_-])")
_HEADER = re.compile(r"(?:^|[\s_-])(?:" + "|".join(_HEADER_WORDS) + r")(?=$|[\s_-])")

#: A paragraph that is a single link is a teaser up to this length; longer ones are linked prose.
_MAX_TEASER_CHARS = 160
#: Elements that can be a removable block (not inline text like <a>, <em>: removing those would
#: cut words out of a sentence).
_BLOCKS = {"div", "section", "aside", "ul", "ol", "li", "p", "span", "figure", "figcaption", "header", "dl", "table", "nav"}
#: A matched block that holds this many long paragraphs is article text, whatever its class says.
_LONG_P_CHARS = 150
_MAX_LONG_P = 2


def _names(el: HtmlElement) -> str:
    """The element's class names and id, lowercased, separated by spaces ("" when it has none)."""
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return ""
    return f"{cls or ''} {ident or ''}".lower()


def _in_article(el: HtmlElement) -> bool:
    """True for an element inside an <article>: its <header> is the story's heading block."""
    return next(el.iterancestors("article"), None) is not None


def _holds_article_text(el: HtmlElement) -> bool:
    """True when the block holds several long, mostly unlinked paragraphs (so it is content)."""
    long_p = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) >= _LONG_P_CHARS:
            linked = sum(len(a.text_content()) for a in p.iter("a"))
            if linked < 0.5 * len(text):
                long_p += 1
                if long_p > _MAX_LONG_P:
                    return True
    return False


#: class names of the article's text container, as content management systems spell them.
_BODY_CLASS = re.compile(r"(?:entry|article|post|story|art)[-_]{0,2}(?:content|body|text)|articlebody|body-text", re.I)
#: Block tags whose presence in a table cell shows the table lays out a page, not data.
_LAYOUT_BLOCKS = {"p", "div", "h1", "h2", "h3", "ul", "ol", "table", "article", "section", "blockquote"}
_TABLE_PARTS = {"thead", "tbody", "tfoot", "tr", "td", "th"}


def _table_cells(table: HtmlElement) -> list[HtmlElement]:
    cells = []
    for row in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        rows = [row] if row.tag == "tr" else list(row.iterchildren("tr"))
        for tr in rows:
            cells.extend(tr.iterchildren("td", "th"))
    return cells


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables that lay out a page (a cell holding paragraphs of text) into plain blocks, so the
    article inside is read as paragraphs and not as one table row."""
    for table in list(tree.iter("table")):
        for cell in _table_cells(table):
            if len(cell.text_content()) > 200 and any(
                child.tag in _LAYOUT_BLOCKS for child in cell.iterdescendants() if isinstance(child.tag, str)
            ):
                break
        else:
            continue
        table.tag = "div"
        for part in table.iterchildren():
            if part.tag in _TABLE_PARTS:
                for sub in [part, *part.iterdescendants("tr", "td", "th")]:
                    # nested tables keep their own structure: they are judged on their own
                    if next(sub.iterancestors("table"), None) is None:
                        sub.tag = "div"


def _ancestors(el: HtmlElement, depth: int) -> list[HtmlElement]:
    out = []
    for anc in el.iterancestors():
        out.append(anc)
        if len(out) >= depth:
            break
    return out


def merge_split_bodies(tree: HtmlElement) -> None:
    """Join an article body that the page splits into several containers of the same class (text
    chunks between ads): trafilatura reads only the first container.

    Containers are joined only when they are near relatives (a common ancestor at most four levels
    up), none holds another, and no <h1> stands between them (which would mark an appended article).
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for el in tree.iter("div", "section", "article"):
        cls = el.get("class")
        if cls and _BODY_CLASS.search(cls):
            groups.setdefault((el.tag, cls), []).append(el)
    groups = {key: members for key, members in groups.items() if len(members) > 1}
    if not groups:
        return
    # document order, taken once: an <h1> between two chunks marks an appended article
    order = {el: i for i, el in enumerate(tree.iter())}
    h1s = [(order[h], h) for h in tree.iter("h1")]
    for members in groups.values():
        first = members[0]
        near = set(_ancestors(first, 4))
        for other in members[1:]:
            if other.getparent() is None or first in set(other.iterancestors()) or other in set(first.iterancestors()):
                continue
            if not near.intersection(_ancestors(other, 4)):
                continue
            start, end = order[first], order[other]
            if any(start < pos < end and first not in set(h.iterancestors()) for pos, h in h1s):
                break
            first.extend(list(other))
            other.drop_tree()


def _link_chars(el: HtmlElement) -> int:
    return sum(len(a.text_content()) for a in el.iter("a"))


def _is_headline_list(lst: HtmlElement) -> bool:
    """A list of links to other stories: three or more short items, each with a link, with a
    good share of link text."""
    items = list(lst.iterchildren("li"))
    if len(items) < 3 or lst.find(".//a") is None:
        return False
    total = linked = 0
    for li in items:
        text = len(li.text_content().strip())
        links = _link_chars(li)
        if links == 0 or text > 250:
            return False
        total += text
        linked += links
    return total > 0 and linked >= 0.35 * total


def _text_follows(el: HtmlElement) -> bool:
    """True when a sibling after the element holds a paragraph of running text."""
    for sib in el.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        for p in sib.iter("p", "div"):
            own = (p.text or "").strip()
            if len(own) >= 80 or (p.tag == "p" and len(p.text_content()) - _link_chars(p) >= 80):
                return True
    return False


def remove_trailing_link_lists(tree: HtmlElement) -> None:
    """Remove lists of links to other stories that close a text block ("More stories" lists)."""
    for lst in [el for el in tree.iter("ul", "ol") if _is_headline_list(el)]:
        if lst.getparent() is not None and not _text_follows(lst):
            lst.drop_tree()


#: Embedded social posts: what a person said, often the quote a story is about.
_EMBEDDED_POST = re.compile(r"\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed)\b")


def keep_embedded_posts(tree: HtmlElement) -> None:
    """Free embedded tweets and posts from their wrappers ("social-embed" and the like), which the
    boilerplate rules would otherwise remove with them; the post's own text and signature stay."""
    for quote in list(tree.iter("blockquote")):
        if not _EMBEDDED_POST.search(quote.get("class") or ""):
            continue
        quote.attrib.pop("class", None)
        quote.set("data-embedded-post", "1")
        # climb through wrappers that hold nothing but this post
        wrapper = quote
        for _ in range(3):
            parent = wrapper.getparent()
            if parent is None or parent.tag in ("body", "article", "main") or len(parent) > 3:
                break
            others = "".join(
                (c.text_content() if isinstance(c.tag, str) and c.tag not in ("script", "style") else "") + (c.tail or "")
                for c in parent if c is not wrapper
            )
            if others.strip() or (parent.text or "").strip():
                break
            wrapper = parent
        if wrapper is not quote:
            quote.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, quote)


def remove_link_paragraphs(tree: HtmlElement) -> None:
    """Remove paragraphs that are nothing but one link with a headline: teasers for other stories
    set between the article's paragraphs."""
    for p in list(tree.iter("p")):
        links = list(p.iter("a"))
        if len(links) != 1:
            continue
        text = " ".join(p.text_content().split())
        if not (15 <= len(text) <= _MAX_TEASER_CHARS) or len(text.split()) < 3:
            continue
        if " ".join(links[0].text_content().split()) == text:
            p.drop_tree()


def preclean_tree(tree: HtmlElement) -> None:
    """Remove elements that are boilerplate on any news page (in place; tails are kept), join split
    article bodies and unwrap layout tables."""
    keep_embedded_posts(tree)
    unwrap_layout_tables(tree)
    merge_split_bodies(tree)
    remove_trailing_link_lists(tree)
    remove_link_paragraphs(tree)
    doomed: list[tuple[HtmlElement, bool]] = []
    for el in tree.iter(*_BLOCKS):
        names = _names(el)
        if not names and el.tag != "header":
            continue
        if _BOILER.search(names):
            doomed.append((el, False))
        elif _HEADER.search(names) or (el.tag == "header" and _in_article(el)):
            doomed.append((el, True))
    for el, is_header in doomed:
        # skip descendants of an element already removed, and blocks that are the article itself
        if el.getparent() is None or _holds_article_text(el):
            continue
        if is_header:
            # the <h1> stays (the title line filter drops it from the text): trafilatura uses it to
            # tell the page's own article from appended ones
            for h1 in el.iter("h1"):
                h1.tail = None
                el.addprevious(h1)
                break
        el.drop_tree()
