"""onrecord: turn raw news into a record of who said what, and who did what, when.

The public Python API lives in :mod:`onrecord.api`; its functions are re-exported here lazily so
that ``import onrecord`` stays fast.
"""
from __future__ import annotations

__version__ = "0.1.0"

_API = ("ingest", "extract", "extract_documents", "quotes", "search", "statements", "actors",
        "events", "export", "open_store", "timeline")


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")


__all__ = list(_API) + ["__version__"]
