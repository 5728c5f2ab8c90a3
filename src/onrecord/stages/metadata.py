"""Metadata of a cleaned article: headline, authors, outlet, agencies, dateline, dates, repost.

Works from the evidence the cleaning kept (``doc.notes["clean"]``: every removed line with its
kind and whether it stood before, inside or after the article block), the container's hints and,
for HTML, the page metadata. The page's own date (``page_date``) is kept apart from the best
estimate of when the story first appeared (``published``): a copy site's date is never stated as
the story's date.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from ..model import Document
from . import clean_lines as cl
from .metadata_credits import (credit_place, dateline_day, decorated_name, find_agencies, find_authors, find_dateline,
                               name_only, stamp_byline)
from .metadata_dates import (MONTH_DAY_LINE, date_line_kind, find_dates, month_days, parse_loose, relative_age,
                             relative_days, years_mentioned)
from .metadata_title import headline_paragraph, pick_title, pick_title_scored, split_glued_bylines, tidy_title

__all__ = ["extract_metadata", "find_page_date", "estimate_published", "find_outlet", "repost_signals",
           "headline_paragraph", "pick_title", "pick_title_scored", "split_glued_bylines", "tidy_title"]

#: Years between the latest year the body mentions and the page's date from which the page is
#: taken for a later copy or an archive page.
STALE_YEARS = 3
#: Year mentions a story needs before their all being old says the page's date is not the story's:
#: a feature names a past year or two ("since 2010", "the 1965 final") as history.
STALE_MENTIONS = 3
#: Foreign-script letters outside the body from which a page counts as a copy site's wrapper
#: (a language-switch link such as "한국어" is far below it).
WRAPPER_LETTERS = 12
_WEBMAIL = frozenset("""gmail.com yahoo.com hotmail.com outlook.com naver.com hanmail.net daum.net
aol.com icloud.com qq.com 163.com 126.com mail.ru proton.me protonmail.com live.com msn.com""".split())
_ARCHIVE = re.compile(
    r"(?i)\b(?:originally (?:published|appeared)|first (?:published|appeared) (?:on|in)|"
    r"from (?:the|our) archives?|this (?:article|story) (?:is|was) (?:from|more than) .{0,20}(?:archive|years? old)|"
    r"republished (?:with|from)|reposted (?:with|from)|archived)\b"
)
_AUTOBLOG = re.compile(r"(?i)\b(?:posted |written |published )?by:?\s+(?:admin|administrator|webmaster|site ?admin)\b")
_SITE_IN_WRAPPER = re.compile(
    r"(?:欢迎(?:来到|访问|光临)\s*(?P<a>\S+)|来源\s*[:：]\s*(?P<b>\S+)|powered by\s+(?P<c>[^|©]+?)(?:\s+sitemap|\s*$)|"
    r"(?:copyright|©)\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?P<d>(?!powered)[A-Z][^|.,©]{1,40}?)(?:\.|,|\s+all rights|\s*$))",
    re.IGNORECASE,
)


def extract_metadata(doc: Document, settings: dict) -> Document:
    """Set ``title``, ``authors``, ``outlet``, ``agencies``, ``dateline``, ``page_date``,
    ``published``, ``published_confidence`` and ``repost_suspected`` (see the extraction
    contract); the evidence used goes to ``doc.notes["metadata"]``."""
    if not doc.ok:
        return doc
    ev = doc.notes.get("clean") or {}
    lines: list[list[str]] = ev.get("lines", [])
    html = doc.notes.get("html") or {}
    first = ev.get("first_paragraph") or doc.body.split("\n\n", 1)[0]
    last = ev.get("last_paragraph") or doc.body.rsplit("\n\n", 1)[-1]

    lines = split_glued_bylines(lines)
    page_date, date_kind, age = find_page_date(lines, doc.hints.get("date") or html.get("date"),
                                               doc.hints.get("crawl_date"))
    doc.title, sure = pick_title_scored(lines, doc.hints.get("title") or html.get("title"), html.get("sitename"), page_date)
    if not sure and "\n\n" in doc.body and headline_paragraph(first):
        doc.title = first.strip()  # the headline kept at the top of the body; no line before it stands out
    doc.authors = find_authors(lines, _as_list(doc.hints.get("authors")) + list(html.get("authors") or []),
                               doc.title, html.get("sitename") or doc.hints.get("outlet"), doc.body)
    if not doc.authors:
        # A writer's name with the handle left at the top of the body ("Jane Roe @janeroe").
        doc.authors = [name_only(p) for p in doc.body.split("\n\n")[:3] if "@" in p and decorated_name(p)][:1]
    doc.dateline, _ = find_dateline(first)
    if doc.dateline is None:
        # A dateline scraped onto its own line before the article ("Seoul, South Korea CNN —").
        for kind, text, where in lines:
            if kind == "dateline" and where == "pre":
                doc.dateline = re.split(r"\s*[,(\u2014\u2013]|\s+--", text, maxsplit=1)[0].strip() or None
            elif (len(text) < 40 or (kind == "date" and where == "pre")) and credit_place(text)[0]:
                doc.dateline = credit_place(text)[0]  # a wire's credit line naming the place: "PTI, Washington,"
    doc.agencies = find_agencies(lines, first, last, list(html.get("authors") or []))
    doc.page_date = page_date
    signals = repost_signals(doc, lines, ev, page_date)
    doc.repost_suspected = bool(signals)
    doc.published, doc.published_confidence = estimate_published(doc.body, page_date, date_kind, signals, first)
    doc.outlet = find_outlet(doc, lines, html, doc.repost_suspected)
    doc.notes["metadata"] = {"page_date_kind": date_kind, "relative_age": age, "repost_signals": signals}
    return doc


def _as_list(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


# --- dates -------------------------------------------------------------------------------------

def find_page_date(lines: list[list[str]], given: str | None = None,
                   anchor: str | None = None) -> tuple[str | None, str | None, tuple | None]:
    """(page date ``YYYY-MM-DD``, kind of evidence, relative age) from the container/page metadata
    or the page's date stamps: before the article, a stamp next to a byline beats one that is not;
    then a "published" stamp beats a plain one, which beats an "updated" one; stamps after the
    article come last. A relative stamp by the byline ("3 days ago", "Today 12:01 AM") counts
    back from an anchor, the page's own date of the day in its header or ``anchor`` (when the
    page was fetched, an ISO date or timestamp); without one it gives no date."""
    age = None
    for _kind, text, _where in lines:
        if age is None and (_kind == "date" or len(text) < 80):
            age = relative_age(text)
    if given:
        hits = find_dates(str(given))
        iso = hits[0].iso if hits else parse_loose(str(given))
        if iso:
            return iso, "given", age
    ranked = []
    order = {"published": 0, "plain": 1, "updated": 2}
    # The article's stamp sits by its byline; a lone date at the top of the page is often the
    # day's date in the site's header.
    bylines = {n for n, (kind, text, where) in enumerate(lines) if where == "pre" and len(text) < 160 and (
        kind == "byline" or cl.byline_names(text) or stamp_byline(text) or name_only(text))}
    last_pre = max((n for n, line in enumerate(lines) if line[2] == "pre"), default=-1)
    for n, (kind, text, where) in enumerate(lines):
        if kind not in ("date", "foreign", "short", "junk", "ui", "contact", "footer", "byline", "credit", "dup") and not (
                kind == "sentence" and where == "pre" and stamp_byline(text)):
            continue  # ("By Jane Roe on Monday, November 18th, 2019 at 11:04 a.m." reads like a sentence)
        got = date_line_kind(text)
        if not got and (kind == "byline" or (where == "pre" and len(text) < 160 and (
                stamp_byline(text) or re.match(r"(?i)(?:posted |written )?by\s+\S", text)))):
            # "By Jane Roe | March 3, 2019", a desk's byline too ("By Metro Staff | March 3, 2019")
            # "By Chad O'Carroll | March 3, 2019", "11/19/2019 by Jane Roe"
            hits = find_dates(text)
            got = ("plain", hits[0]) if hits else None
        if not got and where == "pre" and n >= last_pre - 2 and len(text) < 80:
            # The post's meta line right over the article, opening with its date
            # ("13/06/2014 Jane Roe News, Reviews").
            hits = find_dates(text)
            got = ("plain", hits[0]) if hits and hits[0].start == 0 else None
        if not got:
            continue
        dkind, hit = got
        if kind == "foreign" and dkind == "plain" and len(text) > 60:
            continue
        by = any(abs(b - n) <= 2 for b in bylines)
        ranked.append(((where != "pre", not by, order[dkind], -n if where == "pre" else n), hit.iso, dkind))
    # A relative stamp by the byline (a teaser's "2 hours ago" in a list is not the article's).
    rel = next((days for n, (_k, text, where) in enumerate(lines)
                if where == "pre" and len(text) < 80 and any(abs(b - n) <= 2 for b in bylines)
                and (days := relative_days(text)) is not None), None)
    if not ranked:
        yearless = _yearless_stamp(lines, bylines)
        anchored = find_dates(str(anchor)) if anchor and rel is not None and not yearless else []
        if not anchored:
            return yearless, None, age
        base = dt.date.fromisoformat(anchored[0].iso)
        return (base - dt.timedelta(days=rel)).isoformat(), "relative", age
    ranked.sort()
    (outside, lone, _o, _n), iso, dkind = ranked[0]
    if rel is not None and lone and not outside:
        # The only full date is the day in the site's header; the article's own stamp is relative.
        return (dt.date.fromisoformat(iso) - dt.timedelta(days=rel)).isoformat(), "relative", age
    return iso, dkind, age


_COPYRIGHT_YEAR = re.compile(r"(?i)(?:\u00a9|copyright|\(c\))\s*(?:\d{4}\s*[-\u2013]\s*)?((?:19|20)\d\d)")


def _yearless_stamp(lines: list[list[str]], bylines: set[int]) -> str | None:
    """The day of a stamp without a year next to the byline ("By Jane Roe" / "Nov 18"), in the
    year of the page's copyright notice: sites leave the year out for this year's stories, and
    the notice shows the year the page was served. None without both."""
    stamp = None
    for n, (_kind, text, where) in enumerate(lines):
        # (a photo and its credit may stand between the stamp and the byline)
        if where != "pre" or not any(abs(b - n) <= 3 for b in bylines):
            continue
        # "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM": the posted part is the page's date.
        parts = [p.strip() for p in re.split(r"\s*[;|]\s*", text.strip()) if p.strip()]
        if parts and all(MONTH_DAY_LINE.match(p) for p in parts):
            parts.sort(key=lambda p: bool(re.match(r"(?i)updated", p)))
            stamp = month_days(parts[0])
            break
    if not stamp:
        return None
    years = {int(m.group(1)) for _k, text, where in lines if where == "post" for m in _COPYRIGHT_YEAR.finditer(text)}
    if len(years) != 1:
        return None
    month, day = stamp[0]
    try:
        return dt.date(years.pop(), month, day).isoformat()
    except ValueError:
        return None


# --- copies and the story's own date -------------------------------------------------------------

def repost_signals(doc: Document, lines: list[list[str]], ev: dict, page_date: str | None) -> list[str]:
    """Reasons to think the page's date is not the story's: a wrapper in another script around
    the article, copy-site contact spam or footer, an archive note, a page date years after the
    latest year the story mentions, a byline e-mail domain unlike the page's."""
    signals = []
    foreign = [t for k, t, _ in lines if k == "foreign"]
    if ev.get("latin_doc", True) and ev.get("foreign_letters", 0) >= WRAPPER_LETTERS and len(foreign) >= 2:
        signals.append("foreign_wrapper")
    if any(cl.has_spam_contact(t) for k, t, w in lines if k in ("contact", "footer", "foreign")):
        signals.append("contact_spam")
    if any(_archive_note(t, page_date) for t in [*(t for _, t, _ in lines), doc.body[:300]]):
        signals.append("archive_note")
    if any(_AUTOBLOG.search(t) for k, t, w in lines if w == "pre" and len(t) < 120):
        signals.append("autoblog_byline")
    if page_date and _dateline_differs(doc.body[:300], page_date):
        signals.append("dateline_date_differs")
    if page_date:
        # One old year is often history ("since the 1988 Olympics"); a story whose every year
        # mention, two or more, lies years before the page's date is an old story.
        years = [y for y in years_mentioned(doc.body) if y <= int(page_date[:4])]
        if len(years) >= STALE_MENTIONS and int(page_date[:4]) - max(years) >= STALE_YEARS:
            signals.append("stale_page_date")
    url = doc.url or doc.hints.get("url") or (doc.notes.get("html") or {}).get("url")
    if url:
        host = _host(url)
        for _k, t, _w in lines:
            for m in cl.EMAIL.finditer(t if _k == "byline" else ""):
                dom = m.group().split("@", 1)[1].lower()
                if dom not in _WEBMAIL and host and not (host.endswith(dom) or dom.endswith(host)):
                    signals.append("byline_domain_differs")
                    break
    return signals


