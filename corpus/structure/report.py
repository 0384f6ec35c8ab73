"""Structure for reports extracted from PDF: page furniture, paragraphs, heading tree, footnotes, figures.

The steps run in order over one raw string, each a small pure function:
lines -> pages -> furniture (page numbers recovered) -> body/notes split (footnote markers found by
their increasing sequence) -> blocks (headings, paragraphs, list items, captions) -> one clean text
with section, footnote and figure spans over it. Nothing is keyed to one document's wording.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from corpus.structure.lines import find_urls, join_lines, url_at_end
from corpus.structure.model import (
    FOOTNOTE_MISSING_TEXT,
    FOOTNOTE_NO_ANCHOR,
    FOOTNOTE_OK,
    FOOTNOTE_TRUNCATED,
    FigureSpan,
    FootnoteSpan,
    SectionSpan,
    StructuredDocument,
)

# --- patterns ---------------------------------------------------------------------------------------

_NOTE_START_RE = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
_MARKER_RE = re.compile(r"(?<=[^\s\d(\[/#$£€+\-–—])(\d{1,3})(?=$|[\s,;:)\]]|\.(?:\s|$))")
_MARKER_LIST_RE = re.compile(r"^,\s?(\d{1,3})(?=$|[\s,;:)\]])")
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_LEADING_NUMBER_RE = re.compile(r"^(\d{1,4})\s*([A-Z].*)$")
_TRAILING_NUMBER_RE = re.compile(r"^(.*[^\d\s,.;:])\s*(\d{1,4})$")
_BULLET_RE = re.compile(r"^(?:[-•●▪◦∙*–]\s+|\([a-z]\)\s+|\(\d{1,2}\)\s+)")
_CAPTION_RE = re.compile(
    r"^(Figure|Fig\.|Table|Chart|Map|Exhibit|Graph|Diagram)\s+(\d{1,3}|[A-Z]\d{0,2})\s*[.:]\s*(?=\S)"
)
_SOURCE_RE = re.compile(r"^(?:Sources?|Data)\s*:\s*")
_NUMBERED_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s+(?=[A-Z“\"‘'])")
_ROMAN_HEADING_RE = re.compile(r"^[IVXL]{1,6}\.\s+(?=\S)")
_LABELLED_HEADING_RE = re.compile(r"^[A-Z][a-z]{2,}\s+(?:\d{1,2}|[IVX]{1,4}|[A-Z])\s*[:.]\s+(?=\S)")
_APPENDIX_RE = re.compile(r"^(?:Appendix|Annex)\s+([A-Z0-9]{1,3})\b")
_BACKMATTER_RE = re.compile(
    r"^(?:About the Authors?|Acknowledge?ments|Notes|Endnotes|References|Bibliography|Conclusions?|"
    r"Glossary|Abbreviations|Acronyms|Executive Summary|Summary|Introduction|Foreword|Preface)$",
    re.IGNORECASE,
)
_MENTION_RE = re.compile(r"\b(Figure|Fig\.|Table|Chart|Map|Exhibit|Graph|Diagram)s?\s+(\d{1,3})\b")
_APPENDIX_MENTION_RE = re.compile(r"\b(?:Appendix|Annex)\s+([A-Z0-9]{1,3})\b")
_IBID_RE = re.compile(r"^Ibid\b", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
_TERMINAL = (".", "?", "!", ":", "”", "’", '"', ")", "]", ";")
_CONNECTORS = frozenset(
    "a an and the of for to in on at by with from or but as into than via & – — -".split()
)
_SMALL_WORDS = frozenset("a an and the of for to in on at by with from or but as into via vs nor".split())
_CHART_WORDS = re.compile(
    r"\b(revenue|sales|volume|spending|share|growth|percent|rate|subscriptions?|number|count|"
    r"thousands|millions|billions|prices?|trend|comparison|estimated)\b",
    re.IGNORECASE,
)
_DIAGRAM_WORDS = re.compile(r"\b(sequence|process|flow|structure|steps|framework|diagram)\b", re.IGNORECASE)

_BLANK_LAYOUT_SHARE = 0.6  # share of lines followed by exactly one blank line in "blank after every line" text
_FULL_LINE = 0.75  # a line this share of the body width long is a wrapped (not paragraph-final) line
_SHORT_LINE = 0.7
_MAX_FURNITURE_LEN = 80


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


# --- furniture --------------------------------------------------------------------------------------


def _number_parts(text: str) -> tuple[str, int | None, bool]:
    """Split a possible header/footer into (phrase key, page number, zero-padded number)."""
    text = _SPACES_RE.sub(" ", text.strip())
    match = _PAGE_NUMBER_RE.match(text)
    if match:
        digits = match.group(1)
        return "", int(digits), len(digits) > 1 and digits.startswith("0")
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


def find_furniture(pages: list[list[Line]]) -> Furniture:
    """Running headers/footers, page numbers and chapter numbers, recognised by position and repetition."""
    parts = {
        (p, i): _number_parts(page[i].text)
        for p, page in enumerate(pages)
        for i in _furniture_candidates(page)
        if not _is_structural(page[i].text) and len(_SPACES_RE.sub(" ", page[i].text)) <= _MAX_FURNITURE_LEN
    }
    phrase_pages: dict[str, set[int]] = {}
    for (p, _), (phrase, _, _) in parts.items():
        if phrase:
            phrase_pages.setdefault(phrase, set()).add(p)
    min_repeat = max(2, min(3, len(pages) // 3))
    furniture: set[tuple[int, int]] = set()
    evidence: dict[int, int] = {}
    for (p, i), (phrase, number, padded) in parts.items():
        repeats = len(phrase_pages.get(phrase, ()))
        if not phrase and number is not None:
            if not padded:
                evidence[p] = number
        elif number is not None and repeats >= 2:
            evidence[p] = number
        elif number is None and repeats >= min_repeat and not _ends_sentence(pages[p][i].text):
            if not (p == 0 and i == 0):  # the title line on the title page is not a running header
                furniture.add((p, i))
            continue
        else:
            continue
        furniture.add((p, i))
    page_numbers = _infer_page_numbers(len(pages), evidence)
    for (p, i), (phrase, number, padded) in parts.items():
        if (p, i) in furniture or number is None:
            continue
        if padded or (page_numbers[p] == number and i in (0, len(pages[p]) - 1) and len(phrase) <= 60):
            furniture.add((p, i))  # chapter number, or a footer whose number fits the page sequence
    return Furniture(frozenset(_only_edges(furniture, pages)), tuple(page_numbers))


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


# --- body and notes ---------------------------------------------------------------------------------


@dataclass
class BodyLine:
    """A body line with footnote markers removed: `markers` are (offset in `text`, note number)."""

    text: str
    page: int | None
    source: Line
    markers: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class NoteDraft:
    """A footnote or endnote being collected line by line."""

    number: int
    lines: list[str]
    page: int | None
    kind: str = "footnote"


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL) or text.rstrip().endswith("?")


def _extract_markers(text: str, next_marker: int) -> tuple[str, list[tuple[int, int]], int]:
    """Remove footnote markers (digits glued to a word or punctuation, in sequence) from one line."""
    out: list[str] = []
    markers: list[tuple[int, int]] = []
    pos = 0
    for match in _MARKER_RE.finditer(text):
        number = int(match.group(1))
        if not _is_marker(text, match, number, next_marker):
            continue
        out.append(text[pos : match.start()])
        anchor = sum(len(piece) for piece in out)
        markers.append((anchor, number))
        next_marker = number + 1
        end = match.end()
        while (more := _MARKER_LIST_RE.match(text[end:])) and int(more.group(1)) == next_marker:
            markers.append((anchor, next_marker))
            next_marker += 1
            end += more.end()
        pos = end
    out.append(text[pos:])
    clean = "".join(out)
    return _SPACES_RE.sub(" ", clean).strip() if markers else clean, markers, next_marker


def _is_marker(text: str, match: re.Match[str], number: int, next_marker: int) -> bool:
    """A glued number is a marker when it continues the sequence and is not a decimal or thousands part."""
    if not next_marker <= number <= next_marker + 2:
        return False
    before = text[: match.start()]
    after = text[match.end() :]
    if before.endswith((".", ",")) and before[:-1][-1:].isdigit():
        if before.endswith(","):
            return len(match.group(1)) != 3 and number == next_marker  # "2016,66" but not "36,000"
        following = after.lstrip()
        if following and not (following[0].isupper() or following[0] in "“\"‘(") and after[:1] != ",":
            return False  # decimal: "$5.5 trillion"
        return number == next_marker
    return number == next_marker or before[-1:].isalpha() or before.endswith(_TERMINAL)


def _note_start(text: str, next_note: int, next_marker: int) -> int | None:
    """The note number when `text` starts a note whose marker was already seen."""
    match = _NOTE_START_RE.match(text)
    if not match:
        return None
    number = int(match.group(1))
    rest = text[match.end() :]
    if len(rest) < 60 and _is_title_case(rest) and not _ends_sentence(rest):
        return None  # a numbered heading ("2. The New Orbital Broadband Market")
    return number if next_note <= number <= next_note + 3 and number < next_marker else None


def _heading_like(text: str) -> bool:
    """A short title-case line such as "Notes": what introduces an endnote list."""
    return (
        0 < len(text) <= 40
        and text[0].isupper()
        and not any(ch.isdigit() for ch in text)
        and not _ends_sentence(text)
    )


def _note_looks_cut(lines: list[str]) -> bool:
    """A note whose text stops mid-sentence ("..., September 28," or "https://foreignpol-")."""
    text = join_lines(lines).text.rstrip()
    if not text:
        return True
    url = url_at_end(text)
    if url and len(url) > len("https://") and not url.endswith(("-", "://")):
        return False
    return not (text.endswith(_TERMINAL) or text[-1].isdigit() or text.endswith("?") or text.endswith("!"))


def _continuation_start(body: list[BodyLine], start: int) -> int | None:
    """Where a note cut at the previous page resumes at the foot of this page, after the body text."""
    found = None
    for i in range(max(start, 1), len(body)):
        if i == start:
            continue
        head = body[i].source.text
        previous = body[i - 1].source.text
        if _ends_sentence(previous) and (head[0].islower() or head[0].isdigit() or head.startswith("http")):
            found = i
    return found


@dataclass
class Separated:
    """Body lines in reading order and notes by number."""

    body: list[BodyLine]
    notes: dict[int, NoteDraft]
    markers_seen: int


def separate_notes(pages: list[list[Line]], page_numbers: tuple[int | None, ...]) -> Separated:
    """Split page content into body lines and footnotes/endnotes, removing markers from the body."""
    body: list[BodyLine] = []
    notes: dict[int, NoteDraft] = {}
    next_marker, next_note = 1, 1
    current: NoteDraft | None = None
    endnotes = False
    for page, page_no in zip(pages, page_numbers):
        page_body_start = len(body)
        pending = current if current and not endnotes and _note_looks_cut(current.lines) else None
        in_note = endnotes and current is not None
        for line in page:
            number = _note_start(line.text, next_note, next_marker)
            if number is not None:
                if pending is not None:
                    next_marker = _attach_continuation(body, page_body_start, pending, next_marker)
                    pending = None
                if not in_note and number == 1 and body and _heading_like(body[-1].text):
                    endnotes = True
                current = NoteDraft(
                    number, [line.text[_NOTE_START_RE.match(line.text).end() :]], page_no,
                    "endnote" if endnotes else "footnote",
                )
                notes[number] = current
                next_note = number + 1
                in_note = True
            elif in_note and current is not None:
                current.lines.append(line.text)
            else:
                text, markers, next_marker = _extract_markers(_SPACES_RE.sub(" ", line.text), next_marker)
                body.append(BodyLine(text, page_no, line, markers))
        if pending is not None:
            next_marker = _attach_continuation(body, page_body_start, pending, next_marker)
    return Separated(body, notes, next_marker - 1)


def _attach_continuation(body: list[BodyLine], start: int, note: NoteDraft, next_marker: int) -> int:
    """Move the lines continuing `note` from the end of this page's body into the note."""
    at = _continuation_start(body, start)
    if at is None:
        return next_marker
    moved = body[at:]
    del body[at:]
    note.lines.extend(line.source.text for line in moved)
    numbers = [number for line in moved for _, number in line.markers]
    return min(numbers) if numbers else next_marker


