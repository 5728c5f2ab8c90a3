"""Metadata of a cleaned article: headline, authors, outlet, agencies, dateline, dates, repost.

Works from the evidence the cleaning kept (``doc.notes["clean"]``: every removed line with its
kind and whether it stood before, inside or after the article block), the container's hints and,
for HTML, the page metadata. The page's own date (``page_date``) is kept apart from the best
estimate of when the story first appeared (``published``): a copy site's date is never stated as
the story's date.
"""
from __future__ import annotations

import collections
import datetime as dt
import re
from urllib.parse import urlparse

from ..model import Document
from . import clean_lines as cl
from .metadata_credits import (agency_byline, credit_place, dateline_day, decorated_name, find_agencies, find_authors,
                               find_dateline, kind_byline, name_list, name_only, stamp_byline)
from .metadata_dates import date_line_kind, find_dates, month_days, parse_loose, relative_age, relative_days, years_mentioned

#: Years between the latest year the body mentions and the page's date from which the page is
#: taken for a later copy or an archive page.
STALE_YEARS = 3
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
                               doc.title, html.get("sitename") or doc.hints.get("outlet"))
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


_GLUED_BYLINE = re.compile(rf"^(?P<head>\S.{{10,}}?)\s+by\s+(?P<name>{cl.NAME}?)(?P<rest>\s*[\u2014\u2013|,-].*)?$")


def split_glued_bylines(lines: list[list[str]]) -> list[list[str]]:
    """The labelled lines with a headline and the byline run into one line before the article
    ("Headline by Jane Roe — November 18, 2019": a render joins a line starting in lower case to
    the one above) split back into the headline and a byline line. Split only when the part
    after "by" is a person's name and a date follows, on the line or on one of the next two."""
    out: list[list[str]] = []
    for n, (kind, text, where) in enumerate(lines):
        m = _GLUED_BYLINE.match(text) if where == "pre" and kind in ("short", "dup", "prose", "sentence") else None
        if m and len(cl.words(m.group("head"))) >= 3 and name_only(m.group("name")):
            rest = m.group("rest") or ""
            # (the writer's handle may stand between: "@janeroe")
            if find_dates(rest) or any(date_line_kind(t) for _k, t, _w in lines[n + 1: n + 3]):
                out += [[kind, m.group("head").strip(), where], ["byline", f"By {m.group('name')}{rest}", where]]
                continue
        out.append([kind, text, where])
    return out


#: A stamp that gives no full date: a relative one or one without a year ("Today 12:01 AM",
#: "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "3 hours ago").
def _stamp_like(text: str) -> bool:
    parts = [p for p in re.split(r"\s*[;|]\s*", text.strip()) if p]
    return bool(parts) and all(relative_days(p) is not None or _MONTH_DAY_LINE.match(p) for p in parts)


#: A field label on its own line ("Publish date:", "Author:", "You are at:") and a breadcrumb
#: ("You are here: Home News Markets"): never the headline.
_FIELD_LABEL = re.compile(r"(?i)^(?:[\w ]{1,25}:|you are (?:here|at)\b.*)$")
#: The labels of the article's own fields, whose values belong to its head ("Author:" / "Jane
#: Roe"); a search box's "Text Input:" is not one.
_HEAD_LABEL = re.compile(r"(?i)^(?:(?:written |posted |published )?by|authors?|writers?|reporters?|byline|"
                         r"(?:publish(?:ed)?|publication|post(?:ed)?|release|updated?)(?: date| on| at)?|date|time|"
                         r"source)\s*:$")


_SECTION_LABELS_WORDS = frozenset("""news music business sport sports politics world tech technology science health
entertainment opinion culture lifestyle travel money markets local nation national us uk""".split())
#: A breadcrumb trail from the home page ("Home » Column »", "Home News Science & Astronomy").
_BREADCRUMB = re.compile(r"(?i)^home\s*(?:[\u00bb>/|\u203a]|\s(?:" + "|".join(sorted(_SECTION_LABELS_WORDS)) + r")\b)")
#: The site's own banners and sign-up prompts ("Welcome to Example News's EU experience",
#: "Breaking News Emails", "Get Breaking News Alerts").
_SITE_UI = re.compile(r"(?i)^(?:welcome to\b.*|(?:\w+\s+){0,3}(?:e-?mails|alerts|newsletters?))$")
_LEGAL = re.compile(r"(?i)privacy|terms of|cookie|copyright|\u00a9|all rights|ad choices")
_GLUED = re.compile(r"^[A-Z][a-z]+[a-z][A-Z][a-z]{2,}")


