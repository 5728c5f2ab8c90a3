"""HTML main-text extraction: boilerplate removal, page repairs, metadata, hostile input."""
from __future__ import annotations

import dataclasses
import pathlib

import pytest
from lxml.html import fromstring

from onrecord.stages.html import HtmlExtract, extract_html
from onrecord.stages.html_clean import (
    keep_embedded_posts,
    merge_split_bodies,
    preclean_tree,
    remove_link_paragraphs,
    remove_trailing_link_lists,
    unwrap_layout_tables,
)
from onrecord.stages.html_lines import boilerplate_kind, filter_lines
from onrecord.stages.html_meta import declared_language, page_date, visible_date, visible_headline

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "html"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> HtmlExtract:
    return extract_html(_page("article_boilerplate.html"), url="https://courier.example.com/x?utm=1")


@pytest.mark.parametrize(
    "phrase",
    [
        "The harbour council voted seven to two",
        '"We cannot wait for the next flood to reach the high street," she told the meeting.',
        "Opponents argued that the wall would block the view",
        "Construction is expected to begin in the autumn",
        "The regional flood agency said it welcomed the decision",
        # an embedded tweet is a statement, kept with its signature
        "Proud of our town for finally acting on flood defences.",
        "Harbour Residents Group (@harbourres)",
    ],
)
def test_article_paragraphs_are_kept(article, phrase):
    assert phrase in article.text


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("Harbour council approves new sea wall", "headline"),
        ("A summary line written to sell the story", "dek in the article header"),
        ("Facebook", "share bar"),
        ("Waves break over the harbour wall", "caption"),
        ("Morning Briefing", "newsletter box (class in capitals)"),
        ("delivered to your inbox", "newsletter call"),
        ("Storm damage bill", "read-more link"),
        ("Reporting by", "agency credit"),
        ("Ferry timetable changes", "related-stories list"),
        ("covers local politics for the Courier", "author bio"),
        ("Pier closed after storm", "sidebar"),
        ("All rights reserved", "copyright footer"),
        ("Home", "navigation"),
    ],
)
def test_article_boilerplate_is_removed(article, phrase, kind):
    assert phrase not in article.text, kind


def test_text_is_one_paragraph_per_line_separated_by_blank_lines(article):
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) >= 6
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


@pytest.mark.parametrize(
    "field, expected",
    [
        ("title", "Harbour council approves new sea wall"),
        ("authors", ["Maria Lopez"]),
        ("date", "2023-03-14"),
        ("sitename", "The Coastal Courier"),
        ("url", "https://courier.example.com/news/harbour-sea-wall"),  # canonical, not the given one
        ("description", "The council voted 7-2 to build a sea wall along the old harbour."),
        ("language", "en"),
    ],
)
def test_article_metadata(article, field, expected):
    assert getattr(article, field) == expected


def test_site_name_falls_back_to_the_host():
    html = '<html><head><link rel="canonical" href="https://www.example.org/a/b"></head><body><p>x</p><p>y</p></body></html>'
    assert extract_html(html).sitename == "example.org"


def test_extract_is_frozen(article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]


def test_split_body_chunks_are_joined():
    text = extract_html(_page("split_body.html")).text
    assert "called off after talks" in text
    # the second chunk, after an advertisement slot, belongs to the same article
    assert "second member of staff" in text
    assert "full timetable on Monday morning" in text
    assert "Advertisement" not in text


def test_layout_table_is_read_as_paragraphs():
    text = extract_html(_page("layout_table.html")).text
    paragraphs = text.split("\n\n")
    assert any(p.startswith("A national museum has returned") for p in paragraphs)
    assert any(p.startswith("Temple elders said") for p in paragraphs)
    assert "|" not in text
    assert "Weather" not in text


def _tree(body: str):
    return fromstring(f"<html><body>{body}</body></html>")


def test_unwrap_layout_tables_keeps_data_tables():
    tree = _tree(
        "<table><tr><td>Team</td><td>Points</td></tr><tr><td>Rovers</td><td>12</td></tr></table>"
        "<table><tr><td><p>" + "Long paragraph of article text. " * 10 + "</p></td></tr></table>"
    )
    unwrap_layout_tables(tree)
    assert len(tree.findall(".//table")) == 1
    assert tree.find(".//table").text_content().startswith("Team")


