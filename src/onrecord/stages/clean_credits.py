"""Line-level signals for credits: wire agencies, photo credits and captions, bylines.

Each function looks at one whitespace-normalised line and answers from the shapes news pages give
these lines ("/ Xinhua-Yonhap", "(AP Photo/Ahn Young-joon)", "By Lee Min-hyung", "Reporting by
...; editing by ..."). Nothing here knows any particular site.
"""
from __future__ import annotations

import re


#: Wire and news agencies: surface forms -> the short name a record uses.
AGENCIES = {
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "afp-jiji": "AFP",
    "yonhap": "Yonhap", "yonhap news agency": "Yonhap", "yonhap news": "Yonhap",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "kyodo": "Kyodo", "kyodo news": "Kyodo", "jiji": "Jiji", "jiji press": "Jiji",
    "tass": "TASS", "itar-tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "sputnik": "Sputnik", "bloomberg": "Bloomberg", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE",
    "upi": "UPI", "united press international": "UPI", "pti": "PTI", "press trust of india": "PTI",
    "ians": "IANS", "ani": "ANI", "bernama": "Bernama", "antara": "Antara", "aap": "AAP",
    "anadolu": "Anadolu", "anadolu agency": "Anadolu", "irna": "IRNA", "kcna": "KCNA",
    "korean central news agency": "KCNA", "newsis": "Newsis", "news1": "News1", "cna": "CNA",
    "central news agency": "CNA", "canadian press": "Canadian Press", "the canadian press": "Canadian Press",
    "press association": "PA", "pa media": "PA", "kuna": "KUNA", "wam": "WAM", "mena": "MENA",
    "ap-dow jones": "AP", "dow jones": "Dow Jones", "apa": "APA", "bss": "BSS", "qna": "QNA",
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
AGENCY_RE = re.compile(rf"(?<!\w)(?:{_AGENCY_ALT})(?!\w)", re.IGNORECASE)


def agencies_in(text: str) -> list[str]:
    """Short names of the agencies written in ``text`` with a capital ("Xinhua-Yonhap" -> two)."""
    return [AGENCIES[m.group().lower()] for m in AGENCY_RE.finditer(text) if m.group()[0].isupper()]


def agency_name(text: str) -> str | None:
    """The short agency name for a surface form ("Associated Press" -> "AP"), else None."""
    return AGENCIES.get(text.strip().lower().rstrip("."))


_PHOTO_WORD = (r"(?i:photos?|photograph(?:er)?|images?|pictures?|pics?|file|files|courtesy|pool|screenshot|"
               r"screen ?capture|captured?|graphics?|illustration|video grab|handout)")
# Photo credits closing a caption, one pattern per form, each tried only on the last characters of
# a line that holds the mark its form needs (captions are many, so this must stay cheap).
_CREDIT_SLASH = re.compile(r"(?:\s/\s?|\s\|\s|\s?\[)[\w.'&]+(?:[ \-][\w.'&]+){0,5}\]?\s*$")  # "/ Xinhua-Yonhap"
_CREDIT_FILE = re.compile(  # "... Donald Trump. Yonhap-Korea Times file"
    r"(?:^|(?<=[.!?\"\u201d)]\s)|(?<=[.!?]))[A-Z][\w.&\-]*(?:[ \-][A-Z][\w.&\-]*){0,5}[ \-]"
    r"(?i:file|pool|handout|courtesy|photo|capture|captured|screenshot)(?i: photo)?\.?\s*$")
_CREDIT_PAREN = re.compile(  # "(AP Photo/Ahn Young-joon)", "(Photo: Reuters)"
    rf"\(\s*(?:{_PHOTO_WORD}|(?i:credits?\s*:)|AP Photo|Reuters|REUTERS|AFP|EPA|Getty)[^()]{{0,80}}\)\s*$")
_CREDIT_BY = re.compile(rf"\b{_PHOTO_WORD}\s*(?i:by|:|credit:?|courtesy of)\s+[^.]{{2,60}}$")  # "Photo by X"
_CREDIT_NAMED = re.compile(
    r"\b(?i:getty images|afp via getty images|epa-efe|shutterstock|imago|newscom)\.?\)?\]?\s*$|"
    r"(?:REUTERS|Reuters)/[A-Z][\w .'-]+\)?$|\bAP Photo/?[\w .'-]*\)?$")
_FILE_WORDS = frozenset("file pool handout courtesy photo capture captured screenshot".split())
_PHOTO_HINTS = ("photo", "image", "picture", "pic", "file", "courtesy", "pool", "screen", "captur", "graphic",
                "illustration", "grab", "handout")
_NAMED_HINTS = ("getty", "efe", "shutterstock", "imago", "newscom", "reuters/", "ap photo")


def _credit_match(text: str):
    start = max(0, len(text) - 150)
    low = text[start:].lower()
    stripped = text.rstrip(" .)]")
    if (" /" in low or " | " in low or "[" in low) and (m := _CREDIT_SLASH.search(text, max(0, len(text) - 90))):
        return m
    last = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
    if (last in _FILE_WORDS or last.endswith(tuple("-" + w for w in _FILE_WORDS))) and (
            m := _CREDIT_FILE.search(text, start)):
        return m
    if text.endswith(")") and (m := _CREDIT_PAREN.search(text, start)):
        return m
    if any(h in low for h in _PHOTO_HINTS) and (m := _CREDIT_BY.search(text, start)):
        return m
    if any(h in low for h in _NAMED_HINTS):
        return _CREDIT_NAMED.search(text, start)
    return None


_CAPTION_START = re.compile(
    r"^(?:\((?:from )?(?:left|right|top|above|below|center|centre)(?: to right)?\)|"
    r"(?:left|right|top|above|below|center|centre)(?: to right)?:|from (?:left|right|top)\b|"
    r"(?:photo|image|picture|caption|video|media)s?\s*(?::|by\b|credits?\b|copyright\b|source\b|caption\b|courtesy\b)|"
    r"(?:a )?file photo\b|in this (?:file |undated |handout )?(?:photo|image|picture)\b)",
    re.IGNORECASE,
)
#: A caption's label alone on its line ("Image caption", "Image:"); the next line is the caption.
CAPTION_LABEL = re.compile(r"^(?:(?:image|photo|media|video|picture)?\s*caption:?|(?:image|photo|picture|pictured):)$",
                           re.IGNORECASE)


def photo_credit(text: str) -> str | None:
    """The photo-credit tail of a caption line ("/ Xinhua-Yonhap", "Yonhap-Korea Times file",
    "(AP Photo/Ahn Young-joon)"), else None. A trailing story credit in parentheses after a
    sentence ("... he said. (Yonhap)") is not a photo credit."""
    m = _credit_match(text)
    if not m:
        return None
    tail = m.group().strip()
    if tail.startswith("[") and not tail.endswith("]"):
        return None
    if tail.startswith(("/", "|", "[")):
        inner = tail.strip("/|[] ")
        # "/ Xinhua-Yonhap", "[Yonhap]", "| Reuters", "/ Korea Times photo by ...": an agency or a
        # photo word, not just any words after a slash.
        if not (agencies_in(inner) or re.search(_PHOTO_WORD, inner)):
            return None
        if re.search(r"\b(?:said|says|told|according)\b", inner):
            return None
    return tail


def agency_tail(text: str) -> str | None:
    """The agency of a credit in brackets closing ``text`` ("... Wednesday. (Yonhap)"), else None."""
    m = re.search(r"[(\[]\s*([A-Za-z][\w .&-]{1,30}?)\s*[)\]]\s*$", text)
    if not m:
        return None
    return agency_name(m.group(1)) if m.group(1)[0].isupper() else None


#: A pointer to a chart that goes with the story ("(Graphic: Global assets in 2019 - here)"): part
#: of the text, not a photo's credit.
_GRAPHIC_LINK = re.compile(r"^\((?:graphics?|charts?|factbox|interactive|map)\s*:.*\bhere\W*\)$", re.IGNORECASE)


def is_caption(text: str) -> bool:
    """A photo caption: a line ending in a photo credit, or opening like one ("From left are",
    "Image caption")."""
    if len(text) > 400 or _GRAPHIC_LINK.match(text):
        return False
    return bool(photo_credit(text)) or bool(_CAPTION_START.match(text))


_NAME_TOKEN = r"(?:[A-Z][\w'\u2019.\-]*|(?:de|da|del|della|der|van|von|bin|al|el|la|le|du|dos|ter)(?=\s))"
NAME = rf"[A-Z][\w'\u2019.\-]*(?:\s{_NAME_TOKEN}){{0,3}}"
_NAMES = rf"{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*"
_BYLINE = re.compile(
    rf"^(?i:by|written by|story by|words by|text by|reported by|author:?|authors:?|by:)\s+(?P<names>{_NAMES})"
    rf"(?P<rest>\s*(?:[,|/\u2014\u2013\-]\s*.{{0,60}}|\s+in\s+[A-Z][\w .-]{{1,30}}|\s*\(.{{1,40}}\))?)\s*$"
)
_EMAIL_BYLINE = re.compile(
    rf"^(?i:by\s+)?(?P<names>{_NAMES})\s*[,(<\[|\-]?\s*(?P<email>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)\s*[)>\]]?\s*$")
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional )?reporting|writing|written|editing|edited|compiled|translated|"
    r"production|produced|fact-checked|research|contributing|graphics)\s+by\b|"
    r"^[^.!?]{3,200}\b(?:contributed|also contributed|helped contribute)\s+(?:to\s+)?(?:this\s+)?"
    r"(?:report|reporting|story|article)\b[^.]{0,30}\.?$",
    re.IGNORECASE,
)
_STAFF = re.compile(
    rf"^(?P<names>{_NAMES})\s*[,|\-\u2014]\s*(?i:staff|senior|chief|special|foreign)?\s*"
    r"(?i:reporter|writer|correspondent|editor|columnist|contributor)s?\b.{0,40}$"
)


