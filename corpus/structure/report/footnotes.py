"""Footnotes and endnotes: separating note text from the body, finding markers, building note spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.structure.lines import find_urls, join_lines, url_at_end
from corpus.structure.url_repair import repair_note_urls
from corpus.structure.model import (
    FOOTNOTE_MISSING_TEXT, FOOTNOTE_NO_ANCHOR, FOOTNOTE_OK, FOOTNOTE_SKIPPED, FOOTNOTE_TRUNCATED,
    FootnoteSpan,
)
from corpus.structure.report.layout import BodyLine, Line
from corpus.structure.report.zh import CJK_MARKER_RE
from corpus.structure.report.patterns import (
    _BARE_NOTE_START_RE, _BULLET_RE, _CONTINUED_RE, _ends_sentence, _IBID_RE, _is_title_case,
    _MARKER_LIST_RE, _MARKER_RE, _NOTE_START_RE, numbered_paragraph, _ROMAN_HEADING_RE, _CONNECTORS, _SMALL_WORDS, _SPACED_MARKER_RE, _SPACES_RE, _TERMINAL,
)


@dataclass
class NoteDraft:
    """A footnote or endnote being collected line by line."""

    number: int  # the note's key: printed number + its series' base (see _SERIES), or a symbol note's key
    lines: list[str]
    page: int | None
    kind: str = "footnote"
    marker: str | None = None  # the mark as printed ("3", "*", "†")


# Keys of notes while they are separated: a note numbered n in the k-th numbering series of the document (the
# numbering restarts per chapter or part) has key k * _SERIES + n, so the first series keeps the printed numbers;
# a symbol note ("*", "†") has key _SYMBOL_KEYS + its ordinal. build_footnotes turns keys into note numbers.
_SERIES = 1000
_SYMBOL_KEYS = 1_000_000


_SECTION_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?(?=\s|$)")


def _extract_markers(text: str, next_marker: int) -> tuple[str, list[tuple[int, int]], int]:
    """Remove footnote markers (digits glued to a word or punctuation, in sequence) from one line."""
    out: list[str] = []
    markers: list[tuple[int, int]] = []
    section_number = _SECTION_NUMBER_RE.match(text)
    pos = section_number.end() if section_number else 0  # "3.1 Scope": the 1 is no marker
    out.append(text[:pos])
    candidates = sorted([*_MARKER_RE.finditer(text), *_SPACED_MARKER_RE.finditer(text), *CJK_MARKER_RE.finditer(text)],
                        key=lambda m: (m.start(), -m.end()))  # the longer match first: a CJK marker takes its space
    for match in candidates:
        if match.start() < pos:
            continue
        number = int(match.group(1))
        spaced = match.group(0).startswith(" ")
        if match.re is CJK_MARKER_RE and number != next_marker:
            continue  # after CJK punctuation only the next number of the sequence
        if spaced and number != next_marker or not spaced and not _is_marker(text, match, number, next_marker):
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


_SYMBOL_PART_RE = re.compile(r"/[A-Z][A-Za-z]{0,4}\.$")  # a document symbol's last part before its number


def _is_marker(text: str, match: re.Match[str], number: int, next_marker: int) -> bool:
    """A glued number is a marker when it continues the sequence and is not a decimal or thousands part."""
    if not next_marker <= number <= next_marker + 2:
        return False
    before = text[: match.start()]
    after = text[match.end() :]
    if _SYMBOL_PART_RE.search(before):
        return False  # the serial number of a document symbol: "IFDG/2023/WP.2", "A/RES/70/Add.1"
    if before.endswith((".", ",")) and before[:-1][-1:].isdigit():
        if before.endswith(","):
            return len(match.group(1)) != 3 and number == next_marker  # "2016,66" but not "36,000"
        following = after.lstrip()
        if following and not (following[0].isupper() or following[0] in "“\"‘(") and after[:1] != ",":
            return False  # decimal: "$5.5 trillion"
        return number == next_marker
    return number == next_marker or before[-1:].isalpha() or before.endswith(_TERMINAL)


_LOWER_NOTE_START_RE = re.compile(r"^(\d{1,3})\s+(?=[a-z])")  # "10 van Schewick, ...": only where its marker was seen


def _note_match(text: str) -> re.Match[str] | None:
    """A note's number at the start of its first line: "12. Text", "12 Text" or "12" alone."""
    return _NOTE_START_RE.match(text) or _BARE_NOTE_START_RE.match(text) or _LOWER_NOTE_START_RE.match(text)


_SHORT_NOTE = 50


