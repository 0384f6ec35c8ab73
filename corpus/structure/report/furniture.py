"""Page furniture: running heads and footers, page numbers, recognised by position and repetition."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corpus.structure.report.cover import is_meta_line
from corpus.structure.report.layout import Line
from corpus.structure.report.patterns import (
    _BLANK_PAGE_RE, _CAPTION_RE, _ends_sentence, _LEADING_NUMBER_RE, _LONE_DIVISION_RE, _MAX_FURNITURE_LEN, _NOTE_START_RE,
    _PAGE_NUMBER_RE, _SOURCE_RE, _SPACES_RE, _TRAILING_NUMBER_RE,
)


# --- furniture --------------------------------------------------------------------------------------


# a footer glyph fused with the page number: "N4", "|12", "•7", "12 ■"
_GLYPH_PAGE_NUMBER_RE = re.compile(r"^(?:[^\w\s]|[A-Za-z])\s?(\d{1,4})$|^(\d{1,4})\s?(?:[^\w\s.)]|[A-Za-z])$")


# a page number set off from the running head by a separator glyph: "2 | Centre for X", "Title • 13", "Page 4 | X"
_SEPARATED_LEADING_RE = re.compile(r"^(?:page\s+)?(\d{1,4})\s*[|•·–—/]\s*(\S.*)$", re.IGNORECASE)
_SEPARATED_TRAILING_RE = re.compile(r"^(.*?\S)\s*[|•·–—/]\s*(?:page\s+)?(\d{1,4})$", re.IGNORECASE)


def _separated_number(text: str) -> re.Match[str] | None:
    """A running head with its page number set off by a separator glyph (a heading never is)."""
    for regex in (_SEPARATED_LEADING_RE, _SEPARATED_TRAILING_RE):
        match = regex.match(_SPACES_RE.sub(" ", text.strip()))
        if match and sum(ch.isalpha() for ch in match.group(2 if regex is _SEPARATED_LEADING_RE else 1)) >= 2:
            return match
    return None


def _number_parts(text: str) -> tuple[str, int | None, bool]:
    """Split a possible header/footer into (phrase key, page number, zero-padded number); the phrase key
    leaves out the separator glyph, so "Title | 3" and "Title" on another page share it."""
    text = _SPACES_RE.sub(" ", text.strip())
    match = _PAGE_NUMBER_RE.match(text) or _GLYPH_PAGE_NUMBER_RE.match(text)
    if match:
        digits = next(g for g in match.groups() if g)
        return "", int(digits), len(digits) > 1 and digits.startswith("0")
    if re.search(r"\D\s(?:19|20)\d\d$", text):  # "Annual Report 2023", "Issue Brief | October 2024": a year, no page number
        leading = _SEPARATED_LEADING_RE.match(text) or _LEADING_NUMBER_RE.match(text)  # "2 Water Outlook 2025": page 2
        if leading and sum(ch.isalpha() for ch in leading.group(2)) >= 2:
            return leading.group(2).strip().casefold(), int(leading.group(1)), False
        return text.casefold(), None, False
    separated = _separated_number(text)
    if separated:
        leading = separated.re is _SEPARATED_LEADING_RE
        phrase, digits = (separated.group(2), separated.group(1)) if leading else (separated.group(1), separated.group(2))
        return phrase.strip().casefold(), int(digits), False
    for regex, phrase_group, number_group in ((_LEADING_NUMBER_RE, 2, 1), (_TRAILING_NUMBER_RE, 1, 2)):
        match = regex.match(text)
        if match and sum(ch.isalpha() for ch in match.group(phrase_group)) >= 2:
            return match.group(phrase_group).strip().casefold(), int(match.group(number_group)), False
    return text.casefold(), None, False


def _furniture_candidates(page: list[Line]) -> list[int]:
    """Indices of the lines at the page's top and bottom edges."""
    if not page:
        return []
    edges = {0, len(page) - 1}
    if len(page) > 2:
        edges.update({1, len(page) - 2})
    return sorted(edges)


def _is_structural(text: str) -> bool:
    """Captions and source lines are never furniture, however often they repeat."""
    return bool(_CAPTION_RE.match(text) or _SOURCE_RE.match(text) or _NOTE_START_RE.match(text))


