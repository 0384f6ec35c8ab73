"""Contents pages: neither headings nor body nor footnotes, but evidence for headings (issue 12, class 4)."""

from __future__ import annotations

import pytest

from corpus.structure.report import structure_report
from corpus.structure.report.contents import contents_entries, find_contents_pages
from corpus.structure.report.layout import read_lines, split_pages
from tests.report_text import blank_layout, filler

CONTENTS = ["Contents", "1 Scope of the review ........................ 3", "2", "Findings and their limits", "7",
            "2.1 Method", "8", "Annex ................................... 12"]


def test_contents_page_found_and_entries_read_without_page_numbers():
    pages = split_pages(read_lines(blank_layout(["Title Page Line"], CONTENTS, filler("x", 12))))
    assert find_contents_pages(pages) == [1]
    titles = [e.title for e in contents_entries([pages[1]])]
    assert titles == ["1 Scope of the review", "Findings and their limits", "2.1 Method", "Annex"]


def test_contents_entries_are_not_body_and_confirm_a_sentence_case_heading():
    body = ["Findings and their limits", *filler("audit", 8), *filler("review", 6)]
    doc = structure_report(blank_layout(["Annual Audit Review", "June 2023"], CONTENTS, filler("intro", 9) + ["2"], body + ["3"],
                                        filler("more", 10) + ["4"]))
    assert "......" not in doc.text and "Scope of the review" not in doc.text
    assert "Findings and their limits" in [s.heading for s in doc.sections]
    assert not doc.footnotes


# --- contents entries repeat the headings at the page edges: no evidence of a running head ----------------------


@pytest.mark.parametrize("contents", [
    ["Table of Contents", "Executive summary", "1", "1", "Introduction", "2", "2", "The licensing gap", "3"],  # numbers apart
    ["CONTENTS", "Executive summary 1", "1 Introduction 2", "2 The licensing gap 3"],  # no leaders
])
def test_contents_entries_do_not_make_chapter_headings_running_heads(contents):
    cover = ["Licensing Regimes for Cross-Border Data Flows", "Hana Sato", "June 2023"]
    body = [["Executive summary", *filler("alpha", 6), "1"], ["1 Introduction", *filler("beta", 6), "2"],
            ["2 The licensing gap", *filler("gamma", 6), "3"]]
    doc = structure_report(blank_layout(cover, contents, *body))
    assert [s.heading for s in doc.sections if s.kind == "heading"] == ["Executive summary", "1 Introduction", "2 The licensing gap"]
