"""Cleaning of whole made-up pages: which stretch of a scraped page is the article."""
from __future__ import annotations

import pytest

from onrecord.model import Document
from onrecord.stages.clean import clean

SETTINGS = {"clean": {"min_body_chars": 200}}

STORY = [
    "Firefighters battled a blaze for six hours on Sunday at a timber yard on the edge of Tampere, the regional "
    "rescue service said, and smoke could be seen across the city.",
    "Nobody was hurt in the fire at the timber yard, but residents of two nearby streets were told to keep their "
    "windows closed until the evening, the rescue service said.",
    "The owner of the timber yard said the fire destroyed a warehouse holding a season's worth of sawn timber "
    "and two forklifts, and the loss would run to millions of euros.",
    "Police said they had opened an investigation into the cause of the fire and asked witnesses who were near "
    "the yard on Sunday morning to come forward.",
    "The rescue service said crews would stay at the timber yard overnight to watch for embers in the piles of "
    "sawdust, which can smoulder for days.",
]
NEXT = [
    "The national orchestra will play its first concert in the renovated music hall next spring, its director "
    "announced on Monday, two years after the building closed for repairs.",
    "The renovation of the music hall cost more than forty million euros and replaced the seats, the stage and "
    "the acoustic panels that musicians had long complained about.",
    "Tickets for the opening concert of the orchestra go on sale in January, and the hall will hold an open day "
    "for the public a week before the first performance.",
    "The director said the orchestra had rehearsed in a former factory during the renovation and would return "
    "there for a festival of chamber music in the summer.",
    "Critics have praised the acoustics of similar halls built by the same architects in other countries, "
    "though some said the design of the hall was too plain.",
    "The city has promised to improve the tram connection to the music hall before the opening concert, after "
    "complaints that it was hard to reach in the evening.",
]
NEXT_HEAD = ["Music hall reopens for the orchestra in spring", "By Mikko Laine", "November 19, 2019"]


def body(raw: str) -> list[str]:
    doc = clean(Document(source="t.txt", doc_id="t", fmt="text", raw=raw), SETTINGS)
    return doc.body.split("\n\n") if doc.body else []


def lines(*parts) -> str:
    out: list[str] = []
    for p in parts:
        out += p if isinstance(p, list) else [p]
    return "\n".join(out)


HEAD = ["Home", "News", "Fire destroys timber yard warehouse in Tampere", "By Anna Virtanen", "November 18, 2019"]


@pytest.mark.parametrize("name,raw,expected", [
    ("one paragraph, share buttons, the next story under a label",
     lines(HEAD, STORY[0], "Share", "Tweet", "Next story", NEXT_HEAD, NEXT * 2), STORY[:1]),
    ("one paragraph, tags, the next story with no label",
     lines(HEAD, STORY[0], "Tags: fire, Tampere", NEXT_HEAD, NEXT, "Copyright \u00a9 2019 Example News"), STORY[:1]),
    ("one paragraph under a date stamp only, then 'Read next'",
     lines("Home", "Fire destroys timber yard warehouse in Tampere", "November 18, 2019", STORY[0], "Email",
           "Read next", NEXT_HEAD, NEXT), STORY[:1]),
    ("an article without date or byline, closed by buttons, before a headed next story",
     lines("Home", "Fire destroys timber yard warehouse in Tampere", "Anna Virtanen", "Staff writer", STORY, "Share",
           "Print", "Next story", NEXT_HEAD, NEXT), STORY),
])
def test_the_article_wins_over_a_longer_next_story(name, raw, expected):
    assert body(raw) == expected


@pytest.mark.parametrize("name,raw", [
    # A teaser under its own date stamp, straight above the article's head: nothing closes it.
    ("a dated teaser above the article",
     lines("Home", "Music hall reopens for the orchestra in spring", "November 17, 2019", NEXT[0], HEAD[2:], STORY)),
    # Teasers glued to their headlines, closed by a menu: no article, however long.
    ("glued teasers above the article",
     lines("Home", "Latest",
           [f"Orchestra Plays Concert In The {w}The national orchestra will play in the renovated music hall next "
            f"spring, its director announced on Monday, in a season of {n} concerts."
            for n, w in enumerate(["Park", "Harbour", "Cathedral", "Library", "Museum", "Arena"], 3)],
           "Sports", "More", HEAD[2:], STORY)),
    # Teasers on other topics, closed by a menu: their paragraphs share no words.
    ("teasers on several topics above the article",
     lines("Home", "Latest", [p[:-1] + ", officials said on Monday." for p in (
         "A former pastry chef has turned an old railway carriage into a bakery that sells forty loaves a day.",
         "Musicians were left without their cellos when an airline misrouted three crates to another continent.",
         "Radar images revealed a buried channel that once carried water across what is now dry land.",
         "The bronze figure, taken during a burglary in the seventies, was identified by a visiting historian.")],
           "Sports", "More", HEAD[2:], STORY)),
])
def test_text_above_the_article_that_is_no_article_does_not_win(name, raw):
    assert body(raw) == STORY
