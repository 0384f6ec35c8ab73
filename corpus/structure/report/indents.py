"""Heading levels from the indents of a contents page, for text that states no type size.

A contents page sets each entry's page number flush right and fills the space before it with a dot leader;
sub-entries are indented. An extraction keeps the leader's dots, so an entry's printed width (its title, its
dots, its page number) is known up to the widths of the characters, and an indented entry is narrower by the
indent: "Internet Architecture ....... 1" (level 1) spans more than "Application Layer ..... 9" (level 2). The
widths are estimated with the proportions of a common sans-serif face, in units of one leader dot; entries of
one level agree to within a few dots, and a deeper level sits a clear indent to the left. Used only when the
extents fall into two or three such tiers.
"""

from __future__ import annotations

import re

# Advance widths (thousandths of an em) of a common sans-serif face; other characters count as a digit.
_WIDTHS = {
    **dict(zip("abcdefghijklmnopqrstuvwxyz", (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
                                              556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500))),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
                                              722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611))),
    " ": 278, ".": 278, ",": 278, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333, "-": 333, "'": 191, "’": 222,
}
_DEFAULT_WIDTH = 556
_DOT = 278

_LEADER_ENTRY_RE = re.compile(r"^(.*?\S)\s*((?:\.\s*){4,})\s*(\d{1,3}|[ivxlc]{1,6})$", re.I)

_TIER_GAP = 3.0  # dots: an indent is at least this wide
_TIER_SPREAD = 4.0  # dots: entries of one level end within this of each other (character widths are estimates)
_MAX_TIERS = 3


def _width(text: str) -> float:
    return sum(_WIDTHS.get(ch, _DEFAULT_WIDTH) for ch in text) / _DOT


def leader_extent(line: str) -> float | None:
    """Printed width of a contents line with a dot leader and a page number, in leader dots; None for other lines."""
    match = _LEADER_ENTRY_RE.match(line.strip())
    if not match:
        return None
    title, dots, page = match.groups()
    return _width(title) + dots.count(".") + _width(page)


def extent_tiers(extents: list[float]) -> list[int] | None:
    """Level of each extent (1 for the widest tier): the extents sorted and cut at gaps of an indent or more; None
    unless they form two or three tiers, each narrow and clearly apart from the next."""
    if len(extents) < 3:
        return None
    ordered = sorted(set(extents), reverse=True)
    tiers: list[list[float]] = [[ordered[0]]]
    for value in ordered[1:]:
        if tiers[-1][-1] - value >= _TIER_GAP:
            tiers.append([value])
        else:
            tiers[-1].append(value)
    if not 2 <= len(tiers) <= _MAX_TIERS or any(t[0] - t[-1] > _TIER_SPREAD for t in tiers):
        return None
    rank = {value: k + 1 for k, tier in enumerate(tiers) for value in tier}
    return [rank[value] for value in extents]


def _spread(values: list[float]) -> float:
    return max(values) - min(values)


def levels_from_indents(headings: list, leader_lines: dict[str, str]) -> dict[int, int] | None:
    """Levels of unnumbered headings from the indents of their contents entries (`leader_lines`: entry key -> the
    entry's printed line); headings the contents does not list keep theirs. None when the text states a level
    (numbers, labels), fewer than three headings are listed, the widths form no clear tiers, or the lines agree
    better counted in characters than in proportional widths (a listing typed in a fixed-width face)."""
    from corpus.structure.report.contents import entry_key
    from corpus.structure.report.typesize import TYPE_STYLES

    if not headings or any(block.style not in TYPE_STYLES for block in headings):
        return None
    keys = [entry_key(" ".join(line.text for line in block.lines)) for block in headings]
    listed = [(k, leader_lines[key]) for k, key in enumerate(keys) if key in leader_lines]
    extents = [leader_extent(line) for _, line in listed]
    tiers = extent_tiers(extents)
    if not tiers or _spread([len(line) for _, line in listed]) <= _spread(extents):
        return None
    return {k: tier for (k, _), tier in zip(listed, tiers)}
