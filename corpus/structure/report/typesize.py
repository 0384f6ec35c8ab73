"""Heading levels from the type they are set in, for sources that state it (PDF: font and size per line).

Unnumbered headings show their level only by their type: within one heading typeface, a larger size is a
higher level ("Internet Architecture" in 18 pt over "Description of the Five Layers" in 14 pt). Numbering,
division labels and lettered headings state their level in the text and are left to the text rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from corpus.readers.model import LayoutDocument, body_size
from corpus.structure.report.layout import Block

TypeSizes = Mapping[str, tuple[str, float]]  # line text -> (font name, size in points)

_HEADING_SIZE = 1.15  # a heading's type is at least this much larger than the body's
_SIZE_STEP = 0.5  # points: sizes closer than this are one size
TYPE_STYLES = frozenset({"titled", "caps", "sentence", "contents", "backmatter"})  # levels the text cannot state
_MAX_TIERS = 3


def heading_type_sizes(layout: LayoutDocument | None) -> dict[str, tuple[str, float]]:
    """Font and size of each line set larger than the body (keyed by its text; the first occurrence wins)."""
    body = body_size(layout) if layout is not None else None
    if not body:
        return {}
    sizes: dict[str, tuple[str, float]] = {}
    for line in layout.lines:
        text = line.text.strip()
        if text and line.font_size and line.font_size >= _HEADING_SIZE * body and text not in sizes:
            sizes[text] = (line.font_name or "", round(line.font_size / _SIZE_STEP) * _SIZE_STEP)
    return sizes


_SMALL_TYPE = 0.85  # a line set at most this share of the body size is in smaller type (running heads, notes, labels)


def small_type_lines(layout: LayoutDocument | None) -> frozenset[str]:
    """Texts of the lines set in type smaller than the body wherever they occur (running heads, credits, chart
    labels): a heading is never set smaller than the text it heads."""
    body = body_size(layout) if layout is not None else None
    if not body:
        return frozenset()
    small: set[str] = set()
    other: set[str] = set()
    for line in layout.lines:
        text = line.text.strip()
        if text and line.font_size:
            (small if line.font_size <= _SMALL_TYPE * body else other).add(text)
    return frozenset(small - other)


def demote_small_headings(blocks: list[Block], small: frozenset[str]) -> list[Block]:
    """Headings whose every line is set in type smaller than the body become paragraphs (a running head printed
    once, a label in small type): the type contradicts the heading."""
    if not small:
        return blocks
    return [replace(block, kind="paragraph", style="") if block.kind == "heading" and all(line.source.text.strip() in small for line in block.lines)
            else block for block in blocks]


def levels_from_type(headings: list[Block], sizes: TypeSizes) -> dict[int, int] | None:
    """Levels of unnumbered headings from their type: within each heading typeface, sizes ranked from the largest
    (level 1). None when the type says nothing: a heading whose level the text states (numbers, labels), a
    heading set in no larger type, or no typeface set in two sizes or more."""
    if not headings or not sizes or any(block.style not in TYPE_STYLES for block in headings):
        return None
    found = [sizes.get(block.lines[0].text.strip()) for block in headings]
    if any(f is None for f in found):
        return None
    tiers: dict[str, list[float]] = {}
    for font, size in found:
        tiers.setdefault(font, [])
        if size not in tiers[font]:
            tiers[font].append(size)
    if not any(2 <= len(t) <= _MAX_TIERS for t in tiers.values()) or any(len(t) > _MAX_TIERS for t in tiers.values()):
        return None
    ranks = {font: sorted(t, reverse=True) for font, t in tiers.items()}
    return {k: ranks[font].index(size) + 1 for k, (font, size) in enumerate(found)}
