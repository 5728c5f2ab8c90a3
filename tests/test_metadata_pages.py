"""Metadata on made-up pages in common news layouts: stamps without a year or relative to an anchor,
bylines run into the headline, name lists, wire credits, datelines, headlines kept in the body."""
from __future__ import annotations

import pytest

from onrecord.model import Document
from onrecord.stages.clean import clean
from onrecord.stages.metadata import extract_metadata, headline_paragraph, split_glued_bylines
from onrecord.stages.metadata_credits import credit_place, find_agencies, find_authors, find_dateline, name_list, stamp_byline
from onrecord.stages.metadata_dates import find_dates, relative_days
from tests.test_clean import P1, P2, P3

SETTINGS = {"clean": {"min_body_chars": 200}, "language": {"keep": ["en"]}}
HEAD = "Harbour authority approves new ferry terminal"
FOOTER = "\u00a9 2030 Example Media. All rights reserved."


def run(lines: list[str], tail: list[str] | None = None, **hints) -> Document:
    raw = "\n".join(lines + [P1, "", P2, "", P3] + (tail or []))
    doc = Document(source="t.txt", doc_id="t", fmt="text", raw=raw, hints=hints)
    return extract_metadata(clean(doc, SETTINGS), SETTINGS)


@pytest.mark.parametrize("text,iso", [
    ("By Jane Roe - 11/18/30 11:04 PM EST", ["2030-11-18"]),
    ("Posted 03/04/30", ["2030-03-04"]),  # month first, as pages writing two-digit years do
    ("The vote was 3/4/30 of members", []),  # not a stamp
    ("Ratio 1/2/3 in the recipe", []),
])
def test_two_digit_year_only_in_a_stamp(text, iso):
    assert [h.iso for h in find_dates(text)] == iso


@pytest.mark.parametrize("text,days", [
    ("Today 12:01 AM", 0), ("Yesterday", 1), ("3 days ago", 3), ("5 hours ago", 0), ("26 hours ago", 1),
    ("Jane Roe @janeroe / 2 days", 2), ("a week ago", 7), ("2 months ago", None),
    ("He left 3 days ago for Rome", None), ("Day 3", None),
])
def test_relative_days(text, days):
    assert relative_days(text) == days


@pytest.mark.parametrize("lines,hints,iso", [
    # No anchor: a relative stamp gives no day.
    (["Menu", HEAD, "By Jane Roe", "3 days ago"], {}, None),
    (["Menu", HEAD, "By Jane Roe", "Today 12:01 AM"], {"tail": [FOOTER]}, None),  # a year is no anchor
    # The fetch time is the anchor.
    (["Menu", HEAD, "By Jane Roe", "3 days ago"], {"crawl_date": "2030-11-20T08:00:00Z"}, "2030-11-17"),
    (["Menu", HEAD, "By Jane Roe", "Today 12:01 AM"], {"crawl_date": "2030-11-20T08:00:00Z"}, "2030-11-20"),
    # The day in the site's header is the anchor.
    (["Wednesday, November 20, 2030", "Menu", "Weather", "Sports", "Opinion", "Video", HEAD, "By Jane Roe",
      "2 days ago"], {}, "2030-11-18"),
])
def test_a_relative_stamp_needs_an_anchor(lines, hints, iso):
    assert run(lines, **hints).page_date == iso


@pytest.mark.parametrize("stamp,iso", [
    ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", "2030-11-18"),
    ("Posted Nov 18, 8:19 PM", "2030-11-18"),
])
def test_a_yearless_posted_and_updated_stamp(stamp, iso):
    doc = run(["Menu", HEAD, stamp, "By Jane Roe"], [FOOTER])
    assert doc.page_date == iso
    assert doc.title == HEAD  # a stamp is never the headline


