"""Merging event reports across the corpus: one happening, however many articles report it.

Copies of a story, rewrites by other outlets and follow-ups that mention an event again all code
the same happening. :func:`merge_events` groups reports by a key (event type and the pair of
parties, unordered for meetings and other joint acts) and merges each group: reports of the same
sentence in copies of one story belong together whatever their dates say; the rest are clustered by
date, so the same parties doing the same thing on another day stay a separate event. Group-by-key
then merge-each-group: the same code runs in one process, over SQLite rows grouped by
:func:`event_key`, or as a Ray ``groupby(key).map_groups(merge_group)``; the result does not depend on
the order reports arrive in.
"""
from __future__ import annotations

import collections
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Event, Party

#: Types whose parties act together, so "A met B" and "B met A" report one meeting.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Days two reports' dates may differ and still be one happening, by how the date was found.
TOLERANCE_NAMED = 1  # the sentence names the day ("on Monday", "yesterday", "April 11")
TOLERANCE_UNDATED = 3  # dated by the story's publication
TOLERANCE_WEEK = 4  # "last week", "days ago"
TOLERANCE_MONTH = 15  # "last month", "in April"
_VAGUE = re.compile(r"week|days|recent|ago|back|earlier|later", re.I)
_MONTHLY = re.compile(r"month|year|january|february|march|april|may|june|july|august|september|october|"
                      r"november|december", re.I)
