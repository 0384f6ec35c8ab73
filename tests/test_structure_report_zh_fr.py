"""Chinese and French report typesetting rules, each on a small constructed example.

CJK lines join without a space; outline numbering 一、>（一）>1.>（1） and I.>A.>1. gives heading levels; 图/表 and
Graphique/Tableau captions with 数据来源/资料来源 and "Source :" sources; 目录/Sommaire contents pages; Chinese and
French cover fields; circled note numbers and markers after CJK punctuation; roman folios of the front matter.
"""

from __future__ import annotations

import pytest

from corpus.structure.cjk import join_cjk_aware, joins_without_space
from corpus.structure.lines import join_lines
from corpus.structure.report import structure_report
from corpus.structure.report.contents import is_contents_page
from corpus.structure.report.cover import find_date, front_pages, read_cover
from corpus.structure.report.folios import roman_folios, roman_value
from corpus.structure.report.layout import Line
from corpus.structure.report.outline import is_outline_heading, numbering, outline_levels
from corpus.structure.report.patterns import _CAPTION_RE, _SOURCE_RE
from corpus.structure.report.zh import CJK_MARKER_RE, circled_to_digits, cover_publisher, is_edition_line


def _layout(pages: list[list[str]]) -> str:
    """The text layout of a PDF extraction: a blank line after every line, pages joined by a newline + space."""
    return "\n".join((" " if k else "") + "\n\n".join(page) for k, page in enumerate(pages))


def _lines(*texts: str) -> list[Line]:
    return [Line(t, 1, False) for t in texts]


# --- joining wrapped lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("较上年增长3.7万亿元，", "占GDP比重达到42.8%。", "较上年增长3.7万亿元，占GDP比重达到42.8%。"),
    ("工业和信息化部", "推动实施“数字化转型伙伴行动”", "工业和信息化部推动实施“数字化转型伙伴行动”"),
    ("市场规模达到", "1536亿元", "市场规模达到1536亿元"),
    ("占GDP", "比重", "占GDP比重"),
    ("Le marché européen a dépassé 100 milliards", "d’euros en 2023.", "Le marché européen a dépassé 100 milliards d’euros en 2023."),
])
def test_cjk_lines_join_without_space(left, right, joined):
    result = join_lines([left, right])
    assert result.text == joined
    assert result.text[result.starts[1]:] == right


def test_latin_lines_keep_their_space():
    assert not joins_without_space("the report", "says")
    assert join_cjk_aware(["Title", "(2024)"]) == "Title (2024)"
    assert join_cjk_aware(["数据要素市场发展白皮书", "（2024年）"]) == "数据要素市场发展白皮书（2024年）"


# --- outline numbering -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("一、数字经济发展总体态势", "zh_number"), ("（一）规模持续扩大", "zh_paren"), ("1. 场内交易规模扩大", "arabic"),
    ("（1）公共数据授权运营", "arabic_paren"), ("壹、前言", "zh_capital"), ("第二章 数据治理", "chapter"),
    ("1.2 数据流通", "decimal"), ("I. L’état du marché", "roman"), ("A. Une concentration forte", "letter"),
])
def test_numbering_kinds(text, kind):
    assert numbering(text)[0] == kind


def test_no_numbering_for_plain_lines():
    assert numbering("2023年，我国数字经济规模达到53.9万亿元") is None
    assert numbering("A. Smith") is None  # an initial, not a lettered heading
    assert numbering("10家企业") is None


def test_outline_heading_needs_a_short_line_without_sentence_end():
    assert is_outline_heading("（一）规模持续扩大", True, 36)
    assert not is_outline_heading("（一）规模持续扩大。2023年，规模达到53.9万亿元。", True, 36)  # run-in heading
    assert not is_outline_heading("1. 加强数据基础设施建设。", True, 36)  # a numbered list item
    assert not is_outline_heading("（一）规模持续扩大", False, 36)  # inside a paragraph
    assert is_outline_heading("A. Une concentration forte", True, 80)


