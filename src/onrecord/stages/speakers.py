"""Who is speaking: canonical speakers for the noun phrases that cue quotes.

:class:`SpeakerIndex` reads one parsed body once and then answers, for a subject noun phrase at
some point of the article, which speaker it means:

- a name ("Kirby", "Special Envoy Kim", "Mr Blair") resolves to the fullest name the article gives
  that contains it; when several people share the word ("Kim" for Kim Jong-un, Sung Kim and
  David Kim) the one last named or last acting as a subject before that point wins;
- a pronoun ("he", "she", "they", "it") resolves to the last fitting subject before it;
- a definite description ("the official", "the ministry", "the report") resolves to the last
  speaker the article described with that noun; an indefinite one ("a senior U.S. official",
  "U.S. officials", "experts based in Seoul") is itself the canonical speaker;
- titles and appositions give the role ("State Department spokesman") and affiliation
  ("Stimson Center", "United States").

All offsets are character offsets in the body; every lookup is a short scan over the article's
people or a backward walk of its subjects, so the whole index is linear in the article's size.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes_names import NameBook, name_prefix, pronoun_surname, who_follows
from .quotes_phrases import agentive, np_tokens, strip_article, strip_poss, stray_subject, with_conj
from .quotes_lex import (DEMONYMS, DOCUMENT_NOUNS, GROUP_NOUNS, ORG_NOUNS, PERSON_NOUNS, SOURCE_NOUNS, SPEECH_VERBS, TITLE_WORDS,
                         clean_name, is_title)

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "pl", "them": "pl", "it": "it", "we": "self",
             "i": "self"}
_INDEFINITE = {"a", "an", "another", "one", "some", "several", "two", "three", "many", "other", "few"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_SUBJ = {"nsubj", "nsubjpass"}
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: ``name`` is canonical, ``mention`` the words at the cue."""

    name: str
    mention: str
    kind: str  # person | desc | org | unknown
    plural: bool = False
    role: str | None = None
    affiliation: str | None = None
    head: str = ""  # lower-case head noun of a description ("official"), for later "the official"


def _titled_tail(span, head) -> bool:
    """True when the phrase goes on after its proper head with "for/of" and capitalised words only
    ("High Commissioner for Human Rights"), so the whole phrase is one name."""
    tail = [t for t in span if t.i > head.i]
    return len(tail) >= 2 and tail[0].lower_ in ("for", "of", "on") and tail[-1].text[:1].isupper() and all(
        t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "the", "on", "&") for t in tail[1:])