def test_merge_split_bodies_stops_at_another_article():
    para = "<p>" + "Text of a story that runs long enough to count. " * 4 + "</p>"
    tree = _tree(
        f'<div><div class="article-body">{para}</div></div>'
        f'<h1>Next story</h1><div><div class="article-body">{para}</div></div>'
    )
    merge_split_bodies(tree)
    assert len(tree.xpath('//div[@class="article-body"]')) == 2


@pytest.mark.parametrize(
    "trailing, removed",
    [
        ("", True),  # a list of links closing the text: other stories
        ("<p>" + "A paragraph of the article continues after the list here. " * 3 + "</p>", False),
    ],
)
def test_trailing_link_lists(trailing, removed):
    items = "".join(f'<li>Story <a href="/{i}">about topic number {i}</a></li>' for i in range(4))
    tree = _tree(f"<div><p>Intro paragraph.</p><ul>{items}</ul>{trailing}</div>")
    remove_trailing_link_lists(tree)
    assert (tree.find(".//ul") is None) is removed


@pytest.mark.parametrize(
    "paragraph, removed",
    [
        ('<p><a href="/other">SENATOR RESIGNS AFTER LONG CAREER IN OFFICE</a></p>', True),
        ('<p>The senator <a href="/other">resigned on Monday</a> after a long career.</p>', False),
        ('<p><a href="/doc">' + "Linked prose that runs on and on. " * 6 + "</a></p>", False),
    ],
)
def test_link_only_paragraphs(paragraph, removed):
    tree = _tree(f"<div>{paragraph}</div>")
    remove_link_paragraphs(tree)
    assert (tree.find(".//p") is None) is removed


def test_embedded_post_is_freed_from_its_wrapper():
    tree = _tree(
        '<div class="social-embed"><blockquote class="twitter-tweet"><p>We did it!</p>'
        "&mdash; Someone (@someone)</blockquote></div>"
    )
    keep_embedded_posts(tree)
    preclean_tree(tree)
    quote = tree.find(".//blockquote")
    assert quote is not None and "We did it!" in quote.text_content()


_STORY = "<p>" + "Paragraph of the story itself, long enough to be running text. " * 4 + "</p>"


@pytest.mark.parametrize(
    "block, marker, gone",
    [
        ('<div class="Newsletter-container"><p>MARKER: sign up now</p></div>', "MARKER", True),
        ('<div class="related-links"><a href="/a">MARKER other story</a></div>', "MARKER", True),
        ('<div class="image_caption">MARKER photo by someone</div>', "MARKER", True),
        ('<div class="entry-header"><h1>Headline</h1><p>MARKER dek</p></div>', "MARKER", True),
        ('<ul class="share-tools"><li>MARKER Facebook</li></ul>', "MARKER", True),
        # the headline itself stays in the tree (trafilatura uses it), only the header's rest goes
        ('<div class="entry-header"><h1>Headline MARKER</h1><p>dek</p></div>', "MARKER", False),
        # a block named like furniture that holds the article's paragraphs is the article
        (f'<div class="share-wrapper">{_STORY * 3}<p>MARKER</p></div>', "MARKER", False),
        ('<div class="headlines-and-more"><p>MARKER</p></div>', "MARKER", False),
        # an <article>'s own <header> holds the headline, dek and byline
        ('<article><header><h1>Headline</h1><h2>MARKER dek</h2></header></article>', "MARKER", True),
        ('<header><p>MARKER site banner outside any article</p></header>', "MARKER", False),
    ],
)
def test_preclean_removes_furniture_but_not_article_text(block, marker, gone):
    tree = _tree(f"<div>{block}{_STORY}</div>")
    preclean_tree(tree)
    assert (marker not in tree.text_content()) is gone
    assert "Paragraph of the story itself" in tree.text_content()


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Read more: Storm damage bill tops two million pounds", "link"),
        ("[Related: Salesforce keynote draws protesters]", "link"),
        ("Also on example.com Ministers face new questions", "link"),
        ("China furious at Macron over protest remarks [INSIGHT]", "link"),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", "call"),
        ("Follow us on Twitter and Facebook.", "call"),
        ("Copyright 2019 Dow Jones & Company, Inc. All Rights Reserved", "notice"),
        ("This copy is for your personal, non-commercial use only.", "notice"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credit"),
        ("Associated Press writers A and B contributed to this report.", "credit"),
        ("Write to Al Root at al.root@example.com", "contact"),
        ("You may also like...", "label"),
        ("Tags:", "label"),
        ("Tags: budget, council, harbour", "label"),
        # article text that merely mentions the same words
        ("The company's subscription revenue rose 10% in the quarter.", None),
        ('"Sign up for the program today," the minister told reporters.', None),
        ("Read the full report, which runs to 300 pages, before judging it.", None),
        ("- Sign up for the bundle using the same email as your existing account", None),
        ("If you just want the films, you can sign up for a free trial and pay monthly after.", None),
        ("There's plenty more where that came from. Sign up for our daily newsletter.", "call"),
        ("Follow The Daily Paper Opinion section on Facebook and Instagram.", "call"),
        ('Her book, "Far Out" (2018), is out now. Follow her on Twitter @someone.', "call"),
        ('"Follow us on Twitter," the campaign urged its members.', None),
        ("iTunes: http://example.com/podcast", "link"),
        ("More sports: https://example.com/sports and https://example.com/nba", "link"),
        ("The report is at https://example.com/report and runs to 300 pages.", None),
        ("https://example.com/other-page", None),
    ],
)
def test_boilerplate_kind(line, kind):
    assert boilerplate_kind(line) == kind


