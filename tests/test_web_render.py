"""The HTML pieces built in Python escape exactly as markupsafe does."""
from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from onrecord.web import render

HOSTILE = "<script>alert('x')</script><img src=x onerror=\"alert(1)\"> &amp; &lt;b&gt; \u202eevil\u202c"


@pytest.mark.parametrize("value", ["", "plain words", HOSTILE, "a & b < c > d \" e ' f", "&&<<>>", "“curly” ‘marks’",
                                   "\x00\x02\x03", 42, 0.5, None, Markup("<b>kept</b>")])
def test_text_html_is_markupsafe_escape(value):
    assert render.text_html(value) == str(escape(value))


@pytest.mark.parametrize("entry", [
    {"entry": "statement", "id": "s<1>", "text": HOSTILE, "kind": "direct", "speaker": HOSTILE, "actor_id": "a/1 \"x\"",
     "speaker_role": "<i>role</i>", "affiliation": "A & B", "outlets": ["<O1>", "O'2"], "n_reports": 2,
     "date": "2016-10-24", "date_confidence": 0.9, "link": "/articles/d1#q-'x'"},
    {"entry": "statement", "id": "s2", "text": " said, ", "kind": "indirect", "speaker": None, "actor_id": None,
     "date": None, "date_confidence": None},
    {"entry": "event", "id": "e<1>", "type": "CONSULT<", "mode": "'m'", "actor": HOSTILE, "actor_id": "x y",
     "recipient": "R&R", "recipient_id": None, "location": "<Seoul>", "sentence": HOSTILE, "outlets": [],
     "date": "2016-13-40", "date_confidence": 0.3, "link": None},
])
@pytest.mark.parametrize("show_speaker", [True, False])
def test_entry_html_escapes_every_value(entry, show_speaker):
    html = render.entry_html(entry, show_speaker=show_speaker)
    assert "<script>" not in html and "<i>" not in html and "<O1>" not in html and "<Seoul>" not in html
    if show_speaker and entry.get("actor_id") == "a/1 \"x\"":
        assert 'href="/speakers/a%2F1%20%22x%22"' in html
    if entry["entry"] == "event":
        assert "&lt;Seoul&gt;" in html and "R&amp;R" in html


@pytest.mark.parametrize("value, expected", [("2016-09-26", "Monday 26 September 2016"), ("2016-13-40", "2016-13-40"),
                                             (None, "Undated"), ("", "Undated"), ("2016-09-26T10:00", "Monday 26 September 2016")])
def test_long_date(value, expected):
    assert render.long_date(value) == expected


@pytest.mark.parametrize("hit, present, absent", [
    ({"actor_id": "a 1", "speaker": HOSTILE, "speaker_role": "<r>", "date": None, "snippet_html": "<mark>x</mark>",
      "kind": "direct", "outlets": ["<O>"], "link": "/articles/d#q-1"},
     ['href="/speakers/a%201"', "&lt;script&gt;", "&lt;r&gt;", "undated", "<mark>x</mark>", "&lt;O&gt;",
      'href="/articles/d#q-1"'], ["<script>", "<r>", "<O>"]),
    ({"actor_id": None, "speaker": None, "date": "2016-01-02", "snippet_html": "", "kind": "indirect", "outlets": []},
     ['<span class="speaker">Unattributed</span>', "2016-01-02"], ["evidence", "outlets"]),
])
def test_statement_hits_escape_all_but_the_snippet(hit, present, absent):
    html = render.statement_hits_html([hit])
    assert all(p in html for p in present) and not any(a in html for a in absent)


def test_article_hits_show_the_source_when_untitled_and_say_when_none_match():
    html = render.article_hits_html([{"title": "", "title_html": "", "source": "<a.txt>", "link": "/articles/d",
                                      "outlet": "A&B", "date": None, "snippet_html": "<mark>y</mark>"}])
    assert "&lt;a.txt&gt;" in html and "A&amp;B" in html and "<mark>y</mark>" in html
    assert render.article_hits_html([]) == '<p class="empty">No article matches.</p>'
    assert render.statement_hits_html([]) == '<p class="empty">No statement matches.</p>'
