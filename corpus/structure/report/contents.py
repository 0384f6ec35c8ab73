"""Contents pages: recognised by their heading or their leaders and page numbers, kept out of the body, and
read as evidence of the real headings (entry titles with their numbering)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.structure.report.indents import leader_extent
from corpus.structure.report.layout import Line
from corpus.structure.report.locale import CONTENTS_HEADS


_CONTENTS_HEAD_RE = re.compile(r"^(?:table of contents|contents|list of (?:figures|tables|boxes|exhibits|charts)|figures|tables|"
                               + CONTENTS_HEADS + r")$", re.I)
_LEADER_RE = re.compile(r"(?:\s*\.\s*){4,}|…{2,}|(?:\s*·\s*){4,}")
_PAGE_REF_RE = re.compile(r"^(.*?)(?:\s*(?:\.\s*){2,}|\s*…+|\s+)(\d{1,3}|[ivxlc]{1,6})$", re.I)
_LONE_NUMBER_RE = re.compile(r"^(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}\.?)$")
_ENTRY_NUMBER_RE = re.compile(r"^(?:(\d{1,2}(?:\.\d{1,2})*)\.?|([IVX]{1,5})\.|([a-z])\)|([ivx]{1,4})\))\s+")
_CONTENTS_SHARE = 0.3  # share of a page's lines that are leaders or page numbers on a contents page
_MAX_CONTENTS_START = 8  # a contents page is among the first pages


@dataclass(frozen=True)
class ContentsEntry:
    """One contents entry: its title without leaders and page number; `number` as printed ("1.2", "II")."""

    title: str
    number: str | None
    paged: bool = True  # printed with leaders or a page number (False: a line above the entries, e.g. the title)
    leader_line: str | None = None  # the printed line when it has a dot leader and a page number (indents.py)


def _contents_like(text: str) -> bool:
    return bool(_LEADER_RE.search(text) or _LONE_NUMBER_RE.match(text) or _PAGE_REF_RE.match(text) and _LEADER_RE.search(text))


def is_contents_page(page: list[Line]) -> bool:
    """A page headed "Contents" (or a list of figures/tables), or one whose lines are mostly leaders and page numbers."""
    texts = [line.text for line in page]
    if not texts:
        return False
    if any(_CONTENTS_HEAD_RE.match(t) for t in texts[:3]):
        return True
    share = sum(1 for t in texts if _contents_like(t)) / len(texts)
    return len(texts) >= 5 and share >= _CONTENTS_SHARE and sum(1 for t in texts if _LEADER_RE.search(t)) >= 3


def find_contents_pages(pages: list[list[Line]]) -> list[int]:
    """Indices of the contents pages: the first contents page among the first pages and those following it."""
    found: list[int] = []
    for p, page in enumerate(pages[:_MAX_CONTENTS_START + 4]):
        if is_contents_page(page) and (not found and p < _MAX_CONTENTS_START or found and p == found[-1] + 1):
            found.append(p)
        elif found:
            break
    return found


def contents_entries(pages: list[list[Line]]) -> list[ContentsEntry]:
    """Entry titles of the contents pages, leaders, page numbers and lone numbers removed."""
    entries: list[ContentsEntry] = []
    for page in pages:
        for line in page:
            text = line.text.strip()
            leader_line = text if leader_extent(text) is not None else None
            if _LONE_NUMBER_RE.match(text) or _CONTENTS_HEAD_RE.match(text):
                continue
            match = _PAGE_REF_RE.match(text)
            paged = bool(_LEADER_RE.search(text) or match)
            if match and (_LEADER_RE.search(text) or match.group(1)):
                text = match.group(1)
            text = _LEADER_RE.sub(" ", text).strip(" .")
            if not text or not any(ch.isalpha() for ch in text):
                continue
            number = _ENTRY_NUMBER_RE.match(text)
            entries.append(ContentsEntry(text, next((g for g in number.groups() if g), None) if number else None, paged, leader_line))
    return entries


def entry_key(text: str) -> str:
    """Comparison form of a heading or an entry: numbering, case, punctuation and spacing ignored."""
    text = _ENTRY_NUMBER_RE.sub("", text.strip())
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()
