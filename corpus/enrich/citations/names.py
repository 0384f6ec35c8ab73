"""Name spans of footnotes from their citation parse, for entity detection (authors, containers, titles)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.enrich.citations.model import ParsedCitation, Span
from corpus.enrich.citations.notes import parse_note
from corpus.enrich.citations.text import _is_person
from corpus.enrich.model import EntitySpan


@dataclass(frozen=True)
class NoteNameSpans:
    """Name-like spans of one footnote from its citation parse, for entity detection.

    `persons` are authors that look like personal names (PERSON), `organisations` are organisational
    authors and containers (ORG), `titles` are titles of works and their glosses: a detector should
    not report a name inside a title (titles of works are not names). Offsets are into the note text.
    """

    persons: tuple[Span, ...]
    organisations: tuple[Span, ...]
    titles: tuple[Span, ...]

    def entity_spans(self) -> list[EntitySpan]:
        """Persons and organisations as entity spans (PERSON, ORG), in text order."""
        spans = [EntitySpan(s.start, s.end, s.value, "PERSON") for s in self.persons]
        spans += [EntitySpan(s.start, s.end, s.value, "ORG") for s in self.organisations]
        return sorted(spans, key=lambda e: (e.start, e.end))

    def in_title(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps the title of a cited work (drop such NER spans)."""
        return any(t.start < end and start < t.end for t in self.titles)


def name_spans(citations: Sequence[ParsedCitation]) -> dict[int, NoteNameSpans]:
    """By note number: the name spans of already parsed citations (e.g. `parse_footnotes` output, where a lone
    short title such as 'Weltimmo, paragraph 31.' is a title, not an author)."""
    grouped: dict[int, tuple[list[Span], list[Span], list[Span]]] = {}
    for c in citations:
        persons, orgs, titles = grouped.setdefault(c.note, ([], [], []))
        for a in c.authors:
            (persons if _is_person(a.value) else orgs).append(a)
        if c.container is not None and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", c.container.value):
            orgs.append(c.container)  # a site printed as a domain ('zarazhang.com') is not an organisation's name
        titles.extend(s for s in (c.title, c.title_translation) if s is not None)
    return {n: NoteNameSpans(tuple(p), tuple(o), tuple(t)) for n, (p, o, t) in grouped.items()}


def note_name_spans(text: str, number: int = 1) -> NoteNameSpans:
    """Authors, containers and titles of one note on its own (no back-references to earlier notes)."""
    return name_spans(parse_note(number, text)).get(number, NoteNameSpans((), (), ()))
