"""Events of a whole document: sentences coded in order, parties named and resolved against what the
story said before, dates resolved against the story's date, one event per act.
"""
from __future__ import annotations

import datetime as dt
import re

from ..dates import find_time_expressions
from ..model import Event, Party
from .coder import Act, code_acts, select_acts
from .lexicon import REPORTING, STATE_FORCES
from .modes import contexts_for, mode_from_cues
from .parties import DocContext, location_of, name_party
from .resources import is_discarded
from .roles import actor_token, pick_recipient, resolve
from .parties import is_party_noun
from .syntax import OBLIGATION_AUX, auxiliaries, first_child, is_negated, subject_of

#: Types an event may have with no actor named ("a roadside bomb killed three soldiers").
ACTORLESS = frozenset({"ASSAULT", "COERCE"})
#: Default contexts by type when nothing more specific is found.
TYPE_CONTEXT = {"CONSULT": "diplomatic", "AGREE": "diplomatic", "SUPPORT": "diplomatic", "REJECT": "diplomatic",
                "MOBILIZE": "military", "ASSAULT": "military", "SANCTION": "diplomatic", "COERCE": "legal",
                "ACCUSE": "legal", "AID": "economic", "COOPERATE": "economic", "REQUEST": "diplomatic"}


def _reporter_subject(act: Act):
    rep = act.frame.reporter
    return subject_of(rep) if rep is not None else None


def _clause_tokens(tok) -> set[int]:
    """Indices of the tokens whose nearest verb is ``tok`` (its own clause, without sub-clauses)."""
    out = set()
    for t in tok.subtree:
        cur = t
        while cur != tok and cur.pos_ not in ("VERB", "AUX") and cur.head != cur:
            cur = cur.head
        if cur == tok:
            out.add(t.i)
    return out


def _expression_paths(sent, expressions):
    """For each time expression: the tokens from its head up to the first verb above it."""
    paths = {}
    for expr in expressions:
        lo, hi = sent.start_char + expr.start, sent.start_char + expr.end
        inside = [t for t in sent if lo <= t.idx < hi]
        if not inside:
            continue
        head = next((t for t in inside if not (lo <= t.head.idx < hi) or t.head == t), inside[0])
        path, cur = [head], head
        for _ in range(10):
            if cur.head == cur:
                break
            below, cur = cur, cur.head
            path.append(cur)
            if cur.pos_ in ("VERB", "AUX"):
                # a time phrase inside an object or subject dates that thing, not the act
                # ("last week's talks"); only adverbial attachments date the verb
                if below.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "poss", "appos"):
                    path = path[:-1] + [None]
                break
        paths[expr] = [t for t in path if t is not None] if path[-1] is not None else path[:-1]
    return paths


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _expressions(text: str, anchor: dt.date | None):
    """Time expressions of a sentence; without a story date, only those that name their year."""
    if anchor is not None:
        return find_time_expressions(text, anchor)
    return [e for e in find_time_expressions(text, dt.date(2000, 1, 1)) if _YEAR.search(e.text)]


def _date(act: Act, sent, anchor: dt.date | None, future: bool):
    """(ISO date, words) for an act: a time expression in the act's own clause or chain, else on the
    reporting verb ("..., the embassy said on Tuesday"), else the story's date (None when the story
    has none)."""
    story_day = anchor.isoformat() if anchor else None
    expressions = _expressions(sent.text, anchor)
    if not expressions:
        return story_day, None
    chain = {act.anchor.i}
    cur = act.anchor
    for _ in range(6):
        if cur.head == cur or cur == act.frame.top or cur == act.frame.reporter:
            break
        cur = cur.head
        if cur == act.frame.reporter:
            break
        chain.add(cur.i)
    if act.frame.top is not None:
        chain.add(act.frame.top.i)
    paths = _expression_paths(sent, expressions)
    own = [e for e, path in paths.items() if any(t.i in chain for t in path)]
    if future:  # an announced act is dated by the announcement, not by when it is to happen
        if act.frame.own_future:
            own = []
        own = [e for e in own if not any(t == act.anchor for t in paths[e]) and not e.future]
    if own:
        best = own[0]
        return best.iso, best.text
    reporter = act.frame.reporter
    if reporter is None:  # "..., police said on Friday" when the reporting verb is the root
        root = sent.root
        if root.lemma_.lower() in REPORTING and root != act.anchor:
            reporter = root
    on_reporter = [e for e, path in paths.items() if reporter is not None and path[-1] == reporter]
    if on_reporter:
        best = on_reporter[0]
        return best.iso, best.text
    return story_day, None


