"""References inside prose: named works, EU document designations, a full reference in brackets closing a sentence."""

from __future__ import annotations

import re

from corpus.enrich.citations.fields import _classify_paren, _LOCATOR_OF, _parse_reference, _parse_unquoted
from corpus.enrich.citations.model import _Draft, Span
from corpus.enrich.citations.patterns import _AUX, _DATE, _DESIGNATION, _MONTHS, _NAME_TOKEN
from corpus.enrich.citations.text import _dates, _is_org_name, _prose, _span


_LEGAL_NUMBER = re.compile(r"\b(?:Regulation|Directive|Decision)\s+\((?:EU|EC|EEC|Euratom)\)\s+(?:No\s+)?\d{2,4}/\d+")
_POSSESSIVE_WORK = re.compile(
    r"(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)[’']s\s+(?:forthcoming|recent|new|latest|upcoming)\s+"
    r"(?P<title>[A-Z][^()]*?)\s*\((?P<year>(?:19|20)\d\d)\)"
)
_NAMED_REPORT = re.compile(
    r"\b[Tt]he\s+(?P<title>[A-Z][^.;()]*?)\s+(?:report|study|strategy)\s+(?:published|released|issued|adopted)\s+(?:in|on)\s+"
)


def _in_prose(text: str, start: int, end: int) -> list[tuple[_Draft, bool]]:
    """References inside a sentence of prose, as (draft, tentative); tentative ones are kept only when they
    point back to an earlier citation."""
    ref = _LOCATOR_OF.search(text, start, end)
    if ref:
        # "para 29 of the Weltimmo judgment", "Recital 22 of the GDPR"
        loc = Span(ref.group("loc"), ref.start("loc"), ref.end("loc"))
        name = Span(ref.group("name"), ref.start("name"), ref.end("name"))
        return [(_Draft(name.start, name.end, title=name, locator=loc), True)]
    found: list[tuple[_Draft, bool]] = []
    for m in _LEGAL_NUMBER.finditer(text, start, end):
        # "as provided in the Regulation (EU) 2021/240"
        found.append((_Draft(m.start(), m.end(), title=Span(m.group(0), m.start(), m.end())), True))
    for m in _POSSESSIVE_WORK.finditer(text, start, end):
        # "JRC's forthcoming AI Watch report on AI national strategies (2021)"
        draft = _Draft(m.start(), m.end(), authors=[Span(m.group("org"), m.start("org"), m.end("org"))], type_hint="report")
        draft.title = Span(m.group("title"), m.start("title"), m.end("title"))
        draft.date = Span(m.group("year"), m.start("year"), m.end("year"))
        found.append((draft, False))
    for m in _NAMED_REPORT.finditer(text, start, end):
        # "The AI Cybersecurity Challenges: Threat Landscape for Artificial Intelligence report published in December 2020"
        date = _DATE.match(text, m.end())
        if date:
            draft = _Draft(m.start("title"), date.end(), title=Span(m.group("title"), m.start("title"), m.end("title")), type_hint="report")
            draft.date = Span(date.group(0), date.start(), date.end())
            found.append((draft, False))
    if found:
        return sorted(found, key=lambda f: f[0].start)
    embedded = _embedded(text, start, end)
    if embedded is not None:
        return [(embedded, False)]
    closing = _closing_reference(text, start, end)
    return [(closing, False)] if closing is not None else []


def _named_works(text: str, start: int, end: int) -> list[_Draft]:
    """Works named in prose by their owner or kind: "JRC's forthcoming AI Watch report on ... (2021)",
    "The AI Cybersecurity Challenges: ... report published in December 2020"."""
    found = [d for d, tentative in _in_prose(text, start, end) if not tentative and d.type_hint == "report" and (d.authors or d.date)]
    return found if found and any(_POSSESSIVE_WORK.search(text, start, end) or _NAMED_REPORT.search(text, start, end) for _ in (0,)) else []


def _closing_reference(text: str, start: int, end: int) -> _Draft | None:
    """A full reference in brackets closing a sentence of prose: '... (Council of the European Union, Conclusions on ..., 11 February 2019).'"""
    m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\W*$", text[start:end])
    if not m:
        return None
    s, e = start + m.start(1), start + m.end(1)
    if text[s:e].count(",") < 2 or not _dates(text, s, e):
        return None
    draft = _Draft(s, e)
    _parse_unquoted(text, draft, s, e)
    if draft.title is not None and draft.container is None and draft.authors and _is_org_name(draft.title.value):
        draft.container, draft.title = draft.title, None  # "(Evas, T, European Parliamentary Research Service, 2020)"
    return draft if (draft.title or draft.authors) and draft.date else None