def _archive_note(text: str, page_date: str | None) -> bool:
    """Whether ``text`` says the story was published before, elsewhere or earlier: "First
    appeared on The Conversation", "From our archives". A "First published on" followed by the
    page's own date (within a week) is the page's stamp, not a note."""
    for m in _ARCHIVE.finditer(text):
        hits = find_dates(text[m.end():m.end() + 40])
        if page_date and hits and abs((dt.date.fromisoformat(hits[0].iso)
                                       - dt.date.fromisoformat(page_date)).days) <= 7:
            continue
        return True
    return False


def _dateline_differs(first: str, page_date: str) -> bool:
    """Whether the day in the story's dateline is not the page's day (a week or more apart)."""
    got = dateline_day(first)
    if not got:
        return False
    year, month, day = got
    page = dt.date.fromisoformat(page_date)
    years = [year] if year else [page.year, page.year - 1]
    for y in years:
        try:
            cand = dt.date(y, month, day)
        except ValueError:
            continue
        if cand <= page + dt.timedelta(days=2):
            return (page - cand).days > 7
    return True


def estimate_published(body: str, page_date: str | None, date_kind: str | None, signals: list[str],
                       first: str) -> tuple[str | None, float]:
    """(best estimate of the story's first publication, confidence 0-1).

    Not a copy: the page's date (high confidence). A copy: the latest full date the story itself
    gives (not later than the page's date), with low confidence; else None.
    """
    if page_date and not signals:
        return page_date, {"given": 0.95, "published": 0.95, "plain": 0.9, "updated": 0.75, "relative": 0.7}.get(date_kind or "", 0.85)
    limit = page_date or "9999-12-31"
    in_text = [h.iso for h in find_dates(body) if h.iso <= limit]
    if in_text:
        return max(in_text), 0.4 if signals else 0.3
    return None, 0.0


