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
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence

import pyarrow as pa
import ray
import ray.data

from ..corpus.actors import Mentioned, looks_like_person, normalise, resolve_actors
from ..corpus.copies import CopyInfo, UnionFind, choose_original, group_copies
from ..corpus.events import event_key, merge_events
from ..corpus.statements import QuoteReport, group_statements
from ..store.corpus_phase import count_actor_events
from ..store.db import row_id
from .ray import cluster_cpus, init_ray
from .store_read import CHUNK, between, count_rows, key_ranges, read_store

#: Rows of a step's input up to which the step runs in one task (no shuffle). Below this a
#: group-by's shuffles cost more than the parallel merging saves: the actors step of 10,000
#: generated articles (177,000 reports) took 10.7 CPU seconds in one task, 18.9 by group-bys.
ONE_TASK_ROWS = 200_000


def _pack(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _table(columns: dict[str, list], payloads: list | None = None) -> pa.Table:
    data = {name: pa.array(values, pa.string()) for name, values in columns.items()}
    if payloads is not None:
        data["p"] = pa.array(payloads, pa.large_binary())
    return pa.table(data)


def _empty(*names: str, payload: bool = True) -> pa.Table:
    return _table({n: [] for n in names}, [] if payload else None)


def _payloads(batch: pa.Table) -> list:
    return [pickle.loads(b) for b in batch.column("p").to_pylist()]


class _Plan:
    """How a step reads and groups: ``one_task_rows`` (inputs up to that many rows run in one
    task), ``chunk`` (rows per block otherwise) and ``partitions`` (groups per group-by)."""

    def __init__(self, store, partitions: int, one_task_rows: int = ONE_TASK_ROWS, chunk: int = CHUNK):
        self.store, self.partitions, self.one_task_rows, self.chunk = store, partitions, one_task_rows, chunk

    def one_task(self, n_rows: int) -> bool:
        return n_rows <= self.one_task_rows

    def read(self, keys_sql: str, rows, make, *, key=None, n_rows: int | None = None):
        """``rows`` read one task per range of ``keys_sql``'s values (one task, one block, when
        the step is small); None when ``keys_sql`` has no rows."""
        n = count_rows(self.store.conn, keys_sql) if n_rows is None else n_rows
        if not n:
            return None
        if self.one_task(n):
            return read_store(self.store, rows, make, [(None, None)], key=key, chunk=None)
        ranges = key_ranges(self.store.conn, keys_sql, -(-n // self.chunk))
        return read_store(self.store, rows, make, ranges, key=key, chunk=self.chunk)

    def group_map(self, ds, column: str, fn: Callable[[pa.Table], pa.Table]):
        """``fn`` applied to each group of equal ``column`` values of ``ds``, by a Ray group-by."""
        return ds.groupby(column, num_partitions=self.partitions).map_groups(fn, batch_format="pyarrow")


def _results(ds) -> Iterator:
    """The payloads of ``ds``, streamed to the driver."""
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        yield from _payloads(batch)


# -- copies ---------------------------------------------------------------------------------------

#: The documents of each candidate bucket (a band key two or more documents share), read in the
#: bands index's order so that each bucket arrives whole; only documents with a signature count.
_BUCKETS = (
    "SELECT b.key, d.id, d.source, d.minhash, d.published, d.published_confidence, d.repost_suspected,"
    " d.page_date, d.shingles FROM bands b JOIN documents d ON d.id = b.doc_id"
    " AND d.status = 'ok' AND d.minhash IS NOT NULL"
    " WHERE b.key IN (SELECT key FROM bands WHERE {where} GROUP BY key HAVING count(*) > 1)"
    " ORDER BY b.key, b.doc_id")


_BANDS = "SELECT key AS k FROM bands"


def _bucket_rows(conn, lo, hi) -> Iterator:
    where, params = between("key", lo, hi)
    return conn.execute(_BUCKETS.format(where=where), params)


def _bucket_table(rows: list) -> pa.Table:
    """Band keys and documents; a document's copy info with its first row only."""
    seen: set = set()
    payloads = []
    for r in rows:
        payloads.append(b"" if r[1] in seen else
                        _pack(CopyInfo(r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[2], r[8] or 0)))
        seen.add(r[1])
    return _table({"key": [r[0] for r in rows], "doc": [r[1] for r in rows]}, payloads)


def _bucket_clusters(block: pa.Table, threshold: float) -> pa.Table:
    """The copies among a block's buckets (whole buckets, in key order), one row per member of
    each cluster: the document, the cluster's id and the document's copy info."""
    keys, docs_in = block.column("key").to_pylist(), block.column("doc").to_pylist()
    infos = {d: pickle.loads(p) for d, p in zip(docs_in, block.column("p").to_pylist()) if p}
    buckets: list[list[str]] = []
    for i, (key, doc) in enumerate(zip(keys, docs_in)):
        if i == 0 or key != keys[i - 1]:
            buckets.append([])
        buckets[-1].append(doc)
    docs, cids, payloads = [], [], []
    for members in group_copies(buckets, infos, threshold).values():
        cid = row_id("copies", *members)
        docs += members
        cids += [cid] * len(members)
        payloads += [_pack(infos[m]) for m in members]
    return pa.table({"doc": pa.array(docs, pa.string()), "cid": pa.array(cids, pa.string()),
                     "p": pa.array(payloads, pa.large_binary())})


def _dates(cluster_id: str, members: list[CopyInfo]) -> list[tuple]:
    """The original of a cluster and each member's ``duplicate_of`` and story date, as rows of
    the documents update."""
    members = sorted(members, key=lambda i: i.doc_id)
    original, day, conf = choose_original(members)
    updates = []
    for info in members:
        dup = None if info.doc_id == original.doc_id else original.doc_id
        own = info.published if info.published_confidence > 0 else None
        # A copy takes the story's date when its own is missing, doubtful or later.
        if day and (own is None or info.repost_suspected or own > day):
            story, story_conf = day, conf
        else:
            story, story_conf = own, info.published_confidence
        updates.append((cluster_id, dup, story, story_conf, info.doc_id))
    return updates


def _cluster_dates(group: pa.Table) -> pa.Table:
    """Per cluster: the original, and each member's ``duplicate_of`` and story date."""
    cluster_id = group.column("cluster")[0].as_py()
    return _table({"cluster": [cluster_id]}, [_pack(_dates(cluster_id, _payloads(group)))])


def _clusters_in_one(found: pa.Table) -> pa.Table:
    """Every bucket's clusters joined where they share a document (named by its smallest document
    id, as ``group_copies`` names clusters), then dated: the whole of :func:`_components` and the
    steps after it, in one task."""
    uf, infos, first = UnionFind(), {}, {}
    for doc, cid, blob in zip(found.column("doc").to_pylist(), found.column("cid").to_pylist(),
                              found.column("p").to_pylist()):
        uf.union(first.setdefault(cid, doc), doc)
        if doc not in infos:
            infos[doc] = pickle.loads(blob)
    clusters = [(min(members), [infos[m] for m in members]) for members in uf.groups().values() if len(members) > 1]
    return _table({"cluster": [c for c, _ in clusters]}, [_pack(_dates(c, m)) for c, m in clusters])


def _links(batch: pa.Table) -> pa.Table:
    """Each document of each bucket's copy cluster, labelled with its own id to start with."""
    docs = batch.column("doc")
    return pa.table({"doc": docs, "cid": batch.column("cid"), "label": docs, "prev": docs,
                     "changed": pa.array([0] * len(docs), pa.int64())})


def _set(table: pa.Table, name: str, values: list, kind) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, pa.array(values, kind))


def _cluster_min(group: pa.Table) -> pa.Table:
    """A bucket cluster takes the smallest label of its documents."""
    return _set(group, "label", [min(group.column("label").to_pylist())] * group.num_rows, pa.string())


def _doc_min(group: pa.Table) -> pa.Table:
    """A document takes the smallest label of its clusters; ``changed`` when that lowered it."""
    low = min(group.column("label").to_pylist())
    changed = int(low != group.column("prev")[0].as_py())
    n = group.num_rows
    group = _set(_set(group, "label", [low] * n, pa.string()), "prev", [low] * n, pa.string())
    return _set(group, "changed", [changed] * n, pa.int64())


def _components(links, partitions: int):
    """Connected components of the bucket clusters, by min-label propagation: each round a cluster
    takes its documents' smallest label, then a document its clusters' smallest, until no label
    changes. A component's label is its smallest document id, as ``group_copies`` names clusters."""
    while True:
        links = (links.groupby("cid", num_partitions=partitions).map_groups(_cluster_min, batch_format="pyarrow")
                 .groupby("doc", num_partitions=partitions).map_groups(_doc_min, batch_format="pyarrow")
                 .materialize())
        if not links.sum("changed"):
            return links


def _one_per_doc(group: pa.Table) -> pa.Table:
    """A document's copy info keyed by its cluster, when it has both."""
    kinds, payloads = group.column("kind").to_pylist(), group.column("p").to_pylist()
    info = next((p for k, p in zip(kinds, payloads) if k == "info"), None)
    label = next((p.decode() for k, p in zip(kinds, payloads) if k == "label"), None)
    if info is None or label is None:
        return _empty("cluster")
    return _table({"cluster": [label]}, [info])


def _labels(batch: pa.Table) -> pa.Table:
    docs = batch.column("doc").to_pylist()
    return _table({"doc_id": docs, "kind": ["label"] * len(docs)}, [lab.encode() for lab in batch.column("label").to_pylist()])


def _infos(batch: pa.Table) -> pa.Table:
    return pa.table({"doc_id": batch.column("doc"), "kind": pa.array(["info"] * batch.num_rows, pa.string()),
                     "p": batch.column("p")})


def find_copies_ray(store, settings: dict, plan: _Plan) -> dict[str, int]:
    """Group copies and set ``cluster_id``, ``duplicate_of`` and ``story_date`` on documents, as
    :func:`onrecord.store.corpus_phase.find_copies` does."""
    conn = store.conn
    threshold = float(settings["copies"]["containment"])
    n_bands = count_rows(conn, _BANDS)
    buckets = plan.read(_BANDS, _bucket_rows, _bucket_table, key=lambda r: r[0], n_rows=n_bands)
    n_clusters = n_copies = 0
    with conn:
        conn.execute("UPDATE documents SET cluster_id = NULL, duplicate_of = NULL, story_date = published,"
                     " story_date_confidence = published_confidence")
        if buckets is None:
            return {"clusters": 0, "copies": 0}
        found = buckets.map_batches(_bucket_clusters, batch_format="pyarrow", batch_size=None,
                                    fn_kwargs={"threshold": threshold})
        if plan.one_task(n_bands):  # one block, no more rows than read: the whole step in the read's task
            dated = found.map_batches(_clusters_in_one, batch_format="pyarrow", batch_size=None)
        else:
            found = found.materialize()
            n_found = found.count()
            if plan.one_task(n_found):  # the found clusters in one batch: one task joins and dates them
                dated = found.map_batches(_clusters_in_one, batch_format="pyarrow", batch_size=max(1, n_found))
            else:
                # Clusters found in different buckets that share a document are one cluster.
                labelled = (_components(found.map_batches(_links, batch_format="pyarrow"), plan.partitions)
                            .map_batches(_labels, batch_format="pyarrow")
                            .union(found.map_batches(_infos, batch_format="pyarrow"))
                            .groupby("doc_id", num_partitions=plan.partitions)
                            .map_groups(_one_per_doc, batch_format="pyarrow"))
                dated = labelled.groupby("cluster", num_partitions=plan.partitions).map_groups(
                    _cluster_dates, batch_format="pyarrow")
        for updates in _results(dated):
            n_clusters += 1
            n_copies += len(updates) - 1
            conn.executemany("UPDATE documents SET cluster_id = ?, duplicate_of = ?, story_date = ?,"
                             " story_date_confidence = ? WHERE id = ?", updates)
    return {"clusters": n_clusters, "copies": n_copies}


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
        reports = plan.read("", _all_reports, _report_rows, n_rows=n_quotes + n_events)
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
            if small:
                merged = reports.map_batches(_actors_in_one, batch_format="pyarrow", batch_size=None)
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
    statements, links = [], []
    for found in group_statements(reports):
        first = info[found[0].quote_id]
        # The fullest wording among the reports stands for the statement.
        best = max(found, key=lambda r: (len(r.text), r.kind == "direct"))
        sid = row_id("statement", *sorted(r.quote_id for r in found))
        outlets = sorted({r.outlet or info[r.quote_id]["source"] for r in found})
        statements.append((sid, first["actor_id"], first["speaker"], first["speaker_role"], best.text, best.kind,
                           first["story_date"], first["story_date_confidence"], first["doc_id"], first["id"],
                           len(found), json.dumps(outlets, ensure_ascii=False)))
        links += [(sid, r.quote_id) for r in found]
    return _table({"actor": [group.column("actor")[0].as_py() if group.num_rows else ""]},
                  [_pack((statements, links))])


def _quote_rows(conn, lo, hi):
    where, params = between(_ACTOR_KEY, lo, hi)
    return conn.execute(
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_role, q.actor_id, d.story_date,"
        " d.story_date_confidence, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id"
        f" WHERE {where} ORDER BY {_ACTOR_KEY}", params)


def merge_statements_ray(store, plan: _Plan) -> dict[str, int]:
    """Rebuild ``statements`` and link quotes to them, as
    :func:`onrecord.store.corpus_phase.merge_statements` does."""
    conn = store.conn
    # Read in actor order (the store sorts), so each actor's quotes arrive together: no shuffle.
    quotes = plan.read(f"SELECT {_ACTOR_KEY} AS k FROM quotes q", _quote_rows, _statement_rows,
                       key=_statement_actor)
    n = 0
    with conn:
        conn.execute("DELETE FROM statements")
        if quotes is not None:
            # Each block holds whole actors, and group_statements groups by actor.
            merged = quotes.map_batches(_merge_statements, batch_format="pyarrow", batch_size=None)
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
    reports = plan.read(_EVENT_ROWIDS, iter_event_reports, _event_rows, n_rows=n_rows)
    merged: Iterable = ()
    if reports is not None:
        if plan.one_task(n_rows):  # one block of every report: merged as the local engine does
            ds = reports.map_batches(_merge_event_group, batch_format="pyarrow", batch_size=None)
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
