"""Structure step for an HTML page (the HTML reader's `LayoutDocument`), through the news structuring.

The page's lines (the extractor's main text, chrome already out) are laid out as a news text
(`page_text`): the markup headline on the first line, then one paragraph per block, blank lines between.
That text goes through `structure_news` like a stored page, so bylines, datelines, credits and end marks printed inside
the article are handled by the same rules and the offsets refer to the published text. Then what the
markup states wins over what the lines suggest (the manifest still wins over both, in `corpus.pipeline`):

- title, date, time, authors and publisher come from the markup when it gives them, each with the
  markup it came from as its origin (json_ld, open_graph, html_meta, html_time, html_title);
- sections follow the page's own headings (`h2`..`h6`) where the markup has them, not the guess at
  short lines;
- images kept by the extractor become image figures: file name as label, `<figcaption>` as caption (a
  photo credit in it as source), alt text beside;
- language: the language detected on the extracted text wins over `<html lang>` when the two disagree
  (templates often carry one site-wide `lang`, e.g. `en` on every page of a multilingual site; the text
  is what the document is in), and the disagreement is noted; `<html lang>` is used when detection
  cannot decide (very short text).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from corpus.readers.html import image_file_name
from corpus.readers.model import LayoutDocument
from corpus.structure.model import FigureSpan, SectionSpan, StructuredDocument
from corpus.structure.news_lines import photo_credit

HTML_LANG = "html_meta"  # origin recorded for a language taken from <html lang>


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def page_text(layout: LayoutDocument) -> str:
    """The page as a news text: headline line, then one paragraph per text line (images, captions and a
    heading repeating the headline left out), blank lines between."""
    title = layout.meta.title
    lines = [title] if title else []
    for line in layout.lines:
        if line.role in ("img", "figcaption"):
            continue
        if line.role and line.role.startswith("h") and title and _norm(line.text) == _norm(title):
            continue
        lines.append(line.text)
    return "\n\n".join(lines)


def image_figures(layout: LayoutDocument) -> tuple[FigureSpan, ...]:
    """One image figure per kept image: label = file name, caption and credit from its <figcaption>."""
    from corpus.structure.news import _caption

    figures = []
    lines = layout.lines
    for i, line in enumerate(lines):
        if line.role != "img":
            continue
        attributes = dict(line.attributes)
        caption = lines[i + 1].text if i + 1 < len(lines) and lines[i + 1].role == "figcaption" else None
        source = None
        if caption:
            credit = photo_credit(caption)
            if credit is not None:
                caption, source = None, credit
            else:
                split = _caption(caption)
                if split is not None and split[1] is not None:
                    caption, source = split
        figures.append(FigureSpan(label=image_file_name(attributes.get("src", "")), kind="image", caption=caption,
                                  source=source, alt=attributes.get("alt")))
    return tuple(figures)


def markup_sections(text: str, layout: LayoutDocument) -> tuple[SectionSpan, ...] | None:
    """Sections from the page's own headings (`h2`..`h6`; the headline excluded): each heading found, in
    order, as a whole paragraph of `text`; levels relative to the page's highest heading; a preamble for
    the text before the first. None when no heading of the markup is in the text."""
    title = layout.meta.title
    wanted = [(line.text, int(line.role[1])) for line in layout.lines
              if line.role and len(line.role) == 2 and line.role[0] == "h" and line.role[1].isdigit()
              and not (title and _norm(line.text) == _norm(title))]
    paragraphs, offset = [], 0
    for paragraph in text.split("\n\n"):
        paragraphs.append((offset, paragraph))
        offset += len(paragraph) + 2
    found: list[tuple[int, int, str, int]] = []  # (paragraph start, body start, heading, html level)
    position = 0
    for heading, rank in wanted:
        for k in range(position, len(paragraphs)):
            start, paragraph = paragraphs[k]
            if _norm(paragraph) == _norm(heading):
                found.append((start, min(start + len(paragraph) + 2, len(text)), paragraph, rank))
                position = k + 1
                break
    if not found:
        return None
    top = min(rank for *_, rank in found)
    sections: list[SectionSpan] = []
    if found[0][0] > 0:
        sections.append(SectionSpan(heading="", level=1, start=0, end=found[0][0], kind="preamble"))
    for i, (start, body, heading, rank) in enumerate(found):
        level = min(6, rank - top + 1)
        end = next((s for s, _, _, r in found[i + 1 :] if r - top + 1 <= level), len(text))
        parent = next((j for j in range(len(sections) - 1, -1, -1) if sections[j].kind == "heading" and sections[j].level < level), None)
        sections.append(SectionSpan(heading=heading, level=level, start=body, end=max(body, end), parent=parent))
    return tuple(sections)


def decide_language(stated_tag: str | None, detected: str) -> tuple[str | None, str | None, str | None]:
    """(language, origin, note): detection wins over <html lang> (see module docstring); (None, None, None)
    when the page states no language and detection cannot decide either."""
    stated = stated_tag.split("-")[0].split("_")[0].lower() if stated_tag else None
    if detected != "und":
        if stated and stated != detected:
            return detected, "extracted", f"<html lang={stated_tag!r}> disagrees with the language detected on the text ({detected!r}); the detected language is kept"
        return detected, "extracted", None
    if stated and stated.isalpha() and 2 <= len(stated) <= 3:
        return stated, HTML_LANG, None
    return None, None, None


def apply_markup(doc: StructuredDocument, layout: LayoutDocument) -> StructuredDocument:
    """The news structure of `page_text(layout)` with what the markup states put in (see module docstring). Pure."""
    from corpus.structure.language import detect_language

    meta = layout.meta
    stated = dict(meta.origins)
    origins: dict[str, str] = {}
    changes: dict = {}
    if meta.title:
        changes["title"] = meta.title
        origins["title"] = stated.get("title", "markup")
    if meta.date:
        changes["published_date"] = dt.date.fromisoformat(meta.date[:10])
        time = meta.date[11:] or None
        changes["published_time"] = time or (doc.published_time if doc.published_date == changes["published_date"] else None)
        origins["published_date"] = origins["published_month"] = stated.get("published_date", "markup")
        if time:
            origins["published_time"] = origins["published_date"]
    if meta.authors:
        changes["authors"] = meta.authors
        origins["authors"] = stated.get("authors", "markup")
    if meta.url:
        changes["url"] = meta.url
        origins["url"] = stated.get("url", "markup")
    if meta.site_name:
        changes["publisher"] = meta.site_name
        origins["publisher"] = stated.get("publisher", "markup")
    notes = [n for n in doc.notes if not (n.startswith("no byline found") and (meta.date or meta.authors))]
    language, language_origin, note = decide_language(meta.language, detect_language(doc.text))
    if note:
        notes.append(note)
    if language_origin:
        origins["language"] = language_origin
    sections = markup_sections(doc.text, layout)
    if sections is not None:
        changes["sections"] = sections
    return replace(
        doc, **changes, figures=image_figures(layout) + doc.figures, notes=tuple(notes), language=language,
        field_origins=tuple(sorted(origins.items())),
    )
