"""Cleaning: each kind of page noise around a made-up article, and the sample corpus against gold."""
from __future__ import annotations

import collections
import json
import pathlib
import re

import pytest

from onrecord.model import Document
from onrecord.stages import clean_lines as cl
from onrecord.stages.clean import clean, prepare_lines

ROOT = pathlib.Path(__file__).resolve().parents[1]
SETTINGS = {"clean": {"min_body_chars": 200}}

P1 = ("The finance ministry said on Tuesday that exports rose for a third straight month in October, "
      "helped by strong demand for chips and cars from overseas buyers.")
P2 = ('"We expect the recovery to continue into next year," Deputy Minister Park Sun-ho told reporters, '
      "adding that risks from weaker demand in Europe remained.")
P3 = ("Shipments to China, the country's largest trading partner, grew 6.1 percent from a year earlier, "
      "while those to the United States climbed 9 percent.")
P4 = "Imports fell 2 percent as energy prices eased, leaving a trade surplus for the month."
ARTICLE = [P1, P2, P3, P4]


def run(raw: str, fmt: str = "text", **hints) -> Document:
    doc = Document(source="t.txt", doc_id="t", fmt=fmt, raw=raw, hints=hints)
    return clean(doc, SETTINGS)


def paragraphs(doc: Document) -> list[str]:
    return doc.body.split("\n\n") if doc.body else []


def page(*parts: str) -> str:
    return "\n\n".join(parts)


ART = page(*ARTICLE)

NOISE_CASES = [
    ("foreign wrapper", page("欢迎来到 某某新闻网", "全国咨询热线: 020-123456789", "Exports rise again",
                             "来源:某某新闻网 更新时间:2024-05-22 02:47:46", ART, "• 相关新闻一", "• 相关新闻二"),
     ["欢迎来到 某某新闻网", "• 相关新闻一"]),
    ("font-size menu and share buttons",
     page("Settings", "ⓕ font-size", "  • -2\n  • -1\n  • 0\n  • +1\n  • +2", "Exports rise again",
          "  • Facebook share button\n  • Twitter share button\n  • Link share button", ART),
     ["ⓕ font-size", "• Twitter share button"]),
    ("repeated caption with agency photo credit",
     page("Exports rise again",
          "Containers are stacked at a port in Busan, Tuesday. / Xinhua-Yonhap\n"
          "Containers are stacked at a port in Busan, Tuesday. / Xinhua-Yonhap", "By Kim Ji-won", ART),
     ["Containers are stacked at a port in Busan, Tuesday. / Xinhua-Yonhap", "By Kim Ji-won"]),
    ("caption with file credit",
     page("Exports rise again", "From left are the finance minister and the trade minister. Yonhap-Korea Times file",
          ART), ["From left are the finance minister and the trade minister. Yonhap-Korea Times file"]),
    ("caption with AP photo credit",
     page("Exports rise again", "Workers load cars onto a ship in Ulsan. (AP Photo/Ahn Young-joon)", ART),
     ["Workers load cars onto a ship in Ulsan. (AP Photo/Ahn Young-joon)"]),
    ("byline with e-mail and top stories",
     page("Exports rise again", ART, "Kim Ji-won jwkim@example-news.co.kr", "X", "CLOSE", "Top 10 Stories",
          "Prices of eggs soar as bird flu spreads", "go top LETTER"),
     ["Kim Ji-won jwkim@example-news.co.kr", "Top 10 Stories", "Prices of eggs soar as bird flu spreads"]),
    ("wire credit line and CSS names",
     page("July 25, 2011 / 12:20 PM / 6 years ago", "Exports rise again", "3 Min Read", ART,
          "Reporting by Jane Roe; editing by John Doe", "0 : 0",
          "  • narrow-browser-and-phone\n  • medium-browser-and-portrait-tablet\n  • landscape-tablet"),
     ["3 Min Read", "Reporting by Jane Roe; editing by John Doe", "• narrow-browser-and-phone"]),
    ("copy-site footer",
     page("Exports rise again", ART, "Copyright © 2024 Powered by Example CMS   sitemap", "电话:020-123456789",
          "邮箱:admin@aa.com"),
     ["Copyright © 2024 Powered by Example CMS   sitemap", "邮箱:admin@aa.com"]),
    ("tag list and related link",
     page("Exports rise again", P1, "Read more: Chip exports hit record high", P2, P3, P4, "Tags: exports, trade"),
     ["Read more: Chip exports hit record high", "Tags: exports, trade"]),
    ("advertisement between paragraphs",
     page("Exports rise again", P1, P2, "Advertisement", P3, P4), ["Advertisement"]),
    ("teaser line cut from the first paragraph",
     "Exports rise again\n" + P1[:70] + " 。\n" + ART, [P1[:70] + " 。"]),
    ("image caption label", page("Exports rise again", P1, P2, "Image caption",
                                  "The port of Busan handles most of the country's container traffic", P3, P4),
     ["Image caption", "The port of Busan handles most of the country's container traffic"]),
    ("glued other-script tail", page("Exports rise again", P1, P2, P3, P4 + "欢迎来到 某某新闻网"), ["欢迎来到 某某新闻网"]),
    ("repeated headline and date stamp", page("Go to contents", "Exports rise again", "Exports rise again",
                                               "Posted December. 06, 2014 08:16,", "한국어", ART),
     ["Go to contents", "Exports rise again", "Posted December. 06, 2014 08:16,"]),
]


@pytest.mark.parametrize("name,raw,removed", NOISE_CASES, ids=[c[0] for c in NOISE_CASES])
def test_noise_is_removed_and_article_kept(name, raw, removed):
    doc = run(raw)
    assert doc.ok, doc.reason
    assert paragraphs(doc) == ARTICLE
    flat = [cl.normalise_line(r) for r in doc.removed]
    for line in removed:
        assert cl.normalise_line(line) in flat


def test_trailing_story_credit_stays_in_paragraph():
    last = P4[:-1] + ', he said. (Yonhap)'
    doc = run(page("Exports rise again", P1, P2, P3, last, "• Tag:"))
    assert paragraphs(doc)[-1] == last


