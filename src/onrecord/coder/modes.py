"""Modes and contexts: how an act was carried out and what it was about.

A mode comes from the CAMEO reading where it gives one, else from cue words in the act's own
clause (weapons for ASSAULT, the kind of protest, what was threatened); contexts come from the
CAMEO row, from cue words, and from the Phoenix issue phrases found in the sentence (terrorism,
nuclear weapons, elections, refugees, cyber attacks...).
"""
from __future__ import annotations

import re

from .plover import MODES
from .resources import issue_index

# (type, mode, cue regex) in priority order: the first cue found in the text decides.
_MODE_CUES: list[tuple[str, str, str]] = [
    ("ASSAULT", "suicide-attack", r"suicide|blew (?:himself|herself|themselves) up|self-immolat"),
    ("ASSAULT", "drone", r"\bdrones?\b|predator|reaper|\buavs?\b|unmanned aerial"),
    ("ASSAULT", "aerial", r"air ?strikes?|air raids?|warplanes?|fighter jets?|aerial|bombers|helicopter gunships?"),
    ("ASSAULT", "unconventional", r"chemical weapons?|nerve agent|sarin|chlorine gas|biological weapon|nuclear weapon"),
    ("ASSAULT", "crowd-control", r"tear ?gas|rubber bullets|water cannon|batons?"),
    ("ASSAULT", "abduct", r"kidnap|abduct|hijack|hostages?|human shields?|taken captive"),
    ("ASSAULT", "torture", r"tortur"),
    ("ASSAULT", "sexual", r"\brap(?:e|ed|es|ing)\b|sexual"),
    ("ASSAULT", "targeted", r"assassinat"),
    ("ASSAULT", "heavy-weapons", r"artillery|shell(?:s|ed|ing)\b|\btanks?\b|mortars?|rockets?|missiles?|howitzer"),
    ("ASSAULT", "explosives", r"\bbomb|explosi|\bieds?\b|land ?mines?|minefield|\bmines?\b|grenades?|\bblast"),
    ("ASSAULT", "firearms", r"\bgun|\bshot\b|shoot|opened fire|fired on|\brifles?\b|sniper|machine-?guns?"),
    ("ASSAULT", "primitive", r"machete|knife|knives|stabb|\baxes?\b|stones|rocks|clubs|set fire|torch|arson|burn"),
    ("ASSAULT", "beat", r"\bbeat(?:en|ing)?\b|assaulted|punch"),
    ("PROTEST", "hunger", r"hunger strike"),
    ("PROTEST", "strike", r"\bstrikes?\b|walk-?out|stopped work|industrial action"),
    ("PROTEST", "riot", r"\briot"),
    ("PROTEST", "boycott", r"boycott"),
    ("PROTEST", "obstruct", r"\bblock(?:ed|ing|ade)?\b|barricad|blockad|sit-in"),
    ("PROTEST", "vandalize", r"vandal|defac"),
    ("PROTEST", "demo", r"demonstrat|protest|rall(?:y|ies|ied)|march"),
    ("COERCE", "cyber", r"hack|cyber|web ?sites?|defac"),
    ("COERCE", "curfew", r"curfew"),
    ("COERCE", "martial-law", r"martial law|state of emergency"),
    ("COERCE", "deport", r"deport|forced out|expel"),
    ("COERCE", "arrest", r"arrest|detain|jail|imprison|custody|round(?:ed)? up"),
    ("COERCE", "seize", r"confiscat|seiz|occup"),
    ("COERCE", "censor", r"censor|shut down (?:the )?(?:newspaper|station|website)"),
    ("COERCE", "restrict", r"\bban|outlaw|restrict|blockade"),
    ("MOBILIZE", "police", r"\bpolice"),
    ("MOBILIZE", "militia", r"militia"),
    ("MOBILIZE", "weapons", r"missiles?|weapons?|nuclear|warships?|rockets?"),
    ("MOBILIZE", "troops", r"troops|forces|soldiers|army|alert|reinforce"),
    ("SANCTION", "convict", r"convict|found guilty|sentenc"),
    ("SANCTION", "expel", r"expel|forced .* out|kick(?:ed)? out"),
    ("SANCTION", "withdraw", r"withdr[ae]w|pull(?:ed)? out|shipped out|recall|ended mediation"),
    ("SANCTION", "discontinue", r"suspend|halt|cut|stop|sever|freez|embargo|sanction"),
    ("RETREAT", "release", r"releas|freed|\bfree\b|set free|hand(?:ed)? over"),
    ("RETREAT", "resign", r"resign|step(?:ped)? down|quit"),
    ("RETREAT", "disarm", r"surrender|disarm|lay down|laid down|demobili"),
    ("RETREAT", "ceasefire", r"cease-?fire|truce"),
    ("RETREAT", "access", r"\baccess\b|allow(?:ed)? .* (?:in|into|entry)|admit"),
    ("RETREAT", "withdraw", r"withdr[ae]w|pull(?:ed)? (?:out|back)|retreat|lift(?:ed)? .*blockade"),
    ("ACCUSE", "investigate", r"investigat|probe|inquir|inspect"),
    ("ACCUSE", "allege", r"accus|charg|allege|blam|sue|suing|indict|lawsuit"),
    ("ACCUSE", "disapprove", r"critic|condemn|denounc|concern|deplor|disapprov|lash|protest"),
    ("CONSULT", "phone", r"phone|telephone|by video|videoconference"),
    ("CONSULT", "multilateral", r"sidelines|summit of|forum|conference|multilateral"),
    ("CONSULT", "visit", r"visit|arriv|trip|hosted|travel|flew to"),
    ("THREATEN", "violence", r"attack|strike|war|force|blows|kill|retaliat|violence"),
    ("THREATEN", "relations", r"relations|ties|talks|negotiation|contact|withdraw"),
    ("THREATEN", "restrict", r"restrict|boycott|blockade|embargo|sanction|curfew|martial law"),
]
_COMPILED = [(kind, mode, re.compile(cue, re.I)) for kind, mode, cue in _MODE_CUES]

