"""Dates as scraped pages show them: find them in a line, label them, turn them into ISO days.

Covers the formats news pages print ("Posted December. 06, 2014 08:16", "July 25, 2011 / 12:20 PM",
"Published Sunday, 29 May 2005", "2024-09-23 04:34:49", "2014년 12월 6일", "2024年5月22日") with
compiled patterns; ``dateparser`` (English only, no network) is the fallback for a labelled date
line the patterns miss.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PATTERNS = [
    # July 25, 2011 / Dec. 6, 2014 / December. 06, 2014 / Sunday, May 29, 2005
    # (a year run into the time that follows it: "NOV 19 20197:05 AM")
    re.compile(rf"\b{_WEEKDAY}{_MON}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
               rf"(?:\b|(?=\d{{1,2}}:\d\d))", re.I),
    # 29 May 2005 / Sunday, 29 May 2005 / 6th of December, 2014
    re.compile(rf"\b{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(?P<year>(?:19|20)\d\d)"
               rf"(?:\b|(?=\d{{1,2}}:\d\d))", re.I),
    # 2024-09-23, 2024.05.22, 2024/5/22, 2024年5月22日, 2014년 12월 6일
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?:[-./]|年|년)\s*(?P<num>\d{1,2})\s*(?:[-./]|月|월)\s*(?P<day>\d{1,2})(?:\s*[日일])?(?!\d)"),
    # 25/07/2011, 07.25.2011 (day/month order decided below)
    re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<year>(?:19|20)\d\d)(?![\d/.])"),
    # 11/18/19 11:04 PM: a two-digit year only in a stamp (a time or the line's end after it), where
    # it cannot be a fraction or a score
    re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<yy>\d\d)(?![\d/.])"
               r"(?=\s+(?:[Aa][Tt]\s+)?\d{1,2}:\d\d|\s*(?:$|[|;\u2022\u00b7]))"),
]
_RELATIVE = re.compile(r"\b(?P<n>\d+|an?|one)\s+(?P<unit>year|month|week|day|hour|minute)s?\s+ago\b", re.I)

# Labels in front of a page's date; "updated" dates are the weakest page-date evidence.
_PUBLISHED_LABEL = re.compile(
    r"(?:posted|published|publication date|pub(?:lished)?\.? ?date|first published|released|"
    r"date|created|issued|入力|입력|등록|기사입력|发布时间|发布日期|发表时间|发布于|时间|日期|登録|公開|配信)",
    re.I,
)
_UPDATED_LABEL = re.compile(r"(?:updated|last updated|modified|last modified|edited|수정|更新时间|更新日期|更新|更新日)", re.I)
TIME_RE = _TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*))?", re.I)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a line: ``start``/``end`` are character offsets in that line, ``iso`` is
    ``YYYY-MM-DD``."""

    start: int
    end: int
    iso: str


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateHit]:
    """Every full calendar date (day, month and year) in ``text``, in order."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for i, rx in enumerate(_PATTERNS):
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            year = int(g["year"]) if g.get("year") else 2000 + int(g["yy"])
            if i == 4:
                # Pages writing a two-digit year put the month first (US style: "11/18/19").
                a, b = int(g["a"]), int(g["b"])
                iso = _iso(year, a, b) if a <= 12 else _iso(year, b, a)
            elif i < 2:
                iso = _iso(year, _MONTHS[g["mon"][:3].lower()], int(g["day"]))
            elif i == 2:
                iso = _iso(year, int(g["num"]), int(g["day"]))
            else:
                a, b = int(g["a"]), int(g["b"])
                # Day first unless that is impossible: most of the world writes 25/07/2011.
                iso = _iso(year, b, a) if b <= 12 else _iso(year, a, b)
            if iso:
                hits.append(DateHit(m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def relative_age(text: str) -> tuple[int, str] | None:
    """``(n, unit)`` of a relative stamp ("6 years ago" -> (6, "year")), else None."""
    m = _RELATIVE.search(text)
    if not m:
        return None
    n = m.group("n").lower()
    return (1 if n in ("a", "an", "one") else int(n)), m.group("unit").lower()


_REL_STAMP = re.compile(
    r"(?i)^(?:(?:updated|published|posted|last updated)\s*:?\s*)?(?:(?P<word>today|yesterday)\b(?:\s*,?\s*(?:at\s+)?"
    r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?|(?P<n>\d+|an?|one)\s*(?P<unit>min(?:ute)?s?|hours?|hrs?|h|"
    r"days?|d|weeks?|wks?)\.?(?:\s+ago)?)\s*$")


def relative_days(text: str) -> int | None:
    """Days before the moment of reading that a relative stamp gives ("Today 12:01 AM" -> 0,
    "Yesterday" -> 1, "3 days ago" -> 3, "5 hours ago" -> 0, "Jane Roe @janeroe / 2 days" -> 2);
    None when the line, or its last part after a "/", "|" or bullet, is not such a stamp. Months
    and years are too coarse to give a day."""
    parts = re.split(r"[/|\u2022\u00b7]", text.strip())
    tail = parts[-1].strip()
    m = _REL_STAMP.match(tail)
    if not m or len(tail) > 40:
        return None
    if m.group("n") and len(parts) == 1 and not re.search(r"(?i)\bago$|^(?:updated|published|posted)", tail):
        return None  # "48 Hours", "60 Minutes" alone on a line are a menu's show names
    if m.group("word"):
        return 0 if m.group("word").lower() == "today" else 1
    n = m.group("n").lower()
    n = 1 if n in ("a", "an", "one") else int(n)
    unit = m.group("unit").lower()
    if unit.startswith(("min", "h")):
        return (n // 60 if unit.startswith("min") else n) // 24
    return n * 7 if unit.startswith("w") else n


_LABEL_WORDS = re.compile(
    r"\b(?:posted|published|updated|last|first|modified|edited|released|date|created|issued|on|at|"
    r"am|pm|a\.m\.|p\.m\.|gmt|utc|kst|est|edt|pst|pdt|bst|cet|jst|ago|years?|months?|weeks?|days?|"
    r"hours?|minutes?|mins?|read|time|\d+)\b",
    re.I,
)


def date_line_kind(text: str) -> tuple[str, DateHit] | None:
    """For a line that is a page's date stamp, ``(kind, hit)`` with kind ``published``,
    ``updated`` or ``plain``; None when the line is something else (a sentence that mentions a
    date). Lines in another script count when their date has a label."""
    hits = find_dates(text)
    if not hits:
        return None
    hit = hits[0]
    before = text[: hit.start]
    upd = _UPDATED_LABEL.search(before)
    pub = _PUBLISHED_LABEL.search(before)
    if upd and (not pub or upd.end() >= pub.end()):
        kind = "updated"
    elif pub:
        kind = "published"
    else:
        kind = "plain"
    # What is left once the dates, times and label words are gone must be short: a stamp, not a
    # sentence that mentions a date.
    rest = text
    for h in reversed(hits):
        rest = rest[: h.start] + " " + rest[h.end:]
    rest = _TIME.sub(" ", rest)
    rest = _LABEL_WORDS.sub(" ", rest)
    rest_words = re.findall(r"[A-Za-z]{2,}", rest)
    if len(rest_words) <= 2 or (kind != "plain" and len(rest_words) <= 5 and len(text) < 120):
        return kind, hit
    return None


def parse_loose(text: str) -> str | None:
    """ISO day of a date string the patterns miss, through ``dateparser`` (English, no network,
    no relative dates); None when it cannot tell."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    got = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                  "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return got.date().isoformat() if got else None


_YEAR = re.compile(r"(?<![\d,.$€£#/-])(?:19[5-9]\d|20[0-4]\d)(?!\d|,\d|%|\.\d|-\d|'?s\b)")


def years_mentioned(text: str) -> list[int]:
    """Calendar years written in ``text`` (1950-2049), in order."""
    return [int(y) for y in _YEAR.findall(text)]


_MON_DAY = re.compile(rf"\b{_MON}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)", re.I)


def month_days(text: str) -> list[tuple[int, int]]:
    """(month, day) pairs written without a year ("April 11", "Dec. 1")."""
    out = []
    for m in _MON_DAY.finditer(text):
        day = int(m.group("day"))
        if 1 <= day <= 31:
            out.append((_MONTHS[m.group("mon")[:3].lower()], day))
    return out


#: A stamp line without a year ("Nov 18", "Posted Nov 18, 8:19 PM").
MONTH_DAY_LINE = re.compile(
    r"(?i)^(?:(?:published|posted|updated|on)\s*:?\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s*,?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?$")
