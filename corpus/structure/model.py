"""Typed output of the structure step: one clean text plus layers of spans over it.

These are the per-document intermediate records; `corpus.pipeline` turns them into the published
table rows (`corpus.records`). All offsets are half-open Python string offsets into `StructuredDocument.text`
unless a field says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Footnote status values (see `FootnoteSpan.status`).
FOOTNOTE_OK = "ok"
FOOTNOTE_MISSING_TEXT = "missing_text"  # marker found in the body, footnote text absent from the source
FOOTNOTE_TRUNCATED = "truncated"  # footnote text present but visibly cut short in the source
FOOTNOTE_NO_ANCHOR = "no_anchor"  # footnote text present, marker not found in the body
FOOTNOTE_SKIPPED = "skipped"  # a number the sequence skips: neither marker nor text found


@dataclass(frozen=True)
class SectionSpan:
    """One heading and the body text it governs: `text[start:end]` (heading text excluded or included, see below).

    `start`/`end` cover the section's own body in the clean text, from the first character after the
    heading line to the start of the next heading of any level (so sections do not overlap except that a
    parent's span contains its children: `end` of a parent extends to the next heading of the same or
    higher level). `parent` is the index of the parent in `StructuredDocument.sections`, or None.
    """

    heading: str
    level: int
    start: int
    end: int
    parent: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    kind: str = "heading"  # "heading" | "preamble"
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points of the heading on page_start, from a layout source


@dataclass(frozen=True)
class FootnoteSpan:
    """A footnote or endnote: its clean text and where its marker stood in the clean body text."""

    number: int
    text: str
    urls: tuple[str, ...] = ()
    anchor: int | None = None  # offset in StructuredDocument.text where the marker was removed
    status: str = FOOTNOTE_OK
    ibid_of: int | None = None  # number of the footnote an "Ibid." note repeats
    page: int | None = None  # page where the footnote text starts, when known
    kind: str = "footnote"  # "footnote" | "endnote"
    ambiguous_urls: tuple[str, ...] = ()  # URLs rejoined across a line break at a hyphen we could not decide
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points of the note's first line on `page`, from a layout source
    marker: str | None = None  # the mark as printed ("3", "*", "†"); None: str(number)


@dataclass(frozen=True)
class FigureSpan:
    """A figure, table, chart or image referred to by the document."""

    label: str  # as printed: "Figure 3", "Table 1", or the image file name
    kind: str  # "chart" | "image" | "table" | "figure" | "map" | "diagram"
    number: int | None = None
    caption: str | None = None
    source: str | None = None
    note: str | None = None  # the "Notes:" paragraph printed with the figure, without the prefix
    start: int | None = None  # offset of the caption in the clean text, when the caption is in the text
    mention_starts: tuple[int, ...] = ()  # offsets of in-text references ("Figure 1 shows ...")
    page: int | None = None  # page of the caption, from a layout source
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points of the caption's first line on `page`, from a layout source
    alt: str | None = None  # alternative text of an image (HTML alt attribute)


@dataclass(frozen=True)
class StructuredDocument:
    """What the structure step knows about one document."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published_date: dt.date | None = None
    published_month: str | None = None  # "YYYY-MM" when only month and year are printed
    title_origin: str | None = None  # "running_head" when the title comes from a running header/footer
    published_time: str | None = None  # "HH:MM[:SS]" when the byline gives a time
    event_dates: tuple[str, ...] = ()  # partial dates stated in the text, e.g. "--08-11" (ISO 8601 no year)
    related_links: tuple[str, ...] = ()  # navigation lines ("Last: ...", "Next: ...") kept as metadata
    sections: tuple[SectionSpan, ...] = ()
    footnotes: tuple[FootnoteSpan, ...] = ()
    figures: tuple[FigureSpan, ...] = ()
    furniture: tuple[str, ...] = ()  # page headers/footers/page numbers removed from the text
    boilerplate: tuple[str, ...] = ()  # web bylines/navigation, report covers and contents removed from the text
    genre: str | None = None  # "news" | "report" as detected from the layout
    notes: tuple[str, ...] = field(default_factory=tuple)  # extraction warnings worth surfacing
    script: str | None = None  # ISO 15924 script of Chinese text: "Hans" or "Hant"
    editors: tuple[str, ...] = ()  # editor credits ("Editor: X", "责任编辑：X")
    keywords: tuple[str, ...] = ()  # keywords/tags printed in a metadata line
    dateline: str | None = None  # "BEIJING, Oct. 28 (Xinhua)", "本报乌镇9月26日电": place/date/agency opening the text
    removed: tuple[tuple[str, str], ...] = ()  # (reason, line) for every line removed from a web page, in order
    url: str | None = None  # the page's own URL as its markup states it (HTML canonical link / og:url)
    language: str | None = None  # language decided by the structure step (HTML: detection vs <html lang>)
    field_origins: tuple[tuple[str, str], ...] = ()  # (field, origin) where a value is not simply "extracted" (HTML markup)
