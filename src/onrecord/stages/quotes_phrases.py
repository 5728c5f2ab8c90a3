"""Noun phrases for speakers: how much of the parse around a subject names it, and tidying names.

Shared by the speaker index and the quote finders; pure functions over spaCy tokens and strings.
"""
from __future__ import annotations


def np_tokens(head):
    """The tokens of ``head``'s noun phrase without appositions, relative clauses or anything after a
    comma that follows the head (so "David Kim, a former official," gives "David Kim")."""
    cut = {"appos", "relcl", "punct", "advmod", "cc", "conj"} if head.pos_ != "NOUN" else {"appos", "relcl", "punct"}
    left = [t for t in head.lefts if t.dep_ not in ("punct", "advmod", "cc", "preconj")]
    start = min([t.left_edge.i for t in left] + [head.i])
    end = head.i
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "relcl" and head.pos_ == "NOUN" and child.left_edge.i == end + 1 \
                and doc[child.left_edge.i].lower_ in ("who", "that") and child.right_edge.i - end <= 5:
            # "the staff member who took the call": a short restrictive clause is part of the description.
            end = child.right_edge.i
            continue
        if child.dep_ in cut or child.text == ",":
            break
        end = max(end, child.right_edge.i)
    for k in range(head.i - 1, start - 1, -1):
        if doc[k].is_space:
            # A paragraph break: the parser joined the previous paragraph to this phrase.
            start = k + 1
            break
    for k in range(head.i + 1, end + 1):
        if doc[k].text in (",", "(", ";", "\u2014"):
            # "An official at the office, who spoke on condition of anonymity, ...": the clause
            # hangs from a noun inside the phrase, so cut at the first comma after the head.
            end = k - 1
            break
    while end > start and doc[end].is_punct:
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].dep_ in ("cc", "advmod")):
        start += 1
    return doc[start:end + 1]


def with_conj(head):
    """The span of a coordinated subject ("South Korea and the US", "Experts and officials")."""
    span = np_tokens(head)
    conjs = [c for c in head.rights if c.dep_ == "conj"]
    if conjs:
        last = np_tokens(conjs[-1])
        return head.doc[span.start:max(span.end, last.end)], True
    return span, False


def agentive(head) -> bool:
    """True for nouns that look like people ("backbencher", "economist", "spokeswoman")."""
    low = head.lemma_.lower()
    return low.endswith(("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "person", "people"))


def strip_article(text: str) -> str:
    """``text`` without a leading "the" (organisation names are canonical without it)."""
    return text[4:] if text[:4].lower() == "the " else text


def strip_poss(text: str) -> str:
    """``text`` without a trailing possessive ("North Korea's" -> "North Korea")."""
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def stray_subject(verb, start: int, end: int):
    """When the parser ran a sentence into the one before it (across a paragraph break or an
    unpunctuated sub-heading) and gave ``verb`` a subject outside its sentence ``[start, end)``
    (character offsets), the noun of this sentence before the verb that the parser hung elsewhere:
    the real subject ("Trevell Gaines, who ..., said" with "Gaines" made the object of the previous
    paragraph). None when there is none."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].idx >= start:
        tok = doc[k]
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not (start <= tok.head.idx < end):
            return tok
        k -= 1
    return None
