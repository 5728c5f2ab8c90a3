"""The FastAPI application: HTML pages at ``/``, the JSON API under ``/api/``, static files under
``/static/``. The store is opened read-only (SQLite ``mode=ro`` and ``query_only``); each request
borrows one connection from a small pool, so requests run side by side without sharing one."""
from __future__ import annotations

import collections
import os
import pathlib
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.db import Store
from ..store.views import FilterError
from . import render

HERE = pathlib.Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
          500: "internal_error"}
#: Sent with every response: nothing but our own files may run or load.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                 b" connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class StorePool:
    """Read-only connections to one store, lent to one request at a time."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self._release(self._open())  # fail now, not at the first request, when the store is missing

    def _open(self) -> Store:
        store = Store(self.path, readonly=True)
        store.conn.execute("PRAGMA query_only = 1")
        with self._lock:
            self._all.append(store)
        return store

    def _release(self, store: Store) -> None:
        self._idle.put(store)

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        """A connection for the duration of the block."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = self._open()
        try:
            yield store
        finally:
            self._release(store)

    def version(self) -> tuple:
        """Changes whenever the store's files change (another process ingesting, say)."""
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.path + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def close(self) -> None:
        """Close every connection."""
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


class Memo:
    """Small remembered results (counts, suggestions) for the store as it is now: an entry is used
    only while the store's files are unchanged; least recently used entries go first."""

    def __init__(self, pool: StorePool, size: int = 1024):
        self.pool, self.size = pool, size
        self._items: collections.OrderedDict = collections.OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (self.pool.version(), key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


class ApiError(Exception):
    """An error answered with the one error shape: ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (pure ASGI: no per-request task)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def make_templates() -> Environment:
    """The Jinja2 environment: autoescaping on for every template."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, auto_reload=False)
    env.filters.update(long_date=render.long_date, confidence=render.confidence, marked=render.marked,
                       safe_url=render.safe_url, days_html=render.days_html,
                       statement_hits_html=render.statement_hits_html, article_hits_html=render.article_hits_html)
    env.globals.update(qs=render.query_string)
    return env


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str) -> Any:
    """The error as JSON for the API, as a page for a browser."""
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(status=status, code=code, message=message, path=request.url.path,
                                                 store_name=request.app.state.store_name)
    return HTMLResponse(html, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError):
        return error_response(request, 422, "invalid_parameter", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = _CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(request, 422, "invalid_parameter", "; ".join(problems) or "invalid request")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        return error_response(request, 500, "internal_error", f"the server failed: {type(exc).__name__}")


def create_app(db: str | os.PathLike) -> FastAPI:
    """The web application over the store ``db``, opened read-only.

    Raises :class:`onrecord.errors.StoreError` when ``db`` is missing or not a store.
    """
    from . import api_routes, pages

    pool = StorePool(db)
    app = FastAPI(title="onrecord", version="1", docs_url=None, redoc_url=None,
                  description="Who said what, and who did what, when: statements, events, speakers and "
                              "articles from an onrecord store, read-only. Every error has the shape "
                              '{"error": {"code": "...", "message": "..."}}.')
    app.state.pool = pool
    app.state.templates = make_templates()
    app.state.store_name = os.path.basename(pool.path)
    app.state.memo = Memo(pool)
    app.add_middleware(SecurityHeaders)
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.router.on_startup.append(_limit_threads)
    app.router.on_shutdown.append(pool.close)
    return app


#: Requests served at once. Pages are mostly Python work under one interpreter lock, so more
#: threads would only take turns (and slow each other); a few let SQLite's own work overlap.
THREADS = int(os.environ.get("ONRECORD_WEB_THREADS", "4"))


async def _limit_threads() -> None:
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS


def facets(app: FastAPI, store: Store) -> Markup:
    """``<datalist>`` suggestions for the filter form (speakers, outlets, affiliations), made once
    for the store as it is."""
    from ..store import views

    def make() -> Markup:
        parts = []
        for name, values in (("speakers", views.top_actors(store)), ("outlets", views.outlets(store)),
                             ("affiliations", views.affiliations(store))):
            options = "".join(f'<option value="{escape(v)}">' for v in values)
            parts.append(f'<datalist id="dl-{name}">{options}</datalist>')
        return Markup("".join(parts))

    return app.state.memo(("facets",), make)


#: Environment variable naming the store for :func:`app_from_environment`.
DB_VARIABLE = "ONRECORD_WEB_DB"


def app_from_environment() -> FastAPI:
    """The application over the store named by :data:`DB_VARIABLE`: what each worker process of
    ``onrecord serve --workers N`` builds."""
    return create_app(os.environ[DB_VARIABLE])