# --- blocks -----------------------------------------------------------------------------------------


@dataclass
class Block:
    """A run of body lines rendered as one unit of the clean text."""

    kind: str  # "heading" | "paragraph" | "item" | "caption" | "source" | "row" | "title"
    lines: list[BodyLine]
    level: int = 0
    style: str = ""


def _body_width(body: list[BodyLine]) -> int:
    """Typical full line length of the body (90th percentile)."""
    lengths = sorted(len(line.text) for line in body if len(line.text) > 20)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", text)]
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised >= 0.75 * len(significant)


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(1 for ch in letters if ch.isupper())
    return len(letters) >= 4 and upper >= 0.9 * len(letters) and bool(re.search(r"[A-Z]{3}", text))


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


def _tight_run(body: list[BodyLine], i: int, width: int) -> int:
    """How many lines from `i` are printed without the layout blank line between them (a wrapped heading)."""
    j = i + 1
    while (
        j < len(body)
        and j - i < 3
        and _wraps_tightly(body[j - 1], body[j])
        and len(body[j].text) < _SHORT_LINE * width
        and not body[j].markers
        and not _starts_block(body[j])
    ):
        j += 1
    return j - i


def _wraps_tightly(line: BodyLine, nxt: BodyLine | None) -> bool:
    """In blank-after-every-line text a heading's wrapped lines have no blank line between them."""
    return (
        nxt is not None
        and nxt.source.tight
        and not nxt.source.page_break
        and nxt.page == line.page
    )


