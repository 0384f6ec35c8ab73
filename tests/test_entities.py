"""Entity detection: expectations written from reading the source sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.enrich.entities import detect_entities, find_acronyms, ner_available, pipeline_versions

S000 = ("Participants from CISS included AN Gang, SONG Bo, BIAN Yongzu, DONG Ting, et al.\n"
        "ZHANG Qinkun, Secretary-General of the Tencent Research Institute, delivered welcome remarks. "
        "Other discussants included Tencent Researchers XIAO Fei and LIU Yuanyuan.\n"
        "During the discussion, Dr. Su Zhong presented Alibaba’s R&D layout of the “Deep Foundation” in its "
        "technology sphere, in areas such as AI and digital technology.\n")
S002 = ("On October 24, the Center for International Security and Strategy (CISS) of Tsinghua University held a dialogue. "
        "The Dialogue was joined by Xiao Qian, Deputy Director of CISS; and Adam Cooper.\n")


def _ents(text: str, lang: str = "en") -> list:
    return detect_entities([text], lang)[0]


def _pairs(text: str, lang: str = "en") -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in _ents(text, lang)}


@pytest.mark.parametrize("name", ["AN Gang", "SONG Bo", "BIAN Yongzu", "DONG Ting", "ZHANG Qinkun", "XIAO Fei", "LIU Yuanyuan"])
def test_entities_surname_given_names_are_persons(name):
    assert (name, "PERSON") in _pairs(S000)


@pytest.mark.parametrize("bad", ["Tencent Researchers XIAO Fei", "Dr. Su Zhong", "Alibaba’s", "“Deep Foundation", "AI", "al"])
def test_entities_no_swallowed_titles_possessives_quotes_or_acronyms(bad):
    assert bad not in {e.text for e in _ents(S000)}


@pytest.mark.parametrize("surface,label", [("Su Zhong", "PERSON"), ("Tencent", "ORG"), ("Tencent Research Institute", "ORG")])
def test_entities_trimmed_spans(surface, label):
    assert (surface, label) in _pairs(S000)


def test_entities_possessive_trimmed_whatever_the_label():
    # the model labels this "Alibaba" GPE (a known gap, fixed at linking time by the catalogue)
    assert "Alibaba" in {e.text for e in _ents(S000)}


def test_entities_offsets_match_text():
    for e in _ents(S000) + _ents(S002):
        text = S000 if e in _ents(S000) else S002
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("person,role,affiliation", [
    ("ZHANG Qinkun", "Secretary-General", "Tencent Research Institute"),
])
def test_entities_roles_en(person, role, affiliation):
    e = next(x for x in _ents(S000) if x.text == person)
    assert (e.role, e.affiliation) == (role, affiliation)


def test_entities_role_with_acronym_affiliation():
    e = next(x for x in _ents(S002) if x.text == "Xiao Qian")
    assert (e.role, e.affiliation) == ("Deputy Director", "CISS")


def test_entities_acronym_occurrences_get_long_form_hint():
    ciss = [e for e in _ents(S002) if e.text == "CISS"]
    assert len(ciss) == 2
    assert all(e.canonical_hint == "Center for International Security and Strategy" and e.label == "ORG" for e in ciss)


@pytest.mark.parametrize("text,short,long", [
    ("the Center for International Security and Strategy (CISS) said", "CISS", "Center for International Security and Strategy"),
    ("with the cybersecurity law (CSL) as the centerpiece", "CSL", "cybersecurity law"),
    ("l'Observatoire lyonnais des politiques numériques (OLPN) a organisé", "OLPN", "Observatoire lyonnais des politiques numériques"),
])
def test_entities_find_acronyms(text, short, long):
    assert find_acronyms(text)[short] == long


def test_entities_lowercase_law_acronym_is_law():
    text = "It built a legal framework, with the cybersecurity law (CSL) as the centerpiece. The CSL applies to content."
    assert [e.label for e in _ents(text) if e.text == "CSL"] == ["LAW", "LAW"]


FR = ("Des experts de l'Institut d'études internationales de l'Université de Fudan, l'Institut de recherche Tencent et "
      "la Conférence mondiale de l'Internet se sont réunis à Beijing.\n")


@pytest.mark.parametrize("surface,label", [
    ("Institut d'études internationales de l'Université de Fudan", "ORG"), ("Université de Fudan", "ORG"),
    ("Institut de recherche Tencent", "ORG"),
    ("Conférence mondiale de l'Internet", "ORG"), ("Beijing", "GPE"),
])
def test_entities_french_org_names_and_places(surface, label):
    assert (surface, label) in _pairs(FR, "fr")


# Generalisation check on devset 202 (entities not in the catalogue; detection never reads the catalogue).
D202 = ("Opening the discussion, MORROW Alistair, Director of AIST, noted that subsea cables matter. "
        "OKAFOR Chidinma, Senior Fellow for Maritime Infrastructure at AIST, presented findings.\n")


@pytest.mark.parametrize("name", ["MORROW Alistair", "OKAFOR Chidinma"])
def test_entities_surname_given_generalises_beyond_chinese(name):
    assert (name, "PERSON") in _pairs(D202)


def test_entities_unknown_language_returns_empty_lists():
    assert ner_available("xx") is False
    assert detect_entities(["Some text.", "Other."], "xx") == [[], []]


def test_entities_batch_keeps_order_and_length():
    out = detect_entities([S002, "", S000], "en")
    assert len(out) == 3 and out[1] == [] and any(e.text == "Xiao Qian" for e in out[0])


def test_entities_pipeline_versions_lists_installed_models():
    v = pipeline_versions()
    assert any("core_web_sm" in k for k in v) and any("core_news_sm" in k for k in v)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=200))
def test_entities_offsets_in_range_on_arbitrary_text(text):
    for e in detect_entities([text], "en")[0]:
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text


def test_entities_role_shared_by_a_pair_of_persons():
    text = ("On October 24, the Center for International Security and Strategy (CISS) of Tsinghua University held a dialogue.\n"
            "The Dialogue was joined by Xiao Qian, Deputy Director of CISS; Sun Chenghao and Dong Ting, Fellows of CISS; "
            "and Adam Cooper.\n")
    got = {e.text: (e.role, e.affiliation) for e in _ents(text) if e.label == "PERSON"}
    assert got["Sun Chenghao"] == got["Dong Ting"] == ("Fellows", "CISS")


@pytest.mark.parametrize("title", ["13th Five-Year Plan for Informatization", "National Informatization Development Plan",
                                   "Guiding Opinions on Actively Promoting Internet Plus", "Broadband China Strategy"])
def test_entities_policy_document_titles_are_law(title):
    text = f"Beijing issued several plans.\n{title} (July 2016)\n- Calls for integrating cloud into the economy.\n"
    assert (title, "LAW") in _pairs(text)


def test_entities_policy_rule_leaves_organisation_names_alone():
    text = "Members of the Center for International Security and Strategy met in Beijing."
    assert ("International Security and Strategy", "LAW") not in _pairs(text)


def test_entities_heading_words_are_not_names():
    text = ("STRUCTURE\nThe report looks at Beijing and its vision.\nHOW IS BEIJING CARRYING OUT THIS VISION?\n"
            "Beijing issued a number of plans.\n")
    pairs = _pairs(text)
    assert not any(t in {"STRUCTURE", "VISION"} for t, _ in pairs)


def test_entities_acronym_long_form_completes_cut_span():
    text = ("Ant Financial's bid was rejected by the Committee on Foreign Investment in the United States (CFIUS). "
            "Reform of CFIUS gains momentum.")
    assert ("Committee on Foreign Investment in the United States", "ORG") in _pairs(text)


@pytest.mark.parametrize("text,surface,label", [
    ("VELASCO Ines reviewed the duties of states under the United Nations Convention on the Law of the Sea (UNCLOS) to protect cables.",
     "United Nations Convention on the Law of the Sea", "LAW"),
    ("Participants examined recent cable faults off the coast of East Africa and in the Red Sea.", "East Africa", "LOC"),
    ("RAMGOOLAM Devika, Deputy Secretary-General of the Western Indian Ocean Cable Forum, described a proposal.",
     "Western Indian Ocean Cable Forum", "ORG"),
])
def test_entities_type_from_the_name_head(text, surface, label):
    assert (surface, label) in _pairs(text)


def test_entities_occupation_after_title_is_not_a_person():
    text = "Other participants included HUSSAIN Farah, Senior Underwriter at Halden Marine Insurance."
    assert "Underwriter" not in {e.text for e in _ents(text)}


def test_entities_acronym_hint_is_the_whole_preceding_name():
    text = ("On October 24, the Center for International Security and Strategy (CISS) of Tsinghua University and the "
            "Centre for Humanitarian Dialogue (HD) held a bilateral dialogue. HD representatives advocated a dialogue.\n")
    hd = [e for e in _ents(text) if e.text == "HD"]
    assert hd and all(e.canonical_hint == "Centre for Humanitarian Dialogue" for e in hd)


def test_entities_parenthesised_name_is_alias_of_preceding_name():
    text = ("Des représentants de l'Institut de recherche de China Unicom, et l'Institut de recherche de China Mobile "
            "(Think Tank CMI ), ont présenté leurs domaines d'intérêt.\n")
    cmi = [e for e in _ents(text, "fr") if e.text == "Think Tank CMI"]
    assert len(cmi) == 1 and cmi[0].canonical_hint == "Institut de recherche de China Mobile"


def test_entities_also_called_links_two_names():
    text = ("It is too early to tell what is underway at Alibaba’s new Global Research Institute—also called DAMO Academy "
            "(Discovery, Adventure, Momentum, and Outlook)—launched in October.")
    got = {e.text: (e.label, e.canonical_hint) for e in _ents(text)}
    assert got["DAMO Academy"][0] == "ORG"
    assert got["Global Research Institute"] == ("ORG", "DAMO Academy")


def test_entities_caption_phrases_are_not_organisations():
    text = ("Large companies buy software and social media services; research spending and revenue grow.\n"
            "Figure 2. Revenue of Major U.S. and Chinese Social Media Companies, 2013–2017\n")
    assert not any("Social Media Companies" in e.text for e in _ents(text))


def test_entities_french_name_over_mistagged_adjective():
    text = ("notamment l'Association d'études sur Internet de Macao, la Base de recherche sur la gouvernance internationale "
            "de l'espace cyber de l'Université des postes et télécommunications de Beijing, l'Institut de finance Chongyang.\n")
    pairs = _pairs(text, "fr")
    assert ("Base de recherche sur la gouvernance internationale de l'espace cyber", "ORG") in pairs
    assert ("Université des postes et télécommunications de Beijing", "ORG") in pairs


# --- general rules added for the development set (sentences written for these tests) -----------------

@pytest.mark.parametrize("text,bad,good", [
    # rule 10: a name never spans a line break
    ("The Pacific Telecommunication Union\n\nEvery member state files reports.", "Pacific Telecommunication Union\n\nEvery",
     ("Pacific Telecommunication Union", "ORG")),
    # rule 10: an opening bracket ends a name; the acronym stands alone
    ("Delegates met at the World Radiocommunication Conference (WRC-27) in Geneva.", "World Radiocommunication Conference (WRC",
     ("World Radiocommunication Conference", "EVENT")),
])
def test_entities_names_stop_at_line_breaks_and_brackets(text, bad, good):
    pairs = _pairs(text)
    assert bad not in {t for t, _ in pairs} and good in pairs


@pytest.mark.parametrize("text,bad", [
    ("Chapter 2 describes the market and Table 1 lists the licences.", "Chapter 2"),
    ("Chapter 2 describes the market and Table 1 lists the licences.", "Table 1"),
    ("As Figure 3 shows, demand grew.", "Figure 3"),
])
def test_entities_cross_references_are_not_entities(text, bad):
    assert bad not in {e.text for e in _ents(text)}


@pytest.mark.parametrize("bad", ["• Require", "Require", "• Place", "Place", "• Fund", "Fund"])
def test_entities_bullet_imperatives_are_not_entities(bad):
    text = ("Governments have four options:\n\n"
            "• Require a licence before publishing the weights of any model.\n"
            "• Place obligations on model hubs to verify their users.\n"
            "• Fund evaluation capacity so that governments can assess risks.\n")
    assert bad not in {e.text for e in _ents(text)}


@pytest.mark.parametrize("bad", ["Licensing Status", "Filing Practices and Coordination", "Working Paper"])
def test_entities_heading_phrases_without_head_word_are_not_names(bad):
    text = ("Working Paper 12-03\n\nFiling Practices and Coordination Delays\n\n"
            "Regulators in Kenya described the delays to the Radiocommunication Bureau.\n\n"
            "Table 1. Licensing Status of Broadband Services in Selected Countries, January 2025\n")
    assert bad not in {e.text for e in _ents(text)}


def test_entities_table_row_status_word_is_split_from_the_place():
    text = ("Regulators granted licences early in some markets; others are pending.\n\n"
            "Country Landing right Months\nKenya Granted 7\nNigeria Granted 19\nGhana Granted 14\nZambia Granted 9\n"
            "Rwanda Pending 5\n\nKenya and Nigeria lead.")
    surfaces = {e.text for e in _ents(text)}
    assert "Ghana Granted" not in surfaces and "Zambia Granted" not in surfaces
    assert {"Ghana", "Zambia"} <= surfaces


@pytest.mark.parametrize("text,pair", [
    ("The Nigerian Communications Act 2003 sets the rules.", ("Nigerian Communications Act 2003", "LAW")),
    ("Exports are controlled through the Export Administration Regulations and the rules of Kenya.",
     ("Export Administration Regulations", "LAW")),
    ("In Europe the EU Dual-Use Regulation applies.", ("EU Dual-Use Regulation", "LAW")),
    ("She studied at the China University of Political Science and Law in Beijing.",
     ("China University of Political Science and Law", "ORG")),
])
def test_entities_statute_names_are_law_with_their_year(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize("text,pair", [
    ("Delegates who attended WRC-23 in Dubai met before the World Radiocommunication Conference (WRC) in Geneva.",
     ("WRC-23", "EVENT")),
    ("Delegates met at the World Radiocommunication Conference (WRC) in Geneva. The WRC ends in May.", ("WRC", "EVENT")),
])
def test_entities_acronyms_and_editions_take_the_long_form_label(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize("text,pair", [
    ("Tern Labs released Larkspur-70B in April.", ("Larkspur-70B", "PRODUCT")),
    ("Quillmark AI offers its Sage 2 model only through a paid interface.", ("Sage 2", "PRODUCT")),
    ("Quillmark AI offers its Sage 2 model only through a paid interface.", ("Quillmark AI", "ORG")),
    ("In Kenya the Tessera Compact user terminal sold for USD 299.", ("Tessera Compact", "PRODUCT")),
    ("Other participants included Maja Lindqvist, Head of Network Resilience at Nordkap Telecom.", ("Nordkap Telecom", "ORG")),
])
def test_entities_products_and_company_names(text, pair):
    assert pair in _pairs(text)


def test_entities_company_word_inside_a_role_is_not_an_organisation():
    text = "Netta Goussac, Head of AI and Emerging Technologies of HD, spoke first."
    assert "Emerging Technologies" not in {e.text for e in _ents(text)}


@pytest.mark.parametrize("pair", [("Dakar", "GPE"), ("Mombasa", "GPE")])
def test_entities_items_of_a_place_list_are_places(pair):
    text = ("Interviews were held in Accra, Nairobi, Kigali, Dakar and Johannesburg. "
            "Experts joined online from Port Louis, Mombasa, Colombo and Perth.")
    assert pair in _pairs(text)


def test_entities_org_head_continues_over_for_and_short_form_points_to_it():
    text = ("Efua Boateng is a senior fellow at the Harmattan Centre for Digital Governance. "
            "Source: Harmattan Centre estimates based on regulator filings.")
    ents = _ents(text)
    assert ("Harmattan Centre for Digital Governance", "ORG") in {(e.text, e.label) for e in ents}
    assert "Digital Governance" not in {e.text for e in ents}
    short = [e for e in ents if e.text == "Harmattan Centre"]
    assert short and short[0].canonical_hint == "Harmattan Centre for Digital Governance"


@pytest.mark.parametrize("text,pair", [
    ("Three operators dominate. Kestrel Orbital, a joint venture, has tested orbital broadband services.",
     ("Kestrel Orbital", "ORG")),
    ("Western Province has 3,200 subscribers; remote parts of the Western Province wait.", ("Western Province", "GPE")),
])
def test_entities_label_fixes_en(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize("surface,label", [
    ("Commission nationale de l'informatique et des libertés", "ORG"),
    ("schéma européen de certification des services en nuage", "LAW"),
    ("Nuvalis Cloud", "ORG"),
    ("Saint-Clair", "PERSON"),
    ("RGPD", "LAW"),
])
def test_entities_french_long_forms_companies_and_honorifics(surface, label):
    text = ("La table ronde a réuni M. Olivier Saint-Clair, directeur du Centre hospitalier de Lyon, et Mme Sofia "
            "Albuquerque, responsable de la conformité chez Nuvalis Cloud. M. Saint-Clair a présenté le projet. "
            "Le Règlement général sur la protection des données (RGPD) fixe un cadre. Le RGPD s'applique. "
            "La seconde table ronde portait sur le schéma européen de certification des services en nuage (EUCS). "
            "Un représentant de la Commission nationale de l'informatique et des libertés (CNIL) a parlé.")
    assert (surface, label) in _pairs(text, "fr")


ZH = ("4月16日，青禾数字治理研究院在杭州举办“绿色算力与数据中心能效”专题研讨会。"
      "研究院院长周明远在致辞中表示，数据中心既是基础设施，也是大户。大型数据中心的平均电能利用效率下降，老旧数据中心仍较高。"
      "在主题发言环节，钱塘理工大学能源与信息学院教授陈嘉言介绍了实践。他认为，宁夏、内蒙古等地资源丰富。"
      "云岫科技有限公司首席技术官何雨桐分享了案例。研究院副研究员林晓彤结合《数据安全法》和《2024年数字治理指数报告》分析了问题。"
      "研究院计划于今年下半年赴贵州开展专题调研。")


@pytest.mark.parametrize("surface,label", [
    ("青禾数字治理研究院", "ORG"), ("钱塘理工大学", "ORG"), ("云岫科技有限公司", "ORG"),
    ("周明远", "PERSON"), ("陈嘉言", "PERSON"), ("何雨桐", "PERSON"), ("林晓彤", "PERSON"),
    ("杭州", "GPE"), ("宁夏", "GPE"), ("内蒙古", "GPE"), ("贵州", "GPE"),
    ("数据安全法", "LAW"), ("“绿色算力与数据中心能效”专题研讨会", "EVENT"),
])
def test_entities_chinese_rules_find_names(surface, label):
    assert (surface, label) in _pairs(ZH, "zh")


@pytest.mark.parametrize("bad", ["数据中心", "信息学院", "能源与信息学院", "2024年数字治理指数报告", "研究院"])
def test_entities_chinese_rules_skip_common_nouns_units_and_reports(bad):
    assert bad not in {e.text for e in _ents(ZH, "zh")}


def test_entities_chinese_is_rule_based_not_statistical():
    from corpus.enrich.entities import LABELS, rule_based_languages

    assert ner_available("zh") is False and rule_based_languages() == ("zh",)
    ents = _ents(ZH, "zh")
    assert all(ZH[e.start:e.end] == e.text and e.label in LABELS for e in ents)


@pytest.mark.parametrize(
    ("text", "script", "label", "hint"),
    [
        ("5. 刘一鸣 (Liu Yiming), 财经, September 5, 2016.", "刘一鸣", "PERSON", "Liu Yiming"),
        ("阿里巴巴达摩院 (Alibaba Damo Academy), accessed on December 24, 2017", "阿里巴巴达摩院", "ORG", "Alibaba Damo Academy"),
    ],
)
def test_entities_script_name_glossed_in_brackets_takes_the_gloss(text, script, label, hint):
    spans = {s.text: s for s in detect_entities([text], "en")[0]}
    assert spans[script].label == label
    assert spans[script].canonical_hint == hint
