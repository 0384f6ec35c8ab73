"""Report footnotes on constructed pages: gaps, note formats, false markers (issue 12, class 6)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def _notes(doc):
    return {n.number: n for n in doc.footnotes}


def test_footnotes_gap_in_sequence_is_recorded_not_fatal():
    page1 = filler("water", 5)[:-1] + ["storage plans were approved last year.1 The board met again.2", "Other business followed here."]
    page1 += ["1. First note text.", "2. Second note text.", "3"]
    page2 = filler("energy", 5)[:-1] + ["the grid operator agreed.4 Nothing else was said.", "4. Fourth note text.", "4"]
    doc = structure_report(blank_layout(page1, page2) + "\n" + blank_layout(filler("x", 30)))
    notes = _notes(doc)
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[3].status == "skipped" and notes[3].text == ""
    assert notes[4].text == "Fourth note text."


def _report(*pages: list[str]) -> str:
    """Pages plus enough plain pages after them for the text to read as a report."""
    return blank_layout(*pages, *[filler(topic, 8) + [str(10 + k)] for k, topic in enumerate(("alpha", "beta", "gamma"))])


def test_footnotes_number_without_full_stop_and_alone_on_a_line():
    page = filler("water", 4) + ["reservoirs were extended in the north.1 Later the council agreed.2",
                                 "1 Ministry of Water, Annual Review (Capital: Ministry, 2020), p. 4.", "2",
                                 "Regional Council, Minutes of the Spring Session, 2021.", "7"]
    notes = _notes(structure_report(_report(page)))
    assert notes[1].text == "Ministry of Water, Annual Review (Capital: Ministry, 2020), p. 4."
    assert notes[2].text == "Regional Council, Minutes of the Spring Session, 2021."
    assert notes[1].anchor is not None and notes[2].anchor is not None


def test_footnotes_excerpt_starting_mid_sequence_and_spaced_markers():
    page = filler("grid", 4) + ["and the new council was launched. 21, 22 Now is the time to act on that.",
                                "Operators reported on progress in the regions.23", "21", "Executive Order 1 of 2025.",
                                "22", "Executive Order 2 of 2025.", "23", "Grid Act of 2015, section 4.", "7"]
    doc = structure_report(_report(page))
    notes = _notes(doc)
    assert [notes[n].text for n in (21, 22, 23)] == ["Executive Order 1 of 2025.", "Executive Order 2 of 2025.", "Grid Act of 2015, section 4."]
    assert all(notes[n].anchor is not None for n in (21, 22, 23))
    assert "launched. Now is the time" in doc.text and " 21," not in doc.text


def test_footnotes_marker_fused_with_a_reference_number():
    # "Article 34" is Article 3 followed by note 4: the note text on the page says so
    page = filler("data", 4) + ["the sequence continues here.1 Two more.2 And three.3",
                                "the Regulation does not define it for the purpose of Article 34. However, the courts did.",
                                "1 First.", "2 Second.", "3 Third.", "4 The definition is given in Article 4(16).", "5"]
    doc = structure_report(_report(page))
    notes = _notes(doc)
    assert notes[4].text == "The definition is given in Article 4(16)."
    assert notes[4].anchor is not None and doc.text[: notes[4].anchor].endswith("Article 3")


def test_footnotes_continued_line_is_not_note_text():
    page = filler("ports", 4) + ["the harbour was dredged.1", "1 Harbour Authority, Report, 2019. The authority also notes that",
                                 "(continued...)", "3"]
    page2 = ["the dredging was delayed by two years.", *filler("ships", 6), "4"]
    notes = _notes(structure_report(_report(page, page2)))
    assert "continued" not in notes[1].text


def test_footnotes_numbers_printed_as_a_block_before_their_texts():
    page = filler("budget", 4) + ["the plan was adopted in October.1 The members voted.2 Funding followed.3",
                                  "1", "2", "3", "Council Decision of 2 October 2020.", "Minutes of the vote, item 4.",
                                  "Budget Act of 2021, article 2.", "4"]
    notes = _notes(structure_report(_report(page)))
    assert [notes[n].text for n in (1, 2, 3)] == ["Council Decision of 2 October 2020.", "Minutes of the vote, item 4.",
                                                  "Budget Act of 2021, article 2."]


def test_footnotes_section_number_is_not_a_marker():
    page = ["3.1", "Scope of the review", *filler("scope", 4), "the plan was adopted.1", "1 A note.", "2"]
    doc = structure_report(_report(page))
    assert "3.1 Scope of the review" in [s.heading for s in doc.sections]
    assert _notes(doc)[1].text == "A note."


def test_footnotes_two_columns_body_resumes_after_the_note():
    page = filler("rail", 4) + ["the line was extended to the port.1 In the second year the council",
                                "1 Rail Authority, Annual Report 2019, p. 3.",
                                "agreed to a further extension of the line.", *filler("port", 4), "2"]
    doc = structure_report(_report(page))
    assert _notes(doc)[1].text == "Rail Authority, Annual Report 2019, p. 3."
    assert "the council agreed to a further extension" in doc.text


def test_footnotes_note_continued_in_smaller_type_at_the_next_page_foot():
    page1 = filler("canal", 8) + ["the canal was widened.1", "1 Canal Board, Review of Works, 2018, p. 9. The board also notes that the",
                                  "(continued...)", "3"]
    long_note = ("widening was financed by a special levy on shipping companies operating in the region over ten years and "
                 "more")
    page2 = [*filler("lock", 8), long_note, "which the board considered fair.", "2 Second note text.", "4"]
    page2[7] = page2[7].rstrip(".") + " more.2"
    doc = structure_report(_report(page1, page2))
    notes = _notes(doc)
    assert notes[1].text.endswith("which the board considered fair.")
    assert "levy" not in doc.text


def test_footnotes_markers_without_note_text_are_removed_and_recorded():
    # endnotes printed at the end of the book, outside this excerpt: markers 27-29, no note text
    page = filler("trade", 4) + ["exports rose in all markets.27 The ministry noted a change in the rules.28",
                                 "Costs fell.29 Officials expect more growth next year in the region.", "4"]
    doc = structure_report(_report(page))
    notes = _notes(doc)
    assert sorted(notes) == [27, 28, 29]
    assert all(n.status == "missing_text" and n.anchor is not None for n in notes.values())
    assert "markets.27" not in doc.text and "all markets. The ministry" in doc.text


def test_footnotes_note_line_ending_in_an_abbreviation_goes_on_in_the_note():
    page = filler("rail", 4) + ["the line was extended to the port.1 The council agreed.",
                                "1 Rail Authority, Annual Report 2019, see e.g.", "pp. 3-4 and the annex on costs.", "2"]
    doc = structure_report(_report(page))
    assert _notes(doc)[1].text == "Rail Authority, Annual Report 2019, see e.g. pp. 3-4 and the annex on costs."


def test_footnotes_numbered_heading_in_the_lower_half_is_no_note():
    page = [*filler("intro", 8), "1. Share policy insights", *filler("policy", 4), "2"]
    doc = structure_report(_report(page))
    assert not doc.footnotes and "1. Share policy insights" in [s.heading for s in doc.sections]


def test_footnotes_numbered_references_in_brackets_without_their_list():
    page = filler("models", 4) + ["General models have grown quickly in recent years (1).",
                                  "Their abilities are hard to measure (2, 3); evaluations differ (4*).",
                                  "The criteria are (1) scale and (2) openness, as Article 3 (1)(e) sets out.", "5"]
    doc = structure_report(_report(page))
    notes = _notes(doc)
    assert sorted(notes) == [1, 2, 3, 4] and all(n.status == "missing_text" and n.anchor is not None for n in notes.values())
    assert "in recent years." in doc.text and "(2, 3)" not in doc.text
    assert "are (1) scale and (2) openness" in doc.text and "Article 3 (1)(e)" in doc.text