def _heading_at(body: list[BodyLine], i: int, prev: BodyLine | None, width: int) -> tuple[str, int] | None:
    """The heading style and line count of a heading starting at body[i], or None for body text."""
    count = _tight_run(body, i, width)
    lines = body[i : i + count]
    nxt = body[i + count] if i + count < len(body) else None
    style = _heading_style(lines, prev, nxt, width)
    if style is None:
        return None
    while i + count < len(body) and count < 3 and _heading_continues(body[i + count - 1], body[i + count], style, width):
        count += 1
    return style, count


def _closes_sentence(text: str) -> bool:
    """Ends with sentence punctuation, looking through closing quotes and brackets."""
    return text.rstrip("”’\"')]").endswith((".", ":", ";", ",", "!"))


def _heading_style(lines: list[BodyLine], prev: BodyLine | None, nxt: BodyLine | None, width: int) -> str | None:
    """The heading style of candidate heading lines, or None. Decided by pattern and neighbours only."""
    text = " ".join(line.text for line in lines)
    first = lines[0].text
    if not text or len(text) > 1.3 * width or _starts_block(lines[0]) or any(line.markers for line in lines):
        return None
    if _APPENDIX_RE.match(text) and len(text) < 80:
        return "appendix"
    if _closes_sentence(text):
        return None
    prev_ends = (
        prev is None
        or _ends_sentence(prev.text)
        or bool(prev.markers and prev.markers[-1][0] >= len(prev.text))
        or (lines[0].source.page_break and len(prev.text) < _SHORT_LINE * width)
    )
    next_starts = nxt is None or nxt.text[:1].isupper() or nxt.text[:1] in "“\"‘(" or nxt.text[:1].isdigit()
    if nxt is not None and _BULLET_RE.match(nxt.text):
        return None  # a line introducing a bullet group is body text
    numbered = _NUMBERED_HEADING_RE.match(text)
    if numbered and _is_title_case(text[numbered.end():]):
        return "numbered"
    if _ROMAN_HEADING_RE.match(text) and len(first) < 0.8 * width:
        return "roman" if prev_ends else None
    if _LABELLED_HEADING_RE.match(text) and len(first) < 0.9 * width:
        return "labelled" if prev_ends else None
    if _is_caps(text) and len(first) < 1.1 * width:
        return "caps" if prev_ends or len(text.split()) >= 2 else None
    if not prev_ends or not next_starts:
        return None
    if _BACKMATTER_RE.match(text):
        return "backmatter"
    if _is_title_case(text) and len(first) < _SHORT_LINE * width and text[0].isalpha():
        return "titled"
    return None


