"""Report covers and title pages read as a block (issue 12, classes 1 and 8)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.structure.report import structure_report
from corpus.structure.report.cover import find_date, is_name, read_cover
from tests.report_text import blank_layout, filler


@pytest.mark.parametrize(("printed", "day", "month"), [
    ("June 2023", None, "2023-06"),
    ("3 October 2024", dt.date(2024, 10, 3), "2024-10"),
    ("SEPTEMBER 2019", None, "2019-09"),
    ("April 10, 2026", dt.date(2026, 4, 10), "2026-04"),
    ("Brussels, 21.4.2021", dt.date(2021, 4, 21), "2021-04"),
])
def test_cover_dates_as_printed(printed, day, month):
    found = find_date(printed)
    assert found.date == day and found.month_text == month


def test_cover_no_date_in_a_number():
    assert find_date("Report 31.02.2020") is None  # no such day


def test_cover_title_over_lines_after_a_banner_with_subtitle_and_authors():
    cover = read_cover(["HARBOUR INSTITUTE", "Shipping Lanes and the Law", "of the Sea in a Warming Arctic",
                        "POLICY REVIEW", "Ana Silva and Tomasz Wierzbicki", "Policy Report No. 14", "June 2023"])
    assert cover.title == "Shipping Lanes and the Law of the Sea in a Warming Arctic"
    assert cover.subtitle == "POLICY REVIEW"
    assert cover.authors == ("Ana Silva", "Tomasz Wierzbicki")
    assert cover.date.month_text == "2023-06" and cover.date.day is None


def test_cover_publisher_and_report_number_are_not_title():
    cover = read_cover(["RX 2231", "Water Futures for the Mekong", "Meridian Policy Lab", "3 October 2024"])
    assert cover.title == "Water Futures for the Mekong" and cover.authors == ()


@pytest.mark.parametrize(("text", "name"), [("Ana Silva", True), ("Gina M. Raimondo", True),
                                            ("Research Service", False), ("Risk Management Framework", False),
                                            ("Meridian Policy Lab", False)])
def test_cover_person_names(text, name):
    assert is_name(text) is name


def _body_pages(n: int) -> list[list[str]]:
    return [["Introduction" if k == 0 else f"Part {k} continued", *filler(f"subject{k}", 10), str(k + 1)] for k in range(n)]


def test_cover_page_is_front_matter_and_gives_title_date():
    cover = ["Shipping Lanes and the Law", "of the Sea in a Warming Arctic", "3 October 2024", "Harbour Institute",
             "© Harbour Institute 2024. All rights reserved."]
    doc = structure_report(blank_layout(cover, *_body_pages(4)))
    assert doc.title == "Shipping Lanes and the Law of the Sea in a Warming Arctic"
    assert doc.published_date == dt.date(2024, 10, 3)
    assert "Warming Arctic" not in doc.text and "All rights reserved" not in doc.text
    assert "All rights reserved" in " ".join(doc.boilerplate)


def test_cover_missing_title_falls_back_to_running_head_with_a_note():
    pages = [["WATER FUTURES REVIEW", *filler(f"subject{k}", 10), str(k + 1)] for k in range(5)]
    doc = structure_report(blank_layout(*pages))
    assert doc.title == "WATER FUTURES REVIEW" and doc.title_origin == "running_head"
    assert doc.published_date is None and doc.published_month is None


def test_cover_pipeline_records_title_origin_and_month_precision():
    from corpus.pipeline import Options, process_document
    from corpus.read import SourceDocument

    head = [["WATER FUTURES REVIEW", *filler(f"subject{k}", 10), str(k + 1)] for k in range(5)]
    raw = blank_layout(*head)
    doc = process_document(SourceDocument("x", "x.txt", "0" * 64, len(raw), raw, None), Options(ner=False)).document
    assert {o.field: o.origin for o in doc.field_origins}["title"] == "running_head"

    cover = ["Shipping Lanes in the Arctic", "June 2023", "Harbour Institute"]
    raw = blank_layout(cover, *_body_pages(6))
    doc = process_document(SourceDocument("y", "y.txt", "0" * 64, len(raw), raw, None), Options(ner=False)).document
    assert doc.published_date is None and doc.published_month == "2023-06"
    assert {o.field: o.origin for o in doc.field_origins}["published_month"] == "extracted"


def test_cover_title_block_under_an_institute_banner_on_a_page_with_prose():
    page = ["HARBOUR INSTITUTE", "Shipping Lanes in a Warming Arctic", "Ana Silva", "Policy Report No. 14 — June 2023",
            *filler("arctic", 10), "1"]
    doc = structure_report(blank_layout(page, *_body_pages(5)))
    assert doc.title == "Shipping Lanes in a Warming Arctic"
    assert doc.authors == ("Ana Silva",) and doc.published_month == "2023-06"


def test_cover_copyright_and_licence_page_after_the_foreword_is_front_matter():
    foreword = ["Foreword", *filler("foreword", 10), "1"]
    legal = ["© Harbour Institute 2024", "This publication is licensed under the terms of the Open Government Licence v3.0.",
             "Any enquiries regarding this publication should be sent to the institute.", "2"]
    doc = structure_report(blank_layout(foreword, legal, *_body_pages(5)))
    assert "Open Government Licence" not in doc.text and "enquiries" not in doc.text
    assert "foreword programme" in doc.text


# --- author lines as covers set them (issue 12, class 1: authors on cover pages) -------------------------------


@pytest.mark.parametrize(("lines", "authors"), [
    (["Helena Osei and Rafael Montes"], ("Helena Osei", "Rafael Montes")),
    (["HELENA OSEI AND RAFAEL MONTES"], ("Helena Osei", "Rafael Montes")),  # names set in capitals
    (["Dr. Helena Osei and Prof. Rafael Montes"], ("Helena Osei", "Rafael Montes")),  # honorifics
    (["Helena Osei*, Rafael Montes** and Ana Silva†"], ("Helena Osei", "Rafael Montes", "Ana Silva")),  # note symbols
    (["Helena Osei | Rafael Montes | Ana Silva"], ("Helena Osei", "Rafael Montes", "Ana Silva")),  # bar-separated
    (["Authors:", "Helena Osei", "Rafael Montes"], ("Helena Osei", "Rafael Montes")),  # a label, one name a line
    (["Helena Osei, Northgate Institute", "Rafael Montes, University of Lagos"], ("Helena Osei", "Rafael Montes")),
    (["Helena Osei", "University of Lagos", "Rafael Montes", "Senior Fellow"], ("Helena Osei", "Rafael Montes")),
])
def test_cover_author_lines_under_the_title(lines, authors):
    cover = read_cover(["Compute and Control", *lines, "November 2023"])
    assert cover.title == "Compute and Control"
    assert cover.authors == authors


def test_cover_title_line_ending_in_a_colon_opens_a_two_line_title():
    cover = read_cover(["CENTRE FOR TECHNOLOGY", "Working Paper 12", "Compute, Chips and Control:",
                        "Export Rules and the Chain", "HELENA OSEI AND RAFAEL MONTES", "November 2023"])
    assert cover.title == "Compute, Chips and Control: Export Rules and the Chain"
    assert cover.subtitle is None and cover.authors == ("Helena Osei", "Rafael Montes")


def test_cover_place_line_after_an_affiliation_is_no_author():
    cover = read_cover(["Compute and Control", "Helena Osei", "Northgate Institute", "Harbour Street", "2023"])
    assert cover.authors == ("Helena Osei",)


@pytest.mark.parametrize("lines", [
    ["NORTHGATE INSTITUTE", "LICENSING REGIMES FOR", "CROSS-BORDER DATA FLOWS", "Hana Sato", "June 2023"],
    ["Northgate Institute for Technology Policy", "Licensing Regimes for Cross-Border Data Flows", "Hana Sato", "June 2023"],
    ["Northgate Institute", "Research Paper", "Licensing Regimes for Cross-Border Data Flows", "By Hana Sato", "June 2023"],
])
def test_cover_publisher_and_kind_of_paper_above_the_title_are_no_part_of_it(lines):
    cover = read_cover(lines)
    assert cover.title.casefold() == "licensing regimes for cross-border data flows"
    assert cover.authors == ("Hana Sato",)
