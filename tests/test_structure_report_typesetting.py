"""Report structure: typesetting habits found on constructed excerpts of other publishers (issue 12, round of
branch structure4). Every example is constructed in the blank-line layout of PDF extractions (tests/report_text.py)."""

from __future__ import annotations

from corpus.structure.report import structure_report
from corpus.structure.report.cover import read_cover
from tests.report_text import blank_layout, filler


# --- cover: a title in capitals, a department's name, a title-case title over a sentence-case subtitle ------


def test_cover_title_in_capitals_over_a_sentence_case_subtitle_is_no_banner():
    cover = read_cover(["WATER FOR SMALL FARMS", "How three valleys share their rivers", "Jane Doe", "May 2024"])
    assert cover.title == "WATER FOR SMALL FARMS"
    assert cover.subtitle == "How three valleys share their rivers"
    assert cover.authors == ("Jane Doe",)


def test_cover_title_in_capitals_over_its_author_is_no_banner():
    cover = read_cover(["WATER FOR SMALL FARMS", "Jane Doe", "May 2024"])
    assert cover.title == "WATER FOR SMALL FARMS" and cover.authors == ("Jane Doe",)


def test_cover_institute_banner_in_capitals_stays_a_banner():
    cover = read_cover(["NORTHGATE INSTITUTE", "Water for small farms in the valley", "Jane Doe"])
    assert cover.title == "Water for small farms in the valley"


def test_cover_department_over_a_title_case_title_and_sentence_case_subtitle():
    cover = read_cover(["Department for Coastal Works", "Harbour Dredging Review",
                        "Keeping the channels open for shipping", "November 2023"])
    assert cover.title == "Harbour Dredging Review"
    assert cover.subtitle == "Keeping the channels open for shipping"


def test_cover_ministry_over_its_directorate_over_the_title():
    cover = read_cover(["Ministry of Transport", "Directorate for Road Safety", "Safer Rural Roads",
                        "Annual report on collisions", "May 2024"])
    assert cover.title == "Safer Rural Roads" and cover.subtitle == "Annual report on collisions"


def test_cover_names_over_names_are_no_title():
    assert read_cover(["Ana Silva", "Li Wei and Tom Berg", "May 2024"]).title is None


def test_cover_title_repeated_as_running_head_under_a_department_stays_the_title():
    raw = blank_layout(
        ["Department for Coastal Works", "Harbour Dredging Review", "Keeping the channels open for shipping",
         "November 2023"],
        ["Harbour Dredging Review", "1 Introduction", *filler("dredging", 6), "2"],
        ["Harbour Dredging Review", "2 Findings", *filler("channel", 6), "3"],
        ["Harbour Dredging Review", "3 Next steps", *filler("berth", 6), "4"],
    )
    doc = structure_report(raw)
    assert doc.title == "Harbour Dredging Review: Keeping the channels open for shipping"
    assert "Harbour Dredging Review" not in doc.text
