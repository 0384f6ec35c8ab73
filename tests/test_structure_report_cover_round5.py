"""Cover author lines (issue 12, class 1): a "By" line states that it names people, so names made of ordinary
words count there."""

from __future__ import annotations

from corpus.structure import structure_document
from corpus.structure.report.cover import cover_names
from tests.report_text import blank_layout, filler


def test_a_by_line_names_people_even_in_ordinary_words():
    assert cover_names("By Alice Moreno and Tom Bright") == ("Alice Moreno", "Tom Bright")
    assert cover_names("Alice Moreno and Tom Bright") == ()  # unstated: "Tom Bright" may be a phrase
    assert cover_names("By the Riverside Institute") == ()


def test_cover_with_a_by_line_of_ordinary_word_names():
    cover = ["RIVERSIDE INSTITUTE FOR PUBLIC POLICY", "Research Paper", "Water Markets in Dry Times",
             "By Rose Green and Mark Hill", "October 2023"]
    doc = structure_document(blank_layout(cover, ["Introduction", *filler("a", 8), "2"]), genre="report")
    assert doc.authors == ("Rose Green", "Mark Hill")
    assert doc.title == "Water Markets in Dry Times"
