"""Structure step for short web news items: title, byline metadata, navigation, image placeholders, body.

A news item as scraped to plain text is a title line, an optional byline ("Posted: March 3, 2025 | By X",
"RCI en ligne|20-12-2024 06:09:47", "来源：X 时间：2025-04-18"), sometimes the title again, body
paragraphs with image file-name lines between them, and navigation lines ("Next: ...", "上一篇：...").
Every line is classified on its own, so the rules do not depend on blank-line conventions; bylines and
navigation are removed from the clean text but kept in `boilerplate`, never silently dropped.

Dates are recorded only as far as they are stated: a byline date gives `published_date` only when it has
a year; "On August 11" in the body gives the partial ISO date "--08-11" in `event_dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from corpus.structure.model import FigureSpan, SectionSpan, StructuredDocument

from corpus.structure.news_dates import (  # noqa: F401 - re-exported: callers import them from here
    _WEEKDAYS,
    DateMention,
    _parse_time,
    find_dates,
    parse_date_time,
)

# --------------------------------------------------------------------------------------------------
# Line classes.

_NAV_WORDS = (
    r"(?:last|next|previous|prev|older|newer|earlier|later)(?:\s+(?:article|post|story|item|news|entry|page))?"
    r"|(?:article|billet|page)\s+(?:précédent|precedent|suivant)e?|(?:précédent|precedent|suivant)e?(?:\s+article)?"
    r"|(?:vorheriger|nächster|naechster)\s+(?:artikel|beitrag)|(?:artículo|noticia)\s+(?:anterior|siguiente)"
    r"|related(?:\s+(?:articles?|posts?|stories|news))?|read\s+(?:more|also)|see\s+also|lire\s+aussi|à\s+lire\s+aussi"
)
_NAV_RE = re.compile(
    r"^[\s«‹<←\[(]*(?P<key>" + _NAV_WORDS + r")\s*(?:[:：]\s*(?P<title>.*?)|[\s»›>→\])]*)$",
    re.IGNORECASE,
)
_NAV_ZH_RE = re.compile(
    r"^(?P<key>上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇|上篇|下篇|相关阅读|相关新闻|延伸阅读|相关链接)"
    r"\s*[:：]?\s*(?P<title>.*)$"
)
_IMAGE_RE = re.compile(
    r"^(?:\S+/)?(?P<name>[^\s/\\][^/\\]{0,100}?\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif))$", re.IGNORECASE
)

# Byline labels: what the value after them is.
_LABELS: tuple[tuple[str, str], ...] = (
    ("date", r"(?:posted|published|released|date|dated|updated|last\s+updated|publication\s+date)(?:\s+(?:on|at))?"),
    ("date", r"(?:publié|publie|mis\s+à\s+jour|date\s+de\s+publication)(?:\s+(?:le|à))?|le"),
    ("date", r"(?:veröffentlicht|aktualisiert|datum)(?:\s+am)?|(?:publicado|actualizado|fecha)(?:\s+el)?"),
    ("date", r"发布时间|发表时间|发布日期|更新时间|时间|日期"),
    ("author", r"by|written\s+by|author|authors|par|auteur|auteurs|von|por|autor|作者|文|记者|撰文"),
    ("publisher", r"source|from|publisher|source\s*/\s*publisher|来源|出处|发布单位|rédaction|quelle|fuente"),
    ("editor", r"editor|edited\s+by|éditeur|编辑|责任编辑|责编|审核|校对"),
)
_LABEL_ALT = "|".join(f"(?P<{kind}{i}>{pattern})" for i, (kind, pattern) in enumerate(_LABELS))
_SEGMENT_SPLIT = re.compile(r"\s*[|｜•·]\s*|\s{3,}|\t+")
_CJK_LABEL_SPLIT = re.compile(r"\s+(?=(?:来源|时间|日期|作者|编辑|责任编辑|发布时间|记者|出处)\s*[:：])")
_LABELLED = re.compile(r"^(?:" + _LABEL_ALT + r")(?:\s*[:：]\s*|\s+)(?P<value>\S.*)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b|、|，|和|与)\s*", re.IGNORECASE)
_NAME_OK = re.compile(r"^[^\d@:/]{2,60}$")
_SENTENCE_END = re.compile(r"[.!?。！？…:;：；]$|[.!?。！？][\"'”’»」』)]$")

BYLINE_MAX_CHARS = 160
HEADING_MAX_CHARS = 80
HEADING_MAX_WORDS = 12


@dataclass
class _Byline:
    date: dt.date | None = None
    time: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    partial_date: str | None = None  # a byline date without a year: recorded, never completed
    ambiguous: bool = False


_NAME_PARTICLES = {"de", "del", "della", "di", "da", "dos", "du", "van", "von", "der", "den", "bin", "binti", "al", "le", "la", "y"}


def _looks_like_name(name: str) -> bool:
    """A person's name: capitalised words (particles allowed), or a short run of CJK characters."""
    if not _NAME_OK.match(name):
        return False
    if all(_is_cjk(ch) or ch in "·・" for ch in name):
        return 2 <= len(name) <= 10
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and words[0][:1].isupper()


