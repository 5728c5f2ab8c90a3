"""One actor per person or body across the corpus.

Each document's quotes already name their speaker canonically within the article (the fullest name
it gives). Across articles the same person appears as "John Kirby", "Kirby" or "Mr. Kirby": names
are grouped by a normalised key, and a name that is only a surname joins the one full-name actor
with that surname, when exactly one exists (two "Kim"s with full names keep a bare "Kim" apart).
"""
from __future__ import annotations

import collections
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|gen|lt|col|maj|capt|adm|sen|rep|gov|amb|president|"
    r"premier|chairman|chairwoman|secretary|minister|ambassador|envoy|pope|king|queen|prince|princess|"
    r"sheikh|rev)\.?\s+)+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: Words that point at a speaker without naming one: never kept as an actor's alias.
PRONOUNS = frozenset("he she they it we i you him her them us his hers their its".split())


def normalise(name: str) -> str:
    """A grouping key for a name: accents, case, punctuation, leading titles and articles removed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("U.S.", "US").replace("U.N.", "UN")
    text = _ARTICLE.sub("", text.strip())
    text = _TITLES.sub("", text)
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text.lower())
    return " ".join(text.split())


def looks_like_person(name: str) -> bool:
    """True for names of two to four capitalised words without lower-case descriptive words."""
    words = name.replace("-", " ").split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


@dataclass
class Mentioned:
    """One report naming an actor: a quote's speaker or an event's party."""

    name: str
    mention: str | None = None
    role: str | None = None
    affiliation: str | None = None
    date: str | None = None


@dataclass
class ActorRecord:
    """A merged actor: canonical ``name``, the forms it appeared under, roles over time."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)  # {"role", "first", "last"}
    affiliation: str | None = None
    first_date: str | None = None
    last_date: str | None = None


def resolve_actors(reports: Iterable[Mentioned], make_id) -> tuple[list[ActorRecord], dict[str, str]]:
    """Merge report names into actors; return the actors and a map from each report name's key to
    its actor id. ``make_id(key)`` gives an actor's stable id."""
    by_key: dict[str, list[Mentioned]] = collections.defaultdict(list)
    for rep in reports:
        key = normalise(rep.name)
        if key:
            by_key[key].append(rep)
    # A surname alone joins the single multi-word person key ending in it.
    surnames: dict[str, set[str]] = collections.defaultdict(set)
    for key, reps in by_key.items():
        words = key.split()
        if len(words) > 1 and looks_like_person(reps[0].name):
            surnames[words[-1]].add(key)
            surnames[words[0]].add(key)  # family name first (Korean, Chinese names)
    target = {}
    for key in by_key:
        owners = surnames.get(key, set()) if len(key.split()) == 1 else set()
        target[key] = next(iter(owners)) if len(owners) == 1 else key
    merged: dict[str, list[Mentioned]] = collections.defaultdict(list)
    for key, reps in by_key.items():
        merged[target[key]].extend(reps)
    actors = []
    for key, reps in sorted(merged.items()):
        names = collections.Counter(r.name for r in reps)
        # The fullest form wins; among equals, the most frequent, then alphabetical.
        name = max(names, key=lambda n: (len(normalise(n).split()), names[n], -ord(n[0]), n))
        forms = {r.name for r in reps} | {r.mention for r in reps if r.mention}
        aliases = sorted(f for f in forms - {name} if f.strip().lower() not in PRONOUNS)
        roles: dict[str, dict] = {}
        for r in reps:
            if r.role:
                slot = roles.setdefault(r.role, {"role": r.role, "first": r.date, "last": r.date})
                if r.date:
                    slot["first"] = min(filter(None, (slot["first"], r.date)))
                    slot["last"] = max(filter(None, (slot["last"], r.date)))
        affils = collections.Counter(r.affiliation for r in reps if r.affiliation)
        dates = sorted(r.date for r in reps if r.date)
        kind = "person" if looks_like_person(name) and len(name.split()) > 1 else (
            "description" if name[:1].islower() or name.lower().startswith(("a ", "an ", "the ")) else "name")
        actors.append(ActorRecord(
            id=make_id(key), name=name, kind=kind, aliases=aliases,
            roles=sorted(roles.values(), key=lambda r: (r["first"] or "", r["role"])),
            affiliation=affils.most_common(1)[0][0] if affils else None,
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None))
    return actors, {key: make_id(target[key]) for key in by_key}
