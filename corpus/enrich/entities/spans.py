"""Plain character spans over a spaCy `Doc`, for the small components that edit `doc.ents` after the
main fixes: read the entities as (start, end, label, hint) tuples, change them, write them back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

Item = tuple[int, int, str, str | None]  # start_char, end_char, label, canonical_hint

if not Span.has_extension("canonical_hint"):
    Span.set_extension("canonical_hint", default=None)


_TEXT = "_tt_text"  # doc.user_data key of the cached text


def text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy joins every token's text on each access, and the components
    after `ner` change only `doc.ents`, never the tokens, so the string stays valid for the whole pipeline."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def items(doc: Doc) -> list[Item]:
    return [(e.start_char, e.end_char, e.label_, e._.canonical_hint) for e in doc.ents]


def majority_labels(text: str, items: Iterable[Item]) -> dict[str, str]:
    """Per surface, the label its spans carry most often (first seen wins a tie)."""
    counts: dict[str, Counter] = {}
    for start, end, label, _hint in items:
        counts.setdefault(text[start:end], Counter())[label] += 1
    return {surface: labels.most_common(1)[0][0] for surface, labels in counts.items()}


def write(doc: Doc, new: Iterable[Item]) -> Doc:
    """Set `doc.ents` from character spans (snapped inside token bounds; overlaps: longest wins).

    When `new` is exactly what `doc.ents` holds (every span non-blank), the entities are left as they are:
    setting them again would give the same spans, labels and hints."""
    new = list(new)
    whole = text(doc)
    if new == items(doc) and all(whole[start:end].strip() for start, end, _, _ in new):
        return doc
    made: list[tuple[Span, str | None]] = []
    for start, end, label, hint in new:
        sp = doc.char_span(start, end, label=label, alignment_mode="contract")
        if sp is not None and len(sp) and whole[sp.start_char:sp.end_char].strip():
            made.append((sp, hint))
    hints = {(sp.start_char, sp.end_char): hint for sp, hint in made if hint}
    doc.ents = sorted(filter_spans([sp for sp, _ in made]), key=lambda sp: sp.start)
    for sp in doc.ents:
        hint = hints.get((sp.start_char, sp.end_char))
        if hint:
            sp._.canonical_hint = hint
    return doc
