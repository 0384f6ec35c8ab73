"""The intermediate every reader yields: pages of lines, with layout attributes where the format has them.

A PDF reader fills the attributes (box, font size and name, weight, raised spans); an HTML reader fills
what the markup gives (tags as `role`, page metadata); the text reader yields lines with none. Structuring
reads this one shape, so a rule can use an attribute when it is present and fall back to the text alone.
Coordinates are PDF points with the origin at the page's top-left corner (y grows downwards).
"""

from __future__ import annotations

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


def layout_text(layout: LayoutDocument) -> str:
    """The layout as the line stream the text structurers read: seed 003's layout (`pdftotext` + make_text.py).

    A blank line after every line; a page's first line joined to the previous page by one newline and
    a leading space. The structurer finds pages, furniture and notes in this stream as in a text seed.
    """
    pages = []
    for page in layout.pages:
        texts = [line.text.strip() for line in page.lines if line.text.strip()]
        pages.append(" " + "\n\n".join(texts) if texts else " ")
    return "\n".join(pages)
