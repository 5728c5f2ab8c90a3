"""The corpus phase on Ray Data: copies, actors and statements, grouped by key across the cluster.

It gives the store the same rows as :mod:`onrecord.store.corpus_phase` (the local engine's, in
SQLite), by calling the same pure functions of :mod:`onrecord.corpus` on each group:

- copies: documents read by LSH band key, so each block holds whole buckets; each block's candidate
  pairs checked with :func:`~onrecord.corpus.copies.group_copies`; the blocks' clusters joined where
  they share a document; each cluster given its original and story date by
  :func:`~onrecord.corpus.copies.choose_original`;
- actors: reports grouped by normalised name; a surname alone joined to the one full name that
  owns it (grouped by that word); each merged actor built by
  :func:`~onrecord.corpus.actors.resolve_actors`;
- statements: quotes read in actor order, so each block holds whole actors, merged by
  :func:`~onrecord.corpus.statements.group_statements`;
- events: reports grouped by event key, merged by :func:`~onrecord.corpus.events.merge_events`.

Every step reads its rows from the store in Ray Data read tasks on the driver's node
(:mod:`onrecord.scale.store_read`), so the corpus never passes through the driver, which only writes
the results back as they stream in. A step whose input is small (up to ``one_task_rows`` rows) is
read as one block and runs whole in that read's task, with the local engine's functions over all
its rows: Ray's shuffles cost seconds each whatever their size. Rows travel as a few string key
columns and one pickled payload, so their schema never depends on which values are missing.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

import pyarrow as pa
import ray
import ray.data

from ..corpus.actors import Mentioned, looks_like_person, normalise, resolve_actors
from ..corpus.events import event_key, merge_events
from ..corpus.statements import QuoteReport, group_statements
from ..store.corpus_phase import count_actor_events
from ..store.db import row_id
from .copies import find_copies_ray
from .ray import cluster_cpus, init_ray
from .store_read import CHUNK, ONE_TASK_ROWS, between, count_rows
from .store_read import Plan as _Plan, pack as _pack, payloads as _payloads, results as _results, table as _table


# -- actors ---------------------------------------------------------------------------------------

def _actor_id(key: str) -> str:
    return row_id("actor", key)


def _report_rows(rows: list) -> pa.Table:
    """Reports ``(order, Mentioned, ref)`` keyed by normalised name (those without one left out)."""
    keys = [normalise(r[1].name) for r in rows]
    return _table({"key": [k for k in keys if k]}, [_pack(r) for r, k in zip(rows, keys) if k])


def _per_key(group: pa.Table) -> pa.Table:
    """Per normalised name: its reports in store order; a full personal name also claims its first
    and last word, so that a surname alone can join it."""
    key = group.column("key")[0].as_py()
    reports = sorted(_payloads(group), key=lambda r: r[0])
    words = key.split()
    rows_w, rows_kind, rows_key, payloads = [key], ["key"], [key], [_pack(reports)]
    if len(words) > 1 and looks_like_person(reports[0][1].name):
        for word in {words[0], words[-1]}:
            rows_w.append(word)
            rows_kind.append("owner")
            rows_key.append(key)
            payloads.append(b"")
    return _table({"w": rows_w, "kind": rows_kind, "key": rows_key}, payloads)


def _targets(group: pa.Table) -> pa.Table:
    """Per word: a one-word name joins the single full name that owns the word, if exactly one."""
    kinds, keys, payloads = (group.column(c).to_pylist() for c in ("kind", "key", "p"))
    owners = {k for kind, k in zip(kinds, keys) if kind == "owner"}
    out_target, out_p = [], []
    for kind, key, p in zip(kinds, keys, payloads):
        if kind != "key":
            continue
        target = next(iter(owners)) if len(key.split()) == 1 and len(owners) == 1 else key
        out_target.append(target)
        out_p.append(p)
    return _table({"target": out_target}, out_p)


def _merge_actor(group: pa.Table) -> pa.Table:
    """Per merged actor: its row and the actor id of each report, by ``resolve_actors``."""
    per_key = sorted(_payloads(group), key=lambda reps: reps[0][0])
    rows, links = _actor_rows([r for reps in per_key for r in reps])
    return _table({"target": [group.column("target")[0].as_py()]}, [_pack((rows, links))])


def _actors_in_one(block: pa.Table) -> pa.Table:
    """Every actor of the reports of ``block`` (all of them), as the local engine merges them;
    the links in chunks, so that none of the results is large."""
    rows, links = _actor_rows(sorted(_payloads(block), key=lambda r: r[0]))
    parts = [(rows, links[:CHUNK])] + [([], links[i:i + CHUNK]) for i in range(CHUNK, len(links), CHUNK)]
    return _table({"target": [""] * len(parts)}, [_pack(part) for part in parts])


def _actor_rows(reports: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """The ``actors`` rows of ``reports`` (``(order, Mentioned, ref)`` in store order) and each
    report's ``(ref, actor id)``."""
    actors, key_to_id = resolve_actors([r[1] for r in reports], _actor_id)
    links = [(r[2], key_to_id.get(normalise(r[1].name))) for r in reports]
    n_statements: dict[str, int] = {}
    for (kind, _), aid in links:
        if kind == "q" and aid:
            n_statements[aid] = n_statements.get(aid, 0) + 1
    rows = [(a.id, a.name, a.kind, json.dumps(a.aliases, ensure_ascii=False), json.dumps(a.roles, ensure_ascii=False),
             a.affiliation, n_statements.get(a.id, 0), a.first_date, a.last_date) for a in actors]
    return rows, links


