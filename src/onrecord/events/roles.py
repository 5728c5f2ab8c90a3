"""Who acted and at whom: the actor and recipient of a coded act, read off the dependency tree.

The actor is the subject of the act's chain ("Putin offered to negotiate": Putin), the "by" phrase
of a passive ("was attacked by militiamen"), or the subject of the demanding or permitting verb
("urged the EC to support the PLO": the urger). The recipient is the object, the person asked or
allowed, or the party in the prepositional phrase the act's type expects ("asylum to", "talks with",
"accused ... of", "demand from"). Pronouns are resolved against the sentence and the document.
"""
from __future__ import annotations

from ..model import Party
from .parties import DocContext, collective_member, is_party_noun, name_party
from .readings import event_noun
from .syntax import agent_of, children, first_child, is_passive, subject_of

#: Prepositions that introduce the recipient, by type (first found wins).
RECIPIENT_PREPS = {
    "AID": ("to", "for"),
    "CONSULT": ("with", "to", "between"),
    "REQUEST": ("from", "on", "of", "to"),
    "ACCUSE": ("against", "of", "on", "into"),
    "THREATEN": ("against", "with", "to", "on", "from"),
    "PROTEST": ("against", "over", "outside"),
    "SANCTION": ("from", "against", "on", "to", "with", "between"),
    "COERCE": ("from", "against", "on", "in"),
    "ASSAULT": ("against", "on", "in", "into", "at"),
    "REJECT": ("from", "by", "of", "to"),
    "MOBILIZE": ("in", "against", "to", "near", "along"),
}
DEFAULT_PREPS = ("against", "with", "to", "from", "on")
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})


def _party_heads(tok):
    """``tok`` and the nouns it is in apposition with ("envoy Hwang": Hwang names the envoy)."""
    for child in tok.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "GPE"):
            return child
    for child in tok.lefts:
        if child.dep_ == "compound" and child.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON":
            return tok
    return tok


def resolve(tok, ctx: DocContext, sent, reporter_subject=None) -> Party | None:
    """The party a token names, resolving pronouns; None when it names none."""
    if tok is None:
        return None
    tok = collective_member(tok)
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in FIRST_PERSON:
            speaker = ctx.speaker_at(tok.idx, tok.idx + len(tok.text))
            if speaker:
                return Party(speaker, None)
            if reporter_subject is not None and reporter_subject.pos_ != "PRON":
                return resolve(reporter_subject, ctx, sent)
            return ctx.last_person
        if low in THIRD_PERSON:
            # the nearest person named earlier in the sentence, else the last person of the story
            for prev in reversed(list(sent.doc[sent.start:tok.i])):
                if prev.ent_type_ == "PERSON" and prev.dep_ in ("nsubj", "nsubjpass", "appos", "pobj", "dobj"):
                    return name_party(prev, ctx)
            return ctx.last_person
        if low in ("they", "them", "it", "their", "its"):
            if reporter_subject is not None and reporter_subject.pos_ != "PRON":
                return resolve(reporter_subject, ctx, sent)
            return ctx.last_party
        return None
    if not is_party_noun(tok) and not tok.ent_type_:
        # a common noun that names no actor ("the proposal"): look at its possessor ("Pyongyang's")
        poss = first_child(tok, "poss")
        if poss is not None and is_party_noun(poss):
            return resolve(poss, ctx, sent, reporter_subject)
        return None
    return name_party(_party_heads(tok), ctx)


def _pobj(tok, preps):
    for prep in preps:
        for child in tok.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
                obj = first_child(child, "pobj")
                if obj is not None:
                    return obj
    return None


NON_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _event_source(noun):
    """For an event noun ("rejected a call by Kofi Annan", "Afghanistan's offer", "proposed Israeli
    changes", "hostage-takers' demands"): whose request, offer or demand it is."""
    poss = first_child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        return poss
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and (child.ent_type_ in ("NORP", "GPE", "ORG") or
                                                    (child.dep_ == "compound" and is_party_noun(child))):
            return child
    for child in noun.children:
        if child.dep_ == "acl":
            agent = agent_of(child)
            if agent is not None:
                return agent
    return _pobj(noun, ("by", "from", "of"))


