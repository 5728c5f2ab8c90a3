"""Read queries over a store. Every value reaches SQL as a parameter, never as text."""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from .db import Store

_JSON_COLUMNS = ("authors", "agencies", "removed", "aliases", "roles", "outlets", "context", "notes")


def as_dict(row: sqlite3.Row) -> dict[str, Any]:
    """A row as a dict, JSON columns decoded."""
    out = dict(row)
    for key in _JSON_COLUMNS:
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: each word quoted, phrases in double quotes kept whole.

    FTS5 syntax characters in user input would otherwise raise or change the meaning.
    """
    parts = re.findall(r'"([^"]+)"|(\S+)', text)
    terms = []
    for phrase, word in parts:
        chunk = (phrase or word).replace('"', " ").strip()
        if chunk:
            terms.append('"' + chunk + '"')
    return " ".join(terms)


def statement_filters(speaker: str | None = None, since: str | None = None, until: str | None = None,
                      affiliation: str | None = None, outlet: str | None = None, text: str | None = None,
                      actor_id: str | None = None) -> tuple[str, list]:
    """A WHERE clause (over ``statements s`` joined with ``actors a``) and its parameters."""
    where, params = ["1 = 1"], []
    if speaker:
        where.append("(s.speaker LIKE ? OR a.name LIKE ? OR a.aliases LIKE ?)")
        params += [f"%{speaker}%"] * 3
    if actor_id:
        where.append("s.actor_id = ?")
        params.append(actor_id)
    if since:
        where.append("s.date >= ?")
        params.append(since)
    if until:
        where.append("s.date <= ?")
        params.append(until)
    if affiliation:
        where.append("a.affiliation LIKE ?")
        params.append(f"%{affiliation}%")
    if outlet:
        where.append("s.outlets LIKE ?")
        params.append(f"%{outlet}%")
    if text:
        where.append("s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
        params.append(fts_query(text))
    return " AND ".join(where), params


def statements(store: Store, *, limit: int = 100, offset: int = 0, order: str = "date", **filters) -> list[dict]:
    """Merged statements, earliest first (``order="date"``) or newest first (``"-date"``)."""
    where, params = statement_filters(**filters)
    direction = "DESC" if order.startswith("-") else "ASC"
    sql = ("SELECT s.*, coalesce(a.name, s.speaker) AS speaker_name, a.affiliation, a.kind AS actor_kind,"
           " q.start, q.end, q.sentence_start, q.sentence_end, d.source, d.title, d.outlet AS first_outlet"
           " FROM statements s LEFT JOIN actors a ON a.id = s.actor_id"
           " LEFT JOIN quotes q ON q.id = s.first_quote_id LEFT JOIN documents d ON d.id = s.first_doc_id"
           f" WHERE {where} ORDER BY s.date IS NULL, s.date {direction}, s.id LIMIT ? OFFSET ?")
    return [as_dict(r) for r in store.conn.execute(sql, params + [int(limit), int(offset)])]


def count_statements(store: Store, **filters) -> int:
    """How many statements match ``filters``."""
    where, params = statement_filters(**filters)
    return store.conn.execute(f"SELECT count(*) FROM statements s LEFT JOIN actors a ON a.id = s.actor_id"
                              f" WHERE {where}", params).fetchone()[0]


def search(store: Store, query: str, *, limit: int = 20) -> list[dict]:
    """Full-text search over statements and articles with highlighted snippets: statements first,
    then articles, each best first (bm25 scores of two tables do not compare, so they are not mixed)."""
    q = fts_query(query)
    if not q:
        return []
    hits = []
    for r in store.conn.execute(
            "SELECT s.id, s.text, coalesce(a.name, s.speaker) AS speaker, s.date, s.first_doc_id AS doc_id,"
            " snippet(statements_fts, 0, '[', ']', '…', 16) AS snippet, bm25(statements_fts) AS rank"
            " FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid"
            " LEFT JOIN actors a ON a.id = s.actor_id WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?",
            (q, int(limit))):
        hits.append({"kind": "statement", **dict(r)})
    for r in store.conn.execute(
            "SELECT d.id, d.title, d.source, coalesce(d.story_date, d.published) AS date, d.id AS doc_id,"
            " snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet, bm25(documents_fts) AS rank"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (q, int(limit))):
        hits.append({"kind": "article", **dict(r)})
    return hits


def actors(store: Store, *, name: str | None = None, limit: int = 100) -> list[dict]:
    """Actors, most quoted first, optionally those whose name or alias contains ``name``."""
    sql, params = "SELECT * FROM actors", []
    if name:
        sql += " WHERE name LIKE ? OR aliases LIKE ?"
        params += [f"%{name}%"] * 2
    sql += " ORDER BY n_statements + n_events DESC, name LIMIT ?"
    return [as_dict(r) for r in store.conn.execute(sql, params + [int(limit)])]


def contract_rows(store: Store, run_id: int) -> Iterator[dict]:
    """The extraction contract's line for each input of ``run_id``, in input order."""
    conn = store.conn
    for inp in conn.execute("SELECT * FROM inputs WHERE run_id = ? ORDER BY seq", (run_id,)).fetchall():
        doc = conn.execute("SELECT * FROM documents WHERE id = ?", (inp["doc_id"],)).fetchone()
        yield contract_line(store, inp, doc)


