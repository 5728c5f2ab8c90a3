"""Word lists for quote and speaker finding: reporting verbs, titles, nouns that name speakers.

General news vocabulary only; lower-case throughout.
"""
from __future__ import annotations

import re

#: Verbs that cue a quotation placed next to them ("...," Kirby said / said Kirby / X told, "...").
SPEECH_VERBS = frozenset("""
say tell add announce state declare claim argue insist warn note explain stress emphasize emphasise
assert deny admit acknowledge confirm report write reply respond answer continue remark comment
conclude suggest predict recall urge ask complain reiterate observe maintain contend vow pledge
promise concede caution lament estimate testify tweet post quip joke agree disagree criticize
criticise accuse charge allege counter retort mention indicate reveal disclose assure inform
underline underscore highlight dismiss describe call put recount brief boast shout cry exclaim
whisper murmur plead demand threaten forecast guess wonder think believe hope proclaim affirm
repeat echo concur object protest add insist told said clarify slam blast hail praise condemn denounce
""".split())

#: Verbs whose content clause is reported speech ("X said (that) ...", "X told Y that ...").
INDIRECT_VERBS = frozenset("""
say tell add announce state declare claim argue insist warn note explain stress emphasize emphasise
assert deny admit acknowledge confirm report write reply respond conclude predict recall reiterate
observe maintain contend concede caution testify tweet allege mention reveal disclose assure
underline underscore highlight point proclaim affirm repeat complain clarify
""".split())

#: Titles and honorifics that precede a name and are not part of it.
TITLE_WORDS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president vice
secretary minister ambassador envoy special representative spokesman spokeswoman spokesperson
chairman chairwoman chair leader senator sen sen. rep rep. congressman congresswoman gov gov.
governor gen gen. general adm adm. admiral col col. colonel lt lt. lieutenant maj maj. major capt
capt. captain sgt sgt. chief deputy assistant director prime foreign defense defence state of
councilor councillor counselor counsellor commissioner mayor king queen prince princess premier
chancellor judge justice attorney lawmaker pope cardinal bishop rev rev. father sheikh emir
dictator chairperson marshal officer adviser advisor ceo head first lady supreme commander
speaker house senate party chief-of-staff nuclear top u.s. us u.n. un former acting interim
""".split())

#: Nouns that describe a person or persons, named or not ("a senior official", "analysts").
PERSON_NOUNS = frozenset("""
official spokesman spokeswoman spokesperson expert analyst diplomat source lawmaker legislator
minister envoy aide observer negotiator researcher professor scholar economist senator
representative congressman congresswoman president leader secretary ambassador chairman chairwoman
director chief officer general commander adviser advisor strategist insider person man woman
resident witness critic activist protester protestor student teacher doctor lawyer attorney
prosecutor judge investigator scientist engineer executive manager founder banker trader investor
worker employee journalist reporter editor columnist commentator pundit politician candidate
voter citizen member head governor mayor deputy assistant counselor councilor ruler dictator
king queen prince premier chancellor monarch cleric priest pastor bishop soldier defector
refugee victim survivor farmer owner fellow fan player coach athlete analyst watcher specialist
academic professor official aide staffer operative negotiator counterpart delegate delegation
""".split())

#: Nouns for groups and institutions that speak as one.
GROUP_NOUNS = frozenset("""
officials experts analysts diplomats sources lawmakers legislators observers critics people
residents witnesses authorities police military government administration members leaders
""".split())

#: Nouns for organisations that make statements ("the ministry said").
ORG_NOUNS = frozenset("""
ministry department agency office government administration committee council commission
service organization organisation company firm group party army military police court board
bank institute center centre university embassy union alliance coalition newspaper daily agency
network broadcaster outlet media regime cabinet parliament assembly congress senate house
""".split())

#: Documents that "say" things on someone's behalf ("a report by the Washington Post said").
SOURCE_NOUNS = frozenset("report statement study survey analysis document letter memo paper article "
                         "editorial commentary release communique announcement poll".split())

#: The documents among them that report rather than speak for their issuer ("the report" vs "the statement").
DOCUMENT_NOUNS = frozenset("report reports study survey analysis document paper article poll".split())

#: Country adjectives to country names, for affiliations ("North Korean" -> "North Korea").
DEMONYMS = {
    "American": "United States", "U.S.": "United States", "US": "United States",
    "North Korean": "North Korea", "South Korean": "South Korea", "Korean": "Korea",
    "Chinese": "China", "Japanese": "Japan", "Russian": "Russia", "British": "United Kingdom",
    "French": "France", "German": "Germany", "Indian": "India", "Iranian": "Iran", "Israeli": "Israel",
    "Ukrainian": "Ukraine", "Taiwanese": "Taiwan", "Canadian": "Canada", "Australian": "Australia",
    "Italian": "Italy", "Spanish": "Spain", "Turkish": "Turkey", "Syrian": "Syria", "Iraqi": "Iraq",
    "Afghan": "Afghanistan", "Pakistani": "Pakistan", "Saudi": "Saudi Arabia", "Egyptian": "Egypt",
    "Mexican": "Mexico", "Brazilian": "Brazil", "Vietnamese": "Vietnam", "Filipino": "Philippines",
}

_NAME_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def is_title(word: str) -> bool:
    """True when ``word`` is a title or honorific rather than part of a person's name."""
    return word.lower() in TITLE_WORDS or word.lower().rstrip(".") in TITLE_WORDS


def clean_name(text: str) -> str:
    """A person's name from an entity's text: no leading titles or describing nouns, no possessive, no
    stray marks ("Special Envoy Kim's" -> "Kim", "Diplomats Ana Silva" -> "Ana Silva")."""
    text = re.sub(r"(['\u2019]s?)$", "", text.strip())
    words = [w for w in (_NAME_EDGE.sub("", w) if not w.endswith(".") else w for w in text.split()) if w]
    while words and is_title(words[0]):
        words = words[1:]
    # "Diplomats Ana Silva": a describing noun the tagger took into the name.
    while len(words) > 2 and (words[0].lower() in PERSON_NOUNS or words[0].lower()[:-1] in PERSON_NOUNS):
        words = words[1:]
    return " ".join(words)
