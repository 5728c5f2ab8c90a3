"""Who acted and at whom: the actor and recipient of a coded act, read off the dependency tree.

The actor is the subject of the act's chain ("Putin offered to negotiate": Putin), the "by" phrase
of a passive ("was attacked by militiamen"), or the subject of the demanding or permitting verb
("urged the EC to support the PLO": the urger). The recipient is the object, the person asked or
allowed, or the party in the prepositional phrase the act's type expects ("asylum to", "talks with",
"accused ... of", "demand from"). Pronouns are resolved against the sentence and the document.
"""
from __future__ import annotations

from ..model import Party
from .parties import (ENTITY_PARTIES, DocContext, collective_member, country_code, is_generic_plural, is_party_noun,
                      name_party)
from .lexicon import NON_PARTY_HEADS
from .readings import event_noun
from .syntax import agent_of, children, first_child, is_passive, subject_of

#: Prepositions that introduce the recipient, by type (first found wins).
RECIPIENT_PREPS = {
    "AID": ("to", "for", "from"),
    "CONSULT": ("with", "to", "between"),
    "REQUEST": ("from", "on", "of", "to"),
    "ACCUSE": ("by", "against", "at", "of", "on", "into"),
    "AGREE": ("with", "to", "on"),
    "SUPPORT": ("with", "to", "for"),
    "THREATEN": ("against", "with", "to", "on", "from"),
    "PROTEST": ("against", "over", "outside"),
    "SANCTION": ("from", "against", "on", "to", "with", "between", "for"),
    "COERCE": ("from", "against", "on", "in", "for"),
    "ASSAULT": ("against", "on", "in", "into", "at"),
    "REJECT": ("from", "by", "of", "to"),
    "MOBILIZE": ("in", "against", "to", "near", "along"),
}
DEFAULT_PREPS = ("against", "with", "to", "from", "on")
VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
#: Predicates of an empty "it" ("it is striking that ...", "it is likely to ...").
EVALUATIVE = frozenset("""striking clear likely unlikely possible impossible important necessary unclear difficult
easy hard true false obvious evident surprising time worth hoped expected feared believed thought said""".split())
FIRST_PERSON = frozenset({"we", "i", "us", "me", "our", "my"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})


#: Nouns for the forces or staff an actor sends: what it deploys is its own, not the recipient.
OWN_FORCES = frozenset("""troops forces soldiers peacekeepers personnel police warships ships aircraft planes
inspectors observers monitors diplomats staff workers units battalions""".split())


def _party_heads(tok):
    """``tok`` and the nouns it is in apposition with ("envoy Hwang": Hwang names the envoy), but not
    an acronym in brackets ("the Revolutionary United Front (RUF)")."""
    for child in tok.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "GPE"):
            if child.text.isupper() and len(child.text) <= 6 and tok.ent_type_ in ("ORG", "GPE"):
                continue
            if tok.ent_type_ in ("ORG", "GPE") and child.ent_type_ != "PERSON":
                continue
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
            if tok.dep_ == "expl" or (low == "it" and tok.head.lemma_ == "be" and any(
                    c.dep_ in ("acomp", "attr") and c.lemma_.lower() in EVALUATIVE for c in tok.head.children)):
                return None  # "it is striking that": no one
            if reporter_subject is not None and reporter_subject.pos_ != "PRON":
                if low in ("it", "its") and reporter_subject.ent_type_ == "PERSON":
                    return None  # "it" is not the person who said so
                return resolve(reporter_subject, ctx, sent)
            if low in ("it", "its") and (ctx.last_party is None or not ctx.last_party.country):
                return None  # "it" stands for a state or an organisation, not for "the two sides"
            return ctx.last_party
        return None
    if tok.lemma_.lower() in NON_PARTY_HEADS:
        return None  # "the Democracy Act", "44 percent of Americans"
    if not is_party_noun(tok) and not tok.ent_type_:
        # a thing that names no actor ("the proposal", "a camp for refugees", "US Predator attacks"):
        # the party among its own modifiers
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ != "PRON" and is_party_noun(child):
                return resolve(child, ctx, sent, reporter_subject)
        for child in tok.lefts:
            if child.dep_ in ("compound", "amod") and child.ent_type_ in ENTITY_PARTIES:
                return name_party(child, ctx)
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                obj = first_child(child, "pobj")
                if obj is not None and obj.pos_ != "PRON" and is_party_noun(collective_member(obj)):
                    return resolve(obj, ctx, sent, reporter_subject)
        return None
    return name_party(_party_heads(tok), ctx)


