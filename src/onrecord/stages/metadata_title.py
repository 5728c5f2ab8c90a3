"""The headline of a cleaned article, from the lines the cleaning removed before the article block.

Lines are ``[kind, text, where]`` as ``doc.notes["clean"]["lines"]`` gives them. A headline sits
just over the article's byline or date stamp (a deck or a name line may come between); menus,
stamps, field labels, captions, standfirsts, bylines and the site's banners are not headlines.
"""
from __future__ import annotations

import collections
import re

from . import clean_lines as cl
from .metadata_credits import agency_byline, decorated_name, kind_byline, name_list, name_only, paper_byline, stamp_byline
from .metadata_dates import MONTH_DAY_LINE, date_line_kind, find_dates, relative_days

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


def _stamp_like(text: str) -> bool:
    """Whether a line is a stamp that gives no full date: a relative one or one without a year
    ("Today 12:01 AM", "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "3 hours ago")."""
    parts = [p for p in re.split(r"\s*[;|]\s*", text.strip()) if p]
    return bool(parts) and all(relative_days(p) is not None or MONTH_DAY_LINE.match(p) for p in parts)


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
#: A short byline whatever it names ("By Reuters", "By Example Staff"): never the headline.
_BY_LINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}$")
_LEGAL = re.compile(r"(?i)privacy|terms of|cookie|copyright|\u00a9|all rights|ad choices")
_GLUED = re.compile(r"^[A-Z][a-z]+[a-z][A-Z][a-z]{2,}")


def headline_paragraph(paragraph: str) -> bool:
    """Whether the body's first paragraph reads as a headline kept in the body (4 to 25 words, no
    closing full stop, starting with a capital), not as the story's first sentence."""
    text = paragraph.strip()
    ws = cl.words(text)
    return (4 <= len(ws) <= 25 and len(text) <= 200 and "\n" not in text and text[:1].isupper()
            and not re.search(r"[.:;,\u2026]$", text))


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
                                                            or _stamp_like(text) or kind_byline(text)
                                                            or _BY_LINE.match(text)))}
    # A byline naming the wire or the paper after the writer, over or under the stamp ("Jane Roe,
    # AP Auto Writer", "Jane Roe Florida Today").
    anchors |= {n for n, (_i, _k, text) in enumerate(pre) if (agency_byline(text)[0] or paper_byline(text))
                and (n - 1 in anchors or n + 1 in anchors)}
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
                or _BREADCRUMB.match(text) or _SITE_UI.match(text) or re.match(r"[\u2014\u2013]", text)):
            # (a line opening with a dash attributes a quote or credits: "— Jane Roe on Sunday, ...")
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
        if (((len(ws) > 12 and text.rstrip().endswith(".")) or (len(ws) > 14 and re.search(r"\w\.\s+[A-Z]", text)))
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
