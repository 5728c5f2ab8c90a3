"""Read queries behind the timeline, the speaker and article pages, search and exports.

Every user value reaches SQL as a parameter. Lists are paged by key (``date``, ``id``) on the
``(date, id)`` indexes, so a page deep into 100,000 rows costs what the first page costs: dated rows
come first (oldest or newest first), undated rows after them by id.
"""
from __future__ import annotations

import bisect
import dataclasses
import json
import re
import sqlite3
import string
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..errors import OnrecordError
from .db import Store
from .queries import as_dict, fts_query

#: Marks around matched words in search snippets: control characters that never survive cleaning,
#: so the web layer can escape the text first and then turn them into ``<mark>``.
MARK_START, MARK_END = "\x02", "\x03"

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CURSOR = re.compile(r"^([0-9A-Za-z:.+-]{0,40})~([0-9A-Za-z_-]{1,64})$")


class FilterError(OnrecordError, ValueError):
    """A filter value is malformed, or the filter does not apply to what is listed."""


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed to. Text filters match substrings, case-insensitively; ``since`` and
    ``until`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and include their whole period."""

    speaker: str | None = None  #: a speaker's (or event party's) name or alias contains this
    actor: str | None = None  #: exactly this actor id
    affiliation: str | None = None  #: the actor's affiliation contains this
    outlet: str | None = None  #: one of the reporting outlets contains this
    since: str | None = None
    until: str | None = None
    q: str | None = None  #: words (``"phrases"`` kept whole) in the text
    type: str | None = None  #: event type (events only)
    doc: str | None = None  #: reported by this document id

    def __post_init__(self):
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise FilterError(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")

    @classmethod
    def of(cls, **values: Any) -> "Filters":
        """Filters from keyword values, blanks dropped; unknown names raise :class:`FilterError`."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - names)
        if unknown:
            raise FilterError(f"unknown filter {unknown[0]!r}; known: {', '.join(sorted(names))}")
        return cls(**{k: (v.strip() or None) if isinstance(v, str) else v for k, v in values.items()})

    def given(self) -> dict[str, str]:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in _FIELDS if getattr(self, f.name)}

    @property
    def until_inclusive(self) -> str | None:
        """``until`` padded so that a string comparison includes its whole month or year."""
        if not self.until:
            return None
        return self.until + "-99" * (2 - self.until.count("-"))


_FIELDS = dataclasses.fields(Filters)


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own ``%`` and ``_`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_ACTOR_BY_NAME = "SELECT id FROM actors WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'"
_ACTOR_BY_AFFIL = "SELECT id FROM actors WHERE affiliation LIKE ? ESCAPE '\\'"
#: Actor ids given as one JSON array parameter (from :class:`ActorDirectory`).
_GIVEN_IDS = "SELECT value FROM json_each(?)"


# -- actors by name, in memory ----------------------------------------------------------------

#: What SQLite's LIKE ignores: the case of ASCII letters only.
_ASCII_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class ActorDirectory:
    """Every actor's id, statement and event counts, and the text a speaker or affiliation filter
    matches (name and stored aliases text; affiliation), read from the store in one query.

    A filter's actors are then found by one substring search over all names instead of a LIKE scan
    of the actors table per query: a speaker filter's timeline page asked for its actors four
    times (the plan's estimate, statements, events as actor and as recipient). :meth:`matching`
    finds exactly the actors ``name LIKE '%text%' OR aliases LIKE '%text%'`` finds (ASCII case
    ignored, as LIKE does); it returns None for text that LIKE reads differently (a NUL stops a
    LIKE pattern), so that the caller lets SQL look.
    """

    #: Between actors (and between an actor's name and aliases) in the joined text: a needle
    #: without it can only match inside one actor's name or aliases.
    SEP = "\n"

    def __init__(self, rows: list[tuple[str, str, str | None, str | None, int, int]]):
        self.ids = [r[0] for r in rows]
        self.position = {actor_id: i for i, actor_id in enumerate(self.ids)}
        self.n_statements = [r[4] or 0 for r in rows]
        self.n_events = [r[5] or 0 for r in rows]
        self._text: dict[str, tuple[str, list[int]]] = {}
        for field, parts in (("speaker", [f"{r[1] or ''}{self.SEP}{r[2] or ''}" for r in rows]),
                             ("affiliation", [r[3] or "" for r in rows])):
            starts, pos = [], 0
            for part in parts:
                starts.append(pos)
                pos += len(part) + 1
            text = self.SEP.join(parts).translate(_ASCII_FOLD)
            self._text[field] = (text, starts)
        self.usable = not any("\x00" in text for text, _ in self._text.values())
        self.recipient_index = False

    @classmethod
    def read(cls, store: Store) -> "ActorDirectory":
        rows = store.conn.execute("SELECT id, name, aliases, affiliation, n_statements, n_events FROM actors").fetchall()
        out = cls([tuple(r) for r in rows])
        out.recipient_index = store.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql LIKE '%recipient_id%'"
        ).fetchone() is not None
        return out

    def matching(self, field: str, needle: str) -> list[int] | None:
        """Positions (into :attr:`ids`) of the actors whose ``field`` (``speaker``: name or
        aliases; ``affiliation``) contains ``needle``, in store order; None when only SQL can say."""
        if not self.usable or not needle or "\x00" in needle:
            return None
        text, starts = self._text[field]
        needle = needle.translate(_ASCII_FOLD)
        if self.SEP in needle:
            return None
        out: list[int] = []
        pos = text.find(needle)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            out.append(i)
            if i + 1 >= len(starts):
                break
            pos = text.find(needle, starts[i + 1])
        return out


