"""Layout provenance: the page and box each section heading, footnote and figure caption came from.

The structurer works on the line stream (`layout_text`) and returns offsets into its clean text. Here
the layout's lines are aligned back onto that clean text (letters and digits only, case-folded, so
joined hyphens and spacing do not matter): the longest chain of lines found in the same order on both
sides; lines outside it (furniture, notes, contents entries) are skipped. A heading or a
caption then takes the page and box of the last line found at or before its offset. Notes are matched
on their own text.
"""

from __future__ import annotations

import bisect
import dataclasses

from corpus.readers.model import LayoutDocument, SourceLine
from corpus.structure.model import StructuredDocument

_MIN_KEY = 8  # shorter lines (numbers, labels) are too ambiguous to place
_PROBE = 40  # letters and digits of a line looked for
_MAX_PLACES = 40  # a line found at more places than this is left unplaced


def _key(text: str) -> tuple[str, list[int]]:
    """Letters and digits of `text`, case-folded, with the offset in `text` of each kept character."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch.isalnum():
            folded = ch.casefold()
            chars.append(folded)
            offsets.extend([i] * len(folded))
    return "".join(chars), offsets


def align_lines(text: str, lines: tuple[SourceLine, ...]) -> list[tuple[int, SourceLine]]:
    """(offset in `text`, line) for the layout lines found in `text`: the longest chain in order on both sides.

    A line may be found at several places (a contents entry and its heading, a caption and the list of
    figures); the chain of matches that keeps the most lines in the same order in the layout and in the
    text is the body, and the rest (contents, repeated labels) falls out of it.
    """
    key, offsets = _key(text)
    pairs: list[tuple[int, int]] = []  # (line index, offset in key), offsets descending within a line
    for i, line in enumerate(lines):
        probe = _key(line.text)[0][:_PROBE]
        if len(probe) < _MIN_KEY:
            continue
        found: list[int] = []
        at = key.find(probe)
        while at >= 0 and len(found) <= _MAX_PLACES:
            found.append(at)
            at = key.find(probe, at + 1)
        if 0 < len(found) <= _MAX_PLACES:
            pairs.extend((i, at) for at in reversed(found))
    tails: list[int] = []  # tails[k]: the pair ending the chain of length k + 1 with the smallest offset
    tail_offsets: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for n, (_, at) in enumerate(pairs):
        k = bisect.bisect_left(tail_offsets, at)
        previous[n] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(n)
            tail_offsets.append(at)
        else:
            tails[k] = n
            tail_offsets[k] = at
    chain: list[int] = []
    n = tails[-1] if tails else -1
    while n >= 0:
        chain.append(n)
        n = previous[n]
    return [(offsets[pairs[n][1]], lines[pairs[n][0]]) for n in reversed(chain)]


def _line_at(placed: list[tuple[int, SourceLine]], starts: list[int], offset: int | None) -> SourceLine | None:
    """The last placed line starting at or before `offset` (the line an element at `offset` begins on)."""
    if offset is None or not placed:
        return None
    i = bisect.bisect_right(starts, offset) - 1
    return placed[i][1] if i >= 0 else None


def _box(line: SourceLine | None) -> tuple[float, float, float, float] | None:
    return (line.bbox.x0, line.bbox.top, line.bbox.x1, line.bbox.bottom) if line and line.bbox else None


def _note_line(lines: tuple[SourceLine, ...], note_text: str, start: int) -> int | None:
    """Index of the first line from `start` that begins the note (its number, then the note's first words)."""
    probe = _key(note_text)[0][:24]
    if len(probe) < 6:
        return None
    for i in range(start, len(lines)):
        line_key = _key(lines[i].text)[0].lstrip("0123456789")
        if line_key and (line_key.startswith(probe) or probe.startswith(line_key) and len(line_key) >= 12):
            return i
    return None


def place_on_pages(doc: StructuredDocument, layout: LayoutDocument) -> StructuredDocument:
    """`doc` with 1-based PDF pages and boxes on its sections, footnotes and figures (a new document). Pages are
    provenance, not content: a layout the alignment cannot follow leaves them null, with a note, and the
    document builds."""
    try:
        return _placed(doc, layout)
    except Exception as error:  # noqa: BLE001 - any quirk of one layout: keep the structure, say what is missing
        note = f"pdf: pages and boxes could not be placed ({type(error).__name__}: {error}); they are null"
        return dataclasses.replace(doc, notes=(*doc.notes, note))


def _placed(doc: StructuredDocument, layout: LayoutDocument) -> StructuredDocument:
    lines = layout.lines
    placed = align_lines(doc.text, lines)
    starts = [offset for offset, _ in placed]
    sections = []
    for span in doc.sections:
        heading_line = _heading_line(placed, starts, span.start, span.heading, lines) if span.kind == "heading" else None
        page = heading_line.page + 1 if heading_line else None
        sections.append(dataclasses.replace(span, page_start=page or span.page_start, bbox=_box(heading_line)))
    sections = _with_page_ends(sections, layout)
    footnotes = []
    cursor = 0
    for note in doc.footnotes:
        i = _note_line(lines, note.text, cursor)
        if i is None:
            footnotes.append(note)
            continue
        cursor = i + 1
        footnotes.append(dataclasses.replace(note, page=lines[i].page + 1, bbox=_box(lines[i])))
    figures = []
    for figure in doc.figures:
        line = _line_at(placed, starts, figure.start) if figure.start is not None else None
        figures.append(dataclasses.replace(figure, page=line.page + 1 if line else None, bbox=_box(line)))
    return dataclasses.replace(doc, sections=tuple(sections), footnotes=tuple(footnotes), figures=tuple(figures))


def _heading_line(placed: list[tuple[int, SourceLine]], starts: list[int], start: int, heading: str, lines: tuple[SourceLine, ...]) -> SourceLine | None:
    """The line the heading starts on: the first placed line within the heading's text, else (a short or
    repeated heading) the line between its placed neighbours whose text begins the heading."""
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < start + max(len(heading), 1):
        return placed[i][1]
    heading_key = _key(heading)[0]
    if not heading_key:
        return None
    index = {id(line): n for n, line in enumerate(lines)}
    low = index[id(placed[i - 1][1])] + 1 if i > 0 else 0
    high = index[id(placed[i][1])] if i < len(placed) else len(lines)
    for line in lines[low:high]:
        line_key = _key(line.text)[0]
        if line_key and (line_key == heading_key or len(line_key) >= 3 and heading_key.startswith(line_key)):
            return line
    return None


def _with_page_ends(sections: list, layout: LayoutDocument) -> list:
    """Each section ends on the page where the next section of the same or a higher level starts (or the last page)."""
    last_page = len(layout.pages)
    result = []
    for i, span in enumerate(sections):
        if span.page_start is None or span.bbox is None:
            result.append(span)
            continue
        end = last_page
        for later in sections[i + 1 :]:
            if later.level <= span.level and later.page_start is not None and later.bbox is not None:
                end = max(later.page_start, span.page_start)
                break
        result.append(dataclasses.replace(span, page_end=end))
    return result
