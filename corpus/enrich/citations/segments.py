"""Segmenting a note into candidate references: sentences, semicolons, 'See also', lists of court cases."""

from __future__ import annotations

import re

from corpus.enrich.citations.model import _Draft
from corpus.enrich.citations.patterns import _COMMENT_START, _DATE, _LOCATOR, _URL
from corpus.enrich.citations.text import _has_cjk, _prose, _span, _split_outside


_SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][”\"]))\s+(?=[A-Z“\"《\u4e00-\u9fff])")
_ABBREV_END = re.compile(
    r"(?:\b(?:[A-Z]|v|vs|p|pp|vol|no|ed|eds|et al|Dr|Mr|Mrs|Ms|St|Jr|Sr|Inc|Ltd|Co|Corp|U\.S|U\.K|e\.g|i\.e|cf|op\. cit|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|Art|para|paras|Nos|D\.C|Fed|Reg|Stat|Cong|Sess|Rev|Univ|Dept|Assn|Doc)\.)$"
)
_SEMICOLON = re.compile(r";\s+(?:and\s+)?")
_SEE_ALSO = re.compile(r"\s+(?=See also\b)|,?\s+(?=as cited in\b)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a note; a period after an initial or abbreviation does not end a sentence."""
    spans = []
    cut = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[cut : m.start()]
        if _ABBREV_END.search(head) or _inside_quote(text, cut, m.start()) or _inside_brackets(text, cut, m.start()):
            continue
        if _DATE.match(text, m.end()) and not re.match(r"\d{4}\b", text[m.end():]):
            continue  # 'China Econ Talk Podcast. December 22, 2017.': a date is not a sentence
        spans.append((cut, m.start()))
        cut = m.end()
    spans.append((cut, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _inside_quote(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("“") > chunk.count("”") or chunk.count('"') % 2 == 1


def _inside_brackets(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("(") > chunk.count(")")


def _evidence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] carries a mark of a reference: URL, quoted title, CJK title, date."""
    chunk = text[start:end]
    return bool(_URL.search(chunk) or re.search(r"[“\"«]", chunk) or _has_cjk(chunk) or _DATE.search(chunk))


def _segments(text: str) -> list[tuple[int, int]]:
    """Candidate reference spans: sentences, split again at semicolons and 'See also' between references."""
    result = []
    for s, e in _sentences(text):
        pieces = _split_outside(text, s, e, _SEMICOLON)
        # join pieces back when one side has no evidence of being a reference ("5G; NG-RAN; ...")
        merged: list[tuple[int, int]] = []
        for ps, pe in pieces:
            prose = any(_COMMENT_START.match(text[a:b].strip()) for a, b in ((ps, pe), merged[-1])) if merged else False
            if merged and not prose and not (_evidence(text, ps, pe) and _evidence(text, *merged[-1])):
                merged[-1] = (merged[-1][0], pe)
            else:
                merged.append((ps, pe))
        for ps, pe in merged:
            for qs, qe in _split_outside(text, ps, pe, _SEE_ALSO):
                cut = qs
                for m in _AND_AFTER_LOCATOR.finditer(text, qs, qe):
                    loc = _LOCATOR.search(text, cut, m.start())
                    if loc and loc.end() == m.start():
                        result.append((cut, m.start()))
                        cut = m.end()
                result.append((cut, qe))
    return result


_AND_AFTER_LOCATOR = re.compile(r"(?<=\d)\s+and\s+(?=[A-Z])")
_CASE_NUMBER = re.compile(r"\(\s*(?:Case\s+)?[CT][-‑‐]\d+/\d+\s*\)")


def _case_list(text: str, start: int, end: int) -> list[_Draft]:
    """Court cases named with their case numbers: 'Google Spain SL, Google Inc. v AEPD (C-131/12), Weltimmo v NAIH (C-230/14) and ...'."""
    numbers = list(_CASE_NUMBER.finditer(text, start, end))
    if not numbers:
        return []
    drafts = []
    cut = start
    for m in numbers:
        title = _span(text, cut, m.start(), " ,.;:")
        if title is None or _prose(title.value) or not re.match(r"[A-Z]", title.value):
            return []
        draft = _Draft(title.start, m.end(), title=title, type_hint="law_policy")
        drafts.append(draft)
        follow = re.match(r"\s*(?:,|and\b)\s*", text[m.end() : end])
        cut = m.end() + (follow.end() if follow else 0)
    if text[cut:end].strip(" .,;"):
        return []  # more text than the list of cases
    return drafts
