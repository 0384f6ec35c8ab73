"""Heading levels from the type a PDF sets them in: unnumbered headings ranked by size within their typeface
(issue 12, class 3)."""

from __future__ import annotations

from corpus.readers.model import LayoutDocument, SourceLine, SourcePage, layout_text
from corpus.structure import structure_document
from tests.report_text import filler

_BODY, _SERIF, _SANS = "Serif", "Serif-Bold", "Sans-Bold"


def _layout(pages: list[list[tuple[str, str, float]]]) -> LayoutDocument:
    return LayoutDocument(
        pages=tuple(SourcePage(index=p, lines=tuple(SourceLine(text=t, page=p, font_name=f, font_size=s) for t, f, s in page))
                    for p, page in enumerate(pages)),
        input_format="pdf", extractor="test", extractor_version="1")


def _body(topic: str) -> list[tuple[str, str, float]]:
    return [(line, _BODY, 11.0) for line in filler(topic, 8)]


def _headings(layout: LayoutDocument) -> list[tuple[int, str]]:
    doc = structure_document(layout_text(layout), genre="report", layout=layout)
    return [(s.level, s.heading) for s in doc.sections if s.kind == "heading"]


def test_typesize_larger_type_is_the_higher_level():
    layout = _layout([
        [("Harbour Power", _SERIF, 18.0), *_body("a"), ("Grid Connections", _SERIF, 14.0), *_body("b"), ("1", _BODY, 11.0)],
        [("Tariff Regulation", _SERIF, 14.0), *_body("c"), ("Market Outlook", _SERIF, 18.0), *_body("d"), ("2", _BODY, 11.0)],
    ])
    assert _headings(layout) == [(1, "Harbour Power"), (2, "Grid Connections"), (2, "Tariff Regulation"),
                                 (1, "Market Outlook")]
    # the same lines all set in the body's type: the text alone reads its title-case headings as one level
    flat = _layout([[(line.text, _BODY, 11.0) for line in page.lines] for page in layout.pages])
    assert {level for level, _ in _headings(flat)} == {1}


def test_typesize_a_heading_in_a_typeface_of_its_own_stays_on_top():
    """A summary page set in another typeface: its one size ranks nothing below the chapters."""
    layout = _layout([
        [("SUMMARY", _SANS, 14.0), *_body("s"), ("1", _BODY, 11.0)],
        [("Harbour Power", _SERIF, 18.0), *_body("a"), ("Grid Connections", _SERIF, 14.0), *_body("b"), ("2", _BODY, 11.0)],
    ])
    assert _headings(layout) == [(1, "SUMMARY"), (1, "Harbour Power"), (2, "Grid Connections")]


def test_typesize_numbered_headings_keep_the_levels_of_their_numbers():
    layout = _layout([
        [("1. Harbour Power", _SERIF, 14.0), *_body("a"), ("1.1 Grid Connections", _SERIF, 18.0), *_body("b"), ("1", _BODY, 11.0)],
    ])
    assert _headings(layout) == [(1, "1. Harbour Power"), (2, "1.1 Grid Connections")]
