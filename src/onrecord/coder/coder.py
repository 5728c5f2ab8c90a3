"""Coding the events of one parsed sentence.

Steps: (1) read every verb, willing adjective and meeting noun on its own (:mod:`readings`);
(2) read its frame (negation, modality, governing words, reporting verb: :mod:`syntax`) and turn
the pair into the reported act (:func:`apply_frame`: "refused to meet" is REJECT, "will withdraw"
CONCEDE, "may impose sanctions" THREATEN, "did not attack" nothing); (3) find the actor and
recipient (:mod:`roles`); (4) keep one event per type and actor, dropping acts without a party.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import (ALLEGATION, COOPERATIVE, DEMAND, DEMAND_MODE, FAILURE, GOVERNORS, INTENT, MATERIAL_CONFLICT,
                      PERMISSION, POSSIBILITY, PREDICTION, REFUSAL, REPORTING, THREAT, THREAT_MODE,
                      INTENT_NOUNS, OPINION, PROPOSAL_NOUNS, THREAT_MODE_BY_MODE, THREAT_MODE_BY_NOUN, WANT_VERBS, YIELDING)
from .readings import Reading, adjective_reading, light_verb_reading, nominal_reading, verb_reading
from .parties import is_party_noun
from .syntax import Frame, analyse, first_child, position, subject_of

#: Types an act keeps when only announced or intended (verbal conflict stays what it is).
_FUTURE_KEEPS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


@dataclass(slots=True)
class Act:
    """A coded act before its parties are named: ``anchor`` is the word that reports it, ``top``
    the highest word of its chain (whose subject acts), ``controller`` the demanding or permitting
    word when there is one (its subject acts and the anchor's subject receives)."""

    anchor: object
    reading: Reading
    frame: Frame
    type: str
    mode: str | None
    controller: object = None
    consumed: list = field(default_factory=list)
    position: str = "main"


#: REQUEST/REJECT mode from the CAMEO code of the act asked for or refused (its cue and sub-code).
_CODE_DEMAND_MODE = {"031": "assist", "032": "assist", "033": "assist", "034": "change", "035": "yield",
                     "036": "meet", "037": "meet", "038": "meet", "039": "meet", "04": "meet", "05": "assist",
                     "06": "assist", "07": "assist", "08": "yield"}


def demand_mode(reading: Reading) -> str | None:
    """What a demand or refusal is about, from the act: its CAMEO code when it has one, else its type."""
    code = reading.code if reading.code[:1].isdigit() else ""
    return (_CODE_DEMAND_MODE.get(code[:3]) or _CODE_DEMAND_MODE.get(code[:2])
            or DEMAND_MODE.get(reading.type))


def _threat_mode(reading: Reading) -> str | None:
    noun = reading.code.partition(":")[2]
    return THREAT_MODE_BY_NOUN.get(noun) or THREAT_MODE_BY_MODE.get(reading.mode or "") or THREAT_MODE.get(reading.type) or (
        "restrict" if reading.type == "COERCE" else None)


def apply_frame(reading: Reading, frame: Frame) -> tuple[str, str | None] | None:
    """The act that ``reading`` reports in ``frame``, as (type, mode), or None when the text does
    not report it as done, announced, demanded, refused or threatened."""
    kind, mode = reading.type, reading.mode
    if frame.conditional or frame.question or frame.habitual:
        return None
    if frame.reporter is not None and frame.reporter.lemma_.lower() in OPINION:
        return None  # "Trump thought voters would repudiate impeachment": an opinion
    kinds = [g.kind for g in frame.governors]
    for g in kinds:
        if g in (REFUSAL, FAILURE):
            if frame.negated:
                return None
            if kind in ("REJECT", "ACCUSE"):
                return None
            return "REJECT", demand_mode(reading) or ("change" if kind in ("REQUEST",) else None)
        if g == THREAT:
            return "THREATEN", _threat_mode(reading)
        if g == DEMAND:
            return "REQUEST", demand_mode(reading) or ("yield" if kind in YIELDING else "change")
        if g == PERMISSION:
            if frame.negated:
                return None
            # letting inspectors, observers or aid in is material access (RETREAT); other leave is CONCEDE
            if reading.type in ("CONSULT", "AID") or reading.code == "access":
                return "RETREAT", "access"
            return "CONCEDE", None
        if g in (PREDICTION, ALLEGATION):  # predicted or alleged, not reported as done
            return None
        if g in (INTENT, POSSIBILITY):
            break
    if frame.negated:
        if (frame.future or INTENT in kinds) and kind in COOPERATIVE | YIELDING:
            return "REJECT", demand_mode(reading)
        return None
    if POSSIBILITY in kinds or frame.possible:
        if kind in MATERIAL_CONFLICT:
            return "THREATEN", _threat_mode(reading)
        return None
    if frame.future or INTENT in kinds:
        if kind in COOPERATIVE:
            return "AGREE", None
        if kind in YIELDING:
            return "CONCEDE", None
        if kind in MATERIAL_CONFLICT:
            return "THREATEN", _threat_mode(reading)
        if kind in _FUTURE_KEEPS:
            return kind, mode
    return kind, mode


def _controller(frame: Frame):
    for g in frame.governors:
        if g.kind in (DEMAND, PERMISSION):
            return g.token
        if g.kind in (REFUSAL, FAILURE, THREAT):
            return None
    return None


#: Dependencies of nouns: a "verb" in one of them is a tagging slip ("evacuated the wounded", "its
#: fisheries dispute"), unless it is a gerund.
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "compound", "npadvmod", "poss"})