def contract_line(store: Store, inp: sqlite3.Row, doc: sqlite3.Row | None) -> dict:
    """One line of the extraction contract from an input row and its document."""
    conn = store.conn
    if doc is None or inp["status"] == "error" and doc["source"] != inp["source"]:
        return {"source": inp["source"], "status": inp["status"], "reason": inp["reason"], "language": None,
                "title": None, "authors": [], "outlet": None, "agencies": [], "dateline": None, "page_date": None,
                "published": None, "published_confidence": 0.0, "repost_suspected": False, "body": "",
                "quotes": [], "events": [], "duplicate_of": None}
    d = as_dict(doc)
    dup = None
    if doc["source"] != inp["source"] and doc["status"] == "ok":
        dup = doc["source"]  # the same bytes arrived earlier under another name
    elif doc["duplicate_of"]:
        dup = conn.execute("SELECT source FROM documents WHERE id = ?", (doc["duplicate_of"],)).fetchone()[0]
    names = {r[0]: r[1] for r in conn.execute(
        "SELECT q.id, a.name FROM quotes q JOIN actors a ON a.id = q.actor_id WHERE q.doc_id = ?", (doc["id"],))}
    quotes = [{"text": q["text"], "kind": q["kind"], "speaker": names.get(q["id"], q["speaker"]),
               "speaker_mention": q["speaker_mention"] or "", "speaker_role": q["speaker_role"],
               "speaker_affiliation": q["speaker_affiliation"], "cue": q["cue"], "start": q["start"], "end": q["end"]}
              for q in conn.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY ord", (doc["id"],))]
    events = [{"type": e["type"], "mode": e["mode"], "context": json.loads(e["context"]),
               "actor": {"name": e["actor"], "country": e["actor_country"]} if e["actor"] else None,
               "recipient": {"name": e["recipient"], "country": e["recipient_country"]} if e["recipient"] else None,
               "date": e["date"], "date_text": e["date_text"], "location": e["location"], "sentence": e["sentence"],
               "start": e["start"], "end": e["end"]}
              for e in conn.execute("SELECT * FROM event_mentions WHERE doc_id = ? ORDER BY ord", (doc["id"],))]
    published = d["story_date"] if d["story_date"] is not None or d["cluster_id"] else d["published"]
    confidence = d["story_date_confidence"] if d["story_date_confidence"] is not None else d["published_confidence"]
    return {"source": inp["source"], "status": doc["status"], "reason": doc["reason"], "language": d["language"],
            "title": d["title"], "authors": d["authors"], "outlet": d["outlet"], "agencies": d["agencies"],
            "dateline": d["dateline"], "page_date": d["page_date"], "published": published,
            "published_confidence": round(float(confidence or 0.0), 3), "repost_suspected": bool(d["repost_suspected"]),
            "body": d["body"], "quotes": quotes, "events": events, "duplicate_of": dup}
