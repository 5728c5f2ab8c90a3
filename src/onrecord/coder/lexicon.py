"""Word lists for reading events in news English: what a governing verb does to the act under it,
which verbs only report speech, and the light-verb + event-noun readings ("held talks", "imposed a
curfew") that the CAMEO dictionary misses or codes as statements.

These are general readings of the PLOVER manual (draft 2.0), not fitted to any text. Types are
PLOVER types; modes are current modes.
"""
from __future__ import annotations

#: Verbs that only report speech or thought: never events by themselves.
REPORTING = frozenset("""say tell add state report announce declare note explain write quote confirm reveal claim
insist stress emphasize emphasise reiterate argue contend assert maintain acknowledge admit comment remark
indicate believe think know understand describe recall predict estimate observe disclose mention point
reply respond answer told signal hint speak talk conclude find feel reckon chant shout yell tweet post
testify""".split())

# Governors: what a verb, adjective or noun above an act does to it ("threatened to impose").
THREAT = "threat"
REFUSAL = "refusal"
FAILURE = "failure"
INTENT = "intent"
DEMAND = "demand"
PERMISSION = "permission"
POSSIBILITY = "possibility"
PREDICTION = "prediction"
ALLEGATION = "allegation"
CONDITION = "condition"

GOVERNORS: dict[str, str] = {}
for _words, _kind in (
    ("threaten threat warn", THREAT),
    ("refuse decline reject refusal oppose resist", REFUSAL),
    ("fail failure unable", FAILURE),
    ("expect likely unlikely predict", PREDICTION),
    ("suspect accuse allege blame charge charges allegation allegations accusation accusations suspicion",
     ALLEGATION),
    ("plan intend prepare offer promise pledge vow agree decide aim want wish seek propose determine "
     "commit resolve undertake volunteer set due schedule ready willing prepared committed determined eager "
     "poised keen open determination commitment intention plan readiness willingness offer promise pledge "
     "decision proposal bid intent vow resolve", INTENT),
    ("demand urge ask call press appeal request order tell push pressure require encourage instruct direct "
     "command exhort implore beg petition lobby invite demand call appeal request", DEMAND),
    ("allow permit let authorize authorise enable", PERMISSION),
    ("possibility prospect risk chance consider mull weigh contemplate hint warn may might could", POSSIBILITY),
):
    for _w in _words.split():
        GOVERNORS.setdefault(_w, _kind)

#: Verbs that make a demand when they have an object and an infinitive ("wants Pyongyang to take steps").
WANT_VERBS = frozenset("want wish need".split())
#: Adverbs that make a present-tense act habitual or generic, not an event.
HABITUAL = frozenset("typically usually often generally routinely regularly normally sometimes always".split())

#: Verbs whose infinitive complement is controlled by their object ("urged Iran to stop": Iran stops).
OBJECT_CONTROL = frozenset("""urge ask call press appeal request order tell push pressure require encourage instruct
direct command exhort implore beg invite allow permit let authorize authorise enable force compel persuade
convince help""".split())

#: Type families, for what modality does to an act.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
YIELDING = frozenset({"CONCEDE", "RETREAT"})
VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})

#: REQUEST/REJECT mode from the type of the act asked for or refused.
DEMAND_MODE = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
               "CONCEDE": "yield", "RETREAT": "yield"}
#: THREATEN mode from the type (and mode) of the act threatened.
THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "PROTEST": "restrict"}
THREAT_MODE_BY_MODE = {"arrest": "arrest", "deport": "expel", "expel": "expel", "seize": "territory",
                       "restrict": "restrict", "curfew": "restrict", "martial-law": "restrict", "boycott": "restrict",
                       "withdraw": "relations", "discontinue": "relations"}
#: THREATEN mode from the noun threatened, where it says more than the act's type ("sanctions": the
#: table's 1312, restrict; "cut aid": relations).
THREAT_MODE_BY_NOUN = {"sanction": "restrict", "sanctions": "restrict", "embargo": "restrict", "blockade": "restrict",
                       "curfew": "restrict", "boycott": "restrict", "border": "restrict", "ties": "relations",
                       "relations": "relations", "talks": "relations", "war": "violence", "attack": "violence",
                       "force": "violence", "strike": "violence", "strikes": "violence", "retaliation": "violence"}