def _owned_by_other(noun) -> bool:
    """True when an intent noun names its owner ("the junta's decision", "the decision of the junta"),
    rather than "its decision" (the subject's own)."""
    poss = first_child(noun, "poss")
    if poss is not None:
        return poss.pos_ != "PRON"
    return any(c.dep_ == "prep" and c.lower_ in ("of", "by") for c in noun.children)


def read_word(tok) -> Reading | None:
    if tok.pos_ == "VERB" and tok.dep_ in _NOMINAL_DEPS and tok.tag_ != "VBG":
        return None
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.lemma_ != "be" and tok.dep_ in ("ROOT", "ccomp")):
        if tok.lemma_.lower() in REPORTING:
            obj = first_child(tok, "dobj")
            if tok.lemma_.lower() == "observe" and obj is not None and obj.lemma_.lower() in ("ceasefire", "truce"):
                return Reading("RETREAT", "ceasefire", ("military",), "semantic", "semantic")  # implemented
            if obj is not None and tok.lemma_.lower() in ("declare", "announce"):
                return light_verb_reading(tok)  # "declared martial law", "announced sanctions"
            if obj is not None and tok.lemma_.lower() == "recall":
                return verb_reading(tok)  # "recalled its ambassador", not "recalled that ..."
            return None
        return verb_reading(tok)
    if tok.pos_ == "ADJ":
        return adjective_reading(tok)
    if tok.pos_ == "NOUN":
        return nominal_reading(tok)
    return None