_DAY_NUMBER = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of an event: the article's ``doc_id``, ``source`` and ``published`` day
    (``YYYY-MM-DD``), its duplicate ``group`` (copies of one story share it; None when it has no
    copies) and the coded :class:`~onrecord.model.Event`."""

    doc_id: str
    source: str
    published: str | None
    group: str | None
    event: Event


@dataclass(frozen=True, slots=True)
class EventMention:
    """Where a merged event is reported: the article, its day, and the sentence (``start``/``end``
    are character offsets into that article's body), with the date that report gave."""

    doc_id: str
    source: str
    published: str | None
    group: str | None
    sentence: str
    start: int
    end: int
    date: str | None
    date_text: str | None


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One happening: ``type``, ``mode``, ``context``, ``actor``, ``recipient`` and ``location`` as
    most reports give them; ``date`` the day best supported by the reports (days the text names
    outweigh days taken from the publication date); ``first`` the earliest report; ``mentions``
    every report, earliest first. ``id`` is stable: a hash of the key and the earliest report."""

    id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    actor: Party | None
    recipient: Party | None
    location: str | None
    date: str | None
    first: EventMention
    mentions: tuple[EventMention, ...]


_TITLE = re.compile(r"^(?:the|president|prime minister|minister|secretary|ambassador|envoy|general|mr|mrs|ms|dr)\s+",
                    re.I)


def party_key(party: Party | None) -> str:
    """A party's identity for merging: its country (or IGO/NGO/...) code when it has one, else its
    name in lower case without titles and punctuation; "" for no party."""
    if party is None:
        return ""
    if party.country:
        return party.country.upper()
    name = re.sub(r"[^\w\s-]", "", party.name.lower()).strip()
    previous = None
    while previous != name:
        previous, name = name, _TITLE.sub("", name)
    return name


def event_key(report: EventReport) -> str:
    """The grouping key of a report: type and party pair ("CONSULT|KOR|USA"), the pair sorted for
    symmetric types."""
    event = report.event
    actor, recipient = party_key(event.actor), party_key(event.recipient)
    if event.type in SYMMETRIC_TYPES:
        actor, recipient = sorted((actor, recipient))
    return f"{event.type}|{actor}|{recipient}"


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _mention(r: EventReport) -> EventMention:
    e = r.event
    return EventMention(r.doc_id, r.source, r.published, r.group, e.sentence, e.start, e.end, e.date, e.date_text)


def _sentence_key(r: EventReport) -> str:
    return re.sub(r"\W+", " ", r.event.sentence.lower()).strip()


def _order(r: EventReport) -> tuple:
    return (r.published or "9999", r.doc_id, r.event.start, r.event.end, r.source)


def tolerance(date_text: str | None) -> int:
    """How many days a date found from ``date_text`` may be off: a named day 1, a week 4, a month 15,
    no words (the story's date) 3."""
    if not date_text:
        return TOLERANCE_UNDATED
    if _MONTHLY.search(date_text) and not _DAY_NUMBER.search(date_text):
        return TOLERANCE_MONTH
    if _VAGUE.search(date_text):
        return TOLERANCE_WEEK
    return TOLERANCE_NAMED


@dataclass(slots=True)
class _Unit:
    """Reports that are copies of one sentence of one story (same group), with their best date and
    how far that date may be off."""

    reports: list[EventReport]
    date: dt.date | None
    slack: int


def _best_date(reports: list[EventReport]) -> tuple[dt.date | None, int]:
    """The day most reports give, a day the text names counting three times (ties go to the
    earliest), and the smallest tolerance among the reports that give it."""
    votes: collections.Counter = collections.Counter()
    for r in reports:
        day = _day(r.event.date) or _day(r.published)
        if day is not None:
            votes[day] += 3 if r.event.date_text else 1
    if not votes:
        return None, TOLERANCE_UNDATED
    best = max(votes.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0]
    slack = min(tolerance(r.event.date_text) for r in reports if (_day(r.event.date) or _day(r.published)) == best)
    return best, slack


def merge_group(reports: Iterable[EventReport]) -> list[MergedEvent]:
    """Merge reports that share one :func:`event_key` into happenings: copies of one sentence in
    one duplicate group first, then units whose days are within tolerance of a cluster's first day."""
    ordered = sorted(reports, key=_order)
    units: dict[tuple, list[EventReport]] = {}
    for r in ordered:
        key = ("g", r.group, _sentence_key(r)) if r.group else ("d", r.doc_id, r.event.start, r.event.end)
        units.setdefault(key, []).append(r)
    built = []
    for members in units.values():
        day, slack = _best_date(members)
        built.append(_Unit(members, day, slack))
    built.sort(key=lambda u: (u.date or dt.date.max, _order(u.reports[0])))
    clusters: list[list[_Unit]] = []
    for unit in built:
        if clusters:
            anchor = clusters[-1][0]
            allowed = max(unit.slack, anchor.slack)
            if unit.date is None and anchor.date is None or (
                    unit.date is not None and anchor.date is not None
                    and (unit.date - anchor.date).days <= allowed):
                clusters[-1].append(unit)
                continue
        clusters.append([unit])
    return [_merge_cluster(c) for c in clusters]


def _majority(values, default=None):
    counts = collections.Counter(v for v in values if v is not None)
    if not counts:
        return default
    return max(counts.items(), key=lambda kv: (kv[1], str(kv[0])))[0]


def _merge_cluster(cluster: list[_Unit]) -> MergedEvent:
    reports = sorted((r for u in cluster for r in u.reports), key=_order)
    events = [r.event for r in reports]
    day, _ = _best_date(reports)
    first = _mention(reports[0])
    ident = hashlib.sha1(f"{event_key(reports[0])}|{first.doc_id}|{first.start}".encode()).hexdigest()[:16]
    contexts = collections.Counter(c for e in events for c in e.context)
    return MergedEvent(
        id=ident,
        type=events[0].type,
        mode=_majority(e.mode for e in events),
        context=tuple(sorted(contexts, key=lambda c: (-contexts[c], c))),
        actor=_majority((e.actor for e in events), None),
        recipient=_majority((e.recipient for e in events), None),
        location=_majority(e.location for e in events),
        date=day.isoformat() if day else None,
        first=first,
        mentions=tuple(_mention(r) for r in reports),
    )


def merge_events(reports: Iterable[EventReport]) -> list[MergedEvent]:
    """Merge event reports from many articles into one :class:`MergedEvent` per happening.

    Reports are grouped by :func:`event_key` and each group is merged by :func:`merge_group`; the
    result is sorted by date, then id, and is the same for any order of ``reports``.
    """
    groups: dict[str, list[EventReport]] = collections.defaultdict(list)
    for report in reports:
        groups[event_key(report)].append(report)
    merged = [m for key in sorted(groups) for m in merge_group(groups[key])]
    return sorted(merged, key=lambda m: (m.date or "9999", m.id))