def test_own_url_line_is_dropped_but_other_urls_kept():
    assert boilerplate_kind("https://www.example.com/news/a-story", "https://example.com/news/a-story/") == "url"
    assert boilerplate_kind("https://example.com/source-document", "https://example.com/news/a-story") is None


@pytest.mark.parametrize(
    "lines, title, sitename, expected",
    [
        (["Big storm hits coast", "The storm hit the coast."], "Big storm hits coast | The Paper", None,
         ["The storm hit the coast."]),
        (["The Paper", "Body text."], None, "The Paper", ["Body text."]),
        # repeated lines are kept: recipes and interviews repeat on purpose
        (["1 cup of milk", "Stir.", "1 cup of milk"], None, None, ["1 cup of milk", "Stir.", "1 cup of milk"]),
        # a short line that happens to be in the title is not the title
        (["Storm", "Body."], "Big storm hits coast", None, ["Storm", "Body."]),
        # the terms under a bare "Tags" heading go with it; a sentence after it stays
        (["Body.", "Tags", "storm, coast, council", "Last line."], None, None, ["Body.", "Last line."]),
        (["Body.", "Tags", "Storms, he said, are getting worse. Much worse."], None, None,
         ["Body.", "Storms, he said, are getting worse. Much worse."]),
    ],
)
def test_filter_lines(lines, title, sitename, expected):
    assert filter_lines(lines, title=title, sitename=sitename) == expected


@pytest.mark.parametrize(
    "html, lang",
    [
        ('<html lang="en-US"><head></head><body></body></html>', "en"),
        ('<html><head><meta http-equiv="content-language" content="fr-CA"></head><body></body></html>', "fr"),
        ('<html><head><meta property="og:locale" content="de_DE"></head><body></body></html>', "de"),
        ("<html><head></head><body></body></html>", None),
        ('<html lang="not a language tag"><body></body></html>', None),
    ],
)
def test_declared_language(html, lang):
    assert declared_language(fromstring(html)) == lang


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        # A reworded social title: the printed headline wins.
        ("<h1>Mayor is allowed to keep the old bridge open after all</h1>",
         "Mayor is allowed to keep the old bridge open after all - City News",
         "Mayor is allowed to keep the old bridge open after all"),
        ("<h1>Town Roundup: Greenvale beats Hillford to stay unbeaten</h1>",
         "TR Roundup: Greenvale beats Hillford to stay unbeaten", "Town Roundup: Greenvale beats Hillford to stay unbeaten"),
        # A logo in the first <h1> shares nothing with the title; the second one is the headline.
        ("<h1>The Daily PlanetOpinion</h1><h1>Is Loud Music a Crime?</h1>", "Opinion | Is Loud Music a Crime?",
         "Is Loud Music a Crime?"),
        ("<h1>Create a new password</h1>", "Storm closes harbour for a week", None),
        # The site's name in an <h1> is vouched for only by the title's site part.
        ("<h1>The Example Garden Blog</h1>", "Pruning roses in autumn - The Example Garden Blog", None),
        # Only small words in common: another story's heading.
        ("<h1>Walking the Trail with the Kids</h1>", "Simple Picnic Kit (with Kids) - The Example Blog", None),
        ("<p>no heading</p>", "Storm closes harbour for a week", None),
    ],
)
def test_visible_headline(body, title, expected):
    tree = fromstring(f"<html><head><title>{title}</title></head><body>{body}</body></html>")
    assert visible_headline(tree, "Short social line") == expected