# Event nouns: what a noun names when a light verb carries it ("held talks") or it is the act asked
# for, refused or threatened. Values are (type, mode, contexts).
_N = {
    "CONSULT": ("talk talks negotiation negotiations meeting meetings summit consultation consultations discussion "
                "discussions dialogue conversation conversations session sessions round conference mediation "
                "diplomacy engagement contacts deliberations"),
    "COOPERATE": "cooperation collaboration partnership",
    "CONSULT/visit": "visit visits trip trips tour",
    "CONSULT/phone": "call phone telephone",
    "ASSAULT": ("attack attacks assault assaults offensive raid raids strike strikes bombing bombings shelling "
                "bombardment ambush ambushes killing killings massacre fire fighting battle battles clash clashes "
                "incursion incursions operation operations cleansing violence genocide atrocities hostilities"),
    "ASSAULT/aerial": "airstrike airstrikes air-strike air-strikes",
    "ASSAULT/abduct": "hostage hostages captive captives",
    "PROTEST/demo": ("protest protests demonstration demonstrations rally rallies march marches sit-in vigil "
                     "vigils"),
    "PROTEST/riot": "riot riots unrest",
    "PROTEST/strike": "walkout walkouts work",
    "PROTEST/hunger": "hunger-strike",
    "PROTEST/boycott": "boycott boycotts",
    "SANCTION/discontinue": "sanction sanctions embargo embargoes",
    "COERCE/restrict": "ban bans restriction restrictions blockade blockades",
    "COERCE/curfew": "curfew curfews",
    "COERCE/martial-law": "emergency",
    "CONCEDE": "ceasefire cease-fire truce amnesty pardon concession concessions",
    "ACCUSE/investigate": "investigation investigations probe probes inquiry inquiries",
    "ACCUSE/allege": "complaint complaints charge charges accusation accusations allegation allegations lawsuit suit",
    "ACCUSE/disapprove": ("concern concerns criticism condemnation alarm outrage anger dismay disappointment "
                          "displeasure objection objections opposition protest"),
    "REQUEST": "appeal appeals call calls demand demands request requests ultimatum",
    "THREATEN": "warning warnings threat threats",
    "AID": "aid assistance loan loans grant grants asylum help supplies relief funding donation",
    "AGREE": "agreement deal pact treaty accord consensus compromise settlement memorandum",
    "SUPPORT": "support backing solidarity condolences recognition endorsement",
    "CONCEDE/apology": "apology apologies regret",
    "RETREAT/access": "entry access visa visas",
    "MOBILIZE/troops": ("exercise exercises drill drills maneuvers manoeuvres games deployment reinforcements troops "
                        "forces presence"),
    "MOBILIZE/weapons": "missiles missile warships warship tanks artillery rockets warplanes bombers submarines",
    "COERCE/arrest": "arrest arrests crackdown",
    "SANCTION/withdraw": "ties relations",
}
EVENT_NOUNS: dict[str, tuple[str, str | None]] = {}
#: Every reading of an event noun ("strike": an attack or a walkout), first reading first.
EVENT_NOUN_READINGS: dict[str, list[tuple[str, str | None]]] = {}
for _key, _words in _N.items():
    _kind, _, _mode = _key.partition("/")
    for _w in _words.split():
        EVENT_NOUNS.setdefault(_w, (_kind, _mode or None))
        EVENT_NOUN_READINGS.setdefault(_w, []).append((_kind, _mode or None))
EVENT_NOUN_READINGS["strike"].append(("PROTEST", "strike"))
EVENT_NOUN_READINGS["strikes"].append(("PROTEST", "strike"))

