"""Line-level signals for article cleaning: what one line of a scraped page is.

Every function here looks at one line of text (already whitespace-normalised) and answers from
structure and general news-page vocabulary: script, sentence shape, bullets, e-mail/URL/phone
patterns, photo credits, bylines, interface words. Nothing here knows any particular site.
"""
from __future__ import annotations

import html
import re

# --- normalising -------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060\u00ad]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[A-Za-z]{2,8});")


def normalise_line(line: str) -> str:
    """One line with markup remnants (``<strong></strong>``, ``&amp;``) removed and every run of
    whitespace (incl. no-break and ideographic spaces) turned into one space; stripped."""
    if "<" in line:
        line = _TAG.sub("", line)
    if "&" in line and _ENTITY.search(line):
        line = html.unescape(line)
    line = _ZERO_WIDTH.sub("", line)
    return _SPACES.sub(" ", line).strip()


# --- script ------------------------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN_RUN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef]")


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def letter_counts(text: str) -> tuple[int, int]:
    """(letters, Latin letters) in ``text``."""
    if text.isascii():
        n = len(_ASCII_LETTER.findall(text))
        return n, n
    return len(_LETTER.findall(text)), len(_LATIN.findall(text))


def foreign_share(text: str, latin_doc: bool = True) -> float:
    """Share (0-1) of the letters of ``text`` that are not in the document's script (Latin when
    ``latin_doc``); 0.0 for a line without letters."""
    letters, latin = letter_counts(text)
    if not letters:
        return 0.0
    other = letters - latin
    return (other if latin_doc else latin) / letters


_TERMINAL = ".!?\u3002\u2026"
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_SPLIT_AFTER_SENTENCE = re.compile(r"(?<=[.!?\"\u201d\u2019)])\s*(?=[^\W\d_A-Za-z\u00c0-\u024f])")


def split_script_tail(line: str) -> tuple[str, str]:
    """Split a Latin paragraph that has a run of another script glued to its end (a copy site's
    footer starting right after the last sentence): returns (paragraph, tail) or (line, "")."""
    if len(line) < 40:
        return line, ""
    for m in _SPLIT_AFTER_SENTENCE.finditer(line):
        head, tail = line[: m.start()], line[m.end():]
        h_letters, h_latin = letter_counts(head)
        t_letters, t_latin = letter_counts(tail)
        if h_latin >= 20 and h_latin >= 0.8 * h_letters and t_letters >= 3 and t_letters - t_latin >= 0.5 * t_letters:
            return head.rstrip(), tail.strip()
    return line, ""


def split_script_head(line: str) -> tuple[str, str]:
    """Split a run of another script glued before a Latin sentence ("新闻中心The United ..."):
    returns (head, paragraph) or ("", line)."""
    m = _NON_LATIN_RUN.match(line)
    if not m or len(m.group()) < 2:
        return "", line
    rest = line[m.end():]
    # The head may go on with digits, punctuation and short Latin bits ("来源:苹果im虚拟机 ...").
    letters, latin = letter_counts(rest)
    if latin >= 20 and latin >= 0.9 * letters and rest[:1].isupper():
        return line[: m.end()].strip(), rest.strip()
    return "", line


