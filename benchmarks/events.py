"""Event coding: onrecord's coder beside a verb-lexicon baseline, on the same parses.

usage: python benchmarks/events.py [--digests DIR] [--articles DIR] [--runs N]

Both coders read the same spaCy parse of each gold body (``body_lines`` joined by blank lines, dated
by ``original_date``) and are scored with the evaluation's ``score_events.py``:
- the PLOVER event digests (default /work/shared/eval/events/dev/gold),
- the sample corpus's whole articles (default /work/shared/eval/dev/gold).
The baseline codes every verb found in the CAMEO dictionary by its verb's own or block default code
through the published CAMEO-to-PLOVER table, with the subject as actor and the object as
recipient: what a verb lexicon on a dependency parse gives without frames, patterns or corrections.
Also printed: milliseconds per document for the spaCy parse and for each coder (figures, never
asserted). Needs only the installed package and the evaluation folder.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.model import Document, Event, Party  # noqa: E402
from onrecord.nlp import load_nlp  # noqa: E402

SCORER = pathlib.Path("/work/shared/eval/score_events.py")


def baseline_events(doc: Document) -> list[Event]:
    """A verb-lexicon coder: each dictionary verb's own or default CAMEO code, mapped by the table."""
    from onrecord.coder.resources import cameo_to_plover_rows, verb_lexicon

    lexicon, table = verb_lexicon(), cameo_to_plover_rows()
    events = []
    for sent in doc.nlp.sents:
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            entries = lexicon.entries(tok.lemma_.upper())
            if not entries:
                continue
            code = entries[0].own_code or lexicon.defaults.get(entries[0].block)
            row = table.get(code or "") or table.get((code or "")[:3])
            if not row:
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            span = lambda t: None if t is None else Party(" ".join(x.text for x in t.subtree))  # noqa: E731
            kind = "REQUEST" if row["type"] == "DEMAND" else row["type"]
            events.append(Event(type=kind, sentence=sent.text, start=sent.start_char, end=sent.end_char,
                                mode=row["mode"], actor=span(subj), recipient=span(obj), date=doc.published))
            break  # one event per sentence, its first coded verb
    return events


def load(gold_dir: pathlib.Path, nlp):
    docs, parse_time = [], 0.0
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        if "events" not in gold:
            continue
        body = "\n\n".join(gold["body_lines"])
        published = (gold.get("original_date") or {}).get("value") or gold.get("page_date")
        t0 = time.perf_counter()
        parsed = nlp(body)
        parse_time += time.perf_counter() - t0
        docs.append((f.stem, body, published, parsed))
    return docs, parse_time


def run(coder, docs, runs: int):
    """Code every document ``runs`` times; return contract lines and seconds per pass."""
    best = None
    for _ in range(runs):
        lines, t0 = [], time.perf_counter()
        for stem, body, published, parsed in docs:
            doc = Document(source=f"{stem}.txt", doc_id=stem, fmt="text", body=body, published=published)
            doc.nlp = parsed
            events = coder(doc) if coder is baseline_events else coder(doc).events
            lines.append(json.dumps({"source": f"{stem}.txt", "status": "ok", "body": body, "published": published,
                                     "events": [e.to_contract() for e in events]}))
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    return lines, best


def score(gold_dir: pathlib.Path, lines: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(lines) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(gold_dir), fh.name, "--json"], capture_output=True,
                         text=True, check=True)
    pathlib.Path(fh.name).unlink()
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--digests", type=pathlib.Path, default=pathlib.Path("/work/shared/eval/events/dev/gold"))
    ap.add_argument("--articles", type=pathlib.Path, default=pathlib.Path("/work/shared/eval/dev/gold"))
    ap.add_argument("--runs", type=int, default=3, help="timing passes (the fastest is shown)")
    args = ap.parse_args()
    from onrecord.stages.events import extract_events

    nlp = load_nlp()
    cols = ["p", "r", "f1", "type_acc", "actor_acc", "recipient_acc", "date_acc", "end_to_end_f1"]
    print(f"{'set':9} {'coder':9} " + " ".join(f"{c:>13}" for c in cols) + f" {'ms/doc':>8}")
    for name, gold_dir in (("digests", args.digests), ("articles", args.articles)):
        docs, parse_time = load(gold_dir, nlp)
        if not docs:
            continue
        extract_events(Document(source="warm", doc_id="warm", fmt="text", body="Police arrested him."))
        for label, coder in (("baseline", baseline_events), ("onrecord", extract_events)):
            lines, elapsed = run(coder, docs, args.runs)
            s = score(gold_dir, lines)
            vals = " ".join(f"{'-' if s.get(c) is None else format(s[c], '.3f'):>13}" for c in cols)
            print(f"{name:9} {label:9} {vals} {1000 * elapsed / len(docs):8.2f}")
        print(f"{name:9} {'(parse)':9} {'':>{14 * len(cols) - 1}} {1000 * parse_time / len(docs):8.2f}")


if __name__ == "__main__":
    main()