@pytest.mark.parametrize("lines,title,authors,iso", [
    ([f"{HEAD} by Jane Roe \u2014 November 18, 2030"], HEAD, ["Jane Roe"], "2030-11-18"),
    ([f"{HEAD} by Jane Roe", "Monday, November 18, 2030"], HEAD, ["Jane Roe"], "2030-11-18"),
    (["5:45 AM PST 11/19/2030 by Jane Roe"], HEAD, ["Jane Roe"], "2030-11-19"),
    (["Jane Roe and John Doe EXAMPLE TIMES", "Published 7:07 PM EST Nov 19, 2030"], HEAD, ["Jane Roe", "John Doe"],
     "2030-11-19"),
    (["By Jane RoeBusiness Columnist", "Nov. 19, 2030"], HEAD, ["Jane Roe"], "2030-11-19"),
    (["By Metro Staff | November 18, 2030 at 2:26 PM HST - Updated November 18 at 4:46 PM"], HEAD, [], "2030-11-18"),
])
def test_byline_layouts(lines, title, authors, iso):
    doc = run(["Menu", "Most popular"] + ([HEAD] if not lines[0].startswith(HEAD) else []) + lines)
    assert (doc.title, doc.authors, doc.page_date) == (title, authors, iso)


def test_a_name_with_a_section_label_before_the_stamp():
    doc = run(["Menu", "Jane Roe", "Business", "11.15.2030 10:09 AM", HEAD])
    assert doc.authors == ["Jane Roe"]


@pytest.mark.parametrize("text,split", [
    (f"{HEAD} by Jane Roe \u2014 November 18, 2030", True),
    (f"{HEAD} by Jane Roe", False),  # no date on the line or the next one
    ("Cars made by Toyota \u2014 November 18, 2030", False),  # not a person's name
])
def test_split_glued_bylines(text, split):
    out = split_glued_bylines([["short", text, "pre"], ["short", "Share", "pre"]])
    assert (len(out) == 3) == split


@pytest.mark.parametrize("text,names", [
    ("Jane Roe and John Doe USA TODAY", ["Jane Roe", "John Doe"]),
    ("Jane Roe NEWSDAY", ["Jane Roe"]),
    ("Jane Roe", []),  # a single name alone is name_only's
    ("Sports and Weather", []),
    ("JANE ROE AND JOHN DOE", []),
])
def test_name_list(text, names):
    assert name_list(text) == names


@pytest.mark.parametrize("text,names", [
    ("5:45 AM PST 11/19/2019 by Jane Roe", ["Jane Roe"]),
    ("11/19/2019 by Jane Roe", ["Jane Roe"]),
])
def test_stamp_byline_after_a_time(text, names):
    assert stamp_byline(text) == names


@pytest.mark.parametrize("lines,title", [
    (["Menu", "you are here: HomeNewsMarkets", "Last Updated : Nov 20, 2030 01:41 PM IST"], None),
    (["Menu", "Opening Bell 11.18.30", "Author:", "Example Newsletter", "Publish date:", "Nov 18, 2030"],
     "Opening Bell 11.18.30"),
    (["Menu", "Edit ProfileSign Out", "Weather", HEAD, "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
      "Jane Roe | Example Images",
      "The governor, pictured at the statehouse in 2028, when she was a congresswoman, faced questions on Monday.",
      "By Jane Roe"], HEAD),
])
def test_labels_stamps_and_captions_are_not_the_headline(lines, title):
    assert run(lines).title == title


def test_headline_kept_at_the_top_of_the_body():
    raw = "\n".join(["Menu", "Live TV", "All Stocks", "Select Language", "",
                     "Economy in stress and markets on a high; time to be careful?", "", P1, "", P2, "", P3])
    doc = extract_metadata(clean(Document(source="t.txt", doc_id="t", fmt="text", raw=raw), SETTINGS), SETTINGS)
    assert doc.body.startswith("Economy in stress")
    assert doc.title == "Economy in stress and markets on a high; time to be careful?"


@pytest.mark.parametrize("para,ok", [
    ("Economy in stress and markets on a high; time to be careful?", True),
    ("Fire damages historic club in Albany", True),
    ("The ministry said exports rose.", False),
    ("Short one", False),
    ("T-Swift is beefing with a fund \u2026", False),
])
def test_headline_paragraph(para, ok):
    assert headline_paragraph(para) == ok