def _heading_continues(prev: BodyLine, line: BodyLine, style: str, width: int) -> bool:
    """Whether `line` is the wrapped continuation of heading line `prev` (without a tight-wrap signal)."""
    text = line.text
    if line.source.page_break or not text or len(text) > _SHORT_LINE * width or _closes_sentence(text):
        return False
    if _NUMBERED_HEADING_RE.match(text) or _ROMAN_HEADING_RE.match(text) or _starts_block(line) or line.markers:
        return False
    if style == "caps":
        return _is_caps(text) and not _ends_sentence(prev.text)
    wraps = _last_word(prev.text) in _CONNECTORS or prev.text.endswith((",", ":", "-")) or len(prev.text) >= 0.75 * width
    return wraps and (_is_title_case(text) or text[:1].islower())


def _line_wraps(line: BodyLine, width: int) -> bool:
    """Whether a caption/source line runs on to the next line."""
    return (
        _last_word(line.text) in _CONNECTORS
        or line.text.endswith(("-", ",", "(", "/"))
        or len(line.text) >= 0.8 * width
    )


def _caption_wraps(line: BodyLine, width: int) -> bool:
    """A caption runs on only at a visible break: a connector, hyphen or comma, or a full-width line."""
    text = line.text
    return _last_word(text) in _CONNECTORS or text.endswith(("-", ",", "(", "/")) or len(text) >= 0.95 * width


