"""Numbered sentence-case headings beside footnotes, page numbers and charts (issue 12, classes 2, 5 and 6)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from corpus.structure.report.footnotes import _extract_markers
from tests.report_text import blank_layout, filler


def _headings(doc) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for s in doc.sections if s.kind == "heading"]


def _prose(topic: str, n: int = 4, marker: int | None = None) -> list[str]:
    lines = filler(topic, n)
    if marker is not None:
        lines[-1] = f"{lines[-1]}{marker}"  # "... arrangements.3"
    return lines


def test_a_code_of_a_capital_and_digits_is_no_marker():
    # "Q3 2023", "G7": a lone capital with digits is a code; "audits.3" carries note 3
    for text in ("Q3 2023 Q1 2024", "the G7 summit", "H1 results"):
        assert _extract_markers(text, 3)[1] == [] and _extract_markers(text, 7)[1] == [] and _extract_markers(text, 1)[1] == []
    clean, markers, _ = _extract_markers("the results of internal audits.3", 3)
    assert clean == "the results of internal audits." and markers == [(len(clean), 3)]


def test_note_marker_after_a_chart_with_quarter_labels():
    page = ["Figure 1: Filings by quarter, 2022–2024", "150", "100", "50", "0", "Q3 2022", "Q1 2023", "Q3 2023",
            "Source: Survey of filings.", "2.1 What firms must disclose", *_prose("audits", 4, marker=1),
            "2.2 Enforcement so far", *_prose("penalties", 6), "1 Internal audits are required by separate rules.", "3"]
    doc = structure_report(blank_layout(["Introduction", *_prose("rules", 8)], page))
    note = next(f for f in doc.footnotes if f.number == 1)
    assert note.text == "Internal audits are required by separate rules."
    assert doc.text[note.anchor - 1] == "." and "Q1 2023" not in doc.text[note.anchor - 20:note.anchor]
    assert ("2.2 Enforcement so far", 2) in _headings(doc)


def test_numbered_sentence_case_heading_above_the_note_with_its_number():
    # "3 Evidence from trading records" comes after the body marker 3; the page's note 3 is at its foot
    page1 = ["1 Introduction", *_prose("exchanges", 6, marker=1), "2 How exchanges work", *_prose("listing", 6, marker=2),
             "1 Estimates of off-exchange trading vary.", "2 Interviews with officials.", "1"]
    page2 = ["2.1 Who owns the data", *_prose("rights", 5, marker=3), "3 Evidence from trading records", *_prose("records", 6),
             "3 State Council, Opinions on Building a Data System, 2022.", "2"]
    doc = structure_report(blank_layout(["Data Exchanges", *_prose("cover", 3)], page1, page2))
    assert ("3 Evidence from trading records", 1) in _headings(doc)
    assert next(f for f in doc.footnotes if f.number == 3).text == "State Council, Opinions on Building a Data System, 2022."
    assert "records programme" in doc.text


def test_heading_number_alone_on_its_line_above_the_notes():
    # the body's marker 2 comes before the heading number "2": that number is no note's
    page = ["Running Head of the Brief", *_prose("licences", 4, marker=1), *_prose("firms", 3, marker=2), "2",
            "The regulatory landscape", *_prose("landscape", 5), "1 A first note.", "2 A second note.", "1"]
    page2 = ["Running Head of the Brief", "3", "Policy options", *_prose("options", 8), "2"]
    doc = structure_report(blank_layout(["Introduction", *_prose("intro", 8)], page, page2))
    assert ("2 The regulatory landscape", 1) in _headings(doc)
    assert [f.text for f in doc.footnotes] == ["A first note.", "A second note."]


def test_heading_number_at_the_top_of_a_page_numbered_at_its_foot():
    pages = [["1", "Introduction", *_prose("intro", 8), "Working Paper 31 · June 2025", "1"],
             ["2", "How exchanges work", *_prose("work", 8), "Working Paper 31 · June 2025", "2"],
             [*_prose("more", 8), "Working Paper 31 · June 2025", "3"]]
    doc = structure_report(blank_layout(*pages))
    assert _headings(doc)[:2] == [("1 Introduction", 1), ("2 How exchanges work", 1)]
    assert doc.text.count("Working Paper 31") == 0


def test_legend_lines_between_caption_and_source():
    page = ["Introduction", *_prose("trading", 6), "Figure 3 — Listed data products by exchange and category,", "2021–2024",
            "Shanghai Shenzhen Guiyang Beijing", "Traffic Finance Health", "Source: Exchange trading records.",
            *_prose("after", 6)]
    doc = structure_report(blank_layout(["A Report on Exchanges", *_prose("cover", 3)], page))
    figure = doc.figures[0]
    assert figure.caption == "Listed data products by exchange and category, 2021–2024"
    assert figure.source == "Exchange trading records."
    assert "Shanghai Shenzhen" not in doc.text and "Traffic Finance" not in doc.text


def test_running_head_printed_once_is_furniture_not_a_heading():
    page1 = ["Cables and Repair", "By Rosa Bianchi", "INTRODUCTION", *_prose("cables", 8)]
    page2 = ["Issue Brief | October 2024", "WHO REPAIRS THE CABLES", *_prose("repairs", 8), "2"]
    doc = structure_report(blank_layout(page1, page2))
    assert "Issue Brief" not in doc.text and "Issue Brief | October 2024" in doc.furniture
    assert _headings(doc) == [("INTRODUCTION", 1), ("WHO REPAIRS THE CABLES", 1)]


def test_the_full_stop_of_a_caption_label_does_not_make_the_caption_run_on():
    page = ["Introduction", *_prose("parcels", 6), "Figure 2. Parcels declared by small sellers, 2019–2023",
            "2019", "2020", "2021", "2022", "2023", "Notes: Millions of declarations.", "Source: Customs offices.",
            *_prose("after", 6)]
    doc = structure_report(blank_layout(["A Report on Parcels", *_prose("cover", 3)], page))
    figure = doc.figures[0]
    assert figure.caption == "Parcels declared by small sellers, 2019–2023"
    assert figure.source == "Customs offices." and figure.note == "Millions of declarations."


def test_numbered_heading_ending_on_a_connector_goes_on_over_a_long_line():
    # the first line ends on "the": the heading goes on, even over a line near the body's full width
    body = [*_prose("scope", 6), "2.3 Application of the rules to the establishment of a controller or a processor in the",
            "Union, regardless of whether the processing takes place in the Union or not", *_prose("application", 6)]
    doc = structure_report(blank_layout(["1 Introduction", *_prose("intro", 8)], body))
    assert ("2.3 Application of the rules to the establishment of a controller or a processor in the Union, regardless "
            "of whether the processing takes place in the Union or not", 2) in _headings(doc)
