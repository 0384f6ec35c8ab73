"""Small text helpers: spans stripped of punctuation, URLs, dates (normalised by `dateparser`), prose and name tests."""

from __future__ import annotations

import functools
import re
import unicodedata

from corpus.enrich.citations.model import Span
from corpus.enrich.citations.patterns import _ACCESSED, _CJK_RE, _DATE, _ED, _ET_AL, _FUNCTION_WORDS, _ORG_WORDS, _PERSON, _PROSE_OPENER, _QUOTE_PAIRS, _URL


def _has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def _strip_span(text: str, start: int, end: int, chars: str = " ,.;:") -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return start, end


def _span(text: str, start: int, end: int, chars: str = " ,.;:") -> Span | None:
    start, end = _strip_span(text, start, end, chars)
    return Span(text[start:end], start, end) if end > start else None


def _urls(text: str, start: int, end: int) -> list[Span]:
    spans = []
    for m in _URL.finditer(text, start, end):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in ".,;:)”’\"'":
            if text[e - 1] == ")" and text[s:e].count("(") >= text[s:e].count(")"):
                break
            e -= 1
        spans.append(Span(text[s:e], s, e))
    return spans


def _split_outside(text: str, start: int, end: int, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split text[start:end] at matches of `separators` that stand outside brackets, quotes and dates."""
    protected = [(m.start(), m.end()) for m in _DATE.finditer(text, start, end)]
    parts = []
    depth = 0
    quote: str | None = None
    cut = start
    i = start
    while i < end:
        ch = text[i]
        if quote:
            if ch in _QUOTE_PAIRS.get(quote, "”"):
                quote = None
            i += 1
            continue
        if ch in "“«" or (ch == '"' and (i == start or not text[i - 1].isalnum())):
            quote = ch
            i += 1
            continue
        if ch in "([（【":
            depth += 1
        elif ch in ")]）】" and depth:
            depth -= 1
        elif depth == 0 and not any(a < i < b for a, b in protected):
            m = separators.match(text, i, end)
            if m and m.end() > i:
                parts.append((cut, i))
                cut = m.end()
                i = m.end()
                continue
        i += 1
    parts.append((cut, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def _is_org_name(name: str) -> bool:
    """A short capitalised name with an organisation word ('State Council', 'Ministry of Commerce (MOFCOM)')."""
    words = name.split()
    return 1 <= len(words) <= 8 and name[:1].isupper() and bool(_ORG_WORDS.search(name)) and not _prose(name) and not _DATE.search(name)


def _is_person(name: str) -> bool:
    name = _ET_AL.sub("", _ED.sub("", name.strip())).strip()
    if not name or _ORG_WORDS.search(name) or len(name) > 40:
        return False
    if _has_cjk(name):
        return 2 <= len(name) <= 4 and all(_CJK_RE.match(c) for c in name)
    return bool(_PERSON.match(name))


@functools.lru_cache(maxsize=4096)
def _date_iso(surface: str) -> str | None:
    """ISO form of a date surface, as precise as printed (dateparser reports the precision)."""
    surface = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", surface)
    if re.fullmatch(r"(?:19|20)\d\d", surface.strip()):
        return surface.strip()
    data = _date_parser().get_date_data(surface)
    if data is None or data.date_obj is None:
        year = re.search(r"(?:19|20)\d\d", surface)
        return year.group(0) if year else None
    d = data.date_obj
    return {"day": f"{d:%Y-%m-%d}", "month": f"{d:%Y-%m}"}.get(data.period or "", f"{d:%Y}")


@functools.lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    # absolute dates only: the relative-date ("freshness") parser costs most of the time and is never needed here
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "PARSERS": ["absolute-time"]})


def _dates(text: str, start: int, end: int) -> list[Span]:
    """Date surfaces in text[start:end], skipping access dates and numbers inside URLs."""
    urls = _urls(text, start, end)
    found = []
    for m in _DATE.finditer(text, start, end):
        if any(u.start <= m.start() < u.end for u in urls):
            continue
        before = text[max(start, m.start() - 20) : m.start()]
        if _ACCESSED.search(before):
            continue
        found.append(Span(m.group(0), m.start(), m.end()))
    return found


def _norm(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold()
    value = re.sub(r"[\"“”‘’'«».,:;!?()\[\]]", " ", value)
    return " ".join(value.split())


def _prose(chunk: str) -> bool:
    """Running prose rather than a name or a title: sentence case with several function words."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", chunk)
    if len(words) >= 3 and re.match(r"(?:we|i|our|this|these|it|there)\b", chunk.strip(), re.I):
        return True
    if len(words) < 6:
        return bool(_PROSE_OPENER.match(chunk.strip())) and len(words) >= 3
    function = sum(1 for w in words if w in _FUNCTION_WORDS)
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return function >= 2 and capitalised < 0.5 * len(content)


def _sentence_case(chunk: str) -> bool:
    """Most words after the first are lowercase (prose), unlike a title or a name in title case."""
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", chunk)[1:]
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 3 and bool(content) and sum(w[0].isupper() for w in content) < 0.34 * len(content)
