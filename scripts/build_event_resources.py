#!/usr/bin/env python3
"""Build onrecord's compact event-coding resources from the field's dictionaries.

usage: build_event_resources.py [SOURCE_DIR] [OUT_DIR]

SOURCE_DIR holds the byte-for-byte copies of the PETRARCH2/PLOVER/NGEC dictionaries (default
/work/shared/resources/events); OUT_DIR is src/onrecord/resources/events. The output is JSON that the
coder loads once per process; ORIGIN.md in OUT_DIR says where each input came from and what this
script changes. Re-running on the same inputs gives the same bytes.
"""
from __future__ import annotations

import gzip
import json
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("/work/shared/resources/events")
OUT = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "src/onrecord/resources/events"

#: Country prefixes of Phoenix codes that are not ISO 3166-1 alpha-3, mapped to what the contract
#: wants (None: no country).
LEGACY_COUNTRIES = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "CSK": "CZE", "DDR": "DEU",
                    "KSV": "XKX", "TMP": "TLS", "KNT": None, "ANG": "AGO", "FRN": "WLF", "KRJ": "HRV"}
#: ISO 3166-1 alpha-3 codes (plus XKX, the user-assigned code for Kosovo in common use).
ISO3 = set("""ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH
BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR
CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN
GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY
JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX
MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN
PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV
SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX""".split())


def read_lines(name: str) -> list[str]:
    raw = (SOURCE / name).read_bytes().decode("utf-8", errors="replace")
    return raw.replace("\x1a", "").replace("\ufffd", "").splitlines()


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def words(phrase: str) -> list[str]:
    """A dictionary phrase (``AL_QAEDA_``, ``{MOCK ATTACK}``) as a list of upper-case words."""
    return [w for w in re.split(r"[_\s]+", phrase.strip().strip("{}").upper()) if w]


# ---------------------------------------------------------------- CAMEO verbs
CODE_RE = re.compile(r"\[([0-9:-]*)\]")


def parse_code(text: str) -> tuple[str | None, str | None]:
    """``[173]`` -> ("173", None); ``[042:043]`` -> ("042", "043"); ``[:173]`` -> (None, "173");
    ``[---]`` -> (None, None)."""
    m = CODE_RE.search(text)
    if not m:
        return None, None
    body = m.group(1)
    active, _, passive = body.partition(":")
    clean = lambda c: c if c and c.strip("-") else None  # noqa: E731
    return clean(active), clean(passive)


