"""Language: English kept, other languages dropped, English inside a foreign wrapper kept."""
from __future__ import annotations

import pytest

from onrecord.model import Document
from onrecord.stages.clean import clean
from onrecord.stages.language import detect_language, language_shares

SETTINGS = {"clean": {"min_body_chars": 200}, "language": {"keep": ["en"]}}

EN = ("The finance ministry said on Tuesday that exports rose for a third straight month in October, "
      "helped by strong demand for chips and cars from overseas buyers.\n\n"
      "Shipments to China, the country's largest trading partner, grew 6.1 percent from a year earlier, "
      "while those to the United States climbed 9 percent.")
DE = ("Das Finanzministerium teilte am Dienstag mit, dass die Exporte im Oktober den dritten Monat in Folge "
      "gestiegen sind, getragen von einer starken Nachfrage nach Chips und Autos.\n\n"
      "Die Lieferungen nach China, dem größten Handelspartner des Landes, wuchsen im Jahresvergleich um "
      "6,1 Prozent, während die Lieferungen in die Vereinigten Staaten um 9 Prozent zulegten.")
FR = ("Le ministère des Finances a annoncé mardi que les exportations avaient augmenté pour le troisième mois "
      "consécutif en octobre, soutenues par une forte demande de puces et de voitures.\n\n"
      "Les livraisons vers la Chine, premier partenaire commercial du pays, ont progressé de 6,1 % sur un an, "
      "tandis que celles vers les États-Unis ont grimpé de 9 %.")
ZH = ("财政部周二表示，受海外买家对芯片和汽车强劲需求的推动，十月份出口连续第三个月增长。对中国的出货量同比增长百分之六点一，"
      "而对美国的出货量增长了百分之九。分析人士认为，明年的复苏仍将继续，但欧洲需求疲软的风险依然存在。"
      "政府表示将继续支持出口企业，并加强与主要贸易伙伴的合作。")


def run(body: str, keep=("en",)) -> Document:
    doc = Document(source="t", doc_id="t", fmt="text", body=body)
    return detect_language(doc, {"language": {"keep": list(keep)}})


@pytest.mark.parametrize("body,lang,ok", [
    (EN, "en", True),
    (DE, "de", False),
    (FR, "fr", False),
    (ZH, "zh", False),
])
def test_language_and_drop(body, lang, ok):
    doc = run(body)
    assert doc.language == lang
    assert doc.ok is ok
    if not ok:
        assert doc.reason == "not_english"


def test_other_kept_language():
    doc = run(DE, keep=("en", "de"))
    assert doc.ok and doc.language == "de"


def test_english_with_a_stray_foreign_paragraph_stays_english():
    doc = run(EN + "\n\n" + "欢迎来到新闻网，全国咨询热线")
    assert doc.ok and doc.language == "en"


def test_english_article_inside_a_chinese_site_wrapper_is_kept():
    raw = "\n".join(["欢迎来到 某某新闻网", "全国咨询热线: 020-123456789", "联系我们", "新闻中心",
                     "Exports rise for third month", "来源:某某新闻网  更新时间:2024-05-22 02:47:46", "",
                     EN, "", "• 护航孩子成长 解决职工后顾之忧", "• 科技部刚刚公布,青岛又一项目获国家重点立项!"])
    doc = clean(Document(source="t", doc_id="t", fmt="text", raw=raw), SETTINGS)
    doc = detect_language(doc, SETTINGS)
    assert doc.ok and doc.language == "en"


def test_shares_weigh_paragraphs_by_length():
    shares = language_shares(EN + "\n\n" + "Bonjour.")
    assert shares.most_common(1)[0][0] == "en"


def test_dropped_documents_are_left_alone():
    doc = Document(source="t", doc_id="t", fmt="text", body=DE)
    doc.drop("no_body")
    assert detect_language(doc, SETTINGS).reason == "no_body"


RU = ("В восьмидесятых годах чешская красавица заявила о себе на весь мир. Тогда трудно было найти журнал, "
      "на страницах которого не было бы её фотографий.\n\nЗатем девушка подалась в мир кино. Она снималась у многих "
      "режиссеров, а ее партнерами по фильмам становились известные актеры.\n\nСейчас она живет в Нью-Йорке и "
      "воспитывает двоих сыновей, а также занимается благотворительностью и помогает детям.")
WRAP_TOP, WRAP_BOTTOM = "欢迎来到 新闻中心\n首页 | 国际 | 财经 | 联系我们\n", "\n相关新闻\nCopyright © 2024 Powered by 新闻中心"


@pytest.mark.parametrize("raw, reason", [
    (RU, "not_english"),  # the cleaning removes foreign lines, but the page is a Russian article
    (ZH + "\n\n" + ZH, "not_english"),
    (DE + "\n\n" + FR, "not_english"),  # kept by the cleaning, dropped by the language stage
    # Too short, but in English: nothing to say about the language.
    ("Markets closed higher on Friday.\n\nShares of banks rose.", "no_body"),
    (WRAP_TOP + "Markets closed higher on Friday, led by banks and energy companies." + WRAP_BOTTOM, "no_body"),
])
def test_a_page_with_no_body_left_says_why(raw, reason):
    doc = detect_language(clean(Document(source="t", doc_id="t", fmt="text", raw=raw), SETTINGS), SETTINGS)
    assert (doc.ok, doc.reason) == (False, reason)


def test_no_body_in_a_run_that_keeps_another_language_stays_no_body():
    doc = clean(Document(source="t", doc_id="t", fmt="text", raw=RU[:150]),
                {"clean": {"min_body_chars": 200}, "language": {"keep": ["ru"]}})
    assert doc.reason == "no_body"
