"""The same words reported by several articles become one statement.

Quotes are grouped by actor, then, within an actor, by the overlap of their words: two reports of
one statement share most of their tokens even when outlets trim or re-punctuate them. Each
statement keeps every report, and its date is the earliest report's story date.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .copies import UnionFind

_TOKEN = re.compile(r"\w+")
#: Share of the shorter report's tokens the longer one must hold for two reports to be one statement.
CONTAINMENT = 0.8


@dataclass(frozen=True)
class QuoteReport:
    """One quote as reported by one document."""

    quote_id: str
    doc_id: str
    actor_key: str  # the actor id, or the speaker text when unattributed
    text: str
    kind: str
    date: str | None
    outlet: str | None
    order_key: str  # tie-break for equal dates: the document's source


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in _TOKEN.findall(text))


def group_statements(reports: Sequence[QuoteReport]) -> list[list[QuoteReport]]:
    """Groups of reports that are one statement, each sorted earliest first.

    Only reports of the same actor are compared (group by key, then merge), so the cost grows with
    the number of quotes per actor, not with the corpus squared.
    """
    by_actor: dict[str, list[QuoteReport]] = {}
    for rep in reports:
        by_actor.setdefault(rep.actor_key, []).append(rep)
    out = []
    for reps in by_actor.values():
        reps = sorted(reps, key=lambda r: r.quote_id)
        # Reports with the same words are one statement outright; only distinct word sets are
        # compared, so a quote that fifty outlets repeat costs one comparison, not fifty squared.
        toks: list[frozenset[str]] = []
        holders: list[list[int]] = []  # the reports of each distinct word set
        seen: dict[frozenset[str], int] = {}
        for i, r in enumerate(reps):
            t = _tokens(r.text)
            if t and t in seen:
                holders[seen[t]].append(i)
                continue
            if t:  # a report without words stays on its own
                seen[t] = len(toks)
            toks.append(t)
            holders.append([i])
        uf = UnionFind()
        # Index by rarest-first token so only reports sharing a token are compared.
        index: dict[str, list[int]] = {}
        for i, t in enumerate(toks):
            uf.find(i)
            for tok in t:
                index.setdefault(tok, []).append(i)
        for i, t in enumerate(toks):
            if not t:
                continue
            # If a report holds CONTAINMENT of this one's words, it holds at least one of any
            # (1 - CONTAINMENT) * n + 1 of them: probing that many of the rarest finds every such
            # report. Ties are broken by the word itself, so every process probes the same words.
            probe = int((1 - CONTAINMENT) * len(t) + 1e-9) + 1  # 1e-9: 0.2 * 15 is 2.9999... in floats
            cands = set()
            for tok in sorted(t, key=lambda x: (len(index[x]), x))[:probe]:
                cands.update(j for j in index[tok] if j != i)
            for j in cands:
                small = min(len(t), len(toks[j]))
                if small and len(t & toks[j]) / small >= CONTAINMENT:
                    uf.union(i, j)
        for members in uf.groups().values():
            group = sorted((reps[k] for i in members for k in holders[i]),
                           key=lambda r: (r.date or "9999", r.order_key, r.quote_id))
            out.append(group)
    out.sort(key=lambda g: g[0].quote_id)
    return out
