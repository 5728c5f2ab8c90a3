"""Time expressions in news sentences, resolved against the story's date.

News reports date events relative to the day of publication: "on Wednesday" is the Wednesday on
or before the story's date, "yesterday" the day before, "last week" about seven days back, "last
month" the middle of the previous month. :func:`find_time_expressions` lists every expression in a
text with its character offsets and resolved day; :func:`resolve_date` picks the one that best dates
a sentence. Pure functions, standard library only.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["TimeExpression", "find_time_expressions", "resolve_date", "parse_iso_date"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
    "few": 3, "several": 3,
}
#: Days each unit spans, for "three weeks ago" and for the tolerance of vague expressions.
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in a text.

    ``start``/``end`` are character offsets into the text searched; ``date`` is the resolved day;
    ``granularity`` is ``day``, ``week``, ``month`` or ``year`` (how precise the words are), and
    ``future`` is True when the words point after the anchor ("tomorrow", "next week").
    """

    start: int
    end: int
    text: str
    date: dt.date
    granularity: str = "day"
    future: bool = False

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def parse_iso_date(value: str | dt.date | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or a longer ISO timestamp) as a date; None when absent or unreadable."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


_WD = "|".join(WEEKDAYS)
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True))
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_LOCAL = r"(?:\s*\(local time\))"

# Order matters only for overlapping matches: longer, more specific patterns come first.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("range_md", re.compile(
        rf"\bfrom\s+(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|until|through)\s*"
        rf"(?:(?:{_MON})\.?\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?", re.I)),
    ("month_day", re.compile(
        rf"\b(?:on\s+)?(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I)),
    ("day_month", re.compile(
        rf"\b(?:on\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b\.?(?:,?\s+(?P<year>\d{{4}}))?",
        re.I)),
    ("ago", re.compile(
        rf"\b(?P<n>\d+|{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|back|earlier|before|later|from now)\b",
        re.I)),
    ("rel_unit", re.compile(
        r"\b(?P<which>last|past|previous|this|next|coming|earlier this|later this)\s+(?P<unit>week|month|year|weekend)\b",
        re.I)),
    ("weekday", re.compile(
        rf"\b(?:(?P<mod>on|last|this|next|coming|early|late|later|earlier|since|by|until)\s+)?(?:(?:early|late|later)\s+)?"
        rf"(?P<wd>{_WD})(?P<part>{_PART})?{_LOCAL}?", re.I)),
    ("month", re.compile(
        r"\b(?P<mod>in|since|during|by|last|this|next|early|late|mid-?)\s*(?:early\s+|late\s+|mid-?)?"
        r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)"
        r"(?:\s+(?P<year>\d{4}))?\b", re.I)),
    ("word", re.compile(
        r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|"
        r"earlier\s+in\s+the\s+day|later\s+in\s+the\s+day|earlier\s+today|later\s+today|"
        r"(?:on\s+)?the\s+same\s+day|overnight|last\s+night)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|by|of)\s+(?P<year>(?:19|20)\d{2})\b")),
]


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _weekday_before(anchor: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(anchor: dt.date, month: int, day: int, year: str | None) -> dt.date | None:
    """A day and month; without a year, the most recent one not more than a month after the anchor
    (reports mostly look back, but announce the next few weeks too)."""
    if year:
        return _safe_date(int(year), month, day)
    found = _safe_date(anchor.year, month, day)
    if found and found > anchor + dt.timedelta(days=31):
        found = _safe_date(anchor.year - 1, month, day)
    return found


def _shift_months(anchor: dt.date, months: int, day: int = 15) -> dt.date:
    index = anchor.year * 12 + anchor.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day)