def _split_names(value: str) -> tuple[str, ...]:
    names = tuple(n.strip(" .") for n in _NAME_SPLIT.split(value) if n.strip(" ."))
    return names if names and all(_looks_like_name(n) for n in names) else ()


def _read_date_value(value: str, month_first: bool, byline: _Byline) -> bool:
    parsed = parse_date_time(value, month_first)
    if parsed is None:
        return False
    mention, time = parsed
    if mention.date is not None:
        byline.date = byline.date or mention.date
    else:
        byline.partial_date = byline.partial_date or mention.iso
    byline.time = byline.time or time
    byline.ambiguous = byline.ambiguous or mention.ambiguous
    return True


def parse_byline(line: str, month_first: bool = False) -> _Byline | None:
    """Read a byline/dateline; None unless every part of the line is understood and one gives a date,
    an author or a source.

    Handles "Posted: March 3, 2025 | By Helena Marsh", "RCI en ligne|20-12-2024 06:09:47",
    "来源：X 时间：2025-04-18", "By X | 12 March 2025", "Date: 2025-03-12", "Published 3 March 2025".
    """
    stripped = line.strip()
    if not stripped or len(stripped) > BYLINE_MAX_CHARS:
        return None
    segments: list[str] = []
    for part in _SEGMENT_SPLIT.split(stripped):
        segments.extend(s for s in _CJK_LABEL_SPLIT.split(part) if s.strip())
    byline = _Byline()
    unlabelled: list[str] = []
    informative = False
    for segment in segments:
        segment = segment.strip()
        labelled = _LABELLED.match(segment)
        kind = next((k[:-1].rstrip("0123456789") for k, v in (labelled.groupdict().items() if labelled else ()) if v and k != "value"), None)
        if labelled and kind is not None:
            value = labelled["value"].strip()
            if kind == "date":
                if not _read_date_value(value, month_first, byline):
                    return None
            elif kind == "author":
                # "By X, March 3, 2025": a trailing date after the names
                dates = [d for d in find_dates(value, month_first) if d.end == len(value.rstrip(" ."))]
                if dates:
                    tail = value[dates[-1].start :]
                    value = value[: dates[-1].start].rstrip(" ,;")
                    if not _read_date_value(tail, month_first, byline):
                        return None
                names = _split_names(value)
                if not names:
                    return None
                byline.authors = byline.authors or names
            elif kind == "publisher":
                if not _NAME_OK.match(value):
                    return None
                byline.publisher = byline.publisher or value
            informative = True
            continue
        if _read_date_value(segment, month_first, byline):
            informative = True
            continue
        unlabelled.append(segment)
    if not informative:
        return None
    if unlabelled:
        # An unlabelled short name next to a date is the publishing outlet ("RCI en ligne|20-12-2024").
        if len(unlabelled) > 1 or byline.date is None and byline.partial_date is None:
            return None
        name = unlabelled[0]
        if not _NAME_OK.match(name) or len(name.split()) > 8 or _SENTENCE_END.search(name):
            return None
        byline.publisher = byline.publisher or name
    return byline


def _navigation_title(line: str) -> str | None:
    """"Next: Title" -> "Title"; a bare "Previous" -> ""; None when the line is not navigation."""
    stripped = line.strip()
    match = _NAV_ZH_RE.match(stripped) or _NAV_RE.match(stripped)
    if not match:
        return None
    title = (match["title"] or "").strip()
    if len(title) > 300:
        return None
    return title.strip(" «»‹›<>←→")


def _image_name(line: str) -> str | None:
    stripped = line.strip()
    match = _IMAGE_RE.match(stripped)
    if not match or stripped.count(" ") > 3:
        return None
    return match["name"]


def _clean_paragraph(text: str) -> str:
    """Strip indentation (ASCII and full-width spaces) at the start and whitespace at the end."""
    return text.strip(" \t\u3000\u00a0\u2002\u2003\u2009\ufeff").rstrip()