def _ends_paragraph(line: BodyLine, width: int) -> bool:
    """A paragraph ends at a short line that ends a sentence (or one followed by wide trailing space)."""
    if not _ends_sentence(line.text):
        return False
    return len(line.text) < _FULL_LINE * width or line.source.trailing_spaces >= 2


def _chart_label_run(body: list[BodyLine], caption_at: int, taken: int) -> int:
    """Start of a run of short label lines (chart values, diagram boxes) just before a caption."""
    start = caption_at
    while start > taken and len(body[start - 1].text) <= 25 and not _ends_sentence(body[start - 1].text):
        start -= 1
    return start if caption_at - start >= 3 else caption_at


def _title_block_end(body: list[BodyLine], width: int) -> int:
    """Number of leading lines forming a title page block (title, authors, institution), or 0."""
    end = 0
    while end < len(body):
        line = body[end]
        if end and line.source.page_break:
            break
        text = line.text
        if (
            len(text) >= _SHORT_LINE * width
            or _ends_sentence(text)
            or _NUMBERED_HEADING_RE.match(text)
            or _is_caps(text)
            or _BACKMATTER_RE.match(text)
        ):
            break
        end += 1
    return end if end >= 2 else 0


def build_blocks(body: list[BodyLine]) -> list[Block]:
    """Group body lines into headings, paragraphs, list items, captions, sources and table rows."""
    width = _body_width(body)
    blocks: list[Block] = []
    title_end = _title_block_end(body, width)
    blocks.extend(Block("title", [line]) for line in body[:title_end])
    i = floor = title_end
    in_table = False
    while i < len(body):
        if blocks and blocks[-1].kind not in ("paragraph", "item"):
            floor = i
        line = body[i]
        prev = body[i - 1] if i > title_end else None
        nxt = body[i + 1] if i + 1 < len(body) else None
        caption = _CAPTION_RE.match(line.text)
        if caption:
            label_start = _chart_label_run(body, i, floor)
            if label_start < i:
                _drop_lines(blocks, i - label_start)
            i, in_table = _take_caption(body, i, width, blocks, caption.group(1))
            continue
        if _SOURCE_RE.match(line.text):
            in_table = False
            i = _take_wrapped(body, i, width, blocks, "source")
            continue
        if in_table:
            blocks.append(Block("row", [line]))
            i += 1
            continue
        heading = _heading_at(body, i, _previous_text_line(blocks, prev), width)
        if heading:
            style, count = heading
            blocks.append(Block("heading", body[i : i + count], style=style))
            i += count
            continue
        if _BULLET_RE.match(line.text):
            i = _take_item(body, i, width, blocks)
            continue
        i = _take_paragraph(body, i, width, blocks)
    return blocks


def _previous_text_line(blocks: list[Block], prev: BodyLine | None) -> BodyLine | None:
    """The previous line for heading context; a preceding heading or caption counts as a paragraph end."""
    if blocks and blocks[-1].kind in ("heading", "caption", "source", "title", "row"):
        return None
    return prev


def _drop_lines(blocks: list[Block], count: int) -> None:
    """Remove the last `count` body lines from the blocks (figure-internal labels)."""
    while count and blocks:
        block = blocks[-1]
        take = min(count, len(block.lines))
        del block.lines[len(block.lines) - take :]
        count -= take
        if not block.lines:
            blocks.pop()