def _resolve(kind: str, m: re.Match, anchor: dt.date) -> tuple[dt.date | None, str, bool]:
    """Resolve one match: (date or None, granularity, points to the future)."""
    g = m.groupdict()
    if kind == "iso":
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day", False
    if kind in ("range_md", "month_day", "day_month"):
        when = _month_day(anchor, MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]), g.get("year"))
        return when, "day", bool(when and when > anchor)
    if kind == "ago":
        n, unit, direction = _number(g["n"]), g["unit"].lower(), g["dir"].lower()
        sign = 1 if direction in ("later", "from now") else -1
        if unit == "month":
            return _shift_months(anchor, sign * n, min(anchor.day, 28)), "month", sign > 0
        return anchor + dt.timedelta(days=sign * n * UNIT_DAYS[unit]), "day" if unit == "day" else unit, sign > 0
    if kind == "rel_unit":
        which, unit = g["which"].lower(), g["unit"].lower()
        if unit == "weekend":
            sat = _weekday_before(anchor, 5, strictly=which in ("last", "past", "previous"))
            if which in ("next", "coming"):
                sat = sat + dt.timedelta(days=7)
            return sat, "day", which in ("next", "coming")
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "week":
            if which == "earlier this":
                return anchor - dt.timedelta(days=min(anchor.weekday(), 2)), "week", False
            return anchor + dt.timedelta(days=7 * step), "week", step > 0
        if unit == "month":
            if which == "earlier this":
                return anchor.replace(day=max(1, anchor.day // 2)), "month", False
            return (_shift_months(anchor, step) if step else anchor), "month", step > 0
        if which == "earlier this":
            return dt.date(anchor.year, max(1, (anchor.month + 1) // 2), 1), "year", False
        return (dt.date(anchor.year + step, 7, 1) if step else anchor), "year", step > 0
    if kind == "weekday":
        mod = (g.get("mod") or "").lower()
        wd = WEEKDAYS.index(g["wd"].lower())
        if mod in ("next", "coming"):
            ahead = (wd - anchor.weekday()) % 7 or 7
            return anchor + dt.timedelta(days=ahead), "day", True
        return _weekday_before(anchor, wd, strictly=mod == "last"), "day", False
    if kind == "month":
        mod, month = g["mod"].lower(), MONTHS[g["mon"].lower()]
        if g.get("year"):
            year = int(g["year"])
        elif mod == "next" or (mod != "last" and month > anchor.month and mod in ("this",)):
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month and not (mod == "last" and month == anchor.month) else anchor.year - 1
        when = dt.date(year, month, 15)
        if year == anchor.year and month == anchor.month and when > anchor:
            when = anchor
        return when, "month", when > anchor
    if kind == "word":
        text = re.sub(r"\s+", " ", m.group(0).lower())
        if "before yesterday" in text:
            return anchor - dt.timedelta(days=2), "day", False
        if text in ("yesterday", "last night"):
            return anchor - dt.timedelta(days=1), "day", False
        if text == "tomorrow":
            return anchor + dt.timedelta(days=1), "day", True
        return anchor, "day", False
    if kind == "year":
        year = int(g["year"])
        return (anchor if year == anchor.year else dt.date(year, 7, 1)), "year", year > anchor.year
    return None, "day", False


def find_time_expressions(text: str, anchor: dt.date | str) -> list[TimeExpression]:
    """Every time expression in ``text``, in text order and not overlapping, resolved against
    ``anchor`` (a date or ``YYYY-MM-DD``). Offsets are characters into ``text``."""
    anchor_day = parse_iso_date(anchor)
    if anchor_day is None or not text:
        return []
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if kind == "month" and _is_may_verb(m, text):
                continue
            when, granularity, future = _resolve(kind, m, anchor_day)
            if when is None:
                continue
            if text[start:end].endswith(".") and re.search(r"[A-Za-z]{5,}\.$", text[start:end]):
                end -= 1  # "on 5 March." ends the sentence; "Dec." is an abbreviation
            taken.append((start, end))
            found.append(TimeExpression(start, end, text[start:end], when, granularity, future))
    found.sort(key=lambda t: t.start)
    return found


def _is_may_verb(m: re.Match, text: str) -> bool:
    """True when "May" in a month match is the modal verb ("in May be", "this may change")."""
    if m.group("mon").lower() != "may" or m.group("year"):
        return False
    if m.group("mon")[0].islower():
        return True
    return bool(re.match(r"\s+(?:be|have|not|also|still|well)\b", text[m.end():]))


def resolve_date(text: str, anchor: dt.date | str) -> tuple[str | None, str | None]:
    """The day that the time words of ``text`` (a sentence) point to, against ``anchor``.

    Returns ``(YYYY-MM-DD, the words that dated it)``, or ``(None, None)`` when the text names no
    time. A day-precise expression is preferred over a vaguer one ("last month's invasion ... said on
    Tuesday" gives Tuesday); among equals, the first in the text.
    """
    found = find_time_expressions(text, anchor)
    if not found:
        return None, None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    best = min(found, key=lambda t: (rank[t.granularity], t.future, t.start))
    return best.iso, best.text.strip()
