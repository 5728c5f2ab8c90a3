"""Time expressions resolved against a story's date."""
import datetime as dt

import pytest

from onrecord.dates import find_time_expressions, parse_iso_date, resolve_date

ANCHOR = dt.date(2019, 3, 19)  # a Tuesday


@pytest.mark.parametrize("text,iso,words", [
    ("The talks ended on Wednesday.", "2019-03-13", "on Wednesday"),
    ("The talks ended on Tuesday.", "2019-03-19", "on Tuesday"),  # the anchor's own weekday
    ("He said Monday (local time) that ...", "2019-03-18", "Monday (local time)"),
    ("Police said yesterday that ...", "2019-03-18", "yesterday"),
    ("It happened last week.", "2019-03-12", "last week"),
    ("Talks broke down last month.", "2019-02-15", "last month"),
    ("The summit was held in April.", "2018-04-15", "in April"),
    ("The vote is on April 11.", "2019-04-11", "on April 11"),
    ("They met on 5 March.", "2019-03-05", "on 5 March"),
    ("He visited from Dec. 1 to 3.", "2018-12-01", "from Dec. 1 to 3"),
    ("We made progress in Hanoi, now three weeks back.", "2019-02-26", "three weeks back"),
    ("He spoke with an official a few days ago.", "2019-03-16", "a few days ago"),
    ("Rebels attacked late Sunday.", "2019-03-17", "late Sunday"),
    ("Clinton met Dai later Monday.", "2019-03-18", "later Monday"),
    ("The minister will travel next week.", "2019-03-26", "next week"),
    ("A minister threatened today to ...", "2019-03-19", "today"),
    ("It was founded in 1988.", "1988-07-01", "in 1988"),
    ("On 2019-03-01 the court ruled.", "2019-03-01", "2019-03-01"),
])
def test_resolve_date(text, iso, words):
    assert resolve_date(text, ANCHOR) == (iso, words)


@pytest.mark.parametrize("text", [
    "The council may decide later.",  # the modal, not the month
    "The 1.5 track meeting was held.",
    "No time words here at all.",
    "",
])
def test_no_time_expression(text):
    assert resolve_date(text, ANCHOR) == (None, None)


def test_day_precise_expression_wins_over_vaguer_one():
    text = "Peru granted asylum to officers holed up since last month's invasion, the embassy said on Tuesday."
    assert resolve_date(text, ANCHOR) == ("2019-03-19", "on Tuesday")


def test_expressions_have_offsets_into_the_text():
    text = "On Monday, Kim met Hwang; last week he was in Moscow."
    found = find_time_expressions(text, "2019-03-19")
    assert [text[e.start:e.end] for e in found] == ["On Monday", "last week"]
    assert [e.granularity for e in found] == ["day", "week"]


@pytest.mark.parametrize("value,expected", [
    ("2019-03-19", dt.date(2019, 3, 19)),
    ("2019-03-19T10:00:00Z", dt.date(2019, 3, 19)),
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
    ("not a date", None),
    (None, None),
])
def test_parse_iso_date(value, expected):
    assert parse_iso_date(value) == expected


def test_anchor_may_be_a_string_and_a_bad_anchor_finds_nothing():
    assert resolve_date("yesterday", "2019-03-19") == ("2019-03-18", "yesterday")
    assert resolve_date("yesterday", "soon") == (None, None)
