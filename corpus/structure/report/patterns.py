"""Shared patterns and text predicates of report typesetting (numbers, captions, headings, sentence ends)."""

from __future__ import annotations

import re

from corpus.structure.report.locale import (
    BACK_HEADS, CAPTION_CJK_GAP, CAPTION_WORDS, CJK_TERMINAL, FIGURE_NOTE_LABELS, FRONT_HEADS, HEADING_OPENERS, SOURCE_LABELS,
)


# --- patterns ---------------------------------------------------------------------------------------

_NOTE_START_RE = re.compile(r"^(\d{1,3})\.\s+(?=\S)")
# a note number without a full stop: "12 Smith, ..." (text starts with a capital, quote or digit) or alone on its line
_BARE_NOTE_START_RE = re.compile(r"^(\d{1,3})(?:\s+(?=[^\s\da-z]|\d{1,2}[A-Z])|$)")  # also "24 3GPP, ..."
# a note cut at the page foot: "(continued...)", "(continued on next page)"; where it resumes: "(...continued)",
# "(continued from previous page)", "(cont.)"
_CONTINUED_RE = re.compile(r"^\(?(?:\.{3}|…)?\s*(?:continued|cont\.)(?:\s+(?:on|from)\s+(?:the\s+)?(?:next|previous|following|preceding)"
                           r"\s+page)?\s*[.…]*\)?$", re.IGNORECASE)
# a marker set off by a space after sentence punctuation: "Accelerator. 21, 22 Now", "data center. 26"
_SPACED_MARKER_RE = re.compile(r"(?<=[.,;:”’\")]) (\d{1,3})(?=$|,|\s+[A-Z“\"(])")
# (not after a lone capital: "Q3 2023", "G7", "H1" are codes, not a word with its note number)
_MARKER_RE = re.compile(r"(?<=[^\s\d(\[/#$£€+\-–—])(?<!\b[A-Z])(\d{1,3})(?=$|[\s,;:)\]]|\.(?:\s|$))")
_MARKER_LIST_RE = re.compile(r"^,\s?(\d{1,3})(?=$|[\s,;:)\]])")
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4}|/\d{1,4})?$", re.IGNORECASE)  # "4", "4 of 6", "4/6"
_LEADING_NUMBER_RE = re.compile(r"^(\d{1,4})\s*([A-Z].*)$")
_TRAILING_NUMBER_RE = re.compile(r"^(.*[^\d\s,.;:])\s*(\d{1,4})$")
_BULLET_RE = re.compile(r"^(?:[•●▪◦∙\uf000-\uf0ff]$|[-•●▪◦∙*–]\s+|\([a-z]\)\s+|\(\d{1,2}\)\s+)")
_CAPTION_RE = re.compile(
    r"^(Figure|Fig\.|Table|Chart|Map|Exhibit|Graph|Diagram|FIGURE|FIG\.|TABLE|CHART|MAP|EXHIBIT|GRAPH|DIAGRAM|"
    + CAPTION_WORDS + r")(?:\s+|(?<=[图圖表]))"
    r"(\d{1,3}(?:[.\-–]\d{1,2})?|[A-Z]\d{0,2})(?:\s*[.:|–—]\s*|\s+(?=[A-Z“\"‘À-Ý])|" + CAPTION_CJK_GAP + r")(?=\S)"
)