_DIRECTORIES: "weakref.WeakKeyDictionary[Store, tuple[tuple[int, int], ActorDirectory]]" = weakref.WeakKeyDictionary()
_DIRECTORIES_LOCK = threading.Lock()


def actor_directory(store: Store) -> ActorDirectory:
    """The store's :class:`ActorDirectory`, read once per connection and read again whenever the
    store has changed since: another connection committed (``PRAGMA data_version``, which is how
    a server holding the store read-only sees a new ingest) or this one wrote (``total_changes``)."""
    version = (store.conn.execute("PRAGMA data_version").fetchone()[0], store.conn.total_changes)
    with _DIRECTORIES_LOCK:
        held = _DIRECTORIES.get(store)
    if held is not None and held[0] == version:
        return held[1]
    directory = ActorDirectory.read(store)
    with _DIRECTORIES_LOCK:
        _DIRECTORIES[store] = (version, directory)
    return directory


class _Actors:
    """How a where clause finds a name or affiliation filter's actors: a JSON array of their ids
    from the :class:`ActorDirectory` when a store is given, else a LIKE subquery."""

    def __init__(self, store: Store | None):
        self.directory = actor_directory(store) if store is not None else None
        self._found: dict[tuple[str, str], str | None] = {}

    def _ids(self, field: str, text: str) -> str | None:
        if (field, text) not in self._found:
            found = self.directory.matching(field, text) if self.directory else None
            self._found[field, text] = None if found is None else json.dumps([self.directory.ids[i] for i in found])
        return self._found[field, text]

    def by_name(self, text: str, params: list) -> str:
        """The subquery of the actors whose name or aliases contain ``text``; its parameters go to ``params``."""
        ids = self._ids("speaker", text)
        if ids is None:
            params += [_like(text)] * 2
            return _ACTOR_BY_NAME
        params.append(ids)
        return _GIVEN_IDS

    def by_affiliation(self, text: str, params: list) -> str:
        """The subquery of the actors whose affiliation contains ``text``; its parameter goes to ``params``."""
        ids = self._ids("affiliation", text)
        if ids is None:
            params.append(_like(text))
            return _ACTOR_BY_AFFIL
        params.append(ids)
        return _GIVEN_IDS

#: Filters each listable kind understands.
APPLIES: dict[str, frozenset[str]] = {
    "statements": frozenset({"speaker", "actor", "affiliation", "outlet", "since", "until", "q", "doc"}),
    "events": frozenset({"speaker", "actor", "affiliation", "outlet", "since", "until", "q", "type", "doc"}),
    "quotes": frozenset({"speaker", "actor", "affiliation", "outlet", "since", "until", "q", "doc"}),
    "actors": frozenset({"speaker", "actor", "affiliation", "since", "until"}),
    "documents": frozenset({"speaker", "actor", "outlet", "since", "until", "q", "doc"}),
}


def check_applies(kind: str, f: Filters) -> None:
    """Raise :class:`FilterError` when a filter set in ``f`` means nothing for ``kind``."""
    extra = sorted(set(f.given()) - APPLIES[kind])
    if extra:
        raise FilterError(f"filter {extra[0]!r} does not apply to {kind}; use {', '.join(sorted(APPLIES[kind]))}")


def _words(column: str, text: str, where: list[str], params: list) -> None:
    """Each word (or quoted phrase) of ``text`` must occur in ``column`` (tables without FTS;
    LIKE ignores the case of ASCII letters)."""
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', text):
        where.append(f"{column} LIKE ? ESCAPE '\\'")
        params.append(_like(phrase or word))


