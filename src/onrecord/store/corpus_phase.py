"""The corpus phase over a store: copies, actors, statements and events, rebuilt from the
per-document rows. It reads keys, groups, merges with the pure functions of ``onrecord.corpus``
and rewrites the corpus tables in one transaction, so it is safe to run again after any run."""
from __future__ import annotations

import collections
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence

from ..corpus.actors import Mentioned, normalise, resolve_actors
from ..corpus.copies import CopyInfo, choose_original, group_copies
from ..corpus.events import EventReport, MergedEvent, merge_events
from ..corpus.statements import QuoteReport, group_statements
from ..model import Event, Party
from .db import Store, row_id


def find_copies(store: Store, settings: dict) -> dict[str, int]:
    """Group copies and set ``cluster_id``, ``duplicate_of`` and ``story_date`` on documents."""
    conn = store.conn
    threshold = float(settings["copies"]["containment"])
    infos = {}
    for r in conn.execute("SELECT id, source, minhash, published, published_confidence, repost_suspected, page_date,"
                          " shingles FROM documents WHERE status = 'ok' AND minhash IS NOT NULL"):
        infos[r["id"]] = CopyInfo(r["id"], r["source"], r["minhash"], r["published"], r["published_confidence"],
                                  bool(r["repost_suspected"]), r["page_date"], r["source"], r["shingles"] or 0)
    buckets = [row[0].split(",") for row in conn.execute(
        "SELECT group_concat(doc_id) FROM bands GROUP BY key HAVING count(*) > 1")]
    clusters = group_copies(buckets, infos, threshold)
    updates = []
    for cluster_id, members in clusters.items():
        original, day, conf = choose_original([infos[m] for m in members])
        for m in members:
            info = infos[m]
            dup = None if m == original.doc_id else original.doc_id
            own = info.published if info.published_confidence > 0 else None
            # A copy takes the story's date when its own is missing, doubtful or later.
            if day and (own is None or info.repost_suspected or own > day):
                story, story_conf = day, conf
            else:
                story, story_conf = own, info.published_confidence
            updates.append((cluster_id, dup, story, story_conf, m))
    with conn:
        conn.execute("UPDATE documents SET cluster_id = NULL, duplicate_of = NULL, story_date = published,"
                     " story_date_confidence = published_confidence")
        conn.executemany("UPDATE documents SET cluster_id = ?, duplicate_of = ?, story_date = ?,"
                         " story_date_confidence = ? WHERE id = ?", updates)
    return {"clusters": len(clusters), "copies": sum(len(m) - 1 for m in clusters.values())}


def _quote_rows(conn):
    return conn.execute(
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_mention, q.speaker_role, q.speaker_affiliation,"
        " d.story_date, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id").fetchall()


def _event_rows(conn):
    return conn.execute(
        "SELECT m.id, m.actor, m.recipient, m.date, d.story_date FROM event_mentions m"
        " JOIN documents d ON d.id = m.doc_id").fetchall()


def resolve_actor_table(store: Store) -> dict[str, int]:
    """Rebuild ``actors`` from quote speakers and event parties, and link quotes and events."""
    conn = store.conn
    quotes, events = _quote_rows(conn), _event_rows(conn)
    reports = [Mentioned(q["speaker"], q["speaker_mention"], q["speaker_role"], q["speaker_affiliation"],
                         q["story_date"]) for q in quotes if q["speaker"]]
    for e in events:
        for name in (e["actor"], e["recipient"]):
            if name:
                reports.append(Mentioned(name, None, None, None, e["date"] or e["story_date"]))
    actors, key_to_id = resolve_actors(reports, lambda key: row_id("actor", key))
    by_name = lambda name: key_to_id.get(normalise(name)) if name else None  # noqa: E731
    n_statements: dict[str, int] = {}
    for q in quotes:
        aid = by_name(q["speaker"])
        if aid:
            n_statements[aid] = n_statements.get(aid, 0) + 1
    with conn:
        conn.execute("DELETE FROM actors")
        conn.executemany(
            "INSERT INTO actors (id, name, kind, aliases, roles, affiliation, n_statements, first_date, last_date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, a.name, a.kind, json.dumps(a.aliases, ensure_ascii=False), json.dumps(a.roles, ensure_ascii=False),
              a.affiliation, n_statements.get(a.id, 0), a.first_date, a.last_date) for a in actors])
        conn.executemany("UPDATE quotes SET actor_id = ? WHERE id = ?", [(by_name(q["speaker"]), q["id"]) for q in quotes])
        conn.executemany("UPDATE event_mentions SET actor_id = ?, recipient_id = ? WHERE id = ?",
                         [(by_name(e["actor"]), by_name(e["recipient"]), e["id"]) for e in events])
        count_actor_events(conn)
    return {"actors": len(actors)}


