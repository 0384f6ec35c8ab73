"""Company and product names told by their form and their context (components `thinktank_brands`,
`thinktank_surnames`), each on a small constructed sentence."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.brands import camel_case, cue, fixed_label, list_items
from corpus.enrich.entities.surnames import surname_targets


def _pairs(text: str) -> set[tuple[str, str]]:
    (spans,) = detect_entities([text], "en")
    return {(s.text, s.label) for s in spans if s.parent is None}


def _spans(text: str) -> dict[str, tuple[str, str | None]]:
    (spans,) = detect_entities([text], "en")
    return {s.text: (s.label, s.canonical_hint) for s in spans if s.parent is None}


@pytest.mark.parametrize(("word", "expected"), [("iMessage", True), ("eBay", True), ("LimeBike", True),
                                                 ("kWh", False), ("PhD", False), ("McDonald", False), ("Apple", False)])
def test_entities_brands_camel_case_words(word, expected):
    assert camel_case(word) is expected


def test_entities_brands_camel_case_name_the_model_leaves_out_is_found_with_its_product_cue():
    assert ("iMessage", "PRODUCT") in _pairs("Since the launch of the iMessage app store in September 2016, developers have left.")


def test_entities_brands_a_bare_domain_is_a_company_and_an_address_is_nothing():
    assert ("JD.com", "ORG") in _pairs("China's internet companies (Baidu, Alibaba, Tencent, JD.com) grew fast last year.")
    assert not _pairs("The figures are at http://tech.qq.com/a/20170222/013513.htm and mp.weixin.qq.com for details.")


def test_entities_brands_lowercase_names_in_a_list_with_a_domain_name_are_companies():
    pairs = _pairs("He ordered it from an online store like ebay and overstock.com and had it delivered.")
    assert {("ebay", "ORG"), ("overstock.com", "ORG")} <= pairs


def test_entities_brands_unknown_lowercase_words_after_a_product_noun_are_products():
    assert {("wechat", "PRODUCT"), ("qq", "PRODUCT")} <= _pairs("The app added games and social functions such as wechat and qq.")


def test_entities_brands_ordinary_lowercase_words_in_a_list_stay_words():
    pairs = _pairs("The plan funds technologies such as AI, quantum, and nanotechnology in ten provinces.")
    assert not any(surface.islower() for surface, _ in pairs)


@pytest.mark.parametrize(("text", "product"), [
    ("Platforms like Alibaba and Tencent's WeChat Pay are growing quickly.", "WeChat Pay"),
    ("Apple Pay is accepted in most shops in London.", "Apple Pay"),
    ("Users transfer money to their WeChat Wallet every month.", "WeChat Wallet"),
])
def test_entities_brands_a_name_ending_in_a_payment_head_is_a_product(text, product):
    assert (product, "PRODUCT") in _pairs(text)


@pytest.mark.parametrize(("surface", "label"), [("Mate 10", "PRODUCT"), ("iPhone 6", "PRODUCT"), ("overstock.com", "ORG"),
                                                ("Directive 95", None), ("Law 10", None)])
def test_entities_brands_labels_decided_by_the_form_of_the_name(surface, label):
    assert fixed_label(surface) == label


def test_entities_brands_short_names_and_numbers_in_a_list_of_companies_are_companies():
    pairs = _pairs("Uber sold its stakes to companies including Grab in Southeast Asia, Ola in India, and 99 in Brazil.")
    assert {("Grab", "ORG"), ("99", "ORG")} <= pairs


def test_entities_brands_list_items_stop_where_the_sentence_goes_on():
    text = "companies such as ofo and Mobike took the concept abroad"
    assert [text[a:b] for a, b in list_items(text, 18, len(text))] == ["ofo", "Mobike"]


def test_entities_brands_a_name_in_apposition_to_an_app_is_a_product():
    assert ("Wish", "PRODUCT") in _pairs("The second-highest-ranked shopping app in the United States, Wish, looked to Taobao.")


def test_entities_brands_names_glossing_apps_in_brackets_are_products_and_the_owner_stays_a_company():
    pairs = _pairs("Facebook's suite of apps combined (Facebook, Instagram, and Messenger) reached two billion users. "
                   "Facebook reported its results on Tuesday.")
    assert ("Instagram", "PRODUCT") in pairs
    assert ("Facebook", "ORG") in pairs


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Alipay works with a payments company called Ayden in the United States.", "Ayden", "ORG"),
    ("Users open an app called Flash Delivery to find a courier.", "Flash Delivery", "PRODUCT"),
    ("Investors bought shares of Nordwind after the listing.", "Nordwind", "ORG"),
])
def test_entities_brands_context_cues(text, surface, label):
    start = text.index(surface)
    assert cue(text, start, start + len(surface)) == label


def test_entities_brands_one_label_voted_over_the_mentions_of_a_surface():
    labels = {label for surface, label in _pairs(
        "A new app called Flash Delivery is spreading in Beijing. Flash Delivery finds a courier within minutes, "
        "and Flash Delivery keeps the fee low.") if surface == "Flash Delivery"}
    assert labels == {"PRODUCT"}


def test_entities_brands_a_domain_stem_points_to_the_domain_company():
    spans = _spans("The app is like a combination of Uber, Amazon, overstock, ebay, and more. Buyers also use overstock.com.")
    assert spans["overstock"] == ("ORG", "overstock.com")


def test_entities_surnames_a_surname_alone_after_the_full_name_is_that_person():
    text = "Travis Kalanick founded the firm. Kalanick left in 2017."
    items = [(0, 15, "PERSON", None), (34, 42, "PRODUCT", None)]
    assert surname_targets(text, items) == {1: "Travis Kalanick"}


def test_entities_surnames_the_first_word_of_a_company_is_not_a_surname():
    text = "Didi Chuxing hired Lin Didi. Didi grew."
    items = [(0, 12, "ORG", None), (19, 27, "PERSON", None), (29, 33, "ORG", None)]
    assert surname_targets(text, items) == {}


def test_entities_programmes_a_quoted_name_called_an_initiative_is_a_law_everywhere_in_the_text():
    pairs = _pairs("This report focuses on “Cloud Bridge”—a term linked to an initiative released in 2015. "
                   "Officials say Cloud Bridge has reached every province.")
    assert ("Cloud Bridge", "LAW") in pairs
    assert not any(surface == "Cloud Bridge" and label != "LAW" for surface, label in pairs)


def test_entities_programmes_a_quoted_name_without_a_programme_noun_is_left_alone():
    assert ("Cloud Bridge", "LAW") not in _pairs("The engineers nicknamed the cable “Cloud Bridge” after the launch party.")


def test_entities_programmes_a_name_joined_to_a_law_is_a_programme_too():
    assert ("Digital Harbour Road", "LAW") in _pairs("It builds on the Belt and Road Initiative and Digital Harbour Road.\n")


def test_entities_surnames_a_person_word_opening_an_earlier_company_name_is_that_company():
    from corpus.enrich.entities.surnames import short_company_targets

    text = "Didi Chuxing merged with Didi Dache. Later Didi grew."
    items = [(0, 12, "ORG", None), (25, 35, "ORG", None), (43, 47, "PERSON", None)]
    assert short_company_targets(text, items) == {2: "Didi Chuxing"}
    items = [(0, 12, "ORG", None), (25, 35, "ORG", None), (25, 35, "ORG", None), (43, 47, "PERSON", None)]
    assert short_company_targets(text, items) == {3: "Didi Dache"}
    assert short_company_targets("Ann Didi met Didi.", [(0, 8, "PERSON", None), (13, 17, "PERSON", None)]) == {}
    text = "Tencent Research Center opened. Tencent grew."
    assert short_company_targets(text, [(0, 23, "ORG", None), (32, 39, "PERSON", None)]) == {}


def test_entities_surnames_a_word_ending_one_product_name_is_that_product():
    from corpus.enrich.entities.surnames import product_short_targets

    text = "Facebook Messenger grew. Apps (Instagram and Messenger) too."
    items = [(0, 18, "PRODUCT", None), (31, 40, "PRODUCT", None), (45, 54, "PERSON", None)]
    assert product_short_targets(text, items) == {2: "Facebook Messenger"}
    assert product_short_targets("Google Play and Sony Play met Play.", [(0, 11, "PRODUCT", None), (16, 25, "PRODUCT", None),
                                                                          (30, 34, "ORG", None)]) == {}
