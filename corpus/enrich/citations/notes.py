"""Parsing one note into its cited works (`parse_note`)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from corpus.enrich.citations.fields import _parse_reference
from corpus.enrich.citations.kinds import _language, _lone_title, _looks_like_comment, _type
from corpus.enrich.citations.model import _Draft, ParsedCitation, Span
from corpus.enrich.citations.patterns import _IBID, _LEADS, _LOCATOR, _OP_CIT
from corpus.enrich.citations.prose import _designated, _in_prose, _named_works
from corpus.enrich.citations.segments import _case_list, _segments
from corpus.enrich.citations.text import _date_iso, _span, _strip_span
from corpus.structure.url_repair import is_complete_url


NOTE_CACHE = 4096  # notes whose parse is kept: a document's notes are parsed for its citations, then again for NER


def parse_note(number: int, text: str) -> list[ParsedCitation]:
    """The references of one note, without back-references resolved (ibid/short refer to nothing yet)."""
    return [c if c.note == number else replace(c, note=number) for c in _parse_note_text(text)]


@functools.lru_cache(maxsize=NOTE_CACHE)
def _parse_note_text(text: str) -> tuple[ParsedCitation, ...]:
    """`parse_note` of `text` as note 0: the note's number is only a label on its citations."""
    return tuple(_parse_note(0, text))


def _parse_note(number: int, text: str) -> list[ParsedCitation]:
    if not text.strip():
        return []
    m = _IBID.match(text)
    if m:
        rest = _span(text, m.end(), len(text))
        locator = None
        if rest is not None:
            loc = _LOCATOR.search(text, rest.start, rest.end)
            locator = Span(loc.group(0), loc.start(), loc.end()) if loc else None
            if locator is None and re.fullmatch(r"(?:at\s+)?\d+(?:\s*[-–]\s*\d+)?", rest.value):
                locator = rest  # "Ibid., 23.", "Id. at 5."
        end = _strip_span(text, 0, len(text))[1]
        return [ParsedCitation(number, 1, "ibid", m.start() + (len(text[: m.start()]) - len(text[: m.start()].lstrip())), end, locator=locator)]
    results: list[ParsedCitation] = []
    for s, e in _segments(text):
        s, e = _strip_span(text, s, e, " ,.;:")
        lead = _LEADS.match(text, s, e)
        if lead:
            s = lead.end()
        op = _OP_CIT.search(text, s, e)
        op_cit = bool(op)
        if op:
            e = op.start()
        if e <= s:
            continue
        listed = _designated(text, s, e) or _case_list(text, s, e) or _named_works(text, s, e)
        if listed:
            for draft in listed:
                results.append(_citation(number, len(results) + 1, "citation", text, draft))
            continue
        draft = _parse_reference(text, s, e)
        if not op_cit and _looks_like_comment(text, s, e, draft):
            found = _in_prose(text, s, e)
            for draft, tentative in found:
                c = _citation(number, len(results) + 1, "short" if tentative else "citation", text, draft)
                results.append(replace(c, tentative=tentative))
            continue
        if not op_cit and _lone_title(draft):
            # "Weltimmo." or "European Aviation High Level Group on AI.": a short title if it points back, else a comment
            results.append(replace(_citation(number, len(results) + 1, "short", text, draft), tentative=True))
            continue
        results.append(_citation(number, len(results) + 1, "short" if op_cit else "citation", text, draft))
    if not results:
        return [_comment(number, text)]
    return results


def _comment(number: int, text: str) -> ParsedCitation:
    return ParsedCitation(number, 1, "comment", 0, _strip_span(text, 0, len(text))[1])


def _citation(number: int, ordinal: int, kind: str, text: str, draft: _Draft) -> ParsedCitation:
    return ParsedCitation(
        note=number,
        ordinal=ordinal,
        kind=kind,
        start=draft.start,
        end=max(draft.start, _strip_span(text, draft.start, draft.end, " ,.;:")[1]),
        authors=tuple(draft.authors),
        title=draft.title,
        title_translation=draft.title_translation,
        container=draft.container,
        date=draft.date,
        date_iso=_date_iso(draft.date.value) if draft.date else None,
        url=draft.url if draft.url is None or is_complete_url(draft.url.value) else None,  # a URL cut short is not published
        locator=draft.locator,
        type=_type(text, draft),
        language=_language(draft),
    )
