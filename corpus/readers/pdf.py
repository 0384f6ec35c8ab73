"""PDF reader: pages of lines with font size, font name, weight, box, raised spans and page labels (PDFium).

PDFium (through `pypdfium2`, Apache-2.0 / BSD-3-Clause) gives every character with its box, font size,
font name and weight, and inserts line breaks and spaces where the layout has them; it was the fastest of
the libraries compared (see `benchmarks/README.md`). PDFium keeps the content-stream order, which is not
the reading order (footers first, columns interleaved), and no library in the comparison orders columns,
so `order_lines` (column gutters, top to bottom, margins and column-foot notes apart) is written here. Text
drawn invisibly (render mode 3) or outside the page cannot be read by a reader and is left out, except the
invisible layer of a page with no visible text (the OCR of a scan). What one page loses (no text layer, a
damaged page) is stated in the layout's `notes`, never an error for the whole file.
"""

from __future__ import annotations

import ctypes
import importlib.metadata
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from corpus.readers.model import Box, LayoutDocument, SourceLine, SourceMeta, SourcePage

EXTRACTOR = "pypdfium2"
_SPLIT_GAP_EM = 2.5  # a horizontal gap wider than this many font sizes splits a line (tab stops, table cells)
_SPACE_EM = 0.15  # a gap wider than this many font sizes between two characters is a word space
_MARKER_GAP_EM = 0.5  # a raised character this far from the previous one is a word of its own, not a marker
_RAISED_SIZE = 0.85  # a character this much smaller than its line's body size ...
_RAISED_LIFT = 0.2  # ... whose baseline sits this many font sizes above the line's is raised (a superscript)
_ROW_RATIO = 2.5  # a character more than this many times taller or shorter than a row is not on it (a drop cap)
_SIDEBAR_WIDTH = 0.3  # a sidebar line is narrower than this share of the page
_GUTTER_MIN = 8.0  # points of empty width between two columns
_PRINTED_NUMBER = re.compile(r"^(?:page\s+)?(\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)


class PdfReadError(Exception):
    """A PDF that cannot be read: `reason` is a stable code (encrypted, damaged, no-text-layer)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Char:
    """One drawn character: text and box (top-left origin), size, font, weight."""

    text: str
    box: Box
    size: float
    font: str
    bold: bool
    quarter: int = 0  # quarter turns of the text direction (0 upright; 1, 3 sideways)
    spaced: bool = False  # the file (or PDFium) puts a space before this character in drawing order
    page_box: Box | None = None  # the box on the page when `box` is turned upright (sideways text)


def extractor_version() -> str:
    return importlib.metadata.version("pypdfium2")


def read_pdf(data: bytes) -> LayoutDocument:
    """The bytes of a PDF -> its pages of lines in reading order; raises PdfReadError on an unusable file.

    What one page loses (no text layer on a scanned page, a page PDFium cannot read) is not an error: the
    rest of the file is read and the loss is stated in the layout's `notes`."""
    import pypdfium2 as pdfium

    if b"%PDF-" not in data[:1024]:
        raise PdfReadError("damaged", "file is not a PDF (no %PDF- header; another kind of file with a .pdf name?)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise PdfReadError("encrypted", "PDF is encrypted (needs a password)") from err
        if "success" in message.lower():  # PDFium's code for a file it parsed but cannot use: no page tree
            message = "no usable page tree: no pages, or a broken catalog"
        raise PdfReadError("damaged", f"PDF cannot be opened ({message})") from err
    try:
        if len(pdf) == 0:
            raise PdfReadError("damaged", "PDF has no pages")
        pages = []
        losses: dict[str, list[int]] = {}
        for index in range(len(pdf)):
            page, loss = _read_page(pdf, index)
            pages.append(page)
            if loss:
                losses.setdefault(loss, []).append(index + 1)
        if not any(page.lines for page in pages):
            raise PdfReadError("no-text-layer", "PDF has no text layer (scanned pages?); OCR is not supported")
        notes = tuple(f"pdf: {_pages_named(numbers)}: {loss}" for loss, numbers in losses.items())
        return LayoutDocument(pages=tuple(pages), input_format="pdf", extractor=EXTRACTOR, extractor_version=extractor_version(),
                              meta=_meta(pdf), notes=notes)
    finally:
        pdf.close()


_NO_TEXT = "no text layer (an image only, a scan?); the text of the image is not in the document"
_UNREADABLE = "could not be read (a damaged page); its text is not in the document"
_HIDDEN = "no visible text; read from the invisible text layer (the OCR of a scanned image)"


def _read_page(pdf, index: int) -> tuple[SourcePage, str | None]:
    """One page's lines in reading order, and what was lost or done unusually (a `_NO_TEXT`-like phrase) or None.

    A page with no visible text but an invisible layer (an OCR'd scan) is read from that layer; a page with
    neither but an image is a page without text layer; an error inside one page loses that page only."""
    try:
        page = pdf[index]
        frame = page_frame(page)
        _, _, width, height = frame
        chars, hidden = _page_chars(page, frame)
        chars, hidden = vertical_writing(chars, width, height), vertical_writing(hidden, width, height)
        loss = None
        if not chars and hidden:
            chars, loss = hidden, _HIDDEN
        lines = join_drop_caps(read_order([l for l in _lines(chars, index) if l.text], chars, width, height))
        if not lines and _has_image(page):
            loss = _NO_TEXT
        label = _page_label(pdf, index) or printed_page_number(lines, height)
        return SourcePage(index=index, lines=tuple(lines), label=label, width=round(width, 2), height=round(height, 2)), loss
    except Exception:  # noqa: BLE001 - a damaged page (a broken content stream, an object PDFium rejects) loses itself only
        return SourcePage(index=index, lines=()), _UNREADABLE


def _has_image(page) -> bool:
    import pypdfium2.raw as raw

    try:
        return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))
    except Exception:  # noqa: BLE001 - an object tree PDFium cannot walk: say nothing about images
        return False