def test_short_closing_sentence_is_kept():
    doc = run(page("Exports rise again", *ARTICLE, '"We will see," he said.', "Most Read", "Other story headline here"))
    assert paragraphs(doc) == ARTICLE + ['"We will see," he said.']


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = "\n".join(re.findall(r".{1,72}(?:\s|$)", P1 + " " + P3))
    doc = run(page("Exports rise again", wrapped.strip(), P2, P4))
    assert paragraphs(doc)[0] == P1 + " " + P3


def test_event_digest_keeps_every_item():
    items = ["Rebels attacked a convoy near the border on Thursday, police said.",
             "The ministers agreed to meet again next month.",
             "Protesters blocked roads leading to the capital on Sunday to press their demands for reform."]
    doc = run(page("World roundup", "Published Sunday, 29 May 2005", *items, *ARTICLE))
    assert paragraphs(doc) == items + ARTICLE
    assert ["date", "Published Sunday, 29 May 2005", "pre"] in doc.notes["clean"]["lines"]


def test_short_body_is_dropped():
    doc = run("Headline here\n\nOne short sentence only.")
    assert doc.status == "skipped" and doc.reason == "no_body"


def test_paragraphs_are_single_lines_with_normalised_spaces():
    doc = run(page("Exports rise again", P1.replace(" ", "\u00a0 ", 3), P2, P3, P4))
    for p in paragraphs(doc):
        assert "\n" not in p and "  " not in p and "\u00a0" not in p


def test_markup_remnants_are_stripped():
    assert cl.normalise_line("Kim Jong-un,<strong></strong> President Moon &amp; Trump") == "Kim Jong-un, President Moon & Trump"


def test_html_input_goes_through_the_extractor():
    html = ("<html><head><title>Exports rise again | Example News</title></head><body><nav><a href='/'>Home</a>"
            "</nav><article><h1>Exports rise again</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
            + "<p>Reporting by Jane Roe; editing by John Doe</p></article></body></html>")
    doc = run(html, fmt="html")
    assert doc.ok
    assert P1 in doc.body and P4 in doc.body
    assert "editing by" not in doc.body
    assert doc.notes["html"]["title"]


LINE_KINDS = [
    ("Go to contents", "ui"), ("Facebook share button", "ui"), ("3 Min Read", "ui"),
    ("narrow-browser-and-phone", "ui"), ("Share on Twitter Home Business Email this article Opinion Sign in", "ui"),
    ("Top 10 Stories", "list_header"), ("Related Articles", "list_header"),
    ("By Lee Min-hyung", "byline"), ("Lee Min-hyung mhlee@koreatimes.co.kr", "byline"),
    ("Reporting by Andrew Quinn; editing by Sugita Katyal", "credit"),
    ("Posted December. 06, 2014 08:16,", "date"), ("July 25, 2011 / 12:20 PM / 6 years ago", "date"),
    ("Published Sunday, 29 May 2005", "date"), ("Copyright © 2024 Powered by Foo sitemap", "footer"),
    ("Tags: North Korea, US", "tags"), ("(Yonhap)", "agency_credit"),
    ("By the end of the day, traders had sold most of their holdings in the company, analysts said.", "prose"),
    ("US sticks to dialogue with NK", "short"), ("0 : 0", "junk"), ("发布时间:2024-09-23 04:34:49", "foreign"),
]


@pytest.mark.parametrize("text,kind", LINE_KINDS)
def test_line_kinds(text, kind):
    from onrecord.stages.clean import classify
    ln = prepare_lines(text)[0]
    assert classify(ln) == kind


# --- the sample corpus against its gold --------------------------------------------------------

def _shared() -> pathlib.Path:
    for cand in (ROOT.parent / "shared", pathlib.Path("/work/shared")):
        if (cand / "eval").is_dir():
            return cand
    pytest.skip("the shared evaluation folder is not available")


def _tokens(text: str) -> list[str]:
    text = (text or "").translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "`": "'"}))
    return re.findall(r"[\w]+(?:['\-.][\w]+)*", text.lower())


def _pr(pred: str, gold: str) -> tuple[float, float]:
    p, g = _tokens(pred), _tokens(gold)
    common = sum((collections.Counter(p) & collections.Counter(g)).values())
    return (common / len(p) if p else 0.0), (common / len(g) if g else 0.0)


def _gold_pairs(corpus: str, gold: str):
    shared = _shared()
    out = []
    for g in sorted((shared / gold).glob("*.json")):
        raw = shared / corpus / (g.stem + ".txt")
        if raw.exists():
            out.append((raw, json.loads(g.read_text(encoding="utf-8"))))
    return out


@pytest.mark.parametrize("corpus,gold", [("corpus/seeds", "eval/dev/gold"),
                                         ("eval/events/dev/corpus", "eval/events/dev/gold")])
def test_sample_bodies_match_gold(corpus, gold):
    pairs = _gold_pairs(corpus, gold)
    assert pairs
    ps, rs = [], []
    for raw, g in pairs:
        doc = run(raw.read_text(encoding="utf-8"))
        assert doc.ok, (raw.name, doc.reason)
        p, r = _pr(doc.body, " ".join(g["body_lines"]))
        ps.append(p)
        rs.append(r)
        assert len(paragraphs(doc)) == len(g["body_lines"]), raw.name
    assert sum(ps) / len(ps) >= 0.98
    assert sum(rs) / len(rs) >= 0.98


def test_teaser_several_lines_ahead_is_removed():
    doc = run(page("Exports rise again", P1[:60] + "...", "Posted March 3, 2023", "By Kim Ji-won", ART))
    assert paragraphs(doc) == ARTICLE
    assert P1[:60] + "..." in doc.removed


def test_a_lead_scraped_twice_keeps_one_copy():
    doc = run(page("Exports rise again", P1 + "\n" + P1, P2, P3, P4))
    assert paragraphs(doc) == ARTICLE


def test_a_question_headline_is_not_pulled_into_the_body():
    doc = run(page("Will exports keep rising this year?", *ARTICLE))
    assert paragraphs(doc) == ARTICLE


