"""Page metadata of an HTML document: title, authors, date, site name, canonical URL, description,
declared language.

Built from trafilatura's own metadata helpers and htmldate, without the parts onrecord does not
use (categories, tags, licence), which cost as much as the rest together.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

LOGGER = logging.getLogger(__name__)

#: A BCP 47 tag's primary language subtag ("en" in "en-GB", "en_US").
_LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class PageMeta:
    """Metadata fields of one page; every field may be missing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None
    language: str | None = None


def _clean(value: object) -> str | None:
    """The value as one trimmed line, or None when empty."""
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def declared_language(tree: HtmlElement) -> str | None:
    """The page's declared language as a lowercase primary subtag ("en"), from ``<html lang>``,
    ``xml:lang``, ``<meta http-equiv="content-language">`` or ``og:locale``; None if undeclared."""
    candidates: list[str] = []
    root = tree.getroottree().getroot()
    candidates += [root.get("lang") or "", root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content") or "")
    for cand in candidates:
        # "en-US, fr" declares several: the first one is the page's
        match = _LANG.match(cand.split(",")[0])
        if match:
            return match.group(1).lower()
    return None


def _authors(value: str | None) -> list[str]:
    """trafilatura joins authors with "; "; split them back, keeping order, without repeats."""
    out: list[str] = []
    for name in (value or "").split(";"):
        name = _clean(name)
        if name and name not in out:
            out.append(name)
    return out


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Read the metadata of a parsed page; never raises (a failing part leaves its field empty).

    The tree is not modified. ``url`` is the address the page was fetched from, used when the page
    declares no canonical URL and to help date extraction.
    """
    # imported here so that a broken optional part of trafilatura cannot break module import
    from trafilatura import metadata as tm
    from trafilatura.settings import Document

    meta = PageMeta()
    doc = Document()
    try:
        doc = tm.examine_meta(tree)
        if doc.author and " " not in doc.author:
            doc.author = None  # a single token is a handle or a site, not a person's name
        doc = tm.extract_meta_json(tree, doc)
    except Exception as err:  # json-ld and meta parsing of arbitrary pages
        LOGGER.debug("meta tags failed: %s", err)
    for name, fill in (
        ("title", lambda: tm.extract_title(tree)),
        ("author", lambda: markup_author(tree)),
        ("url", lambda: tm.extract_url(tree, url)),
        ("sitename", lambda: tm.extract_sitename(tree)),
    ):
        if not getattr(doc, name, None):
            try:
                setattr(doc, name, fill())
            except Exception as err:
                LOGGER.debug("metadata %s failed: %s", name, err)
    meta.title = _clean(doc.title)
    try:
        meta.title = visible_headline(tree, meta.title) or meta.title
    except Exception as err:
        LOGGER.debug("headline failed: %s", err)
    meta.authors = _authors(doc.author)
    try:
        meta.authors = _without_owner(tree, meta.authors)
        meta.authors += [n for n in credit_authors(tree) if n not in meta.authors]
    except Exception as err:
        LOGGER.debug("credit failed: %s", err)
    meta.url = _clean(doc.url) or _clean(url)
    meta.description = _clean(doc.description)
    site = _clean(doc.sitename)
    if site:
        site = site.lstrip("@") or None
    meta.sitename = site or _host(meta.url)
    meta.date = page_date(tree, meta.url)
    try:
        meta.language = declared_language(tree)
    except Exception as err:
        LOGGER.debug("language failed: %s", err)
    return meta


def _without_owner(tree: HtmlElement, authors: list[str]) -> list[str]:
    """``authors`` without the company that owns the page ("Example Media" of ``<meta
    name="copyright" content="Copyright (c) Example Media 2019">``, often also the ``author`` meta
    tag's value) when someone else is named too: a personal blog's owner is its writer."""
    owners = " ".join((m.get("content") or "") for m in tree.iter("meta")
                      if (m.get("name") or m.get("property") or "").lower() in ("copyright", "dc.rights", "rights"))
    if not owners or len(authors) < 2:
        return authors
    kept = [a for a in authors if a.lower() not in owners.lower()]
    return kept or authors


#: A production credit closing a wire story ("(Reporting by Jane Roe; Editing by John Doe)").
_CREDIT_TEXT = re.compile(r"^\(?\s*(?:additional |further )?(?:reporting|writing)\s+by\s", re.I)


def credit_authors(tree: HtmlElement) -> list[str]:
    """Reporters named in the page's production credit, the first short paragraph-like element
    that is one ("(Reporting by Jane Roe; Editing by John Doe)" -> ["Jane Roe"]); editors are not
    authors. Markup extraction often drops this line with the page's furniture."""
    from .metadata_credits import credit_reporters

    # Only the few text nodes holding the words are looked at, not every element's text.
    for node in tree.xpath('//text()[contains(., "eporting by") or contains(., "EPORTING BY") '
                           'or contains(., "riting by")]'):
        el = node.getparent()
        for _up in range(3):  # "<p><em>(Reporting by ...)</em></p>": the element or a parent of it
            if el is None or el.tag in ("body", "article", "main", "section"):
                break
            text = _clean(el.text_content())
            if text and len(text) < 300 and _CREDIT_TEXT.match(text):
                return credit_reporters(text) if _outside_author_areas(el) else []
            el = el.getparent()
    return []


#: Containers whose names mark them as not holding the article's author (trafilatura's
#: AUTHOR_DISCARD_XPATHS, checked on ancestors instead of pruning a copy of the whole page).
_AUTHOR_SKIP_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    r"|print|category|meta-date|meta-reviewer"
)
_AUTHOR_SKIP_ID = re.compile(r"^comments|comment-?list|ProductReviews")


def _outside_author_areas(el: HtmlElement) -> bool:
    for anc in (el, *el.iterancestors()):
        tag = anc.tag
        if tag in ("time", "figure"):
            return False
        if tag in ("a", "div", "section", "span"):
            cls, ident = anc.get("class") or "", anc.get("id") or ""
            if cls in ("comments", "title", "date") or _AUTHOR_SKIP_CLASS.search(cls) or _AUTHOR_SKIP_ID.search(ident):
                return False
            if "Figure" in (anc.get("data-component") or ""):
                return False
    return True


_TIER1_TAGS = {"a", "address", "div", "link", "p", "span", "strong"}
_TIER2_TAGS = {"a", "div", "h3", "h4", "p", "span"}
_TIER1_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_TIER2_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_TIER2_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_TIER3_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_TIER3_ID = re.compile(r"[Aa]uthor")


def _author_tier(el: HtmlElement) -> int:
    """Which of trafilatura's three author expressions (AUTHOR_XPATHS) the element matches first:
    1 (specific), 2 (generic), 3 (last resort) or 0 (none)."""
    tag = el.tag
    cls, ident, itemprop = el.get("class"), el.get("id"), el.get("itemprop")
    if tag == "author" or (
        tag in _TIER1_TAGS
        and (
            el.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
            or el.get("data-testid") in ("AuthorCard", "AuthorURL") or (cls and _TIER1_CLASS.search(cls))
        )
    ):
        return 1
    has_itemprop_author = bool(itemprop and "author" in itemprop)
    if tag in _TIER2_TAGS and (
        cls in ("byline", "username", "byl", "BBL") or has_itemprop_author
        or (ident and _TIER2_ID.search(ident)) or (cls and _TIER2_CLASS.search(cls))
    ):
        return 2
    if (
        "Byline" in (el.get("data-component") or "") or has_itemprop_author
        or (ident and _TIER3_ID.search(ident)) or (cls and _TIER3_CLASS.search(cls))
    ):
        return 3
    return 0


def markup_author(tree: HtmlElement) -> str | None:
    """The author named in the page's markup (bylines, rel=author, itemprop), "; "-joined.

    The search of trafilatura's ``extract_author`` (same expressions, same order) done in one walk
    over the page, without copying and pruning the whole page: candidates inside comment, sidebar or
    figure areas are skipped, and only a candidate itself is copied to drop its <time> children.
    """
    from copy import deepcopy

    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    tiers: dict[int, list[HtmlElement]] = {1: [], 2: [], 3: []}
    for el in tree.iter():
        if isinstance(el.tag, str) and (el.attrib or el.tag == "author"):
            tier = _author_tier(el)
            if tier:
                tiers[tier].append(el)
    for tier in (1, 2, 3):
        for elem in tiers[tier]:
            if not _outside_author_areas(elem):
                continue
            piece = prune_unwanted_nodes(deepcopy(elem), AUTHOR_DISCARD_XPATHS)
            content = trim(" ".join(piece.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _host(url: str | None) -> str | None:
    """The host of a URL without "www.", as a last-resort site name."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", url or "", re.I)
    return match.group(1).lower() if match else None


_WORD = re.compile(r"[^\W_]+")
_TITLE_PARTS = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00bb)\s+")
_STOPWORDS = frozenset("""the a an of to in on at for and or but with by from as is are was were be been it its this
that these those you your we our they their he she his her not no into over after about up out new""".split())


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 1}


def visible_headline(tree: HtmlElement, title: str | None) -> str | None:
    """The headline the reader sees: the first of the first five ``<h1>`` elements, of three to
    forty words, that shares at least two content words (and a third of its own) with the
    headline part of the page's title or ``<title>`` (the longest part between " | ", " - "
    separators, so that the site's name in the title cannot vouch for a logo or a site-name
    ``<h1>``); None when none qualifies. Social titles (og:title) are often a shorter or reworded
    line than the one printed over the article."""
    titles = [title or ""] + [(el.text_content() or "") for el in tree.iter("title")][:1]
    known: set[str] = set()
    for text in titles:
        parts = _TITLE_PARTS.split(_SPACE.sub(" ", text).strip())
        known |= _content_words(max(parts, key=len)) if parts else set()
    if not known:
        return None
    for n, h1 in enumerate(tree.iter("h1")):
        if n >= 5:
            break
        text = _clean(h1.text_content())
        if not text or len(text) > 300:
            continue
        if not 3 <= len(_WORD.findall(text)) <= 40:
            continue
        words = _content_words(text)
        shared = len(words & known)
        if shared >= 2 and shared * 3 >= len(words):
            return text
    return None


#: Elements that hold the article's date stamp as the page prints it ("Updated 10:01 pm PST,
#: Tuesday, November 19, 2019").
_STAMP_CLASS = re.compile(r"(?i)time|date|stamp|publish|posted|updated")
#: An ISO timestamp with its own UTC offset ("2019-11-18T19:04:00-05:00"): its date part is the
#: page's local day.
_ISO_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-](?!00:?00)\d{2}:?\d{2}$")


_ISO_NAIVE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def visible_date(tree: HtmlElement, near: str) -> str | None:
    """The page's local day of its date stamp, within a day of ``near`` (``YYYY-MM-DD``, the
    date htmldate found, which is often the UTC day of a timestamp): the date part of a published
    timestamp with its own offset, else the date a ``<time>`` element prints, else one printed in
    a short element whose class names a date or time. None when the page shows none, or when its
    published timestamp is a local time without a zone (nothing was converted)."""
    import datetime as dt

    from .metadata_dates import find_dates

    base = dt.date.fromisoformat(near)

    def close(iso: str) -> bool:
        return abs((dt.date.fromisoformat(iso) - base).days) <= 1

    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("itemprop") or meta.get("name") or "").lower()
        if key in ("article:published_time", "datepublished", "og:published_time"):
            content = (meta.get("content") or "").strip()
            m = _ISO_OFFSET.match(content)
            if m and close(m.group(1)):
                return m.group(1)
            if _ISO_NAIVE.match(content):
                return None  # a local time without a zone: htmldate's day is the page's own
    classed = None
    for el in tree.iter("time", "span", "div", "p"):
        if el.tag != "time":
            if classed or not _STAMP_CLASS.search(el.get("class") or "") or len(el) > 4:
                continue
        text = _clean(el.text_content())
        if not text or len(text) > 120:
            continue
        hits = find_dates(text)
        if not hits or not close(hits[0].iso):
            continue
        if el.tag == "time":
            return hits[0].iso
        classed = hits[0].iso
    return classed


def page_date(tree: HtmlElement, url: str | None) -> str | None:
    """Publication date (``YYYY-MM-DD``) found by htmldate in the markup and the URL; its slower
    search of the page's free text runs only when those give nothing. The day the page itself
    shows beats htmldate's when they are a day apart (a US evening story has the next UTC day).
    None when no date is found."""
    try:
        from htmldate import find_date

        for extensive in (False, True):
            found = find_date(tree, url=url, original_date=True, extensive_search=extensive, outputformat="%Y-%m-%d")
            if isinstance(found, str) and _ISO_DATE.match(found):
                try:
                    return visible_date(tree, found) or found
                except Exception as err:
                    LOGGER.debug("visible date failed: %s", err)
                return found
    except Exception as err:
        LOGGER.debug("date failed: %s", err)
    return None