def _note_start(text: str, next_note: int, next_marker: int, in_foot: bool = False, in_notes: bool = False) -> int | None:
    """The note number when `text` starts a note whose marker was already seen; in the lower half of a
    page (`in_foot`) also the next numbers of the sequence whose markers the body hides ("Article 34")."""
    match = _note_match(text)
    if not match:
        return None
    number = int(match.group(1))
    rest = text[match.end() :]
    if not next_note <= number <= next_note + 3:
        return None
    if in_notes and number == next_note:
        return number  # the next number after a note on the same page: a note, whatever its wording
    if rest and len(rest) < 60 and _is_title_case(rest) and not _ends_sentence(rest):
        return None  # a numbered heading ("2. The New Orbital Broadband Market")
    if _LOWER_NOTE_START_RE.match(text) and not (_NOTE_START_RE.match(text) or _BARE_NOTE_START_RE.match(text)):
        return number if number == next_note and number < next_marker else None
    if number < next_marker:
        return number
    # a marker not seen yet: in the page foot only, and not a short unpunctuated line (a numbered heading)
    looks_like_heading = bool(rest) and len(rest) < _SHORT_NOTE and not _ends_sentence(rest)
    return number if in_foot and number <= next_marker + 2 and not looks_like_heading else None


# digits glued to a word, set off by a space before punctuation ("Internet 8."), or glued before a quote
_LOOSE_MARKER_RE = r"(?:(?<=[^\s\d])|(?<=[A-Za-z] )){n}(?=[\s.,;:”’\")\]]|$)"
# a reference number or a year with the note number fused to it: "Article 34" is Article 3 + note 4, "October
# 202042" is October 2020 + note 42
_FUSED_MARKER_RE = r"(?<=[A-Za-z]{{3}} )(\d{{1,3}}?|(?:1[89]|20)\d\d){n}(?=[\s.,;:”’\")\]]|$)"


_NEXT_WORD_RE = re.compile(r" ([a-z][a-z-]*)")
_PREVIOUS_WORD_RE = re.compile(r"([A-Za-z][a-z-]*) $")


def _counts_a_noun(text: str, match: re.Match[str]) -> bool:
    """A number between lower-case words, the next a content word, counts something ("for 15 countries", "within
    13 years"): no note number is fused to its last digit. A reference number follows a capitalised label and may
    carry one before any word ("Recital 225 clarifies" is Recital 22 and note 5, "Article 34 of")."""
    before = _PREVIOUS_WORD_RE.search(text, 0, match.start())
    word = _NEXT_WORD_RE.match(text, match.end())
    return (before is not None and before.group(1)[:1].islower() and word is not None
            and word.group(1) not in _CONNECTORS and word.group(1) not in _SMALL_WORDS)


def _recover_marker(lines: list[BodyLine], number: int, after: tuple[int, int], key: int | None = None) -> bool:
    """Find the marker of a note whose text is on this page but whose marker the sequential search missed;
    searched from position `after` (line, offset) on, first in its loose forms, then fused to a number."""
    for fused, pattern in ((False, _LOOSE_MARKER_RE.format(n=number)), (True, _FUSED_MARKER_RE.format(n=number))):
        regex = re.compile(pattern)
        for k in range(after[0], len(lines)):
            line = lines[k]
            start = after[1] if k == after[0] else 0
            match = next((m for m in regex.finditer(line.text)
                          if m.start() >= start and not (fused and _counts_a_noun(line.text, m))), None)
            if match is None:
                continue
            cut = match.end() - len(str(number))
            text = line.text[:cut] + line.text[match.end():]
            if match.group(0).startswith(" ") or line.text[cut - 1 : cut] == " ":
                text = (line.text[:cut].rstrip() + line.text[match.end():]) if line.text[match.end():match.end() + 1] in ".,;:”’\")]" else text
            shift = len(line.text) - len(text)
            line.markers = sorted([(o if o <= cut else o - shift, n) for o, n in line.markers]
                                  + [(min(cut, len(text)), number if key is None else key)])
            line.text = text
            return True
    return False


def _last_marker_position(lines: list[BodyLine], number: int) -> tuple[int, int]:
    """(line, offset) of the marker of note `number` on these lines, or the page start."""
    for k in range(len(lines) - 1, -1, -1):
        for offset, n in lines[k].markers:
            if n == number:
                return k, offset
    return 0, 0


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


_MAX_CONTINUATION_LINES = 8  # a note continued from the previous page is a few lines at this page's foot


