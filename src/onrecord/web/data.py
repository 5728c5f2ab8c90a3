"""What each page shows, as plain data: the HTML pages render it, the JSON API returns it."""
from __future__ import annotations

import json
from typing import Any

from fastapi import Query

from ..store.timeline import evidence_link, timeline as timeline_page
from ..store import views
from ..store.db import Store
from ..store.views import Filters
from . import render


async def filter_params(
    speaker: str | None = Query(None, max_length=200, description="Speaker's (or event party's) name or alias contains this."),
    actor: str | None = Query(None, max_length=100, description="Exactly this actor id."),
    affiliation: str | None = Query(None, max_length=200, description="The actor's affiliation contains this."),
    outlet: str | None = Query(None, max_length=200, description="One of the reporting outlets contains this."),
    since: str | None = Query(None, max_length=10, description="On or after YYYY, YYYY-MM or YYYY-MM-DD."),
    until: str | None = Query(None, max_length=10, description="On or before YYYY, YYYY-MM or YYYY-MM-DD."),
    q: str | None = Query(None, max_length=500, description='Words in the text; "quoted phrases" kept whole.'),
    type: str | None = Query(None, max_length=40, description="Event type, e.g. CONSULT (events only)."),
    doc: str | None = Query(None, max_length=100, description="Reported by this document id."),
) -> Filters:
    """The filters of a list, from the query string (blank values ignored)."""
    return Filters.of(speaker=speaker, actor=actor, affiliation=affiliation, outlet=outlet, since=since, until=until,
                      q=q, type=type, doc=doc)


def timeline(store: Store, f: Filters, *, after: str | None, limit: int, order: str, show: str,
             memo=None) -> dict[str, Any]:
    """A timeline page with its filters and the query of the next page (``memo`` remembers counts)."""
    page = timeline_page(store, f, after=after, limit=limit, newest_first=order == "newest", show=show, memo=memo)
    params = {**f.given(), "show": None if show == "all" else show, "order": None if order == "oldest" else order,
              "limit": None if limit == 50 else limit}
    return {**page.as_dict(), "filters": f.given(), "show": show, "order": order,
            "next": render.query_string(params, after=page.next_after) if page.next_after else None,
            "first": render.query_string(params), "days": page.days()}


def speakers(store: Store, f: Filters, *, limit: int, offset: int) -> dict[str, Any]:
    """A page of actors, most active first."""
    rows = views.actor_list(store, f, limit=limit + 1, offset=offset)
    return {"actors": rows[:limit], "offset": offset, "limit": limit, "more": len(rows) > limit,
            "total": views.count(store, "actors", f), "filters": f.given()}


def article(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its quotes and event mentions (offsets into ``body``), its copies, the
    inputs that delivered it, and the lines the cleaning removed (``removed``)."""
    doc = views.document(store, doc_id)
    if doc is None:
        return None
    quotes = views.document_quotes(store, doc_id)
    events = views.document_events(store, doc_id)
    original = views.document(store, doc["duplicate_of"]) if doc["duplicate_of"] else None
    return {"document": doc, "quotes": quotes, "events": events, "copies": views.document_copies(store, doc),
            "duplicate_of": {k: original[k] for k in ("id", "source", "title", "outlet")} if original else None,
            "sources": views.document_sources(store, doc_id)}


def search(store: Store, q: str, *, limit: int, offset: int, article_limit: int | None = None,
           article_offset: int | None = None, memo=None) -> dict[str, Any]:
    """Statements and articles matching ``q``, best first; snippets as plain text and as HTML with
    the matches in ``<mark>`` (escaped first). Articles page by ``limit`` and ``offset`` too unless
    ``article_limit`` and ``article_offset`` say otherwise."""
    article_limit = limit if article_limit is None else article_limit
    article_offset = offset if article_offset is None else article_offset
    statements = views.search_statements(store, q, limit=limit, offset=offset)
    articles = views.search_documents(store, q, limit=article_limit, offset=article_offset)
    for hit in statements:
        hit["snippet_html"] = str(render.marked(hit["snippet"]))
        hit["snippet"] = render.plain(hit["snippet"])
        hit["outlets"] = json.loads(hit["outlets"] or "[]")
        hit["link"] = evidence_link({"entry": "statement", **hit})
    for hit in articles:
        hit["title_html"] = str(render.marked(hit["title"]))
        hit["title"] = render.plain(hit["title"])
        hit["snippet_html"] = str(render.marked(hit["snippet"]))
        hit["snippet"] = render.plain(hit["snippet"])
        hit["link"] = f"/articles/{hit['id']}"
    return {"q": q, "statements": statements, "articles": articles, "offset": offset, "limit": limit,
            "article_offset": article_offset, "article_limit": article_limit,
            "counts": (memo or (lambda key, compute: compute()))(("search", q), lambda: views.search_counts(store, q))}
