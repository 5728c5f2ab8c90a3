"""The store's schema as named migrations, applied forward only and recorded in ``_migrations``."""
from __future__ import annotations

import datetime as dt

#: (name, SQL) in the order they apply. Never edit an applied migration: add a new one.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_core", """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    settings TEXT NOT NULL,
    counts TEXT
);
-- One row per input document (a file, or a record of a WARC or JSON Lines file), whatever became
-- of it: the accounting that makes sure nothing is lost.
CREATE TABLE inputs (
    source TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX inputs_doc ON inputs(doc_id);
CREATE INDEX inputs_run_seq ON inputs(run_id, seq);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    fmt TEXT,
    url TEXT,
    language TEXT,
    title TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    outlet TEXT,
    agencies TEXT NOT NULL DEFAULT '[]',
    dateline TEXT,
    page_date TEXT,
    published TEXT,
    published_confidence REAL NOT NULL DEFAULT 0,
    repost_suspected INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT '',
    removed TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '{}',
    minhash BLOB,
    shingles INTEGER,
    cluster_id TEXT,
    duplicate_of TEXT,
    story_date TEXT,
    story_date_confidence REAL
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_cluster ON documents(cluster_id);
-- Ordinary rowid tables: SQLite 3.40's integrity_check reports false NULLs in WITHOUT ROWID ones.
CREATE TABLE bands (
    key TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    UNIQUE (key, doc_id)
);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    UNIQUE (doc_id, start, end, label)
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_mention TEXT,
    speaker_role TEXT,
    speaker_affiliation TEXT,
    cue TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    confidence REAL,
    actor_id TEXT,
    statement_id TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_id, ord);
CREATE INDEX quotes_actor ON quotes(actor_id);
CREATE INDEX quotes_statement ON quotes(statement_id);
CREATE TABLE event_mentions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id),
    ord INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT NOT NULL DEFAULT '[]',
    actor TEXT,
    actor_country TEXT,
    recipient TEXT,
    recipient_country TEXT,
    date TEXT,
    date_text TEXT,
    location TEXT,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    actor_id TEXT,
    recipient_id TEXT,
    event_id TEXT
);
CREATE INDEX event_mentions_doc ON event_mentions(doc_id, ord);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
-- Corpus-level tables, rebuilt by the corpus phase from the per-document rows above.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    affiliation TEXT,
    n_statements INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX actors_name ON actors(name);
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    actor_id TEXT REFERENCES actors(id),
    speaker TEXT,
    speaker_role TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    date_confidence REAL,
    first_doc_id TEXT,
    first_quote_id TEXT,
    n_reports INTEGER NOT NULL,
    outlets TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX statements_date ON statements(date, id);
CREATE INDEX statements_actor ON statements(actor_id, date);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    context TEXT NOT NULL DEFAULT '[]',
    actor TEXT,
    actor_country TEXT,
    actor_id TEXT,
    recipient TEXT,
    recipient_country TEXT,
    recipient_id TEXT,
    date TEXT,
    date_confidence REAL,
    location TEXT,
    sentence TEXT NOT NULL,
    first_doc_id TEXT,
    first_mention_id TEXT,
    n_reports INTEGER NOT NULL,
    outlets TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_actor ON events(actor_id, date);
CREATE INDEX events_type ON events(type, date);
"""),
    ("0002_full_text_search", """
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents', content_rowid='rowid',
                                              tokenize='porter unicode61');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, body ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE VIRTUAL TABLE statements_fts USING fts5(text, speaker, content='statements', content_rowid='rowid',
                                               tokenize='porter unicode61');
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text, speaker ON statements BEGIN
  INSERT INTO statements_fts(statements_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
  INSERT INTO statements_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
"""),
    ("0003_events_by_recipient", """
-- A speaker page lists what was done to the actor too; without this it reads every event.
CREATE INDEX events_recipient ON events(recipient_id, date);
"""),
]


def migrate(conn) -> list[str]:
    """Apply the migrations ``conn`` lacks, each in its own transaction; return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            # One script, one transaction: a migration applies whole or not at all. Names and
            # stamps are ours, never user input.
            conn.executescript(f"BEGIN;\n{sql}\n;INSERT INTO _migrations (name, applied) VALUES ('{name}', '{stamp}');\nCOMMIT;")
        except Exception:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