def code_acts(sent, question: bool = False) -> list[Act]:
    """Every act the sentence (a spaCy Span) reports, before parties are named."""
    acts: list[Act] = []
    readings = {}
    for tok in sent:
        reading = read_word(tok)
        if reading is not None:
            readings[tok.i] = reading
    # "X wants Y to do Z": a demand on Y even when Z is no act of its own.
    for tok in sent:
        if tok.lemma_.lower() in WANT_VERBS and tok.pos_ == "VERB" and first_child(tok, "dobj") is not None:
            comp = first_child(tok, "xcomp")
            if comp is not None and comp.i not in readings and tok.i not in readings:
                readings[comp.i] = Reading("REQUEST", "change", (), "want", "statement")
    consumed: set[int] = set()
    for i, reading in readings.items():
        tok = sent.doc[i]
        frame = analyse(tok)
        frame.question = question
        # What a request, offer or plan proposes is not reported when a verb above acts on the
        # proposal itself ("rejected a U.S. request to interrogate detainees": the rejection is news).
        proposal = next((g.token for g in frame.governors if g.token.pos_ == "NOUN" and (
            g.token.lower_ in PROPOSAL_NOUNS or (g.token.lower_ in INTENT_NOUNS and _owned_by_other(g.token)))), None)
        if proposal is not None and proposal.head.i in readings:
            continue
        if reading.source == "nominal" and (frame.governors or frame.negated or frame.future or frame.possible):
            continue  # a meeting named under "unable to reschedule", "plans for": not one that took place
        result = apply_frame(reading, frame)
        if result is None:
            continue
        # A governor that is itself read as an act ("threatened", "demanded", "agreed") is folded
        # into this act: one event, not two.
        for g in frame.governors:
            if g.token.i in readings:
                consumed.add(g.token.i)
            # the verb that carries an intent noun only states it ("reaffirmed its determination to")
            if g.token.pos_ == "NOUN" and g.token.head.i in readings and g.token.dep_ in ("dobj", "attr"):
                consumed.add(g.token.head.i)
        kind, mode = result
        controller = _controller(frame)
        # "X said Y must do Z": what the speaker lays on another party is a demand.
        if reading.source == "statement":
            controller = next((g.token for g in frame.governors if g.kind == DEMAND), None)
            kind, mode = "REQUEST", reading.mode
        if frame.obligation and frame.reporter is not None and controller is None and kind != "REQUEST":
            subj = subject_of(tok)
            if subj is not None and subj.lower_ not in ("we", "i", "it", "there", "this", "that") and (
                    is_party_noun(subj) or subj.pos_ == "PRON"):
                kind, mode, controller = "REQUEST", demand_mode(reading) or "change", frame.reporter
        where = position(tok, frame, GOVERNORS)
        if reading.source == "nominal" or (reading.source == "light" and tok.dep_ == "acl" and tok.tag_ == "VBN"
                                           and kind == "CONSULT"):
            where = "nominal"
        acts.append(Act(tok, reading, frame, kind, mode, controller=controller, position=where))
    # An adjective or a governing verb whose content was coded separately is not an act of its own.
    return [a for a in acts if a.anchor.i not in consumed]


#: Verbs of sending and going: with a purpose clause, the purpose is the news ("sent experts to
#: investigate").
MOTION_VERBS = frozenset("send dispatch fly travel go come move head".split())


def select_acts(acts: list[Act]) -> list[Act]:
    """The acts a sentence reports as news: its main acts, plus meetings named by nouns and the
    violent or coercive consequences in participles (", killing one person and arresting 12");
    background in relative clauses, purposes and subordinate clauses only when there is no main act.
    A main act that only a generic verb reports ("sent personnel to investigate") gives way to its
    purpose. The result is in order of preference; the caller keeps one event per type."""
    main = [a for a in acts if a.position == "main"]
    purposes = [a for a in acts if a.position == "purpose"]
    if main:
        for i, act in enumerate(main):
            generic = act.reading.source == "default" or act.anchor.lemma_.lower() in MOTION_VERBS
            if generic and act.type in ("COOPERATE", "AID", "CONSULT"):
                for p in purposes:
                    if p.anchor.head == act.anchor or p.anchor.head.head == act.anchor:
                        main[i] = p
                        break
        kept = main + [a for a in acts if a.position == "nominal"]
        kept += [a for a in acts if a.position == "participle" and a.type in ("ASSAULT", "COERCE")]
    else:
        # no main act: the best-placed clause's acts, then meetings named by nouns
        order = {"participle": 0, "subordinate": 1, "purpose": 2}
        ranked = [a for a in acts if a.position in order]
        best = min((order[a.position] for a in ranked), default=None)
        kept = [a for a in ranked if order[a.position] == best] + [a for a in acts if a.position == "nominal"]
    return kept