def test_a_caption_credited_in_brackets_before_the_article_is_removed():
    cap = "A worker checks containers at a port in Busan, Tuesday. (Yonhap)"
    doc = run(page("Exports rise again", cap, *ARTICLE))
    assert paragraphs(doc) == ARTICLE and cap in doc.removed


@pytest.mark.parametrize("line", ["{* /legalAcceptancePostLoginForm_radio *}", "a-" * 2000, "[" * 3000 + "Yonhap"])
def test_pathological_lines_are_labelled(line):
    from onrecord.stages.clean import classify
    assert classify(prepare_lines(line)[0]) in ("short", "junk", "ui", "list", "caption", "prose")


def test_a_list_of_teasers_does_not_outweigh_the_article():
    teasers = []
    for n in range(5):
        teasers += [f"Other story number {n} makes the news", f"{n + 2}H ago",
                    f"A long summary sentence of the other story number {n} that goes on and on with details, "
                    "quotes, numbers and the names of many more officials who said many things."]
    doc = run(page("Exports rise again", *ARTICLE, "Trending News", *teasers))
    assert paragraphs(doc) == ARTICLE


def test_a_sentence_headline_followed_by_its_date_stamp_is_not_the_first_paragraph():
    head = 'Video shows dramatic rescue of the kidnapped girl: "We got her!"'
    doc = run(page(head, "Updated on: November 19, 2019 / 10:07 AM", *ARTICLE))
    assert paragraphs(doc) == ARTICLE and head in doc.removed


def test_html_text_keeps_other_script_quotations_but_not_edge_wrappers():
    from onrecord.stages.clean import classify, find_html_block, keep_in_html
    lines = prepare_lines("\n".join(["发布时间:2024-09-23 来源:某某新闻网", P1, "他说：我们会继续努力工作。", P2, "• 相关新闻 某某"]))
    for ln in lines:
        ln.kind = classify(ln)
    start, end = find_html_block(lines)
    kept = [ln.text for i, ln in enumerate(lines) if start <= i <= end and keep_in_html(ln)]
    assert kept == [P1, "他说：我们会继续努力工作。", P2]


# --- pages as a browser shows them: the article among other text ---------------------------------

STORY = [
    "Dock workers at the port of Rotterdam walked off the job on Monday, halting container traffic at "
    "Europe's largest port for the first time in a decade.",
    "The strike was called by the FNV union after talks with port employers over wages and automation broke "
    "down late on Sunday, union officials said.",
    '"The employers have left us no choice," union spokesman Jan de Vries told reporters outside the port '
    "gates. \"The dock workers want a fair share of what automation brings.\"",
    "The port employers said the strike would cost the port millions of euros a day and urged the union to "
    "return to talks.",
    "Shipping lines began diverting container ships to Antwerp and Hamburg, where port officials said they "
    "could absorb some of the extra traffic from Rotterdam.",
    "The last strike at the port, in 2013, lasted three days and ended with a wage deal for the dock workers.",
    "Talks between the union and the port employers are expected to resume on Wednesday, the union said.",
]
TEASERS = [
    "Chef opens tiny bakery in converted railway carriage",
    "A former pastry chef has turned an old railway carriage into a bakery that sells forty loaves a day.",
    "Orchestra cancels tour after instruments lost in transit",
    "Musicians were left without their cellos when an airline misrouted three crates to another continent.",
    "Scientists map ancient river beneath desert sands",
    "Radar images revealed a buried channel that once carried water across what is now dry land.",
    "Local council approves new cycling lanes downtown",
    "Councillors voted to paint protected lanes on four streets despite objections from shop owners nearby.",
    "Museum returns stolen statue to its village of origin",
    "The bronze figure, taken during a burglary in the seventies, was identified by a visiting historian.",
    "Teenager wins national spelling contest with obscure word",
    "The fourteen-year-old correctly spelled a botanical term that stumped the judges for a full minute.",
    "Farmers report record apple harvest despite late frost",
    "Growers said warm weather in August made up for the damage done to blossoms in the spring months.",
]


def story_page(*before: str, after: tuple[str, ...] = (), story: list[str] = STORY) -> str:
    return "\n".join(["Home", "News", "World", *before, "Rotterdam port strike halts container traffic",
                      "By Anna Berg", "November 18, 2019", *story, *after, "Copyright © 2019 Example News"])


PAGE_CASES = [
    ("comment section after a shorter article",
     story_page(story=STORY[:3], after=("[ 42 comments ]", "Top Rated Comments") + tuple(
         x for n in range(6) for x in (f"reader{n}", f"{n + 1} days ago at 07:4{n} am",
                                        "I think the union is right and the employers have been stalling for far "
                                        "too long on this, as everybody who works at a port knows very well.",
                                        f"Rating: {n + 3} Votes"))), STORY[:3]),
    ("list of teasers on other topics after the article",
     story_page(after=("Latest Headlines",) + tuple(TEASERS) * 2), STORY),
    ("newsletter call, bio and other-topic text after the article",
     story_page(after=("Anna Berg is a freelance writer based in Amsterdam.",
                       "Want more stories like this? Sign up for our daily newsletter.",
                       TEASERS[1], TEASERS[3])), STORY),
    ("inline box of related links inside the article",
     story_page(story=STORY[:3] + ["Related stories"] + TEASERS[0:6:2] + STORY[3:]), STORY),
    ("three headline links in a row inside the article",
     story_page(story=STORY[:4] + TEASERS[0:6:2] + STORY[4:]), STORY),
    ("link lines in capitals, with a Read-more button, or to the site itself",
     story_page(story=STORY[:2] + ["ORCHESTRA CANCELS TOUR AFTER INSTRUMENTS LOST IN TRANSIT", STORY[2],
                                   TEASERS[4], "READ MORE", STORY[3],
                                   "Also on example.com Museum returns stolen statue to its village"] + STORY[4:]),
     STORY),
    ("photo captions by their shape",
     story_page(story=["1of4Dock workers stand at the gates of the port of Rotterdam.", STORY[0],
                       "Media captionThe strike began at dawn on Monday", STORY[1],
                       "Union leader Jan de Vries, left, and port director Piet Smit talk outside the port gates.",
                       "A crane stands idle at the container terminal. Credit: Port of Rotterdam",
                       "Jan de Vries/Example Images", *STORY[2:]]), STORY),
    ("a depicting caption before the first paragraph",
     story_page(story=["Union spokesman Jan de Vries speaks to reporters outside the port gates in Rotterdam.",
                       *STORY]), STORY),
    ("a paragraph cut off as a teaser",
     story_page(story=STORY[:3] + ["Port of Antwerp expects busy week as ships are diverted fr..."] + STORY[3:]),
     STORY),
    ("a press release's about-section",
     story_page(after=("About Example Ports", "Example Ports is a leading operator of container terminals in "
                       "twelve countries, with headquarters in Rotterdam and more than 9,000 employees."
                       " Its terminals handle a fifth of Europe's container traffic.")), STORY),
    ("a cookie notice and a service notice",
     story_page(after=("This website uses cookies to improve your experience while you navigate the website.",
                       "Our service centre can be contacted with any questions: Telephone: 020-7619056 "
                       "Fax: 020-5613699 E-mail: service@example-news.com, on weekdays between 9:00 and 17:00 "
                       "and on Saturdays between 9:00 and 13:00 for delivery requests only.")), STORY),
]


