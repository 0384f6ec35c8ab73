"""Site habits of news pages beyond the development set: Republic-of-China era dates, publication and update
stamps on one line, captions with an unbracketed credit, lists of related links, legal notices closing the
page, counter and font-size labels. Every page here is constructed for the test (invented sites and people).
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.structure.news import structure_news
from corpus.structure.news_dates import find_dates, read_value_date, roc_numeric_date
from corpus.structure.news_lines import COPYRIGHT, COUNTER, furniture_reason, legal_notice
from corpus.structure.news_meta import UPDATED, parse_metadata_line
from tests.conftest import removed_by_reason
from tests.test_structure_news_pages import BODY_EN, BODY_EN_2, BODY_FR

BODY_ZH = "海港研究院今（2）日發布資料跨境流動指引，協助各機關在保護個人資料的前提下推動資料共享。"
BODY_ZH_2 = "研究院表示，將於下半年辦理說明會，並邀請地方政府參與試辦計畫。"


# --- Republic of China era dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("113-05-02", dt.date(2024, 5, 2)), ("113/5/2", dt.date(2024, 5, 2)), ("民國113.05.02", dt.date(2024, 5, 2)),
     ("民国99-01-05", dt.date(2010, 1, 5)), ("113-02-30", None), ("Report 113-05-02", None), ("2024-05-02", None)],
)
def test_news_dates_roc_numeric_value(value, expected):
    assert roc_numeric_date(value) == expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [("民國113年3月5日", "2024-03-05"), ("113年3月5日", "2024-03-05"), ("民国99年5月", "2010-05"),
     ("2024年3月5日", "2024-03-05"), ("3月5日", "--03-05")],
)
def test_news_dates_roc_year_in_characters(text, iso):
    assert [m.iso for m in find_dates(f"發布日期：{text}")] == [iso]


def test_news_dates_roc_value_keeps_its_time():
    value = read_value_date("113/05/02 14:30", False)
    assert value is not None and value.date == dt.date(2024, 5, 2) and value.time == "14:30"


def test_structure_news_roc_dated_press_release():
    page = (
        "海港研究院全球資訊網\n首頁 > 新聞與公告 > 新聞稿\n字級設定：小 中 大\n"
        "海港研究院發布資料流通指引\n發布日期：113-05-02\n發布單位：海港研究院資料政策處\n更新日期：113-05-03\n"
        f"{BODY_ZH}\n{BODY_ZH_2}\n瀏覽人次：1,234\n回上一頁"
    )
    doc = structure_news(page)
    assert doc.title == "海港研究院發布資料流通指引"
    assert doc.published_date == dt.date(2024, 5, 2)
    assert doc.text == f"{BODY_ZH}\n\n{BODY_ZH_2}"
    assert "更新日期：113-05-03" in removed_by_reason(doc)["metadata"]


# --- publication and update stamps on one line --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Publié le 12 février 2024, modifié le 13 février 2024 à 09h10",
     "Mis en ligne le 12 février 2024 - Mis à jour le 13 février 2024 à 09h10",
     "Posted 12 February 2024; updated 13 February 2024 09:10"],
)
def test_news_meta_publication_and_update_stamps_on_one_line(line):
    meta = parse_metadata_line(line)
    assert meta is not None
    published, updated = meta.dates
    assert published[0] != UPDATED and published[1].date == dt.date(2024, 2, 12) and published[1].time is None
    assert updated[0] == UPDATED and updated[1].date == dt.date(2024, 2, 13) and updated[1].time == "09:10"


def test_structure_news_update_time_is_not_the_publication_time():
    page = (f"Forum annuel des réseaux à Marseille\nPar Claire Dubois\n"
            f"Publié le 12 février 2024, modifié le 13 février 2024 à 09h10\n\n{BODY_FR}\n")
    doc = structure_news(page)
    assert doc.published_date == dt.date(2024, 2, 12)
    assert doc.published_time is None


def test_news_meta_sentence_with_an_update_word_is_not_metadata():
    assert parse_metadata_line("The rules were first published in 2019, updated in March 2021.") is None


# --- captions with an unbracketed credit ---------------------------------------------------------------


def test_structure_news_caption_under_image_with_unbracketed_credit():
    caption = "Participants at the workshop in Lisbon. Photo: Harbour Institute / Jane Roe"
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\nworkshop.jpg\n{caption}\n\n{BODY_EN_2}\n")
    assert caption not in doc.text and "Participants" not in doc.text
    (figure,) = doc.figures
    assert (figure.label, figure.caption, figure.source) == (
        "workshop.jpg", "Participants at the workshop in Lisbon.", "Harbour Institute / Jane Roe")


@pytest.mark.parametrize(
    "caption",
    ["Une chercheuse dans un centre de données à Lyon, en janvier 2024. Photo : Li Wen / AFP",
     "A visitor tries a chatbot at an exhibition in Lisbon. Reuters/Jane Roe"],
)
def test_structure_news_caption_without_image_line_with_unbracketed_credit(caption):
    doc = structure_news(f"Forum annuel des réseaux à Marseille\n\n{BODY_FR}\n\n{caption}\n\n{BODY_EN_2}\n")
    assert caption[:20] not in doc.text
    assert ("photo_caption", caption) in doc.removed


def test_structure_news_paragraph_ending_with_a_photo_word_is_text():
    paragraph = "The talks ended without a statement. Photo opportunities were limited to the opening session."
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\n{paragraph}\n\n{BODY_EN_2}\n")
    assert paragraph in doc.text


# --- lists of related links ------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Related", "Sur le même sujet", "相关新闻"])
def test_structure_news_list_label_heads_several_links(label):
    links = ["Briefing: What Data Rules Mean for Ports", "Event recap: Port Data Dialogue with Lisbon Researchers",
             "Harbour Institute Welcomes New Fellows"]
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\n{BODY_EN_2}\n\n{label}\n" + "\n".join(links)
                         + "\nThe Harbour Institute thanks its partners for their continued support.\n")
    assert not any(link in doc.text for link in links)
    assert list(doc.related_links) == links


def test_structure_news_link_list_stops_at_a_blank_line():
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\nRead more\nPort Data Rules Explained\n\n"
                         f"Findings\n\n{BODY_EN_2}\n")
    assert doc.related_links == ("Port Data Rules Explained",)
    assert "Findings" in doc.text


# --- legal notices closing the page --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [("The Harbour Institute is a registered charity in England and Wales (No. 1098765).", True),
     ("Harbour Institute, registered charity number 1098765", True),
     ("Observatoire des réseaux, association loi 1901.", True),
     ("沪ICP备12345678号", True),
     ("The institute registered its new office in Lisbon last year.", False)],
)
def test_news_lines_legal_notice(line, expected):
    assert legal_notice(line) is expected


def test_structure_news_legal_notice_closing_the_page_is_furniture():
    notice = "The Harbour Institute is a registered charity in England and Wales (No. 1098765)."
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\n{BODY_EN_2}\n\n{notice}\n"
                         "© 2025 Harbour Institute\nPrivacy policy | Terms of use\n")
    assert notice not in doc.text
    assert notice in removed_by_reason(doc)[COPYRIGHT]


def test_structure_news_legal_sentence_inside_the_article_is_text():
    sentence = "The Harbour Institute is a registered charity in England and Wales (No. 1098765)."
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\n{sentence}\n\n{BODY_EN_2}\n")
    assert sentence in doc.text


# --- counters and reader tools -------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["瀏覽人次：1,234", "點閱次數：856", "访问量 12", "观看次数：3万"])
def test_news_lines_counter_labels(line):
    assert furniture_reason(line) == COUNTER


@pytest.mark.parametrize("line", ["字級設定：小 中 大", "字体大小：大 中 小", "【字号 大 中 小】"])
def test_news_lines_font_size_tools(line):
    assert furniture_reason(line) == "widget_residue"


def test_structure_news_counter_before_the_body_is_not_the_title():
    doc = structure_news(f"首頁 > 市政新聞\n海港研究院發布資料流通指引\n點閱次數：856\n{BODY_ZH}\n{BODY_ZH_2}")
    assert doc.title == "海港研究院發布資料流通指引"


# --- HTML titles "Headline | Site Name" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    ["Workshop Reviews Port Data Rules | Harbour Times\nHarbour Times\n\n{body}\n",
     "Workshop Reviews Port Data Rules | Harbour Times\n\n{body}\n\n© 2025 Harbour Times. All rights reserved.\n",
     "Workshop Reviews Port Data Rules - Harbour Times\nHarbour Times\n\n{body}\n"],
)
def test_structure_news_html_title_loses_a_site_name_the_page_prints(page):
    doc = structure_news(page.format(body=BODY_EN))
    assert doc.title == "Workshop Reviews Port Data Rules"
    assert doc.text == BODY_EN


@pytest.mark.parametrize(
    "page",
    ["Workshop Reviews Port Data Rules | Harbour Times\n\n{body}\n",  # no evidence that "Harbour Times" is the site
     "Workshop Reviews Port Data Rules - Harbour Times\n\n{body}\n\nHarbour Times staff contributed to this report.\n"],
)
def test_structure_news_title_suffix_without_evidence_is_kept(page):
    doc = structure_news(page.format(body=BODY_EN))
    assert doc.title.endswith("Harbour Times")


def test_structure_news_menu_line_is_not_an_html_title():
    doc = structure_news(f"Harbour Times\nNews | Events | Research\nEvents\nWorkshop Reviews Port Data Rules\n\n{BODY_EN}\n")
    assert doc.title == "Workshop Reviews Port Data Rules"


# --- bylines with a trailing date and time, other source labels, "Credit:" ------------------------------


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [("Par Claire Dubois le 05/03/2024 à 14h20", dt.date(2024, 3, 5), "14:20"),
     ("By Jane Roe, March 5, 2024 at 2:20 pm", dt.date(2024, 3, 5), "14:20")],
)
def test_news_meta_byline_with_trailing_date_and_time(line, date, time):
    meta = parse_metadata_line(line)
    assert meta is not None and meta.authors in (("Claire Dubois",), ("Jane Roe",))
    assert [(v.date, v.time) for _, v in meta.dates] == [(date, time)]


@pytest.mark.parametrize("line", ["資料來源：海港研究院", "消息来源：海港研究院"])
def test_news_meta_source_labels(line):
    meta = parse_metadata_line(line)
    assert meta is not None and meta.organisations == ["海港研究院"]


def test_structure_news_caption_with_english_credit_label():
    caption = "Delegates at the workshop. Credit: Jane Roe/Harbour Institute"
    doc = structure_news(f"Workshop Reviews Port Data Rules\n\n{BODY_EN}\n\nworkshop.jpg\n{caption}\n\n{BODY_EN_2}\n")
    assert "Delegates" not in doc.text
    assert doc.figures[0].source == "Jane Roe/Harbour Institute"


# --- a government site's issuing-organ label and a caption closed by its credit ----------------------


def test_structure_news_issuing_organ_label_is_metadata_not_the_title():
    page = (
        "港灣市政府全球資訊網\n首頁 > 市政新聞\n港灣市推動資料開放 企業可申請使用\n發布日期：113-06-10\n"
        f"發文機關：港灣市政府資訊中心\n{BODY_ZH}\n{BODY_ZH_2}\n回上一頁"
    )
    doc = structure_news(page)
    assert doc.title == "港灣市推動資料開放 企業可申請使用"
    assert "發文機關：港灣市政府資訊中心" in removed_by_reason(doc)["metadata"]
    assert "資訊中心" not in doc.text


@pytest.mark.parametrize("caption", ["簽約儀式現場（海港研究院提供）", "研討會現場（記者林小華攝）"])
def test_structure_news_caption_closed_by_a_bracketed_credit_is_a_photo_line(caption):
    page = f"海港研究院舉辦資料研討會\n發布日期：113-06-10\n{BODY_ZH}\n現場.jpg\n{caption}\n{BODY_ZH_2}\n"
    doc = structure_news(page)
    assert caption not in doc.text
    assert doc.text == f"{BODY_ZH}\n\n{BODY_ZH_2}"


def test_structure_news_body_sentence_ending_with_a_bracketed_source_stays_body():
    sentence = "研究院表示，相關數據已於今年上半年完成彙整，並將於下半年公開（資料由研究院提供）。"
    page = f"海港研究院舉辦資料研討會\n發布日期：113-06-10\n{BODY_ZH}\n{sentence}\n"
    assert sentence in structure_news(page).text
