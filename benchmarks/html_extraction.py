"""Main-text extraction from HTML: trafilatura's default against onrecord's ``extract_html``.

usage: python benchmarks/html_extraction.py [BENCH_DIR]

BENCH_DIR is the article-extraction benchmark folder (html/*.html.gz, ground-truth.json,
score_html.py); by default ../shared/bench/article-extraction relative to the repository. Both
extractors run on the same decoded pages in this process, one page after the other, so that a busy
machine slows both alike. Each writes its texts to a temporary JSON Lines file, which the benchmark's
own score_html.py scores. Prints F1, precision, recall (shingle metric, see score_html.py) and pages
per second of extraction time (decoding and scoring excluded). Figures are printed, never asserted.
"""
from __future__ import annotations

import gzip
import json
import pathlib
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "bench" / "article-extraction"


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _onrecord(html: str) -> str:
    from onrecord.stages.html import extract_html

    return extract_html(html).text


def load_pages(bench: pathlib.Path) -> list[tuple[str, str]]:
    """(source name, decoded HTML) of every page, decoded as trafilatura decodes bytes."""
    from trafilatura.utils import decode_file

    pages = []
    for path in sorted((bench / "html").glob("*.html.gz")):
        pages.append((f"html/{path.name}", decode_file(gzip.decompress(path.read_bytes()))))
    return pages


def score(bench: pathlib.Path, rows: list[dict]) -> dict:
    """Scores of predictions by the benchmark's score_html.py, run as a subprocess."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "predictions.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(bench / "score_html.py"), str(out)], capture_output=True, text=True, check=True
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    bench = pathlib.Path(argv[1]).resolve() if len(argv) > 1 else DEFAULT_BENCH
    if not (bench / "score_html.py").exists():
        print(f"no benchmark at {bench}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO / "src"))
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    pages = load_pages(bench)
    extractors = {"trafilatura default": _trafilatura, "onrecord extract_html": _onrecord}
    # one warm-up page each: imports and first-use compilation are not extraction time
    for fn in extractors.values():
        fn(pages[0][1])
    rows: dict[str, list[dict]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for source, html in pages:
        for name, fn in extractors.items():
            start = time.perf_counter()
            text = fn(html)
            seconds[name] += time.perf_counter() - start
            rows[name].append({"source": source, "body": text})
    print(f"{len(pages)} pages from {bench}")
    print(f"{'extractor':<24}{'F1':>8}{'precision':>11}{'recall':>9}{'pages/s':>10}")
    for name in extractors:
        got = score(bench, rows[name])
        rate = len(pages) / seconds[name] if seconds[name] else float("inf")
        print(f"{name:<24}{got['f1']:>8.4f}{got['precision']:>11.4f}{got['recall']:>9.4f}{rate:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