def _designated(text: str, start: int, end: int) -> list[_Draft]:
    """Documents named before their EU document numbers: '... set out in the European Commission's Communication on
    AI for Europe (COM(2018) 237 final) and White Paper on ... (COM(2020) 65 final).'"""
    drafts: list[_Draft] = []
    cut = start
    for m in _DESIGNATION.finditer(text, start, end):
        boundary = cut
        year = None
        for b in re.finditer(r"(?:\)\s*(?:,|and)\s+|\b(?:in|see|and)\s+(?:the\s+)?(?:(?P<year>(?:19|20)\d\d)\s+)?|[’']s\s+|^)", text[cut : m.start()]):
            after = cut + b.end()
            if after < m.start() and (text[after].isupper() or text[after].isdigit()):
                if b.group(0).strip().lower() == "and" and text[cut : cut + b.start()].strip():
                    continue  # 'Sustainable and Smart Mobility': 'and' joins words inside a title
                boundary, year = after, (cut + b.start("year"), cut + b.end("year")) if b.group("year") else None
        t_start = boundary
        lead = re.match(r"(?:The|the)\s+(?:(?:recent|new|latest|forthcoming)\s+)?", text[t_start : m.start()])
        if lead:
            t_start += lead.end()
        draft = _Draft(t_start, m.end(), type_hint="law_policy")
        owner = re.search(r"(?:the\s+)?(?P<org>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s\s+$", text[cut:t_start])
        if owner:
            draft.authors = [Span(owner.group("org"), cut + owner.start("org"), cut + owner.end("org"))]
        issuer = re.match(r"(?P<org>(?:European\s+)?(?:Commission|Council|Parliament)(?:\s+of\s+the\s+European\s+Union)?)\s+(?:Communication\s+(?!on\b|from\b|to\b))?(?=[A-Z])", text[t_start : m.start()])
        if issuer:
            draft.authors = [Span(issuer.group("org"), t_start + issuer.start("org"), t_start + issuer.end("org"))]
            t_start += issuer.end()
        draft.title = _span(text, t_start, m.start(), " ,.;:")
        if draft.title is None or _AUX.search(draft.title.value) or len(draft.title.value.split()) > 25:
            return []
        if year:
            draft.date = Span(text[year[0] : year[1]], *year)
        drafts.append(draft)
        cut = m.end()
    return drafts


def _embedded(text: str, start: int, end: int) -> _Draft | None:
    """A reference at the end of a sentence of prose: '... adopted and described in Author, Title (...), p. 67'."""
    for m in re.finditer(r"\b(?:in|see|from|by|(?P<verb>published|released|issued))\s+(?=[A-Z“\"])", text[start:end]):
        s = start + m.end()
        draft = _parse_reference(text, s, end)
        if draft.comment or draft.title is None or not (draft.date or draft.container or draft.url) or re.match(rf"(?:{_MONTHS})\b", draft.title.value):
            continue
        prose = _AUX.search(draft.title.value) if m.group("verb") else (not draft.title_quoted and (_prose(draft.title.value) or _AUX.search(draft.title.value)))
        if len(draft.title.value.split()) > 12 or prose or draft.title.value.count("(") != draft.title.value.count(")"):
            continue
        if draft.title.start == s and not draft.title_quoted and not draft.authors:
            book = _embedded_book(text, start, end)
            if book is not None:
                return book
        return draft
    return _embedded_book(text, start, end)


def _embedded_book(text: str, start: int, end: int) -> _Draft | None:
    """A book named in a sentence: '... identify in Innovation in Emerging Markets (New York: Palgrave MacMillan, 2016).'"""
    m = re.search(r"\b(?:in|see)\s+((?:[A-Z][\w’'\-]*\s+)(?:[\w’'\-]+\s+){0,10}?)\(([^()]*?(?:Press|Books|Publishing|Education|MacMillan|Macmillan)[^()]*?)\)", text[start:end])
    if not m:
        return None
    draft = _Draft(start + m.start(1), start + m.end())
    draft.title = _span(text, start + m.start(1), start + m.end(1))
    _classify_paren(text, draft, start + m.start(2), start + m.end(2))
    people = re.search(rf"((?:{_NAME_TOKEN}\s+){{1,2}}{_NAME_TOKEN})\s+and\s+((?:{_NAME_TOKEN}\s+){{1,2}}{_NAME_TOKEN})\s+\w+", text[start : draft.start])
    if people:
        draft.authors = [Span(people.group(k), start + people.start(k), start + people.end(k)) for k in (1, 2)]
    draft.type_hint = "book"
    return draft
