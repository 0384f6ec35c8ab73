"""Capitalised phrases of ordinary words are not names (constructed texts)."""

from __future__ import annotations

import pytest

from corpus.enrich.entities import detect_entities
from corpus.enrich.entities.ordinary_phrases import is_ordinary_phrase


@pytest.mark.parametrize(
    ("surface", "ordinary"),
    [
        ("Related Tools", True),  # both words ordinary and written in lowercase in the text
        ("Framework", True),
        ("National Security Council", False),  # an organisation head word
        ("Data Protection Act", False),  # a law head word
        ("Velmora Tools", False),  # "Velmora" is not an English word
        ("iPhone", False),  # mixed case: a brand
        ("AI Tools", False),  # an acronym
    ],
)
def test_entities_ordinary_phrases_words(surface, ordinary):
    lower = {"related", "tools", "framework", "national", "security", "council", "data", "protection", "act",
             "iphone", "ai"}
    assert is_ordinary_phrase(surface, lower) is ordinary


def test_entities_ordinary_phrases_need_the_lowercase_word():
    assert not is_ordinary_phrase("Related Tools", {"related"})
    assert not is_ordinary_phrase("Ghana", {"related"})  # a frequent word, but never written in lowercase here


def test_entities_ordinary_phrases_dropped_in_a_text_keeping_real_names():
    text = ("The framework lists related tools.\n\nThe Framework and its Related Tools were reviewed by the "
            "Velmont Standards Board in Geneva.")
    surfaces = {e.text for e in detect_entities([text], "en")[0]}
    assert "Related Tools" not in surfaces and "Framework" not in surfaces
    assert "Velmont Standards Board" in surfaces


@pytest.mark.parametrize(
    ("text", "word", "dropped"),
    [
        ("Heading\n\nCoastal towns grew.", "Coastal", True),  # opens a line, adjective ending, frequent
        ("Prices rose. Collective bargaining followed.", "Collective", True),
        ("Prices rose. Senegal agreed.", "Senegal", False),  # a place, whatever its ending
        ("Prices rose. Velmoric said so.", "Velmoric", False),  # not an English word
        ("The Coastal Authority met.", "Coastal", False),  # not at a sentence start
    ],
)
def test_entities_sentence_initial_adjective_is_not_a_name(text, word, dropped):
    from corpus.enrich.entities.ordinary_phrases import is_sentence_initial_adjective

    start = text.index(word)
    assert is_sentence_initial_adjective(text, start, start + len(word)) is dropped
