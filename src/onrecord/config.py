"""Settings, resolved once at the edge and passed down explicitly.

Order, last wins: the packaged ``defaults.toml``, ``./onrecord.toml``, ``ONRECORD_SECTION__KEY``
environment variables, then ``--set section.key=value`` pairs. Each run saves the resolved settings
in the store, so every stored quote can be traced to the settings that produced it.
"""
from __future__ import annotations

import copy
import json
import os
import pathlib
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ConfigError

_DEFAULTS = pathlib.Path(__file__).with_name("defaults.toml")


def _parse_value(text: str) -> Any:
    """Read a command-line or environment value as TOML (numbers, booleans, lists), else a string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _merge(base: dict, extra: Mapping, origin: str) -> None:
    for section, values in extra.items():
        if section not in base or not isinstance(values, Mapping):
            raise ConfigError(f"unknown setting section {section!r} in {origin}; known: {', '.join(sorted(base))}")
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError(
                    f"unknown setting {section}.{key} in {origin}; known in [{section}]: {', '.join(sorted(base[section]))}"
                )
            base[section][key] = value


def resolve(overrides: Iterable[str] = (), *, config_file: str | os.PathLike | None = None,
            environ: Mapping[str, str] | None = None, use_local_file: bool = True) -> dict[str, dict[str, Any]]:
    """Return the resolved settings as ``{section: {key: value}}``.

    ``overrides`` are ``section.key=value`` strings (``--set``); ``config_file`` replaces the default
    ``./onrecord.toml``; ``environ`` defaults to ``os.environ``.
    """
    settings = tomllib.loads(_DEFAULTS.read_text(encoding="utf-8"))
    path = pathlib.Path(config_file) if config_file else pathlib.Path("onrecord.toml")
    if config_file or (use_local_file and path.is_file()):
        try:
            _merge(settings, tomllib.loads(path.read_text(encoding="utf-8")), str(path))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
    env = os.environ if environ is None else environ
    for name, raw in env.items():
        if name.startswith("ONRECORD_") and "__" in name:
            section, key = name[len("ONRECORD_"):].lower().split("__", 1)
            _merge(settings, {section: {key: _parse_value(raw)}}, f"environment variable {name}")
    for item in overrides:
        dotted, sep, raw = item.partition("=")
        section, dot, key = dotted.strip().partition(".")
        if not sep or not dot:
            raise ConfigError(f"--set takes section.key=value, got {item!r} (e.g. --set run.processes=2)")
        _merge(settings, {section: {key: _parse_value(raw.strip())}}, f"--set {item}")
    return settings


def defaults() -> dict[str, dict[str, Any]]:
    """The packaged defaults alone (no local file, no environment)."""
    return copy.deepcopy(resolve(environ={}, use_local_file=False))


def to_json(settings: Mapping) -> str:
    """Settings as stable JSON, as saved with each run."""
    return json.dumps(settings, sort_keys=True)
