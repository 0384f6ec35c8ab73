"""Layout provenance: layout lines aligned back onto the clean text give pages and boxes."""

from __future__ import annotations

from corpus.readers.model import Box, LayoutDocument, SourceLine, SourcePage
from corpus.readers.provenance import align_lines, place_on_pages
from corpus.structure.model import FootnoteSpan, SectionSpan, StructuredDocument

HEADING = "Methods of the survey and sample"
OPENING = "The opening paragraph of the report sets out"
BODY = "The survey drew on three hundred interviews"


def _line(text: str, page: int, top: float) -> SourceLine:
    return SourceLine(text=text, page=page, bbox=Box(72, top, 400, top + 10), font_size=10)


def _layout(*lines: SourceLine) -> LayoutDocument:
    pages = tuple(SourcePage(index=p, lines=tuple(l for l in lines if l.page == p)) for p in range(max(l.page for l in lines) + 1))
    return LayoutDocument(pages=pages, input_format="pdf", extractor="test", extractor_version="0")


def test_readers_provenance_contents_entry_falls_out_of_the_alignment():
    contents_entry, opening, heading, body = _line(HEADING, 0, 100), _line(OPENING, 1, 100), _line(HEADING, 2, 80), _line(BODY, 2, 100)
    text = f"{OPENING}\n\n{HEADING}\n\n{BODY}"
    placed = align_lines(text, (contents_entry, opening, heading, body))
    assert [(offset, line) for offset, line in placed] == [(0, opening), (text.index(HEADING), heading), (text.index(BODY), body)]


def test_readers_provenance_places_headings_and_notes_on_their_pages():
    note = _line("1 See the annex for the full questionnaire.", 2, 700)
    layout = _layout(_line(HEADING, 0, 100), _line(OPENING, 1, 100), _line(HEADING, 2, 80), _line(BODY, 2, 100), note)
    text = f"{OPENING}\n\n{HEADING}\n\n{BODY}"
    start = text.index(HEADING)
    doc = StructuredDocument(
        text=text,
        sections=(SectionSpan(heading=HEADING, level=1, start=start, end=len(text), page_start=2),),
        footnotes=(FootnoteSpan(number=1, text="See the annex for the full questionnaire."),),
    )
    placed = place_on_pages(doc, layout)
    (section,) = placed.sections
    assert (section.page_start, section.bbox) == (3, (72, 80, 400, 90))
    (footnote,) = placed.footnotes
    assert (footnote.page, footnote.bbox) == (3, (72, 700, 400, 710))
    assert placed.text == doc.text
