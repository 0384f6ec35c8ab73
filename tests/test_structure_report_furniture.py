"""Running heads, footers and blank-page notices on constructed pages (issue 12, class 7), and drop caps."""

from __future__ import annotations

from corpus.structure.report import structure_report
from tests.report_text import blank_layout, filler


def test_furniture_running_head_off_the_edge_and_on_the_first_page():
    pages = [["ARCTIC SHIPPING REVIEW", "1.2.1", "ARCTIC SHIPPING REVIEW" if k == 2 else "Scope of the work", *filler(f"s{k}", 8), str(k + 1)]
             for k in range(5)]
    pages[2][1:3] = ["2.1", "ARCTIC SHIPPING REVIEW", "Later findings"][0:2]
    doc = structure_report(blank_layout(*pages))
    assert "ARCTIC SHIPPING REVIEW" not in doc.text
    assert doc.furniture.count("ARCTIC SHIPPING REVIEW") >= 6


def test_furniture_page_intentionally_left_blank():
    pages = [[*filler(f"s{k}", 8), str(k + 1)] for k in range(4)] + [["This page intentionally left blank.", "5"]]
    doc = structure_report(blank_layout(*pages))
    assert "intentionally" not in doc.text


def test_furniture_drop_cap_joined_to_its_word():
    pages = [["Introduction", "T", "he harbour authority dredged the channel in the spring of that year.",
              *filler("s0", 8), "1"]] + [[*filler(f"s{k}", 8), str(k + 2)] for k in range(3)]
    doc = structure_report(blank_layout(*pages))
    assert "The harbour authority dredged" in doc.text and "T\n" not in doc.text


def test_furniture_glyph_fused_with_page_number_is_no_marker():
    topics = ["north", "south", "east", "west", "centre"]
    pages = [[*filler(topics[k], 7), "the plan was adopted in the spring.1" if k == 0 else "The work went on.", *(["1 A note."] if k == 0 else []),
              f"N{k + 1}"] for k in range(5)]
    doc = structure_report(blank_layout(*pages))
    assert not any(line.startswith("N") and line[1:].isdigit() for line in doc.text.split())
    assert [n.number for n in doc.footnotes] == [1]


def test_furniture_alternating_heads_with_the_page_number_set_off_by_a_bar():
    topics = ["north", "south", "east", "west", "centre", "coast"]
    pages = [[f"{k + 1} | Harbour Research Centre" if k % 2 else f"Dredging the Northern Channel | {k + 1}",
              *filler(topics[k], 8)] for k in range(6)]
    doc = structure_report(blank_layout(*pages))
    assert "Harbour Research Centre" not in doc.text and "Dredging the Northern Channel" not in doc.text
    assert sum(1 for line in doc.furniture if "|" in line) == 6


def test_furniture_year_in_a_running_head_is_no_page_number():
    topics = ["north", "south", "east", "west", "centre"]
    pages = [["Annual Review 2023", *filler(topics[k], 8), str(k + 3)] for k in range(5)]
    doc = structure_report(blank_layout(*pages))
    assert "Annual Review 2023" not in doc.text
    assert [s.page_start for s in doc.sections][:1] == [3]  # pages counted from the printed numbers, not the year
