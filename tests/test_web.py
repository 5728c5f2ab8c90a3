"""The web page and JSON API over a hand-built store: pages, filters, paging, highlighted evidence,
hostile text shown as text, one error shape, parameters kept out of SQL, no path outside static."""
from __future__ import annotations

import asyncio
import html
import json
import os
import re
import sqlite3
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from markupsafe import escape  # noqa: E402

from onrecord.web import create_app  # noqa: E402
from tests.test_timeline import HOSTILE, make_store  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client):
    """Ids of things in the store, found through the API."""
    entries = client.get("/api/timeline").json()["entries"]
    actors = {a["name"]: a["id"] for a in client.get("/api/speakers").json()["actors"]}
    # Said only in the original (Reuters) article; its copy (AP) repeats another statement.
    first = next(e for e in entries if e["entry"] == "statement" and e["text"].startswith("The onus"))
    evil = next(e for e in entries if e["entry"] == "statement" and "Trust me" in e["text"])
    return {"kirby": actors["John Kirby"], "haley": actors["Nikki Haley"], "doc": first["doc_id"],
            "quote": first["quote_id"], "evil_doc": evil["doc_id"], "evil_actor": evil["actor_id"]}


def test_timeline_page_lists_statements_and_events_by_day(client):
    page = client.get("/").text
    days = re.findall(r'<time datetime="([\d-]+)">', page)
    assert days == sorted(days) and len(days) == len(set(days)) == 3
    assert "Undated" in page and "CONSULT" in page and "COERCE" in page
    assert "State Department spokesman" in page and "AP, Reuters" in page and "date high (0.90)" in page


@pytest.mark.parametrize("query, present, absent", [
    ("speaker=Kirby", ["We remain open", "CONSULT"], ["treasured sword", "Undated words"]),
    ("speaker=Kirby&show=statements", ["We remain open"], ["CONSULT"]),
    ("affiliation=United+Nations", ["The time for talk is over"], ["We remain open"]),
    ("outlet=BBC", ["treasured sword", "COERCE"], ["We remain open"]),
    ("since=2017-03-01&until=2017-03-31", ["treasured sword"], ["We remain open", "Trust me"]),
    ("q=%22treasured+sword%22", ["treasured sword"], ["We remain open"]),
    ("type=COERCE", ["COERCE"], ["treasured sword"]),
])
def test_timeline_filters(client, query, present, absent):
    page = client.get("/?" + query).text
    assert all(p in page for p in present), query
    assert not any(a in page for a in absent), query


@pytest.mark.parametrize("query, links", [
    ("", {"statements", "events"}), ("show=statements", {"statements"}), ("type=COERCE", {"events"}),
])
def test_timeline_offers_exports_of_its_view(client, query, links):
    page = client.get("/?speaker=k&" + query).text
    found = set(re.findall(r'href="/api/(\w+)\.csv\?speaker=k', page))
    assert found == links
    for what in links:
        assert client.get(f"/api/{what}.csv?speaker=k&{query if 'type' in query else ''}").status_code == 200


def test_timeline_pages_follow_next_links(client):
    seen, url = [], "/?limit=2"
    for _ in range(10):
        page = client.get(url).text
        seen += re.findall(r'<article class="entry \w+[^"]*" id="(?:s|ev)-([0-9a-f]+)"', page)
        nxt = re.search(r'<a rel="next" href="([^"]+)"', page)
        if not nxt:
            break
        url = html.unescape(nxt.group(1))
    assert len(seen) == len(set(seen)) == 9


def test_api_timeline_pages_by_position(client):
    first = client.get("/api/timeline?limit=4").json()
    second = client.get("/api/timeline", params={"limit": 4, "after": first["next_after"]}).json()
    assert first["total"] == 9 and len(first["entries"]) == 4
    assert not {e["id"] for e in first["entries"]} & {e["id"] for e in second["entries"]}
    newest = client.get("/api/statements?order=newest").json()["entries"]
    dated = [e["date"] for e in newest if e["date"]]
    assert dated == sorted(dated, reverse=True) and all(e["entry"] == "statement" for e in newest)
    assert all(e["entry"] == "event" for e in client.get("/api/events").json()["entries"])


def test_speaker_page(client, ids):
    page = client.get(f"/speakers/{ids['kirby']}").text
    assert "<h1>John Kirby</h1>" in page and "Also named</b> Kirby" in page
    assert "State Department spokesman" in page and '<svg class="chart"' in page
    assert page.count('class="entry statement') == 3 and "CONSULT" in page
    record = client.get(f"/api/speakers/{ids['kirby']}").json()
    assert record["actor"]["aliases"] == ["Kirby"] and record["activity"] == [
        {"month": "2016-09", "statements": 3, "events": 1}]
    assert [e["date"] for e in record["statements"]["entries"]] == sorted(e["date"] for e in record["statements"]["entries"])