def _pages_named(numbers: list[int]) -> str:
    """"page 3" / "pages 2, 5 and 9" (1-based), the first ten listed."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    shown = ", ".join(map(str, numbers[:10]))
    more = f" (and {len(numbers) - 10} more)" if len(numbers) > 10 else ""
    return f"pages {shown}{more}"


def page_frame(page) -> tuple[float, float, float, float]:
    """The page's visible area in its own (unrotated) coordinates, where PDFium gives the characters' boxes: left
    and top edges, width and height. A page turned by /Rotate (a landscape figure page) keeps its unturned
    frame, so none of its text falls outside it; its sideways text is turned upright line by line."""
    left, bottom, right, top = page.get_bbox()
    return left, top, right - left, top - bottom


def _page_chars(page, frame: tuple[float, float, float, float]) -> tuple[list[Char], list[Char]]:
    """The page's visible drawn characters, with boxes turned upright where the text runs sideways; and its
    invisible ones (render mode 3: an OCR layer over a scanned image, or a duplicate of the visible text).
    Boxes are in points from the top-left corner of the page's `frame`."""
    import pypdfium2.raw as raw

    left, top, width, height = frame
    textpage = page.get_textpage()
    handle = textpage.raw
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    chars = []
    hidden = []
    styles: dict[int, tuple[str, bool, bool]] = {}
    spaced = False
    for i in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, i)
        if chr(code).isspace():
            spaced = True
            continue
        if raw.FPDFText_IsGenerated(handle, i):
            continue
        text = clean_char("-" if code == 2 else chr(code))  # PDFium reports a hyphen at a line end as U+0002
        if not text:
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, rect)
        box = Box(rect.left - left, top - rect.top, rect.right - left, top - rect.bottom)
        if box.x1 < 0 or box.x0 > width or box.bottom < 0 or box.top > height:
            continue
        quarter = round(raw.FPDFText_GetCharAngle(handle, i) / (math.pi / 2)) % 4
        page_box = box
        if quarter:
            box = _upright(box, quarter, width, height)
        size = raw.FPDFText_GetFontSize(handle, i)
        if raw.FPDFText_GetMatrix(handle, i, matrix):  # the size as drawn: text and page matrices scale it
            size *= math.hypot(matrix.c, matrix.d)
        obj = raw.FPDFText_GetTextObject(handle, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        if key is None or key not in styles:  # one font and render mode per text object: read them once
            font = ""
            if raw.FPDFText_GetFontInfo(handle, i, buffer, len(buffer), flags):
                font = buffer.value.decode("latin-1").split("+")[-1]
            weight = raw.FPDFText_GetFontWeight(handle, i)
            bold = weight >= 600 or any(word in font.lower() for word in ("bold", "black", "heavy", "semibold"))
            invisible = bool(obj) and raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE
            if key is not None:
                styles[key] = (font, bold, invisible)
        else:
            font, bold, invisible = styles[key]
        (hidden if invisible else chars).append(Char(text, box, round(size, 2), font, bold, quarter, spaced, page_box))
        spaced = False
    textpage.close()
    return chars, hidden


_SOFT_HYPHEN = "\u00ad"


def clean_char(text: str) -> str:
    """A drawn character as text: ligature glyphs spelt out ("\ufb01" -> "fi"), control characters and invisible
    format characters (zero-width spaces and joiners, direction marks, byte-order marks) dropped. Private-use
    glyphs stay: a symbol font's bullets (U+F0B7) mark list items for the structurer. A soft hyphen is kept:
    printed at a line's end it is the hyphen of a word broken there (`make_line` drops it elsewhere)."""
    if text == _SOFT_HYPHEN:
        return text
    if "\ufb00" <= text <= "\ufb06":
        return unicodedata.normalize("NFKC", text)
    return "" if unicodedata.category(text) in ("Cc", "Cf", "Cs") else text


_TIGHT = 0.1  # font sizes: characters this close follow each other in a line of CJK text


def vertical_writing(chars: list[Char], width: float, height: float) -> list[Char]:
    """Chinese or Japanese set in vertical lines (columns read top to bottom, right to left) turned into lines
    that run downwards (a quarter turn, as sideways text), so they are read as lines in that order. The page's
    upright CJK characters are vertical writing when more of them sit tight above one another than beside one
    another (horizontal CJK has its leading between lines, vertical CJK between columns)."""
    cjk = [c for c in chars if c.quarter == 0 and unicodedata.east_asian_width(c.text[0]) in ("W", "F")]
    if len(cjk) < 4:
        return chars
    down = _tight_pairs(cjk, lambda c: (round(c.box.x0 / max(c.size, 1) * 2), c.box.top), lambda a, b: b.box.top - a.box.bottom,
                        lambda a, b: abs(a.box.x0 - b.box.x0) <= 0.3 * a.size)
    across = _tight_pairs(cjk, lambda c: (round(c.box.top / max(c.size, 1) * 2), c.box.x0), lambda a, b: b.box.x0 - a.box.x1,
                          lambda a, b: abs(a.box.top - b.box.top) <= 0.3 * a.size)
    if down < 4 or down <= 2 * across:
        return chars
    turned = {id(c) for c in cjk}
    return [Char(c.text, _upright(c.box, 1, width, height), c.size, c.font, c.bold, 1, c.spaced, c.box) if id(c) in turned else c
            for c in chars]


def _tight_pairs(chars: list[Char], key, gap, aligned) -> int:
    """How many characters are followed (in `key` order) by one aligned with them at a tight gap."""
    ordered = sorted(chars, key=key)
    return sum(1 for a, b in zip(ordered, ordered[1:]) if aligned(a, b) and -0.2 * a.size <= gap(a, b) <= _TIGHT * a.size)


def _upright(box: Box, quarter: int, width: float, height: float) -> Box:
    """A sideways character's box in the frame where its text runs left to right (PDFium's angle in quarter turns)."""
    if quarter == 3:  # text runs upwards
        return Box(height - box.bottom, box.x0, height - box.top, box.x1)
    if quarter == 1:  # text runs downwards
        return Box(box.top, width - box.x1, box.bottom, width - box.x0)
    return Box(width - box.x1, height - box.bottom, width - box.x0, height - box.top)


def _lines(chars: list[Char], page: int) -> list[SourceLine]:
    """Group characters into lines: rows of vertically overlapping characters, split at wide gaps.

    A raised character (a note marker) overlaps its line's row and joins it. Each direction of text
    (upright, sideways) is grouped on its own.
    """
    lines: list[SourceLine] = []
    for quarter in sorted({c.quarter for c in chars}):
        rows: list[list[Char]] = []
        extents: list[tuple[float, float]] = []
        largest: list[float] = []  # each row's largest character size so far
        for char in sorted((c for c in chars if c.quarter == quarter), key=lambda c: ((c.box.top + c.box.bottom) / 2, c.box.x0)):
            height = max(char.box.height, 0.1)
            best = None
            for r in range(len(rows) - 1, max(-1, len(rows) - 8), -1):
                top, bottom = extents[r]
                overlap = min(bottom, char.box.bottom) - max(top, char.box.top)
                similar = height <= _ROW_RATIO * (bottom - top) and bottom - top <= _ROW_RATIO * height
                if overlap >= 0.5 * min(height, bottom - top) and similar:
                    best = r
                    break
            if best is None:
                rows.append([char])
                extents.append((char.box.top, char.box.bottom))
                largest.append(char.size)
            else:
                rows[best].append(char)
                largest[best] = max(largest[best], char.size)
                top, bottom = extents[best]
                if char.size >= _RAISED_SIZE * largest[best]:
                    extents[best] = (min(top, char.box.top), max(bottom, char.box.bottom))
        for row in rows:
            lines.extend(_split_row(sorted(row, key=lambda c: c.box.x0), page))
    return lines


def _split_row(row: list[Char], page: int) -> list[SourceLine]:
    """A row's characters left to right -> lines, split where the gap is wider than a few font sizes."""
    pieces: list[list[Char]] = [[]]
    for char in row:
        if pieces[-1]:
            last = pieces[-1][-1]
            gap = char.box.x0 - last.box.x1
            other_type = char.font != last.font and abs(char.size - last.size) > 0.5
            if gap > _SPLIT_GAP_EM * max(char.size, last.size, 1.0) or (other_type and gap > max(char.size, last.size)):
                pieces.append([])  # a tab stop or table cell; or a sidebar in other type beside the text
        pieces[-1].append(char)
    return [make_line(logical_order(piece), page) for piece in pieces if piece]


_RTL = ("R", "AL")
_LTR = ("L", "EN", "AN")


def logical_order(chars: list[Char]) -> list[Char]:
    """A line's characters (left to right on the page) in reading order. A line in a right-to-left script
    (more Hebrew or Arabic letters than Latin ones) is read from the right: its characters are mirrored
    (boxes measured from the right edge, so word gaps still show), except runs of left-to-right text inside
    it (numbers, Latin words), which keep their own order. The line's box stays the one on the page."""
    kinds = [unicodedata.bidirectional(c.text[0]) for c in chars]
    if sum(k in _RTL for k in kinds) <= sum(k == "L" for k in kinds):
        return chars
    mirrored = sorted(
        (Char(c.text, Box(-c.box.x1, c.box.top, -c.box.x0, c.box.bottom), c.size, c.font, c.bold, c.quarter, c.spaced, c.page_box or c.box)
         for c in chars),
        key=lambda c: c.box.x0,
    )
    out: list[Char] = []
    k = 0
    while k < len(mirrored):
        j = k
        while j < len(mirrored) and _in_ltr_run(mirrored, j, k):
            j += 1
        if j == k:
            out.append(mirrored[k])
            k += 1
            continue
        run = sorted(mirrored[k:j], key=lambda c: c.page_box.x0)  # the run's own left-to-right order
        start, origin = mirrored[k].box.x0, run[0].page_box.x0
        out.extend(Char(c.text, Box(start + c.page_box.x0 - origin, c.box.top, start + c.page_box.x1 - origin, c.box.bottom),
                        c.size, c.font, c.bold, c.quarter, c.spaced, c.page_box) for c in run)
        k = j
    return out


def _in_ltr_run(chars: list[Char], j: int, start: int) -> bool:
    """Whether chars[j] belongs to a left-to-right run begun at `start`: a Latin letter or digit, or a neutral
    (".", ",") between two of them."""
    kind = unicodedata.bidirectional(chars[j].text[0])
    if kind in _LTR:
        return True
    after = j + 1 < len(chars) and unicodedata.bidirectional(chars[j + 1].text[0]) in _LTR
    return j > start and kind not in _RTL and after


def make_line(chars: list[Char], page: int) -> SourceLine:
    """One line from its characters (left to right): text with spaces at word gaps, box, body size and font, weight, raised spans."""
    sizes = Counter(c.size for c in chars)
    size = max(sizes, key=lambda s: (sizes[s], s))
    body = [c for c in chars if c.size == size]
    baseline = Counter(round(c.box.bottom) for c in body).most_common(1)[0][0]
    fonts = Counter(c.font for c in chars)
    text = ""
    raised: list[tuple[int, int]] = []
    previous: Char | None = None
    chars = [c if c.text != _SOFT_HYPHEN else Char("-", c.box, c.size, c.font, c.bold, c.quarter, c.spaced, c.page_box)
             for k, c in enumerate(chars) if c.text != _SOFT_HYPHEN or k == len(chars) - 1]  # a soft hyphen shows at a break only
    for char in chars:
        lifted = char.size <= _RAISED_SIZE * size and baseline - char.box.bottom >= _RAISED_LIFT * size
        gap = char.box.x0 - previous.box.x1 if previous is not None else 0.0
        if lifted and not (raised and raised[-1][1] == len(text)):
            spaced = gap > _MARKER_GAP_EM * size  # a note marker is set against its word, whatever the file's spacing
        else:
            spaced = gap > _SPACE_EM * min(max(char.size, previous.size if previous else 0), size) or (char.spaced and gap > -0.05 * size)
        if previous is not None and spaced:
            text += " "
        if lifted:
            if raised and raised[-1][1] == len(text):
                raised[-1] = (raised[-1][0], len(text) + len(char.text))
            else:
                raised.append((len(text), len(text) + len(char.text)))
        text += char.text
        previous = char
    boxes = [c.page_box or c.box for c in chars]
    box = Box(
        round(min(b.x0 for b in boxes), 2), round(min(b.top for b in boxes), 2),
        round(max(b.x1 for b in boxes), 2), round(max(b.bottom for b in boxes), 2),
    )
    bold = sum(c.bold for c in chars) * 2 > len(chars)
    return SourceLine(text=text, page=page, bbox=box, font_size=size, font_name=fonts.most_common(1)[0][0], bold=bold, raised=tuple(raised))


def read_order(lines: list[SourceLine], chars: list[Char], width: float, height: float) -> list[SourceLine]:
    """The page's lines in reading order. A page whose text runs mostly sideways (a figure or table set
    landscape) is ordered in the frame where that text is upright (its upright lines, a running head or a
    folio, before or after it by their place on the page); any other page by `order_lines`."""
    turns = Counter(c.quarter for c in chars)
    quarter = max(turns, key=lambda q: (turns[q], -q)) if turns else 0
    if quarter == 0:
        return order_lines(lines, width, height)
    upright_size = (height, width) if quarter % 2 else (width, height)
    sideways = [l for l in lines if l.bbox is not None and _runs_sideways(l, quarter, chars)]
    proxies = [_turned(l, quarter, width, height) for l in sideways]
    turned = {id(p): l for p, l in zip(proxies, sideways)}
    inner = [turned[id(p)] for p in order_lines(proxies, *upright_size)]
    rest = [l for l in lines if not any(l is s for s in sideways)]
    above = [l for l in rest if l.bbox is None or l.bbox.top < height / 2]
    below = [l for l in rest if not any(l is a for a in above)]
    return order_lines(above, width, height) + inner + order_lines(below, width, height)


_DROP_CAP = 2.0  # a drop cap is set at least this many times the size of the lines beside it


def join_drop_caps(lines: list[SourceLine]) -> list[SourceLine]:
    """A drop cap (one or two letters in type several times larger, sunk into the opening lines of a paragraph:
    "T" beside "he internet ...") joined to the first of the lines it stands beside, as the word it begins
    (a space after it when that line opens with a capital or is set apart, as "A" / "new law")."""
    out = list(lines)
    for cap in [l for l in lines if _is_drop_cap(l)]:
        beside = [l for l in out if l is not cap and l.bbox is not None and l.font_size and cap.font_size >= _DROP_CAP * l.font_size
                  and 0 <= l.bbox.x0 - cap.bbox.x1 <= 2 * l.font_size and cap.bbox.top - 0.5 * l.bbox.height <= l.bbox.top < cap.bbox.bottom]
        if not beside:
            continue
        first = min(beside, key=lambda l: l.bbox.top)
        rest = first.text.lstrip()
        joined = cap.text.strip() + ("" if rest[:1].islower() else " ") + rest
        shift = len(joined) - len(first.text)
        merged = SourceLine(joined, first.page, Box(cap.bbox.x0, first.bbox.top, first.bbox.x1, first.bbox.bottom), first.font_size,
                            first.font_name, first.bold, tuple((a + shift, b + shift) for a, b in first.raised))
        out = [merged if l is first else l for l in out if l is not cap]
    return out


def _is_drop_cap(line: SourceLine) -> bool:
    text = line.text.strip()
    return line.bbox is not None and bool(line.font_size) and 1 <= len(text) <= 2 and text.isalpha() and text[0].isupper()


def _runs_sideways(line: SourceLine, quarter: int, chars: list[Char]) -> bool:
    """Whether the line was made of characters turned `quarter` (its box holds the page box of such a character)."""
    box = line.bbox
    return any(c.quarter == quarter and c.page_box is not None and box.x0 - 0.5 <= c.page_box.x0 and c.page_box.x1 <= box.x1 + 0.5
               and box.top - 0.5 <= c.page_box.top and c.page_box.bottom <= box.bottom + 0.5 and c.text == line.text.lstrip()[:1]
               for c in chars)


def _turned(line: SourceLine, quarter: int, width: float, height: float) -> SourceLine:
    b = _upright(line.bbox, quarter, width, height)
    return SourceLine(line.text, line.page, Box(b.x0, b.top, b.x1, b.bottom), line.font_size, line.font_name, line.bold, line.raised)


def order_lines(lines: list[SourceLine], page_width: float, page_height: float | None = None) -> list[SourceLine]:
    """Reading order: top to bottom, and where the page has a column gutter, each column in turn.

    A line that crosses the gutter (a title, a full-width figure) closes the columns above it. On a page with
    columns, the page's margins are read apart: a running head in the top margin first and a footer (in the
    bottom margin, or set apart below all the text) last, wherever they stand across the columns (a head
    over the right column on right-hand pages, a folio under the left column on left-hand ones); and the
    notes at the foot of a column after both columns, where a one-column page has them.
    """
    boxed = [line for line in lines if line.bbox is not None]
    ordered = sorted(boxed, key=lambda l: (round(l.bbox.top / 3), l.bbox.x0))
    head, foot = _margins(ordered, page_height)
    inner = [l for l in ordered if not any(l is m for m in head + foot)]
    gutter = _gutter(inner) if head or foot else None
    if gutter is not None:
        return _top_down(head) + _columns(inner, gutter) + _top_down(foot)
    gutter = _gutter(ordered)
    if gutter is None:
        side = _sidebar(ordered, page_width)
        return _after_paragraph(_top_down(ordered), {ordered[i] for i in side})
    return _columns(ordered, gutter)


_HEAD_MARGIN = 0.07  # share of the page height: a running head lies in the top band this deep ...
_FOOT_MARGIN = 0.93  # ... a running footer below this share of it
_SET_APART = 2.5  # a footer set apart: the gap above it is this many of its line heights


def _margins(lines: list[SourceLine], height: float | None) -> tuple[list[SourceLine], list[SourceLine]]:
    """The lines of the top and bottom margins (running heads, footers, folios): within the margin bands, or,
    for the foot, the lowest row of the page set well apart from all the text above it, in smaller type than
    the page's text or a bare page number."""
    if height is None or len(lines) < 6:
        return [], []
    head = [l for l in lines if l.bbox.bottom <= _HEAD_MARGIN * height]
    foot = [l for l in lines if l.bbox.top >= _FOOT_MARGIN * height]
    rest = [l for l in lines if not any(l is m for m in head + foot)]
    if rest:
        low = max(l.bbox.top for l in rest)
        row = [l for l in rest if l.bbox.top >= low - 0.5 * l.bbox.height]
        above = [l for l in rest if not any(l is r for r in row)]
        tallest = max(r.bbox.height for r in row)
        sizes = Counter()
        for line in rest:
            sizes[line.font_size or 0] += len(line.text)
        body = max(sizes, key=lambda s: (sizes[s], s))
        small = all((r.font_size or body) <= _NOTE_TYPE * body or _PRINTED_NUMBER.match(r.text.strip()) for r in row)
        if above and small and len(row) <= 2 and row[0].bbox.top - max(l.bbox.bottom for l in above) >= _SET_APART * tallest:
            foot = row + foot  # in smaller type than the page's text, or a bare page number
    return head, foot


def _columns(ordered: list[SourceLine], gutter: tuple[float, float]) -> list[SourceLine]:
    """Lines of a page with a gutter: each band of columns left then right, the notes at their feet after both."""
    out: list[SourceLine] = []
    left: list[SourceLine] = []
    right: list[SourceLine] = []
    right_column = [line for line in ordered if line.bbox.x0 >= gutter[1]]
    across = [line for line in ordered if line.bbox.x0 < gutter[1] and line.bbox.x1 > gutter[0]]
    for line in sorted(ordered, key=lambda l: l.bbox.top):
        if line.bbox.x1 <= gutter[0] and _band_label(line, right_column, across):
            out.extend(_band(left, right))  # a group's label: both columns below it are its own
            left, right = [], []
            left.append(line)
        elif line.bbox.x1 <= gutter[0]:
            left.append(line)
        elif line.bbox.x0 >= gutter[1]:
            right.append(line)
        else:
            out.extend(_band(left, right))
            left, right = [], []
            out.append(line)
    return out + _band(left, right)


def _band(left: list[SourceLine], right: list[SourceLine]) -> list[SourceLine]:
    """Two columns side by side: the left one, the right one, then the notes at the foot of each."""
    left, right = _top_down(left), _top_down(right)
    left_notes, right_notes = _foot_notes(left), _foot_notes(right)
    return left[: len(left) - len(left_notes)] + right[: len(right) - len(right_notes)] + left_notes + right_notes


_NOTE_TYPE = 0.9  # notes are set in type at most this share of the column's body size
_NOTE_OPENING = re.compile(r"^\s*(?:\d{1,3}|[*†‡§]{1,3})(?=\s|[A-Z])")


def _foot_notes(column: list[SourceLine]) -> list[SourceLine]:
    """The notes at the foot of a column (its lines top-down): the last lines, set in type smaller than the
    column's body, the first of them opening with a note number or symbol and holding words, under at least
    two body lines."""
    sizes = Counter()
    for line in column:
        sizes[line.font_size or 0] += len(line.text)
    if not sizes:
        return []
    body = max(sizes, key=lambda s: (sizes[s], s))
    k = len(column)
    while k > 0 and column[k - 1].font_size and column[k - 1].font_size <= _NOTE_TYPE * body:
        k -= 1
    notes = column[k:]
    if not notes or k < 2 or not (_NOTE_OPENING.match(notes[0].text) or (notes[0].raised and notes[0].raised[0][0] == 0)):
        return []
    if sum(ch.isalpha() for ch in notes[0].text) < 3:  # tick values of a chart ("10 20 30"), not a note
        return []
    return notes


_MAX_LABEL_WORDS = 6


def _band_label(line: SourceLine, right_column: list[SourceLine], across: list[SourceLine] = ()) -> bool:
    """A label in capitals over a list set in two columns ("WRITING GROUP"): in the left column, with the right
    column empty beside it and text in it above and below (or below, text across both columns). The lines
    under it in both columns are its group, so the columns above it are read out first (not the left column
    of every group before the right)."""
    letters = [ch for ch in line.text if ch.isalpha()]
    if len(letters) < 3 or not all(ch.isupper() for ch in letters) or len(line.text.split()) > _MAX_LABEL_WORDS:
        return False
    beside = any(min(r.bbox.bottom, line.bbox.bottom) - max(r.bbox.top, line.bbox.top) > 0.5 * min(r.bbox.height, line.bbox.height)
                 for r in right_column)  # on the same baseline, not merely touching the box of the line under it
    above = any(r.bbox.bottom <= line.bbox.top for r in right_column)
    below = any(r.bbox.top >= line.bbox.bottom for r in [*right_column, *across])  # more columns, or text across both
    return not beside and above and below


def _beside(line: SourceLine, other: SourceLine) -> bool:
    """`line` is set to the right of `other` at the same height, apart from it, in other type."""
    overlap = min(line.bbox.bottom, other.bbox.bottom) - max(line.bbox.top, other.bbox.top)
    return (
        overlap > 0.3 * min(line.bbox.height, other.bbox.height)
        and line.bbox.x0 - other.bbox.x1 >= (line.font_size or 10)
        and (line.font_name, line.font_size) != (other.font_name, other.font_size)
    )


def _sidebar(lines: list[SourceLine], page_width: float) -> set[int]:
    """Indexes (in `lines`) of a sidebar: three or more narrow lines, each beside a text line in other type."""
    side = {
        i for i, line in enumerate(lines)
        if line.bbox.width < _SIDEBAR_WIDTH * page_width and any(_beside(line, other) for other in lines if other is not line)
    }
    if len(side) < 3:
        return set()
    top = min(lines[i].bbox.top for i in side)
    bottom = max(lines[i].bbox.bottom for i in side)
    edges = [lines[i].bbox.x0 for i in side]
    return side | {  # a line of the same column set between them (its neighbour in the text overlapped it too little)
        i for i, line in enumerate(lines)
        if line.bbox.width < _SIDEBAR_WIDTH * page_width and top <= line.bbox.top and line.bbox.bottom <= bottom
        and any(abs(line.bbox.x0 - edge) <= 2 for edge in edges)
    }


def _after_paragraph(ordered: list[SourceLine], side: set[int]) -> list[SourceLine]:
    """The sidebar's lines moved after the paragraph they stand beside (the first break in the text below them)."""
    if not side:
        return ordered
    side_lines = [line for line in ordered if any(line is o for o in side)]
    main = [line for line in ordered if not any(line is o for o in side)]
    bottom = max(line.bbox.bottom for line in side_lines)
    at = len(main)
    for k in range(1, len(main)):
        previous, line = main[k - 1], main[k]
        if line.bbox.top > bottom and line.bbox.top - previous.bbox.bottom > 0.8 * (line.font_size or 10):
            at = k
            break
    return main[:at] + side_lines + main[at:]


def _top_down(lines: list[SourceLine]) -> list[SourceLine]:
    """Lines by their top, lines on one baseline (within a third of their size) left to right."""
    rows: list[list[SourceLine]] = []
    for line in sorted(lines, key=lambda l: l.bbox.top):
        if rows and abs(rows[-1][0].bbox.bottom - line.bbox.bottom) <= 0.35 * (line.font_size or 10):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda l: l.bbox.x0)]