@pytest.mark.parametrize("name,raw,expected", PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_the_article_is_found_among_other_text(name, raw, expected):
    doc = run(raw)
    assert doc.ok, doc.reason
    assert paragraphs(doc) == expected


def test_a_list_introduced_by_a_colon_stays_and_recurring_product_lists_stay():
    items = ["Writing a piece of email marketing", "Speaking to someone on the phone", "Publishing and promoting a book"]
    doc = run(story_page(story=STORY[:3] + ["The union listed its demands:"] + items + STORY[3:]))
    assert paragraphs(doc) == STORY[:3] + ["The union listed its demands:"] + items + STORY[3:]
    deals = []
    for n, p in enumerate(STORY[:-1]):
        deals += [p, f"Cargo crane model {n} for ${n + 5}99 at Example Store", "Get it at Example Store for less",
                  f"Also at Other Store for ${n + 6}49"]
    deals.append(STORY[-1])
    doc = run(story_page(story=deals))
    assert paragraphs(doc) == deals


def test_a_capitalised_question_subheading_stays():
    story = STORY[:3] + ["WILL THE EMPLOYERS RETURN TO THE TABLE?"] + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == story


def test_embedded_posts_stay_with_their_signature():
    post = ["Solidarity with the dock workers of Rotterdam today. pic.twitter.com/abc123",
            "\u2014 Example Union (@ExampleUnion) November 18, 2019"]
    story = STORY[:3] + post + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == story


def test_a_page_holding_the_article_twice_keeps_one_copy():
    doc = run(story_page(story=STORY + ["Share", "Print"] + STORY))
    assert paragraphs(doc) == STORY


def test_a_page_of_teasers_with_glued_headlines_does_not_win():
    glued = [TEASERS[i] + TEASERS[i + 1] for i in range(0, len(TEASERS), 2)]
    doc = run("\n".join(["Latest News", *glued, "Weather", "Sports"]) + "\n" + story_page(story=STORY[:4]))
    assert paragraphs(doc) == STORY[:4]


def test_a_ticker_repeated_on_the_page_does_not_outweigh_the_article():
    ticker = " ".join(TEASERS[1::2]) + " " + " ".join(TEASERS[1::2])
    doc = run("\n".join([ticker, story_page(story=STORY[:3]), "Ticker", ticker]))
    assert paragraphs(doc) == STORY[:3]


def test_the_article_does_not_join_text_above_its_own_date_stamp():
    intro = "This search returns results from our archive of port and shipping news from Rotterdam since 1990."
    doc = run("\n".join(["Search", intro, "Search form", "Rotterdam port strike halts container traffic",
                         "November 18, 2019 | by Anna Berg", *STORY]))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize("text,kind", [
    ("[ 167 comments ]", "meta"), ("Top Rated Comments", "comments"), ("Leave a Reply", "comments"),
    ("6 thoughts on \u201cHow to Lead\u201d", "comments"), ("Want to join the discussion?", "comments"),
    ("2 days ago at 07:47 am", "meta"), ("Rating: 36 Votes", "meta"), ("Alex on September 17, 2018 at 6:34 am said:", "meta"),
    ("20 diggs Promotion", "meta"), ("Updated at 1:23 p.m.", "meta"),
    ("Want more deals? Join the Example Deals Newsletter.", "promo"),
    ("No spam, we promise. You can unsubscribe at any time.", "promo"),
    ("Example Co may earn an affiliate commission if you buy something through links in this article.", "promo"),
    ("GET EXAMPLE NEWS ON THE GO BY CLICKING HERE", "promo"),
    ("Follow Jane Smith on Twitter: @janesmith", "promo"), ("Already a subscriber? Log in.", "promo"),
    ("To continue reading, please subscribe.", "promo"),
    ("Houston\u2019s economy might not be as hot as it looks \u2014 and...", "teaser"),
    ("A.M. Roundup: State lawmakers call the watchdog \u2018unsatisfactory\u2019 after...", "teaser"),
    ("\u2014 The Nigerian Senate (@NGRSenate) October 9, 2018", "embed"),
    ("(Graphic: Global assets in 2019 - here)", "short"),
    ("\u00a9 John Brecher", "caption"), ("\u00a9 2019 Example Media Inc. All Rights Reserved.", "footer"),
    ("Also on example.com Journalists threatened with arrest as unrest spreads", "related"),
    ("http://example.com/wp-content/uploads/2018/10/photo_01.jpg 540 960 admin http://example.com/", "contact"),
    ("Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman, Colleen Long, Eric Tucker and Jill Colvin "
     "contributed to this report.", "credit"),
    ('"We will support you," he said, adding that the union would follow the talks closely.', "prose"),
])
def test_more_line_kinds(text, kind):
    from onrecord.stages.clean import classify
    assert classify(prepare_lines(text)[0]) == kind


@pytest.mark.parametrize("text,expected", [
    ("Jane Doe is a freelance writer based in Toronto.", True),
    ("I am a writer, journalist and professor of media studies.", True),
    ("Example Ports is a leading operator of container terminals in twelve countries.", True),
    ("Vietnam is one of the region's most vocal critics of China's territorial claims.", False),
    ("Trump is a former reality television host.", False),
])
def test_bio_lines(text, expected):
    from onrecord.stages.clean_signals import is_bio
    assert is_bio(text) is expected


@pytest.mark.parametrize("text,edge,expected", [
    ("Stay up to date with Example Ports.", True, True),
    ("Every day we send an email with the top stories from Example.", True, True),
    ("Stay up to date with Example Ports.", False, False),
    ("If you\u2019re like me and you don\u2019t follow football, you may need a primer.", True, False),
    ("Wall Street analysts want to know how many viewers will sign up for the new services.", True, False),
    ("I'm here to tell you that the laws of physics apply to business too.Click To Tweet", True, False),
])
def test_calls_to_act_count_at_the_article_edges_only(text, edge, expected):
    from onrecord.stages.clean_signals import is_promo
    assert is_promo(text, edge=edge) is expected


def test_the_rest_of_a_long_article_after_a_call_to_subscribe_stays():
    story = STORY[:6] + ["GET EXAMPLE NEWS ON THE GO BY CLICKING HERE"] + STORY[6:]
    assert paragraphs(run(story_page(story=story))) == STORY


@pytest.mark.parametrize("raw,expected", [
    ("to watch <The Palace: Tale of Jang Noksu> and", "to watch <The Palace: Tale of Jang Noksu> and"),
    ("if a<b and c>d", "if a<b and c>d"),
    ('<p class="x">Hello</p><br/>', "Hello"),
    ('<img src="a.jpg" alt="x" />ok', "ok"),
])
def test_only_markup_is_stripped(raw, expected):
    assert cl.normalise_line(raw) == expected


def test_a_pull_quote_repeating_a_paragraph_start_is_not_a_teaser():
    quote = "Since 2008, there has not been a single year of revenue gain in the newspaper industry."
    para = ("\u201cSince 2008, there has not been a single year of revenue gain in the newspaper industry,\u201d "
            "says industry analyst Ken Doctor.")
    story = STORY[:3] + [quote, para] + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == story
    html = "<html><body><article><h1>Rotterdam port strike</h1>" + "".join(f"<p>{p}</p>" for p in story) + "</article></body></html>"
    assert quote in run(html, fmt="html").body.split("\n\n")


def test_a_short_subheading_between_paragraphs_stays():
    story = STORY[:3] + ["What next"] + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == story


def test_a_list_with_labelled_parts_after_its_introduction_stays():
    items = ["EASY", "Writing a piece of email marketing", "Speaking to someone on the phone",
             "HARD", "Speaking as a member of a panel", "Delivering the keynote speech at a conference"]
    story = STORY[:3] + ["For me, the list used to look like this:"] + items + STORY[3:]
    expected = STORY[:3] + ["For me, the list used to look like this:"] + [i for i in items if " " in i] + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == expected


def test_a_person_the_article_names_is_not_its_author():
    last = "Jan de Vries is the author of a history of the port, published last year."
    story = STORY + [last]
    assert paragraphs(run(story_page(story=story))) == story
    doc = run(story_page(story=STORY + ["Anna Berg is a freelance writer based in Amsterdam."]))
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize("text,expected", [
    ("North Korea looks set to resume missile tests, analysts in Seoul said on Monday.", False),
    ("Rotterdam port director Piet Smit speaks to reporters at the container terminal on Monday.", True),
    ("A file photo of the container terminal at the port of Rotterdam.", True),
])
def test_depicting_captions(text, expected):
    from onrecord.stages.clean_signals import is_depiction
    assert is_depiction(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("16-inch MacBook Pro's new scissor switch keyboard via iFixit", True),
    ("The report was first published via Twitter.", False),
    ("Parties on the left, right, and center agreed to the budget after a long night of talks.", False),
    ("Union leader Jan de Vries, left, and port director Piet Smit talk outside the gates.", True),
    ("The vote is set for Wednesday, Nov. 20, 2019.", False),
    ("Port workers gather at the gates in Rotterdam, Monday, Nov. 18, 2019.", True),
])
def test_caption_shapes(text, expected):
    from onrecord.stages.clean_signals import is_caption_shape
    assert is_caption_shape(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("The newsletter, published by the ministry, said exports rose for a third month.", False),
    ("Users can download the new app from Monday, the company said.", False),
    ("Google will phase out third-party cookies in its Chrome browser by next year.", False),
    ("Brokers earn a commission on each trade they make for clients.", False),
    ("The company is part of the Volkswagen group.", False),
    ('"Follow me," the officer told the crowd.', False),
    ("Necessary cookies are absolutely essential for the website to function properly.", True),
    ("We and our partners store and/or access information on a device, such as cookies.", True),
    ("You can manage your privacy settings at any time.", True),
    ("The regulator fined the firm for failing to protect the personal data of its users.", False),
    ("Investors weighed the legitimate interests of shareholders.", False),
    ("A.M. Roundup: State lawmakers call the watchdog \u2018unsatisfactory\u2019 after...", False),
])
def test_news_about_sites_and_cookies_is_no_call_to_act(text, expected):
    from onrecord.stages.clean_signals import is_promo
    assert is_promo(text) is expected


