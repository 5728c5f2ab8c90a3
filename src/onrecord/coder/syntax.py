"""Reading an act's clause on spaCy's dependency parse: its subject, object, voice, negation, tense
and modality, and the chain of words that govern it ("refused to meet", "may impose")."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import DEMAND, GOVERNORS, HABITUAL, OBJECT_CONTROL, REPORTING, STATEMENT_NOUNS, WANT_VERBS

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "ll"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "ca"})
OBLIGATION_AUX = frozenset({"must", "should", "ought", "need", "has", "have"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Prepositions of circumstance: what they introduce is not governed by the verb they hang on
#: ("called off the strike after talks": the talks are not called for).
ADJUNCT_PREPS = frozenset("after before during despite amid following since until throughout among amongst".split())


def children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def first_child(tok, *deps: str):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_passive(tok) -> bool:
    """True for a passive verb: "was attacked", "meetings held in ..." (a past participle modifying a noun)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in tok.children):
        return is_passive(tok.head)  # "was evicted and sentenced": the second shares the passive
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def auxiliaries(tok) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def is_negated(tok) -> bool:
    """True when the verb itself carries a negation ("did not attack", "never met")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)) for c in tok.children)


def subject_of(tok):
    """The head token of the verb's subject, following shared subjects of coordinated verbs,
    infinitives (whose subject is their governor's subject, or its object after "urge", "ask"),
    participial clauses and relative clauses. None when the clause has no subject."""
    seen = 0
    while tok is not None and seen < 8:
        seen += 1
        subj = first_child(tok, "nsubj", "nsubjpass", "csubj")
        if subj is None:  # the parser sometimes hangs the subject on the auxiliary ("parties were committed")
            for aux in tok.children:
                if aux.dep_ in ("aux", "auxpass") and aux.i < tok.i:
                    subj = first_child(aux, "nsubj", "nsubjpass")
                    if subj is not None:
                        break
        if subj is not None:
            if subj.dep_ == "nsubj" and subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return tok.head
            if subj.pos_ in ("VERB", "AUX"):  # "The Red Cross operating in Iraq said": the noun before it
                noun = next((t for t in subj.subtree if t.i < subj.i and t.pos_ in ("NOUN", "PROPN")
                             and t.head == subj), None)
                noun = noun or next((t for t in reversed(list(subj.subtree)) if t.i < subj.i
                                     and t.pos_ in ("NOUN", "PROPN")), None)
                if noun is not None:
                    return noun
            return subj
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ == "ROOT":  # "Turkey massed troops": a subject the parser took for a modifier
            lead = next((c for c in tok.lefts if c.dep_ in ("npadvmod", "dep", "nmod")
                         and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME")), None)
            return lead
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in STATEMENT_NOUNS:
            tok = tok.head.head  # "issued a declaration demanding ...": the issuer demands
            continue
        if tok.dep_ == "xcomp":
            head = tok.head
            obj = first_child(head, "dobj")
            if head.lemma_.lower() in OBJECT_CONTROL and obj is not None:
                return obj
            tok = head
            continue
        if tok.dep_ == "advcl" and is_passive(tok.head) and agent_of(tok.head) is not None:
            return agent_of(tok.head)  # "was attacked by militiamen ..., killing 156 people"
        if tok.dep_ in ("conj", "advcl", "pcomp", "acomp") or (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            tok = tok.head
            continue
        if tok.dep_ == "pobj" or tok.dep_ == "prep":
            tok = tok.head
            continue
        return None
    return None


def agent_of(tok):
    """The "by" phrase of a passive verb (the actor), or None."""
    agent = first_child(tok, "agent")
    if agent is not None:
        return first_child(agent, "pobj")
    return None


@dataclass(slots=True)
class Governor:
    """A word above an act that changes what it reports: ``kind`` is a :mod:`lexicon` governor kind,
    ``token`` the governing word."""

    kind: str
    token: object


@dataclass(slots=True)
class Frame:
    """How the text presents one act.

    ``negated``: the act is denied; ``future``: announced for later (will, would, plans to);
    ``possible``: only possible (may, could); ``obligation``: must/should (in reported speech, a
    demand by the speaker); ``conditional``: inside an if/unless clause; ``governors``: governing
    words, nearest first; ``reporter``: the reporting verb above the act ("said"), if any;
    ``top``: the highest token of the act's chain (its subject is the acting party).
    """

    negated: bool = False
    future: bool = False
    possible: bool = False
    obligation: bool = False
    conditional: bool = False
    question: bool = False
    habitual: bool = False
    governors: list[Governor] = field(default_factory=list)
    reporter: object = None
    top: object = None
    chain: list = field(default_factory=list)
    own_future: bool = False


def _modality(tok, frame: Frame) -> None:
    for aux in auxiliaries(tok):
        if aux in FUTURE_AUX:
            frame.future = True
        elif aux in POSSIBLE_AUX:
            frame.possible = True
        elif aux in OBLIGATION_AUX and aux not in ("has", "have"):
            frame.obligation = True
    # "has to", "needs to": the obligation verb governs the act as an xcomp.
    if any(c.lower_ == "going" for c in tok.children if c.dep_ == "aux"):
        frame.future = True
    if is_negated(tok):
        frame.negated = True
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children):
        frame.habitual = True


def analyse(tok) -> Frame:
    """The frame of the act whose main word is ``tok``: walk up the tree through infinitives,
    gerunds, prepositions and clausal complements, noting negation, modality and governors, and
    stop at the reporting verb or the clause root."""
    frame = Frame(top=tok)
    _modality(tok, frame)
    frame.own_future = frame.future
    current = tok
    for _ in range(8):
        dep, head = current.dep_, current.head
        if head == current:
            break
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                  and not (c.i > 0 and c.doc[c.i - 1].lower_ == "even")  # concessive
                                  for c in current.children):
            frame.conditional = True
        if dep in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "acomp", "dobj", "attr", "advcl", "conj",
                   "nsubj", "nsubjpass", "relcl", "appos", "npadvmod", "oprd"):
            pass
        else:
            break
        lemma = head.lemma_.lower()
        if dep == "prep" and current.lower_ in ADJUNCT_PREPS:
            break
        if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            frame.negated = True  # "in no rush to resume talks", "no plans to attack"
        if dep == "ccomp" and lemma in REPORTING:
            frame.reporter = head
            break
        if dep in ("ccomp", "acl") and lemma in STATEMENT_NOUNS and head.pos_ == "NOUN":
            # "said in a report that ...": the report's author reports
            verb = head.head.head if head.dep_ == "pobj" else head.head
            if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING:
                frame.reporter = verb
            break
        if dep == "conj":
            # a coordinated act shares its first conjunct's frame ("threatened to cut aid and expel
            # the envoy"; "will visit Japan and have discussions"), not its reading
            if not auxiliaries(current):
                for aux in auxiliaries(head):
                    if aux in FUTURE_AUX:
                        frame.future = True
                    elif aux in POSSIBLE_AUX:
                        frame.possible = True
            current = head
            continue
        if dep in ("relcl", "advcl", "appos", "nsubj", "nsubjpass"):
            break
        if dep == "acl" and current.tag_ == "VBN":  # "sanctions imposed since 2016": a description
            break
        kind = GOVERNORS.get(lemma)
        if lemma in WANT_VERBS and dep == "xcomp" and first_child(head, "dobj") is not None:
            kind = DEMAND  # "wants Pyongyang to take steps": a demand on Pyongyang
        if kind:
            frame.governors.append(Governor(kind, head))
            if head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ":
                _modality(head, frame) if head.pos_ != "ADJ" else None
                # Negation of the governor negates its content ("did not refuse" aside: rare).
        elif head.pos_ in ("VERB", "AUX"):
            for aux in auxiliaries(head):
                if aux in FUTURE_AUX:
                    frame.future = True
                elif aux in POSSIBLE_AUX:
                    frame.possible = True
                elif aux in OBLIGATION_AUX:
                    frame.obligation = True
            if is_negated(head):
                frame.negated = True
            if lemma in ("need", "have") and dep == "xcomp":
                frame.obligation = True
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            frame.top = head
        frame.chain.append(head)
        current = head
    return frame


def obligation_subject(frame: Frame, tok):
    """For "X said Y must do Z": the subject Y on whom the obligation falls."""
    return subject_of(tok)


SUBORDINATE_MARKS = frozenset({"as", "while", "when", "after", "before", "because", "since", "until", "though",
                               "although", "whereas", "once", "whenever"})
_RANK = {"main": 0, "nominal": 1, "participle": 2, "subordinate": 3, "purpose": 4, "embedded": 5}


def position(tok, frame: Frame, governor_words) -> str:
    """Where an act sits in its sentence: ``main`` (a main clause, or reported by one), ``participle``
    (", killing one person"), ``subordinate`` (as/while/after clauses), ``purpose`` ("sent troops to
    help"), ``embedded`` (inside a noun phrase: relative clauses, participles modifying nouns)."""
    worst = "main"
    if frame.reporter is not None and frame.reporter.dep_ == "advcl" and frame.reporter.tag_ == "VBG":
        return "subordinate"  # "..., saying it was withholding aid": a justification, not news
    current = tok
    for _ in range(12):
        head = current.head
        if head == current or current == frame.reporter:
            break
        dep = current.dep_
        label = None
        if dep in ("relcl", "amod"):
            label = "embedded"
        elif dep == "acl":
            noun = head.lemma_.lower()
            misparsed_root = head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")  # "The summit ruptured"
            label = None if noun in governor_words or noun in STATEMENT_NOUNS or misparsed_root else "embedded"
        elif dep in ("pobj", "pcomp") and head.pos_ == "ADP" and head.head.pos_ in ("NOUN", "PROPN") \
                and head.head.lemma_.lower() not in governor_words:
            label = "embedded"
        elif dep == "pcomp" and head.pos_ == "ADP" and head.head.pos_ == "VERB" and \
                head.head.lemma_.lower() not in governor_words:
            label = "subordinate"  # "deported 168 Liberians for traveling without documents"
        elif dep == "advcl":
            marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
            so_as = "as" in marks and current.i > 1 and current.doc[current.i - 2].lower_ == "so"
            if marks & {"though", "although"}:
                break  # a concession asserts its clause ("even though Washington has invited"), wherever
                # the parser hung it
            elif so_as:
                label = "purpose"  # "so as to reopen the talks"
            elif marks & SUBORDINATE_MARKS:
                if _RANK["subordinate"] > _RANK[worst]:
                    worst = "subordinate"
                break
            elif any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                label = "purpose" if head.lemma_.lower() not in governor_words else None
            elif current.tag_ == "VBG":
                label = "participle"
        elif dep == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            if head.lemma_.lower() not in governor_words and head.pos_ == "VERB" and first_child(head, "dobj") is not None:
                label = "purpose"
        if label and _RANK[label] > _RANK[worst]:
            worst = label
        if head.dep_ == "ROOT" and head.lemma_.lower() in ():
            break
        current = head
    return worst