def _take_caption(body: list[BodyLine], i: int, width: int, blocks: list[Block], word: str) -> tuple[int, bool]:
    """A caption with its wrapped lines; for figures everything up to a nearby "Source:" line."""
    lines = [body[i]]
    j = i + 1
    is_table = word.lower() == "table"
    source_near = next(
        (k for k in range(j, min(j + 3, len(body))) if _SOURCE_RE.match(body[k].text)), None
    )
    while j < len(body) and not _starts_block(body[j]):
        if not is_table and source_near is not None and j < source_near:
            lines.append(body[j])
        elif _caption_wraps(lines[-1], width) and len(lines) < 4 and not body[j].source.page_break:
            lines.append(body[j])
        else:
            break
        j += 1
    blocks.append(Block("caption", lines))
    return j, is_table


def _starts_block(line: BodyLine) -> bool:
    text = line.text
    return bool(_CAPTION_RE.match(text) or _SOURCE_RE.match(text) or _BULLET_RE.match(text))


def _take_wrapped(body: list[BodyLine], i: int, width: int, blocks: list[Block], kind: str) -> int:
    lines = [body[i]]
    j = i + 1
    while j < len(body) and _line_wraps(lines[-1], width) and not _starts_block(body[j]) and len(lines) < 4:
        if _heading_at(body, j, lines[-1], width):
            break
        lines.append(body[j])
        j += 1
    blocks.append(Block(kind, lines))
    return j


def _take_item(body: list[BodyLine], i: int, width: int, blocks: list[Block]) -> int:
    """A list item: the bullet line and its continuation lines."""
    lines = [body[i]]
    j = i + 1
    while j < len(body):
        line = body[j]
        if _starts_block(line) or _ends_sentence(lines[-1].text) and not line.text[:1].islower():
            break
        nxt = body[j + 1] if j + 1 < len(body) else None
        introduces_list = nxt is not None and _BULLET_RE.match(nxt.text) and not _ends_sentence(line.text)
        lowercase = line.text[:1].islower() or line.text[:2][-1:].islower() and line.text[:1] in "“\"‘("
        if introduces_list and not lowercase and _last_word(lines[-1].text) not in _CONNECTORS:
            break
        if _heading_at(body, j, lines[-1], width):
            break
        lines.append(line)
        j += 1
    blocks.append(Block("item", lines))
    return j


def _take_paragraph(body: list[BodyLine], i: int, width: int, blocks: list[Block]) -> int:
    lines = [body[i]]
    j = i + 1
    while j < len(body) and not _ends_paragraph(lines[-1], width):
        line = body[j]
        if _starts_block(line):
            break
        if _heading_at(body, j, lines[-1], width):
            break
        lines.append(line)
        j += 1
    blocks.append(Block("paragraph", lines))
    return j


# --- heading levels ---------------------------------------------------------------------------------


def assign_levels(blocks: list[Block]) -> None:
    """Heading levels from style: numbered and back matter 1; titled 1 (2 under numbered chapters);
    ALL CAPS and labelled one below titled; roman numerals one below the heading they follow."""
    headings = [block for block in blocks if block.kind == "heading"]
    styles = {block.style for block in headings}
    titled_level = 2 if "numbered" in styles else 1
    caps_level = titled_level + 1 if "titled" in styles else titled_level
    last_level = 0
    for block in headings:
        text = " ".join(line.text for line in block.lines)
        if block.style == "numbered":
            number = _NUMBERED_HEADING_RE.match(text).group(1)
            level = number.rstrip(".").count(".") + 1
        elif block.style in ("appendix", "backmatter"):
            level = 1
        elif block.style == "titled":
            level = titled_level
        elif block.style in ("caps", "labelled"):
            level = caps_level
        else:  # roman
            level = min(last_level + 1, 4) if last_level else 1
        block.level = level
        if block.style != "roman":
            last_level = level


# --- assembly ---------------------------------------------------------------------------------------


@dataclass
class Placed:
    """A block placed in the clean text."""

    block: Block
    start: int
    end: int
    text: str


