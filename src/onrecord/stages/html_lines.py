"""Line filtering after trafilatura: the headline, the site's name and one-line boilerplate (links to
other stories, calls to subscribe or follow, notices, credits, writer contacts, furniture headings)."""
from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


_I = re.IGNORECASE
#: A label that introduces a link to another story ("Read more: ...", "[Related: ...]", "Also on
#: example.com ..."), in the languages of the news onrecord may meet.
_LINK_LABEL = re.compile(
    r"^\W{0,3}(?:read more|read also|also read|more|see more|see also|related(?: stories| articles| content| coverage)?"
    r"|recommended|watch|listen|leggi anche|lesen sie auch|lire aussi|à lire aussi|leia também|veja também|lee también"
    r")(?: on| su| at| from)?(?:\s*[:：|–—-]|\s+[\w.]+\.(?:com|net|org|co\.uk)\b)"
    r"|^also on [\w.-]+\.\w{2,}\b",
    _I,
)
#: Tabloids mark links to other stories with a bracketed upper-case label at the end.
_LINK_TAG = re.compile(r"\[(?:[A-Z]{3,}|Video|Pics|Photos|Gallery|Poll)\]\W{0,2}$")
#: Calls to act that address the reader: subscribe, sign up, follow, click, share.
_CALL_WORDS = re.compile(
    r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|subscription|newsletters?|inbox|click(?:ing)? here|tap here"
    r"|follow (?:us|him|her|me|them|@\w+|[A-Z]\w+(?: [A-Z]\w+)? on)"
    r"|follow\b[^.!?]{0,80}\b(?:on|at) (?:twitter|facebook|instagram|linkedin|youtube|tiktok|https?://)"
    r"|share (?:it|this)(?: story| article)? with|download (?:the|our) app|get the app|get access"
    r"|letterbox|podcast|listen (?:live|back|to (?:the|our))|youtube channel)",
    _I,
)
#: A sentence that tells the reader to act: it opens with a verb of the call.
_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+)\W{0,2}(?:sign|subscribe|click|tap|follow|get|join|download|listen|watch|like|share|send"
    r"|register|become|support|donate|start|don't miss|never miss|see|find|read)\b",
    _I,
)
#: A verb of saying makes the line reported speech, never a call to the reader; so does a call
#: that stands inside quotation marks.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", _I)
_QUOTED = re.compile(r"[\"“«„]([^\"”»]{1,300})[\"”»]")
#: Lines that are notices of the site rather than of the story.
_NOTICE = re.compile(
    r"^(?:copyright\b|©|\(c\) ?\d{4})|all rights reserved|for your personal,? non-commercial use"
    r"|^(?:an error has occurred|there was an error|please try again|thanks? (?:you )?for (?:signing up|subscribing)"
    r"|this article has been sent to|advertisement$|story continues below|continue reading|scroll to continue)",
    _I,
)
#: Contact lines for the writer: "Write to X at x@example.com", "Email X at ... or follow ...".
_CONTACT = re.compile(
    r"^(?:have a tip\?|write to|email|e-mail|contact|reach) .{0,80}(?:\S+@\S+\.\w+|twitter|@\w+)", _I
)
#: Credit lines of agency copy: "(Reporting by ...; Editing by ...)", "X contributed to this report."
_CREDIT = re.compile(
    r"^\W{0,2}(?:(?:additional )?reporting|writing|editing|edited|compiled|produced) by\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\W{0,3}$",
    _I,
)
#: A heading of page furniture standing alone on its line ("You may also like...", "Tags:").
_LABEL = re.compile(
    r"^\W{0,3}(?:you (?:may|might) also (?:like|enjoy)|more (?:stories|news|articles|videos)|related"
    r"(?: stories| articles| posts| content| news)?|recommended(?: for you| stories)?|most (?:read|popular|viewed)"
    r"|(?:leave|post|add) a (?:comment|reply)|comments?|share this(?: article| story| post)?|tags?|topics?"
    r"|keywords?|filed under|categories)\W{0,5}$",
    _I,
)
#: A line of tags: "Tags: a, b, c".
_TAGS = re.compile(r"^(?:tags?|topics?|keywords?|filed under)\s*:\s*\S", _I)
_URL_ONLY = re.compile(r"^\W{0,2}(?:https?://|www\.)\S+\W{0,2}$", _I)
_URL = re.compile(r"(?:https?://|www\.)\S+", _I)
#: A short label followed by addresses: "iTunes: http://...", "More AP NBA: https://... and https://...".
_LABELLED_URLS = re.compile(r"^[\w' .&-]{1,40}:\s*(?:https?://|www\.)", _I)

