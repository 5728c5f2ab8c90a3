"""The JSON API under ``/api/``: one route per page, and exports of every filtered list.

Page routes are coroutines that query SQLite on the event loop: each takes a few milliseconds, and
handing it to a thread costs about as much again. Exports, which can run for seconds, stay in the
thread pool."""
from __future__ import annotations

import io
from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..store.export import FORMATS, WHATS, iter_csv, iter_jsonl, write_parquet
from ..store.timeline import speaker as speaker_record
from ..store import views
from ..store.views import Filters
from . import data
from .app import ApiError

router = APIRouter(prefix="/api")

Order = Literal["oldest", "newest"]
Show = Literal["all", "statements", "events"]
AFTER = Query(None, max_length=120, description="Position to continue from: `next_after` of the previous page.")
LIMIT = Query(50, ge=1, le=500, description="Entries per page.")
ORDER = Query("oldest", description="oldest (first) or newest (first); undated entries come last.")


def _timeline(request: Request, f: Filters, after, limit, order, show) -> JSONResponse:
    with request.app.state.pool.borrow() as store:
        out = data.timeline(store, f, after=after, limit=limit, order=order, show=show, memo=request.app.state.memo)
    out.pop("days")
    return JSONResponse(out)


@router.get("/timeline", summary="Statements and events in date order", tags=["timeline"])
async def timeline(request: Request, f: Filters = Depends(data.filter_params), after: str | None = AFTER,
             limit: int = LIMIT, order: Order = ORDER, show: Show = "all"):
    """The timeline of `/`: statements and events matching the filters, paged by position
    (pass `next_after` back as `after`). Each entry links to its evidence sentence (`link`)."""
    return _timeline(request, f, after, limit, order, show)


@router.get("/statements", summary="Statements in date order", tags=["timeline"])
async def statements(request: Request, f: Filters = Depends(data.filter_params), after: str | None = AFTER,
               limit: int = LIMIT, order: Order = ORDER):
    """Statements merged across articles: speaker, role, words, outlets, date and its confidence."""
    return _timeline(request, f, after, limit, order, "statements")


@router.get("/events", summary="Events in date order", tags=["timeline"])
async def events(request: Request, f: Filters = Depends(data.filter_params), after: str | None = AFTER,
           limit: int = LIMIT, order: Order = ORDER):
    """Events merged across articles (PLOVER type, actor, recipient, sentence)."""
    return _timeline(request, f, after, limit, order, "events")


@router.get("/speakers", summary="Speakers and event parties", tags=["speakers"])
async def speakers(request: Request, f: Filters = Depends(data.filter_params), limit: int = Query(100, ge=1, le=1000),
             offset: int = Query(0, ge=0, le=1_000_000)):
    """Actors merged across the corpus, most active first (filters: speaker, affiliation, since, until)."""
    with request.app.state.pool.borrow() as store:
        return JSONResponse(data.speakers(store, f, limit=limit, offset=offset))


@router.get("/speakers/{actor_id}", summary="One speaker's record", tags=["speakers"])
async def speaker(request: Request, actor_id: str = Path(..., max_length=100), after: str | None = AFTER,
            limit: int = Query(50, ge=1, le=500)):
    """Canonical name, aliases, roles over time, statements per month, a page of statements in
    order and the events the actor took part in."""
    with request.app.state.pool.borrow() as store:
        out = speaker_record(store, actor_id, after=after, limit=limit)
    if out is None:
        raise ApiError(404, "not_found", f"no speaker with id {actor_id!r}")
    return JSONResponse(out)


@router.get("/articles/{doc_id}", summary="One article with its quotes", tags=["articles"])
async def article(request: Request, doc_id: str = Path(..., max_length=100)):
    """The clean body, its quotes and event mentions (character offsets into `body`), its copies
    and what the cleaning removed."""
    with request.app.state.pool.borrow() as store:
        out = data.article(store, doc_id)
    if out is None:
        raise ApiError(404, "not_found", f"no article with id {doc_id!r}")
    return JSONResponse(out)


@router.get("/search", summary="Full-text search", tags=["search"])
async def search(request: Request, q: str = Query(..., min_length=1, max_length=500,
                                             description='Words to find; "quoted phrases" stay together.'),
           limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=10_000)):
    """Statements and articles matching `q`, best (bm25) first, with snippets (`snippet_html`
    holds the matches in `<mark>`, the rest escaped)."""
    with request.app.state.pool.borrow() as store:
        return JSONResponse(data.search(store, q, limit=limit, offset=offset, memo=request.app.state.memo))


def _export(request: Request, what: str, fmt: str, f: Filters) -> Response:
    views.where_clause(what, f)  # a filter that does not apply fails now, before any byte is sent
    pool = request.app.state.pool
    headers = {"content-disposition": f'attachment; filename="{what}.{fmt}"'}
    if fmt == "parquet":
        buf = io.BytesIO()
        with pool.borrow() as store:
            write_parquet(store, what, buf, f)
        return Response(buf.getvalue(), media_type=FORMATS[fmt], headers=headers)

    def chunks():
        with pool.borrow() as store:
            rows = iter_csv(store, what, f) if fmt == "csv" else iter_jsonl(store, what, f)
            yield from rows

    return StreamingResponse(chunks(), media_type=FORMATS[fmt], headers=headers)


def _add_export_route(what: str) -> None:
    def endpoint(request: Request, fmt: Literal["csv", "jsonl", "parquet"],
                 f: Filters = Depends(data.filter_params)):
        return _export(request, what, fmt, f)

    endpoint.__name__ = f"export_{what}"
    endpoint.__doc__ = (f"Every {what[:-1]} matching the filters as CSV, JSON Lines or Parquet "
                        f"(filters: {', '.join(sorted(views.APPLIES[what]))}).")
    router.add_api_route(f"/{what}.{{fmt}}", endpoint, methods=["GET"], summary=f"Export {what}", tags=["exports"],
                         response_class=Response)


for _what in WHATS:
    _add_export_route(_what)