def test_a_long_call_to_join_closes_the_article():
    promo = ("If you enjoyed this article, we have a proposition for you: join Example Plus. Members get all of our "
             "content, including the magazine, with no paywalls or content limits, and they get exclusive access to "
             "subscriber-only events with our writers and editors every month of the year.")
    assert paragraphs(run(story_page(story=STORY + [promo]))) == STORY


def test_a_paragraph_opening_with_a_dateline_starts_the_article():
    lede = "ROTTERDAM, Netherlands (AP) \u2014 " + STORY[0]
    page_ = story_page(story=["Property taxes are on the rise in the region. These maps show where and how much.",
                               "Skimming device found at a petrol station", lede, *STORY[1:]])
    assert paragraphs(run(page_)) == [lede, *STORY[1:]]
    letters = ["DEAR ABBY: My husband bought plane tickets to India for a month with his family.",
               "Am I right to feel hurt, and should I tell him so before we leave next week?",
               "DEAR FEELING: Of course you should tell him, and you should do it before you board the plane."]
    assert paragraphs(run(story_page(story=letters + STORY))) == letters + STORY


def test_a_live_report_keeps_its_dateline_line_and_time_stamps():
    intro = "ROTTERDAM, Netherlands (AP) \u2014 The Latest on the strike at the port of Rotterdam (all times local):"
    doc = run(story_page(story=[intro, "10 p.m.", *STORY]))
    assert paragraphs(doc) == [intro, "10 p.m.", *STORY]