def headline_paragraph(paragraph: str) -> bool:
    """Whether the body's first paragraph reads as a headline kept in the body (4 to 25 words, no
    closing full stop, starting with a capital), not as the story's first sentence."""
    text = paragraph.strip()
    ws = cl.words(text)
    return (4 <= len(ws) <= 25 and len(text) <= 200 and "\n" not in text and text[:1].isupper()
            and not re.search(r"[.:;,\u2026]$", text))


def _as_list(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


# --- headline -----------------------------------------------------------------------------------

_TITLE_SEP = re.compile(r"\s+(\||-|\u2013|\u2014|::|\u00bb|/)\s+")


def tidy_title(title: str, sitename: str | None = None) -> str:
    """A page title without the site's name appended ("Headline | Site", "Headline - Site"): a
    part after " | " of up to five words goes, a part after a dash only when it is the site's
    name or a short capitalised name after a headline of three words or more. A section label or
    the site's name in front ("Opinion | Headline") goes too."""
    title = re.sub(r"\s+", " ", title).strip()
    parts = _TITLE_SEP.split(title)
    if len(parts) >= 3 and parts[1] in ("|", "::", "\u00bb") and len(" ".join(parts[2:]).split()) >= 3:
        first = parts[0].strip().lower()
        site = (sitename or "").strip().lower()
        if first in _SECTION_LABELS or (site and (first in site or site in first)):
            parts = parts[2:]  # "Opinion | Headline", "Site | Headline"
    while len(parts) >= 3:
        head, sep, last = " ".join(parts[:-2]), parts[-2], parts[-1]
        site = (sitename or "").strip().lower()
        is_site = bool(site) and (last.lower() in site or site in last.lower())
        short = len(last.split()) <= 5 and len(head.split()) >= 2
        dashed_name = (len(last.split()) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in last.split())
                       and len(head.split()) >= 3)
        if is_site or (sep == "|" and short) or (sep in ("::", "\u00bb") and short) or dashed_name:
            parts = parts[:-2]
        else:
            break
    return "".join(p if i % 2 == 0 else f" {p} " for i, p in enumerate(parts)).strip()


#: Section labels that pages put in front of the headline in their title ("Opinion | ...").
_SECTION_LABELS = frozenset(["opinion", "analysis", "commentary", "editorial", "editorials", "review", "reviews",
                             "exclusive", "breaking", "breaking news", "live", "live updates", "watch", "video",
                             "podcast", "explainer", "interview", "column", "letters", "obituary", "obituaries",
                             "sport", "sports", "business", "politics", "world", "news", "tech", "technology",
                             "culture", "science", "health", "markets", "money", "travel", "fact check"])


def pick_title(lines: list[list[str]], given: str | None = None, sitename: str | None = None,
               page_date: str | None = None) -> str | None:
    """See ``pick_title_scored``: the headline only."""
    return pick_title_scored(lines, given, sitename, page_date)[0]


