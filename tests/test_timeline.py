"""The timeline: date order, day groups, filters and keyset paging over a hand-built store.

``make_store`` builds the small store the web, export and browser tests share.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import sqlite3

import pytest

from onrecord import config
from onrecord.model import Document, Event, Party, Quote
from onrecord.stages.fingerprint import fingerprint
from onrecord.store.corpus_phase import run_corpus_phase
from onrecord.store.db import Store
from onrecord.store.views import Filters, FilterError, decode_cursor, encode_cursor
from onrecord.store.timeline import group_by_day, merge_entries, timeline

BODY_A = (
    "The United States said on Monday it remained open to talks with North Korea, but urged Pyongyang to show "
    "it was serious about giving up its nuclear weapons programme.\n\n"
    "\"We remain open to dialogue with the DPRK,\" State Department spokesman John Kirby told reporters at a "
    "regular briefing. \"The onus is on the North to prove that they are ready.\"\n\n"
    "Kirby said the administration had not been involved in informal meetings held last week between North "
    "Korean diplomats and former U.S. negotiators in Kuala Lumpur.\n\n"
    "Officials in Seoul said the talks were closely watched by both governments and by the United Nations."
)
BODY_C = (
    "North Korean leader Kim Jong Un said his country would keep building its deterrent, state media reported "
    "on Wednesday.\n\n"
    "\"We will never give up the treasured sword of justice,\" Kim said in a speech broadcast nationwide.\n\n"
    "At the United Nations, Ambassador Nikki Haley said the council was running out of patience. \"The time for "
    "talk is over,\" Haley told the Security Council.\n\n"
    "The United States imposed new sanctions on North Korean shipping companies."
)
#: Hostile text: markup, handlers, entities and a right-to-left override, all to be shown as text.
HOSTILE = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> &amp; &lt;b&gt; \u202eevil\u202c"
BODY_D = (
    f"A page carried this text: {HOSTILE} in its first paragraph.\n\n"
    "\"<b onmouseover=alert(2)>Trust me</b> & see\" said Eve <i>Mallory</i> at the meeting.\n\n"
    "Another line of ordinary prose follows here so the page reads as an article."
)
BODY_E = "Nobody knows when this was written.\n\n\"Undated words are still on record,\" an official said."


def _quote(body: str, text: str, speaker: str | None, kind: str = "direct", **extra) -> Quote:
    start = body.index(text)
    sent_start = body.rfind("\n", 0, start) + 1
    sent_end = body.find("\n", start)
    return Quote(text=text, kind=kind, start=start, end=start + len(text), speaker=speaker,
                 sentence_start=sent_start, sentence_end=len(body) if sent_end < 0 else sent_end, **extra)


def _event(body: str, sentence: str, kind: str, actor: Party | None, recipient: Party | None, date: str) -> Event:
    start = body.index(sentence)
    return Event(type=kind, sentence=sentence, start=start, end=start + len(sentence), actor=actor,
                 recipient=recipient, date=date)


def _doc(source: str, title: str, body: str, outlet: str | None, published: str | None, quotes: list[Quote],
         settings: dict, *, removed: list[str] = (), url: str | None = None, events: list[Event] = ()) -> Document:
    doc = Document(source=source, doc_id=hashlib.sha256(source.encode() + body.encode()).hexdigest()[:32], fmt="text",
                   title=title, body=body, outlet=outlet, published=published,
                   published_confidence=0.9 if published else 0.0, authors=["A. Writer"], removed=list(removed),
                   quotes=quotes, url=url, events=list(events))
    return fingerprint(doc, settings)


def make_store(path: str | pathlib.Path) -> pathlib.Path:
    """A store of five articles (one a copy of another, one hostile, one undated) with quotes and
    two events, merged by the real corpus phase."""
    settings = config.defaults()
    kirby = dict(speaker_role="State Department spokesman", speaker_affiliation="State Department")
    docs = [
        _doc("reuters/a.txt", "US open to talks with North Korea", BODY_A, "Reuters", "2016-09-26", [
            _quote(BODY_A, "We remain open to dialogue with the DPRK,", "John Kirby", speaker_mention="John Kirby", **kirby),
            _quote(BODY_A, "The onus is on the North to prove that they are ready.", "John Kirby", **kirby),
            _quote(BODY_A, "the administration had not been involved in informal meetings held last week",
                   "John Kirby", kind="indirect", speaker_mention="Kirby", **kirby),
        ], settings, removed=["Share this article", "Advertisement", "Reporting by A. Writer"],
            url="https://example.com/a", events=[_event(BODY_A, "informal meetings held last week", "CONSULT",
                                                        Party("John Kirby", "USA"), None, "2016-09-26")]),
        _doc("ap/a-copy.txt", "U.S. says open to North Korea dialogue", BODY_A + "\n\nCopyright AP.", "AP",
             "2016-09-27", [
                 _quote(BODY_A, "We remain open to dialogue with the DPRK,", "John Kirby", speaker_mention="Kirby",
                        **kirby)], settings),
        _doc("bbc/c.txt", "Kim vows to keep deterrent", BODY_C, "BBC", "2017-03-01", [
            _quote(BODY_C, "We will never give up the treasured sword of justice,", "Kim Jong Un",
                   speaker_role="leader", speaker_affiliation="North Korea", speaker_mention="Kim"),
            _quote(BODY_C, "The time for talk is over,", "Nikki Haley", speaker_role="Ambassador",
                   speaker_affiliation="United Nations", speaker_mention="Haley"),
        ], settings, events=[_event(BODY_C, "The United States imposed new sanctions on North Korean shipping companies.",
                                    "COERCE", Party("United States", "USA"), Party("North Korea", "PRK"), "2017-03-01")]),
        _doc("evil/d.html", "<script>alert('title')</script> Hostile & odd", BODY_D, "Evil <Times>", "2017-05-05", [
            _quote(BODY_D, "<b onmouseover=alert(2)>Trust me</b> & see", "Eve <i>Mallory</i>",
                   speaker_role="<script>role()</script>"),
        ], settings, removed=["<iframe src=javascript:alert(3)>"], url="javascript:alert(4)"),
        _doc("misc/e.txt", "Undated note", BODY_E, None, None, [
            _quote(BODY_E, "Undated words are still on record,", "an official"),
        ], settings),
    ]
    with Store(path) as store:
        run = store.begin_run("test", settings)
        store.save(docs, run)
        run_corpus_phase(store, settings)
    return pathlib.Path(path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = make_store(tmp_path_factory.mktemp("timeline") / "t.db")
    with Store(path, readonly=True) as s:
        yield s


def test_store_has_what_the_pages_need(store):
    n = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "statements", "events")}
    assert n == {"documents": 5, "statements": 7, "events": 2}
    merged = store.conn.execute("SELECT n_reports, outlets FROM statements WHERE text LIKE 'We remain open%'").fetchone()
    assert merged[0] == 2 and json.loads(merged[1]) == ["AP", "Reuters"]


def test_timeline_is_in_date_order_with_undated_last(store):
    page = timeline(store, limit=50)
    dates = [e["date"] for e in page.entries]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[-1] is None
    assert {e["entry"] for e in page.entries} == {"statement", "event"}
    assert page.total == 9 and page.next_after is None


def test_newest_first_reverses_dated_entries(store):
    dates = [e["date"] for e in timeline(store, newest_first=True).entries if e["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_keyset_pages_cover_everything_once(store, limit):
    seen, after = [], None
    for _ in range(20):
        page = timeline(store, limit=limit, after=after)
        seen += [e["id"] for e in page.entries]
        after = page.next_after
        if after is None:
            break
    assert seen == [e["id"] for e in timeline(store, limit=50).entries]


@pytest.mark.parametrize("filters, show, expected", [
    ({"speaker": "Kirby"}, "all", {"We remain open", "The onus", "the administration", "informal meetings"}),
    ({"speaker": "Kirby"}, "statements", {"We remain open", "The onus", "the administration"}),
    ({"affiliation": "united nations"}, "all", {"The time for talk"}),
    ({"outlet": "BBC"}, "all", {"We will never", "The time for talk", "The United States imposed"}),
    ({"since": "2017", "until": "2017-03"}, "all", {"We will never", "The time for talk", "The United States imposed"}),
    ({"q": "dialogue DPRK"}, "statements", {"We remain open"}),
    ({"q": '"treasured sword"'}, "all", {"We will never"}),
    ({"type": "coerce"}, "all", {"The United States imposed"}),
    ({"speaker": "100%_"}, "all", set()),
])
def test_filters(store, filters, show, expected):
    entries = timeline(store, Filters.of(**filters), show=show).entries
    got = {next(p for p in expected if (e.get("text") or e.get("sentence")).startswith(p)) for e in entries
           if any((e.get("text") or e.get("sentence")).startswith(p) for p in expected)}
    assert got == expected and len(entries) == len(expected)


def test_entries_link_to_their_evidence(store):
    for e in timeline(store).entries:
        if e["entry"] == "statement":
            assert e["link"] == f"/articles/{e['doc_id']}#q-{e['quote_id']}"
    event = next(e for e in timeline(store, show="events").entries if e["type"] == "CONSULT")
    assert event["link"].endswith(f"#e-{event['mention_id']}")


def test_group_by_day_keeps_order():
    entries = [{"date": "2016-01-01", "id": "a"}, {"date": "2016-01-01", "id": "b"}, {"date": "2016-01-02", "id": "c"},
               {"date": None, "id": "d"}]
    assert [(d, [e["id"] for e in es]) for d, es in group_by_day(entries)] == [
        ("2016-01-01", ["a", "b"]), ("2016-01-02", ["c"]), (None, ["d"])]


def test_merge_entries_orders_across_sources():
    a = [{"date": "2016-01-01", "id": "a"}, {"date": None, "id": "z"}]
    b = [{"date": "2015-12-31", "id": "b"}, {"date": "2016-01-01", "id": "0"}]
    merged, more = merge_entries([a, b], 3, newest_first=False)
    assert [e["id"] for e in merged] == ["b", "0", "a"] and more


@pytest.mark.parametrize("date, rid", [("2016-09-26", "abc123"), (None, "ffff")])
def test_cursor_round_trip(date, rid):
    assert decode_cursor(encode_cursor(date, rid)) == (date, rid)


@pytest.mark.parametrize("bad", [
    {"after": "no-tilde"}, {"after": "2016'--~x"}, {"limit": 0}, {"limit": 501}, {"show": "everything"},
])
def test_bad_arguments_raise(store, bad):
    with pytest.raises(FilterError):
        timeline(store, **bad)


@pytest.mark.parametrize("values", [{"since": "yesterday"}, {"until": "2016-9-1"}, {"colour": "red"}])
def test_bad_filters_raise(values):
    with pytest.raises(FilterError):
        Filters.of(**values)


def test_paging_uses_the_date_index(store):
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM statements s WHERE s.date IS NOT NULL AND (s.date, s.id) > (?, ?)"
        " ORDER BY s.date, s.id LIMIT 10", ("2016", "x")))
    assert "statements_date" in plan and "TEMP B-TREE" not in plan


def test_store_is_opened_read_only(store):
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM statements")


def test_api_timeline_and_events(tmp_path):
    from onrecord import api

    db = make_store(tmp_path / "api.db")
    page = api.timeline(db, limit=3, speaker="Kirby")
    assert len(page["entries"]) == 3 and page["next_after"] and page["total"] == 4
    assert [e["type"] for e in api.events(db)] == ["CONSULT", "COERCE"]
    assert [e["type"] for e in api.events(db, order="newest", speaker="north korea")] == ["COERCE"]


@pytest.mark.parametrize("args, exit_code, expect", [
    (["--type", "coerce", "--json"], 0, '"type": "COERCE"'),
    (["--speaker", "Kirby"], 0, "CONSULT"),
    (["--since", "yesterday"], 2, "not a date"),
])
def test_cli_events(tmp_path, args, exit_code, expect):
    from typer.testing import CliRunner

    from onrecord.cli import app

    db = make_store(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["events", str(db), *args], env={"COLUMNS": "200"})
    assert result.exit_code == exit_code and expect in result.output


@pytest.mark.parametrize("filters", [{"speaker": "Kirby"}, {"q": "north"}, {"affiliation": "State"}, {"speaker": "a"},
                                     {"actor": "nobody"}])
@pytest.mark.parametrize("newest_first", [False, True])
def test_plan_hints_do_not_change_results(store, monkeypatch, filters, newest_first):
    from onrecord.store import views

    f = Filters.of(**filters)
    pages = []
    # INDEXED BY statements_date and events NOT INDEXED; INDEXED BY the date index for both; neither
    for walk, scan in ((True, True), (True, False), (False, False)):
        monkeypatch.setattr(views, "_walk_dates", lambda *args, hint=walk: hint)
        monkeypatch.setattr(views, "_scan_events", lambda *args, hint=scan: hint)
        pages.append([[e["id"] for e in views.page(store, kind, f, limit=2, newest_first=newest_first,
                                                     after=("2016-01-01", "0") if newest_first is False else None)]
                      for kind in ("statements", "events")])
    assert pages[0] == pages[1] == pages[2]
