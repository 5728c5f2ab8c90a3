"""HTML pieces built in Python: the article body with its quotes and events marked, search
snippets with their matches marked, and the activity chart as inline SVG.

Every piece of stored text goes through :func:`markupsafe.escape` before any tag is added, so an
article's own markup, entities or control characters are shown as text and never interpreted.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..store.views import MARK_END, MARK_START

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: Opening marks a quote's label goes before, so the label does not sit inside the quotation.
_OPENING_MARKS = "\"'“‘«„‹"


@dataclass(frozen=True)
class Span:
    """Something to mark in the body: characters ``start`` to ``end`` (offsets into the body)."""

    start: int
    end: int
    anchor: str  #: element id, ``q-<quote id>``, ``e-<event mention id>`` or ``sent-<quote id>``
    kind: str  #: ``q`` (quote), ``e`` (event) or ``s`` (a quote's sentence: marked only when it is the target)
    label: str  #: shown before the span: the speaker's name, or the event type
    href: str | None = None  #: where the label links to


def quote_spans(quotes: Iterable[Mapping], events: Iterable[Mapping], body_length: int) -> list[Span]:
    """Spans for an article's quotes (labelled with their speaker), their evidence sentences and event
    mentions (labelled with their type); spans whose offsets fall outside the body are left out."""
    spans = []
    for q in quotes:
        if _valid(q.get("start"), q.get("end"), body_length):
            href = "/speakers/" + urllib.parse.quote(q["actor_id"], safe="") if q.get("actor_id") else None
            spans.append(Span(q["start"], q["end"], f"q-{q['id']}", "q", q.get("speaker_name") or "unattributed", href))
            if _valid(q.get("sentence_start"), q.get("sentence_end"), body_length):
                spans.append(Span(q["sentence_start"], q["sentence_end"], f"sent-{q['id']}", "s", ""))
    for e in events:
        if _valid(e.get("start"), e.get("end"), body_length):
            spans.append(Span(e["start"], e["end"], f"e-{e['id']}", "e", e.get("type") or "event"))
    return spans


def _valid(start, end, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def paragraphs(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``body`` (blank-line separated), empty ones left out."""
    out, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(body)))
    return [(a, b) for a, b in out if body[a:b].strip()]


def body_html(body: str, spans: list[Span]) -> Markup:
    """The body as ``<p>`` paragraphs, each span's characters in ``<mark data-ids="...">`` (the ids
    of every span covering them, so nested quotes stay findable) and, where a span starts, a label
    carrying the span's anchor id."""
    # A label goes before the opening quotation mark right in front of its span, if there is one;
    # sentences have no label.
    label_at = {s.anchor: s.start - 1 if s.start and body[s.start - 1] in _OPENING_MARKS else s.start
                for s in spans if s.kind != "s"}
    starts = sorted({s.start for s in spans} | {s.end for s in spans} | set(label_at.values()))
    anchored: set[str] = set()
    parts: list[str] = []
    for ps, pe in paragraphs(body):
        cuts = [ps] + [c for c in starts if ps < c < pe] + [pe]
        parts.append("<p>")
        for a, b in zip(cuts, cuts[1:]):
            active = [s for s in spans if s.start < b and s.end > a]
            for s in spans:
                if s.kind != "s" and s.anchor not in anchored and (label_at[s.anchor] == a or s in active):
                    anchored.add(s.anchor)
                    parts.append(_label(s))
            text = escape(body[a:b])
            shown = [s for s in active if s.kind != "s"]
            ids = escape(" ".join(s.anchor for s in active))
            if shown:
                kind = "q" if any(s.kind == "q" for s in shown) else "e"
                title = "; ".join(s.label for s in shown if s.kind == "q") or shown[0].label
                parts.append(f'<mark class="{kind}" data-ids="{ids}" title="{escape(title)}">{text}</mark>')
            elif active:
                parts.append(f'<span class="sent" data-ids="{ids}">{text}</span>')
            else:
                parts.append(str(text))
        parts.append("</p>\n")
    return Markup("".join(parts))