def _pobjs(tok, preps):
    """Objects of ``tok``'s prepositions in ``preps``, in the order of ``preps`` (also behind an
    adverb: "taken away from X"). A preposition the parser left without an object ("granted asylum
    to [officers holed up ...]") takes the subject that follows it."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("away", "out", "back")]
    for prep in preps:
        for child in (c for h in heads for c in h.children):
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
                obj = first_child(child, "pobj")
                if obj is None:
                    obj = next((t for t in tok.doc[child.i + 1:child.i + 6] if t.dep_ in ("nsubj", "nsubjpass")),
                               None)
                if obj is not None:
                    yield obj


def _pobj(tok, preps):
    return next(_pobjs(tok, preps), None)


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


def _owners(noun):
    """Parties a thing belongs to: its possessor ("Turkey's efforts"), a nationality or named
    modifier ("proposed Israeli changes")."""
    poss = first_child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        yield poss
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            yield child


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
    if act.reading.code == "host":  # "the president received the visiting minister": the visitor acts
        return first_child(anchor, "dobj")
    if act.reading.type == "MOBILIZE" and is_passive(anchor) and agent_of(anchor) is None:
        return first_child(anchor, "nsubjpass")  # "the army was placed on alert"
    if act.reading.code in ("withdraw", "engage") and is_passive(anchor):
        # "peacekeepers were shipped out", "forces were engaged in ethnic cleansing"
        return agent_of(anchor) or first_child(anchor, "nsubjpass")
    if act.reading.subject_is_target or is_passive(anchor):
        agent = agent_of(anchor)
        if agent is None and act.frame.reporter is not None and act.type in VERBAL:
            # "X is suspected of ..., the report said": the reporter alleges
            return subject_of(act.frame.reporter)
        return agent
    return subject_of(act.frame.top if act.frame.top is not None else anchor) or subject_of(anchor)


def _is_candidate(tok) -> bool:
    return (tok is not None and tok.ent_type_ not in NON_PARTY_ENTS and tok.pos_ in ("NOUN", "PROPN", "PRON")
            and tok.lemma_.lower() not in ("joint",))


def _clause_candidates(verb, preps, depth=0, own_forces=False):
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
            yield from _pobjs(obj, preps)
        elif is_party_noun(collective_member(obj)):
            if not (own_forces and collective_member(obj).lower_ in OWN_FORCES):
                yield obj
            elif own_forces:  # "deploy peacekeepers in Iraq": where they go
                yield from _pobjs(verb, ("to", "in", "into"))
        else:
            yield from _owners(obj)
    yield from _pobjs(verb, preps)
    if obj is not None:
        for nested in _pobjs(obj, preps):
            if event_noun(nested) is not None:
                yield _event_source(nested)
            yield nested
    for prep in verb.children:  # "conceded to demands from UNITA", "open to talks with the North"
        if prep.dep_ == "prep":
            pobj = first_child(prep, "pobj")
            if pobj is not None and event_noun(pobj) is not None:
                yield _event_source(pobj)
                yield _pobj(pobj, ("with", "between", "to"))
                inner = first_child(pobj, "acl")
                if inner is not None:
                    yield from _clause_candidates(inner, preps, depth + 1)
    if obj is not None and event_noun(obj) is not None:
        yield _pobj(obj, ("with", "between"))
    if depth < 2:
        for comp in verb.children:
            if comp.dep_ in ("xcomp", "advcl") and comp.pos_ == "VERB" and not any(
                    c.dep_ == "mark" for c in comp.children):
                yield from _clause_candidates(comp, preps, depth + 1, own_forces)


def recipient_candidates(act):
    """Tokens that may name the act's recipient, best first (the caller keeps the first party)."""
    anchor, kind = act.anchor, act.type
    if act.controller is not None:
        ctrl = act.controller
        obj = first_child(ctrl, "dobj", "dative")
        if obj is not None and is_party_noun(collective_member(obj)):
            yield obj
        subj = subject_of(anchor)
        if subj is not None and subj != subject_of(ctrl):
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
    if act.reading.code == "host":
        yield subject_of(anchor)
        return
    if act.reading.code == "withdraw":
        yield _pobj(anchor, ("from", "out", "of"))
        out = next((c for c in anchor.children if c.lower_ == "out"), None)
        if out is not None:
            yield _pobj(out, ("of",))
        return
    if (act.reading.subject_is_target or is_passive(anchor)) and act.reading.code != "engage":
        subj = first_child(anchor, "nsubjpass", "nsubj")
        if subj is None and anchor.dep_ == "acl":
            subj = anchor.head
        yield subj
        return
    base = act.reading.type
    preps = RECIPIENT_PREPS.get(base, DEFAULT_PREPS)
    if (base == "CONSULT" and act.mode == "visit") or act.reading.code == "arrive":
        preps = preps + ("in",)  # "arrived in Amman on a visit": the host
    if act.reading.code == "withdraw":  # withdrawn from a place or party, not the forces withdrawn
        yield _pobj(anchor, ("from", "out"))
        return
    own = kind not in ("ASSAULT", "COERCE") and act.reading.mode != "expel" and anchor.lemma_.lower() not in (
        "expel", "arrest", "detain", "kill", "attack", "deport")
    yield from _clause_candidates(anchor, preps, own_forces=own)
    if kind in ("ASSAULT", "COERCE") or base in ("ASSAULT", "COERCE"):
        obj = first_child(anchor, "dobj")
        yield obj
        if obj is not None:  # "blew up power lines leading into Kabul"
            yield next((t for t in obj.subtree if t.ent_type_ in ("GPE", "NORP", "ORG") and t != obj), None)
    # a demand whose content clause names who must act ("demanded that Hamas renounce ...")
    for comp in children(anchor, "ccomp", "xcomp"):
        subj = first_child(comp, "nsubj", "nsubjpass")
        if subj is not None and is_party_noun(collective_member(subj)):
            yield subj
        yield from _clause_candidates(comp, preps + ("from",))
        yield subj
    if kind in ("SUPPORT", "AGREE"):  # "established ties with and opened an embassy in Tehran"
        for conj in children(anchor, "conj"):
            yield from _pobjs(conj, ("with", "to", "in"))
            obj = first_child(conj, "dobj")
            if obj is not None:
                yield from _pobjs(obj, ("in", "with", "to"))
    if kind in ("CONCEDE", "RETREAT", "COERCE", "ASSAULT"):
        yield _pobj(anchor, ("in",))  # "lifted a curfew in Montenegro", "blew themselves up in Tel Aviv"
        obj = first_child(anchor, "dobj")
        if obj is not None:
            yield _pobj(obj, ("in", "on", "against"))
    if kind in ("PROTEST", "REQUEST"):  # the authority named in the purpose ("to demand reforms by X")
        for comp in anchor.children:
            if comp.dep_ in ("advcl", "xcomp") and comp.pos_ == "VERB" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
                yield next((t for t in comp.subtree if t.ent_type_ in ("PERSON", "ORG", "GPE")
                            and not (t.head.ent_type_ == t.ent_type_ and t.head.i != t.i)), None)
    if act.position == "participle":  # ", arresting 12": whom the main act was aimed at
        main = anchor
        while main.dep_ in ("conj", "advcl") and main.head.pos_ == "VERB":
            main = main.head
        yield from _clause_candidates(main, DEFAULT_PREPS)


SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})


def pick_recipient(act, ctx, sent, reporter_subject, actor: Party | None, actor_tok=None) -> Party | None:
    """The first candidate that names a party other than the actor. When several parties act
    together in a joint act ("the United States and Jordan have agreed"), there is none."""
    joint = act.type in SYMMETRIC or any(g.kind == "failure" for g in act.frame.governors)
    if joint and actor_tok is not None and first_child(actor_tok, "conj") is not None:
        return None  # "Palestinians and Israelis failed to reach agreement": no one else
    for tok in recipient_candidates(act):
        if not _is_candidate(tok) or is_generic_plural(tok):
            continue
        party = resolve(tok, ctx, sent, reporter_subject)
        if party is None:
            continue
        if actor is not None and party.name.lower() == actor.name.lower():
            continue
        if party.country is None:  # "met his counterpart from China", "expelled two diplomats from Ukraine"
            for place in list(_pobjs(tok, ("from", "of"))) + list(_pobjs(act.anchor, ("from",))):
                code = country_code([place.text]) if place.ent_type_ in ("GPE", "NORP") else None
                if code and code not in ("IGO", "NGO", "MNC", "IMG"):
                    party = Party(party.name, code)
                    break
        return party
    return None