def count_actor_events(conn) -> None:
    """Set each actor's ``n_events``: the event mentions naming it as actor or recipient (once
    when both), counted in one pass over the mentions."""
    counts: collections.Counter = collections.Counter()
    for actor_id, recipient_id in conn.execute("SELECT actor_id, recipient_id FROM event_mentions"
                                               " WHERE actor_id IS NOT NULL OR recipient_id IS NOT NULL"):
        if actor_id:
            counts[actor_id] += 1
        if recipient_id and recipient_id != actor_id:
            counts[recipient_id] += 1
    conn.execute("UPDATE actors SET n_events = 0")
    conn.executemany("UPDATE actors SET n_events = ? WHERE id = ?", [(n, a) for a, n in counts.items()])


def merge_statements(store: Store) -> dict[str, int]:
    """Rebuild ``statements``: one row per statement, with its reports linked from ``quotes``."""
    conn = store.conn
    rows = conn.execute(
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_role, q.actor_id, d.story_date,"
        " d.story_date_confidence, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id").fetchall()
    info = {r["id"]: r for r in rows}
    reports = [QuoteReport(r["id"], r["doc_id"], r["actor_id"] or f"speaker:{r['speaker'] or ''}", r["text"],
                           r["kind"], r["story_date"], r["outlet"], r["source"]) for r in rows]
    statements, links = [], []
    for group in group_statements(reports):
        first = info[group[0].quote_id]
        # The fullest wording among the reports stands for the statement.
        best = max(group, key=lambda r: (len(r.text), r.kind == "direct"))
        sid = row_id("statement", *sorted(r.quote_id for r in group))
        outlets = sorted({r.outlet or info[r.quote_id]["source"] for r in group})
        statements.append((sid, first["actor_id"], first["speaker"], first["speaker_role"], best.text, best.kind,
                           first["story_date"], first["story_date_confidence"], first["doc_id"], first["id"],
                           len(group), json.dumps(outlets, ensure_ascii=False)))
        links += [(sid, r.quote_id) for r in group]
    with conn:
        conn.execute("DELETE FROM statements")
        conn.executemany("INSERT INTO statements (id, actor_id, speaker, speaker_role, text, kind, date, date_confidence,"
                         " first_doc_id, first_quote_id, n_reports, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         statements)
        conn.executemany("UPDATE quotes SET statement_id = ? WHERE id = ?", links)
    return {"statements": len(statements)}


def iter_event_reports(conn, lo: int | None = None, hi: int | None = None) -> Iterator[EventReport]:
    """Every stored event mention as a report of its article (story date, copy group), one at a time;
    only those whose rowid is at least ``lo`` and below ``hi`` when given."""
    where = " AND ".join([*(["m.rowid >= ?"] if lo is not None else []), *(["m.rowid < ?"] if hi is not None else [])])
    params = [v for v in (lo, hi) if v is not None]
    for r in conn.execute(
            "SELECT m.*, d.source, d.story_date, d.cluster_id FROM event_mentions m JOIN documents d ON d.id = m.doc_id"
            + (f" WHERE {where}" if where else ""), params):
        actor = Party(r["actor"], r["actor_country"]) if r["actor"] else None
        recipient = Party(r["recipient"], r["recipient_country"]) if r["recipient"] else None
        event = Event(r["type"], r["sentence"], r["start"], r["end"], mode=r["mode"],
                      context=tuple(json.loads(r["context"])), actor=actor, recipient=recipient, date=r["date"],
                      date_text=r["date_text"], location=r["location"])
        yield EventReport(r["doc_id"], r["source"], r["story_date"], r["cluster_id"], event)


#: Events written per ``executemany``.
_WRITE_BATCH = 2_000


def write_events(conn, merged: Iterable[MergedEvent]) -> dict[str, int]:
    """Replace the ``events`` table with ``merged`` (any iterable: it is consumed as it comes, so
    a stream of merged events never has to fit in memory) and link each mention to its event.

    Each event's mentions are found through the ``(doc_id, ord)`` index, one article at a time.
    """
    n = 0
    with conn:
        conn.execute("DELETE FROM events")
        conn.execute("UPDATE event_mentions SET event_id = NULL")
        for batch in _batched(merged):
            rows, links = _merged_event_rows(conn, batch)
            conn.executemany(
                "INSERT INTO events (id, type, mode, context, actor, actor_country, actor_id, recipient,"
                " recipient_country, recipient_id, date, date_confidence, location, sentence, first_doc_id,"
                " first_mention_id, n_reports, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows)
            conn.executemany("UPDATE event_mentions SET event_id = ? WHERE id = ?", links)
            n += len(rows)
    return {"events": n}


def _batched(items: Iterable, size: int = _WRITE_BATCH) -> Iterator[tuple]:
    it = iter(items)
    while chunk := tuple(itertools.islice(it, size)):
        yield chunk


def _merged_event_rows(conn, batch: Sequence[MergedEvent]) -> tuple[list[tuple], list[tuple]]:
    """The ``events`` rows of ``batch`` and the (event id, mention id) links of their mentions."""
    docs = sorted({m.doc_id for ev in batch for m in ev.mentions})
    mention_ids: dict[tuple, list[str]] = {}
    parties: dict[str, tuple[str | None, str | None]] = {}
    outlets: dict[str, str] = {}
    for start in range(0, len(docs), 500):
        chunk = docs[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute("SELECT m.id, m.doc_id, m.start, m.end, m.type, m.actor_id, m.recipient_id"
                              f" FROM event_mentions m WHERE m.doc_id IN ({marks}) ORDER BY m.doc_id, m.ord", chunk):
            mention_ids.setdefault((r["doc_id"], r["start"], r["end"], r["type"]), []).append(r["id"])
            parties[r["id"]] = (r["actor_id"], r["recipient_id"])
        outlets.update(conn.execute(f"SELECT id, coalesce(outlet, source) FROM documents WHERE id IN ({marks})",
                                    chunk).fetchall())
    rows, links = [], []
    for ev in batch:
        ids = [mid for m in ev.mentions for mid in mention_ids.get((m.doc_id, m.start, m.end, ev.type), [])]
        first = mention_ids.get((ev.first.doc_id, ev.first.start, ev.first.end, ev.type), [None])[0]
        actor_id, recipient_id = parties.get(first, (None, None))
        # A day the sentence names is surer than one taken from the story's publication date.
        named = any(m.date_text for m in ev.mentions if m.date == ev.date)
        confidence = 0.0 if ev.date is None else (0.9 if named else 0.6)
        rows.append((ev.id, ev.type, ev.mode, json.dumps(list(ev.context)),
                     ev.actor.name if ev.actor else None, ev.actor.country if ev.actor else None, actor_id,
                     ev.recipient.name if ev.recipient else None, ev.recipient.country if ev.recipient else None,
                     recipient_id, ev.date, confidence, ev.location, ev.first.sentence, ev.first.doc_id, first,
                     len(ev.mentions),
                     json.dumps(sorted({outlets.get(m.doc_id) or m.source for m in ev.mentions}), ensure_ascii=False)))
        links += [(ev.id, mid) for mid in ids]
    return rows, links


def merge_event_table(store: Store) -> dict[str, int]:
    """Rebuild ``events``: reports of one happening across articles merged into one event."""
    return write_events(store.conn, merge_events(iter_event_reports(store.conn)))


def run_corpus_phase(store: Store, settings: dict) -> dict[str, int]:
    """Run every corpus step in order and return their counts."""
    counts = {}
    counts.update(find_copies(store, settings))
    counts.update(resolve_actor_table(store))
    counts.update(merge_statements(store))
    counts.update(merge_event_table(store))
    return counts