def where_clause(kind: str, f: Filters, store: Store | None = None) -> tuple[str, list]:
    """The WHERE clause over the kind's main table (``s``, ``e``, ``q``, ``a``, ``d``) and its
    parameters. Only the main table is referenced, so counts need no joins. With ``store``, the
    actors a speaker or affiliation filter names are looked up in its :func:`actor_directory` and
    given as ids; without, a subquery finds them (the same actors either way)."""
    check_applies(kind, f)
    where: list[str] = []
    params: list = []
    actors = _Actors(store if (f.speaker or f.affiliation) and kind != "actors" else None)
    until = f.until_inclusive
    if kind == "statements":
        if f.speaker:
            where.append(f"(s.actor_id IN ({actors.by_name(f.speaker, params)})"
                         " OR (s.actor_id IS NULL AND s.speaker LIKE ? ESCAPE '\\'))")
            params.append(_like(f.speaker))
        if f.actor:
            where.append("s.actor_id = ?")
            params.append(f.actor)
        if f.affiliation:
            where.append(f"s.actor_id IN ({actors.by_affiliation(f.affiliation, params)})")
        if f.outlet:
            where.append("s.outlets LIKE ? ESCAPE '\\'")
            params.append(_like(f.outlet))
        if f.q and fts_query(f.q):
            where.append("s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
            params.append(fts_query(f.q))
        if f.doc:
            where.append("s.id IN (SELECT statement_id FROM quotes WHERE doc_id = ?)")
            params.append(f.doc)
        date = "s.date"
    elif kind == "events":
        if f.speaker:
            # Each OR term can use an index on its id column (unlinked names have a NULL id).
            as_actor = actors.by_name(f.speaker, params)
            as_recipient = actors.by_name(f.speaker, params)
            where.append(f"(e.actor_id IN ({as_actor}) OR e.recipient_id IN ({as_recipient})"
                         " OR (e.actor_id IS NULL AND e.actor LIKE ? ESCAPE '\\')"
                         " OR (e.recipient_id IS NULL AND e.recipient LIKE ? ESCAPE '\\'))")
            params += [_like(f.speaker)] * 2
        if f.actor:
            where.append("(e.actor_id = ? OR e.recipient_id = ?)")
            params += [f.actor, f.actor]
        if f.affiliation:
            where.append(f"e.actor_id IN ({actors.by_affiliation(f.affiliation, params)})")
        if f.outlet:
            where.append("e.outlets LIKE ? ESCAPE '\\'")
            params.append(_like(f.outlet))
        if f.q:
            _words("e.sentence", f.q, where, params)
        if f.type:
            where.append("e.type = ?")
            params.append(f.type.upper())
        if f.doc:
            where.append("e.id IN (SELECT event_id FROM event_mentions WHERE doc_id = ?)")
            params.append(f.doc)
        date = "e.date"
    elif kind == "quotes":
        if f.speaker:
            where.append(f"(q.actor_id IN ({actors.by_name(f.speaker, params)}) OR q.speaker LIKE ? ESCAPE '\\')")
            params.append(_like(f.speaker))
        if f.actor:
            where.append("q.actor_id = ?")
            params.append(f.actor)
        if f.affiliation:
            where.append(f"q.actor_id IN ({actors.by_affiliation(f.affiliation, params)})")
        if f.outlet:
            where.append("q.doc_id IN (SELECT id FROM documents WHERE outlet LIKE ? ESCAPE '\\')")
            params.append(_like(f.outlet))
        if f.q:
            _words("q.text", f.q, where, params)
        if f.doc:
            where.append("q.doc_id = ?")
            params.append(f.doc)
        if f.since or until:
            where.append("q.doc_id IN (SELECT id FROM documents WHERE story_date >= ? AND story_date <= ?)")
            params += [f.since or "", until or "9999"]
        date = None
    elif kind == "actors":
        if f.speaker:
            where.append("(a.name LIKE ? ESCAPE '\\' OR a.aliases LIKE ? ESCAPE '\\')")
            params += [_like(f.speaker)] * 2
        if f.actor:
            where.append("a.id = ?")
            params.append(f.actor)
        if f.affiliation:
            where.append("a.affiliation LIKE ? ESCAPE '\\'")
            params.append(_like(f.affiliation))
        # Active at some time in the period: the actor's span overlaps it.
        if f.since:
            where.append("a.last_date >= ?")
            params.append(f.since)
        if until:
            where.append("a.first_date <= ?")
            params.append(until)
        date = None
    elif kind == "documents":
        if f.speaker:
            where.append(f"d.id IN (SELECT doc_id FROM quotes WHERE actor_id IN ({actors.by_name(f.speaker, params)}))")
        if f.actor:
            where.append("d.id IN (SELECT doc_id FROM quotes WHERE actor_id = ?)")
            params.append(f.actor)
        if f.outlet:
            where.append("d.outlet LIKE ? ESCAPE '\\'")
            params.append(_like(f.outlet))
        if f.q and fts_query(f.q):
            where.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(f.q))
        if f.doc:
            where.append("d.id = ?")
            params.append(f.doc)
        date = "coalesce(d.story_date, d.published)"
    else:
        raise FilterError(f"cannot list {kind!r}; use one of {', '.join(APPLIES)}")
    if date and f.since:
        where.append(f"{date} >= ?")
        params.append(f.since)
    if date and until:
        where.append(f"{date} <= ?")
        params.append(until)
    return " AND ".join(where) or "1 = 1", params