OTHER_STORY = [
    "The city council of Ghent voted on Tuesday to close the historic centre to cars from next spring, after "
    "two years of debate over traffic, shops and air quality in the old town.",
    "Shop owners in the centre had warned that the plan would drive customers to malls on the edge of the city, "
    "and several of them said they would take the council to court over the decision.",
    "The mayor said buses, bicycles and delivery vans would still be allowed into the centre at set hours, and "
    "that the council would pay for extra parking at the edge of the old town.",
    "Similar plans in other Belgian cities have cut traffic in their centres by a third, according to a study "
    "published by the federal mobility agency last year.",
    "Residents of the old town, who will keep access to their homes by car, mostly welcomed the vote, the local "
    "residents' association said in a statement on Tuesday evening.",
    "The council will hold a public meeting next month to present the details of the plan to shop owners, "
    "residents and the bus company that runs the lines through the centre.",
    "The closure is due to take effect on the first of April next year, if the court cases do not delay it.",
]


def test_the_first_article_wins_over_the_next_story_a_page_scrolls_on_to():
    raw = story_page(story=STORY[:4]) + "\n" + "\n".join(
        ["Next story", "Ghent closes its old town to cars", "By Piet Smit", "November 19, 2019", *OTHER_STORY])
    assert paragraphs(run(raw)) == STORY[:4]


def test_an_article_split_by_an_inline_box_wins_over_a_longer_list_further_down():
    story = STORY[:2] + ["More from the desk", TEASERS[0], TEASERS[2], "Related: " + TEASERS[4]] + STORY[2:5]
    deals = [x for i in range(0, len(TEASERS), 2) for x in (TEASERS[i] + " for $" + str(10 + i) + ".99",
                                                            TEASERS[i + 1])]
    raw = story_page(story=story, after=("Trending Stories",) + tuple(deals))
    assert paragraphs(run(raw)) == STORY[:5]


def test_a_feed_of_teasers_right_after_the_article_is_cut_off():
    feed = []
    for n in range(0, 8, 2):
        feed += [TEASERS[n], TEASERS[n + 1], f"{n + 2} hours ago"]
    assert paragraphs(run(story_page(story=STORY + feed))) == STORY


def test_a_photo_gallery_and_a_video_player_inside_the_article_are_dropped():
    gallery = ["Photos: the strike at the port"] + [
        f"{n + 1} / 6 Dock workers gather at the gates of the container terminal as the strike begins." for n in range(6)]
    video = ["Now Playing", "1:23", "Up Next"]
    story = STORY[:2] + gallery + STORY[2:4] + video + STORY[4:]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_a_comments_button_among_share_buttons_is_no_comment_section():
    raw = "\n".join(["Home", "Rotterdam port strike halts container traffic", "By Anna Berg", "Facebook", "Twitter",
                     "Comments", "Print", "Email", *STORY, "Copyright \u00a9 2019 Example News"])
    assert paragraphs(run(raw)) == STORY


def test_a_word_the_page_writes_glued_more_than_once_is_a_name_not_a_glued_teaser():
    story = [p.replace("container", "MacBook container") for p in STORY]
    assert paragraphs(run(story_page(story=story))) == story


def test_text_going_on_after_an_inline_box_joins_even_with_few_shared_words():
    lead = ["Three people died on Tuesday in clashes between protesters and security forces near a fuel plant "
            "outside the capital, officials said.",
            "The deaths brought to thirty the number of people killed since the interim government took office "
            "three weeks ago."]
    rest = ["A doctor at the scene told reporters he had tried to save one of the wounded protesters but failed.",
            "Witnesses said helicopters flew low over the area as soldiers cleared the road with tear gas.",
            "The ombudsman's office called on the security forces to withdraw from policing operations at once."]
    story = lead + ["More from the desk", TEASERS[0], TEASERS[2], "Related: " + TEASERS[4]] + rest
    assert paragraphs(run(story_page(story=story))) == lead + rest


def test_a_photographer_s_copyright_inside_the_article_does_not_end_it():
    story = STORY[:3] + ["\u00a9 John Brecher"] + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_a_byline_inside_a_live_report_lets_the_same_story_go_on():
    update = ["Update: the dock workers' union said on Monday evening that the strike at the port of Rotterdam "
              "would go on until the port employers returned to the talks.",
              "Dock workers at the container terminal in Rotterdam said they were ready to strike for weeks, and "
              "port employers said the strike was costing the port of Rotterdam millions."]
    story = STORY + ["By Piet Smit"] + update
    assert paragraphs(run(story_page(story=story))) == STORY + update


def test_a_list_of_same_topic_teasers_each_under_its_headline_does_not_win():
    teasers = []
    for n, port in enumerate(["Antwerp", "Hamburg", "Le Havre", "Bremen", "Felixstowe", "Genoa", "Valencia", "Gdansk"]):
        teasers += [f"Port of {port} braces for strike spillover",
                    f"Dock workers and port employers in {port} said the port strike in Rotterdam could send "
                    f"extra container ships their way within days, union officials said on day {n + 1}."]
    raw = story_page(story=STORY[:4]) + "\n" + "\n".join(["Port news"] + teasers)
    assert paragraphs(run(raw)) == STORY[:4]


def test_table_cells_one_per_line_neither_end_nor_dilute_the_article():
    table = ["Pos", "Player", "Plays", "%", "DE", "Jan de Vries", "60", "92%", "DT", "Piet Smit", "45", "71%"] * 3
    story = STORY[:3] + table + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == STORY


