"""Indirect speech: the content clauses of reporting verbs, and "According to X, ..." sentences.

A reporting verb ("said", "told", "warned", "pointed out") with a clausal complement gives one
statement: the clause without its "that", whichever side of the verb it stands on ("X said the US
is open" / "The US is open, officials said"). Two reporting verbs that share a subject ("He said
..., but said ...") give one statement spanning both clauses. A clause that is mostly quoted is
left to the quotation finder, and a clause inside another statement's content is part of it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes_cues import STATEMENT_NOUNS, subject_in_sentence
from .quotes_extent import statement_end
from .quotes_lex import GROUP_NOUNS, INDIRECT_VERBS, PERSON_NOUNS, is_title
from .quotes_phrases import agentive

# "SEOUL (Reuters) - ": a dateline is no part of a statement that opens the article.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'\-]{1,40}(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s*")
_SKIP_MARKS = {"whether", "if", "how", "why", "when", "where", "who"}
_TAIL_CUTS = (", according to ", ", citing ", " according to ")


@dataclass(frozen=True, slots=True)
class Indirect:
    """One reported statement: ``start``/``end`` body offsets of the content clause, the cue
    ``verb`` token and the ``subject`` token (None for "according to" with no subject)."""

    start: int
    end: int
    verb: object
    subject: object


def _reduced_relative(subj) -> bool:
    """True when the "subject" is a noun and a name that make a relative clause with the verb: ", a
    charge Brandt denied" / ", a prospect Vindman denied" is an aside about the sentence (the charge
    that Brandt denied), not a cue for it."""
    doc = subj.doc
    lo, hi = subj.left_edge.i, subj.right_edge.i
    if doc[lo].lower_ not in ("a", "an", "the", "which"):
        return False
    for k in range(lo + 1, hi):
        noun, name = doc[k], doc[k + 1]
        if noun.pos_ == "NOUN" and name.pos_ == "PROPN" and noun.lemma_.lower() not in PERSON_NOUNS \
                and noun.lemma_.lower() not in GROUP_NOUNS and not is_title(noun.text) and not agentive(noun):
            return True
    return False


def _content_bounds(ctx, clause, verb) -> tuple[int, int] | None:
    doc = ctx.doc
    lo, hi = clause.left_edge.i, clause.right_edge.i
    if lo > verb.i:
        # Adverbial clauses the parser hung on the verb after the content ("..., so as to deal a
        # blow") belong to the statement; other reporting verbs and source notes do not.
        for child in verb.rights:
            if child.i > hi and child.dep_ == "advcl" and child.tag_ != "VBG" \
                    and child.lemma_.lower() not in INDIRECT_VERBS:
                hi = child.right_edge.i
    fronted = False
    if lo > verb.i:
        lo = max(lo, verb.i + 1)
        hi = statement_end(clause, verb, lo, hi)
    elif hi < verb.i:
        # Fronted content ("The US is in no rush ..., officials said"): from the sentence start.
        hi = min(hi, verb.i - 1)
        fronted = True
    else:
        return None
    while lo <= hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" and doc[lo].lower_ == "that"):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in ('"', "\u201d"):
        hi -= 1
    if hi < lo:
        return None
    if doc[lo].lower_ in _SKIP_MARKS and doc[lo].dep_ in ("mark", "advmod") and doc[lo].head.i == clause.i:
        # "did not say whether the talks would resume" reports a question, not a statement; but in
        # "said whether Trump will agree depends on ..." the question is the subject of the statement.
        pred = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.i > clause.i
                     and c.left_edge.i == clause.right_edge.i + 1 and c.tag_ in ("VBZ", "VBD", "VBP", "MD")
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "csubj") for g in c.children)), None)
        if pred is None:
            return None
        hi = pred.right_edge.i
        while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in ('"', "\u201d"):
            hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    # The statement stays within the verb's own sentence (the parser can run across paragraphs).
    s_start, s_end = ctx.sentence_bounds(verb.idx)
    start, end = max(start, s_start), min(end, s_end)
    if end <= start:
        return None
    if not fronted and ctx.body[start:start + 5].lower() == "that ":
        start += 5
    if fronted:
        dl = _DATELINE.match(ctx.body[start:end])
        if dl:
            start += dl.end()
    text = ctx.body[start:end]
    for cut in _TAIL_CUTS:
        k = text.find(cut)
        if k > 0:
            end = start + k
            text = text[:k]
    end = start + len(text.rstrip(" ,;:."))
    # A statement that ends inside a quotation ends with it, closing mark included.
    k = ctx.quote_index_at(end - 1)
    if k >= 0 and ctx.spans[k].close_at is not None and ctx.spans[k].close_at < s_end:
        end = ctx.spans[k].close_at + 1
    return start, end


def _quoted_share(ctx, start: int, end: int) -> float:
    """The largest share of the characters of ``[start, end)`` that one quotation covers (a clause
    that is one quotation with a few words around it is that quotation; two short quoted phrases
    inside the writer's clause leave it a reported statement)."""
    best = 0
    k = max(0, bisect.bisect_right(ctx.span_starts, start) - 1)
    for s in ctx.spans[k:]:
        if s.start >= end:
            break
        if s.end > start:
            best = max(best, min(end, s.end) - max(start, s.start))
    return best / max(1, end - start)


def _writers_clause(ctx, start: int, end: int) -> bool:
    """A content clause reports a statement in the writer's words unless it is one quotation and
    nothing else: 'said it "regrets any decision ..."' is the ministry's statement (and the
    quotation a partial inside it); 'said, "We regret it."' is only the quotation."""
    if _quoted_share(ctx, start, end) <= 0.5:
        return True
    return any(t.is_alpha and t.lower_ != "that" and not ctx.inside_quote(t.idx)
               for t in ctx.tokens_between(start, end))


def _ends_with_passage(ctx, start: int, end: int) -> bool:
    """True when ``[start, end)`` ends with a quotation that opens after a dash, colon or comma (a
    direct quotation with the writer's words before it), not one inside the writer's clause."""
    k = ctx.quote_index_at(end - 1)
    if k < 0:
        return False
    before = ctx.body[start:ctx.spans[k].open_at].rstrip()
    return before[-1:] in (",", ":", ";", "\u2014", "\u2013", "-")


_SAY_LIKE = {"say", "tell", "add", "announce", "state", "report", "write", "note", "warn", "explain", "confirm"}


def _has_verb(ctx, start: int, end: int) -> bool:
    """A reported statement is a clause: it has a verb."""
    return any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens_between(start, end))


