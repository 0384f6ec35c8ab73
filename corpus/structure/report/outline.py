"""Outline numbering of Chinese and French reports: which numbering opens a heading, and its level.

Chinese reports number their divisions 第一章 > 第一节 > 壹、(Taiwan) > 一、 > （一） > 1. / 1、 > （1）, and decimal
numbers 1.1 / 1.1.1 below a plain arabic number; French (and many European) reports number I. > A. > 1. A heading
is such a number over a short line that ends no sentence, after a paragraph's end. Levels follow the order of the
numberings the document uses (a document without 一、 starts at （一）), so they do not depend on which are present.
"""

from __future__ import annotations

import re

from corpus.structure.cjk import cjk_share

_ZH_NUM = "一二三四五六七八九十百〇零两"
_ZH_CAPITAL = "壹贰貳叁參肆伍陆陸柒捌玖拾"
_CJK_TEXT = r"(?=\s*[\u3400-\u9fff“《])"
# (kind, rank, pattern): rank orders the numberings from the top of the hierarchy
_NUMBERINGS: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("part", 0, re.compile(rf"^第[{_ZH_NUM}\d]+[部编編篇](?:分)?(?:\s+|[、：:]\s*){_CJK_TEXT}")),
    ("chapter", 1, re.compile(rf"^第[{_ZH_NUM}\d]+章(?:\s+|[、：:]\s*)?{_CJK_TEXT}")),
    ("section", 2, re.compile(rf"^第[{_ZH_NUM}\d]+[节節](?:\s+|[、：:]\s*)?{_CJK_TEXT}")),
    ("zh_capital", 3, re.compile(rf"^[{_ZH_CAPITAL}]{{1,3}}[、．]\s*{_CJK_TEXT}")),
    ("zh_number", 4, re.compile(rf"^[{_ZH_NUM}]{{1,3}}[、．]\s*{_CJK_TEXT}")),
    ("zh_paren", 5, re.compile(rf"^[（(][{_ZH_NUM}]{{1,3}}[）)]\s*{_CJK_TEXT}")),
    ("arabic", 6, re.compile(rf"^\d{{1,2}}(?:[.．、]\s*|\s+){_CJK_TEXT}")),
    ("decimal", 6.1, re.compile(rf"^\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?\s*{_CJK_TEXT}")),
    ("arabic_paren", 7, re.compile(rf"^[（(]\d{{1,2}}[）)]\s*{_CJK_TEXT}")),
    ("roman", 3, re.compile(r"^[IVXL]{1,6}\.\s+(?=[A-ZÀ-Ý“«‘’'])")),
    ("letter", 4, re.compile(r"^[A-H]\.\s+(?=[A-ZÀ-Ý“«‘’'][\w’']*\s+\S)")),
    ("latin_arabic", 6, re.compile(r"^\d{1,2}\.\s+(?=[A-ZÀ-Ý“«‘’'])")),
    ("latin_decimal", 6.1, re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-ZÀ-Ý“«‘’'])")),
)
_CJK_KINDS = frozenset(k for k, rank, _ in _NUMBERINGS if not k.startswith(("roman", "letter", "latin")))
_SENTENCE_END = tuple("。！？；：，.;:!?,")
_MAX_HEADING_SHARE = 0.8  # a heading's line is shorter than the body's full line
_MAX_CJK_HEADING = 40  # characters
# a person's initial inside a title ("A. Smith and B. Jones argue ..."): a line opening with an initial is a sentence
_INITIAL_NAME_RE = re.compile(r"\b[A-Z]\.\s+[A-Z][a-z]")


# in a heading already found, a letter numbers a title of one word too ("A. Infrastructure")
_HEADING_LETTER_RE = re.compile(r"^[A-H]\.\s+(?=[A-ZÀ-Ý“«‘’'])")


def numbering(text: str, heading: bool = False) -> tuple[str, float, int] | None:
    """The numbering kind a line opens with, its rank, and where the title starts; None for none. A `heading`'s
    letter may number a one-word title."""
    for kind, rank, pattern in _NUMBERINGS:
        match = (_HEADING_LETTER_RE if heading and kind == "letter" else pattern).match(text)
        if match:
            depth = text[: match.end()].strip().rstrip(".").count(".") if kind.endswith("decimal") else 0
            return kind, rank + 0.1 * max(depth - 1, 0), match.end()
    return None


def is_outline_heading(text: str, prev_ends: bool, width: int) -> bool:
    """A Chinese-numbered heading line ("一、总体态势", "（二）结构不断优化", "1. 场内交易"): the number over a short
    title that ends no sentence, after a paragraph's end (or a heading). French numberings are left to the
    general heading rules, except "A." which they do not know (a title holding another person's initial, "A. Smith
    and B. Jones argue ...", is a sentence opened by an initial)."""
    found = numbering(text)
    if found is None or not prev_ends:
        return False
    kind, _, end = found
    title = text[end:].strip()
    if not title or title.endswith(_SENTENCE_END) or len(text) >= _MAX_HEADING_SHARE * width:
        return False
    if kind in _CJK_KINDS:
        return cjk_share(title) >= 0.5 and len(text) <= _MAX_CJK_HEADING
    return kind == "letter" and len(title.split()) <= 14 and not _INITIAL_NAME_RE.search(title)


def outline_levels(texts: list[str], levels: list[int]) -> list[int]:
    """Heading levels by outline numbering when the document numbers its headings the Chinese way or I. > A. > 1.:
    a numbered heading is one level below the open headings numbered higher in the hierarchy ("（1）" right under
    "（一）" is level 3, under "1." level 4); an unnumbered heading ("前言", "Conclusion") is at the top level.
    Other documents keep `levels`."""
    found = [numbering(t, heading=True) for t in texts]
    kinds = {f[0] for f in found if f}
    chinese = bool(kinds & _CJK_KINDS)
    french = "letter" in kinds and "roman" in kinds
    if not chinese and not french:
        return levels
    out: list[int] = []
    stack: list[float] = []  # ranks of the open numbered headings
    for f in found:
        if f is None or (f[0] in _CJK_KINDS) != chinese:
            stack = []
            out.append(1)
            continue
        while stack and stack[-1] >= f[1]:
            stack.pop()
        stack.append(f[1])
        out.append(len(stack))
    return out


def apply_outline_levels(blocks: list) -> None:
    """Set the levels of the heading blocks by `outline_levels` (in place)."""
    headings = [b for b in blocks if b.kind == "heading"]
    texts = [" ".join(line.text for line in b.lines) for b in headings]
    for block, level in zip(headings, outline_levels(texts, [b.level for b in headings])):
        block.level = level
