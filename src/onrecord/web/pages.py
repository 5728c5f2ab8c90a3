"""The HTML pages: timeline, speakers, one speaker, one article, search."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..store.timeline import group_by_day, speaker as speaker_record
from ..store.views import Filters
from . import data, render
from .api_routes import AFTER, LIMIT, ORDER, Order, Show
from .app import ApiError, facets

router = APIRouter(include_in_schema=False)
#: Hits per search page: an article's snippet costs several times a statement's (it is cut from a
#: whole body) and takes more room, so fewer articles are shown beside the statements.
STATEMENT_HITS, ARTICLE_HITS = 20, 10


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(store_name=request.app.state.store_name, path=request.url.path,
                                             **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
async def timeline_page(request: Request, f: Filters = Depends(data.filter_params), after: str | None = AFTER,
                  limit: int = LIMIT, order: Order = ORDER, show: Show = "all"):
    with request.app.state.pool.borrow() as store:
        page = data.timeline(store, f, after=after, limit=limit, order=order, show=show, memo=request.app.state.memo)
        suggest = facets(request.app, store)
    export_qs = render.query_string(f.given())
    return _page(request, "timeline.html", page=page, f=f, after=after, suggest=suggest, export_qs=export_qs)


@router.get("/speakers", response_class=HTMLResponse)
async def speakers_page(request: Request, f: Filters = Depends(data.filter_params),
                  offset: int = Query(0, ge=0, le=1_000_000)):
    with request.app.state.pool.borrow() as store:
        page = data.speakers(store, f, limit=100, offset=offset)
    return _page(request, "speakers.html", page=page, f=f)


@router.get("/speakers/{actor_id}", response_class=HTMLResponse)
async def speaker_page(request: Request, actor_id: str = Path(..., max_length=100), after: str | None = AFTER):
    with request.app.state.pool.borrow() as store:
        record = speaker_record(store, actor_id, after=after)
    if record is None:
        raise ApiError(404, "not_found", f"no speaker with id {actor_id!r}")
    statements = record["statements"]
    return _page(request, "speaker.html", record=record, actor=record["actor"],
                 days=group_by_day(statements["entries"]),
                 event_days=group_by_day(record["events"]["entries"]),
                 chart=render.activity_svg(record["activity"]),
                 next_qs=render.query_string({}, after=statements["next_after"]) if statements["next_after"] else None,
                 after=after)


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
async def article_page(request: Request, doc_id: str = Path(..., max_length=100)):
    with request.app.state.pool.borrow() as store:
        record = data.article(store, doc_id)
    if record is None:
        raise ApiError(404, "not_found", f"no article with id {doc_id!r}")
    doc = record["document"]
    spans = render.quote_spans(record["quotes"], record["events"], len(doc["body"]))
    return _page(request, "article.html", record=record, doc=doc, body=render.body_html(doc["body"], spans))


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = Query("", max_length=500), page: int = Query(0, ge=0, le=500)):
    results = None
    if q.strip():
        with request.app.state.pool.borrow() as store:
            results = data.search(store, q, limit=STATEMENT_HITS, offset=page * STATEMENT_HITS,
                                  article_limit=ARTICLE_HITS, article_offset=page * ARTICLE_HITS,
                                  memo=request.app.state.memo)
    return _page(request, "search.html", q=q, results=results, page_no=page)