_BARE_LABEL_RE = re.compile(r"^(?:Figure|Fig\.|Table|Chart|Map|Exhibit|FIGURE|TABLE|CHART|EXHIBIT)\s+(?:\d{1,3}(?:[.\-–]\d{1,2})?|[A-Z]\d{0,2})\.?$")
_SOURCE_RE = re.compile(r"^(?:Sources?|SOURCES?|Data|DATA|" + SOURCE_LABELS + r")\s*[:：]\s*")
# a line of a chart's values: tick labels, percentages, amounts, a row of years ("60%", "2019 2020 2021", "$40bn")
_CHART_VALUES_RE = re.compile(r"^(?:[-+−]?[$€£¥]?\d[\d.,]*\s*(?:%|bn|m|k)?\s*){1,12}$")
_FIGURE_NOTE_RE = re.compile(r"^(?:Notes?|" + FIGURE_NOTE_LABELS + r")\s*[:：]\s*(?=\S)")  # "Notes: ..." under a figure
_BLANK_PAGE_RE = re.compile(r"^\(?(?:this\s+page\s+(?:is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank|intentionally\s+left\s+blank)\.?\)?$", re.I)
_NUMBERED_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s+(?=[A-Z“\"‘'" + HEADING_OPENERS + "])")
# "1 APPLICATION OF ...", "2 Capabilities": a chapter number without a full stop, or parted from the title by a
# spaced dash or bar ("1 – Introduction", "02 | Market structure")
_BARE_NUMBERED_HEADING_RE = re.compile(r"^(\d{1,2})(?:\s+[–—|])?\s+(?=[A-Z“\"‘'])")
# a heading number printed alone on its line, the title on the next: "1.", "1.2", "1.2.1"
# a division's label alone on its line, its title on the next: "Chapter 3", "PART II", "Section 4."
_LONE_DIVISION_RE = re.compile(r"^(?:Chapter|Part|Section|Pillar|Module|CHAPTER|PART|SECTION|PILLAR|MODULE)\s+"
                               r"(?:\d{1,2}|[IVX]{1,5}|[A-Z]|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten"
                               r"|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\.?$")
_LONE_HEADING_NUMBER_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\.?)$")
# "a) Title", "ii) Title": lettered and roman sub-headings
_LETTERED_HEADING_RE = re.compile(r"^([a-h]|[ivx]{1,4})\)\s+(?=\S)")
_ROMAN_HEADING_RE = re.compile(r"^[IVXL]{1,6}\.\s+(?=\S)")
_LABELLED_HEADING_RE = re.compile(r"^[A-Z][a-z]{2,}\s+(?:\d{1,2}|[IVX]{1,4}|[A-Z])\s*[:.]\s+(?=\S)")
_APPENDIX_RE = re.compile(r"^(?:Appendix|Annex)\s+([A-Z0-9]{1,3})\b")
_BACKMATTER_RE = re.compile(
    r"^(?:About the Authors?|Acknowledge?ments|Notes|Endnotes|References|Bibliography|Conclusions?|"
    r"Glossary|Abbreviations|Acronyms|Executive Summary|Summary|Introduction|Foreword|Preface|" + FRONT_HEADS + "|" + BACK_HEADS + r")$",
    re.IGNORECASE,
)


_MENTION_RE = re.compile(r"\b(Figure|Fig\.|Table|Chart|Map|Exhibit|Graph|Diagram)s?\s+(\d{1,3})\b")
_APPENDIX_MENTION_RE = re.compile(r"\b(?:Appendix|Annex)\s+([A-Z0-9]{1,3})\b")
_IBID_RE = re.compile(r"^Ibid\b", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
_TERMINAL = (".", "?", "!", ":", "”", "’", '"', ")", "]", ";", *CJK_TERMINAL)
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


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL) or text.rstrip().endswith("?")


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


def _closes_sentence(text: str) -> bool:
    """Ends with sentence punctuation, looking through closing quotes and brackets."""
    return text.rstrip("”’\"')]").endswith((".", ":", ";", ",", "!"))


_PARAGRAPH_LINE = 50  # a numbered line this long, or ending a sentence, is a paragraph, not a heading
_PARAGRAPH_NUMBER_RE = re.compile(r"^(\d{1,3})\.\s+(?=[A-Z“\"‘])")


def numbered_paragraph(text: str) -> int | None:
    """The number of a numbered paragraph ("12. The Working Party requested ..."), as intergovernmental and
    government documents number their body paragraphs: "N." and a capital opening a sentence-length line (a short
    unpunctuated "N. Title" is a heading)."""
    match = _PARAGRAPH_NUMBER_RE.match(text)
    if not match:
        return None
    rest = text[match.end():]
    return int(match.group(1)) if len(rest) >= _PARAGRAPH_LINE or _ends_sentence(rest) else None
