"""Structure for reports extracted from PDF: page furniture, paragraphs, heading tree, footnotes, figures.

The steps run in order over one raw string, each a small pure function:
lines -> pages -> furniture (page numbers recovered) -> body/notes split (footnote markers found by
their increasing sequence) -> blocks (headings, paragraphs, list items, captions) -> one clean text
with section, footnote and figure spans over it. Nothing is keyed to one document's wording.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from corpus.structure.model import StructuredDocument
from corpus.structure.report.blocks import assemble, build_blocks, build_sections
from corpus.structure.report.captions import build_figures
from corpus.structure.report.contributors import about_authors, is_contributor_page, role_group_authors
from corpus.structure.report.contents import contents_entries, entry_key, find_contents_pages
from corpus.structure.report.cover import (
    body_on_cover, cover_names, cover_title, find_date, front_pages, is_date_line, is_institution, is_meta_line, is_name_list,
    legal_pages, merge_covers, read_authors, read_cover, sidebar_lines,
)
from corpus.structure.report.footnotes import build_footnotes, extract_reference_markers, separate_notes
from corpus.structure.report.folios import roman_folios
from corpus.structure.report.furniture import find_furniture
from corpus.structure.report.headings import assign_levels
from corpus.structure.report.hyphens import hyphen_vocabulary, restore_hyphens
from corpus.structure.report.indents import levels_from_indents
from corpus.structure.report.typesize import TypeSizes, demote_small_headings, levels_from_type
from corpus.structure.report.layout import Line, _is_blank_layout, read_lines, split_pages
from corpus.structure.report.outline import apply_outline_levels
from corpus.structure.report.zh import cover_publisher, normalise_chinese_lines
from corpus.structure.cjk import cjk_share
from corpus.structure.news_lines import detect_script
from corpus.structure.report.patterns import _ends_sentence, _LONE_DIVISION_RE, _NOTE_START_RE, _PAGE_NUMBER_RE
from corpus.structure.report.furniture import _infer_page_numbers  # noqa: F401  (re-exported for tests)


# --- entry points -----------------------------------------------------------------------------------


def _is_paged_pdf_extraction(raw: str) -> bool:
    """The layout of a PDF extraction, whatever the length: a blank line after every line, lines wrapped at a
    width (most do not end a sentence), and pages joined by a single newline before a line opening with one
    space. Web articles have a blank line between paragraphs, not between wrapped lines, and no page joins."""
    raw_lines = raw.replace("\r\n", "\n").split("\n")
    if not _is_blank_layout(raw_lines):
        return False
    joins = sum(
        1 for i in range(1, len(raw_lines))
        if raw_lines[i - 1].strip() and raw_lines[i].startswith(" ") and not raw_lines[i].startswith("  ")
        and raw_lines[i].strip()
    )
    texts = [line.strip() for line in raw_lines if line.strip()]
    wrapped = sum(1 for t in texts if not re.search(r"[.!?:\"”)]$", t))
    return joins >= 1 and wrapped >= 0.5 * len(texts)


def looks_like_report(raw: str) -> bool:
    """Reports are PDF extractions: long texts with numbered notes or page furniture, or any text in the paged
    blank-line layout of a PDF extraction (the layout itself is the evidence, however short the report)."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) >= 12 and _is_paged_pdf_extraction(raw):
        return True
    if len(lines) < 60:
        return False
    note_lines = sum(1 for line in lines if _NOTE_START_RE.match(line.strip()))
    page_lines = sum(1 for line in lines if _PAGE_NUMBER_RE.match(line.strip()))
    return note_lines >= 3 or page_lines >= 2 or "\f" in raw


def _body_width(pages: list[list[Line]]) -> int:
    lengths = sorted(len(line.text) for page in pages for line in page if len(line.text) > 20)
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))] if lengths else 80


def _running_head_title(furniture_lines: tuple[str, ...]) -> str | None:
    """The most repeated running head or footer that reads as a title (words, no page number)."""
    counts: dict[str, int] = {}
    for line in furniture_lines:
        text = re.sub(r"^(?:page\s+)?\d{1,4}\s*(?:[|•·–—/]\s*)?|(?:\s*[|•·–—/])?\s*(?<!\d)(?!(?:19|20)\d\d$)\d{1,4}$", "",
                      line.strip(), flags=re.I)  # its page number (a year stays: "Annual Review 2023")
        if len(text.split()) >= 2 and sum(ch.isalpha() for ch in text) >= 8 and not is_name_list(text):
            counts[text] = counts.get(text, 0) + 1
    return max(counts, key=lambda t: (counts[t], len(t))) if counts else None