def _block_separator(previous: Block | None, block: Block) -> str:
    if previous is None:
        return ""
    if previous.kind == block.kind and block.kind in ("item", "row"):
        return "\n"
    return "\n\n"


def assemble(blocks: list[Block]) -> tuple[str, list[Placed], dict[int, int]]:
    """Render blocks into the clean text; returns text, placed blocks and marker anchors by note number."""
    pieces: list[str] = []
    placed: list[Placed] = []
    anchors: dict[int, int] = {}
    length = 0
    previous = None
    for block in blocks:
        if not block.lines:
            continue
        separator = _block_separator(previous, block)
        pieces.append(separator)
        length += len(separator)
        joined = join_lines([line.text for line in block.lines])
        for line, line_start in zip(block.lines, joined.starts):
            for offset, number in line.markers:
                anchors.setdefault(number, length + min(line_start + offset, len(joined.text)))
        placed.append(Placed(block, length, length + len(joined.text), joined.text))
        pieces.append(joined.text)
        length += len(joined.text)
        previous = block
    return "".join(pieces), placed, anchors


def _heading_text(block: Block) -> str:
    return join_lines([line.text for line in block.lines]).text


def build_sections(placed: list[Placed], text_length: int) -> tuple[SectionSpan, ...]:
    """The heading tree: each section runs from its heading to the next heading of the same or higher level."""
    headings = [p for p in placed if p.block.kind == "heading"]
    starts = [p.start for p in placed]
    sections: list[dict] = []
    if placed and (not headings or headings[0].start > 0):
        first = headings[0].start if headings else text_length
        sections.append(dict(heading="", level=1, start=0, end=first, parent=None, kind="preamble",
                             page_start=placed[0].block.lines[0].page))
    stack: list[int] = []
    for heading in headings:
        level = heading.block.level
        while stack and sections[stack[-1]]["level"] >= level:
            sections[stack.pop()]["end"] = heading.start
        sections.append(dict(heading=heading.text, level=level, start=heading.start, end=text_length,
                             parent=stack[-1] if stack else None, kind="heading",
                             page_start=heading.block.lines[0].page))
        stack.append(len(sections) - 1)
    result = []
    for section in sections:
        last = bisect.bisect_left(starts, section["end"]) - 1
        page_end = placed[last].block.lines[-1].page if last >= 0 else None
        result.append(SectionSpan(page_end=page_end, **section))
    return tuple(result)


def build_footnotes(separated: Separated, anchors: dict[int, int], text_length: int) -> tuple[FootnoteSpan, ...]:
    """One span per note number seen as a marker or as note text, with status for the gaps."""
    numbers = sorted(set(separated.notes) | set(anchors))
    endnote_kind = "endnote" if any(n.kind == "endnote" for n in separated.notes.values()) else "footnote"
    footnotes = []
    for number in numbers:
        draft = separated.notes.get(number)
        anchor = anchors.get(number)
        if anchor is not None:
            anchor = max(0, min(anchor, text_length))
        if draft is None:
            footnotes.append(FootnoteSpan(number=number, text="", anchor=anchor, status=FOOTNOTE_MISSING_TEXT,
                                          kind=endnote_kind))
            continue
        joined = join_lines(draft.lines)
        note_text = _SPACES_RE.sub(" ", joined.text).strip()
        status = FOOTNOTE_OK
        if _note_looks_cut(draft.lines):
            status = FOOTNOTE_TRUNCATED
        elif anchor is None:
            status = FOOTNOTE_NO_ANCHOR
        footnotes.append(FootnoteSpan(
            number=number, text=note_text, urls=find_urls(note_text), anchor=anchor, status=status,
            ibid_of=number - 1 if _IBID_RE.match(note_text) and number > 1 else None,
            page=draft.page, kind=draft.kind, ambiguous_urls=joined.ambiguous_urls,
        ))
    return tuple(footnotes)


def _figure_kind(word: str, caption: str) -> str:
    word = word.lower().rstrip(".")
    if word == "table":
        return "table"
    if word == "map" or re.search(r"\bmap\b", caption, re.IGNORECASE):
        return "map"
    if word in ("chart", "graph"):
        return "chart"
    if word == "diagram" or _DIAGRAM_WORDS.search(caption):
        return "diagram"
    if _CHART_WORDS.search(caption) or re.search(r"\b(19|20)\d\d\s*[–-]\s*(19|20)?\d\d\b", caption):
        return "chart"
    return "figure"