def parse_pattern(body: str) -> dict | None:
    """One ``- pre * post (PREP NOUN) [code]`` line as pre words, post words and prepositional phrases.
    TABARI's ``$ + ^ %`` slots are dropped: PETRARCH2 fills them from the parse, and so do we."""
    active, passive = parse_code(body)
    text = CODE_RE.split(body, maxsplit=1)[0]
    text = text.lstrip("-").strip()
    if "*" not in text:
        return None
    pre_text, post_text = text.split("*", 1)
    tokens = lambda s: [t for t in re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+", s) if t not in "$+^%"]  # noqa: E731

    def elements(chunk: str) -> tuple[list, list]:
        plain, preps = [], []
        for tok in tokens(chunk):
            if tok.startswith("("):
                inner = [w for w in tok.strip("()").split() if w not in "$+^%"]
                if inner:
                    preps.append([inner[0].upper(), [" ".join(words(w)) if not w.startswith("&") else w.upper()
                                                      for w in inner[1:] if w.strip("{}")]])
            elif tok.startswith("{"):
                plain.append(" ".join(words(tok)))
            else:
                tok = tok.strip()
                if tok and tok not in "$+^%":
                    plain.append(tok.upper() if tok.startswith("&") else " ".join(words(tok)))
        return [p for p in plain if p], preps

    pre, pre_preps = elements(pre_text)
    post, preps = elements(post_text)
    if not (active or passive):
        active = "---"  # an explicit "no event" pattern
    return {"pre": pre, "post": post, "preps": pre_preps + preps, "code": active, "passive": passive}


#: Verbs that end like an inflection but are bases.
_NOT_INFLECTED = {"BRING", "RING", "SPRING", "STING", "SWING", "WRING", "SING", "KING", "EMBED", "FEED", "IMBED", "NEED",
                  "PROCEED", "SPEED", "SUCCEED", "BLEED", "BREED", "SEED", "HEED", "WED", "SHED", "EXCEED", "PLEAD"}


def uninflected(base: str) -> list[str]:
    """Base forms for the few dictionary bases written inflected (DETERRING, LOSING, WORRIED), so a
    lemma finds them."""
    if " " in base or base in _NOT_INFLECTED:
        return []
    if base.endswith("IED") and len(base) > 4:
        return [base[:-3] + "Y"]
    if base.endswith("ING") and len(base) > 5:
        stem = base[:-3]
        out = [stem, stem + "E"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
        return out
    if base.endswith("ED") and len(base) > 4:
        stem = base[:-2]
        return [stem, stem + "E"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    return []


def build_verbs() -> dict:
    lines = read_lines("CAMEO.2.0.txt")
    synsets: dict[str, list[str]] = {}
    blocks: dict[str, dict] = {}
    verbs: dict[str, list] = {}
    section, current_set, block = "synsets", None, None
    for raw in lines:
        if "VERB PATTERNS" in raw:
            section = "verbs"
            continue
        if "TRANSFORMATIONS" in raw:
            break
        line = strip_comment(raw)
        if not line.strip():
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = line.strip().upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                member = " ".join(words(line[1:]))
                if member and member not in synsets[current_set]:
                    synsets[current_set].append(member)
            continue
        head = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])?", line)
        if head:
            name = head.group(1).upper()
            default, _ = parse_code(head.group(2) or "")
            block = blocks.setdefault(name, {"default": default, "patterns": []})
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pattern = parse_pattern(line)
            if pattern and pattern not in block["patterns"]:
                # the verb the pattern was written for (its comment's first word), when named
                source = raw.split("#", 1)[1].split() if "#" in raw else []
                pattern["verb"] = " ".join(words(source[0])) if source and source[0].isupper() else None
                if pattern not in block["patterns"]:
                    block["patterns"].append(pattern)
            continue
        # A verb line: BASE {IRREGULAR FORMS} [own code]
        own, _ = parse_code(line)
        text = CODE_RE.split(line, maxsplit=1)[0]
        forms = re.findall(r"\{([^}]*)\}", text)
        base = re.sub(r"\{[^}]*\}", " ", text).strip().lstrip("+").strip()
        if not base:
            continue
        base_key = " ".join(words(base))
        variants = [base_key] + [" ".join(words(f.lstrip("+"))) for f in " ".join(forms).replace(",", " ").split()
                                 if f.strip("+")]
        if "_" in base:  # multi-word irregular forms are whole phrases: +TOOK_LEAVE
            variants = [base_key] + [" ".join(words(f.lstrip("+"))) for f in re.split(r"[\s,]+", " ".join(forms))
                                     if f.strip("+")]
        variants += uninflected(base_key)
        for form in dict.fromkeys(variants):
            entry = [name, own, base_key]
            if entry not in verbs.setdefault(form, []):
                verbs[form].append(entry)
    return {"synsets": synsets, "blocks": blocks, "verbs": verbs}


# ---------------------------------------------------------------- CAMEO -> PLOVER
def build_plover_table() -> dict:
    rows: dict[str, dict] = {}
    for raw in read_lines("CAMEO2PLOVER-2021.txt"):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        body, _, comment = line.partition("#")
        code, sep, rest = body.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        fields = [f.strip() for f in rest.split(",")]
        if len(fields) < 2:  # a heading row ("03: AGREE")
            continue
        kind = fields[0].upper()
        mode = fields[1].strip() or None
        contexts = [c.strip() for c in ",".join(fields[2:]).split(";") if c.strip()]
        rows.setdefault(code.strip(), {"type": kind, "mode": mode, "context": contexts,
                                       "description": comment.strip()})
    return rows


# ---------------------------------------------------------------- actors
DATE_RE = re.compile(r"\[([A-Z]{3}[A-Z0-9]*)\s*([<>]?\s*\d{6,10}(?:\s*-\s*\d{6,10})?)?\s*\]")


def _date_key(restriction: str | None) -> int:
    """Sort key of a code's validity: undated and open-ended (``>date``) codes count as current."""
    if not restriction:
        return 99999999
    restriction = restriction.replace(" ", "")
    if restriction.startswith(">"):
        return 99999998
    if restriction.startswith("<"):
        return _full_date(restriction[1:])
    return _full_date(restriction.split("-")[-1])


def _full_date(text: str) -> int:
    text = text[-8:] if len(text) > 8 else text  # the one typo "1920030320"
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    return int(text)


def normalise_code(code: str, *, armed_group: bool = False) -> str | None:
    prefix = code[:3]
    if prefix in ("IGO", "NGO", "MNC", "IMG"):
        return prefix
    if prefix in LEGACY_COUNTRIES:
        return LEGACY_COUNTRIES[prefix]
    if prefix in ISO3:
        return prefix
    # Regions, religions, sectors and coders' initials in the country slot: no single state.
    return "IMG" if armed_group else None


def build_actors() -> dict[str, str]:
    """Phrase (upper case, words joined by spaces) -> country code (ISO alpha-3, IGO, NGO, MNC, IMG)."""
    phrases: dict[str, str] = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        armed = "MilNonState" in name
        record: list[str] = []
        codes: list[tuple[int, str]] = []

        def flush() -> None:
            if record and codes:
                code = normalise_code(max(codes)[1], armed_group=armed)
                if code:
                    for phrase in record:
                        phrases.setdefault(phrase, code)
            record.clear()
            codes.clear()

        for raw in read_lines(name):
            line = strip_comment(raw)
            if not line.strip():
                continue
            if line.startswith(("\t", " ")) and line.strip().startswith("["):
                codes.extend((_date_key(m.group(2)), m.group(1)) for m in DATE_RE.finditer(line))
                continue
            stripped = line.strip()
            if stripped.startswith("+"):
                phrase = " ".join(words(CODE_RE.split(stripped[1:])[0]))
                if phrase:
                    record.append(phrase)
                codes.extend((_date_key(m.group(2)), m.group(1)) for m in DATE_RE.finditer(stripped))
                continue
            flush()
            phrase = " ".join(words(re.split(r"\[", stripped)[0]))
            if phrase:
                record.append(phrase)
            codes.extend((_date_key(m.group(2)), m.group(1)) for m in DATE_RE.finditer(stripped))
        flush()
    return dict(sorted(phrases.items()))


#: Common English names where the dictionary's primary phrase is an official or misspelt one.
COMMON_NAMES = {"USA": "United States", "RUS": "Russia", "GBR": "Britain", "TZA": "Tanzania", "ZAF": "South Africa",
                "BRN": "Brunei", "COD": "Democratic Republic of Congo", "MDG": "Madagascar", "CIV": "Ivory Coast",
                "KNA": "Saint Kitts and Nevis", "IRQ": "Iraq", "SRB": "Serbia", "HKG": "Hong Kong"}


def build_country_names() -> dict[str, str]:
    """ISO alpha-3 code -> the country's name, from the country records of Phoenix.Countries
    (a primary phrase with a bare three-letter code), title-cased."""
    names: dict[str, str] = {}
    for raw in read_lines("Phoenix.Countries.actors.txt"):
        m = re.match(r"^([A-Z_']+?)_?\s+\[([A-Z]{3})\]\s*$", strip_comment(raw))
        if m and m.group(2) in ISO3 and m.group(2) not in names:
            names[m.group(2)] = " ".join(w.capitalize() if w not in ("AND", "OF", "THE") else w.lower()
                                         for w in words(m.group(1)))
    names.update(COMMON_NAMES)
    return dict(sorted(names.items()))


def build_agents() -> dict[str, str]:
    """Generic actor nouns (``POLICE``, ``REBEL``) -> sector code (``COP``, ``REB``), PLOVER_agents first."""
    agents: dict[str, str] = {}
    for name in ("PLOVER_agents.txt", "Phoenix.agents.txt"):
        subs: dict[str, list[str]] = {}
        for raw in read_lines(name):
            line = strip_comment(raw).strip()
            if not line:
                continue
            m = re.match(r"^(!\w+!)\s*=\s*(.+)$", line)
            if m:
                subs[m.group(1)] = [w.strip().upper() for w in m.group(2).split(",")]
                continue
            m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\]", line)
            if not m:
                continue
            phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip()
            sector = code.replace("~", "")[:3]
            expansions = [phrase]
            for key, values in subs.items():
                if key in phrase:
                    expansions = [p.replace(key, v) for p in expansions for v in values]
            forms = list(expansions)
            if plural and plural.strip("{} "):
                forms += [p for p in plural.strip("{}").split()]
            for form in forms:
                key = " ".join(words(form))
                if key and "!" not in key:
                    agents.setdefault(key, sector)
    return dict(sorted(agents.items()))


