"""Matching CAMEO verb patterns on spaCy's dependency parse.

PETRARCH2 matches a verb's patterns against the words of its parse tree: nouns before the verb (the
subject side), words after it, and prepositional phrases. We do the same on spaCy's tree: the verb's
forms are looked up in the dictionary index (no scan over patterns of other verbs), then the
patterns of its block are tried, most specific first.
"""
from __future__ import annotations

from dataclasses import dataclass

from .resources import Element, Pattern, VerbEntry, verb_lexicon

#: Dependents that start another clause: their words belong to that clause's verb, not this one.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "conj", "csubj", "punct", "cc", "mark"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class CameoMatch:
    """The CAMEO reading of one verb: ``code`` (active code, None for no event), ``passive_code``
    (the "inherent passive" code, where the subject is the target), the verb ``entry`` and the
    ``pattern`` that matched (None when the verb's own or its block's default code applied)."""

    code: str | None
    passive_code: str | None
    entry: VerbEntry
    pattern: Pattern | None


def _keys(tok) -> frozenset[str]:
    return frozenset((tok.lemma_.upper(), tok.text.upper(), tok.norm_.upper()))


def phrasal_particles(tok) -> list[str]:
    """Particles that make a phrasal verb ("call off", "lash out", "brush aside")."""
    return [c.text.upper() for c in tok.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in ("aside", "out", "off",
                                                                                          "down", "up", "back"))]


def base_forms(tok) -> list[str]:
    """Lower-case base forms of a verb token: spaCy's lemma, then regular de-inflections of the
    word itself, for the lemmatizer's slips ("staged" -> "stag")."""
    lemma, text = tok.lemma_.lower(), tok.lower_
    out = [lemma]
    if text.endswith("ied"):
        out.append(text[:-3] + "y")
    elif text.endswith("ed"):
        out += [text[:-1], text[:-2]]
        if len(text) > 4 and text[-3] == text[-4]:
            out.append(text[:-3])  # "stopped" -> "stop"
    elif text.endswith("ing"):
        out += [text[:-3], text[:-3] + "e"]
        if len(text) > 5 and text[-4] == text[-5]:
            out.append(text[:-4])
    elif text.endswith("ies"):
        out.append(text[:-3] + "y")
    elif text.endswith("es"):
        out += [text[:-1], text[:-2]]
    elif text.endswith("s"):
        out.append(text[:-1])
    out.append(text)
    return list(dict.fromkeys(w for w in out if w))


def verb_forms(tok) -> list[str]:
    """The dictionary keys to try for a verb token, most specific first."""
    bases = [b.upper() for b in base_forms(tok)]
    particles = phrasal_particles(tok)
    return [f"{b} {p}" for p in particles for b in bases] + bases


#: Dependents of an object or a prepositional object that belong to the noun phrase itself (not
#: nested prepositional phrases or clauses, whose words belong to other heads).
PHRASE_DEPS = frozenset({"compound", "amod", "det", "nummod", "poss", "case", "nmod", "quantmod", "prt"})


def _phrase(tok) -> list:
    """A noun with its own modifiers ("direct talks", "the naval blockade"), without nested phrases."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in PHRASE_DEPS:
            out.extend(_phrase(child))
    return out


def _region_after(tok) -> list:
    """The verb's own words after it: particles, objects and complements with their modifiers,
    the prepositions on the verb and on its object (without deeper phrases), in text order."""
    out = []
    for child in tok.children:
        if child.i < tok.i or child.dep_ in CLAUSE_DEPS or child.dep_ in SUBJECT_DEPS:
            continue
        if child.dep_ in ("prep", "agent", "dative"):
            out.append(child)
            out.extend(t for obj in child.children if obj.dep_ in ("pobj", "pcomp") for t in _phrase(obj))
        elif child.dep_ in ("dobj", "attr", "oprd", "acomp"):
            out.extend(_phrase(child))
            for grand in child.children:
                if grand.dep_ == "prep":
                    out.append(grand)
                    out.extend(t for obj in grand.children if obj.dep_ == "pobj" for t in _phrase(obj))
        elif child.dep_ == "xcomp":
            out.append(child)
            out.extend(t for c in child.children if c.dep_ in ("dobj", "prt", "aux", "neg") for t in _phrase(c))
        else:
            out.extend(_phrase(child))
    out = sorted(set(out), key=lambda t: t.i)
    return out


def _region_before(tok, subject_head) -> list:
    out = list(subject_head.subtree) if subject_head is not None else []
    out.extend(c for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "dobj", "attr"))
    return sorted(out, key=lambda t: t.i)


def _match_elements(elements: tuple[Element, ...], keys: list[frozenset[str]]) -> bool:
    """True when every element occurs in ``keys`` (token key sets), in order."""
    pos = 0
    for element in elements:
        found = -1
        for alternative in element:
            n = len(alternative)
            for i in range(pos, len(keys) - n + 1):
                if all(alternative[j] in keys[i + j] for j in range(n)):
                    found = i + n
                    break
            if found >= 0:
                break
        if found < 0:
            return False
        pos = found
    return True


def _match(pattern: Pattern, pre_keys, post_keys, preps) -> bool:
    if pattern.pre and not _match_elements(pattern.pre, pre_keys):
        return False
    if pattern.post and not _match_elements(pattern.post, post_keys):
        return False
    for prep, nouns in pattern.preps:
        if not any(p == prep and (not nouns or _match_elements(nouns, keys)) for p, keys in preps):
            return False
    return True


def match_verb(tok, subject_head=None) -> CameoMatch | None:
    """The CAMEO code of verb token ``tok`` from the dictionary, or None when the verb is not in it.

    ``subject_head`` is the head token of the verb's subject (for patterns with words before the
    verb); the caller finds it, since the subject of an infinitive sits on its governor.
    """
    lexicon = verb_lexicon()
    entries = lexicon.entries(*verb_forms(tok))
    if not entries:
        return None
    after = _region_after(tok)
    post_keys = [_keys(t) for t in after]
    pre_keys = [_keys(t) for t in _region_before(tok, subject_head)]
    preps = [(t.text.upper(), [_keys(x) for obj in t.children if obj.dep_ in ("pobj", "pcomp") for x in
                               sorted(_phrase(obj), key=lambda y: y.i)])
             for t in after if t.dep_ in ("prep", "agent", "dative")]
    present = set().union(*post_keys, *pre_keys, *(k for _, keys in preps for k in keys)) | {p for p, _ in preps}
    best: CameoMatch | None = None
    for entry in entries:
        for pattern in lexicon.patterns.get(entry.block, ()):
            if best is not None and best.pattern is not None and pattern.weight <= best.pattern.weight:
                break
            if any(not (need & present) for need in pattern.needs):
                continue
            # A verb with its own code keeps to its cue category when borrowing a pattern written for
            # another verb of its block (BLAME [112] must not take INDICT's arrest code).
            if entry.own_code and pattern.verb and pattern.verb != entry.base and pattern.code and \
                    pattern.code != "---" and pattern.code[:2] != entry.own_code[:2]:
                continue
            if _match(pattern, pre_keys, post_keys, preps):
                code = None if pattern.code == "---" else pattern.code
                best = CameoMatch(code, pattern.passive, entry, pattern)
                break
    if best is not None:
        return best
    entry = entries[0]
    return CameoMatch(entry.own_code or lexicon.defaults.get(entry.block), None, entry, None)
