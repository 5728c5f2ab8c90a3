"""Merging event reports across articles: pairwise precision and recall of ``merge_events``.

usage: python benchmarks/event_merging.py [--seed N]

Builds its own corpus from templates: for each of a set of happenings (parties, act, day) an
original article, copies of it (same words, same duplicate group, reposted a day later), rewrites by
other outlets (other words, the day named differently), follow-ups days later that mention it again
("last week"), and the same parties doing the same thing on other days (which must stay apart).
Each article is coded by the real events stage (spaCy parse included), every report keeps the id of
the happening it came from, and the merged events are scored pairwise: precision is the share of
report pairs merged together that report one happening, recall the share of pairs reporting one
happening that were merged. Reports the coder missed are counted and left out of the pairs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.corpus.events import EventReport, merge_events  # noqa: E402
from onrecord.model import Document  # noqa: E402
from onrecord.nlp import load_nlp  # noqa: E402
from onrecord.stages.events import extract_events  # noqa: E402

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PAIRS = [("Russia", "Ukraine"), ("India", "Pakistan"), ("Israel", "Lebanon"), ("Japan", "China"),
         ("Turkey", "Greece"), ("Egypt", "Sudan"), ("Brazil", "Argentina"), ("Kenya", "Somalia")]
# (act, original, rewrite, follow-up): {a}/{b} parties, {day} a weekday phrase, {city} a place.
ACTS = [
    ("meet", "The foreign minister of {a} met his counterpart from {b} in Geneva on {day}, officials said.",
     "Officials from {b} held talks with {a} in Geneva on {day}.",
     "The talks between {a} and {b} last week did not settle the dispute, analysts said."),
    ("accuse", "{a} accused {b} of violating the ceasefire on {day}.",
     "On {day}, {a} blamed {b} for the violations of the truce.",
     "{a} last week accused {b} of breaking the ceasefire, and the quarrel went on."),
    ("urge", "{a} urged {b} on {day} to release the detained fishermen.",
     "{a} called on {b} on {day} to free the fishermen it holds.",
     "{a} urged {b} last week to release the fishermen, but none have been freed."),
    ("threaten", "{a} threatened on {day} to impose sanctions on {b}.",
     "On {day}, {a} threatened {b} with sanctions.",
     "{a} threatened last week to impose sanctions on {b}, diplomats recalled."),
    ("expel", "{a} expelled two diplomats from {b} on {day}, the foreign ministry said.",
     "On {day}, {a} ordered two diplomats of {b} to leave the country.",
     "{a} expelled two diplomats from {b} last week, and relations have not recovered."),
]


def weekday_phrase(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}"


def build_corpus(rng: random.Random):
    """(Document, truth id, group) triples."""
    base = dt.date(2021, 3, 1)
    docs = []
    n = 0
    for pi, (a, b) in enumerate(PAIRS):
        for ai, (name, original, rewrite, follow) in enumerate(ACTS):
            if rng.random() < 0.4:
                continue
            # the happening and, for some, the same act between the same parties weeks later
            start = base + dt.timedelta(days=7 * (pi + ai) + rng.randrange(0, 3))
            # a repeat 4 to 9 days later (within the week a follow-up may name) or five weeks later
            offsets = [0] + ([rng.choice([rng.randrange(4, 10), 35])] if rng.random() < 0.5 else [])
            for offset in offsets:
                when = start + dt.timedelta(days=offset)
                truth = f"{name}:{a}:{b}:{when}"
                published = when + dt.timedelta(days=1)
                group = f"g{n}"
                n += 1
                day = weekday_phrase(when)
                docs.append((original.format(a=a, b=b, day=day), published, truth, group))
                for _ in range(rng.randrange(1, 3)):  # copies: same words, reposted later
                    docs.append((original.format(a=a, b=b, day=day), published + dt.timedelta(days=1), truth, group))
                if rng.random() < 0.8:  # a rewrite by another outlet
                    docs.append((rewrite.format(a=a, b=b, day=day), published, truth, None))
                if rng.random() < 0.6:  # a follow-up days later
                    docs.append((follow.format(a=a, b=b), when + dt.timedelta(days=rng.randrange(5, 9)), truth, None))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = build_corpus(rng)
    nlp = load_nlp()
    reports, truth_of, missed = [], {}, 0
    for i, (text, published, truth, group) in enumerate(corpus):
        doc = Document(source=f"doc{i}.txt", doc_id=f"doc{i}", fmt="text", body=text,
                       published=published.isoformat())
        doc.nlp = nlp(text)
        events = extract_events(doc).events
        if not events:
            missed += 1
            continue
        event = events[0]  # each article reports one act
        report = EventReport(doc.doc_id, doc.source, doc.published, group or f"solo{i}", event)
        reports.append(report)
        truth_of[id(report)] = truth
    merged = merge_events(reports)
    shuffled = list(reports)
    rng.shuffle(shuffled)
    same_order = [m.id for m in merge_events(shuffled)] == [m.id for m in merged]
    cluster_of = {}
    for k, m in enumerate(merged):
        for mention in m.mentions:
            cluster_of[(mention.doc_id, mention.start)] = k
    tp = fp = fn = 0
    for r1, r2 in itertools.combinations(reports, 2):
        together = cluster_of[(r1.doc_id, r1.event.start)] == cluster_of[(r2.doc_id, r2.event.start)]
        same = truth_of[id(r1)] == truth_of[id(r2)]
        tp += together and same
        fp += together and not same
        fn += same and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    happenings = len(set(truth_of.values()))
    print(f"articles {len(corpus)}, coded {len(reports)} (no event found in {missed}), happenings {happenings}, "
          f"merged events {len(merged)}")
    print(f"pairwise precision {precision:.3f}  recall {recall:.3f}  (pairs: together+same {tp}, "
          f"together+different {fp}, apart+same {fn}); same result when shuffled: {same_order}")


if __name__ == "__main__":
    main()
