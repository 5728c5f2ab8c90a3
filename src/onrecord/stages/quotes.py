"""The quotes stage: every statement reported in an article, attributed to a canonical speaker.

``extract_quotes(doc)`` reads ``doc.body`` and its spaCy parse ``doc.nlp`` and sets ``doc.quotes``:

- **direct** and **partial** quotes are the words between one pair of quotation marks
  (:mod:`.quotes_marks`); a passage broken by its cue (``"...," he said. "..."``) is two quotes, a
  paragraph left open continues into the next. A quotation that is a sentence or follows a cue
  (``said, "...``) is direct; a fragment inside the writer's sentence is partial, and kept only when
  something says it was said (a reporting verb or statement noun it hangs from, or length);
- **indirect** quotes are the content clauses of reporting verbs and "According to X, ..."
  sentences (:mod:`.quotes_indirect`);
- each is attributed through its cue (:mod:`.quotes_cues`): the verb next to the quotation and
  its subject, resolved to a canonical speaker (:mod:`.speakers`). A quotation with no cue
  continues the speaker before it: the one of the paragraph's earlier quote, the subject of a
  sentence ending in a colon just before it, or the article's last speaker.

All offsets are character offsets in ``doc.body``.
"""
from __future__ import annotations

import re

from ..model import Document, Quote
from .quotes_context import QuoteContext
from .quotes_cues import find_cue
from .quotes_indirect import find_indirect
from .speakers import Speaker, is_institution

_CUE_END = re.compile(r"[,:;\u2014\u2013-]$")
_SMALL = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with"}


def extract_quotes(doc: Document) -> Document:
    """Set ``doc.quotes`` to the article's statements in body order and return ``doc``.

    Uses ``doc.nlp`` (the spaCy Doc of exactly ``doc.body``); parses the body itself with
    :func:`onrecord.nlp.load_nlp` when it is missing. Pure: reads nothing else, writes nothing else.
    """
    body = doc.body or ""
    if not body.strip():
        doc.quotes = []
        return doc
    sdoc = doc.nlp
    if sdoc is None or sdoc.text != body:
        from ..nlp import load_nlp

        sdoc = load_nlp()(body)
    ctx = QuoteContext(body, sdoc)
    items = _quoted_items(ctx) + _indirect_items(ctx)
    items.sort(key=lambda it: (it["start"], it["end"]))
    _carry_speakers(ctx, items)
    doc.quotes = [_to_quote(ctx, it) for it in items if it.get("keep", True)]
    return doc


def _is_title_like(text: str) -> bool:
    """A quoted name or title ("Complete and Verifiable Irreversible Denuclearization")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'\-]*", text) if w.lower() not in _SMALL]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75 and len(words) >= 2


def _quoted_items(ctx: QuoteContext) -> list[dict]:
    items = []
    body = ctx.body
    for i, span in enumerate(ctx.spans):
        text = body[span.start:span.end]
        words = len(text.split())
        sent = ctx.sentence_bounds(span.start)
        prev_close = None
        if i > 0 and ctx.spans[i - 1].para == span.para and ctx.spans[i - 1].close_at is not None:
            prev_close = ctx.spans[i - 1].close_at + 1
        before = body[max(sent[0], prev_close or 0):span.open_at].strip().rstrip("`").strip()
        opens_passage = not before or bool(_CUE_END.search(before))
        sentence_like = text[:1].isupper() and text.rstrip("\"'\u201d\u2019 ")[-1:] in ".!?," and words >= 4
        if not opens_passage and _is_title_like(text):
            sentence_like = False
        ends_sentence = text.rstrip("\"'\u201d\u2019 ")[-1:] in ".!?"
        kind = "direct" if (opens_passage and (words >= 3 or ends_sentence)) or sentence_like else "partial"
        cue = find_cue(ctx, i)
        item = {"start": span.start, "end": span.end, "kind": kind, "span": span, "cue": cue,
                "para": span.para, "sent": cue.sentence if cue else sent}
        if kind == "partial" and cue is None:
            # A fragment nobody is said to have said is a scare quote or a name, unless it is long.
            if words < 6 or _is_title_like(text):
                item["keep"] = False
        if _is_title_like(text) and words < 8 and (kind == "partial" or cue is None and not ends_sentence):
            # Titles of songs, books and programmes ("Listen To The Music," "Minute By Minute").
            item["keep"] = False
        items.append(item)
    return items


def _indirect_items(ctx: QuoteContext) -> list[dict]:
    items = []
    for ind in find_indirect(ctx):
        if ind.subject.lower_ in ("i", "we", "you", "one"):
            continue  # the writer's own voice ("We say Apple has listened"), not a reported statement
        speaker = ctx.speakers.resolve(ind.subject, cue="strict")
        if speaker is None or ind.subject.lower_ == "it" and not is_institution(speaker):
            continue  # "it" speaks only for an organisation just named ("It said it was withholding ...")
        verb = ind.verb
        cue_text = "according to" if verb.lower_ == "according" else verb.text
        sent = ctx.sentence_bounds(ind.start)
        items.append({"start": ind.start, "end": ind.end, "kind": "indirect", "speaker": speaker,
                      "cue_text": cue_text, "para": ctx.para_of(ind.start), "sent": sent})
    return items


def _colon_lead(ctx: QuoteContext, para: int) -> Speaker | None:
    """The speaker announced by a paragraph that ends in a colon ("Kim put it bluntly:")."""
    if para <= 0:
        return None
    ps, pe = ctx.paras[para - 1]
    if not ctx.body[ps:pe].rstrip().endswith(":"):
        return None
    return _sentence_subject(ctx, pe - 1)


def _sentence_subject(ctx: QuoteContext, pos: int) -> Speaker | None:
    """The resolved subject of the writer's sentence around ``pos``, if it is a speaker."""
    s, e = ctx.sentence_bounds(pos)
    for tok in ctx.tokens_between(s, e):
        # The first subject of a verb in this sentence (the parser may join it to the next one).
        if tok.dep_ in ("nsubj", "nsubjpass") and s <= tok.head.idx < e and not ctx.inside_quote(tok.idx):
            sp = ctx.speakers.resolve(tok, cue=False)
            return sp if sp is not None and sp.kind != "unknown" else None
    return None


