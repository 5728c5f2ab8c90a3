"""Shared fixtures: settings, small hand-built inputs, and paths to the shared evaluation data."""
from __future__ import annotations

import pathlib

import pytest

from onrecord import config

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def settings():
    """The packaged defaults, untouched by any local file or environment."""
    return config.defaults()


ARTICLE = (
    "WASHINGTON (Reuters) - The United States said on Monday it remained open to talks with North Korea, "
    "but urged Pyongyang to show it was serious about giving up its nuclear weapons programme.\n\n"
    "\"We remain open to dialogue with the DPRK,\" State Department spokesman John Kirby told reporters at a "
    "regular briefing. \"The onus is on the North to prove that they are ready.\"\n\n"
    "Kirby said the administration had not been involved in informal meetings held last week between North "
    "Korean diplomats and former U.S. negotiators in Kuala Lumpur.\n"
)


def write_article(path: pathlib.Path, text: str = ARTICLE, *, title: str = "US open to talks with North Korea") -> pathlib.Path:
    """Write a small scraped-text article (headline, blank line, body) and return its path."""
    path.write_text(f"{title}\n\n{text}", encoding="utf-8")
    return path
