"""The types that move through onrecord's pipeline.

One :class:`Document` travels through the per-document stages. ``clean`` writes ``doc.body`` once;
every later :class:`Mention`, :class:`Quote` and :class:`Event` points into that body by character
offsets (``body[start:end]``), so anything shown later can highlight its evidence in the article.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

#: Document statuses of the extraction contract.
OK, SKIPPED, ERROR = "ok", "skipped", "error"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity in the body.

    ``start``/``end`` are character offsets into ``Document.body``; ``label`` is spaCy's entity label
    (``PERSON``, ``ORG``, ``GPE``, ``NORP``, ``DATE`` ...).
    """

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement reported in the body.

    ``text`` is ``body[start:end]``: for ``direct`` and ``partial`` the words inside the quotation
    marks, for ``indirect`` the reported content clause. ``speaker`` is the canonical name (a full
    name, an organisation, or the article's description of an unnamed source); ``speaker_mention``
    is the words at this quote that name the speaker ("Kirby", "he", "the official").
    ``sentence_start``/``sentence_end`` delimit the evidence sentence in the body (characters).
    """

    text: str
    kind: str  # direct | partial | indirect
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    cue: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    confidence: float = 1.0

    def to_contract(self) -> dict[str, Any]:
        """The quote as ``CONTRACT.md`` spells it (plus the extra, allowed fields)."""
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention or "",
            "speaker_role": self.speaker_role,
            "speaker_affiliation": self.speaker_affiliation,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Party:
    """An event's actor or recipient: canonical ``name`` and ISO 3166-1 alpha-3 ``country``
    (or ``IGO``/``NGO``/``IMG``; None when unknown)."""

    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event reported in the body (see ``EVENTS.md``).

    ``sentence`` is ``body[start:end]``. ``date`` is ISO ``YYYY-MM-DD`` resolved against the story's
    published date, ``date_text`` the words that dated it.
    """

    type: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: Party | None = None
    recipient: Party | None = None
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    negated: bool = False
    confidence: float = 1.0

    def to_contract(self) -> dict[str, Any]:
        """The event as ``EVENTS.md`` spells it."""
        party = lambda p: None if p is None else {"name": p.name, "country": p.country}  # noqa: E731
        return {
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": party(self.actor),
            "recipient": party(self.recipient),
            "date": self.date,
            "date_text": self.date_text,
            "location": self.location,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Document:
    """One input document on its way through the per-document stages.

    Readers fill the identity and raw fields; ``clean`` fills ``body`` (and ``removed``); the later
    stages fill metadata, mentions, quotes and events. ``status`` is ``ok`` until a stage drops the
    document (``skipped`` with a snake_case ``reason``) or it fails (``error``).
    """

    source: str  #: the input's path as given; ``path#id`` for a record inside a WARC or JSONL file
    doc_id: str  #: content hash of the raw input (hex); the same bytes always give the same id
    fmt: str  #: ``text`` or ``html``: what ``raw`` holds
    raw: str = ""  #: the decoded input (mojibake repaired for text)
    seq: int = 0  #: position of the document in the run's input order
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)  #: title/date/outlet given by a container
    status: str = OK
    reason: str | None = None
    language: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)
    dateline: str | None = None
    page_date: str | None = None  #: ``YYYY-MM-DD`` the page shows
    published: str | None = None  #: ``YYYY-MM-DD`` best estimate of first publication
    published_confidence: float = 0.0
    repost_suspected: bool = False
    body: str = ""  #: clean body, paragraphs separated by one blank line
    removed: list[str] = field(default_factory=list)  #: lines the cleaning removed, in order
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicate_of: str | None = None
    notes: dict[str, Any] = field(default_factory=dict)  #: stage diagnostics (kept in the store)
    nlp: Any = None  #: the spaCy ``Doc`` of ``body`` while stages run; never stored or sent

    @property
    def ok(self) -> bool:
        return self.status == OK

    def drop(self, reason: str, status: str = SKIPPED) -> "Document":
        """Mark the document dropped with a stable snake_case ``reason`` and return it."""
        self.status, self.reason = status, reason
        return self

    def to_contract(self) -> dict[str, Any]:
        """The document as one line of the extraction contract (``CONTRACT.md``)."""
        return {
            "source": self.source,
            "status": self.status,
            "reason": self.reason,
            "language": self.language,
            "title": self.title,
            "authors": list(self.authors),
            "outlet": self.outlet,
            "agencies": list(self.agencies),
            "dateline": self.dateline,
            "page_date": self.page_date,
            "published": self.published,
            "published_confidence": round(float(self.published_confidence), 3),
            "repost_suspected": bool(self.repost_suspected),
            "body": self.body,
            "quotes": [q.to_contract() for q in self.quotes],
            "events": [e.to_contract() for e in self.events],
            "duplicate_of": self.duplicate_of,
        }

    def portable(self) -> "Document":
        """A copy without the transient spaCy ``Doc`` and raw input, small enough to send between
        processes."""
        return dataclasses.replace(self, nlp=None, raw="")
