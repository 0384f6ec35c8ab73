"""Long texts in pieces: statistical pipelines refuse texts over `nlp.max_length` (spaCy E088, 1,000,000
characters) and their memory grows with the text, so a long report is processed in pieces cut at
paragraph (else line, else sentence, else space) boundaries and the spans are shifted back.

Hand-written: spaCy offers no splitter that keeps exact offsets into the original string.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

PIECE_CHARS = 100_000  # well under spaCy's limit; one piece of a long report is still many pages
_BREAKS = ("\n\n", "\n", ". ", "。", " ")

Span = TypeVar("Span")


def split_text(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs that concatenate to `text`, each at most `limit` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for mark in _BREAKS:
            at = window.rfind(mark, limit // 2)
            if at > 0:
                cut = at + len(mark)
                break
        cut = cut or limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def detect_in_pieces(texts: Sequence[str], detect: Callable[..., list[list[Span]]], limit: int | None = None, tags: Sequence | None = None) -> list[list[Span]]:
    """`detect` (one list of spans per text) run over texts cut into pieces, spans shifted to each text.

    With `tags` (one per text), `detect` is called as `detect(pieces, piece_tags)`, each piece carrying
    its text's tag (e.g. whether the text is a footnote)."""
    limit = limit or PIECE_CHARS
    owners: list[tuple[int, int]] = []  # (text index, offset of the piece in that text)
    pieces: list[str] = []
    for i, text in enumerate(texts):
        for offset, piece in split_text(text, limit):
            owners.append((i, offset))
            pieces.append(piece)
    found = detect(pieces) if tags is None else detect(pieces, [tags[i] for i, _ in owners])
    results: list[list[Span]] = [[] for _ in texts]
    for (i, offset), spans in zip(owners, found):
        results[i].extend(_shifted(s, offset) if offset else s for s in spans)
    return results


def _shifted(span: Span, offset: int) -> Span:
    """`span` moved by `offset` characters, with the span it nests in (`parent`, when it has one)."""
    changes = {"start": span.start + offset, "end": span.end + offset}
    parent = getattr(span, "parent", None)
    if parent:
        changes["parent"] = (parent[0] + offset, parent[1] + offset)
    return dataclasses.replace(span, **changes)