def byline_names(text: str) -> list[str] | None:
    """The names of a byline line ("By Lee Min-hyung", "Lee Min-hyung mhlee@koreatimes.co.kr",
    "Kim Tong-hyung, Staff Reporter"), or None when the line is not a byline."""
    if len(text) > 140:
        return None
    for rx in (_BYLINE, _EMAIL_BYLINE, _STAFF):
        m = rx.match(text)
        if m:
            names = split_names(m.group("names"))
            if names:
                return names
    return None


def is_credit(text: str) -> bool:
    """A production-credit line ("Reporting by Andrew Quinn; editing by Sugita Katyal")."""
    return len(text) < 300 and bool(_CREDIT.match(text))


_NAME_STOP = frozenset("""the a an this that these those monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
staff reporter writer correspondent editor news agency and""".split())


def split_names(names: str) -> list[str]:
    """Person names from a byline's names part ("Lee Min-hyung and Kim Jae-won" -> two)."""
    out = []
    for part in re.split(r"\s*(?:,|\band\b|&|;)\s*", names):
        part = re.sub(r"\s+in\s+[A-Z].*$", "", part.strip(" ."))  # "Hyonhee Shin in Seoul"
        part = re.sub(r"(?i)\s+(?:staff|staff writer|staff reporter|correspondent|reporter|writer)$", "", part)
        part = re.sub(r"^(?:(?:Staff|Senior|Chief|Special|Foreign)\s+)?(?:Reporter|Correspondent|Writer|Editor|"
                      r"Columnist)\s+(?=[A-Z])", "", part)  # "Reporter Kim Jae-won"
        toks = part.split()
        if len(toks) >= 2 and len(toks) % 2 == 0 and toks[: len(toks) // 2] == toks[len(toks) // 2:]:
            toks = toks[: len(toks) // 2]  # "Sean Martin Sean Martin": a name scraped twice
            part = " ".join(toks)
        if not toks or len(toks) > 5:
            continue
        if toks[0].lower() in _NAME_STOP or not toks[0][:1].isupper():
            continue
        if agency_name(part):
            continue
        if len(toks) == 1 and not re.fullmatch(r"[A-Z][a-z]+-[A-Z]?[a-z]+", toks[0]):
            continue
        if part.isupper():  # "JOSH SMITH" in a capitalised byline
            part = " ".join(t.capitalize() if "-" not in t else "-".join(
                [t.split("-")[0].capitalize()] + [x.lower() for x in t.split("-")[1:]]) for t in toks)
        out.append(part)
    return out
