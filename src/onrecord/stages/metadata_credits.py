"""Who wrote and who supplied a story: bylines, wire credits, datelines.

Reads the lines the cleaning labelled (``doc.notes["clean"]["lines"]``: ``[kind, text, where]``)
and the body's first and last paragraphs. Reporters count as authors, editors do not; an agency
counts when it is credited for the story (dateline, trailing credit, byline), never for a photo.
"""
from __future__ import annotations

import re

from . import clean_lines as cl

_CREDIT_PART = re.compile(
    r"(?P<role>(?:additional |contributing |further )?reporting|writing|written|reported|compiled|"
    r"editing|edited|produced|production|graphics|translated|translation|fact-checking|research|"
    r"photos?|video)\s+by\s+(?P<names>[^;:()\n]+?)(?=\s*(?:;|\)|$|\.\s|,\s*(?:and\s+)?(?:additional |contributing )?"
    r"(?:reporting|writing|editing|edited|produced|compiled|graphics)\b))",
    re.IGNORECASE,
)
_AUTHOR_ROLES = ("reporting", "writing", "written", "reported", "compiled", "additional reporting",
                 "contributing reporting", "further reporting")


def credit_reporters(text: str) -> list[str]:
    """Reporters named in a production credit ("Reporting by Andrew Quinn; editing by Sugita
    Katyal" -> ["Andrew Quinn"]): writers and reporters, not editors or photographers."""
    out: list[str] = []
    for m in _CREDIT_PART.finditer(text):
        if m.group("role").lower() not in _AUTHOR_ROLES:
            continue
        out.extend(n for n in cl.split_names(m.group("names").strip()) if not cl.agency_name(n))
    return out


def find_authors(lines: list[list[str]], extra: list[str] | None = None) -> list[str]:
    """Bylined writers and reporters from the labelled lines (bylines, "Name email" lines,
    production credits), plus ``extra`` names (from the HTML page), without duplicates."""
    names: list[str] = []
    for kind, text, _where in lines:
        if kind == "byline":
            names.extend(cl.byline_names(text) or [])
        elif kind == "credit":
            names.extend(credit_reporters(text))
    for name in extra or []:
        name = re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE)
        if name and not cl.AGENCY_RE.fullmatch(name) and len(name.split()) <= 5 and not cl.EMAIL.search(name):
            names.extend(cl.split_names(name) or ([name] if " " in name else []))
    seen, out = set(), []
    for n in names:
        n = re.sub(r"\s+", " ", n).strip(" .,")
        key = n.lower()
        if key not in seen and not cl.agency_name(n):
            seen.add(key)
            out.append(n)
    return out


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'\u2019\-]+(?:\s[A-Z][A-Z.'\u2019\-]+){{0,3}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}(?=[^()]{{0,40}}\())"
    rf"(?P<more>(?:,\s*[A-Z][\w.'\u2019\-]*(?:\s[A-Z][\w.'\u2019\-]*){{0,2}})?(?:,?\s*{_MON}\s*\d{{1,2}}(?:,\s*\d{{4}})?)?)\s*"
    rf"(?:\((?P<agency>[^()]{{1,40}})\))?\s*(?:--|\u2014|\u2013|-|:)\s*(?=\S)"
)
_LEAD_AGENCY = re.compile(
    rf"^(?:{_MON}\s*\d{{1,2}}(?:,\s*\d{{4}})?\s*)?\((?P<agency>[^()]{{1,40}})\)\s*(?:--|\u2014|\u2013|-)\s")
_TRAIL_AGENCY = re.compile(r"(?:\((?P<a>[^()]{1,40})\)|[\u2014\u2013-]{1,2}\s*(?P<b>[A-Z][\w .&-]{1,30})|/(?P<c>[A-Za-z][\w -]{1,30})/)\s*$")


_MONTH_NAMES = re.compile(rf"^{_MON}$", re.IGNORECASE)
_MONTH_NUM = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_DATELINE_DAY = re.compile(rf"^[^()]{{0,60}}?\b(?P<mon>{_MON})\s*(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*\(")


def dateline_day(first_paragraph: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) written in the dateline ("SEOUL, Oct. 25 (Yonhap) --"), else None."""
    m = _DATELINE_DAY.match(first_paragraph)
    if not m or not re.search(r"\)\s*(?:--|\u2014|\u2013|-)", first_paragraph[m.end() - 1: m.end() + 50]):
        return None
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    return (int(m.group("year")) if m.group("year") else None), _MONTH_NUM[m.group("mon")[:3].lower()], day


def find_dateline(first_paragraph: str) -> tuple[str | None, str | None]:
    """(place, agency) of the dateline opening the first paragraph ("HONG KONG (Reuters) - ..."
    -> ("HONG KONG", "Reuters")); either may be None."""
    m = _DATELINE.match(first_paragraph)
    if m:
        place = m.group("place").strip()
        agency = cl.agency_name(m.group("agency") or "") if m.group("agency") else None
        caps = place.upper() == place and len(place) >= 3
        if _MONTH_NAMES.match(place):  # "Oct. 19 (UPI) --": a date, no place
            return None, agency
        if caps or agency:
            if not caps and place.lower() in ("the", "a"):
                return None, agency
            return place, agency
    m = _LEAD_AGENCY.match(first_paragraph)
    if m:
        return None, cl.agency_name(m.group("agency"))
    return None, None


def find_agencies(lines: list[list[str]], first_paragraph: str, last_paragraph: str,
                  extra: list[str] | None = None) -> list[str]:
    """Agencies credited for the story: the dateline's, a trailing credit of the last paragraph
    ("... he said. (Yonhap)"), agency bylines ("By Reuters Staff", "By X, Associated Press") and
    stand-alone credit lines; photo credits in captions are not story credits."""
    found: list[str] = []
    _, agency = find_dateline(first_paragraph)
    if agency:
        found.append(agency)
    m = _TRAIL_AGENCY.search(last_paragraph.rstrip())
    if m:
        name = cl.agency_name(m.group("a") or m.group("b") or m.group("c") or "")
        if name:
            found.append(name)
    for kind, text, where in lines:
        if kind == "agency_credit" and (where == "post" or re.match(r"(?i)(?:source|sources|via|credit)", text)):
            # A bare agency name before the article may be a photo's credit under its caption.
            text = re.sub(r"(?i)^(?:source|sources|via|credit|news source)\s*[:\uff1a]\s*", "", text)
            name = cl.agency_name(re.sub(r"[^\w .&-]", " ", text).strip())
            if name:
                found.append(name)
        elif kind in ("byline", "credit") or (kind == "short" and where == "pre" and re.match(r"(?i)^by\s", text)):
            for m2 in cl.AGENCY_RE.finditer(text):
                # "Reporting by X for Reuters", "By X, Associated Press", "By Reuters Staff".
                name = cl.agency_name(m2.group()) if m2.group()[0].isupper() else None
                if name and not re.search(r"(?i)(?:editing|edited)\s+by[^;]*$", text[: m2.start()]):
                    found.append(name)
        elif kind == "footer" and where == "post":
            m3 = re.search(r"(?i)(?:copyright|\u00a9)\s*(?:\(c\)\s*)?(?:\d{4}\s*)?(?:the\s+)?(associated press|reuters|agence france-presse|afp|yonhap(?: news agency)?|xinhua)", text)
            if m3:
                found.append(cl.agency_name(m3.group(1)) or m3.group(1))
    for name in extra or []:
        got = cl.agency_name(re.sub(r"(?i)\s*staff$", "", name.strip()))
        if got:
            found.append(got)
    out: list[str] = []
    for name in found:
        if name not in out:
            out.append(name)
    return out
