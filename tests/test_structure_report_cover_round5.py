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


def _cover(lines: list[str]):
    return structure_document(blank_layout(lines, ["Introduction", *filler("a", 8), "2"]), genre="report")


def test_a_title_in_title_case_wrapped_before_a_small_word_keeps_its_sentence_case_subtitle_apart():
    doc = _cover(["Digital Identity", "for Refugees", "Protecting rights in humanitarian registration systems",
                  "May 2022"])
    assert doc.title == "Digital Identity for Refugees: Protecting rights in humanitarian registration systems"


def test_an_authored_by_label_opens_the_names_under_it():
    doc = _cover(["Open Banking in Latin America", "A comparative review of three markets", "Authored by:",
                  "Camila Reyes", "Diego Fernández", "12 March 2023"])
    assert doc.authors == ("Camila Reyes", "Diego Fernández")


def test_a_report_of_a_body_and_role_credits_are_no_part_of_the_title():
    doc = _cover(["A report of the Task Force on Orbital Debris", "Cleaning Up Orbit", "Chair: Helena Vos",
                  "Project Director: Amir Khan", "January 2024"])
    assert doc.title == "Cleaning Up Orbit"


def test_a_title_that_asks_a_question_is_read_with_its_continuation_lines():
    doc = _cover(["HARBOUR INSTITUTE FOR TRADE", "Discussion Paper No. 3", "Can Ports Share Their Data?",
                  "Port Community Systems", "in East Asian Shipping", "Lena Okafor", "Harbour Institute for Trade",
                  "June 2024"])
    assert doc.title == "Can Ports Share Their Data? Port Community Systems in East Asian Shipping"
    assert doc.authors == ("Lena Okafor",)
