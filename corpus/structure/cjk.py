"""Chinese, Japanese and Korean characters in extracted text: what they are and how wrapped lines join.

CJK text is set without spaces between words: a line wrapped inside a sentence is joined to the next line
without a space, and no space is put between a CJK character and a Latin word or number written inside it
("占GDP比重", "达到53.9万亿元"). Pure functions, shared by the report and news structurers.
"""

from __future__ import annotations

import re

# ideographs (incl. extension A and compatibility), kana, hangul
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# CJK symbols and punctuation (、。〈〉《》「」『』【】〔〕), full-width forms (，：；！？（）％), circled numbers
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2460-\u2473"
CJK_RE = re.compile(f"[{_CJK_CHARS}]")
_WIDE_RE = re.compile(f"[{_CJK_CHARS}{_CJK_PUNCT}]")
_QUOTES = "“”‘’\"'"


def is_cjk(ch: str) -> bool:
    """A CJK ideograph, kana or hangul syllable."""
    return bool(ch) and bool(CJK_RE.fullmatch(ch))


def is_wide(ch: str) -> bool:
    """A CJK character or a CJK / full-width punctuation mark."""
    return bool(ch) and bool(_WIDE_RE.fullmatch(ch))


def cjk_share(text: str) -> float:
    """Share of CJK characters among the letters of `text` (0 when it has none)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if is_cjk(ch)) / len(letters) if letters else 0.0


def _edge(text: str, end: bool) -> str:
    """The character at the start or end of `text`, looking through quotes to the character they hug."""
    chars = text[::-1] if end else text
    for k, ch in enumerate(chars):
        if ch not in _QUOTES:
            return ch
        if k + 1 < len(chars) and is_wide(chars[k + 1]):
            return chars[k + 1]
    return chars[:1]


def joins_without_space(left: str, right: str) -> bool:
    """Whether wrapped line `right` goes on `left` without a space: a CJK character or CJK punctuation on one
    side of the break, and on the other side CJK as well, or a letter or digit written inside CJK text."""
    if not left or not right:
        return False
    tail, head = _edge(left, True), _edge(right, False)
    if is_wide(tail):
        return is_wide(head) or head.isalnum() or head in _QUOTES
    return is_wide(head) and (tail.isalnum() or tail in _QUOTES or tail == "%")


def join_cjk_aware(parts: list[str] | tuple[str, ...]) -> str:
    """Join short pieces (cover lines, heading lines) with a space, or without one where CJK text meets."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        out = part if not out else out + ("" if joins_without_space(out, part) else " ") + part
    return out