# --- sentence shape ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_][\w'\u2019.\-]*", re.UNICODE)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019\-]*\b")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters/digits with inner apostrophes, dots and hyphens)."""
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence: terminal punctuation, maybe inside closing quotes,
    brackets or a trailing wire credit ("... he said. (Yonhap)")."""
    t = text.rstrip()
    t = re.sub(r"\s*\([A-Z][\w .&-]{1,30}\)$", "", t) or t
    t = t.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _TERMINAL


def lower_share(text: str) -> float:
    """Share of the words that are lower-case (high for prose, low for headlines and names)."""
    ws = words(text)
    if not ws:
        return 0.0
    return len(_LOWER_WORD.findall(text)) / len(ws)


def is_prose(text: str) -> bool:
    """A paragraph of running text: at least eight words, mostly lower-case words, and either a
    sentence ending or the length of several sentences."""
    ws = words(text)
    if len(ws) < 8:
        return False
    if lower_share(text) < 0.35:
        return False
    return ends_sentence(text) or len(text) >= 180


def is_sentence(text: str) -> bool:
    """A short but complete sentence ('"We'll see," he said.'): three or more words, a capital,
    digit or quote at the start and a sentence ending."""
    ws = words(text)
    if len(ws) < 3 or not ends_sentence(text):
        return False
    first = text.lstrip("\"'\u201c\u2018([")[:1]
    return first.isupper() or first.isdigit()


# --- bullets, lists, interface vocabulary -------------------------------------------------------

_BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25b6\u25ba\u25a0\u25b2\u25b3\u25c6\u25cb\u25cf\u2023\u2043\u2219*\u25b8\u203a\u00bb>]|-(?=\s))\s*")


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, item text) for a list item starting with a bullet, else (False, text)."""
    m = _BULLET.match(text)
    if m:
        return True, text[m.end():].strip()
    return False, text


# Words that make up site chrome: menus, sharing, settings, sign-in, sections, paging.
_UI_WORDS = frozenset("""
go to top contents content skip main navigation nav menu settings setting font size font-size text
share shares sharing shared this article story stories page print printer email e-mail mail send
close x open search home letter newsletter newsletters subscribe subscription subscribers login
log logout in out sign up signin signup register account my profile more read comments comment
reply replies facebook twitter kakao kakaotalk kakaostory link links copy url whatsapp linkedin
telegram reddit pinterest line band naver tumblr weibo wechat messenger flipboard pocket button
buttons next previous prev back related popular most viewed trending latest news advertisement ad
ads sponsored video videos photo photos gallery listen audio min mins minute minutes a+ a- zoom
korean english japanese chinese français español deutsch follow us on tag tags keywords topics
categories category section sections view all list like save bookmark download app apps the of
and for our get updates cookie cookies accept privacy policy terms conditions use service contact
about feedback rss sitemap site map language edition editions local world business sports
opinion lifestyle entertainment culture politics economy tech science health weather todays
today's top-stories headlines breaking live watch now free trial log-in sign-in more+ increase
decrease reset font-size+ font-size- prev. next. back to all rights reserved translate
""".split())
_UI_PHRASE = re.compile(
    r"^(?:\d+\s*min(?:ute)?s?\s*read|reading time:?.*|listen to (?:this|the) (?:article|story).*|"
    r"story continues below.*|continue reading.*|scroll (?:down )?to continue.*|"
    r"click here.*|tap here.*|\(?advertisement\)?|sponsored content|you may also like.*|"
    r"(?:top|most) \d+ (?:stories|news|articles)|more (?:from|on|in) [\w' -]{1,40}|"
    r"recommended(?: for you| stories| articles)?|editor'?s? picks?|"
    r"(?:related|more|other|latest|recent|popular|top) (?:articles?|stories|news|posts|headlines|videos?)(?: .{0,40})?|"
    r"(?:leave|post|add|write) a (?:comment|reply).*|\d+ comments?|comments? \(\d+\)|"
    r"back to top|go top.*|go to (?:the )?(?:top|contents|home).*)$",
    re.IGNORECASE,
)
_CRUMB_SEP = re.compile(r"\s+[>\u00bb\u203a/|]\s+")
_CSS_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_SHARE_ITEM = re.compile(r"\b(?:share|tweet|pin it|send to|e-?mail this|print this)\b", re.IGNORECASE)


def is_ui(text: str) -> bool:
    """A line of site chrome: only interface words ("Go to contents", "Facebook share button",
    "Top 10 Stories"), a known interface phrase ("3 Min Read"), or a CSS class name
    ("narrow-browser-and-phone")."""
    t = text.strip(" :|/>-\u2014\u2013\u00bb\u203a[]()")
    if not t:
        return True
    if _UI_PHRASE.match(t) or _CSS_NAME.match(t):
        return True
    crumbs = _CRUMB_SEP.split(t)
    if len(crumbs) >= 3 and not text.lstrip().startswith("|") and all(0 < len(c.split()) <= 4 for c in crumbs):
        return True  # "Home > National > Defense"
    ws = [w.lower().strip(".:,;!?'\"()[]|") for w in t.split()]
    ws = [w for w in ws if w]
    # Menus scraped onto one line run long ("Home World Politics Business Sign in Share on
    # Facebook ..."); a line of only interface words is chrome at any length a menu has.
    if not ws or len(ws) > 20:
        return False
    return all(w in _UI_WORDS or w.isdigit() or re.fullmatch(r"[+-]?\d+|[\W_]+", w) for w in ws)


def is_share_item(text: str) -> bool:
    """A share/print button label ("Facebook share button", "Share on Twitter")."""
    return len(text) <= 60 and bool(_SHARE_ITEM.search(text)) and not ends_sentence(text)


_TAGS_LINE = re.compile(r"^(?:tags?|keywords?|topics?|categories|category|filed under|labels?)\s*[:：]", re.IGNORECASE)
_RELATED_LINE = re.compile(
    r"^(?:related|read more|read also|also read|see also|more|watch|listen|click|recommended|"
    r"read the full story|full story|previous|next)(?: (?:article|story|stories|news|coverage))?\s*[:：>\u00bb|-]",
    re.IGNORECASE,
)


def is_tags(text: str) -> bool:
    """A tag/keyword/topic list line ("Tags: North Korea, US")."""
    return bool(_TAGS_LINE.match(text))


def is_related(text: str) -> bool:
    """An inline pointer to another article ("Read more: ...", "RELATED: ...")."""
    return bool(_RELATED_LINE.match(text)) and len(text) < 250


# --- contact, copyright, footer ---------------------------------------------------------------

EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w.])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}[\s.-]\d{3,4}(?:[\s.-]?\d{2,6})?(?![\w.])")
_FOOTER = re.compile(
    r"(?:copyright|\u00a9|\(c\)\s*\d{4}|all rights reserved|powered by|sitemap|site map|"
    r"privacy policy|terms of (?:use|service)|cookie policy|contact us|about us|advertise with us|"
    r"unauthorized reproduction|redistribution prohibited|\bfax\b|\btel\b\.?\s*[:：]?\s*[+\d(])",
    re.IGNORECASE,
)