def test_article_page_highlights_each_quote_with_its_speaker(client, ids):
    page = client.get(f"/articles/{ids['doc']}").text
    assert f'id="q-{ids["quote"]}"' in page
    mark = re.search(rf'<mark class="q" data-ids="[^"]*q-{ids["quote"]}[^"]*"[^>]*>([^<]+)</mark>', page)
    assert mark and mark.group(1) == "The onus is on the North to prove that they are ready."
    assert page.count('class="tag tag-q"') == 3 and ">John Kirby</a>" in page
    assert re.search(rf'<span class="sent" data-ids="[^"]*sent-{ids["quote"]}[^"]*">', page)  # its sentence
    assert re.search(r'data-ids="[^"]* e-[0-9a-f]+"', page) and 'class="tag tag-e"' in page  # the event too
    assert "Copies of this story (1)" in page and "copy of this one" in page
    assert "What the cleaning removed (3 lines)" in page and "<li>Advertisement</li>" in page
    api = client.get(f"/api/articles/{ids['doc']}").json()
    body = api["document"]["body"]
    assert all(body[q["start"]:q["end"]] == q["text"] for q in api["quotes"])
    assert api["document"]["removed"][0] == "Share this article" and len(api["copies"]) == 1


def test_copy_names_its_original(client, ids):
    copy = client.get(f"/api/articles/{ids['doc']}").json()["copies"][0]
    page = client.get(f"/articles/{copy['id']}").text
    assert "A copy of <a href=\"/articles/" + ids["doc"] in page


def test_search_ranks_and_marks_safely(client):
    page = client.get("/search", params={"q": "dialogue"}).text
    assert "<mark>dialogue</mark>" in page and "1 statement and" in page
    hits = client.get("/api/search", params={"q": "dialogue"}).json()
    assert hits["statements"][0]["snippet_html"].count("<mark>") == 1
    assert "<mark>" not in hits["statements"][0]["snippet"] and hits["statements"][0]["link"].startswith("/articles/")
    evil = client.get("/api/search", params={"q": "trust"}).json()["statements"][0]["snippet_html"]
    assert "<b" not in evil.replace("<mark>", "") and "&lt;b onmouseover=alert(2)&gt;<mark>Trust</mark>" in evil


@pytest.mark.parametrize("path", ["/", "/?speaker=Eve", "/speakers", "/search?q=trust", "/search?q=script"])
def test_hostile_text_is_shown_as_text(client, path):
    page = client.get(path).text
    assert "<script>" not in page.replace('<script src="/static/app.js" defer></script>', "")
    assert "<i>Mallory</i>" not in page and "onmouseover=alert" not in page.replace("onmouseover=alert(2)&gt;", "")
    assert "<b " not in page


def test_hostile_article_is_inert(client, ids):
    page = client.get(f"/articles/{ids['evil_doc']}").text
    assert str(escape(HOSTILE)) in page
    assert "<script>alert" not in page and "<img" not in page and "<iframe" not in page
    assert "&amp;amp;" in page  # the article's own entity text is shown, not decoded
    assert "\u202e" in page  # the right-to-left override is kept as a character...
    assert 'unicode-bidi' in client.get("/static/style.css").text  # ...inside paragraphs that isolate it
    assert 'href="javascript:' not in page and "javascript:alert(4)" in page
    speaker = client.get(f"/speakers/{ids['evil_actor']}").text
    assert "<h1>Eve &lt;i&gt;Mallory&lt;/i&gt;</h1>" in speaker


def test_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path, status, code", [
    ("/api/nothing", 404, "not_found"),
    ("/api/articles/0000", 404, "not_found"),
    ("/api/speakers/0000", 404, "not_found"),
    ("/api/timeline?limit=0", 422, "invalid_parameter"),
    ("/api/timeline?since=last+week", 422, "invalid_parameter"),
    ("/api/timeline?after=not-a-position", 422, "invalid_parameter"),
    ("/api/timeline?show=everything", 422, "invalid_parameter"),
    ("/api/search", 422, "invalid_parameter"),
    ("/api/actors.csv?q=words", 422, "invalid_parameter"),
    ("/api/statements.xlsx", 422, "invalid_parameter"),
])
def test_api_errors_have_one_shape(client, path, status, code):
    r = client.get(path)
    assert r.status_code == status
    assert set(r.json()) == {"error"} and r.json()["error"]["code"] == code and r.json()["error"]["message"]


def test_method_not_allowed_has_the_error_shape(client):
    r = client.post("/api/timeline")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_internal_errors_have_the_error_shape(client, monkeypatch):
    from onrecord.web import data

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(data, "article", broken)
    r = client.get("/api/articles/x")
    assert r.status_code == 500 and r.json() == {"error": {"code": "internal_error",
                                                           "message": "the server failed: RuntimeError"}}
    page = client.get("/articles/x")
    assert page.status_code == 500 and "internal error" in page.text and "boom" not in page.text


def test_html_errors_are_pages(client):
    r = client.get("/articles/unknown")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "no article" in r.text


@pytest.mark.parametrize("params", [
    {"speaker": "' OR '1'='1"}, {"speaker": "%"}, {"speaker": "_"}, {"q": "\" OR 1=1; DROP TABLE statements; --"},
    {"outlet": "') UNION SELECT sql FROM sqlite_master --"}, {"q": "NEAR(a b) OR *"}, {"affiliation": "\\"},
])
def test_parameters_never_reach_sql_as_text(client, params):
    r = client.get("/api/timeline", params=params)
    assert r.status_code == 200 and r.json()["entries"] == []
    assert client.get("/api/search", params={"q": next(iter(params.values()))}).status_code == 200
    assert client.get("/", params=params).status_code == 200