def _quote_reports(conn, lo, hi) -> Iterator[tuple]:
    """Quote speakers, as ``(order, Mentioned, ref)``: ordered as the local engine reads them (the
    quotes' rowid order, then the event mentions')."""
    where, params = between("q.rowid", lo, hi)
    for q in conn.execute(
            "SELECT q.rowid, q.id, q.speaker, q.speaker_mention, q.speaker_role, q.speaker_affiliation, d.story_date"
            f" FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {where} AND q.speaker != ''"
            " ORDER BY q.rowid", params):
        yield ((0, q[0]), Mentioned(q["speaker"], q["speaker_mention"], q["speaker_role"], q["speaker_affiliation"],
                                    q["story_date"]), ("q", q["id"]))


def _event_reports(conn, lo, hi) -> Iterator[tuple]:
    """Event actors and recipients, as ``(order, Mentioned, ref)``."""
    where, params = between("m.rowid", lo, hi)
    for e in conn.execute("SELECT m.rowid, m.id, m.actor, m.recipient, m.date, d.story_date FROM event_mentions m"
                          f" JOIN documents d ON d.id = m.doc_id WHERE {where} ORDER BY m.rowid", params):
        for i, (role, name) in enumerate((("a", e["actor"]), ("r", e["recipient"]))):
            if name:
                yield ((1, e[0], i), Mentioned(name, None, None, None, e["date"] or e["story_date"]), (role, e["id"]))


def _all_reports(conn, lo=None, hi=None) -> Iterator[tuple]:
    yield from _quote_reports(conn, None, None)
    yield from _event_reports(conn, None, None)


_QUOTE_ROWIDS = "SELECT rowid AS k FROM quotes WHERE speaker != ''"
_EVENT_ROWIDS = "SELECT rowid AS k FROM event_mentions"


