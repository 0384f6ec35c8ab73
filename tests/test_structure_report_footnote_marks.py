"""Report footnotes whose marks are not one run of numbers: symbol notes and numbering that restarts per chapter
(issue 12, class 6), plus the class-6 layouts re-checked on new constructed pages."""

from __future__ import annotations

import pytest

from corpus.structure.report import structure_report
from corpus.structure.report.footnotes import number_by_reading_order
from corpus.structure.model import FootnoteSpan
from tests.report_text import blank_layout, filler


def _report(*pages: list[str]) -> str:
    """Pages plus enough plain pages after them for the text to read as a report."""
    return blank_layout(*pages, *[filler(topic, 8) + [str(20 + k)] for k, topic in enumerate(("delta", "sigma", "omega"))])


def _by_marker(doc) -> dict[str, list]:
    out: dict[str, list] = {}
    for note in doc.footnotes:
        out.setdefault(note.marker or str(note.number), []).append(note)
    return out


def test_symbol_note_after_numbered_notes_is_a_note_with_its_marker_removed():
    page = filler("harbour", 4) + ["the quays were rebuilt in two phases.1 The board did not share the agency's view.*",
                                   "1 Port Board, Annual Report 2019, p. 4.", "* Author's calculation from the board's accounts.", "3"]
    doc = structure_report(_report(page))
    notes = _by_marker(doc)
    assert notes["*"][0].text == "Author's calculation from the board's accounts."
    assert notes["1"][0].text == "Port Board, Annual Report 2019, p. 4."
    anchor = notes["*"][0].anchor
    assert anchor is not None and doc.text[:anchor].endswith("the agency's view.")
    assert "view.*" not in doc.text and "Author's calculation" not in doc.text
    assert [n.number for n in doc.footnotes] == [1, 2]  # by reading order: note 1, then the asterisk


def test_symbol_notes_of_several_kinds_on_one_page_and_again_on_a_later_page():
    page1 = filler("canal", 4) + ["the locks were widened last year.† The levy was raised twice.‡",
                                  "† Canal Trust, Review of Works, 2018.", "‡ The second rise took effect in May.", "4"]
    page2 = filler("weir", 4) + ["the weir was repaired before the floods.*", "* Repair log of the trust, 2019.", "5"]
    doc = structure_report(_report(page1, page2))
    notes = _by_marker(doc)
    assert notes["†"][0].text == "Canal Trust, Review of Works, 2018."
    assert notes["‡"][0].text == "The second rise took effect in May."
    assert notes["*"][0].text == "Repair log of the trust, 2019."
    assert [n.marker for n in doc.footnotes] == ["†", "‡", "*"] and [n.number for n in doc.footnotes] == [1, 2, 3]
    assert "widened last year. The levy was raised twice." in doc.text and "floods.*" not in doc.text


def test_asterisk_bullet_list_in_the_lower_half_is_no_note():
    page = filler("grid", 5) + ["The plan has three parts:", "* new lines to the coast", "* storage at the substations",
                                "* a market for flexible demand", "6"]
    doc = structure_report(_report(page))
    assert not doc.footnotes


def test_numbering_restarting_per_chapter_keeps_both_series():
    page1 = filler("water", 4) + ["tariffs stayed below costs for a decade.1 The gap grew.2",
                                  "1 Utilities Board, Tariff Survey 2021, p. 14.", "2 Authors' calculation.", "7"]
    page2 = ["Chapter 2: Closing the gap", *filler("pool", 4),
             "some cities raised the fixed charge instead.1 Others pooled their networks.2",
             "1 Fixed charges were 42 per cent of the bill.", "2 The Vale Partnership is the largest.", "8"]
    doc = structure_report(_report(page1, page2))
    assert [(n.number, n.marker) for n in doc.footnotes] == [(1, "1"), (2, "2"), (3, "1"), (4, "2")]
    assert [n.text for n in doc.footnotes][2:] == ["Fixed charges were 42 per cent of the bill.", "The Vale Partnership is the largest."]
    assert all(n.status == "ok" for n in doc.footnotes)
    assert doc.text[: doc.footnotes[2].anchor].endswith("raised the fixed charge instead.")
    assert "instead.1" not in doc.text and "Fixed charges were" not in doc.text