# -- keyset paging ----------------------------------------------------------------------------

def encode_cursor(date: str | None, row_id: str) -> str:
    """The position after a row, for ``after=``: ``DATE~ID`` (``~ID`` for an undated row)."""
    return f"{date or ''}~{row_id}"


def decode_cursor(cursor: str | None) -> tuple[str | None, str] | None:
    """``(date or None, id)`` from :func:`encode_cursor`'s text; :class:`FilterError` if malformed."""
    if not cursor:
        return None
    m = _CURSOR.match(cursor)
    if not m:
        raise FilterError(f"after={cursor!r} is not a position from a 'next' link")
    return (m.group(1) or None), m.group(2)


_STATEMENT_COLUMNS = (
    "SELECT s.rowid AS _rowid, 'statement' AS entry, s.id, s.date, s.date_confidence, s.text, s.kind, s.speaker_role, s.n_reports,"
    " s.outlets, s.first_doc_id AS doc_id, s.first_quote_id AS quote_id, s.actor_id,"
    " coalesce(a.name, s.speaker) AS speaker, a.affiliation"
    " FROM statements s LEFT JOIN actors a ON a.id = s.actor_id")
_EVENT_COLUMNS = (
    "SELECT e.rowid AS _rowid, 'event' AS entry, e.id, e.date, e.date_confidence, e.type, e.mode, e.context, e.location, e.sentence,"
    " e.n_reports, e.outlets, e.first_doc_id AS doc_id, e.first_mention_id AS mention_id, e.actor_id,"
    " coalesce(a.name, e.actor) AS actor, e.actor_country, e.recipient_id, coalesce(r.name, e.recipient) AS recipient,"
    " e.recipient_country, a.affiliation"
    " FROM events e LEFT JOIN actors a ON a.id = e.actor_id LEFT JOIN actors r ON r.id = e.recipient_id")
_PAGED = {"statements": ("s", _STATEMENT_COLUMNS), "events": ("e", _EVENT_COLUMNS)}


def page(store: Store, kind: str, f: Filters, *, after: tuple[str | None, str] | None = None, limit: int = 50,
         newest_first: bool = False) -> list[dict]:
    """Up to ``limit`` statements or events (``kind``) after the position ``after``, dated rows
    first (oldest first, or newest first) and then undated ones by id."""
    return rows_of(store, kind, [k.rowid for k in page_keys(store, kind, f, after=after, limit=limit,
                                                               newest_first=newest_first)])


class Key(NamedTuple):
    """Where a listed row sits in the timeline's order, and how to read it in full."""

    date: str | None
    id: str
    kind: str
    rowid: int


def page_keys(store: Store, kind: str, f: Filters, *, after: tuple[str | None, str] | None = None,
              limit: int = 50, newest_first: bool = False) -> list[Key]:
    """The keys of :func:`page`'s rows, in order. The order is found on the ``(date, id)`` index
    alone, so sorting a filter's thousands of matches moves small records, not joined rows; the
    caller reads in full (:func:`rows_of`) only the rows it shows."""
    alias, _ = _PAGED[kind]
    table = f"{kind} {alias}"
    if kind == "events" and _scan_events(store, f, limit):
        table += " NOT INDEXED"
    elif _walk_dates(store, f, kind):
        table += f" INDEXED BY {kind}_date"
    where, params = where_clause(kind, f, store)
    cols = f"{alias}.date, {alias}.id, '{kind}', {alias}.rowid"
    keys: list[Key] = []
    if after is None or after[0] is not None:
        op, direction = ("<", "DESC") if newest_first else (">", "ASC")
        key = f" AND ({alias}.date, {alias}.id) {op} (?, ?)" if after else ""
        sql = (f"SELECT {cols} FROM {table} WHERE {alias}.date IS NOT NULL{key} AND {where}"
               f" ORDER BY {alias}.date {direction}, {alias}.id {direction} LIMIT ?")
        keys = [Key(*r) for r in store.conn.execute(sql, (list(after) if after else []) + params + [int(limit)])]
    if len(keys) < limit:
        key = f" AND {alias}.id > ?" if after and after[0] is None else ""
        sql = f"SELECT {cols} FROM {kind} {alias} WHERE {alias}.date IS NULL{key} AND {where} ORDER BY {alias}.id LIMIT ?"
        keys += [Key(*r) for r in store.conn.execute(sql, ([after[1]] if key else []) + params + [int(limit) - len(keys)])]
    return keys


