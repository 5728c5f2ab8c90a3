"""Generate a corpus of realistic scraped news articles for the benchmarks.

Each article is plain text as scraped: site chrome, a headline, a byline or dateline, 8 to 16
paragraphs of wire-style prose with direct, partial and indirect quotes by named officials,
unnamed sources and institutions, relative dates, and trailing lists of unrelated headlines. A
share of the articles are re-posts of others on copy sites (wrapped, trimmed, re-dated), as in
real crawls. Deterministic for a given seed.

    python benchmarks/corpus_gen.py OUT_DIR --docs 2000 [--seed 7]
"""
from __future__ import annotations

import argparse
import pathlib
import random

FIRST = ["John", "Maria", "Ahmed", "Li", "Sung", "David", "Elena", "Kofi", "Yuki", "Carlos", "Anna", "Ravi", "Fatima",
         "Pierre", "Olga", "James", "Hye-jin", "Tomas", "Amara", "Ji-ho"]
LAST = ["Kirby", "Santos", "Haddad", "Wei", "Kim", "Park", "Petrova", "Mensah", "Tanaka", "Ruiz", "Novak", "Sharma",
        "Okafor", "Dubois", "Ivanova", "Miller", "Lee", "Costa", "Bello", "Choi"]
ROLES = [("State Department spokesman", "United States"), ("foreign minister", "{country}"),
         ("defence minister", "{country}"), ("special envoy", "{country}"), ("senior negotiator", "{country}"),
         ("research analyst at the Stimson Center", "Stimson Center"), ("spokeswoman for the European Commission", "EU"),
         ("prime minister", "{country}"), ("UN special rapporteur", "United Nations")]
COUNTRIES = ["South Korea", "Japan", "China", "Russia", "France", "Germany", "Brazil", "India", "Nigeria", "Iran",
             "Turkey", "Mexico", "Indonesia", "Egypt", "Canada", "Australia"]
CITIES = ["SEOUL", "TOKYO", "BEIJING", "MOSCOW", "PARIS", "BERLIN", "BRASILIA", "NEW DELHI", "LAGOS", "TEHRAN",
          "ANKARA", "MEXICO CITY", "JAKARTA", "CAIRO", "OTTAWA", "CANBERRA", "WASHINGTON", "GENEVA"]
AGENCIES = ["Reuters", "AP", "AFP", "Yonhap"]
TOPICS = ["nuclear talks", "trade negotiations", "sanctions relief", "the border dispute", "the climate accord",
          "the ceasefire", "the refugee agreement", "the arms control treaty", "the election dispute", "energy prices"]
