"""The corpus phase on Ray Data: copies, actors and statements, grouped by key across the cluster.

It gives the store the same rows as :mod:`onrecord.store.corpus_phase` (the local engine's, in
SQLite), by calling the same pure functions of :mod:`onrecord.corpus` on each group:

- copies: documents grouped by LSH band key; each bucket's candidate pairs checked with
  :func:`~onrecord.corpus.copies.group_copies`; buckets joined into clusters; each cluster, grouped
  by its id, given its original and story date by :func:`~onrecord.corpus.copies.choose_original`;
- actors: reports grouped by normalised name; a surname alone joined to the one full name that
  owns it (grouped by that word); each merged actor built by
  :func:`~onrecord.corpus.actors.resolve_actors`;
- statements: quotes grouped by actor, merged by :func:`~onrecord.corpus.statements.group_statements`.

The driver streams the keys out of the store a chunk at a time (into Ray's object store) and writes
the results back as they stream in; it never holds the corpus. Rows travel as a few string key
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
from ..corpus.copies import CopyInfo, choose_original, group_copies
from ..corpus.events import event_key, merge_group
from ..corpus.statements import QuoteReport, group_statements
from ..store.corpus_phase import count_actor_events
from ..store.db import row_id
from .ray import cluster_cpus, init_ray

#: Rows per chunk streamed from SQLite into Ray's object store.
CHUNK = 20_000


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


def from_rows(rows: Iterable, make: Callable[[list], pa.Table], key: Callable | None = None):
    """A Ray dataset of ``rows`` (an SQLite cursor, read :data:`CHUNK` rows at a time), each chunk
    turned into an Arrow table by ``make`` and put in the object store; None when there are none.

    With ``key``, a chunk ends only where ``key(row)`` changes, so rows read in key order keep each
    key's rows in one block (see :func:`runs_map`)."""
    import ray.data

    refs, chunk = [], []
    for row in rows:
        if len(chunk) >= CHUNK and (key is None or key(row) != key(chunk[-1])):
            refs.append(ray.put(make(chunk)))
            chunk = []
        chunk.append(row)
    if chunk:
        refs.append(ray.put(make(chunk)))
    return ray.data.from_arrow_refs(refs) if refs else None


def runs_map(ds, column: str, fn: Callable[[pa.Table], pa.Table]):
    """``fn`` applied to each run of equal ``column`` values in each block of ``ds``: a group-by
    for data that :func:`from_rows` read in key order (the store sorted it), without a shuffle."""
    return ds.map_batches(_runs, batch_format="pyarrow", batch_size=None, fn_kwargs={"column": column, "fn": fn})


def _runs(table: pa.Table, column: str, fn: Callable[[pa.Table], pa.Table]) -> pa.Table:
    keys = table.column(column).to_pylist()
    outs, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            outs.append(fn(table.slice(start, i - start)))
            start = i
    kept = [t for t in outs if t.num_rows]
    if not kept:
        return outs[0].slice(0, 0) if outs else table.slice(0, 0)
    return pa.concat_tables(kept) if len(kept) > 1 else kept[0]


def _results(ds) -> Iterator:
    """The payloads of ``ds``, streamed to the driver."""
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
        yield from _payloads(batch)


# -- copies ---------------------------------------------------------------------------------------

def _candidate_bands(conn) -> Iterator[tuple[str, str]]:
    """``(band key, document id)`` of every band key that two or more documents share (candidate
    copies), streamed in the order of the bands index: the store's index groups the keys, so this
    step needs no shuffle."""
    group: list[tuple[str, str]] = []
    for key, doc_id in conn.execute("SELECT key, doc_id FROM bands ORDER BY key, doc_id"):
        if group and key != group[0][0]:
            if len(group) > 1:
                yield from group
            group = []
        group.append((key, doc_id))
    if len(group) > 1:
        yield from group


def _band_rows(rows: list) -> pa.Table:
    return _table({"doc_id": [r[1] for r in rows], "kind": ["band"] * len(rows)}, [r[0].encode() for r in rows])


def _info_per_bucket(group: pa.Table) -> pa.Table:
    """Per document: its copy info, once for each candidate bucket it is in."""
    kinds = group.column("kind").to_pylist()
    payloads = group.column("p").to_pylist()
    info = next((p for k, p in zip(kinds, payloads) if k == "info"), None)
    keys = [p.decode() for k, p in zip(kinds, payloads) if k == "band"]
    if info is None or not keys:
        return _empty("key")
    return _table({"key": keys}, [info] * len(keys))


