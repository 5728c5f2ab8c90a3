"""Merging event reports across articles: copies, rewrites, follow-ups and repeats."""
import itertools
import random

import pytest

from onrecord.corpus.events import EventReport, event_key, merge_events, merge_group, party_key, tolerance
from onrecord.model import Event, Party

RUS, UKR, USA = Party("Russia", "RUS"), Party("Ukraine", "UKR"), Party("United States", "USA")


def report(doc, kind="ACCUSE", actor=RUS, recipient=UKR, date="2021-03-10", date_text="on Wednesday",
           published="2021-03-11", group=None, sentence=None, start=0):
    sentence = sentence or f"{actor.name if actor else 'Someone'} acted against {recipient.name if recipient else 'x'}."
    event = Event(type=kind, sentence=sentence, start=start, end=start + len(sentence), actor=actor,
                  recipient=recipient, date=date, date_text=date_text)
    return EventReport(doc_id=doc, source=f"{doc}.txt", published=published, group=group, event=event)


def clusters(reports):
    return sorted(sorted(m.doc_id for m in merged.mentions) for merged in merge_events(reports))


@pytest.mark.parametrize("reports,expected", [
    # a rewrite: other words, same parties and day
    ([report("a"), report("b", sentence="Moscow blamed Kyiv.")], [["a", "b"]]),
    # the same parties doing the same thing a week later stay apart
    ([report("a"), report("b", date="2021-03-17", published="2021-03-18")], [["a"], ["b"]]),
    # another type between the same parties is another event
    ([report("a"), report("b", kind="THREATEN")], [["a"], ["b"]]),
    # another recipient is another event
    ([report("a"), report("b", recipient=USA)], [["a"], ["b"]]),
    # a meeting reported from either side is one meeting
    ([report("a", kind="CONSULT"), report("b", kind="CONSULT", actor=UKR, recipient=RUS)], [["a", "b"]]),
    # ... but an accusation is directed
    ([report("a"), report("b", actor=UKR, recipient=RUS)], [["a"], ["b"]]),
    # a copy reposted a day later resolves "yesterday" to another day: its group and sentence decide
    ([report("a", date="2021-03-10", date_text="yesterday", group="g1", sentence="Russia accused Ukraine yesterday."),
      report("b", date="2021-03-13", date_text="yesterday", published="2021-03-14", group="g1",
             sentence="Russia accused Ukraine yesterday.")], [["a", "b"]]),
    # a follow-up that says "last week" may be a few days off
    ([report("a"), report("b", date="2021-03-06", date_text="last week", published="2021-03-13")], [["a", "b"]]),
    # named days two days apart are two days
    ([report("a"), report("b", date="2021-03-12", date_text="on Friday")], [["a"], ["b"]]),
])
def test_merge(reports, expected):
    assert clusters(reports) == expected


def test_merged_event_keeps_every_mention_the_earliest_report_and_the_best_date():
    reports = [
        report("late", published="2021-03-12", date="2021-03-12", date_text=None),
        report("early", published="2021-03-10", date="2021-03-10", date_text="on Wednesday"),
        report("mid", published="2021-03-11", date="2021-03-10", date_text="yesterday"),
    ]
    (merged,) = merge_events(reports)
    assert merged.first.doc_id == "early"
    assert [m.doc_id for m in merged.mentions] == ["early", "mid", "late"]
    assert merged.date == "2021-03-10"  # two named days outvote the publication date
    assert (merged.type, merged.actor, merged.recipient) == ("ACCUSE", RUS, UKR)


def test_result_does_not_depend_on_input_order():
    reports = [report(f"d{i}", date=f"2021-03-{10 + (i % 3) * 7:02d}", published=f"2021-03-{11 + (i % 3) * 7:02d}",
                      kind=("ACCUSE", "CONSULT")[i % 2], group=f"g{i % 4}", sentence=f"Sentence {i % 5}.")
               for i in range(12)]
    expected = [(m.id, [x.doc_id for x in m.mentions]) for m in merge_events(reports)]
    rng = random.Random(3)
    for _ in range(5):
        shuffled = list(reports)
        rng.shuffle(shuffled)
        assert [(m.id, [x.doc_id for x in m.mentions]) for m in merge_events(shuffled)] == expected


def test_merge_events_is_group_by_key_then_merge_group():
    reports = [report("a"), report("b", kind="THREATEN"), report("c", date="2021-03-20", published="2021-03-21")]
    grouped = sorted(reports, key=event_key)
    by_groups = [m for _, members in itertools.groupby(grouped, key=event_key) for m in merge_group(list(members))]
    assert sorted(m.id for m in by_groups) == sorted(m.id for m in merge_events(reports))


@pytest.mark.parametrize("party,key", [
    (Party("Russia", "RUS"), "RUS"),
    (Party("President Vladimir Putin", None), "vladimir putin"),
    (Party("the Red Cross", None), "red cross"),
    (None, ""),
])
def test_party_key(party, key):
    assert party_key(party) == key


@pytest.mark.parametrize("words,days", [
    ("on Monday", 1), ("yesterday", 1), ("April 11", 1), (None, 3), ("last week", 4), ("three days ago", 4),
    ("last month", 15), ("in April", 15),
])
def test_tolerance(words, days):
    assert tolerance(words) == days


def test_no_reports():
    assert merge_events([]) == []