def _that_clause(clause) -> bool:
    """True for a content clause opened by "that" ("... at the time that they were treated well"),
    even when the parser read the "that" as a relative pronoun; not for a relative clause whose
    subject is the "that" ("the report that was published")."""
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return True
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "that" and first.dep_ in ("advmod", "mark") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which") for c in clause.children)


def _clause_of(verb):
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    for child in verb.children:
        # "reiterated the UK's position that settlements are illegal": the statement noun's clause.
        if child.dep_ == "dobj" and child.lemma_.lower() in STATEMENT_NOUNS:
            for clause in child.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and clause.i > child.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    return clause
    # "said in a statement carried by KCNA that ...": the parser hangs the clause on a noun of the
    # prepositional phrase; follow prep/pobj/acl/agent links only, a few steps deep.
    frontier = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    for _ in range(4):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.i <= node.i:
                    continue
                if child.dep_ in ("acl", "ccomp", "relcl", "advcl") and _that_clause(child):
                    return child
                if child.dep_ in ("prep", "pobj", "acl", "agent"):
                    nxt.append(child)
        frontier = nxt
    if verb.lemma_ == "point":  # "pointed out that ..."
        for child in verb.children:
            if child.dep_ in ("advcl", "dobj") and child.pos_ in ("VERB", "AUX"):
                return child
    return None


def _inserted_cue(ctx, verb) -> Indirect | None:
    """"Many of the prisons, she said, are aging": a cue set off by commas inside the statement it
    reports. The statement is the whole clause around it, cue included, as the sentence gives it."""
    doc = ctx.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.dep_ != "parataxis" or subj is None or verb.head.i < verb.i:
        return None
    first, last = subj.left_edge.i, verb.i
    if first == 0 or doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != ",":
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    s_start, s_end = ctx.sentence_bounds(verb.idx)
    head = verb.head
    start = max(doc[head.left_edge.i].idx, s_start)
    end = min(doc[head.right_edge.i].idx + len(doc[head.right_edge.i]), s_end)
    if start >= doc[first].idx or ctx.inside_quote(start):
        return None
    end = start + len(ctx.body[start:end].rstrip(" ,;:."))
    if end - start < 12 or not _writers_clause(ctx, start, end) or _reduced_relative(subj):
        return None
    return Indirect(start, end, verb, subj)