def is_contact(text: str) -> bool:
    """A contact/footer line: e-mail address, phone number, URL, copyright, "Powered by",
    sitemap. Long prose that only mentions such a thing is not one."""
    if len(text) > 200 and is_prose(text):
        return False
    if _FOOTER.search(text):
        return len(text) < 200 or not is_prose(text)
    if EMAIL.search(text) or URL.search(text):
        return not is_prose(text)
    m = _PHONE.search(text)
    if m and sum(c.isdigit() for c in m.group()) >= 8:
        return not is_prose(text)
    return False


def is_footer(text: str) -> bool:
    """A site footer line: copyright, "All rights reserved", "Powered by", sitemap, policies."""
    return len(text) < 200 and bool(_FOOTER.search(text)) and not is_prose(text)


def has_spam_contact(text: str) -> bool:
    """Copy-site footer signals: a phone number, a "Powered by" or a placeholder address."""
    if re.search(r"powered by", text, re.IGNORECASE):
        return True
    m = _PHONE.search(text)
    return bool(m and sum(c.isdigit() for c in m.group()) >= 9)


# --- credits: wire agencies, photo credits, bylines --------------------------------------------

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
    rf"\(\s*(?:{_PHOTO_WORD}|AP Photo|Reuters|REUTERS|AFP|EPA|Getty)[^()]{{0,80}}\)\s*$")
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
#: A caption's label alone on its line ("Image caption"); the next line is the caption.
CAPTION_LABEL = re.compile(r"^(?:image|photo|media|video|picture)?\s*caption:?$", re.IGNORECASE)


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


def is_caption(text: str) -> bool:
    """A photo caption: a line ending in a photo credit, or opening like one ("From left are",
    "Image caption")."""
    if len(text) > 400:
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
    r"^[^.!?]{3,80}\b(?:contributed|also contributed|helped contribute)\s+(?:to\s+)?(?:this\s+)?"
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