@pytest.mark.parametrize("last,agencies", [
    ("More than 300 people were deported in October. PTI", ["PTI"]),
    ("The talks resume on Monday. IANS", ["IANS"]),
    ("The talks resume on Monday. NASA", []),
    ("He spoke to the AP.", []),
])
def test_a_wire_acronym_after_the_last_sentence(last, agencies):
    assert find_agencies([], "NEW DELHI: Talks stalled.", last) == agencies


@pytest.mark.parametrize("first,place", [
    ("DEAR ABBY: My husband of 20 years bought plane tickets.", None),
    ("CLEVELAND, Ohio \u2013 The band will tour in 2030.", "CLEVELAND, Ohio"),
    ("HONOLULU, Hawaii (Example News) - Scientists said on Monday.", "HONOLULU, Hawaii"),
    ("KABUL, Afghanistan \u2014 Officials said on Monday.", "KABUL"),
])
def test_datelines_and_a_letters_salutation(first, place):
    assert find_dateline(first)[0] == place


@pytest.mark.parametrize("text,out", [
    ("New Delhi, Example News Bureau | Updated : 19 November 2030, 09:01 AM", ("New Delhi", None)),
    ("Mumbai, PTI | Updated: Nov 19, 2030", ("Mumbai", "PTI")),
    ("Jane Roe, Associated Press", (None, None)),  # a photo credit
    ("Hong Kong, China", (None, None)),
])
def test_place_first_credit_lines(text, out):
    assert credit_place(text) == out


def test_a_place_first_credit_line_gives_the_dateline():
    doc = run(["Menu", HEAD, "New Delhi, Example News Bureau | Updated : 19 November 2030, 09:01 AM"])
    assert (doc.dateline, doc.agencies, doc.authors) == ("New Delhi", [], [])


@pytest.mark.parametrize("extra,names", [
    (["Jane Roe", "Jane Q Roe"], ["Jane Q Roe"]),
    (["Jane Roe", "Jane Q. Roe"], ["Jane Q. Roe"]),
    (["Jane Roe", "John Roe"], ["Jane Roe", "John Roe"]),
])
def test_the_same_writer_with_and_without_a_middle_initial(extra, names):
    assert find_authors([], extra) == names


@pytest.mark.parametrize("text,name", [
    ("Jane Q. Roe", "Jane Q. Roe"),
    ("J.R. Roe", "J.R. Roe"),
    ("CFA Institute Roe", None),  # an acronym among words in normal case: an organisation
])
def test_initials_are_not_an_acronym(text, name):
    from onrecord.stages.metadata_credits import name_only
    assert name_only(text) == name


def test_a_headline_repeated_by_a_gallery_stays_the_headline():
    doc = run([HEAD, "Share", "Menu", "Sports", "Weather", HEAD, "JANE ROE", "Nov. 20, 2030", "Back to Gallery", HEAD,
               "Most Popular", "Fire damages historic club downtown"])
    assert doc.title == HEAD


def test_a_writers_name_and_handle_left_in_the_body():
    raw = "\n".join(["Menu", "Select Language", "", "Economy in stress and markets on a high; time to be careful?", "",
                     "Jane Roe @janeroe", "", P1, "", P2, "", P3])
    doc = extract_metadata(clean(Document(source="t.txt", doc_id="t", fmt="text", raw=raw), SETTINGS), SETTINGS)
    assert doc.authors == ["Jane Roe"]


@pytest.mark.parametrize("text", ["48 Hours", "60 Minutes"])
def test_a_menus_show_names_are_not_relative_stamps(text):
    assert relative_days(text) is None


@pytest.mark.parametrize("line,names", [
    ("By Jane RoeFOXBusiness", ["Jane Roe"]),
    ("By Jane RoeCNN", ["Jane Roe"]),
    ("By Jane McDONALD", ["Jane McDONALD"]),
])
def test_an_outlet_run_into_the_surname(line, names):
    assert find_authors([["byline", line, "pre"]]) == names


