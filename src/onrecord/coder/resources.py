"""The event coder's dictionaries, loaded once per process.

The files in ``onrecord/resources/events`` are compact JSON built by ``scripts/build_event_resources.py``
from the PETRARCH2 CAMEO verb dictionary, the Phoenix actor and agent dictionaries, the Phoenix issue
and discard lists and PLOVER's CAMEO-to-PLOVER table (see ``ORIGIN.md`` there). Every loader here is
cached: the first call reads and indexes a file, later calls return the same object.
"""
from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

#: Where the built dictionaries live inside the installed package.
RESOURCE_DIR = Path(__file__).resolve().parents[1] / "resources" / "events"


def _load(name: str):
    data = (RESOURCE_DIR / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


# A pattern element is a tuple of alternatives; each alternative is a tuple of upper-case words that
# must appear as consecutive tokens (a synset expands to its members, {MOCK ATTACK} to one phrase).
Element = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One CAMEO verb pattern: words before the verb (subject side), words after it, and
    prepositional phrases ``(PREP NOUN...)``; ``code`` is the active CAMEO code (``---``: no event),
    ``passive`` the "inherent passive" code. ``weight`` ranks specificity (matched elements)."""

    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    preps: tuple[tuple[str, tuple[Element, ...]], ...]
    code: str | None
    passive: str | None
    weight: int
    #: for each element, the words one of its alternatives starts with: a pattern can only match a
    #: clause that has a word of every set (checked before the ordered match)
    needs: tuple[frozenset[str], ...] = ()
    #: the verb the pattern was written for (the dictionary's comment), None when unnamed
    verb: str | None = None


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb form in the CAMEO dictionary: its block, its own code (or None) and its base form."""

    block: str
    own_code: str | None
    base: str


@dataclass(slots=True)
class VerbLexicon:
    """CAMEO verbs indexed by form (``ARREST``, ``CALL OFF``), and each block's default and patterns."""

    forms: dict[str, list[VerbEntry]]
    defaults: dict[str, str | None]
    patterns: dict[str, list[Pattern]]

    def entries(self, *forms: str) -> list[VerbEntry]:
        """The dictionary entries of the first of ``forms`` (upper case) that the dictionary has."""
        for form in forms:
            found = self.forms.get(form)
            if found:
                return found
        return []


def _element(word: str, synsets: dict[str, list[str]]) -> Element:
    if word.startswith("&"):
        members = synsets.get(word, [])
        return tuple(tuple(m.split()) for m in members) or ((word[1:],),)
    return (tuple(word.split()),)


@functools.lru_cache(maxsize=1)
def verb_lexicon() -> VerbLexicon:
    """The CAMEO 2.0 verb dictionary of PETRARCH2, indexed for lookup by verb form."""
    raw = _load("cameo_verbs.json.gz")
    synsets = raw["synsets"]
    forms = {form: [VerbEntry(*e) for e in entries] for form, entries in raw["verbs"].items()}
    defaults, patterns = {}, {}
    for name, block in raw["blocks"].items():
        defaults[name] = block["default"]
        compiled = []
        for p in block["patterns"]:
            pre = tuple(_element(w, synsets) for w in p["pre"])
            post = tuple(_element(w, synsets) for w in p["post"])
            preps = tuple((prep, tuple(_element(w, synsets) for w in nouns)) for prep, nouns in p["preps"])
            weight = len(pre) + len(post) + sum(1 + len(n) for _, n in preps)
            if weight:
                elements = list(pre) + list(post) + [n for _, nouns in preps for n in nouns]
                needs = tuple(frozenset(alt[0] for alt in e) for e in elements)
                needs += tuple(frozenset((prep,)) for prep, _ in preps)
                compiled.append(Pattern(pre, post, preps, p["code"], p["passive"], weight, needs, p.get("verb")))
        # Most specific first; the file's order breaks ties (sorted is stable).
        patterns[name] = sorted(compiled, key=lambda q: -q.weight)
    return VerbLexicon(forms, defaults, patterns)


@functools.lru_cache(maxsize=1)
def cameo_to_plover_rows() -> dict[str, dict]:
    """PLOVER's CAMEO-to-PLOVER table (2021) as published: code -> {type, mode, context, description}."""
    return _load("cameo2plover.json")


@functools.lru_cache(maxsize=1)
def actor_codes() -> dict[str, str]:
    """Phoenix actor phrases (upper case, words space-separated) -> ISO alpha-3, IGO, NGO, MNC or IMG."""
    return _load("actors.json.gz")


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 code -> the country's common English name ("DEU" -> "Germany")."""
    return _load("country_names.json")


@functools.lru_cache(maxsize=1)
def agent_sectors() -> dict[str, str]:
    """Generic actor nouns of the PLOVER/Phoenix agent dictionaries (upper case) -> sector code."""
    return _load("agents.json.gz")


@dataclass(frozen=True, slots=True)
class IssueIndex:
    """Phoenix issue phrases as tuples of lower-case words, indexed by first word."""

    by_first: dict[str, list[tuple[tuple[str, ...], str]]]


def _issue_forms(phrase: str) -> list[tuple[str, ...]]:
    """``suicide n:bombing`` -> (suicide, bombing), (suicide, bombings); ``v:strafe`` -> strafe, strafes,
    strafed, strafing."""
    options: list[list[str]] = []
    for word in phrase.split():
        if word.startswith("n:"):
            w = word[2:]
            options.append([w, w + "es" if w.endswith(("s", "sh", "ch", "x")) else w + "s"])
        elif word.startswith("v:"):
            w = word[2:]
            stem = w[:-1] if w.endswith("e") else w
            options.append([w, w + "s", stem + "ed", stem + "ing"])
        else:
            options.append([word])
    out: list[tuple[str, ...]] = [()]
    for opts in options:
        out = [o + (w,) for o in out for w in opts]
    return out


@functools.lru_cache(maxsize=1)
def issue_index() -> IssueIndex:
    """Phoenix issue phrases, ready for matching on lower-case token texts."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, code in _load("issues.json.gz").items():
        for form in _issue_forms(phrase.replace("+", " ")):
            if form:
                by_first.setdefault(form[0], []).append((form, code))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e[0]))
    return IssueIndex(by_first)


@functools.lru_cache(maxsize=1)
def discard_phrases() -> dict[str, list[tuple[str, ...]]]:
    """Phoenix's sentence and story discard phrases (sports, entertainment) as lower-case word
    tuples indexed by first word; the bare years are left out when the file is built. Whole words
    only: TABARI's prefix stems ("CHAMPION") would also drop "championed"."""
    data = _load("discards.json")
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data["story"] + data["sentence"]:
        words = tuple(re.findall(r"[\w'&.-]+", phrase.rstrip("_").lower()))
        if words:
            index.setdefault(words[0], []).append(words)
    return index


def is_discarded(words: list[str]) -> bool:
    """True when the lower-case ``words`` of a sentence contain a discard phrase."""
    index = discard_phrases()
    for i, word in enumerate(words):
        for phrase in index.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                return True
    return False
