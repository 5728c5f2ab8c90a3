"""Names of people in one article: the fullest form of each name, and the role and affiliation the
article gives them.

:class:`NameBook` is a mixin of :class:`~onrecord.stages.speakers.SpeakerIndex`; it reads the
attributes the index sets up (``doc``, ``inside``, ``_ents``, ``_ent_at``, ``timeline``, ``_times``)
and fills ``full_names``, ``name_pos``, ``roles`` and ``affils``. Offsets are character offsets in
the body.
"""
from __future__ import annotations

import bisect

from .quotes_lex import DEMONYMS, ORG_NOUNS, clean_name, is_title
from .quotes_phrases import strip_article

_SUBJ = {"nsubj", "nsubjpass"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"}


def who_follows(tok) -> bool:
    """True when ``tok`` is followed by ", who": a person, whatever the entity tagger says."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].lower_ == "who"


_NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ship", "ism", "ance", "ence", "ure", "ary", "ing", "ness")


def _tok_at(doc, at: int) -> int:
    """Index of the first token starting at or after character offset ``at`` (a bisect)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < at:
            lo = mid + 1
        else:
            hi = mid
    return lo


def pronoun_surname(tok) -> bool:
    """True for a capitalised pronoun that is a surname ("He" in "He Jianxiong"): followed, with no
    punctuation between, by a capitalised proper noun, which a pronoun never is."""
    doc = tok.doc
    return tok.lower_ in ("he", "you") and tok.text[:1].isupper() and tok.i + 1 < len(doc) \
        and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].is_alpha


def name_prefix(ent) -> str:
    """The first part of a hyphenated given name the tagger left out ("Lise-" before "Lotte Holm"),
    or a surname that looks like a pronoun ("He " before "Jianxiong")."""
    doc = ent.doc
    k = ent.start
    if k >= 1 and pronoun_surname(doc[k - 1]):
        return doc[k - 1].text + " "
    if k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
            and doc[k - 2].is_alpha and doc[k - 2].text[:1].isupper() and not is_title(ent[0].text):
        return doc[k - 2].text + "-"
    return ""


def _given_word(tok, surname, ent_at) -> bool:
    """True when ``tok`` can be a given name right before ``surname``: a capitalised proper noun that
    is no title, no institution word and no place or date."""
    if not (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()):
        return False
    low = tok.lower_
    if is_title(low) or low in ORG_NOUNS or low.endswith(_NOUN_ENDINGS):
        return False
    ent = ent_at.get(tok.i)
    return ent is None or ent.label_ == "PERSON" or ent.label_ == "ORG" and ent.end > surname.i


def _name_ending_at(surname, ent_at) -> str | None:
    """"Eva-Marie Persson" for the token "Persson" preceded by a given name (hyphenated or not)."""
    doc = surname.doc
    j = surname.i - 1
    if j < 0 or not _given_word(doc[j], surname, ent_at):
        return None
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ \
            and _given_word(doc[j - 2], surname, ent_at):
        j -= 2
    hyphenated = j < surname.i - 1
    if doc[j].is_sent_start and not hyphenated and ent_at.get(j) is None:
        return None  # "Yesterday Persson said": a sentence's first word is no evidence of a name
    return doc[j:surname.i + 1].text


