"""The SQLite store: migrations, the writer, idempotence, queries and the contract lines."""
from __future__ import annotations

import sqlite3

import pytest

from onrecord.errors import StoreError
from onrecord.model import Document, Event, Party, Quote
from onrecord.stages.fingerprint import fingerprint
from onrecord.store import queries
from onrecord.store.corpus_phase import run_corpus_phase
from onrecord.store.db import Store
from onrecord.store.schema import MIGRATIONS

BODY = ("\"There's no US government involvement here,\" State Department spokesman John Kirby said on Monday.\n\n"
        "Kirby said the talks in Kuala Lumpur were private and that <script>alert(1)</script> nothing changed.")


def make_doc(settings, source="a.txt", doc_id="d1", body=BODY, published="2016-10-24", **kw) -> Document:
    doc = Document(source=source, doc_id=doc_id, fmt="text", body=body, title="US downplays talks",
                   published=published, published_confidence=0.9, page_date=published, outlet="Example Times", **kw)
    doc.quotes = [Quote("There's no US government involvement here,", "direct", 1, 43, speaker="John Kirby",
                        speaker_mention="John Kirby", speaker_role="State Department spokesman", cue="said"),
                  Quote("the talks in Kuala Lumpur were private", "indirect", body.index("the talks"),
                        body.index("the talks") + 38, speaker="Kirby", speaker_mention="Kirby", cue="said")]
    doc.events = [Event("CONSULT", body.split("\n\n")[0], 0, len(body.split("\n\n")[0]), actor=Party("John Kirby", "USA"),
                        date=published)]
    return fingerprint(doc, settings)