@pytest.mark.parametrize(
    ("html", "near", "expected"),
    [
        # The <time> shows the US evening day; the timestamp was the next UTC day.
        ('<div class="meta"><time datetime="2030-03-05T03:10:00Z">Updated 10:10 pm PST, Tuesday, March 4, 2030</time></div>',
         "2030-03-05", "2030-03-04"),
        ('<p class="update-time">Updated 0339 GMT (1139 HKT) March 5, 2030</p>', "2030-03-04", "2030-03-05"),
        ('<head><meta property="article:published_time" content="2030-03-04T19:04:00-05:00"></head>',
         "2030-03-05", "2030-03-04"),
        # A published time without a zone was not converted: the found day stands.
        ('<head><meta property="article:published_time" content="2030-03-04T17:01:27.893"></head>'
         '<body><time>Wednesday March 6, 2030</time><span class="date">March 5, 2030</span></body>', "2030-03-04", None),
        # A date far from the found one is another story's; none shown: None.
        ('<time>March 20, 2030</time>', "2030-03-05", None),
        ('<p>No stamp here</p>', "2030-03-05", None),
    ],
)
def test_visible_date(html, near, expected):
    assert visible_date(fromstring(f"<html>{html}</html>"), near) == expected


def test_page_date_prefers_the_shown_day():
    html = ('<html><head><meta property="article:published_time" content="2024-03-05T03:10:00Z"></head><body>'
            '<h1>Storm closes harbour</h1><span class="timestamp"><time>9:10 pm ET, March 4, 2024</time></span>'
            '</body></html>')
    assert page_date(fromstring(html), None) == "2024-03-04"


_NESTED = "<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000
_ARTICLE = "<p>" + "A sentence of the story that is long enough to be kept. " * 6 + "</p>"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n  ",
        "\x00\x01\x02\x03" * 100,
        bytes(range(256)).decode("latin-1") * 50,
        "<script>alert('x')</script>",
        "<html><body><script>var secret = 'script text';</script><style>p {color: red}</style></body></html>",
        "<html><body><p>unclosed <div><span><p>broken <b>markup</i></table>" + _ARTICLE,
        _NESTED,
        "<html><body>" + "<p>" + "word " * 200_000 + "</p></body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body>" + _ARTICLE + "</body></html>",
        "<html><body>" + _ARTICLE.replace("story", "story\x00") + "</body></html>",
        "not html at all, just a sentence.",
        # broken JSON-LD and metadata that the metadata readers choke on
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": [1, {'
        '</script><meta name="author" content="&#xD800;"><meta property="article:published_time" '
        'content="9999-99-99"></head><body>' + _ARTICLE + "</body></html>",
    ],
)
def test_hostile_input_never_raises(html):
    got = extract_html(html)
    assert isinstance(got, HtmlExtract)
    assert isinstance(got.text, str)
    assert "secret" not in got.text and "alert(" not in got.text
    assert "\x00" not in got.text


@pytest.mark.parametrize("value", [None, 42, b"<html><body><p>bytes</p></body></html>"])
def test_non_string_input_gives_empty_text(value):
    got = extract_html(value)  # type: ignore[arg-type]
    assert got.text == ""


@pytest.mark.parametrize("url", [None, "", "not a url", "https://ex\u00e4mple.com/ä?q=1#x", "javascript:alert(1)"])
def test_odd_urls_never_raise(url):
    got = extract_html(_page("split_body.html"), url=url)
    assert "called off after talks" in got.text


def test_short_article_in_a_block_named_like_furniture_is_kept():
    # two paragraphs are too few to prove the block is the article, so the page is read again as is
    html = (
        '<html><head><title>Bridge reopens</title></head><body><div class="story share-enabled">'
        "<p>The old river bridge reopened to traffic on Monday after eight months of repairs to its deck "
        "and railings, the county said in a statement.</p>"
        "<p>Engineers found no damage to the piers, and buses will return to the route from next week, "
        "officials said on Monday afternoon.</p></div></body></html>"
    )
    assert "The old river bridge reopened" in extract_html(html).text


def test_broken_markup_keeps_the_article_text():
    html = "<html><body><p>unclosed <div><span><p>broken <b>markup</i></table>" + _ARTICLE * 3
    assert "A sentence of the story" in extract_html(html).text