class NameBook:
    """Full names, roles and affiliations (see the module docstring)."""

    def _collect_names(self) -> None:
        self._capitalised: dict[str, list[int]] = {}  # word -> indices of its capitalised tokens
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not self.inside(tok.idx):
                self._capitalised.setdefault(tok.text, []).append(tok.i)
        persons = [e for e in self._ents if e.label_ == "PERSON" and not self.inside(e.start_char)]
        parts = [(e, name_prefix(e) + clean_name(e.text)) for e in persons]
        fulls = {n for _, n in parts if len(n.split()) >= 2}
        fulls.update(self._untagged_names())
        # A longer name that contains a shorter full name ("Donald Trump" in "Donald J. Trump") wins.
        self._set_full_names(fulls)
        for ent, name in parts:
            if not name:
                continue
            canon = self.canonical_name(name, ent.start_char)
            self.name_pos.setdefault(canon, []).append(ent.start_char)
            self._note_role(ent, canon)

    def _untagged_names(self) -> set[str]:
        """Full names the tagger missed or mislabelled ("Assistant Secretary of State Kurt Campbell"
        with "Campbell" as an organisation): two to four capitalised non-title words heading a
        subject, right after a title or with no entity label on the first word, or followed by ", who"
        ("Lavell Hopkins, who represents ..." tagged as an organisation)."""
        out = set()
        doc = self.doc
        for tok in doc:
            who = who_follows(tok)
            if tok.dep_ not in _SUBJ and not who or tok.pos_ != "PROPN" or self.inside(tok.idx):
                continue
            ent = self._ent_at.get(tok.i)
            if ent is not None and ent.label_ in ("PERSON", "GPE", "NORP", "LOC", "FAC", "DATE"):
                continue
            k = tok.i
            while k - 1 >= 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].head.i == tok.i \
                    and not is_title(doc[k - 1].text) and tok.i - k < 3:
                k -= 1
            words = [t for t in doc[k:tok.i + 1]]
            if len(words) < 2 or not all(w.text[:1].isupper() and w.text.isalpha() for w in words):
                continue
            first_ent = self._ent_at.get(k)
            titled = k > 0 and is_title(doc[k - 1].text)
            if titled or first_ent is None or who:
                if any(w.lower_ in ORG_NOUNS for w in words):
                    continue
                out.add(" ".join(w.text for w in words))
        return out

    def _given_name(self, surname: str, at: int) -> str | None:
        """For a lone surname with no full name on record ("Ms Persson"), the full name from another
        mention of it right after a capitalised given name the tagger missed ("Deputy Director of
        Public Prosecution Eva-Marie Persson"): the nearest before ``at``, else the first after."""
        places = self._capitalised.get(surname, [])
        k = bisect.bisect_left(places, _tok_at(self.doc, at))
        for i in list(reversed(places[:k])) + places[k:]:
            name = _name_ending_at(self.doc[i], self._ent_at)
            if name:
                return name
        return None

    def _set_full_names(self, names) -> None:
        self.full_names = sorted(set(names), key=lambda n: (-len(n.split()), n))
        self._by_word: dict[str, list[str]] = {}  # word -> full names holding it, longest first
        for full in self.full_names:
            for word in set(full.split()):
                self._by_word.setdefault(word, []).append(full)

    def _candidates(self, name: str) -> list[str]:
        """The full names that contain ``name`` as a run of words, longest first."""
        words = name.split()
        n = len(words)
        out = []
        for full in self._by_word.get(words[0], []) if words else []:
            fw = full.split()
            if any(fw[i:i + n] == words for i in range(len(fw) - n + 1)):
                out.append(full)
        return out

    def canonical_name(self, name: str, at: int) -> str:
        """The fullest name in the article containing ``name``; among several, the one mentioned
        last before offset ``at`` (else first after it)."""
        cands = self._candidates(name)
        if not cands:
            full = self._given_name(name, at) if " " not in name else None
            if full is None:
                return name
            self._set_full_names(self.full_names + [full])
            return full
        longest = max(len(c.split()) for c in cands)
        cands = [c for c in cands if len(c.split()) == longest] if len(name.split()) > 1 else cands
        if len(cands) == 1:
            return cands[0]
        best, best_pos = None, -1
        for c in cands:
            pos = self.name_pos.get(c, [])
            k = bisect.bisect_left(pos, at)
            last = pos[k - 1] if k else -1
            # A subject mention counts as fresher than a passing one: the paragraph is about them.
            k = bisect.bisect_left(self._times, at)
            for j in range(k - 1, max(-1, k - 80), -1):
                if self.timeline[j][1].name == c:
                    last = max(last, self.timeline[j][0])
                    break
            if last > best_pos:
                best, best_pos = c, last
        if best is None:
            after = [(self.name_pos.get(c, [10 ** 9])[0], c) for c in cands]
            best = min(after)[1]
        return best

    def _note_role(self, ent, canon: str) -> None:
        """Remember the title before a name and the apposition after it as the person's role."""
        doc = self.doc
        root = ent.root
        role = None
        left = ent.start
        while left > 0 and doc[left - 1].dep_ in ("compound", "amod", "nmod", "poss", "case", "pobj", "prep",
                                                    "punct") and doc[left - 1].head.i >= left - 1 \
                and doc[left - 1].text not in (",", "(", '"') and doc[left - 1].sent == ent.sent:
            left -= 1
            if left < ent.start - 12:
                break
        words = [t for t in doc[left:ent.start]]
        while words and (words[0].dep_ in ("case", "prep", "punct") or words[0].lower_ in _DEFINITE):
            words = words[1:]
        # A title inside the entity itself ("Councilor Dai Bingguo") is a role too.
        inner = []
        for t in ent:
            if is_title(t.text):
                inner.append(t.text)
            else:
                break
        if words:
            role = doc[words[0].i:ent.start].text.strip()
            if inner:
                role = f"{role} {' '.join(inner)}"
        elif inner:
            role = " ".join(inner)
        appos = [c for c in root.rights if c.dep_ == "appos"]
        if appos:
            span = doc[appos[0].left_edge.i:appos[0].right_edge.i + 1]
            text = span.text.strip(" ,")
            for art in ("a ", "an ", "the "):
                if text.lower().startswith(art):
                    text = text[len(art):]
            role = role or text
            self._note_affiliation(canon, span)
        if role and all(w.lower().rstrip(".") in _HONORIFICS for w in role.split()):
            role = None
        if role and canon not in self.roles and len(role.split()) <= 14:
            self.roles[canon] = role.strip(" ,")
        if role and words:
            self._note_affiliation(canon, doc[words[0].i:ent.start])

    def _note_affiliation(self, canon: str, span) -> None:
        if canon in self.affils:
            return
        ents = self.ents_in(span)
        orgs = [e for e in ents if e.label_ == "ORG"]
        places = [e for e in ents if e.label_ in ("GPE", "NORP")]
        if orgs:
            self.affils[canon] = strip_article(orgs[-1].text)
        elif places:
            text = strip_article(places[0].text)
            self.affils[canon] = DEMONYMS.get(text, text)
