"""Who wrote and who supplied a story: bylines, wire credits, datelines.

Reads the lines the cleaning labelled (``doc.notes["clean"]["lines"]``: ``[kind, text, where]``)
and the body's first and last paragraphs. Reporters count as authors, editors do not; an agency
counts when it is credited for the story (dateline, trailing credit, byline), never for a photo.
"""
from __future__ import annotations

import re

from . import clean_lines as cl
from .metadata_dates import TIME_RE, date_line_kind, find_dates

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


#: Words that make a short capitalised line a desk, section or site credit, not a person
#: ("Telegraph Sport", "Editorial Staff", "Sky Views", "Local News").
_DESK_WORDS = frozenset("""news sport sports staff desk team editor editors editorial online digital media
bureau service services wire wires newsroom reporter reporters report today times post daily weekly
magazine press network live video videos opinion analysis views politics business world home share
menu more latest breaking subscribe sign login log register newsletter newsletters podcast podcasts
contributor contributors writer writers group agencies agency channel radio tv television weather
travel health science tech technology culture lifestyle entertainment markets money finance sections
section columnists columnist blog blogs review reviews features feature photos gallery about contact
search edition us uk city institute university college council association foundation company club
center centre party ministry department committee office school hospital insider awards careers tickets
links paper advertising order reprints print your our my find next talk shop store deals
north south east new united states kingdom republic county hong los las san saudi sri costa puerto""".split())
_AUTHOR_LINK = re.compile(r"(?i)\s*(?:view|see|read|more)\s*(?:all|more)?\s*(?:articles|posts|stories)(?:\s+by)?\s*$")
_MON_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: Words that make a capitalised phrase an outlet or a desk, not a person ("CNN Business",
#: "Business Insider", "Metro Post").
_OUTLET_WORDS = frozenset("""news business sport sports staff desk team insider editorial online digital media
bureau service wire newsroom magazine network video opinion politics world tv radio channel post times
daily weekly journal herald tribune gazette telegraph chronicle review today""".split())
_NAME_OUTLET = re.compile(rf"^(?P<name>{cl.NAME}),\s*(?P<outlet>[A-Z][\w&'.\-]*(?:\s+[A-Z][\w&'.\-]*){{0,3}})$")
_NAME_LINE = re.compile(rf"^(?P<name>{cl.NAME})(?:\s*@\w+)?$")


def name_only(text: str) -> str | None:
    """The person's name when a whole line is just one ("Jane Roe", "JANE ROE", "Jane Roe @janeroe"):
    two to four capitalised words, none of them a desk, section or site word; else None."""
    # The author page's link scraped onto the name ("Jane RoeView More Articles").
    text = _AUTHOR_LINK.sub("", text.strip()).strip()
    # A relative stamp after the handle ("Jane Roe @janeroe / 2 days").
    text = re.sub(r"(?i)(@\w+)\s*[/|\u2022\u00b7-]?\s*\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)"
                  r"(?:\s+ago)?$", r"\1", text)
    # The outlet after the name ("Jane Roe, Example Business"): the name alone.
    m = _NAME_OUTLET.match(text)
    if m and any(w.lower() in _OUTLET_WORDS for w in m.group("outlet").split()):
        text = m.group("name")
    if len(text) > 45:
        return None
    m = _NAME_LINE.match(text)
    if not m:
        return None
    toks = m.group("name").split()
    if not 2 <= len(toks) <= 4 or any(t.lower().strip(".") in _DESK_WORDS for t in toks):
        return None
    if toks[0].lower() == "by":
        return None  # "By Reuters": a byline, and not a person's name
    if any(not t[:1].isupper() and t not in ("de", "da", "del", "van", "von", "bin", "al", "el", "la", "le", "du")
           for t in toks) or any(sum(c.isdigit() for c in t) for t in toks):
        return None
    if not text.isupper() and any(len(t) >= 2 and t.isupper() and t not in ("II", "III", "IV", "JR", "SR")
                                  and not re.fullmatch(r"(?:[A-Z]\.){1,3}", t) for t in toks):
        # (initials are not an acronym: "Jane Q. Roe", "J.R. Roe")
        return None  # an acronym among capitalised words is an organisation ("CFA Institute")
    if any(re.search(r"[a-z][A-Z][a-z]{2}", t) and not re.match(r"(?:Mc|Mac|De|Di|La|Le|O')", t) for t in toks):
        return None  # two words run together ("EditionVideo"): a menu, not a name
    names = cl.split_names(m.group("name"))
    return names[0] if len(names) == 1 else None


#: An outlet in capitals after the names of a byline line without "By" ("Jane Roe and John Doe
#: USA TODAY").
_CAPS_OUTLET = re.compile(r"\s+(?:[A-Z][A-Z&.\-]+)(?:\s+[A-Z][A-Z&.\-]+){0,2}$")


#: Last words of a newspaper's name ("Sioux Falls Argus Leader", "Kansas City Star").
_PAPER_WORDS = _OUTLET_WORDS | frozenset("""leader register star courier sentinel observer inquirer bee record
dispatch enquirer examiner republic republican democrat citizen independent guardian mirror express standard globe
argus constitution statesman advocate journal-constitution free""".split())


def _name_then_paper(part: str) -> str | None:
    """The writer's name of "Jane Q. Roe Sioux Falls Argus Leader": two words (three with a middle
    initial) followed by capitalised words ending in a newspaper's word; None otherwise."""
    toks = part.split()
    size = 3 if len(toks) > 3 and re.fullmatch(r"[A-Z]\.?", toks[1]) else 2
    rest = toks[size:]
    if (not rest or toks[-1].lower() not in _PAPER_WORDS
            or not all(t[:1].isupper() for t in rest)):
        return None
    return name_only(" ".join(toks[:size]))


#: Words of a desk's credit after a name ("Example Editorial Staff"), which is no newspaper's name.
_DESK_TAIL = frozenset("staff desk team editorial bureau service services wire wires newsroom".split())


def paper_byline(text: str) -> str | None:
    """The writer's name of a byline line without "By" that names the newspaper after the writer
    ("Jane Roe Florida Today", "Jane Q. Roe Sioux Falls Argus Leader"): a name, then two words or
    more ending in a newspaper's word, none of them a desk's; None otherwise. Callers take it only
    next to the article's date stamp."""
    toks = text.split()
    if len(toks) < 4 or len(text) > 60 or any(t.lower() in _DESK_TAIL for t in toks[2:]):
        return None
    name = _name_then_paper(text)
    return name if name and len(toks) - len(name.split()) >= 2 else None


def name_list(text: str) -> list[str]:
    """The names of a line that holds only writers' names, joined by "and" or commas, with an
    outlet in capitals after them ("Jane Roe and John Doe USA TODAY" -> both, "Jane Roe NEWSDAY"
    -> ["Jane Roe"]); [] when the line is anything else. A single name with nothing after it is
    ``name_only``'s."""
    text = text.strip()
    if len(text) > 90 or text.isupper():
        return []
    m = _CAPS_OUTLET.search(text)
    core = text[: m.start()] if m else text
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", core) if p]
    if not parts or (len(parts) == 1 and not m):
        return []
    names = [name_only(p) for p in parts]
    if not m and len(parts) >= 2 and all(names[:-1]) and not names[-1]:
        # "Jane Roe and John Doe Sioux Falls Argus Leader": the paper after the last name
        names[-1] = _name_then_paper(parts[-1])
    return names if all(names) else []


#: A writer's role after the wire's name ("AP Auto Writer", "Associated Press").
_WIRE_ROLE = re.compile(r"(?i)^(?:[\w.\- ]{0,40}\b(?:writer|correspondent|reporter|editor|columnist)s?)?$")


def agency_byline(text: str) -> tuple[list[str], str | None]:
    """(names, agency) of a byline line naming the wire after the writers, without "By" ("Jane
    Roe, AP Auto Writer", "Jane Roe and John Doe, Associated Press", "Jane Roe Associated
    Press"); ([], None) for anything else. A photo's credit has the same shape: callers take it
    only next to the article's date stamp."""
    if len(text) > 100:
        return [], None
    m = cl.AGENCY_RE.search(text)
    if not m or m.start() == 0 or not _WIRE_ROLE.match(text[m.end():].strip(" ,")):
        return [], None
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", text[: m.start()].strip(" ,|-")) if p]
    names = [name_only(p) for p in parts]
    if not parts or not all(names):
        return [], None
    return names, cl.agency_name(m.group())


def wire_role(text: str) -> str | None:
    """The agency of a writer's role naming the wire ("AP Auto Writer", "Associated Press Writer"),
    which page markup may give as a name of its own; None for anything else."""
    m = cl.AGENCY_RE.match(text.strip())
    rest = text.strip()[m.end():].strip(" ,") if m else ""
    return cl.agency_name(m.group()) if m and rest and _WIRE_ROLE.match(rest) else None


_KIND_BY = re.compile(r"(?i)^(?:analysis|opinion|commentary|perspective|review|column|essay)\s+by\s+(?=[A-Z])")


def kind_byline(text: str) -> list[str]:
    """Names of a byline naming the kind of piece first ("Analysis by Jane Roe, CNN Editor-at-large")."""
    m = _KIND_BY.match(text)
    return (cl.byline_names("By " + text[m.end():]) or []) if m and len(text) < 140 else []


_CATEGORY_WORDS = _DESK_WORDS | {"all", "uncategorized", "uncategorised", "general", "events"}
def decorated_name(text: str) -> bool:
    """Whether a line is a writer's name with a handle, a relative stamp or the outlet after it
    ("Jane Roe @janeroe / 2 days", "Jane Roe, Example Business"): a byline, never a headline."""
    name = name_only(text)
    return bool(name) and ("@" in text or "," in text) and name != text.strip()


_STAMP_LABEL_TAIL = re.compile(
    r"(?i)[\s,|/\u2022\u00b7\-\u2013\u2014]*(?:\b(?:updated|published|posted|original|last updated|first published)\b"
    r"[\s:]*|\bon\b\s*|\bat\b\s*|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)*$")


def stamp_byline(text: str) -> list[str]:
    """Names of a byline sharing its line with the date stamp: "By Jane Roe Updated Nov. 19, 2019",
    "Posted by Jane Roe on November 19, 2019", "By Jane Roe, Tuesday, 19 November 2019",
    "November 20, 2019 Jane Roe"; [] when the line is not one."""
    if len(text) > 160:
        return []
    # A time in front of the date ("5:45 AM PST 11/19/2019 by Jane Roe").
    text = re.sub(r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?(?=\d)", "", text.strip(), flags=re.I)
    hits = find_dates(text)
    if not hits:
        return []
    m = re.match(r"(?i)^(?:posted|written|published|story)\s+by\s+", text)
    if m:
        text = "By " + text[m.end():]
        hits = find_dates(text)
    if re.match(r"(?i)^by\s", text) and hits[0].start > 3:
        head = _STAMP_LABEL_TAIL.sub("", text[: hits[0].start]).strip()
        head = re.sub(r"\s*@\w+$", "", head)  # the writer's handle glued on ("By Jane Roe@JaneRoe")
        return cl.byline_names(head) or []
    if hits[0].start == 0:
        rest = TIME_RE.sub(" ", text[hits[0].end:]).strip(" ,|/-\u2013\u2014\u2022")
        if re.match(r"(?i)by\s", rest):  # "11/19/2019 by Jane Roe"
            return cl.byline_names(rest) or []
        name = name_only(rest)
        if not name and "," in rest:
            # A blog's meta line: date, writer, then the post's categories ("... Jane Roe All,
            # Books, Reviews"); the name ends before the first category word.
            toks = rest.split()
            for k in (3, 2):
                if len(toks) > k and toks[k].strip(",").lower() in _CATEGORY_WORDS and name_only(" ".join(toks[:k])):
                    return [name_only(" ".join(toks[:k]))]
        return [name] if name else []
    return []


#: A writer's role or social handle on the line next to the name ("News reporter @janeroe").
_ROLE_LINE = re.compile(r"(?i)^(?:[\w ]{0,30}\b(?:reporter|correspondent|writer|editor|columnist|contributor)s?\b"
                        r"(?:\s*@\w+)?|@\w+)$")


_DESK_BYLINE = re.compile(r"(?i)^by\s+(?:the\s+)?[\w'.\- ]{2,40}?\s+staff\s*$")


#: Words naming an organisation, never part of a person's name ("European Space Agency").
_ORG_WORDS = frozenset("""agency institute university association foundation council ministry department company
corporation society laboratory observatory hospital school college commission administration authority""".split())


def _outlet_name(name: str) -> bool:
    """Whether a name taken from a byline is an outlet or a desk ("CNN Business", "Metro Post"):
    an outlet word in it, or an acronym among words in normal case."""
    toks = name.split()
    if any(t.lower() in _OUTLET_WORDS for t in toks):
        return True
    return not name.isupper() and any(len(t) >= 2 and t.isalpha() and t.isupper()
                                      and t not in ("II", "III", "IV", "JR", "SR") for t in toks)


_NAME_STOP = re.compile(
    rf"\s(?:{_MON_WORD}(?=\s*\d)|(?:jan|febr)uary|march|september|october|november|december|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|associated|reuters|afp|ap|agence|bloomberg|updated|published|posted|"
    r"\d)(?=\W|$)", re.IGNORECASE)


def _next_to_stamp(lines: list[list[str]], n: int) -> bool:
    """Whether the line just above or below line ``n`` is a date stamp before the article."""
    return any(0 <= k < len(lines) and lines[k][2] == "pre" and (lines[k][0] == "date" or date_line_kind(lines[k][1]))
               for k in (n - 1, n + 1))


#: A paragraph that names the writer as such: a credit, a contact line, a call to follow.
_WRITER_MENTION = re.compile(r"(?i)contribut|\breporting\b|\bcontact\b|\breach(?:ed)?\b|e-?mail|\bfollow\b|@")


def _written_about(body: str, name: str) -> bool:
    """Whether the article ``body`` writes about the person ``name`` (its first two words, so that
    a caption's "Jane Roe Trinity" is "Jane Roe"), outside a credit or contact line."""
    short = " ".join(name.split()[:2])
    return any(short in para and not _WRITER_MENTION.search(para) for para in body.split("\n\n"))


def find_authors(lines: list[list[str]], extra: list[str] | None = None, title: str | None = None,
                 site: str | None = None, body: str | None = None) -> list[str]:
    """Bylined writers and reporters from the labelled lines (bylines, "Name email" lines,
    production credits, a byline sharing the date stamp's line, a line holding just a name right
    under the headline ``title`` or next to the article's date stamp, unless the article ``body``
    writes about that person: a photo caption's name), plus ``extra`` names (from the HTML page,
    cut where the markup ran them into a date or a credit; not the ``site``'s own name), without
    duplicates."""
    names: list[str] = []
    stamps: set[int] = set()
    # Several bylines after the article are a list of other stories' writers; one is the
    # article's own only when the page names nobody before it.
    post_bylines = [text for kind, text, where in lines if kind == "byline" and where == "post"]
    for n, (kind, text, where) in enumerate(lines):
        if kind == "byline":
            if _DESK_BYLINE.match(text):
                continue  # "By METRO POST STAFF": a desk credit
            if where == "post" and (names or len(set(post_bylines)) >= 2):
                continue
            got = cl.byline_names(text) or stamp_byline(text)
            names.extend(got)
        elif kind == "credit":
            names.extend(credit_reporters(text))
        elif where == "pre" and kind in ("date", "short", "dup", "junk", "sentence"):
            got = stamp_byline(text) or (kind_byline(text) if kind != "sentence" else [])
            if not got and _next_to_stamp(lines, n):
                got = agency_byline(text)[0]  # "Jane Roe, AP Auto Writer" over the stamp
            names.extend(got)
            if got:
                stamps.add(n)
        if where == "pre" and (kind in ("date", "byline") or date_line_kind(text)):
            stamps.add(n)
    # A name alone on its line is a byline only next to the article's stamp ("Jane Roe" over
    # "November 19, 2019 at 8:40 AM", or over a "News reporter @handle" line above it): elsewhere
    # it may be a menu item or a teaser's credit.
    heads = {n for n, (_k, text, where) in enumerate(lines) if where == "pre" and title and text == title}
    for n, (kind, text, where) in enumerate(lines):
        if names:
            break  # a name alone on a line is only a fallback for pages without a written byline
        if where != "pre" or kind not in ("short", "dup", "junk"):
            continue
        listed = [] if name_only(text) else name_list(text)
        if not name_only(text) and not listed:
            paper = paper_byline(text)
            if paper and {n - 1, n + 1} & stamps:
                names.append(paper)  # "Jane Roe Florida Today" over the stamp
            continue
        if listed:
            # "Jane Roe and John Doe USA TODAY" by the stamp or under the headline.
            if {n - 1, n + 1, n + 2} & stamps or (n - 1) in heads:
                names.extend(listed)
            continue
        if decorated_name(text):
            names.append(name_only(text))  # "Jane Roe @janeroe / 2 days", "Jane Roe, Example Business"
            continue
        # Next to the stamp, or with only the writer's role or handle, or the same name scraped
        # twice, in between; or right under the headline.
        step = 1
        # A one-word section label may stand between the name and the stamp ("Jane Roe" /
        # "Business" / "11.15.2019 10:09 AM").
        while n + step < len(lines) and step < 3 and (_ROLE_LINE.search(lines[n + step][1])
                                                       or name_only(lines[n + step][1])
                                                       or (lines[n + step][0] == "ui" and len(lines[n + step][1].split()) == 1)):
            step += 1
        back = -1
        while n + back >= 0 and back > -3 and (_ROLE_LINE.search(lines[n + back][1]) or name_only(lines[n + back][1])):
            back -= 1
        if (n + back) in heads:
            names.append(name_only(text))
        elif {n + step, n + back} & stamps and not (body and _written_about(body, name_only(text))):
            # Over the stamp but away from the headline, a name the article writes about is a
            # photo's caption ("Jane Roe Trinity": the swimmer and her school), not the writer's.
            names.append(name_only(text))
    for name in extra or []:
        name = re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE)
        if agency_byline(name)[0]:
            names.extend(agency_byline(name)[0])  # "Jane Roe, AP Auto Writer": not a second writer "Ap Auto"
            continue
        if wire_role(name):
            continue  # "AP Auto Writer" split off the writer's name by the markup
        # The markup ran the name into the stamp or the credit that follows it ("Jane Roe November
        # 19, 2019", "JANE ROE Associated Press"): the name ends before a month, a weekday, an
        # agency, a digit or a word in lower case.
        cut = _NAME_STOP.search(name)
        if cut:
            name = name[: cut.start()].strip(" ,|/-")
        if (re.match(r"(?i)the\s", name) or re.search(r"(?i)\sstaff$", name)
                or (site and name.lower().strip() in site.lower())):
            continue  # "The Ruritanian", "Metro Courier Staff", the site's own name: not a person
        # A name the page's markup glued to the next label ("Jane Roe News reporter").
        name = re.sub(r"(?:\s+(?:" + "|".join(sorted(_DESK_WORDS)) + r"))+$", "", name, flags=re.IGNORECASE)
        if not name or any(t[:1].islower() and t not in ("de", "da", "van", "von", "bin", "al", "le", "la", "du")
                           for t in re.split(r"[\s,]+", name) if t and t.lower() not in ("and",)):
            continue  # "Detroit News wire services": words in lower case are not a person's name
        if name and not cl.AGENCY_RE.fullmatch(name) and len(name.split()) <= 5 and not cl.EMAIL.search(name):
            names.extend(cl.split_names(name) or ([name] if " " in name else []))
    seen, out = set(), []
    for n in names:
        n = re.sub(r"\s+", " ", n).strip(" .,")
        # The writer's role run into the name ("Jane RoeBusiness Columnist"): the name ends there.
        n = re.sub(r"(?<=[a-z])[A-Z][a-z]+(?:\s+[A-Z]?[a-z]+){0,2}\s+(?i:columnist|reporter|correspondent|writer|editor|"
                   r"contributor|critic)s?$", "", n)
        # A desk word run into the surname ("Jane RoeStaff").
        n = re.sub(r"(?<=[a-z])(?:Staff|Reporter|Writer|Columnist|Correspondent|Contributor|Editor)$", "", n)
        # An outlet run into the surname ("Jane RoeFOXBusiness", "Jane RoeCNN").
        n = re.sub(r"(\s[A-Z][a-z]{2,})[A-Z]{2,}[A-Za-z]*$", r"\1", n)
        key = n.lower()
        if _outlet_name(n) or any(t.lower() in _ORG_WORDS for t in n.split()):
            continue  # "By Jane Roe, CNN Business": the outlet is not a second writer; nor an agency or a school
        if key not in seen and not cl.agency_name(n):
            seen.add(key)
            out.append(n)
    return _merge_initials(out)


def _merge_initials(names: list[str]) -> list[str]:
    """One writer named with and without a middle initial ("Jane Roe", "Jane Q. Roe" from two
    sources) kept once, in the fuller form, at the first one's place."""
    def ends(name: str) -> tuple[str, str]:
        toks = name.lower().replace(".", "").split()
        return toks[0], toks[-1]

    out: list[str] = []
    for name in names:
        twin = next((k for k, o in enumerate(out) if ends(o) == ends(name) and len(name.split()) >= 2), None)
        if twin is None:
            out.append(name)
        elif len(name.replace(".", "").split()) > len(out[twin].replace(".", "").split()) or (
                len(name) > len(out[twin]) and name.replace(".", "") == out[twin].replace(".", "")):
            out[twin] = name
    return out


_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: US state abbreviations in AP style, as datelines give them after the city ("DEKALB, Ill. --").
_STATE = (r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
          r"N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo)\.|"
          # AP style spells out eight states after a city ("CLEVELAND, Ohio", "HONOLULU, Hawaii").
          r"(?:Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah)\b")
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'\u2019\-]+(?:\s[A-Z][A-Z.'\u2019\-]+){{0,3}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}(?=[^()]{{0,40}}\()|"
    rf"[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}(?=,\s*{_STATE}\s*(?:--|\u2014|\u2013)))"
    rf"(?P<more>(?:,\s*[A-Z][\w.'\u2019\-]*(?:\s[A-Z][\w.'\u2019\-]*){{0,2}})?(?:,?\s*{_MON}\s*\d{{1,2}}(?:,\s*\d{{4}})?)?)\s*"
    rf"(?:\((?P<agency>[^()]{{1,40}})\))?\s*(?:(?:--|\u2014|\u2013|-|:)\s*(?=\S)|(?<=\))(?=[A-Z\u201c\"]))"
)
#: Broadcasters and outlets that tag their own datelines ("Hong Kong (CNN Business)"): the tag
#: makes the place a dateline but is not a wire credit.
_OUTLET_TAG = re.compile(r"^(?:CNN|BBC|NBC|CBS|ABC|CNBC|NPR|Fox|MSNBC|UPI)\b(?:\s+[A-Z][a-z]+){0,2}$")
#: A wire's credit line naming the place ("PTI, Washington,"): agency, then the dateline.
_CREDIT_PLACE = re.compile(r"^(?P<agency>[A-Z][A-Za-z&. ]{1,30}?)\s*,\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
                           r"\s*(?:,|:|--|\u2014|\u2013|$)")
