"""The copies step of the corpus phase on Ray Data (see :mod:`onrecord.scale.corpus`): documents read
by LSH band key, so each block holds whole buckets; each block's candidate pairs checked with
:func:`~onrecord.corpus.copies.group_copies`; the blocks' clusters joined where they share a
document (in one task, or by label propagation across the cluster when there are many); each
cluster given its original and story date by :func:`~onrecord.corpus.copies.choose_original`.
"""
from __future__ import annotations

import functools
import pickle
from collections.abc import Iterator, Sequence

import pyarrow as pa

from ..corpus.copies import CopyInfo, UnionFind, choose_original, group_copies
from ..store.db import row_id
from .store_read import between, count_rows
from .store_read import Plan as _Plan, empty as _empty, pack as _pack, payloads as _payloads, results as _results
from .store_read import table as _table

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


def _copies_in_one(block: pa.Table, threshold: float) -> pa.Table:
    """The whole copies step over one block of every candidate bucket."""
    return _clusters_in_one(_bucket_clusters(block, threshold))


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
    buckets = plan.read(_BANDS, _bucket_rows, _bucket_table, key=lambda r: r[0], n_rows=n_bands,
                        whole=functools.partial(_copies_in_one, threshold=threshold))
    n_clusters = n_copies = 0
    with conn:
        conn.execute("UPDATE documents SET cluster_id = NULL, duplicate_of = NULL, story_date = published,"
                     " story_date_confidence = published_confidence")
        if buckets is None:
            return {"clusters": 0, "copies": 0}
        if plan.one_task(n_bands):  # the whole step ran in the read's task
            dated = buckets
        else:
            found = buckets.map_batches(_bucket_clusters, batch_format="pyarrow", batch_size=None,
                                        fn_kwargs={"threshold": threshold}).materialize()
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


__all__: Sequence[str] = ("find_copies_ray",)