def rows_of(store: Store, kind: str, rowids: list[int]) -> list[dict]:
    """The statements or events (``kind``) with these rowids, in the order given, as timeline entries."""
    if not rowids:
        return []
    alias, select = _PAGED[kind]
    rows = store.conn.execute(f"{select} WHERE {alias}.rowid IN ({','.join('?' * len(rowids))})", rowids).fetchall()
    order = {rowid: i for i, rowid in enumerate(rowids)}
    return [_entry(r) for r in sorted(rows, key=lambda r: order[r["_rowid"]])]


def _entry(row: sqlite3.Row) -> dict:
    out = as_dict(row)
    del out["_rowid"]
    return out


#: Share of all rows a filter must match before walking the date index beats sorting the matches.
#: Measured on 100,000 statements and 40,000 events with the actors given as ids, for a 51-row
#: page: a name matching 1.3% of the statements took 4.8 ms walking and 2.4 ms sorting, 1.8%
#: took 3.7 and 2.5, 11% took 0.9 and 19.7; events alike (1.3%: 4.7 and 1.2; 11%: 0.6 and 7.7).
_BROAD = 0.02


def _walk_dates(store: Store, f: Filters, kind: str = "statements") -> bool:
    """True when the filters keep a large share of the statements (or events, ``kind``): then
    reading the date index in order and keeping matching rows fills a page sooner than sorting
    every match, which is what SQLite would do for a filter it can look up by another index. The
    share is estimated cheaply: full-text matches counted up to a bound, or the matched actors'
    statement (event) counts from the :func:`actor_directory`. A single actor's statements come
    in date order from their own ``(actor_id, date)`` index, so that filter never walks."""
    given = f.given().keys() - {"since", "until", "outlet"}
    if len(given) != 1 or given & {"type", "doc"} or (kind == "events" and f.q) \
            or (kind == "statements" and f.actor):
        return False
    total = store.conn.execute(f"SELECT max(rowid) FROM {kind}").fetchone()[0] or 0
    need = max(int(total * _BROAD), 200)
    if f.q:
        if not fts_query(f.q):
            return False
        found = store.conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?)",
            (fts_query(f.q), need)).fetchone()[0]
        return found >= need
    directory = actor_directory(store)
    counts = directory.n_statements if kind == "statements" else directory.n_events
    if f.actor:
        return f.actor in directory.position and counts[directory.position[f.actor]] >= need
    matched = directory.matching(*(("speaker", f.speaker) if f.speaker else ("affiliation", f.affiliation)))
    if matched is None:  # only SQL can say which actors match: let it plan
        return False
    return sum(counts[i] for i in matched) >= need


def _scan_events(store: Store, f: Filters, limit: int) -> bool:
    """True when a party filter matches few events and no index finds events by recipient: reading
    the table straight through then costs about a fifth of walking the date index, which looks up
    every row it passes (measured on 20,000 events); with many matches the walk stops early."""
    if not (f.speaker or f.actor):
        return False
    directory = actor_directory(store)
    if directory.recipient_index:
        return False
    if f.actor:
        found = directory.n_events[directory.position[f.actor]] if f.actor in directory.position else 0
    else:
        matched = directory.matching("speaker", f.speaker)
        if matched is None:
            found = store.conn.execute(
                "SELECT coalesce(sum(n_events), 0) FROM actors WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'",
                (_like(f.speaker),) * 2).fetchone()[0]
        else:
            found = sum(directory.n_events[i] for i in matched)
    return found < 5 * limit


def count(store: Store, kind: str, f: Filters, *, cap: int = 10_000) -> int:
    """How many ``kind`` rows match, counting no further than ``cap`` (so it stays cheap)."""
    table = {"statements": "statements s", "events": "events e", "quotes": "quotes q", "actors": "actors a",
             "documents": "documents d"}[kind]
    where, params = where_clause(kind, f, store)
    return store.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT ?)",
                              params + [int(cap)]).fetchone()[0]


# -- speakers ---------------------------------------------------------------------------------

def actor(store: Store, actor_id: str) -> dict | None:
    """One actor with decoded aliases and roles, or None."""
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return as_dict(row) if row else None