def resolve_actor_table_ray(store, plan: _Plan) -> dict[str, int]:
    """Rebuild ``actors`` and link quotes and events to them, as
    :func:`onrecord.store.corpus_phase.resolve_actor_table` does."""
    conn = store.conn
    n_quotes, n_events = count_rows(conn, _QUOTE_ROWIDS), count_rows(conn, _EVENT_ROWIDS)
    small = plan.one_task(n_quotes + n_events)
    if not n_quotes + n_events:
        reports = None
    elif small:
        reports = plan.read("", _all_reports, _report_rows, n_rows=n_quotes + n_events, whole=_actors_in_one)
    else:
        parts = [plan.read(sql, rows, _report_rows, n_rows=n) for sql, rows, n in (
            (_QUOTE_ROWIDS, _quote_reports, n_quotes), (_EVENT_ROWIDS, _event_reports, n_events)) if n]
        reports = parts[0].union(*parts[1:])
    n_actors = 0
    with conn:
        conn.execute("DELETE FROM actors")
        conn.execute("UPDATE quotes SET actor_id = NULL")
        conn.execute("UPDATE event_mentions SET actor_id = NULL, recipient_id = NULL")
        if reports is not None:
            if small:  # the whole step ran in the read's task
                merged = reports
            else:
                merged = plan.group_map(plan.group_map(plan.group_map(
                    reports, "key", _per_key), "w", _targets), "target", _merge_actor)
            column = {"q": ("quotes", "actor_id"), "a": ("event_mentions", "actor_id"),
                      "r": ("event_mentions", "recipient_id")}
            for rows, links in _results(merged):
                n_actors += len(rows)
                conn.executemany(
                    "INSERT INTO actors (id, name, kind, aliases, roles, affiliation, n_statements, first_date, last_date)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                for kind, (table, col) in column.items():
                    conn.executemany(f"UPDATE {table} SET {col} = ? WHERE id = ?",
                                     [(aid, ref_id) for (k, ref_id), aid in links if k == kind and aid])
        count_actor_events(conn)
    return {"actors": n_actors}


# -- statements -----------------------------------------------------------------------------------

def _statement_actor(row) -> str:
    """Whose statement a quote row is: its actor, else its speaker's name as written."""
    return row["actor_id"] or f"speaker:{row['speaker'] or ''}"


#: :func:`_statement_actor` in SQL, to read quotes in that order.
_ACTOR_KEY = "coalesce(nullif(q.actor_id, ''), 'speaker:' || coalesce(q.speaker, ''))"


def _statement_rows(rows: list) -> pa.Table:
    return _table({"actor": [_statement_actor(r) for r in rows]}, [_pack(tuple(r)) for r in rows])


_QUOTE_COLUMNS = ("id", "doc_id", "text", "kind", "speaker", "speaker_role", "actor_id", "story_date",
                  "story_date_confidence", "outlet", "source")


def _merge_statements(group: pa.Table) -> pa.Table:
    """Per block of whole actors: their statements (reports of the same words merged) and the
    quotes of each."""
    info = {row["id"]: row for row in (dict(zip(_QUOTE_COLUMNS, p)) for p in _payloads(group))}
    reports = [QuoteReport(r["id"], r["doc_id"], r["actor_id"] or f"speaker:{r['speaker'] or ''}", r["text"],
                           r["kind"], r["story_date"], r["outlet"], r["source"]) for r in info.values()]
    statements, links, parts = [], [], []
    for found in group_statements(reports):
        if len(links) >= CHUNK:  # results in parts of a bounded size
            parts.append((statements, links))
            statements, links = [], []
        first = info[found[0].quote_id]
        # The fullest wording among the reports stands for the statement.
        best = max(found, key=lambda r: (len(r.text), r.kind == "direct"))
        sid = row_id("statement", *sorted(r.quote_id for r in found))
        outlets = sorted({r.outlet or info[r.quote_id]["source"] for r in found})
        statements.append((sid, first["actor_id"], first["speaker"], first["speaker_role"], best.text, best.kind,
                           first["story_date"], first["story_date_confidence"], first["doc_id"], first["id"],
                           len(found), json.dumps(outlets, ensure_ascii=False)))
        links += [(sid, r.quote_id) for r in found]
    parts.append((statements, links))
    return _table({"actor": [""] * len(parts)}, [_pack(part) for part in parts])


def _quote_rows(conn, lo, hi):
    where, params = between(_ACTOR_KEY, lo, hi)
    return conn.execute(
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_role, q.actor_id, d.story_date,"
        " d.story_date_confidence, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id"
        f" WHERE {where} ORDER BY {_ACTOR_KEY}", params)


_QUOTE_KEYS = f"SELECT {_ACTOR_KEY} AS k FROM quotes q"


def merge_statements_ray(store, plan: _Plan) -> dict[str, int]:
    """Rebuild ``statements`` and link quotes to them, as
    :func:`onrecord.store.corpus_phase.merge_statements` does."""
    conn = store.conn
    n_quotes = count_rows(conn, _QUOTE_KEYS)
    # Read in actor order (the store sorts), so each actor's quotes arrive together: no shuffle.
    quotes = plan.read(_QUOTE_KEYS, _quote_rows, _statement_rows, key=_statement_actor, n_rows=n_quotes,
                       whole=_merge_statements)
    n = 0
    with conn:
        conn.execute("DELETE FROM statements")
        if quotes is not None:
            # Each block holds whole actors, and group_statements groups by actor (a small
            # step's read ran _merge_statements already).
            merged = quotes if plan.one_task(n_quotes) else quotes.map_batches(
                _merge_statements, batch_format="pyarrow", batch_size=None)
            for statements, links in _results(merged):
                n += len(statements)
                conn.executemany("INSERT INTO statements (id, actor_id, speaker, speaker_role, text, kind, date,"
                                 " date_confidence, first_doc_id, first_quote_id, n_reports, outlets)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statements)
                conn.executemany("UPDATE quotes SET statement_id = ? WHERE id = ?", links)
    return {"statements": n}


# -- events ---------------------------------------------------------------------------------------

def _event_rows(reports: list) -> pa.Table:
    return _table({"key": [event_key(r) for r in reports]}, [_pack(r) for r in reports])


def _merge_event_group(group: pa.Table) -> pa.Table:
    """The happenings the reports of ``group`` (whole event keys: type and parties) describe."""
    merged = merge_events(_payloads(group))
    return _table({"id": [m.id for m in merged]}, [_pack(m) for m in merged])


def merge_events_ray(store, plan: _Plan) -> dict[str, int]:
    """Rebuild ``events`` as :func:`onrecord.store.corpus_phase.merge_event_table` does, grouping
    the reports by :func:`~onrecord.corpus.events.event_key` on Ray."""
    from ..store.corpus_phase import iter_event_reports, write_events

    n_rows = count_rows(store.conn, _EVENT_ROWIDS)
    # A small step's read task merges every report, as the local engine does.
    reports = plan.read(_EVENT_ROWIDS, iter_event_reports, _event_rows, n_rows=n_rows, whole=_merge_event_group)
    merged: Iterable = ()
    if reports is not None:
        if plan.one_task(n_rows):
            ds = reports
        else:
            ds = plan.group_map(reports, "key", _merge_event_group)
        merged = _results(ds)  # streamed into the store as the groups finish
    return write_events(store.conn, merged)


def run_corpus_phase_ray(store, settings: dict, *, address: str | None = None, partitions: int | None = None,
                         one_task_rows: int = ONE_TASK_ROWS, chunk: int = CHUNK) -> dict[str, int]:
    """Run every corpus step on Ray, in the local engine's order, and return their counts.

    ``partitions`` is the number of groups each group-by spreads its keys over (default: twice the
    cluster's CPUs). A step whose input has at most ``one_task_rows`` rows runs in one task; a
    larger one is read in blocks of about ``chunk`` rows and grouped across the cluster.
    """
    init_ray(settings, address)
    from .ray import _data_context

    ctx = _data_context(strict=True)
    # The corpus tables are small next to the documents: Ray's task-based sort shuffle starts in
    # well under a second where the actor-based hash shuffle takes seconds per group-by.
    strategy = getattr(ray.data.context, "ShuffleStrategy", None)
    saved = ctx.shuffle_strategy, ctx.target_max_block_size
    if strategy is not None:
        ctx.shuffle_strategy = strategy.SORT_SHUFFLE_PULL_BASED
    # A block read in key order must stay whole (a key's rows in one block): no splitting by size.
    ctx.target_max_block_size = None
    plan = _Plan(store, int(partitions or 2 * cluster_cpus()), one_task_rows, chunk)
    counts = {}
    try:
        counts.update(find_copies_ray(store, settings, plan))
        counts.update(resolve_actor_table_ray(store, plan))
        counts.update(merge_statements_ray(store, plan))
        counts.update(merge_events_ray(store, plan))
    finally:
        ctx.shuffle_strategy, ctx.target_max_block_size = saved
    return counts


__all__: Sequence[str] = ("run_corpus_phase_ray", "find_copies_ray", "resolve_actor_table_ray",
                          "merge_statements_ray", "merge_events_ray", "ONE_TASK_ROWS")