def pick_title_scored(lines: list[list[str]], given: str | None = None, sitename: str | None = None,
                      page_date: str | None = None) -> tuple[str | None, bool]:
    """The headline: the container's or page's title when given, else the best headline-like
    line before the article block. A line just above the article's byline or date stamp (the one
    showing ``page_date``, not a teaser's) or repeated (scraped twice) scores higher; a caption,
    a section label, a sentence and the site's own name score lower. The flag says whether the
    headline is sure: given, by the byline or the stamp, or scraped twice."""
    if given and given.strip():
        return tidy_title(given, sitename) or None, True
    pre = [(i, kind, text) for i, (kind, text, where) in enumerate(lines) if where == "pre"]
    best, best_score, best_near = None, 0.0, False
    site = (sitename or "").strip().lower()
    # The article's head: its byline and date stamp. The headline sits just above them (a deck
    # or a name line may come between) or, on some layouts, just below the date.
    anchors = {n for n, (_i, kind, text) in enumerate(pre)
               if kind == "byline" or (len(text) < 160 and (_stamp_of(text, page_date) or stamp_byline(text)
                                                            or decorated_name(text) or name_list(text)
                                                            or _stamp_like(text) or kind_byline(text)))}
    # A byline naming the wire after the writers, over or under the stamp ("Jane Roe, AP Auto Writer").
    anchors |= {n for n, (_i, _k, text) in enumerate(pre) if agency_byline(text)[0] and (n - 1 in anchors or n + 1 in anchors)}
    # A field's label and its value ("Author:" / "Jane Roe", "Publish date:" / "Nov 18, 2019")
    # belong to the article's head.
    labels = {n for n, (_i, _k, text) in enumerate(pre) if _HEAD_LABEL.match(text.strip())}
    for _round in range(2):
        anchors |= {m for n in labels if any(abs(a - n) <= 2 for a in anchors) for m in (n, n + 1) if m < len(pre)}
    # Without a written byline, a name alone on its line next to the stamp is the byline
    # ("Jane Roe" / "Nov 19, 2019").
    if not any(kind == "byline" or stamp_byline(text) for _i, kind, text in pre):
        anchors |= {n for n, (_i, _k, text) in enumerate(pre) if any(0 < abs(a - n) <= 2 for a in anchors)
                    and name_only(text)}
    # The same line three times or more before the article is a label of a list or a menu
    # ("AUTO NEWS" over every teaser, "Share this with ..."), never the headline.
    seen = collections.Counter(text.lower() for _i, _k, text in pre)
    for n, (i, kind, text) in enumerate(pre):
        if kind not in ("short", "dup", "sentence", "prose", "related", "ui"):
            continue
        # A share button's label read out with the headline ("Share All sharing options for: ...").
        text = _SHARE_LABEL.sub("", text)
        if kind == "ui" and text == pre[n][2]:
            continue
        ws = cl.words(text)
        if not 2 <= len(ws) <= 30 or not 8 <= len(text) <= 250 or " | " in text:
            continue
        if cl.photo_credit(text) or cl.is_ui(text) or (site and text.lower() == site):
            continue
        if (n in anchors or cl.byline_names(text) or _credit_line(text) or _stamp_like(text) or _FIELD_LABEL.match(text)
                or _BREADCRUMB.match(text) or _SITE_UI.match(text)):
            continue
        # (a headline by the byline stays one, however often the page repeats it: gallery, share bar)
        if (seen[text.lower()] >= 3 and not (len(ws) >= 4 and any(0 < a - n <= 2 for a in anchors))) \
                or cl.is_share_item(text):
            continue
        if any(t != text and len(t) >= 20 and text.endswith(t) for _i2, _k2, t in pre[n + 1: n + 3]):
            continue  # a breadcrumb glued to the headline that follows ("HomeNewsHeadline")
        score = 1.0 + (1.0 if len(ws) >= 4 else 0.0)
        near = any(0 < a - n <= 4 for a in anchors) or (kind == "dup" and len(ws) >= 4)
        if any(0 < a - n <= 2 for a in anchors):
            score += 2.5
        elif any(0 < a - n <= 4 for a in anchors):
            score += 2.0
        elif any(0 < n - a <= 2 for a in anchors):
            score += 1.0
        if kind == "dup" and len(ws) >= 4:
            score += 2.0  # scraped twice (title and heading); short repeats are menu items
        if text.upper() == text and len(ws) <= 3:
            score -= 1.5  # "AUTO NEWS", "EARNINGS REPORT": a section label
        if n + 1 < len(pre) and _credit_line(pre[n + 1][2]) and not _WIRE_DESK.search(pre[n + 1][2]):
            score -= 2.0  # a caption over its photo's credit ("Jane Roe, Associated Press")
        if (n > 0 and (cl.photo_credit(pre[n - 1][2]) or _credit_line(pre[n - 1][2])) and len(ws) > 15
                and text.rstrip().endswith(".")):
            score -= 2.0  # a long sentence under a photo's credit ("Jane Roe | Getty Images"): its caption
        title_case = sum(w[:1].isupper() for w in ws) >= 0.7 * len(ws)
        if text.rstrip().endswith(".") and kind != "dup" and not title_case:
            score -= 1.5
        if kind == "prose":
            score -= 1.0
        if (len(ws) > 12 and text.rstrip().endswith(".")
                and any(k2 in ("short", "dup") and 4 <= len(cl.words(t2)) <= 25 and not t2.rstrip().endswith(".")
                        for _i2, k2, t2 in pre[max(0, n - 3): n])):
            score -= 1.0  # a sentence under a headline-like line: the standfirst
        if any(k == "footer" and _LEGAL.search(t) for _i2, k, t in pre[max(0, n - 2): n + 3]):
            score -= 1.5  # among the site's legal links ("Privacy Policy", "Closed Captioning Policy")
        if len(ws) <= 4 and any(_GLUED.search(w) for w in text.split()):
            # Menu items run together ("Edit ProfileSign Out"); a brand in a longer line is not.
            score -= 1.5
        if cl.lower_share(text) > 0.8 and len(ws) > 6:
            score -= 0.5
        if any(k == "foreign" for _, k, _ in pre[max(0, n - 2): n + 3]):
            score += 1.0  # a copy site's wrapper in another script around the headline
        if (n > 0 and pre[n - 1][1] in ("short", "dup") and pre[n - 1][0] == i - 1 and len(cl.words(pre[n - 1][2])) >= 4
                and len(text) * 1.2 > len(pre[n - 1][2])):
            # Right under another headline-like line that is not much longer (a kicker is): the
            # deck, not the headline.
            score -= 0.6
        # Later lines sit closer to the article: menus and site names come first.
        score += 0.1 * n / max(1, len(pre))
        if score > best_score:
            best, best_score, best_near = text, score, near
    return (_strip_other_script(best) if best else None), (best_near if best else False)


