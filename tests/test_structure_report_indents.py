"""Heading levels from the indents of a contents page in text without type sizes (issue 12, class 4): an indented
entry's title, dot leader and page number span less than a top-level entry's."""

from __future__ import annotations

from corpus.structure import structure_document
from corpus.structure.report.indents import extent_tiers, leader_extent
from tests.report_text import blank_layout, filler

_RIGHT = 150  # the contents page's right margin, in leader dots


def _entry(title: str, page: int, indent: int = 0) -> str:
    """A contents line as an extraction prints it: the leader fills the measure up to the flush-right page number."""
    dots = round(_RIGHT - indent - leader_extent(f"{title} .... {page}") + 4)
    return f"{title} {'.' * dots} {page}"


def _report(indent: int) -> str:
    contents = ["Contents", _entry("Harbour Power", 2), _entry("Grid Connections", 2, indent),
                _entry("Tariff Regulation", 3, indent), _entry("Market Outlook", 3), "1"]
    return blank_layout(
        contents,
        ["Harbour Power", *filler("a"), "Grid Connections", *filler("b"), "2"],
        ["Tariff Regulation", *filler("c"), "Market Outlook", *filler("d"), "3"],
    )


def _headings(raw: str) -> list[tuple[int, str]]:
    doc = structure_document(raw, genre="report")
    return [(s.level, s.heading) for s in doc.sections if s.kind == "heading"]


def test_indents_an_indented_contents_entry_is_a_level_below():
    assert _headings(_report(indent=8)) == [(1, "Harbour Power"), (2, "Grid Connections"), (2, "Tariff Regulation"),
                                            (1, "Market Outlook")]


def test_indents_entries_flush_with_each_other_state_no_level():
    assert {level for level, _ in _headings(_report(indent=0))} == {1}


def test_indents_extent_counts_title_dots_and_page_number():
    narrow, wide = leader_extent("Scope ........ 4"), leader_extent("Scope ............ 4")
    assert wide - narrow == 4
    assert leader_extent("Scope of the review") is None
    assert leader_extent("Wide ......... 12") > leader_extent("Wide ......... 1")


def test_indents_tiers_need_a_clear_indent_between_narrow_groups():
    assert extent_tiers([154.0, 147.5, 148.6, 153.2, 146.9]) == [1, 2, 2, 1, 2]
    assert extent_tiers([154.0, 150.5, 147.0, 143.5, 140.0]) is None  # widths drifting evenly: no tiers
    assert extent_tiers([154.0, 153.0, 152.5]) is None  # one tier


def test_indents_a_listing_aligned_in_characters_states_no_level():
    """Entries typed to one length in characters (a fixed-width face) are flush, whatever their letters' widths."""
    contents = ["Contents", "Summary .......................................... 1",
                "The industrial internet platforms ............ 1", "How firms share data ............................. 2",
                "Conclusion ........................................ 2", "1"]
    raw = blank_layout(contents, ["Summary", *filler("a"), "The Industrial Internet Platforms", *filler("b"), "2"],
                       ["How Firms Share Data", *filler("c"), "Conclusion", *filler("d"), "3"])
    assert {level for level, _ in _headings(raw)} == {1}