def test_migrations_apply_once_and_are_recorded(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    Store(path).close()
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM _migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not an onrecord store"):
        Store(bad)
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.db", readonly=True)


def test_read_only_store_refuses_writes(tmp_path, settings):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save([make_doc(settings)], store.begin_run("test", settings))
    with Store(path, readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM documents")


def test_saving_twice_adds_nothing(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run("test", settings)
        store.save([make_doc(settings)], run)
        store.save([make_doc(settings)], run)
        counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "inputs", "quotes", "event_mentions", "bands")}
    assert counts["documents"] == 1 and counts["inputs"] == 1 and counts["quotes"] == 2
    assert counts["event_mentions"] == 1 and counts["bands"] > 0


def test_corpus_phase_links_quotes_to_one_actor_and_statements(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run("test", settings)
        store.save([make_doc(settings),
                    make_doc(settings, source="copy.txt", doc_id="d2", published="2016-10-26")], run)
        counts = run_corpus_phase(store, settings)
        assert counts["clusters"] == 1 and counts["copies"] == 1
        rows = queries.statements(store)
        actors = queries.actors(store)
        d2 = store.conn.execute("SELECT duplicate_of, story_date FROM documents WHERE id = 'd2'").fetchone()
    # "Kirby" and "John Kirby" are one actor; each statement is reported by both copies.
    assert [a["name"] for a in actors] == ["John Kirby"]
    assert len(rows) == 2 and all(r["n_reports"] == 2 for r in rows)
    assert all(r["date"] == "2016-10-24" and r["speaker_name"] == "John Kirby" for r in rows)
    assert tuple(d2) == ("d1", "2016-10-24")


def test_contract_line_names_the_original_by_source(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run("test", settings)
        store.save([make_doc(settings), make_doc(settings, source="copy.txt", doc_id="d2", published=None)], run)
        run_corpus_phase(store, settings)
        lines = list(queries.contract_rows(store, run))
    assert [l["source"] for l in lines] == ["a.txt", "copy.txt"]
    assert lines[0]["duplicate_of"] is None and lines[1]["duplicate_of"] == "a.txt"
    assert lines[1]["published"] == "2016-10-24"  # the copy takes the original's date
    q = lines[0]["quotes"][1]
    assert q["speaker"] == "John Kirby" and q["speaker_mention"] == "Kirby"
    assert BODY[q["start"]:q["end"]] == q["text"]
    assert lines[0]["events"][0]["actor"] == {"name": "John Kirby", "country": "USA"}


@pytest.mark.parametrize("query", ['"private citizens', "NEAR(a b", "kirby*)", "a OR", "'; DROP TABLE documents; --",
                                   "^$%"])
def test_search_survives_fts_syntax_and_sql_in_user_input(tmp_path, settings, query):
    with Store(tmp_path / "s.db") as store:
        store.save([make_doc(settings)], store.begin_run("test", settings))
        run_corpus_phase(store, settings)
        assert isinstance(queries.search(store, query), list)
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_search_ranks_and_marks_hits(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        store.save([make_doc(settings)], store.begin_run("test", settings))
        run_corpus_phase(store, settings)
        hits = queries.search(store, "government involvement")
    assert hits and hits[0]["kind"] == "statement"
    assert "[government] [involvement]" in hits[0]["snippet"]


def test_statement_filters(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        store.save([make_doc(settings)], store.begin_run("test", settings))
        run_corpus_phase(store, settings)
        assert len(queries.statements(store, speaker="Kirby")) == 2
        assert queries.statements(store, speaker="Gardner") == []
        assert queries.statements(store, since="2016-10-25") == []
        assert len(queries.statements(store, until="2016-10-24")) == 2
        assert len(queries.statements(store, text="Kuala Lumpur")) == 1


def test_reports_of_one_event_in_copies_become_one_event(tmp_path, settings):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run("test", settings)
        store.save([make_doc(settings), make_doc(settings, source="copy.txt", doc_id="d2", published="2016-10-26")], run)
        counts = run_corpus_phase(store, settings)
        events = [dict(r) for r in store.conn.execute("SELECT * FROM events")]
        linked = store.conn.execute("SELECT count(DISTINCT event_id), count(*) FROM event_mentions").fetchone()
    assert counts["events"] == 1
    [event] = events
    assert event["n_reports"] == 2 and event["type"] == "CONSULT" and event["actor"] == "John Kirby"
    assert event["first_doc_id"] == "d1" and event["date"] == "2016-10-24"
    assert tuple(linked) == (1, 2)


def test_a_document_failed_by_its_worker_is_processed_again_by_the_next_run(tmp_path, settings):
    failed = make_doc(settings)
    failed.drop("worker_failed: the worker process ended (BrokenProcessPool); run again to retry", status="error")
    with Store(tmp_path / "s.db") as store:
        store.save([failed], run_id=1)
        assert not store.has_document(failed.doc_id)  # the next run takes it again
        store.save([make_doc(settings)], run_id=2)
        assert store.has_document(failed.doc_id)
        rows = store.conn.execute("SELECT status, reason FROM documents").fetchall()
        assert [tuple(r) for r in rows] == [("ok", None)]
        assert [tuple(r) for r in store.conn.execute("SELECT status FROM inputs")] == [("ok",)]


def test_a_document_that_failed_on_its_own_is_not_processed_again(tmp_path, settings):
    broken = make_doc(settings)
    broken.drop("stage_failed: quotes: ValueError", status="error")
    with Store(tmp_path / "s.db") as store:
        store.save([broken], run_id=1)
        assert store.has_document(broken.doc_id)


def _add_statements(store: Store, texts: list[str]) -> None:
    store.conn.executemany("INSERT INTO statements (id, text, kind, n_reports) VALUES (?, ?, 'direct', 1)",
                           [(f"s{i:03d}", t, ) for i, t in enumerate(texts)])


def test_search_ranks_only_the_newest_matches_of_a_common_word(tmp_path, monkeypatch):
    from onrecord.store import views
    monkeypatch.setattr(views, "RANK_WINDOW", 3)
    with Store(tmp_path / "s.db") as store:
        # The oldest statement is the best match (the word twice in few words), but it is outside the window.
        _add_statements(store, ["sanctions sanctions", "talks on sanctions and more words here",
                                "sanctions were discussed at length with many other words", "sanctions again"])
        hits = views.search_statements(store, "sanctions", limit=10)
        assert [h["id"] for h in hits] == ["s003", "s001", "s002"]
        assert views.search_counts(store, "sanctions")["statements"] == 4  # the count stays exact


def test_search_puts_the_newest_of_equal_scores_first(tmp_path):
    from onrecord.store import views
    with Store(tmp_path / "s.db") as store:
        _add_statements(store, ["the summit ended", "the summit ended", "the summit ended"])
        assert [h["id"] for h in views.search_statements(store, "summit", limit=10)] == ["s002", "s001", "s000"]
        assert [h["id"] for h in views.search_statements(store, "summit", limit=1, offset=1)] == ["s001"]


@pytest.mark.parametrize("query", ["summit", "summit ended", '"the summit"', "talks"])
def test_search_hits_carry_the_bm25_score_of_their_row(tmp_path, query):
    from onrecord.store import views
    with Store(tmp_path / "s.db") as store:
        _add_statements(store, ["the summit ended", "talks before the summit ended early", "summit summit talks",
                                "no match here"])
        hits = views.search_statements(store, query, limit=10)
        q = views.fts_query(query)
        expected = dict(store.conn.execute(
            "SELECT s.id, bm25(statements_fts) FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid"
            " WHERE statements_fts MATCH ?", (q,)).fetchall())
    assert hits and {h["id"]: h["rank"] for h in hits} == expected
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