def _bucket_clusters(group: pa.Table, threshold: float) -> pa.Table:
    """Per candidate bucket: the copies it holds, as clusters of document ids."""
    infos = {i.doc_id: i for i in _payloads(group)}
    clusters = group_copies([list(infos)], infos, threshold)
    return _table({"first": [m[0] for m in clusters.values()]}, [_pack(m) for m in clusters.values()])


def _cluster_dates(group: pa.Table) -> pa.Table:
    """Per cluster: the original, and each member's ``duplicate_of`` and story date."""
    cluster_id = group.column("cluster")[0].as_py()
    members = sorted(_payloads(group), key=lambda i: i.doc_id)
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
    return _table({"cluster": [cluster_id]}, [_pack(updates)])


def _links(batch: pa.Table) -> pa.Table:
    """Each document of each bucket's copy cluster, labelled with its own id to start with."""
    docs, cids = [], []
    for members in _payloads(batch):
        cid = row_id("copies", *members)
        docs += members
        cids += [cid] * len(members)
    return pa.table({"doc": pa.array(docs, pa.string()), "cid": pa.array(cids, pa.string()),
                     "label": pa.array(docs, pa.string()), "prev": pa.array(docs, pa.string()),
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


def find_copies_ray(store, settings: dict, partitions: int) -> dict[str, int]:
    """Group copies and set ``cluster_id``, ``duplicate_of`` and ``story_date`` on documents, as
    :func:`onrecord.store.corpus_phase.find_copies` does."""
    conn = store.conn
    threshold = float(settings["copies"]["containment"])
    members = from_rows(_candidate_bands(conn), _band_rows)
    infos = from_rows(conn.execute(
        "SELECT id, source, minhash, published, published_confidence, repost_suspected, page_date, shingles"
        " FROM documents WHERE status = 'ok' AND minhash IS NOT NULL"),
        lambda rows: _table({"doc_id": [r[0] for r in rows], "kind": ["info"] * len(rows)},
                            [_pack(CopyInfo(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[1], r[7] or 0))
                             for r in rows]))
    n_clusters = n_copies = 0
    with conn:
        conn.execute("UPDATE documents SET cluster_id = NULL, duplicate_of = NULL, story_date = published,"
                     " story_date_confidence = published_confidence")
        if members is None or infos is None:
            return {"clusters": 0, "copies": 0}
        per_bucket = (members.union(infos).groupby("doc_id", num_partitions=partitions)
                      .map_groups(_info_per_bucket, batch_format="pyarrow"))
        local = per_bucket.groupby("key", num_partitions=partitions).map_groups(
            _bucket_clusters, batch_format="pyarrow", fn_kwargs={"threshold": threshold})
        links = local.map_batches(_links, batch_format="pyarrow").materialize()
        if not links.count():
            return {"clusters": 0, "copies": 0}
        # Clusters found in different buckets that share a document are one cluster.
        labelled = (_components(links, partitions).map_batches(_labels, batch_format="pyarrow").union(infos)
                    .groupby("doc_id", num_partitions=partitions).map_groups(_one_per_doc, batch_format="pyarrow"))
        dated = labelled.groupby("cluster", num_partitions=partitions).map_groups(_cluster_dates,
                                                                                  batch_format="pyarrow")
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
    # rows: (order, Mentioned, ref); the key is computed on the workers
    return _table({"key": [""] * len(rows)}, [_pack(r) for r in rows])


def _with_keys(batch: pa.Table) -> pa.Table:
    reports = _payloads(batch)
    keys = [normalise(r[1].name) for r in reports]
    keep = [i for i, k in enumerate(keys) if k]
    payloads = batch.column("p").to_pylist()
    return _table({"key": [keys[i] for i in keep]}, [payloads[i] for i in keep])


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
    reports = [r for reps in per_key for r in reps]
    actors, key_to_id = resolve_actors([r[1] for r in reports], _actor_id)
    links = [(r[2], key_to_id.get(normalise(r[1].name))) for r in reports]
    n_statements: dict[str, int] = {}
    for (kind, _), aid in links:
        if kind == "q" and aid:
            n_statements[aid] = n_statements.get(aid, 0) + 1
    rows = [(a.id, a.name, a.kind, json.dumps(a.aliases, ensure_ascii=False), json.dumps(a.roles, ensure_ascii=False),
             a.affiliation, n_statements.get(a.id, 0), a.first_date, a.last_date) for a in actors]
    return _table({"target": [group.column("target")[0].as_py()]}, [_pack((rows, links))])


def _actor_reports(conn) -> Iterator[tuple]:
    """Quote speakers, then event parties, in the order the local engine reads them."""
    order = 0
    for q in conn.execute(
            "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_mention, q.speaker_role, q.speaker_affiliation,"
            " d.story_date, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id"):
        if q["speaker"]:
            yield (order, Mentioned(q["speaker"], q["speaker_mention"], q["speaker_role"], q["speaker_affiliation"],
                                    q["story_date"]), ("q", q["id"]))
            order += 1
    for e in conn.execute("SELECT m.id, m.actor, m.recipient, m.date, d.story_date FROM event_mentions m"
                          " JOIN documents d ON d.id = m.doc_id"):
        for role, name in (("a", e["actor"]), ("r", e["recipient"])):
            if name:
                yield (order, Mentioned(name, None, None, None, e["date"] or e["story_date"]), (role, e["id"]))
                order += 1


def resolve_actor_table_ray(store, partitions: int) -> dict[str, int]:
    """Rebuild ``actors`` and link quotes and events to them, as
    :func:`onrecord.store.corpus_phase.resolve_actor_table` does."""
    conn = store.conn
    reports = from_rows(_actor_reports(conn), _report_rows)
    n_actors = 0
    with conn:
        conn.execute("DELETE FROM actors")
        conn.execute("UPDATE quotes SET actor_id = NULL")
        conn.execute("UPDATE event_mentions SET actor_id = NULL, recipient_id = NULL")
        if reports is not None:
            merged = (reports.map_batches(_with_keys, batch_format="pyarrow")
                      .groupby("key", num_partitions=partitions).map_groups(_per_key, batch_format="pyarrow")
                      .groupby("w", num_partitions=partitions).map_groups(_targets, batch_format="pyarrow")
                      .groupby("target", num_partitions=partitions).map_groups(_merge_actor, batch_format="pyarrow"))
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
    """Per actor: its statements (reports of the same words merged) and the quotes of each."""
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
    return _table({"actor": [group.column("actor")[0].as_py()]}, [_pack((statements, links))])


def merge_statements_ray(store, partitions: int) -> dict[str, int]:
    """Rebuild ``statements`` and link quotes to them, as
    :func:`onrecord.store.corpus_phase.merge_statements` does."""
    conn = store.conn
    # Read in actor order (the store sorts), so each actor's quotes arrive together: no shuffle.
    quotes = from_rows(conn.execute(
        "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker, q.speaker_role, q.actor_id, d.story_date,"
        " d.story_date_confidence, d.outlet, d.source FROM quotes q JOIN documents d ON d.id = q.doc_id"
        f" ORDER BY {_ACTOR_KEY}"), _statement_rows, key=_statement_actor)
    n = 0
    with conn:
        conn.execute("DELETE FROM statements")
        if quotes is not None:
            merged = runs_map(quotes, "actor", _merge_statements)
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
    """Per event key (type and parties): the happenings its reports describe."""
    merged = merge_group(_payloads(group))
    return _table({"id": [m.id for m in merged]}, [_pack(m) for m in merged])


def merge_events_ray(store, partitions: int) -> dict[str, int]:
    """Rebuild ``events`` as :func:`onrecord.store.corpus_phase.merge_event_table` does, grouping
    the reports by :func:`~onrecord.corpus.events.event_key` on Ray."""
    from ..store.corpus_phase import iter_event_reports, write_events

    reports = from_rows(iter_event_reports(store.conn), _event_rows)
    merged: Iterable = ()
    if reports is not None:
        ds = reports.groupby("key", num_partitions=partitions).map_groups(_merge_event_group, batch_format="pyarrow")
        merged = _results(ds)  # streamed into the store as the groups finish
    return write_events(store.conn, merged)


def run_corpus_phase_ray(store, settings: dict, *, address: str | None = None,
                         partitions: int | None = None) -> dict[str, int]:
    """Run every corpus step on Ray, in the local engine's order, and return their counts.

    ``partitions`` is the number of groups each group-by spreads its keys over (default: twice the
    cluster's CPUs).
    """
    init_ray(settings, address)
    from .ray import _data_context

    ctx = _data_context(strict=True)
    # The corpus tables are small next to the documents: Ray's task-based sort shuffle starts in
    # well under a second where the actor-based hash shuffle takes seconds per group-by.
    strategy = getattr(ray.data.context, "ShuffleStrategy", None)
    if strategy is not None:
        ctx.shuffle_strategy = strategy.SORT_SHUFFLE_PULL_BASED
    parts = int(partitions or 2 * cluster_cpus())
    counts = {}
    counts.update(find_copies_ray(store, settings, parts))
    counts.update(resolve_actor_table_ray(store, parts))
    counts.update(merge_statements_ray(store, parts))
    counts.update(merge_events_ray(store, parts))
    return counts


__all__: Sequence[str] = ("run_corpus_phase_ray", "find_copies_ray", "resolve_actor_table_ray",
                          "merge_statements_ray", "merge_events_ray", "from_rows")