def _chapters_with_endnotes(notes_head: str, second_head: str) -> str:
    p1 = ["Chapter 1: Water", *filler("water", 4), "tariffs stayed below costs.1 The gap grew each year.2", *filler("gap", 3), "1"]
    p2 = [notes_head, "1 Utilities Board, Tariff Survey 2021, p. 14.", "2 Authors' calculation from the accounts.", "2"]
    p3 = ["Chapter 2: Pooling", *filler("pool", 4), "some cities raised the fixed charge.1 Others pooled their networks.2",
          *filler("vale", 3), "3"]
    p4 = [second_head, "1 Fixed charges were 42 per cent of the bill.", "2 The Vale Partnership is the largest.", "4"]
    return blank_layout(p1, p2, p3, p4)


def test_endnotes_per_chapter_the_second_chapter_is_body_and_its_notes_a_new_series():
    doc = structure_report(_chapters_with_endnotes("Notes", "Endnotes"))
    assert [(n.number, n.marker) for n in doc.footnotes] == [(1, "1"), (2, "2"), (3, "1"), (4, "2")]
    assert doc.footnotes[1].text == "Authors' calculation from the accounts."  # the next chapter is not note text
    assert "Chapter 2: Pooling" in [s.heading for s in doc.sections]
    assert doc.text[: doc.footnotes[2].anchor].endswith("raised the fixed charge.")
    assert doc.footnotes[2].text == "Fixed charges were 42 per cent of the bill."


def test_notes_restarting_after_a_completed_series_on_a_later_page():
    # the notes heading repeats on both notes pages and is read as a running head: the notes follow the body directly
    doc = structure_report(_chapters_with_endnotes("Notes", "Notes"))
    assert [n.text for n in doc.footnotes][2:] == ["Fixed charges were 42 per cent of the bill.", "The Vale Partnership is the largest."]
    assert "charge.1" not in doc.text and "Fixed charges" not in doc.text
    assert all(n.anchor is not None for n in doc.footnotes)


def test_a_document_numbered_in_one_sequence_keeps_printed_numbers():
    page = filler("rail", 4) + ["the line was extended.1 The council agreed.2", "1 Rail Report, 2019.", "2 Minutes, 2020.", "9"]
    doc = structure_report(_report(page))
    assert [(n.number, n.marker) for n in doc.footnotes] == [(1, None), (2, None)]


def test_reading_order_numbers_put_a_note_without_anchor_at_its_page_top():
    notes = [FootnoteSpan(number=1, text="a", anchor=10, page=1, marker="1"),
             FootnoteSpan(number=1001, text="b", anchor=50, page=2, marker="1"),
             FootnoteSpan(number=1_000_001, text="c", anchor=None, page=1, marker="*")]
    ordered = number_by_reading_order(notes)
    assert [(n.number, n.text, n.marker) for n in ordered] == [(1, "c", "*"), (2, "a", "1"), (3, "b", "1")]


# --- class 6 layouts, re-checked on new pages ------------------------------------------------------------

def test_note_continued_on_the_next_page_after_a_continued_line():
    page1 = filler("dam", 6) + ["the dam was raised by four metres.1",
                                "1 River Authority, Dam Safety Review, 2017, p. 12. The review adds that",
                                "(continued...)", "11"]
    page2 = [*filler("spill", 5), "the spillway was also rebuilt in the same year.", "2 Second note on the dam.", "12"]
    page2[4] = page2[4].rstrip(".") + " again.2"
    doc = structure_report(_report(page1, page2))
    notes = {n.number: n for n in doc.footnotes}
    assert notes[1].text == ("River Authority, Dam Safety Review, 2017, p. 12. The review adds that the spillway was also "
                             "rebuilt in the same year.")
    assert "spillway was also rebuilt" not in doc.text and "continued" not in doc.text
    assert notes[2].text == "Second note on the dam."