def actor_list(store: Store, f: Filters, *, limit: int = 100, offset: int = 0) -> list[dict]:
    """Actors matching ``f``, most active first."""
    where, params = where_clause("actors", f, store)
    return [as_dict(r) for r in store.conn.execute(
        f"SELECT * FROM actors a WHERE {where} ORDER BY a.n_statements + a.n_events DESC, a.name LIMIT ? OFFSET ?",
        params + [int(limit), int(offset)])]


def activity(store: Store, actor_id: str) -> dict[str, int]:
    """Statements of the actor per month (``YYYY-MM``), dated ones only."""
    return dict(store.conn.execute(
        "SELECT substr(date, 1, 7), count(*) FROM statements WHERE actor_id = ? AND date IS NOT NULL GROUP BY 1",
        (actor_id,)).fetchall())


def actor_events(store: Store, actor_id: str, *, limit: int = 50) -> tuple[list[dict], dict[str, int], int]:
    """The events the actor took part in (as actor or recipient): the first ``limit`` in timeline
    order, how many per month, and how many in all. One pass over the matching keys serves all
    three, since a recipient may have no index to find it by."""
    keys = store.conn.execute("SELECT id, date FROM events WHERE actor_id = ? OR recipient_id = ?",
                              (actor_id, actor_id)).fetchall()
    months: dict[str, int] = {}
    for _, date in keys:
        if date:
            months[date[:7]] = months.get(date[:7], 0) + 1
    keys.sort(key=lambda k: (k[1] is None, k[1] or "", k[0]))
    first = [k[0] for k in keys[:limit]]
    rows = store.conn.execute(f"{_EVENT_COLUMNS} WHERE e.id IN ({','.join('?' * len(first))})", first).fetchall()
    order = {eid: i for i, eid in enumerate(first)}
    return sorted((_entry(r) for r in rows), key=lambda r: order[r["id"]]), months, len(keys)


def top_actors(store: Store, limit: int = 300) -> list[str]:
    """Names of the most quoted actors, for suggestions in the speaker filter."""
    return [r[0] for r in store.conn.execute(
        "SELECT name FROM actors WHERE n_statements > 0 ORDER BY n_statements DESC, name LIMIT ?", (int(limit),))]


def outlets(store: Store) -> list[str]:
    """Every outlet named by a stored document, alphabetically."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL AND outlet != '' ORDER BY outlet")]


def affiliations(store: Store) -> list[str]:
    """Every actor affiliation, alphabetically."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT affiliation FROM actors WHERE affiliation IS NOT NULL AND affiliation != '' ORDER BY 1")]


# -- articles ---------------------------------------------------------------------------------

_DOC_COLUMNS = ("id, source, status, reason, fmt, url, language, title, authors, outlet, agencies, dateline, page_date,"
                " published, published_confidence, repost_suspected, body, removed, cluster_id, duplicate_of,"
                " story_date, story_date_confidence")


def document(store: Store, doc_id: str) -> dict | None:
    """One document (without its fingerprint), JSON columns decoded, or None."""
    row = store.conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if not row:
        return None
    out = as_dict(row)
    out["repost_suspected"] = bool(out["repost_suspected"])
    return out


def document_quotes(store: Store, doc_id: str) -> list[dict]:
    """The document's quotes in order, with their actor's canonical name (``start``/``end`` are
    character offsets into the document's body)."""
    return [dict(r) for r in store.conn.execute(
        "SELECT q.*, coalesce(a.name, q.speaker) AS speaker_name FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id"
        " WHERE q.doc_id = ? ORDER BY q.ord", (doc_id,))]


def document_events(store: Store, doc_id: str) -> list[dict]:
    """The document's event mentions in order (offsets into the body)."""
    return [as_dict(r) for r in store.conn.execute(
        "SELECT * FROM event_mentions WHERE doc_id = ? ORDER BY ord", (doc_id,))]


def document_copies(store: Store, doc: dict) -> list[dict]:
    """Other documents of the same story (same ``cluster_id``), or that copy this one, oldest first."""
    rows = store.conn.execute(
        "SELECT id, source, title, outlet, url, coalesce(story_date, published) AS date, duplicate_of FROM documents"
        " WHERE id != ? AND ((cluster_id IS NOT NULL AND cluster_id = ?) OR duplicate_of = ?)"
        " ORDER BY date IS NULL, date, source", (doc["id"], doc["cluster_id"], doc["id"]))
    return [dict(r) for r in rows]


def document_sources(store: Store, doc_id: str) -> list[str]:
    """Every input source that delivered these exact bytes."""
    return [r[0] for r in store.conn.execute("SELECT source FROM inputs WHERE doc_id = ? ORDER BY source", (doc_id,))]


# -- search -----------------------------------------------------------------------------------