_SHARE_LABEL = re.compile(r"(?i)^(?:share|sharing)(?:\s+all)?(?:\s+sharing)?(?:\s+options)?\s+(?:for|on)\s*:\s*(?=\S)")


def _stamp_of(text: str, page_date: str | None) -> bool:
    """Whether ``text`` is a date stamp showing ``page_date`` (any stamp when that is unknown)."""
    got = date_line_kind(text)
    return bool(got) and (page_date is None or got[1].iso == page_date)


_WIRE_DESK = re.compile(r"(?i)\b(?:wire services?|wire reports?|news services?|staff and wires?|from wires?|"
                        r"news agencies|staff reports?)\b")
_PHOTO_SOURCES = re.compile(r"(?i)^(?:getty(?: images)?|afp(?: via getty images)?|epa(?:-efe)?|shutterstock|"
                            r"reuters|ap|associated press|ap photo|file|handout|pool|courtesy)$")


def _credit_line(text: str) -> bool:
    """A line that only credits a photo or names a wire with its date: "Jane Roe, Associated Press",
    "Jane Roe/Getty Images", "Associated Press November 19, 2019, 9:02 AM"."""
    if len(text) > 70:
        return False
    if _WIRE_DESK.search(text) and len(cl.words(text)) <= 6:
        return True  # "Detroit News wire services": a desk credit
    m = re.match(rf"^{cl.NAME}\s*[,/]\s*(?P<src>[^,/]+)$", text)
    if m and (_PHOTO_SOURCES.match(m.group("src").strip()) or cl.agency_name(m.group("src"))):
        return True
    hits = find_dates(text)
    return bool(hits) and bool(cl.agency_name(text[: hits[0].start].strip(" ,|-")))


def _strip_other_script(title: str) -> str:
    """A Latin headline without a copy site's name in another script glued on
    ("US again downplays talks_苹果新闻网")."""
    m = re.search(r"\s*[_|\-\u2013\u2014:]*\s*[^\W\d_A-Za-z\u00c0-\u024f][^\s\u201d\u2019\"']*\s*$", title)
    if m and cl.foreign_share(title[: m.start()]) < 0.1 and len(title[: m.start()]) >= 8:
        return title[: m.start()].strip()
    return title


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
        if kind not in ("date", "foreign", "short", "junk", "ui", "contact", "footer", "byline", "credit", "dup"):
            continue
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
        ranked.append(((where != "pre", not by, order[dkind], n), hit.iso, dkind))
    # A relative stamp by the byline (a teaser's "2 hours ago" in a list is not the article's).
    rel = next((relative_days(text) for n, (_k, text, where) in enumerate(lines)
                if where == "pre" and len(text) < 80 and relative_days(text) is not None
                and any(abs(b - n) <= 2 for b in bylines)), None)
    if not ranked:
        yearless = _yearless_stamp(lines, bylines)
        if yearless or rel is None or not anchor or not find_dates(str(anchor)):
            return yearless, None, age
        base = dt.date.fromisoformat(find_dates(str(anchor))[0].iso)
        return (base - dt.timedelta(days=rel)).isoformat(), "relative", age
    ranked.sort()
    (outside, lone, _o, _n), iso, dkind = ranked[0]
    if rel is not None and lone and not outside:
        # The only full date is the day in the site's header; the article's own stamp is relative.
        return (dt.date.fromisoformat(iso) - dt.timedelta(days=rel)).isoformat(), "relative", age
    return iso, dkind, age


_MONTH_DAY_LINE = re.compile(
    r"(?i)^(?:(?:published|posted|updated|on)\s*:?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s*,?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$")
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
        if parts and all(_MONTH_DAY_LINE.match(p) for p in parts):
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
    if _ARCHIVE.search(" ".join(t for _, t, _ in lines)) or _ARCHIVE.search(doc.body[:300]):
        signals.append("archive_note")
    if any(_AUTOBLOG.search(t) for k, t, w in lines if w == "pre" and len(t) < 120):
        signals.append("autoblog_byline")
    if page_date and _dateline_differs(doc.body[:300], page_date):
        signals.append("dateline_date_differs")
    if page_date:
        # One old year is often history ("since the 1988 Olympics"); a story whose every year
        # mention, two or more, lies years before the page's date is an old story.
        years = [y for y in years_mentioned(doc.body) if y <= int(page_date[:4])]
        if len(years) >= 2 and int(page_date[:4]) - max(years) >= STALE_YEARS:
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
