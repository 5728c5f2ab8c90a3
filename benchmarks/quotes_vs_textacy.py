"""Quotes: onrecord's extract_quotes against textacy's direct_quotations, on one spaCy parse.

usage: python benchmarks/quotes_vs_textacy.py [GOLD_DIR] [--repeat N]

Both run on the same Doc of each gold article's body ("\\n\\n".join(body_lines) from the gold
files, so the comparison is of quote finding alone, not of body cleaning) and are scored with the
matching of the evaluation's score.py (imported by path from ../shared/eval/score.py): quoted
(direct + partial) precision, recall and F1, speaker accuracy on matched quotes, end-to-end F1, and
the share of all predicted quotations whose speaker is an accepted canonical name. It also prints
the time spent parsing and the time each extractor adds on top, per article. Figures are printed,
never asserted. Needs textacy (the benchmark extra).
"""
from __future__ import annotations

import collections
import importlib.util
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def load_scorer():
    spec = importlib.util.spec_from_file_location("onrecord_eval_score", SHARED_EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def textacy_quotes(body: str, sdoc) -> list[dict]:
    """textacy's direct quotations as contract-like dicts (the marks stripped from the content).

    textacy refuses a whole document with an odd number of quotation marks, so it is given one
    paragraph at a time (a slice of the same parse, no second parse); a paragraph it refuses gives
    nothing."""
    from textacy.extract.triples import direct_quotations

    from onrecord.stages.quotes_marks import paragraphs

    out = []
    for start, end in paragraphs(body):
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        try:
            triples = list(direct_quotations(span.as_doc()))
        except ValueError:
            continue
        for triple in triples:
            text = triple.content.text.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()
            speaker = " ".join(t.text for t in triple.speaker)
            out.append({"text": text, "kind": "direct", "speaker": speaker})
    return out


def onrecord_quotes(body: str, sdoc) -> list[dict]:
    from onrecord.model import Document
    from onrecord.stages.quotes import extract_quotes

    doc = Document(source="bench", doc_id="bench", fmt="text", body=body)
    doc.nlp = sdoc
    return [q.to_contract() for q in extract_quotes(doc).quotes]


def attributed_right(scorer, pred: dict, gold_quotes: list[dict]) -> bool:
    """True when ``pred`` overlaps a gold quotation (optional ones too) and names a speaker that
    quotation accepts."""
    pt = scorer.tokens(pred["text"])
    best, best_f = None, scorer.MATCH_F1
    for g in gold_quotes:
        f = scorer.bag_f1(pt, scorer.tokens(g["text"]))
        if f >= best_f:
            best, best_f = g, f
    return best is not None and scorer.norm_name(pred.get("speaker")) in {scorer.norm_name(a) for a in best["accept"]}


def row(scorer, name: str, counts, predicted: int, canonical: int, seconds: float, docs: int) -> str:
    c = counts["quoted"]
    p, r, f = scorer.prf(c["tp"], c["fp"], c["fn"])
    _, _, e2e = scorer.prf(c["speaker_ok"], c["fp"] + c["tp"] - c["speaker_ok"], c["fn"] + c["tp"] - c["speaker_ok"])
    acc = c["speaker_ok"] / c["tp"] if c["tp"] else 0.0
    share = canonical / predicted if predicted else 0.0
    ci = counts["indirect"]
    ip, ir, i_f = scorer.prf(ci["tp"], ci["fp"], ci["fn"])
    iacc = ci["speaker_ok"] / ci["tp"] if ci["tp"] else 0.0
    return (f"{name:10} {p:6.3f} {r:6.3f} {f:6.3f} {acc:8.3f} {e2e:7.3f} {share:9.3f}   "
            f"{i_f:6.3f} {iacc:8.3f}   {1000 * seconds / max(1, docs):8.1f}")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    if "--repeat" in argv:
        args.remove(str(repeat))
    gold_dir = pathlib.Path(args[0]) if args else SHARED_EVAL / "dev" / "gold"
    scorer = load_scorer()
    sys.path.insert(0, str(ROOT / "src"))
    from onrecord.nlp import load_nlp

    nlp = load_nlp()
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("*.json"))]
    bodies = ["\n\n".join(g["body_lines"]) for g in golds]
    t0 = time.perf_counter()
    parsed = [nlp(b) for b in bodies]
    parse_s = time.perf_counter() - t0

    results = {}
    for name, func in (("textacy", textacy_quotes), ("onrecord", onrecord_quotes)):
        counts = collections.defaultdict(collections.Counter)
        predicted = 0
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            preds = [func(b, d) for b, d in zip(bodies, parsed)]
            best = min(best, time.perf_counter() - t0)
        canonical = 0
        for g, p in zip(golds, preds):
            quoted = [q for q in p if q.get("kind") != "indirect"
                      and len(scorer.tokens(q["text"])) >= scorer.MIN_TOKENS]
            predicted += len(quoted)
            canonical += sum(attributed_right(scorer, q, g["quotes"]) for q in quoted)
            scorer.score_quotes(g["quotes"], p, counts)
        results[name] = (counts, predicted, canonical, best)

    print(f"articles: {len(golds)} from {gold_dir} (bodies from the gold body_lines); "
          f"spaCy parse {1000 * parse_s / max(1, len(golds)):.1f} ms/article")
    print(f"{'':10} {'quoted':^36}   {'indirect':^15}")
    print(f"{'system':10} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'e2e F1':>7} {'canonical':>9}   "
          f"{'F1':>6} {'speaker':>8}   {'ms/article':>8}")
    for name, (counts, predicted, canonical, seconds) in results.items():
        print(row(scorer, name, counts, predicted, canonical, seconds, len(golds)))
    print("speaker: share of matched quotes whose speaker the gold accepts; canonical: share of all predicted "
          "quoted quotations (4+ tokens) attributed to an accepted canonical speaker; ms/article: time on top "
          "of the parse (best of the repeats)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