#: Light verb + event-noun family -> the act it reports. The family is the type of the noun above
#: (with the noun itself for the few cases where the verb alone decides).
_L = (
    ("hold have conduct begin start open resume renew continue host join attend enter", "CONSULT", ("CONSULT",)),
    ("engage participate involve take", "ASSAULT", ("ASSAULT",)),
    ("take hold seize", "ASSAULT/abduct", ("ASSAULT/abduct",)),
    ("pay make undertake", "CONSULT/visit", ("CONSULT/visit",)),
    ("launch carry mount stage conduct unleash wage begin step intensify escalate open", "ASSAULT", ("ASSAULT",)),
    ("stage hold organize organise launch lead join begin start call", "PROTEST", ("PROTEST",)),
    ("stop down quit go", "PROTEST/strike", ("PROTEST/strike",)),
    ("call_off end suspend", "CONCEDE", ("PROTEST", "PROTEST/strike", "PROTEST/demo")),
    ("call_off cancel postpone", "REJECT/meet", ("CONSULT", "CONSULT/visit")),
    ("break_off pull_out walk_out", "SANCTION/withdraw", ("CONSULT",)),
    ("impose slap announce introduce declare extend tighten", "SANCTION/discontinue", ("SANCTION/discontinue",)),
    ("impose slap announce introduce order declare extend tighten", "COERCE", ("SANCTION", "COERCE")),
    ("lift ease relax end remove scrap shorten reduce", "CONCEDE", ("SANCTION", "COERCE")),
    ("meet accept grant satisfy fulfil fulfill heed", "CONCEDE", ("REQUEST",)),
    ("deny refuse bar", "REJECT", ("RETREAT/access",)),
    ("declare announce agree accept observe consent commit", "CONCEDE", ("CONCEDE",)),
    ("open launch begin start order conduct announce complete conclude finish pursue", "ACCUSE/investigate",
     ("ACCUSE/investigate",)),
    ("file lodge make issue bring", "ACCUSE/allege", ("ACCUSE/allege", "ACCUSE/disapprove")),
    ("express voice raise register air", "ACCUSE/disapprove", ("ACCUSE/disapprove",)),
    ("issue make launch renew repeat", "REQUEST", ("REQUEST",)),
    ("issue make", "THREATEN", ("THREATEN",)),
    ("send provide offer give grant deliver extend donate pledge supply approve airlift ship", "AID", ("AID",)),
    ("reach strike conclude clinch seal finalize finalise forge agree", "AGREE", ("AGREE",)),
    ("sign ratify initial", "SUPPORT", ("AGREE",)),
    ("express voice offer pledge declare reaffirm reiterate extend give lend throw", "SUPPORT", ("SUPPORT",)),
    ("offer make issue express", "CONCEDE", ("CONCEDE/apology",)),
    ("make carry", "COERCE/arrest", ("COERCE/arrest",)),
    ("hold conduct stage launch begin start strengthen reinforce boost increase bolster build mass deploy station "
     "beef step send move", "MOBILIZE/troops", ("MOBILIZE/troops",)),
    ("deploy station mass move send position install test launch fire", "MOBILIZE/weapons", ("MOBILIZE/weapons",)),
    ("establish restore resume upgrade normalize normalise forge", "SUPPORT", ("SANCTION/withdraw",)),
    ("sever break cut downgrade suspend freeze", "SANCTION/withdraw", ("SANCTION/withdraw",)),
    ("end halt suspend abandon quit cancel", "SANCTION/withdraw", ("CONSULT",)),
    ("suspend halt cut stop freeze withhold reduce", "SANCTION/discontinue", ("AID",)),
    ("cancel postpone", "REJECT/meet", ("CONSULT", "CONSULT/visit")),
)
LIGHT_VERBS: dict[tuple[str, str], tuple[str, str | None]] = {}
for _verbs, _result, _families in _L:
    _kind, _, _mode = _result.partition("/")
    for _v in (v.replace("_", " ") for v in _verbs.split()):  # "call_off": a verb with its particle
        for _fam in _families:
            LIGHT_VERBS.setdefault((_v, _fam), (_kind, _mode or None))

#: Phrasal verbs whose reading differs from the verb's own ("brushed aside", "cracked down").
PHRASAL_OVERRIDES: dict[str, tuple[str, str | None] | None] = {
    "brush aside": ("REJECT", None), "turn down": ("REJECT", None), "rule out": ("REJECT", None),
    "shrug off": ("REJECT", None), "lash out": ("ACCUSE", "disapprove"), "hit out": ("ACCUSE", "disapprove"),
    "crack down": ("COERCE", None), "step down": ("RETREAT", "resign"), "set free": ("RETREAT", "release"),
    "hand over": None, "carry out": None, "take over": ("COERCE", "seize"), "round up": ("COERCE", "arrest"),
    "lock up": ("COERCE", "arrest"), "shut down": None, "back down": ("CONCEDE", None), "give in": ("CONCEDE", None),
    "give up": None, "walk out": ("SANCTION", "withdraw"), "pull out": None, "break off": ("SANCTION", "withdraw"),
    "put out": None, "point out": None, "find out": None, "carry on": None,
}

