"""Canonical grouping: expectations from the seeds' wording."""

from __future__ import annotations

import pytest

from corpus.enrich.canonical import canonicalize, entity_id
from corpus.enrich.catalog import CatalogEntry, CatalogError, load_catalog, parse_catalog
from corpus.enrich.model import EntitySpan


def m(doc, text, label, start=0, hint=None, lang="en"):
    return (doc, lang, EntitySpan(start, start + len(text), text, label, canonical_hint=hint))


@pytest.mark.parametrize("a,b", [
    ("SU Zhong", "Su Zhong"),            # case variant
    ("Su Zhong", "Dr. Su Zhong"),        # title
    ("Alibaba", "Alibaba’s"),            # possessive
    ("Tencent Research Institute", "the Tencent Research Institute"),  # article
])
def test_canonical_surface_variants_group(a, b):
    label = "PERSON" if "Su" in a else "ORG"
    _, assign = canonicalize([m("000", a, label, 0), m("000", b, label, 50)], ())
    assert assign[0] == assign[1]


def test_canonical_acronym_groups_with_expansion_learned_from_text():
    ms = [m("002", "Center for International Security and Strategy", "ORG", 0),
          m("002", "CISS", "ORG", 60, hint="Center for International Security and Strategy"),
          m("002", "CISS", "ORG", 90, hint="Center for International Security and Strategy")]
    ents, assign = canonicalize(ms, ())
    assert len(set(assign)) == 1 and ents[0].name == "Center for International Security and Strategy"
    assert ents[0].aliases == ("CISS", "Center for International Security and Strategy")


def test_canonical_law_acronym_groups():
    ms = [m("003", "CSL", "LAW", 10, hint="cybersecurity law"), m("003", "CSL", "LAW", 40, hint="cybersecurity law")]
    ents, _ = canonicalize(ms, ())
    assert [(e.name, e.label) for e in ents] == [("cybersecurity law", "LAW")]


def test_canonical_cross_lingual_via_catalog_aliases():
    cat = (CatalogEntry("Tencent Research Institute", "ORG", ("Institut de recherche Tencent",)),)
    ms = [m("000", "Tencent Research Institute", "ORG"), m("001", "Institut de recherche Tencent", "ORG", lang="fr")]
    ents, assign = canonicalize(ms, cat)
    assert assign[0] == assign[1] and ents[0].name == "Tencent Research Institute"


def test_canonical_chinese_script_with_romanisation():
    ms = [m("003", "刘一鸣 (Liu Yiming)", "PERSON", 0), m("003", "Liu Yiming", "PERSON", 100)]
    ents, assign = canonicalize(ms, ())
    assert assign[0] == assign[1] and ents[0].name == "Liu Yiming"


def test_canonical_one_word_reference_to_person_in_same_document():
    ms = [m("003", "Xi Jinping", "PERSON", 0), m("003", "Xi", "PERSON", 100), m("999", "Xi", "PERSON", 5)]
    _, assign = canonicalize(ms, ())
    assert assign[0] == assign[1] != assign[2]


def test_canonical_catalog_sets_label_and_wikidata():
    cat = (CatalogEntry("China", "GPE", ("Chine",), "Q148"),)
    ents, _ = canonicalize([m("001", "Chine", "GPE", lang="fr")], cat)
    assert (ents[0].name, ents[0].label, ents[0].wikidata_id) == ("China", "GPE", "Q148")


def test_canonical_distinct_names_stay_apart():
    _, assign = canonicalize([m("000", "Tencent", "ORG"), m("000", "Tencent Research Institute", "ORG", 20)], ())
    assert assign[0] != assign[1]


def test_canonical_deterministic_regardless_of_input_order():
    ms = [m("002", "CISS", "ORG", 60, hint="Center for International Security and Strategy"),
          m("000", "ZHANG Qinkun", "PERSON", 5), m("002", "Center for International Security and Strategy", "ORG", 0),
          m("000", "Zhang Qinkun", "PERSON", 90)]
    e1, a1 = canonicalize(ms, ())
    e2, a2 = canonicalize(list(reversed(ms)), ())
    assert e1 == e2 and list(a1) == list(reversed(list(a2)))


def test_canonical_entity_id_is_content_derived():
    assert entity_id("ORG", "The Tencent") == entity_id("ORG", "tencent") != entity_id("GPE", "tencent")
    assert entity_id("ORG", "x").startswith("ent_") and len(entity_id("ORG", "x")) == 16


def test_canonical_person_name_display_form():
    ents, _ = canonicalize([m("000", "ZHANG Qinkun", "PERSON")], ())
    assert ents[0].name == "Zhang Qinkun"


