"""Headings: candidate detection from pattern and neighbours, wrapped headings, levels."""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.structure.cjk import is_cjk
from corpus.structure.lines import URL_RE
from corpus.structure.report.contents import entry_key
from corpus.structure.report.cover import is_date_line
from corpus.structure.report.layout import Block, BodyLine
from corpus.structure.report.outline import is_outline_heading
from corpus.structure.report.patterns import (
    _APPENDIX_RE, _BACKMATTER_RE, _BARE_NUMBERED_HEADING_RE, _BULLET_RE, _CAPTION_RE, _closes_sentence,
    _CONNECTORS, _ends_sentence, _FIGURE_NOTE_RE, _is_caps, _is_title_case, _LABELLED_HEADING_RE, _last_word,
    _LETTERED_HEADING_RE, _LONE_DIVISION_RE, _LONE_HEADING_NUMBER_RE, _NUMBERED_HEADING_RE, _ROMAN_HEADING_RE, _SHORT_LINE,
    _SOURCE_RE, _CHART_VALUES_RE,
)


def _body_width(body: list[BodyLine]) -> int:
    """Typical full line length of the body (90th percentile)."""
    lengths = sorted(len(line.text) for line in body if len(line.text) > 20)
    if not lengths:
        return 80
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _tight_run(body: list[BodyLine], i: int, width: int) -> int:
    """How many lines from `i` are printed without the layout blank line between them (a wrapped heading), each
    shorter than the body's full line."""
    j = i + 1
    while (
        j < len(body)
        and j - i < 3
        and _wraps_tightly(body[j - 1], body[j])
        and len(body[j].text) < width  # a heading's type is larger: its full line holds fewer characters
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


def _heading_at(body: list[BodyLine], i: int, prev: BodyLine | None, width: int,
                contents: frozenset[str] = frozenset(), recurring: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """The heading style and line count of a heading starting at body[i], or None for body text."""
    prev_ends = prev is None or _ends_sentence(prev.text) or body[i].source.page_break or bool(prev.markers)
    if not body[i].markers and is_outline_heading(body[i].text, prev_ends, width):
        return "outline", 1  # "一、…", "（一）…", "A. …": Chinese and French outline numbering
    if _LONE_HEADING_NUMBER_RE.match(body[i].text) and i + 1 < len(body) and not body[i].markers:
        title = body[i + 1]
        if (not _ends_sentence(title.text) and len(title.text) < _SHORT_LINE * width and title.text[:1].isupper()
                and not title.markers and not _starts_block(title)):
            count = 2
            while i + count < len(body) and count < 4 and _heading_continues(body[i + count - 1], body[i + count], "numbered", width, recurring):
                count += 1
            return "numbered", count  # the number on its own line, the title on the next
    if _LONE_ROMAN_RE.match(body[i].text) and i + 1 < len(body) and not body[i].markers:
        title = body[i + 1]
        if (_is_caps(title.text) and not _ends_sentence(title.text) and len(title.text) < 1.1 * width
                and not title.markers and not _starts_block(title)):
            count = 2
            while i + count < len(body) and count < 4 and _heading_continues(body[i + count - 1], body[i + count], "caps", width):
                count += 1
            return "roman", count  # "I." on its own line, the division's title in capitals on the next
    if _LONE_DIVISION_RE.match(body[i].text) and i + 1 < len(body) and not body[i].markers:
        title = body[i + 1]
        if (not _ends_sentence(title.text) and len(title.text) < _SHORT_LINE * width and title.text[:1].isupper()
                and not title.markers and not _starts_block(title) and not _LONE_DIVISION_RE.match(title.text)
                and (prev is None or _ends_sentence(prev.text) or body[i].source.page_break)):
            count = 2
            while i + count < len(body) and count < 4 and _heading_continues(body[i + count - 1], body[i + count], "titled", width, recurring):
                count += 1
            return "labelled", count  # "Chapter 3" on its own line, the chapter's title on the next
    count = _tight_run(body, i, width)
    lines = body[i : i + count]
    nxt = body[i + count] if i + count < len(body) else None
    style = _heading_style(lines, prev, nxt, width, contents, recurring, after_signature=_after_signature(body, i, width))
    if style is None:
        lettered = _lettered_after_lead_in(body, i, prev, width)
        if lettered:
            return "lettered", lettered
        wrapped = _wrapped_sentence_heading(body, i, prev, width)
        return ("sentence", wrapped) if wrapped else None
    while i + count < len(body) and count < 3 and _heading_continues(body[i + count - 1], body[i + count], style, width, recurring):
        count += 1
    if style in _WRAPPING_TITLE_STYLES:
        count += _title_wrap(body, i + count, width, recurring)
    if i + count < len(body) and _opens_preamble(lines, body[i + count]):
        return None
    return style, count


_PREAMBLE_RE = re.compile(r"^(?:Having regard to|Having (?:considered|examined)|Whereas\b|Recalling\b|Noting\b|"
                          r"Recogni[sz]ing\b|Considering\b|Reaffirming\b|Bearing in mind\b|Acknowledging\b)")


def _opens_preamble(lines: list[BodyLine], nxt: BodyLine) -> bool:
    """The name of a body over its preamble ("The European Data Protection Board" / "Having regard to ...",
    "The General Assembly" / "Recalling ..."): the subject of the sentence the recitals open, body text, not a
    heading. A one-word heading ("Preamble", "Recitals") stays one."""
    return len(lines) == 1 and len(lines[0].text.split()) >= 2 and bool(_PREAMBLE_RE.match(nxt.text))


_WRAPPING_TITLE_STYLES = ("titled", "labelled", "contents")
_MIN_WRAPPED_TITLE_LINE = 25  # a heading line this long may have wrapped; a short one ("Summary") stands alone
_MAX_TITLE_WORDS = 20


def _is_title_line(line: BodyLine, width: int, recurring: frozenset[str]) -> bool:
    text = line.text
    return (bool(text) and not line.source.page_break and not line.markers and not _starts_block(line)
            and text not in recurring and len(text) < _SHORT_LINE * width and not _closes_sentence(text)
            and (_is_title_case(text) or text[:1].islower()) and not _NUMBERED_HEADING_RE.match(text)
            and not _LONE_HEADING_NUMBER_RE.match(text) and not _LETTERED_HEADING_RE.match(text)
            and not _ROMAN_HEADING_RE.match(text))


def _title_wrap(body: list[BodyLine], j: int, width: int, recurring: frozenset[str] = frozenset()) -> int:
    """More lines of a title-case heading wrapped without a connector at the break ("Chapter 2: How Export
    Rules" / "Shape Supply Chains in East" / "Asia"): title lines right under a heading line long enough to
    have wrapped, with running text (a line near the full width) right after them. Returns how many."""
    if j == 0 or len(body[j - 1].text) < _MIN_WRAPPED_TITLE_LINE:
        return 0
    k = j
    caps = _is_caps(body[j - 1].text)  # a line in capitals under a title-case heading is a heading of its own
    while k < len(body) and k - j < 3 and _is_title_line(body[k], width, recurring) and _is_caps(body[k].text) == caps:
        k += 1
    if k == j or k >= len(body):
        return 0
    after = body[k]
    words = sum(len(line.text.split()) for line in body[j - 1 : k])
    prose = len(after.text) >= 0.75 * width and after.text[:1].isupper() and not after.source.page_break
    return k - j if prose and words <= _MAX_TITLE_WORDS else 0


_HEADING_MEASURE = 0.72  # a heading set in larger type wraps well before the body's full width
_MAX_WRAPPED_HEADING_LINES = 4
_MAX_WRAPPED_HEADING_WORDS = 40


def _wrapped_sentence_heading(body: list[BodyLine], i: int, prev: BodyLine | None, width: int) -> int:
    """A heading written as a sentence and set in larger type over several lines: between a paragraph's end and a
    full-width paragraph, two to four lines all shorter than the body measure, none closing a sentence, the lines
    before the last wrapped at a similar length. Returns its line count, or 0."""
    if prev is not None and not _ends_sentence(prev.text):
        return 0
    if not body[i].text[:1].isupper() or _starts_block(body[i]):
        return 0
    j = i
    while (j < len(body) and j - i < _MAX_WRAPPED_HEADING_LINES and _within_heading_measure(body[j].text, width)
           and not _closes_sentence(body[j].text) and not body[j].markers and not _starts_block(body[j])
           and (j == i or not body[j].source.page_break)):
        j += 1
    count = j - i
    if count < 2 or j >= len(body):
        return 0
    run, nxt = body[i:j], body[j]
    if any(len(line.text) < 0.4 * width for line in run[:-1]) or _ends_sentence(run[-1].text):
        return 0
    if sum(len(line.text.split()) for line in run) > _MAX_WRAPPED_HEADING_WORDS:
        return 0
    if len(nxt.text) < 0.8 * width or not nxt.text[:1].isupper() or nxt.source.page_break:
        return 0
    return count


_MAX_LETTERED_HEADING_LINES = 3


def _lettered_after_lead_in(body: list[BodyLine], i: int, prev: BodyLine | None, width: int) -> int:
    """A lettered heading ("i) Relationship between ... and its local" / "establishment in the Union") under a
    lead-in sentence printed without its colon: a capitalised title after its "a)" or "i)", ending no sentence,
    its wrapped lines in lower case, and over a paragraph, not over the next item of a list (items follow each
    other; a heading has running text under it). Returns its line count, or 0."""
    first = body[i]
    mark = _LETTERED_HEADING_RE.match(first.text)
    if (not mark or prev is None or first.markers or _closes_sentence(first.text) or not first.text[mark.end():][:1].isupper()
            or _last_word(prev.text) in _CONNECTORS or not prev.text[-1:].isalnum() or len(first.text) > 1.1 * width
            or _LETTERED_HEADING_RE.match(prev.text)):  # the last item of a list, over a paragraph
        return 0
    j = i + 1
    while (j < len(body) and j - i < _MAX_LETTERED_HEADING_LINES and _short_continuation(body[j].text)
           and not body[j].markers and not body[j].source.page_break):
        j += 1
    if j >= len(body) or sum(len(line.text.split()) for line in body[i:j]) > _LONG_HEADING_WORDS:
        return 0
    after = body[j]
    paragraph = (after.text[:1].isupper() and len(after.text) >= 0.75 * width and not after.source.page_break
                 and not _LETTERED_HEADING_RE.match(after.text) and not _starts_block(after))
    return j - i if paragraph else 0


def _within_heading_measure(text: str, width: int) -> bool:
    """A line no longer than a heading's measure, or two such lines the extraction joined where it dropped the
    hyphen that broke a compound at the line end ("... evaluate general-" / "purpose AI more ..." read as one
    line over the body's width)."""
    measure = _HEADING_MEASURE * width
    if len(text) < measure:
        return True
    return len(text) > width and any(
        len(text[: m.start() + 1]) < measure and len(text[m.start() + 1 :]) < measure for m in re.finditer(r"(?<=\w)-(?=\w)", text))


_LONE_ROMAN_RE = re.compile(r"^[IVXL]{1,6}\.$")

_MAX_CHAPTER = 30  # a bare number before a heading is a chapter number, never larger


_LONG_TITLE_WORDS = 6
_LONG_HEADING_WORDS = 20


def _short_continuation(text: str) -> bool:
    return text[:1].islower() and len(text.split()) <= 6 and not _closes_sentence(text)


def _sentence_heading(text: str, width: int) -> bool:
    """A short line without sentence punctuation that may be a heading in sentence case ("4. Weak enforcement")."""
    return len(text) < _SHORT_LINE * width and len(text.split()) <= 14 and not _closes_sentence(text)


def _heading_style(lines: list[BodyLine], prev: BodyLine | None, nxt: BodyLine | None, width: int,
                   contents: frozenset[str] = frozenset(), recurring: frozenset[str] = frozenset(),
                   after_signature: bool = False) -> str | None:
    """The heading style of candidate heading lines, or None. Decided by pattern and neighbours only
    (`after_signature`: the lines above are a signature block, which closes the text before it)."""
    text = " ".join(line.text for line in lines)
    first = lines[0].text
    longest = max(len(line.text) for line in lines)  # lines of a tight run are each a line of the heading
    if not text or longest > 1.3 * width or _starts_block(lines[0]) or any(line.markers for line in lines):
        return None
    if _APPENDIX_RE.match(text) and len(text) < 80:
        return "appendix"
    colon_heading = (text.endswith(":") and _is_title_case(text) and not _is_caps(text) and len(text.split()) <= 8
                     and nxt is not None and not _BULLET_RE.match(nxt.text) and nxt.text[:1].isupper())
    # "Key questions for regulators:" in sentence case, alone between paragraphs and over a full-width paragraph
    # (a lead-in ends on a connector, "... encouraged to:", or introduces a list)
    colon_heading = colon_heading or (
        text.endswith(":") and len(lines) == 1 and 2 <= len(text.split()) <= 6 and len(text) < 0.5 * width
        and text[:1].isupper() and not re.search(r"[\d.,;]", text) and _last_word(text.rstrip(":")) not in _CONNECTORS
        and prev is not None and _ends_sentence(prev.text) and nxt is not None and not _BULLET_RE.match(nxt.text)
        and nxt.text[:1].isupper() and len(nxt.text) >= 0.75 * width)
    if _closes_sentence(text) and not colon_heading:
        return None  # a sentence; but "Key Findings:" over a paragraph is a heading
    closed = prev is None or _ends_sentence(prev.text) or after_signature
    prev_ends = (
        closed
        or bool(URL_RE.fullmatch(prev.text.strip()))  # a bare URL line ends its paragraph
        or (bool(_BULLET_RE.match(prev.text)) and len(first) < 0.5 * width and _is_title_case(text) and len(text.split()) >= 2
            and _last_word(prev.text) not in _CONNECTORS and not prev.text.endswith((",", "-", "–")))
        or bool(prev.markers and prev.markers[-1][0] >= len(prev.text))
        or ((lines[0].source.page_break or prev.page != lines[0].page) and len(prev.text) < _SHORT_LINE * width)
    )
    next_starts = nxt is None or nxt.text[:1].isupper() or nxt.text[:1] in "“\"‘(" or nxt.text[:1].isdigit() or is_cjk(nxt.text[:1])
    numbered = _NUMBERED_HEADING_RE.match(text) or _BARE_NUMBERED_HEADING_RE.match(text)
    if (numbered and _NUMBERED_HEADING_RE.match(text) and nxt is not None and not next_starts and prev_ends
            and _short_continuation(nxt.text)):
        next_starts = True  # "2.1 How does the model gain its" / "capabilities?": the title wraps onto a short line
    rest = text[numbered.end():] if numbered else ""
    if numbered and not _NUMBERED_HEADING_RE.match(text) and (int(numbered.group(1)) > _MAX_CHAPTER or is_date_line(text)):
        numbered = None  # "74 Nigeria" (a chart label), "9 December 2024" (a date)
    if numbered and (_is_title_case(rest) or _is_caps(rest)) and (_NUMBERED_HEADING_RE.match(text) or prev_ends):
        return "numbered"
    if numbered and prev_ends and next_starts and _sentence_heading(text, width):
        return "numbered"  # sentence case: "2.3 The licensing gap"
    if (numbered and _NUMBERED_HEADING_RE.match(text) and prev_ends and next_starts and len(text) < 1.3 * width
            and len(text.split()) <= _LONG_HEADING_WORDS and not _closes_sentence(text) and rest[:1].isupper()):
        return "numbered"  # a long numbered heading in sentence case, over the full width
    lettered = _LETTERED_HEADING_RE.match(text)
    if (lettered or numbered) and nxt is not None and not next_starts and _short_continuation(nxt.text):
        next_starts = True  # the heading wraps onto a short lower-case line ("... an" / "establishment")
    if lettered and prev_ends and next_starts and len(text) < 1.3 * width and not _closes_sentence(text):
        return "lettered"
    if (text in recurring and len(lines) == 1 and prev_ends and nxt is not None
            and (_BULLET_RE.match(nxt.text) or next_starts and len(nxt.text) >= 0.6 * width)):
        return "recurring"  # a label printed again and again on its own line ("Outlook"): a sub-heading
    if nxt is not None and _BULLET_RE.match(nxt.text):
        # a line introducing a bullet group is body text, unless it is a short label: title case, or a few words in
        # sentence case with no punctuation at all ("About this report" over its bullets)
        label = _is_title_case(text) or (len(text.split()) <= 6 and text[:1].isupper() and not re.search(r"[.,;:!?]", text))
        if not (prev_ends and label and len(text.split()) >= 2 and len(first) < 0.5 * width and not text.endswith(":")):
            return None
        return "list_label"
    if _ROMAN_HEADING_RE.match(text) and len(first) < 0.8 * width:
        return "roman" if prev_ends else None
    labelled = _LABELLED_HEADING_RE.match(text)
    if labelled and len(first) < 0.9 * width and (_is_title_case(text[labelled.end():]) or _is_caps(text[labelled.end():])):
        return "labelled" if prev_ends else None
    if _is_caps(text) and len(first) < 1.1 * width:
        return "caps" if prev_ends or len(text.split()) >= 2 else None
    if colon_heading and not _is_title_case(text):
        return "sentence"  # a sentence-case label ending in a colon, over its paragraph: one below its section
    if (not next_starts and nxt is not None and _short_continuation(nxt.text) and not lines[-1].source.page_break
            and _is_title_case(f"{text} {nxt.text}") and not _is_caps(text)):
        next_starts = True  # "Domestic Courts and the Limits" / "of Judicial Review": the title wraps onto a lower-case line
    if not prev_ends or not next_starts:
        return None
    if _BACKMATTER_RE.match(text):
        return "backmatter"
    if _is_title_case(text) and len(first) < _SHORT_LINE * width and text[0].isalpha():
        return "titled"
    if _is_title_case(text) and len(text.split()) >= _LONG_TITLE_WORDS and text[0].isalpha() and not text.endswith(","):
        return "titled"  # a long title-case heading set over the full width ("Create Streamlined Permitting ...")
    if contents and entry_key(text) in contents and len(text) < 1.3 * width:
        return "contents"  # sentence case, but the contents page lists it
    if (len(lines) == 1 and len(first) < 0.6 * width and 2 <= len(text.split()) <= 12 and text[0].isupper()
            and not _closes_sentence(text) and not text.endswith("?") and nxt is not None
            and len(nxt.text) >= 0.7 * width and nxt.text[:1].isupper() and closed):
        return "sentence"  # a short sentence-case line between two paragraphs, over a full paragraph
    if _opens_page_as_heading(lines, prev, nxt, width):
        return "sentence"  # a short line opening a page, after a paragraph's end, over a new sentence
    if (len(lines) == 1 and text.endswith("?") and len(first) < 0.5 * width and 3 <= len(text.split()) <= 10
            and text[0].isupper() and not re.search(r"[.,;:!]", text) and nxt is not None
            and len(nxt.text) >= 0.7 * width and nxt.text[:1].isupper() and closed):
        return "sentence"  # a question set alone between paragraphs ("What is shore power?"), over its answer
    if (len(lines) > 1 and text[0].isupper() and not _closes_sentence(text) and not text.endswith("?")
            and len(text.split()) <= _MAX_WRAPPED_HEADING_WORDS):
        return "sentence"  # a sentence-case heading the layout shows wrapped (its lines tight), between paragraphs
    return None


_MAX_SIGNATURE_LINES = 3


def _after_signature(body: list[BodyLine], i: int, width: int) -> bool:
    """Whether the lines right above body[i] are a signature block under a closed paragraph ("The Rt Hon Jane
    Smith MP, Secretary of State," / "Department for Transport"): one to three short title-case lines on the
    page, a name and role parted by a comma, the last line ending without one."""
    k = i - 1
    while (k >= 0 and i - k <= _MAX_SIGNATURE_LINES and len(body[k].text) < 0.75 * width and _is_title_case(body[k].text)
           and not body[k].markers and not _ends_sentence(body[k].text) and body[k].page == body[i].page):
        k -= 1
    block = body[k + 1 : i]
    return (bool(block) and k >= 0 and _ends_sentence(body[k].text) and not block[-1].text.endswith(",")
            and any(line.text.endswith(",") for line in block) and not body[i].source.page_break)


def _opens_page_as_heading(lines: list[BodyLine], prev: BodyLine | None, nxt: BodyLine | None, width: int) -> bool:
    """A short line that opens a page, ends no sentence and sits between a paragraph that ended on the previous
    page and a line opening a new sentence: a heading (however short the paragraph under it), since the running
    text never breaks off mid-sentence on a short line."""
    text = lines[0].text
    opens_page = lines[0].source.page_break or (prev is not None and prev.page != lines[0].page)
    return (len(lines) == 1 and opens_page and prev is not None and _ends_sentence(prev.text) and nxt is not None
            and nxt.text[:1].isupper() and len(text) < 0.6 * width and 1 <= len(text.split()) <= 12 and text[:1].isupper()
            and not _closes_sentence(text) and not text.endswith((",", ";", "-", "–")) and not _CHART_VALUES_RE.match(text)
            and _last_word(text) not in _CONNECTORS)


def _heading_continues(prev: BodyLine, line: BodyLine, style: str, width: int, recurring: frozenset[str] = frozenset()) -> bool:
    """Whether `line` is the wrapped continuation of heading line `prev` (without a tight-wrap signal); a line
    printed again and again on its own is a label of its own, never a continuation."""
    text = line.text
    if text in recurring:
        return False
    if line.source.page_break or not text or _closes_sentence(text):
        return False
    if _NUMBERED_HEADING_RE.match(text) or _ROMAN_HEADING_RE.match(text) or _starts_block(line) or line.markers:
        return False
    if _LONE_HEADING_NUMBER_RE.match(text) or _LETTERED_HEADING_RE.match(text):
        return False
    if (style in ("lettered", "numbered") and _last_word(prev.text) in _CONNECTORS and prev.text[-1:].isalpha()
            and len(text) <= width and not _ends_sentence(text)):
        return True  # a numbered heading never ends on "the" or "in": its next line goes on, however long
    if len(text) > _SHORT_LINE * width:
        return False
    if style == "caps":
        return _is_caps(text) and not _ends_sentence(prev.text)
    wraps = _last_word(prev.text) in _CONNECTORS or prev.text.endswith((",", ":", "-")) or len(prev.text) >= 0.75 * width
    if style in ("lettered", "numbered", "contents") and text[:1].islower() and len(text.split()) <= 6:
        return True  # "b) Processing ... of the activities of” an" / "establishment"
    if style in ("lettered", "numbered") and wraps and not _ends_sentence(text):
        return True  # a long numbered heading wraps onto a line in sentence case ("Union, regardless of ...")
    return wraps and (_is_title_case(text) or text[:1].islower())


def _starts_block(line: BodyLine) -> bool:
    text = line.text
    return bool(_CAPTION_RE.match(text) or _SOURCE_RE.match(text) or _BULLET_RE.match(text) or _FIGURE_NOTE_RE.match(text))


# --- heading levels ---------------------------------------------------------------------------------


_DIVISION_RE = _LABELLED_HEADING_RE


def _is_roman_division(block: Block) -> bool:
    text = _text(block)
    match = _ROMAN_HEADING_RE.match(text)
    return bool(match) and _is_caps(text[match.end():])


def _text(block: Block) -> str:
    return " ".join(line.text for line in block.lines)


def _number_level(text: str) -> int | None:
    match = _NUMBERED_HEADING_RE.match(text) or _BARE_NUMBERED_HEADING_RE.match(text) or _LONE_HEADING_NUMBER_RE.match(text.split(" ")[0])
    return match.group(1).rstrip(".").count(".") + 1 if match else None


def _top_numbered_from_one(headings: list[Block]) -> bool:
    """Whether the numbered headings are chapters counted from 1 ("1 Introduction", "2 ..."): then a heading
    before the first of them opens the document's front matter at the top level."""
    first = next((b for b in headings if b.style == "numbered"), None)
    return first is not None and _number_level(_text(first)) == 1 and re.match(r"^1\b", _text(first)) is not None


def _sections_of_divisions(headings: list[Block]) -> bool:
    """Numbered headings that carry their division's number ("Chapter 2" / "2.1 ..."): sections of the
    chapters, numbered from them, not a hierarchy below a separate one (level from the numbering alone)."""
    division = None
    seen = False
    for block in headings:
        text = _text(block)
        if block.style == "labelled":
            division = text.split()[1].rstrip(".:") if len(text.split()) > 1 else None
        elif block.style == "numbered":
            number = text.split()[0].rstrip(".")
            if "." not in number or division is None or number.split(".")[0] != division:
                return False
            seen = True
    return seen


def _caps_over_titled(headings: list[Block], mixed: tuple[str, ...] = ("titled",)) -> bool:
    """Chapters in capitals over sections in mixed case (`mixed` styles): the document's first heading is set in
    capitals, and capitals come back after mixed-case headings (a single heading in capitals before them, such
    as a summary's, sets no hierarchy)."""
    if not headings or not _is_caps(_text(headings[0])):
        return False  # "Introduction" / "WHAT DOES IT MEAN?": the capitals are below the opening heading
    styles = ["caps" if block.style == "caps" else "titled" for block in headings
              if block.style == "caps" or block.style in mixed and not _is_caps(_text(block))]
    return "titled" in styles and "caps" in styles[styles.index("titled"):]


def _sentence_case_sections(headings: list[Block]) -> bool:
    """Whether headings in sentence case are the document's sections rather than labels one below the heading
    they follow: no heading of several words is set in title case and none is numbered, and a one-word heading
    (in either case: "Summary", "Recommendations") comes after a sentence-case one, so the two alternate as
    siblings. Questions and labels ending in a colon stay one below."""
    if any(b.style == "titled" and len(_text(b).split()) >= 2 or b.style in ("numbered", "labelled") for b in headings):
        return False
    sections = [k for k, b in enumerate(headings) if _is_sentence_section(b)]
    return bool(sections) and any(len(_text(b).split()) == 1 and b.style in ("titled", "backmatter", "contents")
                                  for b in headings[sections[0] + 1:])


def _is_sentence_section(block: Block) -> bool:
    text = _text(block)
    return block.style in ("sentence", "contents") and len(text.split()) >= 2 and not text.endswith((":", "?"))


def assign_levels(blocks: list[Block], contents: frozenset[str] = frozenset(), type_levels: Callable[[list[Block]], dict[int, int] | None] | None = None) -> None:
    """Heading levels from style: numbered from their numbering (one deeper under labelled divisions such
    as "Part 1:"), lettered "a)" one below the numbers and roman "i)" one below the letters; titled 1 (2 under
    numbered chapters or labelled divisions); ALL CAPS one below titled; roman numerals one below the
    heading they follow; a title-case label over a list one below the heading it follows."""
    headings = [block for block in blocks if block.kind == "heading"]
    styles = {block.style for block in headings}
    numbered = bool(styles & {"numbered"})
    first_numbered = next((k for k, b in enumerate(headings) if b.style == "numbered"), len(headings))
    ranked = [b for b in headings[:first_numbered] if b.style not in ("backmatter", "appendix")]
    # divisions ("Part 1:", "Pillar II:") open the hierarchy: they come before any numbered or titled heading
    division = "labelled" in styles and (numbered or "titled" in styles) and bool(ranked) and ranked[0].style == "labelled"
    # roman numerals over a title in capitals ("II. SET THE CONDITIONS") divide the document above arabic numbers
    roman_divisions = numbered and any(b.style == "roman" and _is_roman_division(b) for b in headings[:first_numbered])
    division = division or roman_divisions
    offset = 1 if division and not _sections_of_divisions(headings) else 0
    titled_level = 2 if numbered or division else 1
    caps_level = titled_level + 1 if "titled" in styles else titled_level
    top_numbered_caps = any(b.style == "numbered" and _number_level(_text(b)) == 1 and _is_caps(_text(b)) for b in headings)
    sentence_sections = _sentence_case_sections(headings)
    mixed = ("titled", "contents", "sentence") if sentence_sections else ("titled", "contents")
    if top_numbered_caps:
        caps_level = 1 + offset  # unnumbered headings set like the numbered chapters ("INTRODUCTION", "1 SCOPE")
    elif not numbered and not division and _caps_over_titled(headings, mixed):
        caps_level, titled_level = 1, 2  # "REGULATION" / "Licensing of Operators", "SUMMARY" / "Exit and portability"
    first_titled = next((k for k, b in enumerate(headings) if b.style != "caps"), len(headings))  # caps before any other heading have nothing above them
    last_level = 0
    last_number_level = 0
    last_alpha_level: int | None = None
    last_style = ""
    for index, block in enumerate(headings):
        text = " ".join(line.text for line in block.lines)
        front_matter = numbered and not division and index < first_numbered and _top_numbered_from_one(headings)
        if block.style in ("numbered", "contents") and _number_level(text):
            level = _number_level(text) + offset
            last_number_level = level
        elif block.style == "lettered":
            mark = _LETTERED_HEADING_RE.match(text).group(1)
            roman = set(mark) <= set("ivx") and (mark != "i" or last_alpha_level is not None and last_style == "lettered")
            base = last_number_level or offset
            if roman and last_alpha_level is not None:
                level = last_alpha_level + 1
            else:
                level = base + 1
                last_alpha_level = level
        elif block.style in ("appendix", "backmatter"):
            level = 1
        elif block.style == "labelled":
            level = 1 if division else caps_level
        elif block.style in ("titled", "contents"):
            level = 1 if front_matter else titled_level  # before the first chapter number nothing is above it
            if last_style in ("numbered", "recurring") and last_number_level >= 2 + offset and not _BACKMATTER_RE.match(text):
                level = last_number_level + 1  # inside a numbered sub-section ("1.1 ..." / "Outlook"): below it
        elif block.style == "sentence" and sentence_sections and _is_sentence_section(block):
            level = titled_level  # the document's headings are set in sentence case: sections, not labels
        elif block.style == "sentence":
            level = min(last_level + 1, 6) if last_level else 1  # one below the heading it follows
        elif block.style == "caps":
            level = caps_level if headings.index(block) > first_titled else 1
            if front_matter and headings.index(block) > first_titled and entry_key(text) not in contents:
                level = 2  # a label in capitals under a front-matter heading ("Contributors" / "CHAIR")
        elif block.style in ("list_label", "recurring"):
            level = min(last_level + 1, 6)
        elif roman_divisions and _is_roman_division(block):
            level = 1
        else:  # roman
            level = min(last_level + 1, 4) if last_level else 1
        if front_matter and contents and entry_key(text) in contents and not _number_level(text):
            level = 1  # the contents lists it beside the chapters, before chapter 1: a top-level heading
        block.level = level
        last_style = block.style
        if block.style not in ("roman", "list_label", "sentence", "recurring") or sentence_sections and _is_sentence_section(block):
            last_level = level
        if block.style in ("numbered", "contents") and _number_level(text):
            last_alpha_level = None
    typed = type_levels(headings) if type_levels else None
    for k, level in (typed or {}).items():
        headings[k].level = level  # the source states the type: its sizes rank unnumbered headings


_MAX_LABEL_WORDS = 8


def recurring_labels(body: list[BodyLine], width: int) -> frozenset[str]:
    """Short lines printed on their own line at least twice in the body ("Outlook", "Overview of actions
    taken"): labels the document sets over its sections again and again (furniture is already removed)."""
    counts: dict[str, int] = {}
    for k, line in enumerate(body):
        text = line.text
        if k and (_LONE_HEADING_NUMBER_RE.match(body[k - 1].text) or _LONE_ROMAN_RE.match(body[k - 1].text)):
            continue  # the title of a numbered heading ("1." / "Scope"), also listed elsewhere
        if (text[:1].isupper() and len(text.split()) <= _MAX_LABEL_WORDS and len(text) < 0.5 * width
                and not _closes_sentence(text) and not any(ch.isdigit() for ch in text) and not line.markers
                and not _starts_block(line)):
            counts[text] = counts.get(text, 0) + 1
    return frozenset(t for t, n in counts.items() if n >= 2)