def _proper_marks(span, head) -> list[str]:
    """The proper words that pick out a description ("French" in "the French foreign ministry")."""
    return [t.text for t in span if t.i < head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG"))]


def _fits(sp: Speaker, marks: list[str]) -> bool:
    """True when speaker ``sp`` carries every proper word of a description that refers back to it."""
    text = f"{sp.name} {sp.role or ''} {sp.affiliation or ''}"
    return all(m in text or DEMONYMS.get(m, "\0") in text for m in marks)


def is_institution(sp: Speaker) -> bool:
    """True for a speaker that "it" can stand for: an organisation, or a description headed by an
    institution's noun ("the US military", "the government")."""
    return sp.kind == "org" or sp.head in ORG_NOUNS


def _names_document(mention: str) -> bool:
    """True when the words at a cue name a document that reports ("The report", "a study by the
    Post"), rather than an act of speech of its issuer ("the statement")."""
    words = mention.lower().split()
    return any(w in DOCUMENT_NOUNS for w in words[:3])


def _possessor(ent) -> bool:
    """True for a name that owns the phrase it stands in ("Miller's" in "Miller's lawyer")."""
    doc = ent.doc
    return ent.root.dep_ == "poss" or ent.end < len(doc) and doc[ent.end].tag_ == "POS"


class SpeakerIndex(NameBook):
    """Resolution of speaker noun phrases in one parsed article (see the module docstring)."""

    def __init__(self, sdoc, inside_quote, sentence_bounds=None):
        """``sdoc``: the spaCy Doc of the body; ``inside_quote(char_offset) -> bool`` tells whether a
        character lies between quotation marks (names there are not antecedents);
        ``sentence_bounds(char_offset) -> (start, end)`` the writer's sentence around an offset (a
        subject the parser found outside its verb's sentence is replaced by the one inside it)."""
        self.doc = sdoc
        self._text = sdoc.text  # Doc.text joins every token on each access
        self.inside = inside_quote
        self._bounds = sentence_bounds
        self.roles: dict[str, str] = {}
        self.affils: dict[str, str] = {}
        self.name_pos: dict[str, list[int]] = {}  # canonical full name -> offsets of its mentions
        self.full_names: list[str] = []
        self._by_word: dict[str, list[str]] = {}
        self._ent_at: dict[int, object] = {}
        self._ents = list(sdoc.ents)  # Doc.ents and Span.ents rebuild their list on every access
        for ent in self._ents:
            for t in ent:
                self._ent_at[t.i] = ent
        self._orgs = [(e.start_char, strip_article(strip_poss(e.text))) for e in self._ents
                      if e.label_ == "ORG" and not inside_quote(e.start_char)]
        self._org_starts = [o[0] for o in self._orgs]
        self._place_words = {t.text for e in self._ents if e.label_ in ("GPE", "LOC", "NORP") for t in e}
        self._sources: dict[str, list[int]] = {}
        for tok in sdoc:
            if tok.lemma_.lower() in SOURCE_NOUNS and tok.pos_ == "NOUN":
                self._sources.setdefault(tok.lemma_.lower(), []).append(tok.i)
        self.timeline: list[tuple[int, Speaker]] = []  # subjects in text order
        self._times: list[int] = []
        self._salient: list[bool] = []  # per timeline entry: a main-clause subject or a speaker
        self._noted: set[int] = set()
        self._collect_names()
        for tok in sdoc:
            if tok.dep_ in _SUBJ and not self.inside(tok.idx) and tok.pos_ in ("PROPN", "NOUN", "PRON"):
                if sentence_bounds is not None:
                    s, e = sentence_bounds(tok.head.idx)
                    if not s <= tok.idx < e:
                        stray = stray_subject(tok.head, s, e)
                        sp = self.resolve(stray, cue=False) if stray is not None else None
                        if sp is not None and sp.kind != "unknown":
                            self._push(stray.idx, sp, self._is_salient(tok))
                for owner in tok.children:
                    # "Mr. Trump's embrace is not limited to China. He ...": the subject's owner is
                    # an antecedent too, though a weaker one than a subject.
                    if owner.dep_ == "poss" and owner.pos_ == "PROPN":
                        sp = self.resolve(owner, cue=False)
                        if sp is not None and sp.kind == "person":
                            self._push(owner.idx, sp, False)
                sp = self.resolve(tok, cue=False)
                if sp is not None and sp.kind != "unknown":
                    self._push(tok.idx, sp, self._is_salient(tok))

    def ents_in(self, span) -> list:
        """The entities wholly inside ``span``, in order (a lookup per token, not a scan of the doc)."""
        out = []
        for i in range(span.start, span.end):
            ent = self._ent_at.get(i)
            if ent is not None and ent.start >= span.start and ent.end <= span.end and (not out or out[-1] is not ent):
                out.append(ent)
        return out

    def _source_owner(self, lemma: str, at: int) -> Speaker | None:
        """Whose "the statement" / "the report" this is: the last earlier mention of the noun with its
        author ("a report by the Washington Post", "the ministry issued a statement")."""
        positions = self._sources.get(lemma, [])
        k = bisect.bisect_left([self.doc[i].idx for i in positions], at)
        for tok_i in reversed(positions[max(0, k - 3):k]):
            tok = self.doc[tok_i]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            sp = self._resolve(obj, cue=False)
                            if sp is not None and sp.kind != "unknown":
                                return sp
            verb = tok.head
            if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through", "via"):
                verb = verb.head  # "the US military said in a statement": the one who said it
                if verb.lemma_.lower() not in SPEECH_VERBS:
                    continue
            elif tok.dep_ != "dobj":
                continue
            if verb.pos_ == "VERB":
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    sp = self._resolve(subj, cue=False)
                    if sp is not None and sp.kind != "unknown":
                        return sp
        return None

    def _org_named(self, lemma: str, at: int) -> str | None:
        """The last organisation named before ``at`` whose name ends in ``lemma`` ("the ministry"
        after "Unification Ministry spokesperson Koo")."""
        k = bisect.bisect_left(self._org_starts, at)
        for i in range(k - 1, max(-1, k - 40), -1):
            name = self._orgs[i][1]
            if name.lower().split()[-1:] in ([lemma], [lemma + "s"]):
                return name
        return None

    def _known_name_ending(self, span, head) -> str | None:
        """The name that closes the apposition ``span`` (headed by ``head``) although the tagger missed
        it ("former special envoy to Ukraine Kurt Volker" tagged as one organisation): a full name
        known from elsewhere in the article, else, after a title, the capitalised words that follow
        the place names."""
        run = []
        for tok in reversed(span):
            if tok.pos_ != "PROPN" or not tok.is_alpha or len(run) == 4:
                break
            run.insert(0, tok)
        for k in range(len(run) - 1):
            name = " ".join(t.text for t in run[k:])
            if name in self._by_word.get(run[k].text, ()):
                return name
        if not (head.lemma_.lower() in PERSON_NOUNS or is_title(head.text)):
            return None
        while run and run[0].text in self._place_words:
            run = run[1:]
        if len(run) < 2 or any(is_title(t.text) or t.lower_ in ORG_NOUNS for t in run):
            return None
        return self.canonical_name(" ".join(t.text for t in run), head.idx)

    def _pair_names(self, head, at: int) -> str | None:
        """"Kurt Volker and Tim Morrison" for the coordinated subject "(both) Volker and Morrison" when
        every part is a person's name; None otherwise."""
        names = []
        for part in [head] + [c for c in head.conjuncts if c.i > head.i]:
            if part.pos_ != "PROPN":
                return None
            ent = self._ent_at.get(part.i)
            if ent is not None and ent.label_ not in ("PERSON", "ORG"):
                return None
            words = [t.text for t in np_tokens(part) if t.pos_ == "PROPN" and not is_title(t.text)]
            name = clean_name(" ".join(words))
            if not name or not (self._candidates(name) or ent is not None and ent.label_ == "PERSON"):
                return None
            names.append(self.canonical_name(name, at))
        if len(names) < 2:
            return None
        return ", ".join(names[:-1]) + " and " + names[-1]

    # -- timeline ------------------------------------------------------------------------------
    def _push(self, pos: int, sp: Speaker, salient: bool = True) -> None:
        self._noted.add(pos)
        k = bisect.bisect_right(self._times, pos)
        self._times.insert(k, pos)
        self.timeline.insert(k, (pos, sp))
        self._salient.insert(k, salient)

    def note(self, pos: int, sp: Speaker) -> None:
        """Record that ``sp`` spoke at ``pos`` (so later pronouns and descriptions can find it)."""
        if pos not in self._noted:
            self._push(pos, sp)

    def _is_salient(self, subj) -> bool:
        """A subject the next pronoun most likely means: of its sentence's main verb or of a reporting
        verb, or the words its sentence opens with; not of a clause inside something else ("declined
        to address whether Thomas slept on the night Epstein died": Thomas and Epstein are only
        mentioned)."""
        verb = subj.head
        for _ in range(4):
            if verb.dep_ != "conj" or verb.head is verb:
                break
            verb = verb.head
        if verb.dep_ == "ROOT" or verb.lemma_.lower() in SPEECH_VERBS:
            return True
        # The parser may take a later verb for the root; the sentence's first phrase stays its topic.
        return self._bounds is not None and self._bounds(subj.idx)[0] == subj.left_edge.idx

    def _last_salient(self, at: int, accept, limit: int = 40):
        """The last fitting subject before ``at``, preferring within the pronoun's paragraph (and the
        one before it when the pronoun opens its paragraph) a main-clause subject or a speaker over
        someone merely mentioned in a subordinate clause."""
        text = self._text
        window = text.rfind("\n\n", 0, at) + 1
        if not _SENT_END.search(text[window:at]):
            window = text.rfind("\n\n", 0, max(0, window - 2)) + 1
        k = bisect.bisect_left(self._times, at)
        first = None
        for i in range(k - 1, max(-1, k - 1 - limit), -1):
            pos, sp = self.timeline[i]
            if not accept(sp):
                continue
            if pos < window:
                return first or sp
            if self._salient[i]:
                return sp
            first = first or sp
        return first

    def _last(self, at: int, accept, limit: int = 40):
        k = bisect.bisect_left(self._times, at)
        for i in range(k - 1, max(-1, k - 1 - limit), -1):
            sp = self.timeline[i][1]
            if accept(sp):
                return sp
        return None

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, head, cue: bool | str = True) -> Speaker | None:
        """The speaker meant by the noun phrase headed by token ``head`` (a subject or the object of
        "said"), or None when it is not a plausible speaker. With ``cue`` (the phrase is the subject
        of a reporting verb) any common noun phrase counts as a description of a speaker ("one
        backbencher said"); without it only nouns known to name people or institutions do; with
        ``cue="strict"`` (a content clause's subject) only short phrases or nouns that look like
        people do ("its cutback on orders said" is a parse error, not a speaker)."""
        sp = self._resolve(head, cue)
        if cue and sp is not None and sp.kind != "unknown":
            self.note(head.idx, sp)
        return sp

    def _resolve(self, head, cue: bool) -> Speaker | None:
        at = head.idx
        low = head.lower_
        if pronoun_surname(head):
            return self._resolve(self.doc[head.i + 1], cue)  # "He Jianxiong said": a surname
        if head.pos_ == "PRON" or low in _PRONOUNS:
            kind = _PRONOUNS.get(low)
            if kind in ("m", "f"):
                sp = self._last_salient(at, lambda s: s.kind in ("person", "desc") and not s.plural)
            elif kind == "pl":
                sp = self._last_salient(at, lambda s: s.plural or s.kind == "org")
            elif kind == "it":
                # An organisation, not a document ("The report said ... It said ..." is the report).
                sp = self._last(at, lambda s: is_institution(s) and not _names_document(s.mention), limit=6)
            else:
                sp = None
            if sp is None:
                return Speaker(head.text, head.text, "unknown")
            return Speaker(sp.name, head.text, sp.kind, sp.plural, sp.role, sp.affiliation, sp.head)
        span, coordinated = with_conj(head)
        mention = span.text
        ent = self._ent_at.get(head.i)
        person_ents = [e for e in self.ents_in(span) if e.label_ == "PERSON"]
        if head.pos_ == "NOUN":
            # "Miller's lawyer": the owner of the role is not the speaker.
            person_ents = [e for e in person_ents if not _possessor(e)]
        if not person_ents and head.pos_ in ("NOUN", "PROPN"):
            # "The Prime Minister, Tony Blair, said" / "Another diplomat, former envoy to Kenya Lena
            # Fox, said": the name in the apposition, as its head or closing its title.
            for child in head.rights:
                if child.dep_ == "appos":
                    appos = self.doc[child.left_edge.i:child.right_edge.i + 1]
                    inner = [e for e in self.ents_in(appos) if e.label_ == "PERSON"]
                    if inner and (inner[0].root.i == child.i or inner[-1].end == appos.end):
                        person_ents = inner
                    elif not inner:
                        known = self._known_name_ending(appos, child)
                        if known:
                            return Speaker(known, mention, "person", False, self.roles.get(known),
                                           self.affils.get(known))
                    break
        if person_ents and not coordinated:
            e = person_ents[-1]
            name = name_prefix(e) + clean_name(e.text)
            if name:
                canon = self.canonical_name(name, at)
                return Speaker(canon, mention, "person", False, self.roles.get(canon), self.affils.get(canon))
        if not coordinated and head.pos_ == "PROPN" and _titled_tail(span, head):
            # "The United Nations High Commissioner for Human Rights": an office named in full.
            return Speaker(strip_article(mention), mention, "org", False)
        if not coordinated and (head.pos_ == "PROPN" or head.text[:1].isupper() and head.is_alpha
                                and self._candidates(head.text)):
            # (A surname the tagger took for a common noun is still that person's name.)
            # NER misses ("Campbell said" tagged ORG): a proper noun that is part of a known name.
            run = [head]
            k = head.i - 1
            while k >= span.start and self.doc[k].pos_ in ("PROPN", "PUNCT") and not is_title(self.doc[k].text) \
                    and self.doc[k].text not in (",", "(", ")") and (
                    self._ent_at.get(k) is None or self._ent_at[k].label_ not in ("GPE", "NORP", "DATE")):
                run.insert(0, self.doc[k])
                k -= 1
            if k >= 0 and pronoun_surname(self.doc[k]):
                run.insert(0, self.doc[k])
            name = clean_name(self.doc[run[0].i:head.i + 1].text)
            if name and (self._candidates(name) or ent is None and head.lemma_.lower() not in ORG_NOUNS
                         or who_follows(head)):
                # A capitalised subject with no entity label is most often a person the tagger missed.
                canon = self.canonical_name(name, at)
                return Speaker(canon, mention, "person", False, self.roles.get(canon), self.affils.get(canon))
        lemma = head.lemma_.lower()
        first = span[0].lower_
        if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and not coordinated:
            return Speaker(strip_article(strip_poss(ent.text)), mention, "org", False)
        if coordinated:
            names = self._pair_names(head, at)
            if names:
                return Speaker(names, mention, "desc", True, head=lemma)
            return Speaker(strip_article(mention) if ent is not None else mention, mention, "desc", True, head=lemma)
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or head.lower_ in PERSON_NOUNS:
            marks = _proper_marks(span, head)
            if first in _DEFINITE:
                sp = self._last(at, lambda s: (s.head == lemma or (s.role or "").lower().split()[-1:] == [lemma]
                                or (s.kind == "person" and lemma in (s.role or "").lower().split()))
                                and _fits(s, marks), limit=60)
                if sp is None and not plural and lemma in PERSON_NOUNS and not any(
                        c.dep_ in ("relcl", "acl") for c in head.children):
                    # "The ranking U.S. diplomat also said": a new description of the person the
                    # story is about, when no one was described with that noun before ("the staff
                    # member who reported the call" picks out someone new).
                    sp = self._last(at, lambda s: s.kind == "person", limit=6)
                if sp is not None:
                    return Speaker(sp.name, mention, sp.kind, sp.plural, sp.role, sp.affiliation, sp.head)
            name = mention if first not in _INDEFINITE else mention[0].lower() + mention[1:]
            if first in _DEFINITE and len(span) == 2:
                name = mention[0].lower() + mention[1:]
            if first == "the" and lemma in ORG_NOUNS:
                name = strip_article(mention)  # "the US military": an institution, named like one
            return Speaker(name, mention, "desc", plural or lemma in GROUP_NOUNS, head=lemma)
        if lemma in SOURCE_NOUNS:
            # "a Gallup Korea poll", "a KCNA report": the organisation named in the phrase.
            named = [e for e in self.ents_in(span) if e.end <= head.i and (e.label_ in ("ORG", "PERSON") or e.label_ in (
                "GPE", "NORP") and e.root.dep_ in ("compound", "poss"))]
            if named:
                e = named[0]
                if e.label_ == "PERSON":
                    canon = self.canonical_name(clean_name(e.text), at)
                    return Speaker(canon, mention, "person", False, self.roles.get(canon), self.affils.get(canon))
                return Speaker(strip_article(strip_poss(e.text)), mention, "org", False, head=lemma)
        if lemma in ORG_NOUNS or lemma in SOURCE_NOUNS:
            by = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "in")]
            for prep in by:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in self._ent_at and self._ent_at[obj.i].label_ in (
                            "ORG", "PERSON", "GPE"):
                        return Speaker(strip_article(self._ent_at[obj.i].text), mention, "org", False, head=lemma)
            if first in _DEFINITE and lemma in SOURCE_NOUNS:
                owner = self._source_owner(lemma, at)
                if owner is not None:
                    return Speaker(owner.name, mention, owner.kind, owner.plural, owner.role, owner.affiliation,
                                   owner.head)
            if first in _DEFINITE:
                marks = _proper_marks(span, head)
                sp = self._last(at, lambda s: (s.head == lemma or s.name.lower().endswith(lemma)) and _fits(s, marks),
                                limit=60)
                if sp is not None:
                    return Speaker(sp.name, mention, sp.kind, sp.plural, sp.role, sp.affiliation, sp.head)
                named = self._org_named(lemma, at)
                if named and _fits(Speaker(named, named, "org"), marks):
                    return Speaker(named, mention, "org", False, head=lemma)
            return Speaker(strip_article(mention), mention, "org", plural, head=lemma)
        if cue and head.pos_ == "NOUN" and (cue != "strict" or agentive(head) or len(span) <= 3):
            name = mention if first not in _INDEFINITE else mention[0].lower() + mention[1:]
            return Speaker(name, mention, "desc", plural, head=lemma)
        return None


__all__ = ["Speaker", "SpeakerIndex", "is_institution", "np_tokens", "strip_article", "strip_poss", "TITLE_WORDS"]