def test_catalog_file_loads_and_has_no_uncertain_ids():
    cat = load_catalog()
    assert len(cat) > 50
    assert all(e.wikidata_id is None or e.wikidata_id.startswith("Q") for e in cat)
    china = next(e for e in cat if e.name == "China")
    assert china.wikidata_id == "Q148" and "Chine" in china.aliases


@pytest.mark.parametrize("bad", [{}, {"entities": [{"name": "X"}]}, {"entities": [{"name": "X", "label": "ORG", "wikidata": "12"}]}])
def test_catalog_rejects_malformed_entries(bad):
    with pytest.raises(CatalogError):
        parse_catalog(bad)


@pytest.mark.parametrize("en,fr", [
    ("Tencent Research Institute", "Institut de recherche Tencent"),
    ("World Internet Conference", "Conférence mondiale de l'Internet"),
    ("Shanghai Institutes for International Studies", "Institut d'études internationales de Shanghai"),
    ("Fudan University", "Université de Fudan"),
])
def test_canonical_cross_lingual_without_catalog(en, fr):
    ents, assign = canonicalize([m("001", fr, "ORG", lang="fr"), m("000", en, "ORG")], ())
    assert assign[0] == assign[1] and ents[0].name == en


@pytest.mark.parametrize("a,b", [("Institut de recherche Tencent", "Tencent"),
                                 ("Institut d'études internationales", "Institut d'études internationales de Shanghai")])
def test_canonical_cross_lingual_key_keeps_different_names_apart(a, b):
    _, assign = canonicalize([m("001", a, "ORG", lang="fr"), m("001", b, "ORG", 100, lang="fr")], ())
    assert assign[0] != assign[1]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SURFACES = ["SU Zhong", "Su Zhong", "Dr. Su Zhong", "CISS", "Center for International Security and Strategy",
             "Tencent", "the Tencent Research Institute", "Institut de recherche Tencent", "Xi", "Xi Jinping", "China"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["000", "001", "002"]), st.sampled_from(_SURFACES),
                          st.sampled_from(["PERSON", "ORG", "GPE"]), st.integers(0, 500)), max_size=12), st.randoms())
def test_canonical_order_independent(items, rnd):
    ms = [m(d, t, lab, start) for d, t, lab, start in items]
    shuffled = list(range(len(ms)))
    rnd.shuffle(shuffled)
    e1, a1 = canonicalize(ms, load_catalog())
    e2, a2 = canonicalize([ms[i] for i in shuffled], load_catalog())
    assert e1 == e2
    assert [a1[i] for i in shuffled] == list(a2)
    assert {e.entity_id for e in e1} == set(a1)


def test_canonical_catalog_aliases_are_published_even_when_unseen():
    cat = (CatalogEntry("China", "GPE", ("Chine", "PRC", "中国"), "Q148"),)
    ents, _ = canonicalize([m("000", "China", "GPE"), m("000", "the PRC", "GPE", 20)], cat)
    (china,) = ents
    assert set(china.aliases) == {"China", "the PRC", "Chine", "PRC", "中国"}  # seen surfaces + every catalog alias


def test_canonical_entity_without_catalog_entry_lists_only_its_surfaces():
    ents, _ = canonicalize([m("000", "Tencent", "ORG"), m("000", "Tencent’s", "ORG", 20)], (CatalogEntry("China", "GPE", ("Chine",)),))
    assert {a for e in ents for a in e.aliases} == {"Tencent", "Tencent’s"}


@pytest.mark.parametrize("short", ["U.S.", "US", "USA"])
def test_canonical_country_codes_group_with_the_country_name(short):
    _, assign = canonicalize([m("300", "United States", "GPE", 0), m("300", short, "GPE", 40)], ())
    assert assign[0] == assign[1]


def test_canonical_country_codes_do_not_group_other_labels_or_countries():
    _, assign = canonicalize([m("300", "United States", "GPE", 0), m("300", "US", "ORG", 40),
                              m("300", "Mexico", "GPE", 60)], ())
    assert len({assign[0], assign[1], assign[2]}) == 3


def test_canonical_name_and_its_abbreviated_form_group_in_one_document():
    _, assign = canonicalize([m("302", "Velmont Artificial Intelligence Act of 2020", "LAW", 0),
                              m("302", "Velmont AI Act of 2020", "LAW", 80),
                              m("303", "Velmont AI Act of 2020", "LAW", 0),
                              m("302", "Velmont AI Fund", "ORG", 120)], ())
    assert assign[0] == assign[1]
    assert len({assign[1], assign[3]}) == 2