@pytest.mark.parametrize("text,expected", [
    ("The union said talks would resume on Wednesday. PTI", True),
    ("The union said talks would resume on Wednesday. \u2014 AFP", True),
    ("We hope to see you at the port open day! \U0001f642", True),
    ("Come and see the cranes for yourself \U0001f642", False),
    ("A photo taken by the AP", False),
    ("Talks resume. ap", False),
    ("Dock workers stand at the gates of the port in Rotterdam.Reuters", False),
])
def test_a_sentence_ends_before_emoji_and_a_bare_wire_credit(text, expected):
    assert cl.ends_sentence(text) is expected


def test_a_last_paragraph_closed_by_a_bare_wire_credit_stays():
    last = ("Talks between the union and the port employers are expected to resume on Wednesday, the union said "
            "in a statement issued late on Monday. Reuters")
    assert paragraphs(run(story_page(story=STORY[:-1] + [last]))) == STORY[:-1] + [last]


LEDE = ("A fire broke out on Sunday night in a warehouse near the harbour of Bergen, and firefighters fought the "
        "flames until dawn, the city's fire service said.")
REST = ["Nobody was hurt, but smoke drifted over the old town and residents were told to keep their windows shut "
        "until the morning.",
        "Police said they did not yet know what had started it and asked anyone who saw people near the building "
        "late on Sunday to come forward.",
        "The warehouse held paper and furniture for a shipping company, whose owner said the loss ran to several "
        "million kroner."]


@pytest.mark.parametrize("insert", [
    ["More from the desk", TEASERS[0], TEASERS[2], "Related: " + TEASERS[4]],
    ["Photos: the night of the fire"] + [f"{n + 1} / 9 Smoke rises above the roofs near the harbour." for n in range(9)],
])
def test_a_one_paragraph_lede_under_the_head_joins_the_rest_across_a_box(insert):
    raw = "\n".join(["Home", "News", "Warehouse fire in Bergen", "By Anna Berg", "November 18, 2019", LEDE, *insert,
                     *REST, "Tags: fire, Bergen", "Copyright \u00a9 2019 Example News"])
    assert paragraphs(run(raw)) == [LEDE, *REST]


def test_a_paragraph_on_another_topic_after_a_box_does_not_join_a_short_article():
    other = ("Councillors voted to paint protected cycling lanes on four streets despite objections from shop "
             "owners, who feared losing parking spaces for their customers.")
    raw = "\n".join(["Home", "News", "Warehouse fire in Bergen", "By Anna Berg", "November 18, 2019", LEDE, *REST[:2],
                     "More from the desk", TEASERS[0], TEASERS[2], other, "Tags: fire, Bergen"])
    assert paragraphs(run(raw)) == [LEDE, *REST[:2]]


NEXT_STORY = ["Next story", "Ghent closes its old town to cars", "By Piet Smit", "November 19, 2019", *OTHER_STORY]


def test_a_two_paragraph_article_with_buttons_under_its_head_wins_over_the_next_story():
    raw = "\n".join(["Home", "News", "Rotterdam port strike halts container traffic", "By Anna Berg",
                     "November 18, 2019", "Share this story", "Share on Facebook", "Share on Twitter", "Newsletters",
                     "Receive the latest news in your inbox", "Email", *STORY[:2], "Tags: ports, strikes",
                     *NEXT_STORY, "Copyright \u00a9 2019 Example News"])
    assert paragraphs(run(raw)) == STORY[:2]


def test_an_article_opening_with_a_dateline_wins_over_the_next_story():
    story = ["ROTTERDAM, Netherlands (AP) \u2014 " + STORY[0], *STORY[1:4]]
    raw = "\n".join(["Home", "News", "Rotterdam port strike halts container traffic", "Listen to this story", "Play",
                     "0:00", "Share", "Print", "Email", *story, "Tags: ports, strikes", *NEXT_STORY])
    assert paragraphs(run(raw)) == story


def test_an_article_whose_stamp_stands_under_its_standfirst_wins_over_the_next_story():
    standfirst = "Container traffic stopped at Europe's largest port as the union and employers failed to agree."
    raw = "\n".join(["Home", "News", "Rotterdam port strike halts container traffic", standfirst, "Author:",
                     "Anna Berg", "Publish date:", "November 18, 2019", *STORY[:3], "Tags: ports, strikes",
                     *NEXT_STORY])
    assert paragraphs(run(raw)) == STORY[:3]


def test_a_short_article_wins_over_a_much_longer_next_story():
    longer = [f"{p} The council will discuss it again in meeting number {n}." for n in range(3) for p in OTHER_STORY]
    raw = story_page(story=STORY[:2]) + "\n" + "\n".join(NEXT_STORY[:4] + longer)
    assert paragraphs(run(raw)) == STORY[:2]


def test_a_video_player_s_titles_and_blurbs_inside_the_article_are_dropped():
    player = ["Video", "Now Playing", "2:14", "Union leaders address the crowd at the gates",
              "The union's leaders spoke to dock workers before the strike began on Monday.", "Up Next",
              "Storm warning for the coast this weekend", "1:05"]
    story = STORY[:3] + player + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_a_paragraph_mentioning_a_video_stays():
    story = STORY[:3] + ["Watch", "A video posted by the union shows dock workers walking out of the terminal at "
                         "dawn.", *STORY[3:]]
    assert paragraphs(run(story_page(story=story))) == [*STORY[:3], story[4], *STORY[3:]]


def test_a_feed_whose_first_teaser_opens_with_a_dateline_is_cut_off_after_the_article():
    feed = ["Orchestra cancels tour after instruments lost in transit",
            "VIENNA (AP) \u2014 Musicians were left without their cellos when an airline misrouted three crates of "
            "instruments to another continent, the orchestra said on Monday.", "2 hours ago",
            TEASERS[4], "Explainer", "3 hours ago"]
    for n in range(6, 12, 2):
        feed += [TEASERS[n], TEASERS[n + 1], f"{n} hours ago"]
    assert paragraphs(run(story_page(story=STORY[:3] + feed))) == STORY[:3]


