"""Author lines and printed dates on report covers, as publishers set them (issue 12, classes 1 and 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.structure.report import structure_report
from corpus.structure.report.cover import find_date, is_name, read_cover
from tests.report_text import blank_layout, filler


@pytest.mark.parametrize(("lines", "authors"), [
    # a given name or surname joined by a hyphen or an apostrophe
    (["Mei-Ling Tan and Sean O’Brien"], ("Mei-Ling Tan", "Sean O’Brien")),
    # name and role on one line, by comma or dash
    (["Jane Doe, Senior Fellow", "Li Wei, Research Associate"], ("Jane Doe", "Li Wei")),
    (["Jane Doe — Senior Fellow"], ("Jane Doe",)),
    # degrees after the names
    (["Jane Doe, PhD and Li Wei, MSc"], ("Jane Doe", "Li Wei")),
    # labels other than "By" / "Authors:"
    (["Edited by Jane Doe and Li Wei"], ("Jane Doe", "Li Wei")),
    (["Lead author: Jane Doe", "Contributing authors: Li Wei, Tom Berg"], ("Jane Doe", "Li Wei", "Tom Berg")),
    (["Jane Doe with Li Wei"], ("Jane Doe", "Li Wei")),
    # lowercase particles inside a name, initials with and without a full stop
    (["Ana de la Cruz and Pieter van der Berg"], ("Ana de la Cruz", "Pieter van der Berg")),
    (["Jane K Doe and J. R. Smith"], ("Jane K Doe", "J. R. Smith")),
    # affiliations in brackets, superscript note numbers
    (["Jane Doe (Northgate Institute) and Li Wei (Fudan University)"], ("Jane Doe", "Li Wei")),
    (["Jane Doe¹, Li Wei² and Tom Berg³"], ("Jane Doe", "Li Wei", "Tom Berg")),
    # a date line between the title and the names
    (["Published October 2023", "Jane Doe", "Li Wei"], ("Jane Doe", "Li Wei")),
    # "A report by", a "Report authors" label, a line of names wrapped after "and"
    (["A report by Jane Doe and Li Wei"], ("Jane Doe", "Li Wei")),
    (["Report authors", "Jane Doe and Li Wei"], ("Jane Doe", "Li Wei")),
    (["Jane Doe, Li Wei and", "Tom Berg"], ("Jane Doe", "Li Wei", "Tom Berg")),
])
def test_cover_author_line_forms(lines, authors):
    cover = read_cover(["Compute and Control", *lines, "November 2023"])
    assert cover.title == "Compute and Control"
    assert cover.authors == authors


def test_cover_names_on_their_own_lines_each_over_a_role_line():
    cover = read_cover(["Chips, Clouds and", "the Limits of Control", "Rosa Bianchi", "Senior Fellow, Technology Program",
                        "Anne-Marie Dubois", "Research Associate", "Harbour Centre for Policy", "MAY 2022"])
    assert cover.title == "Chips, Clouds and the Limits of Control"
    assert cover.authors == ("Rosa Bianchi", "Anne-Marie Dubois")


@pytest.mark.parametrize("text", ["Mei-Ling Tan", "Sean O’Brien", "Ana de la Cruz", "J. R. Smith"])
def test_cover_person_names_of_other_shapes(text):
    assert is_name(text)


def test_cover_title_over_two_lines_then_names_wrapped_after_and():
    cover = read_cover(["Policy Report No. 14", "Digital Silk Road:", "Infrastructure Abroad", "Jane Doe, Li Wei and",
                        "Tom Berg", "June 2023"])
    assert cover.title == "Digital Silk Road: Infrastructure Abroad"
    assert cover.authors == ("Jane Doe", "Li Wei", "Tom Berg")


@pytest.mark.parametrize("text", ["Living with Machines", "Building A Safer Internet", "Trade and the State",
                                  "Driven by Data", "Shaped by Markets and States"])
def test_cover_title_phrases_are_no_names(text):
    assert not is_name(text)
    assert read_cover([text, "Jane Doe", "June 2023"]).title == text


@pytest.mark.parametrize(("printed", "day", "month"), [
    ("Dec 2023", None, "2023-12"),
    ("Sept. 2023", None, "2023-09"),
    ("5 Jan. 2025", dt.date(2025, 1, 5), "2025-01"),
    ("March 12th, 2024", dt.date(2024, 3, 12), "2024-03"),
    ("2024-03-12", dt.date(2024, 3, 12), "2024-03"),
])
def test_cover_dates_printed_abbreviated_ordinal_or_iso(printed, day, month):
    found = find_date(printed)
    assert found is not None and found.date == day and found.month_text == month


@pytest.mark.parametrize("text", ["Market 2024", "Decades of growth, 2024", "Marching orders 2024"])
def test_cover_words_that_start_like_a_month_are_no_date(text):
    assert find_date(text) is None


def test_cover_authors_with_roles_and_abbreviated_date_through_the_pipeline():
    cover = ["Chips, Clouds and", "the Limits of Control", "Rosa Bianchi, Senior Fellow", "Anne-Marie Dubois, Research Associate",
             "Sept. 2022"]
    body = ["Introduction", *filler("clouds", 8)]
    doc = structure_report(blank_layout(cover, body, ["Findings", *filler("chips", 8)]))
    assert doc.title == "Chips, Clouds and the Limits of Control"
    assert doc.authors == ("Rosa Bianchi", "Anne-Marie Dubois")
    assert doc.published_month == "2022-09" and doc.published_date is None
    assert "Senior Fellow" not in doc.text and "Rosa Bianchi" not in doc.text


def test_title_block_on_a_page_with_prose_is_front_matter_not_body():
    page = ["HARBOUR OBSERVATORY", "Issue Brief", "Cables and the Politics of Repair", "in the Western Pacific",
            "By Rosa Bianchi and Li Wei", "3 October 2024", "INTRODUCTION", *filler("cables", 8)]
    doc = structure_report(blank_layout(page, ["WHO REPAIRS THEM", *filler("repairs", 8)]))
    assert doc.title == "Cables and the Politics of Repair in the Western Pacific"
    assert doc.authors == ("Rosa Bianchi", "Li Wei") and doc.published_date == dt.date(2024, 10, 3)
    assert doc.text.startswith("INTRODUCTION")
    assert "By Rosa Bianchi and Li Wei" in doc.boilerplate and "HARBOUR OBSERVATORY" in doc.boilerplate


def test_cover_title_repeated_as_running_head_stays_the_title():
    # the title's first line is printed again as the running head of later pages; on the cover, the lines under
    # it (a subtitle over two lines, then "Name, Role" lines) make it a title block, not a running head
    cover = ["Trusted Data Spaces", "Lessons from an Industrial Internet", "for Data Sharing Between Firms",
             "Rosa Bianchi, Senior Fellow", "Li Wei, Research Fellow", "15 May 2025"]
    pages = [["Trusted Data Spaces", heading, *filler(heading, 8), str(k)]
             for k, heading in enumerate(("Summary", "Platforms", "Conclusion"), 1)]
    doc = structure_report(blank_layout(cover, *pages))
    assert doc.title.startswith("Trusted Data Spaces") and doc.title.endswith("for Data Sharing Between Firms")
    assert doc.authors == ("Rosa Bianchi", "Li Wei") and doc.published_date == dt.date(2025, 5, 15)