def _raw_get(app, raw_path: bytes) -> tuple[int, bytes]:
    """Send a path exactly as given (no client-side normalisation) straight to the ASGI app."""
    messages = []
    path = raw_path.decode("latin-1")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": raw_path, "query_string": b"", "root_path": "", "headers": [(b"host", b"x")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")


@pytest.mark.parametrize("raw_path", [
    b"/static/../app.py", b"/static/../../store/db.py", b"/static/%2e%2e/app.py", b"/static/..%2fapp.py",
    b"/static/../../../../../../etc/passwd", b"/static//etc/passwd", b"/static/....//app.py",
    b"/static/%2e%2e%2f%2e%2e%2fapi.py", b"/static/templates/../../app.py",
])
def test_no_path_outside_static_is_served(db, raw_path):
    app = create_app(db)
    status, body = _raw_get(app, raw_path)
    assert status == 404
    assert b"import" not in body and b"root:" not in body


def test_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_store_is_opened_read_only(db, client):
    before = os.stat(db).st_mtime_ns
    for path in ("/", "/search?q=north", "/api/statements.csv"):
        client.get(path)
    assert os.stat(db).st_mtime_ns == before
    with client.app.state.pool.borrow() as store:
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM statements")


def test_openapi_describes_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/timeline", "/api/statements", "/api/events", "/api/speakers", "/api/speakers/{actor_id}",
                 "/api/articles/{doc_id}", "/api/search", "/api/statements.{fmt}", "/api/documents.{fmt}"):
        assert path in paths
    assert not any(p == "/" or p.startswith("/articles") for p in paths)


@pytest.mark.parametrize("what, fmt, query, rows", [
    ("statements", "csv", "speaker=Kirby", 3),
    ("statements", "jsonl", "", 7),
    ("quotes", "jsonl", "outlet=AP", 1),
    ("actors", "csv", "affiliation=State", 1),
    ("events", "jsonl", "type=consult", 1),
    ("documents", "csv", "q=sanctions", 1),
])
def test_exports_follow_the_filters(client, what, fmt, query, rows):
    r = client.get(f"/api/{what}.{fmt}?{query}")
    assert r.status_code == 200 and f'filename="{what}.{fmt}"' in r.headers["content-disposition"]
    if fmt == "jsonl":
        lines = [json.loads(line) for line in r.text.splitlines()]
    else:
        import csv
        import io

        lines = list(csv.DictReader(io.StringIO(r.text)))
    assert len(lines) == rows


def test_parquet_export(client):
    import io

    import pyarrow.parquet as pq

    r = client.get("/api/statements.parquet?speaker=Kirby")
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == 3 and str(table.schema.field("outlets").type) == "list<element: string>"


@pytest.mark.parametrize("command", ["serve", "export"])
def test_cli_help_has_an_example(command):
    from typer.testing import CliRunner

    from onrecord.cli import app

    out = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output
    assert "Example:" in out and f"onrecord {command}" in out


def test_serve_reports_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "none.db"), "--port", "0"])
    assert result.exit_code == 2 and "no store" in result.output


@pytest.mark.parametrize("snippet, expected", [
    ("plain words", "plain words"),
    ("the \x02talks\x03 in \x02Hanoi\x03", "the <mark>talks</mark> in <mark>Hanoi</mark>"),
    ("<b>\x02x\x03</b> & 'y'", "&lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; &#39;y&#39;"),
    # Broken marks (not what FTS5 makes) still come out balanced and escaped.
    ("\x02open <i>", "<mark>open &lt;i&gt;</mark>"),
    ("a\x03b\x02c\x02d\x03e", "ab<mark>cd</mark>e"),
    ("", ""),
    (None, ""),
])
def test_search_snippet_marks_become_balanced_mark_tags(snippet, expected):
    from onrecord.store.views import MARK_END, MARK_START
    from onrecord.web.render import marked
    assert (MARK_START, MARK_END) == ("\x02", "\x03")
    assert str(marked(snippet)) == expected


def test_search_page_pages_articles_by_their_own_count(client, monkeypatch):
    from onrecord.web import pages
    monkeypatch.setattr(pages, "ARTICLE_HITS", 2)
    every = [a["id"] for a in client.get("/api/search", params={"q": "said"}).json()["articles"]]
    assert len(every) == 5
    shown = []
    for page_no in range(3):
        page = client.get("/search", params={"q": "said", "page": page_no}).text
        ids = re.findall(r'href="/articles/([^"#]+)"><mark>|class="speaker" href="/articles/([^"#]+)"', page)
        shown.append([a or b for a, b in ids])
        assert ("More matches" in page) == (page_no < 2)
    assert [len(s) for s in shown] == [2, 2, 1]
    assert [i for s in shown for i in s] == every  # the same order as the API's, nothing skipped or repeated
