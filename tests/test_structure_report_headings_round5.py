"""Headings the blank-line text hides (issue 12, class 3): a lettered heading under a lead-in sentence printed
without its colon, a heading after a signature block, the subject line of a preamble."""

from __future__ import annotations

from corpus.structure import structure_document
from tests.report_text import blank_layout, filler


def _headings(raw: str) -> list[tuple[int, str]]:
    doc = structure_document(raw, genre="report")
    return [(s.level, s.heading) for s in doc.sections if s.kind == "heading"]


_LEAD_IN = ["Two factors may help to decide whether the processing is carried out by the operator in the",
            "context of the activities of its branch in the region"]


def test_lettered_heading_after_a_lead_in_without_colon():
    raw = blank_layout([
        "1 Harbour Licensing", *filler("a"), "a) Operators based outside the region", *filler("b")[:-1], *_LEAD_IN,
        "i) Relationship between an operator based outside the region and its local branch in the",
        "region", *filler("c"), "ii) Revenue raised in the region", *filler("d"), "2",
    ])
    headings = _headings(raw)
    assert (3, "i) Relationship between an operator based outside the region and its local branch in the region") in headings
    assert (3, "ii) Revenue raised in the region") in headings


def test_lettered_items_of_a_list_under_a_lead_in_stay_body():
    raw = blank_layout([
        "1 Harbour Licensing", *filler("a")[:-1], *_LEAD_IN,
        "i) The size of the branch and the number of its staff",
        "ii) The share of revenue raised in the region", *filler("b"), "2",
    ])
    assert _headings(raw) == [(1, "1 Harbour Licensing")]


def test_the_name_of_a_body_over_its_preamble_is_no_heading():
    preamble = ["Having regard to Article 12 of the Harbour Regulation of the Regional Council and to the opinion of",
                "the committee on ports and harbours adopted at its meeting in the spring of the same year.",
                "HAS ADOPTED THE FOLLOWING GUIDELINES:"]
    raw = blank_layout(["The Regional Harbour Board", *preamble, "INTRODUCTION", *filler("a"), "1"])
    assert _headings(raw) == [(1, "INTRODUCTION")]
    doc = structure_document(raw, genre="report")
    assert "The Regional Harbour Board" in doc.text
    # the same line over running text is a heading
    assert (1, "The Regional Harbour Board") in _headings(blank_layout(["The Regional Harbour Board", *filler("b"), "1"]))


def test_a_heading_after_a_signature_block():
    letter = [*filler("a"), "The Rt Hon Jane Fairweather MP, Secretary of State,", "Department for Harbours and Coasts"]
    after = ["A decisive step forward and a Call to Action on Ports",
             "The committee programme was reviewed by the members in several sessions and they agreed that"]
    raw = blank_layout(["Forewords", *letter, *after, *filler("b"), "1"])
    assert [h for _, h in _headings(raw)] == ["Forewords", "A decisive step forward and a Call to Action on Ports"]
    # without the signature the line continues the sentence above it
    unsigned = blank_layout(["Forewords", *filler("a")[:-1], "and the members of the committee for", *after, *filler("b"), "1"])
    assert [h for _, h in _headings(unsigned)] == ["Forewords"]


_JOINED = ("Several harbour studies aim to measure and compare cross-border freight more reliably, "
           "but our overall understanding of how")  # two heading lines the extraction joined at "cross-" / "border"


def test_a_sentence_heading_whose_lines_the_extraction_joined_at_a_dropped_hyphen():
    heading = [_JOINED, "cross-border freight moves through ports is limited"]
    raw = blank_layout(["1 Harbour Freight", *filler("a"), *heading, *filler("b"), "1"])
    assert (2, f"{_JOINED} cross-border freight moves through ports is limited") in _headings(raw)
    # the same lines closing with a full stop are a paragraph
    closed = blank_layout(["1 Harbour Freight", *filler("a"), _JOINED, "cross-border freight moves through ports is limited.",
                           *filler("b"), "1"])
    assert _headings(closed) == [(1, "1 Harbour Freight")]


def test_a_chapter_label_opening_an_excerpt_is_its_first_heading_not_its_title():
    raw = blank_layout(["CHAPTER 1", "Why Ports Matter", *filler("a"), "1.1 Trade volumes", *filler("b"), "2"],
                       ["CHAPTER 2", "The Policy Gap", *filler("c"), "3"])
    doc = structure_document(raw, genre="report")
    assert [(s.level, s.heading) for s in doc.sections if s.kind == "heading"] == [
        (1, "CHAPTER 1 Why Ports Matter"), (2, "1.1 Trade volumes"), (1, "CHAPTER 2 The Policy Gap")]
    assert doc.title != "Why Ports Matter"


def test_a_chapter_number_parted_from_its_title_by_a_dash_or_bar():
    raw = blank_layout(["01 | Introduction", *filler("a"), "02 – Market structure", *filler("b"), "2.1 Prices", *filler("c"), "2"])
    assert _headings(raw) == [(1, "01 | Introduction"), (1, "02 – Market structure"), (2, "2.1 Prices")]
    # a table row of counts in the running text is no heading
    assert _headings(blank_layout(["1 Introduction", *filler("a")[:-1], "12 | Germany", *filler("b"), "2"])) == [(1, "1 Introduction")]
