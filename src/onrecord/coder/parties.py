"""Actors and recipients: the words that name a party, its canonical name and its country.

A party is named as the text names it ("Irish nationalist guerrillas", "Amnesty International"),
a person by full name (a surname or pronoun is resolved against the people named earlier in the
document and the quote speakers), and coded with the country it belongs to from the Phoenix actor
dictionaries (names, adjectives, capitals, office-holders, IGOs, NGOs, armed groups).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..model import Party
from .lexicon import COLLECTIVE_NOUNS, NON_PARTY_HEADS, TITLES
from .resources import actor_codes, agent_sectors, country_names

ENTITY_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "det", "predet",
                       "advmod", "npadvmod", "punct"})
DROP_LEFT = frozenset({"det", "predet", "nummod", "quantmod", "advmod", "npadvmod"})
#: Generic party nouns the agent dictionaries lack.
EXTRA_PARTY_NOUNS = frozenset("""forces official officer hacker peacekeeper negotiator expert leader emir party
supporter union personnel helicopter warplane jet warship vessel agency committee council forum association
organization organisation nation country ally partner side office general chief delegation watchdog coalition
opposition attacker captor hostage-taker administration authority authorities government minister president
premier chancellor monarch sheikh tribunal court parliament assembly cabinet junta regime military navy
airforce fighter fighters guerrilla militant bomber squad unit brigade battalion activist activists
demonstrator protester lawyer judge prosecutor spokesman spokeswoman diplomat envoy ambassador senator
lawmaker legislator congressman representative commission network group groups counterpart counterparts
host hosts mediator mediators patrol patrols convoy convoys adviser advisers advisor advisors aide aides
pope cardinal bishop imam cleric patriarch archbishop ayatollah""".split())
#: Things that act in a sentence but are not parties: an attack by them has no named actor.
INSTRUMENTS = frozenset("""explosion blast bomb bombs mine mines minefield device shell shells rocket rockets
missile missiles fire gunfire attack attacks bombing raid grenade landmine ied explosive explosives accident
storm earthquake flood""".split())
#: Plural nouns that stand for the parties already named ("the two countries"), not a party.
GENERIC_PLURALS = frozenset("countries sides parties nations neighbors neighbours states governments leaders".split())
#: Modifiers that say a quantity, not who: dropped unless nothing else is left of the name.
QUANTITY_WORDS = frozenset("some about around nearly almost over more than at least up to several many".split())
#: Words a canonical name starts without.
LEADING_NOISE = re.compile(r"^(?:the|a|an|his|her|its|their|our|some|about|around|at least|more than|nearly|almost|over|up to|"
                           r"several|many|other|all|both|two|three|four|five|six|seven|eight|nine|ten|"
                           r"hundreds of|thousands of|tens of thousands of|dozens of|[\d,.]+)\s+", re.I)


@dataclass(slots=True)
class DocContext:
    """What the coder remembers while reading one document: people named so far (surname ->
    full name), the speakers of quotes by character span, and the last persons and parties that
    acted, for pronouns."""

    people: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str | None] = field(default_factory=dict)
    mentions: dict[str, list] = field(default_factory=dict)
    speakers: list[tuple[int, int, str]] = field(default_factory=list)
    last_person: Party | None = None
    last_party: Party | None = None

    def remember_people(self, doc) -> None:
        """Index every PERSON entity of the parsed document by its last word (and by itself), and
        the country its title says wherever the story gives one ("U.S. Secretary of State Mike
        Pompeo", "Hwang, South Korea's envoy"), for the mentions that do not."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text)
            words = name.split()
            if len(words) >= 2:
                self.people.setdefault(words[-1].lower(), name)
                self.people.setdefault(words[0].lower(), name)  # "Kim Jong-un": family name first
            self.mentions.setdefault(name.lower(), []).append(ent)

    def person_country(self, name: str) -> str | None:
        """The country a person's title gives in any mention of the story (looked up once per name)."""
        key = name.lower()
        if key not in self.countries:
            found = None
            for mention_key, ents in self.mentions.items():
                if self.full_name(mention_key).lower() != key:
                    continue
                for ent in ents:
                    doc, start = ent.doc, ent.start
                    while start > max(ent.start - 6, 0) and not doc[start].is_sent_start:
                        start -= 1  # the title words before the name, within its sentence
                    title = [t.text for t in doc[start:ent.start] if t.text[:1].isalnum()]
                    near = [t.text for c in ent.root.children if c.dep_ == "appos" for t in c.subtree][:8]
                    code = country_code(title) or country_code(near)
                    if code and code not in ("IGO", "NGO", "MNC"):
                        found = code
                        break
                if found:
                    break
            self.countries[key] = found
        return self.countries[key]

    def full_name(self, name: str) -> str:
        """The full name of a person the document named earlier ("Kirby" -> "John Kirby")."""
        words = name.split()
        if len(words) == 1:
            return self.people.get(words[0].lower(), name)
        return name

    def speaker_at(self, start: int, end: int) -> str | None:
        for s, e, speaker in self.speakers:
            if s <= start and end <= e:
                return speaker
        return None


def strip_titles(name: str) -> str:
    """A person's name without the titles the tagger took in ("Councilor Dai Bingguo" -> "Dai
    Bingguo"), keeping at least two words."""
    words = name.split()
    while len(words) > 2 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def clean_name(text: str, strip_leading: bool = True) -> str:
    """A name without edge punctuation, a lone possessive 's, ages ("48-year-old"), and
    (``strip_leading``) leading articles, possessive pronouns and quantities ("about 200", "the")."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:\"'“”‘’()")
    text = re.sub(r"\b\d+\s*-\s*year\s*-\s*old\s+", "", text)
    text = re.sub(r"[’']s$", "", text) if text.endswith(("'s", "’s")) and len(text.split()) == 1 else text
    previous = None
    while strip_leading and previous != text:
        previous = text
        text = LEADING_NOISE.sub("", text)
    return text.strip()


def _ent_of(tok):
    """The entity span ``tok`` belongs to, found from the token's IOB tags (``doc.ents`` would
    rebuild the document's entity list on every call)."""
    if not tok.ent_type_ or tok.ent_iob_ not in ("B", "I"):
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def is_party_noun(tok) -> bool:
    """True when ``tok`` can head a party: a named person, organisation, place or nationality, a
    pronoun, or a generic actor noun of the agent dictionaries ("police", "rebels")."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "it", "we", "i", "him", "her", "them", "us")
    if tok.lemma_.lower() in NON_PARTY_HEADS or tok.lower_ in NON_PARTY_HEADS:
        return False  # "44 percent of Americans", "the Democracy Act", "the Nikkei index"
    if tok.ent_type_ in ENTITY_PARTIES:
        return True
    if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_:
        # a name the tagger missed: one the actor dictionaries know ("Nigeria"), or a capitalised
        # proper-noun phrase ("Human Rights Watch")
        words = [c.text for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.text]
        if country_code(words) or (len(words) >= 2 and all(w[:1].isupper() for w in words)):
            return True
    lemma = tok.lemma_.lower()
    if lemma in EXTRA_PARTY_NOUNS or tok.lower_ in EXTRA_PARTY_NOUNS:
        return True
    sectors = agent_sectors()
    return lemma.upper() in sectors or tok.text.upper() in sectors


def _span_tokens(head) -> list:
    """The words of a party's name: the head, its left modifiers, and an "of" phrase after a role
    or group noun ("supporters of former President Ahmed Ben Bella", "president of Armenia")."""
    left = []
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS and not (child.dep_ == "amod" and child.tag_ in ("VBN", "VBG")
                                            and child.ent_type_ == ""):  # "the besieged town"
            left.extend(child.subtree)
    tokens = sorted(set(left) | {head}, key=lambda t: t.i)
    full = list(tokens)
    # drop a leading determiner/quantity and any punctuation at the edges
    while tokens and (tokens[0].dep_ in DROP_LEFT or tokens[0].pos_ in ("DET", "NUM", "PUNCT")
                      or tokens[0].lower_ in QUANTITY_WORDS):
        if tokens[0] == head:
            break
        tokens = tokens[1:]
    if tokens == [head] and head.pos_ == "NOUN" and len(full) > 1 and any(t.pos_ == "NUM" for t in full):
        # "23 people", "Some 500,000 workers": the number is all that tells them apart
        tokens = [t for t in full if t.pos_ != "DET" or t.lower_ not in ("the", "a", "an")]
    named = head.ent_type_ in ("PERSON", "ORG", "GPE", "FAC") and head.pos_ == "PROPN"
    if not named:
        for child in head.rights:
            if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "from" and head.lemma_.lower() in
                                                                  EXTRA_PARTY_NOUNS | {"official", "delegate"})):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and (obj.ent_type_ in ENTITY_PARTIES or obj.pos_ == "PROPN"):
                    tokens.extend(t for t in child.subtree)
                break
            if child.dep_ == "acl" and child.lower_ in ("based", "located", "stationed"):
                tokens.extend(t for t in child.subtree)  # "a newspaper based in east Beirut"
                break
    return sorted(tokens, key=lambda t: t.i)


def collective_member(head):
    """For "a group of Moroccan diplomats" or "thousands of refugees", the members' noun."""
    if head.lower_ in COLLECTIVE_NOUNS or head.lemma_.lower() in COLLECTIVE_NOUNS:
        for child in head.rights:
            if child.dep_ == "prep" and (child.lower_ == "of" or (child.lower_ == "from" and head.lemma_.lower() in
                                                                  EXTRA_PARTY_NOUNS | {"official", "delegate"})):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return collective_member(obj)
    return head


def country_code(words: list[str], min_words: int = 1) -> str | None:
    """The country (or IGO/NGO/MNC/IMG) of a name, from the longest phrase of ``words`` (any case)
    in the Phoenix actor dictionaries; a whole-name match wins over a part. ``min_words`` keeps a
    person's name from matching on one common word ("Kim")."""
    codes = actor_codes()
    upper = [w.upper().strip(".,'’\"") if w not in ("U.S.", "U.N.") else w.upper() for w in words]
    upper = [w for w in upper if w]
    n = len(upper)
    for size in range(min(n, 8), min_words - 1, -1):
        for i in range(0, n - size + 1):
            phrase = " ".join(upper[i:i + size])
            code = codes.get(phrase) or codes.get(phrase.replace("’", "'"))
            if code is None and size == 1:
                stem = phrase[:-1] if phrase.endswith("S") else phrase
                # plurals and short demonyms: "Palestinians", "Serbs" -> SERBIAN, "Croat" -> CROATIAN
                code = codes.get(stem) or codes.get(stem + "IAN") or codes.get(stem + "ISH")
            if code is None and phrase.endswith("'S"):
                code = codes.get(phrase[:-2])
            if code:
                return code
    return None


def place_country(head) -> str | None:
    """The country of the place a group is in or from ("demonstrators in Baghdad", "students
    throughout Indonesia")."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "throughout", "across", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "LOC", "NORP"):
                ent = _ent_of(obj)
                code = country_code((ent.text if ent is not None else obj.text).split())
                if code and code not in ("IGO", "NGO", "MNC", "IMG"):
                    return code
    return None


def name_party(head, ctx: DocContext) -> Party | None:
    """The party that token ``head`` names, or None when it names none (an instrument, a thing)."""
    head = collective_member(head)
    if head.pos_ == "PRON":
        return None  # pronouns are resolved by the coder, which knows the clause
    if head.lemma_.lower() in INSTRUMENTS and not any(
            c.dep_ in ("compound", "amod", "poss") and (c.ent_type_ in ENTITY_PARTIES) for c in head.lefts):
        return None
    ent = _ent_of(head)
    tokens = _span_tokens(head)
    if ent is not None and ent.label_ == "NORP" and head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN":
        # a nationality standing for its state ("German goods", "Israeli changes")
        code = country_code([ent.text])
        name = country_names().get(code or "", clean_name(ent.text))
        return Party(name, code)
    if ent is None and head.pos_ in ("NOUN", "PROPN"):
        # "Special Representative for North Korea Policy Ambassador Sung Kim": the title's holder
        person = next((t for t in head.subtree if t.ent_type_ == "PERSON" and t.i > head.i
                       and t.dep_ not in ("pobj", "poss") and not any(a.dep_ == "pobj" for a in t.ancestors
                                                                       if a.i > head.i)), None)
        if person is not None:
            ent = _ent_of(person)
    if ent is not None and ent.label_ == "PERSON":
        name = ctx.full_name(strip_titles(clean_name(_extend_name(ent))))
        if len(name.split()) == 1:  # "President Bouteflika": a bare surname keeps its title
            titles = [t.text for t in head.lefts if t.dep_ == "compound" and t.lower_ in TITLES and t.i < ent.start]
            if titles:
                name = " ".join(titles + [name])
        before = " ".join(t.text for t in tokens if t.i < ent.start).split()
        code = country_code(name.split(), min_words=2) or country_code(before) or ctx.person_country(name)
        return Party(name, code)
    if ent is not None and ent.label_ == "NORP" and ent.end - 1 == head.i:
        # "ethnic Albanians", "Albanians of southern Serbia": the group as the text describes it
        name = clean_name("".join(t.text_with_ws for t in tokens))
        return Party(name, country_code(ent.text.split()) or country_code(name.split()) or place_country(head))
    if ent is not None and ent.label_ in ("ORG", "GPE", "FAC", "LOC") and ent.end - 1 == head.i:
        name = clean_name(_extend_name(ent))
        extra = [t for t in tokens if t.i < ent.start and t.dep_ == "poss"]
        if extra:  # "Iraq's interim government" when the entity is only part: keep the whole
            name = clean_name(" ".join(t.text for t in tokens))
        code = country_code(name.split()) or country_code(" ".join(t.text for t in tokens).split())
        return Party(name, code)
    if head.pos_ == "NOUN" and any(c.dep_ == "compound" and c.ent_type_ == "ORG" for c in head.lefts):
        # "Osama bin Laden's al-Qaeda terror network": the organisation's own words, not its owner
        tokens = [t for t in tokens if not any(t.i in range(p.left_edge.i, p.right_edge.i + 1)
                                                 for p in head.lefts if p.dep_ == "poss")]
    text = "".join(t.text_with_ws for t in tokens).strip()
    keeps_number = tokens[0].pos_ == "NUM" or tokens[0].lower_ in QUANTITY_WORDS
    name = clean_name(text, strip_leading=not keeps_number)
    if not name:
        return None
    return Party(name, country_code(text.split()) or place_country(head))


def _extend_name(ent) -> str:
    """A name the tagger cut short: "Moon Jae[-in]" continues over a hyphen; "National Union [for the
    Total Independence of Angola]" over of/for/the/and and capitalised words."""
    doc, end = ent.doc, ent.end
    while end < len(doc) - 1 and not doc[end - 1].whitespace_ and doc[end].text == "-":
        end += 2 if not doc[end].whitespace_ else 1
    if ent.label_ != "ORG":
        return doc[ent.start:end].text
    while end < len(doc) - 1 and doc[end].lower_ in ("of", "for", "the", "and") and (
            doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ == "the"):
        end += 1
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ == "the"):
            end += 1
    return doc[ent.start:end].text


