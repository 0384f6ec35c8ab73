"""Tables derived from the published records of one document (pure functions, no I/O):
`paragraphs` from documents, sections, figures and footnotes; `ner` from paragraphs and mentions."""

from __future__ import annotations

from collections import defaultdict

from corpus.derive.ner import ner_rows, paragraph_tokens
from corpus.derive.paragraphs import paragraph_records
from corpus.derive.splits import split_of

__all__ = ["derive_tables", "ner_rows", "paragraph_records", "paragraph_tokens", "split_of"]


def derive_tables(tables) -> None:
    """Fill `tables.paragraphs` and `tables.ner` (a `pipeline.Tables`) from its other tables, per document.

    The build does the same in two halves: paragraphs and their tokens in the per-document step (so
    they are cached with it), the tags once mentions are linked (`pipeline.assemble_tables`)."""
    by_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in ("sections", "figures", "footnotes", "mentions"):
        for record in getattr(tables, name):
            by_doc[record.doc_id][name].append(record)
    tables.paragraphs, tables.ner = [], []
    for document in tables.documents:
        rows = by_doc[document.doc_id]
        paragraphs = paragraph_records(document, rows["sections"], rows["figures"], rows["footnotes"])
        tables.paragraphs.extend(paragraphs)
        tables.ner.extend(ner_rows(paragraphs, rows["mentions"]))