#: At most this many matches are ranked by bm25: when a query matches more rows (a very common word),
#: the rows stored last are ranked. Ranking costs about 4 microseconds per match (8 ms for 2,000 on
#: a 100,000-statement store), so a common word's page would cost several rare words' pages; the
#: count of matches stays exact (see :func:`search_counts`).
RANK_WINDOW = 1000


def _best_rowids(store: Store, table: str, q: str, limit: int, offset: int) -> dict[int, float]:
    """Rowids of the best (bm25) matches of ``q`` in the FTS ``table``, within :data:`RANK_WINDOW`,
    best first, with their scores; equal scores put the row stored last first."""
    # One walk of the match list: the newest RANK_WINDOW matches are scored as they are read.
    return dict(store.conn.execute(
        f"SELECT rowid, score FROM (SELECT rowid, rank AS score FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC"
        " LIMIT ?) ORDER BY score, rowid DESC LIMIT ? OFFSET ?", (q, RANK_WINDOW, int(limit), int(offset))).fetchall())


def _in_rank_order(rows: list, scores: dict[int, float]) -> list[dict]:
    """The rows as dicts in the order of ``scores`` (best first), each with its ``rank``: the score
    the ranking query gave it, so the snippet query need not score the rows again."""
    by_rowid = {}
    for r in rows:
        out = dict(r)
        out["rank"] = scores[out.pop("_rowid")]
        by_rowid[r["_rowid"]] = out
    return [by_rowid[rowid] for rowid in scores if rowid in by_rowid]