_TAG_LABELS = {"tag", "tags", "topic", "topics", "keyword", "keywords", "filed under", "categories"}
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]|[.!?]$")
#: Above this many characters a line is taken as prose, never as a one-line notice.
_MAX_NOTICE_CHARS = 300
#: Calls to the reader are one or two short sentences.
_MAX_CALL_CHARS = 220


def boilerplate_kind(line: str, page_url: str | None = None) -> str | None:
    """Why one extracted line is page furniture, or None when it may be article text.

    Kinds: ``url`` (the page's own address), ``notice`` (copyright, reprint and error notices),
    ``credit`` (agency reporting/editing credits), ``contact`` (how to reach the writer), ``label``
    (a furniture heading such as "You may also like" or "Tags:"), ``link``
    (a labelled link to another story), ``call`` (a call to subscribe, sign up, follow, click).
    """
    if len(line) > _MAX_NOTICE_CHARS:
        return None
    if _URL_ONLY.match(line):
        return "url" if page_url and _same_url(line, page_url) else None
    if _NOTICE.search(line):
        return "notice"
    if _CREDIT.search(line):
        return "credit"
    if _CONTACT.search(line):
        return "contact"
    if _LABEL.match(line) or (_TAGS.match(line) and len(line) < 200):
        return "label"
    if (_LINK_LABEL.search(line) or _LINK_TAG.search(line)) and len(line) < 200:
        return "link"
    if _LABELLED_URLS.match(line) and sum(map(len, _URL.findall(line))) >= 0.5 * len(line):
        return "link"
    if (
        len(line) <= _MAX_CALL_CHARS
        and not line.startswith("- ")  # an item of a how-to list, not a promotion
        and _CALL_WORDS.search(line)
        and _IMPERATIVE.search(line)
        and not _REPORTED.search(line)
        and not any(_CALL_WORDS.search(quoted) for quoted in _QUOTED.findall(line))
    ):
        return "call"
    return None


def _same_url(a: str, b: str) -> bool:
    strip = lambda u: re.sub(r"^\W*(?:https?://)?(?:www\.)?|[\W_]+$", "", u.strip().lower())  # noqa: E731
    return strip(a) == strip(b)


#: What separates a headline from the site's name in a page title ("Headline | Site", "Site - Headline").
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•»:]+\s+|\s*\|\s*")


def _title_forms(title: str) -> set[str]:
    """Normalised forms the headline may take in the text: the whole title and every run of it that
    starts or ends at a separator (the title without the site's name)."""
    forms = {_norm(title)}
    parts = _TITLE_SEPARATOR.split(title)
    for k in range(1, len(parts)):
        forms.add(_norm(" ".join(parts[:k])))
        forms.add(_norm(" ".join(parts[k:])))
    return {f for f in forms if len(f.split()) >= 2}


def _is_title(line: str, title_norm: str, forms: set[str] = frozenset()) -> bool:
    """True when the line is the page title, the title without the site's name, or a long end of it."""
    norm = _norm(line)
    if not norm or not title_norm:
        return False
    if norm == title_norm or norm in forms:
        return True
    # "Site | Section: Headline": the headline is one end of the title and most of it
    return (
        len(norm.split()) >= 3
        and len(norm) >= 0.6 * len(title_norm)
        and (title_norm.startswith(norm) or title_norm.endswith(norm))
    )


def filter_lines(
    lines: list[str], title: str | None = None, sitename: str | None = None, url: str | None = None
) -> list[str]:
    """Drop boilerplate lines from extracted paragraphs, keeping order: the headline (metadata, not
    body), the site's name and the lines ``boilerplate_kind`` flags. ``url`` is the page's address.

    Repeated paragraphs are kept: recipes, interviews and lists repeat lines on purpose.
    """
    title_norm = _norm(title or "")
    forms = _title_forms(title) if title else set()
    site_norm = _norm(sitename or "")
    out = []
    after_tags = False
    for line in lines:
        kind = boilerplate_kind(line, url)
        if kind or _is_title(line, title_norm, forms) or (site_norm and _norm(line) == site_norm):
            after_tags = kind == "label" and _norm(line) in _TAG_LABELS
            continue
        # the list under a bare "Tags" heading: short comma-separated terms, no sentence
        if after_tags and line.count(",") >= 2 and not _SENTENCE_END.search(line):
            after_tags = False
            continue
        after_tags = False
        out.append(line)
    return out
