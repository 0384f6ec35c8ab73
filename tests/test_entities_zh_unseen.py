"""Chinese rules for pages nobody tuned on (zhent5): span edges, organisation and event heads, headless
companies known from their context, persons around role and saying words, regions, and 《》 titles whose
head is a legal instrument. Constructed sentences, both scripts."""

from __future__ import annotations

import pytest

from corpus.enrich.entities.chinese import zh_entities


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in zh_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("西岭数字经济研究院有关负责人介绍了情况。", "西岭数字经济研究院"),
        ("南川市数据管理局相关负责人表示，将加快建设。", "南川市数据管理局"),
        ("臺北市政府資訊局相關負責人表示，將加強資安。", "臺北市政府資訊局"),
        ("云栖港有关负责人介绍，项目已启动。", "云栖港"),
    ],
)
def test_entities_zh_name_ends_before_the_words_that_follow_it(text, name):
    pairs = _pairs(text)
    assert (name, "ORG") in pairs
    assert not any(s.endswith(("有关", "相关", "相關")) for s, _ in pairs)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("东港商品交易所发布公告。", ["东港商品交易所"]),
        ("科学技术部、教育部和农业农村部联合发文。", ["科学技术部", "教育部", "农业农村部"]),
        ("工业和信息化部召开新闻发布会。", ["工业和信息化部"]),
        ("创新科技及工业局发布数据。", ["创新科技及工业局"]),
        ("市场监管总局会同国家网信办等部门开展检查。", ["市场监管总局", "国家网信办"]),
        ("北山市发展和改革委印发通知。", ["北山市发展和改革委"]),
    ],
)
def test_entities_zh_department_heads_and_fields_joined_by_a_conjunction(text, names):
    pairs = _pairs(text)
    assert all((n, "ORG") in pairs for n in names), pairs


@pytest.mark.parametrize("text", ["他们在内部和外部都很重视。", "主任委员讲话。", "活动由我们主办，大家积极参加。", "中国和美国外交部"])
def test_entities_zh_words_ending_in_a_head_are_not_names(text):
    assert not {s for s, lab in _pairs(text) if lab == "ORG" and len(s) <= 4 and s.endswith(("部", "委", "办"))} - {"外交部"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("百川、云杉、海豚等6家企业签约入驻。", ["百川", "云杉", "海豚"]),
        ("支持京远科技、拓海智能等多家公司出海。", ["京远科技", "拓海智能"]),
        ("企业如华光电子、锐思科技已开展试点。", ["华光电子", "锐思科技"]),
        ("本次活动由云栖数科主办，星汉传媒承办。", ["云栖数科", "星汉传媒"]),
        ("國泰航空、港鐵等大企業參與計劃。", ["國泰航空", "港鐵"]),
        ("依图科技、星河云等平台加强审核。", ["依图科技", "星河云"]),
    ],
)
def test_entities_zh_companies_without_a_head_known_by_their_context(text, names):
    pairs = _pairs(text)
    assert all((n, "ORG") in pairs for n in names), pairs


@pytest.mark.parametrize("text", ["高校、科研院所等机构参与。", "北京、上海等地企业加快转型。", "活动由我们主办。", "京远科技等多家公司参与。",
                                  "中小企业、头部企业等各类企业", "两所大学和三家银行合作。"])
def test_entities_zh_classes_places_and_counts_are_not_company_names(text):
    assert not {s for s, lab in _pairs(text) if lab == "ORG"} - {"京远科技"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("专家李明远认为，数据要素市场潜力巨大。", "李明远"),
        ("律師陳靜表示，條文仍需細化。", "陳靜"),
        ("张建国表示，这一政策意义重大。", "张建国"),
        ("欧阳明辉认为，应扩大开放。", "欧阳明辉"),
        ("北岭大学教授司马文清指出，规则需要细化。", "司马文清"),
        ("记者张三报道，项目已经完工。", "张三"),
    ],
)
def test_entities_zh_persons_after_people_nouns_and_before_saying(text, name):
    assert (name, "PERSON") in _pairs(text)


@pytest.mark.parametrize("text", ["专家组认为，应当加强监管。", "学者们指出，问题严重。", "数据专家表示，前景可期。", "韩国表示，将继续合作。"])
def test_entities_zh_people_nouns_without_a_name_give_no_person_or_organisation(text):
    assert not {s for s, lab in _pairs(text) if lab in ("PERSON", "ORG")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("第135届中国进出口商品交易会开幕。", "第135届中国进出口商品交易会"),
        ("2024世界人工智能大会于7月举行。", "2024世界人工智能大会"),
        ("第八屆海峽兩岸經貿交易會在廈門舉行。", "第八屆海峽兩岸經貿交易會"),
        ("青山创新创业大赛吸引了众多团队。", "青山创新创业大赛"),
    ],
)
def test_entities_zh_events_by_their_heads_with_ordinal_or_year(text, name):
    assert (name, "EVENT") in _pairs(text)