def search_statements(store: Store, text: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
    """Statements matching ``text``, best (bm25) first; ``snippet`` has matches between
    :data:`MARK_START` and :data:`MARK_END`. Snippets are made for the returned rows only."""
    q = fts_query(text)
    if not q:
        return []
    scores = _best_rowids(store, "statements_fts", q, limit, offset)
    if not scores:
        return []
    # The rowid range lets FTS5 walk one stretch of the match list instead of seeking each row.
    marks = ",".join("?" * len(scores))
    rows = store.conn.execute(
        "SELECT statements_fts.rowid AS _rowid, s.id, s.date, s.date_confidence, s.kind, s.speaker_role, s.actor_id,"
        " s.n_reports, s.outlets, coalesce(a.name, s.speaker) AS speaker, s.first_doc_id AS doc_id,"
        " s.first_quote_id AS quote_id, snippet(statements_fts, 0, ?, ?, '…', 40) AS snippet"
        " FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid"
        " LEFT JOIN actors a ON a.id = s.actor_id WHERE statements_fts MATCH ?"
        f" AND statements_fts.rowid BETWEEN ? AND ? AND +statements_fts.rowid IN ({marks})",
        (MARK_START, MARK_END, q, min(scores), max(scores), *scores)).fetchall()
    return _in_rank_order(rows, scores)


def search_documents(store: Store, text: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
    """Articles matching ``text`` in title or body, best (bm25) first, with marked snippets."""
    q = fts_query(text)
    if not q:
        return []
    scores = _best_rowids(store, "documents_fts", q, limit, offset)
    if not scores:
        return []
    marks = ",".join("?" * len(scores))
    rows = store.conn.execute(
        "SELECT documents_fts.rowid AS _rowid, d.id, d.source, d.outlet, coalesce(d.story_date, d.published) AS date,"
        " highlight(documents_fts, 0, ?, ?) AS title, snippet(documents_fts, 1, ?, ?, '…', 32) AS snippet"
        " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        " WHERE documents_fts MATCH ?"
        f" AND documents_fts.rowid BETWEEN ? AND ? AND +documents_fts.rowid IN ({marks})",
        (MARK_START, MARK_END, MARK_START, MARK_END, q, min(scores), max(scores), *scores)).fetchall()
    return _in_rank_order(rows, scores)


def search_counts(store: Store, text: str, *, cap: int = 10_000) -> dict[str, int]:
    """How many statements and articles match ``text`` (each counted up to ``cap``)."""
    q = fts_query(text)
    if not q:
        return {"statements": 0, "articles": 0}
    n = lambda table: store.conn.execute(  # noqa: E731
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)", (q, int(cap))).fetchone()[0]
    return {"statements": n("statements_fts"), "articles": n("documents_fts")}


# -- exports ----------------------------------------------------------------------------------

#: Columns of each export: (name, type) with type str, int, float, bool, list (of strings) or json.
EXPORT_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "statements": [("id", "str"), ("date", "str"), ("date_confidence", "float"), ("actor_id", "str"),
                   ("speaker", "str"), ("speaker_role", "str"), ("affiliation", "str"), ("kind", "str"),
                   ("text", "str"), ("n_reports", "int"), ("outlets", "list"), ("first_doc_id", "str"),
                   ("first_quote_id", "str"), ("first_source", "str"), ("first_url", "str")],
    "quotes": [("id", "str"), ("doc_id", "str"), ("ord", "int"), ("date", "str"), ("outlet", "str"),
               ("source", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("kind", "str"),
               ("speaker", "str"), ("speaker_mention", "str"), ("speaker_role", "str"),
               ("speaker_affiliation", "str"), ("cue", "str"), ("sentence_start", "int"), ("sentence_end", "int"),
               ("confidence", "float"), ("actor_id", "str"), ("statement_id", "str")],
    "actors": [("id", "str"), ("name", "str"), ("kind", "str"), ("aliases", "list"), ("roles", "json"),
               ("affiliation", "str"), ("n_statements", "int"), ("n_events", "int"), ("first_date", "str"),
               ("last_date", "str")],
    "events": [("id", "str"), ("date", "str"), ("date_confidence", "float"), ("type", "str"), ("mode", "str"),
               ("context", "list"), ("actor", "str"), ("actor_country", "str"), ("actor_id", "str"),
               ("recipient", "str"), ("recipient_country", "str"), ("recipient_id", "str"), ("location", "str"),
               ("sentence", "str"), ("n_reports", "int"), ("outlets", "list"), ("first_doc_id", "str"),
               ("first_mention_id", "str")],
    "documents": [("id", "str"), ("source", "str"), ("status", "str"), ("reason", "str"), ("url", "str"),
                  ("language", "str"), ("title", "str"), ("authors", "list"), ("outlet", "str"),
                  ("agencies", "list"), ("dateline", "str"), ("page_date", "str"), ("published", "str"),
                  ("published_confidence", "float"), ("story_date", "str"), ("story_date_confidence", "float"),
                  ("repost_suspected", "bool"), ("cluster_id", "str"), ("duplicate_of", "str"), ("body", "str"),
                  ("removed", "list")],
}

_EXPORT_SELECT = {
    "statements": ("SELECT s.id, s.date, s.date_confidence, s.actor_id, coalesce(a.name, s.speaker), s.speaker_role,"
                   " a.affiliation, s.kind, s.text, s.n_reports, s.outlets, s.first_doc_id, s.first_quote_id,"
                   " d.source, d.url FROM statements s LEFT JOIN actors a ON a.id = s.actor_id"
                   " LEFT JOIN documents d ON d.id = s.first_doc_id", "s.date IS NULL, s.date, s.id"),
    "quotes": ("SELECT q.id, q.doc_id, q.ord, d.story_date, d.outlet, d.source, q.start, q.end, q.text, q.kind,"
               " coalesce(a.name, q.speaker), q.speaker_mention, q.speaker_role, q.speaker_affiliation, q.cue,"
               " q.sentence_start, q.sentence_end, q.confidence, q.actor_id, q.statement_id"
               " FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.actor_id",
               "d.story_date IS NULL, d.story_date, q.doc_id, q.ord"),
    "actors": ("SELECT a.id, a.name, a.kind, a.aliases, a.roles, a.affiliation, a.n_statements, a.n_events,"
               " a.first_date, a.last_date FROM actors a", "a.name, a.id"),
    "events": ("SELECT e.id, e.date, e.date_confidence, e.type, e.mode, e.context, e.actor, e.actor_country,"
               " e.actor_id, e.recipient, e.recipient_country, e.recipient_id, e.location, e.sentence, e.n_reports,"
               " e.outlets, e.first_doc_id, e.first_mention_id FROM events e", "e.date IS NULL, e.date, e.id"),
    "documents": ("SELECT d.id, d.source, d.status, d.reason, d.url, d.language, d.title, d.authors, d.outlet,"
                  " d.agencies, d.dateline, d.page_date, d.published, d.published_confidence, d.story_date,"
                  " d.story_date_confidence, d.repost_suspected, d.cluster_id, d.duplicate_of, d.body, d.removed"
                  " FROM documents d", "coalesce(d.story_date, d.published) IS NULL,"
                  " coalesce(d.story_date, d.published), d.source"),
}


def export_rows(store: Store, kind: str, f: Filters) -> Iterator[tuple]:
    """Every ``kind`` row matching ``f`` as a tuple in :data:`EXPORT_COLUMNS` order, list and JSON
    columns still JSON text, read in batches."""
    where, params = where_clause(kind, f, store)
    select, order = _EXPORT_SELECT[kind]
    cur = store.conn.execute(f"{select} WHERE {where} ORDER BY {order}", params)
    cur.row_factory = None  # plain tuples: the export writes thousands of rows
    while batch := cur.fetchmany(2000):
        yield from batch
