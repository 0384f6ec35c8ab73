"""Entities across the built seeds: one row per real-world thing, across documents and languages, with roles.

Expectations written by reading the seeds (000 and 002 are CISS news items in English, 001 a French CRI item,
003 the CSIS report).
"""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def linked(seeds_build):
    mentions = pd.read_parquet(seeds_build / "mentions")
    entities = pd.read_parquet(seeds_build / "entities").set_index("entity_id")
    return mentions, entities


def _entity_of(mentions: pd.DataFrame, surface: str, doc_prefix: str | None = None) -> set[str]:
    rows = mentions[mentions.text == surface]
    if doc_prefix:
        rows = rows[rows.doc_id.str.startswith(doc_prefix)]
    return set(rows.entity_id)


@pytest.mark.parametrize(
    ("surfaces", "label"),
    [
        (["SU Zhong", "Su Zhong"], "PERSON"),  # case variants, "Dr." not part of the name
        (["CUI Shufeng", "Cui Shufeng"], "PERSON"),
        (["Center for International Security and Strategy", "CISS"], "ORG"),  # acronym learned from the text
        (["Tencent Research Institute", "Institut de recherche Tencent"], "ORG"),  # across languages
    ],
)
def test_linking_variants_share_one_entity(linked, surfaces, label):
    mentions, entities = linked
    ids = set().union(*(_entity_of(mentions, s) for s in surfaces))
    assert len(ids) == 1, {s: _entity_of(mentions, s) for s in surfaces}
    (entity_id,) = ids
    assert entities.loc[entity_id, "label"] == label
    assert set(surfaces) <= set(entities.loc[entity_id, "aliases"])


def test_linking_ciss_spans_two_documents(linked):
    mentions, entities = linked
    (entity_id,) = _entity_of(mentions, "CISS")
    assert entities.loc[entity_id, "n_documents"] >= 2
    assert set(mentions[mentions.entity_id == entity_id].doc_id.str[:3]) >= {"000", "002"}


def test_linking_titles_and_possessives_stay_out_of_spans(linked):
    mentions, _ = linked
    surfaces = set(mentions.text)
    for bad in ("Dr. Su Zhong", "Alibaba’s", "the Tencent Research Institute", "Tencent Researchers XIAO Fei"):
        assert bad not in surfaces
    assert "XIAO Fei" in surfaces and "Alibaba" in surfaces


@pytest.mark.parametrize(
    ("person", "role", "organisation"),
    [
        ("ZHANG Qinkun", "Secretary-General", "Tencent Research Institute"),
        ("Xiao Qian", "Deputy Director", "Center for International Security and Strategy"),
        ("SU Zhong", "Senior Technologist", "AliResearch"),
    ],
)
def test_linking_stated_roles_are_recorded(linked, person, role, organisation):
    mentions, entities = linked
    rows = mentions[(mentions.text == person) & mentions.role.notna()]
    assert len(rows) >= 1, person
    row = rows.iloc[0]
    assert row.role == role
    assert entities.loc[row.affiliation_id, "name"] == organisation


def test_linking_mentions_are_exact_spans_of_their_text(seeds_build, linked):
    mentions, _ = linked
    docs = pd.read_parquet(seeds_build / "documents").set_index("doc_id").text
    notes = pd.read_parquet(seeds_build / "footnotes").set_index("footnote_id").text
    for row in mentions.itertuples():
        text = notes[row.footnote_id] if row.field == "footnote" else docs[row.doc_id]
        assert text[row.start : row.end] == row.text


def test_linking_no_quantities_or_dates_among_entities(linked):
    mentions, _ = linked
    assert not mentions.text.str.fullmatch(r"[\d.,$%\s]*\d[\d.,$%\s]*(?:%|percent|million|billion)|\$[\d.,]+|\d+[.,]\d+").any()
    # a bare number is a name only as a firm's ("Grab in Southeast Asia, Ola in India, and 99 in Brazil"), never a year
    bare = mentions[mentions.text.str.fullmatch(r"\d+")]
    assert bare.label.isin({"ORG", "PRODUCT"}).all() and not bare.text.str.fullmatch(r"(?:19|20)\d\d").any()
    assert not mentions.text.str.contains(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d", regex=True).any()


def test_linking_chinese_script_joins_its_romanisation(linked):
    """Note 5 of the report: "刘一鸣 (Liu Yiming)"; note 15 and the body name "Liu Yiming" again."""
    mentions, entities = linked
    ids = _entity_of(mentions, "刘一鸣") | _entity_of(mentions, "Liu Yiming")
    assert len(ids) == 1
    (entity_id,) = ids
    assert entities.loc[entity_id, "label"] == "PERSON"
