"""Lines, pages and body lines: the layout signals of blank-line PDF extractions."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.structure.report.patterns import _BLANK_LAYOUT_SHARE


# --- lines and pages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One non-blank source line: stripped text, blank lines before it, and whether a page starts here."""

    text: str
    blanks_before: int
    page_break: bool
    trailing_spaces: int = 0
    tight: bool = False  # blank-after-every-line text, but no blank line above this one


def _raw_lines(raw: str) -> tuple[list[str], set[int]]:
    """Split on newlines; form feeds become page-break marks on the following line."""
    lines: list[str] = []
    breaks: set[int] = set()
    for chunk_no, chunk in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if chunk_no:
            breaks.add(len(lines))
        lines.extend(chunk.split("\n"))
    return lines, breaks


def _is_blank_layout(raw_lines: list[str]) -> bool:
    """True for text with a blank line after every line (the blank lines are layout, not paragraphs)."""
    non_blank = [i for i, line in enumerate(raw_lines) if line.strip()]
    if len(non_blank) < 4:
        return False
    followed = sum(
        1
        for i in non_blank
        if i + 2 < len(raw_lines) and not raw_lines[i + 1].strip() and raw_lines[i + 2].strip()
    )
    return followed >= _BLANK_LAYOUT_SHARE * len(non_blank)


def read_lines(raw: str) -> list[Line]:
    """Non-blank lines with their layout signals (blank lines before, page breaks)."""
    raw_lines, breaks = _raw_lines(raw)
    blank_layout = _is_blank_layout(raw_lines)
    detached_blanks = 2 if blank_layout else 3
    lines: list[Line] = []
    blanks = 0
    pending_break = False
    for i, text in enumerate(raw_lines):
        pending_break = pending_break or i in breaks
        if not text.strip():
            blanks += 1
            continue
        single_space_start = text.startswith(" ") and not text.startswith("  ")
        page_break = bool(lines) and (
            pending_break
            or (blank_layout and single_space_start and blanks == 0)
            or _is_detached(lines[-1], detached_blanks)
        )
        stripped = text.strip()
        trailing = len(text) - len(text.rstrip())
        lines.append(Line(stripped, blanks, page_break, trailing, blank_layout and blanks == 0))
        blanks = 0
        pending_break = False
    return lines


def _is_detached(line: Line, detached_blanks: int) -> bool:
    """A short line set off by several blank lines: a footer that ends its page."""
    return line.blanks_before >= detached_blanks and len(line.text) <= 60 and not line.text.endswith(".")


def split_pages(lines: list[Line]) -> list[list[Line]]:
    """Group lines into pages at page breaks."""
    pages: list[list[Line]] = []
    for line in lines:
        if line.page_break or not pages:
            pages.append([])
        pages[-1].append(line)
    return pages


@dataclass
class BodyLine:
    """A body line with footnote markers removed: `markers` are (offset in `text`, note number)."""

    text: str
    page: int | None
    source: Line
    markers: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Block:
    """A run of body lines rendered as one unit of the clean text."""

    kind: str  # "heading" | "paragraph" | "item" | "caption" | "source" | "note" | "row" | "title"
    lines: list[BodyLine]
    level: int = 0
    style: str = ""
