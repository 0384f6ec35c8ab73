"""Structure step for an HTML page: `HtmlPage` -> `StructuredDocument`, through the news structuring.

The page's blocks (the extractor's main text, chrome already out) are laid out as a news text: the
markup headline on the first line, then one paragraph per block, blank lines between. That text goes
through `structure_news` like a stored page, so bylines, datelines, credits and end marks printed inside
the article are handled by the same rules and the offsets refer to the published text. Then what the
markup states wins over what the lines suggest (the manifest still wins over both, in `corpus.pipeline`):

- title, date, time, authors and publisher come from the markup when it gives them, each with the
  markup it came from as its origin (json_ld, open_graph, html_meta, html_time, html_title);
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

from corpus.read_html import HtmlPage, image_file_name
from corpus.structure.model import FigureSpan, StructuredDocument
from corpus.structure.news_lines import photo_credit

HTML_LANG = "html_meta"  # origin recorded for a language taken from <html lang>


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def page_text(page: HtmlPage) -> str:
    """The page as a news text: headline line, then one paragraph per text block (a heading repeating
    the headline left out), blank lines between."""
    title = page.title.value if page.title else None
    lines = [title] if title else []
    for block in page.blocks:
        if block.kind == "image":
            continue
        if block.kind == "heading" and title and _norm(block.text) == _norm(title):
            continue
        lines.append(block.text)
    return "\n\n".join(lines)


def image_figures(page: HtmlPage) -> tuple[FigureSpan, ...]:
    """One image figure per kept image: label = file name, caption and credit from its <figcaption>."""
    from corpus.structure.news import _caption

    figures = []
    for block in page.images:
        caption, source = block.caption, None
        if caption:
            credit = photo_credit(caption)
            if credit is not None:
                caption, source = None, credit
            else:
                split = _caption(caption)
                if split is not None and split[1] is not None:
                    caption, source = split
        figures.append(FigureSpan(label=image_file_name(block.src or ""), kind="image", caption=caption, source=source, alt=block.alt))
    return tuple(figures)


def decide_language(page: HtmlPage, detected: str) -> tuple[str | None, str | None, str | None]:
    """(language, origin, note): detection wins over <html lang> (see module docstring); None, None when
    the page states no language and detection cannot decide either."""
    stated = page.html_lang.split("-")[0].split("_")[0].lower() if page.html_lang else None
    if detected != "und":
        if stated and stated != detected:
            return detected, "extracted", f"<html lang={page.html_lang!r}> disagrees with the language detected on the text ({detected!r}); the detected language is kept"
        return detected, "extracted", None
    if stated and stated.isalpha() and 2 <= len(stated) <= 3:
        return stated, HTML_LANG, None
    return None, None, None


def structure_html(page: HtmlPage) -> StructuredDocument:
    """Structure one HTML page (see module docstring). Pure."""
    from corpus.structure.language import detect_language
    from corpus.structure.news import structure_news

    doc = structure_news(page_text(page))
    origins: dict[str, str] = {}
    notes = list(page.notes) + [n for n in doc.notes if not (n.startswith("no byline found") and (page.date or page.authors))]
    changes: dict = {}
    if page.title:
        changes["title"] = page.title.value
        origins["title"] = page.title.origin
    if page.date:
        changes["published_date"] = dt.date.fromisoformat(page.date.value)
        changes["published_time"] = page.time or (doc.published_time if doc.published_date == changes["published_date"] else None)
        origins["published_date"] = origins["published_month"] = page.date.origin
        if page.time:
            origins["published_time"] = page.date.origin
    if page.authors:
        changes["authors"] = page.authors
        origins["authors"] = page.authors_origin or "markup"
    if page.site_name:
        changes["publisher"] = page.site_name.value
        origins["publisher"] = page.site_name.origin
    language, language_origin, note = decide_language(page, detect_language(doc.text))
    if note:
        notes.append(note)
    if language_origin:
        origins["language"] = language_origin
    figures = image_figures(page) + doc.figures
    return replace(
        doc, **changes, figures=figures, notes=tuple(notes), language=language,
        field_origins=tuple(sorted(origins.items())),
    )
