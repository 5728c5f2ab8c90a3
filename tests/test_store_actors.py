"""The in-memory actor directory: it finds the same actors as SQL's LIKE, and it is read again
when the store changes."""
from __future__ import annotations

import json
import sqlite3

import pytest

from onrecord.store.db import Store
from onrecord.store.views import Filters, actor_directory, count, where_clause

ACTORS = [
    # id, name, aliases, affiliation, n_statements, n_events
    ("a1", "John Kirby", ["Kirby", "Admiral Kirby"], "State Department", 5, 1),
    ("a2", "Kim Jong Un", ["Kim"], "Workers' Party", 3, 2),
    ("a3", "Émile Zola", ["ÉMILE"], None, 1, 0),
    ("a4", "Ann 100% Sure", [], "Fund_Raisers", 0, 0),
    ("a5", "Nikki Haley", ["Ambassador Haley"], "United Nations", 2, 0),
    ("a6", "Line\nBreak", [], "", 0, 0),
]


def _store(path) -> None:
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, aliases, affiliation, n_statements, n_events)"
            " VALUES (?, ?, 'person', ?, ?, ?, ?)",
            [(i, n, json.dumps(a), af, s, e) for i, n, a, af, s, e in ACTORS])
        conn.executemany(
            "INSERT INTO statements (id, actor_id, speaker, text, kind, date, n_reports) VALUES (?, ?, ?, ?, 'direct', ?, 1)",
            [(f"s{k}", ACTORS[k % len(ACTORS)][0] if k % 4 else None, "Kim Unlinked" if k % 4 == 0 else None,
              f"words {k}", f"2016-01-{k + 1:02d}") for k in range(20)])
        conn.execute("INSERT INTO events (id, type, actor, actor_id, recipient, recipient_id, date, sentence, n_reports)"
                     " VALUES ('e1', 'CONSULT', 'John Kirby', 'a1', 'Kim Jong Un', 'a2', '2016-02-01', 'They met.', 1)")


@pytest.fixture(scope="module")
def ro_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "a.db"
    _store(path)
    with Store(path, readonly=True) as store:
        yield store


def _like(store: Store, field: str, needle: str) -> list[str]:
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if field == "speaker":
        sql = "SELECT id FROM actors WHERE name LIKE ?1 ESCAPE '\\' OR aliases LIKE ?1 ESCAPE '\\' ORDER BY rowid"
    else:
        sql = "SELECT id FROM actors WHERE affiliation LIKE ?1 ESCAPE '\\' ORDER BY rowid"
    return [r[0] for r in store.conn.execute(sql, (pattern,))]


@pytest.mark.parametrize("field, needle", [
    ("speaker", "kirby"), ("speaker", "KIM"), ("speaker", "Admiral"), ("speaker", "i"),
    ("speaker", "émile"),  # LIKE ignores the case of ASCII letters only
    ("speaker", "ÉMILE"), ("speaker", "100%"), ("speaker", "0%S"), ("speaker", '"Kim"'), ("speaker", "y Un"),
    ("speaker", "["), ("speaker", "nobody"), ("speaker", "\\"),
    ("affiliation", "state"), ("affiliation", "_raisers"), ("affiliation", "d_R"), ("affiliation", "'"),
    ("affiliation", "nations"),
])
def test_directory_finds_what_like_finds(ro_store, field, needle):
    directory = actor_directory(ro_store)
    found = directory.matching(field, needle)
    assert [directory.ids[i] for i in found] == _like(ro_store, field, needle)


@pytest.mark.parametrize("needle", ["a\x00b", "Line\nBreak", ""])
def test_directory_leaves_to_sql_what_like_reads_differently(ro_store, needle):
    assert actor_directory(ro_store).matching("speaker", needle) is None


@pytest.mark.parametrize("kind", ["statements", "events", "quotes", "documents"])
@pytest.mark.parametrize("filters", [{"speaker": "kim"}, {"speaker": "Kirby"}, {"affiliation": "state"},
                                     {"speaker": "Line\nBreak"}, {"speaker": "nobody"}])
def test_where_clause_with_the_directory_matches_the_same_rows(ro_store, kind, filters):
    f = Filters.of(**filters)
    if set(f.given()) - {"speaker", "affiliation"} or (kind == "documents" and f.affiliation):
        pytest.skip("filter does not apply")
    table = {"statements": "statements s", "events": "events e", "quotes": "quotes q", "documents": "documents d"}[kind]
    alias = table[-1]
    rows = []
    for store in (None, ro_store):
        where, params = where_clause(kind, f, store)
        rows.append(sorted(r[0] for r in ro_store.conn.execute(f"SELECT {alias}.rowid FROM {table} WHERE {where}", params)))
    assert rows[0] == rows[1]
    assert count(ro_store, kind, f) == len(rows[0])


def test_directory_is_read_again_after_another_connection_writes(tmp_path):
    path = tmp_path / "a.db"
    _store(path)
    with Store(path, readonly=True) as reader:
        before = actor_directory(reader)
        assert actor_directory(reader) is before  # unchanged store: kept
        assert before.matching("speaker", "Mallory") == []
        with sqlite3.connect(path) as writer:  # a new ingest's corpus phase, say
            writer.execute("INSERT INTO actors (id, name, kind, n_statements) VALUES ('a9', 'Eve Mallory', 'person', 7)")
        after = actor_directory(reader)
        assert after is not before
        assert [after.ids[i] for i in after.matching("speaker", "mallory")] == ["a9"]
        assert after.n_statements[after.position["a9"]] == 7


def test_directory_is_read_again_after_its_own_connection_writes(tmp_path):
    path = tmp_path / "a.db"
    _store(path)
    with Store(path) as store:
        before = actor_directory(store)
        with store.conn:
            store.conn.execute("UPDATE actors SET name = 'Johnny Kirby' WHERE id = 'a1'")
        after = actor_directory(store)
        assert after is not before and [after.ids[i] for i in after.matching("speaker", "johnny")] == ["a1"]