def test_entities_zh_a_year_with_nian_dates_the_sentence_not_the_event():
    assert ("青山数字峰会", "EVENT") in _pairs("2022年青山数字峰会开幕。")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("《网络数据分类分级指引（试行）》发布。", "网络数据分类分级指引（试行）"),
        ("《人工智能法（草案）》提交审议。", "人工智能法（草案）"),
        ("《数据安全管理办法（征求意见稿）》公开征求意见。", "数据安全管理办法（征求意见稿）"),
        ("《全国一体化算力网络实施方案》印发。", "全国一体化算力网络实施方案"),
        ("《数据交易场所管理规则》公布。", "数据交易场所管理规则"),
        ("《資通安全管理法（草案）》送審。", "資通安全管理法（草案）"),
        ("《個人資料（私隱）條例》修訂。", "個人資料（私隱）條例"),
    ],
)
def test_entities_zh_titles_ending_in_a_legal_instrument_with_their_status(text, name):
    assert (name, "LAW") in _pairs(text)


@pytest.mark.parametrize("text", ["《方案》提出了目标。", "他在《数字中国发展报告》中写道。", "他的著作《数据的边界》出版。", "《学习方法》一书畅销。"])
def test_entities_zh_short_forms_books_and_reports_in_title_marks_are_not_laws(text):
    assert not {s for s, lab in _pairs(text) if lab == "LAW"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("雄安新区建设稳步推进。", "雄安新区"),
        ("推进粤港澳大湾区建设。", "粤港澳大湾区"),
        ("深圳将依托粤港澳大湾区建设跨境数据平台。", "粤港澳大湾区"),  # 依 is a function character that opens the verb 依托
        ("长江经济带沿线省市加强协作。", "长江经济带"),
        ("广西自贸区南宁片区发布新政。", "广西自贸区"),
        ("支持上海临港新片区先行先试。", "上海临港新片区"),
        ("政府在北部都會區預留土地。", "北部都會區"),
        ("海淀区的科技企业数量居首。", "海淀区"),
    ],
)
def test_entities_zh_regions_and_zones_beyond_the_gazetteer(text, name):
    assert (name, "GPE") in _pairs(text)


@pytest.mark.parametrize("text", ["加快建设自贸区。", "全国共有19个国家级新区。", "该新区的面积很大。", "社区和园区都已开放。"])
def test_entities_zh_generic_zones_are_not_places(text):
    assert not {s for s, lab in _pairs(text) if lab == "GPE"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("近日青州市人民政府办公室印发通知。", "青州市人民政府办公室", "ORG"),
        ("今年已有东岳云、青禾智能等30余家企业入驻。", "东岳云", "ORG"),
        ("經濟部長王美花日前表示，將協助中小企業。", "經濟部", "ORG"),
        ("該研究由國家科學及技術委員會資助。", "國家科學及技術委員會", "ORG"),
        ("台積電、聯發科等科技大廠亦加入行列。", "聯發科", "ORG"),
        ("成果发表于《星河》杂志。", "星河", "ORG"),
    ],
)
def test_entities_zh_name_edges_after_time_words_and_heads_inside_roles(text, name, label):
    assert (name, label) in _pairs(text)


@pytest.mark.parametrize("text", ["研究團隊負責人說明，未來將合作。", "会上，有关负责人解读了文件。", "项目负责人表示满意。"])
def test_entities_zh_groups_and_verbs_around_a_role_are_not_names(text):
    assert not {s for s, lab in _pairs(text) if lab in ("PERSON", "ORG")}


def test_entities_zh_hosts_listed_before_the_verb_with_an_organisation_among_them():
    for text in ("會上，市府與星策會、雲端時代舉辦論壇。", "會上,市府與星策會、雲端時代舉辦論壇。"):  # full-width or ASCII comma
        assert ("雲端時代", "ORG") in _pairs(text)
    assert not {s for s, lab in _pairs("会上，学校与家长合办活动。") if lab == "ORG"}


def test_entities_zh_a_surname_with_a_title_before_saying_is_the_surname():
    pairs = _pairs("鄭市長表示，將持續推動。")
    assert ("鄭", "PERSON") in pairs and ("鄭市長", "PERSON") not in pairs


@pytest.mark.parametrize("comma", ["，", ","])
def test_entities_zh_speakers_and_short_council_names_after_either_comma(comma):
    pairs = _pairs(f"會議開幕{comma}林志豪表示{comma}星策會將加強合作。")
    assert ("林志豪", "PERSON") in pairs and ("星策會", "ORG") in pairs


def test_entities_zh_short_form_of_an_organisation_named_in_full_points_to_it():
    from corpus.enrich.entities import detect_entities

    spans = detect_entities(["國家發展委員會主任委員致詞。國發會將與星策會合作。"], "zh")[0]
    hints = {sp.text: sp.canonical_hint for sp in spans}
    assert hints.get("國發會") == "國家發展委員會" and hints.get("星策會") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("數位發展部部長唐明遠表示，草案已完成。", "數位發展部"),
        ("立法院將於下會期審議。", "立法院"),
        ("據悉，香港交易及結算所有限公司已推出新措施。", "香港交易及結算所有限公司"),
        ("金管局副總裁陳德華指出，體系穩定。", "金管局"),
    ],
)
def test_entities_zh_yuan_bodies_conjoined_names_and_short_forms_before_a_role(text, name):
    assert (name, "ORG") in _pairs(text)


def test_entities_zh_a_pointer_and_a_noun_is_not_an_organisation():
    assert not {s for s, lab in _pairs("本港銀行體系結餘維持穩定。") if lab == "ORG"}


def test_entities_zh_colleges_in_general_are_not_an_institution():
    assert not {s for s, lab in _pairs("政府應擴大補助，並結合大專校院培育人才。") if lab == "ORG"}
