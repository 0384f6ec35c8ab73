"""Chinese rules on constructed sentences: both scripts, maintained place data, agencies, roles, 我国, events."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.chinese import zh_entities
from corpus.enrich.entities.script import to_simplified


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in zh_entities(text)}


def test_entities_zh_script_conversion_keeps_offsets():
    text = "國家發展委員會與臺灣"
    assert len(to_simplified(text)) == len(text) and to_simplified(text) == "国家发展委员会与台湾"


@pytest.mark.parametrize(
    ("simplified", "traditional", "surface_s", "surface_t", "label"),
    [
        ("星河数据研究院院长罗景川出席。", "星河數據研究院院長羅景川出席。", "罗景川", "羅景川", "PERSON"),
        ("星河数据研究院院长罗景川出席。", "星河數據研究院院長羅景川出席。", "星河数据研究院", "星河數據研究院", "ORG"),
    ],
)
def test_entities_zh_traditional_gets_the_same_entities_with_original_offsets(simplified, traditional, surface_s, surface_t, label):
    assert (surface_s, label) in _pairs(simplified)
    assert (surface_t, label) in _pairs(traditional)


@pytest.mark.parametrize("place", ["日本", "广东", "深圳", "德国"])
def test_entities_zh_places_from_maintained_data(place):
    assert (place, "GPE") in _pairs(f"专家认为，{place}的经验值得借鉴。")


def test_entities_zh_dateline_agency_and_international_body():
    text = "新华社记者报道，本报宁波5月3日电 世界贸易组织发布了报告。"
    pairs = _pairs(text)
    assert ("新华社", "ORG") in pairs and ("宁波", "GPE") in pairs and ("世界贸易组织", "ORG") in pairs


def test_entities_zh_our_country_is_china():
    (span,) = [e for e in detect_entities(["我国数字经济规模持续扩大。"], "zh")[0]]
    assert (span.text, span.label, span.canonical_hint) == ("我国", "GPE", "中国")


def test_entities_zh_roles_surname_title_and_organisation_before_role():
    text = "会上，云帆港行政总裁林可欣发言。郑市长致辞时表示欢迎。"
    pairs = _pairs(text)
    assert ("林可欣", "PERSON") in pairs and ("云帆港", "ORG") in pairs and ("郑", "PERSON") in pairs


def test_entities_zh_events_without_quotes_and_organising_forums():
    text = "2022年青山数字峰会开幕，会议期间举办智能治理论坛。蓝湾发展论坛联合主办了活动。"
    pairs = _pairs(text)
    assert ("青山数字峰会", "EVENT") in pairs and ("智能治理论坛", "EVENT") in pairs
    assert ("蓝湾发展论坛", "ORG") in pairs
    assert not any(s.startswith("2022") or s.startswith("举办") for s, _ in pairs)


@pytest.mark.parametrize("bad", ["相关部", "人工智能公司", "立法会议"])
def test_entities_zh_common_words_are_not_names(bad):
    text = "国家相关部门参加。人工智能很重要，人工智能发展快，人工智能公司很多。立法会议员发言。"
    assert bad not in {s for s, _ in _pairs(text)}


@pytest.mark.parametrize("place", ["韓國", "韩国", "北韓", "寮國", "伊朗"])
def test_entities_zh_countries_by_common_name_from_maintained_data(place):
    # pycountry's translations of the common name ("韩国"), not only of the official one ("大韩民国")
    assert (place, "GPE") in _pairs(f"學者認為，{place}的經驗值得借鑑。")


def test_entities_zh_agencies_before_a_dateline_and_joined_by_a_conjunction():
    pairs = _pairs("（新華社北京電）會議開幕。赤帆社與藍灣社報導，活動順利。該社記者在場。")
    assert ("新華社", "ORG") in pairs and ("北京", "GPE") in pairs
    assert ("赤帆社", "ORG") in pairs and ("藍灣社", "ORG") in pairs
    assert not any(s.startswith("該") for s, _ in pairs)


def test_entities_zh_two_organisations_joined_by_a_conjunction_are_not_one_unit():
    pairs = _pairs("青川大學與白石大學共同主辦。钱塘理工大学能源与信息学院发布报告。")
    assert ("青川大學", "ORG") in pairs and ("白石大學", "ORG") in pairs
    assert ("能源与信息学院", "ORG") not in pairs


def test_entities_zh_law_without_title_marks_before_its_draft_or_an_article():
    pairs = _pairs("政府將完成數據安全法修正草案，並依星河管理條例第12條處理。他談到立法第5條。")
    assert ("數據安全法", "LAW") in pairs and ("星河管理條例", "LAW") in pairs
    assert not any(s.endswith("立法") for s, _ in pairs)
