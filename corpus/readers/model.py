"""The intermediate every reader yields: pages of lines, with layout attributes where the format has them.

A PDF reader fills the attributes (box, font size and name, weight, raised spans); an HTML reader fills
what the markup gives (tags as `role`, page metadata); the text reader yields lines with none. Structuring
reads this one shape, so a rule can use an attribute when it is present and fall back to the text alone.
Coordinates are PDF points with the origin at the page's top-left corner (y grows downwards).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TEXT_EXTRACTOR = "text"


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in points: left, top, right, bottom (top-left origin)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class SourceLine:
    """One line of text as laid out; every attribute but `text` and `page` is None when the format lacks it."""

    text: str
    page: int  # 0-based index of the page in the file
    bbox: Box | None = None
    font_size: float | None = None  # dominant size of the line's characters, in points
    font_name: str | None = None  # dominant font of the line (PostScript name, subset prefix removed)
    bold: bool | None = None
    raised: tuple[tuple[int, int], ...] = ()  # [start, end) spans of `text` set raised and smaller (superscripts)
    role: str | None = None  # a role the source itself states (an HTML tag such as "h2", "li", "figcaption")
    attributes: tuple[tuple[str, str], ...] = ()  # other attributes the source states for the line (HTML <img>: src, alt)


@dataclass(frozen=True)
class SourcePage:
    """One page: its lines in reading order, its printed label when known, its size in points."""

    index: int  # 0-based
    lines: tuple[SourceLine, ...]
    label: str | None = None  # the page number as printed ("iii", "12"), when the file states or prints it
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True)
class SourceMeta:
    """Document metadata the file itself states (PDF info dictionary, HTML meta tags); None when absent."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601 as stated (a date or a date and time)
    site_name: str | None = None
    language: str | None = None  # BCP-47 tag the file declares
    url: str | None = None  # the file's own URL as it states it (HTML canonical link or og:url)
    origins: tuple[tuple[str, str], ...] = ()  # (field, where in the file it is stated), e.g. ("title", "json_ld")


@dataclass(frozen=True)
class LayoutDocument:
    """What a reader yields for one file: pages of lines, the metadata it states, and who read it."""

    pages: tuple[SourcePage, ...]
    input_format: str  # "txt" | "pdf" | "html"
    extractor: str  # library that read the file ("text" for plain text)
    extractor_version: str
    meta: SourceMeta = field(default_factory=SourceMeta)
    notes: tuple[str, ...] = ()  # what the reader could not read or read unusually ("pdf: page 3 has no text layer ...")

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        return tuple(line for page in self.pages for line in page.lines)


def text_layout(raw: str, version: str = "1") -> LayoutDocument:
    """Plain text as the intermediate: form feeds split pages, every non-blank line a line, no attributes."""
    pages = []
    for index, chunk in enumerate(raw.split("\f")):
        lines = tuple(SourceLine(text=line.strip(), page=index) for line in chunk.split("\n") if line.strip())
        pages.append(SourcePage(index=index, lines=lines))
    return LayoutDocument(pages=tuple(pages), input_format="txt", extractor=TEXT_EXTRACTOR, extractor_version=version)


def body_size(layout: LayoutDocument) -> float | None:
    """The font size most of the document's characters are set in (None without sizes)."""
    sizes: dict[float, int] = {}
    for line in layout.lines:
        if line.font_size:
            sizes[line.font_size] = sizes.get(line.font_size, 0) + len(line.text)
    return max(sizes, key=lambda size: (sizes[size], -size)) if sizes else None


_SENTENCE_END = (".", ":", ";", "?", "!")


def _heading_pair(previous: SourceLine, line: SourceLine, body: float | None) -> bool:
    """Whether `line` may go on the heading line `previous`: the same type, larger than the body or bold, set
    right under it (small leading) and starting left of its end, the line above not closing a sentence."""
    if body is None or previous.font_size is None or line.font_size is None or previous.bbox is None or line.bbox is None:
        return False
    if previous.page != line.page or abs(previous.font_size - line.font_size) > 0.5 or previous.bold != line.bold:
        return False
    if previous.font_name != line.font_name or not (previous.bold or previous.font_size >= _HEADING_SIZE * body):
        return False
    gap = line.bbox.top - previous.bbox.bottom
    return -1 <= gap <= 0.8 * line.font_size and line.bbox.x0 < previous.bbox.x1 and not previous.text.rstrip().endswith(_SENTENCE_END)