def is_generic_plural(tok) -> bool:
    """ "the two countries", "both sides": the parties already named, not another one."""
    return tok.lemma_.lower() in GENERIC_PLURALS and tok.tag_ in ("NNS", "NNPS") and any(
        t.lower_ in ("two", "both", "three", "all") for t in tok.lefts)


PLACE_PREPS = ("in", "at", "near", "outside", "inside", "into", "to", "throughout", "of")
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _place_in(obj) -> str | None:
    """The place a prepositional object names, or names inside it ("the eastern town of Soroti")."""
    for sub in [obj] + list(obj.subtree):
        ent = _ent_of(sub)
        if ent is not None and ent.label_ in PLACE_LABELS:
            return clean_name(ent.text)
    return None


def _places_under(tok, preps=PLACE_PREPS):
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    place = _place_in(obj)
                    if place:
                        yield place


def location_of(tok, actor_tok=None, sent=None, exclude: str | None = None) -> str | None:
    """Where an act happened, as the text names the place: a place in a prepositional phrase of
    the act or its object ("in Tel Aviv", "to Japan"), of its actor ("police in Jericho"), the place
    visited ("visited Washington"), else the first place the sentence names (not the actor)."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "advcl", "xcomp", "conj")]
    for head in heads:
        for place in _places_under(head, ("in", "at", "near", "outside", "inside", "into", "throughout")):
            if place != exclude:
                return place
    if actor_tok is not None:
        for place in _places_under(actor_tok, ("in", "at", "throughout")):
            if place != exclude:
                return place
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.ent_type_ in PLACE_LABELS:  # "visited Washington"
        place = _place_in(obj)
        if place and place != exclude:
            return place
    for place in _places_under(tok, ("to", "from", "of")):
        if place != exclude:
            return place
    if sent is not None:
        for t in sent:
            if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
                place = _place_in(t)
                if place and place != exclude and not (actor_tok is not None and t.i in
                                                       range(actor_tok.left_edge.i, actor_tok.right_edge.i + 1)):
                    return place
    return None
