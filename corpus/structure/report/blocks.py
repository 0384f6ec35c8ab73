"""Blocks: body lines grouped into paragraphs, list items, captions and sources; assembly into one text and the section tree."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import bisect
from dataclasses import dataclass

from corpus.structure.lines import join_lines
from corpus.structure.model import SectionSpan
from corpus.structure.report.contents import ContentsEntry, entry_key
from corpus.structure.report.contributors import entry_name, is_contributor_page, is_role_label
from corpus.structure.report.cover import is_institution, is_name_list
from corpus.structure.report.headings import _body_width, _heading_at, _starts_block, recurring_labels
from corpus.structure.report.layout import Block, BodyLine
from corpus.structure.report.locale import TABLE_WORDS
from corpus.structure.report.outline import numbering
from corpus.structure.report.tables import leaves_table
from corpus.structure.report.patterns import (
    _BACKMATTER_RE, _BARE_LABEL_RE, _BULLET_RE, _CAPTION_RE, _closes_sentence, _CONNECTORS, _ends_sentence, _FULL_LINE,
    _is_caps, _is_title_case, _last_word, _LETTERED_HEADING_RE, _LONE_HEADING_NUMBER_RE, _NUMBERED_HEADING_RE, _SHORT_LINE,
    _FIGURE_NOTE_RE, _SOURCE_RE, _CHART_VALUES_RE, _LONE_DIVISION_RE, numbered_paragraph,
)


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
    """Number of leading lines forming a title page block (title, authors, institution), or 0; a banner in
    capitals (the institute's name) over a title in mixed case belongs to the block."""
    end = 0
    if (len(body) > 1 and _is_caps(body[0].text) and not _is_caps(body[1].text) and len(body[0].text) < 0.6 * width
            and not _BACKMATTER_RE.match(body[0].text)):
        end = 1
    while end < len(body):
        line = body[end]
        if end and line.source.page_break:
            break
        text = line.text
        if (
            len(text) >= _SHORT_LINE * width
            or _ends_sentence(text)
            or _NUMBERED_HEADING_RE.match(text)
            or _LONE_HEADING_NUMBER_RE.match(text)
            or _LETTERED_HEADING_RE.match(text)
            or numbering(text)
            or _is_caps(text)
            or _BACKMATTER_RE.match(text)
            or _LONE_DIVISION_RE.match(text)  # "Chapter 1" / title: the first heading
        ):
            break
        end += 1
    return end if end >= 2 else 0


def join_drop_caps(body: list[BodyLine]) -> list[BodyLine]:
    """A drop cap is extracted as a line of one capital letter before the rest of its word ("T" / "he
    internet ..."): the letter is put back in front of the line (markers shift by one)."""
    out: list[BodyLine] = []
    k = 0
    while k < len(body):
        line = body[k]
        nxt = body[k + 1] if k + 1 < len(body) else None
        if (len(line.text) == 1 and line.text.isupper() and line.text.isalpha() and nxt is not None
                and nxt.text[:1].islower() and not line.markers):
            out.append(BodyLine(line.text + nxt.text, nxt.page, nxt.source, [(o + 1, n) for o, n in nxt.markers]))
            k += 2
            continue
        out.append(line)
        k += 1
    return out


def build_blocks(body: list[BodyLine], entries: Sequence[ContentsEntry] = (),
                 title_block: Callable[[list[str]], bool] = lambda lines: True) -> list[Block]:
    """Group body lines into headings, paragraphs, list items, captions, sources and table rows;
    `entries` (the contents page's) are evidence for headings; `title_block` decides whether the short lines
    opening the body are a title block (front matter) rather than the first heading."""
    body = join_drop_caps(body)
    width = _body_width(body)
    contents = frozenset(entry_key(e.title) for e in entries)
    recurring = recurring_labels(body, width)
    blocks: list[Block] = []
    title_end = _title_block_end(body, width)
    if title_end and not title_block([line.text for line in body[:title_end]]):
        title_end = 0
    blocks.extend(Block("title", [line]) for line in body[:title_end])
    i = floor = title_end
    in_table = False
    labels = contributor_labels(body, width)
    while i < len(body):
        if blocks and blocks[-1].kind not in ("paragraph", "item"):
            floor = i
        line = body[i]
        prev = body[i - 1] if i > title_end else None
        nxt = body[i + 1] if i + 1 < len(body) else None
        if _BARE_LABEL_RE.match(line.text) and nxt is not None and not _ends_sentence(nxt.text) and len(nxt.text) < 0.9 * width:
            # the label alone on its line, the caption on the next: read them as one caption line
            line = BodyLine(f"{line.text.rstrip('.')} {nxt.text}", nxt.page, nxt.source, [])
            body = [*body[:i], line, *body[i + 2:]]
        caption = _CAPTION_RE.match(line.text)
        if caption:
            label_start = _chart_label_run(body, i, floor)
            if label_start < i:
                _drop_lines(blocks, body[label_start:i])
            i, in_table = _take_caption(body, i, width, blocks, caption.group(1))
            continue
        if _SOURCE_RE.match(line.text):
            in_table = False
            i = _take_wrapped(body, i, width, blocks, "source", contents=contents)
            continue
        if _FIGURE_NOTE_RE.match(line.text):
            in_table = False  # "Notes: ..." under (or above the source of) a figure: a block of its own
            i = _take_paragraph(body, i, width, blocks, contents=contents, kind="note")
            continue
        if in_table and leaves_table(line.text, width):
            in_table = False  # a table without a source line ends at a numbered heading or running text
        if in_table:
            blocks.append(Block("row", [line]))
            i += 1
            continue
        box = _fact_box_run(body, i, width)
        if box:
            blocks.extend(Block("row", [body[k]], style="box") for k in range(i, i + box))
            i += box  # a box of key facts ("AT A GLANCE" / "Berths: 14"): its lines are no heading and no paragraph
            continue
        if i in labels:
            blocks.append(Block("heading", [line], style=labels[i]))
            i += 1  # the heading of a contributor page, or one of its role groups
            continue
        graphic = _titled_graphic_run(body, i, width)
        if graphic:
            blocks.append(Block("caption", [line], style="unlabelled"))
            i += 1 + graphic  # a chart's title without a label, its labels and values, then its "Source:" line
            continue
        residue = _chart_residue_run(body, i)
        if residue:
            _mark_chart_title(blocks, width)
            i += residue  # tick values and labels of a chart: not body text
            continue
        heading = _heading_at(body, i, _previous_text_line(blocks, prev), width, contents, recurring)
        if heading:
            style, count = heading
            blocks.append(Block("heading", body[i : i + count], style=style))
            i += count
            continue
        if _BULLET_RE.match(line.text):
            i = _take_item(body, i, width, blocks, contents=contents)
            continue
        i = _take_paragraph(body, i, width, blocks, contents=contents)
    _demote_out_of_sequence(blocks)
    _demote_heading_lists(blocks, width)
    _demote_signatures(blocks, width)
    _demote_box_labels(blocks, width)
    return blocks


def _page_runs(body: list[BodyLine]) -> list[range]:
    """Index ranges of the body lines of each page."""
    starts = [k for k, line in enumerate(body) if k == 0 or line.source.page_break or line.page != body[k - 1].page]
    return [range(a, b) for a, b in zip(starts, [*starts[1:], len(body)])]


def contributor_labels(body: list[BodyLine], width: int) -> dict[int, str]:
    """Headings of contributor pages (people listed under two or more role labels): each role label ("Lead
    authors", "Peer reviewers") one below the page's heading, and that heading, a short line opening the page
    over a role label ("Review team"). Maps body indices to heading styles."""
    labels: dict[int, str] = {}
    for run in _page_runs(body):
        texts = [body[k].text for k in run]
        if not is_contributor_page(texts):
            continue
        first = run[0]
        if (len(run) > 1 and is_role_label(texts[1]) and len(texts[0]) < 0.5 * width
                and not _ends_sentence(texts[0]) and texts[0][:1].isupper()):
            labels[first] = "titled"
        labels.update({k: "list_label" for k in run if is_role_label(body[k].text) and k not in labels
                       and k + 1 in run and entry_name(body[k + 1].text)})  # over a name: a group, not a person's role
    return labels


_MIN_GRAPHIC_LABELS = 2


def _is_short_label(block: Block, width: int) -> bool:
    """A paragraph made only of short lines that end no sentence (labels of a graphic read as text)."""
    return block.kind == "paragraph" and all(len(line.text) < 0.5 * width and not _ends_sentence(line.text) for line in block.lines)


def _demote_box_labels(blocks: list[Block], width: int) -> None:
    """Labels in capitals that are no headings: a box label set right under a numbered heading over the box's
    list ("2.1 ..." / "KEY INFORMATION" / bullets), and the title of an infographic, a line in capitals over two
    or more short label lines with the next heading (set in another style) right after them. Both become lines
    of their own."""
    for k, block in enumerate(blocks):
        if block.kind != "heading" or block.style not in ("caps", "list_label"):
            continue
        text = " ".join(line.text for line in block.lines)
        if not _is_caps(text) or _NUMBERED_HEADING_RE.match(text) or _LONE_HEADING_NUMBER_RE.match(block.lines[0].text):
            continue
        before = blocks[k - 1] if k else None
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        box = (before is not None and before.kind == "heading" and before.style == "numbered"
               and after is not None and after.kind == "item")
        labels = 0
        while k + 1 + labels < len(blocks) and _is_short_label(blocks[k + 1 + labels], width):
            labels += 1
        following = blocks[k + 1 + labels] if k + 1 + labels < len(blocks) else None
        label_lines = [line for b in blocks[k + 1 : k + 1 + labels] for line in b.lines]
        # the next heading set in another style: a run of label headings in capitals over lists of names stays
        graphic = (len(label_lines) >= _MIN_GRAPHIC_LABELS and following is not None and following.kind == "heading"
                   and following.style != block.style)
        if box or graphic:
            block.kind, block.style = "row", "box"
        if graphic:
            blocks[k + 1 : k + 1 + labels] = [Block("row", [line], style="graphic") for line in label_lines]


_HONORIFIC_RE = re.compile(r"^(?:Professor|Prof\.|Dr\.?|Sir|Dame|The Rt Hon|Rt Hon|Mr\.?|Ms\.?|Mrs\.?)\s+")


def _demote_signatures(blocks: list[Block], width: int) -> None:
    """A heading is never a person's name: a name set alone under a paragraph is its signature ("Professor Ana
    Silva"), and the short unpunctuated lines right under it on its page (role, affiliation) sign with it."""
    k = 0
    while k < len(blocks):
        block = blocks[k]
        text = " ".join(line.text for line in block.lines)
        name = _HONORIFIC_RE.sub("", text)
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        signed = nxt is not None and not _has_prose(nxt, width) and is_institution(" ".join(line.text for line in nxt.lines))
        if (block.kind == "heading" and block.style in _LIST_STYLES + ("caps",) and is_name_list(name)
                and (name != text or len(name.split()) <= 3 and signed)):
            block.kind, block.style = "paragraph", ""
            j = k + 1
            while (j < len(blocks) and blocks[j].kind == "heading" and blocks[j].style in _LIST_STYLES
                   and blocks[j].lines[0].page == block.lines[-1].page and not blocks[j].lines[0].source.page_break
                   and all(len(line.text) < 0.7 * width for line in blocks[j].lines)):
                blocks[j].kind, blocks[j].style = "paragraph", ""
                j += 1
            k = j
            continue
        k += 1


_LIST_STYLES = ("titled", "labelled", "recurring", "sentence", "contents")
_MIN_HEADING_LIST = 3


def _has_prose(block: Block, width: int) -> bool:
    """A paragraph or list item with running text: a sentence end or a line near the body's full width."""
    text = " ".join(line.text for line in block.lines)
    sentence = text.rstrip("”’\"'").endswith((".", "!", "?")) and len(text.split()) >= 5
    return block.kind in ("paragraph", "item") and (sentence or any(len(line.text) >= 0.6 * width for line in block.lines))


def _demote_heading_lists(blocks: list[Block], width: int) -> None:
    """Headings govern text: where three or more unnumbered title-like "headings" follow one another with no
    running text between them (a list of names and affiliations, a directory page), they are list lines, not
    headings; the first heading of the stretch and label headings in capitals stay."""
    stretch: list[Block] = []
    for block in [*blocks, None]:
        if block is None or _has_prose(block, width):
            listed = [b for b in stretch[1:] if b.kind == "heading" and b.style in _LIST_STYLES]
            if len(listed) >= _MIN_HEADING_LIST:
                for b in listed:
                    b.kind, b.style = "paragraph", ""
            stretch = []
        else:
            stretch.append(block)


_FACT_LINE_RE = re.compile(r"^[A-Z][^:.;!?]{1,60}:\s+\S")  # "Berths in operation: 14", "Lead agency: Ministry of X"
_FACT_LINE = 0.6  # a fact line of a box is well short of the body's full width
_MIN_FACTS = 2


def _is_fact_line(line: BodyLine, width: int) -> bool:
    text = line.text
    return (bool(_FACT_LINE_RE.match(text)) and len(text) < _FACT_LINE * width and not _closes_sentence(text)
            and not line.markers and not _starts_block(line))


def _fact_box_run(body: list[BodyLine], i: int, width: int) -> int:
    """Lines of a box of key facts starting at body[i]: an optional label (a short line in capitals or title case
    without a sentence end) over two or more short "Label: value" lines; 0 if there is none. Boxes and
    infographics set such lines apart from the running text; they are neither headings nor paragraph text."""
    label = int(i < len(body) and not _is_fact_line(body[i], width) and len(body[i].text) < 0.5 * width
                and (_is_caps(body[i].text) or _is_title_case(body[i].text)) and not _closes_sentence(body[i].text)
                and not body[i].markers and not _starts_block(body[i]))
    j = i + label
    while j < len(body) and _is_fact_line(body[j], width) and (j == i or not body[j].source.page_break):
        j += 1
    return j - i if j - i - label >= _MIN_FACTS else 0


_RESIDUE_LINE = 30  # chart labels and tick values are short
_MIN_RESIDUE = 4


def _chart_residue_run(body: list[BodyLine], i: int) -> int:
    """Length of a run of chart residue from body[i]: short lines that are no sentences, no list items and
    carry no markers, most of them with a number (tick values, data labels, legend entries); 0 if none."""
    if i >= len(body) or not any(ch.isdigit() for ch in body[i].text):
        return 0  # a run starts at a value; a title above it stays a title
    j = i
    while (j < len(body) and len(body[j].text) <= _RESIDUE_LINE and not _ends_sentence(body[j].text)
           and not body[j].markers and not _starts_block(body[j]) and not _numbers_a_heading(body, j)
           and not _NUMBERED_HEADING_RE.match(body[j].text)):
        j += 1
    run = body[i:j]
    numeric = sum(1 for line in run if any(ch.isdigit() for ch in line.text))
    return len(run) if len(run) >= _MIN_RESIDUE and numeric * 2 >= len(run) else 0


def _titled_graphic_run(body: list[BodyLine], i: int, width: int) -> int:
    """Lines of a chart under an unlabelled title at body[i] ("Notices by sector, 2023" / "Transport" / "Health" /
    "0 50 100 150" / "Source: ..."): two or more short lines, one of them chart values, between a short title line
    that ends no sentence and a "Source:" line. Returns how many graphic lines follow the title (0 if none)."""
    title = body[i].text
    if (len(title) >= 0.6 * width or _ends_sentence(title) or body[i].markers or _starts_block(body[i])
            or _CHART_VALUES_RE.match(title) or not title[:1].isupper()):
        return 0
    k = i + 1
    while (k < len(body) and len(body[k].text) <= _RESIDUE_LINE and not _ends_sentence(body[k].text)
           and not body[k].markers and not _starts_block(body[k]) and not body[k].source.page_break):
        k += 1
    run = body[i + 1:k]
    sourced = k < len(body) and _SOURCE_RE.match(body[k].text)
    return len(run) if sourced and len(run) >= 2 and any(_CHART_VALUES_RE.match(line.text) for line in run) else 0


def _numbers_a_heading(body: list[BodyLine], j: int) -> bool:
    """A heading number on its own line ("1.2") before a title line longer than a chart label."""
    return bool(_LONE_HEADING_NUMBER_RE.match(body[j].text)) and (j + 1 >= len(body) or len(body[j + 1].text) > _RESIDUE_LINE)


def _mark_chart_title(blocks: list[Block], width: int) -> None:
    """The one-line title printed above a chart without a "Figure N" label becomes its caption."""
    if not blocks or len(blocks[-1].lines) != 1 or blocks[-1].kind not in ("heading", "paragraph"):
        return
    text = blocks[-1].lines[0].text
    if len(text) < 0.8 * width and not _ends_sentence(text) and text[:1].isupper():
        blocks[-1].kind, blocks[-1].style = "caption", "unlabelled"


def _top_number(block: Block) -> int | None:
    text = " ".join(line.text for line in block.lines)
    match = re.match(r"^(\d{1,3})(?:[.\s]|$)", text)
    return int(match.group(1)) if match and block.style == "numbered" else None


def _demote_out_of_sequence(blocks: list[Block]) -> None:
    """Numbered headings run 1, 2, 3 (sub-numbers under the same top number): a "heading" whose top number
    breaks the run is a numbered label of a chart or table ("74" / "Nigeria"), not a heading."""
    last: int | None = None
    for block in blocks:
        number = _top_number(block)
        if number is None:
            continue
        if (last is None and number <= _FIRST_CHAPTER_MAX) or (last is not None and number in (last, last + 1)):
            last = number
        else:
            block.kind, block.style = "paragraph", ""


_FIRST_CHAPTER_MAX = 9  # an excerpt may start at a later chapter, but not at "74"


def _previous_text_line(blocks: list[Block], prev: BodyLine | None) -> BodyLine | None:
    """The previous line for heading context; a preceding heading or caption counts as a paragraph end."""
    if blocks and blocks[-1].kind in ("heading", "caption", "source", "title", "row", "note"):
        return None
    return prev


def _drop_lines(blocks: list[Block], lines: list[BodyLine]) -> None:
    """Remove these body lines (figure-internal labels) from the end of the blocks, where they were placed;
    lines already left out (chart residue) are not in the blocks and nothing else is removed."""
    dropping = {id(line) for line in lines}
    while blocks and blocks[-1].lines and id(blocks[-1].lines[-1]) in dropping:
        blocks[-1].lines.pop()
        if not blocks[-1].lines:
            blocks.pop()


_MAX_CAPTION_LINES = 8


def _take_caption(body: list[BodyLine], i: int, width: int, blocks: list[Block], word: str) -> tuple[int, bool]:
    """A caption with its wrapped lines; for figures everything up to a nearby "Source:" line."""
    lines = [body[i]]
    j = i + 1
    is_table = word.lower() in TABLE_WORDS
    source_near = next(
        (k for k in range(j, min(j + 3, len(body))) if _SOURCE_RE.match(body[k].text)), None
    )
    while j < len(body) and not _starts_block(body[j]):
        if _NUMBERED_HEADING_RE.match(body[j].text) and _ends_sentence(lines[-1].text):
            break  # a numbered heading after a caption's closing sentence opens the text again
        if not is_table and _CHART_VALUES_RE.match(body[j].text):
            break  # the chart's values under the caption ("0", "2019 2021"): figure text, never caption
        if not is_table and source_near is not None and j < source_near:
            if _is_graphic_line(lines[-1], body[j], width):
                break  # the chart's values or legend under the caption: figure text, not caption
            lines.append(body[j])
        elif _caption_wraps(lines[-1], width) and len(lines) < 4 and not body[j].source.page_break:
            lines.append(body[j])
        elif (not is_table and ". " in _after_label(lines[0].text) and not _ends_sentence(lines[-1].text)
              and len(lines) < _MAX_CAPTION_LINES and not body[j].source.page_break):
            lines.append(body[j])  # a caption written as sentences runs on until its sentence ends
        else:
            break
        j += 1
    blocks.append(Block("caption", lines))
    return j + (0 if is_table else _legend_before_source(body, j, width)), is_table


def _is_graphic_line(previous: BodyLine, line: BodyLine, width: int) -> bool:
    """A line of the graphic under a caption: the chart's values ("60%", "2019 2020 2021"), or a one-word legend
    entry after a caption line that does not run on ("Public" under "... by source of finance")."""
    if _CHART_VALUES_RE.match(line.text):
        return True
    return len(line.text.split()) == 1 and line.text[:1].isupper() and not _line_wraps(previous, width)


def _after_label(text: str) -> str:
    """A caption line without its label: the full stop of "Figure 2." makes no sentence of the caption."""
    match = _CAPTION_RE.match(text)
    return text[match.end():] if match else text


_MAX_LEGEND_LINES = 8
_MAX_GRAPHIC_LINES = 30  # a bar chart with many categories: labels, then its tick values


def _legend_before_source(body: list[BodyLine], j: int, width: int) -> int:
    """Lines of a figure's graphic (legend entries, axis labels) between its caption and its "Source:" line:
    short lines that end no sentence and carry no markers, with the source (or a "Notes:" line) right after them. They are no
    body text, and the source belongs to the figure. Returns how many (0 when no source line follows them)."""
    k = j
    while (k < len(body) and k - j < _MAX_GRAPHIC_LINES and not _SOURCE_RE.match(body[k].text)
           and not _FIGURE_NOTE_RE.match(body[k].text)
           and len(body[k].text) < 0.5 * width and not _ends_sentence(body[k].text) and not body[k].markers
           and not _starts_block(body[k]) and not body[k].source.page_break):
        k += 1
    ends = k < len(body) and (_SOURCE_RE.match(body[k].text) or _FIGURE_NOTE_RE.match(body[k].text))
    if k - j > _MAX_LEGEND_LINES and not any(_CHART_VALUES_RE.match(line.text) for line in body[j:k]):
        return 0  # a long run of labels is a chart's only when it holds its values
    if k > j and not ends and _graphic_then_prose(body[j:k], body[k] if k < len(body) else None, width):
        return k - j  # no source line: the chart's labels and values end where the prose begins again
    return k - j if k > j and ends else 0


def _graphic_then_prose(run: list[BodyLine], after: BodyLine | None, width: int) -> bool:
    """Short lines under a caption that hold a line of chart values ("0 50 100 150", "2019 2020 2021") and are
    followed by a line of running text (a capital, wider than any of them): the graphic, not the next paragraph."""
    return (any(_CHART_VALUES_RE.match(line.text) for line in run) and after is not None
            and after.text[:1].isupper() and len(after.text) >= 0.6 * width)


def _take_wrapped(body: list[BodyLine], i: int, width: int, blocks: list[Block], kind: str, contents: frozenset[str] = frozenset()) -> int:
    lines = [body[i]]
    j = i + 1
    while j < len(body) and _line_wraps(lines[-1], width) and not _starts_block(body[j]) and len(lines) < 4:
        if _heading_at(body, j, lines[-1], width, contents):
            break
        if _ends_sentence(lines[-1].text) and body[j].text[:1].isupper() and len(body[j].text) >= 0.6 * width:
            break  # a source line ending its sentence over the full width: the running text starts again
        lines.append(body[j])
        j += 1
    blocks.append(Block(kind, lines))
    return j


def _take_item(body: list[BodyLine], i: int, width: int, blocks: list[Block], contents: frozenset[str] = frozenset()) -> int:
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
        if _heading_at(body, j, lines[-1], width, contents):
            break
        lines.append(line)
        j += 1
    blocks.append(Block("item", lines))
    return j


def _next_numbered_paragraph(opening: BodyLine, line: BodyLine) -> bool:
    """`line` opens the numbered paragraph after the one `opening` opens ("1. At its ..." then "2. The ...")."""
    number = numbered_paragraph(opening.text)
    return number is not None and numbered_paragraph(line.text) == number + 1


def _take_paragraph(body: list[BodyLine], i: int, width: int, blocks: list[Block], contents: frozenset[str] = frozenset(),
                    kind: str = "paragraph") -> int:
    lines = [body[i]]
    j = i + 1
    while j < len(body) and not _ends_paragraph(lines[-1], width):
        line = body[j]
        if _starts_block(line):
            break
        if _heading_at(body, j, lines[-1], width, contents):
            break
        if _ends_sentence(lines[-1].text) and _titled_graphic_run(body, j, width):
            break  # a chart's title under a paragraph ending on a full line
        if _ends_sentence(lines[-1].text) and _next_numbered_paragraph(lines[0], line):
            break  # "2. The present report ..." after paragraph 1 ending on a full line
        lines.append(line)
        j += 1
    blocks.append(Block(kind, lines))
    return j


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