def test_a_lone_dateline_paragraph_at_the_end_does_not_take_the_article_s_start():
    teaser = ("VIENNA (AP) \u2014 Musicians were left without their cellos when an airline misrouted three crates of "
              "instruments to another continent, the orchestra said on Monday.")
    doc = run(story_page(story=STORY[:2] + [TEASERS[0], teaser]))
    assert paragraphs(doc)[:2] == STORY[:2]


def test_a_list_under_a_short_line_that_breaks_off_stays():
    items = ["Want to see the port at work but never found the time to visit the container terminal",
             "Wonder where the goods in your local shop came from before they reached the shelves",
             "Ask yourself why the strike matters to people who never set foot in a harbour"]
    story = STORY[:3] + ["If you \u2026"] + items + ["\u2026 read on, because the strike touches you too.", *STORY[3:]]
    kept = paragraphs(run(story_page(story=story)))
    assert all(item in kept for item in items)


def test_paragraphs_without_their_final_stop_under_the_date_stamp_stay():
    unstopped = ["Dock workers at the port of Rotterdam walked off the job on Monday, halting container traffic at "
                 "Europe's largest port for the first time in a decade",
                 "The strike was called by the union after talks over wages broke down late on Sunday"]
    caption = "Dock workers stand at the gates of the container terminal on Monday (Credit: Example Images)"
    raw = "\n".join(["Home", "News", "Rotterdam port strike halts container traffic", "November 18, 2019",
                     *unstopped, caption, *STORY[2:], "Tags: ports"])
    assert paragraphs(run(raw)) == unstopped + STORY[2:]


@pytest.mark.parametrize("text,expected", [
    ("More than 4,000 dock workers are expected to join the strike in coming weeks (Credit: Example Images)", True),
    ("The union gave the employers credit for returning to the table (and little else)", False),
])
def test_a_credit_in_brackets_closes_a_caption(text, expected):
    assert cl.is_caption(text) is expected


@pytest.mark.parametrize("head", ["READ MORE:", "Read more", "See also"])
def test_links_under_a_read_more_label_inside_the_article_are_dropped(head):
    story = STORY[:2] + [head, TEASERS[0], TEASERS[2]] + STORY[2:]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_the_rest_after_a_newsletter_box_joins_however_much_noise_follows_it():
    box = ["Sign up for our newsletter", "Get the day's top stories delivered to your inbox every morning.",
           "Email address", "Sign up", "Thanks for signing up!"]
    second = ("Crews from three neighbouring districts, two tanker trucks and a fireboat joined the effort, spraying "
              "seawater across loading docks, parked lorries, stacked pallets and several timber sheds nearby.")
    rest = ["The fire was out by seven, and investigators began sifting through the ruins of the warehouse.",
            "Insurers sent assessors to the harbour on Monday afternoon to look at the damage.",
            "Bergen's mayor thanked the firefighters in a short statement."]
    after = ["Like this story? Share it with a friend!", "Follow us on", "Trending: council budget vote",
             "Singer picked from forty finalists to open festival (PHOTOS)", "Council approves new cycling lanes downtown"]
    raw = "\n".join(["Home", "News", "Warehouse fire in Bergen", "By Anna Berg", "November 18, 2019", LEDE, second,
                     *box, *rest, *after])
    assert paragraphs(run(raw)) == [LEDE, second, *rest]


def test_a_run_s_size_ends_at_its_last_paragraph():
    from onrecord.stages.clean import segment
    from onrecord.stages.clean_runs import build_runs
    after = ["Like this story? Share it with a friend!", "Follow us on", "Trending: council budget vote",
             "Council approves new cycling lanes downtown"]
    lines, _, _ = segment("\n".join(STORY[:3] + after))
    (first, *_) = build_runs(lines)
    assert (first.start, first.end, first.prose, first.size) == (0, 2, 3, 3)


def test_the_next_story_s_head_counts_past_its_share_buttons():
    nxt = NEXT_STORY[:4] + ["Share", "Tweet", "Email", "Listen to this article", "4 min read"] + NEXT_STORY[4:]
    raw = story_page(story=STORY[:2], after=("Tags: ports, strikes", *nxt))
    assert paragraphs(run(raw)) == STORY[:2]


@pytest.mark.parametrize("text,kind", [
    ("Enlarge this image", "ui"), ("Image", "ui"), ("Hide caption", "ui"), ("toggle caption", "ui"),
    ("Expand", "ui"), ("The images show the port at dawn.", "sentence"),
])
def test_photo_viewer_buttons_are_interface_lines(text, kind):
    from onrecord.stages.clean import Line, classify
    assert classify(Line(raw=text, text=text)) == kind


def test_photo_viewer_buttons_between_paragraphs_are_dropped():
    viewer = ["Image", "Enlarge this image", "Dock workers at the gates on Monday. (AP Photo/Jan Smit)", "toggle caption"]
    story = [x for p in STORY for x in ([p] + viewer)][:-len(viewer)]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_the_article_goes_on_after_a_box_of_seven_links():
    box = ["More in Port news"] + TEASERS[0:14:2] + ["Dock workers at the gates on Monday. (AP Photo/Jan Smit)"]
    raw = "\n".join(["Home", "News", "Warehouse fire in Bergen", "By Anna Berg", "November 18, 2019", LEDE, *box,
                     *REST, "Tags: fire, Bergen"])
    assert paragraphs(run(raw)) == [LEDE, *REST]


def test_a_player_with_elapsed_time_and_duration_lines_is_dropped():
    player = ["Play Video", "0:00 / 2:14", "Union leaders address the crowd at the gates",
              "The union's leaders spoke to dock workers before the strike began on Monday.", "Duration 2:14"]
    story = STORY[:3] + player + STORY[3:]
    assert paragraphs(run(story_page(story=story))) == STORY


def test_a_live_report_s_bare_time_stamps_keep_their_entries():
    entries = ["Union leaders arrive at the port gates.", "Dock workers cheer as the strike begins.",
               "Port employers say they will not return to talks today."]
    story = STORY[:2] + ["10:05", entries[0], "10:30", entries[1], "11:15", entries[2]] + STORY[2:]
    kept = paragraphs(run(story_page(story=story)))
    assert all(e in kept for e in entries)
