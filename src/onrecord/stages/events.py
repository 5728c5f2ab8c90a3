"""The events stage: who did what to whom, when and where, coded in PLOVER (see ``EVENTS.md``).

A dictionary-and-parse coder in the tradition of TABARI and PETRARCH: CAMEO verb patterns matched on
spaCy's dependency parse, converted to PLOVER with corrections, read in their frame (negation,
modality, governing verbs, reported speech), with actors named as the text names them, persons by
the full names the quotes stage uses, and countries from the Phoenix actor dictionaries.
"""
from __future__ import annotations

from ..dates import parse_iso_date
from ..model import Document
from ..coder.extract import code_document
from ..coder.parties import DocContext, clean_name


def _context(doc: Document, nlp_doc) -> DocContext:
    ctx = DocContext()
    ctx.remember_people(nlp_doc)
    for quote in doc.quotes or []:
        if not quote.speaker:
            continue
        speaker = clean_name(quote.speaker)
        words = speaker.split()
        if len(words) >= 2:
            # the quotes stage's canonical names win over what the entity tagger found
            ctx.people[words[-1].lower()] = speaker
        start = quote.sentence_start if quote.sentence_start is not None else quote.start
        end = quote.sentence_end if quote.sentence_end is not None else quote.end
        ctx.speakers.append((min(start, quote.start), max(end, quote.end), speaker))
    return ctx


def extract_events(doc: Document) -> Document:
    """Set ``doc.events``: the PLOVER events that ``doc.body`` reports, in body order.

    Reads ``doc.nlp`` (the spaCy Doc of exactly ``doc.body``; parsed here with
    :func:`onrecord.nlp.load_nlp` when absent), ``doc.published`` (else ``doc.page_date``) as the date
    that relative time words resolve against, and ``doc.quotes`` for speakers' canonical names.
    Each event's ``start``/``end`` are character offsets of its sentence in ``doc.body``.
    """
    if not doc.body:
        doc.events = []
        return doc
    nlp_doc = doc.nlp
    if nlp_doc is None or nlp_doc.text != doc.body:
        from ..nlp import load_nlp

        nlp_doc = load_nlp()(doc.body)
        doc.nlp = nlp_doc
    anchor = parse_iso_date(doc.published) or parse_iso_date(doc.page_date)
    doc.events = code_document(nlp_doc, doc.body, anchor, _context(doc, nlp_doc))
    return doc