def continues_heading(previous: SourceLine, line: SourceLine, body: float | None) -> bool:
    """Whether `line` is the wrapped continuation of a numbered heading: a heading pair (`_heading_pair`)
    aligned with it or indented under the number. (Unnumbered headings: `wraps_heading`.)"""
    if not _heading_pair(previous, line, body) or not _NUMBERED.match(previous.text):
        return False
    return abs(line.bbox.x0 - previous.bbox.x0) <= _SAME_EDGE or line.bbox.x0 > previous.bbox.x0


def wraps_heading(previous: SourceLine, line: SourceLine, body: float | None, page_lines: tuple[SourceLine, ...]) -> bool:
    """Whether `line` is the next line of an unnumbered heading that the measure wrapped: a heading pair in
    type larger than the body's (bold at the body's size also sets paragraphs), flush left with it, and
    its first word too wide for what `previous` left of the measure (`measure_at` on its page's lines). A
    title block or a heading set over several short lines has the rest of this layout but stops well before
    the measure."""
    if not _heading_pair(previous, line, body) or previous.font_size < _HEADING_SIZE * body:
        return False
    if abs(line.bbox.x0 - previous.bbox.x0) > _SAME_EDGE:
        return False
    measure = measure_at(page_lines, previous.bbox.x0, body)
    return measure is not None and previous.bbox.x1 + first_word_width(line) > measure


def first_word_width(line: SourceLine) -> float:
    """The width the line's first word takes at the end of the line above, with the space before it: the
    line's box at its mean character width."""
    text = line.text.strip()
    if line.bbox is None or not text:
        return 0.0
    return line.bbox.width * (len(text.split()[0]) + 1) / len(text)


def measure_at(lines: tuple[SourceLine, ...], x0: float, body: float | None) -> float | None:
    """The right edge of the measure for lines starting at `x0`: the furthest right a body-size line starting
    there reaches on the page (None when no body line starts there, as on a cover)."""
    if body is None:
        return None
    edges = [line.bbox.x1 for line in lines if line.bbox is not None and line.font_size is not None
             and abs(line.font_size - body) <= 0.5 and abs(line.bbox.x0 - x0) <= _SAME_EDGE]
    return max(edges) if edges else None


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+\S")  # "2.1", "3.", "IV.", "A."
_HEADING_SIZE = 1.15  # a heading's type is at least this much larger than the body's (or bold)
_SAME_EDGE = 2.0  # points: left edges this close are flush


def layout_text(layout: LayoutDocument) -> str:
    """The layout as the line stream the text structurers read: seed 003's layout (`pdftotext` + make_text.py).

    A blank line after every line; a page's first line joined to the previous page by one newline and
    a leading space. The structurer finds pages, furniture and notes in this stream as in a text seed.
    A numbered heading the layout shows wrapped (same larger or bold type, set close under its first line)
    is given as one line; an unnumbered heading the measure wrapped keeps its lines, without the blank
    line between them (the text seeds' sign of a wrapped heading, read by the structurer's tight runs).
    """
    body = body_size(layout)
    pages = []
    for page in layout.pages:
        texts: list[str] = []
        previous: SourceLine | None = None
        for line in page.lines:
            text = line.text.strip()
            if not text:
                continue
            if texts and previous is not None and continues_heading(previous, line, body):
                texts[-1] = f"{texts[-1]} {text}"
            elif texts and previous is not None and wraps_heading(previous, line, body, page.lines):
                texts[-1] = f"{texts[-1]}\n{text}"  # no blank line between: the seed layout's wrapped heading
            else:
                texts.append(text)
            previous = line
        pages.append(" " + "\n\n".join(texts) if texts else " ")
    return "\n".join(pages)