def test_chinese_outline_levels_follow_the_open_numbers():
    texts = ["前言", "一、现状", "（一）规模", "1. 场内交易", "（1）挂牌", "（二）结构", "（1）公共数据", "二、问题"]
    assert outline_levels(texts, [9] * len(texts)) == [1, 1, 2, 3, 4, 2, 3, 1]


def test_taiwan_outline_starts_at_capital_numerals():
    texts = ["壹、前言", "貳、現況", "一、中小企業", "（一）製造業", "參、建議"]
    assert outline_levels(texts, [9] * len(texts)) == [1, 1, 2, 3, 1]


def test_french_outline_levels():
    texts = ["Résumé", "I. Le marché", "A. Une concentration", "1. Les frais", "B. La dépendance", "II. Les réponses", "Conclusion"]
    assert outline_levels(texts, [9] * len(texts)) == [1, 1, 2, 3, 2, 1, 1]


def test_other_documents_keep_their_levels():
    texts = ["1. Introduction", "1.1 Scope", "2. Findings"]
    assert outline_levels(texts, [1, 2, 1]) == [1, 2, 1]
    assert outline_levels(["I. Part", "1. Chapter"], [1, 2]) == [1, 2]  # roman without letters: the general rules


# --- captions, sources, contents ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "label", "caption"), [
    ("图 1 我国数字经济规模", "图 1", "我国数字经济规模"),
    ("图1：2019—2023年市场规模", "图 1", "2019—2023年市场规模"),
    ("表 2-1 部分数据交易机构", "表 2-1", "部分数据交易机构"),
    ("圖 1 2019-2023年規模", "圖 1", "2019-2023年規模"),
    ("Graphique 1 : Parts de marché", "Graphique 1", "Parts de marché"),
    ("Tableau 2 – Principaux instruments", "Tableau 2", "Principaux instruments"),
])
def test_captions(text, label, caption):
    match = _CAPTION_RE.match(text)
    assert f"{match.group(1)} {match.group(2)}" == label and text[match.end():] == caption


def test_a_sentence_mentioning_a_figure_is_no_caption():
    assert _CAPTION_RE.match("图1显示，数字经济规模持续扩大。") is None


@pytest.mark.parametrize("text", ["数据来源：中国信息通信研究院", "资料来源：根据公开资料整理", "資料來源：本報告整理",
                                  "来源: 国家统计局", "Source : Synergy Research Group, 2024.", "Sources : Eurostat"])
def test_sources(text):
    assert _SOURCE_RE.match(text)


@pytest.mark.parametrize("head", ["目 录", "目录", "目錄", "Sommaire", "Table des matières"])
def test_contents_heads(head):
    assert is_contents_page(_lines(head, "第一部分 总体态势", "结语"))


# --- covers --------------------------------------------------------------------------------------------


def test_chinese_cover_title_edition_publisher_date():
    lines = ["数据要素市场发展白皮书", "（2024年）", "某某数字治理研究院", "2024年12月"]
    cover = read_cover(lines)
    assert cover.title == "数据要素市场发展白皮书（2024年）"
    assert cover.date.month_text == "2024-12" and cover.date.day is None
    assert cover_publisher(lines) == "某某数字治理研究院"
    assert is_edition_line("（2023年版）") and not is_edition_line("（一）规模")


@pytest.mark.parametrize(("text", "iso"), [
    ("2024年8月", "2024-08"), ("2024年8月12日", "2024-08-12"), ("中華民國113年6月", "2024-06"),
    ("Juin 2024", "2024-06"), ("1er mars 2024", "2024-03-01"), ("12 décembre 2023", "2023-12-12"),
])
def test_chinese_and_french_dates(text, iso):
    found = find_date(text)
    assert (found.date.isoformat() if found.day else found.month_text) == iso


