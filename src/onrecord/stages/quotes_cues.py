"""Finding the cue of a quoted span: the reporting verb and its subject next to the quotation.

Tried in order, each over a bounded window of tokens around the span:

1. after the closing mark, within the writer's sentence: ``"...," Kirby said`` / ``said Cory
   Gardner, the ...`` / ``," according to the official``;
2. before the opening mark: ``Kim added, "..."`` / ``Sung Kim said on Friday regarding ..., "..."``;
3. the parse: the quotation depends on a reporting verb (``said Kim's visit should not be seen as
   suggesting "..."``) or on a statement noun with an owner (``Russia's claim that "..."``).

The speaker noun phrase found by a cue is resolved by :class:`~onrecord.stages.speakers.SpeakerIndex`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .quotes_lex import SPEECH_VERBS
from .quotes_phrases import stray_subject
from .speakers import Speaker

_NP_POS = {"PROPN", "NOUN", "PRON", "DET", "ADJ", "ADP", "NUM", "PART", "CCONJ", "ADV", "PUNCT", "AUX", "SYM",
           "X"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_MODIFIER = {"acl", "relcl", "amod"}  # a verb inside a noun phrase ("two people briefed on the talks")
STATEMENT_NOUNS = frozenset("claim claims remark remarks statement words warning message comment comments "
                            "assertion argument stance position pledge promise vow insistence demand call "
                            "answer reply response view stand".split())


@dataclass(frozen=True, slots=True)
class Cue:
    """What attributes a quotation: ``verb`` (the cue token, may be None for a statement noun),
    the resolved ``speaker``, and ``how`` it was found (after / before / parse)."""

    speaker: Speaker | None
    verb: object | None
    how: str
    sentence: tuple[int, int]


def is_speech_verb(tok) -> bool:
    """True for a reporting verb token ("said", "told", "added", "according")."""
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("said", "says")


def subject_of(verb):
    """The subject token of ``verb``: its own nsubj, else that of the verb it is coordinated with
    or subordinated to ("..., but said ...", "..., saying ..."), else a passive agent."""
    cur = verb
    for _ in range(4):
        # The subject nearest the verb: a dateline ("WASHINGTON (AP) -") can parse as a second one.
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")
                    and not (c.dep_ == "nsubjpass" and cur is verb)]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - cur.i))
        if cur is verb and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            # "<statement>, said another witness, ...": the inverted subject parsed as an object.
            inverted = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i
                        and c.pos_ in ("NOUN", "PROPN")]
            if inverted:
                return inverted[0]
        for child in cur.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
            continue
        break
    return None


def subject_in_sentence(ctx, verb):
    """:func:`subject_of` ``verb``, kept within the verb's own sentence: a subject the parser found in
    another sentence is replaced by :func:`~.quotes_phrases.stray_subject`."""
    subj = subject_of(verb)
    if subj is None:
        return None
    s, e = ctx.sentence_bounds(verb.idx)
    if s <= subj.idx < e:
        return subj
    return stray_subject(verb, s, e)


def _after_cue(ctx, span, limit_end: int):
    """``"...," X said`` / ``said X`` / ``according to X`` right after the closing mark."""
    toks = [t for t in ctx.tokens_between(span.close_at + 1, limit_end)]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    toks = toks[:20]
    if not toks:
        return None
    if toks[0].lower_ == "according" and len(toks) > 2 and toks[1].lower_ == "to":
        for t in toks[2:]:
            if t.dep_ == "pobj" and t.head.i == toks[1].i:
                return t, toks[0]
        return None
    base = 0
    for k, tok in enumerate(toks):
        if k < base:
            continue
        if k == base and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # '"... the little deal" announced in October, said X': the writer's participle continues
            # the quoted phrase, and the cue comes after its comma.
            comma = next((j for j in range(k + 1, len(toks)) if toks[j].text == ","), None)
            if comma is not None and any(is_speech_verb(t) and t.tag_ in _FINITE for t in toks[comma + 1:comma + 8]):
                base = comma + 1
                continue
            if not is_speech_verb(tok):
                return None
        if is_speech_verb(tok) and tok.tag_ != "VBG" and tok.dep_ not in _MODIFIER:
            prefix = toks[base:k]
            if any(t.pos_ == "VERB" and t.dep_ not in _MODIFIER for t in prefix):
                return None
            if prefix:
                subj = [t for t in prefix if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == tok.i]
                if not subj:
                    other = subject_of(tok)
                    if other is not None and (other.i > tok.i or tok.dep_ == "conj" and other.i < span.open_at
                                              and not ctx.inside_quote(other.idx)):
                        # "... despite being the envoy in Brussels, said X"; "said it viewed the move as
                        # "..." the basis for a deal and said ...": the conjoined verb's own subject.
                        return other, tok
                heads = subj or [t for t in prefix if t.pos_ in ("PROPN", "NOUN", "PRON")]
                return (heads[0] if subj else heads[-1], tok) if heads else None
            after = [c for c in tok.rights if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
            if after:
                return after[0], tok
            for t in toks[k + 1:k + 6]:
                if t.pos_ in ("PROPN", "NOUN", "PRON"):
                    head = t
                    while head.head.i > head.i and head.head.pos_ in ("PROPN", "NOUN") and head.head.i < t.i + 6:
                        head = head.head
                    return head, tok
            return None
        if tok.pos_ == "VERB" and tok.dep_ not in _MODIFIER or tok.text in (".", "!", "?", ";"):
            return None
    return None


def _before_cue(ctx, span, region_start: int):
    """``X said, "..."`` / ``X said on Friday regarding ..., "..."``: the last reporting verb before
    the opening mark with nothing finite between it and the mark."""
    toks = list(ctx.tokens_between(region_start, span.open_at))
    if not toks:
        return None
    last = toks[-1]
    for k in range(len(toks) - 1, max(-1, len(toks) - 30), -1):
        tok = toks[k]
        if is_speech_verb(tok) and tok.tag_ != "VBN":
            gap = toks[k + 1:]
            if any(t.tag_ in _FINITE for t in gap):
                return None
            if gap and last.text not in (",", ":", "\u2014", "-") and last.lower_ not in ("that",):
                return None
            subj = subject_in_sentence(ctx, tok)
            return (subj, tok) if subj is not None else None
        if tok.tag_ in _FINITE and tok.pos_ != "AUX":
            return None
    return None


def _parse_cue(ctx, span):
    """The reporting verb or statement noun that the quotation hangs from in the parse."""
    inner = ctx.tokens_between(span.start, span.end)
    if not len(inner):
        return None
    lo, hi = inner[0].i, inner[-1].i
    roots = [t for t in inner if not (lo <= t.head.i <= hi) and not t.is_punct]
    if not roots:
        return None
    cur = roots[0].head
    for _ in range(8):
        if ctx.para_of(cur.idx) != span.para:
            return None  # the parser ran into another paragraph
        if not (lo <= cur.i <= hi) and not ctx.inside_quote(cur.idx):
            if is_speech_verb(cur):
                subj = subject_in_sentence(ctx, cur)
                return (subj, cur) if subj is not None else None
            if cur.lower_ in STATEMENT_NOUNS and not (cur.dep_ == "dobj" and is_speech_verb(cur.head)):
                # (A statement noun that a reporting verb takes, "reiterated the UK's position that
                # ...", is that verb's subject's statement: go on up to the verb.)
                owner = _owner(cur)
                if owner is None or ctx.inside_quote(owner.idx):
                    return None
                return owner, None
        if cur.head is cur:
            break
        cur = cur.head
    return None


def _owner(noun):
    """Who a statement noun belongs to: "Russia's claim" -> Russia, "the claim by X" -> X, "Haddad
    warning of ..." -> Haddad; "a warning of consequences" has no owner (its "of" is the content)."""
    for child in noun.children:
        if child.dep_ in ("poss", "nsubj"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (child.lower_ != "of" or obj.pos_ == "PROPN"):
                    return obj
    doc = noun.doc
    # A possessive the parser attached elsewhere ("North Korea and Russia's claim").
    if noun.i >= 2 and doc[noun.i - 1].tag_ == "POS":
        return doc[noun.i - 2]
    return None


def _introduced(ctx, span, region_start: int) -> bool:
    """True when a reporting verb and a comma or colon stand right before the opening mark."""
    toks = ctx.tokens_between(region_start, span.open_at)
    return len(toks) >= 2 and toks[-1].text in (",", ":") and is_speech_verb(toks[-2]) \
        and toks[-2].tag_ not in ("VBN", "VBG")


def find_cue(ctx, idx: int) -> Cue | None:
    """The cue of quoted span ``ctx.spans[idx]``, or None when its sentence gives none."""
    span = ctx.spans[idx]
    sent = ctx.sentence_bounds(span.start)
    prev_close = None
    if idx > 0 and ctx.spans[idx - 1].para == span.para and ctx.spans[idx - 1].close_at is not None:
        prev_close = ctx.spans[idx - 1].close_at + 1
    nxt_open = None
    if idx + 1 < len(ctx.spans) and ctx.spans[idx + 1].para == span.para:
        nxt_open = ctx.spans[idx + 1].open_at
    region_start = max(sent[0], prev_close or 0)
    if region_start < span.open_at and _introduced(ctx, span, region_start):
        # 'he said, "I'll put a bullet in her skull," the attorney's office said': the verb that
        # introduces the quotation is its cue; a cue after it reports the whole sentence.
        found = _before_cue(ctx, span, region_start)
        if found:
            return _cue(ctx, found, "before", sent)
    if span.close_at is not None:
        sent_after = ctx.sentence_bounds(span.close_at + 1)
        if sent_after[0] <= span.close_at:  # the writer's sentence goes on after the mark
            limit = sent_after[1] if nxt_open is None else min(sent_after[1], nxt_open)
            found = _after_cue(ctx, span, limit)
            if found:
                return _cue(ctx, found, "after", sent_after)
    if region_start < span.open_at:
        found = _before_cue(ctx, span, region_start)
        if found:
            return _cue(ctx, found, "before", sent)
    found = _parse_cue(ctx, span)
    if found:
        return _cue(ctx, found, "parse", sent)
    return None


def _cue(ctx, found, how: str, sent) -> Cue | None:
    head, verb = found
    if ctx.inside_quote(head.idx):
        return None  # the quoted words are not their own speaker
    speaker = _owner_group(ctx, head) if verb is None else ctx.speakers.resolve(head)
    if speaker is None:
        return None
    return Cue(speaker, verb, how, sent)


def _owner_group(ctx, head):
    """Resolve a statement owner, keeping a coordinated pair whole ("North Korea and Russia")."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "CCONJ"):
        start -= 1
    if start < head.i and any(doc[k].pos_ == "CCONJ" for k in range(start, head.i)):
        while doc[start].pos_ == "CCONJ":
            start += 1
        text = doc[start:head.i + 1].text
        return Speaker(text, text, "org", True)
    return ctx.speakers.resolve(head)
