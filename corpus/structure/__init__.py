"""Structure step: raw source text -> `StructuredDocument` (clean text plus section/footnote/figure layers)."""

from __future__ import annotations

from corpus.readers.model import LayoutDocument
from corpus.structure.model import StructuredDocument


def detect_genre(raw: str) -> str:
    """Guess `news` or `report` from the layout: reports are long and carry numbered notes."""
    from corpus.structure.report import looks_like_report

    return "report" if looks_like_report(raw) else "news"


def structure_document(raw: str, genre: str | None = None, layout: LayoutDocument | None = None) -> StructuredDocument:
    """Structure one document's raw text. `genre` (from the manifest) wins over layout detection; a report's
    `layout` (PDF), when given, lends the type its headings are set in."""
    genre = genre or detect_genre(raw)
    if genre == "report":
        from corpus.structure.report import structure_report
        from corpus.structure.report.typesize import heading_type_sizes, small_type_lines

        return structure_report(raw, heading_type_sizes(layout) or None, small_type_lines(layout))
    from corpus.structure.news import structure_news

    return structure_news(raw)