def _label(s: Span) -> str:
    label = escape(s.label)
    if s.href:
        return f'<a class="tag tag-{s.kind}" id="{escape(s.anchor)}" href="{escape(s.href)}">{label}</a>'
    return f'<span class="tag tag-{s.kind}" id="{escape(s.anchor)}">{label}</span>'


_NO_MARK = f"[^{MARK_START}{MARK_END}]*"
#: Marks in pairs, never nested: the only shape FTS5's snippet() and highlight() make.
_BALANCED = re.compile(f"{_NO_MARK}(?:{MARK_START}{_NO_MARK}{MARK_END}{_NO_MARK})*")


def marked(snippet: str | None) -> Markup:
    """A search snippet as HTML: escaped first, then its match marks turned into ``<mark>`` tags,
    always balanced."""
    text = snippet or ""
    if _BALANCED.fullmatch(text):  # what FTS5 makes: escape once, swap the marks
        return Markup(str(escape(text)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
    out, open_ = [], False
    for piece in re.split(f"([{MARK_START}{MARK_END}])", text):
        if piece == MARK_START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == MARK_END:
            if open_:
                out.append("</mark>")
                open_ = False
        else:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def plain(snippet: str | None) -> str:
    """A search snippet without its match marks."""
    return (snippet or "").replace(MARK_START, "").replace(MARK_END, "")


def text_html(value: object) -> str:
    """``value`` as HTML text: what :func:`markupsafe.escape` makes (``&<>"'`` as entities), as a
    plain string. Stored text is plain ``str``, for which five C-level replacements cost a third of
    ``str(escape(...))``; anything else (markup, numbers) goes through :func:`escape` itself."""
    if type(value) is str:
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
                .replace("'", "&#39;"))
    return str(escape(value))


@functools.lru_cache(maxsize=4096)
def _speaker_href(actor_id: str) -> str:
    return text_html("/speakers/" + urllib.parse.quote(actor_id, safe=""))


def _speaker_link(actor_id: str | None, name: str | None, fallback: str, cls: str = "speaker") -> str:
    if actor_id:
        return f'<a class="{cls}" href="{_speaker_href(actor_id)}">{text_html(name or fallback)}</a>'
    return f'<span class="{cls}">{text_html(name or fallback)}</span>'


def _entry_meta(e: Mapping) -> str:
    level = confidence(e.get("date_confidence"))
    parts = ['<div class="meta">']
    if e["entry"] == "statement":
        parts.append(f'<span class="badge">{text_html(e.get("kind") or "")}</span> ')
    if e.get("outlets"):
        parts.append(f'<span class="outlets" title="Outlets that reported it">{text_html(", ".join(e["outlets"]))}</span>')
    if (e.get("n_reports") or 0) > 1:
        parts.append(f' <span class="reports">{int(e["n_reports"])} reports</span>')
    if e.get("date"):
        score = f' ({e["date_confidence"]:.2f})' if e.get("date_confidence") is not None else ""
        parts.append(f' <span class="conf conf-{level}" title="How sure the date is (0 to 1)">date {level}{score}</span>')
    else:
        parts.append(' <span class="conf conf-unknown">undated</span>')
    if e.get("link"):
        parts.append(f' <a class="evidence" href="{text_html(e["link"])}">In the article →</a>')
    parts.append("</div>")
    return "".join(parts)


def entry_html(e: Mapping, *, show_speaker: bool = True) -> str:
    """One timeline entry (a statement or an event) as an ``<article>``, every value escaped."""
    if e["entry"] == "event":
        who = ['<div class="who"><span class="badge badge-event">', text_html(e.get("type") or ""),
               f' · {text_html(e["mode"])}' if e.get("mode") else "", "</span> ",
               _speaker_link(e.get("actor_id"), e.get("actor"), "someone")]
        if e.get("recipient"):
            who += [' <span class="arrow">→</span> ', _speaker_link(e.get("recipient_id"), e["recipient"], "", "party")]
        if e.get("location"):
            who.append(f' <span class="affil">in {text_html(e["location"])}</span>')
        who.append("</div>")
        return (f'<article class="entry event" id="ev-{text_html(e["id"])}">{"".join(who)}'
                f'<p class="sentence">{text_html(e.get("sentence") or "")}</p>{_entry_meta(e)}</article>\n')
    kind = e.get("kind") or ""
    who = ""
    if show_speaker:
        who = ('<div class="who">' + _speaker_link(e.get("actor_id"), e.get("speaker"), "Unattributed")
               + (f' <span class="role">{text_html(e["speaker_role"])}</span>' if e.get("speaker_role") else "")
               + (f' <span class="affil">{text_html(e["affiliation"])}</span>' if e.get("affiliation") else "") + "</div>")
    elif e.get("speaker_role"):
        who = f'<div class="who"><span class="role">{text_html(e["speaker_role"])}</span></div>'
    text = e.get("text") or ""
    words = text_html(text) if kind == "indirect" else f"“{text_html(text.strip().rstrip(',;').strip())}”"
    return (f'<article class="entry statement kind-{text_html(kind)}" id="s-{text_html(e["id"])}">{who}'
            f'<blockquote class="words">{words}</blockquote>{_entry_meta(e)}</article>\n')


def days_html(days: Iterable[tuple[str | None, list[Mapping]]], *, show_speaker: bool = True) -> Markup:
    """Entries grouped by day (``(date, entries)`` pairs) as ``<section>`` blocks with a date heading."""
    out = []
    for day, entries in days:
        heading = (f'<time datetime="{text_html(day)}">{text_html(long_date(day))}</time>' if day else "Undated")
        out.append(f'<section class="day"><h2>{heading}</h2>\n')
        out.extend(entry_html(e, show_speaker=show_speaker) for e in entries)
        out.append("</section>\n")
    return Markup("".join(out))


def statement_hits_html(hits: Iterable[Mapping]) -> Markup:
    """Search hits among statements as ``<article>`` blocks (``snippet_html`` is markup already,
    every other value is escaped), or a line saying that none matches."""
    out = []
    for h in hits:
        if h.get("actor_id"):
            who = (f'<a class="speaker" href="/speakers/{text_html(urllib.parse.quote(h["actor_id"], safe="/"))}">'
                   f'{text_html(h.get("speaker"))}</a>')
        else:
            who = f'<span class="speaker">{text_html(h.get("speaker") or "Unattributed")}</span>'
        if h.get("speaker_role"):
            who += f'<span class="role">{text_html(h["speaker_role"])}</span>'
        meta = f'<span class="badge">{text_html(h.get("kind"))}</span> '
        if h.get("outlets"):
            meta += f'<span class="outlets">{text_html(", ".join(h["outlets"]))}</span>'
        if h.get("link"):
            meta += f'<a class="evidence" href="{text_html(h["link"])}">In the article →</a>'
        out.append(f'  <article class="entry hit">\n    <div class="who">{who} <span class="muted">'
                   f'{text_html(h.get("date") or "undated")}</span></div>\n'
                   f'    <blockquote class="words">{h["snippet_html"]}</blockquote>\n'
                   f'    <div class="meta">{meta}</div>\n  </article>\n')
    return Markup("".join(out) or '<p class="empty">No statement matches.</p>')


def article_hits_html(hits: Iterable[Mapping]) -> Markup:
    """Search hits among articles as ``<article>`` blocks (``title_html`` and ``snippet_html`` are
    markup already), or a line saying that none matches."""
    out = []
    for h in hits:
        title = h["title_html"] if h.get("title") else text_html(h.get("source"))
        out.append(f'  <article class="entry hit">\n    <div class="who"><a class="speaker" href="{text_html(h.get("link"))}">'
                   f'{title}</a> <span class="muted">{text_html(h.get("outlet") or "")} {text_html(h.get("date") or "")}'
                   f'</span></div>\n    <p class="sentence">{h["snippet_html"]}</p>\n  </article>\n')
    return Markup("".join(out) or '<p class="empty">No article matches.</p>')


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def activity_svg(activity: list[Mapping], *, width: int = 900, height: int = 150) -> Markup:
    """Statements (and events) per month as an inline SVG bar chart; per year when the span is over
    ten years. Empty markup when nothing is dated."""
    rows = [a for a in activity if re.match(r"^\d{4}-\d{2}$", a["month"] or "")]
    if not rows:
        return Markup("")
    counts = {a["month"]: (a["statements"], a["events"]) for a in rows}
    periods = _months(rows[0]["month"], rows[-1]["month"])
    if len(periods) > 120:
        years: dict[str, list[int]] = {}
        for month, (s, e) in counts.items():
            slot = years.setdefault(month[:4], [0, 0])
            slot[0] += s
            slot[1] += e
        periods = [str(y) for y in range(int(periods[0][:4]), int(periods[-1][:4]) + 1)]
        counts = {y: tuple(years.get(y, (0, 0))) for y in periods}
    top = max(s + e for s, e in counts.values()) or 1
    pad_left, pad_bottom = 28, 18
    plot_w, plot_h = width - pad_left - 4, height - pad_bottom - 6
    step = min(plot_w / len(periods), 48.0)  # a few periods make narrow bars, not a wall of colour
    bar = max(step * 0.8, 1.0)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Statements per period, {escape(periods[0])} to {escape(periods[-1])}">',
             f'<text x="{pad_left - 4}" y="12" text-anchor="end" class="axis">{top}</text>',
             f'<line x1="{pad_left}" y1="{6 + plot_h}" x2="{width - 4}" y2="{6 + plot_h}" class="base"/>']
    for i, period in enumerate(periods):
        s, e = counts.get(period, (0, 0))
        x = pad_left + i * step + (step - bar) / 2
        hs, he = plot_h * s / top, plot_h * e / top
        y = 6 + plot_h - hs
        tip = escape(f"{period}: {s} statement{'s' * (s != 1)}" + (f", {e} event{'s' * (e != 1)}" if e else ""))
        if s:
            parts.append(f'<rect class="s" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{hs:.1f}">'
                         f'<title>{tip}</title></rect>')
        if e:
            parts.append(f'<rect class="e" x="{x:.1f}" y="{y - he:.1f}" width="{bar:.1f}" height="{he:.1f}">'
                         f'<title>{tip}</title></rect>')
    for i in sorted({0, len(periods) - 1}):
        anchor = "start" if i == 0 else "end"
        x = pad_left + (i * step if i == 0 else max((i + 1) * step, 120))
        parts.append(f'<text x="{x:.1f}" y="{height - 4}" text-anchor="{anchor}" class="axis">'
                     f'{escape(periods[i])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def query_string(params: Mapping[str, object], **changes: object) -> str:
    """``params`` updated with ``changes`` as a URL query string, blank values left out."""
    merged = {**params, **changes}
    return urllib.parse.urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def long_date(value: str | None) -> str:
    """``2016-09-26`` as ``Monday 26 September 2016``; other text unchanged, None as ``Undated``."""
    if not value:
        return "Undated"
    return _long_date(value)


@functools.lru_cache(maxsize=8192)  # a pure function of the text; a page shows up to 50 days
def _long_date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day:%A} {day.day} {day:%B %Y}"


def confidence(value: float | None) -> str:
    """A date confidence (0 to 1) as a word: high, medium, low or unknown."""
    if value is None:
        return "unknown"
    return "high" if value >= 0.8 else "medium" if value >= 0.5 else "low"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is http(s), else None: a stored URL never becomes a ``javascript:`` link."""
    if url and urllib.parse.urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
