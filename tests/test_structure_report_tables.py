"""A table printed without a source line ends where running text or the next numbered heading starts."""

from __future__ import annotations

from corpus.structure import structure_document
from corpus.structure.report.tables import is_running_text, leaves_table

WIDTH = 90


def _report(pages: list[list[str]]) -> str:
    """Pages in the PDF-text layout: each line followed by a blank line, a new page starting with one space."""
    return "\n".join((" " if i else "") + "\n\n".join(page) for i, page in enumerate(pages))


def test_tables_rows_are_short_cells_not_prose():
    assert not leaves_table("Processing yes yes no", WIDTH)
    assert not leaves_table("Data localisation Required Required Not required", WIDTH)
    assert not leaves_table("Shanghai Data Exchange 2021 2,100 listed products", WIDTH)


def test_tables_running_text_and_numbered_headings_leave_the_table():
    assert leaves_table("The controls are defined by performance, not by product name. A chip is controlled when its", WIDTH)
    assert leaves_table("Les règles encadrent la vente des puces et non la vente de temps de calcul dans les centres", WIDTH)
    assert leaves_table("2. Cloud access", WIDTH)
    assert leaves_table("3.1 What firms must disclose", WIDTH)


def test_tables_a_short_prose_line_is_not_yet_running_text():
    assert not is_running_text("the rules of the game", WIDTH)


def test_tables_a_table_without_source_does_not_swallow_the_rest_of_the_report():
    cover = ["A Report on Chips", "By Jane Roe", "March 2024"]
    page1 = ["1. Introduction",
             "Some more text here that is long enough to be a paragraph of the body text of a report.",
             "Table 1: Controlled chips by threshold", "Model A Model B Model C", "Processing yes yes no",
             "Interconnect yes no no",
             "The controls are defined by performance, not by product name. A chip is controlled when its",
             "processing power passes set limits.",
             "Example Institute | A Report on Chips", "2"]
    page2 = ["2. Cloud access",
             "The rules control the sale of chips, not the sale of computing time in data centres abroad.",
             "Example Institute | A Report on Chips", "3"]
    doc = structure_document(_report([cover, page1, page2]), genre="report")
    assert [s.heading for s in doc.sections] == ["1. Introduction", "2. Cloud access"]
    assert "not by product name. A chip is controlled when its processing power passes set limits." in doc.text
    assert "\n\nThe controls are defined by performance" in doc.text  # a paragraph of its own, after the rows
    assert "Example Institute" not in doc.text  # the running footer is furniture again
    assert [f.label for f in doc.figures] == ["Table 1"]
