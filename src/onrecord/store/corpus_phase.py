"""The corpus phase over a store: copies, actors, statements and events, rebuilt from the
per-document rows. It reads keys, groups, merges with the pure functions of ``onrecord.corpus``
and rewrites the corpus tables in one transaction, so it is safe to run again after any run."""
from __future__ import annotations

import json

from ..corpus.actors import Mentioned, normalise, resolve_actors
from ..corpus.copies import CopyInfo, choose_original, group_copies
from ..corpus.statements import QuoteReport, group_statements
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
        conn.execute("UPDATE actors SET n_events = (SELECT count(*) FROM event_mentions m"
                     " WHERE m.actor_id = actors.id OR m.recipient_id = actors.id)")
    return {"actors": len(actors)}


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


def run_corpus_phase(store: Store, settings: dict) -> dict[str, int]:
    """Run every corpus step in order and return their counts."""
    counts = {}
    counts.update(find_copies(store, settings))
    counts.update(resolve_actor_table(store))
    counts.update(merge_statements(store))
    return counts