# ---------------------------------------------------------------- issues and discards
def build_issues() -> dict[str, str]:
    """Issue phrase (lower case; ``n:``/``v:`` marks kept for the loader) -> issue code."""
    issues: dict[str, str] = {}
    category = None
    for raw in read_lines("Phoenix.IssueCoding.txt"):
        line = raw.strip()
        m = re.match(r'<ISSUE CATEGORY="([^"]+)"', line)
        if m:
            category = m.group(1)
            continue
        if not line or line.startswith(("<", "~", "#")) or category is None:
            continue
        m = re.match(r"^(.*?)\s*\[([A-Z_]+)\]", line)
        if m and m.group(1).strip():
            issues.setdefault(m.group(1).strip().lower(), m.group(2))
    return dict(sorted(issues.items()))


def build_discards() -> dict[str, list[str]]:
    story, sentence = [], []
    for raw in read_lines("Phoenix.discards.txt"):
        line = strip_comment(raw).strip()
        if not line or re.fullmatch(r"\d{4}_?", line):  # bare years would drop every historical mention
            continue
        (story if line.startswith("+") else sentence).append(line.lstrip("+").strip())
    return {"story": sorted(set(story)), "sentence": sorted(set(sentence))}


def dump(name: str, data, *, compress: bool = False) -> None:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path = OUT / name
    if compress:
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    else:
        path.write_text(text + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    dump("cameo_verbs.json.gz", build_verbs(), compress=True)
    dump("cameo2plover.json", build_plover_table())
    dump("actors.json.gz", build_actors(), compress=True)
    dump("agents.json.gz", build_agents(), compress=True)
    dump("country_names.json", build_country_names())
    dump("issues.json.gz", build_issues(), compress=True)
    dump("discards.json", build_discards())
    for licence in ("LICENSE.petrarch2.txt", "LICENSE.CC-BY-SA-4.0.txt"):
        shutil.copyfile(SOURCE / licence, OUT / licence)


if __name__ == "__main__":
    main()
