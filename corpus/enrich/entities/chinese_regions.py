"""Chinese named regions and zones that no gazetteer lists, known by their heads (part of `thinktank_zh_rules`):
"雄安新区", "粤港澳大湾区", "长江经济带", "广西自贸区", "北部都會區" (GPE). The words before the head are the name
when they are short (two to four characters, more after a known place: "上海临港新片区") and not a verb
("建设自贸区"), a rank ("国家级新区"), a count or a pointer ("该新区", "各自贸区")."""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.enrich.entities.vocab import entries

REGION_HEADS = tuple(sorted(entries("zh_region_heads"), key=lambda w: (-len(w), w)))
REGION_VERBS = tuple(sorted(entries("zh_region_verbs"), key=lambda w: (-len(w), w)))
_HEAD = re.compile("|".join(REGION_HEADS))
_NOT_A_NAME = re.compile(r"^[该本此其各这那每多两几全]|[级类型性个些]$|^[\d一二两三四五六七八九十百]+")


_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# a district named on its own: two characters and 区 between punctuation or conjunctions ("海淀区的", "、南山区和")
_DISTRICT = re.compile(rf"(?:^|(?<=[，。；：、（(「“,;:\s与和及在]))([{_CJK}]{{2}}区)(?=[的和与及、，。；：）)」”,;:.\s]|人民政府|政府|$)")


def district_spans(text: str, common_words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) spans of districts standing on their own in `text` (Simplified), except common words ending
    in 区 (`common_words`: "地区", "社区", "园区") and pointers ("该区")."""
    return [m.span(1) for m in _DISTRICT.finditer(text)
            if m.group(1)[1:] not in common_words and not _NOT_A_NAME.search(m.group(1)[:2])
            and not any(m.group(1).endswith(h) for h in REGION_HEADS)]


def region_spans(text: str, name_start: Callable[[str, int], int], starts_with_place: Callable[[str], int]) -> list[tuple[int, int]]:
    """(start, end) spans of named regions in `text` (Simplified). `name_start(text, end)` is where the run of
    name characters ending at `end` starts; `starts_with_place(run)` the length of a known place opening `run`
    (0 if none)."""
    spans = []
    for m in _HEAD.finditer(text):
        start = name_start(text, m.start())
        # a verb may begin before the run: the run stops at a function character that also opens a verb (依 in 依托)
        before = max(0, start - 1)
        run = text[before:m.start()]
        start = max(start, before + max((run.rindex(v) + len(v) for v in REGION_VERBS if v in run), default=0))
        run = text[start:m.start()]
        place = starts_with_place(run)
        if not 2 <= len(run) <= (max(4, place + 4) if place else 4) or _NOT_A_NAME.search(run):
            continue
        spans.append((start, m.end()))
    return spans
