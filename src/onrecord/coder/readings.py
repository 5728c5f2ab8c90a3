"""What a single word reports, before its clause is read: a verb through the CAMEO dictionary (its
most specific pattern, else our correction of a misleading default, else its own or its block's
code), a light verb with an event noun ("imposed a curfew"), a willing adjective ("open to talks")
or a meeting noun ("after talks with ...")."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (CROWD_NOUNS, EVENT_NOUN_READINGS, EVENT_NOUNS, LIGHT_VERBS, NEVER_ACTS, PHRASAL_OVERRIDES,
                      SPEECH_ACTS, VERB_OVERRIDES, WILLING_ADJECTIVES, WITHDRAWN_RELATIONS)

#: What :func:`semantic_reading` returns when it knows the verb reports no act here.
NO_ACT = object()
from .plover import from_cameo
from .parties import is_party_noun as is_party_like
from .syntax import agent_of as agent_of_tok
from .syntax import first_child, is_passive, subject_of
from .verbs import base_forms, match_verb, phrasal_particles


@dataclass(frozen=True, slots=True)
class Reading:
    """The act a word reports out of context: PLOVER ``type``, ``mode``, CAMEO-row ``context``, the
    CAMEO ``code`` (or our source label), ``source`` (``pattern``, ``light``, ``override``,
    ``default``, ``adjective``, ``nominal``) and ``subject_is_target`` for CAMEO's inherent-passive
    patterns ("appeared before court": the subject is acted upon)."""

    type: str
    mode: str | None
    context: tuple[str, ...]
    code: str
    source: str
    subject_is_target: bool = False


def event_noun(tok) -> tuple[str, str | None] | None:
    """The act an event noun names ("talks" -> CONSULT), or None."""
    return EVENT_NOUNS.get(tok.lower_) or EVENT_NOUNS.get(tok.lemma_.lower())


def _object_noun(tok):
    """The noun a light verb carries: its direct object, or the noun a passive participle modifies
    ("meetings held in ..."), or the object of a particle verb ("carried out attacks")."""
    obj = first_child(tok, "dobj")
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        obj = tok.head
    if obj is None:  # "engaged in ethnic cleansing", "agreed to a ceasefire" (see light_verb_reading)
        for prep in tok.children:
            if prep.dep_ == "prep" and (prep.lower_ == "in" or (prep.lower_ in ("to", "on") and tok.lemma_.lower() in
                                                                ("agree", "consent", "commit", "accede", "go"))):
                candidate = first_child(prep, "pobj")
                if candidate is not None and event_noun(candidate) is not None:
                    obj = candidate
                break
    if obj is None and is_passive(tok):
        obj = first_child(tok, "nsubjpass")
    if obj is None:
        obj = first_child(tok, "attr", "oprd")
    if obj is None and tok.tag_ in ("VBD", "VBN") and not is_passive(tok):
        # the parser lost the object ("shortened by one hour the nightly curfew"): the first event
        # noun after the verb that still hangs below it
        obj = next((t for t in tok.doc[tok.i + 1:min(tok.i + 9, tok.sent.end)]
                    if t.pos_ == "NOUN" and event_noun(t) and tok in t.ancestors), None)
    if obj is not None and obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return obj


def light_verb_reading(tok) -> Reading | None:
    obj = _object_noun(tok)
    if obj is None:
        return None
    noun = event_noun(obj)
    if noun is None and obj.lemma_.lower() == "law" and any(c.lower_ == "martial" for c in obj.children):
        noun = ("COERCE", "martial-law")  # "declared martial law"
    if noun is None:
        # "imposed a state of emergency", "opened fraud investigations": look one compound/of deeper
        for child in obj.children:
            if child.dep_ in ("compound", "amod") or (child.dep_ == "prep" and child.lower_ == "of"):
                target = child if child.dep_ != "prep" else first_child(child, "pobj")
                if target is not None and event_noun(target):
                    noun = event_noun(target)
                    obj = target
                    break
    if noun is None:
        return None
    readings = ([noun] if obj.lemma_.lower() == "law" else None) or EVENT_NOUN_READINGS.get(obj.lower_) or \
        EVENT_NOUN_READINGS.get(obj.lemma_.lower()) or [noun]
    if obj.lemma_.lower() in ("relief", "easing", "lifting", "removal") and any(
            c.lemma_.lower() in ("sanction", "embargo", "restriction") for c in obj.subtree):
        readings = [("CONCEDE", None)]  # "sanctions relief": an easing, asked for or offered
    hit = None
    for kind, mode in readings:  # "called off the strike": the walkout, not the air strike
        family = f"{kind}/{mode}" if mode else kind
        for lemma in base_forms(tok):
            for particle in phrasal_particles(tok):
                phrasal = f"{lemma} {particle.lower()}"
                hit = LIGHT_VERBS.get((phrasal, family)) or LIGHT_VERBS.get((phrasal, kind))
                if hit:
                    break
            hit = hit or LIGHT_VERBS.get((lemma, family)) or LIGHT_VERBS.get((lemma, kind))
            if hit:
                break
        if hit:
            break
    if hit is None:
        return None
    result_kind, result_mode = hit
    if result_kind == kind and result_mode is None:
        result_mode = mode
    # "were engaged in ethnic cleansing": grammatically passive, but the subject acts
    code = "engage" if obj.dep_ == "pobj" and obj.head.lower_ == "in" and obj.head.head == tok \
        else "light:" + obj.lemma_.lower()
    return Reading(result_kind, result_mode, (), code, "light")


def _words_of(*toks) -> set[str]:
    out: set[str] = set()
    for t in toks:
        if t is not None:
            out.update(x.lower_ for x in t.subtree)
    return out


def semantic_reading(tok) -> Reading | None:
    """Verbs whose PLOVER type depends on who or what they involve."""
    lemma = tok.lemma_.lower()
    particles = {p.lower() for p in phrasal_particles(tok)}
    particles |= {c.lower_ for c in tok.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("out", "back")}
    obj = first_child(tok, "dobj")
    subj = first_child(tok, "nsubj", "nsubjpass")
    if lemma in ("withdraw", "recall") or (lemma in ("pull", "ship", "move") and particles & {"out", "back"}):
        words = _words_of(obj, subj)
        if words & WITHDRAWN_RELATIONS:
            return Reading("SANCTION", "withdraw", ("diplomatic",), "withdraw", "semantic")
        if lemma == "recall":
            return None
        return Reading("RETREAT", "withdraw", ("military",), "withdraw", "semantic")
    if lemma in ("protest", "demonstrate", "rally", "march", "riot"):
        head = subject_of(tok)
        words = _words_of(head) if head is not None else set()
        crowd = head is not None and (head.lemma_.lower() in CROWD_NOUNS or head.lower_ in CROWD_NOUNS
                                      or (head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"))
                                      or bool(words & {"thousands", "hundreds", "dozens"}))
        if lemma == "riot":
            return Reading("PROTEST", "riot", (), "semantic", "semantic")
        if (obj is not None and lemma != "protest") or is_passive(tok):  # "demonstrate their commitment"
            return NO_ACT
        if crowd or lemma in ("march", "rally", "demonstrate"):
            return Reading("PROTEST", "demo", (), "semantic", "semantic")
        return Reading("ACCUSE", "disapprove", (), "semantic", "semantic")
    if lemma in ("arrive", "land") and subj is not None:
        words = _words_of(subj)
        if any(w.startswith("peacekeep") for w in words):
            return Reading("AID", None, ("military",), "arrive", "semantic")
        if words & {"troops", "forces", "soldiers", "warships", "tanks", "marines", "paratroopers"}:
            return Reading("MOBILIZE", "troops", ("military",), "arrive", "semantic")
        if subj.ent_type_ == "PERSON" or words & {"delegation", "envoy", "minister", "president", "diplomats"}:
            return Reading("CONSULT", "visit", ("diplomatic",), "arrive", "semantic")
        return NO_ACT
    if lemma in ("force", "drive", "kick") and "out" in particles | _words_of(*[c for c in tok.children
                                                                              if c.dep_ in ("prep", "advmod")]):
        target = obj if obj is not None else (subj if is_passive(tok) else None)
        if target is not None and target.ent_type_ == "ORG":
            return Reading("SANCTION", "expel", (), "semantic", "semantic")
        return Reading("COERCE", "deport", (), "semantic", "semantic")
    if lemma in ("return", "repatriate", "hand") and obj is not None:
        words = _words_of(obj)
        if words & {"prisoners", "hostages", "refugees", "bodies", "detainees", "captives", "soldiers"}:
            return Reading("RETREAT", "release", (), "semantic", "semantic")
        if words & {"weapons", "land", "territory", "property", "equipment", "arms", "assets"}:
            return Reading("RETREAT", None, (), "semantic", "semantic")
        return None
    if lemma in ("refuse", "decline", "reject"):
        comp = first_child(tok, "xcomp")
        if comp is not None and comp.lemma_.lower() in SPEECH_ACTS:
            return NO_ACT  # "declined to comment"
        if lemma == "decline" and comp is None and obj is None:
            return NO_ACT  # "the index declined 0.3%"
    if lemma == "beat":  # "police beat protesters"; not "Democrats beat the governor" or "beat forecasts"
        shared = next((first_child(c, "dobj") for c in tok.children if c.dep_ == "conj"), None)
        victim = obj if obj is not None else (subj if is_passive(tok) else shared)
        if "up" in particles or (is_passive(tok) and agent_of_tok(tok) is not None) or (
                victim is not None and (victim.lemma_.lower() in CROWD_NOUNS or victim.lower_ in CROWD_NOUNS)):
            return Reading("ASSAULT", "beat", (), "semantic", "semantic")
        return NO_ACT
    if lemma == "fire":  # "fired rockets", "fired on protesters"; not "fired her" (dismissed) or "fired off"
        weapon = obj is not None and obj.lemma_.lower() in ("rocket", "missile", "shell", "shot", "bullet", "mortar",
                                                             "round", "gas", "teargas", "grenade", "weapon", "gun")
        if weapon or any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon") for c in tok.children):
            return Reading("ASSAULT", "firearms" if not weapon else None, (), "semantic", "semantic")
        return NO_ACT
    if lemma in ("dispute", "deny", "bemoan", "lament", "contest") and first_child(tok, "ccomp") is not None:
        return NO_ACT  # "disputed that Mike was estranged": a statement
    if lemma in ("hold", "detain") and obj is not None:  # people held: detained, or hostages
        member = obj
        while member.lower_ in ("thousands", "hundreds", "dozens", "scores") and first_child(member, "prep"):
            member = first_child(first_child(member, "prep"), "pobj") or member
            break
        if is_party_like(member) or member.lower_ in CROWD_NOUNS:
            words = _words_of(tok)
            if words & {"hostage", "hostages", "shield", "shields", "captive"}:
                return Reading("ASSAULT", "abduct", (), "semantic", "semantic")
            return Reading("COERCE", "arrest", (), "semantic", "semantic")
        return NO_ACT if lemma != "detain" else None
    if lemma == "release" and obj is not None and not (is_party_like(obj) or obj.lower_ in CROWD_NOUNS):
        return NO_ACT  # "released a letter": a document, not a captive
    if lemma == "agree" and any(c.dep_ == "ccomp" for c in tok.children) and obj is None:
        return NO_ACT  # "businesses agree that China has ...": an opinion
    if lemma in ("suggest", "propose", "recommend"):
        comp = first_child(tok, "ccomp")
        if comp is not None and comp.tag_ in ("VBZ", "VBD", "VBP") and not any(
                a.lower_ in ("should", "must") for a in comp.children if a.dep_ == "aux"):
            return NO_ACT  # "tried to suggest that he barely knows him": a claim, not a proposal
    allowed = obj if obj is not None else next((first_child(c, "nsubj") for c in tok.children
                                                if c.dep_ in ("ccomp", "xcomp")), None)
    if lemma in ("allow", "permit", "let") and allowed is not None and _words_of(allowed) & {
            "inspectors", "observers", "monitors", "peacekeepers", "journalists", "aid", "workers", "convoys",
            "investigators", "delegation", "humanitarian", "relief"}:
        return Reading("RETREAT", "access", (), "access", "semantic")  # letting them in is material access
    if lemma in ("order", "tell", "force") and obj is not None:
        comp = first_child(tok, "xcomp")
        if comp is not None and comp.lemma_.lower() in ("leave", "depart", "quit", "go"):
            # "ordered two diplomats to leave the country": an expulsion
            if _words_of(obj) & WITHDRAWN_RELATIONS or obj.ent_type_ == "ORG":
                return Reading("SANCTION", "expel", ("diplomatic",), "semantic", "semantic")
            return Reading("COERCE", "deport", (), "semantic", "semantic")
    if lemma in ("resign", "quit", "abdicate"):
        return Reading("RETREAT", "resign", (), "semantic", "semantic")  # resignations are RETREAT (manual)
    if lemma in ("receive", "host") and obj is not None and (obj.ent_type_ == "PERSON" or _words_of(obj) & {
            "minister", "president", "delegation", "envoy", "visiting", "counterpart", "leader", "premier"}):
        return Reading("CONSULT", "visit", ("diplomatic",), "host", "semantic")  # the visitor is the actor
    if lemma in ("close", "shut", "seal") and obj is not None:  # closing a border or strait restricts movement
        if obj.lemma_.lower() in ("border", "strait", "airspace", "port", "crossing", "road", "highway", "frontier",
                                  "checkpoint", "passage", "canal", "waterway", "sea", "harbour", "harbor"):
            return Reading("COERCE", "restrict", (), "semantic", "semantic")
        if obj.lemma_.lower() in ("embassy", "consulate", "mission"):
            return Reading("SANCTION", "withdraw", ("diplomatic",), "semantic", "semantic")
    if lemma == "hit":  # "hit the convoy"; not "hit record highs"
        target = obj if obj is not None else (subj if is_passive(tok) else None)
        if target is not None and (is_party_like(target) or target.ent_type_ in ("GPE", "FAC", "LOC")):
            return Reading("ASSAULT", None, (), "semantic", "semantic")
        return NO_ACT
    if lemma == "warn":  # a warning threatens only what it warns of ("warned that it would close")
        if obj is not None and is_party_like(obj) and any(
                c.dep_ == "prep" and c.lower_ in ("against", "of") for c in tok.children):
            return Reading("THREATEN", None, (), "semantic", "semantic")
        return NO_ACT
    if lemma == "ask":  # "asked Kenya to extradite", "asked for help"; not "asked, on whose authority?"
        wants = [first_child(c, "pobj") for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
        if first_child(tok, "xcomp") is not None or any(w is not None and w.lemma_.lower() not in SPEECH_ACTS
                                                         for w in wants):
            return Reading("REQUEST", None, (), "semantic", "semantic")
        return NO_ACT
    if lemma == "call":  # "called on Iran to", "called for talks": a request; "what it called": none
        if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in tok.children):
            return Reading("REQUEST", None, (), "semantic", "semantic")
        return None
    if lemma in ("block", "blockade", "barricade", "occupy", "surround") and subject_of(tok) is not None:
        head = subject_of(tok)
        if head.lemma_.lower() in CROWD_NOUNS or head.lower_ in CROWD_NOUNS:  # crowds obstruct in protest
            return Reading("PROTEST", "obstruct", (), "semantic", "semantic")
    if lemma == "blow" and "up" in particles and obj is not None:
        if obj.ent_type_ != "PERSON" and obj.lemma_.lower() not in CROWD_NOUNS:
            return Reading("ASSAULT", "destroy", (), "semantic", "semantic")
    return None


def verb_reading(tok) -> Reading | None:
    """The act a verb token reports by itself, or None when it reports none.

    Order: a light verb with an event noun ("held talks"), a verb whose type depends on its
    parties ("withdrew inspectors"), a specific CAMEO pattern, our correction of a misleading
    CAMEO default, the CAMEO verb's own code, its block's default.
    """
    lemma = next((b for b in base_forms(tok) if b in VERB_OVERRIDES or b in NEVER_ACTS), tok.lemma_.lower())
    light = light_verb_reading(tok)
    if light is not None:
        return light
    special = semantic_reading(tok)
    if special is NO_ACT:
        return None
    if special is not None:
        return special
    for particle in phrasal_particles(tok):
        phrasal = f"{lemma} {particle.lower()}"
        if phrasal in PHRASAL_OVERRIDES:
            found = PHRASAL_OVERRIDES[phrasal]
            return None if found is None else Reading(found[0], found[1], (), "phrasal", "override")
    if lemma in NEVER_ACTS:
        return None
    match = match_verb(tok, subject_of(tok))
    if match is not None and match.pattern is not None and not (
            VERB_OVERRIDES.get(lemma) and match.pattern.verb and match.pattern.verb != match.entry.base):
        # (a pattern written for another verb of the block does not override our reading of this one:
        # FREE must not take a pattern written for GRANT)
        code = match.code or match.passive_code
        coded = from_cameo(code)
        if coded is not None:
            return Reading(coded.type, coded.mode, coded.context, code, "pattern",
                           subject_is_target=match.code is None and match.passive_code is not None)
        if match.code is None and match.pattern.code == "---":
            return None
    if lemma in VERB_OVERRIDES:
        override = VERB_OVERRIDES[lemma]
        if override is None:
            return None
        return Reading(override[0], override[1], (), "override", "override")
    if match is None:
        return None
    coded = from_cameo(match.code)
    if coded is None:
        return None
    return Reading(coded.type, coded.mode, coded.context, match.code or "", "default")


def adjective_reading(tok) -> Reading | None:
    """ "open to talks", "ready for dialogue", "committed to stabilizing ties": an offer or a
    commitment, AGREE (the act under an infinitive is read as that act's own event)."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in WILLING_ADJECTIVES:
        return None
    if tok.dep_ not in ("acomp", "ROOT", "ccomp", "xcomp", "conj", "oprd", "advcl"):
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "for"):
            obj = first_child(child, "pobj", "pcomp")
            if obj is None:
                continue
            if obj.pos_ == "VERB" or tok.lemma_.lower() == "committed":
                return Reading("AGREE", None, ("diplomatic",), "adjective", "adjective")
            noun = event_noun(obj)
            if noun is not None and noun[0] in ("CONSULT", "AGREE") or obj.lemma_.lower() in (
                    "diplomacy", "dialogue", "cooperation", "engagement", "compromise", "reconciliation"):
                return Reading("AGREE", None, ("diplomatic",), "adjective", "adjective")
    return None


