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