def _opens_title_block(lines: list[Line]) -> bool:
    """Whether the lines under a first line are those of a title block (authors, publisher, date, series)."""
    return any(is_name_list(line.text) or cover_names(line.text) or is_institution(line.text) or is_meta_line(line.text)
               for line in lines)


_TITLE_BLOCK_LINES = 6
_CONTRIBUTOR_PAGES_WITHIN = 8  # a contributor page is among the first pages  # a title over two or three lines, a subtitle, then the authors, publisher or date


_MAX_HEADLINE_ENTRIES = 3


def _contents_headline(blocks: list, entries: list) -> str | None:
    """The document's title printed at the head of the contents page (before its entries) and again as the
    first line of the body: that first body block is the title, not body text or a heading."""
    first = next((b for b in blocks if b.lines), None)
    if first is None or first.kind not in ("paragraph", "heading", "title") or len(first.lines) > 2:
        return None
    text = " ".join(line.text for line in first.lines)
    if _ends_sentence(text) or len(text) > 150 or not entries:
        return None
    if sum(1 for e in entries if e.paged) < 0.5 * len(entries):
        return None  # entries printed without their page numbers: lines above them cannot be told apart
    key = entry_key(text)
    for k in range(1, min(_MAX_HEADLINE_ENTRIES, len(entries)) + 1):
        if entries[k - 1].number or entries[k - 1].paged:
            break  # only the lines printed above the entries (no number, no leaders, no page number)
        if entry_key(" ".join(e.title for e in entries[:k])) == key:
            first.kind, first.style = "title", ""
            return text
    return None


def _is_title_block(title: str | None, has_cover: bool, lines: list[str]) -> bool:
    """Whether the short lines opening the body are a title block: always when the report has no cover page;
    after a cover only when they repeat its title or carry names, a date or a publisher (else they are the
    first heading, wrapped: "Chapter 1" / "Why Ports Matter"). Without a cover, lines opened by a division label
    ("CHAPTER 1" alone on its line) and carrying no names, date or publisher are that first heading too."""
    meta = any(is_meta_line(t) or cover_names(t) or is_name_list(t) or is_institution(t) for t in lines)
    if not has_cover:
        return not (lines and _LONE_DIVISION_RE.match(lines[0].strip())) or meta
    if is_contributor_page(lines):
        return False  # names under role labels: the contributors' section, not a title block
    if title and any(len(entry_key(t)) >= 8 and entry_key(t) in entry_key(title) for t in lines):
        return True
    return meta


def _before_contributors(front: list[int], texts: list[list[str]]) -> list[int]:
    """The front pages up to a contributor page after the cover: a page listing the authors and reviewers under
    role labels ("Review team" / "Lead authors" / "Peer reviewers") is a section of the report, as a foreword is."""
    cut = next((p for p in front if p > 0 and is_contributor_page(texts[p])), None)
    return front if cut is None else [p for p in front if p < cut]


def structure_report(raw: str, type_sizes: TypeSizes | None = None, small_type: frozenset[str] = frozenset()) -> StructuredDocument:
    """Structure one report: clean text plus section, footnote and figure spans; `type_sizes` (font and size of
    the lines set larger than the body, from a PDF's layout) rank unnumbered headings; `small_type` (texts of
    the lines set smaller than the body) are never headings. A layout no rule foresaw
    never fails the corpus: the text is kept as extracted, without layers, and the reason is noted."""
    try:
        return _structure_report(raw, type_sizes, small_type)
    except Exception as error:  # noqa: BLE001 - any quirk of one document: degrade, record, go on
        lines = [line.strip() for line in raw.replace("\f", "\n").splitlines() if line.strip()]
        return StructuredDocument(
            text="\n".join(lines), genre="report",
            notes=(f"structure: report layout could not be read ({type(error).__name__}: {error}); text kept as extracted",),
        )