def _gutter(lines: list[SourceLine]) -> tuple[float, float] | None:
    """The widest empty vertical strip between text with several lines on both sides, or None."""
    if len(lines) < 6:
        return None
    x0 = min(l.bbox.x0 for l in lines)
    x1 = max(l.bbox.x1 for l in lines)
    narrow = [l for l in lines if l.bbox.width < 0.55 * (x1 - x0)]
    if len(narrow) < 6:
        return None
    spans = sorted((l.bbox.x0, l.bbox.x1) for l in narrow)
    best: tuple[float, float] | None = None
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= _GUTTER_MIN and (best is None or start - reach > best[1] - best[0]):
            best = (reach, start)
        reach = max(reach, end)
    if best is None:
        return None
    left = sum(1 for l in narrow if l.bbox.x1 <= best[0])
    right = sum(1 for l in narrow if l.bbox.x0 >= best[1])
    crossing = sum(1 for l in lines if l.bbox.x0 < best[0] and l.bbox.x1 > best[1])
    return best if left >= 3 and right >= 3 and crossing < min(left, right) else None  # else: a sidebar, not columns


def printed_page_number(lines: list[SourceLine], height: float) -> str | None:
    """The page number as printed: a bare number (or roman numeral) alone in the top or bottom tenth of the page."""
    for line in reversed(lines):
        if line.bbox is None:
            continue
        in_margin = line.bbox.top > 0.88 * height or line.bbox.bottom < 0.12 * height
        match = _PRINTED_NUMBER.match(line.text.strip())
        if in_margin and match:
            return match.group(1)
    return None


def _page_label(pdf, index: int) -> str | None:
    try:
        label = pdf.get_page_label(index)
    except Exception:  # noqa: BLE001 - a malformed label tree only loses the label
        return None
    return label or None


def _meta(pdf) -> SourceMeta:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - a malformed info dictionary only loses the metadata
        return SourceMeta()
    authors = tuple(a.strip() for a in re.split(r";|\band\b", info.get("Author", "")) if a.strip())
    return SourceMeta(title=info.get("Title") or None, authors=authors)