#: Verbs that report no act by themselves, whatever CAMEO pattern they match: auxiliaries, copulas,
#: obligation and motion verbs whose CAMEO patterns fire on words of the clause around them. They
#: still carry light-verb readings ("have talks").
NEVER_ACTS = frozenset("be have do get need seem appear remain become come go want try keep".split())

#: Verb readings that replace the CAMEO default (not its specific patterns) where the default misreads
#: PLOVER: None means "no event by itself".
VERB_OVERRIDES: dict[str, tuple[str, str | None] | None] = {
    "agree": ("AGREE", None),  # CAMEO block AGREE defaults to 050 (SUPPORT)
    "reject": ("REJECT", None),  # CAMEO block REFUSE defaults to no event
    "refuse": ("REJECT", None),
    "decline": ("REJECT", None),
    "rebuff": ("REJECT", None),
    "spurn": ("REJECT", None),
    "veto": ("REJECT", None),
    "violate": ("REJECT", "yield"),
    "defy": ("REJECT", "yield"),
    "deface": ("COERCE", "cyber"),
    "hack": ("COERCE", "cyber"),
    "express": None,  # "expressed concern" is read as a light verb; EXPRESS [110] alone over-codes
    "call": None,  # CALL [041] over-codes "what it called"; its patterns and "called on/for" remain
    "approve": None,
    "issue": None, "leave": None, "expect": None, "vote": None, "elect": None, "re-elect": None, "fall": None,
    "rise": None, "climb": None, "drop": None, "gain": None, "slip": None, "slide": None, "plunge": None,
    "surge": None, "jump": None, "soar": None, "tumble": None, "rally": None, "escalate": None, "converge": None,
    "strike": None, "continue": None, "finish": None, "win": None, "lose": None, "score": None,
    "submit": None, "bid": None, "expand": None, "include": None, "gather": None, "postpone": None, "hold": None,
    "bring": None, "join": None, "raise": None, "drop": None, "swap": None, "dictate": None, "rule": None,
    "mean": None, "inject": None, "catch": None, "describe": None, "dismiss": ("REJECT", None),
    "struggle": None, "hire": None, "push": None, "launch": None, "create": None, "write": None, "relate": None, "tie": None, "task": None, "base": None, "accord": None, "face": None, "meet": ("CONSULT", None),
    "take": None,  # CAMEO puts TAKE in APPREHEND (171): only its patterns ("take hostage") code
    "give": None,
    "lead": None,
    "help": None,
    "improve": None,
    "accept": ("AGREE", None),
    "invite": ("AGREE", None),  # an invitation is an offer to meet (manual, CONSULT ambiguities)
    "grant": ("AID", None),
    "bargain": ("CONSULT", None),
    "negotiate": ("CONSULT", None),
    "mediate": ("CONSULT", None),
    "collaborate": ("COOPERATE", None),
    "coordinate": ("COOPERATE", None),
    "arm": ("AID", None),
    "apologize": ("CONCEDE", None),
    "apologise": ("CONCEDE", None),
    "resign": ("RETREAT", "resign"),
    "quit": ("RETREAT", "resign"),
    "step": None,
    "surrender": ("RETREAT", "disarm"),
    "free": ("RETREAT", "release"),
    "release": ("RETREAT", "release"),
    "evacuate": ("AID", None),
    "extradite": ("COOPERATE", None),
    "deport": ("COERCE", "deport"),
    "expel": ("SANCTION", "expel"),
    "outlaw": ("COERCE", "restrict"),
    "ban": ("COERCE", "restrict"),
    "confiscate": ("COERCE", "seize"),
    "seize": ("COERCE", "seize"),
    "detain": ("COERCE", "arrest"),
    "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"),
    "indict": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"),
    "sue": ("ACCUSE", "allege"),
    "suspect": ("ACCUSE", "allege"),
    "urge": ("REQUEST", None),  # not in CAMEO.2.0.txt
    "exhort": ("REQUEST", None),
    "implore": ("REQUEST", None),
    "plead": ("REQUEST", None),
    "blame": ("ACCUSE", "allege"),
    "accuse": ("ACCUSE", "allege"),
    "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"),
    "condemn": ("ACCUSE", "disapprove"),
    "denounce": ("ACCUSE", "disapprove"),
    "praise": ("SUPPORT", None),
    "welcome": ("SUPPORT", None),
    "endorse": ("SUPPORT", None),
    "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None),
    "hope": None, "consider": None, "hear": None, "introduce": None, "notify": None, "die": None,
    "engage": None, "target": None, "link": None, "boost": None, "enact": None, "influence": None,
    "disclose": None, "rejoice": None, "assemble": None, "allocate": None, "facilitate": None, "merge": None,
    "intend": None, "prepare": None, "signal": None, "strive": None, "revive": None, "oversee": None,
    "pound": None, "encircle": None, "enlist": None, "concern": None, "worry": None,
}

