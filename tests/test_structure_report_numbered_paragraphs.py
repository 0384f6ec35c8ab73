"""Numbered paragraphs (intergovernmental style: "1. At its session, ...") are body, not footnotes; the page-foot
notes of such documents ("1 The replies ...") are notes."""

from __future__ import annotations

from corpus.structure import structure_document
from tests.report_text import blank_layout, filler


def _para(n: int, topic: str, lines: int = 3) -> list[str]:
    body = filler(topic, lines)
    return [f"{n}. {body[0]}", *body[1:]]


def _document() -> str:
    page1 = ["I. Harbour review", *_para(1, "a"), *_para(2, "b")[:-1],
             "as requested by the committee, of which thirty replied.1",
             "II. Regional arrangements", *_para(3, "c", 2),
             "1 The replies are available on the website of the Board in the language received.", "3/6"]
    page2 = ["A. Freight measures", *_para(4, "d"), "See document HB/2023/WP.2 for the earlier review of the rules,",
             "which covered 15 countries and territories.", *_para(5, "e")[:-1], "most freight is still handled abroad.2",
             "2 See the survey of harbour capacity, HB/2023/INF.5.", "4/6"]
    page3 = ["B. Institutional capacity", *_para(6, "f"), *_para(7, "g"), "5/6"]
    return blank_layout(page1, page2, page3)


def test_numbered_paragraphs_stay_in_the_body():
    doc = structure_document(_document(), genre="report")
    for n, topic in enumerate("abcdefg", start=1):
        assert f"The {topic} programme was reviewed" in doc.text, n
    headings = [s.heading for s in doc.sections if s.kind == "heading"]
    assert "II. Regional arrangements" in headings and "A. Freight measures" in headings


def test_page_foot_notes_of_a_numbered_paragraph_document():
    doc = structure_document(_document(), genre="report")
    notes = {f.number: f.text for f in doc.footnotes}
    assert sorted(notes) == [1, 2]
    assert "The replies are available" in notes[1]
    assert "survey of harbour capacity" in notes[2]


def test_numbers_in_symbols_and_counts_are_no_markers():
    doc = structure_document(_document(), genre="report")
    assert "HB/2023/WP.2" in doc.text
    assert "15 countries" in doc.text


def test_a_numbered_paragraph_after_a_full_line_opens_a_new_paragraph():
    doc = structure_document(_document(), genre="report")
    assert "\n\n2. The b programme" in doc.text and "\n\n7. The g programme" in doc.text


def test_folios_with_the_page_count_are_furniture():
    doc = structure_document(_document(), genre="report")
    assert "/6" not in doc.text and all("/6" not in f.text for f in doc.footnotes)


def test_a_count_before_a_noun_keeps_its_digits_when_a_marker_is_missing():
    page = ["Harbour review", *filler("a"), "The committee reviewed the harbour rules of the region in the spring.1",
            "The review covered 12 countries and territories of the region and the members agreed", *filler("b"),
            "1 The replies are available on the website of the Board.", "2 See the survey of harbour capacity.", "3"]
    doc = structure_document(blank_layout(page), genre="report")
    assert "covered 12 countries" in doc.text
    assert [f.number for f in doc.footnotes] == [1, 2]


def test_a_reference_number_after_a_label_still_carries_a_fused_marker():
    page = ["Harbour review", *filler("a"), "The committee reviewed the harbour rules of the region in the spring.1",
            "However, Recital 122 clarifies that the rules apply to every harbour of the region and the members",
            *filler("b"), "1 The replies are available on the website of the Board.", "2 See the survey of harbour capacity.", "3"]
    doc = structure_document(blank_layout(page), genre="report")
    assert "Recital 12 clarifies" in doc.text
    assert [f.number for f in doc.footnotes] == [1, 2]


def test_a_one_word_lettered_subsection_under_a_roman_part():
    raw = blank_layout(["I. Harbour review", *filler("a"), "A. Freight", *filler("b"), "B. Customs rules", *filler("c"),
                        "II. Harbour capacity", *filler("d"), "A. Infrastructure", *filler("e"), "1"])
    doc = structure_document(raw, genre="report")
    levels = [(s.level, s.heading) for s in doc.sections if s.kind == "heading"]
    assert levels == [(1, "I. Harbour review"), (2, "A. Freight"), (2, "B. Customs rules"), (1, "II. Harbour capacity"),
                      (2, "A. Infrastructure")]


def test_the_first_numbered_paragraph_low_on_a_page_after_a_heading():
    raw = blank_layout(["Summary", *filler("x", 8), "I. Harbour review", *_para(1, "a"), *_para(2, "b"), "3/4"],
                       ["II. Harbour capacity", *_para(3, "c"), *_para(4, "d"), "4/4"])
    doc = structure_document(raw, genre="report")
    assert not doc.footnotes
    assert "\n\n1. The a programme" in doc.text and "\n\n2. The b programme" in doc.text
    assert "II. Harbour capacity" in [s.heading for s in doc.sections if s.kind == "heading"]