# --- outlet ------------------------------------------------------------------------------------

def _host(url: str) -> str:
    host = urlparse(url if "//" in url else "//" + url).netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def find_outlet(doc: Document, lines: list[list[str]], html: dict, repost: bool) -> str | None:
    """The publication this copy appeared in: the container's or page's site name, the URL's
    host, a copy site's name in its wrapper, or the domain of the byline's e-mail address."""
    for value in (doc.hints.get("outlet"), html.get("sitename")):
        if value and str(value).strip():
            return str(value).strip()
    url = doc.url or doc.hints.get("url") or html.get("url")
    if url and _host(url):
        return _host(url)
    for kind, text, where in lines:
        if kind in ("foreign", "contact", "footer") and (repost or where == "post"):
            m = _SITE_IN_WRAPPER.search(text)
            if m:
                name = next(g for g in m.groups() if g).strip(" :|")
                if name and len(name) <= 40 and not re.search(r"\d{4}|reserved", name, re.I):
                    return name
    if not repost:
        for kind, text, where in lines:
            if kind == "byline" or (kind == "contact" and where == "post" and len(text) < 60):
                m = cl.EMAIL.search(text)
                if m and m.group().split("@", 1)[1].lower() not in _WEBMAIL:
                    return m.group().split("@", 1)[1].lower()
    return None