#: Adjectives that say a party is willing to do or join something ("open to talks").
WILLING_ADJECTIVES = frozenset("open ready willing prepared committed determined eager keen".split())

#: Nouns heading a group whose members are the real party ("a group of diplomats").
COLLECTIVE_NOUNS = frozenset("""group groups number numbers team teams delegation dozens hundreds thousands
millions tens scores crowd crowds band bands contingent batch batches""".split())

#: First-person and third-person pronouns that may stand for a party.
PRONOUNS = frozenset("he she they it we i his her their its our my him them us me".split())

#: Withdrawals of these (by their words) reduce relations (SANCTION withdraw); of forces, RETREAT.
WITHDRAWN_RELATIONS = frozenset("""peacekeeper peacekeepers peacekeeping inspector inspectors observer observers monitor
monitors diplomat diplomats ambassador envoy aid worker workers staff mission personnel team teams delegation
support funding""".split())
#: Subjects that protest as a crowd (a government that "protests" is complaining: ACCUSE).
CROWD_NOUNS = frozenset("""protester protesters demonstrator demonstrators student students worker workers people
residents villagers farmers teachers supporters activists youths women men crowd crowds thousands hundreds
dozens opposition union unions employees miners doctors nurses drivers refugees prisoners inmates citizens""".split())

#: Nouns that carry what their issuer says: "a declaration demanding ..." is the issuer's demand.
STATEMENT_NOUNS = frozenset("""declaration statement communique communiqué resolution letter report message
note appeal ultimatum announcement decree""".split())
#: Proposals made by others: what they propose is not itself reported ("rejected a request to ...").
PROPOSAL_NOUNS = frozenset("""request call demand demands appeal offer proposal plan invitation bid suggestion
calls requests offers proposals plans idea""".split())
#: Intent nouns: a verb acting on one that another party owns ("welcomed the junta's decision to
#: release") reports the verb's act, not the owner's intent.
INTENT_NOUNS = frozenset("decision determination commitment intention readiness willingness effort efforts".split())

#: Titles that the entity tagger sometimes takes into a person's name ("Councilor Dai Bingguo").
TITLES = frozenset("""president vice minister secretary councilor councillor ambassador envoy general gen lt
colonel col admiral chairman chairwoman premier prime chancellor king queen prince emir sheikh senator
representative rep sen governor mayor judge justice spokesman spokeswoman commander director chief state
foreign defense defence deputy assistant special lawmaker leader mr mrs ms dr""".split())

#: Verbs of opinion: what someone thinks or fears happened or will happen is not reported as done.
OPINION = frozenset("think believe feel fear assume guess doubt suppose hope imagine worry".split())
#: What a refusal to speak refuses is no act ("declined to comment").
SPEECH_ACTS = frozenset("comment elaborate answer respond speak say disclose identify name confirm discuss detail".split())
#: Heads that never name a party: shares of a population, laws and texts, markets and figures.
NON_PARTY_HEADS = frozenset("""percent percentage proportion majority minority share half third quarter act bill law treaty
resolution convention agreement accord plan policy index market markets shares stocks stock currency price
prices forecast forecasts production output growth economy rate rates figure figures number""".split())

#: State forces: when they "take to the streets" they do not protest.
STATE_FORCES = frozenset("army military police troops soldiers government forces regime authorities".split())