def _continuation_start(body: list[BodyLine], start: int) -> int | None:
    """Where a note cut at the previous page resumes at the foot of this page, after the body text."""
    found = None
    for i in range(max(start, 1, len(body) - _MAX_CONTINUATION_LINES), len(body)):
        if i == start:
            continue
        head = body[i].source.text
        previous = body[i - 1].text  # markers removed: "... again.2" ends its sentence
        if _ends_sentence(previous) and (head[0].islower() or head[0].isdigit() or head.startswith("http")):
            if not any(line.markers or _BULLET_RE.match(line.text) for line in body[i:]):
                found = i
    return found


def _heading_above_notes(page: list[Line], index: int, number: int, next_note: int) -> bool:
    """A numbered line above the page's note block is a heading, not the block's first note: it is set as
    "N. Title" or "N Title" (short, no sentence end, capitalised) and a later line of the page starts a note
    numbered from the next expected number up to N (a page's notes form one block at its foot, numbered
    consecutively)."""
    match = _NOTE_START_RE.match(page[index].text) or _BARE_NOTE_START_RE.match(page[index].text)
    if not match:
        return False
    rest = page[index].text[match.end():].strip()
    if not rest and index + 1 < len(page):
        rest = page[index + 1].text.strip()  # the number alone on its line, the title on the next ("2" / "Scope")
    if not rest or len(rest) >= 60 or _ends_sentence(rest) or not rest[0].isupper():
        return False
    later = [int(m.group(1)) for line in page[index + 1:] if (m := _note_match(line.text))]
    return any(next_note <= n <= number for n in later) and not (index + 1 < len(page) and _note_match(page[index + 1].text))


_MIN_PARAGRAPH_RUN = 3


def numbers_paragraphs(pages: list[list[Line]]) -> bool:
    """The document numbers its body paragraphs: lines opening numbered paragraphs 1, 2, 3 in reading order, with a
    heading (roman or lettered, "II. Findings", "A. Freight") between two of them: notes follow one another at the
    page foot or in a list, and no heading parts them."""
    expected, headed, heading_since = 1, False, False
    for page in pages:
        for line in page:
            number = numbered_paragraph(line.text)
            if number == expected:
                headed = headed or (heading_since and expected > 1)
                expected, heading_since = expected + 1, False
                if expected > _MIN_PARAGRAPH_RUN and headed:
                    return True
            elif number is None and (_ROMAN_HEADING_RE.match(line.text) or _LETTERED_PART_RE.match(line.text)):
                heading_since = True
    return False


_LETTERED_PART_RE = re.compile(r"^[A-H]\.\s+[A-Z][\w’'-]*(?:\s+\S+){0,8}$")  # "A. Data localisation measures"


def _continues_paragraphs(text: str, next_paragraph: int | None, next_marker: int, bare_notes: bool) -> bool:
    """A line numbered as the body's next paragraph is body, not a note: the paragraph numbering runs through the
    body independently of the notes, which sit at the page foot and are usually numbered without a full stop. Only a
    note whose marker the body already showed and whose notes are set "N." may take the paragraph's number."""
    number = numbered_paragraph(text)
    return number is not None and number == next_paragraph and (number >= next_marker or bare_notes)


@dataclass
class Separated:
    """Body lines in reading order and notes by number."""

    body: list[BodyLine]
    notes: dict[int, NoteDraft]
    markers_seen: int


_ABBREVIATION_END_RE = re.compile(r"(?:^|[\s(])(?:[A-Za-z]{1,4}\.){1,2}$|\b(?:al|etc|ibid|op|cit|No|Nos|vol|pp|ed|eds)\.$")


def _body_resumes(note: NoteDraft, text: str) -> bool:
    """After a finished note, a line in lower case that is no URL continues the body's cut sentence."""
    last = note.lines[-1] if note.lines else ""
    abbreviation = bool(_ABBREVIATION_END_RE.search(last))  # "e.g.", "p.", "vol.", "et al." do not end a note
    return (bool(note.lines) and _ends_sentence(last) and not abbreviation and not url_at_end(last) and text[:1].islower()
            and not text.startswith(("http", "www.")) and not _CONTINUED_RE.match(text))


_BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")
_MIN_AXIS = 3


def axis_lines(page: list[Line]) -> set[int]:
    """Indices of a chart axis's tick values printed one per line ("4" / "3" / "2" / "1" / "0", "0" / "20" / "40"):
    a run of three or more bare numbers that holds a 0 or does not count up by one. A block of note numbers
    printed before the note texts counts up by one from 1 or more ("21" / "22" / "23"); tick values do not."""
    found: set[int] = set()
    i = 0
    while i < len(page):
        j = i
        while j < len(page) and _BARE_NUMBER_RE.match(page[j].text.strip()):
            j += 1
        values = [int(page[k].text) for k in range(i, j)]
        if len(values) >= _MIN_AXIS and (0 in values or any(b != a + 1 for a, b in zip(values, values[1:]))):
            found.update(range(i, j))
        i = max(j, i + 1)
    return found