@pytest.mark.parametrize(("cut_line", "resume_line"), [
    ("(continued on next page)", None), ("(Continued)", None),
    ("(continued...)", "(...continued)"), ("(continued...)", "(continued from previous page)"),
])
def test_continued_lines_in_their_printed_variants(cut_line, resume_line):
    page1 = filler("dam", 6) + ["the dam was raised by four metres.1",
                                "1 River Authority, Dam Safety Review, 2017, p. 12. The review adds that", cut_line, "11"]
    page2 = filler("spill", 5)
    page2[4] = page2[4].rstrip(".") + " again.2"
    page2 += [*([resume_line] if resume_line else []), "the spillway was also rebuilt in the same year.", "2 Second note.", "12"]
    doc = structure_report(_report(page1, page2))
    assert doc.footnotes[0].text.endswith("The review adds that the spillway was also rebuilt in the same year.")
    assert "ontinued" not in doc.text and "spillway" not in doc.text


def test_note_numbers_printed_as_a_block_mid_sequence():
    page1 = filler("roads", 4) + ["the bypass opened in spring.1", "1 Roads Agency, Opening Notice, 2018.", "2"]
    page2 = filler("toll", 4) + ["the toll was cut in June.2 Traffic rose by a fifth.3",
                                 "2", "3", "Toll Order of 4 June 2019.", "Traffic Count, Autumn 2019, table 2.", "3"]
    notes = {n.number: n for n in structure_report(_report(page1, page2)).footnotes}
    assert [notes[n].text for n in (2, 3)] == ["Toll Order of 4 June 2019.", "Traffic Count, Autumn 2019, table 2."]
    assert all(notes[n].anchor is not None for n in (1, 2, 3))


def test_note_number_fused_to_a_reference_number():
    # "section 123" is section 12 followed by note 3: note 3's text is on the page, its marker nowhere else
    page = filler("law", 4) + ["the first duty is set out here.1 The second follows.2",
                               "and the exemption is defined in section 123. The courts have applied it.",
                               "1 First.", "2 Second.", "3 Inserted by the Amendment Act 2015.", "5"]
    doc = structure_report(_report(page))
    notes = {n.number: n for n in doc.footnotes}
    assert notes[3].text == "Inserted by the Amendment Act 2015."
    assert notes[3].anchor is not None and doc.text[: notes[3].anchor].endswith("section 12")


def test_note_number_fused_to_a_year():
    # "in March 201915." is March 2019 followed by note 15, whose text is on the page
    page = filler("budget", 4) + ["the first review was held.13 The second followed.14",
                                  "and the plan was revised in March 201915. The council then met again.",
                                  "13 First review.", "14 Second review.", "15 Revised Plan, adopted on 12 March 2019.", "5"]
    doc = structure_report(_report(page))
    notes = {n.number: n for n in doc.footnotes}
    assert notes[15].anchor is not None and doc.text[: notes[15].anchor].endswith("revised in March 2019")
    assert "201915" not in doc.text


def test_markers_without_note_text_mid_sequence():
    page = filler("fish", 4) + ["catches fell in the northern fisheries.41 Quotas were then cut by a third.42",
                                "The fleet shrank.43 The ministry expects a recovery within five years.", "6"]
    doc = structure_report(_report(page))
    notes = {n.number: n for n in doc.footnotes}
    assert sorted(notes) == [41, 42, 43] and all(n.status == "missing_text" and n.anchor is not None for n in notes.values())
    assert "fisheries. Quotas were then cut" in doc.text and "shrank.43" not in doc.text
