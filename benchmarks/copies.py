"""Precision and recall of copy detection (syndicated versions and re-posts grouped as one story).

Builds a test set from real article texts: the hand-marked bodies of the article-extraction
benchmark's 181 news pages and the sample corpus (five different stories on one topic, which must
stay apart). Each chosen article gets variants as crawls show them: re-posted inside a copy site's
wrapper, truncated, lightly edited (a paragraph dropped, words changed, a new headline and byline),
and syndicated with an added paragraph. Everything goes through `onrecord ingest` (cleaning,
fingerprints, the corpus phase), and the grouping is scored pairwise against the truth.

    python benchmarks/copies.py [--articles 80] [--containment 0.7] [--candidates 0.3]
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import pathlib
import random
import sqlite3
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

WRAPPER_TOP = "欢迎来到 新闻中心\n首页 | 国际 | 财经 | 联系我们\n电话:010-88886666\n"
WRAPPER_BOTTOM = "\n相关新闻\n  • 本地新闻一则\n  • 天气预报\nCopyright © 2024 Powered by 新闻中心   sitemap\n"
CHROME = "Home | World | Business | Sign in\nShare on Facebook\nShare on Twitter\n"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def variants(rng: random.Random, title: str, body: list[str]) -> dict[str, str]:
    """The copies of one story, keyed by the kind of copy."""
    words = " ".join(body).split()
    edited = list(body)
    if len(edited) > 4:
        edited.pop(rng.randrange(1, len(edited) - 1))
    edited = [" ".join(w if rng.random() > 0.03 else rng.choice(["reportedly", "also", "now", "still"])
                       for w in p.split()) for p in edited]
    keep = max(3, int(len(body) * rng.uniform(0.5, 0.8)))
    return {
        "original": f"{title}\n\n" + "\n\n".join(body),
        "rewrapped": WRAPPER_TOP + f"{title}\n  发布时间:2024-0{rng.randint(1, 9)}-12 08:00:00\n" + "\n\n".join(body)
        + WRAPPER_BOTTOM,
        "truncated": CHROME + f"{title}\n\n" + "\n\n".join(body[:keep]) + "\n\nRead more",
        "edited": f"{title.upper()} - UPDATED\n\nBy Staff Writer\n\n" + "\n\n".join(edited),
        "syndicated": f"{title}\n\n" + "\n\n".join(body) + "\n\nAdditional reporting by a correspondent in the "
        "region, who spoke to officials and residents about what the " + " ".join(rng.sample(words, 12)) + ".",
    } if len(body) >= 3 and len(words) >= 120 else {}


def build_set(folder: pathlib.Path, n_articles: int, seed: int) -> dict[str, str]:
    """Write the test set; return {file name: story id}."""
    rng = random.Random(seed)
    truth = json.loads((SHARED / "bench" / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    stories = []
    for key, rec in sorted(truth.items()):
        body = paragraphs(rec.get("articleBody", ""))
        title = (rec.get("headline") or body[0][:80] if body else "").strip()
        if len(" ".join(body).split()) >= 150:
            stories.append((f"bench-{key[:10]}", title, body))
    rng.shuffle(stories)
    stories = stories[:n_articles]
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):  # same topic, different stories
        lines = paragraphs(path.read_text(encoding="utf-8"))
        body = [l for l in lines if len(l) > 150]
        stories.append((f"seed-{path.stem}", lines[0], body))
    labels = {}
    for story_id, title, body in stories:
        vs = variants(rng, title, body)
        chosen = vs if story_id.startswith("seed") or rng.random() < 0.7 else {"original": vs.get("original")}
        for kind, text in chosen.items():
            if text:
                name = f"{story_id}__{kind}.txt"
                (folder / name).write_text(text, encoding="utf-8")
                labels[name] = story_id
    return labels


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, dict]:
    names = sorted(gold)
    tp = fp = fn = 0
    missed = collections.Counter()
    for a, b in itertools.combinations(names, 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        if same_gold and not same_pred:
            fn += 1
            missed[tuple(sorted((a.split("__")[1][:-4], b.split("__")[1][:-4])))] += 1
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), dict(missed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80, help="benchmark articles to draw")
    ap.add_argument("--containment", type=float, default=None, help="copies.containment (default: the setting)")
    ap.add_argument("--candidates", type=float, default=None, help="copies.candidate_threshold (default: the setting)")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    import onrecord
    from onrecord import config

    overrides = ['run.stages=["clean", "language", "metadata", "fingerprint"]']
    if args.containment is not None:
        overrides.append(f"copies.containment={args.containment}")
    if args.candidates is not None:
        overrides.append(f"copies.candidate_threshold={args.candidates}")
    settings = config.resolve(overrides)
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp) / "set"
        folder.mkdir()
        gold = build_set(folder, args.articles, args.seed)
        start = time.perf_counter()
        report = onrecord.ingest(pathlib.Path(tmp) / "copies.db", [str(folder)], settings=settings)
        seconds = time.perf_counter() - start
        conn = sqlite3.connect(pathlib.Path(tmp) / "copies.db")
        pred, skipped = {}, collections.Counter()
        for source, doc_id, cluster, status, reason in conn.execute(
                "SELECT i.source, i.doc_id, d.cluster_id, d.status, d.reason FROM inputs i"
                " JOIN documents d ON d.id = i.doc_id"):
            if status == "ok":
                pred[pathlib.Path(source).name] = cluster or doc_id
            else:
                skipped[(reason or "").split(":")[0]] += 1
    # Pages that are not English articles are skipped before fingerprinting: they are not scored.
    gold = {name: story for name, story in gold.items() if name in pred}
    p, r, missed = pairwise(pred, gold)
    print(f"set: {len(gold)} documents, {len(set(gold.values()))} stories "
          f"({sum(1 for s in set(gold.values()) if s.startswith('seed'))} on one topic); "
          f"candidates at Jaccard {settings['copies']['candidate_threshold']}, copies at containment "
          f"{settings['copies']['containment']}; ingest {seconds:.1f} s")
    print(f"not scored (skipped by the pipeline): {dict(skipped) or 'none'}")
    print(f"pairwise precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0:.3f}")
    if missed:
        print("missed pairs by kind: " + ", ".join(f"{a}~{b} {n}" for (a, b), n in sorted(missed.items())))
    print(f"corpus phase: {report.corpus}")


if __name__ == "__main__":
    sys.exit(main())