def test_french_cover_question_title_and_authors():
    cover = read_cover(["INSTITUT EXEMPLE", "Rapport", "Souveraineté numérique et informatique en",
                        "nuage : quelle stratégie pour l’Europe ?", "Claire Dubois et Julien Martin", "Juin 2024"])
    assert cover.title == "Souveraineté numérique et informatique en nuage : quelle stratégie pour l’Europe ?"
    assert cover.authors == ("Claire Dubois", "Julien Martin")


def test_a_preface_page_before_the_contents_is_body():
    pages = [["某某白皮书", "某某研究院", "2024年8月"], ["前 言", "数据是新型生产要素。" * 4, "数据是新型生产要素。" * 4, "数据。"],
             ["目 录", "一、现状 .......... 1"]]
    assert front_pages(pages, [2], 40) == [0]


# --- notes ----------------------------------------------------------------------------------------------


def test_circled_note_numbers_read_as_digits():
    assert circled_to_digits("① 国家数据局，《报告》。") == "1 国家数据局，《报告》。"
    assert circled_to_digits("②场外交易") == "2 场外交易"
    assert circled_to_digits("增速。③其中") == "增速。3其中"


@pytest.mark.parametrize(("text", "markers"), [
    ("占GDP比重达到42.8%。1广东", ["1"]), ("缺乏参照。2", ["2"]), ("增长最快3。", ["3"]),
    ("2023年，3家企业", []), ("增长3倍。", []), ("近10年来", []),
])
def test_cjk_markers(text, markers):
    assert [m.group(1) for m in CJK_MARKER_RE.finditer(text)] == markers


def test_roman_folios():
    assert [roman_value(t) for t in ("I", "ii", "IV", "IIII", "A")] == [1, 2, 4, None, None]
    pages = [_lines("前言", "正文。", "I"), _lines("目 录", "II"), _lines("一、现状", "正文。", "1")]
    assert roman_folios(pages) == {(0, 2), (1, 1)}


# --- a whole constructed excerpt -------------------------------------------------------------------------


_BODY = "2023年，我国数据要素市场规模达到1536亿元，同比增长约25%，增速"
_REPORT = _layout([
    ["某某市场发展白皮书", "（2024年）", "某某数字治理研究院", "2024年8月"],
    ["一、市场发展现状", "（一）规模快速增长", _BODY, "明显高于数字经济整体增速。1其中，数据采集、数据存储和数据加工环",
     "节的市场规模占比超过六成。", "图 1 市场规模（亿元）", "1500", "1000", "500", "0", "2019 2020 2021 2022 2023",
     "数据来源：某某研究院测算", "1 国家数据局，《数字中国发展报告（2023年）》，2024年5月。", "1"],
    ["（二）交易机构加快布局", "截至2024年6月，全国已设立数据交易机构超过40家，各地交易机构在产", "品登记和定价机制等方面开展了探索。",
     "二、面临的主要问题", "数据权属关系复杂，是制约数据流通的突出问题。", "2"],
])


def test_chinese_excerpt_end_to_end():
    doc = structure_report(_REPORT)
    assert doc.title == "某某市场发展白皮书（2024年）" and doc.published_month == "2024-08"
    assert doc.publisher == "某某数字治理研究院" and doc.script == "Hans"
    assert [(s.heading, s.level) for s in doc.sections if s.kind == "heading"] == [
        ("一、市场发展现状", 1), ("（一）规模快速增长", 2), ("（二）交易机构加快布局", 2), ("二、面临的主要问题", 1)]
    assert "增速明显高于数字经济整体增速。其中，数据采集" in doc.text  # joined without a space, marker removed
    assert "数据加工环节的市场规模" in doc.text
    note = doc.footnotes[0]
    assert note.number == 1 and note.text.startswith("国家数据局") and doc.text[note.anchor - 1] == "。"
    assert [(f.label, f.caption, f.source) for f in doc.figures] == [("图 1", "市场规模（亿元）", "某某研究院测算")]
    assert "1500" not in doc.text and "2019 2020" not in doc.text
    assert "\n1\n" not in f"\n{doc.text}\n" and "\n2\n" not in f"\n{doc.text}\n"