def _structure_report(raw: str, type_sizes: TypeSizes | None = None, small_type: frozenset[str] = frozenset()) -> StructuredDocument:
    hyphens = hyphen_vocabulary(raw)
    raw = restore_hyphens(raw, hyphens)  # compounds whose line-end hyphen the extraction dropped
    if type_sizes and hyphens:
        type_sizes = {restore_hyphens(text, hyphens): size for text, size in type_sizes.items()}
    pages = split_pages(read_lines(raw))
    furniture = find_furniture(pages, frozenset(find_contents_pages(pages)))
    furniture = replace(furniture, lines=furniture.lines | roman_folios(pages))  # "I", "ii" under the front matter
    content = [
        [line for i, line in enumerate(page) if (p, i) not in furniture.lines] for p, page in enumerate(pages)
    ]
    removed = tuple(pages[p][i].text for p, i in sorted(furniture.lines))
    notes: list[str] = []
    head = _running_head_title(removed)
    first = content[0] if content else []
    if head and first and first[0].text.strip() == head and not _opens_title_block(first[1:_TITLE_BLOCK_LINES]):
        removed = (first[0].text, *removed)  # the running head printed on the first page too, not a title block
        content[0] = first[1:]
    width = _body_width(content)
    texts = [[line.text for line in page] for page in content]
    contents = find_contents_pages(content)
    front = _before_contributors(front_pages(texts, contents, width), texts)
    on_cover = {p: lines for p in front if (lines := body_on_cover(texts[p], width)) is not None}  # a summary on the cover
    cover_texts = {p: [t for i, t in enumerate(texts[p]) if i not in on_cover.get(p, ())] for p in front}
    cover = merge_covers([
        replace(read_cover(cover_texts[p]), authors=role_group_authors([cover_texts[p]])) if is_contributor_page(cover_texts[p])
        else read_cover(cover_texts[p])
        for p in front
    ])  # names listed under role groups are authors only under a writing role
    known = {t for p in front for t in texts[p] if len(t) <= 80 and (is_meta_line(t) or len(t) >= 10 and t in (cover.title or ""))}
    dropped = set(front) | set(contents)
    sidebar = set(sidebar_lines([[] if p in dropped else page for p, page in enumerate(texts)], max(front) + 1, known, width)) if front else set()
    entries = contents_entries([content[p] for p in contents])
    dropped = set(front) | set(contents)
    dropped |= set(legal_pages(texts, dropped))
    boilerplate = tuple(t for p in sorted(dropped) for t in cover_texts.get(p, texts[p])) + tuple(texts[p][i] for p, i in sorted(sidebar))
    content = [
        [line for i, line in enumerate(page) if i in on_cover[p]] if p in on_cover
        else [] if p in dropped else [line for i, line in enumerate(page) if (p, i) not in sidebar]
        for p, page in enumerate(content)
    ]
    sidebar_authors = read_authors([texts[p][i] for p, i in sorted(sidebar)])
    separated = separate_notes(normalise_chinese_lines(content), furniture.page_numbers)
    if not separated.notes and extract_reference_markers(separated.body):
        notes.append("footnotes: numbered references cited in brackets; their list is not in the text (missing_text)")
    blocks = build_blocks(separated.body, entries, partial(_is_title_block, cover_title(cover), bool(front)))
    title_lines = [line.text for block in blocks if block.kind == "title" for line in block.lines]
    blocks = [block for block in blocks if block.kind != "title"]  # a title block on a page with prose: front matter
    blocks = demote_small_headings(blocks, small_type)
    headline = _contents_headline(blocks, entries)
    indents = {entry_key(e.title): e.leader_line for e in reversed(entries) if e.leader_line}  # the first entry wins
    assign_levels(blocks, frozenset(entry_key(e.title) for e in entries),
                  partial(levels_from_type, sizes=type_sizes) if type_sizes else partial(levels_from_indents, leader_lines=indents))
    apply_outline_levels(blocks)  # Chinese and French outline numbering decides the levels where it is used
    text, placed, anchors = assemble(blocks)
    sections = build_sections(placed, len(text))
    if not front and title_lines:
        cover = read_cover(title_lines)
        if cover.date is None:  # a date printed alone on the title page, under the abstract
            dated = next((d for d in (find_date(t) for t in texts[0] if is_date_line(t)) if d), None) if texts else None
            cover = replace(cover, date=dated)
    title = cover_title(cover) or headline
    title_origin = None
    if title is None:
        title = _running_head_title(removed)
        title_origin = "running_head" if title else None
        if title is None:
            notes.append("title: not found (no cover, title page or running head)")
    date = cover.date
    return StructuredDocument(
        text=text,
        title=title,
        title_origin=title_origin,
        authors=cover.authors or role_group_authors(texts[:_CONTRIBUTOR_PAGES_WITHIN]) or sidebar_authors or about_authors(texts),
        publisher=cover_publisher([t for p in front for t in texts[p]]),
        script=detect_script(text) if cjk_share(text) >= 0.5 else None,  # Chinese reports: "Hans" or "Hant"
        published_date=date.date if date else None,
        published_month=date.month_text if date else None,
        sections=sections,
        footnotes=build_footnotes(separated, anchors, len(text)),
        figures=build_figures(placed, text, sections),
        furniture=removed,
        boilerplate=boilerplate + tuple(title_lines),
        genre="report",
        notes=tuple(notes),
    )
