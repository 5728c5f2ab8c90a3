"""Cleaning of scraped plain text: onrecord's clean stage against the pages' true article bodies.

usage: python benchmarks/text_cleaning.py FOLDER [BENCH_DIR] [--half a|b|all] [--worst N] [--raw] [--json]

FOLDER holds one ``<page hash>.txt`` per page: the page's text as scraped (for example the rendered
page's ``document.body.innerText``, or a crude dump of the markup's text). BENCH_DIR is the
article-extraction benchmark folder whose ``ground-truth.json`` gives each page's ``articleBody``
(by default ../shared/bench/article-extraction relative to the repository); pages missing from it
are skipped. ``--half`` keeps one of two fixed halves of the pages, chosen by a hash of the page
name (a: first byte of SHA-256 even, b: odd), so that rules can be developed on one half and
checked on the other. ``--raw`` scores the uncleaned text instead (the ceiling on recall).

Each page runs through ``onrecord.stages.clean.clean`` as a ``text`` Document. Scores follow
score.py's body rule: lower-cased tokens ``[\\w]+(?:['\\-.][\\w]+)*`` after folding curly quotes,
bag-of-words precision/recall/F1 per page (a page the stage drops counts as an empty body),
averaged over pages. Pages per second counts the CPU time of cleaning only (the machine may be
shared). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import json
import pathlib
import re
import sys
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "bench" / "article-extraction"
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "`": "'"})
_TOKEN = re.compile(r"[\w]+(?:['\-.][\w]+)*")


def tokens(text: str) -> list[str]:
    """score.py's body tokens of ``text``."""
    return _TOKEN.findall((text or "").translate(_QUOTES).lower())


def bag_prf(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 (0-1) of two bags of tokens; zeros when nothing is shared."""
    common = sum((collections.Counter(pred) & collections.Counter(gold)).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / len(pred), common / len(gold)
    return p, r, 2 * p * r / (p + r)


def half_of(name: str) -> str:
    """The fixed half ("a" or "b") a page belongs to, from the SHA-256 of its name."""
    return "a" if hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def run(folder: pathlib.Path, bench: pathlib.Path, half: str = "all", raw: bool = False) -> dict:
    """Scores of every page of ``folder`` in ``half``: means and per-page rows (name, P, R, F1)."""
    from onrecord.config import defaults
    from onrecord.model import Document
    from onrecord.stages.clean import clean

    settings = defaults()
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))
             if p.stem in truth and (half == "all" or half_of(p.stem) == half)]
    rows, elapsed = [], 0.0
    for name, text in pages:
        if raw:
            body = text
        else:
            doc = Document(source=f"{name}.txt", doc_id=name, fmt="text", raw=text)
            t0 = time.process_time()
            doc = clean(doc, settings)
            elapsed += time.process_time() - t0
            body = doc.body if doc.ok else ""
        rows.append((name, *bag_prf(tokens(body), tokens(truth[name].get("articleBody", "")))))
    n = len(rows) or 1
    return {
        "pages": len(rows),
        "precision": round(sum(r[1] for r in rows) / n, 4),
        "recall": round(sum(r[2] for r in rows) / n, 4),
        "f1": round(sum(r[3] for r in rows) / n, 4),
        "pages_per_s": round(len(rows) / elapsed, 1) if elapsed else None,
        "rows": rows,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("bench", type=pathlib.Path, nargs="?", default=DEFAULT_BENCH)
    ap.add_argument("--half", choices=("a", "b", "all"), default="all")
    ap.add_argument("--worst", type=int, default=0, help="also list the N pages of lowest F1")
    ap.add_argument("--raw", action="store_true", help="score the uncleaned text (recall ceiling)")
    ap.add_argument("--json", action="store_true", help="print one JSON summary line")
    args = ap.parse_args(argv[1:])
    res = run(args.folder.resolve(), args.bench.resolve(), args.half, args.raw)
    rows = res.pop("rows")
    if args.json:
        print(json.dumps({"folder": str(args.folder), "half": args.half, **res}))
    else:
        print(f"{args.folder} half {args.half}: {res['pages']} pages  body tokens: P {res['precision']:.3f}  "
              f"R {res['recall']:.3f}  F1 {res['f1']:.3f}  ({res['pages_per_s']} pages/s)")
    for name, p, r, f in sorted(rows, key=lambda x: x[3])[: args.worst]:
        print(f"  {name[:16]}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
