"""Line-level signals for article cleaning: what one line of a scraped page is.

Every function here looks at one line of text (already whitespace-normalised) and answers from
structure and general news-page vocabulary: script, sentence shape, bullets, e-mail/URL/phone
patterns, photo credits, bylines, interface words. Nothing here knows any particular site.
"""
from __future__ import annotations

import html
import re
import unicodedata

# --- normalising -------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060\u00ad]")
#: Markup remnants: a known element's tag, with attributes written as attributes.
_TAG = re.compile(
    r"</?(?i:a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|figcaption|figure|font|h[1-6]|hr|i|iframe|img|"
    r"ins|label|li|mark|nav|ol|p|pre|q|s|section|small|span|strike|strong|sub|sup|table|tbody|td|th|tr|u|ul|"
    r"script|style|noscript|article|aside|header|footer|main|time|wbr|o:p)"
    r"(?:\s+[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>]+)(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))?)*)?"
    r"\s*/?>")
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


def _trailing_symbols(text: str) -> int:
    """How many characters at the end of ``text`` are symbols, emoji or their joiners (a blog's
    "... see you soon! 🙂"), spaces and tildes."""
    n = len(text)
    while n and (text[n - 1] in " ~" or unicodedata.category(text[n - 1]) in ("So", "Sk", "Cf", "Mn", "Cn")):
        n -= 1
    return len(text) - n


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence: terminal punctuation, maybe inside closing quotes,
    brackets, before emoji or a trailing wire credit ("... he said. (Yonhap)", "... the US. PTI")."""
    t = text.rstrip()
    if not t.isascii():
        t = t[:len(t) - _trailing_symbols(t)]
    t = re.sub(r"\s*\([A-Z][\w .&-]{1,30}\)$", "", t) or t
    if t[-1:].isalpha() and any(c in t[-40:] for c in ".!?"):
        m = _WIRE_TAIL.search(t, max(0, len(t) - 40))
        t = t[:m.start()] if m else t
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
enlarge expand collapse fullscreen full-screen image images hide show toggle caption captions credit credits
""".split())
_UI_PHRASE = re.compile(
    r"^(?:\d+\s*min(?:ute)?s?\s*read|reading time:?.*|listen to (?:this|the) (?:article|story).*|"
    r"story continues below.*|continue reading.*|scroll (?:down )?to continue.*|now playing|up next|autoplay.*|"
    r"watch next|next video|video duration.*|\d{1,2}:\d{2}(?::\d{2})?|"
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
    r"^(?:related|read more|read also|also read|see also|more|watch|listen|click|recommended|also|"
    r"read the full story|full story|previous|next)(?: (?:article|story|stories|news|coverage))?\s*[:：>\u00bb|-]|"
    # a link to a story on the site itself: "Also on rt.com ...", "On HoustonChronicle.com: ..."
    r"^(?:also |more )?on [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co|news|tv|info)\b",
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


_CONTACT_LABEL = re.compile(r"\b(?:tel(?:ephone)?|phone|fax|e-?mail|call us|hotline)\s*[:.]", re.IGNORECASE)


#: Lower-case pieces one of which every footer line holds (a cheap test before the pattern).
_FOOTER_HINTS = ("copyright", "\u00a9", "(c)", "rights reserved", "powered by", "site", "privacy policy", "terms of",
                 "cookie policy", "contact us", "about us", "advertise with us", "unauthori", "redistribution", "fax",
                 "tel")


def _footer(text: str) -> bool:
    low = text.lower()
    # A sign-up form's notice names the policies too, but the form may stand inside an article.
    return any(h in low for h in _FOOTER_HINTS) and bool(_FOOTER.search(text)) and "recaptcha" not in low


def _phone(text: str) -> bool:
    """Whether ``text`` holds a phone number (eight digits or more)."""
    if sum(c.isdigit() for c in text) < 8:
        return False
    m = _PHONE.search(text)
    return bool(m and sum(c.isdigit() for c in m.group()) >= 8)


def _contact_signals(text: str) -> int:
    """How many kinds of contact detail ``text`` holds: e-mail address, phone number, contact labels."""
    return (("@" in text and bool(EMAIL.search(text))) + _phone(text)
            + min(2, len(_CONTACT_LABEL.findall(text))))


def is_contact(text: str) -> bool:
    """A contact/footer line: e-mail address, phone number, URL, copyright, "Powered by",
    sitemap. Long prose that only mentions such a thing is not one."""
    if len(text) <= 1500 and _contact_signals(text) >= 2:
        return True  # a service notice: "Telephone: ... Fax: ... E-mail: ..."
    low = text.lower()
    url = "http" in low or "www." in low
    if url and sum(len(m.group()) for m in URL.finditer(text)) * 2 >= len(text):
        return True  # mostly addresses: an image's URL and sizes, a list of links
    if len(text) > 200 and is_prose(text):
        return False
    if _footer(text):
        return len(text) < 200 or not is_prose(text)
    if ("@" in text and EMAIL.search(text)) or (url and URL.search(text)) or _phone(text):
        return not is_prose(text)
    return False


def is_service_notice(text: str) -> bool:
    """A service desk's notice however long ("... can be contacted with any questions: Telephone:
    ... Fax: ... E-mail: ..."): three contact labels or more, with an address or number."""
    return len(text) <= 1500 and len(_CONTACT_LABEL.findall(text)) >= 3 and _contact_signals(text) >= 3


def is_footer(text: str) -> bool:
    """A site footer line: copyright, "All rights reserved", "Powered by", sitemap, policies."""
    return len(text) < 200 and _footer(text) and not is_prose(text)


def has_spam_contact(text: str) -> bool:
    """Copy-site footer signals: a placeholder telephone number ("020-123456789", "010-88886666")
    or a "Powered by" naming a site in another script. A real newsroom's number or a "Powered by
    WordPress.com VIP" is no sign: news sites print both."""
    powered = re.search(r"powered by\s+(.{1,40})", text, re.IGNORECASE)
    if powered:
        letters, latin = letter_counts(powered.group(1))
        if letters > latin:
            return True
    return any(_placeholder_digits(re.sub(r"\D", "", m.group())) for m in _PHONE.finditer(text))


def _placeholder_digits(digits: str) -> bool:
    """Whether a telephone number's digits are made up: six or more counting up or down, or two
    runs of four repeated digits."""
    if len(digits) < 9:
        return False
    steps = [int(b) - int(a) for a, b in zip(digits, digits[1:])]
    for step in (1, -1):
        run = 0
        for s in steps:
            run = run + 1 if s == step else 0
            if run >= 5:
                return True
    return len(re.findall(r"(\d)\1{3}", digits)) >= 2


# --- credits (in clean_credits; re-exported because callers read them from here) ----------------

from .clean_credits import (  # noqa: E402,F401
    _AGENCY_ALT, AGENCIES, AGENCY_RE, CAPTION_LABEL, NAME, agencies_in, agency_name, agency_tail,
    byline_names, is_caption, is_credit, photo_credit, split_names,
)

#: A wire agency's name closing a story's last sentence ("... to sneak into the US. PTI").
_WIRE_TAIL = re.compile(rf"(?<=[.!?\"\u201d\u2019])(?:\s+(?:[\u2014\u2013-]\s*)?|\s*[\u2014\u2013]\s*)(?-i:(?=[A-Z]))(?:{_AGENCY_ALT})$",
                        re.IGNORECASE)