def _list_item_line(page: list[Line], index: int) -> bool:
    """A bullet line, or the text or lower-case continuation of the item a bullet opens: no note starts so."""
    if _BULLET_RE.match(page[index].text):
        return True
    k = index
    while k > 0 and page[k].text[:1].islower():
        k -= 1  # back over the item's wrapped lines to its first
    return bool(_BULLET_RE.match(page[k].text)) or k > 0 and bool(_BULLET_RE.match(page[k - 1].text))


_SYMBOL_NOTE_RE = re.compile(r"^(\*{1,3}|†{1,2}|‡{1,2}|§{1,2})\s*(?=[^\s*†‡§])")


def _symbol_marker_re(symbol: str) -> re.Pattern[str]:
    """The symbol glued to the end of a word or sentence in the body ("view.*", "Smith†"), not part of a longer run."""
    return re.compile(r"(?<=[^\s*†‡§(\[])" + re.escape(symbol) + r"(?![*†‡§\w])")


def symbol_note_lines(page: list[Line]) -> dict[int, str]:
    """Lines of the page that open a symbol note ("* Author's calculation.", "† Senior fellow at ..."): in the lower
    half of the page, its symbol glued to a word of an earlier line of the page, and each symbol opening one line
    only (a bullet list of "* item" lines repeats its symbol)."""
    opening = {i: m.group(1) for i, line in enumerate(page) if (m := _SYMBOL_NOTE_RE.match(line.text))}
    counts: dict[str, int] = {}
    for symbol in opening.values():
        counts[symbol] = counts.get(symbol, 0) + 1
    found: dict[int, str] = {}
    for i, symbol in opening.items():
        if i < len(page) // 2 or counts[symbol] > 1:
            continue
        regex = _symbol_marker_re(symbol)
        if any(k not in opening and regex.search(page[k].text) for k in range(i)):
            found[i] = symbol
    return found


def _take_symbol_markers(text: str, markers: list[tuple[int, int]], symbols: dict[str, int]) -> tuple[str, list[tuple[int, int]]]:
    """Remove the first glued occurrence of each awaited symbol from a body line, recording its note's key;
    `symbols` (symbol -> key) loses the symbols found."""
    for symbol in sorted(symbols, key=len, reverse=True):
        match = _symbol_marker_re(symbol).search(text)
        if match is None:
            continue
        cut, size = match.start(), len(symbol)
        text = text[:cut] + text[match.end():]
        markers = sorted([(o if o <= cut else o - size, n) for o, n in markers] + [(cut, symbols.pop(symbol))])
    return text, markers