@pytest.mark.parametrize("lines", [
    # Legal links of the footer scraped above the article are not the headline.
    ["Help", "New Privacy Policy", "Closed Captioning Policy", "Earnings", "Published 1 day ago", HEAD,
     "The retailer earned $2.8 billion in the third quarter."],
    # A search box's label is not a field of the article: the line after it stays a candidate.
    ["Menu", "Reviews", "Text Input:", HEAD, "by Jane Roe", "@janeroe", "Nov 19, 2030 at 9:08 GMT"],
])
def test_footer_links_and_search_labels_around_the_headline(lines):
    assert run(lines).title == HEAD


@pytest.mark.parametrize("text,out", [
    ("Jane Roe, AP Auto Writer", (["Jane Roe"], "AP")),
    ("Jane Roe and John Doe, Associated Press", (["Jane Roe", "John Doe"], "AP")),
    ("Jane Roe Associated Press", (["Jane Roe"], "AP")),
    ("Jane Roe, Reuters", (["Jane Roe"], "Reuters")),
    ("Associated Press", ([], None)),
    ("Stocks fall as AP reports slowdown", ([], None)),
])
def test_agency_byline(text, out):
    from onrecord.stages.metadata_credits import agency_byline
    assert agency_byline(text) == out


@pytest.mark.parametrize("lines,title,authors,agencies", [
    # Over the stamp: the wire's byline; the headline above it stays the headline.
    (["Jane Roe, AP Auto Writer", "Updated 1:39 am EST, Wednesday, November 20, 2030"], HEAD, ["Jane Roe"], ["AP"]),
    (["Jane Roe and John Doe Sioux Falls Argus Leader", "Published 10:02 AM EST Nov 19, 2030"], HEAD,
     ["Jane Roe", "John Doe"], []),
    (["Analysis by Jane Roe, CNN Editor-at-large", "Updated 8:05 AM ET, Mon November 18, 2030"], HEAD, ["Jane Roe"], []),
    (["BY JANE ROE ON 11/13/30 AT 4:00 PM EST"], HEAD, ["Jane Roe"], []),
    # A photo's credit away from the stamp is neither a byline nor a story credit.
    (["Detroit News wire services", "Published 11:11 PM EST Nov 19, 2030", "The quarterback in the first half",
      "John Doe, Associated Press"], HEAD, [], []),
])
def test_wire_and_newspaper_bylines_over_the_stamp(lines, title, authors, agencies):
    doc = run(["Menu", "Most popular", HEAD] + lines)
    assert (doc.title, doc.authors, doc.agencies) == (title, authors, agencies)


@pytest.mark.parametrize("crumb", ["Home \u00bb Column \u00bb", "Home News Science & Astronomy", "Home Music Music News"])
def test_a_breadcrumb_is_not_the_headline(crumb):
    assert run(["Menu", "Weather", crumb, "By Jane Roe", "Nov. 19, 2030"]).title != crumb


@pytest.mark.parametrize("extra,authors,agencies", [
    (["Jane Roe", "Ap Auto Writer"], ["Jane Roe"], ["AP"]),  # markup split the role off the name
    (["Jane Roe, AP Auto Writer"], ["Jane Roe"], ["AP"]),
])
def test_a_wire_role_in_the_markup_is_not_a_writer(extra, authors, agencies):
    assert find_authors([], extra) == authors
    assert find_agencies([], "", "", extra) == agencies


@pytest.mark.parametrize("lines", [
    ["Welcome to Example News's European Union Experience", "Learn More", HEAD, "Jane Roe and John Doe EXAMPLE TODAY",
     "Published 10:02 AM EST Nov 19, 2030"],
    ["Menu", "Breaking News Emails", "Get breaking news alerts", "Weather", HEAD, "By Jane Roe", "Nov. 19, 2030"],
    # The standfirst under the headline is a sentence; the headline is not.
    ["Menu", "World", HEAD, "Editorial",
     "The authorities have only fuelled the crisis and it is up to them to calm the harbour dispute now.",
     "Mon 18 Nov 2030 18.54 GMT"],
])
def test_banners_sign_up_prompts_and_standfirsts_are_not_the_headline(lines):
    assert run(lines).title == HEAD


