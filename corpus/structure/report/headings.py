"""Headings: candidate detection from pattern and neighbours, wrapped headings, levels."""

from __future__ import annotations


from corpus.structure.report.layout import Block, BodyLine
from corpus.structure.report.patterns import _APPENDIX_RE, _BACKMATTER_RE, _BULLET_RE, _CAPTION_RE, _CONNECTORS, _LABELLED_HEADING_RE, _NUMBERED_HEADING_RE, _ROMAN_HEADING_RE, _SHORT_LINE, _SOURCE_RE, _closes_sentence, _ends_sentence, _is_caps, _is_title_case, _last_word

def _body_width(body: list[BodyLine]) -> int:
    """Typical full line length of the body (90th percentile)."""
    lengths = sorted(len(line.text) for line in body if len(line.text) > 20)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


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


def _starts_block(line: BodyLine) -> bool:
    text = line.text
    return bool(_CAPTION_RE.match(text) or _SOURCE_RE.match(text) or _BULLET_RE.match(text))


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