_LEAD_AGENCY = re.compile(
    rf"^(?:{_MON}\s*\d{{1,2}}(?:,\s*\d{{4}})?\s*)?\((?P<agency>[^()]{{1,40}})\)\s*(?:--|\u2014|\u2013|-)\s")
_TRAIL_AGENCY = re.compile(r"(?:\((?P<a>[^()]{1,40})\)|[\u2014\u2013-]{1,2}\s*(?P<b>[A-Z][\w .&-]{1,30})|/(?P<c>[A-Za-z][\w -]{1,30})/|"
                           # "... the US. PTI": a wire's acronym after the last sentence
                           r"(?<=[.!?\u201d\"])\s+(?P<d>[A-Z]{2,5}))\s*$")


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
    -> ("HONG KONG", "Reuters"), "DEKALB, Ill. (AP) --" -> ("DEKALB, Ill.", "AP")); either may be None."""
    m = _DATELINE.match(first_paragraph)
    if m:
        place = m.group("place").strip()
        agency = cl.agency_name(m.group("agency") or "") if m.group("agency") else None
        caps = place.upper() == place and len(place) >= 3
        # "Dekalb, Ill. --": a city in normal case, then a state, then the dash.
        caps = caps or bool(re.match(rf",\s*{_STATE}$", m.group("more") or ""))
        if _MONTH_NAMES.match(place):  # "Oct. 19 (UPI) --": a date, no place
            return None, agency
        if re.match(r"(?i)dear\s", place):  # "DEAR ABBY: My husband ...": a letter's salutation
            return None, agency
        tagged = bool(m.group("agency") and _OUTLET_TAG.match(m.group("agency").strip()))
        if caps or agency or tagged:
            if not caps and place.lower() in ("the", "a"):
                return None, agency
            # AP style names a US city with its state ("HAYWARD, Calif."): the state is part of the
            # place, a country after the city is not kept ("KABUL, Afghanistan" -> "KABUL").
            state = re.match(rf",\s*({_STATE})", m.group("more") or "")
            return (f"{place}, {state.group(1)}" if state else place), agency
    m = _LEAD_AGENCY.match(first_paragraph)
    if m:
        return None, cl.agency_name(m.group("agency"))
    return credit_place(first_paragraph)


#: A credit line naming the place first, then the wire or the outlet's own bureau ("New Delhi,
#: News Nation Bureau | Updated: ...", "Mumbai, PTI |").
_PLACE_CREDIT = re.compile(r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s*,\s*(?P<credit>[A-Z][\w&. ]{1,40}?)"
                           r"\s*(?:\||$)")


def credit_place(text: str) -> tuple[str | None, str | None]:
    """(place, agency) of a wire credit naming the place ("PTI, Washington," -> ("Washington",
    "PTI")) or of a place-first credit ("New Delhi, News Nation Bureau |" -> ("New Delhi", None),
    "Mumbai, PTI |" -> ("Mumbai", "PTI")), else (None, None)."""
    m = _CREDIT_PLACE.match(text)
    if m:
        agency = cl.agency_name(m.group("agency").strip())
        if agency and cl.AGENCY_RE.fullmatch(m.group("agency").strip()):
            return m.group("place"), agency
    m = _PLACE_CREDIT.match(text)
    if m:
        credit = m.group("credit").strip()
        if cl.AGENCY_RE.fullmatch(credit) and "|" in text:
            # Only with the stamp after it: "Jane Roe, Associated Press" alone is a photo credit.
            return m.group("place"), cl.agency_name(credit)
        if re.search(r"(?i)\b(?:bureau|desk|news service)$", credit):
            return m.group("place"), None
    return None, None


def agency_stamp(text: str) -> str | None:
    """The agency of a credit line that carries the story's date ("Associated Press November 19,
    2019, 9:02 AM", "Reuters | Updated: Nov 19, 2019"), else None."""
    hits = find_dates(text)
    if not hits or not date_line_kind(text[hits[0].start:]):
        return None
    head = re.sub(r"(?i)[\s|,/\-\u2013\u2014]*(?:updated|published|posted)?[\s:]*$", "", text[: hits[0].start]).strip()
    return cl.agency_name(head) if head[:1].isupper() else None


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
        name = cl.agency_name(m.group("a") or m.group("b") or m.group("c") or m.group("d") or "")
        if name:
            found.append(name)
    listed = False
    for n, (kind, text, where) in enumerate(lines):
        if where == "post" and kind in ("list_header", "related"):
            listed = True  # a list of other stories follows: its credits are theirs
        if len(text) < 40 and not listed and credit_place(text)[1]:
            found.append(credit_place(text)[1])  # "PTI, Washington,"
        elif where == "pre" and len(text) < 80 and (stamp := agency_stamp(text)):
            found.append(stamp)  # "Associated Press November 19, 2019, 9:02 AM" over the story
        elif where == "pre" and kind != "byline" and agency_byline(text)[1] and _next_to_stamp(lines, n):
            found.append(agency_byline(text)[1])  # "Jane Roe, AP Auto Writer" over the stamp
        elif kind == "agency_credit" and listed and where == "post":
            continue
        elif kind == "agency_credit" and (where == "post" or re.match(r"(?i)(?:source|sources|via|credit)", text)):
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
        got = (cl.agency_name(re.sub(r"(?i)\s*staff$", "", name.strip())) or agency_byline(name.strip())[1]
               or wire_role(name))
        if got:
            found.append(got)
    out: list[str] = []
    for name in found:
        if name not in out:
            out.append(name)
    return out
