"""The `paragraphs` table of one document, derived from its published records.

Rules (general, about how `documents.text` is laid out by the structure step):
- body text is split into blocks at blank lines (`\\n` + optional spaces + `\\n`); surrounding spaces are
  trimmed, so `documents.text[start:end] == text`;
- inside a block, a line opening with a list marker (a dash or bullet glyph, `(a)`, `(1)`, `1.`, `1)`
  followed by a space) starts a `list_item`; lines before the first marker are a `paragraph`, lines
  after a marker continue its item;
- a block starting where a heading section starts, with that heading's text, is a `heading` (when running text follows the heading
  in the same block, that text is cut off as its own paragraph); one starting at a figure's caption
  offset is a `caption`, and so is the block right after it that holds the figure's source line;
- every footnote with text is one `footnote` row whose offsets are into that note's `footnotes.text`
  (`field` = footnote, as in mentions); its section is the section of its marker.
A block's section is the innermost section holding its start; `section_path` lists the headings from the
top level down; `page` is the section's page when the section starts and ends on one page (a footnote:
its own page), null otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.derive.splits import split_of
from corpus.records import Document, Figure, Footnote, Paragraph, Section

_BLOCK_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_LIST_MARKER = re.compile(r"^(?:[-–•●▪◦∙*]|\([a-z]\)|\(\d{1,2}\)|\d{1,2}[.)])[ \t]+\S")


def paragraph_id(doc_id: str, ordinal: int) -> str:
    return f"{doc_id}/p{ordinal:04d}"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank block between blank lines, trimmed."""
    spans, start = [], 0
    for match in _BLOCK_BREAK.finditer(text):
        spans.append(_trimmed(text, start, match.start()))
        start = match.end()
    spans.append(_trimmed(text, start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def list_pieces(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A block cut at lines opening with a list marker: (kind, start, end) with kind paragraph or list_item."""
    pieces: list[list] = []
    offset = start
    for line in text[start:end].split("\n"):
        line_end = offset + len(line)
        if _LIST_MARKER.match(line.lstrip()) or not pieces:
            pieces.append(["list_item" if _LIST_MARKER.match(line.lstrip()) else "paragraph", offset, line_end])
        else:
            pieces[-1][2] = line_end
        offset = line_end + 1
    result = []
    for kind, s, e in pieces:
        s, e = _trimmed(text, s, e)
        if e > s:
            result.append((kind, s, e))
    return result


def _innermost(sections: Sequence[Section], offset: int) -> Section | None:
    holding = [s for s in sections if s.start <= offset < s.end]
    return max(holding, key=lambda s: (s.level, s.start)) if holding else None


def _path(section: Section | None, by_id: dict[str, Section]) -> list[str]:
    headings = []
    while section is not None:
        if section.heading:
            headings.append(section.heading)
        section = by_id.get(section.parent_id) if section.parent_id else None
    return headings[::-1]


def _page(section: Section | None) -> int | None:
    if section is not None and section.page_start is not None and section.page_start == section.page_end:
        return section.page_start
    return None


def paragraph_records(document: Document, sections: Sequence[Section], figures: Sequence[Figure], footnotes: Sequence[Footnote]) -> list[Paragraph]:
    """The paragraphs of one document: body blocks in reading order, then footnotes by number."""
    text = document.text
    by_id = {s.section_id: s for s in sections}
    headings = {s.start: s.heading for s in sections if s.kind == "heading"}
    captions = {f.start: f for f in figures if f.start is not None}
    split = split_of(document.doc_id)
    rows: list[Paragraph] = []

    def add(kind: str, start: int, end: int, section: Section | None, field: str = "body", note: Footnote | None = None) -> None:
        rows.append(
            Paragraph(
                paragraph_id=paragraph_id(document.doc_id, len(rows)),
                doc_id=document.doc_id,
                ordinal=len(rows),
                kind=kind,
                field=field,
                footnote_id=note.footnote_id if note else None,
                section_id=section.section_id if section else None,
                section_path=_path(section, by_id),
                text=(note.text if note else text)[start:end],
                start=start,
                end=end,
                page=note.page if note else _page(section),
                language=document.language,
                split=split,
            )
        )

    previous_figure: Figure | None = None
    for start, end in blocks(text):
        section = _innermost(sections, start)
        figure, previous_figure = previous_figure, None
        heading = headings.get(start)
        if heading and text.startswith(heading, start):
            heading_end = start + len(heading)
            add("heading", start, heading_end, section)
            for kind, s, e in list_pieces(text, heading_end, end) if heading_end < end else ():
                add(kind, s, e, _innermost(sections, s))
        elif start in captions:
            add("caption", start, end, section)
            previous_figure = captions[start]
        elif figure is not None and figure.source and figure.source in text[start:end]:
            add("caption", start, end, section)
        else:
            for kind, s, e in list_pieces(text, start, end):
                add(kind, s, e, _innermost(sections, s))
    for note in sorted(footnotes, key=lambda f: f.number):
        start, end = _trimmed(note.text, 0, len(note.text))
        if end > start:
            add("footnote", start, end, by_id.get(note.section_id) if note.section_id else None, "footnote", note)
    return rows