def actor_token(act):
    """The token that names the act's actor (before resolution), or None."""
    if act.controller is not None:
        return subject_of(act.controller)
    anchor = act.anchor
    if act.reading.source == "nominal":
        poss = first_child(anchor, "poss")
        if poss is not None:
            return poss
        between = _pobj(anchor, ("between",))
        if between is not None:
            return between
        head = anchor.head.head if anchor.dep_ == "pobj" else None  # "After talks with X, Kim said"
        return subject_of(head) if head is not None else None
    if act.reading.source == "light" and anchor.dep_ == "acl":  # "meetings held ... between A and B"
        between = _pobj(anchor, ("between",))
        if between is not None:
            return between
    if act.reading.subject_is_target:
        return agent_of(anchor)
    if is_passive(anchor):
        return agent_of(anchor)
    return subject_of(act.frame.top if act.frame.top is not None else anchor) or subject_of(anchor)


def _is_candidate(tok) -> bool:
    return tok is not None and tok.ent_type_ not in NON_PARTY_ENTS and tok.pos_ != "NUM"


def _clause_candidates(verb, preps, depth=0):
    """Recipient candidates in a verb's clause: the indirect object, a party object, the sources of
    an event-noun object, the objects of the expected prepositions (on the verb and on its object),
    then the same inside its infinitive or purpose complements."""
    obj = first_child(verb, "dobj")
    dative = first_child(verb, "dative")
    if dative is not None:
        yield first_child(dative, "pobj") or dative
    if obj is not None:
        if event_noun(obj) is not None or obj.lemma_.lower() in ("proposal", "plan", "offer", "idea", "approach",
                                                                 "formula", "effort", "efforts", "policy", "policies"):
            yield _event_source(obj)
            yield _pobj(obj, preps)
        elif is_party_noun(collective_member(obj)):
            yield obj
        else:
            yield first_child(obj, "poss")
    yield _pobj(verb, preps)
    if obj is not None:
        nested = _pobj(obj, preps)
        if nested is not None and event_noun(nested) is not None:
            yield _event_source(nested)
        yield nested
    for prep in verb.children:  # "conceded to demands from UNITA"
        if prep.dep_ == "prep":
            pobj = first_child(prep, "pobj")
            if pobj is not None and event_noun(pobj) is not None:
                yield _event_source(pobj)
    if depth < 2:
        for comp in verb.children:
            if comp.dep_ in ("xcomp", "advcl") and comp.pos_ == "VERB":
                yield from _clause_candidates(comp, preps, depth + 1)


def recipient_candidates(act):
    """Tokens that may name the act's recipient, best first (the caller keeps the first party)."""
    anchor, kind = act.anchor, act.type
    if act.controller is not None:
        ctrl = act.controller
        obj = first_child(ctrl, "dobj", "dative")
        if obj is not None and is_party_noun(collective_member(obj)):
            yield obj
        subj = subject_of(anchor)
        if subj is not None and subj is not subject_of(ctrl):
            yield subj
        yield from _clause_candidates(ctrl, RECIPIENT_PREPS["REQUEST"])
        return
    if act.reading.source == "nominal" or (act.reading.source == "light" and anchor.dep_ == "acl"):
        between = _pobj(anchor, ("between",))
        if between is not None and first_child(anchor, "poss") is None:
            yield first_child(between, "conj")
            return
        yield _pobj(anchor, ("with", "to"))
        if act.reading.source == "light":
            yield _pobj(anchor.head, ("with", "to"))
        return
    if act.reading.subject_is_target or is_passive(anchor):
        subj = first_child(anchor, "nsubjpass", "nsubj")
        if subj is None and anchor.dep_ == "acl":
            subj = anchor.head
        yield subj
        return
    base = act.reading.type
    preps = RECIPIENT_PREPS.get(base, DEFAULT_PREPS)
    yield from _clause_candidates(anchor, preps)
    if kind in ("ASSAULT", "COERCE") or base in ("ASSAULT", "COERCE"):
        yield first_child(anchor, "dobj")
    # a demand whose content clause names who must act ("demanded that Hamas renounce ...")
    for comp in children(anchor, "ccomp", "xcomp"):
        yield first_child(comp, "nsubj", "nsubjpass")


def pick_recipient(act, ctx, sent, reporter_subject, actor: Party | None) -> Party | None:
    """The first candidate that names a party other than the actor."""
    for tok in recipient_candidates(act):
        if not _is_candidate(tok):
            continue
        party = resolve(tok, ctx, sent, reporter_subject)
        if party is None:
            continue
        if actor is not None and party.name.lower() == actor.name.lower():
            continue
        return party
    return None
