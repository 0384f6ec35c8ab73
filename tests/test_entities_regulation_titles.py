"""Regulations titled "<Head> on/for <subject>" (the English form of Chinese regulation titles) are one LAW."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.regulation_titles import regulation_titles


def _pairs(text: str) -> set[tuple[str, str]]:
    (spans,) = detect_entities([text], "en")
    return {(s.text, s.label) for s in spans if s.parent is None}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The Provisions on the Administration of Deep Synthesis in Internet Information Services took effect in January.",
         "Provisions on the Administration of Deep Synthesis in Internet Information Services"),
        ("Last year the Interim Measures for the Management of Generative Artificial Intelligence Services extended the duty.",
         "Interim Measures for the Management of Generative Artificial Intelligence Services"),
        ("In 2022 the Guiding Opinions on Strengthening Ethical Governance of Science and Technology were issued.",
         "Guiding Opinions on Strengthening Ethical Governance of Science and Technology"),
        ("Ministry of Commerce, “Provisions on the Unreliable Entity List,” 19 September 2020.",
         "Provisions on the Unreliable Entity List"),
        ("In 2021 the member states adopted the Recommendation on the Ethics of Artificial Intelligence by consensus.",
         "Recommendation on the Ethics of Artificial Intelligence"),
    ],
)
def test_a_regulation_title_with_connectors_is_one_law(text, title):
    assert (title, "LAW") in _pairs(text)
    # no piece of it survives as a name of its own
    assert not any(surface != title and surface in title and label == "ORG" for surface, label in _pairs(text))


def test_sentence_openers_and_possessives_are_not_part_of_the_title():
    text = "Under the Measures for Security Assessment of Outbound Data Transfers, China's Provisions on Export Control apply."
    found = [text[s:e] for s, e in regulation_titles(text)]
    assert found == ["Measures for Security Assessment of Outbound Data Transfers", "Provisions on Export Control"]


def test_two_coordinated_titles_stay_two():
    text = "Firms follow the Provisions on Data Labelling and the Measures for Algorithm Filing in practice."
    assert [text[s:e] for s, e in regulation_titles(text)] == ["Provisions on Data Labelling", "Measures for Algorithm Filing"]


@pytest.mark.parametrize(
    "text",
    [
        "3.2 Measures for Data Security\n\nThe chapter reviews what firms do.",  # a heading line
        "We propose measures for the Ministry of Finance to adopt.",  # lowercase head: a common noun
        "Rules on how to file are set out below.",  # no capitalised subject
    ],
)
def test_headings_common_nouns_and_bare_heads_are_not_titles(text):
    assert regulation_titles(text) == []


def test_a_law_read_with_its_year_keeps_the_year():
    pairs = _pairs("The Law on Water Resources 2023 requires every province to publish river data.")
    assert ("Law on Water Resources 2023", "LAW") in pairs


def test_a_title_cited_with_its_year_after_a_colon_ends_before_the_colon():
    # "on AI:2019": the tokenizer splits a colon between a letter and a digit, so the title can end at "AI"
    pairs = _pairs("The definition is adapted from the OECD Recommendation on AI:2019 and from a standard.")
    assert ("OECD Recommendation on AI", "LAW") in pairs