MEETING_NOUNS = frozenset("talks negotiations meeting meetings summit consultations discussions visit trip".split())
#: Meetings that happen once: "the summit between A and B" reports one; "talks between A and B" may
#: be a process ("the talks seemed stalled").
DISCRETE_MEETINGS = frozenset("meeting meetings summit visit trip".split())
PAST_PREPOSITIONS = frozenset({"after", "following", "during", "since"})


def nominal_reading(tok) -> Reading | None:
    """A meeting or visit named by a noun: "after talks with X", "his visit to Russia", "the summit
    between A and B". Only nouns whose frame says they took place (after, following, during; a
    "between" pair; a possessive visitor) are read; the coder skips future ones."""
    if tok.pos_ != "NOUN" or tok.lower_ not in MEETING_NOUNS:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None
    preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
    visit = tok.lower_ in ("visit", "trip")
    governed_by_past = tok.dep_ == "pobj" and tok.head.lower_ in PAST_PREPOSITIONS
    has_pair = "between" in preps and (tok.lower_ in DISCRETE_MEETINGS or governed_by_past)
    has_partner = "with" in preps
    has_visitor = visit and ("to" in preps) and any(c.dep_ == "poss" for c in tok.children)
    if has_pair or (governed_by_past and (has_partner or has_visitor)) or (has_visitor and governed_by_past):
        mode = "visit" if visit else None
        return Reading("CONSULT", mode, ("diplomatic",), "nominal", "nominal")
    return None
