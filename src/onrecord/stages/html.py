"""Main text and metadata of an HTML page.

trafilatura finds the article's container and turns it into paragraphs; around it onrecord removes
kinds of boilerplate that trafilatura keeps (see ``html_clean``), retries with wider settings when the
result is short, drops one-line boilerplate from the text (``html_lines``) and reads the page's
metadata once from the same parsed tree.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from onrecord.stages.html_clean import preclean_tree
from onrecord.stages.html_lines import filter_lines
from onrecord.stages.html_meta import PageMeta, page_metadata

LOGGER = logging.getLogger(__name__)

#: Inputs longer than this (characters) are cut before parsing: no article needs more, and the
#: parser's time and memory grow with it.
MAX_HTML_CHARS = 8_000_000
#: Below this many characters of text the first pass is taken as a miss and the fallbacks run.
SHORT_TEXT_CHARS = 250
#: A text of at least MENU_MIN_LINES lines, MENU_SHORT_SHARE of them shorter than MENU_LINE_CHARS
#: characters, is a dump of the page's menus rather than an article.
MENU_MIN_LINES = 20
MENU_LINE_CHARS = 25
MENU_SHORT_SHARE = 0.75


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What ``extract_html`` found in one page.

    ``text`` is the main text: paragraphs separated by one blank line ("\\n\\n"), each paragraph on a
    single line. ``date`` is ``YYYY-MM-DD``; ``language`` is the page's declared language as a
    lowercase primary subtag ("en"). Fields the page does not give are None (or empty).
    """

    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None


def parse_html(html: str) -> HtmlElement | None:
    """Parse a page with trafilatura's lenient loader; None when it is not HTML or cannot be parsed."""
    from trafilatura.utils import load_html

    if not isinstance(html, str) or not html.strip():
        return None
    html = html[:MAX_HTML_CHARS]
    # trafilatura's loader copes with control characters, but NUL can end libxml2's input early
    if "\x00" in html:
        html = html.replace("\x00", "")
    try:
        tree = load_html(html)
    except Exception as err:
        LOGGER.debug("parse failed: %s", err)
        return None
    if tree is None or not isinstance(tree, HtmlElement):
        return None
    return tree




def _trafilatura_text(tree: HtmlElement, url: str | None, fast: bool, precision: bool = False) -> str:
    """trafilatura's text for a tree (the tree is left as it was), "" when it finds nothing."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_precision=precision,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception as err:  # trafilatura on hostile markup (deep nesting, odd encodings)
        LOGGER.debug("trafilatura failed: %s", err)
        return ""
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _paragraphs(text: str) -> list[str]:
    """trafilatura's text as a list of non-empty, whitespace-normalised lines."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _menu_like(text: str) -> bool:
    """True when the text is mostly short lines: a dump of menus and link lists, not an article."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < MENU_MIN_LINES:
        return False
    return sum(len(line.strip()) < MENU_LINE_CHARS for line in lines) >= MENU_SHORT_SHARE * len(lines)


def main_text(tree: HtmlElement, meta: PageMeta | None = None, url: str | None = None, preclean: bool = True) -> str:
    """The main text of a parsed page (modified in place), paragraphs separated by a blank line.

    ``preclean`` removes boilerplate blocks from the tree before trafilatura reads it.
    """
    meta = meta or PageMeta()
    if preclean:
        preclean_tree(tree)
    text = _trafilatura_text(tree, url, fast=True)
    if len(text) < SHORT_TEXT_CHARS:
        # the fast pass found little: trafilatura's full cascade compares it with readability and
        # jusText and rescues from the whole page, which costs time only on these pages
        slow = _trafilatura_text(tree, url, fast=False)
        if len(slow) > len(text):
            text = slow
    elif _menu_like(text):
        # trafilatura fell back to the whole page; its precision mode looks for the text block
        strict = _trafilatura_text(tree, url, fast=False, precision=True)
        if len(strict) >= SHORT_TEXT_CHARS and not _menu_like(strict):
            text = strict
    lines = filter_lines(_paragraphs(text), title=meta.title, sitename=meta.sitename, url=url)
    return "\n\n".join(lines)


def _guarded_main_text(tree: HtmlElement, meta: PageMeta, url: str | None, preclean: bool) -> str:
    try:
        return main_text(tree, meta, url, preclean=preclean)
    except Exception as err:  # RecursionError on absurd nesting, lxml errors on broken trees
        LOGGER.debug("main text failed: %s", err)
        return ""


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of one HTML page; never raises (empty text on unusable input).

    ``url`` is where the page came from, used for relative links and when the page declares no
    canonical URL.
    """
    try:
        tree = parse_html(html)
        if tree is None:
            return HtmlExtract(url=url)
        try:
            meta = page_metadata(tree, url)
        except Exception as err:
            LOGGER.debug("metadata failed: %s", err)
            meta = PageMeta(url=url)
        text = _guarded_main_text(tree, meta, meta.url or url, preclean=True)
        if len(text) < SHORT_TEXT_CHARS:
            # a short article inside a block named like furniture ("share-enabled", "promo") goes
            # with the block: read the page again as it came
            again = parse_html(html)
            if again is not None:
                plain = _guarded_main_text(again, meta, meta.url or url, preclean=False)
                if len(plain) > len(text):
                    text = plain
        return HtmlExtract(
            text=text,
            title=meta.title,
            authors=list(meta.authors),
            date=meta.date,
            sitename=meta.sitename,
            url=meta.url,
            description=meta.description,
            language=meta.language,
        )
    except Exception as err:  # the last guard: a page must never stop a run
        LOGGER.debug("extract_html failed: %s", err)
        return HtmlExtract(url=url)