def _speaker_ahead(ctx: QuoteContext, items: list[dict], n: int) -> Speaker | None:
    """For a quotation left open at its paragraph's end with no cue yet, the cue that the
    quotation's next paragraphs give ("... guarantees. / "Nothing has come back," Kang said.)."""
    para = items[n]["para"]
    for it in items[n + 1:n + 8]:
        if it["kind"] == "indirect":
            continue
        span = it["span"]
        if span.para == para + 1 and not ctx.body[ctx.paras[span.para][0]:span.open_at].strip():
            if it.get("cue") is not None:
                return it["cue"].speaker
            if not span.runs_on:
                return None
            para += 1
        elif span.para > para:
            return None
    return None


def _carry_speakers(ctx: QuoteContext, items: list[dict]) -> None:
    """Give each item its speaker: its cue's, else the one it continues (see module docstring)."""
    last: Speaker | None = None
    last_in_para: dict[int, Speaker] = {}
    for n, it in enumerate(items):
        sp = it.get("speaker")
        if sp is None and it.get("cue") is not None:
            sp = it["cue"].speaker
        if sp is not None and sp.kind == "unknown":
            # A pronoun with no antecedent in the article: the last speaker, else no name (but the
            # words at the cue are kept).
            sp = Speaker(last.name, sp.mention, last.kind, last.plural, last.role, last.affiliation,
                         last.head) if last else Speaker("", sp.mention, "unknown")
        if sp is None and it["kind"] != "indirect":
            span = it["span"]
            para_start = ctx.paras[span.para][0]
            ahead = _speaker_ahead(ctx, items, n) if span.runs_on else None
            if ahead is not None:
                sp = ahead
            elif it["para"] in last_in_para:
                sp = last_in_para[it["para"]]
            elif not ctx.body[para_start:span.open_at].strip():
                sp = _colon_lead(ctx, span.para) or last
            else:
                sp = _sentence_subject(ctx, max(para_start, span.open_at - 2)) or last
            if sp is not None:
                sp = Speaker(sp.name, "", sp.kind, sp.plural, sp.role, sp.affiliation, sp.head)
        it["speaker"] = sp
        if sp is not None and sp.name and it.get("keep", True):
            if it["kind"] != "partial" or it.get("cue") is not None:
                last = sp
                last_in_para[it["para"]] = sp


def _to_quote(ctx: QuoteContext, it: dict) -> Quote:
    sp: Speaker | None = it.get("speaker")
    cue_text = it.get("cue_text")
    cue = it.get("cue")
    if cue is not None and cue.verb is not None:
        cue_text = "according to" if cue.verb.lower_ == "according" else cue.verb.text
    s, e = it["sent"]
    if it["kind"] != "indirect":
        span = it["span"]
        s = min(s, span.open_at)
        e = max(e, (span.close_at + 1) if span.close_at is not None else span.end)
    return Quote(
        text=ctx.body[it["start"]:it["end"]],
        kind=it["kind"],
        start=it["start"],
        end=it["end"],
        speaker=(sp.name or None) if sp else None,
        speaker_mention=sp.mention if sp else None,
        speaker_role=sp.role if sp else None,
        speaker_affiliation=sp.affiliation if sp else None,
        cue=cue_text,
        sentence_start=s,
        sentence_end=e,
        confidence=1.0 if (cue is not None or it["kind"] == "indirect") else 0.6,
    )