@dataclass(frozen=True)
class Furniture:
    """Which lines are page furniture and the page number printed on (or inferred for) each page."""

    lines: frozenset[tuple[int, int]]  # (page index, line index)
    page_numbers: tuple[int | None, ...]


def _opens_first_page(parts: dict, phrase_pages: dict[str, set[int]], i: int) -> bool:
    """Whether line i of the first page is among its opening lines with no furniture above it: the first line, or
    the second under one that is neither a page number nor a repeated head (a department's name over the title)."""
    if i == 0:
        return True
    above = parts.get((0, i - 1))
    return i == 1 and above is not None and bool(above[0]) and above[1] is None and len(phrase_pages.get(above[0], ())) < 2


def find_furniture(pages: list[list[Line]], listing: frozenset[int] = frozenset()) -> Furniture:
    """Running headers/footers, page numbers and chapter numbers, recognised by position and repetition. The
    `listing` pages (contents) repeat the headings' words at their edges: that is no evidence of a running head."""
    parts = {
        (p, i): _number_parts(page[i].text)
        for p, page in enumerate(pages)
        for i in _furniture_candidates(page)
        if not _is_structural(page[i].text) and len(_SPACES_RE.sub(" ", page[i].text)) <= _MAX_FURNITURE_LEN
    }
    phrase_pages: dict[str, set[int]] = {}
    for (p, _), (phrase, _, _) in parts.items():
        if phrase and p not in listing:
            phrase_pages.setdefault(phrase, set()).add(p)
    min_repeat = max(2, min(3, len(pages) // 3))
    furniture: set[tuple[int, int]] = set()
    evidence: dict[int, int] = {}
    for (p, i), (phrase, number, padded) in parts.items():
        repeats = len(phrase_pages.get(phrase, ()))
        foot = parts.get((p, len(pages[p]) - 1))
        if not phrase and number is not None and i == len(pages[p]) - 2 and foot and not foot[0] and foot[1] is not None:
            continue  # two bare numbers at the foot: the last is the page number, the one above it a note number
        if not phrase and number is not None and _numbers_a_top_heading(pages[p], i, foot):
            continue
        if _labels_a_top_heading(pages[p], i):
            continue
        if not phrase and number is not None:
            if not padded:
                evidence[p] = number
        elif number is not None and repeats >= 2:
            evidence[p] = number
        elif number is None and repeats >= min_repeat and not _ends_sentence(pages[p][i].text):
            if not (p == 0 and _opens_first_page(parts, phrase_pages, i)):  # the cover's title is no running head
                furniture.add((p, i))
            continue
        else:
            continue
        furniture.add((p, i))
    page_numbers = _infer_page_numbers(len(pages), evidence)
    for (p, i), (phrase, number, padded) in parts.items():
        if (p, i) in furniture or number is None or not phrase and _numbers_a_top_heading(pages[p], i, parts.get((p, len(pages[p]) - 1))):
            continue
        if _labels_a_top_heading(pages[p], i):
            continue
        # "1 INTRODUCTION" printed once at the top of a page is a chapter heading, not a running head
        repeated = (not phrase or len(phrase_pages.get(phrase, ())) >= 2 or not _LEADING_NUMBER_RE.match(pages[p][i].text.strip())
                    or _separated_number(pages[p][i].text) is not None)
        if padded or (page_numbers[p] == number and i in (0, len(pages[p]) - 1) and len(phrase) <= 60 and repeated):
            furniture.add((p, i))  # chapter number, or a footer whose number fits the page sequence
    kept = _only_edges(furniture, pages)
    kept |= {(p, i) for p, page in enumerate(pages) for i, line in enumerate(page) if _BLANK_PAGE_RE.match(line.text.strip())}
    kept |= _heads_off_the_edge(pages, kept, min_repeat)
    kept |= {(p, i) for p in range(1, len(pages)) for i in _furniture_candidates(pages[p])[:1] + _furniture_candidates(pages[p])[-1:]
             if _is_single_running_head(pages[p][i].text)}
    return Furniture(frozenset(kept), tuple(page_numbers))


_HEAD_PARTS_RE = re.compile(r"^(\S.{1,60}?)\s+[|•·]\s+(\S.{1,60})$")


def _is_single_running_head(text: str) -> bool:
    """A running head or footer printed once (an excerpt may hold one body page): at a page's top or bottom edge, two
    phrases joined by a spaced separator glyph, one of them a date, a series or kind of paper, a report number or a
    web address ("Issue Brief | October 2024", "Policy Paper 7 • example.org"). A heading is never set so."""
    match = _HEAD_PARTS_RE.match(_SPACES_RE.sub(" ", text.strip()))
    if not match or _is_structural(text) or _ends_sentence(text):
        return False
    return any(is_meta_line(part.strip()) for part in match.groups())


_HEADING_TITLE_LEN = 60


def _numbers_a_top_heading(page: list[Line], i: int, foot: tuple[str, int | None, bool] | None) -> bool:
    """A bare number at the top of a page whose page number is printed at its foot, with a title line under it
    (short, capitalised, no sentence end): the number of a heading opening the page ("1" / "Introduction")."""
    if i > 1 or i + 1 >= len(page) - 1 or not foot or foot[0] or foot[1] is None:
        return False
    title = _SPACES_RE.sub(" ", page[i + 1].text).strip()
    return (0 < len(title) <= _HEADING_TITLE_LEN and title[:1].isupper() and not _ends_sentence(title)
            and not _PAGE_NUMBER_RE.match(title))


def _labels_a_top_heading(page: list[Line], i: int) -> bool:
    """A division's label at the top of a page with its title under it ("Chapter 3" / "Ports and Power"): a
    heading, not a running head numbered like a page."""
    if i > 1 or i + 1 >= len(page) or not _LONE_DIVISION_RE.match(_SPACES_RE.sub(" ", page[i].text).strip()):
        return False
    title = _SPACES_RE.sub(" ", page[i + 1].text).strip()
    return 0 < len(title) <= _HEADING_TITLE_LEN and title[:1].isupper() and not _ends_sentence(title)


_NEAR_EDGE = 4  # lines from the top or bottom where a running head may be displaced (two columns, a number above it)


def _heads_off_the_edge(pages: list[list[Line]], furniture: set[tuple[int, int]], min_repeat: int) -> set[tuple[int, int]]:
    """A running head found at page edges is furniture also a few lines off the edge, where a two-column
    page or a heading number printed above it pushes it (it is found by its text, not its position)."""
    heads: dict[str, set[int]] = {}
    for p, i in furniture:
        text = _SPACES_RE.sub(" ", pages[p][i].text).strip()
        if sum(ch.isalpha() for ch in text) >= 3:  # the same words on every page ("NIST AI 100-1" too: its number never changes)
            heads.setdefault(text, set()).add(p)
    heads = {text: found for text, found in heads.items() if len(found) >= min_repeat}
    extra = set()
    for p, page in enumerate(pages):
        for i, line in enumerate(page):
            # the cover's title under a department's (and directorate's) name, no furniture above it
            cover_line = p == 0 and i < _NEAR_EDGE and not any((0, j) in furniture for j in range(i))
            if (p, i) in furniture or cover_line or not (i < _NEAR_EDGE or i >= len(page) - _NEAR_EDGE):
                continue
            if _SPACES_RE.sub(" ", line.text).strip() in heads:
                extra.add((p, i))
    return extra


def _only_edges(furniture: set[tuple[int, int]], pages: list[list[Line]]) -> set[tuple[int, int]]:
    """Keep second-from-edge candidates only when the line at the edge is furniture too."""
    kept = set()
    for p, i in furniture:
        last = len(pages[p]) - 1
        if i in (0, last) or (i == 1 and (p, 0) in furniture) or (i == last - 1 and (p, last) in furniture):
            kept.add((p, i))
    return kept


def _infer_page_numbers(page_count: int, evidence: dict[int, int]) -> list[int | None]:
    """Page numbers from printed ones. Between two pages with printed numbers the count is spread
    evenly (so a missed or doubled page break never makes numbers run backwards or overshoot the next
    printed one); before the first and after the last printed number pages count on by one."""
    if not evidence:
        return [None] * page_count
    known = sorted(evidence)
    numbers: list[int | None] = []
    for p in range(page_count):
        k = bisect.bisect_right(known, p)
        if 0 < k < len(known) and p != known[k - 1]:
            left, right = known[k - 1], known[k]
            span = evidence[right] - evidence[left]
            number = evidence[left] + round((p - left) * span / (right - left))
        else:
            anchor = known[k - 1] if k else known[0]
            number = p + evidence[anchor] - anchor
        numbers.append(number if number >= 1 else None)
    return numbers