def _statement_demands(sent, ctx: DocContext):
    """ "X said Y must/should/needs to ...": a demand by the speaker on Y (REQUEST), for reported
    obligations laid on another party. Returns (reporter, content verb, obligation subject)."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in REPORTING or tok.pos_ != "VERB":
            continue
        speaker = subject_of(tok)
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            verb = comp
            obliged = any(a in OBLIGATION_AUX and a not in ("has", "have") for a in auxiliaries(verb))
            if not obliged and verb.lemma_.lower() in ("need", "have") and first_child(verb, "xcomp") is not None:
                obliged = verb.lemma_.lower() == "need" or any(c.lower_ == "to" for c in first_child(verb, "xcomp").children)
            if not obliged:
                continue
            subj = first_child(verb, "nsubj")
            if subj is None or subj.lower_ in ("we", "i", "it", "there", "this", "that", "which", "who"):
                continue
            if is_negated(verb) or not (is_party_noun(subj) or subj.pos_ == "PRON"):
                continue
            out.append((tok, verb, subj, speaker))
    return out


def _finish(kind: str, mode: str | None, act_tok, sent, base_context) -> tuple[str | None, tuple[str, ...]]:
    clause = " ".join(sent.doc[i].text for i in sorted(_clause_tokens(act_tok))) if act_tok is not None else sent.text
    if kind == "ASSAULT":  # the weapon named in the clause says more than CAMEO's verb code
        mode = mode_from_cues(kind, clause) or mode or mode_from_cues(kind, sent.text)
    elif mode is None:
        mode = mode_from_cues(kind, clause) or (mode_from_cues(kind, sent.text) if kind == "PROTEST" else None)
    contexts = contexts_for(tuple(base_context) + ((TYPE_CONTEXT[kind],) if kind in TYPE_CONTEXT else ()),
                            list(sent), sent.text)
    return mode, contexts


def sentences(doc):
    """spaCy's sentences, split again at line breaks: a paragraph never ends inside a sentence."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text or (tok.i > start and "\n" in tok.doc[tok.i - 1].whitespace_):
                if tok.i > start and not tok.is_space:
                    yield doc[start:tok.i]
                    start = tok.i
                elif tok.is_space:
                    if tok.i > start:
                        yield doc[start:tok.i]
                    start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def code_document(doc, body: str, anchor: dt.date | None, ctx: DocContext) -> list[Event]:
    """The events of a parsed document (spaCy ``Doc`` of ``body``), dated against ``anchor``."""
    events: list[Event] = []
    for sent in sentences(doc):
        text = sent.text.strip()
        if len(text) < 12 or is_discarded([t.lower_ for t in sent]):
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        question = text.rstrip("\"'”’ ").endswith("?")
        sentence_events: list[Event] = []
        seen: dict[str, list[tuple[str, str]]] = {}
        acts = select_acts(code_acts(sent, question=question))
        for act in acts:
            rep_subj = _reporter_subject(act)
            actor_tok = actor_token(act)
            actor = resolve(actor_tok, ctx, sent, rep_subj)
            recipient = pick_recipient(act, ctx, sent, rep_subj, actor, actor_tok)
            if actor is None and not (act.type in ACTORLESS and recipient is not None):
                continue
            future = act.frame.future or act.type in ("AGREE", "THREATEN") and act.reading.type not in ("AGREE", "THREATEN")
            date, date_text = _date(act, sent, anchor, future)
            kind = act.type
            if kind == "PROTEST" and actor_tok is not None and actor_tok.lemma_.lower() in STATE_FORCES | {"army"}:
                continue  # "the army took to the streets to clear barricades": not a protest
            if kind == "MOBILIZE" and _joint(act, actor_tok):  # joint exercises are cooperation (manual)
                kind, act.mode = "COOPERATE", None
            mode, contexts = _finish(kind, act.mode, act.anchor, sent, act.reading.context)
            # one event per type and sentence, unless two main clauses report two parties doing it
            name = actor.name if actor else ""
            earlier = seen.setdefault(kind, [])
            if earlier and (act.position != "main" or any(p != "main" or n == name for p, n in earlier)):
                continue
            earlier.append((act.position, name))
            sentence_events.append(Event(type=kind, sentence=body[start:end], start=start, end=end, mode=mode,
                                         context=contexts, actor=actor, recipient=recipient, date=date,
                                         date_text=date_text,
                                         location=location_of(act.anchor, actor_tok, sent,
                                                              exclude=actor.name if actor else None)))
        for reporter, verb, subj, speaker in _statement_demands(sent, ctx):
            if any(e.type == "REQUEST" for e in sentence_events):
                break
            actor = resolve(speaker, ctx, sent)
            recipient = resolve(subj, ctx, sent)
            if actor is None or recipient is None or actor.name.lower() == recipient.name.lower():
                continue
            act_date = _expressions(sent.text, anchor)
            date = act_date[0].iso if act_date else (anchor.isoformat() if anchor else None)
            mode, contexts = _finish("REQUEST", None, verb, sent, ())
            sentence_events.append(Event(type="REQUEST", sentence=body[start:end], start=start, end=end,
                                         mode=mode or "change", context=contexts, actor=actor, recipient=recipient,
                                         date=date, date_text=act_date[0].text if act_date else None))
        for event in sentence_events:
            _remember(ctx, event)
        events.extend(sentence_events)
        _remember_subjects(sent, ctx)
    return events


def _joint(act: Act, actor_tok) -> bool:
    """Exercises by several parties together ("French and Egyptian warships", "joint exercises")."""
    noun = act.reading.code.partition(":")[2]
    if noun not in ("exercise", "drill", "maneuver", "manoeuvre", "game"):
        return False
    together = actor_tok is not None and (first_child(actor_tok, "conj") is not None or any(
        first_child(m, "conj") is not None for m in actor_tok.lefts if m.dep_ in ("amod", "compound")))
    return together or any(t.lower_ in ("joint", "combined") for t in act.anchor.subtree)


def _remember(ctx: DocContext, event: Event) -> None:
    if event.actor is not None:
        ctx.last_party = event.actor


def _remember_subjects(sent, ctx: DocContext) -> None:
    """The last person named as a subject (for a later "he") and the last subject party."""
    for tok in sent:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "PERSON":
            party = name_party(tok, ctx)
            if party is not None:
                ctx.last_person = party
        elif tok.dep_ == "nsubj" and tok.ent_type_ in ("GPE", "ORG", "NORP") and tok.head.lemma_ != "be":
            party = name_party(tok, ctx)
            if party is not None:
                ctx.last_party = party
    # an appositive person ("envoy Hwang") counts as named too
    for tok in sent:
        if tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            party = name_party(tok, ctx)
            if party is not None:
                ctx.last_person = party


def party_from_speaker(name: str | None) -> Party | None:
    return Party(name, None) if name else None