def _contrast_before(verb) -> bool:
    """True when "but"/"yet" joins ``verb`` to the reporting verb before it."""
    doc = verb.doc
    return any(doc[k].lower_ in ("but", "yet", "although", "though") for k in range(max(0, verb.i - 3), verb.i))


def _second_report(ctx, clause, start: int, end: int):
    """A reporting verb without a subject of its own that the parser hung inside the content clause
    ``clause`` (``[start, end)``) although it shares the first verb's subject: "said it viewed X and
    said it would Y", "said that A, saying B". Returns (verb, offset where the first statement ends,
    bounds of the second one) or None. "..., but said B" stays one statement."""
    doc = ctx.doc
    for t in clause.subtree:
        if t.i <= clause.i or t.pos_ != "VERB" or t.lemma_.lower() not in INDIRECT_VERBS:
            continue
        if t.dep_ not in ("conj", "advcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        prev = doc[t.i - 1]
        if t.dep_ == "conj" and prev.lower_ != "and" or t.dep_ == "advcl" and not (
                t.tag_ == "VBG" and prev.text == ","):
            continue
        other = _clause_of(t)
        bounds = _content_bounds(ctx, other, t) if other is not None else None
        if bounds is None or not start < prev.idx < bounds[0] <= end:
            continue
        return t, prev.idx, bounds
    return None


def find_indirect(ctx) -> list[Indirect]:
    """All indirect statements in the article, in text order, without nested or mostly quoted ones."""
    found: list[Indirect] = []
    used: set[int] = set()
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.i in used or lemma not in INDIRECT_VERBS or tok.pos_ != "VERB" or ctx.inside_quote(tok.idx):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        clause = _clause_of(tok)
        if clause is None:
            inserted = _inserted_cue(ctx, tok)
            if inserted is not None:
                found.append(inserted)
            continue
        bounds = _content_bounds(ctx, clause, tok)
        if bounds is None:
            continue
        start, end = bounds
        pieces = []
        for conj in tok.conjuncts:
            if conj.i > tok.i and conj.lemma_.lower() in INDIRECT_VERBS and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                other = _clause_of(conj)
                more = _content_bounds(ctx, other, conj) if other is not None else None
                if more and more[0] > start:
                    used.add(conj.i)
                    if _contrast_before(conj):
                        end = max(end, more[1])  # "He said A, but said B": one statement, B qualifies A
                    else:
                        pieces.append((more[0], more[1], conj))  # "said A and said B": two statements
        second = _second_report(ctx, clause, start, end)
        if second is not None:
            # The parser hung "..., saying B" / "... and said B" inside A: two statements.
            verb2, cut, (start2, end2) = second
            used.add(verb2.i)
            end = start + len(ctx.body[start:cut].rstrip(" ,;"))
            pieces.append((start2, end2, verb2))
        subj = subject_in_sentence(ctx, tok)
        if subj is None or subj.lower_ in ("this", "that", "which", "who") or _reduced_relative(subj):
            continue
        for p_start, p_end, p_verb in [(start, end, tok)] + pieces:
            if p_end - p_start < 12 or not _has_verb(ctx, p_start, p_end) \
                    or not _writers_clause(ctx, p_start, p_end):
                continue
            if p_end < p_verb.idx and _ends_with_passage(ctx, p_start, p_end):
                continue  # '... once — "I now do recall," he said': the statement is the quotation
            found.append(Indirect(p_start, p_end, p_verb, subj))
    found.extend(_trailing_cues(ctx, found, used))
    found.extend(_according_to(ctx, found))
    found.sort(key=lambda x: x.start)
    # A statement inside another one's content ("The official said the US believed ...") is part of it.
    kept: list[Indirect] = []
    for item in found:
        # Sorted by start, so only the statements just before can contain this one.
        recent = kept[-3:]
        if any(k.start <= item.start and item.end <= k.end and k.verb is not item.verb for k in recent):
            continue
        if any(k.start <= item.verb.idx < k.end for k in recent):
            continue
        kept.append(item)
    return kept


def _according_to(ctx, found: list[Indirect]) -> list[Indirect]:
    """"According to X, <clause>." and "<clause>, according to X.": the clause, said by X, unless
    the clause reports someone's speech itself."""
    out = []
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ != "according" or ctx.inside_quote(tok.idx):
            continue
        sent_start, sent_end = ctx.sentence_bounds(tok.idx)
        to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if to is None or to.lower_ != "to":
            continue
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        if ctx.body[sent_start:tok.idx].strip():
            bounds = _trailing_source(ctx, tok, sent_start, sent_end)
            if bounds is None:
                continue
            start, end = bounds
        else:
            # The clause starts after the first comma that closes the "according to" phrase.
            k = tok.i + 2
            while k < len(doc) and doc[k].idx < sent_end and doc[k].text != ",":
                k += 1
            if k + 1 >= len(doc) or doc[k + 1].idx >= sent_end:
                continue
            start = doc[k + 1].idx
            end = sent_end
        text = ctx.body[start:end].rstrip(" .")
        end = start + len(text)
        if any(f.verb.idx >= start and f.verb.idx < end for f in found):
            continue
        if any(t.lower_ == "saying" or t.lemma_ in INDIRECT_VERBS and t.pos_ == "VERB"
               and _reports(t) for t in ctx.tokens_between(start, end)):
            continue  # the clause reports someone's words itself
        if end - start < 12 or not _writers_clause(ctx, start, end):
            continue
        out.append(Indirect(start, end, tok, objs[0]))
    return out


def _reports(verb) -> bool:
    """True when reporting verb ``verb`` does report words here: it has a content clause, or it is a
    plain verb of saying, or its object is a statement ("clarified the party's stand");
    "where the group maintains an office" does not."""
    return verb.lemma_.lower() in _SAY_LIKE or _clause_of(verb) is not None or any(
        c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in verb.children)


def _trailing_source(ctx, according, sent_start: int, sent_end: int) -> tuple[int, int] | None:
    """For "<clause>, according to X." the clause's offsets: the sentence up to the comma before
    "according", when the source phrase ends the sentence (no clause of its own after it)."""
    doc = ctx.doc
    if according.i == 0 or doc[according.i - 1].text != ",":
        return None  # "One of the officers, according to prison records, had ...": an aside
    for t in ctx.tokens_between(according.idx + len(according) + 1, sent_end):
        if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" or t.text in (";", "\u2014"):
            return None
    start, end = sent_start, doc[according.i - 1].idx
    dl = _DATELINE.match(ctx.body[start:end])
    if dl:
        start += dl.end()
    return (start, end) if end > start else None


def _trailing_cues(ctx, found: list[Indirect], used: set[int]) -> list[Indirect]:
    """Wire style "<statement>, U.S. officials said Monday." where the parser left the statement
    unattached: a reporting verb ending its sentence, its subject right after a comma."""
    out = []
    doc = ctx.doc
    have = {f.verb.i for f in found}
    for tok in doc:
        if tok.i in have or tok.i in used or tok.lemma_.lower() not in _SAY_LIKE or tok.pos_ != "VERB":
            continue
        if ctx.inside_quote(tok.idx) or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or _reduced_relative(subj):
            continue
        first = subj.left_edge.i
        if first == 0 or doc[first - 1].text != ",":
            continue
        sent_start, sent_end = ctx.sentence_bounds(tok.idx)
        tail_ok = True
        for t in ctx.tokens_between(tok.idx + len(tok), sent_end):
            if t.text == ",":
                break  # ", the latest in a string of tests": the writer's own addition
            if t.dep_ not in ("npadvmod", "prep", "pobj", "punct", "det", "amod", "compound", "appos", "nummod",
                              "advmod", "nmod"):
                tail_ok = False
                break
        if not tail_ok:
            continue
        start, end = sent_start, doc[first - 1].idx
        dl = _DATELINE.match(ctx.body[start:end])
        if dl:
            start += dl.end()
        text = ctx.body[start:end].rstrip(" ,")
        end = start + len(text)
        if end - start < 12 or ctx.inside_quote(start) or not _writers_clause(ctx, start, end) \
                or not _has_verb(ctx, start, end):
            continue
        out.append(Indirect(start, end, tok, subj))
    return out