def build_figures(placed: list[Placed], text: str, sections: tuple[SectionSpan, ...]) -> tuple[FigureSpan, ...]:
    """Captioned figures and tables with their source lines and in-text mentions."""
    drafts = []
    for k, item in enumerate(placed):
        if item.block.kind != "caption":
            continue
        match = _CAPTION_RE.match(item.text)
        label = f"{match.group(1)} {match.group(2)}"
        caption = item.text[match.end():].strip()
        source = None
        for later in placed[k + 1 : k + 40]:
            if later.block.kind == "source":
                source = _SOURCE_RE.sub("", later.text, count=1).strip()
                break
            if later.block.kind != "row":
                break
        number = int(match.group(2)) if match.group(2).isdigit() else None
        drafts.append(dict(label=label, kind=_figure_kind(match.group(1), caption), number=number,
                           caption=caption, source=source, start=item.start))
    drafts = _best_per_label(drafts)
    caption_starts = {d["start"] for d in drafts}
    mentions: dict[str, list[int]] = {}
    for match in _MENTION_RE.finditer(text):
        if match.start() not in caption_starts:
            mentions.setdefault(f"{match.group(1)} {match.group(2)}".lower(), []).append(match.start())
    appendix_mentions = _appendix_mentions(text, sections)
    figures = []
    for draft in drafts:
        starts = set(mentions.get(draft["label"].lower(), []))
        for (begin, end), offsets in appendix_mentions.items():
            if begin <= draft["start"] < end:
                starts.update(offsets)
        figures.append(FigureSpan(mention_starts=tuple(sorted(starts)), **draft))
    return tuple(figures)


def _best_per_label(drafts: list[dict]) -> list[dict]:
    """One figure per label: a list-of-figures entry yields to the captioned figure with a source."""
    best: dict[str, dict] = {}
    for draft in drafts:
        kept = best.get(draft["label"])
        if kept is None or (draft["source"] is not None or kept["source"] is None):
            best[draft["label"]] = draft
    return sorted(best.values(), key=lambda d: d["start"])


def _appendix_mentions(text: str, sections: tuple[SectionSpan, ...]) -> dict[tuple[int, int], list[int]]:
    """Offsets of "Appendix X" references outside appendix X, keyed by that appendix's span."""
    spans = {}
    for section in sections:
        match = _APPENDIX_RE.match(section.heading)
        if match:
            spans[match.group(1)] = (section.start, section.end)
    found: dict[tuple[int, int], list[int]] = {}
    for match in _APPENDIX_MENTION_RE.finditer(text):
        span = spans.get(match.group(1))
        if span and not span[0] <= match.start() < span[1]:
            found.setdefault(span, []).append(match.start())
    return found


# --- entry points -----------------------------------------------------------------------------------


def looks_like_report(raw: str) -> bool:
    """Reports are long PDF extractions with numbered notes or page furniture."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) < 60:
        return False
    note_lines = sum(1 for line in lines if _NOTE_START_RE.match(line.strip()))
    page_lines = sum(1 for line in lines if _PAGE_NUMBER_RE.match(line.strip()))
    return note_lines >= 3 or page_lines >= 2 or "\f" in raw


def structure_report(raw: str) -> StructuredDocument:
    """Structure one report: clean text plus section, footnote and figure spans."""
    pages = split_pages(read_lines(raw))
    furniture = find_furniture(pages)
    content = [
        [line for i, line in enumerate(page) if (p, i) not in furniture.lines] for p, page in enumerate(pages)
    ]
    removed = tuple(pages[p][i].text for p, i in sorted(furniture.lines))
    separated = separate_notes(content, furniture.page_numbers)
    blocks = build_blocks(separated.body)
    assign_levels(blocks)
    text, placed, anchors = assemble(blocks)
    sections = build_sections(placed, len(text))
    title_blocks = [p for p in placed if p.block.kind == "title"]
    return StructuredDocument(
        text=text,
        title=title_blocks[0].text if title_blocks else None,
        sections=sections,
        footnotes=build_footnotes(separated, anchors, len(text)),
        figures=build_figures(placed, text, sections),
        furniture=removed,
        genre="report",
    )