@pytest.mark.parametrize("lines,authors,iso", [
    (["By Jane Roe on Monday, November 18th, 2030 at 11:04 a.m."], ["Jane Roe"], "2030-11-18"),
    (["By Jane RoeStaff", "Nov. 19, 2030"], ["Jane Roe"], "2030-11-19"),
    (["By European Space Agency", "Nov. 19, 2030"], [], "2030-11-19"),
    (["Nov. 20, 2030, 9:28 AM UTC", "By Reuters"], [], "2030-11-20"),
])
def test_more_byline_forms(lines, authors, iso):
    doc = run(["Menu", "Most popular", HEAD] + lines)
    assert (doc.title, doc.authors, doc.page_date) == (HEAD, authors, iso)


def test_the_stamp_nearest_the_article_beats_the_headers_day():
    doc = run(["Wednesday, November 20, 2030", "Jane Doe", "Menu", "Sports", "Weather", "Opinion", "Video", "Politics",
               f"{HEAD} by Jane Roe", "| November 18, 2030 12:01 PM"])
    assert (doc.title, doc.authors, doc.page_date) == (HEAD, ["Jane Roe"], "2030-11-18")


@pytest.mark.parametrize("lines", [
    ["Menu", "World", HEAD, "Editorial",
     "The authorities have only fuelled the crisis over the ferries. It is up to them to calm the dispute, as others",
     "Mon 18 Nov 2030 18.54 GMT"],
    ["Menu", HEAD, "\u2014 Jane Doe on Sunday, October 13th, 2030 in an article in a local newspaper", "By Jane Roe",
     "Nov. 19, 2030"],
])
def test_a_two_sentence_standfirst_and_a_quotes_attribution_are_not_the_headline(lines):
    assert run(lines).title == HEAD


SWIM = "Trinity Academy junior John Doe won the 200 yard medley, and Jane Roe took the backstroke title."


@pytest.mark.parametrize("above,name,body,authors", [
    # a photo caption's name line (the swimmer and her school) over the stamp, under other captions
    (["Jane Roe 100 backstroke"], "John Doe Trinity", SWIM, []),
    # the writer's name over the stamp: the article does not write about the writer
    (["Jane Roe 100 backstroke"], "John Doe", "The pool reopened on Friday after a month of repairs.", ["John Doe"]),
    # a contact line names the writer too
    ([], "John Doe", "The pool reopened on Friday.\n\nContact John Doe at jdoe@example.com.", ["John Doe"]),
    # right under the headline, the name line is the byline
    ([], "John Doe", SWIM, ["John Doe"]),
])
def test_a_caption_s_name_over_the_stamp_is_not_the_byline(above, name, body, authors):
    lines = [["short", t, "pre"] for t in [HEAD, *above, name]] + [["date", "Posted: Fri 6:45 PM, Feb 16, 2030", "pre"]]
    assert find_authors(lines, title=HEAD, body=body) == authors


@pytest.mark.parametrize("text,name", [
    ("Jane Roe Florida Today", "Jane Roe"),
    ("Jane Q. Roe Sioux Falls Argus Leader", "Jane Q. Roe"),
    ("Equestrian Monthly Editorial Staff", None),  # a desk's credit
    ("Support The Guardian", None),  # one word after the "name": a call, not a byline
    ("Jane Roe", None),  # name_only's
])
def test_paper_byline(text, name):
    from onrecord.stages.metadata_credits import paper_byline
    assert paper_byline(text) == name


def test_a_name_and_paper_line_over_the_stamp_is_the_byline_not_the_headline():
    doc = run(["Menu", HEAD, "Jane Roe Florida Today", "Published 2:16 AM EST Nov 20, 2030"])
    assert (doc.title, doc.authors) == (HEAD, ["Jane Roe"])