VERBS = ["said", "told reporters", "said in a statement", "told lawmakers", "said at a briefing", "added", "warned"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CLAUSES = [
    "the talks had made little progress on the central questions",
    "{country} was ready to resume negotiations without preconditions",
    "the government would not accept any deal that left the core issue unresolved",
    "further measures were being prepared in case the other side walked away",
    "both delegations had agreed to meet again before the end of the month",
    "the proposal on the table was insufficient and would need substantial changes",
    "the pressure campaign would continue until concrete steps were taken",
    "there had been no contact between the two sides for several weeks",
    "the allies remained united on the need for a verifiable agreement",
    "the latest test was a serious violation of existing commitments",
]
QUOTES = [
    "We remain open to dialogue, but the onus is on the other side to show it is serious.",
    "There is no government involvement here. These are private citizens, and they speak for themselves.",
    "It would be a mistake to rush back to the table before we see real commitments.",
    "We have made some progress, but we are not there yet. The conversations will continue.",
    "Nobody wants escalation. What we want is a sustainable arrangement that both sides can live with.",
    "The door is open. It has always been open, and we hope they walk through it.",
    "We will not be pressured into concessions that undermine our security.",
    "This is a positive step, and we welcome it, but words must be followed by deeds.",
]
BACKGROUND = [
    "The two countries have held {n} rounds of talks since {year}, most of them ending without agreement.",
    "Analysts said the meeting could signal a willingness to reopen negotiations that stalled last year.",
    "The dispute has weighed on markets in the region, where investors fear a prolonged standoff.",
    "Officials from both sides met on the sidelines of a regional security forum in {city_title} last week.",
    "Critics have accused the government of moving too slowly, while supporters say patience is needed.",
    "The previous round of talks collapsed in {month} after a disagreement over the sequencing of steps.",
    "Diplomats said a draft text had circulated among the delegations but had not been agreed.",
    "The {topic} have drawn keen attention from neighbouring countries, which fear being left out.",
]
CHROME = ["Home", "World", "Politics", "Business", "Opinion", "Sign in", "Subscribe", "Share on Facebook",
          "Share on Twitter", "Email this article", "Font size", "Print"]
HEADLINES = ["Stocks edge higher as investors weigh data", "Storm forces closure of coastal roads",
             "Football: late goal seals victory", "New museum opens downtown", "Rail strike called off after deal",
             "Scientists map deep-sea vents", "Festival draws record crowds", "Central bank holds rates steady"]


def person(rng: random.Random) -> tuple[str, str, str]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    role, affil = rng.choice(ROLES)
    return name, role, affil.format(country=rng.choice(COUNTRIES))


def article(rng: random.Random, i: int) -> tuple[str, str]:
    """One article as scraped: (headline, full text)."""
    country, topic = rng.choice(COUNTRIES), rng.choice(TOPICS)
    year, month, day = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
    speakers = [person(rng) for _ in range(rng.randint(2, 4))]
    headline = f"{country} signals {rng.choice(['caution', 'openness', 'frustration', 'resolve'])} on {topic}"
    lines = [" ".join(rng.sample(CHROME, 5)), "", headline, "", f"{MONTHS[month - 1]} {day}, {year} / "
             f"{rng.randint(1, 12)}:{rng.randint(10, 59)} PM", ""]
    if rng.random() < 0.5:
        lines += [f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    city, agency = rng.choice(CITIES), rng.choice(AGENCIES)
    name, role, affil = speakers[0]
    paras = [f"{city} ({agency}) - {country} said on {rng.choice(DAYS)} that {rng.choice(CLAUSES).format(country=country)}, "
             f"as {role} {name} {rng.choice(VERBS)} the {topic} were at a delicate stage."]
    for _ in range(rng.randint(8, 16)):
        name, role, affil = rng.choice(speakers)
        surname = name.split()[-1]
        kind = rng.random()
        if kind < 0.3:
            paras.append(f"\"{rng.choice(QUOTES)}\" {surname} {rng.choice(VERBS)}.")
        elif kind < 0.45:
            paras.append(f"\"{rng.choice(QUOTES)}\" said {name}, the {role}. \"{rng.choice(QUOTES)}\"")
        elif kind < 0.65:
            paras.append(f"{surname} {rng.choice(['said', 'told reporters', 'added'])} that "
                         f"{rng.choice(CLAUSES).format(country=rng.choice(COUNTRIES))}.")
        elif kind < 0.72:
            paras.append(f"A senior official, speaking on condition of anonymity, said "
                         f"{rng.choice(CLAUSES).format(country=country)}.")
        elif kind < 0.8:
            paras.append(f"According to {affil}, {rng.choice(CLAUSES).format(country=country)}.")
        else:
            paras.append(rng.choice(BACKGROUND).format(n=rng.randint(2, 9), year=year - rng.randint(1, 6),
                                                       city_title=rng.choice(CITIES).title(), topic=topic,
                                                       month=rng.choice(MONTHS)))
    lines += ["\n\n".join(paras), "", f"Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; editing by "
              f"{rng.choice(FIRST)} {rng.choice(LAST)}", "", "Top Stories"]
    lines += [f"  • {h}" for h in rng.sample(HEADLINES, 4)]
    return headline, "\n".join(lines) + "\n"


def repost(rng: random.Random, text: str) -> str:
    """A copy-site re-post: foreign-language wrapper, a later date, a trimmed ending."""
    body = text.split("\n\n")
    keep = body[: max(6, int(len(body) * rng.uniform(0.7, 1.0)))]
    return ("欢迎来到 新闻网\n联系我们\n电话:020-123456789\n\n" + "\n\n".join(keep)
            + f"\n\n发布时间:{rng.randint(2023, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 08:00:00\n"
            "Copyright © Powered by 新闻网\n")


def generate(out: pathlib.Path, docs: int, seed: int = 7, repost_share: float = 0.1) -> list[pathlib.Path]:
    """Write ``docs`` articles under ``out`` and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths, texts = [], []
    for i in range(docs):
        if texts and rng.random() < repost_share:
            text = repost(rng, rng.choice(texts))
        else:
            text = article(rng, i)[1]
            texts.append(text)
        path = out / f"article_{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = generate(args.out, args.docs, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
