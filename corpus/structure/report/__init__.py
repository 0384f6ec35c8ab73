"""Structure for reports extracted from PDF: page furniture, paragraphs, heading tree, footnotes, figures.

The steps run in order over one raw string, each a small pure function:
lines -> pages -> furniture (page numbers recovered) -> body/notes split (footnote markers found by
their increasing sequence) -> blocks (headings, paragraphs, list items, captions) -> one clean text
with section, footnote and figure spans over it. Nothing is keyed to one document's wording.
"""

from __future__ import annotations

from corpus.structure.model import StructuredDocument
from corpus.structure.report.blocks import assemble, build_blocks, build_sections
from corpus.structure.report.captions import build_figures
from corpus.structure.report.footnotes import build_footnotes, separate_notes
from corpus.structure.report.furniture import find_furniture
from corpus.structure.report.headings import assign_levels
from corpus.structure.report.layout import read_lines, split_pages
from corpus.structure.report.patterns import _NOTE_START_RE, _PAGE_NUMBER_RE
from corpus.structure.report.furniture import _infer_page_numbers  # noqa: F401  (re-exported for tests)

# --- entry points -----------------------------------------------------------------------------------


def looks_like_report(raw: str) -> bool:
    """Reports are long PDF extractions with numbered notes or page furniture."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) < 60:
        return False
    note_lines = sum(1 for line in lines if _NOTE_START_RE.match(line.strip()))
    page_lines = sum(1 for line in lines if _PAGE_NUMBER_RE.match(line.strip()))
    return note_lines >= 3 or page_lines >= 2 or "\f" in raw


def structure_report(raw: str) -> StructuredDocument:
    """Structure one report: clean text plus section, footnote and figure spans."""
    pages = split_pages(read_lines(raw))
    furniture = find_furniture(pages)
    content = [
        [line for i, line in enumerate(page) if (p, i) not in furniture.lines] for p, page in enumerate(pages)
    ]
    removed = tuple(pages[p][i].text for p, i in sorted(furniture.lines))
    separated = separate_notes(content, furniture.page_numbers)
    blocks = build_blocks(separated.body)
    assign_levels(blocks)
    text, placed, anchors = assemble(blocks)
    sections = build_sections(placed, len(text))
    title_blocks = [p for p in placed if p.block.kind == "title"]
    return StructuredDocument(
        text=text,
        title=title_blocks[0].text if title_blocks else None,
        sections=sections,
        footnotes=build_footnotes(separated, anchors, len(text)),
        figures=build_figures(placed, text, sections),
        furniture=removed,
        genre="report",
    )
