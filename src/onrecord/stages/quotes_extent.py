"""How far a reported statement runs: where the parser's clause stops short of the speaker's words, and
where it runs on into the writer's own.

:func:`statement_end` takes the token range the parse gives a content clause and returns its last
token, after two kinds of repair, each a bounded walk over the clause's own tokens:

- **extend** over parts the parser hung on the reporting verb instead: a second content clause
  ("said he pressed his team ..., then trimmed ..."), a list item ("because of A, B and C"), and a
  contrast that goes on reporting the same speaker's mind ("..., but he did worry there would be ...");
- **cut** the writer's additions: a contrast with someone else (", while the League condemned ..."),
  the circumstances of speaking (", as he deflected attacks"), background on the last noun
  (", who have long refused ...", ", for which they were known as ..."), a comment after a dash
  ("— and in some cases, he is right") and an action of the speaker the parser joined to the clause
  ("he had watched the hearing and slammed it": "slammed" cannot share "had").
"""
from __future__ import annotations

from .quotes_lex import SPEECH_VERBS

_SUBJ = ("nsubj", "nsubjpass")
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_DASHES = ("\u2014", "\u2013", "--")
_CLOSING = ('"', "\u201d", "'", "\u2019")


def _has_subject(tok) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)


def _only_glue(doc, a: int, b: int) -> bool:
    """True when tokens ``a..b-1`` are only punctuation and conjunctions (or there are none)."""
    return all(doc[k].is_punct or doc[k].pos_ == "CCONJ" or doc[k].lower_ == "then" for k in range(a, b))


def _extend(clause, verb, hi: int) -> int:
    doc = verb.doc
    nxt = doc[hi + 1] if hi + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ in ("aux", "auxpass") and nxt.head.i > hi and not _has_subject(nxt.head):
        # "until next of kin could be told": the parser took the subject into the clause and hung
        # its verb elsewhere; the verb ends the statement.
        hi = nxt.head.right_edge.i
    for child in verb.rights:
        if child.i <= hi or child.right_edge.i <= hi or child.dep_ in ("punct", "cc"):
            continue
        if not _only_glue(doc, hi + 1, child.left_edge.i):
            break
        if child.dep_ == "ccomp" and child.i > clause.i:
            hi = child.right_edge.i  # "said he pressed ..., then trimmed ... and asked ..."
        elif child.dep_ in ("dep", "appos") and child.pos_ in ("NOUN", "PROPN") and doc[child.left_edge.i - 1].text == ",":
            hi = child.right_edge.i  # "because of A, B and C" with B hung on the verb
        elif child.dep_ == "conj" and _continues_report(child, verb):
            hi = child.right_edge.i
        else:
            break
    return hi


def _continues_report(conj, verb) -> bool:
    """'He said A, but he did worry there would be B': a contrast whose subject is a pronoun for the
    speaker and which reports a further thought (it has a content clause)."""
    doc = conj.doc
    but = any(doc[k].lower_ == "but" for k in range(verb.i + 1, conj.i))
    subj = next((c for c in conj.children if c.dep_ in _SUBJ), None)
    return but and subj is not None and subj.lower_ in ("he", "she", "they") and any(
        c.dep_ == "ccomp" for c in conj.children)


def _cut(clause, lo: int, hi: int) -> int:
    doc = clause.doc
    in_quote = 0
    for k in range(lo + 1, hi + 1):
        tok, prev = doc[k], doc[k - 1]
        if tok.text in ('"', "\u201c", "\u201d"):
            in_quote ^= 1
        if in_quote:
            continue
        if prev.text == "," and tok.lower_ in ("while", "whereas") and _has_subject(tok.head):
            return k - 2
        if prev.text == "," and tok.lower_ == "as" and tok.dep_ == "mark" and _has_subject(tok.head):
            return k - 2
        if prev.text in _DASHES and tok.pos_ == "CCONJ":
            return k - 2
        if prev.text == "," and _background_relative(tok, hi):
            return k - 2
        if prev.text in _CLOSING and doc[k - 2].text == "," and _closing_cue(tok, hi):
            return k - 1  # 'he said, "...," the office said': up to the quotation's closing mark
        if prev.text == "," and _closing_cue(tok, hi):
            return k - 2
        if tok.pos_ == "CCONJ" and tok.lower_ == "and" and k + 1 <= hi and _own_action(doc[k + 1]):
            return k - 1
    return hi


def _background_relative(tok, hi: int) -> bool:
    """", who have long refused ..." / ", for which they were known ...": a relative clause on the
    last noun that runs to the end and says nothing in the speaker's first person."""
    doc = tok.doc
    pron = tok if tok.lower_ in ("who", "which") else None
    if pron is None and tok.pos_ == "ADP" and tok.i + 1 <= hi and doc[tok.i + 1].lower_ == "which":
        pron = doc[tok.i + 1]
    if pron is None:
        return False
    rel = pron
    while rel.dep_ != "relcl" and rel.head is not rel and rel.i <= hi:
        rel = rel.head
    if rel.dep_ != "relcl" or rel.right_edge.i < hi:
        return False
    return not any(doc[k].lower_ in _FIRST_PERSON for k in range(tok.i, hi + 1))


def _closing_cue(tok, hi: int) -> bool:
    """'..., the U.S. attorney's office said' closing the clause: the sentence's own cue, which the
    parser took into the clause."""
    doc = tok.doc
    for k in range(tok.i, min(hi, tok.i + 12) + 1):
        verb = doc[k]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH_VERBS:
            subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), None)
            return subj is not None and subj.left_edge.i == tok.i and not any(
                doc[j].pos_ == "VERB" for j in range(verb.i + 1, hi + 1))
    return False


def _own_action(tok) -> bool:
    """A speech act in the past with no subject joined to a clause whose verb has an auxiliary: "he
    had watched the hearing and slammed it as a disgrace", "they were treated well and asked their
    governments to help": the speaker's own act, told by the writer ("have taken their toll and
    compromised security" shares its auxiliary and stays)."""
    if tok.dep_ != "conj" or tok.tag_ != "VBD" or _has_subject(tok) or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    head = tok.head
    return head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") for c in head.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def statement_end(clause, verb, lo: int, hi: int) -> int:
    """The last token of a content clause that runs from token ``lo`` to ``hi`` after its reporting
    verb ``verb`` (``clause`` is the clause's head), with the repairs described above."""
    return _cut(clause, lo, _extend(clause, verb, hi))