# --- more habits of Chinese and French reports -----------------------------------------------------------


@pytest.mark.parametrize(("text", "iso"), [("二〇二四年八月", "2024-08"), ("二〇二三年十二月", "2023-12"), ("2024 年 8 月", "2024-08")])
def test_dates_in_chinese_numerals_and_spaced(text, iso):
    assert find_date(text).month_text == iso


@pytest.mark.parametrize(("text", "markers"), [("万亿元，1占", ["1"]), ("增长25%1。", ["1"]), ("其中，1月份", [])])
def test_cjk_markers_after_commas_and_percent(text, markers):
    assert [m.group(1) for m in CJK_MARKER_RE.finditer(text)] == markers


def test_letter_spaced_heading_closed_up():
    doc = structure_report(_layout([
        ["某某研究报告", "某某研究院", "2024年8月"],
        ["前 言", "数据是新型生产要素，是数字化、网络化、智能化的基础。近年来，我国数据", "要素市场建设步伐加快。",
         "一、市场发展现状", "数据权属关系复杂，是制约数据流通的突出问题，需要加快完善制度规则。", "1"],
    ]))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["前言", "一、市场发展现状"]


def test_figure_note_labels():
    from corpus.structure.report.patterns import _FIGURE_NOTE_RE
    assert _FIGURE_NOTE_RE.match("注：2023年为初步核算数。") and _FIGURE_NOTE_RE.match("Note : données provisoires.")


def test_french_by_line_and_accented_numbered_heading():
    from corpus.structure.report.patterns import _NUMBERED_HEADING_RE
    assert read_cover(["Rapport sur l’informatique en nuage", "Par Claire Dubois", "Mars 2024"]).authors == ("Claire Dubois",)
    assert _NUMBERED_HEADING_RE.match("1. État des lieux")


def test_chinese_table_without_source_ends_at_running_text():
    from corpus.structure.report.tables import leaves_table
    assert leaves_table("二、面临的主要问题", 36)
    assert leaves_table("目前，多数数据交易仍以场外点对点方式进行，交易价格和交易条件缺乏公开", 36)
    assert not leaves_table("上海数据交易所 2021年 2100", 36)
    doc = structure_report(_layout([
        ["某某研究报告", "某某研究院", "2024年8月"],
        ["一、交易机构", "截至2024年6月，全国已设立数据交易机构超过40家，各地交易机构在产品登", "记和定价机制等方面开展了探索。",
         "表 1 部分数据交易机构", "机构 成立时间", "上海数据交易所 2021年", "二、面临的主要问题",
         "数据在采集、加工和使用过程中涉及多方主体，权属关系复杂，是制约数据流", "通的突出问题。", "1"],
    ]))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["一、交易机构", "二、面临的主要问题"]


def test_cjk_marker_before_a_space():
    assert [m.group(1) for m in CJK_MARKER_RE.finditer("达到 42.8%。1 广东")] == ["1"]
    assert [m.group(1) for m in CJK_MARKER_RE.finditer("。3 家企业")] == []


def test_space_after_a_cjk_marker_goes_with_it():
    doc = structure_report(_layout([
        ["某某研究报告", "某某研究院", "2024年8月"],
        ["一、国际组织", "2023 年以来，联合国、经济合作与发展组织等国际组织密集发布人工智能", "治理文件。1 联合国大会于 2024 年 3 月通过首个人工智能决议。",
         "二、国内实践", "我国坚持发展和安全并重，先后出台算法推荐和深度合成等管理规定。", "1 联合国大会第 78/265 号决议。", "1"],
    ]))
    assert "治理文件。联合国大会" in doc.text
    assert doc.footnotes[0].text == "联合国大会第 78/265 号决议。"
