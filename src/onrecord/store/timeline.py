"""The timeline: statements and events from a store in date order, each with its evidence.

A page holds up to ``limit`` entries after a position (``after``, from the previous page's
``next_after``). Statements and events are read by key from their own ``(date, id)`` indexes and
merged, so paging costs the same on page 1 and page 2,000. Every entry carries ``link``: the
article and the anchor of the sentence that is its evidence.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from . import views
from .db import Store
from .views import Filters, FilterError

#: What a timeline can show.
SHOWS = ("all", "statements", "events")
#: Counts stop at this many rows, so a page never counts the whole store.
COUNT_CAP = 10_000


@dataclass
class TimelinePage:
    """One page of the timeline.

    ``entries`` are dicts with ``entry`` (``statement`` or ``event``), ``date`` (``YYYY-MM-DD`` or
    None), ``date_confidence`` (0 to 1) and ``link`` (``/articles/ID#q-QUOTE`` or ``#e-MENTION``);
    ``next_after`` is the position of the next page (None on the last one); ``total`` counts the
    matching entries up to :data:`COUNT_CAP` each for statements and events (``total_capped``).
    """

    entries: list[dict] = field(default_factory=list)
    next_after: str | None = None
    total: int = 0
    total_capped: bool = False

    def days(self) -> list[tuple[str | None, list[dict]]]:
        """The entries grouped by day, in page order."""
        return group_by_day(self.entries)

    def as_dict(self) -> dict[str, Any]:
        return {"entries": self.entries, "next_after": self.next_after, "total": self.total,
                "total_capped": self.total_capped}


def evidence_link(entry: dict) -> str | None:
    """Where an entry's evidence is: the article page anchored on the quote or event sentence."""
    if not entry.get("doc_id"):
        return None
    if entry["entry"] == "statement":
        return f"/articles/{entry['doc_id']}" + (f"#q-{entry['quote_id']}" if entry.get("quote_id") else "")
    return f"/articles/{entry['doc_id']}" + (f"#e-{entry['mention_id']}" if entry.get("mention_id") else "")


def _sort_key(entry: dict) -> tuple[str, str]:
    return entry["date"] or "", entry["id"]


def merge_entries(groups: Iterable[list[dict]], limit: int, newest_first: bool) -> tuple[list[dict], bool]:
    """Merge pages of entries (each in timeline order) into the first ``limit``; also whether more
    entries were left over."""
    rows = list(itertools.chain.from_iterable(groups))
    dated = sorted((r for r in rows if r["date"]), key=_sort_key, reverse=newest_first)
    undated = sorted((r for r in rows if not r["date"]), key=lambda r: r["id"])
    merged = dated + undated
    return merged[:limit], len(merged) > limit


def kinds_shown(show: str, f: Filters) -> list[str]:
    """Which of statements and events a timeline with ``show`` and filters ``f`` lists."""
    if show not in SHOWS:
        raise FilterError(f"show={show!r}: use one of {', '.join(SHOWS)}")
    kinds = ["statements", "events"] if show == "all" else [show]
    if f.type:  # an event type narrows the timeline to events
        kinds = [k for k in kinds if k == "events"]
    return kinds


def timeline(store: Store, f: Filters | None = None, *, after: str | None = None, limit: int = 50,
             newest_first: bool = False, show: str = "all", count: bool = True,
             memo: Callable[[tuple, Callable[[], int]], int] | None = None) -> TimelinePage:
    """A page of up to ``limit`` (1 to 500) entries matching ``f`` after the position ``after``.

    ``count=False`` leaves ``total`` at 0; ``memo(key, compute)`` may return a remembered count
    (the counts do not depend on the position). Raises :class:`FilterError` for a malformed
    position, date or filter.
    """
    f = f or Filters()
    if not 1 <= int(limit) <= 500:
        raise FilterError(f"limit={limit}: use 1 to 500")
    position = views.decode_cursor(after)
    kinds = kinds_shown(show, f)
    groups = [views.page_keys(store, kind, f, after=position, limit=limit + 1, newest_first=newest_first)
              for kind in kinds]
    keys, more = merge_entries([[k._asdict() for k in g] for g in groups], limit, newest_first)
    # Only the rows shown are read in full, each kind in one query, then put back in order.
    full = {}
    for kind in kinds:
        rowids = [k["rowid"] for k in keys if k["kind"] == kind]
        full.update({(kind, r): e for r, e in zip(rowids, views.rows_of(store, kind, rowids))})
    entries = [full[(k["kind"], k["rowid"])] for k in keys]
    for entry in entries:
        entry["link"] = evidence_link(entry)
    out = TimelinePage(entries=entries)
    if more and entries:
        out.next_after = views.encode_cursor(entries[-1]["date"], entries[-1]["id"])
    if count:
        memo = memo or (lambda key, compute: compute())
        counts = [memo(("count", kind, f), lambda kind=kind: views.count(store, kind, f, cap=COUNT_CAP))
                  for kind in kinds]
        out.total = sum(counts)
        out.total_capped = any(n >= COUNT_CAP for n in counts)
    return out


def group_by_day(entries: Iterable[dict]) -> list[tuple[str | None, list[dict]]]:
    """Consecutive entries of the same date as ``(date, entries)``; None for undated entries."""
    return [(day, list(items)) for day, items in itertools.groupby(entries, key=lambda e: e["date"] or None)]


def speaker(store: Store, actor_id: str, *, after: str | None = None, limit: int = 50,
            events_limit: int = 50) -> dict | None:
    """An actor's record: the actor (with ``n_statements`` and ``n_events``), statements per month,
    a page of their statements in date order and their first ``events_limit`` events (as actor or
    recipient; ``events.next_after`` continues them on the timeline). None when the id is unknown."""
    who = views.actor(store, actor_id)
    if who is None:
        return None
    page = timeline(store, Filters(actor=actor_id), after=after, limit=limit, show="statements", count=False)
    page.total = who["n_statements"]
    said = views.activity(store, actor_id)
    events, did, n_events = views.actor_events(store, actor_id, limit=events_limit) if who["n_events"] else ([], {}, 0)
    for entry in events:
        entry["link"] = evidence_link(entry)
    more = views.encode_cursor(events[-1]["date"], events[-1]["id"]) if n_events > len(events) else None
    activity = [{"month": m, "statements": said.get(m, 0), "events": did.get(m, 0)} for m in sorted(said.keys() | did.keys())]
    return {"actor": who, "activity": activity, "statements": page.as_dict(),
            "events": TimelinePage(entries=events, next_after=more, total=n_events).as_dict()}
