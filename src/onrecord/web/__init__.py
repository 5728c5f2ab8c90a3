"""onrecord's local web page and JSON API (needs the ``web`` extra: FastAPI, uvicorn, Jinja2)."""
from __future__ import annotations


def create_app(db):
    """The FastAPI application over the store ``db`` (read-only); see :mod:`onrecord.web.app`."""
    from .app import create_app as _create_app

    return _create_app(db)