#: Context cue words (regex) -> context.
_CONTEXT_CUES = [
    ("military", r"\btroops|\barmy\b|military|soldiers|\bforces\b|warships?|peacekeep|missile|defen[cs]e|"
                 r"cease-?fire|truce|rebels?\b|blockade|surrender|offensive|militias?"),
    ("terrorism", r"terror|suicide bomb|al-?qa[ei]da|jihad|extremis|bomb attack|hostages?|militants?|guerrill"),
    ("natural_resource", r"\bwater\b|fisher|\boil\b|\bgas\b|territor|\bland\b|mining|minerals|resources"),
    ("political_institutions", r"reform|regime|opposition|democra|\bparty\b|parties|coup|constitution|"
                               r"demonstrat|protest|president"),
    ("cbrn", r"nuclear|denucleari|chemical weapon|biological weapon|radiolog"),
    ("election", r"\belection|\bvote\b|ballot|polls\b|campaign"),
    ("migration", r"refugee|migrant|asylum|displaced|deport|evacuat"),
    ("legal", r"\bcourt|judge|\btrial\b|\blaw\b|legal|prosecut|indict|extradit|curfew|arrest|\bban\b|"
              r"emergency|judiciary|war crimes|charges|prisoners|detain"),
    ("economic", r"econom|trade|sanction|embargo|\baid\b|financ|market|tariff|\bimport|\bexport|workers|wages|"
                 r"\bunion\b|strike|employment|labou?r|\bpay\b|goods|dollars"),
    ("diplomatic", r"diplomat|embassy|ambassador|\bties\b|relations|talks|negotiat|envoy|summit|official contact|"
                   r"foreign minist|mediat"),
    ("human_rights", r"human rights|rights violations|freedom"),
    ("cyber", r"cyber|hacker|web ?sites?"),
    ("executive", r"\bminist|cabinet|government"),
]
_CONTEXT_COMPILED = [(ctx, re.compile(cue, re.I)) for ctx, cue in _CONTEXT_CUES]

#: Phoenix issue codes -> PLOVER contexts.
ISSUE_CONTEXTS = {
    "TERROR": "terrorism", "NAMED_TERROR_GROUP": "terrorism", "ID_JIHAD": "terrorism", "SUICIDE_ATTACK": "terrorism",
    "ID_EXTREMISM": "terrorism", "IED": "terrorism", "WMD": "cbrn", "ID_PROLIFERATION": "cbrn", "ELECTION": "election",
    "ELECTIONS": "election", "REFUGEES": "migration", "ID_IMMIGRATION": "migration", "CYBER_ATTACK": "cyber",
    "HUMAN_RIGHTS": "human_rights", "CORRUPTION": "corruption", "CRIME": "crime", "SANCTIONS": "economic",
    "ECONOMIC": "economic", "PEACEKEEPERS": "military", "ID_DEMOCRACY": "political_institutions", "LGBT": "lgbt",
    "GENDER_VIOLENCE": "gender", "CENSORSHIP": "human_rights", "HEALTH": "disease", "NATURAL_DISASTER": "enviro_disaster",
    "ENVIRONMENT": "enviro_disaster", "ID_ARMS_DEAL": "military", "AIRSTRIKE": "military", "DRONE": "military",
    "LANDMINE": "military",
}


def mode_from_cues(kind: str, text: str) -> str | None:
    """The first mode of ``kind`` whose cue occurs in ``text`` (the act's clause)."""
    allowed = MODES.get(kind)
    if not allowed:
        return None
    for k, mode, cue in _COMPILED:
        if k == kind and cue.search(text):
            return mode
    return None


def issue_contexts(tokens) -> list[str]:
    """Contexts of the Phoenix issue phrases among ``tokens`` (spaCy tokens of a sentence)."""
    index = issue_index().by_first
    words = [t.lower_ for t in tokens]
    found: list[str] = []
    for i, word in enumerate(words):
        for phrase, code in index.get(word, ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                ctx = ISSUE_CONTEXTS.get(code)
                if ctx and ctx not in found:
                    found.append(ctx)
                break
    return found


def cue_contexts(text: str) -> list[str]:
    return [ctx for ctx, cue in _CONTEXT_COMPILED if cue.search(text)]


def contexts_for(base: tuple[str, ...], tokens, text: str, limit: int = 4) -> tuple[str, ...]:
    """The act's contexts: the CAMEO row's first, then issue phrases, then cue words (at most ``limit``)."""
    out: list[str] = []
    for ctx in list(base) + issue_contexts(tokens) + cue_contexts(text):
        if ctx not in out:
            out.append(ctx)
    return tuple(out[:limit])