def _same_title(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()

    return norm(a) == norm(b)


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def _looks_like_heading(paragraph: str, following: str | None) -> bool:
    if following is None or len(paragraph) > HEADING_MAX_CHARS or "\n" in paragraph:
        return False
    if len(paragraph.split()) > HEADING_MAX_WORDS or _SENTENCE_END.search(paragraph) or paragraph.endswith(","):
        return False
    first = paragraph[0]
    if not (first.isupper() or first.isdigit() or _is_cjk(first)):
        return False
    return len(following) > 2 * len(paragraph)


def _body_lines_to_paragraphs(lines: list[tuple[str, bool]]) -> list[str]:
    """Join body lines into paragraphs. `lines` is (text, starts_block) in order.

    A new paragraph starts after a blank line, at an indented line, or after a line ending a sentence
    (news items are usually one line per paragraph); otherwise a hard-wrapped line continues the previous.
    """
    paragraphs: list[str] = []
    for text, starts_block in lines:
        indented = text[:1] in (" ", "\t", "\u3000")
        cleaned = _clean_paragraph(text)
        if not cleaned:
            continue
        if paragraphs and not starts_block and not indented and not _SENTENCE_END.search(paragraphs[-1]):
            previous = paragraphs[-1]
            joiner = "" if _is_cjk(previous[-1]) and _is_cjk(cleaned[0]) else " "
            if previous.endswith("-") and cleaned[:1].islower():
                joiner = ""  # a word hyphenated at a hard wrap
                previous = previous[:-1]
            paragraphs[-1] = previous + joiner + cleaned
        else:
            paragraphs.append(cleaned)
    return paragraphs


def _month_first(raw: str) -> bool:
    """US month/day order for ambiguous numeric dates only when the item is in English."""
    from corpus.structure.language import detect_language

    return detect_language(raw[:5000]) == "en"


def structure_news(raw: str) -> StructuredDocument:
    """Structure one web news item (see module docstring). Pure; never raises on odd input."""
    source = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = source.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return StructuredDocument(text="", genre="news", notes=("empty document",))
    title = _clean_paragraph(lines[first])
    month_first = _month_first(source)

    boilerplate: list[str] = []
    related: list[str] = []
    figures: list[FigureSpan] = []
    notes: list[str] = []
    body: list[tuple[str, bool]] = []
    byline = _Byline()
    seen_byline = False
    blank_before = True
    for line in lines[first + 1 :]:
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        in_header = not body
        if in_header and _same_title(stripped, title):
            boilerplate.append(stripped)
            notes.append("title repeated below the byline; kept once")
            continue
        nav = _navigation_title(stripped)
        if nav is not None:
            boilerplate.append(stripped)
            if nav:
                related.append(nav)
            blank_before = True
            continue
        image = _image_name(stripped)
        if image is not None:
            figures.append(FigureSpan(label=image, kind="image"))
            blank_before = True
            continue
        parsed = parse_byline(stripped, month_first)
        if parsed is not None:
            boilerplate.append(stripped)
            if not seen_byline or byline.date is None:
                byline.date = byline.date or parsed.date
                byline.time = byline.time or parsed.time
            byline.partial_date = byline.partial_date or parsed.partial_date
            byline.authors = byline.authors or parsed.authors
            byline.publisher = byline.publisher or parsed.publisher
            byline.ambiguous = byline.ambiguous or parsed.ambiguous
            seen_byline = True
            blank_before = True
            continue
        body.append((line.rstrip(), blank_before))
        blank_before = False

    paragraphs = _body_lines_to_paragraphs(body)
    text, sections = _assemble(paragraphs)

    if not seen_byline:
        notes.append("no byline found: published date, authors and publisher unknown")
    if byline.partial_date and byline.date is None:
        notes.append(f"byline date {byline.partial_date} has no year; published_date left empty")
    if byline.ambiguous:
        order = "month/day" if month_first else "day/month"
        notes.append(f"numeric byline date read as {order}")
    event_dates = tuple(dict.fromkeys(m.iso for m in find_dates(text, month_first)))

    return StructuredDocument(
        text=text,
        title=title or None,
        authors=byline.authors,
        publisher=byline.publisher,
        published_date=byline.date,
        published_time=byline.time,
        event_dates=event_dates,
        related_links=tuple(related),
        sections=sections,
        figures=tuple(figures),
        boilerplate=tuple(boilerplate),
        genre="news",
        notes=tuple(notes),
    )


def _assemble(paragraphs: list[str]) -> tuple[str, tuple[SectionSpan, ...]]:
    """Join paragraphs with blank lines; a preamble section, plus level-1 sections when the item has
    real subheadings (at least two short unpunctuated lines each followed by longer body text)."""
    text = "\n\n".join(paragraphs)
    if not text:
        return "", ()
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    headings = [
        i
        for i, paragraph in enumerate(paragraphs)
        if _looks_like_heading(paragraph, paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
    ]
    if len(headings) < 2:
        return text, (SectionSpan(heading="", level=1, start=0, end=len(text), kind="preamble"),)
    sections: list[SectionSpan] = []
    if headings[0] > 0:
        sections.append(SectionSpan(heading="", level=1, start=0, end=starts[headings[0]], kind="preamble"))
    for n, i in enumerate(headings):
        body_start = min(starts[i] + len(paragraphs[i]) + 2, len(text))
        end = starts[headings[n + 1]] if n + 1 < len(headings) else len(text)
        sections.append(SectionSpan(heading=paragraphs[i], level=1, start=body_start, end=end))
    return text, tuple(sections)