def numbering_restarts(page: list[Line], next_note: int) -> bool:
    """The note numbering starts again at 1 on this page (per chapter or part): a note numbered 1 in the lower half
    of the page, its marker glued to a word above it, and no note of the running sequence on the page."""
    if next_note <= 1 or any((m := _note_match(line.text)) and int(m.group(1)) == next_note for line in page):
        return False
    for i in range(len(page) // 2, len(page)):
        if _note_start(page[i].text, 1, 2, in_foot=True) != 1 or _heading_above_notes(page, i, 1, 1):
            continue
        if any(n == 1 for k in range(i) for _, n in _extract_markers(_SPACES_RE.sub(" ", page[k].text), 1)[1]):
            return True
    return False


def _opens_new_series(text: str) -> bool:
    """The line holds a marker 1 glued to a word ("charge.1"), as a numbering starting again would print it."""
    return any(n == 1 for _, n in _extract_markers(_SPACES_RE.sub(" ", text), 1)[1])


def _restart_ahead(pages: list[list[Line]], p: int, index: int, next_note: int) -> bool:
    """After line `index` of page `p`, the first note line numbered 1 or `next_note` (the running sequence's
    next note) is numbered 1: the notes start again from 1 (endnotes per chapter, footnotes per part)."""
    for q in range(p, len(pages)):
        for line in pages[q][index + 1 if q == p else 0:]:
            if (match := _note_match(line.text)) and int(match.group(1)) in (1, next_note):
                return int(match.group(1)) == 1
    return False


def _next_base(notes: dict[int, NoteDraft]) -> int:
    """The key base of a new numbering series: past every numbered note's key."""
    return (max((k for k in notes if k < _SYMBOL_KEYS), default=0) // _SERIES + 1) * _SERIES


def _series_done(notes: dict[int, NoteDraft], base: int, next_marker: int, next_note: int) -> bool:
    """Every note marked so far in the running series has its text: a marker 1 now may start a new series."""
    return next_marker > 1 and next_note == next_marker and base + next_marker - 1 in notes


def separate_notes(pages: list[list[Line]], page_numbers: tuple[int | None, ...]) -> Separated:
    """Split page content into body lines and footnotes/endnotes, removing markers from the body."""
    body: list[BodyLine] = []
    notes: dict[int, NoteDraft] = {}
    next_marker = next_note = first_note_number(pages)
    current: NoteDraft | None = None
    endnotes = False
    base = 0  # key of the current numbering series' note 0
    symbol_count = 0
    next_paragraph: int | None = 1 if numbers_paragraphs(pages) else None  # the body's next numbered paragraph
    bare_notes = False  # a note numbered without a full stop was seen ("1 The replies ...")
    for p, (page, page_no) in enumerate(zip(pages, page_numbers)):
        page_body_start = len(body)
        if endnotes and current is not None and page and not _note_match(page[0].text) and not _note_looks_cut(current.lines):
            opening = next((i for i, line in enumerate(page) if _opens_new_series(line.text)), None)
            if opening is not None and _restart_ahead(pages, p, opening, next_note):
                endnotes, current = False, None  # the chapter's endnotes are over: the next chapter's body begins
        pending = current if current and not endnotes and _note_looks_cut(current.lines) else None
        in_note = endnotes and current is not None
        page_notes: list[int] = []
        waiting: list[NoteDraft] = []
        axis = axis_lines(page)
        if not endnotes and notes and numbering_restarts(page, next_note):
            base, next_marker, next_note = _next_base(notes), 1, 1
        symbol_lines = {} if endnotes else symbol_note_lines(page)
        symbol_keys = {i: _SYMBOL_KEYS + symbol_count + k for k, i in enumerate(symbol_lines, start=1)}
        symbol_count += len(symbol_lines)
        awaited = {symbol_lines[i]: key for i, key in symbol_keys.items()}  # markers to find in the page's body
        for index, line in enumerate(page):
            if index in axis and not in_note:
                body.append(BodyLine(line.text, page_no, line, []))  # a chart's tick values: no note numbers
                continue
            if index in symbol_lines:
                if pending is not None:
                    next_marker = _attach_continuation(body, page_body_start, pending, next_marker, base)
                    pending = None
                rest = line.text[_SYMBOL_NOTE_RE.match(line.text).end():].strip()
                current, waiting, in_note = NoteDraft(symbol_keys[index], [rest], page_no, "footnote", symbol_lines[index]), [], True
                notes[current.number] = current
                continue
            number = _note_start(line.text, next_note, next_marker, in_foot=not endnotes and index >= len(page) // 2,
                                 in_notes=in_note and bool(page_notes))
            if (number is not None and not endnotes and not page_notes
                    and _continues_paragraphs(line.text, next_paragraph, next_marker, bare_notes)):
                number, in_note = None, False  # the body's next numbered paragraph
            if number is not None and not page_notes and not endnotes and _heading_above_notes(page, index, number, next_note):
                number = None
            late = re.fullmatch(r"\d{1,3}", line.text)
            if (number is None and late and in_note and page_notes and not endnotes and base + int(late.group(0)) not in notes
                    and min(page_notes) < base + int(late.group(0)) < base + next_note):
                key = base + int(late.group(0))
                notes[key] = NoteDraft(key, [], page_no, marker=late.group(0))  # printed after the texts
                page_notes.append(key)
                continue
            if number is not None:
                if pending is not None:
                    next_marker = _attach_continuation(body, page_body_start, pending, next_marker, base)
                    pending = None
                if not in_note and number == 1 and body and _heading_like(body[-1].text):
                    endnotes = True
                draft = NoteDraft(
                    base + number, [rest] if (rest := line.text[_note_match(line.text).end() :].strip()) else [], page_no,
                    "endnote" if endnotes else "footnote", str(number),
                )
                if not rest and in_note and current is not None and page_notes and not current.lines:
                    waiting.append(draft)  # note numbers printed as a block before their texts
                else:
                    current, waiting = draft, []
                notes[draft.number] = draft
                page_notes.append(draft.number)
                bare_notes = bare_notes or not _NOTE_START_RE.match(line.text)
                next_note = number + 1
                in_note = True
            elif in_note and current is not None and waiting and not current.lines and _list_item_line(page, index):
                body.append(BodyLine(line.text, page_no, line, []))  # a list extracted between note numbers and texts
            elif in_note and current is not None and not endnotes and not waiting and _body_resumes(current, line.text):
                in_note = False  # two columns: the body goes on after the notes at the foot of the left column
                body_line, next_marker = _body_line(line, page_no, next_marker, base, awaited)
                body.append(body_line)
            elif in_note and current is not None:
                if not _CONTINUED_RE.match(line.text):  # "(continued...)" under a note cut at the page foot
                    if waiting and current.lines and _ends_sentence(current.lines[-1]) and line.text[:1].isupper():
                        current = waiting.pop(0)  # the next text of a block of note numbers
                    current.lines.append(line.text)
            elif pending is not None and _CONTINUED_RE.match(line.text):
                continue  # "(...continued)" where the previous page's note resumes: no body text
            else:
                if (not endnotes and _series_done(notes, base, next_marker, next_note) and _opens_new_series(line.text)
                        and _restart_ahead(pages, p, index, next_note)):
                    base, next_marker, next_note = _next_base(notes), 1, 1
                body_line, next_marker = _body_line(line, page_no, next_marker, base, awaited)
                body.append(body_line)
                paragraph = numbered_paragraph(line.text)
                if paragraph is not None and paragraph == (next_paragraph or 1):
                    next_paragraph = paragraph + 1
        if pending is not None:
            next_marker = _attach_continuation(body, page_body_start, pending, next_marker, base)
        _fill_orphan_numbers(notes, page_notes)
        if not endnotes:
            next_marker = _recover_page_markers(body[page_body_start:], page_notes, next_marker, base)
    return Separated(body, notes, next_marker - 1)


def _body_line(line: Line, page_no: int | None, next_marker: int, base: int, awaited: dict[str, int]) -> tuple[BodyLine, int]:
    """A body line with its note markers removed and recorded by key (printed number + `base`, or an awaited
    symbol's key), and the next printed number the sequence expects after it."""
    text, markers, next_marker = _extract_markers(_SPACES_RE.sub(" ", line.text), next_marker)
    markers = [(o, base + n) for o, n in markers]
    if awaited:
        text, markers = _take_symbol_markers(text, markers, awaited)
    return BodyLine(text, page_no, line, markers), next_marker


def _fill_orphan_numbers(notes: dict[int, NoteDraft], page_notes: list[int]) -> None:
    """A note number printed on the page with no text after it (extracted out of order, after the texts): its
    text is the last complete entry of the note numbered just before it on the page, where that note holds two
    (a line ending a sentence followed by a line opening a new entry in capitals)."""
    for number in page_notes:
        note, before = notes.get(number), notes.get(number - 1)
        if note is None or note.lines or before is None or number - 1 not in page_notes or len(before.lines) < 2:
            continue
        splits = [k for k in range(1, len(before.lines))
                  if _ends_sentence(before.lines[k - 1]) and before.lines[k][:1].isupper()
                  and not _ABBREVIATION_END_RE.search(before.lines[k - 1])]
        if splits:
            note.lines, before.lines = before.lines[splits[-1]:], before.lines[:splits[-1]]


def _recover_page_markers(lines: list[BodyLine], page_notes: list[int], next_marker: int, base: int = 0) -> int:
    """Markers of the notes printed on this page (keys: `base` + printed number) that the sequential search did
    not find."""
    found = {n for line in lines for _, n in line.markers}
    for key in page_notes:
        if key in found:
            continue
        if _recover_marker(lines, key - base, _last_marker_position(lines, key - 1), key):
            found.add(key)
            next_marker = max(next_marker, key - base + 1)
    return next_marker


def first_note_number(pages: list[list[Line]]) -> int:
    """Where the note numbering starts: 1, or for an excerpt cut from a longer report the smallest number
    that starts a note line and is followed by a note line numbered a little higher (notes 21, 22, ...)."""
    seen: list[int] = []
    for page in pages:
        for line in page:
            match = _note_match(line.text)
            if match:
                seen.append(int(match.group(1)))
    starts = [n for i, n in enumerate(seen) if any(n < later <= n + 3 for later in seen[i + 1 :])]
    if starts:
        return min(starts) if min(starts) > 1 and 1 not in seen else 1
    return _marker_run_start(pages)


_MIN_MARKER_RUN = 3


def _marker_run_start(pages: list[list[Line]]) -> int:
    """Without note lines (endnotes printed outside an excerpt), where the glued markers start: the first
    number of a run of glued numbers counting up by one ("markets.27" ... "rules.28" ... "cost.29")."""
    found: list[int] = []
    for page in pages:
        for line in page:
            for match in _MARKER_RE.finditer(line.text):
                before = line.text[: match.start()]
                if int(match.group(1)) >= 1 and not (before.endswith((".", ",")) and before[:-1][-1:].isdigit()):  # no decimals
                    found.append(int(match.group(1)))
    for i, number in enumerate(found):
        run, expected = 1, number + 1
        for later in found[i + 1 :]:
            if later == expected:
                run, expected = run + 1, expected + 1
        if run >= _MIN_MARKER_RUN:
            return number
    return 1


_SMALL_TYPE = 1.12  # note lines are set in smaller type: a full note line is this much longer than a body line


def _small_type_run(body: list[BodyLine], start: int) -> int | None:
    """The continued note as the run of lines at the page foot set wider than the page's body lines (smaller
    type), starting in lower case; its last line may be short where the note ends."""
    lengths = sorted(len(line.text) for line in body[start:] if len(line.text) > 40)
    if len(lengths) < 6:
        return None
    median = lengths[len(lengths) // 2]
    k = len(body)
    if k - 1 >= start and _ends_sentence(body[k - 1].text):
        k -= 1  # the note's short last line
    while k - 1 > start and len(body[k - 1].text) >= _SMALL_TYPE * median and not body[k - 1].markers:
        k -= 1
    if k < len(body) - 1 and body[k].text[:1].islower():
        return k
    return None


def _attach_continuation(body: list[BodyLine], start: int, note: NoteDraft, next_marker: int, base: int = 0) -> int:
    """Move the lines continuing `note` from the end of this page's body into the note; the next printed marker."""
    at = _continuation_start(body, start)
    if at is None:
        at = _small_type_run(body, start)
    if at is None:
        return next_marker
    moved = body[at:]
    del body[at:]
    note.lines.extend(line.source.text for line in moved)
    numbers = [number - base for line in moved for _, number in line.markers if base < number < _SYMBOL_KEYS]
    return min(numbers) if numbers else next_marker


def _note_keys(separated: Separated, anchors: dict[int, int]) -> list[int]:
    """Every note key in order: each numbering series from its lowest to its highest number (a number the
    sequence skips included), then the symbol notes."""
    seen = set(separated.notes) | set(anchors)
    keys: list[int] = []
    for series in sorted({k // _SERIES for k in seen if k < _SYMBOL_KEYS}):
        numbered = [k for k in seen if k // _SERIES == series]
        keys.extend(range(min(numbered), max(numbered) + 1))
    return keys + sorted(k for k in seen if k >= _SYMBOL_KEYS)


def build_footnotes(separated: Separated, anchors: dict[int, int], text_length: int) -> tuple[FootnoteSpan, ...]:
    """One span per note seen as a marker or as note text, with status for the gaps; a number the sequence skips
    (neither marker nor text found) is recorded as `skipped`, so the numbering has no holes. Notes numbered 1..N
    in one sequence keep their printed numbers; otherwise (restarts, symbol notes) see `number_by_reading_order`."""
    endnote_kind = "endnote" if any(n.kind == "endnote" for n in separated.notes.values()) else "footnote"
    footnotes = []
    for key in _note_keys(separated, anchors):
        marker = str(key % _SERIES) if key < _SYMBOL_KEYS else None
        draft = separated.notes.get(key)
        anchor = anchors.get(key)
        if anchor is not None:
            anchor = max(0, min(anchor, text_length))
        if draft is None and anchor is None:
            footnotes.append(FootnoteSpan(number=key, text="", status=FOOTNOTE_SKIPPED, kind=endnote_kind, marker=marker))
            continue
        if draft is None:
            footnotes.append(FootnoteSpan(number=key, text="", anchor=anchor, status=FOOTNOTE_MISSING_TEXT,
                                          kind=endnote_kind, marker=marker))
            continue
        joined = join_lines(draft.lines)
        note_text = _SPACES_RE.sub(" ", joined.text).strip()
        status = FOOTNOTE_OK
        if _note_looks_cut(draft.lines):
            status = FOOTNOTE_TRUNCATED
        elif anchor is None:
            status = FOOTNOTE_NO_ANCHOR
        footnotes.append(FootnoteSpan(
            number=key, text=note_text, urls=find_urls(note_text), anchor=anchor, status=status,
            ibid_of=key - 1 if _IBID_RE.match(note_text) and key % _SERIES > 1 else None,
            page=draft.page, kind=draft.kind, ambiguous_urls=joined.ambiguous_urls, marker=draft.marker or marker,
        ))
    return repair_note_urls(number_by_reading_order(footnotes))


def number_by_reading_order(notes: list[FootnoteSpan]) -> list[FootnoteSpan]:
    """Note numbers for the published table. Where the printed numbers form one sequence the keys are those
    numbers and stay. Otherwise (a second numbering series, symbol notes) every note is numbered by its place in
    reading order, 1..N: by page and marker offset; a note without a marker in the body text right after the
    numbered note before it on its page, else at the top of its page (a symbol note on an author line of the
    title block); `marker` keeps what the page prints and an "Ibid." points to the note before it."""
    if all(note.number < _SERIES for note in notes):
        return [replace(note, marker=None) for note in notes]
    placed: list[tuple[int, int, int, FootnoteSpan]] = []
    page, previous = 0, None
    for rank, note in enumerate(notes):
        page = note.page if note.page is not None else page
        if note.anchor is not None:
            position = note.anchor
        elif previous is not None and previous[0] == page and note.number < _SYMBOL_KEYS and previous[2] == note.number - 1:
            position = previous[1]
        else:
            position = -1
        previous = (page, position, note.number)
        placed.append((page, position, rank, note))
    ordered = [note for *_, note in sorted(placed, key=lambda p: p[:3])]
    return [replace(note, number=k, ibid_of=k - 1 if note.ibid_of is not None else None)
            for k, note in enumerate(ordered, start=1)]


# --- numbered references: "(1)", "(2, 3)", "(4*)" -------------------------------------------------------

_REFERENCE_RE = re.compile(r" \((\d{1,3})\*?((?:\s?[,–-]\s?\d{1,3}\*?)*)\)(?=[.,;:]|\s*$)")
_MIN_REFERENCES = 3
# a reference mid-clause, after a comma and before a word in lower case ("militaries, (1) involves")
_MID_CLAUSE_REFERENCE_RE = re.compile(r"(?<=,) \((\d{1,3})\*?((?:\s?[,–-]\s?\d{1,3}\*?)*)\)(?= [a-z])")


def _reference_numbers(match: re.Match[str]) -> list[int]:
    """The numbers a reference cites: "(2, 3)" -> [2, 3], "(4–6)" -> [4, 5, 6]."""
    numbers = [int(match.group(1))]
    for sep, number in re.findall(r"\s?([,–-])\s?(\d{1,3})", match.group(2)):
        value = int(number)
        if sep in "–-" and numbers[-1] < value <= numbers[-1] + 20:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        else:
            numbers.append(value)
    return numbers


def extract_reference_markers(body: list[BodyLine]) -> bool:
    """Numbered references cited in brackets at the end of a clause ("... models (1).", "(2, 3);"), whose list
    is outside the document, are markers too: removed from the text and recorded (missing_text). Only when the
    first citations of each number count up from 1 (1, 2, 3, ...), so enumerations and article numbers stay."""
    candidates = sorted(
        [(k, m.start(), m, True) for k, line in enumerate(body) for m in _REFERENCE_RE.finditer(line.text)]
        + [(k, m.start(), m, False) for k, line in enumerate(body) for m in _MID_CLAUSE_REFERENCE_RE.finditer(line.text)],
        key=lambda c: (c[0], c[1]))
    found: list[tuple[int, re.Match[str]]] = []
    first_seen: list[int] = []
    for k, _, match, strict in candidates:
        numbers = _reference_numbers(match)
        new = [n for n in numbers if n not in first_seen]
        if not strict and new != list(range(len(first_seen) + 1, len(first_seen) + 1 + len(new))):
            continue  # mid-clause only where it is the next number of the citation sequence
        found.append((k, match))
        first_seen.extend(new)
    strict_count = sum(1 for c in candidates if c[3])
    if (strict_count < _MIN_REFERENCES or len(first_seen) < _MIN_REFERENCES
            or first_seen[:_MIN_REFERENCES] != list(range(1, _MIN_REFERENCES + 1))):
        return False
    by_line: dict[int, list[re.Match[str]]] = {}
    for k, match in found:
        by_line.setdefault(k, []).append(match)
    for k in sorted(by_line):
        line = body[k]
        matches = by_line[k]
        text, markers, removed = line.text, list(line.markers), 0
        for match in matches:
            start, end = match.start() - removed, match.end() - removed
            text = text[:start] + text[end:]
            markers = [(o if o <= start else o - (end - start), n) for o, n in markers]
            markers += [(start, n) for n in _reference_numbers(match)]
            removed += end - start
        line.text, line.markers = text, sorted(markers)
    return True
